import ArgumentMap

/// Reads the ASPARTIX format: facts `arg(a).` and `att(a,b).`, with `%` comments to the end of
/// the line, blanks and line breaks anywhere between tokens. A name is an ASP constant (letters,
/// digits, `_`) or a double-quoted string. Attacks may come before the arguments they name; an
/// attack on a name that no `arg` declares is an error. Other facts are reported and skipped.
struct APXReader {
  let bytes: [UInt8]
  var builder: FrameworkBuilder
  /// Argument names in declaration order, where each is declared, and each name's position.
  var names: [String] = []
  var declared: [SourceMap.Span] = []
  var position: [String: Int] = [:]
  /// Attacks as read: the two names, their bytes, and the fact's bytes.
  var pending: [(Range<Int>, String, Range<Int>, String, Range<Int>)] = []

  init(bytes: [UInt8]) {
    self.bytes = bytes
    builder = FrameworkBuilder(format: "apx", bytes: bytes)
  }

  mutating func read() -> ImportResult {
    let bytes = self.bytes
    bytes.withUnsafeBufferPointer { text in
      var index = text.count >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF ? 3 : 0
      while true {
        index = Self.skipSpace(text, index)
        guard index < text.count else { break }
        index = readFact(text, index)
      }
    }
    for (first, firstName, second, secondName, fact) in pending {
      var ends: [Int] = []
      for (range, name) in [(first, firstName), (second, secondName)] {
        if let found = position[name] {
          ends.append(found)
        } else {
          builder.diagnostics.append(
            DiagnosticMessages.frameworkUnknownArgument(
              "apx",
              "argument '\(Self.clip(name))' is not declared; expected 'arg(\(Self.clip(name))).' in the file",
              range: builder.lines.range(range)))
        }
      }
      guard ends.count == 2 else { continue }
      builder.addAttack(ends[0], ends[1], at: fact) {
        "att(\(Self.clip(firstName)),\(Self.clip(secondName)))"
      }
    }
    let ids = FrameworkBuilder.ids(forNames: names)
    // A quoted name may be blank or padded; the text is the name without the padding, or the
    // id when nothing is left.
    let texts = zip(names, ids).map { name, id in
      let trimmed = name.trimmingCharacters(in: " \t")
      return trimmed.isEmpty ? id.rawValue : trimmed
    }
    return builder.result(ids: ids, texts: texts, declared: declared)
  }

  /// Blanks, line breaks and `%` comments from `index` on; returns the next token's offset.
  static func skipSpace(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    var index = start
    while index < text.count {
      let byte = text[index]
      if FrameworkBytes.isBlank(byte) || byte == 0x0A {
        index += 1
      } else if byte == UInt8(ascii: "%") {
        while index < text.count, text[index] != 0x0A { index += 1 }
      } else {
        break
      }
    }
    return index
  }

  static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte >= 0x80
  }

  static func clip(_ name: String) -> String {
    name.unicodeScalars.count <= 40 ? name : String(name.prefix(40)) + "..."
  }

  /// A syntax error at `range`; returns where reading goes on: after the next `.` or line break.
  mutating func fail(
    _ text: UnsafeBufferPointer<UInt8>, _ problem: String, at range: Range<Int>
  ) -> Int {
    builder.diagnostics.append(
      DiagnosticMessages.frameworkSyntax("apx", problem, range: builder.lines.range(range)))
    var index = max(range.lowerBound, min(range.upperBound, text.count))
    while index < text.count, text[index] != UInt8(ascii: "."), text[index] != 0x0A { index += 1 }
    return min(text.count, index + 1)
  }

  /// What is at `index`, quoted for a message.
  static func found(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> String {
    guard index < text.count else { return "the end of the file" }
    var end = index
    if isNameByte(text[index]) {
      while end < text.count, isNameByte(text[end]), end - index < 40 { end += 1 }
    } else {
      end = index + 1
      while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
    }
    return "'" + FrameworkBytes.text(text, index..<end) + "'"
  }

  /// One fact from `start`; returns the offset after it (or after the point of a syntax error).
  mutating func readFact(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    var index = start
    while index < text.count, Self.isNameByte(text[index]) { index += 1 }
    guard index > start else {
      return fail(
        text, "expected a fact such as 'arg(a).' or 'att(a,b).', found \(Self.found(text, start))",
        at: start..<start + 1)
    }
    let predicate = FrameworkBytes.text(text, start..<index)
    index = Self.skipSpace(text, index)
    guard index < text.count, text[index] == UInt8(ascii: "(") else {
      return fail(
        text, "expected '(' after '\(Self.clip(predicate))', found \(Self.found(text, index))",
        at: index..<index + 1)
    }
    index += 1
    var terms: [(Range<Int>, String)] = []
    while true {
      index = Self.skipSpace(text, index)
      guard let (term, value, next) = readTerm(text, index) else {
        if index < text.count, text[index] == UInt8(ascii: "\"") {
          return fail(text, "the quoted name is never closed; expected '\"'", at: index..<index + 1)
        }
        return fail(
          text, "expected an argument name, found \(Self.found(text, index))",
          at: index..<index + 1)
      }
      terms.append((term, value))
      index = Self.skipSpace(text, next)
      if index < text.count, text[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      break
    }
    guard index < text.count, text[index] == UInt8(ascii: ")") else {
      return fail(
        text, "expected ',' or ')', found \(Self.found(text, index))", at: index..<index + 1)
    }
    index = Self.skipSpace(text, index + 1)
    guard index < text.count, text[index] == UInt8(ascii: ".") else {
      return fail(
        text, "expected '.' after the fact, found \(Self.found(text, index))",
        at: index..<index + 1)
    }
    index += 1
    let fact = start..<index
    switch (predicate, terms.count) {
    case ("arg", 1):
      let (range, name) = terms[0]
      if let first = position[name] {
        let firstSpan = declared[first]
        builder.diagnostics.append(
          DiagnosticMessages.frameworkDuplicateArgument(
            "apx", name, range: builder.lines.range(range),
            first: builder.lines.range(Int(firstSpan.start)..<Int(firstSpan.end))))
      } else {
        position[name] = names.count
        names.append(name)
        declared.append(SourceMap.Span(fact.lowerBound, fact.upperBound))
      }
    case ("att", 2):
      pending.append((terms[0].0, terms[0].1, terms[1].0, terms[1].1, fact))
    case ("arg", _), ("att", _):
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "apx",
          "'\(predicate)' takes \(predicate == "arg" ? "one name" : "two names"), found \(terms.count)",
          range: builder.lines.range(fact)))
    default:
      builder.diagnostics.append(
        DiagnosticMessages.frameworkIgnored(
          "apx",
          "'\(Self.clip(predicate))' facts are not part of an abstract framework; skipped",
          range: builder.lines.range(fact)))
    }
    return index
  }

  /// A name at `index`: a constant or a quoted string; its bytes, its value and the end.
  func readTerm(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Range<Int>, String, Int)? {
    guard index < text.count else { return nil }
    if text[index] == UInt8(ascii: "\"") {
      var end = index + 1
      var value: [UInt8] = []
      while end < text.count, text[end] != UInt8(ascii: "\""), text[end] != 0x0A {
        if text[end] == UInt8(ascii: "\\"), end + 1 < text.count, text[end + 1] != 0x0A {
          end += 1
        }
        value.append(text[end])
        end += 1
      }
      guard end < text.count, text[end] == UInt8(ascii: "\"") else { return nil }
      return (index..<end + 1, String(decoding: value, as: UTF8.self), end + 1)
    }
    var end = index
    while end < text.count, Self.isNameByte(text[end]) { end += 1 }
    guard end > index else { return nil }
    return (index..<end, FrameworkBytes.text(text, index..<end), end)
  }
}
