import ArgumentAnalysis
import ArgumentMap

extension InterpretationComparison {
  /// The comparison as a diagram: the first interpretation with the evidence only it uses on
  /// the left, the evidence both use in the middle, the other interpretations with theirs on the
  /// right; evidence read two ways is marked in words and by a double border, not by colour.
  ///
  /// Each piece of evidence gets one edge per interpretation that uses it, solid when it counts
  /// for the reading and dashed when against, labelled with the scope it is read under. Evidence
  /// that only matters as part of a larger item (one pact among several) is left to the report.
  ///
  /// - Parameters:
  ///   - map: The map the comparison was made on (for texts and dates).
  ///   - lineWidth: The longest label line, in characters.
  ///   - blanksEvidence: Draw a worksheet: every piece of evidence is a numbered blank of the
  ///     size its text would take, and nothing in the picture, its hover texts, ids or outline
  ///     gives the evidence away; students fill in which event belongs where.
  ///   - only: The evidence to draw, for one page of a split comparison; `nil` draws all.
  ///   - printsCorrections: Whether the corrections of the flagged evidence drawn go in a column
  ///     right of the readings; pages leave them to sheets of their own
  ///     (`pageScenes(of:map:page:)`).
  /// - Returns: The scene, for `MapRenderer.render(_:format:)`.
  public func scene(
    for map: ArgumentMap, lineWidth: Int = 28, blanksEvidence: Bool = false,
    only: Set<NodeID>? = nil, printsCorrections: Bool = true
  ) -> Scene {
    let index = map.nodeIndex()
    func lookup(_ id: NodeID) -> Node? { index[id].map { map.nodes[$0] } }
    // Blank numbers in drawing order: left column, middle, right.
    var blankNumbers: [NodeID: Int] = [:]
    if blanksEvidence {
      var ordered = evidenceOnly(of: 0).filter { $0.readings[0]?.via.isEmpty ?? false }
      ordered += sharedEvidence.filter { row in row.readings.contains { $0?.via.isEmpty ?? false } }
      for index in sides.indices.dropFirst() {
        ordered += evidenceOnly(of: index).filter { $0.readings[index]?.via.isEmpty ?? false }
      }
      for row in ordered where blankNumbers[row.evidence] == nil {
        blankNumbers[row.evidence] = blankNumbers.count + 1
      }
    }
    func name(_ id: NodeID) -> String {
      Self.shortLabel(lookup(id), id)
    }
    func element(_ id: NodeID) -> SceneElementID {
      if let number = blankNumbers[id] { return SceneElementID("blank-\(number)") }
      return SceneElementID("n-" + id.rawValue)
    }
    var nodes: [SceneNode] = []
    var edges: [SceneEdge] = []
    let lastSide = sides.count - 1

    func evidenceNode(_ row: EvidenceRow) -> SceneNode {
      let node = lookup(row.evidence)
      // As in the teaching layout: the date first, then the start of the text (the whole text
      // is in the hover text and the outline).
      var lines: [String] = []
      if let date = node?.date { lines.append(date.displayText) }
      lines += Self.wrap(
        SceneBuilder.shortened(node?.text ?? row.evidence.rawValue, words: SceneBuilder.labelWords),
        lineWidth)
      lines += SceneNode.markLines(
        isFlagged: node?.isFlagged ?? false, isReadTwoWays: row.isReadTwoWays)
      var hover = [(node?.kind.displayName ?? "evidence") + ": " + (node?.text ?? "")]
      for (index, reading) in row.readings.enumerated() {
        guard let reading else { continue }
        hover.append(name(sides[index].interpretation) + ": " + Self.describeReading(reading))
      }
      if let number = blankNumbers[row.evidence] {
        return SceneNode(
          id: element(row.evidence), role: .statement(node?.kind ?? .evidence),
          label: lines.joined(separator: "\n"), hoverText: "blank \(number)", isBlank: true,
          blankLabel: "(\(number))", isReadTwoWays: row.isReadTwoWays)
      }
      return SceneNode(
        id: element(row.evidence), role: .statement(node?.kind ?? .evidence),
        label: lines.joined(separator: "\n"), hoverText: hover.joined(separator: "\n"),
        isFlagged: node?.isFlagged ?? false, isReadTwoWays: row.isReadTwoWays)
    }

    // How far each reading is convincing, from the evidence that fits it and counts against it
    // (the scores are a detail of the written report).
    let howFar = Dictionary(
      zip(sides.map(\.interpretation), howFarConvincing(for: map)), uniquingKeysWith: { a, _ in a })
    func interpretationNode(_ side: Side) -> SceneNode {
      let node = lookup(side.interpretation)
      var lines = Self.wrap(name(side.interpretation), lineWidth)
      if let judgement = howFar[side.interpretation] {
        // Narrow: "convincing" / "to some extent", so the ellipse stays small.
        lines.append(contentsOf: Self.wrap(judgement, 16))
      }
      return SceneNode(
        id: element(side.interpretation), role: .statement(.interpretation),
        label: lines.joined(separator: "\n"),
        hoverText: "interpretation: " + (node?.text ?? side.interpretation.rawValue))
    }

    func edgesFor(_ row: EvidenceRow, backwardsOn sidesToTheLeft: (Int) -> Bool) {
      for (index, reading) in row.readings.enumerated() {
        guard let reading else { continue }
        let bearings: [Bearing] =
          reading.bearing == .mixed ? [.supports, .opposes] : [reading.bearing]
        let scopes = reading.links.compactMap(\.scope).reduce(into: [NodeID]()) { scopes, scope in
          if !scopes.contains(scope) { scopes.append(scope) }
        }
        for bearing in bearings {
          let relation: Relation = bearing == .opposes ? .opposes : .supports
          var label = bearing == .opposes ? "against" : "for"
          if !scopes.isEmpty {
            label += " [" + scopes.map(\.rawValue).joined(separator: ", ") + "]"
          }
          let reasons = reading.links.filter { $0.bearing == bearing || $0.bearing == .mixed }
            .compactMap(\.reasoning)
          let isBlank = blankNumbers[row.evidence] != nil
          edges.append(
            SceneEdge(
              id: SceneElementID(
                "e-\(element(row.evidence).rawValue)-\(sides[index].interpretation.rawValue)-"
                  + bearing.rawValue),
              source: element(row.evidence), target: element(sides[index].interpretation),
              role: .link(relation), label: label,
              hoverText: isBlank ? "" : reasons.joined(separator: "\n"),
              isLaidOutBackwards: sidesToTheLeft(index)))
        }
      }
    }

    // Left column: the first interpretation and the evidence only it uses.
    let leftOnly = evidenceOnly(of: 0).filter { $0.readings[0]?.via.isEmpty ?? false }
      .filter { Self.isDrawn($0, only: only) }
    nodes += leftOnly.map(evidenceNode)
    nodes.append(interpretationNode(sides[0]))
    for row in leftOnly { edgesFor(row) { _ in false } }
    // Middle column: evidence more than one side uses.
    let shared = sharedEvidence.filter { row in row.readings.contains { $0?.via.isEmpty ?? false } }
      .filter { Self.isDrawn($0, only: only) }
    nodes += shared.map(evidenceNode)
    for row in shared { edgesFor(row) { $0 == 0 } }
    // Right column: the other interpretations and the evidence only each uses.
    var rightMembers: [SceneElementID] = []
    var rightOnlyMembers: [SceneElementID] = []
    for index in 1...lastSide {
      nodes.append(interpretationNode(sides[index]))
      rightMembers.append(element(sides[index].interpretation))
      let sideOnly = evidenceOnly(of: index).filter { $0.readings[index]?.via.isEmpty ?? false }
        .filter { Self.isDrawn($0, only: only) }
      nodes += sideOnly.map(evidenceNode)
      rightOnlyMembers += sideOnly.map { element($0.evidence) }
      for row in sideOnly { edgesFor(row) { _ in true } }
    }
    let groups = [
      SceneGroup(
        id: SceneElementID("column-1"),
        arrangement: .box(heading: name(sides[0].interpretation)),
        members: leftOnly.map { element($0.evidence) } + [element(sides[0].interpretation)],
        subgroups: [
          SceneGroup(
            id: SceneElementID("rank-1"), arrangement: .bottomRank,
            members: leftOnly.map { element($0.evidence) })
        ]),
      SceneGroup(
        id: SceneElementID("column-2"), arrangement: .box(heading: "Evidence both use"),
        members: shared.map { element($0.evidence) },
        subgroups: [
          SceneGroup(
            id: SceneElementID("rank-2"), arrangement: .sameRank,
            members: shared.map { element($0.evidence) })
        ]),
      SceneGroup(
        id: SceneElementID("column-3"),
        arrangement: .box(
          heading: sides.dropFirst().map { name($0.interpretation) }.joined(separator: ", ")),
        members: rightMembers + rightOnlyMembers,
        subgroups: [
          SceneGroup(id: SceneElementID("rank-3"), arrangement: .topRank, members: rightOnlyMembers)
        ]),
    ]
    let title =
      (map.metadata.title.map { $0 + ": " } ?? "") + "comparing "
      + sides.map { name($0.interpretation) }.joined(separator: " and ")
    var outline = [title + "."]
    if blanksEvidence {
      // A worksheet's description must not give the answers away.
      outline.append(
        "Worksheet: \(blankNumbers.count) numbered blanks for the evidence, in three columns: "
          + "evidence only \u{201C}\(name(sides[0].interpretation))\u{201D} uses, evidence both use, "
          + "and evidence only the other reading uses.")
      return Scene(
        name: "comparison", title: title, outline: outline.joined(separator: "\n"),
        direction: .leftToRight, nodes: nodes, edges: edges, groups: groups)
    }
    outline += verdictSentences(for: map)
    outline.append(
      "Only \u{201C}\(name(sides[0].interpretation))\u{201D} uses: "
        + (leftOnly.isEmpty ? "nothing" : leftOnly.map(\.evidence.rawValue).joined(separator: ", "))
        + ".")
    outline.append(
      "Both use: "
        + (shared.isEmpty
          ? "nothing"
          : shared.map { row in
            row.evidence.rawValue + (row.isReadTwoWays ? " (read two ways)" : "")
          }.joined(separator: ", ")) + ".")
    for index in 1...lastSide {
      let only = evidenceOnly(of: index).filter { $0.readings[index]?.via.isEmpty ?? false }
      outline.append(
        "Only \u{201C}\(name(sides[index].interpretation))\u{201D} uses: "
          + (only.isEmpty ? "nothing" : only.map(\.evidence.rawValue).joined(separator: ", ")) + "."
      )
    }
    // The flagged evidence drawn says what is true, as a map's picture does: a "⚠ fact
    // flagged" the class cannot look up corrects nothing.
    let drawn = Set(nodes.map(\.id))
    let flagged = map.nodes.indices.filter {
      !map.nodes[$0].flags.isEmpty && drawn.contains(element(map.nodes[$0].id))
    }
    var corrections: [String] = []
    if !flagged.isEmpty {
      corrections = SceneBuilder(map: map, options: SceneOptions()).correctionLines(flagged)
      outline.append("Corrections: " + corrections.joined(separator: "; ") + ".")
    }
    var scene = Scene(
      name: "comparison", title: title, outline: outline.joined(separator: "\n"),
      direction: .leftToRight, nodes: nodes, edges: edges, groups: groups)
    if printsCorrections {
      // A column right of the last reading's: placed with no neighbour, the blocks stood
      // above the first column and made the picture taller than wide.
      scene.addKey(
        lines: corrections, width: max(lineWidth * 2, 48), under: [],
        after: Array((rightOnlyMembers.isEmpty ? rightMembers : rightOnlyMembers).prefix(1)),
        id: "corrections", heading: "Corrections")
    }
    return scene
  }

  /// Whether a row's evidence is drawn on this page: all of it when `only` is `nil`.
  static func isDrawn(_ row: EvidenceRow, only: Set<NodeID>?) -> Bool {
    guard let only else { return true }
    return only.contains(row.evidence)
  }

  /// An interpretation's short name: its text before a colon when that is short, else its id.
  static func shortLabel(_ node: Node?, _ id: NodeID) -> String {
    node?.shortName ?? id.rawValue
  }

  /// "for: + strength [security-view]; + security".
  static func describeReading(_ reading: EvidenceReading) -> String {
    let links = reading.links.map { link -> String in
      var text = "\(link.relation.sign) "
      switch link.target {
      case .node(let id): text += id.rawValue
      case .link(let from, let to): text += "\(from) -> \(to)"
      }
      if let scope = link.scope { text += " [\(scope)]" }
      if let reasoning = link.reasoning { text += ": " + reasoning }
      return text
    }
    return reading.bearing.displayName + ": " + links.joined(separator: "; ")
  }

  /// Two decimals, without Foundation.
  static func fixed(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }

  /// Words wrapped into lines of at most `width` characters (longer words stay whole).
  static func wrap(_ text: String, _ width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: { $0 == " " || $0.isNewline }) {
      if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= max(width, 8) {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
