extension ReadabilityMeasurement {
  /// Pairs of labels of different owners with a line of one over a line of the other.
  ///
  /// Lines, not the boxes around whole labels, are compared: a centred label's short last line
  /// leaves room beside it that another label may use.
  func labelLabelOverlaps(_ problems: inout [String]) -> Int {
    let labels = diagram.labels
    let boxes = labels.map(\.box)
    var count = 0
    for first in labels.indices {
      guard let firstBox = boxes[first] else { continue }
      for second in labels.indices where second > first {
        guard labels[first].owner != labels[second].owner, let secondBox = boxes[second],
          firstBox.overlaps(secondBox, tolerance: Self.tolerance),
          Self.linesOverlap(labels[first], labels[second])
        else { continue }
        count += 1
        problems.append(
          "\(Self.name(of: labels[first])) overlaps \(Self.name(of: labels[second]))")
      }
    }
    return count
  }

  /// Labels with a line over a drawn node they do not belong to.
  func labelNodeOverlaps(_ problems: inout [String]) -> Int {
    let nodes = diagram.nodes.filter(\.isDrawn)
    var count = 0
    for label in diagram.labels {
      for node in nodes where label.owner != .node(node.name) {
        let outline = node.outline
        guard label.lines.contains(where: { outline.overlaps($0.box, tolerance: Self.tolerance) })
        else { continue }
        count += 1
        problems.append("\(Self.name(of: label)) lies on node '\(node.name)'")
      }
    }
    return count
  }

  /// Pairs of drawn nodes whose outlines overlap, then nodes over a box they do not belong to
  /// and boxes over each other (`boxOverlaps`).
  func nodeNodeOverlaps(_ problems: inout [String]) -> Int {
    pairedNodeOverlaps(&problems) + boxOverlaps(&problems)
  }

  /// Nodes drawn over a box (a group's frame) they are not in, and boxes that cross without one
  /// holding the other: a reader takes what a frame encloses for one group.
  ///
  /// `dot` keeps every group's nodes inside its box and every other node out; engines that do
  /// not lay groups out draw the box around wherever the members fell.
  func boxOverlaps(_ problems: inout [String]) -> Int {
    let nodes = diagram.nodes.filter(\.isDrawn)
    let clusters = diagram.clusters.filter { !$0.members.isEmpty }
    var count = 0
    for cluster in clusters {
      let members = Set(cluster.members)
      for node in nodes where !members.contains(node.name) {
        guard node.outline.overlaps(cluster.box, tolerance: Self.tolerance) else { continue }
        count += 1
        problems.append("node '\(node.name)' lies on box '\(cluster.name)'")
      }
    }
    for first in clusters.indices {
      for second in clusters.indices where second > first {
        let firstMembers = Set(clusters[first].members)
        let secondMembers = Set(clusters[second].members)
        guard !firstMembers.isSubset(of: secondMembers),
          !secondMembers.isSubset(of: firstMembers),
          clusters[first].box.overlaps(clusters[second].box, tolerance: Self.tolerance)
        else { continue }
        count += 1
        problems.append(
          "box '\(clusters[first].name)' overlaps box '\(clusters[second].name)'")
      }
    }
    return count
  }

  /// Pairs of drawn nodes whose outlines overlap.
  private func pairedNodeOverlaps(_ problems: inout [String]) -> Int {
    let nodes = diagram.nodes.filter(\.isDrawn)
    let outlines = nodes.map(\.outline)
    var count = 0
    for first in nodes.indices {
      for second in nodes.indices where second > first {
        guard outlines[first].overlaps(outlines[second], tolerance: Self.tolerance) else {
          continue
        }
        count += 1
        problems.append("node '\(nodes[first].name)' overlaps node '\(nodes[second].name)'")
      }
    }
    return count
  }

  private static func linesOverlap(
    _ first: LaidOutDiagram.Label, _ second: LaidOutDiagram.Label
  ) -> Bool {
    first.lines.contains { line in
      second.lines.contains { line.box.overlaps($0.box, tolerance: tolerance) }
    }
  }
}
