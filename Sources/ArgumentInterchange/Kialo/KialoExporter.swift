import ArgumentMap

/// Exports argument maps as a Kialo plain-text discussion (the format `KialoImporter` reads).
///
/// Main aims become theses, and so does whatever they do not reach
/// (`theses(of:children:parents:)`). Under each node come the nodes that support it (`Pro:`) or
/// oppose it (`Con:`), depth first in map order; a node met a second time is written
/// `-> See N.`. A node's flags (factual corrections) come first under it, each a `Con:` leaf
/// `Correction: text (Sources: a; b)`, so a Kialo reader meets the correction right under the
/// slip and the importer reads it back as a flag. Kialo is a tree of pro and con claims only: an
/// undercut of the link from A to B is written as a `Con:` under A (a con of a claim is how Kialo
/// questions its bearing on its parent), reported, since it reads back as opposing A; kinds
/// other than thesis/claim/counterclaim, titles, dates, sources, tags, notes, strengths, comments
/// and the links' details are reported.
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
    var parents: [NodeID: [NodeID]] = [:]
    for node in map.nodes {
      for link in node.links {
        switch link.target {
        case .node(let target):
          children[target, default: []].append((node.id, link.relation))
          parents[node.id, default: []].append(target)
        case .link(let from, let to):
          // Kialo weighs how much a claim bears on its parent by the cons under it, so an attack
          // on the inference from `from` to `to` stands under `from` as a con.
          if from != node.id, children[from]?.contains(where: { $0.0 == node.id }) != true {
            children[from, default: []].append((node.id, .opposes))
            parents[node.id, default: []].append(from)
          }
          loss(
            "the undercut by '\(node.id)' of the link '\(from)' -> '\(to)' is written as a Con of '\(from)' and reads back as opposing it"
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
    let roots = theses(of: map, children: children, parents: parents)
    var byID: [NodeID: Node] = [:]
    for node in map.nodes where byID[node.id] == nil { byID[node.id] = node }

    let title = KialoImporter.titleText(map.metadata.title ?? map.nodes.first?.text ?? "Untitled")
    var output = "Discussion Title: \(escaped(title))\n\n"
    let outline = Outline(map, children: children, roots: roots)
    var readBack: [NodeID: NodeKind] = [:]
    for entry in outline.entries {
      guard entry.depth <= maxDepth else {
        loss(
          "the outline under '\(entry.parent?.rawValue ?? "")' is deeper than \(maxDepth) levels; the rest is left out"
        )
        continue
      }
      let prefix =
        entry.number + " " + (entry.stance.map { $0 == .supports ? "Pro: " : "Con: " } ?? "")
      if let home = entry.seeAlso {
        output += prefix + "-> See \(home)\n"
        continue
      }
      if let flag = entry.flag {
        output += prefix + correction(flag) + "\n"
        continue
      }
      readBack[entry.id] =
        entry.stance == nil ? .mainAim : entry.stance == .opposes ? .counterclaim : .claim
      output += prefix + escaped(byID[entry.id]?.text ?? "") + "\n"
    }

    // As the importer does, a thesis that also stands under a claim reads back as a claim.
    let readAsClaims = KialoImporter.thesesReadAsClaims(
      roots.filter { readBack[$0] == .mainAim }, kinds: readBack
    ) { byID[$0]?.links ?? [] }
    for (id, kind) in readAsClaims { readBack[id] = kind }
    for node in map.nodes {
      let id = node.id
      guard let kind = readBack[id] else {
        loss("'\(id)' lies deeper than \(maxDepth) levels in the outline; left out")
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
      if !node.comments.isEmpty || !node.trailingComments.isEmpty
        || node.flags.contains(where: { !$0.comments.isEmpty })
      {
        lost.append("comments")
      }
      if node.flags.contains(where: { !CorrectionText.isWritable($0) }) {
        loss("a flag of '\(id)' has no text; left out")
      }
      if !lost.isEmpty {
        loss("'\(id)' has no counterpart for its \(lost.joined(separator: ", ")); left out")
      }
    }
    return ExportResult(text: output, diagnostics: diagnostics)
  }

  /// A flag as Kialo text, `Correction: text (Sources: a; b)` (the sources part only when it has
  /// some), escaped as claims are; in a source `; ` is written `\; `, so that only the
  /// separators and the parentheses around the sources are bare, which is how
  /// `KialoImporter.flag(fromWritten:)` finds them.
  static func correction(_ flag: Flag) -> String {
    var text = CorrectionText.prefix + escaped(flag.text)
    let sources = flag.sources.filter { !$0.trimmingCharacters(in: " \t").isEmpty }
    if !sources.isEmpty {
      text += KialoImporter.sourcesOpener + sources.map(escapedSource).joined(separator: "; ") + ")"
    }
    return text
  }

  /// A source escaped as a claim's text, and each `; ` in it as `\; `, which is not a separator.
  private static func escapedSource(_ source: String) -> String {
    let scalars = Array(escaped(source).unicodeScalars)
    var result = ""
    for (index, scalar) in scalars.enumerated() {
      if scalar == ";", index + 1 < scalars.count, scalars[index + 1] == " " { result += "\\" }
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// The outline's theses: the main aims, then the nodes that no thesis so far reaches and that
  /// support or oppose nothing, then one node of each cycle that none of those reaches, so that a
  /// debate whose theses oppose each other (A opposes B, B opposes A) is not left out whole. A
  /// cycle gives its node first in map order. Theses come in map order, as the importer reads
  /// them, so that a map exported, imported and exported again gives the same text; one that an
  /// earlier thesis reaches is left to stand under it.
  static func theses(
    of map: ArgumentMap, children: [NodeID: [(NodeID, Relation)]], parents: [NodeID: [NodeID]]
  ) -> [NodeID] {
    var rank: [NodeID: Int] = [:]
    for node in map.nodes where rank[node.id] == nil { rank[node.id] = rank.count }
    let aims = map.mainAims.map(\.id)
    var reached = Set<NodeID>()
    func reach(from root: NodeID) {
      guard reached.insert(root).inserted else { return }
      var queue = [root]
      while let id = queue.popLast() {
        for child in children[id] ?? [] where reached.insert(child.0).inserted {
          queue.append(child.0)
        }
      }
    }
    aims.forEach(reach)
    var roots: [NodeID] = []
    for node in map.nodes where parents[node.id] == nil && !reached.contains(node.id) {
      roots.append(node.id)
      reach(from: node.id)
    }
    // A node not reached has a parent, none of them reached either: following first parents
    // from it must come round to a node already on the way, which closes a cycle.
    for node in map.nodes where !reached.contains(node.id) {
      var way: [NodeID] = []
      var place: [NodeID: Int] = [:]
      var current = node.id
      while place[current] == nil, let parent = parents[current]?.first {
        place[current] = way.count
        way.append(current)
        current = parent
      }
      let cycle = place[current].map { way[$0...] } ?? [current]
      let root = cycle.min { rank[$0, default: 0] < rank[$1, default: 0] } ?? current
      roots.append(root)
      reach(from: root)
    }
    // In map order, a thesis that an earlier one reaches is written under it, not again at the
    // top, where it could only be `-> See`, which Kialo places under nothing.
    reached = []
    var theses: [NodeID] = []
    for root in Set(aims + roots).sorted(by: { rank[$0, default: 0] < rank[$1, default: 0] })
    where !reached.contains(root) {
      theses.append(root)
      reach(from: root)
    }
    return theses
  }

  /// The numbered outline: each claim written in full once, where the map's order puts it, and
  /// `-> See N.` everywhere else, siblings in the order the map's `kialo.order` entry keeps.
  struct Outline {
    struct Entry {
      var number: String
      var stance: Relation?
      var id: NodeID
      var parent: NodeID?
      var depth: Int
      /// The number where the claim is written in full, for a `-> See` entry.
      var seeAlso: String?
      /// For a correction, the flag of `id` it writes.
      var flag: Flag?
    }
    private(set) var entries: [Entry] = []

    init(_ map: ArgumentMap, children: [NodeID: [(NodeID, Relation)]], roots: [NodeID]) {
      let order = Self.writtenOrder(map)
      var flags: [NodeID: [Flag]] = [:]
      for node in map.nodes where flags[node.id] == nil {
        flags[node.id] = node.flags.filter(CorrectionText.isWritable)
      }
      func claims(of id: NodeID) -> [(NodeID, Relation)] {
        var rest = children[id] ?? []
        guard let listed = order[id] else { return rest }
        var ordered: [(NodeID, Relation)] = []
        for child in listed {
          if let at = rest.firstIndex(where: { $0.0 == child }) {
            ordered.append(rest.remove(at: at))
          }
        }
        return ordered + rest
      }
      // Kialo writes each claim in full once, and the claims written in full come in map order
      // (the importer's order). So a claim is written in full where it is the next in that
      // order, elsewhere `-> See`. If that misses a claim (a map not in outline order), each is
      // written in full where it is first met instead.
      var reachable = Set(roots)
      var queue = roots
      while let id = queue.popLast() {
        for child in children[id] ?? [] where reachable.insert(child.0).inserted {
          queue.append(child.0)
        }
      }
      var rank: [NodeID: Int] = [:]
      for node in map.nodes where reachable.contains(node.id) && rank[node.id] == nil {
        rank[node.id] = rank.count
      }
      for firstMet in [false, true] {
        var entries: [Entry] = []
        var full: [NodeID: String] = [:]
        var met = Set<NodeID>()
        func visit(_ id: NodeID, number: String, stance: Relation?, parent: NodeID?, depth: Int) {
          met.insert(id)
          // A thesis is written in full: no earlier thesis reaches it (`theses(of:)`), and at the
          // top `-> See` would stand under nothing.
          let writesInFull = full[id] == nil && (firstMet || depth == 0 || rank[id] == full.count)
          entries.append(
            Entry(
              number: number, stance: stance, id: id, parent: parent, depth: depth,
              seeAlso: writesInFull ? nil : ""))
          guard writesInFull, depth <= KialoExporter.maxDepth else { return }
          full[id] = number
          // The corrections first, right under the claim they correct.
          let corrections = flags[id] ?? []
          for (offset, flag) in corrections.enumerated() {
            entries.append(
              Entry(
                number: number + "\(offset + 1).", stance: .opposes, id: id, parent: id,
                depth: depth + 1, flag: flag))
          }
          for (offset, child) in claims(of: id).enumerated() {
            visit(
              child.0, number: number + "\(corrections.count + offset + 1).", stance: child.1,
              parent: id, depth: depth + 1)
          }
        }
        for (offset, root) in roots.enumerated() {
          visit(root, number: "\(offset + 1).", stance: nil, parent: nil, depth: 0)
        }
        if !firstMet, met.contains(where: { full[$0] == nil }) { continue }
        for index in entries.indices where entries[index].seeAlso != nil {
          entries[index].seeAlso = full[entries[index].id] ?? ""
        }
        self.entries = entries
        return
      }
    }

    /// The `kialo.order` entry read back: each parent's claims in written order.
    private static func writtenOrder(_ map: ArgumentMap) -> [NodeID: [NodeID]] {
      guard let entry = map.metadata.extra.first(where: { $0.key == KialoImporter.orderKey }),
        let members = ArgdownYAML.parseFlowMapping(entry.value)
      else { return [:] }
      var order: [NodeID: [NodeID]] = [:]
      for (parent, value) in members {
        guard let claims = value.scalarList else { continue }
        order[NodeID(parent)] = claims.map { NodeID($0) }
      }
      return order
    }
  }

  /// Text on one line with backslashes and parentheses escaped, as Kialo writes them; the
  /// target of a Markdown link (`[text](https://...)`) is written as it is, or the link would
  /// break. A text that starts with `-> See ` gets a backslash, or it would read back as a
  /// cross-link instead of a claim, and one that starts with `Pro:` or `Con:` gets one before its
  /// colon, or at the top it would read back as a stance; so does one that starts with
  /// `Correction: `, or it could read back as a flag.
  static func escaped(_ text: String) -> String {
    var result = text.hasPrefix("-> See ") ? "\\" : ""
    var scalars = Array(text.unicodeScalars)
    // "Correction: " at the start would read back as a flag: its colon is escaped.
    if CorrectionText.starts(text) {
      let colon = CorrectionText.prefix.unicodeScalars.count - 2
      result += String(String.UnicodeScalarView(scalars.prefix(colon))) + "\\"
      scalars.removeFirst(colon)
    }
    // "Pro:" or "Con:" at the start would read back as a thesis's stance: its colon is escaped.
    if text.hasPrefix("Pro:") || text.hasPrefix("Con:") {
      result += String(String.UnicodeScalarView(scalars.prefix(3))) + "\\:"
      scalars.removeFirst(4)
    }
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
