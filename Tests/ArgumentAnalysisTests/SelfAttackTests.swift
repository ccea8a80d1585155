import ArgumentAnalysis
import ArgumentMap
import Testing

/// An argument that attacks itself (ICCMA instances have them; in a map, an opposes link from a
/// node to itself): conflict-free sets never contain it, so it is never in; the grounded
/// labelling leaves it undecided unless an accepted argument defeats it.
@Suite struct SelfAttackTests {
  @Test func aSelfAttackerAloneIsUndecidedAndInNoExtension() {
    let lone = framework("a", [("a", "a")])
    #expect(lone.groundedLabelling().labels == [.undecided])
    #expect(letters(lone.extensions(.complete), "a") == [""])
    #expect(letters(lone.extensions(.preferred), "a") == [""])
    #expect(lone.extensions(.stable).extensions.isEmpty)
  }

  /// `b` attacks itself and `a`: `a` is then undecided too (its only attacker is not out).
  @Test func aSelfAttackerKeepsItsTargetsUndecided() {
    let chain = framework("abc", [("b", "b"), ("b", "a"), ("a", "c")])
    #expect(chain.groundedLabelling().labels == [.undecided, .undecided, .undecided])
    #expect(letters(chain.extensions(.preferred), "abc") == [""])
    #expect(chain.extensions(.stable).extensions.isEmpty)
  }

  /// An accepted attacker defeats the self-attacker, which then frees what it attacked.
  @Test func anAcceptedAttackerDefeatsTheSelfAttacker() {
    let defeated = framework("abc", [("a", "b"), ("b", "b"), ("b", "c")])
    #expect(defeated.groundedLabelling().labels == [.in, .out, .in])
    #expect(letters(defeated.extensions(.stable), "abc") == ["ac"])
    #expect(letters(defeated.extensions(.preferred), "abc") == ["ac"])
  }

  /// A self-attacker beside a mutual attack: no stable extension at all, two preferred ones.
  @Test func aSelfAttackerOutsideEveryExtensionRulesOutStability() {
    let mixed = framework("abc", [("a", "b"), ("b", "a"), ("c", "c")])
    #expect(letters(mixed.extensions(.preferred), "abc") == ["a", "b"])
    #expect(mixed.extensions(.stable).extensions.isEmpty)
  }

  /// In a map, `- x` under node `x` is that self-attack: the validator accepts it (other self
  /// links stay errors), and the map's evaluation reads it.
  @Test func aSelfOpposingNodeIsReadAsASelfAttack() {
    let text = """
      aim thesis: A thesis
      claim liar: This claim is false
        - liar
        - thesis
      claim witness: A witness
      """
    let checked = ArgumentMapParser.check(text)
    #expect(!checked.diagnostics.contains { $0.isError }, "\(checked.diagnostics)")
    let grounded = MapEvaluation(checked.map, semantics: .extensions(.grounded))
    #expect(grounded.label(of: "liar") == .undecided)
    #expect(grounded.label(of: "thesis") == .undecided)
    #expect(grounded.label(of: "witness") == .in)
    let defeated = ArgumentMapParser.check(text + "\n  - liar\n").map
    let after = MapEvaluation(defeated, semantics: .extensions(.grounded))
    #expect(after.label(of: "liar") == .out)
    #expect(after.label(of: "thesis") == .in)
  }

  @Test(arguments: ["+", "_"])
  func otherSelfLinksStayErrors(_ sign: String) {
    let target = sign == "+" ? "liar" : "liar -> thesis"
    let text = "aim thesis: A\nclaim liar: B\n  - thesis\n  \(sign) \(target)\n"
    let ids = ArgumentMapParser.check(text).diagnostics.filter(\.isError).map(\.id)
    #expect(ids == ["self-link"])
  }
}
