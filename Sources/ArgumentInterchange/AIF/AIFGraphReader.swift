import ArgumentMap

/// Reads one AIF document into a map; the mapping is described on `AIFImporter`.
struct AIFGraphReader {
  private let bytes: [UInt8]
  private let locations: LineTable
  private var diagnostics: [Diagnostic] = []
  /// Each node at its AIF node's object (an argument node at its RA or CA), each link at the
  /// scheme node that makes it.
  private var positions: ImportPositions

  /// One AIF node as read.
  private struct AIFNode {
    var aifID: String
    var type: String
    var text: String
    var scheme: String?
    var path: String
    var offset: Int
    /// Its place in the `nodes` array.
    var arrayIndex: Int
  }

  init(bytes: [UInt8]) {
    self.bytes = bytes
    self.locations = LineTable(bytes)
    self.positions = ImportPositions(lines: locations)
  }

  private func range(_ offset: Int) -> SourceRange {
    SourceRange(at: locations.location(ofOffset: offset))
  }

  private mutating func error(_ path: String, _ message: String, at offset: Int) {
    diagnostics.append(DiagnosticMessages.aifStructure(path, message, range: range(offset)))
  }

  private mutating func skipped(_ path: String, _ message: String, at offset: Int) {
    diagnostics.append(DiagnosticMessages.aifSkipped(path, message, range: range(offset)))
  }

  private mutating func lost(_ path: String, _ message: String, at offset: Int) {
    diagnostics.append(DiagnosticMessages.aifUnsupported(path, message, range: range(offset)))
  }

  mutating func read() -> ImportResult {
    let root: JSONValue
    switch JSONReader.parse(bytes) {
    case .success(let value): root = value
    case .failure(let failure):
      diagnostics.append(
        DiagnosticMessages.aifSyntax(failure.message, range: SourceRange(at: failure.location)))
      return ImportResult(map: ArgumentMap(), diagnostics: diagnostics)
    }
    guard let rootMembers = root.objectMembers else {
      error(
        "$", "expected an object with 'nodes' and 'edges', found \(root.typeName)", at: root.offset)
      return ImportResult(map: ArgumentMap(), diagnostics: diagnostics)
    }
    var graph = root
    var base = "$"
    if let wrapped = root["AIF"], wrapped.objectMembers != nil {
      graph = wrapped
      base = "$.AIF"
      for member in rootMembers where member.key != "AIF" {
        reportExtra(member, path: "$.\(member.key)")
      }
    }
    for member in graph.objectMembers ?? [] where !["nodes", "edges"].contains(member.key) {
      reportExtra(member, path: "\(base).\(member.key)")
    }
    guard let nodeValues = graph["nodes"] else {
      error(base, "expected a member 'nodes' (an array of AIF nodes)", at: graph.offset)
      return ImportResult(map: ArgumentMap(), diagnostics: diagnostics)
    }
    guard let nodeArray = nodeValues.arrayValue else {
      error(
        "\(base).nodes", "expected an array, found \(nodeValues.typeName)", at: nodeValues.offset)
      return ImportResult(map: ArgumentMap(), diagnostics: diagnostics)
    }
    let edgeArray: [JSONValue]
    if let edgeValues = graph["edges"] {
      guard let array = edgeValues.arrayValue else {
        error(
          "\(base).edges", "expected an array, found \(edgeValues.typeName)", at: edgeValues.offset)
        return ImportResult(map: ArgumentMap(), diagnostics: diagnostics)
      }
      edgeArray = array
    } else {
      error(base, "expected a member 'edges' (an array of AIF edges)", at: graph.offset)
      edgeArray = []
    }

    // Nodes.
    var aifNodes: [AIFNode] = []
    var byID: [String: Int] = [:]
    var sawTimestamp: (path: String, offset: Int)?
    for (index, value) in nodeArray.enumerated() {
      let path = "\(base).nodes[\(index)]"
      guard value.objectMembers != nil else {
        error(path, "expected an object, found \(value.typeName)", at: value.offset)
        continue
      }
      guard let idValue = value["nodeID"], let id = idValue.idText else {
        error(path, "expected 'nodeID' (a string or an integer)", at: value.offset)
        continue
      }
      guard let typeValue = value["type"], let type = typeValue.stringValue else {
        error(path, "expected 'type' (a string such as 'I', 'RA' or 'CA')", at: value.offset)
        continue
      }
      if let first = byID[id] {
        // Some exports repeat a node object byte for byte: the same node, read once. Two
        // different nodes under one id cannot both be linked to, so that is an error.
        let firstPath = aifNodes[first].path
        if value == nodeArray[aifNodes[first].arrayIndex] {
          skipped(
            path, "node '\(id)' repeats \(firstPath) exactly; read once", at: value.offset)
        } else {
          error(
            "\(path).nodeID",
            "nodeID '\(id)' is also the id of a different node (\(firstPath)); ids must be unique",
            at: idValue.offset)
        }
        continue
      }
      var text = ""
      if let textValue = value["text"] {
        if let string = textValue.stringValue {
          text = string
        } else {
          error(
            "\(path).text", "expected a string, found \(textValue.typeName)", at: textValue.offset)
        }
      } else if type == "I" || type == "L" {
        error(path, "expected 'text' for an \(type)-node", at: value.offset)
      }
      if sawTimestamp == nil, let stamp = value["timestamp"] {
        sawTimestamp = ("\(path).timestamp", stamp.offset)
      }
      text = Self.oneLine(text)
      if text.isEmpty, type == "I" {
        lost(path, "I-node '\(id)' has no text; it reads '(no text)'", at: value.offset)
        text = "(no text)"
      }
      byID[id] = aifNodes.count
      aifNodes.append(
        AIFNode(
          aifID: id, type: type, text: text, scheme: value["scheme"]?.stringValue.map(Self.oneLine),
          path: path, offset: value.offset, arrayIndex: index))
    }
    if let stamp = sawTimestamp {
      lost(
        stamp.path,
        "AIF timestamps record when a node was annotated, not a historical date; not kept",
        at: stamp.offset)
    }

    // Edges, by endpoint, in written order.
    var incoming = Array(repeating: [Int](), count: aifNodes.count)
    var outgoing = Array(repeating: [Int](), count: aifNodes.count)
    for (index, value) in edgeArray.enumerated() {
      let path = "\(base).edges[\(index)]"
      guard value.objectMembers != nil else {
        error(path, "expected an object, found \(value.typeName)", at: value.offset)
        continue
      }
      guard let from = value["fromID"]?.idText, let to = value["toID"]?.idText else {
        error(path, "expected 'fromID' and 'toID' (strings or integers)", at: value.offset)
        continue
      }
      guard let source = byID[from], let target = byID[to] else {
        let missing = byID[from] == nil ? from : to
        skipped(
          path, "edge names node '\(missing)', which is not in 'nodes'; skipped", at: value.offset)
        continue
      }
      outgoing[source].append(target)
      incoming[target].append(source)
    }

    // Which nodes become map nodes: I-nodes and scheme nodes with linked premises.
    func isScheme(_ index: Int) -> Bool { ["RA", "CA"].contains(aifNodes[index].type) }
    // Each premise once: a repeated edge does not make a single premise a linked pair.
    func premises(_ index: Int) -> [Int] {
      var seen = Set<Int>()
      return incoming[index].filter { aifNodes[$0].type == "I" && seen.insert($0).inserted }
    }
    // A scheme node with no conclusion (an I-node it points at or, for a CA, an inference it
    // attacks that links a premise to an I-node) is reported and skipped below, so it must not
    // become an argument node either.
    func concludes(_ index: Int) -> Bool {
      outgoing[index].contains { other in
        aifNodes[other].type == "I"
          || (aifNodes[index].type == "CA" && isScheme(other) && !premises(other).isEmpty
            && outgoing[other].contains { aifNodes[$0].type == "I" })
      }
    }
    // Flags: an I-node `Correction: ...` whose only link is one CA (no reasoning, nothing else
    // into it) attacking one other I-node, with nothing into it but the YA-nodes of its sources,
    // is a correction of that node, as the exporter writes flags. The I-node it attacks has an
    // edge from that CA, so it is never a correction itself.
    var corrected: [Int: Int] = [:]  // correction I-node -> the I-node it corrects
    var isCorrectionConflict = Set<Int>()
    for (index, aif) in aifNodes.enumerated()
    where aif.type == "I" && CorrectionText.starts(aif.text) {
      guard outgoing[index].count == 1, let conflict = outgoing[index].first,
        aifNodes[conflict].type == "CA", reasoning(of: aifNodes[conflict]) == nil,
        incoming[conflict] == [index], outgoing[conflict].count == 1,
        let target = outgoing[conflict].first, target != index, aifNodes[target].type == "I",
        incoming[index].allSatisfy({ aifNodes[$0].type == "YA" })
      else { continue }
      corrected[index] = target
      isCorrectionConflict.insert(conflict)
    }

    var ids = IDAllocator()
    var nodes: [Node] = []
    var position: [Int: Int] = [:]
    var isArgumentNode = Set<Int>()

    for (index, aif) in aifNodes.enumerated() where corrected[index] == nil {
      let linked = isScheme(index) && premises(index).count >= 2 && concludes(index)
      guard aif.type == "I" || linked else { continue }
      let text: String
      if linked {
        text = reasoning(of: aif) ?? "Linked premises"
        isArgumentNode.insert(index)
      } else {
        text = aif.text
      }
      let id = NodeID.isValid(aif.aifID) ? ids.id(forName: aif.aifID) : ids.id(forText: text)
      var node = Node(.claim, id, text)
      if linked { node.tags = [ArgdownImporter.argumentTag] }
      position[index] = nodes.count
      positions.addNode(at: range(aif.offset))
      nodes.append(node)
    }

    // Each correction as a flag of the node it attacks, in the order of the file.
    var flagAt: [Int: (node: Int, flag: Int)] = [:]
    for (index, aif) in aifNodes.enumerated() {
      guard let target = corrected[index], let at = position[target] else { continue }
      flagAt[index] = (at, nodes[at].flags.count)
      nodes[at].flags.append(Flag(CorrectionText.body(aif.text)))
    }

    // Inference and conflict: links, and which (source, target) pairs each scheme node stands for.
    var standsFor: [Int: [(NodeID, NodeID)]] = [:]
    var undercutters: [Int] = []
    var undercutterSet = Set<Int>()
    for (index, aif) in aifNodes.enumerated()
    where isScheme(index) && !isCorrectionConflict.contains(index) {
      let relation: Relation = aif.type == "RA" ? .supports : .opposes
      let sources = premises(index)
      let targets = outgoing[index].filter { aifNodes[$0].type == "I" }
      for other in outgoing[index] where aifNodes[other].type != "I" {
        if aif.type == "CA", isScheme(other) {
          if undercutterSet.insert(index).inserted { undercutters.append(index) }
        } else {
          lost(
            aif.path,
            "\(aif.type) '\(aif.aifID)' points at \(aifNodes[other].type) '\(aifNodes[other].aifID)'; an argument map has no counterpart; left out",
            at: aif.offset)
        }
      }
      guard !sources.isEmpty else {
        if incoming[index].allSatisfy({ aifNodes[$0].type != "I" }) {
          skipped(
            aif.path, "\(aif.type) '\(aif.aifID)' has no premise (no edge from an I-node); skipped",
            at: aif.offset)
        }
        continue
      }
      if targets.isEmpty, !undercutterSet.contains(index) {
        skipped(
          aif.path, "\(aif.type) '\(aif.aifID)' has no conclusion (no edge to an I-node); skipped",
          at: aif.offset)
        continue
      }
      let reason = reasoning(of: aif)
      if let argument = position[index] {
        for premise in sources {
          guard let at = position[premise] else { continue }
          add(Link(.supports, .node(nodes[argument].id)), to: at, in: &nodes, from: aif)
        }
        for target in targets {
          guard let targetAt = position[target] else { continue }
          add(Link(relation, .node(nodes[targetAt].id)), to: argument, in: &nodes, from: aif)
          standsFor[index, default: []].append((nodes[argument].id, nodes[targetAt].id))
        }
      } else if let premise = sources.first, let premiseAt = position[premise] {
        for target in targets {
          guard let targetAt = position[target] else { continue }
          let link = Link(relation, .node(nodes[targetAt].id), reasoning: reason)
          if nodes[premiseAt].links.contains(link) {
            diagnostics.append(
              DiagnosticMessages.aifRepeatedScheme(
                aif.path,
                "\(aif.type) '\(aif.aifID)' repeats the link from '\(nodes[premiseAt].id)' to '\(nodes[targetAt].id)'; merged",
                range: range(aif.offset)))
          }
          add(link, to: premiseAt, in: &nodes, from: aif)
          standsFor[index, default: []].append((nodes[premiseAt].id, nodes[targetAt].id))
        }
      }
    }
    for index in undercutters {
      let aif = aifNodes[index]
      let reason = position[index] == nil ? reasoning(of: aif) : nil
      let attacker = position[index] ?? premises(index).first.flatMap { position[$0] }
      guard let attacker else { continue }
      for other in outgoing[index] where isScheme(other) {
        let pairs = standsFor[other] ?? []
        if pairs.isEmpty {
          skipped(
            aif.path,
            "CA '\(aif.aifID)' attacks \(aifNodes[other].type) '\(aifNodes[other].aifID)', which links nothing; skipped",
            at: aif.offset)
        }
        for (from, to) in pairs {
          add(
            Link(.undercuts, .link(from: from, to: to), reasoning: reason), to: attacker,
            in: &nodes, from: aif)
        }
      }
    }

    // Locutions: L → YA → I makes the L text a source of the I-node.
    var usedYA = Set<Int>()
    for (index, aif) in aifNodes.enumerated() where aif.type == "L" {
      var anchored = false
      for ya in outgoing[index] where aifNodes[ya].type == "YA" {
        for target in outgoing[ya] where aifNodes[target].type == "I" {
          let source = Self.source(aif.text, illocution: aifNodes[ya])
          if let (at, flag) = flagAt[target] {
            nodes[at].flags[flag].sources.append(source)
          } else if let at = position[target] {
            nodes[at].sources.append(source)
          } else {
            continue
          }
          anchored = true
          usedYA.insert(ya)
        }
      }
      if !anchored {
        lost(aif.path, "locution '\(aif.text)' is anchored to no I-node; left out", at: aif.offset)
      }
    }
    for (index, aif) in aifNodes.enumerated() {
      switch aif.type {
      case "I", "L", "RA", "CA": continue
      case "YA":
        if !usedYA.contains(index) {
          lost(
            aif.path,
            "illocution YA '\(aif.aifID)' (\(aif.text)) does not anchor a locution to an I-node; left out",
            at: aif.offset)
        }
      case "TA":
        lost(
          aif.path, "transition TA '\(aif.aifID)' between locutions has no counterpart; left out",
          at: aif.offset)
      case "MA":
        lost(
          aif.path,
          "rephrase MA '\(aif.aifID)' has no counterpart; left out (the I-nodes it joins are kept)",
          at: aif.offset)
      case "PA":
        lost(aif.path, "preference PA '\(aif.aifID)' has no counterpart; left out", at: aif.offset)
      default:
        skipped(
          aif.path,
          "unknown node type '\(aif.type)'; expected I, L, RA, CA, MA, PA, TA or YA; skipped",
          at: aif.offset)
      }
    }

    // Kinds from the shape of the graph; links in a canonical order.
    let structure = LinkStructure(nodes)
    var nodeOrder: [NodeID: Int] = [:]
    for (index, node) in nodes.enumerated() { nodeOrder[node.id] = index }
    for index in nodes.indices {
      if !nodes[index].tags.contains(ArgdownImporter.argumentTag) {
        nodes[index].kind = AIFImporter.derivedKind(
          hasIncoming: structure.hasIncoming.contains(nodes[index].id),
          hasOutgoing: structure.hasOutgoing.contains(nodes[index].id))
      }
      nodes[index].links = Self.canonicalOrder(nodes[index].links, nodeOrder: nodeOrder)
    }
    if nodes.isEmpty, !diagnostics.containsErrors {
      diagnostics.append(DiagnosticMessages.aifEmpty(range: range(graph.offset)))
    }
    let map = ArgumentMap(nodes: nodes)
    return ImportResult(
      map: map, diagnostics: diagnostics, sourceMap: positions.sourceMap(for: map))
  }

  /// Links sorted by relation (supports, opposes, undercuts), then by the targets' positions.
  static func canonicalOrder(_ links: [Link], nodeOrder: [NodeID: Int]) -> [Link] {
    func key(_ link: Link) -> [Int] {
      let rank: Int
      switch link.relation {
      case .supports: rank = 0
      case .opposes: rank = 1
      case .undercuts: rank = 2
      }
      return [rank] + link.target.nodeIDs.map { nodeOrder[$0] ?? Int.max }
    }
    return links.enumerated().sorted { left, right in
      let a = key(left.element)
      let b = key(right.element)
      return a == b ? left.offset < right.offset : a.lexicographicallyPrecedes(b)
    }.map(\.element)
  }

  /// A locution as a source: its text, plus the illocution when it is not a plain assertion
  /// (`CL : we must withdraw (Disagreeing)`), so the speaker's act is not lost.
  private static func source(_ locution: String, illocution: AIFNode) -> String {
    let name = illocution.scheme ?? illocution.text
    if name.isEmpty || name == "Asserting" || name == "YA" || name.hasPrefix("YA_") {
      return locution
    }
    return "\(locution) (\(name))"
  }

  /// Text on one line: line breaks and other control characters become spaces, runs of spaces
  /// fold, ends are trimmed (AIF texts often carry the line breaks of the analysed source).
  static func oneLine(_ text: String) -> String {
    ArgdownText.folded(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 })
  }

  private func reasoning(of node: AIFNode) -> String? {
    if let scheme = node.scheme, !scheme.isEmpty { return scheme }
    if AIFImporter.isGeneric(schemeText: node.text) { return nil }
    return node.text
  }

  /// Adds a link unless it is already there, or a self link other than an attack on itself (a
  /// CA whose premise is its conclusion: an argument that defeats itself, kept as in `.argmap`
  /// text); `scheme` is the node that makes it.
  private mutating func add(
    _ link: Link, to index: Int, in nodes: inout [Node], from scheme: AIFNode
  ) {
    let id = nodes[index].id
    let isSelfAttack = link.relation == .opposes && link.target == .node(id)
    if link.target.nodeIDs.first == id && !isSelfAttack { return }
    if !nodes[index].links.contains(link) { nodes[index].links.append(link) }
    positions.addLink(link, ofNode: index, at: range(scheme.offset))
  }

  private mutating func reportExtra(_ member: JSONValue.Member, path: String) {
    let isEmpty: Bool
    switch member.value.content {
    case .array(let elements): isEmpty = elements.isEmpty
    case .object(let members): isEmpty = members.isEmpty
    case .string(let text): isEmpty = text.isEmpty
    case .null: isEmpty = true
    case .number, .bool: isEmpty = false
    }
    guard !isEmpty else { return }
    let what: String
    switch member.key {
    case "locutions": what = "locution details (speakers, times, text offsets)"
    case "participants": what = "participants"
    case "OVA", "ova": what = "the OVA layout (node positions)"
    case "text": what = "the analysed source text"
    case "schemefulfillments": what = "scheme ids"
    default: what = "'\(member.key)'"
    }
    lost(path, "not kept, as an argument map has no counterpart: \(what)", at: member.value.offset)
  }
}
