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

  /// For every node, the signs with which chains from it reach `goals`: bit 0 when some chain
  /// arrives supporting a goal, bit 1 when some chain arrives against one. A goal reaches itself
  /// positively. A chain arriving at one of `counterGoals` (what a reading argues against)
  /// counts the other way round: supporting it is against the reading.
  ///
  /// One backward breadth-first search over (node, sign) states, so the cost is linear in the
  /// map however many pieces of evidence are traced, and cycles end.
  func reach(_ goals: Set<Int>, counterGoals: Set<Int> = []) -> [UInt8] {
    // Reverse steps: for each node, the (source, isPositive) steps that end at it.
    var reverseOffsets = [Int](repeating: 0, count: nodes.count + 1)
    for steps in linkSteps {
      for (_, list) in steps { for step in list { reverseOffsets[step.target + 1] += 1 } }
    }
    for index in 0..<nodes.count { reverseOffsets[index + 1] += reverseOffsets[index] }
    var cursor = reverseOffsets
    var reverse = [Step](
      repeating: Step(target: 0, isPositive: true), count: reverseOffsets[nodes.count])
    for (source, steps) in linkSteps.enumerated() {
      for (_, list) in steps {
        for step in list {
          reverse[cursor[step.target]] = Step(target: source, isPositive: step.isPositive)
          cursor[step.target] += 1
        }
      }
    }
    var reached = [UInt8](repeating: 0, count: nodes.count)
    var queue: [(Int, Bool)] = []
    for goal in goals.sorted() {
      reached[goal] |= 1
      queue.append((goal, true))
    }
    for goal in counterGoals.sorted() where reached[goal] & 2 == 0 {
      reached[goal] |= 2
      queue.append((goal, false))
    }
    var head = 0
    while head < queue.count {
      let (node, sign) = queue[head]
      head += 1
      for slot in reverseOffsets[node]..<reverseOffsets[node + 1] {
        let step = reverse[slot]
        let next = step.isPositive == sign
        let bit: UInt8 = next ? 1 : 2
        if reached[step.target] & bit == 0 {
          reached[step.target] |= bit
          queue.append((step.target, next))
        }
      }
    }
    return reached
  }

  /// The signs a step lands with, given the reach of its target: a positive step keeps them, an
  /// attack swaps them.
  static func arriving(_ step: Step, _ reach: [UInt8]) -> UInt8 {
    let bits = reach[step.target]
    return step.isPositive ? bits : (bits & 1) << 1 | (bits & 2) >> 1
  }
}
