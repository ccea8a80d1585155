import ArgumentMap

extension MapRenderer {
  /// How readable `scene` is on `page`, measured on Graphviz's own layout of it.
  ///
  /// The scene is laid out exactly as `diagram(_:format:)` would lay it out (long texts cut, the
  /// engine `limits` choose, worksheet blanks at their full size), written by Graphviz as `json`,
  /// and measured: the smallest text on the page, overlapping labels and nodes, edges through
  /// labels, crossings, and on a timeline the time order of dated statements.
  ///
  /// - Parameters:
  ///   - scene: The scene, as a view builds it (`map.scene(.argument)`).
  ///   - page: The sheet or slide the diagram is read on.
  ///   - checkingTimeOrder: Whether to count dated statements out of date order; `nil` counts
  ///     them on a timeline (a scene named `timeline`) only.
  /// - Returns: The figures of one page.
  /// - Throws: `RenderError` when the layout engine is unknown, the scene is too large, or
  ///   Graphviz fails or writes a layout that cannot be read.
  public func readability(
    of scene: Scene, on page: PageSize, checkingTimeOrder: Bool? = nil
  ) throws(RenderError) -> ReadabilityFigures {
    try checkLayout()
    var scene = scene
    _ = scene.cutLongTexts()
    let engine = try engine(for: scene)
    var warnings: [String] = []
    let dot = try dot(for: scene, engine: engine, warnings: &warnings)
    let output: Graphviz.Output
    do {
      output = try Graphviz.shared.render(dot: dot, format: .json, engine: engine)
    } catch {
      throw .graphviz(error)
    }
    let diagram = try LaidOutDiagram(json: output.bytes, idPrefix: idPrefix)
    var dates: [String: HistoricalDate] = [:]
    for node in scene.nodes {
      guard case .statement = node.role, let date = node.date else { continue }
      dates[node.id.rawValue] = date.start
    }
    let measurement = ReadabilityMeasurement(
      diagram: diagram, dates: dates,
      checksTimeOrder: checkingTimeOrder ?? (scene.name == "timeline"))
    return measurement.figures(on: page)
  }
}
