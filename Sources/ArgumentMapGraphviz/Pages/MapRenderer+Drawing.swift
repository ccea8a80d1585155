import ArgumentMap

extension MapRenderer {
  /// Draws one view of a map as files to hand out: one picture at its natural size, or with
  /// `page`, fitted to that sheet and split where needed (one PDF of every page, or one SVG or
  /// PNG per page). `argmap render` and `argmap serve`'s downloads both draw through here.
  ///
  /// - Parameters:
  ///   - map: The map.
  ///   - view: Which picture.
  ///   - options: Legend, reasoning, worksheet blanks, interpretation scope.
  ///   - page: The sheet or slide, or `nil` for one picture at its natural size.
  ///   - format: The output format; DOT is never placed on a page.
  ///   - adjust: Applied to each page's scene before it is drawn (an evaluation overlay).
  /// - Returns: One diagram per file: a PDF on pages is one document.
  /// - Throws: `RenderError` when the view does not fit the map or Graphviz fails.
  public func drawing(
    _ map: ArgumentMap, view: MapView, options: SceneOptions, page: PageSize?,
    format: OutputFormat, adjust: (Scene) -> Scene = { $0 }
  ) throws(RenderError) -> [RenderedDiagram] {
    var scenes: [Scene]
    if let page {
      scenes = try pageScenes(map, view: view, options: options, page: page)
    } else {
      do {
        scenes = [try map.scene(view, options: options)]
      } catch {
        throw .view(error)
      }
    }
    return try drawing(scenes.map(adjust), page: page, format: format)
  }

  /// Draws scenes already made, one per page: at their natural size, or on `page` (one PDF of
  /// every page, or one SVG or PNG per page). Reports drawn as tables (the evidence matrix) come
  /// through here as maps do.
  ///
  /// - Throws: `RenderError` when Graphviz fails.
  public func drawing(_ scenes: [Scene], page: PageSize?, format: OutputFormat)
    throws(RenderError) -> [RenderedDiagram]
  {
    guard let page, format != .dot else {
      var pages: [RenderedDiagram] = []
      for scene in scenes { pages.append(try diagram(scene, format: format)) }
      return pages
    }
    // On a page: each drawn as SVG, then placed on the sheet; a PDF is one document.
    var svgs: [RenderedDiagram] = []
    for scene in scenes { svgs.append(try diagram(scene, format: .svg)) }
    switch format {
    case .pdf:
      var document = svgs[0]
      document.bytes = try PageComposer.pdf(
        pages: svgs.map(\.bytes), on: page, title: Scene.title(ofPages: scenes))
      document.warnings = svgs.flatMap(\.warnings)
      document.textWarnings = svgs.flatMap(\.textWarnings)
      return [document]
    case .png:
      for index in svgs.indices {
        svgs[index].bytes = try PageComposer.png(page: svgs[index].bytes, on: page)
      }
    case .svg:
      for index in svgs.indices {
        svgs[index].bytes = try PageComposer.svg(page: svgs[index].bytes, on: page)
      }
    case .dot:
      break
    }
    return svgs
  }
}
