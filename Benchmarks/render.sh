#!/usr/bin/env bash
# Rendering benchmark: prints figures, asserts nothing (the machine is shared and noisy).
#
#   bash Benchmarks/render.sh
#
# 1. In-process medians per render (scene+DOT, SVG, PNG, worksheet SVG) for 50/200/1000-node
#    synthetic maps, and RSS over 1,000 renders (a per-render leak would grow it linearly).
# 2. Side by side with hyperfine: `argmap render` (libgvc in-process) against
#    `argmap render --format dot | dot -Tsvg` (the Graphviz CLI), same maps, one run.
# 3. Peak memory of one CLI render of the 1000-node map (/usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Benchmarks/out
mkdir -p "$out"

swift build -c release --product argmap >/dev/null
swift build -c release --product RenderBenchmark >/dev/null
bin=$(swift build -c release --show-bin-path)

echo "== in-process (release build) =="
"$bin/RenderBenchmark"
"$bin/RenderBenchmark" maps "$out" >/dev/null

echo
echo "== CLI, end to end: in-process libgvc vs. DOT piped to the dot command =="
if command -v hyperfine >/dev/null; then
  for size in 50 200 1000; do
    runs=$([ "$size" = 1000 ] && echo 5 || echo 20)
    hyperfine -N --warmup 2 --runs "$runs" --style basic \
      --export-json "$out/cli-$size.json" \
      -n "argmap render ($size nodes)" \
      "$bin/argmap render $out/map-$size.argmap -o $out/inproc-$size.svg" \
      -n "argmap | dot -Tsvg ($size nodes)" \
      "bash -c '$bin/argmap render $out/map-$size.argmap --format dot | dot -Tsvg -o $out/cli-$size.svg'" \
      | grep -E "Time|±|faster|argmap" || true
    python3 - "$out/cli-$size.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
medians = [statistics.median(r["times"]) for r in results]
print(f"  medians: in-process {medians[0]*1000:.1f} ms, via dot {medians[1]*1000:.1f} ms, "
      f"ratio {medians[1]/medians[0]:.2f}x")
PY
  done
else
  echo "hyperfine is not installed (apt-get install hyperfine)"
fi

echo
echo "== peak memory, one CLI render of the 1000-node map =="
/usr/bin/time -v "$bin/argmap" render "$out/map-1000.argmap" -o "$out/inproc-1000.svg" 2>&1 \
  | grep -E "Maximum resident|Elapsed" | sed 's/^\s*/  /'
ls -l "$out"/inproc-1000.svg | awk '{print "  SVG size, 1000 nodes: " $5 " bytes"}'
