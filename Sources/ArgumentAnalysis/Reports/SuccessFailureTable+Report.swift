import ArgumentMap

extension SuccessFailureTable {
  /// A Markdown table in the essay's layout: Successes and Failures side by side, in date order,
  /// each entry with its reasoning, its parts, its corrections and what one could argue against it.
  public func markdown(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    var lines: [String] = []
    let aimNode = map.node(withID: aim)
    lines.append(
      "# Successes and failures: " + ReportText.markdownCell(aimNode?.text ?? aim.rawValue))
    lines.append("")
    if !subAims.isEmpty {
      lines.append(
        "Sub-aims: "
          + subAims.map { "`\($0)` " + ReportText.markdownCell(map.node(withID: $0)?.text ?? "") }
          .joined(separator: "; ") + ".")
      lines.append("")
    }
    lines.append("| Date | Successes | Failures |")
    lines.append("|---|---|---|")
    for row in rows {
      let entry = ReportText.cell(describe(row, map, separator: " ", text: ReportText.markdown))
      switch row.column {
      case .success: lines.append("| \(row.date?.description ?? "") | \(entry) | |")
      case .failure: lines.append("| \(row.date?.description ?? "") | | \(entry) |")
      }
    }
    lines.append("")
    lines.append("\(successes.count) successes, \(failures.count) failures.")
    return lines.joined(separator: "\n") + "\n"
  }

  /// CSV with a header row, one line per entry (RFC 4180 quoting).
  public func csv(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    var lines = [
      "date,column,id,text,bears_on,through,reasoning,details,corrections,one_could_argue"
    ]
    for row in rows {
      let node = map.node(withID: row.evidence)
      let fields = [
        row.date?.description ?? "", row.column.rawValue, row.evidence.rawValue, node?.text ?? "",
        row.bearsOn.rawValue, row.through?.rawValue ?? "", row.reasoning.joined(separator: " / "),
        row.details.map(\.rawValue).joined(separator: " "),
        (node?.flags ?? []).map(\.text).joined(separator: " / "),
        row.counterpoints.map { map.node(withID: $0.node)?.text ?? $0.node.rawValue }.joined(
          separator: " / "),
      ]
      lines.append(fields.map(ReportText.csv).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A self-contained HTML page with the two-column table.
  public func html(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    let aimText = map.node(withID: aim)?.text ?? aim.rawValue
    var body = "<h1>Successes and failures</h1>\n<p class=\"aim\">\(ReportText.html(aimText))</p>\n"
    body +=
      "<table>\n<thead><tr><th>Date</th><th>Successes</th><th>Failures</th></tr></thead>\n<tbody>\n"
    for row in rows {
      let entry =
        "<p>"
        + ReportText.html(describe(row, map, separator: "\n")).split(separator: "\n").joined(
          separator: "</p><p>") + "</p>"
      let date = "<td><time>\(ReportText.html(row.date?.description ?? ""))</time></td>"
      switch row.column {
      case .success: body += "<tr>\(date)<td class=\"success\">\(entry)</td><td></td></tr>\n"
      case .failure: body += "<tr>\(date)<td></td><td class=\"failure\">\(entry)</td></tr>\n"
      }
    }
    body += "</tbody>\n</table>\n"
    let style = """
      body{font-family:"Liberation Sans","DejaVu Sans",sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#111}
      table{border-collapse:collapse;width:100%}
      th,td{border:1px solid #444;vertical-align:top;padding:.3em .5em;text-align:left}
      td.success{border-left:4px solid #000}
      td.failure{border-left:4px dashed #000}
      td p{margin:.2em 0}
      """
    return
      "<!DOCTYPE html>\n<html lang=\"\(ReportText.html(map.metadata.language ?? "en"))\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>\(ReportText.html(map.metadata.title ?? "Successes and failures"))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
      + body + "</body>\n</html>\n"
  }

  /// One entry: the evidence, why it counts, its parts, corrections and counterpoints; the
  /// map's texts pass through `text` (Markdown escaping, for the Markdown table).
  private func describe(
    _ row: Row, _ map: IndexedMap, separator: String, text: (String) -> String = { $0 }
  ) -> String {
    let node = map.node(withID: row.evidence)
    var parts = [text(node?.text ?? row.evidence.rawValue) + " [\(row.evidence)]"]
    var why = "Bears on `\(row.bearsOn)`"
    if let through = row.through { why += " through `\(through)`" }
    if !row.reasoning.isEmpty { why += ": " + row.reasoning.map(text).joined(separator: "; ") }
    parts.append(why + ".")
    if !row.details.isEmpty {
      parts.append(
        "Includes: "
          + row.details.map { id in
            let detail = map.node(withID: id)
            return (detail?.date.map { "\($0) " } ?? "") + text(detail?.text ?? id.rawValue)
          }.joined(separator: "; ") + ".")
    }
    for flag in node?.flags ?? [] { parts.append("⚑ Correction: " + text(flag.text) + ".") }
    for point in row.counterpoints {
      var argument =
        "One could argue: " + text(map.node(withID: point.node)?.text ?? point.node.rawValue)
      if !point.replies.isEmpty {
        argument +=
          "; but: "
          + point.replies.map { text(map.node(withID: $0)?.text ?? $0.rawValue) }
          .joined(separator: "; ")
      }
      parts.append(argument + ".")
    }
    return parts.joined(separator: separator)
  }
}
