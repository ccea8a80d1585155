#!/usr/bin/python3
"""Measures an argmap HTML page in headless Chromium and prints the figures as JSON.

    /usr/bin/python3 Scripts/page-geometry.py PAGE.html [--width 1280] [--pdf OUT.pdf]

On screen (a window WIDTH CSS pixels wide): the text column (the content box of <main>), and for
each diagram page the bounding box of its <svg> and the height of the smallest <text> in it,
all from getBoundingClientRect. With --pdf: the page printed as Chromium prints it (the page's own
@page size and margins), each printed sheet's fill (how far down the sheet its lowest ink is,
measured on a 30 dpi greyscale rendering by pdftoppm) and, for each diagram, the sheets its top
and its bottom are printed on.

Needs Debian's chromium, chromium-driver, python3-selenium and poppler-utils
(Scripts/apt-packages.txt). Tests/LessonNotesTests/BrowserGeometryTests.swift runs it and
asserts on the JSON.
"""

import argparse
import base64
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import headless_chromium

MEASURE = """
const main = document.querySelector('main');
const box = main.getBoundingClientRect();
const style = getComputedStyle(main);
const column = {
  left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight),
};
// One entry per figure without a diagram (a table, a report) and one per page of a diagram (a
// diagram split to fit a sheet has one box per page), in document order.
const entries = [];
for (const figure of document.querySelectorAll('figure.argmap')) {
  const caption = figure.querySelector('figcaption');
  const diagrams = [...figure.querySelectorAll('.argmap-diagram')];
  if (diagrams.length === 0) entries.push({ figure: figure, diagram: null, caption: caption });
  for (const diagram of diagrams) entries.push({ figure: figure, diagram: diagram, caption: caption });
}
const figures = entries.map((entry, index) => {
  const svg = entry.diagram ? entry.diagram.querySelector('svg') : null;
  const result = { index: index + 1, id: entry.diagram ? entry.diagram.id : entry.figure.id,
    caption: entry.caption ? entry.caption.textContent : '' };
  if (!svg) return result;
  const rect = svg.getBoundingClientRect();
  result.svg = { left: rect.left, right: rect.right, top: rect.top, width: rect.width,
    height: rect.height };
  // How far the diagram is shrunk from its natural size (its width attribute).
  result.zoom = rect.width / svg.width.baseVal.value;
  let smallest = null;
  let count = 0;
  for (const text of svg.querySelectorAll('text')) {
    const height = text.getBoundingClientRect().height;
    if (!(height > 0) || text.textContent.trim() === '') continue;
    count += 1;
    if (smallest === null || height < smallest.height) {
      smallest = { height: height, text: text.textContent.trim().slice(0, 60) };
    }
  }
  result.texts = count;
  result.smallestText = smallest;
  return result;
});
return { column: column, viewport: window.innerWidth, figures: figures };
"""

# Invisible, zero-size markers at the top and bottom of each diagram, so that the printed PDF's
# text says which sheet each end of a diagram is on; they change no layout.
MARK = """
const entries = [];
for (const figure of document.querySelectorAll('figure.argmap')) {
  const diagrams = [...figure.querySelectorAll('.argmap-diagram')];
  if (diagrams.length === 0) entries.push(null);
  for (const diagram of diagrams) entries.push(diagram);
}
entries.forEach((diagram, index) => {
  if (!diagram) return;
  diagram.style.position = 'relative';
  for (const end of ['top', 'bottom']) {
    const mark = document.createElement('span');
    mark.textContent = 'ARGMAPMARK' + (index + 1) + end;
    mark.style.cssText = 'position:absolute;left:0;' + end + ':0;font-size:1px;line-height:1px;'
      + 'color:#ffffff;white-space:nowrap;';
    diagram.appendChild(mark);
  }
});
"""


def driver(width):
    return headless_chromium.driver(width)


def sheets(pdf):
    """Each sheet's fill: the lowest inked row's distance from the top, as a fraction."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "30", "-gray", pdf, folder + "/sheet"], check=True)
        result = []
        for path in sorted(pathlib.Path(folder).glob("sheet-*.pgm"),
                           key=lambda p: int(re.findall(r"\d+", p.stem)[-1])):
            width, height, pixels = read_pgm(path.read_bytes())
            lowest = -1
            inked = 0
            for row in range(height):
                line = pixels[row * width:(row + 1) * width]
                dark = sum(1 for value in line if value < 200)
                if dark:
                    lowest = row
                    inked += dark
            result.append({"sheet": len(result) + 1, "fill": (lowest + 1) / height,
                           "ink": inked / (width * height)})
        return result


def read_pgm(data):
    """The width, height and bytes of a binary (P5) 8-bit PGM."""
    fields = []
    index = 0
    while len(fields) < 4:
        while data[index:index + 1].isspace():
            index += 1
        if data[index:index + 1] == b"#":
            while data[index:index + 1] not in (b"\n", b""):
                index += 1
            continue
        start = index
        while not data[index:index + 1].isspace():
            index += 1
        fields.append(data[start:index])
    if fields[0] != b"P5":
        raise ValueError("not a binary PGM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[index + 1:index + 1 + width * height]


def marks(pdf, count):
    """The sheet holding each marker, from the PDF's text, sheet by sheet."""
    found = {}
    for sheet in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-f", str(sheet), "-l", str(sheet), pdf, "-"],
                              check=True, capture_output=True, text=True).stdout
        for figure, end in re.findall(r"ARGMAPMARK(\d+)(top|bottom)", text):
            found.setdefault((int(figure), end), sheet)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--pdf", help="print the page to this PDF and measure its sheets")
    arguments = parser.parse_args()
    url = pathlib.Path(arguments.page).resolve().as_uri()
    browser = driver(arguments.width)
    try:
        browser.get(url)
        report = browser.execute_script(MEASURE)
        if arguments.pdf:
            browser.execute_script(MARK)
            printed = browser.execute_cdp_cmd("Page.printToPDF", {
                "preferCSSPageSize": True, "printBackground": True,
                "displayHeaderFooter": False})
            pathlib.Path(arguments.pdf).write_bytes(base64.b64decode(printed["data"]))
    finally:
        browser.quit()
    if arguments.pdf:
        report["sheets"] = sheets(arguments.pdf)
        found = marks(arguments.pdf, len(report["sheets"]))
        for figure in report["figures"]:
            if "svg" in figure:
                figure["printedSheets"] = [found.get((figure["index"], "top")),
                                           found.get((figure["index"], "bottom"))]
    json.dump(report, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
