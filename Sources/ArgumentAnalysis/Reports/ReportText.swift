import ArgumentMap

/// Small, deterministic text helpers shared by the reports.
package enum ReportText {
  /// `value` with exactly `digits` decimals, rounded half away from zero, without Foundation.
  static func fixed(_ value: Double, _ digits: Int = 2) -> String {
    guard value.isFinite else { return "n/a" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var fraction = String(Int(scaled - Double(whole) * scale))
    while fraction.count < digits { fraction = "0" + fraction }
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return digits == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }

  /// `value` with a sign: `+0.12`, `-0.05`.
  static func signed(_ value: Double, _ digits: Int = 2) -> String {
    let text = fixed(value, digits)
    return text.hasPrefix("-") ? text : "+" + text
  }

  /// Already-written Markdown made safe inside a table cell: pipes escaped, line breaks
  /// flattened, markup kept (see `MarkdownText`).
  static func cell(_ text: String) -> String {
    MarkdownText.escaped(text, [.pipes, .lineBreaks])
  }

  /// Map text as Markdown that reads as written (see `MarkdownText`); pipes and line breaks are
  /// left to `cell(_:)`.
  static func markdown(_ text: String) -> String { MarkdownText.escaped(text, .markup) }

  /// Map text for a Markdown table cell.
  static func markdownCell(_ text: String) -> String { MarkdownText.escaped(text, .tableCell) }

  /// Text safe inside HTML element content and attribute values.
  static func html(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
  static func csv(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  /// A date as a sentence says it: "23 August 1939", "August 1939", "1925–26",
  /// "29–30 September 1938", "c. 1924", "August 1939 – June 1941".
  static func words(_ span: DateSpan) -> String {
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    func words(_ date: HistoricalDate) -> String {
      guard let month = date.month, (1...12).contains(month) else { return "\(date.year)" }
      let monthYear = "\(months[month - 1]) \(date.year)"
      return date.day.map { "\($0) \(monthYear)" } ?? monthYear
    }
    let prefix = span.isApproximate ? "c. " : ""
    guard let end = span.end else { return prefix + words(span.start) }
    let start = span.start
    if start.month == nil, end.month == nil {
      // 1925–26 within a century, else 1918–2001.
      let sameCentury = start.year / 100 == end.year / 100 && end.year > start.year
      let tail = sameCentury ? fixedWidth(end.year % 100) : "\(end.year)"
      return prefix + "\(start.year)–\(tail)"
    }
    if start.year == end.year, start.month == end.month, let day = start.day, end.day != nil {
      return prefix + "\(day)–" + words(end)
    }
    return prefix + words(start) + " – " + words(end)
  }

  /// Two digits: `6` is `06`.
  private static func fixedWidth(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }

  /// At most `limit` words of `text`, with "…" when cut: a cell stays readable on a page.
  package static func cut(_ text: String, words limit: Int) -> String {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    guard words.count > limit else { return text }
    return words.prefix(limit).joined(separator: " ") + " …"
  }

  /// A statement's first sentence, at most `limit` words: enough to find it in a report.
  static func firstSentence(_ text: String, words limit: Int = 14) -> String {
    var text = text
    if let stop = text.range(of: ". ") { text = String(text[..<stop.lowerBound]) + "." }
    return cut(text, words: limit)
  }

  /// A short name for an interpretation or aim (`Node.shortName`), otherwise the id.
  static func shortName(_ node: Node?, _ id: NodeID) -> String {
    node?.shortName ?? id.rawValue
  }
}

extension String {
  /// Every occurrence of `target` replaced (no Foundation).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}

extension DateSpan {
  /// The date as a sentence says it ("23 August 1939", "1925–26"), for the diagrams of reports.
  package var inWords: String { ReportText.words(self) }
}
