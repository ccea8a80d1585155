import ArgumentMap

/// Reads the Trivial Graph Format: one argument a line (its name, then an optional label), a
/// line holding only `#`, then one attack a line (`a b`, an optional label after it). Blank
/// lines are skipped. A label of an argument becomes its text; a label of an attack has no
/// counterpart and is reported.
struct TGFReader {
  let bytes: [UInt8]
  var builder: FrameworkBuilder
  var names: [String] = []
  var texts: [String] = []
  var declared: [SourceMap.Span] = []
  var position: [String: Int] = [:]
  var separator: Int?
  var reportedEdgeLabel = false

  init(bytes: [UInt8]) {
    self.bytes = bytes
    builder = FrameworkBuilder(format: "tgf", bytes: bytes)
  }

  mutating func read() -> ImportResult {
    let bytes = self.bytes
    bytes.withUnsafeBufferPointer { text in
      FrameworkBytes.forEachLine(text) { line in readLine(text, line) }
    }
    if separator == nil, !names.isEmpty {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkIgnored(
          "tgf",
          "the file has no '#' line between the arguments and the attacks; every line is read as an argument",
          range: SourceRange(at: builder.lines.end)))
    }
    return builder.result(
      ids: FrameworkBuilder.ids(forNames: names), texts: texts, declared: declared)
  }

  mutating func readLine(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
    let words = FrameworkBytes.words(text, line)
    guard let first = words.first else { return }
    let lines = builder.lines
    if words.count == 1, FrameworkBytes.text(text, first) == "#" {
      if let separator {
        builder.diagnostics.append(
          DiagnosticMessages.frameworkSyntax(
            "tgf",
            "a second '#' line; the arguments end at the '#' on line \(lines.line(ofOffset: separator))",
            range: lines.range(first)))
      } else {
        separator = first.lowerBound
      }
      return
    }
    if separator == nil {
      let name = FrameworkBytes.text(text, first)
      if let found = position[name] {
        let firstSpan = declared[found]
        builder.diagnostics.append(
          DiagnosticMessages.frameworkDuplicateArgument(
            "tgf", name, range: lines.range(first),
            first: lines.range(Int(firstSpan.start)..<Int(firstSpan.end))))
        return
      }
      var label = name
      if words.count > 1 {
        label = FrameworkBytes.text(text, words[1].lowerBound..<words[words.count - 1].upperBound)
      }
      position[name] = names.count
      names.append(name)
      texts.append(label)
      declared.append(SourceMap.Span(first.lowerBound, first.upperBound))
      return
    }
    guard words.count >= 2 else {
      builder.diagnostics.append(
        DiagnosticMessages.frameworkSyntax(
          "tgf",
          "expected an attack 'a b' of two argument names, found '\(FrameworkBytes.quoted(text, first))' alone",
          range: lines.range(line)))
      return
    }
    var ends: [Int] = []
    for word in words.prefix(2) {
      let name = FrameworkBytes.text(text, word)
      if let found = position[name] {
        ends.append(found)
      } else {
        builder.diagnostics.append(
          DiagnosticMessages.frameworkUnknownArgument(
            "tgf",
            "argument '\(FrameworkBytes.quoted(text, word))' is not declared above the '#' line",
            range: lines.range(word)))
      }
    }
    if words.count > 2, !reportedEdgeLabel {
      reportedEdgeLabel = true
      builder.diagnostics.append(
        DiagnosticMessages.frameworkIgnored(
          "tgf", "attack labels have no counterpart in an argument map; left out",
          range: lines.range(words[2].lowerBound..<words[words.count - 1].upperBound)))
    }
    guard ends.count == 2 else { return }
    let span = words[0].lowerBound..<words[1].upperBound
    builder.addAttack(ends[0], ends[1], at: span) {
      FrameworkBytes.quoted(text, words[0]) + " " + FrameworkBytes.quoted(text, words[1])
    }
  }
}
