import ArgumentMap

extension Scene {
  /// Puts the number on each numbered arrow into a small node of its own on the arrow, which
  /// is split there in two.
  ///
  /// Graphviz places an edge's label beside the edge but lets other edges run through it; it
  /// never routes an edge through a node. As a node, the number can only be crossed by the two
  /// halves of its own arrow. The first half keeps the arrow's id and its reading's start
  /// marker, the second (`…-to`) carries the arrowhead.
  mutating func placeNumbersOnNodes() {
    var split: [SceneEdge] = []
    for edge in edges {
      guard let number = edge.label else {
        split.append(edge)
        continue
      }
      let relation: Relation
      switch edge.role {
      case .link(let linkRelation), .linkToJunction(let linkRelation): relation = linkRelation
      case .timeAxis, .timeLeader, .invisible:
        split.append(edge)
        continue
      }
      let numberID = SceneElementID("number-" + edge.id.rawValue)
      nodes.append(
        SceneNode(
          id: numberID, role: .reasonNumber(relation), label: number, hoverText: edge.hoverText))
      var first = edge
      first.label = nil
      first.target = numberID
      first.role = .linkToJunction(relation)
      var second = edge
      second.id = SceneElementID(edge.id.rawValue + "-to")
      second.label = nil
      second.source = numberID
      second.continuesLink = true
      split += [first, second]
    }
    edges = split
  }
}
