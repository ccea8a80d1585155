import ArgumentMap

/// Exports argument maps as a Kialo plain-text discussion (the format `KialoImporter` reads).
///
/// Main aims become theses (or, without any, the nodes that link to nothing). Under each node
/// come the nodes that support it (`Pro:`) or oppose it (`Con:`), depth first in map order; a
/// node met a second time is written `-> See N.`. Kialo is a tree of pro and con claims only, so
/// undercuts, kinds other than thesis/claim/counterclaim, titles, dates, sources, tags, notes,
/// strengths, flags, comments and the links' details are reported, as are nodes that no thesis
/// reaches.
public enum KialoExporter {
  /// How deep the outline may go before the rest is left out (and reported).
  static let maxDepth = 200

  /// Exports a map as Kialo text.
  ///
  /// - Parameter map: The map.
  /// - Returns: The text and a warning for everything Kialo cannot hold.
  public static func export(_ map: ArgumentMap) -> ExportResult {
    var diagnostics: [Diagnostic] = []
    func loss(_ message: String) {
      diagnostics.append(DiagnosticMessages.exportLoss("Kialo", message))
    }

    var children: [NodeID: [(NodeID, Relation)]] = [:]
    var linksToNodes = Set<NodeID>()
    for node in map.nodes {
      for link in node.links {
        switch link.target {
        case .node(let target):
          children[target, default: []].append((node.id, link.relation))
          linksToNodes.insert(node.id)
        case .link(let from, let to):
          loss(
            "the undercut by '\(node.id)' of the link '\(from)' -> '\(to)' has no counterpart; left out"
          )
        }
        if link.reasoning != nil || link.scope != nil || link.strength != nil
          || !link.comments.isEmpty
        {
          loss(
            "the reasoning, scope, strength or comments of the link from '\(node.id)' to \(link.target.nodeIDs.map { "'\($0)'" }.joined(separator: " -> ")) have no counterpart; left out"
          )
        }
      }
    }
    var roots = map.mainAims.map(\.id)
    if roots.isEmpty { roots = map.nodes.filter { !linksToNodes.contains($0.id) }.map(\.id) }
    var byID: [NodeID: Node] = [:]
    for node in map.nodes where byID[node.id] == nil { byID[node.id] = node }

    var output =
      "Discussion Title: \(escaped(map.metadata.title ?? map.nodes.first?.text ?? "Untitled"))\n\n"
    var numberOf: [NodeID: String] = [:]
    var readBack: [NodeID: NodeKind] = [:]

    func write(_ id: NodeID, number: String, stance: Relation?, depth: Int) {
      guard depth <= maxDepth else {
        loss("the outline under '\(id)' is deeper than \(maxDepth) levels; the rest is left out")
        return
      }
      let prefix = number + " " + (stance.map { $0 == .supports ? "Pro: " : "Con: " } ?? "")
      if let seen = numberOf[id] {
        output += prefix + "-> See \(seen)\n"
        return
      }
      numberOf[id] = number
      readBack[id] = stance == nil ? .mainAim : stance == .opposes ? .counterclaim : .claim
      output += prefix + escaped(byID[id]?.text ?? "") + "\n"
      for (offset, child) in (children[id] ?? []).enumerated() {
        write(child.0, number: number + "\(offset + 1).", stance: child.1, depth: depth + 1)
      }
    }
    for (offset, root) in roots.enumerated() {
      write(root, number: "\(offset + 1).", stance: nil, depth: 0)
    }

    for node in map.nodes {
      let id = node.id
      guard let kind = readBack[id] else {
        loss("'\(id)' is not reached from a thesis by pro or con links; left out")
        continue
      }
      if node.kind != kind {
        loss(
          "'\(id)' is of kind \(node.kind.displayName); Kialo reads it back as \(kind.displayName)")
      }
      var lost: [String] = []
      if node.title != nil { lost.append("title") }
      if node.date != nil { lost.append("date") }
      if !node.sources.isEmpty { lost.append("sources") }
      if !node.tags.isEmpty { lost.append("tags") }
      if !node.notes.isEmpty { lost.append("notes") }
      if node.strength != nil { lost.append("strength") }
      if !node.flags.isEmpty { lost.append("flags") }
      if !node.comments.isEmpty || !node.trailingComments.isEmpty { lost.append("comments") }
      if !lost.isEmpty {
        loss("'\(id)' has no counterpart for its \(lost.joined(separator: ", ")); left out")
      }
    }
    return ExportResult(text: output, diagnostics: diagnostics)
  }

  /// Text on one line with backslashes and parentheses escaped, as Kialo writes them; the
  /// target of a Markdown link (`[text](https://...)`) is written as it is, or the link would
  /// break.
  static func escaped(_ text: String) -> String {
    var result = ""
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == "(",
        let close = linkTargetEnd(scalars, from: index + 1)
      {
        result.unicodeScalars.append(contentsOf: scalars[index...close])
        index = close + 1
        continue
      }
      switch scalar {
      case "\\", "(", ")": result += "\\"
      case "\n", "\r":
        result += " "
        index += 1
        continue
      default: break
      }
      result.unicodeScalars.append(scalar)
      index += 1
    }
    return result
  }

  /// The `)` that closes a link target opening at `open` (its parentheses balanced, as in
  /// `.../Pact_(1939)`), or `nil` when there is none or the target holds a space or line break.
  private static func linkTargetEnd(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
    var depth = 0
    var index = open
    while index < scalars.count {
      switch scalars[index] {
      case "(": depth += 1
      case ")":
        depth -= 1
        if depth == 0 { return index > open + 1 ? index : nil }
      case " ", "\n", "\r", "\\": return nil
      default: break
      }
      index += 1
    }
    return nil
  }
}
