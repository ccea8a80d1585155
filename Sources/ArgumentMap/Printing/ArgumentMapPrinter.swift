/// Prints a map as canonical `.argmap` text: the form `argmap fmt` writes.
///
/// The output re-parses to the same map, comments included. Canonical means: front matter keys
/// in the order title, author, date, language, then the others as written; one blank line between
/// nodes; two spaces of indentation; under each node its sources, tags, notes and strength, then
/// its flags, then its links; LF line endings.
public enum ArgumentMapPrinter {
  /// The canonical text of `map`.
  ///
  /// - Complexity: O(*n*) in the size of the map.
  public static func print(_ map: ArgumentMap) -> String {
    var out = ""
    out.reserveCapacity(map.nodes.count * 96)
    let metadata = map.metadata
    if !metadata.isEmpty {
      out += "---\n"
      if let title = metadata.title { out += "title: \(title)\n" }
      if let author = metadata.author { out += "author: \(author)\n" }
      if let date = metadata.date { out += "date: \(date)\n" }
      if let language = metadata.language { out += "language: \(language)\n" }
      for entry in metadata.extra { out += "\(entry.key): \(entry.value)\n" }
      out += "---\n"
    }
    for (position, node) in map.nodes.enumerated() {
      if position > 0 || !metadata.isEmpty { out += "\n" }
      write(node, to: &out)
    }
    if !map.trailingComments.isEmpty {
      if !out.isEmpty { out += "\n" }
      writeComments(map.trailingComments, indent: "", to: &out)
    }
    return out
  }

  static func write(_ node: Node, to out: inout String) {
    writeComments(node.comments, indent: "", to: &out)
    out += node.kind.keyword
    out += " "
    out += node.id.rawValue
    if let date = node.date { out += " (\(date))" }
    out += ": "
    out += node.text
    out += "\n"
    if let title = node.title { out += "  title: \(title)\n" }
    for source in node.sources { out += "  source: \(source)\n" }
    if !node.tags.isEmpty { out += "  tags: \(node.tags.joined(separator: ", "))\n" }
    for note in node.notes { out += "  note: \(note)\n" }
    if let strength = node.strength { out += "  strength: \(format(strength))\n" }
    for flag in node.flags {
      writeComments(flag.comments, indent: "  ", to: &out)
      out += "  ! \(flag.text)\n"
      for source in flag.sources { out += "    source: \(source)\n" }
    }
    for link in node.links {
      writeComments(link.comments, indent: "  ", to: &out)
      out += "  "
      out.append(link.relation.sign)
      out += " "
      switch link.target {
      case .node(let id): out += id.rawValue
      case .link(let from, let to): out += "\(from) -> \(to)"
      }
      if let scope = link.scope { out += " [\(scope)]" }
      if let strength = link.strength { out += " (\(format(strength)))" }
      if let reasoning = link.reasoning, !reasoning.isEmpty { out += ": \(reasoning)" }
      out += "\n"
    }
    writeComments(node.trailingComments, indent: "  ", to: &out)
  }

  static func writeComments(_ comments: [String], indent: String, to out: inout String) {
    for comment in comments {
      out += indent
      out += comment.isEmpty ? "#\n" : "# \(comment)\n"
    }
  }

  /// Numbers as written by hand: `1`, `0.75`, never `1.0`.
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
