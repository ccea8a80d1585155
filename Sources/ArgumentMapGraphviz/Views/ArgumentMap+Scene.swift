import ArgumentMap

extension ArgumentMap {
  /// The scene of one view of the map: what to draw, before any Graphviz syntax.
  ///
  /// Links whose ends are missing are left out rather than drawn wrongly; run the validator to
  /// report them. The result depends only on the map, the view and the options.
  ///
  /// - Parameters:
  ///   - view: Which picture to draw.
  ///   - options: Legend, reasoning, and the labels a worksheet blanks.
  /// - Returns: The scene, its nodes and edges in written order.
  /// - Throws: `ViewError` when the view or the options name a node the map lacks, or a
  ///   comparison names something other than two different interpretations.
  /// - Complexity: O(*n* + *l*) in nodes and links.
  public func scene(_ view: MapView, options: SceneOptions = SceneOptions()) throws(ViewError)
    -> Scene
  {
    for id in options.blankNodes where nodeIndex()[id] == nil {
      throw ViewError.unknownNode(id, suggestion: nearestID(to: id))
    }
    if let scope = options.scope { try checkScope(scope) }
    let builder = SceneBuilder(map: self, options: options)
    var scene: Scene
    switch view {
    case .argument:
      let plan = TeachingPlan(map: self, scope: options.scope)
      scene = builder.teachingScene(
        plan: plan, shown: Array(nodes.indices), withKey: true, keyColumnsPerRow: nil)
    case .overview:
      scene = builder.overviewScene(plan: TeachingPlan(map: self, scope: options.scope))
    case .focus(let id, let depth):
      guard let center = nodeIndex()[id] else {
        throw ViewError.unknownNode(id, suggestion: nearestID(to: id))
      }
      scene = builder.focusScene(
        plan: TeachingPlan(map: self, scope: options.scope), center: center, depth: depth)
    case .timeline: return builder.timelineScene()
    case .comparison(let first, let second):
      try checkComparable(first, second)
      scene = builder.comparisonScene(first, second)
    }
    scene.floatLabelsWithinRows()
    if options.showsLegend {
      let legend = builder.legend(
        nodes: scene.nodes, edges: scene.edges, direction: scene.direction)
      scene.nodes += legend.nodes
      scene.edges += legend.edges
      scene.groups += legend.groups
    }
    return scene
  }

  /// The timeline of the dated statements `part` (counted in date order), titled as page
  /// `page` of a set; see `scene(_:options:)`.
  ///
  /// - Throws: `ViewError` when the options name a node the map lacks.
  func timelineScene(
    options: SceneOptions, part: Range<Int>?, page: (number: Int, count: Int)?
  ) throws(ViewError) -> Scene {
    var scene = try self.scene(.timeline, options: options)
    guard part != nil || page != nil else { return scene }
    scene = SceneBuilder(map: self, options: options).timelineScene(part: part, page: page)
    return scene
  }

  /// How many statements the timeline draws: those with a date.
  var datedStatementCount: Int { nodes.count { $0.date != nil } }

  private func checkComparable(_ first: NodeID, _ second: NodeID) throws(ViewError) {
    for id in [first, second] {
      guard let node = node(withID: id) else {
        throw ViewError.unknownNode(id, suggestion: nearestID(to: id))
      }
      guard node.kind == .interpretation else {
        throw ViewError.notAnInterpretation(id, kind: node.kind)
      }
    }
    if first == second { throw ViewError.sameInterpretation(first) }
  }

  /// Throws unless `scope` names an interpretation, suggesting the one meant.
  public func checkScope(_ scope: NodeID) throws(ViewError) {
    let ids = interpretations.map(\.id)
    // A near spelling, else an interpretation named after the node ('security' → 'security-view').
    let suggestion =
      Suggestions.nearest(to: scope.rawValue, in: ids.map(\.rawValue)).map { NodeID($0) }
      ?? ids.first { $0.rawValue.hasPrefix(scope.rawValue) }
    guard let node = node(withID: scope) else {
      throw ViewError.unknownScope(scope, suggestion: suggestion, interpretations: ids)
    }
    guard node.kind == .interpretation else {
      throw ViewError.scopeNotAnInterpretation(
        scope, kind: node.kind, suggestion: suggestion, interpretations: ids)
    }
  }

  /// The id closest to `id`, if it is close enough to be a likely typo.
  func nearestID(to id: NodeID) -> NodeID? {
    Suggestions.nearest(to: id.rawValue, in: nodes.map(\.id.rawValue)).map { NodeID($0) }
  }
}

extension Scene {
  /// Marks the labels of edges whose two ends share a row as floating: Graphviz 2.42 loses such
  /// "flat" labelled edges ("in routesplines, illegal values") when the row also has ordering
  /// edges, and a lost edge fails the render. Edges that take no part in ranking
  /// (`constraint=false`, as between two statements of the comparison's middle column) may land
  /// in one row too: with labels, two of them between the same statements make Graphviz fail
  /// ("lost edge", "triangulation failed") or crash the process, depending on the text sizes.
  mutating func floatLabelsWithinRows() {
    var row: [SceneElementID: Int] = [:]
    var count = 0
    func collect(_ groups: [SceneGroup]) {
      for group in groups {
        switch group.arrangement {
        case .sameRank, .topRank, .bottomRank:
          count += 1
          for member in group.members { row[member] = count }
        case .box: break
        }
        collect(group.subgroups)
      }
    }
    collect(groups)
    for index in edges.indices where edges[index].label != nil {
      if !edges[index].isConstraint {
        edges[index].isLabelFloating = true
      } else if let source = row[edges[index].source], source == row[edges[index].target] {
        edges[index].isLabelFloating = true
      }
    }
  }
}

extension SceneBuilder {
  /// Two interpretations in columns, the evidence they read in the middle.
  func comparisonScene(_ first: NodeID, _ second: NodeID, middleOnly: Set<Int>? = nil) -> Scene {
    enum Column { case first, middle, second }
    var readingLinks: [(position: Int, linkIndex: Int)] = []
    var readsFirst: Set<Int> = []
    var readsSecond: Set<Int> = []
    var targetsFirst: Set<Int> = []
    var targetsSecond: Set<Int> = []
    for (position, node) in map.nodes.enumerated() {
      for (linkIndex, link) in node.links.enumerated() {
        guard case .node(let target) = link.target, let targetPosition = index[target] else {
          continue
        }
        let reading =
          link.scope ?? (map.nodes[targetPosition].kind == .interpretation ? target : nil)
        if reading == first {
          readsFirst.insert(position)
          targetsFirst.insert(targetPosition)
        } else if reading == second {
          readsSecond.insert(position)
          targetsSecond.insert(targetPosition)
        } else {
          continue
        }
        readingLinks.append((position, linkIndex))
      }
    }
    guard let firstPosition = index[first], let secondPosition = index[second] else {
      return Scene(name: "comparison", title: title)
    }
    func column(of position: Int) -> Column? {
      if position == firstPosition { return .first }
      if position == secondPosition { return .second }
      if readsFirst.contains(position) || readsSecond.contains(position) { return .middle }
      switch (targetsFirst.contains(position), targetsSecond.contains(position)) {
      case (true, false): return .first
      case (false, true): return .second
      case (true, true): return .middle
      case (false, false): return nil
      }
    }
    // A page of the comparison shows some of the evidence, and of the two sides only the
    // interpretations and what that evidence is read into.
    var linkedToPage: Set<Int> = [firstPosition, secondPosition]
    if let middleOnly {
      for reading in readingLinks where middleOnly.contains(reading.position) {
        let link = map.nodes[reading.position].links[reading.linkIndex]
        if case .node(let target) = link.target, let targetPosition = index[target] {
          linkedToPage.insert(targetPosition)
        }
      }
    }
    let shown = map.nodes.indices.filter { position in
      guard let column = column(of: position) else { return false }
      guard let middleOnly else { return true }
      return column == .middle ? middleOnly.contains(position) : linkedToPage.contains(position)
    }
    let shownSet = Set(shown)
    readingLinks = readingLinks.filter { reading in
      let link = map.nodes[reading.position].links[reading.linkIndex]
      guard case .node(let target) = link.target, let targetPosition = index[target] else {
        return false
      }
      return shownSet.contains(reading.position) && shownSet.contains(targetPosition)
    }
    // Boxes as in the teaching layout (role word, the start of the text): the full texts are
    // in the hover text and the outline, and two columns of full texts fit no page.
    var nodes = shown.map { position in
      let isReadTwoWays = readsFirst.contains(position) && readsSecond.contains(position)
      var node = sceneNode(at: position, isReadTwoWays: isReadTwoWays)
      node.label = teachingLabel(position, isReadTwoWays: isReadTwoWays, words: 14)
      return node
    }
    let drawn = linkEdges(readingLinks) { position, link in
      guard case .node(let target) = link.target, let targetPosition = index[target] else {
        return (false, true)
      }
      switch column(of: targetPosition) {
      case .first: return (true, true)
      case .second: return (false, true)
      case .middle, nil: return (false, column(of: position) != .middle)
      }
    }
    nodes += drawn.nodes
    // Arrows carry the number of their reason, as in the teaching layout, and the reading's
    // colour and end marker; the reasons are in a key. An arrow within one column has no room
    // of its own for a number in Graphviz 2.42; the key names its ends.
    var edges = drawn.edges
    let numbers = Dictionary(
      reasons.map { ($0.link, $0) }, uniquingKeysWith: { first, _ in first })
    var readingOfEdge: [SceneElementID: LinkKey] = [:]
    for (position, linkIndex) in readingLinks {
      readingOfEdge[SceneElementID("link-\(position + 1)-\(linkIndex + 1)")] = LinkKey(
        position: position, linkIndex: linkIndex)
      readingOfEdge[SceneElementID("link-\(position + 1)-\(linkIndex + 1)-end")] = LinkKey(
        position: position, linkIndex: linkIndex)
    }
    var keyLines: [String] = []
    for index in edges.indices {
      guard let key = readingOfEdge[edges[index].id] else { continue }
      let link = map.nodes[key.position].links[key.linkIndex]
      edges[index].interpretationMark = link.scope.flatMap { interpretationMark(of: $0) }
      edges[index].label = nil
      guard !edges[index].id.rawValue.hasSuffix("-end"), let reason = numbers[key] else {
        continue
      }
      if edges[index].isConstraint {
        edges[index].label = "\(reason.number)"
        keyLines.append(reason.shortLine)
      } else {
        keyLines.append(reason.line)
      }
    }
    let members = { (wanted: Column) in
      shown.filter { column(of: $0) == wanted }.map { elementIDs[$0] }
    }
    // The boxes have no heading of their own (Graphviz draws lines straight through a box's
    // label): each side's interpretation, in its box, says whose reading it is.
    let groups = [
      SceneGroup(
        id: SceneElementID("column-1"), arrangement: .box(heading: ""),
        members: members(.first),
        subgroups: [
          SceneGroup(
            id: SceneElementID("rank-1"), arrangement: .bottomRank, members: members(.first))
        ]),
      SceneGroup(
        id: SceneElementID("column-2"), arrangement: .box(heading: ""),
        members: members(.middle) + drawn.nodes.map(\.id)),
      SceneGroup(
        id: SceneElementID("column-3"), arrangement: .box(heading: ""),
        members: members(.second),
        subgroups: [
          SceneGroup(id: SceneElementID("rank-3"), arrangement: .topRank, members: members(.second))
        ]),
    ]
    let readTwoWays = readsFirst.intersection(readsSecond).count
    let heading =
      title + ": comparison of " + reference(to: first) + " and " + reference(to: second) + ". "
      + counted(readTwoWays, "statement") + (readTwoWays == 1 ? " is" : " are")
      + " read both ways."
    // The columns have no headings, so the title says which reading is on which side (unless
    // that would make a long title too long to draw whole).
    func side(_ position: Int) -> String {
      blankNumbers[position].map { "blank \($0)" } ?? drawnText(position)
    }
    let sides = ": " + side(firstPosition) + " (left) and " + side(secondPosition) + " (right)"
    let fits = title.utf8.count + sides.utf8.count <= Scene.maximumDrawnTextLength
    var scene = Scene(
      name: "comparison",
      title: title + (fits ? sides : ""),
      outline: outline(heading: heading, positions: shown, links: readingLinks),
      direction: .leftToRight,
      nodes: nodes,
      edges: edges,
      groups: groups
    )
    // The key shares the second reading's column, beside its box: a column of its own would
    // make the picture too wide for a sheet. The corrections of flagged facts go beside it.
    scene.addKey(
      lines: keyLines, width: max(options.lineWidth * 2, 48), under: [],
      after: Array(members(.middle).prefix(1)))
    scene.addKey(
      lines: correctionLines(shown), width: max(options.lineWidth * 2, 48), under: [],
      after: Array(members(.middle).prefix(1)), id: "corrections", heading: "Corrections")
    return scene
  }

}
