extension ReadabilityMeasurement {
  /// Edges whose curve runs through a line of a label that is neither the edge's own, nor its
  /// end nodes', nor that of the other half of the same link (two edges meeting at a joint).
  func edgesThroughLabels(_ problems: inout [String]) -> Int {
    let labels = diagram.labels
    let boxes = labels.map(\.box)
    var count = 0
    for edge in diagram.edges {
      let partners = linkPartners(of: edge)
      // Grown a little, so that a straight level or upright curve still has an area.
      let curveBounds = edge.curves.compactMap(CurveGeometry.bounds(of:)).map {
        $0.inset(by: -1)
      }
      for (label, box) in zip(labels, boxes) {
        guard let box, !isOwn(label.owner, of: edge, partners: partners),
          curveBounds.contains(where: { $0.overlaps(box, tolerance: 0) })
        else { continue }
        let crossed = label.lines.contains { line in
          let inner = line.box.inset(by: Self.tolerance)
          return edge.curves.contains { curve in
            zip(curve, curve.dropFirst()).contains { inner.isCrossed(from: $0, to: $1) }
          }
        }
        guard crossed else { continue }
        count += 1
        problems.append("\(name(of: edge)) runs through \(Self.name(of: label))")
      }
    }
    return count
  }

  /// Pairs of edges whose curves cross, except where edges sharing a node meet near it.
  func edgeCrossings(_ problems: inout [String]) -> Int {
    let edges = diagram.edges
    let bounds = edges.map { edge in
      edge.curves.compactMap(CurveGeometry.bounds(of:)).reduce(nil) { (box: LayoutBox?, next) in
        box?.union(next) ?? next
      }?.inset(by: -1)
    }
    var count = 0
    for first in edges.indices {
      guard let firstBounds = bounds[first] else { continue }
      for second in edges.indices where second > first {
        guard let secondBounds = bounds[second], firstBounds.overlaps(secondBounds, tolerance: 0)
        else { continue }
        guard cross(edges[first], edges[second]) else { continue }
        count += 1
        problems.append("\(name(of: edges[first])) crosses \(name(of: edges[second]))")
      }
    }
    return count
  }

  /// Whether the two edges' curves cross anywhere but near a node both touch.
  private func cross(_ first: LaidOutDiagram.Edge, _ second: LaidOutDiagram.Edge) -> Bool {
    let shared = [first.tail, first.head].filter(second.touches)
    let nearShared = shared.compactMap { diagram.node(named: $0) }.map {
      $0.outline.box.inset(by: -Self.sharedNodeMargin)
    }
    for firstCurve in first.curves {
      for (a1, a2) in zip(firstCurve, firstCurve.dropFirst()) {
        for secondCurve in second.curves {
          for (b1, b2) in zip(secondCurve, secondCurve.dropFirst()) {
            guard let point = CurveGeometry.crossing(a1, a2, b1, b2),
              !nearShared.contains(where: { $0.contains(point) })
            else { continue }
            return true
          }
        }
      }
    }
    return false
  }

  /// The edges that continue `edge` through a joint: the two halves of one link.
  private func linkPartners(of edge: LaidOutDiagram.Edge) -> Set<String> {
    let joints = [edge.tail, edge.head].filter { diagram.node(named: $0)?.isJoint ?? false }
    guard !joints.isEmpty else { return [] }
    return Set(
      diagram.edges.filter { other in joints.contains(where: other.touches) }.map(\.name))
  }

  private func isOwn(
    _ owner: LaidOutDiagram.Owner, of edge: LaidOutDiagram.Edge, partners: Set<String>
  ) -> Bool {
    switch owner {
    case .edge(let name): name == edge.name || partners.contains(name)
    case .node(let name): edge.touches(name)
    case .graph, .cluster: false
    }
  }
}
