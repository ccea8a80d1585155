import ArgumentMap
import ArgumentMapGraphviz

/// Links the elements of a drawn SVG back to the map: which statement each element shows, on
/// which line it is written, and which statements must be visible for an arrow or a box to be
/// shown when the map is presented step by step.
///
/// The ids are the renderer's (`LivePreview.idPrefix` + `-` + the scene's id): `n-ID` for a
/// statement, `link-P-K…` for everything drawn for link `K` of the statement at position `P`
/// (its arrow, the halves of a split arrow, its reason number), and the scene's group ids for
/// the FOR and AGAINST boxes and their headings.
struct DiagramIndex {
  let map: ArgumentMap
  let sourceMap: SourceMap
  let scene: Scene

  /// Each statement among the drawn `elements` (from `elementIDs(in:)`), with its element id and
  /// the line it is written on.
  func statements(among elements: [String]) -> [PreviewStatement] {
    let positions = map.nodeIndex()
    return elements.compactMap { element in
      guard let id = Self.statementID(element), let position = positions[NodeID(id)],
        position < sourceMap.nodes.count
      else { return nil }
      let line = sourceMap.range(of: sourceMap.nodes[position].line).start.line
      return PreviewStatement(id: id, element: element, line: line)
    }
  }

  /// Each drawn node, arrow and box (from `elementIDs(in:)`), with the statements it needs.
  func elements(_ elements: [String]) -> [PreviewElement] {
    let members = groupMembers()
    return elements.map { element in
      let raw = String(element.dropFirst(LivePreview.idPrefix.count + 1))
      if let id = Self.statementID(element) {
        return PreviewElement(element: element, needs: [id], any: false)
      }
      if let ends = linkEnds(raw) {
        return PreviewElement(element: element, needs: ends, any: false)
      }
      let group = raw.hasSuffix("-heading") ? String(raw.dropLast("-heading".count)) : raw
      if let inside = members[group] {
        return PreviewElement(element: element, needs: inside, any: true)
      }
      return PreviewElement(element: element, needs: [], any: false)
    }
  }

  /// The statements in each box, by the box's scene id.
  private func groupMembers() -> [String: [String]] {
    var result: [String: [String]] = [:]
    for group in scene.groups {
      guard case .box = group.arrangement else { continue }
      let ids = group.members.compactMap { member -> String? in
        member.rawValue.hasPrefix("n-") ? String(member.rawValue.dropFirst(2)) : nil
      }
      if !ids.isEmpty { result[group.id.rawValue] = ids }
    }
    return result
  }

  /// The statements at both ends of the link an element is drawn for: `link-P-K` anywhere in
  /// its id names link `K` of the statement at position `P` (both 1-based).
  private func linkEnds(_ raw: String) -> [String]? {
    guard let range = raw.range(of: "link-") else { return nil }
    let numbers = raw[range.upperBound...].split(separator: "-").prefix(2).compactMap { Int($0) }
    guard numbers.count == 2, map.nodes.indices.contains(numbers[0] - 1) else { return nil }
    let node = map.nodes[numbers[0] - 1]
    guard node.links.indices.contains(numbers[1] - 1) else { return nil }
    return [node.id.rawValue] + node.links[numbers[1] - 1].target.nodeIDs.map(\.rawValue)
  }

  /// The statement id of a statement's element id.
  private static func statementID(_ element: String) -> String? {
    let prefix = LivePreview.idPrefix + "-n-"
    return element.hasPrefix(prefix) ? String(element.dropFirst(prefix.count)) : nil
  }

  /// The ids of the SVG's nodes, arrows and boxes, in drawing order (Graphviz writes `-` as
  /// `&#45;` inside ids).
  ///
  /// Scans the UTF-8 bytes once: Foundation's `range(of:)` on a Swift string converts offsets
  /// to UTF-16 on every call, which made this scan three quarters of a preview's time.
  static func elementIDs(in svg: String) -> [String] {
    let bytes = Array(svg.utf8)
    let marker = Array("<g id=\"".utf8)
    let kinds = [" class=\"node", " class=\"edge", " class=\"cluster"].map { Array($0.utf8) }
    let prefix = LivePreview.idPrefix + "-"
    var ids: [String] = []
    var index = 0
    while let start = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      index = start + 1
      guard bytes[start...].starts(with: marker) else { continue }
      let idStart = start + marker.count
      guard let idEnd = bytes[idStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
      index = idEnd
      guard kinds.contains(where: { bytes[(idEnd + 1)...].starts(with: $0) }) else { continue }
      let id = String(decoding: bytes[idStart..<idEnd], as: UTF8.self)
        .replacing("&#45;", with: "-")
      if id.hasPrefix(prefix) { ids.append(id) }
    }
    return ids
  }
}
