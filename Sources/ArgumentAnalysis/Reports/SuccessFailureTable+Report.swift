import ArgumentMap

extension SuccessFailureTable {
  /// How many words of a reason, a correction or a point against a cell shows; the note under
  /// the table has the whole text. Long enough for one reason, short enough that the essay's
  /// table prints on about three A4 pages instead of five.
  static let cellWords = 22
  /// How many words of a correction a cell shows: enough to say what is wrong.
  static let correctionWords = 14
  /// How many parts a cell names before "and N more"; the note lists them all.
  static let partsShown = 3

  /// "Includes: A (1926); B (1932); C (1932); and 4 more (see the note)."
  static func includes(_ parts: [String]) -> String {
    guard parts.count > partsShown else {
      return "Includes: " + parts.joined(separator: "; ") + "."
    }
    return "Includes: " + parts.prefix(partsShown).joined(separator: "; ")
      + "; and \(parts.count - partsShown) more (see the note)."
  }

  /// One row as the reports write it: plain text, not yet Markdown or HTML, so neither format
  /// leaks into the other.
  struct Entry {
    /// The evidence's name: its title, else its short name, else its first words.
    var name: String
    /// The date in words ("23 August 1939").
    var date: String
    /// "For Recognition by the western powers", "Against …".
    var bearing: String
    /// The reasoning, cut for the cell.
    var reason: String
    /// The parts, by name and year.
    var parts: [String]
    /// Each correction, cut for the cell.
    var corrections: [String]
    /// Each point against, cut for the cell, with its reply.
    var against: [(point: String, reply: String?)]
    /// The row's note number, counted from 1.
    var note: Int
    /// The note: the whole texts, with the sources of the corrections.
    var noteLines: [String]
  }

  /// The column headings and the tally's words, by frame.
  var headings: (title: String, first: String, second: String) {
    switch frame {
    case .successes: ("Successes and failures", "Successes", "Failures")
    case .factors: ("Factors for and against", "For", "Against")
    }
  }

  /// "5 successes, 4 failures." or "3 factors for, 2 against."
  var tallySentence: String {
    switch frame {
    case .successes:
      EssayPlan.count(successes.count, "success", "successes") + ", "
        + EssayPlan.count(failures.count, "failure", "failures") + "."
    case .factors:
      EssayPlan.count(successes.count, "factor", "factors") + " for, \(failures.count) against."
    }
  }

  /// A node's name in a cell: its title or short name, else its first clause (up to a colon
  /// or semicolon) or first words.
  package static func name(_ node: Node?, _ id: NodeID) -> String {
    guard let node else { return id.rawValue }
    if let name = node.title ?? node.shortName { return name }
    let clause = node.text.prefix { $0 != ";" && $0 != ":" }
    return ReportText.cut(String(clause), words: 12)
  }

  /// The rows as entries, with their notes numbered in row order.
  func entries(_ map: IndexedMap) -> [Entry] {
    rows.enumerated().map { offset, row in
      let node = map.node(withID: row.evidence)
      let aimNode = map.node(withID: row.bearsOn)
      var aimName = Self.name(aimNode, row.bearsOn)
      // A name is read as one ("For Recognition by the western powers"); a sentence of the
      // aim's text is quoted, or it reads on as this one's ("For The war wrecked the economy").
      if let aimNode, aimNode.title == nil, (aimNode.shortName ?? aimNode.text) == aimNode.text {
        aimName = "\u{201C}" + aimName + "\u{201D}"
      }
      let reason = row.reasoning.joined(separator: "; ")
      let parts = row.details.map { id in
        let part = map.node(withID: id)
        return Self.name(part, id) + (part?.date.map { " (\($0.start.year))" } ?? "")
      }
      let flags = node?.flags ?? []
      let against = row.counterpoints.map { point in
        let reply = point.replies.first.map {
          ReportText.cut(map.node(withID: $0)?.text ?? $0.rawValue, words: Self.cellWords)
        }
        return (
          ReportText.cut(
            map.node(withID: point.node)?.text ?? point.node.rawValue, words: Self.cellWords),
          reply
        )
      }
      let name = Self.name(node, row.evidence)
      let text = node?.text ?? row.evidence.rawValue
      // The note opens with the name in bold: a text that is its own name is not said twice.
      var note = text == name ? [] : [text]
      if let through = row.through {
        note.append("By way of: " + (map.node(withID: through)?.text ?? through.rawValue))
      }
      if !reason.isEmpty { note.append("Why: " + reason) }
      for id in row.details {
        let part = map.node(withID: id)
        note.append(
          "Part: " + (part?.date.map { ReportText.words($0) + ": " } ?? "")
            + (part?.text ?? id.rawValue))
      }
      for flag in flags {
        var line = Self.sentence("⚑ Correction: " + flag.text)
        if !flag.sources.isEmpty {
          line +=
            " " + (flag.sources.count == 1 ? "Source: " : "Sources: ")
            + flag.sources.joined(separator: "; ")
        }
        note.append(line)
      }
      for point in row.counterpoints {
        var line = Self.labelled(
          "One could argue", map.node(withID: point.node)?.text ?? point.node.rawValue)
        if !point.evidence.isEmpty {
          line +=
            " (evidence: "
            + point.evidence.map { id in
              let part = map.node(withID: id)
              return Self.name(part, id) + (part?.date.map { ", " + ReportText.words($0) } ?? "")
            }.joined(separator: "; ") + ")"
        }
        note.append(line)
        for reply in point.replies {
          note.append("Reply: " + (map.node(withID: reply)?.text ?? reply.rawValue))
        }
      }
      return Entry(
        name: name, date: row.date.map(ReportText.words) ?? "",
        bearing: (row.column == .success ? "For " : "Against ") + aimName,
        reason: ReportText.cut(reason, words: Self.cellWords), parts: parts,
        corrections: flags.map { ReportText.cut($0.text, words: Self.correctionWords) },
        against: against, note: offset + 1, noteLines: note)
    }
  }

  /// A Markdown table in the essay's layout: the two columns side by side, in date order, each
  /// entry named, with its reason, its parts, its corrections and what one could argue against
  /// it, cut to a readable length; numbered notes under the table give the whole texts and the
  /// sources of the corrections.
  public func markdown(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    let aimNode = map.node(withID: aim)
    let md = ReportText.markdownCell
    var lines: [String] = []
    lines.append("# \(headings.title): " + md(Self.name(aimNode, aim)))
    lines.append("")
    lines.append(aimSentence(map, text: md))
    lines.append("")
    lines.append("| Date | \(headings.first) | \(headings.second) |")
    lines.append("|---|---|---|")
    let entries = entries(map)
    for (row, entry) in zip(rows, entries) {
      // One paragraph of sentences: a Markdown cell holds no line break but raw HTML, which
      // lesson notes do not pass through.
      var cell = [
        "**\(md(entry.name))**.",
        Self.sentence(md(entry.bearing) + (entry.reason.isEmpty ? "" : ": " + md(entry.reason))),
      ]
      if !entry.parts.isEmpty {
        cell.append(Self.includes(entry.parts.map(md)))
      }
      for correction in entry.corrections {
        cell.append(Self.sentence("⚑ Correction: " + md(correction)))
      }
      for (point, reply) in entry.against {
        cell.append(Self.sentence(md(Self.labelled("One could argue", point))))
        if let reply { cell.append(Self.sentence(md(Self.labelled("But", reply)))) }
      }
      cell.append("(Note \(entry.note).)")
      let text = cell.joined(separator: " ")
      switch row.column {
      case .success: lines.append("| \(md(entry.date)) | \(text) | |")
      case .failure: lines.append("| \(md(entry.date)) | | \(text) |")
      }
    }
    lines.append("")
    lines.append(tallySentence)
    if !entries.isEmpty {
      lines.append("")
      lines.append("## Notes")
      lines.append("")
      for entry in entries {
        lines.append(
          "\(entry.note). **\(ReportText.markdown(entry.name))**"
            + (entry.date.isEmpty ? "" : " (\(ReportText.markdown(entry.date)))") + ". "
            + entry.noteLines.map { ReportText.cell(ReportText.markdown(Self.sentence($0))) }
            .joined(separator: " "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` after `label` ("One could argue: …"), unless it already begins with the label's
  /// words ("One could argue that …").
  static func labelled(_ label: String, _ text: String) -> String {
    text.lowercased().hasPrefix(label.lowercased()) ? text : label + ": " + text
  }

  /// `text` ending as a sentence does.
  static func sentence(_ text: String) -> String {
    guard let last = text.last, !".?!…".contains(last) else { return text }
    return text + "."
  }

  /// The aim and its sub-aims in one sentence, by name.
  private func aimSentence(_ map: IndexedMap, text: (String) -> String) -> String {
    let aimNode = map.node(withID: aim)
    var sentence =
      (frame == .successes ? "The aim: " : "The thesis: ") + text(aimNode?.text ?? aim.rawValue)
    if !sentence.hasSuffix(".") { sentence += "." }
    if !subAims.isEmpty {
      sentence +=
        " Serving it: "
        + subAims.map { text(Self.name(map.node(withID: $0), $0)) }.joined(separator: "; ") + "."
    }
    return sentence
  }

  /// CSV with a header row, one line per entry (RFC 4180 quoting); ids stay, for spreadsheets
  /// that join the table back to the map.
  public func csv(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    var lines = [
      "date,column,id,title,text,bears_on,through,reasoning,details,corrections,sources,one_could_argue"
    ]
    for row in rows {
      let node = map.node(withID: row.evidence)
      let column =
        switch (frame, row.column) {
        case (.successes, let column): column.rawValue
        case (.factors, .success): "for"
        case (.factors, .failure): "against"
        }
      let fields = [
        row.date?.description ?? "", column, row.evidence.rawValue, Self.name(node, row.evidence),
        node?.text ?? "", row.bearsOn.rawValue, row.through?.rawValue ?? "",
        row.reasoning.joined(separator: " / "), row.details.map(\.rawValue).joined(separator: " "),
        (node?.flags ?? []).map(\.text).joined(separator: " / "),
        (node?.flags ?? []).flatMap(\.sources).joined(separator: " / "),
        row.counterpoints.map { map.node(withID: $0.node)?.text ?? $0.node.rawValue }.joined(
          separator: " / "),
      ]
      lines.append(fields.map(ReportText.csv).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A self-contained HTML page with the two-column table and its notes (no script, no
  /// Markdown: every text is escaped as HTML).
  public func html(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    let h = ReportText.html
    var body =
      "<h1>\(h(headings.title)): \(h(Self.name(map.node(withID: aim), aim)))</h1>\n"
      + "<p class=\"aim\">\(aimSentence(map, text: h))</p>\n"
    body +=
      "<table>\n<thead><tr><th>Date</th><th>\(h(headings.first))</th><th>\(h(headings.second))</th></tr></thead>\n<tbody>\n"
    let entries = entries(map)
    for (row, entry) in zip(rows, entries) {
      var cell =
        "<p><strong>\(h(entry.name))</strong></p><p>"
        + h(Self.sentence(entry.bearing + (entry.reason.isEmpty ? "" : ": " + entry.reason)))
        + "</p>"
      if !entry.parts.isEmpty {
        cell += "<p>" + Self.includes(entry.parts.map(h)) + "</p>"
      }
      for correction in entry.corrections {
        cell +=
          "<p class=\"correction\">" + h(Self.sentence("⚑ Correction: " + correction)) + "</p>"
      }
      for (point, reply) in entry.against {
        cell +=
          "<p class=\"against\">" + h(Self.sentence(Self.labelled("One could argue", point)))
          + (reply.map { " " + h(Self.sentence(Self.labelled("But", $0))) } ?? "") + "</p>"
      }
      cell += "<p class=\"ref\"><a href=\"#note-\(entry.note)\">note \(entry.note)</a></p>"
      let date = "<td><time>\(h(entry.date))</time></td>"
      switch row.column {
      case .success: body += "<tr>\(date)<td class=\"success\">\(cell)</td><td></td></tr>\n"
      case .failure: body += "<tr>\(date)<td></td><td class=\"failure\">\(cell)</td></tr>\n"
      }
    }
    body += "</tbody>\n</table>\n<p>\(h(tallySentence))</p>\n"
    if !entries.isEmpty {
      body += "<h2>Notes</h2>\n<ol class=\"notes\">\n"
      for entry in entries {
        body +=
          "<li id=\"note-\(entry.note)\"><strong>\(h(entry.name))</strong>"
          + (entry.date.isEmpty ? "" : " (\(h(entry.date)))") + ". "
          + entry.noteLines.map { h(Self.sentence($0)) }.joined(separator: " ") + "</li>\n"
      }
      body += "</ol>\n"
    }
    let style = """
      body{font-family:"Liberation Sans","DejaVu Sans",sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#111}
      table{border-collapse:collapse;width:100%}
      th,td{border:1px solid #444;vertical-align:top;padding:.3em .5em;text-align:left}
      td.success{border-left:4px solid #000}
      td.failure{border-left:4px dashed #000}
      td p{margin:.2em 0}
      th:first-child{width:7.5em}
      ol.notes li{margin:.3em 0}
      @media print{body{max-width:none;margin:0}thead{display:table-header-group}tr{break-inside:avoid}}
      """
    return
      "<!DOCTYPE html>\n<html lang=\"\(h(map.metadata.language ?? "en"))\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>\(h(map.metadata.title ?? headings.title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
      + body + "</body>\n</html>\n"
  }
}
