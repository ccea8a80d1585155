#!/usr/bin/env bash
# Lesson-notes benchmark: 100 generated notes with 200 diagrams, processed by `argmap notes`
# cold (empty cache) and warm (every block cached), against running Graphviz's `dot` once per
# diagram on the same diagrams' DOT. Prints the figures; asserts nothing.
#
#   bash Benchmarks/notes/run.sh
#
# Targets: cold at least 5x faster than `dot` per diagram; warm under one second.
# Needs python3, bc and graphviz (dot); builds argmap in release mode.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product argmap >/dev/null
argmap="$(swift build -c release --show-bin-path)/argmap"
work="Benchmarks/out/notes"
rm -rf "$work"
mkdir -p "$work/dot"
python3 Benchmarks/notes/generate.py "$work/notes" 100
diagrams="$(grep -c '^```argmap' "$work"/notes/*.md | awk -F: '{ n += $2 } END { print n }')"

# The DOT of every diagram, made beforehand so that only `dot` itself is timed.
python3 - "$work" <<'PY'
import os, re, sys
work = sys.argv[1]
for name in sorted(os.listdir(f"{work}/notes")):
    text = open(f"{work}/notes/{name}", encoding="utf-8").read()
    for index, block in enumerate(re.findall(r"```argmap\n(.*?)```", text, re.S)):
        body = "\n".join(l for l in block.splitlines() if not re.match(r"^(caption|view):", l))
        open(f"{work}/dot/{name[:-3]}-{index}.argmap", "w", encoding="utf-8").write(body + "\n")
PY
for map in "$work"/dot/*.argmap; do
  view=argument
  case "$map" in *-1.argmap) view=timeline ;; esac
  "$argmap" render "$map" --view "$view" --format dot -o "${map%.argmap}.dot"
done

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
runs=3

dot_times=() cold_times=() single_times=() warm_times=()
for _ in $(seq "$runs"); do
  start="$(now)"
  for dot in "$work"/dot/*.dot; do dot -Tsvg "$dot" -o "${dot%.dot}.svg"; done
  dot_times+=("$(elapsed "$start" "$(now)")")

  rm -rf "$work/cache" "$work/html"
  start="$(now)"
  "$argmap" notes "$work"/notes/*.md -o "$work/html" --to html --cache-dir "$work/cache"
  cold_times+=("$(elapsed "$start" "$(now)")")

  start="$(now)"
  "$argmap" notes "$work"/notes/*.md -o "$work/html" --to html --cache-dir "$work/cache"
  warm_times+=("$(elapsed "$start" "$(now)")")

  rm -rf "$work/cache" "$work/html"
  start="$(now)"
  "$argmap" notes "$work"/notes/*.md -o "$work/html" --to html --cache-dir "$work/cache" -j 1
  single_times+=("$(elapsed "$start" "$(now)")")
done
dot_seconds="$(median "${dot_times[@]}")"
cold_seconds="$(median "${cold_times[@]}")"
warm_seconds="$(median "${warm_times[@]}")"
single_seconds="$(median "${single_times[@]}")"

svgs="$(cat "$work"/html/*.html | grep -o '<svg ' | wc -l)"
printf 'notes: 100 files, %d diagrams (%d drawn on the pages); medians of %d runs\n' \
  "$diagrams" "$svgs" "$runs"
printf 'dot, one process per diagram: %7.3f s  (%6.2f ms per diagram)\n' \
  "$dot_seconds" "$(echo "$dot_seconds * 1000 / $diagrams" | bc -l)"
printf 'argmap notes, cold cache:     %7.3f s  (%6.2f ms per diagram, %.1fx faster than dot; %d workers)\n' \
  "$cold_seconds" "$(echo "$cold_seconds * 1000 / $diagrams" | bc -l)" \
  "$(echo "$dot_seconds / $cold_seconds" | bc -l)" "$(nproc)"
printf 'argmap notes, cold, -j 1:     %7.3f s  (%6.2f ms per diagram, %.1fx faster than dot)\n' \
  "$single_seconds" "$(echo "$single_seconds * 1000 / $diagrams" | bc -l)" \
  "$(echo "$dot_seconds / $single_seconds" | bc -l)"
printf 'argmap notes, warm cache:     %7.3f s  (%6.2f ms per diagram)\n' \
  "$warm_seconds" "$(echo "$warm_seconds * 1000 / $diagrams" | bc -l)"
