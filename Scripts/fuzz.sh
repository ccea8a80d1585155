#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (fuzzer and address sanitizers) and runs them.
#
#   Scripts/fuzz.sh [TARGET|all] [RUNS]
#
# TARGET is argmap, json, argdown, aif, kialo, framework or markdown (default: all, one after another); RUNS is the
# number of inputs each target executes (default 100000). Every input has a time limit
# (FUZZ_TIMEOUT seconds, default 10) so that hangs are findings, and the process a memory limit
# (FUZZ_RSS_MB, default 2048). Inputs are at most FUZZ_MAX_LEN bytes (default 4096, longer seeds
# are cut); FUZZ_SEED
# (default 1) fixes libFuzzer's random choices in a single job. FUZZ_JOBS (default 1) splits the RUNS of a target
# over that many processes at once, sharing one corpus: on a machine with cores to spare, a long
# run finishes sooner (the count is the same; each job logs to fuzz-JOB.log beside the target log).
#
# Seeds come afresh on every run from Graphs/, Examples/, docs/, README.md and the test fixtures
# (including every earlier finding under Tests/*/Fixtures/fuzz/); what libFuzzer learns is kept in
# .build-fuzz/corpus/TARGET, findings go to .build-fuzz/artifacts/TARGET/. Neither is committed.
# The script fails on the first finding and says how to reproduce it. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-all}
runs=${2:-100000}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
max_len=${FUZZ_MAX_LEN:-4096}
seed=${FUZZ_SEED:-1}
jobs=${FUZZ_JOBS:-1}
scratch=.build-fuzz
root=$PWD
# The Swift runtime's own crash handler would race with libFuzzer's and the address sanitizer's.
export SWIFT_BACKTRACE=enable=no
# Shorter allocation stacks: recording them is most of the sanitizer's cost on these targets.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=8}
all=(argmap json argdown aif kialo framework markdown)

case "$target" in
  all) targets=("${all[@]}") ;;
  argmap | json | argdown | aif | kialo | framework | markdown) targets=("$target") ;;
  *)
    echo "usage: Scripts/fuzz.sh [argmap|json|argdown|aif|kialo|framework|markdown|all] [RUNS]" >&2
    exit 64
    ;;
esac

# Seed files for a target, one path a line, in a stable order.
seed_files() {
  case "$1" in
    argmap)
      find Graphs Examples Tests -name '*.argmap'
      find Tests -path '*/Fixtures/fuzz/argmap/*' -type f
      ;;
    json)
      find Examples Tests -name '*.json' -not -path '*/Golden/*'
      find Tests -path '*/Fixtures/fuzz/json/*' -type f
      ;;
    argdown)
      find Examples Tests -name '*.argdown'
      find Tests -path '*/Fixtures/fuzz/argdown/*' -type f
      ;;
    aif)
      find Tests -name '*.json' \( -path '*/aif/*' -o -name '*.aif.json' \)
      find Tests -path '*/Fixtures/fuzz/aif/*' -type f
      ;;
    kialo)
      find Tests \( -path '*/kialo/*' -o -name '*.kialo.txt' \) -name '*.txt'
      find Tests -path '*/Fixtures/fuzz/kialo/*' -type f
      ;;
    framework)
      find Tests -name '*.af' -o -name '*.apx' -o -name '*.tgf'
      find Tests -path '*/Fixtures/fuzz/framework/*' -type f
      ;;
    markdown)
      find Examples docs -name '*.md'
      echo README.md
      find Tests -path '*/Fixtures/fuzz/markdown/*' -type f
      ;;
  esac | LC_ALL=C sort -u
}

# swift-driver keeps only the last -sanitize= option it is given, and SwiftPM's
# `--sanitize=fuzzer --sanitize=address` passes two in no fixed order, which builds either without
# coverage or without address checks (and rebuilds everything when the order changes). So:
# `--sanitize=fuzzer` tells SwiftPM to leave `main` to libFuzzer, and `-Xswiftc
# -sanitize=fuzzer,address`, which SwiftPM places last, is the option that takes effect.
build=(swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
  --package-path Fuzz --scratch-path "$scratch")
build_started=$(date +%s)
"${build[@]}"
bin=$("${build[@]}" --show-bin-path)
echo "fuzz: sanitizer build took $(($(date +%s) - build_started)) s"

for name in "${targets[@]}"; do
  seeds="$scratch/seeds/$name"
  corpus="$scratch/corpus/$name"
  artifacts="$scratch/artifacts/$name"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$artifacts"
  count=0
  while IFS= read -r file; do
    count=$((count + 1))
    cp "$file" "$seeds/$(printf '%03d' "$count")-$(basename "$file")"
  done < <(seed_files "$name")
  log="$scratch/fuzz-$name.log"
  echo "fuzz-$name: $count seeds, $runs inputs in $jobs job(s), timeout ${timeout}s, rss ${rss} MB"
  options=(-timeout="$timeout" -rss_limit_mb="$rss" -max_len="$max_len"
    -artifact_prefix="$root/$artifacts/" -print_final_stats=1)
  started=$(date +%s)
  status=0
  if [ "$jobs" -le 1 ]; then
    "$bin/fuzz-$name" "$corpus" "$seeds" -runs="$runs" -seed="$seed" "${options[@]}" \
      >"$log" 2>&1 || status=$?
    job_logs=("$log")
  else
    # libFuzzer writes each job's output to fuzz-JOB.log in the working directory. Each job draws
    # its own random seed (-seed=0), or the jobs would repeat one another's inputs.
    job_dir="$scratch/jobs-$name"
    rm -rf "$job_dir"
    mkdir -p "$job_dir"
    (cd "$job_dir" && "$bin/fuzz-$name" "$root/$corpus" "$root/$seeds" \
      -jobs="$jobs" -workers="$jobs" -runs=$(((runs + jobs - 1) / jobs)) -seed=0 "${options[@]}") \
      >"$log" 2>&1 || status=$?
    job_logs=("$job_dir"/fuzz-*.log)
  fi
  elapsed=$(($(date +%s) - started))
  if [ "$status" -ne 0 ]; then
    for file in "${job_logs[@]}"; do
      if grep -q 'Test unit written to' "$file"; then tail -n 40 "$file" >&2; fi
    done
    echo "fuzz-$name: FINDING after ${elapsed}s (exit $status); logs in ${job_logs[*]}" >&2
    echo "reproduce with: $bin/fuzz-$name ARTIFACT (the path after 'Test unit written to')" >&2
    exit 1
  fi
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "${job_logs[@]}" |
    awk '{ total += $1 } END { print total }')
  echo "fuzz-$name: ${executed:-?} inputs in ${elapsed}s, no finding"
done
