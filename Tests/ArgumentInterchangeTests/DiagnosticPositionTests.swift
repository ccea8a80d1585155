import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// Diagnostics point where the problem is: expected positions are marked in the source (`1️⃣`)
/// rather than counted by hand; columns count Unicode scalars (`é` one, `🇩🇪` two).
@Suite struct DiagnosticPositionTests {
  /// Imports the marked text and checks each diagnostic's start against the marker named first
  /// in each `"1️⃣ id"` entry, in order.
  ///
  /// With `validating`, the map is also validated as `argmap import` does (`ImportFormat.check`),
  /// so the validator's warnings about nodes are checked too.
  private func expect(
    _ marked: String, _ expected: [String], format: ImportFormat = .argdown,
    validating: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let source = MarkedSource(marked)
    let bytes = Array(source.text.utf8)
    let result = validating ? format.check(utf8: bytes) : format.importMap(utf8: bytes)
    let actual = result.diagnostics.map { diagnostic -> String in
      let marker =
        source.markers.first { _, position in
          position.line == diagnostic.range?.start.line
            && position.column == diagnostic.range?.start.column
        }?.key ?? "(\(diagnostic.range?.start.description ?? "-"))"
      return "\(marker) \(diagnostic.id)"
    }
    #expect(actual == expected, sourceLocation: sourceLocation)
  }

  @Test func argdownRelations() {
    expect("é🇩🇪 x\n\n  1️⃣+ orphan\n\n2️⃣+", ["1️⃣ argdown-orphan-relation", "2️⃣ argdown-empty-relation"])
    expect("[A]: a\n  + 1️⃣[A]", ["1️⃣ argdown-self-relation"])
    expect("[A]: a\n  >< 1️⃣[B]", ["1️⃣ argdown-contradiction"])
    expect("[S]: s\n  _ 1️⃣[T]", ["1️⃣ argdown-undercut-target"])
  }

  @Test func argdownComments() {
    expect("é🇩🇪 1️⃣<!-- open", ["1️⃣ argdown-unterminated-comment"])
    expect("A\n\n🇩🇪 x 1️⃣/* open\nmore", ["1️⃣ argdown-unterminated-comment"])
  }

  @Test func argdownTextAndData() {
    expect("[T]: é text #ok 1️⃣#(two words)", ["1️⃣ argdown-tag-renamed"])
    expect("[T]: text 1️⃣{colour: red}", ["1️⃣ argdown-unsupported-data"])
    expect("[T]: text 1️⃣{kind: banana}", ["1️⃣ argdown-invalid-data"])
    expect("[T]: text 1️⃣{a: [1, }", ["1️⃣ argdown-unreadable-data"])
    expect("1️⃣<A>(1): x", ["1️⃣ argdown-statement-number"])
    expect("# Heading 1️⃣#tag\n\nText", ["1️⃣ argdown-heading-tags"])
  }

  @Test func argdownStructure() {
    expect("1️⃣===\ntitle: t", ["1️⃣ argdown-unterminated-front-matter"])
    expect("===\n1️⃣date: 19/10/2018\n===\n\nA", ["1️⃣ argdown-front-matter-date"])
    expect("<A>\n\n1️⃣(1) P\n(2) Q", ["1️⃣ argdown-missing-inference"])
    expect("<A>\n\n1️⃣(1) P\n----\n(2) Q\n----\n(3) R", ["1️⃣ argdown-inference-steps"])
    expect("<A>\n\n(1) P\n2️⃣-- Modus ponens --\n(2) Q", ["2️⃣ argdown-inference-rules"])
    expect("A\n\n1️⃣@include(missing.argdown)", ["1️⃣ argdown-include-missing"])
  }

  @Test func kialo() {
    expect("1. Thesis\n1️⃣1.2.1. Pro: lost", ["1️⃣ kialo-syntax"], format: .kialo)
    expect("1️⃣Hello\n1. Thesis", ["1️⃣ kialo-syntax"], format: .kialo)
    expect("1. Thesis\n1️⃣1.1. neither", ["1️⃣ kialo-no-counterpart"], format: .kialo)
  }

  @Test func aif() {
    expect("{\"nodes\": [1️⃣", ["1️⃣ aif-syntax"], format: .aif)
    expect(
      "{\"nodes\": [1️⃣{\"nodeID\": \"é\", \"type\": \"TA\"}], \"edges\": []}",
      ["1️⃣ aif-no-counterpart", "(1:1) aif-empty"], format: .aif)
  }

  // MARK: The validator's warnings on imported maps

  /// A node is located where its statement or argument is first defined, or first mentioned when
  /// it is never defined.
  @Test func argdownNodesAreLocatedAtTheirDefinition() {
    expect(
      """
      [A]: a {kind: aim}
        + [B]
        + [B]

      4️⃣é🇩🇪 text
      1️⃣[B]: b {note: "two\\nlines"}

      2️⃣[Lonely]: nobody links here

      3️⃣<Only mentioned>
      """,
      ["1️⃣ multiline-text", "4️⃣ isolated-node", "2️⃣ isolated-node", "3️⃣ isolated-node"],
      validating: true)
  }

  /// A node from an included file is located at the `@include`, as the importer's own messages
  /// about included files are.
  @Test func argdownIncludedNodesAreLocatedAtTheInclude() {
    let source = MarkedSource("[A]: a {kind: aim}\n  + [B]: b\n\n  1️⃣@include(part.argdown)\n")
    let result = ImportFormat.argdown.check(
      utf8: Array(source.text.utf8), fileName: "main.argdown",
      includeLoader: .init(reading: { _ in "[Part]: lonely" }))
    #expect(result.diagnostics.located == ["4:3 isolated-node"])
    #expect(source.markers["1️⃣"]?.line == 4 && source.markers["1️⃣"]?.column == 3)
  }

  @Test func kialoNodesAreLocatedAtTheirClaim() {
    expect(
      "Discussion Title: t\n1. Thesis\n1️⃣1.1. neither pro nor con\n1.2. Pro: fine",
      ["1️⃣ kialo-no-counterpart", "1️⃣ isolated-node"], format: .kialo, validating: true)
    expect(
      "1️⃣1. Thesis\n2️⃣2. Rival thesis\n  continued",
      ["1️⃣ isolated-node", "2️⃣ isolated-node"], format: .kialo, validating: true)
    expect(
      "1. Thesis\n1.1. Pro: a\n1️⃣1.1. Pro: again", ["1️⃣ kialo-syntax"], format: .kialo,
      validating: true)
  }

  @Test func aifNodesAreLocatedAtTheirObject() {
    expect(
      """
      {"nodes": [
        {"nodeID": "1", "type": "I", "text": "é🇩🇪 premise"},
        {"nodeID": "2", "type": "I", "text": "conclusion"},
        {"nodeID": "3", "type": "RA"},
        1️⃣{"nodeID": "4", "type": "I", "text": "alone"}
      ],
      "edges": [
        {"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"},
        2️⃣{"fromID": "3", "toID": "99"}
      ]}
      """,
      ["2️⃣ aif-skipped", "1️⃣ isolated-node"], format: .aif, validating: true)
    expect(
      """
      {"nodes": [
        {"nodeID": "1", "type": "I", "text": "premise"},
        {"nodeID": 1️⃣"1", "type": "I", "text": "twice"}
      ], "edges": []}
      """,
      ["1️⃣ aif-structure"], format: .aif, validating: true)
  }
}
