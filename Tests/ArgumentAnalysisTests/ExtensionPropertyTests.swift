import ArgumentAnalysis
import Testing

/// The labelling search against Dung's definitions, by brute force over every subset of small
/// seeded random frameworks.
@Suite struct ExtensionPropertyTests {
  /// A small deterministic generator (SplitMix64) so failures reproduce.
  struct Generator {
    var state: UInt64
    mutating func next(below bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  /// Complete, preferred, stable and grounded extensions straight from the definitions.
  static func bruteForce(_ count: Int, _ attacks: [(Int, Int)]) -> (
    complete: Set<[Int]>, preferred: Set<[Int]>, stable: Set<[Int]>, grounded: [Int]
  ) {
    func members(_ mask: Int) -> [Int] { (0..<count).filter { mask & (1 << $0) != 0 } }
    func attacked(by mask: Int) -> Int {
      attacks.reduce(0) { mask & (1 << $1.0) != 0 ? $0 | (1 << $1.1) : $0 }
    }
    func defended(by mask: Int) -> Int {
      let beaten = attacked(by: mask)
      return (0..<count).reduce(0) { result, argument in
        let attackers = attacks.filter { $0.1 == argument }.map(\.0)
        return attackers.allSatisfy { beaten & (1 << $0) != 0 } ? result | (1 << argument) : result
      }
    }
    var complete: [Int] = []
    for mask in 0..<(1 << count) {
      let conflictFree = attacked(by: mask) & mask == 0
      if conflictFree && defended(by: mask) == mask { complete.append(mask) }
    }
    let preferred = complete.filter { mask in
      !complete.contains { $0 != mask && $0 & mask == mask }
    }
    let all = (1 << count) - 1
    let stable = complete.filter { attacked(by: $0) == all & ~$0 }
    let grounded = complete.min { $0.nonzeroBitCount < $1.nonzeroBitCount } ?? 0
    return (
      Set(complete.map(members)), Set(preferred.map(members)), Set(stable.map(members)),
      members(grounded)
    )
  }

  @Test func searchAgreesWithTheDefinitionsOnRandomFrameworks() {
    var random = Generator(state: 20_240_601)
    var severalPreferred = 0
    var noStable = 0
    for _ in 0..<300 {
      let count = 1 + random.next(below: 8)
      var attacks: [(Int, Int)] = []
      for _ in 0..<random.next(below: 2 * count + 1) {
        attacks.append((random.next(below: count), random.next(below: count)))
      }
      let framework = AttackFramework(
        argumentCount: count, attacks: attacks.map { (attacker: $0.0, attacked: $0.1) })
      let expected = Self.bruteForce(count, attacks)
      #expect(framework.groundedLabelling().accepted == expected.grounded, "\(attacks)")
      #expect(Set(framework.extensions(.complete).extensions) == expected.complete, "\(attacks)")
      #expect(Set(framework.extensions(.preferred).extensions) == expected.preferred, "\(attacks)")
      #expect(Set(framework.extensions(.stable).extensions) == expected.stable, "\(attacks)")
      if expected.preferred.count > 1 { severalPreferred += 1 }
      if expected.stable.isEmpty { noStable += 1 }
    }
    // The sample exercises the hard cases, not only acyclic frameworks.
    #expect(severalPreferred > 10)
    #expect(noStable > 10)
  }
}
