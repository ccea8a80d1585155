/// A quantitative bipolar framework: arguments with base scores, and weighted attacks and
/// supports that may themselves be undercut.
///
/// This is what gradual semantics evaluate. A link's contribution is its weight times its
/// source's strength, times (1 − strength) of each argument that undercuts it, so an undercut
/// weakens the inference without touching either end.
public struct WeightedFramework: Sendable {
  /// Whether an edge attacks or supports its target.
  public enum Polarity: String, Hashable, Sendable {
    /// The source pulls the target down.
    case attack
    /// The source pulls the target up.
    case support
  }

  /// One weighted link between arguments.
  public struct Edge: Hashable, Sendable {
    /// The argument the link starts at.
    public var source: Int
    /// The argument it bears on.
    public var target: Int
    /// Attack or support.
    public var polarity: Polarity
    /// The link's weight, 0–1.
    public var weight: Double
    /// Arguments that undercut this link.
    public var undercutters: [Int]

    /// Creates an edge (weight 1 and no undercutters by default).
    public init(
      _ source: Int, _ polarity: Polarity, _ target: Int, weight: Double = 1,
      undercutters: [Int] = []
    ) {
      self.source = source
      self.target = target
      self.polarity = polarity
      self.weight = weight
      self.undercutters = undercutters
    }
  }

  /// The base score τ of each argument, by index.
  public let baseScores: [Double]
  /// The edges as given.
  public let edges: [Edge]

  // Incoming edges grouped by target (compressed rows).
  let incomingOffsets: [Int]
  let incomingSource: [UInt32]
  let incomingWeight: [Double]
  let incomingIsAttack: [Bool]
  // Undercutters of each incoming slot; empty arrays when no edge is undercut.
  let undercutOffsets: [Int]
  let undercutList: [UInt32]

  /// Creates a framework.
  ///
  /// - Precondition: every index lies in `baseScores.indices`.
  /// - Complexity: O(*n* + *m*).
  public init(baseScores: [Double], edges: [Edge]) {
    let n = baseScores.count
    var offsets = [Int](repeating: 0, count: n + 1)
    var hasUndercuts = false
    for edge in edges {
      precondition(
        baseScores.indices.contains(edge.source) && baseScores.indices.contains(edge.target))
      offsets[edge.target + 1] += 1
      if !edge.undercutters.isEmpty { hasUndercuts = true }
    }
    for argument in 0..<n { offsets[argument + 1] += offsets[argument] }
    var cursor = offsets
    var order = [Int](repeating: 0, count: edges.count)
    for (index, edge) in edges.enumerated() {
      order[cursor[edge.target]] = index
      cursor[edge.target] += 1
    }
    var sources = [UInt32](repeating: 0, count: edges.count)
    var weights = [Double](repeating: 0, count: edges.count)
    var attacks = [Bool](repeating: false, count: edges.count)
    var underOffsets: [Int] = hasUndercuts ? [0] : []
    var underList: [UInt32] = []
    for (slot, index) in order.enumerated() {
      let edge = edges[index]
      sources[slot] = UInt32(edge.source)
      weights[slot] = edge.weight
      attacks[slot] = edge.polarity == .attack
      if hasUndercuts {
        for undercutter in edge.undercutters {
          precondition(baseScores.indices.contains(undercutter))
          underList.append(UInt32(undercutter))
        }
        underOffsets.append(underList.count)
      }
    }
    self.baseScores = baseScores
    self.edges = edges
    self.incomingOffsets = offsets
    self.incomingSource = sources
    self.incomingWeight = weights
    self.incomingIsAttack = attacks
    self.undercutOffsets = underOffsets
    self.undercutList = underList
  }

  /// The number of arguments.
  public var argumentCount: Int { baseScores.count }
}
