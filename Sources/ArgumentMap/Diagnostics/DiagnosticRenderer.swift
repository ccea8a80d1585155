/// Formats diagnostics for people and for tools.
///
/// The text form is the one compilers use, `file:line:column: severity: message`, followed by the
/// source line and a caret under the problem, so editors make it clickable and people see where.
public enum DiagnosticRenderer {
  /// The diagnostics as text, one block per diagnostic, each ending in a line break.
  ///
  /// - Parameters:
  ///   - diagnostics: what to print, in order.
  ///   - fileName: the name shown before each position (`-` input is shown as `<stdin>`).
  ///   - source: the text the positions refer to, for the source line and caret; `nil` for none.
  ///   - colors: whether to add ANSI colours (only for a terminal).
  /// - Returns: The text to write to standard error; empty when there are no diagnostics.
  public static func text(
    _ diagnostics: [Diagnostic], fileName: String, source: [UInt8]?, colors: Bool = false
  ) -> String {
    let lastLine = diagnostics.compactMap { $0.range?.start.line }.max() ?? 0
    let lastColumn =
      diagnostics.compactMap { $0.range?.start.line == lastLine ? $0.range?.start.column : nil }
      .max() ?? 0
    let lines = source.map { LineTable(linesOf: $0, through: lastLine, column: lastColumn) }
    var out = ""
    for diagnostic in diagnostics {
      out += header(fileName, diagnostic.range, diagnostic.severity.rawValue, colors: colors)
      out += terminalSafe(diagnostic.message) + (colors ? "\u{1B}[0m" : "") + "\n"
      if let range = diagnostic.range, let lines, let source {
        out += excerpt(range, lines: lines, source: source)
      }
      for note in diagnostic.notes {
        out += header(fileName, note.range, "note", colors: colors)
        out += terminalSafe(note.message) + (colors ? "\u{1B}[0m" : "") + "\n"
      }
    }
    return out
  }

  /// The diagnostics as a JSON array: `file`, `line`, `column`, `endLine`, `endColumn`,
  /// `severity`, `id`, `message`, `notes`, `fixIts`, keys in that order.
  public static func json(_ diagnostics: [Diagnostic], fileName: String) -> String {
    var out = "["
    for (position, diagnostic) in diagnostics.enumerated() {
      out += position == 0 ? "\n  {" : ",\n  {"
      out += "\"file\": \(JSONText.quote(fileName))"
      if let range = diagnostic.range {
        out += ", \"line\": \(range.start.line), \"column\": \(range.start.column)"
        out += ", \"endLine\": \(range.end.line), \"endColumn\": \(range.end.column)"
      }
      out += ", \"severity\": \(JSONText.quote(diagnostic.severity.rawValue))"
      out += ", \"id\": \(JSONText.quote(diagnostic.id))"
      out += ", \"message\": \(JSONText.quote(diagnostic.message))"
      if !diagnostic.notes.isEmpty {
        let notes = diagnostic.notes.map { note in
          var text = "{\"message\": \(JSONText.quote(note.message))"
          if let range = note.range {
            text += ", \"line\": \(range.start.line), \"column\": \(range.start.column)"
          }
          return text + "}"
        }
        out += ", \"notes\": [\(notes.joined(separator: ", "))]"
      }
      if !diagnostic.fixIts.isEmpty {
        let fixIts = diagnostic.fixIts.map { fixIt in
          "{\"line\": \(fixIt.range.start.line), \"column\": \(fixIt.range.start.column), "
            + "\"endLine\": \(fixIt.range.end.line), \"endColumn\": \(fixIt.range.end.column), "
            + "\"replacement\": \(JSONText.quote(fixIt.replacement))}"
        }
        out += ", \"fixIts\": [\(fixIts.joined(separator: ", "))]"
      }
      out += "}"
    }
    out += diagnostics.isEmpty ? "]\n" : "\n]\n"
    return out
  }

  private static func header(
    _ fileName: String, _ range: SourceRange?, _ severity: String, colors: Bool
  ) -> String {
    var text = terminalSafe(fileName)
    if let range { text += ":\(range.start.line):\(range.start.column)" }
    text += ": "
    if colors {
      let code =
        switch severity {
        case "error": "31"
        case "warning": "35"
        default: "36"
        }
      text += "\u{1B}[1;\(code)m\(severity):\u{1B}[0m\u{1B}[1m "
    } else {
      text += "\(severity): "
    }
    return text
  }

  /// `text` with the control characters a terminal acts on (C0 but tab, DEL, C1: escape
  /// sequences that move the cursor, recolour or retitle the window) shown as U+FFFD, one for
  /// one, so that user text quoted in a diagnostic stays text and carets keep their columns.
  static func terminalSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isTerminalControl) else { return text }
    return String(
      String.UnicodeScalarView(text.unicodeScalars.map { isTerminalControl($0) ? "\u{FFFD}" : $0 }))
  }

  private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
  }

  /// The source line of the range and a caret line under it; tabs are kept so the caret lines up.
  private static func excerpt(_ range: SourceRange, lines: LineTable, source: [UInt8]) -> String {
    guard let bounds = lines.bounds(ofLine: range.start.line) else { return "" }
    let maximumShown = 300  // a 10 MB line is not worth echoing
    var lineBytes = source[bounds]
    if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
    if range.start.line == 1, lineBytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      lineBytes = lineBytes.dropFirst(3)
    }
    var lineText = String(decoding: lineBytes, as: UTF8.self)
    var scalars = Array(lineText.unicodeScalars)
    let column = max(1, range.start.column)
    var startIndex = 0
    if scalars.count > maximumShown {
      startIndex = max(0, min(column - 1 - maximumShown / 2, scalars.count - maximumShown))
      scalars = Array(scalars[startIndex..<min(scalars.count, startIndex + maximumShown)])
      lineText = String(String.UnicodeScalarView(scalars))
    }
    lineText = terminalSafe(lineText)
    var caret = ""
    let caretStart = column - 1 - startIndex
    for scalar in scalars.prefix(max(0, caretStart)) { caret += scalar == "\t" ? "\t" : " " }
    let sameLine = range.end.line == range.start.line
    let width = sameLine ? max(1, min(range.end.column - column, scalars.count - caretStart)) : 1
    caret += "^" + String(repeating: "~", count: max(0, width - 1))
    return "  " + lineText + "\n  " + caret + "\n"
  }
}

extension LineTable {
  /// The table of `source` up to what the excerpts of diagnostics up to line `last`, column
  /// `column` show: the lines of a 50 MB file after the last diagnostic are not counted, nor the
  /// rest of a 10 MB last line beyond the 300 characters shown around the column.
  fileprivate init(linesOf source: [UInt8], through last: Int, column: Int) {
    var end = 0
    var line = 1
    var lastLineStart = 0
    while end < source.count && line <= last {
      if source[end] == UInt8(ascii: "\n") {
        line += 1
        if line == last { lastLineStart = end + 1 }
      }
      end += 1
    }
    // A scalar is at most 4 bytes; an excerpt shows 300 of them, so 301 past the column do.
    let shownEnd = lastLineStart + 4 * (column + 301)
    end = min(end, max(shownEnd, 0))
    self.init(end == source.count ? source : Array(source[..<end]))
  }
}
