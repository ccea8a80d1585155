#!/usr/bin/env bash
# Opens the example lesson's HTML page in headless Chromium, saves PNG screenshots (desktop,
# phone width, dark mode) and a printed PDF, and fails if the page logs a script error, asks for anything over the network,
# or shows fewer diagrams than the file holds.
#
#   bash Scripts/browser-check.sh [PAGE.html] [OUTDIR]
#
# Defaults: Examples/lessons/stalin-foreign-policy/built/lesson.html and out/browser-check/.
# Needs Debian's chromium (Scripts/apt-packages.txt); runs as root with --no-sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
page="${1:-Examples/lessons/stalin-foreign-policy/built/lesson.html}"
out="${2:-out/browser-check}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
  echo "browser-check: chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi
[ -f "$page" ] || { echo "browser-check: no page at $page" >&2; exit 1; }
mkdir -p "$out"
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# No network at all: any request for a CDN, font or script would fail and be logged.
flags=(--headless --disable-gpu --no-sandbox --hide-scrollbars --no-first-run
  --disable-extensions --disable-background-networking --disable-sync
  --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile"
  --enable-logging=stderr --v=0 --virtual-time-budget=5000)

"$chromium" "${flags[@]}" --window-size=1280,2600 --screenshot="$out/lesson-desktop.png" "$url" \
  >/dev/null 2>"$out/desktop.log"
"$chromium" "${flags[@]}" --window-size=390,2400 --screenshot="$out/lesson-phone.png" "$url" \
  >/dev/null 2>"$out/phone.log"
"$chromium" "${flags[@]}" --force-dark-mode --blink-settings=preferredColorScheme=0 \
  --window-size=1280,2600 --screenshot="$out/lesson-dark.png" "$url" >/dev/null 2>"$out/dark.log"
"$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/lesson.pdf" "$url" \
  >/dev/null 2>"$out/print.log"
"$chromium" "${flags[@]}" --dump-dom "$url" >"$out/dom.html" 2>"$out/console.log"

status=0
expected="$(grep -o '<svg ' "$page" | wc -l)"
rendered="$(grep -o '<svg ' "$out/dom.html" | wc -l)"
if [ "$expected" -eq 0 ] || [ "$rendered" -ne "$expected" ]; then
  echo "browser-check: FAIL: $rendered diagrams in the browser's DOM, $expected in the file" >&2
  status=1
fi
# Console messages from the page: script errors, refused or failed loads.
if grep -hE 'CONSOLE|Uncaught|net::ERR_|Refused to' "$out/desktop.log" "$out/phone.log" \
  "$out/dark.log" "$out/print.log" "$out/console.log" | grep -v 'ERR_BLOCKED_BY_CLIENT' >"$out/page-errors.log"; then
  echo "browser-check: FAIL: the page logged errors:" >&2
  cat "$out/page-errors.log" >&2
  status=1
fi
if grep -qiE '<script|javascript:' "$out/dom.html"; then
  echo "browser-check: FAIL: the page holds a script or a javascript: URL" >&2
  status=1
fi
if [ "$(head -c 4 "$out/lesson.pdf" 2>/dev/null)" != "%PDF" ]; then
  echo "browser-check: FAIL: printing to PDF (A4) failed" >&2
  status=1
fi
for png in "$out/lesson-desktop.png" "$out/lesson-phone.png" "$out/lesson-dark.png"; do
  if [ ! -s "$png" ] || [ "$(head -c 4 "$png" | od -An -tx1 | tr -d ' ')" != "89504e47" ]; then
    echo "browser-check: FAIL: no screenshot at $png" >&2
    status=1
  fi
done
if [ "$status" -eq 0 ]; then
  echo "browser-check: OK: $rendered of $expected diagrams rendered, no console errors;" \
    "screenshots in $out/"
fi
exit "$status"
