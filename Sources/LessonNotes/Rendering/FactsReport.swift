import ArgumentMap
import ArgumentMapGraphviz

/// A "check the facts" exercise built from a map's factual flags.
///
/// Each flagged statement is listed as the author wrote it; with answers, the correction and
/// its sources follow, taken from the flags, so the answer key can never drift from the map.
struct FactsReport {
  var map: ArgumentMap
  var answers: Bool

  /// The flagged statements, in map order.
  var flagged: [Node] { map.nodes.filter(\.isFlagged) }

  var figure: RenderedFigure {
    RenderedFigure(
      svg: nil, title: map.metadata.title ?? "Argument map", outline: "",
      reportHTML: html, reportMarkdown: markdown)
  }

  var markdown: String {
    var lines: [String] = []
    if answers {
      lines.append("| # | The essay says | The facts | Sources |")
      lines.append("|---|---|---|---|")
    } else {
      lines.append("| # | The essay says | What is wrong? Correct it, with a date and a source |")
      lines.append("|---|---|---|")
    }
    for (index, node) in flagged.enumerated() {
      let statement = cell(node.text)
      if answers {
        let facts = node.flags.map { cell($0.text) }.joined(separator: "<br>")
        let sources = node.flags.flatMap(\.sources).map(cell).joined(separator: "<br>")
        lines.append("| \(index + 1) | \(statement) | \(facts) | \(sources) |")
      } else {
        lines.append("| \(index + 1) | \(statement) | |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var html: String {
    var out = "<table class=\"argmap-facts\">\n<thead><tr><th>#</th><th>The essay says</th>"
    out +=
      answers
      ? "<th>The facts</th><th>Sources</th>"
      : "<th>What is wrong? Correct it, with a date and a source</th>"
    out += "</tr></thead>\n<tbody>\n"
    for (index, node) in flagged.enumerated() {
      out += "<tr><td>\(index + 1)</td><td>\(escape(node.text))</td>"
      if answers {
        let facts = node.flags.map { "<p>\(escape($0.text))</p>" }.joined()
        let sources = node.flags.flatMap(\.sources).map { "<p>\(escape($0))</p>" }.joined()
        out += "<td>\(facts)</td><td>\(sources)</td>"
      } else {
        out += "<td class=\"answer-space\"></td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>"
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
