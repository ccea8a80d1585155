import ArgumentAnalysis
import ArgumentMap
import Foundation
import Testing

@testable import ArgumentMapGraphviz

/// The evidence matrix drawn as a table on pages: every row once, readable on the sheet,
/// diagnostic rows marked by border as well as by word, user text escaped.
@Suite struct EvidenceMatrixDiagramTests {
  let map: ArgumentMap
  let matrix: EvidenceMatrix

  init() throws {
    map = try RunningExample.map()
    matrix = EvidenceMatrix(
      try InterpretationComparison(map, interpretations: ["security-view", "aggressive-view"]))
  }

  /// The SVG page files of the matrix on `page`.
  func pages(_ page: PageSize, map: ArgumentMap? = nil, matrix: EvidenceMatrix? = nil) throws
    -> [String]
  {
    let map = map ?? self.map
    let matrix = matrix ?? self.matrix
    return try MapRenderer(idPrefix: "matrix").drawing(
      matrix.pageScenes(for: map, page: page), page: page, format: .svg
    ).map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  @Test(arguments: [PageSize.a4Landscape, .a4Portrait, .slide])
  func everyRowIsOnOnePageWithTextReadableOnTheSheet(page: PageSize) throws {
    let scenes = matrix.pageScenes(for: map, page: page)
    // Rows are the cells of the evidence column below the heading, in order.
    let drawnRows = scenes.flatMap { scene in
      scene.nodes.filter { $0.id.rawValue.hasSuffix("-1") && $0.id.rawValue != "cell-0-1" }
        .map(\.hoverText)
    }
    // The hover text is the whole statement, then each correction whole.
    let expected = matrix.rows.map { row in
      let node = map.node(withID: row.evidence)
      return ([node?.text ?? ""] + (node?.flags ?? []).map { "In fact: " + $0.text })
        .joined(separator: "\n")
    }
    #expect(drawnRows == expected)
    #expect(scenes.count > 1)
    for (number, svg) in try pages(page).enumerated() {
      #expect(
        try smallestReaderSize(ofPage: svg, on: page) >= page.minimumReaderSize,
        "page \(number + 1)")
      // The heading row and the key are on every page.
      #expect(svg.contains(">Evidence<"))
      #expect(svg.contains("diagnostic: consistent with one reading"))
    }
  }

  /// The drawn matrix marked rows "⚑ corrected" and its key said "the map corrects it", but no
  /// page said what the correct fact is.
  @Test func aFlaggedRowGivesTheCorrectFactInItsEvidenceCell() throws {
    let flagged = matrix.rows.compactMap { row in map.node(withID: row.evidence) }
      .filter(\.isFlagged)
    #expect(flagged.count >= 8)
    for page in [PageSize.a4Portrait, .slide] {
      let cells = matrix.pageScenes(for: map, page: page).flatMap(\.nodes)
        .map { $0.label.replacing("\n", with: " ") }
      for flag in flagged.flatMap(\.flags) {
        let start = "In fact: " + flag.text.split(separator: " ").prefix(6).joined(separator: " ")
        #expect(cells.contains { $0.contains(start) }, "\(page): \(start)")
      }
    }
  }

  @Test func diagnosticRowsHaveAHeavyBorderAndAWord() throws {
    let scene = matrix.scene(for: map)
    let emphasised = scene.nodes.filter { $0.role == .tableCell(.emphasised) }
    // Mein Kampf and Barbarossa, four cells each.
    #expect(emphasised.count == 4 * matrix.diagnosticRows.count)
    #expect(matrix.diagnosticRows.count == 2)
    let barbarossa = try #require(
      scene.nodes.first { $0.label.hasPrefix("Operation Barbarossa") })
    #expect(barbarossa.label.contains("\u{25C6} diagnostic"))
    #expect(barbarossa.role == .tableCell(.emphasised))
    // Each reading's cell opens with its mark and word.
    let cells = scene.nodes.filter {
      $0.role == .tableCell(.plain) || $0.role == .tableCell(.emphasised)
    }
    let judgements = cells.filter {
      $0.id.rawValue.hasSuffix("-2") || $0.id.rawValue.hasSuffix("-3")
    }
    #expect(judgements.count == 2 * matrix.rows.count)
    for cell in judgements {
      let first = cell.label.split(separator: "\n").first.map(String.init) ?? ""
      #expect(
        ["\u{2713} consistent", "\u{2717} inconsistent", "~ neutral", "\u{2013} not used"]
          .contains(first), "\(first)")
    }
    let svg = try pages(.a4Landscape).joined()
    #expect(svg.contains("class=\"node cell emphasised\""))
  }

  @Test func sameInputSameBytesAndHostileTextEscaped() throws {
    #expect(try pages(.a4Landscape) == pages(.a4Landscape))
    var hostile = map
    let at = try #require(hostile.nodes.firstIndex { $0.id == "barbarossa" })
    hostile.nodes[at].title = "<script>alert(1)</script> \\N \" ]; x [label=y"
    let link = try #require(hostile.nodes[at].links.firstIndex { $0.reasoning != nil })
    hostile.nodes[at].links[link].reasoning = "<img src=x onerror=alert(1)>"
    let hostileMatrix = EvidenceMatrix(
      try InterpretationComparison(hostile, interpretations: ["security-view", "aggressive-view"]))
    let svg = try pages(.a4Landscape, map: hostile, matrix: hostileMatrix).joined()
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("<img"))
    #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }
}
