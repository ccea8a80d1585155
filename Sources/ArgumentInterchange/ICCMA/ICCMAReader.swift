import ArgumentMap

/// Reads the ICCMA 2023 abstract-framework format: `p af N`, then one `i j` line per attack
/// over the arguments 1…N; lines starting with `#` are comments. Blank lines are allowed.
///
/// A comment `# i name` whose name is a valid id names argument `i` (the exporter writes these,
/// so an exported map comes back with its own ids); other comments are ignored.
struct ICCMAReader {
  let bytes: [UInt8]
  let maximumArguments: Int
  var builder: FrameworkBuilder
  /// The `p af N` line's number and bytes, once read.
  var count: Int?
  var header: Range<Int>?
  /// Without a header: the largest argument number seen, so a best-effort map can be built.
  var largestSeen = 0
  var reportedMissingHeader = false
  /// Names from `# i name` comments, by argument number.
  var names: [Int: String] = [:]

  init(bytes: [UInt8], maximumArguments: Int) {
    self.bytes = bytes
    self.maximumArguments = maximumArguments
    builder = FrameworkBuilder(format: "iccma", bytes: bytes)
  }

  mutating func read() -> ImportResult {
    let bytes = self.bytes
    bytes.withUnsafeBufferPointer { text in
      FrameworkBytes.forEachLine(text) { line in readLine(text, line) }
    }
    if count == nil, !reportedMissingHeader {
      builder.diagnostics.append(
        DiagnosticMessages.iccmaMissingHeader(range: SourceRange(at: builder.lines.end)))
    }
    // Attacks read before a (late or missing) header name at most `largestSeen`.
    let total = max(count ?? 0, largestSeen)
    if total == 0, let header {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkEmpty(range: builder.lines.range(header)))
    }
    let headerSpan =
      header.map { SourceMap.Span($0.lowerBound, $0.upperBound) }
      ?? SourceMap.Span(0, 0)
    var ids: [NodeID] = []
    var texts: [String] = []
    ids.reserveCapacity(total)
    texts.reserveCapacity(total)
    if names.isEmpty {
      for argument in 1..<(total + 1) {
        ids.append(NodeID("a\(argument)"))
        texts.append("Argument \(argument)")
      }
    } else {
      var allocator = IDAllocator()
      var given: [NodeID?] = Array(repeating: nil, count: total)
      for argument in names.keys.sorted() where argument <= total {
        if let name = names[argument], allocator.reserve(name) {
          given[argument - 1] = NodeID(name)
        }
      }
      for argument in 1..<(total + 1) {
        ids.append(given[argument - 1] ?? allocator.id(forName: "a\(argument)"))
        texts.append("Argument \(argument)")
      }
    }
    return builder.result(
      ids: ids, texts: texts, declared: Array(repeating: headerSpan, count: total))
  }

  mutating func readLine(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
    var start = line.lowerBound
    while start < line.upperBound, FrameworkBytes.isBlank(text[start]) { start += 1 }
    guard start < line.upperBound else { return }
    switch text[start] {
    case UInt8(ascii: "#"):
      readComment(text, start + 1..<line.upperBound)
    case UInt8(ascii: "p"):
      readHeader(text, start..<line.upperBound)
    default:
      if let (attacker, target) = Self.fastAttack(text, start..<line.upperBound),
        let count, attacker >= 1, attacker <= count, target >= 1, target <= count
      {
        builder.addAttack(attacker - 1, target - 1, at: start..<line.upperBound) {
          "\(attacker) \(target)"
        }
      } else {
        readAttack(text, start..<line.upperBound)
      }
    }
  }

  /// `i j` and nothing else, read without allocating: the common case.
  static func fastAttack(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Int, Int)? {
    var index = range.lowerBound
    func number() -> Int? {
      var value = 0
      let start = index
      while index < range.upperBound, FrameworkBytes.isDigit(text[index]) {
        value = value * 10 + Int(text[index] - 0x30)
        index += 1
        if index - start > 10 { return nil }
      }
      return index > start ? value : nil
    }
    guard let first = number(), index < range.upperBound, FrameworkBytes.isBlank(text[index])
    else { return nil }
    while index < range.upperBound, FrameworkBytes.isBlank(text[index]) { index += 1 }
    guard let second = number() else { return nil }
    while index < range.upperBound, FrameworkBytes.isBlank(text[index]) { index += 1 }
    return index == range.upperBound ? (first, second) : nil
  }

  mutating func readComment(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    let words = FrameworkBytes.words(text, range)
    guard words.count == 2,
      let argument = FrameworkBytes.number(text, words[0], limit: maximumArguments),
      argument >= 1, names[argument] == nil
    else { return }
    let name = FrameworkBytes.text(text, words[1])
    if NodeID.isValid(name) { names[argument] = name }
  }

  mutating func readHeader(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    let words = FrameworkBytes.words(text, range)
    let lines = builder.lines
    if let header {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "iccma",
          "a second 'p' line; the file's 'p af' line is at line \(lines.line(ofOffset: header.lowerBound))",
          range: lines.range(range)))
      return
    }
    // A 'p' line is here: if it cannot be read, that is the error, not a missing header.
    reportedMissingHeader = true
    guard words.count >= 2, FrameworkBytes.text(text, words[0]) == "p",
      FrameworkBytes.text(text, words[1]) == "af"
    else {
      let found = words.count >= 2 ? FrameworkBytes.quoted(text, words[1]) : ""
      let problem =
        found.isEmpty || words.count < 2 || FrameworkBytes.text(text, words[0]) != "p"
        ? "expected 'p af N' or an attack 'i j', found '\(FrameworkBytes.quoted(text, range))'"
        : "expected 'p af N' (an abstract framework), found 'p \(found)'; only 'af' is supported"
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax("iccma", problem, range: lines.range(range)))
      return
    }
    guard words.count >= 3 else {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "iccma", "expected the number of arguments after 'p af', as in 'p af 5'",
          range: lines.range(words[1].upperBound..<range.upperBound)))
      return
    }
    guard words[2].allSatisfy({ FrameworkBytes.isDigit(text[$0]) }) else {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "iccma",
          "expected the number of arguments after 'p af', found '\(FrameworkBytes.quoted(text, words[2]))'",
          range: lines.range(words[2])))
      return
    }
    guard let value = FrameworkBytes.number(text, words[2], limit: maximumArguments) else {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkTooLarge(
          FrameworkBytes.quoted(text, words[2]), limit: maximumArguments,
          range: lines.range(words[2])))
      return
    }
    if words.count > 3 {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "iccma",
          "unexpected '\(FrameworkBytes.quoted(text, words[3]))' after 'p af \(value)'",
          range: lines.range(words[3])))
    }
    if largestSeen > 0 {
      // Attacks came first; they were reported, and stay out.
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "iccma", "the 'p af' line must come before the attacks", range: lines.range(range)))
    }
    count = value
    header = range
  }

  mutating func readAttack(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    let lines = builder.lines
    let words = FrameworkBytes.words(text, range)
    if count == nil, !reportedMissingHeader {
      reportedMissingHeader = true
      builder.diagnostics.append(DiagnosticMessages.iccmaMissingHeader(range: lines.range(range)))
    }
    let limit = count ?? maximumArguments
    var arguments: [Int] = []
    for word in words.prefix(2) {
      guard word.allSatisfy({ FrameworkBytes.isDigit(text[$0]) }) else {
        builder.diagnostics.append(
          DiagnosticMessages.frameworkSyntax(
            "iccma",
            "expected an attack 'i j' of two argument numbers, found '\(FrameworkBytes.quoted(text, word))'",
            range: lines.range(word)))
        return
      }
      guard let value = FrameworkBytes.number(text, word, limit: limit), value >= 1 else {
        let declared =
          count.map { "'p af \($0)' declares arguments 1 to \($0)" }
          ?? "arguments are numbered from 1"
        builder.diagnostics.append(
          DiagnosticMessages.frameworkUnknownArgument(
            "iccma",
            "argument '\(FrameworkBytes.quoted(text, word))' does not exist; \(declared)",
            range: lines.range(word)))
        return
      }
      arguments.append(value)
    }
    guard arguments.count == 2 else {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "iccma", "expected an attack 'i j' of two argument numbers, found one",
          range: lines.range(range)))
      return
    }
    if words.count > 2 {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "iccma",
          "unexpected '\(FrameworkBytes.quoted(text, words[2]))' after the attack; expected one attack 'i j' a line",
          range: lines.range(words[2])))
      return
    }
    if count == nil {
      largestSeen = max(largestSeen, arguments[0], arguments[1])
    }
    let (attacker, target) = (arguments[0], arguments[1])
    builder.addAttack(attacker - 1, target - 1, at: range.lowerBound..<range.upperBound) {
      "\(attacker) \(target)"
    }
  }
}
