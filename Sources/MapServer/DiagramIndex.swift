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

  /// Each statement drawn in `svg`, with its element id and the line it is written on.
  func statements(in svg: String) -> [PreviewStatement] {
    let positions = map.nodeIndex()
    return Self.elementIDs(in: svg).compactMap { element in
      guard let id = Self.statementID(element), let position = positions[NodeID(id)],
        position < sourceMap.nodes.count
      else { return nil }
      let line = sourceMap.range(of: sourceMap.nodes[position].line).start.line
      return PreviewStatement(id: id, element: element, line: line)
    }
  }

  /// Every node, arrow and box drawn in `svg`, with the statements it needs.
  func elements(in svg: String) -> [PreviewElement] {
    let members = groupMembers()
    return Self.elementIDs(in: svg).map { element in
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
  static func elementIDs(in svg: String) -> [String] {
    var ids: [String] = []
    var rest = svg[...]
    let marker = "<g id=\""
    while let start = rest.range(of: marker) {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      let id = rest[..<end].replacingOccurrences(of: "&#45;", with: "-")
      rest = rest[end...]
      let classStart = rest.dropFirst().prefix(40)
      let isElement =
        classStart.hasPrefix(" class=\"node") || classStart.hasPrefix(" class=\"edge")
        || classStart.hasPrefix(" class=\"cluster")
      if isElement && id.hasPrefix(LivePreview.idPrefix + "-") { ids.append(id) }
    }
    return ids
  }
}
