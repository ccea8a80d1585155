#!/usr/bin/env bash
# Rendering benchmark: prints figures, asserts nothing (the machine is shared and noisy).
#
#   bash Benchmarks/render.sh
#
# Side by side in one run, with argmap built as a release binary would ship
# (Scripts/build-release.sh):
# 1. cold: one `argmap render` of the Stalin map against `dot -Tsvg` on the DOT argmap emits for
#    it, in interleaved rounds (Benchmarks/interleave.py), so the machine's slow moments fall on
#    both alike. The budget is 1.5 times dot's time: reported, not chased;
# 2. warm: the Stalin map drawn again and again in one process, as lesson notes, batches and a
#    live preview draw it: renders a second;
# 3. batch: 200 small maps drawn by one `argmap render ... --output-dir` against 200 `dot`
#    processes (hyperfine: apt-get install hyperfine);
# 4. a leak check: 1,000 renders in one process, RSS at renders 1, 250, 500 and 1,000.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Benchmarks/out
rm -rf "$out"
mkdir -p "$out"

command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine"; exit 1; }
bin=$(Scripts/build-release.sh argmap RenderBenchmark)
argmap="$bin/argmap"
map=Graphs/stalin-foreign-policy.argmap

"$bin/RenderBenchmark" maps "$out" >/dev/null
"$argmap" render "$map" --format dot -o "$out/stalin.dot"
mkdir -p "$out/small-dot" "$out/batch-argmap" "$out/batch-dot"
"$argmap" render "$out"/small/*.argmap --format dot --output-dir "$out/small-dot"

echo "== cold: one argmap render of the Stalin map vs dot -Tsvg on argmap's DOT =="
echo "30 interleaved rounds (budget: argmap / dot at most 1.5):"
python3 Benchmarks/interleave.py 30 \
  "dot=dot -Tsvg $out/stalin.dot -o $out/dot-stalin.svg" \
  "argmap=$(printf %q "$argmap") render $map -o $out/argmap-stalin.svg"

echo
echo "== warm: the Stalin map drawn again and again in one process =="
"$bin/RenderBenchmark" warm "$map"

echo
echo "== batch: 200 small maps, one argmap invocation vs 200 dot processes =="
hyperfine -N --warmup 1 --runs 10 --style basic --export-json "$out/batch.json" \
  -n "argmap render 200 maps --output-dir" \
  "$argmap render $(echo "$out"/small/*.argmap) --output-dir $out/batch-argmap" \
  -n "200 x dot -Tsvg" \
  "bash -c 'for f in $out/small-dot/*.dot; do dot -Tsvg \"\$f\" -o $out/batch-dot/\$(basename \"\$f\" .dot).svg; done'" \
  | grep -E "^Benchmark|Time \(mean"
python3 - "$out/batch.json" <<'PY'
import json, statistics, sys
argmap, dot = (statistics.median(r["times"]) for r in json.load(open(sys.argv[1]))["results"])
print(f"  200 maps: argmap {argmap:.2f} s, dot {dot:.2f} s (medians); dot / argmap = {dot/argmap:.1f}")
PY

echo
echo "== leak check: 1,000 renders in one process =="
"$bin/RenderBenchmark" leak
