import ArgumentMap
import Foundation
import TestSupport
import Testing

@Suite("Parsing each construct of the grammar")
struct ParserTests {
  func parse(_ text: String) -> ParseResult {
    ArgumentMapParser.parse(text)
  }

  @Test func frontMatterFillsTheMetadataAndKeepsOtherKeys() {
    let result = parse(
      "---\ntitle: T\nauthor: A\ndate: 2026-11-26\nlanguage: de\nsubject: History\n---\naim a: x\n")
    #expect(result.diagnostics.isEmpty)
    #expect(
      result.map.metadata
        == Metadata(
          title: "T", author: "A", date: "2026-11-26", language: "de",
          extra: [Metadata.Entry(key: "subject", value: "History")]))
  }

  @Test(arguments: NodeKind.allCases)
  func everyNodeKindHasItsKeyword(kind: NodeKind) throws {
    let result = parse("\(kind.keyword) my-id: Some text\n")
    #expect(result.diagnostics.isEmpty)
    let node = try #require(result.map.nodes.first)
    #expect(node == Node(kind, "my-id", "Some text"))
  }

  @Test(arguments: [
    ("1934", DateSpan(start: HistoricalDate(year: 1934))),
    ("1936-10", DateSpan(start: HistoricalDate(year: 1936, month: 10))),
    ("1939-08-23", DateSpan(start: HistoricalDate(year: 1939, month: 8, day: 23))),
    ("~1924", DateSpan(start: HistoricalDate(year: 1924), isApproximate: true)),
    ("c. 1924", DateSpan(start: HistoricalDate(year: 1924), isApproximate: true)),
    (
      "1936-10..1938-11",
      DateSpan(
        start: HistoricalDate(year: 1936, month: 10), end: HistoricalDate(year: 1938, month: 11))
    ),
    (
      "~1939-09..1940",
      DateSpan(
        start: HistoricalDate(year: 1939, month: 9), end: HistoricalDate(year: 1940),
        isApproximate: true)
    ),
  ])
  func everyDateFormParses(text: String, expected: DateSpan) throws {
    let result = parse("event e (\(text)): An event\n")
    #expect(result.diagnostics.isEmpty)
    #expect(try #require(result.map.nodes.first).date == expected)
  }

  @Test func propertiesAreCollectedInOrder() throws {
    let result = parse(
      "claim c: Text\n  source: S1\n  tags: a, b\n  note: N1\n  source: S2\n  tags: c\n  strength: 0.25\n  note: N2\n"
    )
    #expect(result.diagnostics.isEmpty)
    let node = try #require(result.map.nodes.first)
    #expect(node.sources == ["S1", "S2"])
    #expect(node.tags == ["a", "b", "c"])
    #expect(node.notes == ["N1", "N2"])
    #expect(node.strength == 0.25)
  }

  @Test func linksCarryRelationTargetScopeStrengthAndReasoning() throws {
    let result = parse(
      """
      event e: E
        + a [i] (0.5): because of this
        - b: against
        _ x -> y: the inference fails
        +   c
        _ x->y
        + d (1) [i]: weight before scope
      """)
    #expect(result.diagnostics.isEmpty)
    let links = try #require(result.map.nodes.first).links
    #expect(
      links == [
        Link(.supports, .node("a"), scope: "i", strength: 0.5, reasoning: "because of this"),
        Link(.opposes, .node("b"), reasoning: "against"),
        Link(.undercuts, .link(from: "x", to: "y"), reasoning: "the inference fails"),
        Link(.supports, .node("c")),
        Link(.undercuts, .link(from: "x", to: "y")),
        Link(.supports, .node("d"), scope: "i", strength: 1, reasoning: "weight before scope"),
      ])
  }

  @Test func flagsTakeTheirSourcesFromDeeperLines() throws {
    let result = parse(
      "event e: E\n  ! The correct fact\n    source: Source one\n    source: Source two\n  ! Second\n  + x\n"
    )
    #expect(result.diagnostics.isEmpty)
    let node = try #require(result.map.nodes.first)
    #expect(
      node.flags == [
        Flag("The correct fact", sources: ["Source one", "Source two"]), Flag("Second"),
      ])
    #expect(node.links == [Link(.supports, .node("x"))])
  }

  @Test func commentsAttachToTheStatementThatFollows() throws {
    let result = parse(
      """
      # before the node
      aim a: A
        # before the link
        + b
        # before the flag
        ! F
        # at the end of the node

      # before the second node
      claim b: B
      # at the end of the file
      """)
    #expect(result.diagnostics.isEmpty)
    let map = result.map
    #expect(map.nodes[0].comments == ["before the node"])
    #expect(map.nodes[0].links[0].comments == ["before the link"])
    #expect(map.nodes[0].flags[0].comments == ["before the flag"])
    #expect(map.nodes[0].trailingComments == ["at the end of the node"])
    #expect(map.nodes[1].comments == ["before the second node"])
    #expect(map.trailingComments == ["at the end of the file"])
  }

  @Test func textKeepsEverythingAfterTheFirstColon() throws {
    let result = parse("claim c: A text: with colons, # hashes and [brackets] (parens)\n")
    #expect(
      try #require(result.map.nodes.first).text
        == "A text: with colons, # hashes and [brackets] (parens)")
  }

  @Test func unicodeIDsAndTextsAreKept() throws {
    let result = parse("claim außenpolitik-1: Sowjetische Außenpolitik 🇩🇪\n")
    #expect(result.diagnostics.isEmpty)
    let node = try #require(result.map.nodes.first)
    #expect(node.id == "außenpolitik-1")
    #expect(node.text == "Sowjetische Außenpolitik 🇩🇪")
  }

  @Test func crlfFilesParseLikeLFFiles() throws {
    let crlf = try Data(contentsOf: PackagePaths.url("Tests/ArgumentMapTests/Fixtures/crlf.argmap"))
    let lf = String(decoding: crlf, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    let fromCRLF = ArgumentMapParser.parse(utf8: [UInt8](crlf))
    #expect(fromCRLF.diagnostics.isEmpty)
    #expect(fromCRLF.map == parse(lf).map)
    #expect(fromCRLF.map.nodes[1].links == [Link(.supports, .node("a"), reasoning: "because")])
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    let bytes = try Data(contentsOf: PackagePaths.url("Tests/ArgumentMapTests/Fixtures/bom.argmap"))
    let result = ArgumentMapParser.check(utf8: [UInt8](bytes))
    #expect(result.diagnostics.isEmpty)
    #expect(result.map.nodes.map(\.id) == ["a", "b"])
  }

  @Test func columnsCountUnicodeScalars() throws {
    // 'é' and '日' are one scalar each; columns count scalars, not bytes (é is 2 bytes, 日 3).
    let marked = MarkedSource(
      "interpretation i: I\naim a: A\nclaim é日-x: é🇩🇪 text\n  + a\n  _ é日-x -> a [1️⃣ghost]\n")
    let result = ArgumentMapParser.check(marked.text)
    let diagnostic = try #require(result.diagnostics.first { $0.id == "unknown-scope" })
    let marker = try #require(marked.markers["1️⃣"])
    #expect(diagnostic.range?.start.line == marker.line)
    #expect(diagnostic.range?.start.column == marker.column)
    #expect(marker.column == 16)
  }
}
