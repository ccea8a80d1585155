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
      return FactsReport(map: scoped, answers: answers).figure
    case .table(let aim):
      return try tableFigure(aim, spec: spec, map: scoped)
    case .comparison(let first, let second):
      let comparison = try self.comparison(first, second, map: scoped)
      var figure = try drawn(comparison.scene(for: scoped), idPrefix: idPrefix, limits: limits)
      Self.addComparisonReport(&figure, comparison, spec: spec, map: scoped)
      return figure
    case .diagram:
      break
    }
    return try drawn(scene(spec, map: scoped), idPrefix: idPrefix, limits: limits)
  }

  /// A scene drawn as inline-safe SVG with its outline.
  static func drawn(_ scene: Scene, idPrefix: String, limits: RenderLimits = .standard)
    throws(BlockRenderError) -> RenderedFigure
  {
    let svg: [UInt8]
    do {
      svg = try MapRenderer(idPrefix: idPrefix, limits: limits).render(scene, format: .svg)
    } catch {
      throw .render(error.description)
    }
    return RenderedFigure(svg: inlineSafe(svg), title: scene.title, outline: scene.outline)
  }

  /// Renders `spec` as a PNG or PDF file (for Pandoc's LaTeX and Word outputs).
  static func image(_ spec: BlockSpec, map: ArgumentMap, format: OutputFormat)
    throws(BlockRenderError) -> [UInt8]
  {
    let scoped = try scopedMap(map, spec: spec)
    let scene: Scene
    switch spec.content {
    case .comparison(let first, let second):
      scene = try comparison(first, second, map: scoped).scene(for: scoped)
    case .diagram, .table, .facts:
      scene = try self.scene(spec, map: scoped)
    }
    do {
      return try MapRenderer(idPrefix: "argmap").render(scene, format: format)
    } catch {
      throw .render(error.description)
    }
  }

  /// The scene of a block: its view with its worksheet blanks and legend.
  static func scene(_ spec: BlockSpec, map: ArgumentMap) throws(BlockRenderError) -> Scene {
    let options = SceneOptions(
      blankNodes: spec.blankNodes, blankKinds: spec.blankKinds, showsLegend: spec.showsLegend,
      showsReasoning: spec.showsReasoning)
    let view: MapView
    switch spec.content {
    case .diagram(.map), .diagram(.worksheet): view = .argument
    case .diagram(.timeline): view = .timeline
    case .comparison(let first, let second): view = .comparison(first, second)
    case .table, .facts: view = .argument
    }
    do {
      return try map.scene(view, options: options)
    } catch {
      let option: String
      switch spec.content {
      case .comparison: option = "compare"
      case .diagram, .table, .facts: option = spec.blankNodes.isEmpty ? "view" : "blank"
      }
      throw .view(error.description, option: option)
    }
  }

  /// The map as read under the block's scope: links scoped to other interpretations dropped.
  static func scopedMap(_ map: ArgumentMap, spec: BlockSpec) throws(BlockRenderError)
    -> ArgumentMap
  {
    guard let scope = spec.scope else { return map }
    guard let node = map.node(withID: scope) else {
      throw .view("unknown interpretation '\(scope)' in 'scope'", option: "scope")
    }
    guard node.kind == .interpretation else {
      throw .view(
        "'\(scope)' is a \(node.kind.displayName), not an interpretation, in 'scope'",
        option: "scope")
    }
    var scoped = map
    for index in scoped.nodes.indices {
      scoped.nodes[index].links.removeAll { link in
        link.scope.map { $0 != scope } ?? false
      }
    }
    return scoped
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
  /// option at fault, to point at.
  case view(String, option: String)
  /// Graphviz failed.
  case render(String)

  /// The option the error is about, if any.
  var option: String? {
    switch self {
    case .view(_, let option): option
    case .render: nil
    }
  }

  var message: String {
    switch self {
    case .view(let text, _): text
    case .render(let text): "cannot draw the map: \(text)"
    }
  }
}
