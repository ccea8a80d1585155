import ArgumentMap

/// Builds the scene of one view of one map: the shared part (element ids, labels, hover texts,
/// links, undercut junctions, legend, outline); the views add their rows and columns.
struct SceneBuilder {
  let map: ArgumentMap
  let options: SceneOptions
  /// Position in `map.nodes` of each id; the first node wins when an id repeats.
  let index: [NodeID: Int]
  /// Element id of each node, by position.
  let elementIDs: [SceneElementID]
  /// Blank number of each node, by position; `nil` when the node is shown.
  let blankNumbers: [Int?]
  /// The pairs (source, target) of links that some undercut attacks, each with its junction
  /// (numbered in written order; only looked up, never iterated).
  let junctions: [LinkPair: SceneElementID]

  /// A link's two ends, as an undercut names them.
  struct LinkPair: Hashable {
    var from: NodeID
    var to: NodeID
  }

  init(map: ArgumentMap, options: SceneOptions) {
    self.map = map
    self.options = options
    index = map.nodeIndex()
    var ids: [SceneElementID] = []
    var numbers: [Int?] = []
    var used: Set<SceneElementID> = []
    var blankCount = 0
    for (position, node) in map.nodes.enumerated() {
      let isBlank =
        options.blankNodes.contains(node.id) || options.blankKinds.contains(node.kind)
      if isBlank {
        blankCount += 1
        numbers.append(blankCount)
      } else {
        numbers.append(nil)
      }
      var id =
        isBlank ? SceneElementID("blank-\(blankCount)") : SceneElementID("n-" + node.id.rawValue)
      if used.contains(id) { id = SceneElementID("dup-\(position + 1)") }
      used.insert(id)
      ids.append(id)
    }
    elementIDs = ids
    blankNumbers = numbers

    var undercut: Set<LinkPair> = []
    for node in map.nodes {
      for link in node.links {
        if case .link(let from, let to) = link.target {
          undercut.insert(LinkPair(from: from, to: to))
        }
      }
    }
    var junctions: [LinkPair: SceneElementID] = [:]
    for node in map.nodes {
      for link in node.links where Self.holds(link, under: options.scope) {
        guard case .node(let target) = link.target else { continue }
        let pair = LinkPair(from: node.id, to: target)
        guard undercut.contains(pair), junctions[pair] == nil, index[target] != nil else {
          continue
        }
        junctions[pair] = SceneElementID("j-\(junctions.count + 1)")
      }
    }
    self.junctions = junctions
  }

  // MARK: Names and texts

  /// How texts a reader meets (hover text, the picture's description) refer to a node: its
  /// short name (title, the words before a colon, or a short text), else its first words, in
  /// quotes, as a screen reader should say it, not its id
  /// ("'recognition' supports 'security'" named nothing a class can see); "blank 3" on a
  /// worksheet; the id of a node the map does not have.
  func reference(to id: NodeID) -> String {
    guard let position = index[id] else { return "'\(id)'" }
    if let number = blankNumbers[position] { return "blank \(number)" }
    return "\u{201C}" + (map.nodes[position].shortName ?? titleOrName(position)) + "\u{201D}"
  }

  /// The interpretations a node's links are read under: scopes, and interpretations it links to
  /// directly, in first-seen order.
  func readings(of node: Node) -> [NodeID] {
    var seen: [NodeID] = []
    for link in node.links {
      var reading = link.scope
      if reading == nil, case .node(let target) = link.target,
        let position = index[target], map.nodes[position].kind == .interpretation
      {
        reading = target
      }
      if let reading, !seen.contains(reading) { seen.append(reading) }
    }
    return seen
  }

  /// The scene node of the map node at `position`.
  func sceneNode(at position: Int, isReadTwoWays: Bool) -> SceneNode {
    let node = map.nodes[position]
    var lines = TextWrapping.wrap(Scene.drawnPart(of: node.text), width: options.lineWidth)
    if let date = node.date { lines.append(date.displayText) }
    lines += SceneNode.markLines(isFlagged: node.isFlagged, isReadTwoWays: isReadTwoWays)
    let blankNumber = blankNumbers[position]
    return SceneNode(
      id: elementIDs[position],
      role: .statement(node.kind),
      label: lines.joined(separator: "\n"),
      hoverText: blankNumber.map { "blank \($0)" } ?? hoverText(of: node),
      isBlank: blankNumber != nil,
      blankLabel: blankNumber.map { "(\($0))" } ?? "",
      isFlagged: node.isFlagged,
      isReadTwoWays: isReadTwoWays,
      date: blankNumber == nil ? node.date : nil
    )
  }

  private func hoverText(of node: Node) -> String {
    var parts = [node.kind.displayName + ": " + node.text]
    if let date = node.date { parts.append("Date: " + date.displayText) }
    for source in node.sources { parts.append("Source: " + source) }
    for flag in node.flags {
      parts.append("Correction: " + flag.text)
      for source in flag.sources { parts.append("Source: " + source) }
    }
    return parts.joined(separator: "\n")
  }

  // MARK: Links

  /// The scene edges (and junction nodes) of the given links, each as `(position, link index)`.
  ///
  /// Links whose target is not in the map are skipped: the validator reports them.
  func linkEdges(
    _ links: [(position: Int, linkIndex: Int)],
    placement: (Int, Link) -> (backwards: Bool, constraint: Bool) = { _, _ in (false, true) }
  ) -> (nodes: [SceneNode], edges: [SceneEdge]) {
    var junctionNodes: [SceneNode] = []
    var emittedJunctions: Set<SceneElementID> = []
    var edges: [SceneEdge] = []
    for (position, linkIndex) in links {
      let node = map.nodes[position]
      let link = node.links[linkIndex]
      let edgeID = SceneElementID("link-\(position + 1)-\(linkIndex + 1)")
      let (backwards, constraint) = placement(position, link)
      let label = edgeLabel(link, from: node.id)
      let hover = hoverText(of: link, from: node.id)
      switch link.target {
      case .node(let target):
        guard let targetPosition = index[target] else { continue }
        let pair = LinkPair(from: node.id, to: target)
        if let junction = junctions[pair] {
          if emittedJunctions.insert(junction).inserted {
            junctionNodes.append(SceneNode(id: junction, role: .junction, label: ""))
          }
          edges.append(
            SceneEdge(
              id: edgeID, source: elementIDs[position], target: junction,
              role: .linkToJunction(link.relation), label: label, hoverText: hover,
              strength: link.strength, isLaidOutBackwards: backwards, isConstraint: constraint))
          edges.append(
            SceneEdge(
              id: SceneElementID(edgeID.rawValue + "-end"), source: junction,
              target: elementIDs[targetPosition], role: .link(link.relation), hoverText: hover,
              strength: link.strength, isLaidOutBackwards: backwards, isConstraint: constraint))
        } else {
          edges.append(
            SceneEdge(
              id: edgeID, source: elementIDs[position], target: elementIDs[targetPosition],
              role: .link(link.relation), label: label, hoverText: hover,
              strength: link.strength, isLaidOutBackwards: backwards, isConstraint: constraint))
        }
      case .link(let from, let to):
        guard let junction = junctions[LinkPair(from: from, to: to)] else { continue }
        edges.append(
          SceneEdge(
            id: edgeID, source: elementIDs[position], target: junction,
            role: .link(link.relation), label: label, hoverText: hover,
            // Ranked like any link (the undercutter below the junction): Graphviz 2.42 leaks
            // a few hundred bytes per render for every edge with `constraint=false`.
            strength: link.strength, isLaidOutBackwards: backwards, isConstraint: constraint))
      }
    }
    return (junctionNodes, edges)
  }

  private func edgeLabel(_ link: Link, from source: NodeID) -> String? {
    var lines: [String] = []
    if let scope = link.scope { lines.append("[" + referenceWithoutQuotes(scope) + "]") }
    // A worksheet leaves out the reasoning of a link at a blank, which would give it away.
    if options.showsReasoning, let reasoning = link.reasoning {
      let shown = touchesABlank(link, from: source) ? Self.hiddenReasoning : reasoning
      lines += TextWrapping.wrap(Scene.drawnPart(of: shown), width: options.lineWidth)
    }
    // A label of empty lines only (reasoning of line breaks or dropped control characters) has
    // no width; with any `xlabel` in the graph it makes Graphviz 2.42 abort the process
    // ("lblenclosing: Assertion `objp1->sz.x == 0 && objp1->sz.y == 0' failed").
    let drawsSomething = lines.contains { line in
      line.unicodeScalars.contains { !DOTEscape.isXMLForbidden($0) && $0 != "\r" }
    }
    return drawsSomething ? lines.joined(separator: "\n") : nil
  }

  func referenceWithoutQuotes(_ id: NodeID) -> String {
    guard let position = index[id], let number = blankNumbers[position] else { return id.rawValue }
    return "blank \(number)"
  }

  /// Whether `link` starts or ends at a blank of a worksheet: its reasoning would give the
  /// blanked statement away ("it bought time to rearm" names the pact), so it is left out of
  /// the key, the arrow's hover text and the outline.
  func touchesABlank(_ link: Link, from source: NodeID) -> Bool {
    guard blankNumbers.contains(where: { $0 != nil }) else { return false }
    return ([source] + link.target.nodeIDs).contains { id in
      index[id].map { blankNumbers[$0] != nil } ?? false
    }
  }

  /// What a worksheet shows instead of a reasoning that would give a blank away.
  static let hiddenReasoning = "left out on the worksheet"

  /// "'pact' supports 'strength' under 'defensive': reasoning".
  func hoverText(of link: Link, from source: NodeID) -> String {
    var text = reference(to: source) + " " + link.relation.rawValue + " "
    switch link.target {
    case .node(let target): text += reference(to: target)
    case .link(let from, let to):
      text += "the link from " + reference(to: from) + " to " + reference(to: to)
    }
    if let scope = link.scope { text += " under " + reference(to: scope) }
    if let reasoning = link.reasoning {
      text += ": " + (touchesABlank(link, from: source) ? Self.hiddenReasoning : reasoning)
    }
    return text
  }

  // MARK: Legend and outline

  /// The legend box: one sample of every mark `nodes` and `edges` use and nothing else: node
  /// kinds in rows of four (main aim first); relations; each interpretation's line; the flag,
  /// "read two ways" and "continued on another page" marks. Rows are kept in order by invisible
  /// edges.
  func legend(nodes: [SceneNode], edges: [SceneEdge], direction: Scene.Direction) -> (
    nodes: [SceneNode], edges: [SceneEdge], groups: [SceneGroup]
  ) {
    var legendNodes: [SceneNode] = []
    var legendEdges: [SceneEdge] = []
    var rows: [SceneGroup] = []
    /// An ordering edge: `source` left of (or below) `target` bottom to top. Left to right,
    /// Graphviz turns the picture, so the edge is reversed to keep the same reading order.
    func invisibleEdge(_ source: SceneElementID, _ target: SceneElementID) {
      let isTurned = direction == .leftToRight
      legendEdges.append(
        SceneEdge(
          id: SceneElementID("legend-order-\(legendEdges.count + 1)"),
          source: isTurned ? target : source, target: isTurned ? source : target,
          role: .invisible))
    }
    /// Adds a row below the previous one; `members` are ordered left to right by the caller.
    func addRow(_ members: [SceneElementID]) {
      if let above = rows.last?.members.first, let first = members.first {
        invisibleEdge(first, above)
      }
      // Bottom to top, the first row shares the top rank, so the legend hangs from the top of
      // the diagram instead of stretching over the tall ranks of the evidence. Left to right,
      // ranks are columns, and the rows simply stack.
      let isTop = rows.isEmpty && direction == .bottomToTop
      rows.append(
        SceneGroup(
          id: SceneElementID("legend-row-\(rows.count + 1)"),
          arrangement: isTop ? .topRank : .sameRank, members: members))
    }
    let kinds = NodeKind.allCases.filter { kind in
      nodes.contains { $0.role == .statement(kind) }
    }
    var start = 0
    while start < kinds.count {
      let rowKinds = kinds[start..<min(start + 4, kinds.count)]
      let ids = rowKinds.map { SceneElementID("legend-" + $0.keyword) }
      for (kind, id) in zip(rowKinds, ids) {
        legendNodes.append(SceneNode(id: id, role: .legendSample(kind), label: kind.displayName))
      }
      for (left, right) in zip(ids, ids.dropFirst()) { invisibleEdge(left, right) }
      addRow(ids)
      start += 4
    }
    let relations = Relation.allCases.filter { relation in
      edges.contains { $0.role == .link(relation) || $0.role == .linkToJunction(relation) }
    }
    var relationRow: [SceneElementID] = []
    for relation in relations {
      let from = SceneElementID("legend-" + relation.rawValue + "-from")
      let to = SceneElementID("legend-" + relation.rawValue + "-to")
      legendNodes.append(SceneNode(id: from, role: .caption, label: relation.rawValue))
      legendNodes.append(SceneNode(id: to, role: .caption, label: " "))
      if let previous = relationRow.last { invisibleEdge(previous, from) }
      legendEdges.append(
        SceneEdge(
          id: SceneElementID("legend-" + relation.rawValue), source: from, target: to,
          role: .link(relation)))
      relationRow += [from, to]
    }
    // A link weighed below full strength is drawn thinner.
    if edges.contains(where: { ($0.strength ?? 1) < 1 }) {
      let from = SceneElementID("legend-weaker-from")
      let to = SceneElementID("legend-weaker-to")
      legendNodes.append(SceneNode(id: from, role: .caption, label: "thinner: a weaker link"))
      legendNodes.append(SceneNode(id: to, role: .caption, label: " "))
      if let previous = relationRow.last { invisibleEdge(previous, from) }
      var sample = SceneEdge(
        id: SceneElementID("legend-weaker"), source: from, target: to, role: .link(.supports))
      sample.strength = 0.3
      legendEdges.append(sample)
      relationRow += [from, to]
    }
    if !relationRow.isEmpty { addRow(relationRow) }
    // Each reading's colour and end marker, named as the map names the interpretation.
    var readingRow: [SceneElementID] = []
    let marks = Set(edges.compactMap(\.interpretationMark)).sorted()
    for mark in marks where mark < map.interpretations.count {
      let interpretation = map.interpretations[mark]
      let name =
        index[interpretation.id].map { shortName($0, words: 4) } ?? interpretation.id.rawValue
      let from = SceneElementID("legend-reading-\(mark + 1)-from")
      let to = SceneElementID("legend-reading-\(mark + 1)-to")
      legendNodes.append(SceneNode(id: from, role: .caption, label: "read as " + name))
      legendNodes.append(SceneNode(id: to, role: .caption, label: " "))
      if let previous = readingRow.last { invisibleEdge(previous, from) }
      legendEdges.append(
        SceneEdge(
          id: SceneElementID("legend-reading-\(mark + 1)"), source: from, target: to,
          role: .link(.supports), interpretationMark: mark))
      readingRow += [from, to]
      if readingRow.count >= 4 {
        addRow(readingRow)
        readingRow = []
      }
    }
    if !readingRow.isEmpty { addRow(readingRow) }
    // The marks on boxes.
    var markRow: [SceneElementID] = []
    func addMark(_ id: String, _ role: SceneNode.Role, _ label: String) {
      let element = SceneElementID("legend-" + id)
      legendNodes.append(SceneNode(id: element, role: role, label: label))
      if let previous = markRow.last { invisibleEdge(previous, element) }
      markRow.append(element)
    }
    let statements = nodes.filter { if case .statement = $0.role { true } else { false } }
    if statements.contains(where: \.isFlagged) {
      addMark(
        "flagged", .markSample(flagged: true, readTwoWays: false),
        "\u{26A0} fact flagged:\na factual slip, corrected")
    }
    if statements.contains(where: \.isReadTwoWays) {
      addMark(
        "read-two-ways", .markSample(flagged: false, readTwoWays: true),
        "\u{21C4} read two ways:\nlinks under two readings")
    }
    if nodes.contains(where: { $0.role == .stub }) {
      addMark("stub", .stub, "a statement drawn\non another page")
    }
    if !markRow.isEmpty { addRow(markRow) }
    let box = SceneGroup(
      id: SceneElementID("legend"), arrangement: .box(heading: "Legend"),
      members: legendNodes.map(\.id), subgroups: rows)
    return (legendNodes, legendEdges, [box])
  }

  /// A plain-text outline of the drawn statements and links, for the SVG `<desc>`.
  func outline(
    heading: String, positions: [Int], links: [(position: Int, linkIndex: Int)]
  ) -> String {
    var lines = [heading]
    var linksByPosition: [Int: [Int]] = [:]
    for (position, linkIndex) in links { linksByPosition[position, default: []].append(linkIndex) }
    for position in positions {
      let node = map.nodes[position]
      // The text follows, so only a title adds a name.
      var line =
        node.kind.displayName.capitalizedFirst
        + (node.title == nil ? "" : " " + reference(to: node.id))
      if let number = blankNumbers[position] {
        line =
          node.kind.displayName.capitalizedFirst + " blank \(number): to be filled in"
          + (node.isFlagged ? " (fact flagged)." : ".")
      } else {
        if let date = node.date { line += " (" + date.displayText + ")" }
        line += ": " + node.text
      }
      lines.append(line)
      if blankNumbers[position] == nil {
        for flag in node.flags { lines.append("  Flagged: " + flag.text) }
      }
      for linkIndex in linksByPosition[position] ?? [] {
        lines.append("  " + hoverText(of: node.links[linkIndex], from: node.id))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The map's title, or a neutral one.
  var title: String {
    map.metadata.title ?? "Argument map"
  }

  /// Whether `link` holds under `scope`: always without a scope; else when it is unscoped or
  /// scoped to it.
  static func holds(_ link: Link, under scope: NodeID?) -> Bool {
    guard let scope, let linkScope = link.scope else { return true }
    return linkScope == scope
  }

  /// Every link of the map as `(position, link index)`, in written order; under a scope, only
  /// the links that hold under it (unscoped, or scoped to it).
  var allLinks: [(position: Int, linkIndex: Int)] {
    map.nodes.indices.flatMap { position in
      map.nodes[position].links.indices.filter { linkIndex in
        Self.holds(map.nodes[position].links[linkIndex], under: options.scope)
      }.map { (position: position, linkIndex: $0) }
    }
  }
}

extension String {
  /// The string with its first character in upper case ("main aim" → "Main aim").
  fileprivate var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}
