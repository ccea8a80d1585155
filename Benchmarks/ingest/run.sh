#!/usr/bin/env bash
# Ingest throughput (parse + validate) and peak memory for generated maps of 1k, 100k and 1M nodes.
# Usage: Benchmarks/ingest/run.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .checkout && ln -sfn ../../.. .checkout/argmap
swift build -c release --product ingest-benchmark >&2
binary="$(swift build -c release --show-bin-path)/ingest-benchmark"
repeats="${1:-5}"
printf 'nodes\tbytes\twall_s\tMB/s\tcpu_s\tMB/s_cpu\tpeak_rss_KiB\trss_growth_B_per_node\n'
for nodes in 1000 100000 1000000; do
  "$binary" "$nodes" "$repeats"
done
