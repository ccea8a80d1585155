#!/usr/bin/env bash
# Rendering benchmark: prints figures, asserts nothing (the machine is shared and noisy).
#
#   bash Benchmarks/render.sh
#
# Side by side in one run:
# 1. `argmap render MAP -o OUT.svg` (release build, libgvc in-process) against `dot -Tsvg` on the
#    DOT that argmap emits for the same map, for generated maps of 50 and 2,000 statements, in
#    interleaved rounds (Benchmarks/interleave.py);
# 2. 200 small maps drawn by one `argmap render ... --output-dir` against 200 `dot` processes
#    (hyperfine: apt-get install hyperfine);
# then 3. a leak check: 1,000 renders in one process, RSS at renders 1, 250, 500 and 1,000;
# 4. the steps of one render in one process (scene, DOT, Graphviz, the SVG pass), medians.
# `--layout dot` keeps the 2,000-node map on dot (by default argmap switches to sfdp above 1,000
# nodes; see docs/limits.md), so both sides lay out the same way.
#
# argmap is built as a release binary would ship (Scripts/build-release.sh: the Swift runtime and
# libstdc++ linked in), which starts in about half the time of a dynamically linked one.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Benchmarks/out
rm -rf "$out"
mkdir -p "$out"

command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine"; exit 1; }
bin=$(Scripts/build-release.sh argmap RenderBenchmark)
argmap="$bin/argmap"

"$bin/RenderBenchmark" maps "$out" >/dev/null
for size in 50 2000; do
  "$argmap" render "$out/map-$size.argmap" --format dot -o "$out/map-$size.dot"
done
mkdir -p "$out/small-dot" "$out/batch-argmap" "$out/batch-dot"
"$argmap" render "$out"/small/*.argmap --format dot --output-dir "$out/small-dot"

summary() { # JSON LABEL: medians and the ratio dot / argmap
  python3 - "$1" "$2" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
argmap, dot = (statistics.median(r["times"]) for r in results)
print(f"{sys.argv[2]}: argmap {argmap*1000:.1f} ms, dot {dot*1000:.1f} ms (medians); "
      f"dot / argmap = {dot/argmap:.2f}")
PY
}

echo "== one map: argmap render vs dot -Tsvg on argmap's DOT =="
# The small map takes milliseconds, less than a shared machine's slow moments last: the two
# commands run in alternation, 100 rounds, so those moments fall on both alike.
echo "50 nodes, 100 interleaved rounds:"
python3 Benchmarks/interleave.py 100 \
  "dot=dot -Tsvg $out/map-50.dot -o $out/dot-50.svg" \
  "argmap=$(printf %q "$argmap") render $out/map-50.argmap --layout dot -o $out/argmap-50.svg"
# The large map takes seconds, and the machine's speed can change between two of them: 5 rounds
# in alternation too.
echo "2,000 nodes, 5 interleaved rounds:"
python3 Benchmarks/interleave.py --warmup=1 5 \
  "dot=dot -Tsvg $out/map-2000.dot -o $out/dot-2000.svg" \
  "argmap=$(printf %q "$argmap") render $out/map-2000.argmap --layout dot -o $out/argmap-2000.svg"

echo
echo "== 200 small maps: one argmap invocation vs 200 dot processes =="
hyperfine -N --warmup 1 --runs 10 --style basic --export-json "$out/batch.json" \
  -n "argmap render 200 maps --output-dir" \
  "$argmap render $(echo "$out"/small/*.argmap) --output-dir $out/batch-argmap" \
  -n "200 x dot -Tsvg" \
  "bash -c 'for f in $out/small-dot/*.dot; do dot -Tsvg \"\$f\" -o $out/batch-dot/\$(basename \"\$f\" .dot).svg; done'" \
  | grep -E "^Benchmark|Time \(mean"
summary "$out/batch.json" "  200 maps"

echo
echo "== leak check: 1,000 renders in one process =="
"$bin/RenderBenchmark" leak
"$bin/RenderBenchmark" leak --no-reasoning

echo
echo "== where one render's time goes, once Graphviz is loaded =="
"$bin/RenderBenchmark" phases
