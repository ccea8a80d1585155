#!/usr/bin/env bash
# Ingest throughput (parse + validate) and peak memory for generated maps of 1k, 100k and 1M nodes.
# Usage: Benchmarks/ingest/run.sh [SCALE]   (SCALE multiplies the number of runs per size)
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .checkout && ln -sfn ../../.. .checkout/argmap
swift build -c release --product ingest-benchmark >&2
binary="$(swift build -c release --show-bin-path)/ingest-benchmark"
# Medians over more runs for the small sizes, whose times are easily disturbed on a shared machine.
scale="${1:-1}"
printf 'nodes\tbytes\twall_s\tMB/s\tcpu_s\tMB/s_cpu\tpeak_rss_KiB\trss_growth_B_per_node\n'
"$binary" 1000 $((200 * scale))
"$binary" 100000 $((20 * scale))
"$binary" 1000000 $((5 * scale))
