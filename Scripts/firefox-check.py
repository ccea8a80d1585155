#!/usr/bin/env python3
"""Drives `argmap serve` in headless Firefox with real clicks and key presses, and reports what
it saw: the same editor that Scripts/serve-check.py drives in Chromium, in the other browser
teachers use.

    python3 Scripts/firefox-check.py URL FOLDER OUTDIR

URL is the running server's address, FOLDER the folder it serves (it must hold `stalin.argmap`,
the Stalin map, and `lesson.md`, lesson notes drawing it), OUTDIR where the screenshots go.
Prints one JSON object of observations; the assertions are in
Tests/argmapTests/ServeBrowserTests.swift. Needs Debian's firefox-esr (Scripts/apt-packages.txt).
"""
import json
import os
import sys

import headless_firefox

URL, FOLDER, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(OUT, exist_ok=True)
report = {}
CURSOR_LINE = ("(() => { const a = document.getElementById('source');"
               " return a.value.slice(0, a.selectionStart).split('\\n').length; })()")


def picture_drawn(browser, name):
    browser.wait("document.querySelector('#picture svg') && "
                 "document.getElementById('picture').dataset.file === %s" % json.dumps(name),
                 what="the picture of " + name)


def focus_end(browser):
    browser.run("(() => { const a = document.getElementById('source'); a.focus();"
                " a.setSelectionRange(a.value.length, a.value.length); return true; })()")


browser = headless_firefox.Firefox(1280, 800)
try:
    # 1. Open the Stalin map.
    browser.get(URL + "#stalin.argmap")
    picture_drawn(browser, "stalin.argmap")
    report["userAgent"] = browser.run("navigator.userAgent")
    report["statements"] = browser.run("document.querySelectorAll('#picture .node.statement').length")
    browser.screenshot(os.path.join(OUT, "firefox-editor.png"))

    # 2. Type an edit with real key presses: the picture gains the typed claim.
    focus_end(browser)
    browser.type("\nclaim typed-in-firefox: A claim typed in Firefox\n  + security: typed in Firefox\n")
    browser.wait("!!document.getElementById('am-n-typed-in-firefox')", what="the typed claim drawn")
    report["typedDrawn"] = True

    # 3. An error: listed and marked at its line; then taken out again.
    report["errorAtLine"] = browser.run("document.getElementById('source').value.split('\\n').length + 2")
    focus_end(browser)
    browser.type("\nclaim broken: a claim\n  + no-such-node: a link to nothing\n")
    browser.wait("document.querySelectorAll('#diagnostics li.error').length > 0", what="the error listed")
    report["markedLines"] = browser.run(
        "[...document.querySelectorAll('#gutter div.error')].map(d => Number(d.textContent))")
    browser.run("(() => { const a = document.getElementById('source');"
                " a.value = a.value.replace('\\nclaim broken: a claim\\n  + no-such-node: a link to nothing\\n', '');"
                " a.dispatchEvent(new Event('input')); return true; })()")
    browser.wait("document.querySelectorAll('#diagnostics li.error').length === 0 && "
                 "!document.getElementById('picture').classList.contains('stale')", what="the error gone")

    # 4. The cursor on a statement's line highlights it (and scrolls it into view); a real click
    #    on another statement puts the cursor on its line.
    browser.run("(() => { const a = document.getElementById('source'); a.focus();"
                " const offset = a.value.indexOf('\\nsubaim recognition:') + 3;"
                " a.setSelectionRange(offset, offset); a.dispatchEvent(new KeyboardEvent('keyup'));"
                " return true; })()")
    report["highlighted"] = browser.run(
        "[...document.querySelectorAll('#picture .am-current')].map(e => e.id)")
    report["highlightInView"] = browser.run(
        "(() => { const e = document.querySelector('#picture .am-current').getBoundingClientRect();"
        " const p = document.getElementById('picture').getBoundingClientRect();"
        " return e.left >= p.left && e.right <= p.right && e.top >= p.top && e.bottom <= p.bottom; })()")
    browser.click("#am-n-strength")
    report["clickedStrengthLine"] = browser.run(CURSOR_LINE)

    # 5. Save with Ctrl+S: the file on disk holds the edit.
    browser.command("input.performActions", {"context": browser.context, "actions": [{
        "type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": headless_firefox.KEYS["Control"]},
            {"type": "keyDown", "value": "s"}, {"type": "keyUp", "value": "s"},
            {"type": "keyUp", "value": headless_firefox.KEYS["Control"]}]}]})
    browser.wait("document.getElementById('save-state').textContent.startsWith('Saved')", what="saved")
    with open(os.path.join(FOLDER, "stalin.argmap"), encoding="utf-8") as file:
        report["savedOnDisk"] = "A claim typed in Firefox" in file.read()

    # 6. Lesson notes: drawn in their frame.
    browser.run("(() => { location.hash = 'lesson.md'; return true; })()")
    frame = "document.querySelector('#picture iframe.notes:not(.loading)')"
    browser.wait(frame + " && " + frame + ".contentDocument.querySelectorAll('figure.argmap svg').length > 0",
                 what="the lesson notes drawn")
    report["notesFigures"] = browser.run(
        frame + ".contentDocument.querySelectorAll('figure.argmap svg').length")
    browser.screenshot(os.path.join(OUT, "firefox-notes.png"))

    # 7. Present mode on a 1920 x 1080 projector: step with the arrow keys.
    browser.command("browsingContext.setViewport", {
        "context": browser.context, "viewport": {"width": 1920, "height": 1080}, "devicePixelRatio": 1})
    browser.run("(() => { location.hash = 'stalin.argmap'; return true; })()")
    picture_drawn(browser, "stalin.argmap")
    browser.click("#present")
    browser.wait("document.getElementById('presenter').dataset.step === '1'", what="present mode")
    browser.press("ArrowRight")
    browser.press("ArrowRight")
    browser.wait("document.getElementById('presenter').dataset.step === '3'", what="the third step")
    report["present"] = {
        "steps": browser.run("Number(document.getElementById('presenter').dataset.steps)"),
        "title": browser.run("document.getElementById('step-title').textContent"),
        "smallestText": browser.run(
            "Math.min(...[...document.querySelectorAll('#canvas text')]"
            ".filter(t => !t.closest('.am-hidden')).map(t => t.getBoundingClientRect().height)"
            ".filter(h => h > 0))"),
    }
    browser.screenshot(os.path.join(OUT, "firefox-present.png"))
    browser.press("Escape")

    # 8. Nothing was refused by the page's policy, and no script error was logged.
    report["problems"] = {
        "global": browser.run("typeof window.__pwned"),
        "console": [entry["text"] for entry in browser.console
                    if entry["level"] == "error" or "Content-Security-Policy" in (entry["text"] or "")],
    }
finally:
    browser.quit()

print(json.dumps(report, indent=1))
