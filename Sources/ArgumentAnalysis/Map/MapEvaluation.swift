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
  /// attacks it, and of the supporter the attack runs through (-1 for none); empty under other
  /// semantics. Positions in 32 bits: a framework of a million arguments keeps 8 MB for this.
  var defeatedBy: [Int32] = []
  var defeatedThrough: [Int32] = []
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
        (defeatedBy, defeatedThrough) = Self.defeaters(
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
  ) -> (by: [Int32], through: [Int32]) {
    // The node each auxiliary relay argument comes from.
    var sourceOfRelay: [Int: Int] = [:]
    if framework.argumentCount > nodeCount {
      for attacker in 0..<nodeCount {
        for attacked in framework.targets(of: attacker) where Int(attacked) >= nodeCount {
          if sourceOfRelay[Int(attacked)] == nil { sourceOfRelay[Int(attacked)] = attacker }
        }
      }
    }
    var supporters: [Int: [Int]] = [:]
    for pair in supports where pair.source < nodeCount && pair.target < nodeCount {
      supporters[pair.target, default: []].append(pair.source)
    }
    func attacks(_ attacker: Int, _ attacked: Int) -> Bool {
      framework.targets(of: attacker).contains(UInt32(attacked))
    }
    var by = [Int32](repeating: -1, count: nodeCount)
    var through = [Int32](repeating: -1, count: nodeCount)
    for attacker in 0..<framework.argumentCount where labels[attacker] == .in {
      for target in framework.targets(of: attacker) {
        let attacked = Int(target)
        guard attacked < nodeCount, by[attacked] < 0, labels[attacked] == .out,
          let source = attacker < nodeCount ? attacker : sourceOfRelay[attacker - 1]
        else { continue }
        by[attacked] = Int32(source)
        // An attack derived from a support: the attacker stands against a supporter that
        // falls with it.
        if let supporter = (supporters[attacked] ?? []).first(where: { supporter in
          labels[supporter] == .out && attacks(source, supporter)
        }) {
          through[attacked] = Int32(supporter)
        }
      }
    }
    return (by, through)
  }

  /// Why the node at `position` falls under grounded semantics; `nil` when it does not fall
  /// or the semantics is another.
  public func defeat(at position: Int) -> Defeat? {
    guard position < defeatedBy.count, defeatedBy[position] >= 0 else { return nil }
    let through = defeatedThrough[position]
    return Defeat(by: Int(defeatedBy[position]), through: through >= 0 ? Int(through) : nil)
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
