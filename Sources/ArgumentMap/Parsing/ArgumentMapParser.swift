/// Reads `.argmap` text into an `ArgumentMap`, collecting every problem on the way.
///
/// Parsing never stops at the first problem: it returns the best-effort map with a diagnostic for
/// each problem found, so an editor or `argmap check` can show them all at once. The grammar is in
/// `docs/grammar.md`.
public enum ArgumentMapParser {
  /// The number of errors after which parsing and checking stop, as compilers do (20 to 100).
  ///
  /// Fifty errors are more than anyone fixes before checking again, and a file with more is
  /// usually not a map at all (50 MB of garbage once printed 344 MB of diagnostics). Past the
  /// limit the parser reads no further, so time and memory stay those of reading the file, and
  /// one last error, `too-many-errors`, says where it stopped.
  public static let defaultMaximumErrors = 50

  /// Parses `.argmap` text. The diagnostics are syntax problems only; see `check(_:)`.
  ///
  /// - Parameters:
  ///   - source: The text.
  ///   - maximumErrors: Stop after this many errors (`Int.max`: never).
  /// - Returns: The map as far as it was read, where its parts were written, and the problems.
  public static func parse(
    _ source: String, maximumErrors: Int = defaultMaximumErrors
  ) -> ParseResult {
    parse(utf8: Array(source.utf8), maximumErrors: maximumErrors)
  }

  /// Parses `.argmap` text given as UTF-8 bytes, which may be invalid (the result then says so).
  ///
  /// - Parameters:
  ///   - bytes: The text.
  ///   - maximumErrors: Stop after this many errors (`Int.max`: never); the last diagnostic is
  ///     then `too-many-errors`, and the map holds what was read before it.
  /// - Returns: The map as far as it was read, where its parts were written, and the problems.
  /// - Complexity: O(*n*) in the length of the input.
  public static func parse(
    utf8 bytes: [UInt8], maximumErrors: Int = defaultMaximumErrors
  ) -> ParseResult {
    bytes.withUnsafeBufferPointer {
      Parser.run($0, source: bytes, maximumErrors: max(1, maximumErrors))
    }
  }

  /// Parses and validates: the syntax diagnostics followed by the validator's, in source order.
  ///
  /// - Parameters:
  ///   - source: The text.
  ///   - maximumErrors: Report at most this many errors (`Int.max`: all of them).
  /// - Returns: The map and every problem, syntax and validation, in source order.
  public static func check(
    _ source: String, maximumErrors: Int = defaultMaximumErrors
  ) -> ParseResult {
    check(utf8: Array(source.utf8), maximumErrors: maximumErrors)
  }

  /// Parses and validates UTF-8 bytes.
  ///
  /// A parse stopped by `maximumErrors` is not validated: the map is only the part before the
  /// stop, and judging it would report references to the unread rest as errors.
  ///
  /// - Parameters:
  ///   - bytes: The text.
  ///   - maximumErrors: Report at most this many errors (`Int.max`: all of them).
  /// - Returns: The map and every problem, syntax and validation, in source order.
  public static func check(
    utf8 bytes: [UInt8], maximumErrors: Int = defaultMaximumErrors
  ) -> ParseResult {
    validated(
      parse(utf8: bytes, maximumErrors: maximumErrors), maximumErrors: max(1, maximumErrors))
  }

  private static func validated(_ result: ParseResult, maximumErrors: Int) -> ParseResult {
    var result = result
    // A file that is not text has no map worth judging, nor has a map read only in part.
    if result.diagnostics.contains(where: {
      $0.id == "invalid-utf8" || $0.id == "nul-byte" || $0.id == "too-many-errors"
    }) {
      return result
    }
    result.diagnostics += withoutIsolationOfBrokenNodes(
      result.map.validate(sourceMap: result.sourceMap), syntax: result.diagnostics,
      sourceMap: result.sourceMap)
    result.diagnostics.sort { lhs, rhs in
      (lhs.range?.start.offset ?? -1) < (rhs.range?.start.offset ?? -1)
    }
    result.diagnostics = capped(result.diagnostics, maximumErrors: maximumErrors)
    return result
  }

  /// The validation diagnostics without "connected to nothing" for a node that has a syntax
  /// error under it: a link line that could not be read is left out of the map, so its node
  /// looks unlinked, and the warning would send the reader after a second problem that is the
  /// first one again.
  private static func withoutIsolationOfBrokenNodes(
    _ validation: [Diagnostic], syntax: [Diagnostic], sourceMap: SourceMap
  ) -> [Diagnostic] {
    let errors = syntax.compactMap { $0.isError ? $0.range?.start.offset : nil }
    let headers = sourceMap.nodes.map { Int($0.line.start) }
    guard !errors.isEmpty, !headers.isEmpty else { return validation }
    /// The position of the node whose block holds `offset` (from its header to the next one).
    func block(holding offset: Int) -> Int? {
      var low = 0
      var high = headers.count
      while low < high {
        let middle = (low + high) / 2
        if headers[middle] <= offset { low = middle + 1 } else { high = middle }
      }
      return low == 0 ? nil : low - 1
    }
    let broken = Set(errors.compactMap(block(holding:)))
    return validation.filter { diagnostic in
      guard diagnostic.id == "isolated-node", let offset = diagnostic.range?.start.offset,
        let node = block(holding: offset)
      else { return true }
      return !broken.contains(node)
    }
  }

  /// `diagnostics` up to their `maximumErrors`-th error, then `too-many-errors` at the first
  /// error left out; unchanged when there are no more errors than that.
  static func capped(_ diagnostics: [Diagnostic], maximumErrors: Int) -> [Diagnostic] {
    var errors = 0
    for (position, diagnostic) in diagnostics.enumerated() where diagnostic.isError {
      errors += 1
      guard errors > maximumErrors else { continue }
      return Array(diagnostics[..<position])
        + [DiagnosticMessages.tooManyErrors(maximumErrors, at: diagnostic.range)]
    }
    return diagnostics
  }
}

/// What parsing produced: the best-effort map, where its parts were written, and the problems.
public struct ParseResult: Sendable {
  /// The map as far as it could be read: a line or part that cannot be read is left out.
  public var map: ArgumentMap
  /// Where each node and link of `map` was written, for pointing diagnostics at them.
  public var sourceMap: SourceMap
  /// Every problem found, in source order for `check`.
  public var diagnostics: [Diagnostic]

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.containsErrors }
}

/// The line-oriented parser over UTF-8 bytes.
///
/// It works on bytes rather than `Character`s for speed and so that CRLF, tabs and invalid input
/// are seen exactly as they are; strings are made only for ids and texts.
struct Parser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var map = ArgumentMap()
  private var sourceMap: SourceMap
  private var diagnostics: [Diagnostic] = []

  private var lineNumber = 0
  private var lineStart = 0

  /// Comments waiting for the statement they belong to, and whether each was indented.
  private var pendingComments: [(text: String, isIndented: Bool)] = []
  /// The indentation of the last link, flag or property line of the current node.
  private var lastChildIndent = 0
  /// Whether that line was a flag (whose `source:` lines are indented further).
  private var lastChildIsFlag = false
  /// Whether the last line at column 1 failed to make a node: the lines indented under it are
  /// its own, and given to the node before they would make false errors (a link of `claim 1b:`
  /// made node `a` above it link to itself).
  private var skipsChildren = false

  private var firstLineEnding: LineEnding?
  private var reportedMixedEndings = false

  /// The number of errors after which the parser reads no further.
  private let maximumErrors: Int
  /// The errors among `diagnostics[..<countedDiagnostics]`.
  private var errorCount = 0
  private var countedDiagnostics = 0

  private enum LineEnding { case lf, crlf }

  init(bytes: UnsafeBufferPointer<UInt8>, source: [UInt8], maximumErrors: Int = .max) {
    self.bytes = bytes
    self.sourceMap = SourceMap(source: source, isArgmapText: true)
    self.maximumErrors = maximumErrors
  }

  // MARK: Driver

  static func run(
    _ bytes: UnsafeBufferPointer<UInt8>, source: [UInt8], maximumErrors: Int = .max
  ) -> ParseResult {
    var parser = Parser(bytes: bytes, source: source, maximumErrors: maximumErrors)
    return parser.run()
  }

  /// Whether the errors so far reach the limit; counts only the diagnostics added since the last
  /// call, so checking after every line costs nothing.
  private mutating func reachedErrorLimit() -> Bool {
    while countedDiagnostics < diagnostics.count {
      if diagnostics[countedDiagnostics].isError { errorCount += 1 }
      countedDiagnostics += 1
    }
    return errorCount >= maximumErrors
  }

  /// Ends a parse stopped at the error limit with input left to read: the diagnostics up to the
  /// limit (one line may have added several), then `too-many-errors` at the first error left
  /// out, or at the start of the first line not read.
  private mutating func stopForTooManyErrors(at offset: Int) -> ParseResult {
    let kept = ArgumentMapParser.capped(diagnostics, maximumErrors: maximumErrors)
    if kept.last?.id == "too-many-errors" {
      diagnostics = kept
    } else {
      let next = SourceLocation(line: lineNumber + 1, column: 1, offset: offset)
      diagnostics.append(
        DiagnosticMessages.tooManyErrors(maximumErrors, at: SourceRange(start: next, end: next)))
    }
    return finish()
  }

  mutating func run() -> ParseResult {
    var offset = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      offset = 3  // A byte order mark says nothing the parser needs.
    }
    if let problem = Self.firstInvalidByte(in: bytes, from: offset) {
      diagnostics.append(problemDiagnostic(problem))
      return finish()
    }
    reserveCapacity(from: offset)
    offset = parseFrontMatter(from: offset)
    if offset < bytes.count, reachedErrorLimit() { return stopForTooManyErrors(at: offset) }
    while offset < bytes.count {
      let (end, next) = lineBounds(from: offset)
      parseLine(start: offset, end: end)
      offset = next
      if offset < bytes.count, reachedErrorLimit() { return stopForTooManyErrors(at: offset) }
      if next > bytes.count { break }
    }
    // A final line break starts an empty last line, as `LineTable` counts lines.
    if bytes.last == UInt8(ascii: "\n") {
      sourceMap.lineStarts.append(Int32(truncatingIfNeeded: bytes.count))
    }
    flushComments(atEndOfFile: true)
    if map.nodes.isEmpty && !diagnostics.containsErrors {
      diagnostics.append(DiagnosticMessages.emptyFile(at: sourceMap.start))
    }
    return finish()
  }

  /// Counts node and link lines roughly (one cheap pass) so the arrays grow once, not by
  /// doubling and copying: for a million-node map that copying was a fifth of the parse time.
  private mutating func reserveCapacity(from start: Int) {
    guard bytes.count - start > 1 << 16 else { return }
    var nodes = 0
    var links = 0
    var lines = 0
    var lineStart = start
    while lineStart < bytes.count {
      lines += 1
      let byte = bytes[lineStart]
      if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
        nodes += 1
      } else if byte == UInt8(ascii: " ") {
        var next = lineStart + 1
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
        if next < bytes.count,
          bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-")
            || bytes[next] == UInt8(ascii: "_")
        {
          links += 1
        }
      }
      lineStart = Self.nextNewline(in: bytes, from: lineStart) + 1
    }
    map.nodes.reserveCapacity(nodes)
    sourceMap.nodes.reserveCapacity(nodes)
    sourceMap.links.reserveCapacity(links)
    sourceMap.lineStarts.reserveCapacity(lines + 1)
  }

  /// The offset of the next `\n` at or after `start`, or the end.
  ///
  /// Eight bytes are checked as one word, as in `firstInvalidByte`, and the first `\n` in a word
  /// is found from its bit pattern. On lines of about 50 bytes this is within 20% of the C
  /// library's `memchr` (well under 1% of parsing and checking), without importing the C library
  /// into the core module.
  static func nextNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return bytes.count }
    var index = start
    let count = bytes.count
    while index + 8 <= count {
      // A byte equal to `\n` is a zero byte of `word`. `zeros` is 0 when there is none; else its
      // lowest set bit is the high bit of the first one (borrows may set bits above it).
      let word =
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        ^ 0x0A0A_0A0A_0A0A_0A0A
      let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
      if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < count, bytes[index] != 0x0A { index += 1 }
    return min(index, count)
  }

  /// The result, with no more errors than the limit (the last lines may have added several).
  private func finish() -> ParseResult {
    ParseResult(
      map: map, sourceMap: sourceMap,
      diagnostics: ArgumentMapParser.capped(diagnostics, maximumErrors: maximumErrors))
  }

  /// The end of the line starting at `start` (before any `\r\n` or `\n`) and the start of the next;
  /// also moves the line counter and notes the line ending.
  private mutating func lineBounds(from start: Int) -> (end: Int, next: Int) {
    lineNumber += 1
    lineStart = start
    let index = Self.nextNewline(in: bytes, from: start)
    // The first line starts at 0, already recorded, even when a byte order mark moves its text.
    if lineNumber > 1 { sourceMap.lineStarts.append(Int32(truncatingIfNeeded: start)) }
    guard index < bytes.count else { return (index, index + 1) }
    var end = index
    let ending: LineEnding
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
      ending = .crlf
    } else {
      ending = .lf
    }
    if let firstLineEnding {
      if firstLineEnding != ending && !reportedMixedEndings {
        reportedMixedEndings = true
        diagnostics.append(DiagnosticMessages.mixedLineEndings(at: range(end, end)))
      }
    } else {
      firstLineEnding = ending
    }
    return (end, index + 1)
  }

  // MARK: Lines

  /// Reports the first byte from `start` to `end` that a line cannot hold: a carriage return
  /// (a file with old Mac line endings would otherwise be one statement), and in front matter,
  /// which is one plain line per key, any control character but the tab. Statements keep other
  /// control characters as written; drawings leave them out.
  private mutating func checkLineBytes(_ start: Int, _ end: Int, inFrontMatter: Bool) {
    var index = start
    while index < end {
      let byte = bytes[index]
      let refused =
        inFrontMatter
        ? (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
        : byte == UInt8(ascii: "\r")
      if refused {
        diagnostics.append(DiagnosticMessages.controlCharacter(byte, at: range(index, index + 1)))
        return
      }
      index += 1
    }
  }

  private mutating func parseLine(start: Int, end: Int) {
    // A `\r` among the blanks at the end is a blank (`trimmedEnd`), not a line break.
    checkLineBytes(start, trimmedEnd(start, end), inFrontMatter: false)
    var index = start
    var tab: Int?
    // A no-break space (U+00A0, bytes C2 A0) looks like a space; text pasted from a word
    // processor indents with it. Read as indentation, and reported, so the line is not taken
    // for a node of an unknown kind.
    var noBreakSpace: Int?
    while index < end {
      if bytes[index] == UInt8(ascii: " ") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "\t") {
        if tab == nil { tab = index }
        index += 1
      } else if bytes[index] == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
        if noBreakSpace == nil { noBreakSpace = index }
        index += 2
      } else {
        break
      }
    }
    let contentEnd = trimmedEnd(index, end)
    if index == contentEnd { return }  // blank line
    let indent = index - start
    if bytes[index] == UInt8(ascii: "#") {
      var textStart = index + 1
      if textStart < contentEnd, bytes[textStart] == UInt8(ascii: " ") { textStart += 1 }
      pendingComments.append((string(textStart, contentEnd), indent > 0))
      return
    }
    if let tab {
      diagnostics.append(DiagnosticMessages.tabIndentation(at: range(tab, tab + 1)))
    }
    if let noBreakSpace {
      // The run of them, each to become one space.
      var runEnd = noBreakSpace
      while runEnd < index, bytes[runEnd] == 0xC2 { runEnd += 2 }
      diagnostics.append(
        DiagnosticMessages.noBreakSpaceIndentation(
          at: range(noBreakSpace, runEnd), count: (runEnd - noBreakSpace) / 2))
    }
    if indent == 0 {
      parseNodeHeader(start: index, end: contentEnd)
    } else {
      parseChild(start: index, end: contentEnd, indent: indent)
    }
  }

  // MARK: Front matter

  private mutating func parseFrontMatter(from start: Int) -> Int {
    guard isDashes(lineFrom: start) else { return start }
    var (_, offset) = lineBounds(from: start)
    let opening = range(start, start + 3)
    // Where each key was first written; a dictionary, since a list made duplicate checks
    // quadratic in the number of keys.
    var seen: [String: SourceRange] = [:]
    while offset < bytes.count {
      if reachedErrorLimit() { return offset }
      let (end, next) = lineBounds(from: offset)
      defer { offset = next }
      let lineEnd = trimmedEnd(offset, end)
      checkLineBytes(offset, lineEnd, inFrontMatter: true)
      let contentStart = skipSpaces(offset, lineEnd)
      if contentStart == lineEnd { continue }
      if lineEnd - offset == 3 && isDashes(lineFrom: offset) { return next }
      guard let colon = find(UInt8(ascii: ":"), contentStart, lineEnd), colon > contentStart else {
        diagnostics.append(
          DiagnosticMessages.malformedFrontMatterLine(
            string(contentStart, lineEnd), at: range(contentStart, lineEnd)))
        continue
      }
      let key = string(contentStart, trimmedEnd(contentStart, colon))
      let valueStart = skipSpaces(colon + 1, lineEnd)
      let value = string(valueStart, lineEnd)
      let keyRange = range(contentStart, colon)
      if let first = seen[key] {
        diagnostics.append(
          DiagnosticMessages.duplicateFrontMatterKey(key, at: keyRange, first: first))
        continue
      }
      seen[key] = keyRange
      switch key {
      case "title": map.metadata.title = value
      case "author": map.metadata.author = value
      case "date":
        map.metadata.date = value
        sourceMap.metadataDate = span(valueStart, lineEnd)
      case "language": map.metadata.language = value
      default: map.metadata.extra.append(Metadata.Entry(key: key, value: value))
      }
    }
    diagnostics.append(DiagnosticMessages.unterminatedFrontMatter(at: opening))
    return bytes.count
  }

  private func isDashes(lineFrom start: Int) -> Bool {
    guard start + 3 <= bytes.count,
      bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-"),
      bytes[start + 2] == UInt8(ascii: "-")
    else { return false }
    let after = start + 3
    return after == bytes.count || bytes[after] == UInt8(ascii: "\n")
      || bytes[after] == UInt8(ascii: "\r")
  }

  // MARK: Nodes

  private mutating func parseNodeHeader(start: Int, end: Int) {
    skipsChildren = true
    let first = bytes[start]
    if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "_")
      || first == UInt8(ascii: "!")
    {
      diagnostics.append(DiagnosticMessages.linkAtTopLevel(at: range(start, end)))
      return
    }
    let keywordEnd = scanWord(start, end)
    let keyword = string(start, keywordEnd)
    let kindRange = range(start, keywordEnd)
    let kindSpan = span(start, keywordEnd)
    let kind: NodeKind
    var isKnownKind = true
    if let known = Self.kind(bytes, start, keywordEnd) ?? NodeKind(rawValue: keyword) {
      kind = known
    } else {
      // `title: ...` before the first node, with no '---' around it: front matter.
      if map.nodes.isEmpty, let property = keyValue(start, end),
        Self.frontMatterKeys.contains(property.key)
      {
        diagnostics.append(
          DiagnosticMessages.frontMatterWithoutDashes(
            property.key, at: range(property.keyStart, property.keyEnd)))
        return
      }
      // `source: ...` at column 1: a property whose indentation was lost.
      if let property = keyValue(start, end), Self.propertyKeys.contains(property.key) {
        diagnostics.append(
          DiagnosticMessages.propertyAtTopLevel(
            property.key, at: range(property.keyStart, property.keyEnd),
            indent: range(start, start)))
        return
      }
      if let joining = continuedTextJoin(start: start, end: end, keywordEnd: keywordEnd) {
        diagnostics.append(
          DiagnosticMessages.textOnTwoLines(
            at: range(start, end), join: range(joining.0, joining.1)))
        // The line goes on the node above, and so do the lines under it.
        skipsChildren = false
        return
      }
      // `Event` is `event` written with a capital: offered as it is.
      let lowered = keyword.lowercased()
      let suggestion =
        Self.kinds.contains(lowered) ? lowered : Suggestions.nearest(to: lowered, in: Self.kinds)
      diagnostics.append(
        DiagnosticMessages.unknownKind(keyword, suggestion: suggestion, at: kindRange))
      kind = NodeKind(rawValue: keyword.lowercased()) ?? .claim
      isKnownKind = false
    }
    let idStart = skipSpaces(keywordEnd, end)
    var idEnd = scanWord(idStart, end)
    guard idEnd > idStart else {
      // After an unknown keyword the line is probably not a node at all: one error is enough.
      if isKnownKind {
        diagnostics.append(
          DiagnosticMessages.expectedID(after: keyword, at: range(idStart, idStart)))
      }
      return
    }
    var idText = string(idStart, idEnd)
    guard Self.isValidID(bytes, idStart, idEnd) else {
      diagnostics.append(DiagnosticMessages.invalidID(idText, at: range(idStart, idEnd)))
      return
    }
    var index = skipSpaces(idEnd, end)
    // `claim my claim: ...`: more words before the ':' are the id written with spaces. Said
    // once, and read as `my-claim` so the rest of the file is checked as meant.
    if let spaced = spacedIDEnd(after: index, end) {
      let words = string(idStart, spaced).split(whereSeparator: { $0 == " " || $0 == "\t" })
        .joined(separator: "-")
      diagnostics.append(
        DiagnosticMessages.idWithSpaces(
          string(idStart, spaced), joined: words, at: range(idStart, spaced)))
      idText = words
      idEnd = spaced
      index = skipSpaces(spaced, end)
    }
    let id = NodeID(idText)
    var date: DateSpan?
    var dateSpan: SourceMap.Span?
    if index < end, bytes[index] == UInt8(ascii: "(") {
      guard let close = find(UInt8(ascii: ")"), index + 1, end) else {
        diagnostics.append(DiagnosticMessages.unclosedParenthesis(at: range(index, end)))
        return
      }
      let textStart = skipSpaces(index + 1, close)
      let textEnd = trimmedEnd(textStart, close)
      let text = string(textStart, textEnd)
      dateSpan = span(textStart, textEnd)
      date = DateParser.parse(UnsafeBufferPointer(rebasing: bytes[textStart..<textEnd]))
      if date == nil {
        diagnostics.append(DiagnosticMessages.malformedDate(text, at: range(textStart, textEnd)))
      }
      index = skipSpaces(close + 1, end)
    }
    var text = ""
    if index < end, bytes[index] == UInt8(ascii: ":") {
      let textStart = skipSpaces(index + 1, end)
      text = string(textStart, end)
      if text.isEmpty {
        diagnostics.append(DiagnosticMessages.missingText(of: id, at: range(index, index + 1)))
      }
    } else {
      diagnostics.append(
        DiagnosticMessages.expectedColon(after: "'\(keyword) \(idText)'", at: range(index, index)))
    }

    let comments = takeCommentsForNewNode()
    skipsChildren = false
    map.nodes.append(Node(kind, id, text, date: date, comments: comments))
    sourceMap.nodes.append(
      SourceMap.NodeSpans(
        line: span(start, end), kind: kindSpan, id: span(idStart, idEnd), date: dateSpan,
        strength: nil, firstLink: Int32(truncatingIfNeeded: sourceMap.links.count),
        firstFlag: Int32(truncatingIfNeeded: sourceMap.flags.count)))
    lastChildIndent = 0
    lastChildIsFlag = false
  }

  /// The node kind keywords, for telling a broken node line from text carried on.
  private static let kinds = NodeKind.allCases.map(\.keyword)

  /// Where an id written as several words ends (`my claim` in `claim my claim: text`), when
  /// the words after the id, up to a ':' or a date's '(', could each be part of an id.
  private func spacedIDEnd(after start: Int, _ end: Int) -> Int? {
    var index = start
    var lastWordEnd: Int?
    for _ in 0..<8 {
      guard index < end, Self.isWordByte(bytes[index]) || bytes[index].isDigit else { break }
      let wordEnd = scanWord(index, end)
      // `1939` may follow a word: the joined id still starts with a letter.
      guard Self.isValidID("x" + string(index, wordEnd)) else { return nil }
      lastWordEnd = wordEnd
      index = skipSpaces(wordEnd, end)
    }
    guard let lastWordEnd, index < end,
      bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "(")
    else { return nil }
    return lastWordEnd
  }

  /// The line break to replace with a space when a top-level line that is not a node carries on
  /// the text of the line above (a node's text written over two lines); `nil` when the line
  /// looks like a node (`WORD ID:` or `WORD ID (DATE)`), or nothing is above it to carry on.
  private func continuedTextJoin(start: Int, end: Int, keywordEnd: Int) -> (Int, Int)? {
    // Text starts with a letter or digit (any byte of a non-ASCII letter is 0x80 or above).
    guard !map.nodes.isEmpty, start > 0,
      Self.isWordByte(bytes[start]) || bytes[start].isDigit || bytes[start] >= 0x80
    else { return nil }
    // A misspelt or capitalised kind (`Event`, `evidance`) is a node line gone wrong, which
    // the unknown-kind message with its suggestion explains better.
    let word = string(start, keywordEnd).lowercased()
    if Self.kinds.contains(word) || Suggestions.nearest(to: word, in: Self.kinds) != nil {
      return nil
    }
    let idStart = skipSpaces(keywordEnd, end)
    let idEnd = scanWord(idStart, end)
    let after = skipSpaces(idEnd, end)
    if idEnd > idStart, after < end,
      bytes[after] == UInt8(ascii: ":") || bytes[after] == UInt8(ascii: "(")
    {
      return nil
    }
    return lineBreak(before: start).map { ($0, start) }
  }

  /// Where the line break before the line holding `start` begins (its indentation skipped back
  /// over), when the line above holds text: the join of a text carried on to this line.
  private func lineBreak(before start: Int) -> Int? {
    var index = start
    while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
    guard index > 0, bytes[index - 1] == UInt8(ascii: "\n") else { return nil }
    var breakStart = index - 1
    if breakStart > 0, bytes[breakStart - 1] == UInt8(ascii: "\r") { breakStart -= 1 }
    // After a blank line (or one of spaces) nothing is carried on.
    guard breakStart > 0, bytes[breakStart - 1] != UInt8(ascii: "\n"),
      bytes[breakStart - 1] != UInt8(ascii: " ")
    else { return nil }
    return breakStart
  }

  // MARK: Children

  private mutating func parseChild(start: Int, end: Int, indent: Int) {
    guard !skipsChildren || map.nodes.isEmpty else { return }
    guard !map.nodes.isEmpty else {
      diagnostics.append(DiagnosticMessages.indentedOutsideNode(at: range(start, end)))
      return
    }
    if indent > lastChildIndent && lastChildIndent > 0 {
      if lastChildIsFlag {
        parseFlagSource(start: start, end: end)
      } else {
        diagnostics.append(DiagnosticMessages.lineTooDeep(at: range(start, end)))
      }
      return
    }
    lastChildIndent = indent
    lastChildIsFlag = false
    let first = bytes[start]
    let isSign =
      first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "_")
    if isSign && (start + 1 == end || bytes[start + 1] == UInt8(ascii: " ")) {
      parseLink(start: start, end: end)
    } else if first == UInt8(ascii: "!") {
      parseFlag(start: start, end: end)
      lastChildIsFlag = true
    } else {
      parseProperty(start: start, end: end)
    }
  }

  private mutating func parseFlag(start: Int, end: Int) {
    let textStart = skipSpaces(start + 1, end)
    guard textStart < end else {
      diagnostics.append(DiagnosticMessages.missingFlagText(at: range(start, end)))
      return
    }
    let flag = Flag(string(textStart, end), comments: takeComments())
    map.nodes[map.nodes.count - 1].flags.append(flag)
    sourceMap.flags.append(span(start, end))
  }

  private mutating func parseFlagSource(start: Int, end: Int) {
    let last = map.nodes.count - 1
    guard let (key, keyStart, keyEnd, value, _) = keyValue(start, end), key == "source",
      !map.nodes[last].flags.isEmpty
    else {
      diagnostics.append(DiagnosticMessages.flagSourceOnly(at: range(start, end)))
      return
    }
    guard !value.isEmpty else {
      diagnostics.append(DiagnosticMessages.emptyValue(of: key, at: range(keyStart, keyEnd)))
      return
    }
    map.nodes[last].flags[map.nodes[last].flags.count - 1].sources.append(value)
  }

  private mutating func parseProperty(start: Int, end: Int) {
    guard let (key, keyStart, keyEnd, value, valueStart) = keyValue(start, end) else {
      // Words without a ':' under a node: most likely its text, carried on to this line,
      // unless the first is a property's name (`source Taylor 1961`, the ':' forgotten).
      let firstWordEnd = scanWord(start, end)
      let firstWord = string(start, firstWordEnd).lowercased()
      let properties = Self.propertyKeys
      // `supports a`: a link written in words.
      if let sign = Self.linkSigns[firstWord] {
        diagnostics.append(
          DiagnosticMessages.linkInWords(
            firstWord, sign: sign, at: range(start, firstWordEnd),
            replacing: range(start, firstWordEnd)))
        return
      }
      // `note Figes says`: a property with its ':' forgotten.
      if properties.contains(firstWord), firstWordEnd < end,
        bytes[firstWordEnd] == UInt8(ascii: " ")
      {
        diagnostics.append(
          DiagnosticMessages.propertyWithoutColon(
            firstWord, at: range(start, firstWordEnd), colon: range(firstWordEnd, firstWordEnd)))
        return
      }
      if find(UInt8(ascii: ":"), start, end) == nil, Self.isWordByte(bytes[start]),
        !properties.contains(firstWord), Suggestions.nearest(to: firstWord, in: properties) == nil,
        let breakStart = lineBreak(before: start)
      {
        diagnostics.append(
          DiagnosticMessages.textOnTwoLines(
            at: range(start, end), join: range(breakStart, start)))
        return
      }
      diagnostics.append(
        DiagnosticMessages.unexpectedChildLine(string(start, end), at: range(start, end)))
      return
    }
    let properties = Self.propertyKeys
    if let sign = Self.linkSigns[key.lowercased()] {
      // `supports: a`: a link written as a property.
      diagnostics.append(
        DiagnosticMessages.linkInWords(key, sign: sign, at: range(keyStart, keyEnd)))
      return
    }
    guard properties.contains(key) else {
      let suggestion = Suggestions.nearest(to: key, in: properties + ["sources", "tag", "notes"])
        .map { $0.hasSuffix("s") && $0 != "tags" ? String($0.dropLast()) : $0 }
        .map { $0 == "tag" ? "tags" : $0 }
      diagnostics.append(
        DiagnosticMessages.unknownProperty(key, suggestion: suggestion, at: range(keyStart, keyEnd))
      )
      return
    }
    guard !value.isEmpty else {
      diagnostics.append(DiagnosticMessages.emptyValue(of: key, at: range(keyStart, keyEnd)))
      return
    }
    let last = map.nodes.count - 1
    switch key {
    case "title":
      if map.nodes[last].title != nil {
        diagnostics.append(
          DiagnosticMessages.repeatedProperty("title", at: range(keyStart, keyEnd)))
      } else {
        map.nodes[last].title = value
      }
    case "source": map.nodes[last].sources.append(value)
    case "note": map.nodes[last].notes.append(value)
    case "tags":
      // Commas and spaces count scalar by scalar, as in `trimmingSpaces()`.
      for tag in value.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false) {
        let trimmed = Substring(tag).trimmingSpaces()
        if trimmed.isEmpty || trimmed.unicodeScalars.contains(" ") {
          diagnostics.append(
            DiagnosticMessages.invalidTag(String(trimmed), at: range(valueStart, end)))
        } else {
          map.nodes[last].tags.append(String(trimmed))
        }
      }
    default:
      if map.nodes[last].strength != nil {
        diagnostics.append(
          DiagnosticMessages.repeatedProperty("strength", at: range(keyStart, keyEnd)))
      } else if let number = Self.number(value) {
        map.nodes[last].strength = number
        sourceMap.nodes[last].strength = span(valueStart, end)
      } else {
        diagnostics.append(DiagnosticMessages.malformedStrength(value, at: range(valueStart, end)))
      }
    }
  }

  /// The properties a node may have, each written `key: value` on a line under it.
  static let propertyKeys = ["title", "source", "tags", "note", "strength"]

  /// The front matter keys a map's header is written with, recognised when the `---` lines
  /// around them are missing.
  static let frontMatterKeys: Set<String> = [
    "title", "author", "date", "language", "subject", "period",
  ]

  /// Words a newcomer writes for a link, with the sign that writes it.
  static let linkSigns = [
    "supports": "+", "support": "+", "opposes": "-", "oppose": "-", "attacks": "-",
    "undercuts": "_", "undercut": "_",
  ]

  /// Splits `key: value` (key a single word); `nil` when the line has no such shape.
  private func keyValue(
    _ start: Int, _ end: Int
  ) -> (key: String, keyStart: Int, keyEnd: Int, value: String, valueStart: Int)? {
    var index = start
    while index < end, Self.isWordByte(bytes[index]) { index += 1 }
    guard index > start else { return nil }
    let keyEnd = index
    index = skipSpaces(index, end)
    guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
    let valueStart = skipSpaces(index + 1, end)
    return (string(start, keyEnd), start, keyEnd, string(valueStart, end), valueStart)
  }

  // MARK: Links

  private mutating func parseLink(start: Int, end: Int) {
    let sign = Character(Unicode.Scalar(bytes[start]))
    let relation: Relation =
      switch bytes[start] {
      case UInt8(ascii: "+"): .supports
      case UInt8(ascii: "-"): .opposes
      default: .undercuts
      }
    var index = skipSpaces(start + 1, end)
    var ids: [(text: String, start: Int, end: Int)] = []
    let firstEnd = scanTarget(index, end)
    guard firstEnd > index else {
      diagnostics.append(DiagnosticMessages.expectedLinkTarget(sign, at: range(index, end)))
      return
    }
    // `a->b` may be written without spaces, or with one on either side (`a-> b`, `a ->b`);
    // ids never contain '>'.
    if let arrow = findArrow(index, firstEnd) {
      ids.append((string(index, arrow), index, arrow))
      var secondStart = arrow + 2
      var secondEnd = firstEnd
      if secondStart == firstEnd {
        secondStart = skipSpaces(firstEnd, end)
        secondEnd = scanTarget(secondStart, end)
      }
      ids.append((string(secondStart, secondEnd), secondStart, secondEnd))
      index = skipSpaces(secondEnd, end)
    } else {
      ids.append((string(index, firstEnd), index, firstEnd))
      index = skipSpaces(firstEnd, end)
      if index + 1 < end, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: ">") {
        let secondStart = skipSpaces(index + 2, end)
        let secondEnd = scanTarget(secondStart, end)
        ids.append((string(secondStart, secondEnd), secondStart, secondEnd))
        index = skipSpaces(secondEnd, end)
      }
    }
    for (text, idStart, idEnd) in ids where !Self.isValidID(text) {
      let idRange = range(idStart, idEnd)
      if text.isEmpty {
        diagnostics.append(DiagnosticMessages.expectedLinkTarget(sign, at: idRange))
      } else {
        diagnostics.append(DiagnosticMessages.invalidID(text, at: idRange))
      }
      return
    }
    let target: LinkTarget
    switch (relation, ids.count) {
    case (.undercuts, 2): target = .link(from: NodeID(ids[0].text), to: NodeID(ids[1].text))
    case (.undercuts, _):
      diagnostics.append(DiagnosticMessages.undercutNeedsLink(at: range(ids[0].start, ids[0].end)))
      return
    case (_, 1): target = .node(NodeID(ids[0].text))
    default:
      diagnostics.append(DiagnosticMessages.arrowOutsideUndercut(sign, at: range(start, index)))
      return
    }

    var scope: NodeID?
    var scopeSpan: SourceMap.Span?
    var strength: Double?
    var strengthSpan: SourceMap.Span?
    while index < end, bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "(") {
      let isScope = bytes[index] == UInt8(ascii: "[")
      let closer = UInt8(ascii: isScope ? "]" : ")")
      guard let close = find(closer, index + 1, end) else {
        diagnostics.append(
          isScope
            ? DiagnosticMessages.unclosedBracket(at: range(index, end))
            : DiagnosticMessages.malformedStrength(string(index, end), at: range(index, end)))
        return
      }
      let innerStart = skipSpaces(index + 1, close)
      let innerEnd = trimmedEnd(innerStart, close)
      let inner = string(innerStart, innerEnd)
      if isScope {
        guard Self.isValidID(inner) else {
          diagnostics.append(DiagnosticMessages.invalidID(inner, at: range(innerStart, innerEnd)))
          return
        }
        scope = NodeID(inner)
        scopeSpan = span(innerStart, innerEnd)
      } else {
        guard let number = Self.number(inner) else {
          diagnostics.append(
            DiagnosticMessages.malformedStrength(inner, at: range(innerStart, innerEnd)))
          return
        }
        strength = number
        strengthSpan = span(innerStart, innerEnd)
      }
      index = skipSpaces(close + 1, end)
    }
    var reasoning: String?
    if index < end {
      guard bytes[index] == UInt8(ascii: ":") else {
        diagnostics.append(
          DiagnosticMessages.unexpectedAfterTarget(string(index, end), at: range(index, end)))
        return
      }
      let text = string(skipSpaces(index + 1, end), end)
      reasoning = text.isEmpty ? nil : text
    }
    let link = Link(
      relation, target, scope: scope, strength: strength, reasoning: reasoning,
      comments: takeComments())
    map.nodes[map.nodes.count - 1].links.append(link)
    sourceMap.links.append(
      SourceMap.LinkSpans(
        line: span(start, end), target: span(ids[0].start, ids[0].end),
        secondTarget: ids.count > 1 ? span(ids[1].start, ids[1].end) : nil, scope: scopeSpan,
        strength: strengthSpan))
  }

  /// The end of a link target token: stops at a space, '[', '(' or ':'.
  private func scanTarget(_ start: Int, _ end: Int) -> Int {
    var index = start
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: ":"): return index
      default: index += 1
      }
    }
    return index
  }

  private func findArrow(_ start: Int, _ end: Int) -> Int? {
    var index = start
    while index + 1 < end {
      if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: ">") { return index }
      index += 1
    }
    return nil
  }

  // MARK: Comments

  private mutating func takeComments() -> [String] {
    defer { pendingComments.removeAll(keepingCapacity: true) }
    return pendingComments.map(\.text)
  }

  /// Indented comments before a new node close the previous node; the rest lead the new one.
  private mutating func takeCommentsForNewNode() -> [String] {
    guard !pendingComments.isEmpty else { return [] }
    let trailingCount = pendingComments.prefix { $0.isIndented }.count
    if trailingCount > 0, !map.nodes.isEmpty {
      map.nodes[map.nodes.count - 1].trailingComments +=
        pendingComments.prefix(trailingCount).map(\.text)
      pendingComments.removeFirst(trailingCount)
    }
    return takeComments()
  }

  private mutating func flushComments(atEndOfFile: Bool) {
    let leading = takeCommentsForNewNode()
    map.trailingComments += leading
  }

  // MARK: Bytes

  private func skipSpaces(_ start: Int, _ end: Int) -> Int {
    var index = start
    while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
      index += 1
    }
    return index
  }

  private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
    var index = end
    // A `\r` left at the end (before spaces, or on a last line without `\n`) goes too: printed
    // before a line break it would read as a CRLF ending and vanish.
    while index > start,
      bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t")
        || bytes[index - 1] == UInt8(ascii: "\r")
    {
      index -= 1
    }
    return index
  }

  /// The end of a word: stops at a space, '(' or ':'.
  private func scanWord(_ start: Int, _ end: Int) -> Int {
    var index = start
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "("), UInt8(ascii: ":"):
        return index
      default: index += 1
      }
    }
    return index
  }

  private func find(_ byte: UInt8, _ start: Int, _ end: Int) -> Int? {
    var index = start
    while index < end {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  private func string(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  private func location(_ offset: Int) -> SourceLocation {
    var column = 1
    var index = lineStart
    while index < offset {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(line: lineNumber, column: column, offset: offset)
  }

  private func span(_ start: Int, _ end: Int) -> SourceMap.Span {
    SourceMap.Span(start, end)
  }

  private func range(_ start: Int, _ end: Int) -> SourceRange {
    SourceRange(start: location(start), end: location(end))
  }

  /// The node kind spelled by the bytes, without making a string (the common case).
  private static func kind(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> NodeKind?
  {
    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
    for kind in NodeKind.allCases where kind.keyword.utf8.elementsEqual(word) { return kind }
    return nil
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  /// Whether the bytes form a valid id, with an ASCII fast path.
  private static func isValidID(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Bool
  {
    guard start < end else { return false }
    var isASCII = true
    for index in start..<end where bytes[index] >= 0x80 {
      isASCII = false
      break
    }
    guard isASCII else {
      return NodeID.isValid(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }
    guard isWordByte(bytes[start]) else { return false }
    for index in (start + 1)..<end {
      let byte = bytes[index]
      let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
      let isPunctuation =
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
      if !(isWordByte(byte) || isDigit || isPunctuation) { return false }
    }
    return true
  }

  private static func isValidID(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isValidID($0, 0, $0.count) }
  }

  /// A decimal number (`0.75`, `1`, `2e-3`); no signs, no `nan` or `inf`.
  static func number(_ text: String) -> Double? {
    guard let first = text.utf8.first,
      first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
        || first == UInt8(ascii: ".")
    else { return nil }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
        UInt8(ascii: "E"), UInt8(ascii: "-"), UInt8(ascii: "+"):
        continue
      default: return nil
      }
    }
    return Double(text)
  }

  // MARK: Invalid input

  enum InputProblem {
    case invalidUTF8(Int)
    case nul(Int)
  }

  private mutating func problemDiagnostic(_ problem: InputProblem) -> Diagnostic {
    let offset: Int
    switch problem {
    case .invalidUTF8(let at), .nul(let at): offset = at
    }
    // Find the line of the offending byte; the bytes before it are valid UTF-8.
    lineNumber = 1
    lineStart = 0
    for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
      lineNumber += 1
      lineStart = index + 1
    }
    let at = range(offset, offset + 1)
    switch problem {
    case .invalidUTF8: return DiagnosticMessages.invalidUTF8(at: at)
    case .nul: return DiagnosticMessages.nulByte(at: at)
    }
  }

  /// The offset of the first byte that is a NUL or not part of well-formed UTF-8.
  static func firstInvalidByte(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> InputProblem? {
    guard let base = bytes.baseAddress else { return nil }
    var index = start
    let count = bytes.count
    while index < count {
      // Eight ASCII bytes without a NUL at a time: the common case, checked as one word.
      if index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let hasHighBit = word & 0x8080_8080_8080_8080 != 0
        let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        if !hasHighBit && !hasZero {
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0 { return .nul(index) }
        index += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch byte {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return .invalidUTF8(index)
      }
      guard index + length <= count else { return .invalidUTF8(index) }
      let second = bytes[index + 1]
      guard second >= lower && second <= upper else { return .invalidUTF8(index) }
      for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 {
        return .invalidUTF8(index)
      }
      index += length
    }
    return nil
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs, scalar by scalar: a space followed
  /// by a combining mark is one `Character` but still a space, and the mark stays.
  func trimmingSpaces() -> Substring {
    let scalars = unicodeScalars
    let isText = { (scalar: Unicode.Scalar) in scalar != " " && scalar != "\t" }
    guard let first = scalars.firstIndex(where: isText),
      let last = scalars.lastIndex(where: isText)
    else { return self[endIndex...] }
    return Substring(scalars[first...last])
  }
}

extension UInt8 {
  /// Whether the byte is an ASCII digit.
  fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
