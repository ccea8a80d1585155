import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// Flags (factual corrections) survive Argdown, Kialo and AIF. The example map models a student
/// essay and flags each of its slips with the correct fact: an export that dropped the flags
/// would hand students the slips with nothing to correct them.
@Suite struct FlagInterchangeTests {
  /// Evidence with a slip, flagged with the correct fact and two sources (one holding `; ` and
  /// parentheses, which Kialo's text must escape).
  static let flagged = ArgumentMap(nodes: [
    Node(.mainAim, "security", "Stalin sought security against a German invasion"),
    Node(
      .evidence, "barbarossa", "Germany invaded the USSR in July 1941",
      flags: [
        Flag(
          "The invasion began on 22 June 1941, not in July",
          sources: [
            "David M. Glantz; Jonathan House, When Titans Clashed (1995)",
            "Glantz, Barbarossa (Tempus, 2001)",
          ])
      ],
      links: [Link(.opposes, .node("security"))]),
  ])

  static let formats: [ExportFormat] = [.argdown, .kialo, .aif]

  /// The import that reads what `format` exports.
  private static func importFormat(_ format: ExportFormat) throws -> ImportFormat {
    try #require(ImportFormat(rawValue: format.rawValue))
  }

  /// Each flag as `node text ! flag text | source | source`, sorted: Kialo gives nodes other ids
  /// and another order, but keeps their texts.
  static func flagLines(_ map: ArgumentMap) -> [String] {
    map.nodes.flatMap { node in
      node.flags.map { ([node.text + " ! " + $0.text] + $0.sources).joined(separator: " | ") }
    }.sorted()
  }

  @Test(arguments: formats)
  func aFlagWithTwoSourcesSurvivesExportAndImport(_ format: ExportFormat) throws {
    let exported = format.export(Self.flagged)
    #expect(!exported.diagnostics.contains { $0.message.contains("flag") })
    let back = try Self.importFormat(format).importMap(utf8: Array(exported.text.utf8))
    #expect(back.diagnostics.isEmpty)
    #expect(back.map.nodes.map(\.flags) == Self.flagged.nodes.map(\.flags))
    #expect(format.export(back.map).text == exported.text)
    // Kialo has no kinds (the evidence reads back as a counterclaim); the others lose nothing.
    if format != .kialo { #expect(back.map == Self.flagged) }
  }

  /// The 11 flags of the example map come back, each with its text and sources, on its node.
  @Test(arguments: formats)
  func everyFlagOfTheExampleMapSurvivesTheRoundTrip(_ format: ExportFormat) throws {
    let text = try String(
      contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8)
    let map = ArgumentMapParser.check(text).map
    let flags = Self.flagLines(map)
    #expect(flags.count == 11)
    let exported = format.export(map)
    #expect(!exported.diagnostics.contains { $0.message.contains("flag") })
    let back = try Self.importFormat(format).importMap(utf8: Array(exported.text.utf8))
    #expect(!back.diagnostics.containsErrors)
    #expect(!back.map.validate().containsErrors)
    #expect(back.map.nodes.reduce(0) { $0 + $1.flags.count } == 11)
    #expect(Self.flagLines(back.map) == flags)
  }

  /// Argdown data: `flags:` with corrections as the exporter writes them (`{text, sources}`),
  /// a bare text, and `flag:` with one correction and one `source`; a correction without a text
  /// or with another key is reported at the data and left out, the rest of the node kept.
  @Test func argdownFlagsAreReadFromData() throws {
    let result = try InterchangeFixtures.argdown("argdown/flags.argdown")
    #expect(
      result.diagnostics.located == ["9:54 argdown-invalid-data", "9:54 argdown-invalid-data"])
    #expect(
      result.diagnostics.map(\.message) == [
        "data 'flags: {sources: [Glantz]}' is not valid; expected a correction such as "
          + "'{text: \"...\", sources: [\"...\"]}', or a list of them; ignored",
        "data 'flags: {text: The invasion began on 22 June 1941, notes: [x]}' is not valid; "
          + "expected a correction such as '{text: \"...\", sources: [\"...\"]}', or a list of "
          + "them; ignored",
      ])
    let map = result.map
    #expect(
      try map.require("pact").flags == [
        Flag(
          "In August 1939 the secret protocol put Lithuania in Germany's sphere",
          sources: ["GHDI document 2316", "Boundary and Friendship Treaty, 28 Sep 1939"]),
        Flag("The pact was signed on 23 August 1939"),
      ])
    #expect(
      try map.require("security").flags == [
        Flag("Stalin sought security and expansion", sources: ["Haslam (1984)"])
      ])
    #expect(try map.require("barbarossa").flags == [])
    #expect(try map.require("pact").kind == .event)
    #expect(ArgdownImporter.importMap(ArgdownExporter.export(map).text).map == map)
  }

  /// Kialo: a `Con:` leaf `Correction: ...` is a flag of its parent, its sources in
  /// `(Sources: a; b)`; a correction with a claim under it, a `Pro:`, an escaped colon, or one
  /// that a cross-link names stays a claim. The export writes the flags first under their claim
  /// and escapes the colon of a claim that starts `Correction: `.
  @Test func kialoCorrectionsAreReadAsFlags() throws {
    let result = KialoImporter.importMap(try InterchangeFixtures.text("kialo/corrections.txt"))
    #expect(result.diagnostics.isEmpty)
    let map = result.map
    #expect(
      map.nodes.map(\.text) == [
        "The Nazi–Soviet Pact was a success for Stalin.",
        "The secret protocol gave the USSR the Baltic states in August 1939.",
        "Germany invaded the USSR in July 1941.",
        "Correction: a claim stands under this one, so it is a counterclaim",
        "The Red Army was not ready.",
        "Correction: a Pro claim is never a correction",
        "Correction: an escaped colon makes a counterclaim",
        "Correction: a cross-link names this one, so it is a counterclaim",
      ])
    #expect(
      map.nodes.map(\.flags) == [
        [],
        [
          Flag(
            "In August 1939 the secret protocol put Lithuania in Germany's sphere",
            sources: [
              "GHDI document 2316 (Secret Additional Protocol)",
              "Boundary and Friendship Treaty, 28 Sep 1939",
            ]),
          Flag("The pact was signed on 23 August 1939"),
        ],
        [Flag("The invasion began on 22 June 1941")],
        [], [], [], [], [],
      ])
    #expect(map.linkLines.count == 8)
    let exported = KialoExporter.export(map)
    #expect(exported.diagnostics.isEmpty)
    #expect(
      exported.text.contains(
        "1.2.1. Con: Correction: The invasion began on 22 June 1941\n1.2.2. Pro: -> See 1.6.\n"))
    #expect(exported.text.contains("1.3. Con: Correction\\: a claim stands under this one"))
    let again = KialoImporter.importMap(exported.text)
    #expect(again.diagnostics.isEmpty)
    #expect(again.map == map)
    #expect(KialoExporter.export(again.map).text == exported.text)
  }

  /// AIF: an I-node `Correction: ...` whose only link is one CA attacking one I-node is a flag of
  /// that node, its locutions the flag's sources; one whose CA carries a reasoning stays a node.
  @Test func aifCorrectionsAreReadAsFlags() throws {
    let result = try InterchangeFixtures.aif("aif/correction.json")
    #expect(result.diagnostics.isEmpty)
    let map = result.map
    #expect(map.nodes.map(\.id) == ["invasion", "failure", "reasoned"])
    #expect(map.nodes.map(\.kind) == [.evidence, .mainAim, .evidence])
    #expect(
      try map.require("invasion").flags == [
        Flag(
          "The invasion began on 22 June 1941, not in July",
          sources: ["Glantz, When Titans Clashed", "Glantz, Barbarossa"])
      ])
    #expect(try map.require("invasion").sources == [])
    #expect(
      try map.require("reasoned").links == [
        Link(.opposes, .node("failure"), reasoning: "Counter-evidence")
      ])
    let exported = AIFExporter.export(map)
    #expect(exported.diagnostics.isEmpty)
    #expect(AIFImporter.importMap(utf8: Array(exported.text.utf8)).map == map)
  }

  /// A statement that AIF would read back as a correction (its text starts `Correction: `, its
  /// one link opposes another node, nothing links to it) is reported, not changed in silence.
  @Test func anAIFStatementThatReadsAsACorrectionIsReported() {
    let map = ArgumentMap(nodes: [
      Node(.mainAim, "pact", "The pact bought time"),
      Node(
        .evidence, "fix", "Correction: the pact was signed in August",
        links: [
          Link(.opposes, .node("pact"))
        ]),
    ])
    let exported = AIFExporter.export(map)
    #expect(
      exported.diagnostics.map(\.message) == [
        "AIF: 'fix' starts with 'Correction: ' and only opposes 'pact'; AIF reads it back as a "
          + "flag (factual correction) of 'pact'"
      ])
    let back = AIFImporter.importMap(utf8: Array(exported.text.utf8)).map
    #expect(back.nodes.map(\.flags) == [[Flag("the pact was signed in August")]])
  }
}
