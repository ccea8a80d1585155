extension ArgumentMap {
  /// Judges a map: unknown and duplicate ids, self links, links that make no sense between kinds,
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
private struct Validator {
  let map: ArgumentMap
  let spans: [SourceMap.NodeSpans]?
  let start: SourceRange?
  let metadataDateRange: SourceRange?
  var diagnostics: [Diagnostic] = []
  /// Position of each id's first node.
  var index: [NodeID: Int] = [:]
  /// How many suggestions may still be computed (each costs a scan of every id).
  var suggestionBudget = 20

  init(map: ArgumentMap, sourceMap: SourceMap?) {
    self.map = map
    if let sourceMap, sourceMap.nodes.count == map.nodes.count {
      spans = sourceMap.nodes
    } else {
      spans = nil
    }
    start = sourceMap?.start
    metadataDateRange = sourceMap?.metadataDate
  }

  mutating func run() -> [Diagnostic] {
    checkMetadata()
    checkNodes()
    checkLinks()
    checkSupportCycles()
    checkConnections()
    if !map.nodes.isEmpty && !map.nodes.contains(where: \.isMainAim) {
      diagnostics.append(DiagnosticMessages.noMainAim(at: start))
    }
    return diagnostics
  }

  // MARK: Locations

  func idRange(_ node: Int) -> SourceRange? { spans?[node].id }
  func dateRange(_ node: Int) -> SourceRange? { spans?[node].date ?? spans?[node].id }
  func linkSpans(_ node: Int, _ link: Int) -> SourceMap.LinkSpans? {
    guard let spans, link < spans[node].links.count else { return nil }
    return spans[node].links[link]
  }

  // MARK: Checks

  mutating func checkMetadata() {
    if let date = map.metadata.date {
      let parsed = DateParser.date(Substring(date).trimmingSpaces())
      if parsed == nil || parsed?.isValid == false {
        diagnostics.append(DiagnosticMessages.malformedMetadataDate(date, at: metadataDateRange))
      }
    }
    let texts = [map.metadata.title, map.metadata.author, map.metadata.date, map.metadata.language]
    for text in texts.compactMap({ $0 }) + map.metadata.extra.flatMap({ [$0.key, $0.value] })
    where !Self.isOneLine(text) {
      diagnostics.append(DiagnosticMessages.multilineText("front matter", at: start))
    }
  }

  mutating func checkNodes() {
    index.reserveCapacity(map.nodes.count)
    let hasText = spans != nil
    for (position, node) in map.nodes.enumerated() {
      if let first = index[node.id] {
        diagnostics.append(
          DiagnosticMessages.duplicateID(node.id, at: idRange(position), first: idRange(first)))
      } else {
        index[node.id] = position
      }
      if !hasText {
        // Text input is held to these by the parser already.
        if !NodeID.isValid(node.id.rawValue) {
          diagnostics.append(DiagnosticMessages.invalidID(node.id.rawValue, at: nil))
        }
        if node.text.isEmpty {
          diagnostics.append(DiagnosticMessages.missingText(of: node.id, at: nil))
        }
        checkOneLine(node)
      }
      if let date = node.date {
        if !date.start.isValid || date.end?.isValid == false {
          diagnostics.append(
            DiagnosticMessages.impossibleDate(date.description, at: dateRange(position)))
        } else if let end = date.end, end < date.start {
          diagnostics.append(
            DiagnosticMessages.reversedDateRange(date.description, at: dateRange(position)))
        }
      }
      if let strength = node.strength, !(0...1).contains(strength) {
        diagnostics.append(
          DiagnosticMessages.strengthOutOfRange(strength, at: spans?[position].strength))
      }
    }
  }

  mutating func checkOneLine(_ node: Node) {
    var texts = [node.text] + node.sources + node.notes + node.tags + node.comments
    texts += node.trailingComments
    for flag in node.flags { texts += [flag.text] + flag.sources + flag.comments }
    for link in node.links { texts += [link.reasoning ?? ""] + link.comments }
    if texts.contains(where: { !Self.isOneLine($0) }) {
      diagnostics.append(DiagnosticMessages.multilineText("node '\(node.id)'", at: nil))
    }
  }

  mutating func checkLinks() {
    var seen: Set<LinkKey> = []
    for (position, node) in map.nodes.enumerated() {
      seen.removeAll(keepingCapacity: true)
      var firstSpans: [LinkKey: Int] = [:]
      for (linkPosition, link) in node.links.enumerated() {
        let spans = linkSpans(position, linkPosition)
        let lineRange = spans?.line
        var targetsKnown = true
        for (idPosition, id) in link.target.nodeIDs.enumerated() where index[id] == nil {
          targetsKnown = false
          let range = spans.flatMap { idPosition < $0.targets.count ? $0.targets[idPosition] : nil }
          diagnostics.append(
            DiagnosticMessages.unknownNode(id, suggestion: suggestion(for: id), at: range))
        }
        if link.target.nodeIDs.first == node.id {
          diagnostics.append(DiagnosticMessages.selfLink(node.id, at: lineRange))
        } else if targetsKnown {
          checkKinds(node, link, at: spans?.targets.first ?? lineRange)
        }
        if case .link(let from, let to) = link.target, targetsKnown, let fromIndex = index[from] {
          let exists = map.nodes[fromIndex].links.contains { $0.target == .node(to) }
          if !exists {
            diagnostics.append(
              DiagnosticMessages.unknownUndercutLink(from: from, to: to, at: lineRange))
          }
        }
        if let scope = link.scope {
          if let scopeIndex = index[scope] {
            let scopeNode = map.nodes[scopeIndex]
            if scopeNode.kind != .interpretation {
              diagnostics.append(
                DiagnosticMessages.scopeNotInterpretation(scopeNode, at: spans?.scope))
            }
          } else {
            diagnostics.append(
              DiagnosticMessages.unknownScope(
                scope, suggestion: suggestion(for: scope, kind: .interpretation),
                at: spans?.scope))
          }
        }
        if let strength = link.strength, !(0...1).contains(strength) {
          diagnostics.append(DiagnosticMessages.strengthOutOfRange(strength, at: spans?.strength))
        }
        let key = LinkKey(relation: link.relation, target: link.target, scope: link.scope)
        if seen.insert(key).inserted {
          firstSpans[key] = linkPosition
        } else {
          let first = firstSpans[key].flatMap { linkSpans(position, $0)?.line }
          diagnostics.append(DiagnosticMessages.duplicateLink(at: lineRange, first: first))
        }
      }
    }
  }

  struct LinkKey: Hashable {
    var relation: Relation
    var target: LinkTarget
    var scope: NodeID?
  }

  mutating func checkKinds(_ source: Node, _ link: Link, at range: SourceRange?) {
    guard case .node(let targetID) = link.target, let targetIndex = index[targetID] else { return }
    let target = map.nodes[targetIndex]
    let pointsDown = target.kind.level > source.kind.level
    let makesSense: Bool
    switch link.relation {
    case .supports:
      makesSense = !pointsDown
    case .opposes:
      // Claims and evidence may attack evidence ("the letter was a forgery"); aims may not.
      makesSense = !pointsDown || source.kind.level >= 2
    case .undercuts:
      makesSense = true
    }
    if !makesSense {
      diagnostics.append(
        DiagnosticMessages.downwardLink(from: source, link.relation, to: target, at: range))
    }
  }

  /// Reports each support cycle once, found by an iterative depth-first search (no recursion, so
  /// a million-node chain cannot overflow the stack).
  mutating func checkSupportCycles() {
    let count = map.nodes.count
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on the path, 2 done
    var parent = [Int](repeating: -1, count: count)
    var reported = 0
    var stack: [(node: Int, next: Int)] = []
    for root in 0..<count where state[root] == 0 {
      stack.append((root, 0))
      state[root] = 1
      while let top = stack.last {
        let links = map.nodes[top.node].links
        var nextLink = top.next
        var pushed = false
        while nextLink < links.count {
          let link = links[nextLink]
          nextLink += 1
          guard link.relation == .supports, case .node(let id) = link.target,
            let target = index[id], target != top.node
          else { continue }
          if state[target] == 0 {
            stack[stack.count - 1].next = nextLink
            parent[target] = top.node
            state[target] = 1
            stack.append((target, 0))
            pushed = true
            break
          } else if state[target] == 1 && reported < 20 {
            reported += 1
            var cycle = [map.nodes[top.node].id]
            var walker = top.node
            while walker != target, parent[walker] >= 0 {
              walker = parent[walker]
              cycle.append(map.nodes[walker].id)
            }
            cycle.reverse()
            diagnostics.append(
              DiagnosticMessages.supportCycle(
                cycle, at: linkSpans(top.node, nextLink - 1)?.line ?? idRange(top.node)))
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
    guard map.nodes.count > 1 else { return }
    var connected = [Bool](repeating: false, count: map.nodes.count)
    for (position, node) in map.nodes.enumerated() where !node.links.isEmpty {
      connected[position] = true
      for link in node.links {
        for id in link.target.nodeIDs { if let target = index[id] { connected[target] = true } }
        if let scope = link.scope, let target = index[scope] { connected[target] = true }
      }
    }
    for (position, node) in map.nodes.enumerated() where !connected[position] {
      if index[node.id] == position {
        diagnostics.append(DiagnosticMessages.isolatedNode(node.id, at: idRange(position)))
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

  static func isOneLine(_ text: String) -> Bool {
    !text.utf8.contains { $0 < 0x20 && $0 != UInt8(ascii: "\t") || $0 == 0x7F }
  }
}
