import Foundation

extension LaidOutDiagram {
  /// Reads a layout from Graphviz's `json` output (`Graphviz.Format.json`).
  ///
  /// Tolerant on purpose: Graphviz 2.42 and 12+ write the same keys, and anything unknown (an
  /// attribute, a drawing operation) is skipped. Nodes are named by their Graphviz names; edges and
  /// boxes by their `id` attribute with `idPrefix-` taken off, which gives back the scene element
  /// id of a diagram `DOTWriter` wrote.
  ///
  /// - Parameters:
  ///   - json: The bytes Graphviz wrote.
  ///   - idPrefix: The prefix the DOT writer put before every id.
  /// - Throws: `RenderError.unreadableLayout` when the text is not JSON or has no bounding box.
  package init(json: [UInt8], idPrefix: String) throws(RenderError) {
    let root: [String: Any]
    do {
      guard let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
      else { throw RenderError.unreadableLayout("the json layout is not an object") }
      root = object
    } catch let error as RenderError {
      throw error
    } catch {
      throw .unreadableLayout("the json layout does not parse: \(error.localizedDescription)")
    }
    guard let bounds = Self.box(fromBB: root["bb"]) else {
      throw .unreadableLayout("the json layout has no bounding box")
    }
    let reader = GraphvizJSONReader(idPrefix: idPrefix)
    self = reader.diagram(root: root, boundingBox: bounds)
  }

  /// A box from Graphviz's `bb` text (`llx,lly,urx,ury`).
  static func box(fromBB value: Any?) -> LayoutBox? {
    guard let text = value as? String else { return nil }
    let parts = text.split(separator: ",").compactMap { Double($0) }
    guard parts.count == 4 else { return nil }
    return LayoutBox(minX: parts[0], minY: parts[1], maxX: parts[2], maxY: parts[3])
  }
}
