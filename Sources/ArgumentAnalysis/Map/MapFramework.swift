import ArgumentMap

/// A map seen as argumentation frameworks: its nodes as arguments, its links as attacks and
/// supports, read under one set of `AnalysisOptions`.
///
/// Arguments `0..<nodeIDs.count` are the map's nodes in written order (the first node wins when
/// an id is duplicated; the validator reports duplicates). Links whose ends are unknown are left
/// out, as are links scoped to an interpretation other than the one being read.
///
/// Undercuts attack an inference, which Dung frameworks cannot express directly. For an undercut
/// attack `a → b` the attack is replaced by a chain `a → x → y → b` of two auxiliary arguments,
/// with every undercutter attacking `y` (the standard meta-argumentation encoding): `b` is then
/// attacked exactly when `a` stands and no undercutter does. An undercut support is set aside in
/// the Dung reading (supports only act there through derived attacks); the gradual semantics
/// weigh every undercut by scaling the link by (1 − the undercutter's strength).
public struct MapFramework: Sendable {
  /// The node ids, by argument index.
  public let nodeIDs: [NodeID]
  /// The options the framework was read with.
  public let options: AnalysisOptions
  /// The map's links as weighted edges (undercutters attached), for gradual semantics.
  public let weighted: WeightedFramework
  /// The attacks and supports for Dung semantics, including auxiliary undercut arguments
  /// (indices from `nodeIDs.count` on).
  public let bipolar: BipolarFramework

  /// Reads `map` under `options`.
  ///
  /// - Complexity: O(*n* + *m*) plus, with `rivalsAttack`, O(*i*²) for *i* interpretations.
  public init(_ map: ArgumentMap, options: AnalysisOptions = AnalysisOptions()) {
    var index: [NodeID: Int] = [:]
    index.reserveCapacity(map.nodes.count)
    var ids: [NodeID] = []
    // The position in `map.nodes` of each argument (not a copy of the node: a framework of a
    // million arguments would copy a million nodes).
    var kept: [Int] = []
    for (position, node) in map.nodes.enumerated() {
      // One hash per node: insert, and put the first back in the rare case of a duplicate.
      if let first = index.updateValue(ids.count, forKey: node.id) {
        index[node.id] = first
        continue
      }
      ids.append(node.id)
      kept.append(position)
    }
    let scores = kept.map { position in
      min(1, max(0, map.nodes[position].strength ?? options.defaultBaseScore))
    }
    struct Key: Hashable {
      var from: Int
      var to: Int
    }
    // The read links between nodes, in written order, and their undercutters.
    var edges: [WeightedFramework.Edge] = []
    var undercuts: [(undercutter: Int, ends: Key)] = []
    for (sourceIndex, position) in kept.enumerated() {
      for link in map.nodes[position].links where options.reads(scope: link.scope) {
        switch link.target {
        case .node(let targetID):
          guard let targetIndex = index[targetID] else { continue }
          let polarity: WeightedFramework.Polarity
          switch link.relation {
          case .supports: polarity = .support
          case .opposes, .undercuts: polarity = .attack
          }
          // A self-attack (an argument that defeats itself) is read; a node cannot support
          // or undercut itself (the validator refuses those).
          guard targetIndex != sourceIndex || link.relation == .opposes else { continue }
          edges.append(
            .init(
              sourceIndex, polarity, targetIndex, weight: min(1, max(0, link.strength ?? 1))))
        case .link(let fromID, let toID):
          guard let from = index[fromID], let to = index[toID] else { continue }
          undercuts.append((sourceIndex, Key(from: from, to: to)))
        }
      }
    }
    // Edges by their ends, for the undercuts only: most maps (every abstract framework) have
    // none, and hashing a million edges for nothing would cost more than reading them.
    var edgesByEnds: [Key: [Int]] = [:]
    if !undercuts.isEmpty {
      for (position, edge) in edges.enumerated() {
        edgesByEnds[Key(from: edge.source, to: edge.target), default: []].append(position)
      }
    }
    for (undercutter, ends) in undercuts {
      for edge in edgesByEnds[ends] ?? [] where undercutter != edges[edge].target {
        edges[edge].undercutters.append(undercutter)
      }
    }
    if options.rivalsAttack {
      let rivals = kept.indices.filter { map.nodes[kept[$0]].kind == .interpretation }
      for first in rivals {
        for second in rivals where second != first {
          edges.append(.init(first, .attack, second))
        }
      }
    }
    // Dung reading: attacks and supports, undercut attacks through auxiliary arguments.
    var attacks: [BipolarFramework.Pair] = []
    var supports: [BipolarFramework.Pair] = []
    var argumentCount = ids.count
    for edge in edges {
      switch edge.polarity {
      case .support:
        if edge.undercutters.isEmpty { supports.append(.init(edge.source, edge.target)) }
      case .attack:
        if edge.undercutters.isEmpty {
          attacks.append(.init(edge.source, edge.target))
        } else {
          let relay = argumentCount
          let carrier = argumentCount + 1
          argumentCount += 2
          attacks.append(.init(edge.source, relay))
          attacks.append(.init(relay, carrier))
          attacks.append(.init(carrier, edge.target))
          for undercutter in edge.undercutters { attacks.append(.init(undercutter, carrier)) }
        }
      }
    }
    self.nodeIDs = ids
    self.options = options
    self.weighted = WeightedFramework(baseScores: scores, edges: edges)
    self.bipolar = BipolarFramework(
      argumentCount: argumentCount, attacks: attacks, supports: supports)
  }
}
