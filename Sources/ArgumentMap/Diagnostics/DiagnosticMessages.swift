/// The catalogue of every diagnostic ArgMap reports: one static factory per kind of problem.
///
/// Keeping the messages in one place keeps their wording consistent (lower case, no trailing
/// period, source text in single quotes, saying what was expected) and gives each a stable id that
/// tools and tests can rely on. Modules that find problems of their own (interchange, lesson
/// notes) add their factories in an extension of this type, each returning a `Diagnostic`, so
/// there is one way to make a message.
public enum DiagnosticMessages {
  // MARK: Input

  static func invalidUTF8(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "invalid-utf8",
      message: "file is not valid UTF-8 text; save it as UTF-8", range: range)
  }

  static func nulByte(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "nul-byte",
      message: "file contains a NUL byte; is it a binary file?", range: range)
  }

  static func tooManyErrors(_ limit: Int, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "too-many-errors",
      message: "too many errors (\(limit)), stopping here; fix the ones above and check again",
      range: range)
  }

  static func emptyFile(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "empty-file",
      message: "file has no nodes; expected a line such as 'aim ID: TEXT'", range: range)
  }

  static func mixedLineEndings(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .warning, id: "mixed-line-endings",
      message: "file mixes CRLF and LF line endings; 'argmap fmt' writes LF", range: range)
  }

  static func controlCharacter(_ byte: UInt8, at range: SourceRange) -> Diagnostic {
    let hex = String(byte, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    let message =
      byte == UInt8(ascii: "\r")
      ? "carriage return (\\r) without a line feed; save the file with LF (or CRLF) line endings"
      : "control character \(code) in the front matter; its values are plain text"
    return Diagnostic(.error, id: "control-character", message: message, range: range)
  }

  static func tabIndentation(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "tab-indentation",
      message: "tab in indentation; indent with spaces", range: range,
      fixIts: [Diagnostic.FixIt(range: range, replacement: "  ")])
  }

  /// `count` no-break spaces from `range`'s start, each to be replaced by a space.
  static func noBreakSpaceIndentation(at range: SourceRange, count: Int) -> Diagnostic {
    Diagnostic(
      .error, id: "no-break-space-indentation",
      message:
        "no-break space (U+00A0) in indentation, as text copied from a word processor has; "
        + "indent with ordinary spaces",
      range: range,
      fixIts: [Diagnostic.FixIt(range: range, replacement: String(repeating: " ", count: count))])
  }

  static func lineTooDeep(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "unexpected-indentation",
      message: "unexpected indentation; only a flag's 'source:' lines are indented further",
      range: range)
  }

  /// `source: ...` at column 1, where a node starts: the property lost its indentation.
  static func propertyAtTopLevel(
    _ key: String, at range: SourceRange, indent: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .error, id: "property-outside-node",
      message: "'\(key):' must be indented under the node it belongs to",
      range: range, fixIts: [Diagnostic.FixIt(range: indent, replacement: "  ")])
  }

  /// `title: ...` above the first node without the `---` lines of front matter.
  static func frontMatterWithoutDashes(_ key: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "front-matter-without-dashes",
      message:
        "'\(clip(key)):' before the first node is front matter: put a line '---' above it and "
        + "another below the last such line",
      range: range)
  }

  /// `supports a` or `supports: a` under a node: a link written in words.
  /// `replacing` is the range a fix-it writes the sign over (the word alone, not `supports:`).
  static func linkInWords(
    _ word: String, sign: String, at range: SourceRange, replacing: SourceRange? = nil
  ) -> Diagnostic {
    let example = sign == "_" ? "_ SOURCE -> TARGET" : "\(sign) ID"
    return Diagnostic(
      .error, id: "link-in-words",
      message:
        "a link is written with a sign, not '\(clip(word))': '\(example)' "
        + (sign == "+" ? "(supports)" : sign == "-" ? "(opposes)" : "(undercuts the link)"),
      range: range,
      fixIts: sign == "_"
        ? [] : replacing.map { [Diagnostic.FixIt(range: $0, replacement: sign)] } ?? [])
  }

  /// `note Figes says`: a property name with its ':' forgotten.
  static func propertyWithoutColon(
    _ key: String, at range: SourceRange, colon: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .error, id: "property-without-colon",
      message: "expected ':' after the property '\(clip(key))', as in '\(clip(key)): ...'",
      range: range, fixIts: [Diagnostic.FixIt(range: colon, replacement: ":")])
  }

  static func indentedOutsideNode(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "indented-outside-node",
      message: "indented line before any node; links, flags and properties belong under a node",
      range: range)
  }

  // MARK: Front matter

  static func unterminatedFrontMatter(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "unterminated-front-matter",
      message: "front matter is never closed; expected a line '---'", range: range)
  }

  static func malformedFrontMatterLine(_ text: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "malformed-front-matter",
      message: "expected 'key: value' in front matter, found '\(clip(text))'", range: range)
  }

  static func duplicateFrontMatterKey(
    _ key: String, at range: SourceRange?, first: SourceRange?
  ) -> Diagnostic {
    Diagnostic(
      .error, id: "duplicate-front-matter-key",
      message: "front matter key '\(clip(key))' is given twice", range: range,
      notes: [Diagnostic.Note("first given here", range: first)])
  }

  static func invalidFrontMatterKey(_ key: String) -> Diagnostic {
    Diagnostic(
      .error, id: "invalid-front-matter-key",
      message:
        "front matter key '\(clip(key))' cannot be written; expected a key without ':' or surrounding spaces, other than title, author, date and language",
      range: nil)
  }

  // MARK: Nodes

  static func unknownKind(
    _ word: String, suggestion: String?, at range: SourceRange
  ) -> Diagnostic {
    let expected = NodeKind.allCases.map(\.keyword).joined(separator: ", ")
    return suggesting(
      suggestion, id: "unknown-kind", "unknown node kind '\(clip(word))'",
      otherwise: "expected one of \(expected)", at: range)
  }

  static func linkAtTopLevel(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "link-outside-node",
      message: "a link must be indented under its source node", range: range)
  }

  static func expectedID(after keyword: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "expected-id",
      message: "expected an id after '\(clip(keyword))', as in '\(keyword) my-id: text'",
      range: range)
  }

  static func invalidID(_ text: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "invalid-id",
      message:
        "invalid id '\(clip(text))'; an id starts with a letter and has only letters, digits, '-', '_' or '.'",
      range: range)
  }

  static func idWithSpaces(_ text: String, joined: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "id-with-spaces",
      message: "ids cannot contain spaces: write '\(clip(joined))' for '\(clip(text))'",
      range: range, fixIts: [Diagnostic.FixIt(range: range, replacement: joined)])
  }

  static func textOnTwoLines(at range: SourceRange, join: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "text-on-two-lines",
      message:
        "this line seems to carry on the text above, but a node's text stays on one line: join "
        + "it to the line above, or put more under the node as 'note: ...'",
      range: range, fixIts: [Diagnostic.FixIt(range: join, replacement: " ")])
  }

  static func expectedColon(after what: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "expected-colon",
      message: "expected ':' and the text after \(what)", range: range)
  }

  static func missingText(of id: NodeID, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "missing-text",
      message: "node '\(clip(id))' has no text after ':'", range: range)
  }

  static func emptyEntry(_ field: String, of id: NodeID, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "empty-entry",
      message: "node '\(clip(id))' has an empty \(field); leave it out or give it a text",
      range: range)
  }

  static func unclosedParenthesis(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "unclosed-parenthesis",
      message: "expected ')' to close the date", range: range)
  }

  // MARK: Dates

  static func malformedDate(_ text: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "malformed-date",
      message:
        "malformed date '\(clip(text))'; expected YYYY, YYYY-MM or YYYY-MM-DD, '~' for approximate, '..' for a range",
      range: range)
  }

  static func impossibleDate(_ text: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "impossible-date",
      message: "date '\(clip(text))' does not exist", range: range)
  }

  static func reversedDateRange(_ text: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "reversed-date-range",
      message: "date range '\(clip(text))' ends before it starts", range: range)
  }

  // MARK: Children

  static func unknownProperty(
    _ key: String, suggestion: String?, at range: SourceRange
  ) -> Diagnostic {
    suggesting(
      suggestion, id: "unknown-property", "unknown property '\(clip(key))'",
      otherwise: "expected title, source, tags, note or strength", at: range)
  }

  static func unexpectedChildLine(_ text: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "unexpected-line",
      message:
        "expected a link ('+', '-' or '_'), a flag ('!') or a property ('title:', 'source:', 'tags:', 'note:', 'strength:'), found '\(clip(text))'",
      range: range)
  }

  /// A second `title:` or `strength:` of one node: a node has one of each, and printing it
  /// back would keep only one, silently.
  static func repeatedProperty(_ key: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "repeated-\(key)",
      message: "a node has one \(key); this '\(key):' is its second", range: range)
  }

  static func emptyValue(of key: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "empty-value",
      message: "'\(key):' needs a value", range: range)
  }

  static func invalidTag(_ tag: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "invalid-tag",
      message: "invalid tag '\(clip(tag))'; tags are single words separated by commas", range: range
    )
  }

  static func malformedStrength(_ text: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "malformed-strength",
      message: "expected a number from 0 to 1, found '\(clip(text))'", range: range)
  }

  static func strengthOutOfRange(_ value: Double, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "strength-out-of-range",
      message: "strength \(ArgumentMapPrinter.format(value)) is outside 0 to 1", range: range)
  }

  static func flagSourceOnly(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "unexpected-flag-line",
      message: "only 'source:' lines may be indented under a flag", range: range)
  }

  static func missingFlagText(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "missing-flag-text",
      message: "expected the correct fact after '!'", range: range)
  }

  // MARK: Links

  static func expectedLinkTarget(_ sign: Character, at range: SourceRange) -> Diagnostic {
    let example = sign == "_" ? "_ from-id -> to-id: reasoning" : "\(sign) target-id: reasoning"
    return Diagnostic(
      .error, id: "expected-target",
      message: "expected a target after '\(clip(sign))', as in '\(clip(example))'", range: range)
  }

  static func undercutNeedsLink(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "undercut-needs-link",
      message: "an undercut attacks a link; write '_ from-id -> to-id'", range: range)
  }

  static func arrowOutsideUndercut(_ sign: Character, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "arrow-outside-undercut",
      message: "'->' targets a link, which only an undercut ('_') can attack, not '\(clip(sign))'",
      range: range)
  }

  static func unclosedBracket(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "unclosed-bracket",
      message: "expected ']' to close the interpretation scope", range: range)
  }

  static func unexpectedAfterTarget(_ text: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "unexpected-after-target",
      message:
        "unexpected '\(clip(text))' after the link target; expected '[scope]', '(weight)' or ': reasoning'",
      range: range)
  }

  // MARK: Validation

  static func duplicateID(_ id: NodeID, at range: SourceRange?, first: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "duplicate-id",
      message: "node id '\(clip(id))' is already used", range: range,
      notes: [Diagnostic.Note("first defined here", range: first)])
  }

  static func unknownNode(
    _ id: NodeID, suggestion: NodeID?, at range: SourceRange?
  ) -> Diagnostic {
    suggesting(
      suggestion?.rawValue, id: "unknown-node", "unknown node '\(clip(id))'", otherwise: nil,
      at: range)
  }

  static func selfLink(_ id: NodeID, isUndercut: Bool = false, at range: SourceRange?)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "self-link",
      message: isUndercut
        ? "node '\(clip(id))' undercuts its own link; an undercut stands under another node, as '_ \(clip(id)) -> TARGET' under the node that undercuts it"
        : "node '\(clip(id))' links to itself; only an opposes link may (an argument that defeats itself)",
      range: range)
  }

  static func downwardLink(
    from source: Node, _ relation: Relation, to target: Node, at range: SourceRange?
  ) -> Diagnostic {
    let verb = relation == .supports ? "support" : "oppose"
    return Diagnostic(
      .error, id: "link-kind-mismatch",
      message:
        "\(article(source.kind)) \(source.kind.displayName) cannot \(verb) \(article(target.kind)) \(target.kind.displayName); link from '\(clip(target.id))' to '\(clip(source.id))' instead",
      range: range)
  }

  static func unknownScope(
    _ id: NodeID, suggestion: NodeID?, at range: SourceRange?
  ) -> Diagnostic {
    suggesting(
      suggestion?.rawValue, id: "unknown-scope", "scope '\(clip(id))' is not a node",
      otherwise: "a scope names an interpretation", at: range)
  }

  static func scopeNotInterpretation(_ node: Node, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "scope-not-interpretation",
      message:
        "scope '\(clip(node.id))' is \(article(node.kind)) \(node.kind.displayName), not an interpretation",
      range: range)
  }

  static func unknownUndercutLink(
    from: NodeID, to: NodeID, at range: SourceRange?
  ) -> Diagnostic {
    Diagnostic(
      .error, id: "unknown-link",
      message: "there is no link from '\(clip(from))' to '\(clip(to))' to undercut", range: range)
  }

  static func supportCycle(_ cycle: [NodeID], at range: SourceRange?) -> Diagnostic {
    let path = (cycle + [cycle[0]]).map { "'\($0)'" }.joined(separator: " -> ")
    return Diagnostic(
      .warning, id: "support-cycle",
      message: "support cycle \(path); an argument should not support itself", range: range)
  }

  static func isolatedNode(_ id: NodeID, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "isolated-node",
      message: "node '\(clip(id))' is connected to nothing", range: range)
  }

  static func noMainAim(at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "no-main-aim",
      message: "map has no main aim; add a line 'aim ID: TEXT'", range: range)
  }

  static func duplicateLink(at range: SourceRange?, first: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "duplicate-link",
      message: "the same link is written twice", range: range,
      notes: [Diagnostic.Note("first written here", range: first)])
  }

  static func eventWithoutDate(_ id: NodeID, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "event-without-date",
      message:
        "event '\(clip(id))' has no date, so timelines leave it out; write it after the id, as in 'event \(clip(id)) (1939-08-23): ...', or make it a claim or evidence",
      range: range)
  }

  static func interpretationWithoutName(_ id: NodeID, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "interpretation-without-name",
      message:
        "interpretation '\(clip(id))' has no short name, so reports call it '\(clip(id))'; start its text with a name of at most \(Node.shortNameLimit) characters and a colon, as in 'Security reading: ...'",
      range: range)
  }

  static func interpretationWithoutThesis(_ id: NodeID, aim: NodeID?, at range: SourceRange?)
    -> Diagnostic
  {
    let aim = aim.map { clip($0) } ?? "AIM"
    return Diagnostic(
      .warning, id: "interpretation-without-thesis",
      message:
        "interpretation '\(clip(id))' supports and opposes nothing, so a comparison counts only the evidence linked to it directly, and none of the links read under it: evidence counts for a reading when its links lead to the reading or to what it supports; write '+ \(aim)' under it (or '- \(aim)' for a reading against it)",
      range: range)
  }

  static func flagWithoutSource(at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "flag-without-source",
      message:
        "this correction cites no source; add an indented 'source:' line under it (author, title, page or address) so readers can check it",
      range: range)
  }

  static func scopeAfterReasoning(
    _ scope: String, link: Link, from source: NodeID, at range: SourceRange?
  ) -> Diagnostic {
    var target = ""
    switch link.target {
    case .node(let id): target = id.rawValue
    case .link(let from, let to): target = "\(from) -> \(to)"
    }
    let bracket = "[\(scope)]"
    var reasoning = link.reasoning ?? ""
    if reasoning.hasSuffix(bracket) { reasoning.removeLast(bracket.count) }
    reasoning = String(Substring(reasoning).trimmingSpaces())
    let written = "\(link.relation.sign) \(target) \(bracket): \(reasoning)"
    return Diagnostic(
      .warning, id: "scope-after-reasoning",
      message:
        "'\(clip(bracket))' is part of the reasoning, so this link holds under every reading; a scope goes before the ':', as in '\(clip(written))'",
      range: range)
  }

  static func malformedMetadataDate(_ text: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "malformed-metadata-date",
      message:
        "front matter date '\(clip(text))' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD",
      range: range)
  }

  static func multilineText(_ what: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "multiline-text",
      message: "\(what) contains a line break or a control character; texts are one line",
      range: range)
  }

  static func bidiControl(_ id: NodeID, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "bidi-control",
      message:
        "node '\(clip(id))' holds a bidirectional control character (U+202A–U+202E or U+2066–U+2069), which can show its text in another order than it is written; drawings leave it out",
      range: range)
  }

  static func lineBreakInText(_ what: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .error, id: "multiline-text",
      message: "\(what) contains a line break or a NUL character; texts are one line",
      range: range)
  }

  // MARK: JSON

  static func json(_ message: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(.error, id: "json", message: message, range: range)
  }

  static func jsonUnknownKey(_ key: String, in path: String, at range: SourceRange?) -> Diagnostic {
    Diagnostic(
      .warning, id: "json-unknown-key",
      message: "unknown key '\(clip(key))' in \(path) is ignored", range: range)
  }

  // MARK: Helpers

  /// An error for a word that names nothing known: with a close match, the message asks "did
  /// you mean" and carries the fix-it that makes the change; without one, it says what
  /// `otherwise` says (what was expected), if anything.
  static func suggesting(
    _ suggestion: String?, id: String, _ message: String, otherwise: String?,
    at range: SourceRange?
  ) -> Diagnostic {
    guard let suggestion else {
      let text = otherwise.map { message + "; " + $0 } ?? message
      return Diagnostic(.error, id: id, message: text, range: range)
    }
    let fixIts = range.map { [Diagnostic.FixIt(range: $0, replacement: suggestion)] } ?? []
    return Diagnostic(
      .error, id: id, message: message + "; did you mean '\(clip(suggestion))'?", range: range,
      fixIts: fixIts)
  }

  /// Source text quoted in a message, cut short: a 10 MB line is not worth repeating.
  static func clip(_ value: some CustomStringConvertible) -> String {
    let text = value.description
    guard text.unicodeScalars.count > 60 else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "..."
  }

  private static func article(_ kind: NodeKind) -> String {
    switch kind {
    case .event, .interpretation: "an"
    case .mainAim, .subAim, .claim, .counterclaim: "a"
    case .evidence: "a piece of"
    }
  }
}
