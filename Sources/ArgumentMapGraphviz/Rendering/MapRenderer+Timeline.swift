import ArgumentMap

extension MapRenderer {
  /// The timeline of `map` on pages of `page`: one scene when the whole timeline fits with its
  /// smallest text still readable there, else one scene per period, in date order, each titled
  /// with its period and its page number.
  ///
  /// Text sizes are known only to Graphviz, so the statements are measured once; each page is
  /// then placed in Swift. A period is as many statements (in date order) as fit: at the fit
  /// scale `page.scale(width:height:)` the smallest text (11 pt in the diagram: years, note)
  /// must measure at least `page.minimumTextPoints`. A statement too large for a page on its own
  /// gets a page of its own anyway.
  ///
  /// - Parameters:
  ///   - map: The map; undated statements are counted in a note, not drawn.
  ///   - options: Scope, worksheet blanks, line width (a legend is not drawn on a timeline).
  ///   - page: The sheet or slide the pages are read on.
  /// - Returns: Pre-placed scenes (`placement == .fixed`), for `render(_:format:)`.
  /// - Throws: `RenderError` when the options name a node the map lacks or Graphviz fails.
  /// - Complexity: O(*n*³) in dated statements at worst (a placement per candidate page).
  public func timelinePages(
    _ map: ArgumentMap, options: SceneOptions = SceneOptions(), page: PageSize
  ) throws(RenderError) -> [Scene] {
    var full: Scene
    do {
      full = try map.scene(.timeline, options: options)
    } catch {
      throw .view(error)
    }
    _ = full.cutLongTexts()
    let sizes = try timelineSizes(full)
    // The title as `DOTWriter` wraps it, with room for a page's own period and number.
    let titleSize = try textSize(
      TextWrapping.wrap(full.title + " 1900–1999, page 99 of 99", width: DOTWriter.titleWidth)
        .joined(separator: "\n"), fontSize: 18)
    let count = map.datedStatementCount
    /// The month width at which `part` fits the page, trying the usual one first; `nil` when
    /// none does.
    func fittingScale(_ part: Range<Int>) throws(RenderError) -> Double? {
      var scene = try Self.timeline(map, options: options, part: part, page: nil)
      _ = scene.cutLongTexts()
      for pointsPerMonth in Self.monthWidths {
        let placed = scene.placingTimeline(sizes: sizes, pointsPerMonth: pointsPerMonth)
        let width = max(placed.width, titleSize.width) + 2 * Self.padPoints
        let height = placed.height + titleSize.height + 2 * Self.padPoints
        let scale = page.scale(width: width, height: height / pageHeightShare)
        // A little room to spare: Graphviz's drawing is a few points larger than the estimate.
        if Self.smallestTimelineText * scale >= page.minimumTextPoints * 1.03 {
          return pointsPerMonth
        }
      }
      return nil
    }
    guard count > 0 else { return [full.placingTimeline(sizes: sizes).scene] }
    // Periods in date order, each as long as still fits at some month width (the widest that
    // fits): fewer pages, a busy period drawn more tightly. A timeline that fits at the usual
    // width is one period.
    var parts: [(range: Range<Int>, pointsPerMonth: Double)] = []
    if try fittingScale(0..<count) == TimelineScale.pointsPerMonth {
      parts = [(0..<count, TimelineScale.pointsPerMonth)]
    }
    var start = parts.isEmpty ? 0 : count
    while start < count {
      var end = start + 1
      while end < count, try fittingScale(start..<(end + 1)) != nil {
        end += 1
      }
      let width =
        try fittingScale(start..<end) ?? Self.monthWidths.last ?? TimelineScale.pointsPerMonth
      parts.append((start..<end, width))
      start = end
    }
    // Filled in date order, the last period can be left with one statement on a page of its own.
    // From the end back, a period takes the statement before it while the one before has at
    // least two more and both still fit, so the pages come out more even.
    var boundary = parts.count - 1
    while boundary > 0 {
      let earlier = parts[boundary - 1].range
      let later = parts[boundary].range
      let moved = earlier.upperBound - 1
      guard earlier.count - later.count >= 2,
        let earlierWidth = try fittingScale(earlier.lowerBound..<moved),
        let laterWidth = try fittingScale(moved..<later.upperBound)
      else {
        boundary -= 1
        continue
      }
      parts[boundary - 1] = (earlier.lowerBound..<moved, earlierWidth)
      parts[boundary] = (moved..<later.upperBound, laterWidth)
    }
    /// The periods' pages, numbered out of `total` sheets (not at all when that is one).
    func pages(of total: Int) throws(RenderError) -> [Scene] {
      var pages: [Scene] = []
      for (number, part) in parts.enumerated() {
        var scene = try Self.timeline(
          map, options: options, part: part.range, page: total == 1 ? nil : (number + 1, total))
        _ = scene.cutLongTexts()
        pages.append(
          scene.placingTimeline(sizes: sizes, pointsPerMonth: part.pointsPerMonth).scene)
      }
      return pages
    }
    // The corrections of the flagged facts the pages show follow on sheets of their own, as
    // after a map's pages, and the pages are numbered out of all the sheets.
    let drawn = try pages(of: parts.count)
    var corrections = SceneBuilder(map: map, options: options).correctionSheets(
      for: drawn, page: page, heightShare: pageHeightShare)
    guard !corrections.isEmpty else { return drawn }
    let total = drawn.count + corrections.count
    for index in corrections.indices {
      corrections[index].title += ", page \(drawn.count + index + 1) of \(total)"
    }
    return try pages(of: total) + corrections
  }

  /// The month widths a page may use, widest first, in points.
  static let monthWidths = [TimelineScale.pointsPerMonth, 10, 5, 2.5]

  /// The smallest text a timeline draws, in points of the diagram: the years and the note.
  static let smallestTimelineText = 11.0
  /// The blank border Graphviz keeps around a diagram (`pad`), in points.
  static let padPoints = 14.4

  /// The timeline scene of part of the dated statements.
  private static func timeline(
    _ map: ArgumentMap, options: SceneOptions, part: Range<Int>?,
    page: (number: Int, count: Int)?
  ) throws(RenderError) -> Scene {
    do {
      return try map.timelineScene(options: options, part: part, page: page)
    } catch {
      throw .view(error)
    }
  }

  /// `scene` (a `.timeline` scene) measured and placed: what `diagram(_:format:)` draws.
  ///
  /// - Throws: `RenderError` when Graphviz fails while measuring.
  func placedTimeline(_ scene: Scene) throws(RenderError) -> Scene {
    scene.placingTimeline(sizes: try timelineSizes(scene)).scene
  }

  /// The size of each statement and note of a timeline scene, in points, as Graphviz draws
  /// them: the scene's nodes without their edges, laid out once and read back.
  ///
  /// - Throws: `RenderError` when Graphviz fails or its layout cannot be read.
  func timelineSizes(_ scene: Scene) throws(RenderError) -> [SceneElementID: SceneSize] {
    var measured = scene
    measured.placement = .graphviz
    measured.edges = []
    measured.groups = []
    let plain = try plainLayout(
      DOTWriter(safeIDPrefix: idPrefix, layout: "dot").dot(for: measured))
    let inches = try Self.nodeSizes(plain: plain)
    var sizes: [SceneElementID: SceneSize] = [:]
    for node in measured.nodes {
      guard let size = inches[node.id.rawValue] else {
        throw .unreadableLayout("no size for node '\(node.id)'")
      }
      sizes[node.id] = SceneSize(width: size.width * 72, height: size.height * 72)
    }
    return sizes
  }

  /// The size in points of one line of `text` at `fontSize` in the diagram's font.
  private func textSize(_ text: String, fontSize: Int) throws(RenderError) -> SceneSize {
    let dot =
      "digraph \"measure\" {\n  node [shape=\"plaintext\", margin=\"0\", fontname="
      + DOTEscape.quote(VisualGrammar.fontName) + ", fontsize=\"\(fontSize)\"];\n  \"text\" [label="
      + DOTEscape.quote(DOTEscape.escString(text)) + "];\n}\n"
    let inches = try Self.nodeSizes(plain: try plainLayout(dot))
    guard let size = inches["text"] else { throw .unreadableLayout("no size for the title") }
    return SceneSize(width: size.width * 72, height: size.height * 72)
  }

  /// Graphviz's `plain` layout of `dot` with `dot`.
  private func plainLayout(_ dot: String) throws(RenderError) -> String {
    do {
      let output = try Graphviz.shared.render(dot: dot, format: .plain, engine: "dot")
      return String(decoding: output.bytes, as: UTF8.self)
    } catch {
      throw .graphviz(error)
    }
  }
}
