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
    case .gradual(let kind):
      self.labellings = []
      self.isExhaustive = true
      self.gradual = framework.weighted.strengths(kind, options: framework.options.gradual)
    }
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
