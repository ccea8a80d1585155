import ArgumentMap

/// The modelling choices behind an analysis of a map, stated once so every report can say them.
///
/// Formal semantics need decisions a map does not make by itself: which interpretation's scoped
/// links to read, how supports count in Dung semantics, whether rival interpretations attack each
/// other, and what base score a node without `strength:` gets.
public struct AnalysisOptions: Hashable, Sendable {
  /// Read the map under this interpretation: links scoped to another interpretation are left out.
  /// `nil` reads every link, scoped or not.
  public var interpretation: NodeID?
  /// How supports take part in Dung semantics.
  public var supportReading: SupportReading
  /// Whether every pair of interpretation nodes attacks each other (rival readings exclude each
  /// other) or they are weighed independently, as when each extract is taken in turn.
  public var rivalsAttack: Bool
  /// The base score of a node without a `strength:`; 0.5 says "no prior either way".
  public var defaultBaseScore: Double
  /// Convergence settings for gradual semantics on cyclic maps.
  public var gradual: GradualOptions
  /// The search budget for complete, preferred and stable extensions.
  public var searchBudget: Int

  /// Creates options; the defaults are the documented readings.
  public init(
    interpretation: NodeID? = nil,
    supportReading: SupportReading = .necessary,
    rivalsAttack: Bool = false,
    defaultBaseScore: Double = 0.5,
    gradual: GradualOptions = GradualOptions(),
    searchBudget: Int = AttackFramework.defaultSearchBudget
  ) {
    self.interpretation = interpretation
    self.supportReading = supportReading
    self.rivalsAttack = rivalsAttack
    self.defaultBaseScore = defaultBaseScore
    self.gradual = gradual
    self.searchBudget = searchBudget
  }

  /// Whether a link with `scope` is read under these options.
  public func reads(scope: NodeID?) -> Bool {
    guard let scope, let interpretation else { return true }
    return scope == interpretation
  }
}
