import ArgumentMap
import Foundation
import TestSupport
import Testing

/// `parse(print(map)) == map` and the JSON round trip, over every map the project ships.
@Suite("Round trips through the printer and JSON")
struct RoundTripTests {
  static let mapFiles: [String] =
    (PackagePaths.files(in: "Graphs", withExtension: "argmap")
    + PackagePaths.files(in: "Examples", withExtension: "argmap")
    + PackagePaths.files(in: "Tests", withExtension: "argmap"))
    .map { String($0.path.dropFirst(PackagePaths.root.path.count + 1)) }
    .filter { !$0.contains("/Invalid/") }

  static func load(_ path: String) throws -> ParseResult {
    let data = try Data(contentsOf: PackagePaths.url(path))
    return ArgumentMapParser.parse(utf8: [UInt8](data))
  }

  @Test func thereAreMapsToCheck() {
    #expect(Self.mapFiles.contains("Graphs/stalin-foreign-policy.argmap"))
    #expect(Self.mapFiles.contains("Tests/ArgumentMapTests/Fixtures/all-constructs.argmap"))
  }

  @Test(arguments: mapFiles)
  func printingThenParsingGivesTheSameMap(path: String) throws {
    let parsed = try Self.load(path)
    #expect(!parsed.hasErrors, "\(parsed.diagnostics.map(\.message))")
    let printed = ArgumentMapPrinter.print(parsed.map)
    let reparsed = ArgumentMapParser.parse(printed)
    #expect(reparsed.diagnostics.filter(\.isError).isEmpty)
    #expect(reparsed.map == parsed.map)
    // Canonical text is a fixed point.
    #expect(ArgumentMapPrinter.print(reparsed.map) == printed)
  }

  @Test(arguments: mapFiles)
  func jsonRoundTripGivesTheSameMap(path: String) throws {
    let parsed = try Self.load(path)
    let json = ArgumentMapJSON.encode(parsed.map)
    let decoded = ArgumentMapJSON.decode(utf8: Array(json.utf8))
    #expect(decoded.diagnostics.isEmpty)
    #expect(decoded.map == parsed.map)
    #expect(decoded.map.map(ArgumentMapJSON.encode) == json)
  }

  @Test func theAllConstructsFixtureIsAlreadyCanonical() throws {
    let path = "Tests/ArgumentMapTests/Fixtures/all-constructs.argmap"
    let text = try String(contentsOf: PackagePaths.url(path), encoding: .utf8)
    #expect(ArgumentMapPrinter.print(ArgumentMapParser.parse(text).map) == text)
  }

  @Test func theJSONShapeIsStable() throws {
    let parsed = try Self.load("Tests/ArgumentMapTests/Fixtures/all-constructs.argmap")
    try assertGolden(
      ArgumentMapJSON.encode(parsed.map),
      file: "Tests/ArgumentMapTests/Fixtures/all-constructs.json")
  }

  @Test func printerNormalisesLayoutButKeepsMeaning() {
    let messy = """
      claim   b  (1939-8-1)  :   Text  \t
          + a [i](0.50):reasoning
      # end
      aim a: A
      """
    let parsed = ArgumentMapParser.parse(messy)
    #expect(parsed.diagnostics.isEmpty)
    #expect(
      ArgumentMapPrinter.print(parsed.map) == """
        claim b (1939-08-01): Text
          + a [i] (0.5): reasoning

        # end
        aim a: A

        """)
  }

  /// Random maps, from a fixed seed, printed and parsed back.
  @Test func randomMapsSurviveTheRoundTrip() {
    var generator = SeededGenerator(seed: 20_261_126)
    for _ in 0..<300 {
      let map = RandomMaps.make(using: &generator)
      let printed = ArgumentMapPrinter.print(map)
      let reparsed = ArgumentMapParser.parse(printed)
      #expect(reparsed.diagnostics.filter(\.isError).isEmpty, "\(printed)")
      #expect(reparsed.map == map, "\(printed)")
      let json = ArgumentMapJSON.decode(utf8: Array(ArgumentMapJSON.encode(map).utf8))
      #expect(json.map == map)
    }
  }
}

/// Generates well-formed maps with every construct, including awkward but legal texts.
enum RandomMaps {
  static let words = [
    "security", "Pact", "é", "日本", "🇩🇪", "<script>", "a:b", "#hash", "[x]", "(y)", "->", "\\",
    "\"quoted\"", "'", "&amp;", "שלום", "tab\there",
  ]

  static func text<G: RandomNumberGenerator>(_ g: inout G) -> String {
    (0..<Int.random(in: 1...6, using: &g)).map { _ in words.randomElement(using: &g) ?? "x" }
      .joined(separator: " ")
  }

  static func make<G: RandomNumberGenerator>(using g: inout G) -> ArgumentMap {
    let count = Int.random(in: 1...12, using: &g)
    let ids = (0..<count).map { NodeID("n\($0)-é") }
    var map = ArgumentMap()
    if Bool.random(using: &g) {
      map.metadata = Metadata(
        title: text(&g), author: Bool.random(using: &g) ? text(&g) : nil, date: "2026-11-26",
        extra: [Metadata.Entry(key: "subject", value: text(&g))])
    }
    for id in ids {
      var node = Node(NodeKind.allCases.randomElement(using: &g) ?? .claim, id, text(&g))
      if Bool.random(using: &g) {
        node.date = DateSpan(
          start: HistoricalDate(
            year: Int.random(in: 1...2100, using: &g), month: Int.random(in: 1...12, using: &g)),
          end: Bool.random(using: &g) ? HistoricalDate(year: 2101) : nil,
          isApproximate: Bool.random(using: &g))
      }
      if Bool.random(using: &g) { node.sources = [text(&g), text(&g)] }
      if Bool.random(using: &g) { node.tags = ["tag-a", "b"] }
      if Bool.random(using: &g) { node.notes = [text(&g)] }
      if Bool.random(using: &g) { node.strength = Double(Int.random(in: 0...100, using: &g)) / 100 }
      if Bool.random(using: &g) {
        node.flags = [Flag(text(&g), sources: [text(&g)], comments: ["c \(text(&g))"])]
      }
      for _ in 0..<Int.random(in: 0...3, using: &g) {
        let target = ids.randomElement(using: &g) ?? id
        let relation = Relation.allCases.randomElement(using: &g) ?? .supports
        let linkTarget: LinkTarget =
          relation == .undercuts ? .link(from: target, to: id) : .node(target)
        node.links.append(
          Link(
            relation, linkTarget, scope: Bool.random(using: &g) ? ids.first : nil,
            strength: Bool.random(using: &g) ? 0.25 : nil,
            reasoning: Bool.random(using: &g) ? text(&g) : nil,
            comments: Bool.random(using: &g) ? ["  indented comment"] : []))
      }
      if Bool.random(using: &g) { node.comments = ["", "leading \(text(&g))"] }
      if Bool.random(using: &g) { node.trailingComments = ["trailing"] }
      map.nodes.append(node)
    }
    if Bool.random(using: &g) { map.trailingComments = ["the end"] }
    return map
  }
}
