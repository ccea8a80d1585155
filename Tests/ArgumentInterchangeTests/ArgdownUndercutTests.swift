import ArgumentMap
import Testing

@testable import ArgumentInterchange

/// Undercuts that were lost or changed on import, each on a minimal document.
@Suite struct ArgdownUndercutTests {
  /// Argdown's syntax guide writes an undercut under the inference line of a premise–conclusion
  /// structure. It was "relation '<_' has no parent above it", and its undercutter was isolated.
  @Test func undercutUnderTheInferenceLine() {
    let result = ArgdownImporter.importMap(
      """
      <Appeasement>

      (1) Britain and France gave way at Munich.
      ----
        <_ [Doubt]: Munich shows weakness in London, not intent in Moscow.
      (2) Stalin could not rely on the West.

      """)
    #expect(!result.diagnostics.contains { $0.id == "argdown-orphan-relation" })
    #expect(
      result.map.linkLines == [
        "britain-and-france-gave + Appeasement", "Doubt _ Appeasement->stalin-could-not-rely",
        "Appeasement + stalin-could-not-rely",
      ])
    #expect(ArgdownImporter.importMap(ArgdownExporter.export(result.map).text).map == result.map)
  }

  /// An undercut of an argument that itself attacks (`[T] - <A>`, `<A> <_ <U>`) became a plain
  /// opposes of the argument; `.argmap` holds it as an undercut of the attack, `_ A -> T`.
  @Test func undercutOfAnAttackingArgument() {
    let result = ArgdownImporter.importMap(
      """
      [T]: The pact was aggressive.
        - <A>: It bought time.
          <_ <U>: Time was not used.

      """)
    #expect(!result.diagnostics.contains { $0.id == "argdown-undercut-target" })
    #expect(result.map.linkLines == ["A - T", "U _ A->T"])
    #expect(ArgdownImporter.importMap(ArgdownExporter.export(result.map).text).map == result.map)
  }

  /// Argdown undercuts only arguments. An undercut of the link from a statement was left out of
  /// the export, so the running example's "the Nazis would have invaded anyway" came back
  /// connected to nothing. It is drawn as an attack on the statement, and the `undercuts` data
  /// turns it back into the undercut, where it stood among the node's links.
  @Test func anUndercutOfAStatementsLinkComesBack() throws {
    let map = ArgumentMapParser.check(
      """
      aim security: Stalin sought security.
      evidence barbarossa (1941-06-22): Germany invades the USSR
        - security
      counterclaim anyway: The Nazis would have invaded anyway
        + security
        _ barbarossa -> security
      counterclaim also: It also opposes the invasion itself
        - barbarossa
        _ barbarossa -> security

      """
    ).map
    let exported = ArgdownExporter.export(map)
    #expect(
      exported.text.contains(
        """
        [anyway]: The Nazis would have invaded anyway {kind: counterclaim, undercuts: [{from: "barbarossa", to: "security"}]}
          +> [security]
          -> [barbarossa]

        """))
    // A node that also opposes the statement has no attack to spare: that undercut is lost.
    let messages = exported.diagnostics.map(\.message)
    #expect(
      messages.contains {
        $0.contains("'also' to 'barbarossa' -> 'security'") && $0.hasSuffix("left out")
      })
    #expect(
      messages.contains {
        $0.contains("'anyway' to 'barbarossa' -> 'security'")
          && $0.contains("draws it as an attack")
      })
    let back = ArgdownImporter.importMap(exported.text)
    #expect(!back.diagnostics.containsErrors)
    #expect(back.map.linkLines == map.linkLines.filter { $0 != "also _ barbarossa->security" })
  }

  /// `undercuts` data that names no attack of the node, or no link, is reported, and the node's
  /// links stay as written.
  @Test func undercutsDataThatNamesNothingIsReported() {
    let result = ArgdownImporter.importMap(
      """
      [a]: A
      [b]: B
        -> [a]
      [c]: C {undercuts: [{from: a, to: b}, {from: b, to: a}, just text]}
        -> [b]

      """)
    #expect(result.map.linkLines == ["b - a", "c _ b->a"])
    #expect(result.diagnostics.filter { $0.id == "argdown-invalid-data" }.count == 2)
  }
}
