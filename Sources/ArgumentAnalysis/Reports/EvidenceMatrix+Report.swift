import ArgumentMap

extension EvidenceMatrix {
  /// What a cell says, before its reasons: a mark that survives greyscale and a word.
  package static func label(_ judgement: Judgement) -> String {
    switch judgement {
    case .consistent: "✓ consistent"
    case .inconsistent: "✗ inconsistent"
    case .neutral: "~ neutral"
    case .notUsed: "– not used"
    }
  }

  /// The evidence as a row names it: the first sentence (or text), at most 14 words.
  static func evidenceText(_ node: Node?, _ id: NodeID) -> String {
    node.map { ReportText.firstSentence($0.text) } ?? id.rawValue
  }

  /// The column headings: each interpretation's short name.
  private func headings(_ map: IndexedMap) -> [String] {
    interpretations.map { ReportText.shortName(map.node(withID: $0), $0) }
  }

  /// The factual corrections (flags) on the rows' evidence, with their sources, in row order.
  private func corrections(_ map: IndexedMap) -> ReportCorrections {
    ReportCorrections(rows.map(\.evidence), in: map)
  }

  /// The matrix as Markdown: a table, the diagnostic evidence, the tally, the corrections.
  public func markdown(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    let names = headings(map)
    var lines: [String] = []
    lines.append(
      "# Evidence matrix: "
        + names.map { "\u{201C}\(ReportText.markdown($0))\u{201D}" }.joined(separator: " and "))
    lines.append("")
    if let title = map.metadata.title { lines += ["*\(ReportText.markdown(title))*", ""] }
    lines.append(
      "How each reading takes each piece of evidence, in date order, with the map's reasons. "
        + "◆ marks diagnostic evidence: consistent with one reading and inconsistent with another. "
        + "⇄ marks evidence read two ways. ⚑ marks evidence the map corrects (see below).")
    lines.append("")
    lines.append(
      "| Date | Evidence | " + names.map(ReportText.markdownCell).joined(separator: " | ") + " |")
    lines.append("|---|---|" + String(repeating: "---|", count: names.count))
    for row in rows {
      let node = map.node(withID: row.evidence)
      var evidence = ReportText.markdownCell(Self.evidenceText(node, row.evidence))
      if row.isDiagnostic { evidence = "◆ **" + evidence + "**" }
      if row.isReadTwoWays { evidence += " ⇄" }
      if node?.isFlagged ?? false { evidence += " ⚑" }
      let cells = row.cells.map { cell in
        var text = Self.label(cell.judgement)
        if !cell.reasons.isEmpty {
          text +=
            ": "
            + ReportText.markdownCell(
              ReportText.cut(cell.reasons.joined(separator: "; "), words: 25))
        }
        return text
      }
      lines.append(
        "| \(node?.date?.description ?? "") | \(evidence) | " + cells.joined(separator: " | ")
          + " |")
    }
    lines.append("")
    lines.append("## Diagnostic evidence")
    lines.append("")
    let diagnostic = diagnosticRows
    if diagnostic.isEmpty {
      let partial = rows.filter { row in row.cells.contains { $0.judgement == .notUsed } }
      let twoWays = rows.filter(\.isReadTwoWays)
      var differences: [String] = []
      if !partial.isEmpty {
        differences.append(
          "They differ in the evidence they choose: \(partial.count) of the \(rows.count) "
            + "pieces are not used by every reading (the \u{201C}not used\u{201D} cells).")
      }
      if !twoWays.isEmpty {
        differences.append(
          (twoWays.count == 1 ? "One piece is" : "\(twoWays.count) pieces are")
            + " read two ways (\u{21C4}), by each reading for its own side.")
      }
      if differences.isEmpty {
        differences.append("The readings take every piece of evidence the same way.")
      }
      lines.append(
        "None: no piece of evidence is consistent with one reading and inconsistent with another. "
          + differences.joined(separator: " "))
    }
    for row in diagnostic {
      let node = map.node(withID: row.evidence)
      let date = node?.date.map { "\($0): " } ?? ""
      let sides = zip(names, row.cells).map { name, cell in
        "\(ReportText.markdown(name)) \(cell.judgement.rawValue)"
      }
      lines.append(
        "- \(date)\(ReportText.markdown(Self.evidenceText(node, row.evidence))) ("
          + sides.joined(separator: ", ") + ")")
    }
    lines.append("")
    lines.append("## Tally")
    lines.append("")
    for (name, counts) in zip(names, tally) {
      lines.append(
        "- \(ReportText.markdown(name)): \(counts.consistent) consistent, "
          + "\(counts.inconsistent) inconsistent, of \(rows.count)")
    }
    let corrections = corrections(map)
    if !corrections.isEmpty { lines += [""] + corrections.markdown() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The matrix as a self-contained HTML page (no script), readable in greyscale: every cell
  /// carries a mark and a word, not colour alone.
  public func html(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    let names = headings(map)
    var body =
      "<h1>Evidence matrix: "
      + names.map { "\u{201C}\(ReportText.html($0))\u{201D}" }.joined(separator: " and ")
      + "</h1>\n"
    if let title = map.metadata.title { body += "<p class=\"map\">\(ReportText.html(title))</p>\n" }
    body +=
      "<p>How each reading takes each piece of evidence, in date order, with the map's reasons. "
      + "◆ marks diagnostic evidence: consistent with one reading and inconsistent with another. "
      + "⇄ marks evidence read two ways. ⚑ marks evidence the map corrects.</p>\n"
    body += "<table>\n<thead><tr><th>Date</th><th>Evidence</th>"
    for name in names { body += "<th>\(ReportText.html(name))</th>" }
    body += "</tr></thead>\n<tbody>\n"
    for row in rows {
      let node = map.node(withID: row.evidence)
      body += "<tr\(row.isDiagnostic ? " class=\"diagnostic\"" : "")>"
      body += "<td><time>\(ReportText.html(node?.date?.description ?? ""))</time></td><td>"
      if row.isDiagnostic { body += "<span class=\"mark\">◆</span> " }
      body += ReportText.html(Self.evidenceText(node, row.evidence))
      if row.isReadTwoWays { body += " <span class=\"mark\" title=\"read two ways\">⇄</span>" }
      if node?.isFlagged ?? false { body += " <span class=\"mark\" title=\"corrected\">⚑</span>" }
      body += "</td>"
      for cell in row.cells {
        let kind = cell.judgement.rawValue.replacingAll(" ", with: "-")
        body +=
          "<td class=\"\(kind)\"><strong>\(ReportText.html(Self.label(cell.judgement)))</strong>"
        if !cell.reasons.isEmpty {
          body +=
            "<br>"
            + ReportText.html(ReportText.cut(cell.reasons.joined(separator: "; "), words: 25))
        }
        body += "</td>"
      }
      body += "</tr>\n"
    }
    // The tally as the last row, not a <tfoot>, which print repeats on every page.
    body += "<tr class=\"tally\"><th colspan=\"2\">Consistent / inconsistent</th>"
    for counts in tally { body += "<td>\(counts.consistent) / \(counts.inconsistent)</td>" }
    body += "</tr>\n</tbody>\n</table>\n"
    body += corrections(map).html()
    let style = """
      body{font-family:"Liberation Sans","DejaVu Sans",sans-serif;max-width:75em;margin:1em auto;padding:0 1em;color:#111}
      table{border-collapse:collapse;width:100%;font-size:.95em}
      th,td{border:1px solid #444;padding:.3em .4em;vertical-align:top;text-align:left}
      thead th,tr.tally th,tr.tally td{background:#eee}
      tr.tally{border-top:2px solid #000}
      tr.diagnostic td{border-top:3px solid #000;border-bottom:3px solid #000}
      td.inconsistent strong{font-style:italic}
      td.not-used{color:#555}
      .mark{font-weight:bold}
      time{font-variant-numeric:tabular-nums;white-space:nowrap}
      @media print{body{max-width:none;margin:0}thead{display:table-header-group}tr{break-inside:avoid}}
      """
    return
      "<!DOCTYPE html>\n<html lang=\"\(ReportText.html(map.metadata.language ?? "en"))\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>\(ReportText.html("Evidence matrix" + (map.metadata.title.map { ": " + $0 } ?? "")))</title>\n"
      + "<style>\n\(style)\n</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n"
  }
}
