#!/usr/bin/env bash
# Builds the example lesson from its notes, in two copies from the one notes file: the teacher's
# (lesson.md, lesson.html, lesson-N.svg: everything) and the students' (lesson-student.md,
# lesson-student.html, lesson-student-N.svg: no teacher's parts, no answers), each as Markdown
# with SVG figures beside it (for GitHub and site generators) and as one offline HTML page, all
# committed in the repository.
#
#   bash Scripts/build-lesson.sh
#
# Writes Examples/lessons/stalin-foreign-policy/built/. SVG text is measured with the fonts
# installed where this runs (fonts-liberation2), so build on a machine with the packages of
# Scripts/apt-packages.txt; Tests/argmapTests/ExampleLessonTests fails when the committed files
# are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product argmap >/dev/null
argmap="$(swift build --show-bin-path)/argmap"
lesson=Examples/lessons/stalin-foreign-policy
mkdir -p "$lesson/built"
# Figures of blocks that no longer exist must not linger.
rm -f "$lesson"/built/lesson-*.svg
for copy in teacher student; do
  "$argmap" notes "$lesson/lesson.md" -o "$lesson/built" --to markdown --copy "$copy"
  "$argmap" notes "$lesson/lesson.md" -o "$lesson/built" --to html --copy "$copy"
done
ls -l "$lesson/built"
