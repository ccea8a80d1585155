import ArgumentMap

/// Which nodes receive links and which send them, for deriving node kinds from the shape of a
/// graph when the source format has no kinds of its own.
struct LinkStructure {
  /// Nodes that are the target of a supports or opposes link.
  var hasIncoming: Set<NodeID> = []
  /// Nodes that hold at least one link.
  var hasOutgoing: Set<NodeID> = []

  init(_ nodes: [Node]) {
    for node in nodes where !node.links.isEmpty {
      hasOutgoing.insert(node.id)
      for link in node.links {
        if case .node(let target) = link.target { hasIncoming.insert(target) }
      }
    }
  }
}
