import ArgumentMap
import Testing

@testable import ArgumentInterchange

/// Which statements a Kialo export writes at the top of its outline, so that nothing a reader
/// could reach in the map is left out of the discussion.
@Suite struct KialoThesesTests {
  /// Two theses that oppose each other, with no main aim (as in Argdown's veggie debate, where
  /// the export kept 4 of 47 statements): the cycle gives one thesis, and every statement is
  /// written; importing the text gives a map that checks, and exporting that gives the same text.
  @Test func thesesThatOpposeEachOtherAreKept() throws {
    let map = ArgumentMapParser.check(
      """
      claim meat: Eating meat is fine.
        - veggie
      claim veggie: Nobody should eat meat.
        - meat
      claim taste: Meat tastes good.
        + meat
      claim heading: Three arguments follow.

      """
    ).map
    let exported = KialoExporter.export(map)
    #expect(
      exported.text == """
        Discussion Title: Eating meat is fine.

        1. Eating meat is fine.
        1.1. Con: Nobody should eat meat.
        1.1.1. Con: -> See 1.
        1.2. Pro: Meat tastes good.
        2. Three arguments follow.

        """)
    #expect(!exported.diagnostics.contains { $0.message.contains("not reached") })

    let again = KialoImporter.importMap(exported.text)
    #expect(!again.map.validate().containsErrors)
    // A main aim cannot oppose a claim, so the first thesis is read as a counterclaim.
    #expect(again.diagnostics.located == ["3:1 kialo-thesis-read-as-claim"])
    #expect(again.map.nodes.map(\.kind) == [.counterclaim, .counterclaim, .claim, .mainAim])
    #expect(KialoExporter.export(again.map).text == exported.text)
  }

  /// A statement that only undercuts (Kialo has no undercut) stands as a con under the claim
  /// whose inference it attacks, with the reply under it: that is how a Kialo discussion
  /// questions a claim's bearing on its parent. It is not a second thesis, and not left out.
  @Test func anUndercutterIsAConOfTheClaimItQuestions() throws {
    let map = ArgumentMapParser.check(
      """
      aim security: Stalin sought security.
      event pact: The Nazi–Soviet Pact, 1939.
        + security
      counterclaim failure: The pact failed: Germany invaded in 1941.
        _ pact -> security
      claim anyway: Germany would have invaded anyway.
        - failure

      """
    ).map
    let exported = KialoExporter.export(map)
    #expect(
      exported.text.hasSuffix(
        """
        1. Stalin sought security.
        1.1. Pro: The Nazi–Soviet Pact, 1939.
        1.1.1. Con: The pact failed: Germany invaded in 1941.
        1.1.1.1. Con: Germany would have invaded anyway.

        """))
    let messages = exported.diagnostics.map(\.message)
    #expect(
      messages.contains {
        $0.contains(
          "the undercut by 'failure' of the link 'pact' -> 'security' is written as a Con of 'pact'"
        )
      })
    #expect(!messages.contains { $0.contains("'failure' is of kind") })
    let back = KialoImporter.importMap(exported.text).map
    #expect(back.mainAims.count == 1)
    #expect(back.linkLines.contains("the-pact-failed-germany - the-nazi-soviet-pact"))
  }

  /// A thesis that a cross-link puts under a claim which is itself a thesis's cross-link target:
  /// each such thesis is read as a claim in turn, until no main aim supports or opposes a claim.
  @Test func thesesUnderClaimsAreReadAsClaimsInTurn() {
    let result = KialoImporter.importMap(
      """
      1. A
      1.1. Pro: B
      2. C
      2.1. Pro: -> See 1.
      3. D
      3.1. Con: -> See 2.

      """)
    #expect(!result.map.validate().containsErrors)
    // A supports C, so C stays a main aim; D, under C, stays one too. Only 1. under a claim moves.
    #expect(result.map.nodes.map(\.kind) == [.mainAim, .claim, .mainAim, .mainAim])

    let chained = KialoImporter.importMap(
      """
      1. A
      1.1. Pro: B
      1.1.1. Con: -> See 2.
      2. C
      2.1. Pro: -> See 3.
      3. D

      """)
    #expect(!chained.map.validate().containsErrors)
    // C opposes the claim B, so it is a counterclaim; D supports C, now a claim, so it follows.
    #expect(chained.map.nodes.map(\.kind) == [.mainAim, .claim, .counterclaim, .claim])
    #expect(
      chained.diagnostics.located == [
        "4:1 kialo-thesis-read-as-claim", "6:1 kialo-thesis-read-as-claim",
      ])
  }
}
