import ArgumentMap

/// Builds the AIF document for `AIFExporter`.
struct AIFGraphWriter {
  private let map: ArgumentMap
  private var diagnostics: [Diagnostic] = []
  private var nodes: [JSONValue] = []
  private var edges: [JSONValue] = []
  private var ids = IDAllocator()
  private var edgeCount = 0
  private var counters: [String: Int] = [:]

  init(map: ArgumentMap) {
    self.map = map
    for node in map.nodes { _ = ids.reserve(node.id.rawValue) }
  }

  private mutating func loss(_ message: String) {
    diagnostics.append(DiagnosticMessages.exportLoss("AIF", message))
  }

  private mutating func node(_ id: String, _ text: String, _ type: String, scheme: String? = nil) {
    var members: [(String, JSONValue)] = [
      ("nodeID", .string(id)), ("text", .string(text)), ("type", .string(type)),
    ]
    if let scheme { members.append(("scheme", .string(scheme))) }
    nodes.append(.object(members))
  }

  /// An RA or CA: its text is the reasoning (a link's, or the text of an argument node with
  /// linked premises), or the default text of its type. A reasoning that the importer would take
  /// for a generic text (`RA`, `YA_...`) is also written as the `scheme`, which the importer reads
  /// first, so it is not lost.
  private mutating func schemeNode(_ id: String, _ type: String, reasoning: String?) {
    let text = reasoning ?? (type == "RA" ? "Default Inference" : "Default Conflict")
    let scheme = reasoning.flatMap { AIFImporter.isGeneric(schemeText: $0) ? $0 : nil }
    node(id, text, type, scheme: scheme)
  }

  private mutating func edge(_ from: String, _ to: String) {
    edgeCount += 1
    edges.append(
      .object([
        ("edgeID", .string("e\(edgeCount)")), ("fromID", .string(from)), ("toID", .string(to)),
        ("formEdgeID", .null),
      ]))
  }

  /// The next free id `prefix-N` (`ra-1`, `ra-2`, ...), skipping ids the map already uses;
  /// one counter per prefix keeps this linear in the number of scheme nodes.
  private mutating func freshID(_ prefix: String) -> String {
    while true {
      let next = (counters[prefix] ?? 0) + 1
      counters[prefix] = next
      let candidate = "\(prefix)-\(next)"
      if ids.reserve(candidate) { return candidate }
    }
  }

  /// Whether a node is written as one scheme node with linked premises.
  private static func isLinkedArgument(_ node: Node, premiseCount: Int) -> Bool {
    guard node.tags == [ArgdownImporter.argumentTag], node.kind == .claim, premiseCount >= 2,
      node.date == nil, node.sources.isEmpty, node.notes.isEmpty, node.strength == nil,
      node.flags.isEmpty, node.comments.isEmpty, node.trailingComments.isEmpty, !node.links.isEmpty
    else { return false }
    let relations = Set(node.links.map(\.relation))
    guard relations.count == 1, relations.first != .undercuts else { return false }
    return node.links.allSatisfy { link in
      guard case .node = link.target else { return false }
      return link.scope == nil && link.strength == nil && link.reasoning == nil
        && link.comments.isEmpty
    }
  }

  mutating func write() -> ExportResult {
    // Premises of each node (supports links into it), and attacks into it.
    var premises: [NodeID: [NodeID]] = [:]
    var attacked = Set<NodeID>()
    for (source, link) in map.allLinks {
      guard case .node(let target) = link.target else { continue }
      switch link.relation {
      case .supports: premises[target, default: []].append(source)
      case .opposes: attacked.insert(target)
      case .undercuts: break
      }
    }
    var linkedArguments = Set<NodeID>()
    for node in map.nodes
    where !attacked.contains(node.id)
      && Self.isLinkedArgument(node, premiseCount: Set(premises[node.id] ?? []).count)
    {
      linkedArguments.insert(node.id)
    }

    // Kinds as the importer will read them back.
    let structure = LinkStructure(map.nodes)
    var schemeFor: [String: String] = [:]  // "from\u{0}to\u{0}relation" -> scheme node id
    func key(_ from: NodeID, _ to: NodeID, _ relation: Relation) -> String {
      "\(from.rawValue)\u{0}\(to.rawValue)\u{0}\(relation.rawValue)"
    }

    for mapNode in map.nodes {
      let id = mapNode.id.rawValue
      if linkedArguments.contains(mapNode.id) {
        let type = mapNode.links.first?.relation == .opposes ? "CA" : "RA"
        schemeNode(id, type, reasoning: mapNode.text)
        var seen = Set<NodeID>()
        for premise in premises[mapNode.id] ?? [] where seen.insert(premise).inserted {
          edge(premise.rawValue, id)
        }
        for link in mapNode.links {
          guard case .node(let target) = link.target else { continue }
          edge(id, target.rawValue)
          schemeFor[key(mapNode.id, target, link.relation)] = id
        }
        continue
      }
      node(id, mapNode.text, "I")
      reportLosses(of: mapNode, structure: structure)
    }

    // One scheme node per supports or opposes link, in written order.
    for mapNode in map.nodes where !linkedArguments.contains(mapNode.id) {
      for link in mapNode.links {
        guard case .node(let target) = link.target, link.relation != .undercuts else { continue }
        if link.relation == .supports, linkedArguments.contains(target) { continue }
        reportLosses(of: link, from: mapNode.id)
        let type = link.relation == .supports ? "RA" : "CA"
        let scheme = freshID(type.lowercased())
        schemeNode(scheme, type, reasoning: link.reasoning)
        edge(mapNode.id.rawValue, scheme)
        edge(scheme, target.rawValue)
        schemeFor[key(mapNode.id, target, link.relation)] = scheme
      }
    }
    // Undercuts: a CA aimed at the scheme node of the attacked link.
    for mapNode in map.nodes {
      for link in mapNode.links {
        guard case .link(let from, let to) = link.target else { continue }
        guard
          let attackedScheme = schemeFor[key(from, to, .supports)]
            ?? schemeFor[key(from, to, .opposes)]
        else {
          loss(
            "undercut by '\(mapNode.id)' of the link '\(from)' -> '\(to)', which does not exist, is left out"
          )
          continue
        }
        reportLosses(of: link, from: mapNode.id)
        let scheme = freshID("ca")
        schemeNode(scheme, "CA", reasoning: link.reasoning)
        edge(mapNode.id.rawValue, scheme)
        edge(scheme, attackedScheme)
      }
    }
    // Sources: L-nodes anchored by YA-nodes.
    for mapNode in map.nodes where !linkedArguments.contains(mapNode.id) {
      for source in mapNode.sources { locution(source, of: mapNode.id.rawValue) }
    }
    // Flags: each a `Correction: ` I-node attacking the flagged node through a CA, its sources
    // anchored to it as a node's are; the importer reads that pattern back as a flag.
    for mapNode in map.nodes {
      for flag in mapNode.flags {
        guard !AIFGraphReader.oneLine(flag.text).isEmpty else {
          loss("a flag of '\(mapNode.id)' has no text; left out")
          continue
        }
        let correction = freshID("flag")
        let conflict = freshID("ca")
        node(correction, CorrectionText.prefix + flag.text, "I")
        schemeNode(conflict, "CA", reasoning: nil)
        edge(correction, conflict)
        edge(conflict, mapNode.id.rawValue)
        for source in flag.sources { locution(source, of: correction) }
      }
      if mapNode.flags.contains(where: { !$0.comments.isEmpty }) {
        loss("the comments of the flags of '\(mapNode.id)' have no counterpart; left out")
      }
    }
    reportReadAsCorrections(linkedArguments: linkedArguments, structure: structure)
    if !map.metadata.isEmpty {
      loss(
        "the front matter (title, author, date, language, other entries) has no counterpart; left out"
      )
    }
    if !map.trailingComments.isEmpty {
      loss("comments at the end of the map have no counterpart; left out")
    }
    let document = JSONValue.object([
      ("nodes", .array(nodes)), ("edges", .array(edges)), ("locutions", .array([])),
    ])
    return ExportResult(text: document.indentedText + "\n", diagnostics: diagnostics)
  }

  /// A source as an L-node anchored by an `Asserting` YA-node to the I-node `target`.
  private mutating func locution(_ source: String, of target: String) {
    let locution = freshID("l")
    let anchor = freshID("ya")
    node(locution, source, "L")
    node(anchor, "Asserting", "YA")
    edge(locution, anchor)
    edge(anchor, target)
  }

  /// Reports each node that the importer would read back as a flag: its text starts
  /// `Correction: `, nothing links to it, and its one link opposes another node, with no
  /// reasoning and no undercut, which is the pattern the export writes flags in.
  private mutating func reportReadAsCorrections(
    linkedArguments: Set<NodeID>, structure: LinkStructure
  ) {
    var undercut = Set<[NodeID]>()
    for (_, link) in map.allLinks {
      if case .link(let from, let to) = link.target { undercut.insert([from, to]) }
    }
    for node in map.nodes where !linkedArguments.contains(node.id) {
      guard CorrectionText.starts(AIFGraphReader.oneLine(node.text)),
        !structure.hasIncoming.contains(node.id), node.links.count == 1,
        let link = node.links.first, link.relation == .opposes, link.reasoning == nil,
        case .node(let target) = link.target, target != node.id,
        !linkedArguments.contains(target), !undercut.contains([node.id, target])
      else { continue }
      loss(
        "'\(node.id)' starts with '\(CorrectionText.prefix)' and only opposes '\(target)'; AIF reads it back as a flag (factual correction) of '\(target)'"
      )
    }
  }

  private mutating func reportLosses(of node: Node, structure: LinkStructure) {
    let id = node.id
    let readBack = AIFImporter.derivedKind(
      hasIncoming: structure.hasIncoming.contains(id),
      hasOutgoing: structure.hasOutgoing.contains(id))
    if node.kind != readBack {
      loss(
        "node '\(id)' is of kind \(node.kind.displayName); AIF has no node kinds, so it reads back as \(readBack.displayName)"
      )
    }
    if let date = node.date { loss("the date \(date) of '\(id)' has no counterpart; left out") }
    if !node.tags.isEmpty {
      loss(
        "the tags of '\(id)' (\(node.tags.joined(separator: ", "))) have no counterpart; left out")
    }
    if node.title != nil { loss("the title of '\(id)' has no counterpart; left out") }
    if !node.notes.isEmpty { loss("the notes of '\(id)' have no counterpart; left out") }
    if node.strength != nil { loss("the strength of '\(id)' has no counterpart; left out") }
    if !node.comments.isEmpty || !node.trailingComments.isEmpty {
      loss("the comments of '\(id)' have no counterpart; left out")
    }
  }

  private mutating func reportLosses(of link: Link, from source: NodeID) {
    let name =
      "the link from '\(source)' to \(link.target.nodeIDs.map { "'\($0)'" }.joined(separator: " -> "))"
    if let scope = link.scope {
      loss("the scope [\(scope)] of \(name) has no counterpart; left out")
    }
    if link.strength != nil { loss("the strength of \(name) has no counterpart; left out") }
    if !link.comments.isEmpty { loss("the comments of \(name) have no counterpart; left out") }
  }
}
