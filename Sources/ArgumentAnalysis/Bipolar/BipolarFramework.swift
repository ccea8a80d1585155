/// A bipolar argumentation framework: arguments with attacks and supports.
///
/// Dung semantics see only attacks, so a bipolar framework is *flattened*: the complex attacks of
/// a chosen `SupportReading` are added to the direct ones (closed under repetition, so derived
/// attacks can derive further ones) and Dung semantics run on the result.
public struct BipolarFramework: Hashable, Sendable {
  /// The number of arguments; arguments are `0..<argumentCount`.
  public var argumentCount: Int
  /// Direct attacks, `(attacker, attacked)`.
  public var attacks: [Pair]
  /// Supports, `(supporter, supported)`.
  public var supports: [Pair]

  /// A directed pair of arguments.
  public struct Pair: Hashable, Sendable, Comparable {
    /// The argument the relation starts at.
    public var source: Int
    /// The argument the relation points at.
    public var target: Int
    /// Creates a pair.
    public init(_ source: Int, _ target: Int) {
      self.source = source
      self.target = target
    }

    /// Orders pairs by source, then target, so derived attacks come out sorted and reproducible.
    public static func < (lhs: Pair, rhs: Pair) -> Bool {
      (lhs.source, lhs.target) < (rhs.source, rhs.target)
    }
  }

  /// Creates a framework; every index must lie in `0..<argumentCount`.
  public init(argumentCount: Int, attacks: [Pair], supports: [Pair]) {
    self.argumentCount = argumentCount
    self.attacks = attacks
    self.supports = supports
  }

  /// The attacks that the reading adds to the direct ones, sorted, without the direct ones.
  ///
  /// - Complexity: O(*n*·(*n* + *s*)) for the support closure plus the work per derived attack;
  ///   close to linear on tree-shaped maps.
  public func derivedAttacks(_ reading: SupportReading) -> [Pair] {
    let usesSupported: Bool
    let usesMediated: Bool
    let usesSecondary: Bool
    let usesExtended: Bool
    switch reading {
    case .ignored: return []
    case _ where supports.isEmpty:
      // Every derived attack runs along a support; without any (an abstract framework), none.
      return []
    case .deductive:
      (usesSupported, usesMediated, usesSecondary, usesExtended) = (true, true, false, false)
    case .necessary:
      (usesSupported, usesMediated, usesSecondary, usesExtended) = (false, false, true, true)
    case .cayrol2005:
      (usesSupported, usesMediated, usesSecondary, usesExtended) = (true, false, true, false)
    }
    let forward = Self.closure(argumentCount, supports.map { ($0.source, $0.target) })
    let backward = Self.closure(argumentCount, supports.map { ($0.target, $0.source) })
    var known = Set(attacks)
    var worklist = attacks
    var derived: [Pair] = []
    func add(_ pair: Pair) {
      if known.insert(pair).inserted {
        derived.append(pair)
        worklist.append(pair)
      }
    }
    var next = 0
    while next < worklist.count {
      let attack = worklist[next]
      next += 1
      // supported: x ⇒⁺ z, z attacks y.
      if usesSupported { for x in backward[attack.source] { add(Pair(x, attack.target)) } }
      // mediated: y ⇒⁺ z, x attacks z.
      if usesMediated { for y in backward[attack.target] { add(Pair(attack.source, y)) } }
      // secondary: x attacks z, z ⇒⁺ y.
      if usesSecondary { for y in forward[attack.target] { add(Pair(attack.source, y)) } }
      // extended: z ⇒⁺ x, z attacks y.
      if usesExtended { for x in forward[attack.source] { add(Pair(x, attack.target)) } }
    }
    return derived.sorted()
  }

  /// The Dung framework of direct plus derived attacks under `reading`.
  public func flattened(_ reading: SupportReading) -> AttackFramework {
    let all = attacks + derivedAttacks(reading)
    return AttackFramework(
      argumentCount: argumentCount, attacks: all.map { (attacker: $0.source, attacked: $0.target) })
  }

  /// For each argument, the arguments reachable by one or more edges, in breadth-first order.
  static func closure(_ count: Int, _ edges: [(Int, Int)]) -> [[Int]] {
    var adjacency = [[Int]](repeating: [], count: count)
    for (from, to) in edges { adjacency[from].append(to) }
    var result = [[Int]](repeating: [], count: count)
    var seen = [Int](repeating: -1, count: count)
    for start in 0..<count where !adjacency[start].isEmpty {
      var queue = adjacency[start]
      var reached: [Int] = []
      var head = 0
      while head < queue.count {
        let node = queue[head]
        head += 1
        if seen[node] == start { continue }
        seen[node] = start
        reached.append(node)
        queue.append(contentsOf: adjacency[node])
      }
      result[start] = reached
    }
    return result
  }
}
