import Testing

@testable import ArgumentMap

/// A node's `title:`, the short name an author (or an imported Argdown title) gives it.
@Suite struct NodeTitleTests {
  static let text = """
    claim freedom: Everyone may say anything they like.
      title: Absolute Freedom of Speech
      source: Mill 1859

    """

  @Test func titleIsReadPrintedAndKeptInJSON() throws {
    let parsed = ArgumentMapParser.parse(Self.text)
    #expect(!parsed.hasErrors)
    let node = try #require(parsed.map.nodes.first)
    #expect(node.title == "Absolute Freedom of Speech")
    #expect(node.sources == ["Mill 1859"])
    #expect(ArgumentMapPrinter.print(parsed.map) == Self.text)
    let json = ArgumentMapJSON.encode(parsed.map)
    #expect(json.contains(#""title": "Absolute Freedom of Speech""#))
    #expect(ArgumentMapJSON.decode(utf8: Array(json.utf8)).map == parsed.map)
  }

  /// The title is the short name reports and legends use, when it fits.
  @Test func titleIsTheShortName() {
    var node = Node(.claim, "freedom", "Everyone may say anything they like, at any time.")
    #expect(node.shortName == nil)
    node.title = "Absolute Freedom of Speech"
    #expect(node.shortName == "Absolute Freedom of Speech")
    node.title = String(repeating: "x", count: Node.shortNameLimit + 1)
    #expect(node.shortName == nil)
  }

  /// The lines under a node line that fails belong to it: given to the node above, a link of
  /// `claim 1b:` made `a` link to itself, a false second error.
  @Test func theLinesUnderABrokenNodeLineMakeNoFalseErrors() {
    let parsed = ArgumentMapParser.check("aim a: A\nclaim 1b: B\n  + a\n  source: S\n")
    #expect(parsed.diagnostics.filter(\.isError).map(\.id) == ["invalid-id"])
    #expect(parsed.map.nodes.map(\.links.count) == [0])
    #expect(parsed.map.nodes[0].sources.isEmpty)
    // A text carried on to a second line keeps the links under it with its node.
    let carried = ArgumentMapParser.parse(
      "aim a: A\nclaim b: The pact was\nsigned in 1939\n  + a\n")
    #expect(carried.map.nodes.last?.links.count == 1)
  }

  /// A text with a right-to-left override is drawn in another order than it is written: said,
  /// at the node, for the statement, its title, corrections and reasons.
  @Test func aBidirectionalControlIsAWarningAtItsNode() {
    let parsed = ArgumentMapParser.check(
      "aim a: The pact was signed in \u{202E}9391\nclaim b: B\n  + a: fine\n")
    #expect(parsed.diagnostics.map(\.id) == ["bidi-control"])
    #expect(parsed.diagnostics.first?.range?.start.line == 1)
    let reason = ArgumentMapParser.check("aim a: A\nclaim b: B\n  + a: because \u{2066}x\u{2069}\n")
    #expect(reason.diagnostics.map(\.id) == ["bidi-control"])
    #expect(ArgumentMapParser.check("aim a: עברית \u{200F}mark\n").diagnostics.isEmpty)
  }

  /// A second strength was taken silently, and `fmt --write` then dropped the first.
  @Test func aSecondStrengthIsAnErrorAtItsKey() {
    let parsed = ArgumentMapParser.parse(
      "aim a: A\nclaim b: B\n  strength: 0.2\n  strength: 0.3\n  + a\n")
    let errors = parsed.diagnostics.filter(\.isError)
    #expect(errors.map(\.id) == ["repeated-strength"])
    #expect(errors.first?.range?.start.line == 4)
    #expect(errors.first?.range?.start.column == 3)
    #expect(parsed.map.nodes[1].strength == 0.2)
  }

  @Test func aSecondTitleIsAnErrorAtItsKey() {
    let parsed = ArgumentMapParser.parse(Self.text + "  title: Again\n")
    let errors = parsed.diagnostics.filter(\.isError)
    #expect(errors.map(\.id) == ["repeated-title"])
    #expect(errors.first?.range?.start.line == 4)
    #expect(errors.first?.range?.start.column == 3)
  }
}
