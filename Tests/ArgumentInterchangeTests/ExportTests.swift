import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// Exports of a native map with every feature (kinds, dates, sources, tags, notes, strengths,
/// flags, scopes, undercuts, comments): golden text per format, and the warnings that say what
/// each format cannot hold. Re-record with `RECORD_GOLDEN=1`.
@Suite struct ExportTests {
  static let goldenFolder = "Tests/ArgumentInterchangeTests/Fixtures/golden/"

  private func nativeMap() throws -> ArgumentMap {
    let result = ArgumentMapParser.check(try InterchangeFixtures.text("native/stalin.argmap"))
    #expect(!result.hasErrors)
    return result.map
  }

  @Test(arguments: [
    (ExportFormat.argdown, "stalin.argdown"), (.aif, "stalin.aif.json"),
    (.kialo, "stalin.kialo.txt"),
    (.iccma, "stalin.iccma"), (.apx, "stalin.apx"),
  ])
  func goldenExport(_ format: ExportFormat, _ file: String) throws {
    let map = try nativeMap()
    let result = format.export(map)
    try assertGolden(result.text, file: Self.goldenFolder + file)
    let warnings = result.diagnostics.map { "\($0.severity.rawValue): \($0.message)\n" }.joined()
    try assertGolden(warnings, file: Self.goldenFolder + file + ".warnings.txt")
    #expect(result.diagnostics.allSatisfy { $0.severity != .error && $0.range == nil })
    // Same map, same bytes.
    #expect(format.export(map).text == result.text)
  }

  /// What the Argdown export keeps reads back: kinds, dates, sources, notes, flags, strengths,
  /// tags.
  @Test func argdownKeepsWhatItCan() throws {
    let map = try nativeMap()
    let back = ArgdownImporter.importMap(ArgdownExporter.export(map).text)
    #expect(back.diagnostics.isEmpty)
    #expect(back.map.metadata == map.metadata)
    #expect(back.map.nodes.map(\.id) == map.nodes.map(\.id))
    #expect(back.map.nodes.map(\.kind) == map.nodes.map(\.kind))
    #expect(back.map.nodes.map(\.date) == map.nodes.map(\.date))
    #expect(back.map.nodes.map(\.sources) == map.nodes.map(\.sources))
    #expect(back.map.nodes.map(\.notes) == map.nodes.map(\.notes))
    #expect(back.map.nodes.map(\.flags) == map.nodes.map(\.flags))
    #expect(back.map.nodes.map(\.strength) == map.nodes.map(\.strength))
    #expect(back.map.nodes.map(\.tags) == map.nodes.map(\.tags))
    // Links lose reasoning, scope and strength; the undercut of a statement's link comes back
    // through the attack and the `undercuts` data.
    #expect(back.map.linkLines == map.linkLines)
  }

  /// Texts with Argdown's special characters survive export and import.
  @Test func argdownEscapes() {
    let text = "A [bracket] <angle> #hash {brace} \\ back // slashes /* star @[mention] _x_ *y*"
    let map = ArgumentMap(nodes: [
      Node(.claim, "special", text, tags: ["x.y", "plain"]),
      Node(.claim, "other", "x", links: [Link(.supports, .node("special"))]),
    ])
    let back = ArgdownImporter.importMap(ArgdownExporter.export(map).text)
    #expect(back.diagnostics.isEmpty)
    #expect(back.map == map)
  }

  /// Undercuts of an argument's only inference survive the Argdown round trip.
  @Test func argdownUndercutOfArgument() {
    let map = ArgumentMap(nodes: [
      Node(.claim, "premise", "P", links: [Link(.supports, .node("arg"))]),
      Node(.claim, "premise2", "Q", links: [Link(.supports, .node("arg"))]),
      Node(
        .claim, "arg", "Argument", tags: ["argument"], links: [Link(.supports, .node("conclusion"))]
      ),
      Node(.mainAim, "conclusion", "C"),
      Node(.claim, "doubt", "D", links: [Link(.undercuts, .link(from: "arg", to: "conclusion"))]),
    ])
    let exported = ArgdownExporter.export(map)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.text.contains("[doubt]: D\n  _> <arg>\n"))
    #expect(ArgdownImporter.importMap(exported.text).map == map)
    let aif = AIFExporter.export(map)
    let fromAIF = AIFImporter.importMap(utf8: Array(aif.text.utf8)).map
    #expect(fromAIF.linkLines == map.linkLines)
    #expect(fromAIF.nodes.map(\.kind) == [.evidence, .evidence, .claim, .mainAim, .evidence])
  }

  /// ICCMA and ASPARTIX: exact text for a small framework; supports are counted, not written.
  @Test func abstractFramework() {
    let map = ArgumentMap(nodes: [
      Node(.mainAim, "a", "A"),
      Node(.claim, "b", "B", links: [Link(.opposes, .node("a")), Link(.opposes, .node("a"))]),
      Node(
        .claim, "c", "C",
        links: [Link(.supports, .node("a")), Link(.undercuts, .link(from: "b", to: "a"))]),
    ])
    let iccma = AbstractFrameworkExporter.iccma(map)
    #expect(iccma.text == "p af 3\n# 1 a\n# 2 b\n# 3 c\n2 1\n3 2\n")
    let apx = AbstractFrameworkExporter.apx(map)
    #expect(
      apx.text == "% a1 a\n% a2 b\n% a3 c\narg(a1).\narg(a2).\narg(a3).\natt(a2,a1).\natt(a3,a2).\n"
    )
    #expect(
      iccma.diagnostics.map(\.message) == [
        "abstract framework: 1 supports link has no counterpart in an attack-only framework; left out"
      ])
    #expect(AbstractFrameworkExporter.iccma(ArgumentMap()).text == "p af 0\n")
  }
}

/// Front matter: dotted keys go back to Argdown as nested YAML and come back flat and in order;
/// values that YAML reads as numbers or booleans are written plain, so they keep their types; a
/// mapping closed earlier is not opened twice (YAML keys are unique), its later key is flat.
@Suite struct ArgdownFrontMatterExportTests {
  @Test func nestedSettings() {
    let metadata = Metadata(
      title: "T",
      extra: [
        Metadata.Entry(key: "written-date", value: "19/10/2018"),
        Metadata.Entry(key: "model.mode", value: "strict"),
        Metadata.Entry(key: "dot.graphVizSettings.rankdir", value: "TB"),
        Metadata.Entry(key: "dot.graphVizSettings.ranksep", value: "1"),
        Metadata.Entry(key: "dot.sameRank", value: "x: y"),
        Metadata.Entry(key: "model.explodeArguments", value: "true"),
        Metadata.Entry(key: "odd..key", value: "v"),
      ])
    let map = ArgumentMap(metadata: metadata, nodes: [Node(.claim, "a", "A")])
    let text = ArgdownExporter.export(map).text
    #expect(
      text.hasPrefix(
        """
        ===
        title: "T"
        written-date: 19/10/2018
        model:
          mode: strict
        dot:
          graphVizSettings:
            rankdir: TB
            ranksep: 1
          sameRank: "x: y"
        model.explodeArguments: true
        odd..key: v
        ===

        """))
    #expect(ArgdownImporter.importMap(text).map.metadata == metadata)
  }
}
