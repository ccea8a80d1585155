import ArgumentMap

extension SceneBuilder {
  /// The timeline: the dated statements in date order, each with a hint of its part in the
  /// argument, still to be measured and placed on a time axis (`Scene.placingTimeline(sizes:)`).
  ///
  /// Undated statements have no place on a time axis; they are left out and counted in a note.
  /// Links are not drawn (they would cross the picture); a statement's supports and opposes
  /// links to the aims become lines of its label instead.
  ///
  /// - Parameters:
  ///   - part: Which of the dated statements, counted in date order, to draw; `nil` for all.
  ///   - page: The page's number and the number of pages, for the title; `nil` on one page.
  /// - Returns: The scene, `placement == .timeline`.
  func timelineScene(part: Range<Int>? = nil, page: (number: Int, count: Int)? = nil) -> Scene {
    let all = datedPositions
    let dated = part.map { Array(all[$0.clamped(to: all.indices)]) } ?? all
    var nodes = dated.map { entry in
      var node = sceneNode(at: entry.position, isReadTwoWays: false)
      // As in the teaching layout: the role and date first, the start of the text.
      node.label = teachingLabel(entry.position, isReadTwoWays: false)
      // Hints never make a label too long to draw whole: the statement comes first.
      for hint in node.isBlank ? [] : roleHints(of: entry.position)
      where node.label.utf8.count + 1 + hint.utf8.count <= Scene.maximumDrawnTextLength {
        // Wrapped a little wider than the text, so a long hint does not widen the box alone.
        node.label +=
          "\n" + TextWrapping.wrap(hint, width: options.lineWidth + 12).joined(separator: "\n")
      }
      // Placed by date even when blanked: the place is the clue, the text is the task.
      node.date = entry.date
      return node
    }
    let drawn = Set(dated.map(\.position))
    let undated = map.nodes.count - all.count
    let note = undated == 0 ? nil : counted(undated, "statement") + " without a date not shown"
    // With a legend, the marks a timeline has beyond the map's own, in words under the axis.
    var key: [String] = []
    if options.showsLegend {
      let spans = dated.map(\.date)
      if spans.contains(where: { $0.end != nil }) {
        key.append("A bar: the span of a statement's dates.")
      }
      if !TimelineScale(spans: spans, origin: 0).breakCentres.isEmpty {
        key.append("//: years with nothing in them, cut out of the axis.")
      }
      if dated.contains(where: { !map.nodes[$0.position].flags.isEmpty }) {
        key.append("A heavy red border: a fact flagged (the hover text gives the correction).")
      }
    }
    if note != nil || !key.isEmpty {
      let label = ((note.map { [$0] } ?? []) + key).joined(separator: "\n")
      nodes.append(SceneNode(id: TimelineIDs.note, role: .timeNote, label: label))
    }
    let period = TimelineScale.period(of: dated.map(\.date)).map { " " + $0 } ?? ""
    let scopeNote = options.scope.map { " under " + reference(to: $0) } ?? ""
    let heading =
      title + ": timeline" + period + ". " + counted(dated.count, "dated statement") + scopeNote
      + (note.map { "; " + $0 } ?? "") + "."
    let pageNote = page.map { ", page \($0.number) of \($0.count)" } ?? ""
    return Scene(
      name: "timeline",
      title: title + ": timeline" + period + pageNote
        + (options.scope.map { " (read as " + reference(to: $0) + ")" } ?? ""),
      // The outline keeps the links the picture leaves out, for readers of the text.
      outline: outline(
        heading: heading, positions: dated.map(\.position),
        links: allLinks.filter { drawn.contains($0.position) }),
      direction: .bottomToTop,
      nodes: nodes,
      placement: .timeline
    )
  }

  /// The dated statements' positions and dates, in date order (written order within a date).
  var datedPositions: [(position: Int, date: DateSpan)] {
    map.nodes.indices.compactMap { position -> (position: Int, date: DateSpan)? in
      map.nodes[position].date.map { (position, $0) }
    }.sorted { lhs, rhs in
      lhs.date != rhs.date ? lhs.date < rhs.date : lhs.position < rhs.position
    }
  }

  /// "✓ success for: Industrial and military strength…" for each supports or opposes link from
  /// the node at `position` to an aim or sub-aim, in written order. A link read under one
  /// interpretation is no success or failure of the essay's own aim: it is "✓ for: Rival
  /// thesis… (read as Aggressive reading)".
  private func roleHints(of position: Int) -> [String] {
    var hints: [String] = []
    for link in map.nodes[position].links where Self.holds(link, under: options.scope) {
      guard case .node(let target) = link.target, let targetPosition = index[target] else {
        continue
      }
      let kind = map.nodes[targetPosition].kind
      guard kind == .mainAim || kind == .subAim else { continue }
      let name = titleOrName(targetPosition)
      let reading = link.scope.map { scope in
        index[scope].map { shortName($0, words: 3) } ?? scope.rawValue
      }
      switch (link.relation, reading) {
      case (.supports, nil): hints.append("\u{2713} success for: " + name)
      case (.opposes, nil): hints.append("\u{2717} failure for: " + name)
      case (.supports, let reading?): hints.append("\u{2713} for: \(name) (read as \(reading))")
      case (.opposes, let reading?):
        hints.append("\u{2717} against: \(name) (read as \(reading))")
      case (.undercuts, _): continue
      }
    }
    return hints
  }
}

/// The element ids the timeline adds to its statements.
enum TimelineIDs {
  /// The note that counts the statements left out.
  static let note = SceneElementID("undated-note")
}
