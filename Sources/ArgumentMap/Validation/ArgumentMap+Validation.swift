extension ArgumentMap {
  /// Judges a map: unknown and duplicate ids, self links (other than an opposes link, an argument
  /// that defeats itself), links that make no sense between kinds,
  /// unknown scopes, impossible dates, strengths outside 0–1, support cycles, isolated nodes.
  ///
  /// The parser builds and the validator judges, so maps from any source (text, JSON, code,
  /// imports) meet the same rules.
  ///
  /// - Parameter sourceMap: where the map's parts were written, to locate the diagnostics; `nil`
  ///   for a map without text (diagnostics then have no range).
  /// - Returns: errors and warnings in map order.
  /// - Complexity: O(*n* + *l*) for *n* nodes and *l* links, apart from "did you mean"
  ///   suggestions, which are computed for the first few unknown names only.
  public func validate(sourceMap: SourceMap? = nil) -> [Diagnostic] {
    var validator = Validator(map: self, sourceMap: sourceMap)
    return validator.run()
  }
}

/// The validation pass; one instance per call.
///
/// Link targets are looked up once (`resolveLinks`) into flat arrays of node positions, which the
/// cycle and connection checks then walk without hashing: this keeps a million-node map fast.
private struct Validator {
  let map: ArgumentMap
  let sourceMap: SourceMap?
  var diagnostics: [Diagnostic] = []
  /// Position of each id's first node.
  var index: [NodeID: Int] = [:]
  /// For node `i`, its links are `linkTargets[linkStart[i]..<linkStart[i + 1]]`: the position of
  /// each link's target node (the `to` node for an undercut), or -1 when unknown.
  var linkStart: [Int] = []
  var linkTargets: [Int32] = []
  /// How many suggestions may still be computed (each costs a scan of every id).
  var suggestionBudget = 20

  init(map: ArgumentMap, sourceMap: SourceMap?) {
    self.map = map
    if let sourceMap, sourceMap.nodes.count == map.nodes.count {
      self.sourceMap = sourceMap
    } else {
      self.sourceMap = nil
    }
  }

  mutating func run() -> [Diagnostic] {
    checkMetadata()
    checkNodes()
    resolveLinks()
    checkInterpretationTheses()
    checkSupportCycles()
    checkConnections()
    if !map.nodes.isEmpty && !map.nodes.contains(where: \.isMainAim) {
      diagnostics.append(DiagnosticMessages.noMainAim(at: sourceMap?.start))
    }
    return diagnostics
  }

  // MARK: Locations

  func range(_ span: SourceMap.Span?) -> SourceRange? {
    guard let sourceMap, let span else { return nil }
    return sourceMap.range(of: span)
  }

  func idRange(_ node: Int) -> SourceRange? { range(sourceMap?.nodes[node].id) }
  func dateRange(_ node: Int) -> SourceRange? {
    range(sourceMap?.nodes[node].date ?? sourceMap?.nodes[node].id)
  }
  func linkSpans(_ node: Int, _ link: Int) -> SourceMap.LinkSpans? {
    sourceMap?.linkSpans(node: node, link: link)
  }

  // MARK: Checks

  mutating func checkMetadata() {
    if let date = map.metadata.date {
      let parsed = DateParser.date(Substring(date).trimmingSpaces())
      if parsed == nil || parsed?.isValid == false {
        diagnostics.append(
          DiagnosticMessages.malformedMetadataDate(date, at: range(sourceMap?.metadataDate)))
      }
    }
    if sourceMap?.isArgmapText != true {
      // Text input is held to these by the parser already.
      var seen = Set<String>()
      for entry in map.metadata.extra {
        let key = entry.key
        let trimmed = String(Substring(key).trimmingSpaces())
        // Scalars, not characters: ":" and a combining mark after it are one character.
        if key.isEmpty || trimmed != key || key.unicodeScalars.contains(":")
          || ["title", "author", "date", "language"].contains(key) || !Self.isOneLine(key)
        {
          diagnostics.append(DiagnosticMessages.invalidFrontMatterKey(key))
        } else if !seen.insert(key).inserted {
          diagnostics.append(DiagnosticMessages.duplicateFrontMatterKey(key, at: nil, first: nil))
        }
      }
    }
    // Text input: the parser located each control character already.
    guard sourceMap?.isArgmapText != true else { return }
    let texts = [map.metadata.title, map.metadata.author, map.metadata.date, map.metadata.language]
    for text in texts.compactMap({ $0 }) + map.metadata.extra.flatMap({ [$0.key, $0.value] })
    where !Self.isOneLine(text) {
      diagnostics.append(DiagnosticMessages.multilineText("front matter", at: nil))
    }
  }

  mutating func checkNodes() {
    index.reserveCapacity(map.nodes.count)
    let hasText = sourceMap?.isArgmapText == true
    for position in map.nodes.indices {
      let id = map.nodes[position].id
      // One hash per node: insert, and put the first back in the rare case of a duplicate.
      if let first = index.updateValue(position, forKey: id) {
        index[id] = first
        diagnostics.append(
          DiagnosticMessages.duplicateID(id, at: idRange(position), first: idRange(first)))
      }
      if Self.holdsBidiControl(map.nodes[position]) {
        diagnostics.append(DiagnosticMessages.bidiControl(id, at: idRange(position)))
      }
      if !hasText {
        // Text input is held to these by the parser already.
        if !NodeID.isValid(id.rawValue) {
          diagnostics.append(DiagnosticMessages.invalidID(id.rawValue, at: idRange(position)))
        }
        if map.nodes[position].text.isEmpty {
          diagnostics.append(DiagnosticMessages.missingText(of: id, at: idRange(position)))
        }
        checkOneLine(position)
        // `source:` and `note:` need a value in text.
        let node = map.nodes[position]
        if node.title?.isEmpty == true {
          diagnostics.append(DiagnosticMessages.emptyEntry("title", of: id, at: idRange(position)))
        }
        if node.sources.contains(where: \.isEmpty) {
          diagnostics.append(DiagnosticMessages.emptyEntry("source", of: id, at: idRange(position)))
        }
        if node.notes.contains(where: \.isEmpty) {
          diagnostics.append(DiagnosticMessages.emptyEntry("note", of: id, at: idRange(position)))
        }
        if node.flags.contains(where: { $0.sources.contains(where: \.isEmpty) }) {
          diagnostics.append(
            DiagnosticMessages.emptyEntry("flag source", of: id, at: idRange(position)))
        }
        // `tags: a, b` holds single words without commas.
        for tag in map.nodes[position].tags
        where tag.isEmpty || tag.unicodeScalars.contains(" ") || tag.unicodeScalars.contains(",")
          || String(Substring(tag).trimmingSpaces()) != tag
        {
          diagnostics.append(DiagnosticMessages.invalidTag(tag, at: idRange(position)))
        }
      }
      if let date = map.nodes[position].date {
        if !date.start.isValid || date.end?.isValid == false {
          diagnostics.append(
            DiagnosticMessages.impossibleDate(date.description, at: dateRange(position)))
        } else if let end = date.end, end < date.start {
          diagnostics.append(
            DiagnosticMessages.reversedDateRange(date.description, at: dateRange(position)))
        }
      }
      if let strength = map.nodes[position].strength, !(0...1).contains(strength) {
        diagnostics.append(
          DiagnosticMessages.strengthOutOfRange(
            strength, at: range(sourceMap?.nodes[position].strength)))
      }
      checkTeachingHabits(position)
    }
  }

  /// Warnings for what a map needs to teach from, though it parses: a dated event, a short name
  /// for each interpretation, a source for each correction.
  mutating func checkTeachingHabits(_ position: Int) {
    let node = map.nodes[position]
    // A date written but not understood already has its error; an empty text too.
    if node.kind == .event && node.date == nil && sourceMap?.nodes[position].date == nil {
      diagnostics.append(DiagnosticMessages.eventWithoutDate(node.id, at: idRange(position)))
    }
    if node.kind == .interpretation && node.shortName == nil && !node.text.isEmpty {
      diagnostics.append(
        DiagnosticMessages.interpretationWithoutName(node.id, at: idRange(position)))
    }

    for (offset, flag) in node.flags.enumerated() where flag.sources.isEmpty {
      var span: SourceMap.Span?
      if let sourceMap {
        let at = Int(sourceMap.nodes[position].firstFlag) + offset
        span = sourceMap.flags.indices.contains(at) ? sourceMap.flags[at] : nil
      }
      diagnostics.append(
        DiagnosticMessages.flagWithoutSource(at: range(span) ?? idRange(position)))
    }
  }

  /// A warning when a link's reasoning ends with `[ID]` naming an interpretation: the scope was
  /// written after the ':' and so became part of the reasoning, and the link holds under every
  /// reading.
  mutating func checkScopeInReasoning(_ link: Link, from position: Int, _ linkPosition: Int) {
    guard let reasoning = link.reasoning, reasoning.hasSuffix("]"),
      let open = reasoning.lastIndex(of: "[")
    else { return }
    let inner = reasoning[
      reasoning.index(after: open)..<reasoning.index(before: reasoning.endIndex)
    ]
    .trimmingSpaces()
    guard let target = index[NodeID(String(inner))], map.nodes[target].kind == .interpretation
    else { return }
    var at = range(linkSpans(position, linkPosition)?.line)
    if let line = linkSpans(position, linkPosition)?.line, sourceMap?.isArgmapText == true {
      // The bracket is at the end of the line, the reasoning's last bytes.
      let length = reasoning[open...].utf8.count
      at = range(SourceMap.Span(Int(line.end) - length, Int(line.end)))
    }
    diagnostics.append(
      DiagnosticMessages.scopeAfterReasoning(
        String(inner), link: link, from: map.nodes[position].id, at: at))
  }

  mutating func checkOneLine(_ position: Int) {
    let node = map.nodes[position]
    var texts =
      [node.text] + [node.title ?? ""] + node.sources + node.notes + node.tags + node.comments
    texts += node.trailingComments
    for flag in node.flags { texts += [flag.text] + flag.sources + flag.comments }
    for link in node.links { texts += [link.reasoning ?? ""] + link.comments }
    if texts.contains(where: { !Self.holdsNoLineBreak($0) }) {
      diagnostics.append(
        DiagnosticMessages.lineBreakInText("node '\(node.id)'", at: idRange(position)))
    }
  }

  /// Looks up every link's target once and checks the link: known ids, no self links, kinds
  /// that make sense, scopes that are interpretations, undercut links that exist, no duplicates.
  mutating func resolveLinks() {
    linkStart.reserveCapacity(map.nodes.count + 1)
    for position in map.nodes.indices {
      linkStart.append(linkTargets.count)
      let links = map.nodes[position].links
      for (linkPosition, link) in links.enumerated() {
        linkTargets.append(resolve(link, from: position, linkPosition))
        checkScopeInReasoning(link, from: position, linkPosition)
      }
      if links.count > 1 { checkDuplicates(links, of: position) }
    }
    linkStart.append(linkTargets.count)
  }

  /// A warning for an interpretation that supports or opposes nothing while links are read
  /// under it, or nothing links to it: evidence counts for a reading when its links lead to the
  /// reading or to what it supports, so a comparison ignores the links scoped to it (they lead
  /// to sub-aims it does not argue for) and finds no evidence for it.
  mutating func checkInterpretationTheses() {
    var isTargeted = [Bool](repeating: false, count: map.nodes.count)
    for target in linkTargets where target >= 0 { isTargeted[Int(target)] = true }
    var scopes: Set<NodeID> = []
    for node in map.nodes {
      for link in node.links { if let scope = link.scope { scopes.insert(scope) } }
    }
    for (position, node) in map.nodes.enumerated()
    where node.kind == .interpretation && (!isTargeted[position] || scopes.contains(node.id))
      && !node.links.contains(where: { $0.relation == .supports || $0.relation == .opposes })
    {
      diagnostics.append(
        DiagnosticMessages.interpretationWithoutThesis(
          node.id, aim: map.mainAims.first?.id, at: idRange(position)))
    }
  }

  mutating func resolve(_ link: Link, from position: Int, _ linkPosition: Int) -> Int32 {
    let sourceID = map.nodes[position].id
    let spans = linkSpans(position, linkPosition)
    let lineRange = { [sourceMap] in spans.flatMap { sourceMap?.range(of: $0.line) } }
    var targetPosition = -1
    var fromPosition = -1
    var targetsKnown = true
    switch link.target {
    case .node(let id):
      if let found = index[id] {
        targetPosition = found
      } else {
        targetsKnown = false
        reportUnknown(id, at: range(spans?.target))
      }
    case .link(let from, let to):
      if let found = index[from] {
        fromPosition = found
      } else {
        targetsKnown = false
        reportUnknown(from, at: range(spans?.target))
      }
      if let found = index[to] {
        targetPosition = found
      } else {
        targetsKnown = false
        reportUnknown(to, at: range(spans?.secondTarget))
      }
    }
    // An argument that defeats itself (an abstract framework's self-attack) is an opposes link
    // to its own node; any other link from a node to itself is a slip.
    let isSelfAttack = link.relation == .opposes && link.target == .node(sourceID)
    if link.target.nodeIDs.first == sourceID && !isSelfAttack {
      diagnostics.append(
        DiagnosticMessages.selfLink(
          sourceID, isUndercut: link.relation == .undercuts, at: lineRange()))
    } else if targetsKnown {
      if case .node = link.target {
        checkKinds(position, link.relation, targetPosition, spans: spans)
      }
      if case .link(_, let to) = link.target,
        !map.nodes[fromPosition].links.contains(where: { $0.target == .node(to) })
      {
        let from = map.nodes[fromPosition].id
        diagnostics.append(
          DiagnosticMessages.unknownUndercutLink(from: from, to: to, at: lineRange()))
      }
    }
    if let scope = link.scope {
      if let scopePosition = index[scope] {
        if map.nodes[scopePosition].kind != .interpretation {
          diagnostics.append(
            DiagnosticMessages.scopeNotInterpretation(
              map.nodes[scopePosition], at: range(spans?.scope)))
        }
      } else {
        let suggestion = suggestion(for: scope, kind: .interpretation)
        diagnostics.append(
          DiagnosticMessages.unknownScope(scope, suggestion: suggestion, at: range(spans?.scope)))
      }
    }
    if let strength = link.strength, !(0...1).contains(strength) {
      diagnostics.append(
        DiagnosticMessages.strengthOutOfRange(strength, at: range(spans?.strength)))
    }
    return Int32(truncatingIfNeeded: targetPosition)
  }

  mutating func reportUnknown(_ id: NodeID, at range: SourceRange?) {
    diagnostics.append(
      DiagnosticMessages.unknownNode(id, suggestion: suggestion(for: id), at: range))
  }

  /// Warns about a link written twice under one node (same relation, target and scope).
  mutating func checkDuplicates(_ links: [Link], of position: Int) {
    var firstPosition: [LinkKey: Int] = [:]
    for (later, link) in links.enumerated() {
      let key = LinkKey(relation: link.relation, target: link.target, scope: link.scope)
      guard let first = firstPosition[key] else {
        firstPosition[key] = later
        continue
      }
      diagnostics.append(
        DiagnosticMessages.duplicateLink(
          at: range(linkSpans(position, later)?.line),
          first: range(linkSpans(position, first)?.line)))
    }
  }

  struct LinkKey: Hashable {
    var relation: Relation
    var target: LinkTarget
    var scope: NodeID?
  }

  mutating func checkKinds(
    _ sourcePosition: Int, _ relation: Relation, _ targetPosition: Int,
    spans: SourceMap.LinkSpans?
  ) {
    let sourceKind = map.nodes[sourcePosition].kind
    let targetKind = map.nodes[targetPosition].kind
    let pointsDown = targetKind.level > sourceKind.level
    let makesSense: Bool
    switch relation {
    case .supports:
      makesSense = !pointsDown
    case .opposes:
      // Claims and evidence may attack evidence ("the letter was a forgery"); aims may not.
      makesSense = !pointsDown || sourceKind.level >= 2
    case .undercuts:
      makesSense = true
    }
    if !makesSense {
      diagnostics.append(
        DiagnosticMessages.downwardLink(
          from: map.nodes[sourcePosition], relation, to: map.nodes[targetPosition],
          at: range(spans?.target)))
    }
  }

  /// Reports support cycles (up to 20), found by an iterative depth-first search over the
  /// resolved targets: no recursion, so a million-node chain cannot overflow the stack.
  mutating func checkSupportCycles() {
    let count = map.nodes.count
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on the path, 2 done
    var parent = [Int32](repeating: -1, count: count)
    var reported = 0
    var stack: [(node: Int, next: Int)] = []
    for root in 0..<count where state[root] == 0 {
      stack.append((root, linkStart[root]))
      state[root] = 1
      while let top = stack.last {
        let end = linkStart[top.node + 1]
        var next = top.next
        var pushed = false
        while next < end {
          let target = Int(linkTargets[next])
          let linkPosition = next - linkStart[top.node]
          next += 1
          guard target >= 0, target != top.node,
            map.nodes[top.node].links[linkPosition].relation == .supports,
            case .node = map.nodes[top.node].links[linkPosition].target
          else { continue }
          if state[target] == 0 {
            stack[stack.count - 1].next = next
            parent[target] = Int32(top.node)
            state[target] = 1
            stack.append((target, linkStart[target]))
            pushed = true
            break
          } else if state[target] == 1 && reported < 20 {
            reported += 1
            var cycle = [map.nodes[top.node].id]
            var walker = top.node
            while walker != target, parent[walker] >= 0 {
              walker = Int(parent[walker])
              cycle.append(map.nodes[walker].id)
            }
            cycle.reverse()
            let at = range(linkSpans(top.node, linkPosition)?.line) ?? idRange(top.node)
            diagnostics.append(DiagnosticMessages.supportCycle(cycle, at: at))
          }
        }
        if !pushed {
          state[top.node] = 2
          stack.removeLast()
        }
      }
    }
  }

  mutating func checkConnections() {
    let count = map.nodes.count
    guard count > 1 else { return }
    var connected = [Bool](repeating: false, count: count)
    for position in 0..<count where linkStart[position + 1] > linkStart[position] {
      connected[position] = true
      for link in linkStart[position]..<linkStart[position + 1] where linkTargets[link] >= 0 {
        connected[Int(linkTargets[link])] = true
      }
      for link in map.nodes[position].links {
        if case .link(let from, _) = link.target, let found = index[from] {
          connected[found] = true
        }
        if let scope = link.scope, let found = index[scope] { connected[found] = true }
      }
    }
    for position in 0..<count where !connected[position] {
      let id = map.nodes[position].id
      if index[id] == position {
        diagnostics.append(DiagnosticMessages.isolatedNode(id, at: idRange(position)))
      }
    }
  }

  // MARK: Suggestions

  mutating func suggestion(for id: NodeID, kind: NodeKind? = nil) -> NodeID? {
    guard suggestionBudget > 0 else { return nil }
    suggestionBudget -= 1
    let candidates = map.nodes.lazy.filter { kind == nil || $0.kind == kind }.map(\.id.rawValue)
    return Suggestions.nearest(to: id.rawValue, in: candidates).map { NodeID($0) }
  }

  /// Whether a statement's text fits one `.argmap` line: no line feed, carriage return or NUL.
  /// Other control characters stay as written, as the `.argmap` reader keeps them.
  static func holdsNoLineBreak(_ text: String) -> Bool {
    !text.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0 }
  }

  /// Whether a node's drawn texts (its statement, title, corrections and reasons) hold an
  /// embedding, override or isolate control: "signed in ‮9391" is drawn "signed in 1939".
  static func holdsBidiControl(_ node: Node) -> Bool {
    let holds = BidiControl.occurs(in:)
    return holds(node.text) || node.title.map(holds) == true
      || node.flags.contains { holds($0.text) }
      || node.links.contains { $0.reasoning.map(holds) == true }
  }

  static func isOneLine(_ text: String) -> Bool {
    !text.utf8.contains { $0 < 0x20 && $0 != UInt8(ascii: "\t") || $0 == 0x7F }
  }
}
