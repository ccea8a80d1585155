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
}
