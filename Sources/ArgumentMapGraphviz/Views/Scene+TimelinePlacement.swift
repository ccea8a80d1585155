import ArgumentMap

/// A timeline with every node placed, and the room it takes.
struct PlacedTimeline {
  /// The scene, `placement == .fixed`.
  var scene: Scene
  /// Width of everything placed, in points (the title not counted).
  var width: Double
  /// Height of everything placed, in points (the title not counted).
  var height: Double
}

extension Scene {
  /// Gaps of the timeline's drawing, in points.
  private enum Gap {
    /// Left of a box, from its leader line to its left edge (clear of an octagon's corner).
    static let leaderInset = 14.0
    /// Between two boxes side by side, and between two lanes.
    static let box = 10.0
    /// The shortest leader line, from the axis to the lowest lane.
    static let aboveAxis = 18.0
    /// Width nearest to two leader lines of statements drawn at almost the same date.
    static let leaders = 16.0
    /// Height of a time bar, and its gap to the box above.
    static let bar = 6.0
    /// From the left of the picture to the first year.
    static let left = 6.0
  }

  /// The timeline placed: statements above a time axis in date order, each box in the lowest
  /// lane where it covers no other box and no other statement's leader line.
  ///
  /// Boxes are placed from the latest date back: a box goes above every later box whose leader
  /// starts under it, so a leader line only ever rises through empty lanes. A range gets a bar
  /// from its start to its end under its box. Ticks mark 1 January of each drawn year; a "//"
  /// marks each stretch cut out of the axis.
  ///
  /// - Parameters:
  ///   - sizes: The measured size of each statement and of the note, in points.
  ///   - pointsPerMonth: The width of a month on the axis.
  /// - Returns: The placed scene and the room it takes.
  /// - Complexity: O(*n*²) in statements for the lanes, which stay few.
  func placingTimeline(
    sizes: [SceneElementID: SceneSize], pointsPerMonth: Double = TimelineScale.pointsPerMonth
  ) -> PlacedTimeline {
    let statements = nodes.filter { $0.date != nil && $0.role != .timeNote }
    let note = nodes.first { $0.role == .timeNote }
    let scale = TimelineScale(
      spans: statements.compactMap(\.date), origin: Gap.left, pointsPerMonth: pointsPerMonth)
    let noteHeight = note.flatMap { sizes[$0.id]?.height } ?? 0
    let tickY = noteHeight + 11
    let axisY = tickY + 13

    // Anchors: the dates' x, pushed apart just enough for leader lines to stay distinct, and
    // kept on their own stretch of axis: pushed past its end, a crowded month before a cut
    // (1914 in the origins of the First World War) ran its dots off the axis and under the
    // "//". So the anchors of a stretch are also pulled back from its end, and a stretch with
    // more statements than room gets leader lines closer together.
    let segmentOf = statements.map { node in
      scale.segments.lastIndex { $0.firstYear <= (node.date?.start.year ?? Int.min) } ?? 0
    }
    var counts = Array(repeating: 0, count: scale.segments.count)
    for segment in segmentOf where counts.indices.contains(segment) { counts[segment] += 1 }
    let gaps = scale.segments.indices.map { segment in
      let segmentWidth = scale.segments[segment].endX - scale.segments[segment].x
      return min(Gap.leaders, segmentWidth / Double(max(counts[segment], 1)))
    }
    func gap(_ index: Int) -> Double {
      gaps.indices.contains(segmentOf[index]) ? gaps[segmentOf[index]] : Gap.leaders
    }
    var anchors: [Double] = []
    for (index, node) in statements.enumerated() {
      let x = node.date.map(scale.startX(of:)) ?? 0
      anchors.append(max(x, (anchors.last ?? -.infinity) + gap(index)))
    }
    for index in statements.indices.reversed()
    where scale.segments.indices.contains(segmentOf[index]) {
      var bound = scale.segments[segmentOf[index]].endX - gap(index) / 2
      if index + 1 < statements.count, segmentOf[index + 1] == segmentOf[index] {
        bound = min(bound, anchors[index + 1] - gap(index))
      }
      anchors[index] = min(anchors[index], bound)
    }
    let size = { (node: SceneNode) in sizes[node.id] ?? SceneSize(width: 60, height: 36) }
    let barEnds = statements.map { node in node.date.flatMap(scale.endX(of:)) }
    let rights = statements.indices.map { index in
      max(anchors[index] - Gap.leaderInset + size(statements[index]).width, barEnds[index] ?? 0)
    }
    var lanes = Array(repeating: 0, count: statements.count)
    for index in statements.indices.reversed() {
      var lane = 0
      for later in statements.indices.dropFirst(index + 1) {
        guard anchors[later] - Gap.leaderInset < rights[index] + Gap.box else { break }
        lane = max(lane, lanes[later] + 1)
      }
      lanes[index] = lane
    }
    let laneCount = (lanes.max() ?? -1) + 1
    var laneHeights = Array(repeating: 0.0, count: laneCount)
    for index in statements.indices {
      let barRoom = barEnds[index] == nil ? 0 : 2 * Gap.bar
      laneHeights[lanes[index]] = max(
        laneHeights[lanes[index]], size(statements[index]).height + barRoom)
    }
    var laneBottoms: [Double] = []
    var y = axisY + Gap.aboveAxis
    for height in laneHeights {
      laneBottoms.append(y)
      y += height + Gap.box
    }
    let top = y - Gap.box

    var placed: [SceneNode] = []
    var edges: [SceneEdge] = []
    for (index, node) in statements.enumerated() {
      let box = size(node)
      let x = anchors[index]
      let bottom = laneBottoms[lanes[index]]
      var statement = node
      let boxBottom = bottom + (barEnds[index] == nil ? 0 : 2 * Gap.bar)
      statement.position = ScenePoint(
        x: x - Gap.leaderInset + box.width / 2, y: boxBottom + box.height / 2)
      placed.append(statement)
      let id = node.id.rawValue
      let marker = SceneElementID("marker-" + id)
      let end = SceneElementID("leader-end-" + id)
      placed.append(
        SceneNode(
          id: marker, role: .timeMarker, label: "", date: node.date,
          position: ScenePoint(x: x, y: axisY)))
      placed.append(
        SceneNode(
          id: end, role: .anchor, label: "", position: ScenePoint(x: x, y: bottom)))
      edges.append(
        SceneEdge(
          id: SceneElementID("leader-" + id), source: marker, target: end, role: .timeLeader))
      if let barEnd = barEnds[index] {
        let length = max(barEnd - x, Gap.bar)
        placed.append(
          SceneNode(
            id: SceneElementID("bar-" + id), role: .timeBar, label: "", date: node.date,
            position: ScenePoint(x: x + length / 2, y: bottom + Gap.bar / 2),
            fixedSize: SceneSize(width: length, height: Gap.bar)))
      }
    }
    for (number, segment) in scale.segments.enumerated() {
      let start = SceneElementID("axis-start-\(number + 1)")
      let end = SceneElementID("axis-end-\(number + 1)")
      placed.append(
        SceneNode(id: start, role: .anchor, label: "", position: ScenePoint(x: segment.x, y: axisY))
      )
      placed.append(
        SceneNode(
          id: end, role: .anchor, label: "", position: ScenePoint(x: segment.endX, y: axisY)))
      edges.append(
        SceneEdge(
          id: SceneElementID("axis-\(number + 1)"), source: start, target: end, role: .timeAxis))
      for year in segment.firstYear...segment.lastYear {
        let x = segment.x + Double((year - segment.firstYear) * 12) * segment.pointsPerMonth
        placed.append(
          SceneNode(
            id: SceneElementID("year-\(year)"), role: .timeTick, label: String(year),
            position: ScenePoint(x: x, y: tickY), fixedSize: SceneSize(width: 32, height: 14)))
        let mark = SceneElementID("tick-\(year)")
        placed.append(
          SceneNode(id: mark, role: .anchor, label: "", position: ScenePoint(x: x, y: axisY - 5)))
        placed.append(
          SceneNode(
            id: SceneElementID("tick-top-\(year)"), role: .anchor, label: "",
            position: ScenePoint(x: x, y: axisY)))
        edges.append(
          SceneEdge(
            id: SceneElementID("tick-mark-\(year)"), source: SceneElementID("tick-top-\(year)"),
            target: mark, role: .timeLeader))
      }
    }
    for (number, x) in scale.breakCentres.enumerated() {
      placed.append(
        SceneNode(
          id: SceneElementID("break-\(number + 1)"), role: .timeBreak, label: "//",
          position: ScenePoint(x: x, y: axisY), fixedSize: SceneSize(width: 20, height: 16)))
    }
    var right = (scale.segments.last?.endX ?? 0) + Gap.left
    for node in placed where node.role != .timeMarker && node.role != .anchor {
      if let position = node.position, let width = node.fixedSize?.width ?? sizes[node.id]?.width {
        right = max(right, position.x + width / 2)
      }
    }
    if let note, let noteSize = sizes[note.id] {
      var placedNote = note
      placedNote.position = ScenePoint(x: noteSize.width / 2, y: noteHeight / 2)
      placed.append(placedNote)
      right = max(right, noteSize.width)
    }
    var scene = self
    scene.nodes = placed
    scene.edges = edges
    scene.groups = []
    scene.placement = .fixed
    return PlacedTimeline(scene: scene, width: right, height: max(top, axisY + 4))
  }
}
