import ArgumentMap
import TestSupport
import Testing

/// Every diagnostic in the catalogue, each with its expected position marked in the source.
@Suite("Diagnostics: message and position of each problem")
struct DiagnosticTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var source: String
    var id: String
    var message: String
    var testDescription: String { id }
  }

  static let base = "aim a: A\ninterpretation i: I\n  + a\n"

  static let cases: [Case] = [
    Case(
      source: "1️⃣", id: "empty-file",
      message: "file has no nodes; expected a line such as 'aim ID: TEXT'"),
    Case(
      source: "aim a: A\r\nclaim b: B1️⃣\n  + a\n", id: "mixed-line-endings",
      message: "file mixes CRLF and LF line endings; 'argmap fmt' writes LF"),
    Case(
      source: base + "claim b: B\n1️⃣\t+ a\n", id: "tab-indentation",
      message: "tab in indentation; indent with spaces"),
    Case(
      source: base + "claim b: B\n  + a\n    1️⃣more text\n", id: "unexpected-indentation",
      message: "unexpected indentation; only a flag's 'source:' lines are indented further"),
    Case(
      source: "  1️⃣+ a\n" + base, id: "indented-outside-node",
      message: "indented line before any node; links, flags and properties belong under a node"),
    Case(
      source: "1️⃣---\ntitle: T\naim a: A\n", id: "unterminated-front-matter",
      message: "front matter is never closed; expected a line '---'"),
    Case(
      source: "---\n1️⃣just words\n---\n" + base, id: "malformed-front-matter",
      message: "expected 'key: value' in front matter, found 'just words'"),
    Case(
      source: "---\ntitle: A\n1️⃣title: B\n---\n" + base, id: "duplicate-front-matter-key",
      message: "front matter key 'title' is given twice"),
    Case(
      source: base + "1️⃣clam b: B\n  + a\n", id: "unknown-kind",
      message: "unknown node kind 'clam'; did you mean 'claim'?"),
    Case(
      source: base + "1️⃣statement b: B\n", id: "unknown-kind",
      message:
        "unknown node kind 'statement'; expected one of aim, subaim, claim, counterclaim, evidence, event, interpretation"
    ),
    Case(
      source: base + "1️⃣+ a\n", id: "link-outside-node",
      message: "a link must be indented under its source node"),
    Case(
      source: base + "claim 1️⃣: B\n", id: "expected-id",
      message: "expected an id after 'claim', as in 'claim my-id: text'"),
    Case(
      source: base + "claim 1️⃣9lives: B\n", id: "invalid-id",
      message:
        "invalid id '9lives'; an id starts with a letter and has only letters, digits, '-', '_' or '.'"
    ),
    Case(
      source: base + "claim b 1️⃣text without colon\n", id: "expected-colon",
      message: "expected ':' and the text after 'claim b'"),
    Case(
      source: base + "claim b 1️⃣:\n  + a\n", id: "missing-text",
      message: "node 'b' has no text after ':'"),
    Case(
      source: base + "event e 1️⃣(1939: E\n", id: "unclosed-parenthesis",
      message: "expected ')' to close the date"),
    Case(
      source: base + "event e (1️⃣23 August 1939): E\n  + a\n", id: "malformed-date",
      message:
        "malformed date '23 August 1939'; expected YYYY, YYYY-MM or YYYY-MM-DD, '~' for approximate, '..' for a range"
    ),
    Case(
      source: base + "event e (1️⃣1939-02-29): E\n  + a\n", id: "impossible-date",
      message: "date '1939-02-29' does not exist"),
    Case(
      source: base + "event e (1️⃣1939-13): E\n  + a\n", id: "impossible-date",
      message: "date '1939-13' does not exist"),
    Case(
      source: base + "event e (1️⃣1941..1939): E\n  + a\n", id: "reversed-date-range",
      message: "date range '1941..1939' ends before it starts"),
    Case(
      source: base + "claim b: B\n  1️⃣sorce: S\n  + a\n", id: "unknown-property",
      message: "unknown property 'sorce'; did you mean 'source'?"),
    Case(
      source: base + "claim b: B\n  1️⃣colour: red\n  + a\n", id: "unknown-property",
      message: "unknown property 'colour'; expected title, source, tags, note or strength"),
    Case(
      source: "1️⃣title: Why did the February Revolution happen?\naim a: A\n",
      id: "front-matter-without-dashes",
      message:
        "'title:' before the first node is front matter: put a line '---' above it and another below the last such line"
    ),
    Case(
      source: base + "claim b: B\n  1️⃣supports a\n", id: "link-in-words",
      message: "a link is written with a sign, not 'supports': '+ ID' (supports)"),
    Case(
      source: base + "claim b: B\n  1️⃣opposes: a\n", id: "link-in-words",
      message: "a link is written with a sign, not 'opposes': '- ID' (opposes)"),
    Case(
      source: base + "claim b: B\n  + a\n  1️⃣note Figes says so\n", id: "property-without-colon",
      message: "expected ':' after the property 'note', as in 'note: ...'"),
    Case(
      source: base + "claim b: B\n  1️⃣* a\n", id: "unexpected-line",
      message:
        "expected a link ('+', '-' or '_'), a flag ('!') or a property ('title:', 'source:', 'tags:', 'note:', 'strength:'), found '* a'"
    ),
    Case(
      source: base + "claim b: B\n  1️⃣note:\n  + a\n", id: "empty-value",
      message: "'note:' needs a value"),
    Case(
      source: base + "claim b: B\n  tags: 1️⃣two words\n  + a\n", id: "invalid-tag",
      message: "invalid tag 'two words'; tags are single words separated by commas"),
    Case(
      source: base + "claim b: B\n  strength: 1️⃣high\n  + a\n", id: "malformed-strength",
      message: "expected a number from 0 to 1, found 'high'"),
    Case(
      source: base + "claim b: B\n  + a (1️⃣strong)\n", id: "malformed-strength",
      message: "expected a number from 0 to 1, found 'strong'"),
    Case(
      source: base + "claim b: B\n  strength: 1️⃣1.5\n  + a\n", id: "strength-out-of-range",
      message: "strength 1.5 is outside 0 to 1"),
    Case(
      source: base + "claim b: B\n  + a (1️⃣2)\n", id: "strength-out-of-range",
      message: "strength 2 is outside 0 to 1"),
    Case(
      source: base + "claim b: B\n  ! Fact\n    1️⃣note: not here\n  + a\n",
      id: "unexpected-flag-line", message: "only 'source:' lines may be indented under a flag"),
    Case(
      source: base + "claim b: B\n  1️⃣!\n  + a\n", id: "missing-flag-text",
      message: "expected the correct fact after '!'"),
    Case(
      source: base + "claim b: B\n  + 1️⃣: reasoning\n", id: "expected-target",
      message: "expected a target after '+', as in '+ target-id: reasoning'"),
    Case(
      source: base + "claim b: B\n  + a\nclaim c: C\n  _ 1️⃣b: no\n", id: "undercut-needs-link",
      message: "an undercut attacks a link; write '_ from-id -> to-id'"),
    Case(
      source: base + "claim b: B\n  1️⃣+ a -> i: no\n", id: "arrow-outside-undercut",
      message: "'->' targets a link, which only an undercut ('_') can attack, not '+'"),
    Case(
      source: base + "claim b: B\n  + a 1️⃣[i\n", id: "unclosed-bracket",
      message: "expected ']' to close the interpretation scope"),
    Case(
      source: base + "claim b: B\n  + a 1️⃣because\n", id: "unexpected-after-target",
      message:
        "unexpected 'because' after the link target; expected '[scope]', '(weight)' or ': reasoning'"
    ),
    Case(
      source: base + "claim 1️⃣a: again\n  + a\n", id: "duplicate-id",
      message: "node id 'a' is already used"),
    Case(
      source: "aim security: A\nclaim b: B\n  + 1️⃣securty\n", id: "unknown-node",
      message: "unknown node 'securty'; did you mean 'security'?"),
    // Two letters swapped are one typo, as `harsh` written `hrash`.
    Case(
      source: "aim harsh: A\nclaim b: B\n  + 1️⃣hrash\n", id: "unknown-node",
      message: "unknown node 'hrash'; did you mean 'harsh'?"),
    Case(
      source: base + "claim b: B\n  + 1️⃣nowhere\n", id: "unknown-node",
      message: "unknown node 'nowhere'"),
    Case(
      source: base + "claim b: B\n  1️⃣+ b\n  + a\n", id: "self-link",
      message:
        "node 'b' links to itself; only an opposes link may (an argument that defeats itself)"),
    // An undercut of its own node's link read "links to itself", which told no one why.
    Case(
      source: base + "claim b: B\n  + a\n  1️⃣_ b -> a\n", id: "self-link",
      message:
        "node 'b' undercuts its own link; an undercut stands under another node, as '_ b -> TARGET' under the node that undercuts it"
    ),
    Case(
      source: base + "event e: E\naim x: X\n  + 1️⃣e\n", id: "link-kind-mismatch",
      message: "a main aim cannot support an event; link from 'e' to 'x' instead"),
    Case(
      source: base + "subaim s: S\n  - 1️⃣c\nclaim c: C\n", id: "link-kind-mismatch",
      message: "a sub-aim cannot oppose a claim; link from 'c' to 's' instead"),
    Case(
      source: base + "claim c: C\n  + a\ninterpretation j: J\n  - 1️⃣c\n", id: "link-kind-mismatch",
      message: "an interpretation cannot oppose a claim; link from 'c' to 'j' instead"),
    Case(
      source:
        "aim a: A\ninterpretation security-view: S\n  + a\nclaim b: B\n  + a [1️⃣securityview]\n",
      id: "unknown-scope",
      message: "scope 'securityview' is not a node; did you mean 'security-view'?"),
    Case(
      source: base + "claim b: B\n  + a [1️⃣a]\n", id: "scope-not-interpretation",
      message: "scope 'a' is a main aim, not an interpretation"),
    Case(
      source: base + "claim b: B\n  + i\nclaim c: C\n  1️⃣_ b -> a\n", id: "unknown-link",
      message: "there is no link from 'b' to 'a' to undercut"),
    Case(
      source: base + "claim b: B\n  + c\nclaim c: C\n  1️⃣+ b\n  + a\n", id: "support-cycle",
      message: "support cycle 'b' -> 'c' -> 'b'; an argument should not support itself"),
    Case(
      source: base + "claim 1️⃣lonely: L\n", id: "isolated-node",
      message: "node 'lonely' is connected to nothing"),
    Case(
      source: "1️⃣claim b: B\nclaim c: C\n  + b\n", id: "no-main-aim",
      message: "map has no main aim; add a line 'aim ID: TEXT'"),
    Case(
      source: base + "claim b: B\n  + a\n  1️⃣+ a\n", id: "duplicate-link",
      message: "the same link is written twice"),
    Case(
      source: "---\ndate: 1️⃣next Tuesday\n---\n" + base, id: "malformed-metadata-date",
      message:
        "front matter date 'next Tuesday' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"),
    Case(
      source: "aim a: A\nclaim b: 1️⃣\u{0}\n", id: "nul-byte",
      message: "file contains a NUL byte; is it a binary file?"),
    // What a teacher writing a first map from the README stumbles on.
    Case(
      source: base + "claim 1️⃣my claim: B\n  + a\n", id: "id-with-spaces",
      message: "ids cannot contain spaces: write 'my-claim' for 'my claim'"),
    Case(
      source: base + "event 1️⃣pact of 1939 (1939-08-23): P\n  + a\n", id: "id-with-spaces",
      message: "ids cannot contain spaces: write 'pact-of-1939' for 'pact of 1939'"),
    Case(
      source: base + "claim b: The pact bought time\n1️⃣to build up industry\n  + a\n",
      id: "text-on-two-lines",
      message:
        "this line seems to carry on the text above, but a node's text stays on one line: join it to the line above, or put more under the node as 'note: ...'"
    ),
    Case(
      source: base + "claim b: The pact bought time\n  1️⃣to build up industry\n  + a\n",
      id: "text-on-two-lines",
      message:
        "this line seems to carry on the text above, but a node's text stays on one line: join it to the line above, or put more under the node as 'note: ...'"
    ),
    // Pasted from a word processor: a no-break space looks like a space.
    Case(
      source: base + "claim b: B\n1️⃣\u{A0}\u{A0}+ a\n", id: "no-break-space-indentation",
      message:
        "no-break space (U+00A0) in indentation, as text copied from a word processor has; indent with ordinary spaces"
    ),
    Case(
      source: base + "claim b: B\n  + a\n1️⃣source: Taylor (1961)\n", id: "property-outside-node",
      message: "'source:' must be indented under the node it belongs to"),
    Case(
      source: base + "claim b: B\n  + 1️⃣c\n", id: "unknown-node",
      message: "unknown node 'c'"),
    Case(
      source: base + "event 1️⃣e: E\n  + a\n", id: "event-without-date",
      message:
        "event 'e' has no date, so timelines leave it out; write it after the id, as in 'event e (1939-08-23): ...', or make it a claim or evidence"
    ),
    Case(
      source:
        "aim a: A\ninterpretation 1️⃣orth: The orthodox reading of Soviet foreign policy, as "
        + "most western historians wrote it in the fifties\n  + a\n",
      id: "interpretation-without-name",
      message:
        "interpretation 'orth' has no short name, so reports call it 'orth'; start its text with a name of at most 40 characters and a colon, as in 'Security reading: ...'"
    ),
    Case(
      source:
        "aim a: A\ninterpretation 1️⃣v: V reading: it reads the pact as defence\nclaim b: B\n"
        + "  + a [v]: it bought time\n",
      id: "interpretation-without-thesis",
      message:
        "interpretation 'v' supports and opposes nothing, so a comparison counts only the evidence linked to it directly, and none of the links read under it: evidence counts for a reading when its links lead to the reading or to what it supports; write '+ a' under it (or '- a' for a reading against it)"
    ),
    Case(
      source: base + "claim b: B\n  + a\n  1️⃣! The pact was signed on 23 August 1939\n",
      id: "flag-without-source",
      message:
        "this correction cites no source; add an indented 'source:' line under it (author, title, page or address) so readers can check it"
    ),
    Case(
      source: base + "claim b: B\n  + a: it bought time 1️⃣[i]\n", id: "scope-after-reasoning",
      message:
        "'[i]' is part of the reasoning, so this link holds under every reading; a scope goes before the ':', as in '+ a [i]: it bought time'"
    ),
  ]

  @Test(arguments: cases)
  func reportsTheProblemAtTheMarkedPosition(_ testCase: Case) throws {
    let marked = MarkedSource(testCase.source)
    let result = ArgumentMapParser.check(marked.text)
    let found = result.diagnostics.filter { $0.id == testCase.id }
    let diagnostic = try #require(
      found.first, "no '\(testCase.id)' among \(result.diagnostics.map(\.message))")
    #expect(diagnostic.message == testCase.message)
    let marker = try #require(marked.markers["1️⃣"])
    #expect(diagnostic.range?.start.line == marker.line)
    #expect(diagnostic.range?.start.column == marker.column)
  }

  @Test func everyCatalogueIDIsCovered() {
    let covered = Set(Self.cases.map(\.id))
    let expected: Set<String> = [
      "empty-file", "mixed-line-endings", "tab-indentation", "unexpected-indentation",
      "indented-outside-node", "unterminated-front-matter", "malformed-front-matter",
      "duplicate-front-matter-key", "unknown-kind", "link-outside-node", "expected-id",
      "invalid-id", "expected-colon", "missing-text", "unclosed-parenthesis", "malformed-date",
      "impossible-date", "reversed-date-range", "unknown-property", "unexpected-line",
      "empty-value", "invalid-tag", "malformed-strength", "strength-out-of-range",
      "unexpected-flag-line", "missing-flag-text", "expected-target", "undercut-needs-link",
      "arrow-outside-undercut", "unclosed-bracket", "unexpected-after-target", "duplicate-id",
      "unknown-node", "self-link", "link-kind-mismatch", "unknown-scope",
      "scope-not-interpretation", "unknown-link", "support-cycle", "isolated-node", "no-main-aim",
      "duplicate-link", "malformed-metadata-date", "nul-byte", "id-with-spaces",
      "text-on-two-lines", "event-without-date", "interpretation-without-name",
      "flag-without-source", "scope-after-reasoning", "interpretation-without-thesis",
      "no-break-space-indentation", "property-outside-node", "front-matter-without-dashes",
      "link-in-words", "property-without-colon",
    ]
    #expect(expected.subtracting(covered).isEmpty)
  }

  @Test func terminalControlsInUserTextArePrintedAsReplacementCharacters() {
    // ESC sequences (recolour, retitle the window), DEL and the C1 CSI a terminal would act on.
    let hostile = "x\u{1B}]0;owned\u{7}\u{1B}[2J\u{7F}\u{9B}31m\ty"
    let source = Array("aim a: \(hostile)\n".utf8)
    let start = SourceLocation(line: 1, column: 8, offset: 7)
    let diagnostic = Diagnostic(
      .error, id: "test", message: "text '\(hostile)'",
      range: SourceRange(start: start, end: SourceLocation(line: 1, column: 20, offset: 19)),
      notes: [Diagnostic.Note("note '\(hostile)'", range: SourceRange(at: start))])
    let text = DiagnosticRenderer.text(
      [diagnostic], fileName: "map\u{1B}[8m.argmap", source: source)
    let controls = text.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value)
    }
    #expect(controls.isEmpty)
    #expect(text.hasPrefix("map\u{FFFD}[8m.argmap:1:8: error: text 'x\u{FFFD}]0;owned\u{FFFD}"))
    // One replacement per control character, so the caret keeps its column.
    #expect(
      text.contains("\n  aim a: x\u{FFFD}]0;owned\u{FFFD}\u{FFFD}[2J\u{FFFD}\u{FFFD}31m\ty\n"))
    #expect(text.contains("\n  " + String(repeating: " ", count: 7) + "^~"))
  }

  @Test func invalidUTF8IsReportedAtTheFirstBadByte() throws {
    let bytes = Array("aim a: A\nclaim b: caf".utf8) + [0xC3, 0x28] + Array(" x\n".utf8)
    let result = ArgumentMapParser.check(utf8: bytes)
    #expect(result.diagnostics.count == 1)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.id == "invalid-utf8")
    #expect(diagnostic.message == "file is not valid UTF-8 text; save it as UTF-8")
    #expect(diagnostic.range?.start.line == 2)
    #expect(diagnostic.range?.start.column == 13)
  }

  @Test func notesPointAtTheFirstDefinition() throws {
    let result = ArgumentMapParser.check("aim a: A\nclaim b: B\n  + a\nclaim b: again\n  + a\n")
    let duplicate = try #require(result.diagnostics.first { $0.id == "duplicate-id" })
    #expect(duplicate.notes.first?.message == "first defined here")
    #expect(duplicate.notes.first?.range?.start.line == 2)
  }

  @Test(
    "the fix-its of an id with spaces, text on two lines, pasted indentation and a property at column 1 make the map check clean",
    arguments: [
      "aim a: A\nclaim my claim: B\n  + a\n",
      "aim a: A\nclaim b: B\n\u{A0}\u{A0}+ a\n",
      "aim a: A\nclaim b: B\n  + a\nsource: Taylor (1961)\n",
      "aim a: A\nclaim b: The pact bought time\nto build up industry\n  + a\n",
      "aim a: A\r\nclaim b: The pact bought time\r\n  to build up industry\r\n  + a\r\n",
    ])
  func fixItsRepair(source: String) throws {
    let result = ArgumentMapParser.check(source)
    let diagnostic = try #require(result.diagnostics.first { $0.isError })
    let fixIt = try #require(diagnostic.fixIts.first)
    var bytes = Array(source.utf8)
    bytes.replaceSubrange(
      fixIt.range.start.offset..<fixIt.range.end.offset, with: Array(fixIt.replacement.utf8))
    let repaired = ArgumentMapParser.check(utf8: bytes)
    #expect(repaired.diagnostics.isEmpty, "\(repaired.diagnostics.map(\.message))")
  }

  @Test("one-letter ids are not offered each other: 'b' is not a typo of 'a'")
  func noSuggestionBetweenShortIDs() throws {
    let result = ArgumentMapParser.check("aim a: A\nclaim c: C\n  + b\n")
    let unknown = try #require(result.diagnostics.first { $0.id == "unknown-node" })
    #expect(unknown.message == "unknown node 'b'")
    #expect(unknown.fixIts.isEmpty)
  }

  @Test func suggestionsCarryAFixIt() throws {
    let result = ArgumentMapParser.check("aim security: A\nclaim b: B\n  + securty\n")
    let diagnostic = try #require(result.diagnostics.first { $0.id == "unknown-node" })
    #expect(diagnostic.fixIts.map(\.replacement) == ["security"])
  }

  /// A node whose only link line could not be read is not also "connected to nothing": the
  /// syntax error is the one problem. A node that is truly alone still is.
  @Test func aBrokenLinkIsOneProblemNotTwo() {
    let result = ArgumentMapParser.check(
      "aim a: A\nclaim b: B\n  + a\nclaim u: U\n  _ b->\nclaim alone: Alone\n")
    #expect(result.diagnostics.map(\.id) == ["expected-target", "isolated-node"])
    #expect(result.diagnostics.last?.message == "node 'alone' is connected to nothing")
  }

  @Test(
    "an undercut's arrow may have a space on either side, or none",
    arguments: ["b->a", "b -> a", "b ->a", "b-> a"])
  func undercutArrowSpacing(_ target: String) throws {
    let result = ArgumentMapParser.check("aim a: A\nclaim b: B\n  + a\nclaim u: U\n  _ \(target)\n")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    let link = try #require(result.map.nodes.last?.links.first)
    #expect(link.target == .link(from: "b", to: "a"))
  }

  @Test func renderedDiagnosticsShowTheLineAndACaret() {
    let source = "aim a: A\nclaim b: B\n  + a\n  + nowhere\n"
    let result = ArgumentMapParser.check(source)
    let text = DiagnosticRenderer.text(
      result.diagnostics, fileName: "m.argmap", source: Array(source.utf8))
    #expect(
      text == """
        m.argmap:4:5: error: unknown node 'nowhere'
            + nowhere
              ^~~~~~~

        """)
  }
}
