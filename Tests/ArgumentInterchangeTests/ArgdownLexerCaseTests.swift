import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// The Argdown project's lexer and parser inputs (`interop/argdown/argdown-core`), one test each,
/// with what the file means written down: the upstream expectations are token sequences in a
/// TypeScript spec, so the meaning in an argument map is ours to state.
@Suite struct ArgdownLexerCaseTests {
  private func load(_ name: String) throws -> ImportResult {
    try InterchangeFixtures.argdown("interop/argdown/argdown-core/\(name)")
  }

  /// `+ - <+ <- +> -> >< _> <_ _`, each alone on a line: ten relations with nothing on either
  /// side. Nothing to relate, so no nodes, and one warning per symbol at the symbol.
  @Test func relationSymbolsWithoutStatements() throws {
    let result = try load("lexer-relations.argdown")
    #expect(result.map.nodes.isEmpty)
    #expect(
      result.diagnostics.located == (1...10).map { "\($0):1 argdown-empty-relation" } + [
        "10:66 argdown-empty"
      ])
    #expect(result.diagnostics[6].message.contains("'><'"))
  }

  /// `A` / empty / `B` / `C` / blank line of spaces / `D` / `  + E` / empty / `F`: an empty or
  /// whitespace-only line separates blocks, a line break alone continues the text (`B C`).
  @Test func emptyLinesSeparateBlocks() throws {
    let result = try load("lexer-emptyline.argdown")
    #expect(result.map.nodes.map(\.text) == ["A", "B C", "D", "E", "F"])
    #expect(result.map.linkLines == ["e + d"])
    #expect(result.diagnostics.isEmpty)
  }

  /// `A` with child `+ B`, an empty line, then `C` with child `- D`: the empty line closes the
  /// first tree, so D attacks C and not A.
  @Test func emptyLineClosesIndentedTree() throws {
    let result = try load("lexer-emptyline-dedent.argdown")
    #expect(result.map.linkLines == ["b + a", "d - c"])
    #expect(MapCounts(result.map) == MapCounts(claims: 4, supports: 1, opposes: 1))
  }

  /// Three indentation levels with `+ - <+ <- +> ->`: `<+`/`<-` point from the child to the
  /// parent, `+>`/`->` from the parent to the child; `->` at a shallower level hangs off C.
  /// `K`, written on the next line without a relation symbol, continues J's text, as in Argdown
  /// a line break without a symbol never starts a new element.
  @Test func complexIndentation() throws {
    let result = try load("lexer-indentation.argdown")
    #expect(result.map.nodes.map(\.id) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j-k"])
    #expect(
      result.map.linkLines == [
        "b + a", "c - a", "c - g", "d + c", "e - d", "e + f", "i - h", "j-k - h",
      ])
    #expect(try result.map.require("j-k").text == "J K")
  }

  /// Child statements whose text runs over two lines, at any indentation: `Second line`,
  /// `Third line`, `Fourth line` all hang off `First line`.
  @Test func lineBreaksInsideRelations() throws {
    let result = try load("lexer-linebreak.argdown")
    #expect(
      result.map.nodes.map(\.text) == ["First line", "Second line", "Third line", "Fourth line"])
    #expect(
      result.map.linkLines == [
        "second-line + first-line", "third-line - first-line", "fourth-line + first-line",
      ])
  }

  /// `[Statement-Title]` and `<Argument Title>` are references, `[Statement-Definition]:` and
  /// `<Argument Definition>:` definitions; the last line has `:`, `<`, `+` and `=` in plain
  /// text and, following a definition without text, is that argument's description.
  @Test func definitionsAndReferences() throws {
    let result = try load("lexer-definitions-references.argdown")
    #expect(
      result.map.nodes.map(\.id) == [
        "Statement-Definition", "argument-definition", "Statement-Title", "argument-title",
      ])
    #expect(try result.map.require("argument-definition").text == "A statement: 1 < 2. 2 + 3 = 4.")
    #expect(try result.map.require("Statement-Title").text == "Statement-Title")
    #expect(MapCounts(result.map) == MapCounts(claims: 4, arguments: 2))
    #expect(result.diagnostics.isEmpty)
  }

  /// A multi-line HTML comment holding Argdown syntax, inline comments, `//` and `/* */` lines
  /// and comments inside a relation tree: all ignored; a comment line does not end the tree.
  @Test func commentsAreIgnored() throws {
    let result = try load("lexer-comment.argdown")
    #expect(
      result.map.nodes.map(\.text) == [
        "Some statement", "Another Statement", "Another statement", "THE END", "an argument",
      ])
    #expect(result.map.linkLines == ["an-argument + another-statement-2"])
    #expect(result.diagnostics.isEmpty)
  }

  /// `\<`, `\>`, `\[`, `\]`, `\#` are literal characters: no title, no heading; the three lines
  /// form one statement.
  @Test func escapedCharacters() throws {
    let result = try load("lexer-escaped-chars.argdown")
    #expect(result.map.nodes.map(\.text) == ["1 < 3 > 2 [Some text] # Some text"])
    #expect(result.map.nodes.first?.tags == [])
  }

  /// `[A]: \[text\] text`: the escapes survive into the text as brackets.
  @Test func escapesSurviveIntoTheModel() throws {
    let result = try load("model-escaped-chars.argdown")
    #expect(result.map.nodes.map(\.id) == ["A"])
    #expect(result.map.nodes.first?.text == "[text] text")
  }

  /// `# First title` and `## Second title`, each over a paragraph: headings are groups, and a
  /// group becomes a tag on the statements under it.
  @Test func headingsBecomeTags() throws {
    let result = try load("lexer-heading.argdown")
    #expect(result.map.nodes.map(\.text) == ["Some text", "Some text"])
    #expect(result.map.nodes.map(\.tags) == [["first-title"], ["second-title"]])
    #expect(result.map.nodes.map(\.id) == ["some-text", "some-text-2"])
  }

  /// Twenty lines of emphasis (`*`, `_`, `**`, `__`, `***`, followed by `.`, `:`, `-`) without
  /// an empty line: one statement whose text keeps the markup as written.
  @Test func italicAndBoldStayInTheText() throws {
    let result = try load("lexer-italic-bold.argdown")
    #expect(result.map.nodes.count == 1)
    let text = try #require(result.map.nodes.first?.text)
    #expect(text.hasPrefix("This is normal text __This text is bold__ _This text is italic_"))
    #expect(text.hasSuffix("__This bold text is followed by a hyphen__-"))
    #expect(text.contains("****This text is sourrounded by eight stars****"))
  }

  /// A titled statement with a Markdown link and `#tag1 #tag-2 #(tag 3)`: the link stays in
  /// the text, the tags become tags, and `tag 3` becomes `tag-3` (tags hold no spaces), noted.
  @Test func linksAndTags() throws {
    let result = try load("lexer-links-and-tags.argdown")
    let node = try result.map.require("Statement-Title")
    #expect(node.text == "(Some text) [Link Text](http://www.argunet.org) some more text.")
    #expect(node.tags == ["tag1", "tag-2", "tag-3"])
    #expect(result.diagnostics.located == ["1:97 argdown-tag-renamed"])
  }

  /// Unordered and ordered lists, nested ones too: every item is a statement of its own.
  @Test func listItemsAreStatements() throws {
    let result = try load("lexer-lists.argdown")
    #expect(
      result.map.nodes.map(\.text) == [
        "List item 1", "List item 2", "List item 3", "List item 4", "List item 5", "List item 6",
        "List item 7", "New list item 8", "List item 9",
      ])
    #expect(MapCounts(result.map) == MapCounts(claims: 9))
  }

  /// Mentions `@<Argument>` and `@[Statement]`, in a heading and in a statement: a mention is
  /// not a relation and defines nothing; it stays in the text.
  @Test func mentionsStayText() throws {
    let result = try load("lexer-mentions.argdown")
    #expect(
      result.map.nodes.map(\.text) == [
        "And now I would like to mention them again: @<Argument> @[Statement]"
      ])
    #expect(result.map.nodes.first?.tags == ["i-would-like-to-mention"])
    #expect(result.map.linkLines.isEmpty)
  }

  /// `a`, an empty line, then `    + b`: the empty line ended a's tree, so b has no parent; b is
  /// kept and the orphan relation is reported at its symbol.
  @Test func relationAfterEmptyLineHasNoParent() throws {
    let result = try load("lexer-relation-after-emptyline.argdown")
    #expect(result.map.nodes.map(\.text) == ["a", "b"])
    #expect(result.map.linkLines.isEmpty)
    #expect(result.diagnostics.located == ["3:5 argdown-orphan-relation"])
  }

  /// `<A>(1): Text`, `<A>(1)`, `@<A>(1)`: references to premises by number are unfinished in
  /// Argdown itself; the first is read as a reference to `<A>` with a warning, and the other two
  /// lines continue it.
  @Test func statementsByNumber() throws {
    let result = try load("lexer-statements-by-number.argdown")
    #expect(result.map.nodes.map(\.id) == ["A"])
    #expect(result.map.nodes.first?.tags == ["argument"])
    #expect(result.diagnostics.located == ["1:1 argdown-statement-number"])
  }

  /// `a` `b` / `cd: @[A] *e*` / empty / `<B>: f` with `+ g` and, under g, `-> h`: token
  /// positions. The first paragraph is one statement; g supports B; g attacks h.
  @Test func tokenLocations() throws {
    let result = try load("lexer-token-locations.argdown")
    #expect(result.map.nodes.map(\.text) == ["a b cd: @[A] *e*", "f", "g", "h"])
    #expect(result.map.linkLines == ["g + B", "g - h"])
  }

  /// The same with a leading empty line: one statement `a b`.
  @Test func tokenLocationsAfterEmptyFirstLine() throws {
    let result = try load("lexer-token-locations-first-line-empty.argdown")
    #expect(result.map.nodes.map(\.text) == ["a b"])
  }

  /// Diagnostics point at the right line and column: an orphan relation after a leading empty
  /// line, with `é` and an emoji before it counted as one and two scalars.
  @Test func diagnosticColumnsCountScalars() {
    let result = ArgdownImporter.importMap("\né🇩🇪 x\n\n  é + orphan\n\n  + b")
    #expect(result.diagnostics.located == ["6:3 argdown-orphan-relation"])
    let unterminated = ArgdownImporter.importMap("é🇩🇪 <!-- open")
    #expect(unterminated.diagnostics.located == ["1:5 argdown-unterminated-comment"])
    #expect(unterminated.diagnostics.first?.range?.start.offset == 11)
  }

  /// A comment before the statement, an empty line, then an indented HTML comment holding a
  /// relation, after an empty line with spaces: only `[ZT]` remains (a regression upstream).
  @Test func trailingEmptyLineBeforeComment() throws {
    let result = try load("lexer-trailing-emptyline.argdown")
    #expect(result.map.nodes.map(\.id) == ["ZT"])
    #expect(result.map.nodes.first?.text == "Schwimmen ist gesund.")
    #expect(result.diagnostics.isEmpty)
  }

  /// `Another statement` with `+ An argument`, then an anonymous premise–conclusion structure
  /// `(1) A ---- (2) B`. Stored with LF upstream (see below for CRLF).
  @Test func windowsLineEndingsFile() throws {
    let result = try load("lexer-windows-line-endings.argdown")
    #expect(
      result.map.linkLines == [
        "an-argument + another-statement", "anonymous-argument + b", "a + anonymous-argument",
      ])
    #expect(MapCounts(result.map) == MapCounts(claims: 5, supports: 3, arguments: 1))
  }

  /// The same file with real CRLF line endings (and with lone CR): the same map, and diagnostics
  /// at the same lines and columns.
  @Test(arguments: ["\r\n", "\r"])
  func windowsLineEndings(_ ending: String) throws {
    let lf = try InterchangeFixtures.text(
      "interop/argdown/argdown-core/lexer-windows-line-endings.argdown")
    let crlfText = lf.split(separator: "\n", omittingEmptySubsequences: false).joined(
      separator: ending)
    #expect(crlfText.utf8.count > lf.utf8.count || ending == "\r")
    #expect(ArgdownImporter.importMap(crlfText).map == ArgdownImporter.importMap(lf).map)
    let broken = "A\n  + B\n\n<!-- open\n"
    let brokenCRLF = broken.split(separator: "\n", omittingEmptySubsequences: false).joined(
      separator: ending)
    #expect(
      ArgdownImporter.importMap(brokenCRLF).diagnostics.located == [
        "4:1 argdown-unterminated-comment"
      ])
  }

  /// The committed CRLF fixture (bytes 0D 0A) reads like the LF original.
  @Test func crlfFixture() throws {
    let bytes = try InterchangeFixtures.bytes("argdown/windows-line-endings-crlf.argdown")
    #expect(bytes.contains(0x0D))
    let crlf = ImportFormat.argdown.importMap(utf8: bytes)
    let lf = try load("lexer-windows-line-endings.argdown")
    #expect(crlf.map == lf.map)
    #expect(crlf.diagnostics.isEmpty)
  }

  /// Bytes that are not UTF-8 are an error at their line and column, and the rest of the
  /// document is still read, with U+FFFD in their place (the bytes are repaired before the
  /// lines are read from them).
  @Test func invalidUTF8IsLocatedAndRepaired() {
    let bytes = Array("[A]: first\n  + [B]: sec".utf8) + [0xFF] + Array("ond\n[C]: third\n".utf8)
    let result = ImportFormat.argdown.importMap(utf8: bytes)
    #expect(result.diagnostics.located == ["2:13 invalid-utf8"])
    #expect(result.map.nodes.map(\.text) == ["first", "sec\u{FFFD}ond", "third"])
    #expect(result.map.linkLines == ["B + A"])
  }

  /// A premise–conclusion structure with an expanded inference carrying rule names and nested
  /// data: the two premises support an anonymous argument, which supports the conclusion; the
  /// rules have no counterpart and are reported.
  @Test func argumentReconstruction() throws {
    let result = try load("lexer-argument.argdown")
    #expect(
      result.map.nodes.map(\.text) == [
        "Anonymous argument", "First premise", "Second premise", "Conclusion",
      ])
    #expect(
      result.map.linkLines == [
        "anonymous-argument + conclusion", "first-premise + anonymous-argument",
        "second-premise + anonymous-argument",
      ])
    #expect(result.diagnostics.located == ["3:1 argdown-inference-rules"])
  }

  /// An argument with a reconstruction whose premise carries relations (`+ <Argument 2>`, under
  /// it `- <Argument 3>`), then a statement supported by `<Argument 3>`, whose reconstruction is
  /// indented under the relation after a line of spaces and has three inference steps.
  @Test func parserArguments() throws {
    let result = try load("parser-arguments.argdown")
    #expect(MapCounts(result.map) == MapCounts(claims: 13, supports: 11, opposes: 1, arguments: 3))
    let links = Set(result.map.linkLines)
    #expect(
      links.isSuperset(of: [
        "a + argument-1", "b + argument-1", "argument-1 + c", "argument-2 + a",
        "argument-3 - argument-2", "argument-3 + statement-1", "d + argument-3", "h + argument-3",
        "argument-3 + i",
      ]))
    #expect(result.diagnostics.located == ["13:5 argdown-inference-steps"])
  }

  /// Headings, a titled statement with children, lists, a `-- Modus Ponens --` inference, an
  /// inline comment, `<-`/`<+`, an anonymous reconstruction with relations on its premise, and
  /// the indentation example again (here `K` follows an empty line and stands alone).
  @Test func parserMix() throws {
    let result = try load("parser-mix.argdown")
    #expect(MapCounts(result.map) == MapCounts(claims: 31, supports: 13, opposes: 8, arguments: 2))
    #expect(try result.map.require("statement-title").tags == ["first-heading"])
    #expect(try result.map.require("k").tags == ["second-heading"])
    #expect(try result.map.require("fourth-line").text == "Fourth line")
    let links = Set(result.map.linkLines)
    #expect(
      links.isSuperset(of: [
        "argument-1 + a", "statement-title - a", "fifth-line - fourth-line",
        "sixth-line + fifth-line",
        "first-statement + argument-1", "argument-1 + third-statement",
      ]))
    #expect(result.diagnostics.located == ["18:1 argdown-inference-rules"])
  }
}
