import ArgumentMap

/// The map's links as signed edges between nodes, for tracing how a piece of evidence bears on a
/// thesis through chains of supports, attacks and undercuts.
///
/// A support keeps the sign of the chain, an attack flips it, and an undercut of a link `a → b`
/// bears on `b` against that link's sign (undercutting a support counts against `b`; undercutting
/// an attack counts for it).
struct ReadingGraph {
  /// One signed step from a node.
  struct Step {
    var target: Int
    var isPositive: Bool
  }

  let nodes: [Node]
  let index: [NodeID: Int]
  /// For each node, its read links (position in `node.links`) with the steps each makes.
  let linkSteps: [[(link: Int, steps: [Step])]]

  init(_ map: ArgumentMap, options: AnalysisOptions) {
    var index: [NodeID: Int] = [:]
    var nodes: [Node] = []
    for node in map.nodes where index[node.id] == nil {
      index[node.id] = nodes.count
      nodes.append(node)
    }
    var linkSteps: [[(link: Int, steps: [Step])]] = Array(repeating: [], count: nodes.count)
    for (source, node) in nodes.enumerated() {
      for (position, link) in node.links.enumerated() where options.reads(scope: link.scope) {
        switch link.target {
        case .node(let id):
          guard let target = index[id], target != source else { continue }
          linkSteps[source].append(
            (position, [Step(target: target, isPositive: !link.relation.isAttack)]))
        case .link(let fromID, let toID):
          guard let from = index[fromID], let to = index[toID] else { continue }
          // The sign of each read link from `from` to `to`, flipped.
          var steps: [Step] = []
          for undercut in nodes[from].links where options.reads(scope: undercut.scope) {
            if case .node(let id) = undercut.target, id == toID {
              steps.append(Step(target: to, isPositive: undercut.relation.isAttack))
            }
          }
          if !steps.isEmpty { linkSteps[source].append((position, steps)) }
        }
      }
    }
    self.nodes = nodes
    self.index = index
    self.linkSteps = linkSteps
  }

  /// The signs with which a chain starting at `start` (with sign `positive`) reaches each node of
  /// `goals`: bit 0 for "for", bit 1 for "against".
  ///
  /// A breadth-first search over (node, sign) states, so cycles end and the cost is linear.
  func bearing(from start: Int, positive: Bool, on goals: Set<Int>, avoiding: Set<Int> = [])
    -> UInt8
  {
    var seen = [UInt8](repeating: 0, count: nodes.count)
    var queue: [(Int, Bool)] = [(start, positive)]
    seen[start] |= positive ? 1 : 2
    var result: UInt8 = 0
    var head = 0
    while head < queue.count {
      let (node, sign) = queue[head]
      head += 1
      if goals.contains(node) { result |= sign ? 1 : 2 }
      if avoiding.contains(node) { continue }
      for (_, steps) in linkSteps[node] {
        for step in steps {
          let next = step.isPositive == sign
          let bit: UInt8 = next ? 1 : 2
          if seen[step.target] & bit == 0 {
            seen[step.target] |= bit
            queue.append((step.target, next))
          }
        }
      }
    }
    return result
  }
}
