import ArgumentMap

/// Draws argument maps: view to scene, scene to DOT, DOT to SVG, PNG or PDF through libgvc.
///
/// This is the one entry point the command line and the lesson-notes processor call. It keeps
/// the order of the map, so the same map, view and options give the same bytes on one machine
/// (Graphviz measures text with the fonts installed where it runs).
public struct MapRenderer: Sendable {
  /// The prefix of every SVG id, so several diagrams can share one HTML page.
  public var idPrefix: String
  /// The Graphviz layout engine (`dot` unless another is offered); see `offeredLayouts`.
  public var layout: String
  /// Whether SVG starts with an XML declaration (`<?xml ...?>`); leave it out to inline the SVG
  /// in HTML.
  public var xmlDeclaration: Bool
  /// How large a diagram may be, and when `dot` gives way to a faster engine.
  public var limits: RenderLimits
  /// The share of a page's height a diagram may take when it is split into pages
  /// (`pageScenes`): 1 for a sheet of its own; less in lesson notes, where a caption and some
  /// text share the sheet with it.
  public var pageHeightShare: Double = 1
  /// The language of the map's text (its front matter `language:`), written on each SVG's root
  /// as `lang` and `xml:lang`: a screen reader read German statements with English sounds.
  public var language: String?

  /// Creates a renderer.
  ///
  /// - Parameters:
  ///   - idPrefix: Prefix of the SVG ids; any text, made safe with `SafeID`.
  ///   - layout: The Graphviz layout engine; `dot` draws the views as designed; any other must
  ///     be one of `offeredLayouts`, or drawing throws `RenderError.refusedLayout`.
  ///   - xmlDeclaration: Whether SVG starts with an XML declaration.
  ///   - limits: The largest diagram drawn and the size above which `dot` gives way to a faster
  ///     engine; see `RenderLimits`.
  public init(
    idPrefix: String = "argmap", layout: String = "dot", xmlDeclaration: Bool = false,
    limits: RenderLimits = .standard
  ) {
    self.idPrefix = SafeID.encode(idPrefix)
    self.layout = layout
    self.xmlDeclaration = xmlDeclaration
    self.limits = limits
  }

  /// The layout engines the installed Graphviz offers, sorted (`circo`, `dot`, `fdp`, ...).
  public static var layoutEngines: [String] { Graphviz.shared.layoutEngines() }

  /// The layout engines argument maps may be drawn with: `dot` first, then those whose
  /// drawings, with Graphviz's overlap removal, pass the readability report on every view
  /// (`LayoutEngineSettings`), as far as the installed Graphviz has them. Any other engine is
  /// refused before anything is drawn (`RenderError.refusedLayout`).
  public static var offeredLayouts: [String] {
    let installed = Set(layoutEngines)
    return LayoutEngineSettings.all.filter { settings in
      settings.isOffered && (settings.name == "dot" || installed.contains(settings.name))
    }.map(\.name)
  }

  /// Draws one view of `map`.
  ///
  /// - Parameters:
  ///   - map: The map; links with missing ends are left out (the validator reports them).
  ///   - view: Which picture.
  ///   - options: Legend, reasoning, worksheet blanks, interpretation scope.
  ///   - format: The output format.
  /// - Returns: The file's bytes.
  /// - Throws: `RenderError` when the view does not fit the map, the layout engine is unknown,
  ///   or Graphviz fails.
  public func render(
    _ map: ArgumentMap,
    view: MapView = .argument,
    options: SceneOptions = SceneOptions(),
    format: OutputFormat
  ) throws(RenderError) -> [UInt8] {
    try diagram(map, view: view, options: options, format: format).bytes
  }

  /// Draws a scene.
  ///
  /// - Throws: `RenderError` when the layout engine is unknown or Graphviz fails.
  public func render(_ scene: Scene, format: OutputFormat) throws(RenderError) -> [UInt8] {
    try diagram(scene, format: format).bytes
  }

  /// Draws one view of `map`, keeping Graphviz's warnings (see `render(_:view:options:format:)`).
  ///
  /// - Returns: The file's bytes and the warnings Graphviz reported while drawing it.
  /// - Throws: `RenderError` when the view does not fit the map, the layout engine is unknown,
  ///   or Graphviz fails.
  public func diagram(
    _ map: ArgumentMap,
    view: MapView = .argument,
    options: SceneOptions = SceneOptions(),
    format: OutputFormat
  ) throws(RenderError) -> RenderedDiagram {
    let scene: Scene
    do {
      scene = try map.scene(view, options: options)
    } catch {
      throw .view(error)
    }
    return try diagram(scene, format: format)
  }

  /// Draws a scene, keeping Graphviz's warnings.
  ///
  /// A scene with more nodes than `limits.fastLayoutNodes` asked of `dot` is laid out with
  /// `limits.fastLayout`; the result's `layout` says which engine drew it.
  ///
  /// - Throws: `RenderError` when the layout engine is unknown, the scene has more nodes than
  ///   `limits.maximumNodes` (`tooLarge`, before any layout starts), or Graphviz fails.
  public func diagram(_ scene: Scene, format: OutputFormat) throws(RenderError)
    -> RenderedDiagram
  {
    try checkLayout()
    var scene = scene
    let textWarnings = scene.cutLongTexts()
    if scene.placement == .timeline { scene = try placedTimeline(scene) }
    var warnings: [String] = []
    let graphvizFormat: Graphviz.Format
    switch format {
    case .dot:
      let engine = scene.placement == .fixed ? DOTWriter.fixedLayout : layout
      let dot = try dot(for: scene, engine: engine, warnings: &warnings)
      return RenderedDiagram(
        bytes: Array(dot.utf8), warnings: warnings, textWarnings: textWarnings,
        nodeCount: scene.nodes.count)
    case .svg: graphvizFormat = .svg
    case .png: graphvizFormat = .png
    case .pdf: graphvizFormat = .pdf
    }
    let engine = try engine(for: scene)
    // A worksheet is laid out in full first to size its blanks, then drawn with the blanks at
    // those sizes: the positions of the full map to within Graphviz's rounding of a fixed size
    // to whole points, and none of the blanked text.
    let dot = try dot(for: scene, engine: engine, warnings: &warnings)
    let output: Graphviz.Output
    do {
      output = try Graphviz.shared.render(dot: dot, format: graphvizFormat, engine: engine)
    } catch {
      throw .graphviz(error)
    }
    warnings += output.warnings
    let bytes: [UInt8]
    switch format {
    case .pdf: bytes = PDFDate.normalized(output.bytes)
    case .png, .dot: bytes = output.bytes
    case .svg: bytes = postProcessor(for: scene).process(utf8: output.bytes)
    }
    // A pre-placed scene is not laid out: no engine gave way to another.
    return RenderedDiagram(
      bytes: bytes, warnings: warnings, textWarnings: textWarnings,
      layout: scene.placement == .fixed ? layout : engine,
      nodeCount: scene.nodes.count)
  }

  /// The engine that lays out `scene` under `limits`; `dot` stays when the faster engine is not
  /// installed.
  ///
  /// - Throws: `RenderError.tooLarge` above `limits.maximumNodes`.
  func engine(for scene: Scene) throws(RenderError) -> String {
    // The size limit holds for a pre-placed scene too (a timeline, an evidence matrix), which
    // is then only drawn: the engine that draws it keeps every position.
    let engine = try limits.engine(forNodes: scene.nodes.count, requested: layout)
    if scene.placement == .fixed { return DOTWriter.fixedLayout }
    // The faster engine is used only when it draws readable maps; else `dot` keeps the map
    // and the size limits apply.
    guard engine == layout || Self.offeredLayouts.contains(engine) else { return layout }
    return engine
  }

  /// Throws unless libgvc has the layout engine and it draws readable argument maps.
  ///
  /// - Throws: `RenderError.unknownLayout` for an engine libgvc does not have,
  ///   `RenderError.refusedLayout` for one whose drawings overlap text.
  func checkLayout() throws(RenderError) {
    guard layout != "dot" else { return }
    let offered = Self.offeredLayouts
    guard !offered.contains(layout) else { return }
    guard Self.layoutEngines.contains(layout) else {
      throw .unknownLayout(
        layout, available: offered, suggestion: Suggestions.nearest(to: layout, in: offered))
    }
    throw .refusedLayout(layout, offered: offered)
  }

  /// The DOT text of a scene, for Graphviz's tools. A worksheet is laid out once in full to size
  /// its blanks, which the text then fixes.
  ///
  /// - Throws: `RenderError` when Graphviz fails while sizing blanks.
  public func dot(for scene: Scene) throws(RenderError) -> String {
    String(decoding: try diagram(scene, format: .dot).bytes, as: UTF8.self)
  }

  /// The DOT text of `scene` for `engine`, its blanks sized by a layout of the full map.
  func dot(for scene: Scene, engine: String, warnings: inout [String]) throws(RenderError)
    -> String
  {
    let full = DOTWriter(safeIDPrefix: idPrefix, layout: engine)
    guard !scene.blankNodes.isEmpty else { return full.dot(for: scene) }
    let laidOut: Graphviz.Output
    do {
      laidOut = try Graphviz.shared.render(
        dot: full.dot(for: scene), format: .plain, engine: engine)
    } catch {
      throw .graphviz(error)
    }
    warnings += laidOut.warnings
    let sizes = try Self.nodeSizes(plain: String(decoding: laidOut.bytes, as: UTF8.self))
    var blankSizes: [SceneElementID: DOTWriter.NodeSize] = [:]
    for node in scene.blankNodes {
      guard let size = sizes[node.id.rawValue] else {
        throw .unreadableLayout("no size for node '\(node.id)'")
      }
      blankSizes[node.id] = size
    }
    return DOTWriter(safeIDPrefix: idPrefix, layout: engine, blankSizes: blankSizes).dot(for: scene)
  }

  /// Node sizes from Graphviz `plain` output (`node NAME X Y WIDTH HEIGHT ...`).
  static func nodeSizes(plain: String) throws(RenderError) -> [String: DOTWriter.NodeSize] {
    var sizes: [String: DOTWriter.NodeSize] = [:]
    for line in plain.split(whereSeparator: \.isNewline) where line.hasPrefix("node ") {
      let fields = line.split(separator: " ", maxSplits: 6)
      guard fields.count >= 6, let width = Double(fields[4]), let height = Double(fields[5])
      else {
        throw .unreadableLayout("malformed line '\(line.prefix(80))'")
      }
      var name = fields[1]
      if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
        name = name.dropFirst().dropLast()
      }
      sizes[String(name)] = DOTWriter.NodeSize(width: width, height: height)
    }
    return sizes
  }

  private func postProcessor(for scene: Scene) -> SVGPostProcessor {
    let writer = DOTWriter(safeIDPrefix: idPrefix, layout: layout)
    var hoverTexts: [String: String] = [:]
    for node in scene.nodes where !node.hoverText.isEmpty {
      hoverTexts[writer.svgID(of: node.id)] = node.hoverText
    }
    for edge in scene.edges where !edge.hoverText.isEmpty {
      hoverTexts[writer.svgID(of: edge.id)] = edge.hoverText
    }
    return SVGPostProcessor(
      idPrefix: idPrefix, title: scene.title, description: scene.outline, hoverTexts: hoverTexts,
      xmlDeclaration: xmlDeclaration, language: language)
  }
}
