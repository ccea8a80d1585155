#!/usr/bin/env python3
"""Drives `argmap serve` in headless Chromium the way a teacher uses it, and reports what it saw.

    python3 Scripts/serve-check.py URL FOLDER OUTDIR

URL is the running server's address, FOLDER the folder it serves (this script changes files in
it behind the browser's back), OUTDIR where the screenshots go. The folder must hold
`stalin.argmap` (the Stalin map), `second.argmap` (the Weimar map), `lesson.md` (lesson notes
drawing both, with a script in the Markdown) and one or more `hostile-*.argmap` (maps whose
texts are script payloads). Prints one JSON object of observations; the
assertions are in Tests/argmapTests/ServeBrowserTests.swift. Needs Debian's chromium and
chromium-driver and python3-selenium (Scripts/apt-packages.txt).
"""
import json
import os
import sys
import time

import headless_chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

URL, FOLDER, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(OUT, exist_ok=True)
report = {}


def driver(width, height):
    return headless_chromium.driver(width, height, console=True)


def wait(browser, condition, seconds=60, what="condition"):
    """Polls `condition` (a JavaScript expression) until it is truthy; returns its value."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = browser.execute_script("return (" + condition + ");")
        if value:
            return value
        time.sleep(0.05)
    browser.save_screenshot(os.path.join(OUT, "timeout.png"))
    raise TimeoutError("timed out waiting for " + what + ": " + condition)


def open_map(browser, name):
    browser.get(URL + "#" + name)
    wait(browser, "document.querySelector('#picture svg') && document.getElementById('picture')"
         ".dataset.file === %s" % json.dumps(name), what="the first picture of " + name)
    wait(browser, "!document.getElementById('status').textContent.startsWith('The connection')")


def type_at_end(browser, text):
    area = browser.find_element(By.ID, "source")
    browser.execute_script(
        "const a = arguments[0]; a.focus(); a.setSelectionRange(a.value.length, a.value.length);", area)
    area.send_keys(text)


def remove_text(browser, text):
    browser.execute_script("""
        const a = document.getElementById('source');
        a.value = a.value.replace(arguments[0], '');
        a.dispatchEvent(new Event('input'));""", text)


def picture_has(text):
    return "document.querySelector('#picture svg') && !document.getElementById('picture')" \
        ".classList.contains('stale') && document.querySelector('#picture svg').textContent" \
        ".includes(%s)" % json.dumps(text)


NOTES_FRAME = "document.querySelector('#picture iframe.notes:not(.loading)')"


def notes_text(browser):
    """The text of the lesson-notes page shown in the editor's frame."""
    return browser.execute_script(
        "const f = " + NOTES_FRAME + "; return f && f.contentDocument && f.contentDocument.body"
        " ? f.contentDocument.body.textContent : ''")


def pwned(browser):
    marks = browser.execute_script(
        "return [document.documentElement.getAttribute('data-pwned'), typeof window.__pwned]")
    logs = [entry["message"] for entry in browser.get_log("browser")]
    return {"attribute": marks[0], "global": marks[1],
            "console": [line for line in logs if "PWNED" in line],
            "errors": [line for line in logs if "SEVERE" in line or "Refused" in line]}


editor = driver(1280, 800)
try:
    # 1. Open the Stalin map and see it drawn.
    open_map(editor, "stalin.argmap")
    report["opened"] = {
        "files": editor.execute_script(
            "return [...document.getElementById('file').options].map(o => o.value)"),
        "statements": editor.execute_script(
            "return document.querySelectorAll('#picture .node.statement').length"),
        "gutterLines": editor.execute_script(
            "return document.querySelectorAll('#gutter div').length"),
    }
    editor.save_screenshot(os.path.join(OUT, "editor.png"))

    # 2. Type an edit; the picture changes.
    typed = "\nclaim typed-claim: A claim typed in the browser\n  + security: typed to see it drawn\n"
    started = time.time()
    type_at_end(editor, typed)
    wait(editor, picture_has("A claim typed in the browser"), what="the typed claim drawn")
    report["edit"] = {"seconds": round(time.time() - started, 3),
                      "drawn": editor.execute_script(
                          "return !!document.getElementById('am-n-typed-claim')")}

    # 3. Introduce an error; it is listed and marked at its line.
    # The typed text starts a new line: the claim is on the line after the last, its link below.
    error_line = editor.execute_script(
        "return document.getElementById('source').value.split('\\n').length + 2")
    type_at_end(editor, "\nclaim broken: this claim supports nowhere\n  + no-such-node: a link to nothing\n")
    wait(editor, "document.querySelectorAll('#diagnostics li.error').length > 0", what="an error listed")
    report["error"] = {
        "listed": editor.execute_script(
            "return [...document.querySelectorAll('#diagnostics li')].map(li => li.textContent)"),
        "markedLines": editor.execute_script(
            "return [...document.querySelectorAll('#gutter div.error')].map(d => Number(d.textContent))"),
        "backdropMarked": editor.execute_script(
            "return document.querySelectorAll('#backdrop div.error').length"),
        "stale": editor.execute_script(
            "return document.getElementById('picture').classList.contains('stale')"),
        "typedAtLine": error_line,
    }
    editor.save_screenshot(os.path.join(OUT, "editor-error.png"))
    # Clicking the problem moves the cursor to it.
    editor.find_element(By.CSS_SELECTOR, "#diagnostics li.error button").click()
    report["error"]["cursorAfterClick"] = editor.execute_script(
        "const a = document.getElementById('source');"
        "return a.value.slice(0, a.selectionStart).split('\\n').length")
    remove_text(editor, "\nclaim broken: this claim supports nowhere\n  + no-such-node: a link to nothing\n")
    wait(editor, "document.querySelectorAll('#diagnostics li.error').length === 0 && "
         "!document.getElementById('picture').classList.contains('stale')", what="the error gone")

    # 4. Click a statement in the picture: the cursor moves to its line.
    clicks = {}
    for node in ["strength", "security-view", "typed-claim"]:
        editor.execute_script(
            "document.getElementById(arguments[0]).dispatchEvent(new MouseEvent('click', {bubbles: true}))",
            "am-n-" + node)
        clicks[node] = editor.execute_script(
            "const a = document.getElementById('source');"
            "return a.value.slice(0, a.selectionStart).split('\\n').length")
    report["clicks"] = clicks

    # 5. Move the cursor: the statement written there is highlighted.
    highlights = {}
    # The lines where the main aim, a sub-aim and an interpretation are written, found in the
    # file, so the check follows the map when it is edited.
    with open(os.path.join(FOLDER, "stalin.argmap"), encoding="utf-8") as file:
        written = file.read().split("\n")
    starts = ("aim security:", "subaim recognition:", "interpretation security-view:")
    for line in [next(i + 1 for i, text in enumerate(written) if text.startswith(start))
                 for start in starts]:
        editor.execute_script("""
            const a = document.getElementById('source');
            const lines = a.value.split('\\n');
            let offset = 0;
            for (let i = 0; i < arguments[0] - 1; i++) offset += lines[i].length + 1;
            a.focus(); a.setSelectionRange(offset + 2, offset + 2);
            a.dispatchEvent(new KeyboardEvent('keyup', {key: 'ArrowDown'}));""", line)
        highlights[str(line)] = editor.execute_script(
            "return [...document.querySelectorAll('#picture .am-current')].map(e => e.id)")
    report["highlights"] = highlights

    # 6. Save: the file on disk holds the edit.
    editor.find_element(By.ID, "source").send_keys(Keys.CONTROL, "s")
    wait(editor, "document.getElementById('save-state').textContent.startsWith('Saved')", what="saved")
    with open(os.path.join(FOLDER, "stalin.argmap"), encoding="utf-8") as file:
        report["saved"] = {"onDisk": "A claim typed in the browser" in file.read(),
                           "folder": sorted(os.listdir(FOLDER))}

    # 7. Another program changes the file: the page reloads it and redraws.
    path = os.path.join(FOLDER, "stalin.argmap")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    with open(path + ".tmp-other-editor", "w", encoding="utf-8") as file:
        file.write(text.replace("A claim typed in the browser", "A claim changed on disk"))
    os.replace(path + ".tmp-other-editor", path)
    started = time.time()
    wait(editor, picture_has("A claim changed on disk"), what="the change on disk drawn")
    report["diskChange"] = {
        "seconds": round(time.time() - started, 3),
        "editorHasIt": editor.execute_script(
            "return document.getElementById('source').value.includes('A claim changed on disk')")}

    # 8. Both changed: unsaved edits here, a change on disk there. A banner says so, and
    #    saving asks before overwriting.
    type_at_end(editor, "\n# an unsaved comment in the browser\n")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    with open(path + ".tmp-other-editor", "w", encoding="utf-8") as file:
        file.write(text + "\n# a comment from another editor\n")
    os.replace(path + ".tmp-other-editor", path)
    wait(editor, "!document.getElementById('banner').hidden", what="the changed-on-disk banner")
    report["conflict"] = {"banner": editor.find_element(By.ID, "banner-text").text}
    editor.find_element(By.ID, "save").click()
    wait(editor, "document.getElementById('conflict').open", what="the conflict dialog")
    report["conflict"]["dialog"] = editor.find_element(By.ID, "conflict-text").text
    editor.save_screenshot(os.path.join(OUT, "editor-conflict.png"))
    with open(path, encoding="utf-8") as file:
        report["conflict"]["diskKeptOtherEdit"] = "a comment from another editor" in file.read()
    editor.find_element(By.ID, "conflict-keep").click()
    wait(editor, "document.getElementById('save-state').textContent.startsWith('Saved')", what="saved over")
    with open(path, encoding="utf-8") as file:
        report["conflict"]["afterKeep"] = "an unsaved comment in the browser" in file.read()

    # 9. A second tab on the same file: its unsaved edits are not lost silently.
    second = driver(1280, 800)
    try:
        open_map(second, "stalin.argmap")
        type_at_end(second, "\n# edit in the second tab\n")
        type_at_end(editor, "\n# edit in the first tab\n")
        editor.find_element(By.ID, "source").send_keys(Keys.CONTROL, "s")
        wait(editor, "document.getElementById('save-state').textContent.startsWith('Saved')")
        wait(second, "!document.getElementById('banner').hidden", what="the second tab's banner")
        second.find_element(By.ID, "save").click()
        wait(second, "document.getElementById('conflict').open", what="the second tab's dialog")
        with open(path, encoding="utf-8") as file:
            on_disk = file.read()
        report["secondTab"] = {"warned": True,
                               "firstTabSaved": "edit in the first tab" in on_disk,
                               "secondNotYet": "edit in the second tab" not in on_disk}
    finally:
        second.quit()

    # 10. Lesson notes: listed, drawn as `argmap notes` makes them in a frame, redrawn as they
    #     are typed and when a map they draw changes on disk; a block's problem is listed and
    #     marked at its line; the script in the notes runs neither in the frame nor the page.
    editor.get(URL + "#lesson.md")
    wait(editor, NOTES_FRAME + " && " + NOTES_FRAME + ".contentDocument.querySelectorAll("
         "'figure.argmap svg').length === 2", what="the lesson notes drawn")
    notes = {
        "figures": editor.execute_script(
            "return [..." + NOTES_FRAME + ".contentDocument.querySelectorAll('figcaption')]"
            ".map(c => c.textContent)"),
        "mapControlsHidden": editor.execute_script(
            "return ['view-label', 'download-label', 'present'].every("
            "id => getComputedStyle(document.getElementById(id)).display === 'none')"),
    }
    editor.save_screenshot(os.path.join(OUT, "editor-notes.png"))
    started = time.time()
    type_at_end(editor, "\nA paragraph typed in the notes.\n")
    wait(editor, "(" + NOTES_FRAME + "?.contentDocument?.body?.textContent || '')"
         ".includes('A paragraph typed in the notes.')", what="the typed paragraph in the notes")
    notes["typedSeconds"] = round(time.time() - started, 3)
    broken = "\n```argmap\nmap: missing.argmap\n```\n"
    notes["errorAtLine"] = editor.execute_script(
        "return document.getElementById('source').value.split('\\n').length + 2")
    type_at_end(editor, broken)
    wait(editor, "document.querySelectorAll('#diagnostics li.error').length > 0", what="the notes error")
    wait(editor, "(" + NOTES_FRAME + "?.contentDocument?.body?.textContent || '')"
         ".includes('missing.argmap')", what="the error box in the notes")
    notes["listed"] = editor.execute_script(
        "return [...document.querySelectorAll('#diagnostics li')].map(li => li.textContent)")
    notes["markedLines"] = editor.execute_script(
        "return [...document.querySelectorAll('#gutter div.error')].map(d => Number(d.textContent))")
    remove_text(editor, broken)
    remove_text(editor, "\nA paragraph typed in the notes.\n")
    wait(editor, "document.querySelectorAll('#diagnostics li.error').length === 0", what="the notes error gone")
    # Another program changes a map the notes draw: the notes are drawn again.
    second_map = os.path.join(FOLDER, "second.argmap")
    with open(second_map, encoding="utf-8") as file:
        text = file.read()
    with open(second_map + ".tmp-other-editor", "w", encoding="utf-8") as file:
        file.write(text.replace("aim doomed: The Weimar", "aim doomed: Changedondisk: the Weimar", 1))
    os.replace(second_map + ".tmp-other-editor", second_map)
    wait(editor, "(" + NOTES_FRAME + "?.contentDocument?.body?.textContent || '')"
         ".includes('Changedondisk')", what="the changed map drawn in the notes")
    notes["frameScript"] = editor.execute_script(
        "const w = " + NOTES_FRAME + ".contentWindow; return [typeof w.__pwned,"
        " w.document.querySelectorAll('script').length]")
    notes["problems"] = pwned(editor)
    editor.save_screenshot(os.path.join(OUT, "editor-notes-edited.png"))
    report["notes"] = notes

    # 11. Hostile texts, drawn and typed: nothing runs. Every hostile-*.argmap is opened (one
    #     payload in every text field of each), then a payload is typed.
    hostile = sorted(name for name in os.listdir(FOLDER) if name.startswith("hostile"))
    for name in hostile:
        open_map(editor, name)
    report["hostileFiles"] = len(hostile)
    open_map(editor, hostile[0])
    type_at_end(editor, '\nclaim typed-payload: <img src=x onerror="window.__pwned=1;console.log(\'PWNED\')">'
                '<script>window.__pwned=1</script>\n  + aim: </text><script>window.__pwned=1</script>\n')
    wait(editor, "document.querySelector('#picture svg') && [...document.querySelectorAll('#picture .node')]"
         ".some(n => n.id === 'am-n-typed-payload')", what="the typed payload drawn")
    time.sleep(0.5)
    report["hostile"] = pwned(editor)
    editor.save_screenshot(os.path.join(OUT, "editor-hostile.png"))
finally:
    editor.quit()

# 12. Present mode on a 1920 x 1080 projector: step through the Stalin map.
presenter = driver(1920, 1080)
try:
    open_map(presenter, "stalin.argmap")
    presenter.find_element(By.ID, "present").click()
    wait(presenter, "document.getElementById('presenter').dataset.step === '1'", what="present mode")
    steps = []
    total = int(presenter.execute_script("return document.getElementById('presenter').dataset.steps"))
    for number in range(1, total + 1):
        wait(presenter, "document.getElementById('presenter').dataset.step === '%d'" % number)
        steps.append({
            "title": presenter.find_element(By.ID, "step-title").text,
            "where": presenter.find_element(By.ID, "step-count").text,
            "visible": presenter.execute_script(
                "return [...document.querySelectorAll('#canvas .node.statement:not(.am-hidden)')]"
                ".map(e => e.id.replace(/^am-n-/, ''))"),
            "hidden": presenter.execute_script(
                "return [...document.querySelectorAll('#canvas .node.statement.am-hidden')]"
                ".map(e => e.id.replace(/^am-n-/, ''))"),
            "smallestText": presenter.execute_script(
                "return Math.min(...[...document.querySelectorAll('#canvas text')]"
                ".filter(t => !t.closest('.am-hidden')).map(t => t.getBoundingClientRect().height)"
                ".filter(h => h > 0))"),
        })
        if number in (1, 3, 4, total):
            presenter.save_screenshot(os.path.join(OUT, "present-step-%d.png" % number))
        presenter.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
    # Focus on one statement: its neighbourhood stays, the rest dims. Go back to the first
    # slide of the recognition sub-aim's successes, where it heads the slide.
    back = next(index for index, step in enumerate(steps) if step["title"].startswith("For: Political"))
    presenter.find_element(By.TAG_NAME, "body").send_keys(Keys.HOME)
    for _ in range(back):
        presenter.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
    wait(presenter, "document.getElementById('presenter').dataset.step === '%d'" % (back + 1))
    presenter.execute_script(
        "document.querySelector('#canvas #am-n-recognition')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    time.sleep(0.4)
    report["focus"] = {
        "dimmed": presenter.execute_script("return document.querySelectorAll('#canvas .am-dim').length"),
        "kept": presenter.execute_script(
            "return [...document.querySelectorAll('#canvas .node.statement:not(.am-dim)')]"
            ".map(e => e.id.replace(/^am-n-/, ''))"),
    }
    presenter.save_screenshot(os.path.join(OUT, "present-focus.png"))
    report["present"] = steps
    report["presentProblems"] = pwned(presenter)
finally:
    presenter.quit()

# 13. A phone held upright (390 x 844 CSS pixels): the text and the picture one above the other,
# each the width of the screen, not the picture a sliver beside the text.
phone = driver(390, 844)
try:
    open_map(phone, "stalin.argmap")
    report["phone"] = phone.execute_script(
        "const box = (s) => document.querySelector(s).getBoundingClientRect();"
        "const text = box('.editor-pane'), picture = box('.diagram-pane');"
        "return {textWidth: text.width, pictureWidth: picture.width,"
        " pictureHeight: picture.height, pictureBelowText: picture.top >= text.bottom - 1,"
        " viewportWidth: window.innerWidth, toolbarHeight: box('.toolbar').height};")
    phone.save_screenshot(os.path.join(OUT, "phone.png"))
finally:
    phone.quit()

print(json.dumps(report, indent=1))
