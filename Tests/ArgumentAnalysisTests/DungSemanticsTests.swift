import ArgumentAnalysis
import Testing

/// Builds a framework over letters: "a" is argument 0, "b" is 1, and so on.
func framework(_ names: String, _ attacks: [(Character, Character)]) -> AttackFramework {
  let letters = Array(names)
  func index(_ letter: Character) -> Int { letters.firstIndex(of: letter) ?? -1 }
  return AttackFramework(
    argumentCount: letters.count, attacks: attacks.map { (index($0.0), index($0.1)) })
}

/// The extensions as sorted strings of letters, in a canonical order for comparison.
func letters(_ set: ExtensionSet, _ names: String) -> [String] {
  let letters = Array(names)
  return set.extensions.map { String($0.map { letters[$0] }) }.sorted()
}

@Suite struct DungSemanticsTests {
  // D1: the ICCMA'23 rules example.
  let d1 = framework("abcde", [("a", "b"), ("b", "d"), ("d", "e"), ("e", "d"), ("e", "e")])
  // D2: floating acceptance.
  let d2 = framework("abcd", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
  // D3: an odd cycle.
  let d3 = framework("abcd", [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])

  @Test func groundedLabellingOfTheIccmaExample() {
    let labelling = d1.groundedLabelling()
    #expect(labelling.accepted == [0, 2])
    #expect(labelling.arguments(labelled: .out) == [1])
    #expect(labelling.arguments(labelled: .undecided) == [3, 4])
  }

  @Test func completePreferredAndStableOfTheIccmaExample() {
    #expect(letters(d1.extensions(.complete), "abcde") == ["ac", "acd"])
    #expect(letters(d1.extensions(.preferred), "abcde") == ["acd"])
    #expect(letters(d1.extensions(.stable), "abcde") == ["acd"])
    let preferred = d1.extensions(.preferred)
    #expect(preferred.isExhaustive)
    #expect((0..<5).filter(preferred.isScepticallyAccepted) == [0, 2, 3])
    let complete = d1.extensions(.complete)
    #expect((0..<5).filter(complete.isScepticallyAccepted) == [0, 2])
    #expect((0..<5).filter(complete.isCredulouslyAccepted) == [0, 2, 3])
  }

  @Test func floatingAcceptanceSeparatesGroundedFromPreferred() {
    #expect(d2.groundedLabelling().accepted.isEmpty)
    #expect(letters(d2.extensions(.complete), "abcd") == ["", "ad", "bd"])
    #expect(letters(d2.extensions(.preferred), "abcd") == ["ad", "bd"])
    #expect(letters(d2.extensions(.stable), "abcd") == ["ad", "bd"])
    let preferred = d2.extensions(.preferred)
    #expect(preferred.isScepticallyAccepted(3))
    #expect(!preferred.isScepticallyAccepted(0))
    #expect(preferred.isCredulouslyAccepted(0))
  }

  @Test func oddCycleHasNoStableExtension() {
    #expect(d3.groundedLabelling().labels == [.undecided, .undecided, .undecided, .undecided])
    #expect(letters(d3.extensions(.preferred), "abcd") == [""])
    let stable = d3.extensions(.stable)
    #expect(stable.extensions.isEmpty)
    #expect(stable.isExhaustive)
    #expect((0..<4).allSatisfy(stable.isScepticallyAccepted))
    #expect(!(0..<4).contains(where: stable.isCredulouslyAccepted))
  }

  @Test func groundedLabellingOfALongChainIsLinearAndAlternates() {
    let count = 200_001
    let chain = AttackFramework(
      argumentCount: count, attacks: (0..<(count - 1)).map { ($0, $0 + 1) })
    let labelling = chain.groundedLabelling()
    #expect(labelling.accepted.count == 100_001)
    #expect(labelling.labels[count - 1] == .in)
    #expect(labelling.labels[count - 2] == .out)
  }

  @Test func searchBudgetIsReportedWhenExhausted() {
    // Twenty independent mutual attacks have 3^20 complete labellings.
    var attacks: [(attacker: Int, attacked: Int)] = []
    for pair in 0..<20 {
      attacks.append((2 * pair, 2 * pair + 1))
      attacks.append((2 * pair + 1, 2 * pair))
    }
    let many = AttackFramework(argumentCount: 40, attacks: attacks)
    let result = many.extensions(.preferred, budget: 10_000)
    #expect(!result.isExhaustive)
  }

  @Test func acyclicFrameworksHaveOneExtensionUnderEverySemantics() {
    let tree = framework("abcdef", [("a", "b"), ("b", "c"), ("d", "c"), ("e", "f"), ("c", "f")])
    let grounded = letters(tree.extensions(.grounded), "abcdef")
    #expect(grounded == ["ade"])
    for semantics in [ExtensionSemantics.complete, .preferred, .stable] {
      #expect(letters(tree.extensions(semantics), "abcdef") == grounded)
    }
  }
}

@Suite struct BipolarReadingTests {
  // B1: support a ⇒ b, attacks c→b and b→d.
  let b1 = BipolarFramework(
    argumentCount: 4, attacks: [.init(2, 1), .init(1, 3)], supports: [.init(0, 1)])
  // B2: arguments a, b, d, e; support a ⇒ b, attacks e→a and b→d.
  let b2 = BipolarFramework(
    argumentCount: 4, attacks: [.init(3, 0), .init(1, 2)], supports: [.init(0, 1)])

  @Test(arguments: [
    (SupportReading.ignored, [BipolarFramework.Pair](), "acd"),
    (.deductive, [.init(0, 3), .init(2, 0)], "cd"),
    (.necessary, [], "acd"),
    (.cayrol2005, [.init(0, 3)], "ac"),
  ])
  func exampleB1(reading: SupportReading, derived: [BipolarFramework.Pair], grounded: String) {
    #expect(b1.derivedAttacks(reading) == derived)
    #expect(letters(b1.flattened(reading).extensions(.grounded), "abcd") == [grounded])
  }

  @Test(arguments: [
    (SupportReading.ignored, [BipolarFramework.Pair](), "be"),
    (.deductive, [.init(0, 2)], "be"),
    (.necessary, [.init(3, 1)], "de"),
    (.cayrol2005, [.init(0, 2), .init(3, 1)], "de"),
  ])
  func exampleB2(reading: SupportReading, derived: [BipolarFramework.Pair], grounded: String) {
    #expect(b2.derivedAttacks(reading) == derived)
    #expect(letters(b2.flattened(reading).extensions(.grounded), "abde") == [grounded])
  }
}
