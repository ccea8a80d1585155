import ArgumentAnalysis
import ArgumentMap

/// The teaching layout: the map as a teacher draws it on the board. Aims and interpretations on
/// the top row, sub-aims on the next, and under each aim or sub-aim a "For" box and an "Against"
/// box with the statements that bear on it. Every box starts with the word for its role, so the
/// picture reads without colour; arrows carry no text, only the number of their reason, and the
/// reasons are listed in a key under the picture.
extension SceneBuilder {
  /// One reason in the key: the number its arrow carries and the words of the key line.
  struct Reason: Hashable, Sendable {
    /// The number on the arrow (1, 2, ...), the same on every page of one map.
    var number: Int
    /// `(source position, link index)` of the link.
    var link: LinkKey
    /// "3  Nazi–Soviet Pact → Industrial and military strength (supports): it bought time".
    var line: String
    /// "3  supports: it bought time", for an arrow that carries its number.
    var shortLine: String
    /// Whether a worksheet leaves the reason out: it would give a blank away.
    var isHidden = false
  }

  /// A link of the map by where it is written.
  struct LinkKey: Hashable, Sendable {
    /// Position of the source node in `map.nodes`.
    var position: Int
    /// Index of the link among the source's links.
    var linkIndex: Int
  }

  /// A box standing for the link `pair`, drawn on another page ("Pact → Security, continued
  /// on page 4"), for an undercut drawn here of a link that is not; nil when that page is not
  /// known.
  func linkStub(_ pair: LinkPair, elsewhere: [Int: Int], nodes: inout [SceneNode])
    -> SceneElementID?
  {
    guard let from = index[pair.from], let to = index[pair.to],
      let page = elsewhere[from] ?? elsewhere[to]
    else { return nil }
    let id = SceneElementID("stub-link-\(from + 1)-\(to + 1)")
    if nodes.contains(where: { $0.id == id }) { return id }
    nodes.append(
      SceneNode(
        id: id, role: .stub,
        // Each end by its first words, so the box is no taller than a statement's: on a page
        // that only just fits, a taller box pushes the text below a readable size.
        label: TextWrapping.wrap(
          Self.shortened(titleOrName(from), words: 3) + " → "
            + Self.shortened(titleOrName(to), words: 3), width: 24
        )
        .joined(separator: "\n") + "\ncontinued on page \(page)",
        hoverText: "The link from " + hoverText(ofPosition: from) + " to "
          + hoverText(ofPosition: to)))
    return id
  }

  /// The name of a statement on a stub (a small box for a statement drawn on another page) and
  /// in the corrections: its short title when it has one (the first words of "The essay says
  /// that in 1932 ..." name nothing), else its first eight words; a blank is named by its
  /// number, as everywhere.
  func titleOrName(_ position: Int) -> String {
    guard blankNumbers[position] == nil, let title = map.nodes[position].title,
      !title.isEmpty
    else { return shortName(position, words: 8) }
    let name = Self.shortened(title, words: 8)
    return Scene.cut(name, limit: Self.nameCharacters) ?? name
  }

  /// The words of a node a key or a stub names it by: the start of its first sentence.
  func shortName(_ position: Int, words: Int = 7) -> String {
    if let number = blankNumbers[position] { return "blank \(number)" }
    // A name is short: an unbroken run of letters is cut too (`Scene.cut`).
    let name = Self.shortened(drawnText(position), words: words)
    return Scene.cut(name, limit: Self.nameCharacters) ?? name
  }

  /// The numbered reasons of the drawn links, in written order.
  var reasons: [Reason] {
    guard options.showsReasoning else { return [] }
    var result: [Reason] = []
    for (position, linkIndex) in allLinks {
      let link = map.nodes[position].links[linkIndex]
      // A reasoning of control characters or spaces only draws nothing: no number for it.
      guard let reasoning = link.reasoning,
        reasoning.unicodeScalars.contains(where: {
          !DOTEscape.isXMLForbidden($0) && !$0.properties.isWhitespace
        })
      else { continue }
      let target: String
      switch link.target {
      case .node(let id):
        guard let targetPosition = index[id] else { continue }
        target = shortName(targetPosition)
      case .link(let from, let to):
        guard let fromPosition = index[from], let toPosition = index[to] else { continue }
        target =
          "the link " + shortName(fromPosition, words: 4) + " → "
          + shortName(toPosition, words: 4)
      }
      let scope =
        link.scope.map { scope in
          ", read as " + (index[scope].map { shortName($0, words: 4) } ?? scope.rawValue)
        } ?? ""
      let number = result.count + 1
      // On a worksheet the reason of a link at a blank would give the blank away.
      let isHidden = touchesABlank(link, from: map.nodes[position].id)
      let reasonText =
        isHidden
        ? Self.hiddenReasoning : Scene.cut(reasoning, limit: Scene.keyEntryCharacters) ?? reasoning
      let line =
        "\(number)  " + shortName(position) + " → " + target + " (" + link.relation.rawValue
        + scope + "): " + reasonText
      let shortLine =
        "\(number)  " + link.relation.rawValue + scope
        + ": " + reasonText
      result.append(
        Reason(
          number: number, link: LinkKey(position: position, linkIndex: linkIndex), line: line,
          shortLine: shortLine, isHidden: isHidden))
    }
    return result
  }

  /// The label of a statement in the teaching layout: its role in capitals (and date), the
  /// start of its text, its marks.
  func teachingLabel(_ position: Int, isReadTwoWays: Bool, words: Int = labelWords) -> String {
    let node = map.nodes[position]
    var heading = Self.roleWord(node.kind)
    if let date = node.date { heading += " \u{00B7} " + date.displayText }
    var lines = [heading]
    lines += TextWrapping.wrap(
      Self.shortened(drawnText(position), words: words), width: options.lineWidth)
    lines += SceneNode.markLines(isFlagged: node.isFlagged, isReadTwoWays: isReadTwoWays)
    return lines.joined(separator: "\n")
  }

  /// The text a box shows before it is shortened: the first sentence; an interpretation goes by
  /// its name ("Security reading: Stalin was looking for ..." is "Security reading").
  func drawnText(_ position: Int) -> String {
    let node = map.nodes[position]
    let text = firstSentence(of: node.text)
    if node.kind == .interpretation, let colon = text.range(of: ": "),
      text[..<colon.lowerBound].split(separator: " ").count <= 5
    {
      return String(text[..<colon.lowerBound])
    }
    return text
  }

  /// The most characters of a statement's name in a key, a stub or a legend.
  static let nameCharacters = 60

  /// The most words a teaching label shows; the full text is in the hover text and the outline.
  static let labelWords = 12

  /// The word a box starts with, readable in greyscale and by a student who missed the legend.
  static func roleWord(_ kind: NodeKind) -> String {
    switch kind {
    case .mainAim: "MAIN AIM"
    case .subAim: "SUB-AIM"
    case .claim: "CLAIM"
    case .counterclaim: "COUNTERCLAIM"
    case .evidence: "EVIDENCE"
    case .event: "EVENT"
    case .interpretation: "INTERPRETATION"
    }
  }

  /// The first sentence of `text` (to ". ", "; " or "? "), when it has at least four words. A
  /// sentence that ends at a semicolon goes on, so it ends with an ellipsis, not the ";".
  private func firstSentence(of text: String) -> String {
    let text = Scene.drawnPart(of: text)
    var previous: Character = " "
    var count = 0
    var words = 1
    for character in text {
      count += 1
      if character == " " {
        if previous == "." || previous == "?", words >= 4 {
          return String(text.prefix(count - 1))
        }
        if previous == ";", words >= 4 {
          return text.prefix(count - 2) + "\u{2026}"
        }
        words += 1
      }
      previous = character
    }
    return text
  }

  /// `text` cut to `words` words and an ellipsis.
  static func shortened(_ text: String, words: Int) -> String {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count > words else { return text }
    var cut = parts.prefix(words).joined(separator: " ")
    while let last = cut.last, ",;:-–".contains(last) { cut.removeLast() }
    return cut + "\u{2026}"
  }

  // MARK: Scenes

  /// The teaching layout of `shown` (positions in `map.nodes`), or of the whole map.
  ///
  /// - Parameters:
  ///   - plan: The grouping of the map into parts.
  ///   - shown: The statements drawn; the rest of the plan is left out.
  ///   - elsewhere: For statements drawn on another page, that page's number: a link between a
  ///     drawn statement and one of these is drawn to a small "continued on page N" box.
  ///   - reachOut: The drawn statements whose links to other pages are drawn; by default all.
  ///     A page of a part leaves out its anchor's links elsewhere (the overview has them).
  ///   - stackDepth: When set, each "For" and "Against" box stacks its statements in columns
  ///     of this many, instead of one row per kind: for pages.
  ///   - withKey: Whether the key of reasons goes under the picture.
  ///   - name: The Graphviz graph name.
  ///   - titleSuffix: Added to the map's title (": recognition").
  ///   - drawsLinkStubs: Whether an undercut of a link drawn on another page goes to a box
  ///     standing for that link ("Pact → Security, continued on page 4").
  ///   - keyColumnsPerRow: How many columns of a long key stand side by side: one on a
  ///     portrait page, whose width runs out before its height; `nil` for a picture drawn at
  ///     its natural size, whose key then stands as a block about as wide as it is high.
  /// - Returns: The scene, with rows, boxes, stub boxes and the key.
  func teachingScene(
    plan: TeachingPlan, shown: [Int], elsewhere: [Int: Int] = [:], reachOut: Set<Int>? = nil,
    stackDepth: Int? = nil, withKey: Bool, name: String = "argument", titleSuffix: String = "",
    drawsLinkStubs: Bool = true, keyColumnsPerRow: Int? = Scene.keyColumnsPerRow
  ) -> Scene {
    let shownSet = Set(shown)
    let reachOut = reachOut ?? shownSet
    let reasons = self.reasons
    let numbers = Dictionary(
      reasons.map { ($0.link, $0.number) }, uniquingKeysWith: { first, _ in first })
    var nodes: [SceneNode] = []
    for position in shown {
      var node = sceneNode(
        at: position, isReadTwoWays: readings(of: map.nodes[position]).count >= 2)
      node.label = teachingLabel(position, isReadTwoWays: node.isReadTwoWays)
      nodes.append(node)
    }
    var edges: [SceneEdge] = []
    var stubs: [Int: SceneElementID] = [:]
    func end(_ position: Int) -> SceneElementID? {
      if shownSet.contains(position) { return elementIDs[position] }
      guard let page = elsewhere[position] else { return nil }
      if let stub = stubs[position] { return stub }
      let id = SceneElementID("stub-\(position + 1)")
      stubs[position] = id
      nodes.append(
        SceneNode(
          id: id, role: .stub,
          label: TextWrapping.wrap(titleOrName(position), width: 20)
            .joined(separator: "\n") + "\ncontinued on page \(page)",
          hoverText: hoverText(ofPosition: position)))
      return id
    }
    // Links between one drawn statement and several on the same other page, alike in relation
    // and reading, share one box ("4 statements, continued on page 3") and one arrow.
    struct Bundle: Hashable {
      var drawn: Int
      var fromElsewhere: Bool
      var relation: Relation
      var mark: Int?
    }
    func bundle(_ position: Int, _ link: Link, _ target: Int) -> Bundle? {
      let mark = link.scope.flatMap { interpretationMark(of: $0) }
      if shownSet.contains(position), !shownSet.contains(target), elsewhere[target] != nil {
        return Bundle(drawn: position, fromElsewhere: false, relation: link.relation, mark: mark)
      }
      if shownSet.contains(target), !shownSet.contains(position), elsewhere[position] != nil {
        return Bundle(drawn: target, fromElsewhere: true, relation: link.relation, mark: mark)
      }
      return nil
    }
    var bundled: [Bundle: [LinkKey]] = [:]
    for (position, linkIndex) in allLinks {
      let link = map.nodes[position].links[linkIndex]
      guard case .node(let targetID) = link.target, let target = index[targetID],
        reachOut.contains(position) || reachOut.contains(target),
        let key = bundle(position, link, target)
      else { continue }
      bundled[key, default: []].append(LinkKey(position: position, linkIndex: linkIndex))
    }
    var linksOfEdge: [SceneElementID: [LinkKey]] = [:]
    // Shared boxes that stand only for claims, events and evidence on other pages.
    var lowBundles: [SceneElementID] = []
    // Links drawn whole on this page, by the pair they join, and the undercuts met: each gets
    // its junction dot once all the links are drawn.
    var drawnLinks: [LinkPair: SceneElementID] = [:]
    var undercuts: [(position: Int, pair: LinkPair, edge: SceneEdge)] = []
    for (position, linkIndex) in allLinks {
      let link = map.nodes[position].links[linkIndex]
      let number = numbers[LinkKey(position: position, linkIndex: linkIndex)]
      let label = number.map { "\($0)" }
      let edgeID = SceneElementID("link-\(position + 1)-\(linkIndex + 1)")
      let mark = link.scope.flatMap { interpretationMark(of: $0) }
      let hover = hoverText(of: link, from: map.nodes[position].id)
      linksOfEdge[edgeID] = [LinkKey(position: position, linkIndex: linkIndex)]
      switch link.target {
      case .node(let targetID):
        guard let target = index[targetID] else { continue }
        let isInside = shownSet.contains(position) && shownSet.contains(target)
        guard isInside || reachOut.contains(position) || reachOut.contains(target) else {
          continue
        }
        if let key = bundle(position, link, target), let members = bundled[key],
          members.count > 1
        {
          guard members.first == LinkKey(position: position, linkIndex: linkIndex) else {
            continue
          }
          let stubID = SceneElementID(
            "stubs-\(key.drawn + 1)-\(key.fromElsewhere ? "in" : "out")-\(key.relation.rawValue)"
              + "-\(key.mark.map(String.init) ?? "x")")
          var pages: [Int] = []
          var lowest = 0
          for member in members {
            let other = key.fromElsewhere ? member.position : targetPosition(of: member)
            if let page = other.flatMap({ elsewhere[$0] }), !pages.contains(page) {
              pages.append(page)
            }
            lowest = max(lowest, other.map { map.nodes[$0].kind.level } ?? 0)
          }
          if lowest > 1 { lowBundles.append(stubID) }
          pages.sort()
          nodes.append(
            SceneNode(
              id: stubID, role: .stub,
              label: "\(members.count) statements\ncontinued on page"
                + (pages.count == 1 ? " " : "s ") + pages.map(String.init).joined(separator: ", "),
              hoverText: members.map { hoverText(ofPosition: $0.position) }.joined(
                separator: "\n")))
          let memberNumbers = members.compactMap { numbers[$0] }
          let bundleID = SceneElementID(edgeID.rawValue + "-bundle")
          linksOfEdge[bundleID] = members
          edges.append(
            SceneEdge(
              id: bundleID, source: key.fromElsewhere ? stubID : elementIDs[key.drawn],
              target: key.fromElsewhere ? elementIDs[key.drawn] : stubID,
              role: .link(link.relation),
              label: memberNumbers.isEmpty
                ? nil : memberNumbers.map(String.init).joined(separator: ", "),
              hoverText: members.map { member in
                hoverText(
                  of: map.nodes[member.position].links[member.linkIndex],
                  from: map.nodes[member.position].id)
              }.joined(separator: "\n"),
              interpretationMark: mark))
          continue
        }
        guard let source = end(position), let head = end(target) else { continue }
        drawnLinks[LinkPair(from: map.nodes[position].id, to: targetID)] = edgeID
        edges.append(
          SceneEdge(
            id: edgeID, source: source, target: head, role: .link(link.relation),
            label: label, hoverText: hover, strength: link.strength, interpretationMark: mark))
      case .link(let from, let to):
        let pair = LinkPair(from: from, to: to)
        guard junctions[pair] != nil else { continue }
        // The source is filled in once the attacked link is known to be drawn here.
        undercuts.append(
          (
            position, pair,
            SceneEdge(
              id: edgeID, source: elementIDs[position], target: elementIDs[position],
              role: .link(link.relation), label: label, hoverText: hover,
              strength: link.strength, interpretationMark: mark)
          ))
      }
    }
    // Each undercut of a link drawn here, from its statement or a stub of it.
    var drawnUndercuts: [(LinkPair, SceneEdge)] = []
    // Boxes of links drawn on other pages: they go in the top row, beside the aims, where the
    // links they stand for usually end; a row of their own would make the page taller.
    var linkStubs: [SceneElementID] = []
    for undercut in undercuts {
      if drawnLinks[undercut.pair] != nil, let source = end(undercut.position) {
        var edge = undercut.edge
        edge.source = source
        drawnUndercuts.append((undercut.pair, edge))
      } else if drawsLinkStubs, reachOut.contains(undercut.position),
        let stub = linkStub(undercut.pair, elsewhere: elsewhere, nodes: &nodes)
      {
        // The link it attacks is drawn on another page: without this box the statement would
        // stand here with no arrow, its point lost.
        if !linkStubs.contains(stub) { linkStubs.append(stub) }
        var edge = undercut.edge
        edge.source = elementIDs[undercut.position]
        edge.target = stub
        edges.append(edge)
      }
    }
    addUndercuts(drawnUndercuts, drawnLinks: drawnLinks, to: &edges, nodes: &nodes)
    var groups: [SceneGroup] = []
    let top = plan.top.filter(shownSet.contains)
    if !top.isEmpty {
      // Interpretations either side of the aims, so the aim sits in the middle.
      let aims = top.filter { map.nodes[$0].kind == .mainAim }
      let readings = top.filter { map.nodes[$0].kind == .interpretation }
      let half = (readings.count + 1) / 2
      let ordered = Array(readings.prefix(half)) + aims + Array(readings.dropFirst(half))
      groups.append(
        SceneGroup(
          id: SceneElementID("top"), arrangement: .topRank,
          members: ordered.map { elementIDs[$0] } + linkStubs))
      for (left, right) in zip(ordered, ordered.dropFirst()) {
        edges.append(
          SceneEdge(
            id: SceneElementID("top-order-\(left + 1)-\(right + 1)"), source: elementIDs[left],
            target: elementIDs[right], role: .invisible))
      }
      // A part page whose statements all link elsewhere leaves the aim with no arrow: Graphviz
      // lays it out apart, at the foot of the page beside the boxes. Tie it above them.
      let topIDs = Set(top.map { elementIDs[$0] })
      let isTied = edges.contains { edge in
        if case .invisible = edge.role { return false }
        return topIDs.contains(edge.source) || topIDs.contains(edge.target)
      }
      if !isTied {
        // The ends of the page's chains (what its arrows point to and nothing points on from,
        // such as the "continued" box of a statement that argues about the aim) stand beside
        // it in the top row, a statement under it.
        var sources: Set<SceneElementID> = []
        for edge in edges {
          if case .invisible = edge.role { continue }
          sources.insert(edge.source)
        }
        for node in nodes where !topIDs.contains(node.id) && !sources.contains(node.id) {
          if case .statement = node.role {
            edges.append(
              SceneEdge(
                id: SceneElementID(node.id.rawValue + "-under-top"), source: node.id,
                target: elementIDs[top[0]], role: .invisible))
          } else if let topRow = groups.firstIndex(where: { $0.id.rawValue == "top" }),
            !groups[topRow].members.contains(node.id)
          {
            groups[topRow].members.append(node.id)
          }
        }
      }
    }
    // One row per level below the top: sub-aims, then claims and counterclaims, then events
    // and evidence; an invisible edge from each row to the one above keeps them in that order.
    // A page stacks each box's statements in short columns instead (`stackDepth`), so a part
    // fits a sheet rather than one long row.
    var rowAbove = top.first
    var lowest: [SceneElementID] = []
    for level in 1...(stackDepth == nil ? 3 : 1) {
      let row = shown.filter { map.nodes[$0].kind.level == level }
      guard let first = row.first else { continue }
      // A page without the aims is headed by its sub-aim, with the boxes standing for aims
      // and sub-aims on other pages beside it: nothing is drawn above them.
      let headsPage = stackDepth != nil && rowAbove == nil && level == 1
      let beside =
        headsPage
        ? stubs.keys.sorted().filter { map.nodes[$0].kind.level <= 1 }.compactMap { stubs[$0] }
          + linkStubs
        : []
      groups.append(
        SceneGroup(
          id: SceneElementID("row-\(level)"),
          arrangement: headsPage ? .topRank : .sameRank,
          members: row.map { elementIDs[$0] } + beside))
      if headsPage {
        // Boxes for lower statements on other pages stay under the sub-aim.
        let low =
          stubs.sorted(by: { $0.key < $1.key }).filter { map.nodes[$0.key].kind.level > 1 }
          .map(\.value) + lowBundles
        for stub in low {
          edges.append(
            SceneEdge(
              id: SceneElementID(stub.rawValue + "-under"), source: stub,
              target: elementIDs[first], role: .invisible))
        }
      }
      if let rowAbove {
        edges.append(
          SceneEdge(
            id: SceneElementID("row-order-\(level)"), source: elementIDs[first],
            target: elementIDs[rowAbove], role: .invisible))
      }
      rowAbove = first
    }
    if let last = rowAbove { lowest = [elementIDs[last]] }
    for part in plan.parts {
      for (side, members) in [("for", part.forSide), ("against", part.againstSide)] {
        var drawn = members.filter(shownSet.contains)
        guard !drawn.isEmpty else { continue }
        // The heading is a node at the top of the box, not the box's own label: Graphviz
        // routes lines around nodes, but draws them straight through a box's label.
        let headingID = SceneElementID("\(side)-\(part.anchor + 1)-heading")
        nodes.append(
          SceneNode(
            id: headingID, role: .boxHeading(isFor: side == "for"),
            // The box hangs under its aim or sub-aim; a worksheet's blanks change no heading.
            label: side == "for" ? "FOR" : "AGAINST"))
        if stackDepth == nil, let first = drawn.first {
          edges.append(
            SceneEdge(
              id: SceneElementID(headingID.rawValue + "-over"), source: elementIDs[first],
              target: headingID, role: .invisible))
        }
        if let stackDepth {
          // Claims above the events and evidence that back them, in written order.
          drawn =
            drawn.filter { map.nodes[$0].kind.level == 2 }
            + drawn.filter { map.nodes[$0].kind.level != 2 }
          var columnStart = 0
          while columnStart < drawn.count {
            let column = drawn[columnStart..<min(columnStart + stackDepth, drawn.count)]
            if let top = column.first {
              edges.append(
                SceneEdge(
                  id: SceneElementID(headingID.rawValue + "-over-\(top + 1)"),
                  source: elementIDs[top], target: headingID, role: .invisible))
            }
            for (upper, lower) in zip(column, column.dropFirst()) {
              edges.append(
                SceneEdge(
                  id: SceneElementID("stack-\(lower + 1)-\(upper + 1)"),
                  source: elementIDs[lower], target: elementIDs[upper], role: .invisible))
            }
            if let bottom = column.last { lowest.append(elementIDs[bottom]) }
            columnStart += stackDepth
          }
        }
        groups.append(
          SceneGroup(
            id: SceneElementID("\(side)-\(part.anchor + 1)"),
            arrangement: .box(heading: ""), members: [headingID] + drawn.map { elementIDs[$0] }))
      }
    }
    // Two arrows between the same two statements of one row are drawn as one: Graphviz 2.42
    // aborts on parallel edges within a row that crosses boxes ("merge_chain: Assertion
    // `ED_to_virt(e) == NULL' failed"). The key still lists each link's reason.
    var rowOf: [SceneElementID: Int] = [:]
    for (number, group) in groups.enumerated() where group.arrangement != .box(heading: "") {
      for member in group.members { rowOf[member] = number }
    }
    var kept: [String: SceneElementID] = [:]
    edges = edges.filter { edge in
      guard let row = rowOf[edge.source], row == rowOf[edge.target],
        case .link = edge.role
      else { return true }
      let pair = [edge.source.rawValue, edge.target.rawValue].sorted().joined(separator: " ")
      guard let first = kept[pair] else {
        kept[pair] = edge.id
        return true
      }
      linksOfEdge[first, default: []] += linksOfEdge[edge.id] ?? []
      return false
    }
    // A number on an arrow within one row has no room of its own in Graphviz 2.42; the key
    // names both ends, so the arrow goes without it.
    var scene = Scene(
      name: name,
      title: title + titleSuffix
        + (options.scope.map { " (read as " + reference(to: $0) + ")" } ?? ""),
      outline: outline(
        // A shortened name ends in "…", which a full stop after it doubles.
        heading: title + titleSuffix + (titleSuffix.hasSuffix("\u{2026}") ? " " : ". ")
          + "A teaching map of " + counted(shown.count, "statement")
          + (options.scope.map { " under " + reference(to: $0) } ?? "") + ".",
        positions: shown,
        links: allLinks.filter { shownSet.contains($0.position) }),
      direction: .bottomToTop, nodes: nodes, edges: edges, groups: groups)
    scene.dropLabelsWithinRows()
    if withKey {
      // An arrow that shows its number needs only the reason; one that cannot (within a row)
      // is named by its two ends.
      var numbered: [LinkKey: Bool] = [:]
      for edge in scene.edges {
        for key in linksOfEdge[edge.id] ?? [] {
          numbered[key] = (numbered[key] ?? false) || edge.label != nil
        }
      }
      var lines: [String] = []
      var hidden: [Int] = []
      for reason in reasons {
        guard let hasNumber = numbered[reason.link] else { continue }
        if reason.isHidden {
          // Said once for all: a line each would only repeat it.
          if hasNumber { hidden.append(reason.number) }
        } else {
          lines.append(hasNumber ? reason.shortLine : reason.line)
        }
      }
      if !hidden.isEmpty {
        lines.append(
          hidden.map(String.init).joined(separator: ", ")
            + ": left out, as each would give a blank away")
      }
      let keyBottom = scene.addKey(
        lines: lines, width: max(options.lineWidth * 2, 48), under: lowest,
        columnsPerRow: keyColumnsPerRow)
      // The corrections of flagged facts in a block of their own under the reasons: under the
      // key's bottom row alone, since an invisible edge to each of its columns crossed every
      // row of the key and pushed its columns apart, a row further at each step.
      scene.addKey(
        lines: correctionLines(shown), width: max(options.lineWidth * 2, 48),
        under: keyBottom.isEmpty ? lowest : keyBottom, id: "corrections",
        heading: "Corrections", columnsPerRow: keyColumnsPerRow)
      addWorksheetLists(to: &scene, shown: shown, under: lowest)
    }
    scene.placeNumbersOnNodes()
    return scene
  }

  /// Draws `undercuts` (each with the link it attacks and its edge from the undercutting
  /// statement, or a stub of it "continued on page N"): the attacked link, drawn whole or to a
  /// stub (`drawnLinks`), is split at a junction dot and the undercut ends on the dot. A link no
  /// undercut reaches on the page gets no dot.
  private func addUndercuts(
    _ undercuts: [(pair: LinkPair, edge: SceneEdge)], drawnLinks: [LinkPair: SceneElementID],
    to edges: inout [SceneEdge], nodes: inout [SceneNode]
  ) {
    var split: [SceneElementID: SceneElementID] = [:]
    var undercutEdges: [SceneEdge] = []
    for undercut in undercuts {
      guard let attacked = drawnLinks[undercut.pair], let junction = junctions[undercut.pair]
      else { continue }
      split[attacked] = junction
      var edge = undercut.edge
      edge.target = junction
      undercutEdges.append(edge)
    }
    guard !split.isEmpty else { return }
    var emitted: Set<SceneElementID> = []
    var result: [SceneEdge] = []
    for edge in edges {
      guard let junction = split[edge.id], case .link(let relation) = edge.role else {
        result.append(edge)
        continue
      }
      if emitted.insert(junction).inserted {
        nodes.append(SceneNode(id: junction, role: .junction, label: ""))
      }
      var toJunction = edge
      toJunction.target = junction
      toJunction.role = .linkToJunction(relation)
      var rest = SceneEdge(
        id: SceneElementID(edge.id.rawValue + "-end"), source: junction, target: edge.target,
        role: .link(relation), hoverText: edge.hoverText, strength: edge.strength,
        interpretationMark: edge.interpretationMark)
      rest.continuesLink = true
      result += [toJunction, rest]
    }
    edges = result + undercutEdges
  }

  /// The corrections of the flagged statements among `shown`, a line each ("⚠ name: what is
  /// the case"): on paper or a slide there is no hover text, and a flag the class cannot read
  /// corrects nothing. A worksheet lists none: its picture is the students' copy.
  func correctionLines(_ shown: [Int]) -> [String] {
    guard options.printsCorrections, !options.isWorksheet else { return [] }
    return shown.flatMap { position in
      map.nodes[position].flags.map { "\u{26A0} " + titleOrName(position) + ": " + printed($0) }
    }
  }

  /// A correction as printed: cut, as a reason in the key is (the hover text keeps it whole).
  private func printed(_ flag: Flag) -> String {
    Scene.cut(flag.text, limit: Scene.keyEntryCharacters) ?? flag.text
  }

  /// The corrections of the flagged statements drawn on `pages`, on sheets of their own after
  /// them: a box per statement, named by its title and the page it is drawn on, with each
  /// correction and its sources. On a page they would push its text below a readable size. A
  /// worksheet has none, as under a picture.
  func correctionSheets(for pages: [Scene], page: PageSize, heightShare: Double) -> [Scene] {
    guard !options.isWorksheet else { return [] }
    // Where each statement is first drawn: its page, and its place among that page's boxes
    // (date order on a timeline), so the corrections come in the order a reader meets them.
    var firstDrawn: [SceneElementID: (page: Int, place: Int)] = [:]
    for (number, scene) in pages.enumerated() {
      for (place, node) in scene.nodes.enumerated() where firstDrawn[node.id] == nil {
        firstDrawn[node.id] = (number + 1, place)
      }
    }
    let flagged = map.nodes.indices.compactMap {
      position -> (page: Int, place: Int, position: Int)? in
      guard !map.nodes[position].flags.isEmpty, let drawn = firstDrawn[elementIDs[position]] else {
        return nil
      }
      return (drawn.page, drawn.place, position)
    }
    let entries = flagged.sorted { ($0.page, $0.place) < ($1.page, $1.place) }.map {
      number, _, position in
      var lines = ["\u{26A0} " + titleOrName(position) + " (page \(number))"]
      for flag in map.nodes[position].flags {
        lines.append(printed(flag))
        lines += flag.sources.map { "Source: " + $0 }
      }
      return lines
    }
    guard !entries.isEmpty else { return [] }
    return BoxSheets.scenes(
      name: "corrections", title: title + ": corrections",
      sections: [BoxSheets.Section(heading: "Corrections of the flagged facts", entries: entries)],
      page: page, heightShare: heightShare)
  }

  /// The word bank and the answers for the blanks numbered `numbers`, one entry per blank: the
  /// answers by number, the word bank in alphabetical order, which gives nothing away.
  func worksheetLists(numbers: [Int]) -> [(id: String, heading: String, entries: [String])] {
    let positions = numbers.sorted().compactMap { number in
      blankNumbers.firstIndex(of: number).map { (number, $0) }
    }
    guard !positions.isEmpty else { return [] }
    func text(_ position: Int) -> String {
      Self.shortened(drawnText(position), words: Self.listWords)
    }
    var lists: [(id: String, heading: String, entries: [String])] = []
    if options.showsWordBank {
      let words = positions.map { text($0.1) }.sorted {
        $0.lowercased() == $1.lowercased() ? $0 < $1 : $0.lowercased() < $1.lowercased()
      }
      lists.append(
        ("word-bank", "Word bank: write each in its numbered box", words.map { "\u{2022} " + $0 }))
    }
    if options.showsAnswers {
      // A flagged answer says what is true: the key is what a teacher reads out.
      let answers = positions.map { number, position in
        "(\(number)) " + map.nodes[position].kind.displayName + ": " + text(position)
          + map.nodes[position].flags.map {
            " \u{26A0} In fact: " + Self.shortened($0.text, words: Self.listWords * 2)
          }.joined()
      }
      lists.append(("answers", "Answers", answers))
    }
    return lists
  }

  /// The word bank and the answers as text blocks under a picture, each short enough to be
  /// drawn whole (`Scene.maximumKeyBlockLength`): a long list goes on in a block beside it,
  /// headed "(continued)".
  func worksheetListBlocks(numbers: [Int]) -> [(id: SceneElementID, label: String)] {
    let width = max(options.lineWidth * 2, 48)
    return worksheetLists(numbers: numbers).flatMap { list in
      Scene.keyColumns(list.entries, width: width, characters: Self.listBlockCharacters)
        .filter { !$0.isEmpty }.enumerated().map { number, column in
          let id = number == 0 ? list.id : list.id + "-\(number + 1)"
          let heading = number == 0 ? list.heading : list.heading + " (continued)"
          return (SceneElementID(id), ([heading] + column).joined(separator: "\n"))
        }
    }
  }

  /// The most characters of a block of the word bank or the answers under a picture: well
  /// inside what a text block may draw, and about 25 entries, a column that still fits a sheet.
  static let listBlockCharacters = 2_000

  /// The word bank and answers on sheets of their own, for a worksheet split into pages (on
  /// the picture's page they would make it too big for the sheet): a box per entry at the size
  /// of the map in words, over as many sheets as they need.
  func worksheetListsScenes(numbers: [Int], page: PageSize, heightShare: Double) -> [Scene] {
    let lists = worksheetLists(numbers: numbers)
    guard !lists.isEmpty else { return [] }
    let name = [options.showsWordBank ? "word bank" : nil, options.showsAnswers ? "answers" : nil]
      .compactMap { $0 }.joined(separator: " and ")
    return BoxSheets.scenes(
      name: "lists", title: title + ": " + name,
      sections: lists.map {
        BoxSheets.Section(heading: $0.heading, entries: $0.entries.map { [$0] })
      },
      page: page, heightShare: heightShare)
  }

  /// A worksheet's word bank and answers for the blanks drawn in one picture, beside the first
  /// row of the key of reasons (or under the picture without one), so a wide sheet grows
  /// sideways, not down. A worksheet split into pages lists them on a page of its own instead.
  private func addWorksheetLists(
    to scene: inout Scene, shown: [Int], under lowest: [SceneElementID]
  ) {
    guard options.listsBlanks else { return }
    let lists = worksheetListBlocks(numbers: shown.compactMap { blankNumbers[$0] })
    guard !lists.isEmpty else { return }
    scene.nodes += lists.map { SceneNode(id: $0.id, role: .textBlock, label: $0.label) }
    let ids = lists.map(\.id)
    func after(_ left: SceneElementID, _ right: SceneElementID) {
      scene.edges.append(
        SceneEdge(
          id: SceneElementID(right.rawValue + "-after"), source: left, target: right,
          role: .invisible))
    }
    if let row = scene.groups.firstIndex(where: { $0.id.rawValue == "key-row" }),
      let last = scene.groups[row].members.last
    {
      scene.groups[row].members += ids
      for (left, right) in zip([last] + ids, ids) { after(left, right) }
    } else {
      for (left, right) in zip(ids, ids.dropFirst()) { after(left, right) }
      for (number, above) in lowest.enumerated() {
        scene.edges.append(
          SceneEdge(
            id: SceneElementID("worksheet-lists-below-\(number + 1)"), source: ids[0],
            target: above, role: .invisible))
      }
      scene.groups.append(
        SceneGroup(id: SceneElementID("worksheet-lists"), arrangement: .sameRank, members: ids))
    }
  }

  /// The most words of a statement in a word bank or a list of answers.
  static let listWords = 12

  /// The position of the node a link points at, when it points at a node of the map.
  private func targetPosition(of link: LinkKey) -> Int? {
    guard case .node(let id) = map.nodes[link.position].links[link.linkIndex].target else {
      return nil
    }
    return index[id]
  }

  /// Which interpretation mark (0, 1, ...) a scope gets: its place among the map's
  /// interpretations, so every page and the legend agree.
  func interpretationMark(of scope: NodeID) -> Int? {
    map.interpretations.firstIndex { $0.id == scope }
  }

  /// The hover text of the node at `position` (for stubs).
  func hoverText(ofPosition position: Int) -> String {
    blankNumbers[position].map { "blank \($0)" }
      ?? map.nodes[position].kind.displayName + ": " + map.nodes[position].text
  }

  /// "1 statement", "2 statements".
  func counted(_ count: Int, _ noun: String) -> String {
    "\(count) " + noun + (count == 1 ? "" : "s")
  }

  /// How an overview places its boxes.
  enum OverviewArrangement {
    /// Aims and interpretations in the top row, sub-aims under them.
    case wide
    /// Fewer words per box, and the interpretations on a row of their own under the sub-aims:
    /// many aims and readings on one slide.
    case compact
    /// One main aim under the other, each with its sub-aims and readings under it: a map with
    /// rival aims on an upright page, where a row of every aim and reading is far wider than
    /// the sheet.
    case stacked
  }

  /// The overview: aims, sub-aims with how many statements argue for and against each,
  /// interpretations, and the verdict in one line.
  ///
  /// - Parameters:
  ///   - plan: The grouping of the map into parts (for the counts).
  ///   - pageOf: The page each aim or sub-aim's part starts on, when the map is split.
  ///   - arrangement: How the boxes are placed.
  /// - Returns: The overview scene.
  func overviewScene(
    plan: TeachingPlan, pageOf: [Int: Int] = [:], arrangement: OverviewArrangement = .wide
  ) -> Scene {
    let isCompact = arrangement == .compact
    var nodes: [SceneNode] = []
    var edges: [SceneEdge] = []
    let anchors = plan.top + plan.subAims
    let parts = Dictionary(plan.parts.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
    let shown = Set(anchors)
    // An aim that sub-aims (or readings) argue for gets its own statements counted as "other
    // statements": a bare "1 for · 3 against" read as all that argues for the thesis.
    var argued = Set<Int>()
    for (position, linkIndex) in allLinks where shown.contains(position) {
      if case .node(let target) = map.nodes[position].links[linkIndex].target,
        let target = index[target], shown.contains(target)
      {
        argued.insert(target)
      }
    }
    for position in anchors {
      var node = sceneNode(at: position, isReadTwoWays: false)
      var label = teachingLabel(position, isReadTwoWays: false, words: isCompact ? 8 : 12)
      if let part = parts[position] {
        label +=
          "\n" + (argued.contains(position) ? "other statements: " : "")
          + "\(part.forSide.count) for · \(part.againstSide.count) against"
        if let page = pageOf[position] { label += " (page \(page))" }
      }
      node.label = label
      nodes.append(node)
    }
    let rows = arrangement == .stacked ? stackedOverviewRows(plan: plan) : []
    var rowOf: [Int: Int] = [:]
    for (number, row) in rows.enumerated() {
      for position in row { rowOf[position] = number }
    }
    for (position, linkIndex) in allLinks where shown.contains(position) {
      let link = map.nodes[position].links[linkIndex]
      guard case .node(let targetID) = link.target, let target = index[targetID],
        shown.contains(target)
      else { continue }
      var edge = SceneEdge(
        id: SceneElementID("link-\(position + 1)-\(linkIndex + 1)"),
        source: elementIDs[position], target: elementIDs[target], role: .link(link.relation),
        hoverText: hoverText(of: link, from: map.nodes[position].id), strength: link.strength,
        interpretationMark: link.scope.flatMap { interpretationMark(of: $0) })
      // A reading of the first aim that argues for a later one points down to it.
      if let from = rowOf[position], let to = rowOf[target], from < to {
        edge.isLaidOutBackwards = true
      }
      edges.append(edge)
    }
    var groups: [SceneGroup] = []
    if !rows.isEmpty {
      for (number, row) in rows.enumerated() {
        groups.append(
          SceneGroup(
            id: SceneElementID("row-\(number + 1)"),
            arrangement: number == 0 ? .topRank : .sameRank,
            members: row.map { elementIDs[$0] }))
        // Each row under the one before, whether or not a link joins them.
        if number > 0, let below = row.first, let above = rows[number - 1].first {
          edges.append(
            SceneEdge(
              id: SceneElementID("row-\(number + 1)-below"), source: elementIDs[below],
              target: elementIDs[above], role: .invisible))
        }
      }
    }
    let aims = plan.top.filter { !isCompact || map.nodes[$0].kind == .mainAim }
    let readings = isCompact ? plan.top.filter { map.nodes[$0].kind == .interpretation } : []
    if !aims.isEmpty && rows.isEmpty {
      groups.append(
        SceneGroup(
          id: SceneElementID("top"), arrangement: .topRank, members: aims.map { elementIDs[$0] }))
    }
    if !plan.subAims.isEmpty && rows.isEmpty {
      groups.append(
        SceneGroup(
          id: SceneElementID("sub-aims"), arrangement: .sameRank,
          members: plan.subAims.map { elementIDs[$0] }))
    }
    if let first = readings.first {
      groups.append(
        SceneGroup(
          id: SceneElementID("readings"), arrangement: .sameRank,
          members: readings.map { elementIDs[$0] }))
      if let above = plan.subAims.first ?? aims.first {
        edges.append(
          SceneEdge(
            id: SceneElementID("readings-below"), source: elementIDs[first],
            target: elementIDs[above], role: .invisible))
      }
    }
    // The counts and the verdict are drawn, so the description says them too.
    let counts = anchors.compactMap { position -> String? in
      guard let part = parts[position] else { return nil }
      var name = titleOrName(position)
      while name.hasSuffix(".") { name.removeLast() }
      return name + ": "
        + (argued.contains(position) ? "other statements " : "")
        + "\(part.forSide.count) for, \(part.againstSide.count) against."
    }
    var scene = Scene(
      name: "overview", title: title + ": overview",
      outline: outline(
        heading: title + ": overview of the aims, sub-aims and interpretations.",
        positions: anchors, links: allLinks.filter { shown.contains($0.position) })
        + (counts.isEmpty ? "" : "\nStatements for and against: " + counts.joined(separator: " "))
        + (verdictLine.map { "\n" + $0 } ?? ""),
      direction: .bottomToTop, nodes: nodes, edges: edges, groups: groups)
    scene.dropLabelsWithinRows()
    if let verdict = verdictLine {
      let lowest =
        (rows.last?.first ?? readings.first ?? plan.subAims.first ?? plan.top.first).map {
          [elementIDs[$0]]
        } ?? []
      scene.addKey(
        lines: [verdict], width: max(options.lineWidth * 3, 60), under: lowest, id: "verdict")
    }
    return scene
  }

  /// The rows of a stacked overview, top first: each main aim, then the sub-aims that argue
  /// for it, then the readings that do, each sub-aim and reading under the first aim its links
  /// reach (through other sub-aims); one that reaches none goes under the first aim. Empty for
  /// a map with fewer than two main aims, which has nothing to stack.
  func stackedOverviewRows(plan: TeachingPlan) -> [[Int]] {
    let aims = plan.top.filter { map.nodes[$0].kind == .mainAim }
    guard aims.count > 1 else { return [] }
    let anchors = Set(plan.top + plan.subAims)
    var targets: [Int: [Int]] = [:]
    for (position, linkIndex) in allLinks where anchors.contains(position) {
      for targetID in map.nodes[position].links[linkIndex].target.nodeIDs {
        if let target = index[targetID], anchors.contains(target) {
          targets[position, default: []].append(target)
        }
      }
    }
    let aimNumber = Dictionary(uniqueKeysWithValues: aims.enumerated().map { ($1, $0) })
    func owner(of position: Int) -> Int {
      var reached: Set<Int> = [position]
      var frontier = [position]
      var best: Int?
      while !frontier.isEmpty {
        var next: [Int] = []
        for current in frontier {
          for target in targets[current] ?? [] where reached.insert(target).inserted {
            if let number = aimNumber[target] {
              best = min(best ?? number, number)
            } else {
              next.append(target)
            }
          }
        }
        frontier = next
      }
      return best ?? 0
    }
    var subAims = Array(repeating: [Int](), count: aims.count)
    var readings = Array(repeating: [Int](), count: aims.count)
    for position in plan.subAims { subAims[owner(of: position)].append(position) }
    for position in plan.top where map.nodes[position].kind == .interpretation {
      readings[owner(of: position)].append(position)
    }
    return aims.indices.flatMap { number in
      [[aims[number]], subAims[number], readings[number]].filter { !$0.isEmpty }
    }
  }

  /// The first sentence of the comparison of the map's interpretations, when it has two or
  /// more and the worksheet does not hide them.
  private var verdictLine: String? {
    let ids = map.interpretations.map(\.id)
    guard ids.count >= 2, options.blankNodes.isEmpty, options.blankKinds.isEmpty,
      let comparison = try? InterpretationComparison(map, interpretations: ids)
    else { return nil }
    return comparison.verdictSentences(for: map).first.map { "Verdict: " + $0 }
  }

  /// One statement and what lies within `depth` links of it, in the teaching layout.
  func focusScene(plan: TeachingPlan, center: Int, depth: Int) -> Scene {
    var reached: Set<Int> = [center]
    var frontier: Set<Int> = [center]
    var neighbours: [Int: Set<Int>] = [:]
    for (position, linkIndex) in allLinks {
      for targetID in map.nodes[position].links[linkIndex].target.nodeIDs {
        guard let target = index[targetID] else { continue }
        neighbours[position, default: []].insert(target)
        neighbours[target, default: []].insert(position)
      }
    }
    for _ in 0..<max(depth, 0) {
      var next: Set<Int> = []
      for position in frontier {
        for neighbour in neighbours[position] ?? [] where reached.insert(neighbour).inserted {
          next.insert(neighbour)
        }
      }
      frontier = next
    }
    let shown = map.nodes.indices.filter(reached.contains)
    return teachingScene(
      plan: plan, shown: shown, withKey: true, name: "focus",
      titleSuffix: ": " + shortName(center, words: 10))
  }
}

extension Scene {
  /// Takes the numbers off arrows whose two ends share a row (see `floatLabelsWithinRows`):
  /// the key still names both ends.
  mutating func dropLabelsWithinRows() {
    var row: [SceneElementID: Int] = [:]
    for (number, group) in groups.enumerated() {
      switch group.arrangement {
      case .sameRank, .topRank, .bottomRank:
        for member in group.members { row[member] = number }
      case .box: break
      }
    }
    for index in edges.indices {
      if let source = row[edges[index].source], source == row[edges[index].target] {
        edges[index].label = nil
      }
    }
  }

  /// The most characters in one column of a key.
  static let keyColumnCharacters = 450

  /// How many key columns stand side by side under a picture.
  static let keyColumnsPerRow = 2

  /// The most characters of one reason in a key; the hover text of its arrow keeps it whole.
  public static let keyEntryCharacters = 400

  /// `lines` wrapped to `width` characters, a line's continuation indented, in columns of about
  /// `characters` characters each; the first column starts with `first` (a heading).
  static func keyColumns(
    _ lines: [String], width: Int, characters: Int, first: [String] = []
  ) -> [[String]] {
    var columns = [first]
    var length = 0
    for line in lines {
      let parts = TextWrapping.wrap(line, width: width)
      let entry = parts.prefix(1) + parts.dropFirst().map { "      " + $0 }
      let size = entry.reduce(0) { $0 + $1.count + 1 }
      if length + size > characters, !(columns.last ?? []).isEmpty {
        columns.append([])
        length = 0
      }
      columns[columns.count - 1] += entry
      length += size
    }
    return columns
  }

  /// Adds a text block under the picture (the key of reasons, a verdict), lines wrapped to
  /// `width` characters, on the bottom row, under `heading` (the key's is "Reasons"); bottom
  /// to top, `columnsPerRow` of its columns stand side by side (`nil`: about as many as rows).
  ///
  /// - Returns: The block's lowest row of columns, for a block to go under it.
  @discardableResult
  mutating func addKey(
    lines: [String], width: Int, under lowest: [SceneElementID],
    after previous: [SceneElementID] = [], id: String = "key", heading: String? = nil,
    columnsPerRow: Int? = Scene.keyColumnsPerRow
  ) -> [SceneElementID] {
    guard !lines.isEmpty else { return [] }
    // Columns of at most ~450 characters each, side by side under the picture: a label stays
    // under the drawn-text limit, and a wide picture gets a wide key instead of a tall one.
    let columns = Self.keyColumns(
      lines, width: width, characters: Self.keyColumnCharacters,
      first: (heading ?? (id == "key" ? "Reasons" : nil)).map { [$0] } ?? [])
    var ids: [SceneElementID] = []
    for (number, column) in columns.enumerated() where !column.isEmpty {
      let keyID = SceneElementID(number == 0 ? id : id + "-\(number + 1)")
      ids.append(keyID)
      nodes.append(
        SceneNode(id: keyID, role: .textBlock, label: column.joined(separator: "\n")))
    }
    // Bottom to top, the columns go in rows (two to a row on a page), each row under the one
    // before, so a long key grows down the page rather than across it; with no count given, as
    // many to a row as there are rows, since at its natural size a big map's key stood in rows
    // of two, a strip much taller than the map above it. Left to right, one rank already
    // stacks them.
    let square = Int((Double(ids.count).squareRoot()).rounded(.up))
    let perRow =
      direction == .bottomToTop
      ? max(columnsPerRow ?? max(square, Scene.keyColumnsPerRow), 1) : max(ids.count, 1)
    var rows: [[SceneElementID]] = []
    for start in stride(from: 0, to: ids.count, by: perRow) {
      rows.append(Array(ids[start..<min(start + perRow, ids.count)]))
    }
    for row in rows {
      for (left, right) in zip(row, row.dropFirst()) {
        edges.append(
          SceneEdge(
            id: SceneElementID(left.rawValue + "-then"), source: left, target: right,
            role: .invisible))
      }
    }
    for (upper, lower) in zip(rows, rows.dropFirst()) {
      if let above = upper.first, let below = lower.first {
        edges.append(
          SceneEdge(
            id: SceneElementID(below.rawValue + "-under"), source: below, target: above,
            role: .invisible))
      }
    }
    if let first = ids.first {
      for (number, before) in previous.enumerated() {
        edges.append(
          SceneEdge(
            id: SceneElementID(id + "-after-\(number + 1)"), source: before, target: first,
            role: .invisible))
      }
      for (number, above) in lowest.enumerated() {
        edges.append(
          SceneEdge(
            id: SceneElementID(id + "-below-\(number + 1)"), source: first, target: above,
            role: .invisible))
      }
    }
    for (number, row) in rows.enumerated() {
      groups.append(
        SceneGroup(
          id: SceneElementID(id + "-row" + (number == 0 ? "" : "-\(number + 1)")),
          arrangement: .sameRank, members: row))
    }
    return rows.last ?? []
  }
}
