import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz

/// A "check the facts" exercise built from a map's factual flags.
///
/// Each flagged statement is listed as the author wrote it; with answers, the correction and
/// its sources follow, taken from the flags, so the answer key can never drift from the map.
/// With distractors, statements without a flag are mixed in, all in map order, so that a
/// student must judge every statement rather than find the wrong ones by their place; the
/// answers say a distractor is correct as written.
struct FactsReport {
  var map: ArgumentMap
  var answers: Bool
  /// How many unflagged statements to mix in (fewer when the map has fewer candidates).
  var distractors = 0

  /// The flagged statements, in map order.
  var flagged: [Node] { map.nodes.filter(\.isFlagged) }

  /// The statements a distractor may be: dated events and evidence without a flag, in map order;
  /// those that cite a source the flagged ones cite (the essay itself) when there are enough of
  /// them, so the true statements come from where the slips come from.
  var candidates: [Node] {
    let all = map.nodes.filter { node in
      !node.isFlagged && node.date != nil && (node.kind == .event || node.kind == .evidence)
    }
    let slipSources = Set(flagged.flatMap(\.sources))
    let sameSource = all.filter { !slipSources.isDisjoint(with: $0.sources) }
    return sameSource.count >= distractors ? sameSource : all
  }

  /// The distractors: `distractors` of the candidates, spread evenly over them in map order (the
  /// middle of each of `distractors` equal runs), so the same map always gives the same ones.
  var chosenDistractors: [Node] {
    let pool = candidates
    let count = min(distractors, pool.count)
    guard count > 0 else { return [] }
    return (0..<count).map { pool[(2 * $0 + 1) * pool.count / (2 * count)] }
  }

  /// The statements listed: the flagged ones and the distractors, in map order.
  var statements: [Node] {
    let chosen = Set(chosenDistractors.map(\.id))
    return map.nodes.filter { $0.isFlagged || chosen.contains($0.id) }
  }

  /// The heading of the statements' column: the essay's words, or, with distractors (which
  /// are the map's own statements), simply the statements, each with its date in a column of
  /// its own: a distractor is a statement to check, its date included.
  private var statementHeading: String {
    distractors > 0 ? "Statement" : "The essay says"
  }

  /// The heading of the students' column.
  private var taskHeading: String {
    distractors > 0
      ? "Correct or wrong? If wrong, correct it, with a date and a source"
      : "What is wrong? Correct it, with a date and a source"
  }

  /// The date column's heading and rule in Markdown, with distractors only.
  private var dateHeading: String { distractors > 0 ? " | Date" : "" }
  private var dateRule: String { distractors > 0 ? "---|" : "" }

  /// What the answers say of a distractor; it gets no source, since the map flags nothing.
  static let correctAsWritten = "Correct as written."

  var figure: RenderedFigure {
    RenderedFigure(
      svg: nil, title: map.metadata.title ?? "Argument map", outline: "",
      reportHTML: html, reportMarkdown: markdown)
  }

  var markdown: String {
    var lines: [String] = []
    if answers {
      lines.append("| # | \(statementHeading)\(dateHeading) | The facts | Sources |")
      lines.append("|---|---|\(dateRule)---|---|")
    } else {
      lines.append("| # | \(statementHeading)\(dateHeading) | \(taskHeading) |")
      lines.append("|---|---|\(dateRule)---|")
    }
    for (index, node) in statements.enumerated() {
      var statement = cell(listed(node))
      if distractors > 0 { statement += " | " + cell(node.date.map(\.inWords) ?? "") }
      if answers {
        let facts =
          node.isFlagged
          ? node.flags.map { cell($0.text) }.joined(separator: "<br>")
          : cell(Self.correctAsWritten)
        let sources = node.flags.flatMap(\.sources).map(cell).joined(separator: "<br>")
        lines.append("| \(index + 1) | \(statement) | \(facts) | \(sources) |")
      } else {
        lines.append("| \(index + 1) | \(statement) | |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var html: String {
    var out = "<table class=\"argmap-facts\">\n<thead><tr><th>#</th><th>\(statementHeading)</th>"
    // With distractors, the date gets a narrow column and the students' column keeps room to
    // write in (a style of their own, so pages without distractors keep their bytes).
    if distractors > 0 { out += "<th style=\"width: 8rem\">Date</th>" }
    let task = distractors > 0 ? "<th style=\"width: 40%\">" : "<th>"
    out +=
      answers
      ? "<th>The facts</th><th>Sources</th>"
      : "\(task)\(escape(taskHeading))</th>"
    out += "</tr></thead>\n<tbody>\n"
    for (index, node) in statements.enumerated() {
      out += "<tr><td>\(index + 1)</td><td>\(escape(listed(node)))</td>"
      if distractors > 0 { out += "<td>\(escape(node.date.map(\.inWords) ?? ""))</td>" }
      if answers {
        let facts =
          node.isFlagged
          ? node.flags.map { "<p>\(escape($0.text))</p>" }.joined()
          : "<p>\(escape(Self.correctAsWritten))</p>"
        let sources = node.flags.flatMap(\.sources).map { "<p>\(escape($0))</p>" }.joined()
        out += "<td>\(facts)</td><td>\(sources)</td>"
      } else {
        out += "<td class=\"answer-space\"></td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>"
  }

  /// A statement as the list shows it: with distractors, as `FactCheckText.statement` words it.
  private func listed(_ node: Node) -> String {
    distractors > 0 ? FactCheckText.statement(node.text) : node.text
  }

  private func escape(_ text: String) -> String { SVGPostProcessor.escapeXML(text) }

  /// Text for a Markdown table cell: pipes and markup escaped, lines joined, no bare URL that
  /// GitHub's Markdown would make a link.
  private func cell(_ text: String) -> String {
    var out = ""
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      switch character {
      case "<": out += "&lt;"
      case "|", "\\", "*", "_", "`", ">", "[", "]": out += "\\" + String(character)
      case "\n", "\r": out += " "
      case _ where MarkdownText.isAutolinkStart(character, at: index, in: characters):
        out += "&#\(character.unicodeScalars.first?.value ?? 0);"
      default: out.append(character)
      }
    }
    return out
  }
}

/// How a fact check words what it lists, shared with the tests that look for it.
package enum FactCheckText {
  /// A statement in a fact check with distractors: without a leading "The essay says (that)".
  /// A map that models an essay writes its slips that way and its true events plainly, so the
  /// words would tell students which is which; the column is headed "Statement" instead.
  package static func statement(_ text: String) -> String {
    var rest = Substring(text)
    for prefix in ["The essay says that ", "The essay says "] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
      break
    }
    guard let first = rest.first else { return text }
    return first.uppercased() + rest.dropFirst()
  }
}
