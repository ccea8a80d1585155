import ArgumentMapGraphviz

/// One complete HTML page from a notes file: offline (no external file, font or script), the
/// diagrams inline with unique id prefixes, captions, alt text and text outlines, readable on a
/// phone, in dark mode and on A4 paper.
///
/// The Markdown around the diagrams goes through cmark-gfm's HTML renderer in safe mode, so raw
/// HTML in the notes is left out and `javascript:` links are dropped; the page holds no script.
enum HTMLPage {
  static func page(
    document: MarkdownDocument, outcomes: [NotesProcessor.Outcome], job: NotesJob
  ) -> String {
    var figureNumber = 0
    var fragments: [String] = []
    for outcome in outcomes {
      switch outcome {
      case .figure(let spec, let figure, let prefix):
        if figure.svg != nil { figureNumber += 1 }
        fragments.append(
          self.figure(spec, figure, prefix: prefix, number: figure.svg == nil ? nil : figureNumber))
      case .failed(let diagnostics):
        fragments.append(errorBox(diagnostics))
      }
    }
    let body = CMark.html(document.bytes) { index in
      index < fragments.count ? fragments[index] : ""
    }
    let title = document.title ?? fileStem(job.inputPath)
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="generator" content="argmap notes" />
      <title>\(escape(title))</title>
      <style>
      \(stylesheet)\(sheetStyle(outcomes))</style>
      </head>
      <body>
      <main>
      \(body)</main>
      </body>
      </html>

      """
  }

  static func figure(_ spec: BlockSpec, _ figure: RenderedFigure, prefix: String, number: Int?)
    -> String
  {
    let alt = MarkdownWriter.alt(spec, figure)
    // The SVG's own graph group has the prefix as its id; the figure takes another.
    var html = "<figure class=\"argmap\" id=\"\(escape(prefix))-figure\">\n"
    // A split diagram has one box per page; each prints on a sheet of its own.
    let pages = figure.pages
    for (offset, svg) in pages.enumerated() {
      // A page drawn for a sideways sheet prints on one, an upright page on an upright one.
      let sheet = Self.isSideways(spec) ? " sideways" : " upright"
      let width = (spec.isNaturalWidth ? " natural" : "") + sheet
      let page = offset == 0 ? "" : "-\(offset + 1)"
      let label = alt + (pages.count > 1 ? ", page \(offset + 1) of \(pages.count)" : "")
      html +=
        "<div class=\"argmap-diagram\(width)\" id=\"\(escape(prefix))-zoom\(page)\" "
        + "role=\"group\" aria-label=\"\(escape(label))\">\n"
      html += svg + "\n</div>\n"
      // Each page's own link, right under it: the stylesheet switches it by its page's
      // `:target` (`+`), so opening one page changes no other page's link.
      html += sizeLinks(
        prefix: prefix, page: page, number: pages.count > 1 ? offset + 1 : nil,
        isNaturalWidth: spec.isNaturalWidth)
    }
    // HTML wants a figure's caption first or last. A diagram's caption closes its figure, and
    // the text outline and any report (a comparison's verdict) follow it; a report alone (a
    // table) keeps its caption above it, inside the figure.
    let caption = spec.caption.map { caption in
      "<figcaption>\(number.map { "Figure \($0). " } ?? "")\(escape(caption))</figcaption>\n"
    }
    let report = figure.reportHTML.map { "<div class=\"argmap-report\">\n\($0)\n</div>\n" }
    guard !pages.isEmpty else {
      return html + (caption ?? "") + (report ?? "") + "</figure>\n"
    }
    html += (caption ?? "") + "</figure>\n"
    if !figure.outline.isEmpty {
      html += "<details class=\"argmap-outline\">\n<summary>Text outline of the diagram</summary>\n"
      html += "<pre>\(escape(figure.outline))</pre>\n</details>\n"
    }
    html += report ?? ""
    return html
  }

  /// The links between the diagram's two views, without script: the other view is the diagram
  /// as the fragment's `:target` (a natural-width diagram's other view fits the column), and
  /// the figure's own id brings the first view back. The stylesheet shows one link at a time.
  /// A page of several (`number`) names its page, so that a list of the page's links tells
  /// them apart.
  static func sizeLinks(prefix: String, page: String, number: Int?, isNaturalWidth: Bool)
    -> String
  {
    let what = number.map { "page \($0) of the diagram" } ?? "the diagram"
    let (open, close) =
      isNaturalWidth
      ? ("Fit \(what) to the column", "Show \(what) at full size")
      : ("Open \(what) at full size", "Fit \(what) to the column")
    let id = escape(prefix)
    return """
      <p class="argmap-size"><a class="argmap-open" href="#\(id)-zoom\(page)">\(open)</a>\
      <a class="argmap-close" href="#\(id)-figure">\(close)</a></p>

      """
  }

  static func errorBox(_ diagnostics: [NotesDiagnostic]) -> String {
    let lines = diagnostics.map { escape($0.summary) }.joined(separator: "\n")
    return """
      <div class="argmap-error" role="alert">
      <p><strong>This argument map could not be drawn.</strong></p>
      <pre>\(lines)</pre>
      </div>

      """
  }

  static func escape(_ text: String) -> String { SVGPostProcessor.escapeXML(text) }

  static func fileStem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = name.lastIndex(of: "."), dot != name.startIndex {
      return String(name[..<dot])
    }
    return name
  }

  /// Whether a block's diagram is drawn for a sideways sheet (A4 or A3 landscape, a slide).
  static func isSideways(_ spec: BlockSpec) -> Bool {
    spec.page.map { $0.width > $0.height } ?? false
  }

  /// The printed sheet: sideways when most diagrams are drawn for sideways sheets, so that the
  /// text flows onto the same sheets as the diagrams (a change of sheet forces a new sheet);
  /// a diagram of the other shape prints on a sheet of its own shape.
  static func sheetStyle(_ outcomes: [NotesProcessor.Outcome]) -> String {
    var sideways = 0
    var upright = 0
    for case .figure(let spec, let figure, _) in outcomes where figure.svg != nil {
      if isSideways(spec) { sideways += 1 } else { upright += 1 }
    }
    guard sideways > upright else {
      return "@media print { .argmap-diagram.sideways { page: sideways; } }\n"
    }
    return """
      @media print {
        @page { size: A4 landscape; margin: 10mm; }
        .argmap-diagram.upright { page: upright; }
      }

      """
  }

  /// Colours as custom properties; the diagram keeps its light plate in dark mode (its colours
  /// are drawn for a light background). A diagram shrinks to the column (never past its natural
  /// size, never cropped, its `viewBox` kept); its other view is its `:target`. Print gets black
  /// on white, A4, each diagram and its caption on one sheet (at most 240 mm high, so a
  /// page-sized diagram and its caption fill one sheet), and text and tables flowing around
  /// them with no forced break, so no sheet is left mostly empty.
  static let stylesheet = """
    :root {
      color-scheme: light dark;
      --text: #1b1b1b; --background: #ffffff; --muted: #5a5a5a; --rule: #d0d0d0;
      --link: #0b57d0; --code: #f3f3f3; --plate: #ffffff;
      --error-text: #7a1010; --error-background: #fdecec; --error-border: #c62828;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6e6e6; --background: #15171a; --muted: #a8a8a8; --rule: #3a3d42;
        --link: #8ab4f8; --code: #23262b; --plate: #fbfbf8;
        --error-text: #ffd7d7; --error-background: #3b1517; --error-border: #ef5350;
      }
    }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; color: var(--text); background: var(--background);
      font-family: "Liberation Sans", Arial, Helvetica, sans-serif; line-height: 1.55;
    }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    main > :not(figure):not(table):not(.argmap-error):not(.argmap-report):not(.argmap-outline) {
      max-width: 46rem;
    }
    a { color: var(--link); }
    h1, h2, h3 { line-height: 1.25; }
    code, pre { background: var(--code); border-radius: 3px; }
    pre { padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
    table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
    th, td { border: 1px solid var(--rule); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
    blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
    figure.argmap { margin: 1.5rem 0; }
    .argmap-diagram { overflow-x: auto; background: var(--plate); border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem; }
    .argmap-diagram svg { display: block; max-width: 100%; width: auto; height: auto; margin: 0 auto; }
    .argmap-diagram.natural, .argmap-diagram:target { max-height: 85vh; overflow: auto; }
    .argmap-diagram.natural svg, .argmap-diagram:target svg { max-width: none; }
    .argmap-diagram.natural:target { max-height: none; overflow-x: auto; }
    .argmap-diagram.natural:target svg { max-width: 100%; }
    figcaption { margin-top: 0.4rem; color: var(--muted); font-style: italic; }
    .argmap-size { margin: 0.3rem 0 0; font-size: 0.9rem; }
    .argmap-size .argmap-close, .argmap-diagram:target + .argmap-size .argmap-open { display: none; }
    .argmap-diagram:target + .argmap-size .argmap-close { display: inline; }
    details.argmap-outline { margin-top: 0.4rem; font-size: 0.9rem; }
    details.argmap-outline pre {
      max-height: 24rem; overflow-y: auto; white-space: pre-wrap; overflow-wrap: anywhere;
    }
    .argmap-report { margin-top: 0.75rem; overflow-x: auto; }
    .argmap-facts td.answer-space { height: 4.5rem; min-width: 40%; }
    .argmap-error {
      margin: 1.5rem 0; padding: 0.75rem 1rem; color: var(--error-text);
      background: var(--error-background); border: 2px solid var(--error-border); border-radius: 6px;
    }
    .argmap-error pre { background: transparent; margin: 0; }
    @media print {
      @page { size: A4; margin: 15mm; }
      @page sideways { size: A4 landscape; margin: 10mm; }
      @page upright { size: A4; margin: 10mm; }
      :root { --text: #000000; --background: #ffffff; --muted: #333333; --plate: #ffffff; }
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      a { color: inherit; }
      .argmap-diagram, .argmap-error, blockquote { break-inside: avoid; page-break-inside: avoid; }
      h1, h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
      .argmap-size + figcaption { break-before: avoid; page-break-before: avoid; }
      .argmap-diagram, .argmap-diagram.natural, .argmap-diagram:target {
        border: none; padding: 0; overflow: visible; max-height: none;
      }
      .argmap-diagram svg, .argmap-diagram.natural svg, .argmap-diagram:target svg {
        max-width: 100% !important; max-height: 240mm; width: auto; height: auto;
      }
      /* The share of the sheet the diagram was fitted to (70% of its height inside 10 mm
         margins, `MapRenderer.lessonHeightShare`), so its text prints at its readable size. */
      .argmap-diagram.sideways svg { max-height: 133mm; }
      .argmap-diagram.upright svg { max-height: 194mm; }
      details.argmap-outline, .argmap-size { display: none; }
      figure.argmap { margin: 0.6rem 0; }
      figcaption { margin-top: 0.2rem; }
    }

    """
}
