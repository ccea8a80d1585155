import ArgumentAnalysis
import ArgumentMap
import Foundation
import TestSupport
import Testing

/// The evidence matrix over the Stalin map: rows in date order, a cell per reading with the
/// map's reasons, and the diagnostic evidence (consistent with one reading, inconsistent with
/// the other) marked.
@Suite struct EvidenceMatrixTests {
  let map: ArgumentMap
  let matrix: EvidenceMatrix

  init() throws {
    map = try loadGraph("stalin-foreign-policy.argmap")
    matrix = EvidenceMatrix(
      try InterpretationComparison(map, interpretations: ["security-view", "aggressive-view"]))
  }

  private func row(_ id: NodeID) throws -> EvidenceMatrix.Row {
    try #require(matrix.rows.first { $0.evidence == id })
  }

  @Test func rowsAreTheEvidenceEitherReadingUsesInDateOrder() throws {
    #expect(matrix.interpretations == ["security-view", "aggressive-view"])
    let dates = matrix.rows.compactMap { map.node(withID: $0.evidence)?.date }
    #expect(dates.count == matrix.rows.count)
    #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 <= $1 })
    // Every evidence node that a reading uses is a row, and only those.
    let comparison = try InterpretationComparison(
      map, interpretations: ["security-view", "aggressive-view"])
    let used = Set(comparison.sides.flatMap { $0.evidence.map(\.evidence) })
    #expect(Set(matrix.rows.map(\.evidence)) == used)
  }

  @Test func cellsSayHowEachReadingTakesTheEvidenceWithTheMapsReasons() throws {
    let pact = try row("nazi-soviet-pact")
    #expect(pact.cells.map(\.judgement) == [.consistent, .consistent])
    #expect(pact.isReadTwoWays)
    #expect(pact.cells[1].reasons.first?.hasPrefix("read aggressively") == true)
    let munich = try row("munich")
    #expect(munich.cells.map(\.judgement) == [.neutral, .notUsed])
    #expect(munich.cells[1].reasons.isEmpty)
    let boundary = try row("boundary-treaty")
    #expect(boundary.cells.map(\.judgement) == [.notUsed, .consistent])
  }

  @Test func diagnosticEvidenceTellsTheReadingsApart() throws {
    #expect(matrix.diagnosticRows.map(\.evidence) == ["mein-kampf", "barbarossa"])
    let barbarossa = try row("barbarossa")
    #expect(barbarossa.cells.map(\.judgement) == [.inconsistent, .consistent])
    // Evidence both readings take the same way tells them nothing apart.
    #expect(try !row("nazi-soviet-pact").isDiagnostic)
  }

  @Test func markdownAndHTMLMarkTheRowsAndEscapeTheText() throws {
    let markdown = matrix.markdown(for: map)
    #expect(markdown.contains("| Date | Evidence | Security reading | Aggressive reading |"))
    #expect(
      markdown.contains(
        "| 1941-06-22 | ◆ **Germany invades the USSR (Operation Barbarossa)** | ✗ inconsistent: "))
    #expect(markdown.contains("## Diagnostic evidence"))
    #expect(markdown.contains("- Security reading: 17 consistent, 8 inconsistent, of 27"))
    #expect(!markdown.contains("`"))
    let html = matrix.html(for: map)
    #expect(html.contains("<tr class=\"diagnostic\">"))
    #expect(!html.contains("<script"))
    #expect(matrix.markdown(for: map) == markdown)
    // Hostile text in a reason is escaped.
    var hostile = map
    let at = try #require(hostile.nodes.firstIndex { $0.id == "barbarossa" })
    let link = try #require(hostile.nodes[at].links.firstIndex { $0.reasoning != nil })
    hostile.nodes[at].links[link].reasoning = "<script>alert(1)</script> | **x**"
    let escaped = EvidenceMatrix(
      try InterpretationComparison(hostile, interpretations: ["security-view", "aggressive-view"]))
    #expect(!escaped.html(for: hostile).contains("<script>alert"))
    #expect(escaped.markdown(for: hostile).contains("\\|"))
  }
}

/// `argmap matrix` end to end.
@Suite struct MatrixCommandTests {
  let stalin = "Graphs/stalin-foreign-policy.argmap"

  @Test func writesMarkdownOrHTMLAndRefusesAnUnknownReading() throws {
    let markdown = try runArgmap(["matrix", stalin, "security-view", "aggressive-view"])
    #expect(markdown.status == 0, "\(markdown.stderr)")
    #expect(
      markdown.stdout.hasPrefix("# Evidence matrix: “Security reading” and “Aggressive reading”"))
    let html = try runArgmap([
      "matrix", stalin, "security-view", "aggressive-view", "dualism-view", "--format", "html",
    ])
    #expect(html.status == 0, "\(html.stderr)")
    #expect(html.stdout.contains("<th>Dualism</th>"))
    let unknown = try runArgmap(["matrix", stalin, "security-view", "securty-view"])
    #expect(unknown.status == 64)  // an id the command names: bad usage
    #expect(unknown.stderr.contains("security-view"))
    let one = try runArgmap(["matrix", stalin, "security-view"])
    #expect(one.status == 64)
  }

  @Test func drawsTheMatrixOnA4PagesAsPDFOrOneFileAPage() throws {
    let folder = try makeTemporaryFolder("matrix")
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("matrix.pdf").path
    let drawn = try runArgmap(["matrix", stalin, "security-view", "aggressive-view", "-o", pdf])
    #expect(drawn.status == 0, "\(drawn.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
    #expect(bytes.starts(with: Array("%PDF".utf8)))
    let svg = folder.appendingPathComponent("matrix.svg").path
    let pages = try runArgmap([
      "matrix", stalin, "security-view", "aggressive-view", "--page", "a4-portrait", "-o", svg,
    ])
    #expect(pages.status == 0, "\(pages.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names.contains("matrix-1.svg") && names.contains("matrix-2.svg"))
    #expect(!names.contains("matrix.svg"))
    let bad = try runArgmap(["matrix", stalin, "security-view", "aggressive-view", "-o", "x.txt"])
    #expect(bad.status == 64)
  }
}
