import ArgumentMap

/// Draws argument maps: view to scene, scene to DOT, DOT to SVG, PNG or PDF through libgvc.
///
/// This is the one entry point the command line and the lesson-notes processor call. It keeps
/// the order of the map, so the same map, view and options give the same bytes on one machine
/// (Graphviz measures text with the fonts installed where it runs).
public struct MapRenderer: Sendable {
  /// The prefix of every SVG id, so several diagrams can share one HTML page.
  public var idPrefix: String

  /// Creates a renderer.
  ///
  /// - Parameter idPrefix: Prefix of the SVG ids; any text, made safe with `SafeID`.
  public init(idPrefix: String = "argmap") {
    self.idPrefix = SafeID.encode(idPrefix)
  }

  /// Draws one view of `map`.
  ///
  /// - Parameters:
  ///   - map: The map; links with missing ends are left out (the validator reports them).
  ///   - view: Which picture.
  ///   - options: Legend, reasoning, worksheet blanks.
  ///   - format: The output format.
  /// - Returns: The file's bytes.
  /// - Throws: `RenderError` when the view does not fit the map or Graphviz fails.
  public func render(
    _ map: ArgumentMap,
    view: MapView = .argument,
    options: SceneOptions = SceneOptions(),
    format: OutputFormat
  ) throws(RenderError) -> [UInt8] {
    let scene: Scene
    do {
      scene = try map.scene(view, options: options)
    } catch {
      throw .view(error)
    }
    return try render(scene, format: format)
  }

  /// Draws a scene.
  ///
  /// - Throws: `RenderError` when Graphviz fails.
  public func render(_ scene: Scene, format: OutputFormat) throws(RenderError) -> [UInt8] {
    let dot = try dot(for: scene)
    let graphvizFormat: Graphviz.Format
    switch format {
    case .dot: return Array(dot.utf8)
    case .svg: graphvizFormat = .svg
    case .png: graphvizFormat = .png
    case .pdf: graphvizFormat = .pdf
    }
    let output: Graphviz.Output
    do {
      output = try Graphviz.shared.render(dot: dot, format: graphvizFormat)
    } catch {
      throw .graphviz(error)
    }
    switch format {
    case .pdf: return PDFDate.normalized(output.bytes)
    case .png, .dot: return output.bytes
    case .svg: break
    }
    return postProcessor(for: scene).process(utf8: output.bytes)
  }

  /// The DOT text of a scene. A worksheet is laid out once in full to size its blanks, so that it
  /// keeps exactly the layout of the full map.
  ///
  /// - Throws: `RenderError` when Graphviz fails while sizing blanks.
  public func dot(for scene: Scene) throws(RenderError) -> String {
    let full = DOTWriter(idPrefix: idPrefix)
    guard !scene.blankNodes.isEmpty else { return full.dot(for: scene) }
    let layout: Graphviz.Output
    do {
      layout = try Graphviz.shared.render(dot: full.dot(for: scene), format: .plain)
    } catch {
      throw .graphviz(error)
    }
    let sizes = try Self.nodeSizes(plain: String(decoding: layout.bytes, as: UTF8.self))
    var blankSizes: [SceneElementID: DOTWriter.NodeSize] = [:]
    for node in scene.blankNodes {
      guard let size = sizes[node.id.rawValue] else {
        throw .unreadableLayout("no size for node '\(node.id)'")
      }
      blankSizes[node.id] = size
    }
    return DOTWriter(idPrefix: idPrefix, blankSizes: blankSizes).dot(for: scene)
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
    let writer = DOTWriter(idPrefix: idPrefix)
    var hoverTexts: [String: String] = [:]
    for node in scene.nodes where !node.hoverText.isEmpty {
      hoverTexts[writer.svgID(of: node.id)] = node.hoverText
    }
    for edge in scene.edges where !edge.hoverText.isEmpty {
      hoverTexts[writer.svgID(of: edge.id)] = edge.hoverText
    }
    var boxOrder: [String] = []
    func collectBoxes(_ groups: [SceneGroup]) {
      for group in groups {
        switch group.arrangement {
        case .box: boxOrder.append(writer.svgID(of: group.id))
        case .sameRank, .topRank, .bottomRank: break
        }
        collectBoxes(group.subgroups)
      }
    }
    collectBoxes(scene.groups)
    return SVGPostProcessor(
      idPrefix: idPrefix, title: scene.title, description: scene.outline, hoverTexts: hoverTexts,
      boxOrder: boxOrder)
  }
}
