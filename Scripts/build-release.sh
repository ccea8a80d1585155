#!/usr/bin/env bash
# Builds argmap as a release binary would ship, and prints the folder the binaries are in:
#
#   Scripts/build-release.sh [PRODUCT...]      (default: argmap)
#
# The Swift runtime and Foundation are linked in (--static-swift-stdlib): the binary runs without
# a Swift toolchain, and it starts faster than one that loads them as shared libraries
# (Benchmarks/README.md has the figures). Graphviz, Pango and the C and C++ libraries stay
# shared, as the system provides them.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-release
products=("$@")
[ ${#products[@]} -gt 0 ] || products=(argmap)
flags=(-c release --static-swift-stdlib --scratch-path "$scratch")
for product in "${products[@]}"; do
  swift build "${flags[@]}" --product "$product" >&2
done
swift build "${flags[@]}" --show-bin-path
