#!/usr/bin/env bash
# Renders the running example in every view into Examples/renders/, as committed in the repo.
#
#   bash Scripts/render-examples.sh
#
# SVG text is measured with the fonts installed where this runs (fonts-liberation2), so re-render
# on a machine with the packages of Scripts/apt-packages.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product argmap >/dev/null
argmap="$(swift build --show-bin-path)/argmap"
map=Graphs/stalin-foreign-policy.argmap
out=Examples/renders
mkdir -p "$out"
"$argmap" render "$map" --legend -o "$out/stalin-argument.svg" --id-prefix argument
"$argmap" render "$map" --view timeline -o "$out/stalin-timeline.svg" --id-prefix timeline
"$argmap" render "$map" --view comparison --interpretations aggressive-view,security-view \
  -o "$out/stalin-comparison.svg" --id-prefix comparison
"$argmap" render "$map" --view comparison --interpretations aggressive-view,security-view \
  -o "$out/stalin-comparison.png"
"$argmap" render "$map" --blank-kind event --legend -o "$out/stalin-worksheet-events.pdf"
"$argmap" render "$map" --blank-kind event --legend -o "$out/stalin-worksheet-events.svg" \
  --id-prefix worksheet
ls -l "$out"
