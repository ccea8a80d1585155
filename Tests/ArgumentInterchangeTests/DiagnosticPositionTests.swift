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
  private func expect(
    _ marked: String, _ expected: [String], format: ImportFormat = .argdown,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let source = MarkedSource(marked)
    let result = format.importMap(utf8: Array(source.text.utf8))
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
}
