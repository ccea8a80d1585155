import ArgumentMap

/// The result of evaluating a map under one semantics: per node, a label or a strength.
///
/// Values are listed in the map's written order so reports come out in the order the author
/// wrote the argument.
public struct MapEvaluation: Hashable, Sendable {
  /// The semantics evaluated.
  public var semantics: Semantics
  /// The options the map was read with.
  public var options: AnalysisOptions
  /// The node ids, in written order.
  public var nodeIDs: [NodeID]
  /// For extension semantics: the labellings restricted to map nodes (one for grounded; one per
  /// extension otherwise, possibly none for stable). Empty for gradual semantics.
  public var labellings: [Labelling]
  /// For extension semantics: whether every extension was found within the search budget.
  public var isExhaustive: Bool
  /// For grounded semantics: for each node that falls, the position of a node that stands and
  /// attacks it (for an attack that an undercut could have stopped, the node it comes from), so
  /// that a report can say why it falls; `nil` for every other node and under other semantics.
  public var defeaters: [Defeat?] = []
  /// For gradual semantics: the strengths and how they were reached.
  public var gradual: GradualResult?

  /// Evaluates `map` under `semantics`.
  ///
  /// - Complexity: linear for grounded and for gradual semantics on acyclic maps; see
  ///   `AttackFramework.extensions(_:budget:)` and `WeightedFramework.strengths(_:options:)`.
  public init(
    _ map: ArgumentMap, semantics: Semantics, options: AnalysisOptions = AnalysisOptions()
  ) {
    let framework = MapFramework(map, options: options)
    self.init(framework, semantics: semantics)
  }

  /// Evaluates an already-read framework under `semantics`.
  public init(_ framework: MapFramework, semantics: Semantics) {
    self.semantics = semantics
    self.options = framework.options
    self.nodeIDs = framework.nodeIDs
    let count = framework.nodeIDs.count
    switch semantics {
    case .extensions(let kind):
      let dung = framework.bipolar.flattened(framework.options.supportReading)
      let result = dung.extensions(kind, budget: framework.options.searchBudget)
      self.labellings = result.labellings.map { Labelling(labels: Array($0.labels.prefix(count))) }
      self.isExhaustive = result.isExhaustive
      self.gradual = nil
      if kind == .grounded, let labels = result.labellings.first?.labels {
        self.defeaters = Self.defeaters(
          in: dung, supports: framework.bipolar.supports, labels: labels, nodeCount: count)
      }
    case .gradual(let kind):
      self.labellings = []
      self.isExhaustive = true
      self.gradual = framework.weighted.strengths(kind, options: framework.options.gradual)
    }
  }

  /// Why a node falls under grounded semantics.
  public struct Defeat: Hashable, Sendable {
    /// The position of a node that stands and attacks it.
    public var by: Int
    /// When that attack runs through a support (the attacker stands against a node that
    /// supports this one, which needs it): the position of that supporter.
    public var through: Int?
  }

  /// For each of the first `nodeCount` arguments that is out, an argument among them that is in
  /// and attacks it. An auxiliary argument of an undercut attack (`MapFramework`: the relay,
  /// then the carrier that attacks the target) stands for the node that attacks the relay; an
  /// attack derived from a support names the supporter it runs through.
  static func defeaters(
    in framework: AttackFramework, supports: [BipolarFramework.Pair], labels: [Label],
    nodeCount: Int
  ) -> [Defeat?] {
    let attacks = framework.attacks
    var sourceOfRelay: [Int: Int] = [:]
    for (attacker, attacked) in attacks where attacked >= nodeCount && attacker < nodeCount {
      if sourceOfRelay[attacked] == nil { sourceOfRelay[attacked] = attacker }
    }
    // Only a map with supports has derived attacks to explain (an abstract framework has none).
    let attackPairs = supports.isEmpty ? [] : Set(attacks.map { BipolarFramework.Pair($0, $1) })
    var supporters: [Int: [Int]] = [:]
    for pair in supports where pair.source < nodeCount {
      supporters[pair.target, default: []].append(pair.source)
    }
    var defeaters = [Defeat?](repeating: nil, count: nodeCount)
    for (attacker, attacked) in attacks
    where attacked < nodeCount && defeaters[attacked] == nil && labels[attacked] == .out
      && labels[attacker] == .in
    {
      guard let by = attacker < nodeCount ? attacker : sourceOfRelay[attacker - 1] else { continue }
      let through = (supporters[attacked] ?? []).first { supporter in
        labels[supporter] == .out && attackPairs.contains(BipolarFramework.Pair(by, supporter))
      }
      defeaters[attacked] = Defeat(by: by, through: through)
    }
    return defeaters
  }

  /// The strength of `id` under a gradual semantics that converged; `nil` otherwise.
  public func strength(of id: NodeID) -> Double? {
    guard let position = nodeIDs.firstIndex(of: id) else { return nil }
    return gradual?.strengths?[position]
  }

  /// The grounded (or only) label of `id` under an extension semantics with exactly one
  /// extension; `nil` otherwise.
  public func label(of id: NodeID) -> Label? {
    guard labellings.count == 1, let position = nodeIDs.firstIndex(of: id) else { return nil }
    return labellings[0].labels[position]
  }

  /// Whether `id` is in some extension (credulous acceptance).
  public func isCredulouslyAccepted(_ id: NodeID) -> Bool {
    guard let position = nodeIDs.firstIndex(of: id) else { return false }
    return labellings.contains { $0.labels[position] == .in }
  }

  /// Whether `id` is in every extension (sceptical acceptance; vacuous when there is none).
  public func isScepticallyAccepted(_ id: NodeID) -> Bool {
    guard let position = nodeIDs.firstIndex(of: id) else { return false }
    return labellings.allSatisfy { $0.labels[position] == .in }
  }
}
