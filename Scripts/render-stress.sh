#!/usr/bin/env bash
# Render stress: 10,000 random maps drawn through libgvc in one process (release build), then
# 2,000 more in boxes; fails on a crash, a Graphviz abort, an error, or memory growth. Prints the
# time and the resident set size at every tenth of the run. See docs/security.md.
#
#   bash Scripts/render-stress.sh [MAPS]
#
# A failure names its seed; STRESS_DOT=SEED .build/release/RenderStress prints that map's DOT.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product RenderStress >/dev/null
"$(swift build -c release --show-bin-path)/RenderStress" "${1:-10000}"
