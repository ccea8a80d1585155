#!/usr/bin/env bash
# The README's first command: installs what is missing, builds argmap, then checks and draws the
# Stalin map (Graphs/stalin-foreign-policy.argmap) into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/install-packages.sh
swift build --product argmap
argmap="$(swift build --show-bin-path)/argmap"

map=Graphs/stalin-foreign-policy.argmap
mkdir -p out
"$argmap" check "$map"
"$argmap" render "$map" -o out/stalin-foreign-policy.svg --legend
"$argmap" render "$map" -o out/stalin-foreign-policy.pdf --page a4-landscape --legend
echo "Wrote out/stalin-foreign-policy.svg (one picture) and out/stalin-foreign-policy.pdf (A4 pages)"
echo "argmap is at $argmap"
