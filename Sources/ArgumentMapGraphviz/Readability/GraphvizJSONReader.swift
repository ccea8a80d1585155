import Foundation

/// Walks the objects of Graphviz's `json` output and their xdot drawing operations.
struct GraphvizJSONReader {
  /// The prefix `DOTWriter` put before every SVG id.
  var idPrefix: String

  /// The shape operations of xdot: filled and unfilled ellipses, polygons, Béziers, polylines.
  private static let shapeOperations: Set<String> = ["E", "e", "P", "p", "B", "b", "L"]

  func diagram(root: [String: Any], boundingBox: LayoutBox) -> LaidOutDiagram {
    var diagram = LaidOutDiagram(boundingBox: boundingBox)
    diagram.labels += labels(of: root, owner: .graph)
    let objects = root["objects"] as? [[String: Any]] ?? []
    let subgraphCount = Self.integer(root["_subgraph_cnt"]) ?? 0
    var nodeNames: [Int: String] = [:]
    // The `_gvid`s of each box's nodes, named once every node has been read.
    var clusterMembers: [[Int]] = []
    for (index, object) in objects.enumerated() {
      let name = object["name"] as? String ?? ""
      if index < subgraphCount || object["nodes"] != nil || object["subgraphs"] != nil {
        guard name.hasPrefix("cluster"), let box = LaidOutDiagram.box(fromBB: object["bb"])
        else { continue }
        let clusterName = strippedID(object["id"]) ?? String(name.dropFirst("cluster_".count))
        let members = (object["nodes"] as? [Any] ?? []).compactMap(Self.integer)
        clusterMembers.append(members)
        diagram.clusters.append(LaidOutDiagram.Cluster(name: clusterName, box: box))
        diagram.labels += labels(of: object, owner: .cluster(clusterName))
        continue
      }
      if let gvid = Self.integer(object["_gvid"]) { nodeNames[gvid] = name }
      guard let node = node(object, name: name) else { continue }
      diagram.nodes.append(node)
      diagram.labels += labels(of: object, owner: .node(name))
    }
    for index in diagram.clusters.indices {
      diagram.clusters[index].members = clusterMembers[index].compactMap { nodeNames[$0] }
    }
    for object in root["edges"] as? [[String: Any]] ?? [] {
      guard !Self.isInvisible(object),
        let tailID = Self.integer(object["tail"]), let tail = nodeNames[tailID],
        let headID = Self.integer(object["head"]), let head = nodeNames[headID]
      else { continue }
      let name = strippedID(object["id"]) ?? "\(tail)->\(head)"
      let curves = Self.operations(object["_draw_"]).compactMap { operation -> [LayoutPoint]? in
        guard let code = operation["op"] as? String, ["b", "B", "L"].contains(code) else {
          return nil
        }
        let points = Self.points(operation["points"])
        return code == "L" ? points : CurveGeometry.sample(bezier: points)
      }
      guard !curves.isEmpty else { continue }
      diagram.edges.append(
        LaidOutDiagram.Edge(name: name, tail: tail, head: head, curves: curves))
      diagram.labels += labels(of: object, owner: .edge(name))
    }
    return diagram
  }

  private func node(_ object: [String: Any], name: String) -> LaidOutDiagram.Node? {
    guard let position = Self.point(fromPos: object["pos"]),
      let width = Self.number(object["width"]), let height = Self.number(object["height"])
    else { return nil }
    let isDrawn =
      !Self.isInvisible(object)
      && Self.operations(object["_draw_"]).contains {
        Self.shapeOperations.contains($0["op"] as? String ?? "")
      }
    return LaidOutDiagram.Node(
      name: name, shape: object["shape"] as? String ?? "ellipse", center: position,
      width: width * 72, height: height * 72, isDrawn: isDrawn)
  }

  /// The labels an object draws: one for each `_*draw_` list that writes text (`_ldraw_` the
  /// label, `_hldraw_` and `_tldraw_` head and tail labels), in the order of the keys.
  private func labels(of object: [String: Any], owner: LaidOutDiagram.Owner)
    -> [LaidOutDiagram.Label]
  {
    guard !Self.isInvisible(object) else { return [] }
    let keys = object.keys.filter { $0.hasPrefix("_") && $0.hasSuffix("draw_") }.sorted()
    return keys.compactMap { key in
      let lines = Self.textLines(Self.operations(object[key]))
      return lines.isEmpty ? nil : LaidOutDiagram.Label(owner: owner, lines: lines)
    }
  }

  /// The text lines of one list of drawing operations, each in the font size set before it.
  private static func textLines(_ operations: [[String: Any]]) -> [LaidOutDiagram.TextLine] {
    var fontSize = 14.0
    var lines: [LaidOutDiagram.TextLine] = []
    for operation in operations {
      switch operation["op"] as? String {
      case "F":
        if let size = number(operation["size"]) { fontSize = size }
      case "T":
        let point = points([operation["pt"] as Any]).first
        guard let point, let text = operation["text"] as? String,
          !text.allSatisfy(\.isWhitespace), let width = number(operation["width"])
        else { continue }
        lines.append(
          LaidOutDiagram.TextLine(
            text: text, fontSize: fontSize, x: point.x, baseline: point.y,
            justification: justification(operation["align"]), width: width))
      default:
        continue
      }
    }
    return lines
  }

  /// xdot's justification: -1 left, 0 centre, 1 right; written `l`, `c`, `r` in `json`.
  private static func justification(_ value: Any?) -> Int {
    if let text = value as? String {
      switch text {
      case "l", "-1": return -1
      case "r", "1": return 1
      default: return 0
      }
    }
    return integer(value).map { max(-1, min(1, $0)) } ?? 0
  }

  private func strippedID(_ value: Any?) -> String? {
    guard let id = value as? String, !id.isEmpty else { return nil }
    let prefix = idPrefix + "-"
    return id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id
  }

  private static func isInvisible(_ object: [String: Any]) -> Bool {
    (object["style"] as? String ?? "").contains("invis")
  }

  private static func operations(_ value: Any?) -> [[String: Any]] {
    value as? [[String: Any]] ?? []
  }

  private static func points(_ value: Any?) -> [LayoutPoint] {
    (value as? [Any] ?? []).compactMap { pair in
      guard let pair = pair as? [Any], pair.count >= 2, let x = number(pair[0]),
        let y = number(pair[1])
      else { return nil }
      return LayoutPoint(x: x, y: y)
    }
  }

  /// A node position from `pos` (`x,y`, with a trailing `!` where it was pinned).
  private static func point(fromPos value: Any?) -> LayoutPoint? {
    guard let text = value as? String else { return nil }
    let parts = text.split(separator: ",").map { Double($0.filter { $0 != "!" }) }
    guard parts.count >= 2, let x = parts[0], let y = parts[1] else { return nil }
    return LayoutPoint(x: x, y: y)
  }

  private static func number(_ value: Any?) -> Double? {
    switch value {
    case let number as Double: number
    case let number as Int: Double(number)
    case let number as NSNumber: number.doubleValue
    case let text as String: Double(text)
    default: nil
    }
  }

  private static func integer(_ value: Any?) -> Int? {
    number(value).map { Int($0) }
  }
}
