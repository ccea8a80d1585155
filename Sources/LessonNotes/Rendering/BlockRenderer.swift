import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz

/// Draws what one block asks for from a checked map.
enum BlockRenderer {
  /// Renders `spec` for `map` as an inline-safe SVG figure with its outline.
  ///
  /// - Throws: `BlockRenderError` when the options do not fit the map or Graphviz fails.
  static func figure(
    _ spec: BlockSpec, map: ArgumentMap, idPrefix: String, limits: RenderLimits = .standard
  ) throws(BlockRenderError) -> RenderedFigure {
    let scoped = try scopedMap(map, spec: spec)
    switch spec.content {
    case .facts(let answers):
      return FactsReport(map: scoped, answers: answers, distractors: spec.distractors).figure
    case .table(let aim):
      return try tableFigure(aim, spec: spec, map: scoped)
    case .matrix(let ids):
      return try matrixFigure(ids, map: scoped)
    case .comparison(let first, let second):
      let comparison = try self.comparison(first, second, map: scoped)
      let renderer = MapRenderer.lessonFigures(idPrefix: idPrefix, limits: limits)
      let scenes: [Scene]
      if let page = spec.page {
        do {
          scenes = try renderer.pageScenes(
            of: comparison, map: scoped, page: page, printsCorrections: false)
        } catch {
          throw .render(error.description)
        }
      } else {
        scenes = [comparison.scene(for: scoped, printsCorrections: false)]
      }
      var figure = try drawn(scenes, idPrefix: idPrefix, limits: limits, page: spec.page)
      Self.addComparisonReport(&figure, comparison, spec: spec, map: scoped)
      return figure
    case .diagram:
      break
    }
    guard let page = spec.page else {
      return try drawn(scene(spec, map: scoped), idPrefix: idPrefix, limits: limits)
    }
    let (view, options) = viewAndOptions(spec, map: scoped)
    let scenes: [Scene]
    do {
      scenes = try MapRenderer.lessonFigures(idPrefix: idPrefix, limits: limits).pageScenes(
        scoped, view: view, options: options, page: page)
    } catch {
      switch error {
      case .view(let viewError): throw viewProblem(viewError, spec: spec)
      default: throw .render(error.description)
      }
    }
    return try drawn(scenes, idPrefix: idPrefix, limits: limits, page: page)
  }

  /// The pages of a diagram drawn as inline-safe SVG, each with its own id prefix (`P`, `P-2`,
  /// ...), so several share one HTML page; the outline is the first page's. On a `page`, the
  /// pages of a split diagram are bands of the sheet of one size
  /// (`PageComposer.svg(band:on:heightShare:)`), so they print alike; a diagram of one page is
  /// sized to itself at the same scale (`PageComposer.svg(fitted:on:heightShare:)`).
  static func drawn(
    _ scenes: [Scene], idPrefix: String, limits: RenderLimits = .standard, page: PageSize? = nil
  ) throws(BlockRenderError) -> RenderedFigure {
    guard let first = scenes.first else {
      return RenderedFigure(svg: nil, title: "", outline: "")
    }
    let isSplit = scenes.count > 1
    var figure = try drawn(
      first, idPrefix: idPrefix, limits: limits, page: page, isSplit: isSplit)
    var more: [String] = []
    for (offset, scene) in scenes.enumerated().dropFirst() {
      more += try drawn(
        scene, idPrefix: idPrefix + "-\(offset + 1)", limits: limits, page: page,
        isSplit: isSplit
      ).pages
      figure.outline += "\n" + scene.outline
    }
    figure.morePages = more.isEmpty ? nil : more
    // The figure's title names the whole diagram, not its first page: it is the alt text of
    // every page of a block without a caption, which read "... (page 1 of 8), page 2".
    figure.title = Scene.title(ofPages: scenes)
    return figure
  }

  /// A scene drawn as inline-safe SVG with its outline; on a `page`, at the scale that fits it
  /// there: as a band of the sheet when it is a page of a split diagram, else at its own size.
  static func drawn(
    _ scene: Scene, idPrefix: String, limits: RenderLimits = .standard, page: PageSize? = nil,
    isSplit: Bool = false
  ) throws(BlockRenderError) -> RenderedFigure {
    var svg: [UInt8]
    do {
      svg = try MapRenderer.lessonFigures(idPrefix: idPrefix, limits: limits).render(
        scene, format: .svg)
      if let page {
        let share = MapRenderer.lessonHeightShare
        svg =
          try isSplit
          ? PageComposer.svg(band: svg, on: page, heightShare: share)
          : PageComposer.svg(fitted: svg, on: page, heightShare: share)
      }
    } catch {
      throw .render(error.description)
    }
    return RenderedFigure(svg: inlineSafe(svg), title: scene.title, outline: scene.outline)
  }

  /// Renders `spec` as PNG or PDF files, one per page (for Pandoc's LaTeX and Word outputs).
  static func images(_ spec: BlockSpec, map: ArgumentMap, format: OutputFormat)
    throws(BlockRenderError) -> [[UInt8]]
  {
    let scoped = try scopedMap(map, spec: spec)
    let renderer = MapRenderer.lessonFigures(idPrefix: "argmap", limits: .standard)
    var scenes: [Scene]
    do {
      switch (spec.content, spec.page) {
      case (.comparison(let first, let second), let page):
        let comparison = try self.comparison(first, second, map: scoped)
        scenes =
          try page.map { page throws(RenderError) in
            try renderer.pageScenes(of: comparison, map: scoped, page: page)
          } ?? [comparison.scene(for: scoped)]
      case (.diagram, .some(let page)), (.table, .some(let page)), (.matrix, .some(let page)),
        (.facts, .some(let page)):
        let (view, options) = viewAndOptions(spec, map: scoped)
        scenes = try renderer.pageScenes(scoped, view: view, options: options, page: page)
      case (.diagram, nil), (.table, nil), (.matrix, nil), (.facts, nil):
        scenes = [try self.scene(spec, map: scoped)]
      }
    } catch let error as RenderError {
      switch error {
      case .view(let viewError): throw viewProblem(viewError, spec: spec)
      default: throw .render(error.description)
      }
    } catch let error as BlockRenderError {
      throw error
    } catch {
      throw .render("\(error)")
    }
    var pages: [[UInt8]] = []
    for scene in scenes {
      do {
        pages.append(try renderer.render(scene, format: format))
      } catch {
        throw .render(error.description)
      }
    }
    return pages
  }

  /// The scene of a block: its view with its worksheet blanks and legend.
  static func scene(_ spec: BlockSpec, map: ArgumentMap) throws(BlockRenderError) -> Scene {
    let (view, options) = viewAndOptions(spec, map: map)
    do {
      return try map.scene(view, options: options)
    } catch {
      throw viewProblem(error, spec: spec)
    }
  }

  /// The view and options a block asks for.
  static func viewAndOptions(_ spec: BlockSpec, map: ArgumentMap) -> (MapView, SceneOptions) {
    let options = SceneOptions(
      blankNodes: spec.blankNodes, blankKinds: spec.blankKinds, showsLegend: spec.showsLegend,
      showsReasoning: spec.showsReasoning, showsAnswers: spec.showsAnswers,
      showsWordBank: spec.showsWordBank, addsJudgementSheet: spec.addsJudgementSheet)
    let view: MapView
    switch spec.content {
    case .diagram(.map), .diagram(.worksheet):
      view = spec.focus.map { MapView.focus($0, depth: spec.depth) } ?? .argument
    case .diagram(.overview): view = .overview
    case .diagram(.timeline): view = .timeline
    case .comparison(let first, let second): view = .comparison(first, second)
    case .table, .matrix, .facts: view = .argument
    }
    return (view, options)
  }

  /// A view problem, reported at the option that names its id (`focus: secrity` at `focus:`,
  /// not at `view:`).
  private static func viewProblem(_ error: ViewError, spec: BlockSpec) -> BlockRenderError {
    let option: String
    if error.id == spec.focus {
      option = "focus"
    } else if error.id == spec.scope {
      option = "scope"
    } else if spec.blankNodes.contains(error.id) {
      option = "blank"
    } else {
      switch spec.content {
      case .comparison: option = "compare"
      case .matrix: option = "matrix"
      case .diagram, .table, .facts: option = "view"
      }
    }
    return .view(error.description, option: option, id: error.id)
  }

  /// The map as read under the block's scope: links scoped to other interpretations dropped.
  static func scopedMap(_ map: ArgumentMap, spec: BlockSpec) throws(BlockRenderError)
    -> ArgumentMap
  {
    // The students' copy draws no factual flags (their red borders, corrections and sources
    // would answer the fact check), no sources (the fact check asks for them; a flag's source is
    // often also the source of the statement that gives the right date) and no notes for
    // teachers; a fact check needs its flags to find its statements, and prints none of them
    // without answers.
    let map = spec.isStudentCopy && !spec.content.isFacts ? withoutAnswers(map) : map
    guard let scope = spec.scope else { return map }
    do {
      try map.checkScope(scope)
    } catch {
      throw viewProblem(error, spec: spec)
    }
    var scoped = map
    for index in scoped.nodes.indices {
      scoped.nodes[index].links.removeAll { link in
        link.scope.map { $0 != scope } ?? false
      }
    }
    return scoped
  }

  /// The map without its factual flags, its sources and its notes for teachers.
  static func withoutAnswers(_ map: ArgumentMap) -> ArgumentMap {
    var stripped = map
    for index in stripped.nodes.indices {
      stripped.nodes[index].flags = []
      stripped.nodes[index].sources = []
      stripped.nodes[index].notes = []
    }
    return stripped
  }

  /// Graphviz SVG made safe to paste into Markdown or HTML: no XML declaration or doctype, no
  /// blank lines (a blank line would end a Markdown HTML block), no `\r`.
  ///
  /// - Complexity: O(*n*) in the bytes of the SVG, without building a string per line.
  static func inlineSafe(_ svg: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(svg.count)
    var start = 0
    while start < svg.count {
      var end = start
      while end < svg.count, svg[end] != 0x0A { end += 1 }
      var first = start
      while first < end, svg[first] == 0x20 || svg[first] == 0x09 || svg[first] == 0x0D {
        first += 1
      }
      let line = svg[first..<end]
      let skip =
        line.isEmpty || line.starts(with: "<?xml".utf8) || line.starts(with: "<!DOCTYPE".utf8)
      if !skip {
        if !out.isEmpty { out.append(0x0A) }
        var lineEnd = end
        if lineEnd > start, svg[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        out += svg[start..<lineEnd]
      }
      start = end + 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Why a block could not be drawn.
enum BlockRenderError: Error, Hashable, Sendable {
  /// The options do not fit the map (an unknown id, not an interpretation); `option` is the
  /// option at fault, and `id` the id in its value, to point at.
  case view(String, option: String, id: NodeID? = nil)
  /// Graphviz failed.
  case render(String)

  /// The option the error is about, if any.
  var option: String? {
    switch self {
    case .view(_, let option, _): option
    case .render: nil
    }
  }

  /// The id the error is about, if any.
  var id: NodeID? {
    switch self {
    case .view(_, _, let id): id
    case .render: nil
    }
  }

  var message: String {
    switch self {
    case .view(let text, _, _): text
    case .render(let text): "cannot draw the map: \(text)"
    }
  }
}

extension MapRenderer {
  /// A renderer for the figures of lesson notes: a diagram split into pages takes at most
  /// `lessonHeightShare` of a page's height, so its caption and the text around it print on the
  /// same sheet (a sheet left mostly empty before a figure wastes paper).
  static func lessonFigures(idPrefix: String, limits: RenderLimits) -> MapRenderer {
    var renderer = MapRenderer(idPrefix: idPrefix, limits: limits)
    renderer.pageHeightShare = lessonHeightShare
    return renderer
  }

  /// The share of a sheet's height a lesson's diagram page takes (see `HTMLPage`'s print
  /// stylesheet, which prints it at that height).
  static let lessonHeightShare = 0.7
}
