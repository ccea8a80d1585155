import CRSVG

/// Puts diagrams on real pages: A4 or A3 sheets and 1920 x 1080 slides, several pages to one PDF.
///
/// Graphviz sizes its page to the drawing and writes one graph per PDF; a class needs sheets of
/// a fixed size, an overview and then one page per part of the argument. The composer takes the
/// SVG `MapRenderer` draws for each page, scales it by `PageSize.scale(width:height:)` (inside
/// the margins, never enlarged on paper, up to twice on a slide) and centres it. PDF and PNG are
/// drawn by librsvg onto cairo's surfaces, so text stays text in the PDF; the SVG page is the
/// diagram's own SVG with a page-sized root. The same input gives the same bytes.
public enum PageComposer {
  /// The resolution of paper pages drawn as PNG: 150 dots per inch, enough to print a handout.
  public static let paperPixelsPerPoint = 150.0 / 72

  /// The size in pixels of `page` drawn as PNG: 1920 x 1080 for a slide, 1754 x 1240 for A4
  /// landscape at 150 dpi.
  public static func pixelSize(of page: PageSize) -> (width: Int, height: Int) {
    let perPoint = page.pixelsPerPoint ?? paperPixelsPerPoint
    return (Int((page.width * perPoint).rounded()), Int((page.height * perPoint).rounded()))
  }

  /// One PDF of `pages.count` pages, each exactly `page` in size, each holding one diagram.
  ///
  /// - Parameters:
  ///   - pages: The SVG of each page's diagram, in order (as `MapRenderer.render(_:format:)`
  ///     draws it with `.svg`).
  ///   - page: The size of every page.
  ///   - title: The document's title in the PDF's metadata; none when empty.
  /// - Returns: The PDF's bytes, its creation date fixed at 1970-01-01 so that the same pages
  ///   give the same bytes.
  /// - Throws: `RenderError.page` when there are no pages, an SVG is unreadable, or librsvg or
  ///   cairo fails.
  public static func pdf(pages: [[UInt8]], on page: PageSize, title: String = "")
    throws(RenderError) -> [UInt8]
  {
    guard !pages.isEmpty else { throw .page("a document needs at least one page") }
    var placed: [(svg: [UInt8], placement: PagePlacement)] = []
    for svg in pages {
      let root = try SVGRoot(svg)
      placed.append((svg, PagePlacement(page: page, width: root.width, height: root.height)))
    }
    let sink = CairoCanvas.ByteSink()
    try Graphviz.shared.withLock { () throws(RenderError) in
      let surface = cairo_pdf_surface_create_for_stream(
        CairoCanvas.ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), page.width,
        page.height)
      defer { cairo_surface_destroy(surface) }
      try CairoCanvas.check(cairo_surface_status(surface))
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
      let plainTitle = String(title.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" })
      if !plainTitle.isEmpty {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, plainTitle)
      }
      let context = cairo_create(surface)
      defer { cairo_destroy(context) }
      guard let context else { throw .page("cairo: no drawing context") }
      for sheet in placed {
        try CairoCanvas.draw(sheet.svg, at: sheet.placement, on: context)
        cairo_show_page(context)
      }
      try CairoCanvas.check(cairo_status(context))
      cairo_surface_finish(surface)
      try CairoCanvas.check(cairo_surface_status(surface))
    }
    // cairo writes the fixed date as `(19700101000000Z)`; should a cairo ignore it and write the
    // time of drawing as Graphviz's PDFs have it (`(D:...)`), that is rewritten to the same date.
    return withExtendedLifetime(sink) { PDFDate.normalized(sink.bytes) }
  }

  /// One page as PNG, at the page's size in pixels (`pixelSize(of:)`), on white.
  ///
  /// - Parameters:
  ///   - svg: The diagram's SVG.
  ///   - page: The page it is placed on.
  /// - Returns: The PNG's bytes (RGB, no alpha, no timestamp).
  /// - Throws: `RenderError.page` when the SVG is unreadable or librsvg or cairo fails.
  public static func png(page svg: [UInt8], on page: PageSize) throws(RenderError) -> [UInt8] {
    let root = try SVGRoot(svg)
    let placement = PagePlacement(page: page, width: root.width, height: root.height)
    let size = pixelSize(of: page)
    let sink = CairoCanvas.ByteSink()
    try Graphviz.shared.withLock { () throws(RenderError) in
      let surface = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height))
      defer { cairo_surface_destroy(surface) }
      try CairoCanvas.check(cairo_surface_status(surface))
      let context = cairo_create(surface)
      defer { cairo_destroy(context) }
      guard let context else { throw .page("cairo: no drawing context") }
      cairo_set_source_rgb(context, 1, 1, 1)
      cairo_paint(context)
      cairo_scale(context, Double(size.width) / page.width, Double(size.height) / page.height)
      try CairoCanvas.draw(svg, at: placement, on: context)
      cairo_surface_flush(surface)
      try CairoCanvas.check(
        cairo_surface_write_to_png_stream(
          surface, CairoCanvas.ByteSink.write, Unmanaged.passUnretained(sink).toOpaque()))
    }
    return withExtendedLifetime(sink) { sink.bytes }
  }

  /// One page as SVG: the diagram's own SVG, its root sized as the page (`297mm` x `210mm` for
  /// A4 landscape, `1920px` x `1080px` for a slide) with a viewBox that shows the diagram
  /// scaled and centred as on the PDF and PNG pages. Every other byte stays as it was: ids,
  /// titles, descriptions and escaped text.
  ///
  /// - Parameters:
  ///   - svg: The diagram's SVG.
  ///   - page: The page it is placed on.
  /// - Returns: The page's SVG bytes.
  /// - Throws: `RenderError.page` when the SVG's root gives no readable size.
  public static func svg(page svg: [UInt8], on page: PageSize) throws(RenderError) -> [UInt8] {
    let root = try SVGRoot(svg)
    let placement = PagePlacement(page: page, width: root.width, height: root.height)
    let size = page.svgSize
    return root.replacing(
      width: size.width, height: size.height, viewBox: placement.pageViewBox(around: root.viewBox))
  }

  /// One page of a diagram as a band of a sheet, for lesson notes: the sheet's width inside its
  /// margins by `heightShare` of its height, the diagram at the scale it was fitted to (never
  /// enlarged) and centred. Every page of a split diagram is then the same size, so printed
  /// pages fill their sheets alike, and the text of the notes has the rest of the sheet.
  ///
  /// - Throws: `RenderError.page` when the SVG root has no readable size.
  public static func svg(band svg: [UInt8], on page: PageSize, heightShare: Double)
    throws(RenderError) -> [UInt8]
  {
    let root = try SVGRoot(svg)
    let bandWidth = page.usableWidth
    let bandHeight = page.usableHeight * heightShare
    let scale = bandScale(of: root, on: page, heightShare: heightShare)
    // Graphviz's viewBox is in points, as its width and height.
    let unitsPerPoint = root.viewBox.width / max(root.width, 1)
    let width = bandWidth / scale * unitsPerPoint
    let height = bandHeight / scale * unitsPerPoint
    let box = SVGRoot.Box(
      x: root.viewBox.x + (root.viewBox.width - width) / 2,
      y: root.viewBox.y + (root.viewBox.height - height) / 2, width: width, height: height)
    return root.replacing(
      width: VisualGrammar.format(bandWidth) + "pt",
      height: VisualGrammar.format(bandHeight) + "pt",
      viewBox: box)
  }

  /// A diagram that fits on one page, for lesson notes: at the scale a band would draw it
  /// (`svg(band:on:heightShare:)`, never enlarged) but sized to the diagram alone, its viewBox
  /// kept. Its text prints at the same size, and on screen and paper it takes only the room it
  /// needs: as a band, a map of three statements sat in a frame 70% of an A4 sheet high.
  ///
  /// - Throws: `RenderError.page` when the SVG root has no readable size.
  public static func svg(fitted svg: [UInt8], on page: PageSize, heightShare: Double)
    throws(RenderError) -> [UInt8]
  {
    let root = try SVGRoot(svg)
    let scale = bandScale(of: root, on: page, heightShare: heightShare)
    return root.replacing(
      width: VisualGrammar.format(root.width * scale) + "pt",
      height: VisualGrammar.format(root.height * scale) + "pt",
      viewBox: root.viewBox)
  }

  /// The scale that fits a diagram into `heightShare` of a page inside its margins, at most 1.
  private static func bandScale(of root: SVGRoot, on page: PageSize, heightShare: Double)
    -> Double
  {
    min(1, page.usableWidth / root.width, page.usableHeight * heightShare / root.height)
  }

  /// The creation date written into every PDF: the start of 1970, so that the bytes depend only
  /// on the pages (cairo 1.16 would write the time of drawing).
  private static let fixedDate = "1970-01-01T00:00:00Z"
}

extension PageSize {
  /// The page's size as the root of an SVG page gives it: millimetres on paper, pixels on a
  /// slide, the units a printer or a projector reads.
  fileprivate var svgSize: (width: String, height: String) {
    switch self {
    case .a4Portrait: ("210mm", "297mm")
    case .a4Landscape: ("297mm", "210mm")
    case .a3Landscape: ("420mm", "297mm")
    case .slide: ("1920px", "1080px")
    }
  }
}
