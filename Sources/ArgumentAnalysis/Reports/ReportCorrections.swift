import ArgumentMap

/// The factual corrections (flags) of the statements a report names, in the order it names them.
///
/// A map may hold an essay's slips as the essay wrote them, each flagged with the correct fact.
/// A report read on its own (an evaluation, an essay plan, a comparison) must then say what is
/// true wherever it names such a statement, or it repeats the slip as fact.
struct ReportCorrections {
  /// One flag of one statement.
  struct Entry {
    var id: NodeID
    /// The statement as the report names it.
    var statement: String
    var flag: Flag
  }

  var entries: [Entry] = []

  /// The flags of the statements `ids` (each once, in order), each statement named by its first
  /// sentence, cut to a line (`ReportText.firstSentence`).
  init(_ ids: some Sequence<NodeID>, in map: IndexedMap) {
    var seen: Set<NodeID> = []
    for id in ids where seen.insert(id).inserted {
      guard let node = map.node(withID: id) else { continue }
      let named = ReportText.firstSentence(node.text)
      entries += node.flags.map { Entry(id: id, statement: named, flag: $0) }
    }
  }

  var isEmpty: Bool { entries.isEmpty }

  /// What a ⚑ beside a statement means, for the reports that mark them.
  static let markedIntro = "⚑ marks a statement as written whose facts the map corrects:"

  /// " (Source: a)" or " (Sources: a; b)", escaped by `escape`, or nothing.
  static func sources(_ flag: Flag, _ escape: (String) -> String) -> String {
    guard !flag.sources.isEmpty else { return "" }
    return " (" + (flag.sources.count == 1 ? "Source: " : "Sources: ")
      + flag.sources.map(escape).joined(separator: "; ") + ")"
  }

  /// One line per correction: "⚑ statement: correction (Sources: …)".
  func textLines() -> [String] {
    entries.map { "⚑ \($0.statement): \($0.flag.text)" + Self.sources($0.flag, { $0 }) }
  }

  /// A "Corrections" section of Markdown list items after `intro`, or nothing.
  func markdown(heading: String = "## Corrections", intro: String? = nil) -> [String] {
    guard !isEmpty else { return [] }
    var lines = [heading, ""]
    if let intro { lines += [intro, ""] }
    return lines + markdownItems()
  }

  /// A Markdown list item per correction: "- ⚑ statement: correction (Source: …)".
  func markdownItems() -> [String] {
    entries.map { entry in
      "- ⚑ \(ReportText.markdown(entry.statement)): \(ReportText.markdown(entry.flag.text))"
        + Self.sources(entry.flag, ReportText.markdown)
    }
  }

  /// A "Corrections" section as HTML after `intro`, or nothing.
  func html(heading: String = "h2", intro: String? = nil) -> String {
    guard !isEmpty else { return "" }
    var body = "<\(heading)>Corrections</\(heading)>\n"
    if let intro { body += "<p>\(ReportText.html(intro))</p>\n" }
    body += "<ul class=\"corrections\">\n"
    for entry in entries {
      body +=
        "<li>⚑ \(ReportText.html(entry.statement)): \(ReportText.html(entry.flag.text))"
        + Self.sources(entry.flag, ReportText.html) + "</li>\n"
    }
    return body + "</ul>\n"
  }

  /// The corrections as a JSON array of `{"id", "correction", "sources"}`.
  func json() -> String {
    let items = entries.map { entry in
      "{\"id\": \(JSONText.quote(entry.id.rawValue)), \"correction\": \(JSONText.quote(entry.flag.text)), "
        + "\"sources\": \(JSONText.array(entry.flag.sources))}"
    }
    return "[" + items.joined(separator: ", ") + "]"
  }
}
