#!/usr/bin/env bash
# Renders every map in Graphs/ in every view into Examples/renders/VIEW/NAME.svg, and each map of
# Examples/interchange/ beside it, as committed.
#
#   bash Scripts/render-examples.sh
#
# Tests/argmapTests/ExamplesTests.swift renders the same files and fails when a committed one
# differs, so keep the views and options below in step with that test. SVG text is measured with
# the fonts installed where this runs (fonts-liberation2): render on a machine with the packages
# of Scripts/apt-packages.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product argmap >/dev/null
argmap="$(swift build --show-bin-path)/argmap"
out=Examples/renders
maps=(Graphs/*.argmap)

render() { # VIEW [OPTIONS...]
  local view=$1
  shift
  rm -rf "${out:?}/$view"
  "$argmap" render "${maps[@]}" --view "$view" --id-prefix "$view" --output-dir "$out/$view" "$@"
}

render map --legend
render overview
render timeline
render worksheet
# The running example in the teaching layout, page by page on A4 landscape (the README shows
# page 4).
rm -rf "$out/teaching"
mkdir -p "$out/teaching"
"$argmap" render Graphs/stalin-foreign-policy.argmap --page a4-landscape --legend \
  --id-prefix teaching -o "$out/teaching/stalin-foreign-policy.svg"
# The maps that came in from other tools (Examples/interchange/README.md), drawn as they are.
for map in Examples/interchange/*.argmap; do
  "$argmap" render "$map" -o "${map%.argmap}.svg"
done
ls -l "$out"/*
