/// A Dung abstract argumentation framework: arguments `0..<argumentCount` and who attacks whom.
///
/// Arguments are dense integer indices so that a framework with a million attacks fits in a few
/// flat arrays (compressed sparse rows of `UInt32`), which is what makes the grounded labelling
/// linear in practice as well as on paper. Maps are turned into frameworks by `MapFramework`;
/// benchmarks and tests build them directly.
public struct AttackFramework: Hashable, Sendable {
  /// The number of arguments; arguments are `0..<argumentCount`.
  public let argumentCount: Int
  /// `attackOffsets[a]..<attackOffsets[a + 1]` indexes `attackTargets` for the arguments `a` attacks.
  let attackOffsets: [UInt32]
  /// The attacked arguments, grouped by attacker, each group in the order the attacks were given.
  let attackTargets: [UInt32]
  /// How many attacks each argument receives (duplicates counted once each).
  let attackerCounts: [UInt32]

  /// Creates a framework from its attacks.
  ///
  /// - Parameters:
  ///   - argumentCount: The number of arguments.
  ///   - attacks: Pairs `(attacker, attacked)`; both must lie in `0..<argumentCount`. Duplicate
  ///     pairs are kept (they change nothing in any semantics).
  /// - Precondition: every index is in range and the counts fit in `UInt32`.
  /// - Complexity: O(*n* + *m*).
  public init(argumentCount: Int, attacks: [(attacker: Int, attacked: Int)]) {
    var sources: [UInt32] = []
    var targets: [UInt32] = []
    sources.reserveCapacity(attacks.count)
    targets.reserveCapacity(attacks.count)
    for attack in attacks {
      sources.append(UInt32(attack.attacker))
      targets.append(UInt32(attack.attacked))
    }
    self.init(argumentCount: argumentCount, attackers: sources, attacked: targets)
  }

  /// Creates a framework from two parallel arrays of attackers and attacked arguments.
  ///
  /// This is the allocation-lean form used for very large frameworks (ICCMA instances): the two
  /// arrays are read once and the framework keeps only its compressed rows.
  ///
  /// - Precondition: `attackers.count == attacked.count`, and every index is below `argumentCount`.
  /// - Complexity: O(*n* + *m*).
  public init(argumentCount: Int, attackers: [UInt32], attacked: [UInt32]) {
    precondition(attackers.count == attacked.count, "attack arrays differ in length")
    precondition(argumentCount < Int(UInt32.max) && attackers.count < Int(UInt32.max))
    let n = argumentCount
    var offsets = [UInt32](repeating: 0, count: n + 1)
    var counts = [UInt32](repeating: 0, count: n)
    attackers.withUnsafeBufferPointer { from in
      attacked.withUnsafeBufferPointer { to in
        offsets.withUnsafeMutableBufferPointer { offsets in
          counts.withUnsafeMutableBufferPointer { counts in
            for index in 0..<from.count {
              let source = Int(from[index])
              let target = Int(to[index])
              precondition(source < n && target < n, "attack names an argument out of range")
              offsets[source + 1] &+= 1
              counts[target] &+= 1
            }
            for argument in 0..<n {
              offsets[argument + 1] &+= offsets[argument]
            }
          }
        }
      }
    }
    var targets = [UInt32](repeating: 0, count: attackers.count)
    var cursor = offsets
    attackers.withUnsafeBufferPointer { from in
      attacked.withUnsafeBufferPointer { to in
        targets.withUnsafeMutableBufferPointer { targets in
          cursor.withUnsafeMutableBufferPointer { cursor in
            for index in 0..<from.count {
              let source = Int(from[index])
              let slot = Int(cursor[source])
              targets[slot] = to[index]
              cursor[source] = UInt32(slot + 1)
            }
          }
        }
      }
    }
    self.argumentCount = n
    self.attackOffsets = offsets
    self.attackTargets = targets
    self.attackerCounts = counts
  }

  /// The number of attacks.
  public var attackCount: Int { attackTargets.count }

  /// The arguments that `argument` attacks, in the order the attacks were given.
  public func targets(of argument: Int) -> ArraySlice<UInt32> {
    attackTargets[Int(attackOffsets[argument])..<Int(attackOffsets[argument + 1])]
  }

  /// Every attack as a pair, grouped by attacker in index order.
  public var attacks: [(attacker: Int, attacked: Int)] {
    var result: [(attacker: Int, attacked: Int)] = []
    result.reserveCapacity(attackCount)
    for argument in 0..<argumentCount {
      for target in targets(of: argument) {
        result.append((argument, Int(target)))
      }
    }
    return result
  }

  /// Whether two frameworks have the same arguments and the same attacks, each attacker's in the
  /// same order; the attacker counts are not compared, since the attacks determine them.
  public static func == (lhs: AttackFramework, rhs: AttackFramework) -> Bool {
    lhs.argumentCount == rhs.argumentCount && lhs.attackOffsets == rhs.attackOffsets
      && lhs.attackTargets == rhs.attackTargets
  }

  /// Hashes the argument count and the attack targets, a subset of what `==` compares, so equal
  /// frameworks always hash alike.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(argumentCount)
    hasher.combine(attackTargets)
  }

  /// For each argument, the arguments that attack it (in attacker order); built on demand for the
  /// searches that need to look backwards.
  func attackerLists() -> (offsets: [Int], attackers: [Int]) {
    var offsets = [Int](repeating: 0, count: argumentCount + 1)
    for argument in 0..<argumentCount {
      offsets[argument + 1] = offsets[argument] + Int(attackerCounts[argument])
    }
    var cursor = offsets
    var attackers = [Int](repeating: 0, count: attackCount)
    for argument in 0..<argumentCount {
      for target in targets(of: argument) {
        attackers[cursor[Int(target)]] = argument
        cursor[Int(target)] += 1
      }
    }
    return (offsets, attackers)
  }
}
