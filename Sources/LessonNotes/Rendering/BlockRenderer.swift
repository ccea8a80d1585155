import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz

/// Draws what one block asks for from a checked map.
enum BlockRenderer {
  /// Renders `spec` for `map` as an inline-safe SVG figure with its outline.
  ///
  /// - Throws: `BlockRenderError` when the options do not fit the map or Graphviz fails.
  static func figure(_ spec: BlockSpec, map: ArgumentMap, idPrefix: String) throws(BlockRenderError)
    -> RenderedFigure
  {
    let scoped = try scopedMap(map, spec: spec)
    let scene = try scene(spec, map: scoped)
    let svg: [UInt8]
    do {
      svg = try MapRenderer(idPrefix: idPrefix).render(scene, format: .svg)
    } catch {
      throw .render(error.description)
    }
    var figure = RenderedFigure(
      svg: inlineSafe(String(decoding: svg, as: UTF8.self)), title: scene.title,
      outline: scene.outline)
    try addReport(&figure, spec: spec, map: scoped)
    return figure
  }

  /// Renders `spec` as a PNG or PDF file (for Pandoc's LaTeX and Word outputs).
  static func image(_ spec: BlockSpec, map: ArgumentMap, format: OutputFormat)
    throws(BlockRenderError) -> [UInt8]
  {
    let scoped = try scopedMap(map, spec: spec)
    let scene = try scene(spec, map: scoped)
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
    case .table: view = .argument
    }
    do {
      return try map.scene(view, options: options)
    } catch {
      throw .view(error.description)
    }
  }

  /// The map as read under the block's scope: links scoped to other interpretations dropped.
  static func scopedMap(_ map: ArgumentMap, spec: BlockSpec) throws(BlockRenderError)
    -> ArgumentMap
  {
    guard let scope = spec.scope else { return map }
    guard let node = map.node(withID: scope) else {
      throw .view("unknown interpretation '\(scope)' in 'scope'")
    }
    guard node.kind == .interpretation else {
      throw .view("'\(scope)' is a \(node.kind.displayName), not an interpretation, in 'scope'")
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
  /// blank lines (a blank line would end a Markdown HTML block).
  static func inlineSafe(_ svg: String) -> String {
    var lines: [Substring] = []
    for line in svg.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
      if trimmed.isEmpty || trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!DOCTYPE") {
        continue
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}

/// Why a block could not be drawn.
enum BlockRenderError: Error, Hashable, Sendable {
  /// The options do not fit the map (an unknown id, not an interpretation).
  case view(String)
  /// Graphviz failed.
  case render(String)

  var message: String {
    switch self {
    case .view(let text): text
    case .render(let text): "cannot draw the map: \(text)"
    }
  }
}
