#!/usr/bin/env bash
# Builds argmap as a release binary would ship, and prints the folder the binaries are in:
#
#   Scripts/build-release.sh [PRODUCT...]      (default: argmap)
#
# - the Swift runtime and Foundation linked in (--static-swift-stdlib): the binary runs without a
#   Swift toolchain and starts in about half the time of a dynamically linked one;
# - the C++ runtime (libstdc++, which the Swift runtime uses) linked in too, when the compiler has
#   its static archive (Debian: libstdc++-12-dev, which Swift needs anyway). Loading and
#   relocating libstdc++.so took 1.5 to 2 ms of every run, more than any other library.
#
# swiftc asks the linker for `-lstdc++`, which finds the shared library first in the compiler's
# folder; a folder of our own that holds only the archive, searched first, makes the same request
# find the archive. Graphviz, Pango and the C library stay shared, as the system provides them.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-release
products=("$@")
[ ${#products[@]} -gt 0 ] || products=(argmap)

# No $ORIGIN run path: the binary loads no library of its own, and each folder on the run path is
# searched first, in vain, for every library it needs.
flags=(-c release --static-swift-stdlib --disable-local-rpath --scratch-path "$scratch")
# clang, which Swift ships and links with, finds the archive of the GCC it links against.
archive=""
for compiler in clang c++ gcc; do
  candidate=$("$compiler" -print-file-name=libstdc++.a 2>/dev/null || true)
  if [ -n "$candidate" ] && [ -f "$candidate" ]; then
    archive=$candidate
    break
  fi
done
if [ -n "$archive" ]; then
  mkdir -p "$scratch/static-libstdc++"
  ln -sf "$archive" "$scratch/static-libstdc++/libstdc++.a"
  flags+=(-Xswiftc -L"$PWD/$scratch/static-libstdc++")
else
  echo "build-release.sh: no libstdc++.a (install libstdc++-12-dev); libstdc++ stays shared" >&2
fi

for product in "${products[@]}"; do
  swift build "${flags[@]}" --product "$product" >&2
done
swift build "${flags[@]}" --show-bin-path
