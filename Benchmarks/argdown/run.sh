#!/usr/bin/env bash
# Argdown import benchmark: the whole `argmap import FILE.argdown -o OUT.argmap` process on
# generated debates of 1, 10 and 50 MB and on one relation tree 10,000 levels deep (2 spaces a
# level, about 100 MB). Prints medians of the wall time and of the CPU time (user and system;
# steadier on a busy machine), MB/s of each, and the peak RSS, also per input byte and per input
# byte above what importing a one-line file takes; asserts nothing.
#
#   bash Benchmarks/argdown/run.sh [RUNS] [OTHER_ARGMAP]
#
# RUNS (default 3) runs of each file; with OTHER_ARGMAP (say, a release binary of the code
# before a change) both binaries run in alternation, and each gets its own line.
# Targets: at least 20 MB/s and at most 10 bytes of peak RSS per input byte.
# Needs python3 and GNU time (/usr/bin/time); builds argmap with Scripts/build-release.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
other="${2:-}"
argmap="$(Scripts/build-release.sh)/argmap"
work="Benchmarks/out/argdown"
mkdir -p "$work"
for size in 1 10 50; do
  [ -s "$work/debate-$size.argdown" ] ||
    python3 Benchmarks/argdown/generate.py "$work/debate-$size.argdown" "$size"
done
[ -s "$work/deep-10000.argdown" ] ||
  python3 Benchmarks/argdown/generate.py "$work/deep-10000.argdown" --deep 10000

median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }

# Runs one import, which must succeed, and sets `seconds`, `cpu` (user and system seconds)
# and `kib` (its peak RSS).
measure() {
  local binary="$1" input="$2" stats
  stats="$(mktemp)"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$stats" "$binary" import "$input" -o "$work/out.argmap" \
    2>/dev/null; then
    echo "argdown benchmark: '$binary import $input' failed" >&2
    exit 1
  fi
  read -r seconds kib user system <"$stats"
  cpu="$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')"
  rm -f "$stats"
}

# What a process takes whatever it reads (the binary, the Swift runtime): the peak RSS of
# importing a one-statement file, taken off in the last column.
printf '[Tiny]: one statement\n' >"$work/tiny.argdown"
measure "$argmap" "$work/tiny.argdown"
base_kib="$kib"

binaries=("$argmap")
labels=(argmap)
if [ -n "$other" ]; then
  binaries+=("$other")
  labels+=(other)
fi
printf 'file\tbinary\tbytes\twall_s\tMB/s\tcpu_s\tMB/s_cpu\tpeak_rss_MiB\tB_per_B\tB_per_B_above_start\n'
for input in "$work"/debate-1.argdown "$work"/debate-10.argdown "$work"/debate-50.argdown \
  "$work"/deep-10000.argdown; do
  bytes="$(stat -c %s "$input")"
  declare -A times=() cpus=() peaks=()
  for _ in $(seq "$runs"); do
    for index in "${!binaries[@]}"; do
      measure "${binaries[$index]}" "$input"
      times[$index]+="$seconds "
      cpus[$index]+="$cpu "
      peaks[$index]+="$kib "
    done
  done
  for index in "${!binaries[@]}"; do
    # shellcheck disable=SC2086
    seconds="$(median ${times[$index]})"
    # shellcheck disable=SC2086
    cpu="$(median ${cpus[$index]})"
    # shellcheck disable=SC2086
    kib="$(median ${peaks[$index]})"
    awk -v f="$(basename "$input")" -v b="${labels[$index]}" -v n="$bytes" -v s="$seconds" \
      -v c="$cpu" -v k="$kib" -v base="$base_kib" 'BEGIN {
        printf "%s\t%s\t%d\t%.2f\t%.1f\t%.2f\t%.1f\t%.0f\t%.1f\t%.1f\n", f, b, n, s,
          (s > 0 ? n / 1e6 / s : 0), c, (c > 0 ? n / 1e6 / c : 0), k / 1024, k * 1024 / n,
          (k - base) * 1024 / n }'
  done
  unset times cpus peaks
done
