import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import Testing

@Suite("Views become scenes")
struct SceneTests {
  let map = Fixtures.stalin

  @Test("the argument view draws every statement once, in written order, by its kind")
  func argumentNodes() throws {
    let scene = try map.scene(.argument)
    let statements = scene.nodes.filter {
      if case .statement = $0.role { true } else { false }
    }
    #expect(statements.map(\.id.rawValue) == map.nodes.map { "n-" + $0.id.rawValue })
    #expect(statements.map(\.role) == map.nodes.map { .statement($0.kind) })
    #expect(scene.direction == .bottomToTop)
    #expect(scene.title == "Stalin's foreign policy, 1928–1941")
  }

  @Test("the overview counts an aim's own statements as 'other statements' when sub-aims argue it")
  func overviewCounts() throws {
    let map = ArgumentMapParser.check(
      """
      aim thesis: Stalin sought security.
      subaim strength: Industrial strength.
        + thesis
      claim league: Joining the League brought allies.
        + thesis
      claim purges: The purges weakened the army.
        - strength
      claim plans: The five-year plans built industry.
        + strength

      """
    ).map
    let scene = try map.scene(.overview)
    let labels = Dictionary(
      scene.nodes.map { ($0.id.rawValue, $0.label) }, uniquingKeysWith: { first, _ in first })
    // Drawn, so described: the description left the counts (and the verdict) out.
    #expect(scene.outline.contains("other statements 1 for, 0 against."))
    #expect(scene.outline.contains("Industrial strength: 1 for, 1 against."))
    // The sub-aim argues for the thesis, so its one claim is not all that is for it.
    #expect(labels["n-thesis"]?.hasSuffix("\nother statements: 1 for · 0 against") == true)
    #expect(labels["n-strength"]?.hasSuffix("\n1 for · 1 against") == true)
  }

  @Test("aims and interpretations share the top rank, the aim between the readings")
  func topRank() throws {
    let scene = try map.scene(.argument)
    let top = try #require(scene.groups.first { $0.arrangement == .topRank })
    #expect(top.members.map(\.rawValue) == ["n-aggressive", "n-security", "n-defensive"])
  }

  @Test("sub-aims, claims and evidence each have a row, in that order under the top")
  func rows() throws {
    let scene = try map.scene(.argument)
    let rows = scene.groups.filter { $0.id.rawValue.hasPrefix("row-") }
    #expect(rows.map(\.id.rawValue) == ["row-1", "row-2", "row-3"])
    let kinds = rows.map { row in
      Set(
        row.members.compactMap { member in
          map.nodes.first { "n-" + $0.id.rawValue == member.rawValue }?.kind.level
        })
    }
    #expect(kinds == [[1], [2], [3]])
    // Each row is kept under the one above by an invisible edge from it.
    #expect(scene.edges.filter { $0.id.rawValue.hasPrefix("row-order-") }.count == 3)
  }

  @Test("under each aim or sub-aim, what is for it and what is against it have a box each")
  func forAndAgainst() throws {
    let scene = try map.scene(.argument)
    let boxes = scene.groups.filter { if case .box = $0.arrangement { true } else { false } }
    let headings = scene.nodes.filter {
      if case .boxHeading = $0.role { true } else { false }
    }
    #expect(headings.count == boxes.count && !boxes.isEmpty)
    // The Nazi–Soviet Pact supports strength; Barbarossa opposes security.
    let forStrength = try #require(boxes.first { $0.id.rawValue == "for-3" })
    #expect(forStrength.members.contains(SceneElementID("n-nazi-soviet-pact")))
    let againstSecurity = try #require(boxes.first { $0.id.rawValue == "against-1" })
    #expect(againstSecurity.members.contains(SceneElementID("n-barbarossa")))
  }

  @Test("links keep their relation; an undercut meets its link at a junction")
  func linksAndUndercuts() throws {
    let scene = try map.scene(.argument)
    let roles = scene.edges.map(\.role)
    #expect(roles.filter { $0 == .link(.supports) }.count == 6)
    #expect(roles.filter { $0 == .link(.undercuts) }.count == 1)
    let junction = try #require(scene.nodes.first { $0.role == .junction })
    // The undercut comes through the number of its reason.
    let intoJunction = scene.edges.filter { $0.target == junction.id }
    #expect(
      intoJunction.map(\.source.rawValue).sorted() == ["n-barbarossa", "number-link-12-1"])
    #expect(
      scene.edges.contains {
        $0.source.rawValue == "n-invasion-inevitable" && $0.target.rawValue == "number-link-12-1"
      })
    #expect(intoJunction.contains { $0.role == .linkToJunction(.opposes) })
    let outOfJunction = scene.edges.filter { $0.source == junction.id }
    #expect(outOfJunction.map(\.target.rawValue) == ["n-security"])
    #expect(outOfJunction.map(\.role) == [.link(.opposes)])
  }

  @Test("an arrow's number leads to its reason in the key; a scoped link has its reading's mark")
  func reasonKey() throws {
    let scene = try map.scene(.argument)
    // The arrow runs to a small node with its number, and on from there (`…-to`).
    let edge = try #require(scene.edges.first { $0.id.rawValue == "link-9-1" })
    #expect(edge.target.rawValue == "number-link-9-1" && edge.label == nil)
    let onward = try #require(scene.edges.first { $0.id.rawValue == "link-9-1-to" })
    #expect(onward.target.rawValue == "n-strength" && onward.continuesLink)
    let number = try #require(scene.nodes.first { $0.id.rawValue == "number-link-9-1" }).label
    #expect(Int(number) != nil)
    #expect(
      edge.hoverText
        == "“Nazi–Soviet Pact, with a secret protocol” supports “Industrial and military strength” "
        + "under “Stalin sought security against a German invasion”: bought time to build up "
        + "industry and arms")
    // The interpretations in written order: aggressive is 0, defensive 1.
    #expect(edge.interpretationMark == 1)
    let key = scene.nodes.filter { $0.role == .textBlock }.map(\.label).joined(separator: "\n")
    #expect(key.hasPrefix("Reasons\n"))
    #expect(key.contains(number + " supports, read as Stalin sought security against…:"))
    #expect(key.contains("bought time to build up industry and arms"))
    let unscoped = try #require(scene.edges.first { $0.id.rawValue == "link-9-3" })
    #expect(unscoped.interpretationMark == nil && unscoped.target.rawValue == "number-link-9-3")
    let bare = try map.scene(.argument, options: SceneOptions(showsReasoning: false))
    #expect(bare.edges.allSatisfy { $0.label == nil })
    #expect(!bare.nodes.contains { if case .reasonNumber = $0.role { true } else { false } })
    // Without reasons, only the corrections of flagged facts are printed under the picture.
    #expect(
      bare.nodes.filter { $0.role == .textBlock }.map(\.id.rawValue).allSatisfy {
        $0.hasPrefix("corrections")
      })
  }

  @Test("a scope keeps the unscoped links and those scoped to it")
  func scopedView() throws {
    var map = map
    map.nodes[8].links.append(Link(.opposes, .node("recognition"), scope: "aggressive"))
    let view = MapView.argument
    let all = try map.scene(view).edges.filter(\.isLink).map(\.id.rawValue)
    let defensive = try map.scene(view, options: SceneOptions(scope: "defensive")).edges
      .filter(\.isLink).map(\.id.rawValue)
    let aggressive = try map.scene(view, options: SceneOptions(scope: "aggressive"))
    #expect(all.contains("link-9-4"))
    #expect(defensive == all.filter { $0 != "link-9-4" })
    #expect(
      aggressive.edges.filter(\.isLink).map(\.id.rawValue)
        == all.filter { !["link-9-1", "link-9-1-to", "link-13-1"].contains($0) })
    // Named as a reader knows it, not by its id ('aggressive').
    #expect(
      aggressive.title
        == "Stalin's foreign policy, 1928–1941 (read as “Stalin meant to draw the West into a…”)")
    #expect(
      aggressive.outline.split(separator: "\n").first?.hasSuffix(
        "under “Stalin meant to draw the West into a…”.") == true)
    // Every statement stays: the scope is about readings, not about what exists.
    #expect(aggressive.nodes.filter(\.isStatement).count == map.nodes.count)
  }

  @Test("an undercut of a link that does not hold under the scope is left out")
  func scopedUndercut() throws {
    var map = map
    map.nodes[9].links[0].scope = "aggressive"
    let scene = try map.scene(.argument, options: SceneOptions(scope: "defensive"))
    #expect(!scene.nodes.contains { $0.role == .junction })
    let ids = Set(scene.nodes.map(\.id))
    #expect(scene.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
  }

  @Test(
    "a scope must name an interpretation",
    arguments: [
      ("defensiv", "unknown interpretation 'defensiv'; did you mean 'defensive'?"),
      (
        "security",
        "'security' is a main aim, not an interpretation; the interpretations are "
          + "'aggressive', 'defensive'"
      ),
      ("aggressive-view", "unknown interpretation 'aggressive-view'; did you mean 'aggressive'?"),
    ])
  func scopeErrors(scope: String, message: String) {
    do {
      _ = try map.scene(.argument, options: SceneOptions(scope: NodeID(scope)))
      Issue.record("scope '\(scope)' was accepted")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test(
    "--blank reads all, events, claims or ids",
    arguments: [
      ("all", BlankSelection.all), ("events", .events), ("claims", .claims),
      ("a", .nodes(["a"])), ("a, b ,c", .nodes(["a", "b", "c"])),
    ])
  func blankSelection(text: String, expected: BlankSelection) {
    #expect(BlankSelection(parsing: text) == expected)
  }

  @Test("a blank selection with an empty id is refused", arguments: ["", ",", "a,,b", "a, "])
  func badBlankSelection(text: String) {
    #expect(BlankSelection(parsing: text) == nil)
  }

  @Test("worksheet selections blank the chosen kinds")
  func worksheetSelections() throws {
    func blanked(_ selection: BlankSelection) throws -> Int {
      try map.scene(.argument, options: SceneOptions(worksheet: selection)).blankNodes.count
    }
    #expect(try blanked(.all) == map.nodes.count)
    #expect(try blanked(.events) == map.nodes.filter { $0.kind == .event }.count)
    #expect(
      try blanked(.claims)
        == map.nodes.filter { $0.kind == .claim || $0.kind == .counterclaim }.count)
    #expect(try blanked(.nodes(["league", "munich"])) == 2)
  }

  @Test("evidence read under two interpretations is marked; flagged statements too")
  func marks() throws {
    let scene = try map.scene(.argument)
    let marked = scene.nodes.filter(\.isReadTwoWays).map(\.id.rawValue)
    #expect(marked == ["n-nazi-soviet-pact"])
    #expect(scene.nodes.filter(\.isFlagged).map(\.id.rawValue) == ["n-rapallo-cancelled"])
    let pact = try #require(scene.nodes.first { $0.id.rawValue == "n-nazi-soviet-pact" })
    #expect(
      pact.label
        == "EVENT · 1939-08-23\nNazi–Soviet Pact, with a\nsecret protocol\n\u{21C4} read two ways")
  }

  @Test("links to missing nodes are left out instead of failing")
  func danglingLinks() throws {
    var broken = map
    broken.nodes.append(
      Node(
        .claim, "orphan", "Points nowhere",
        links: [
          Link(.supports, .node("nowhere")), Link(.undercuts, .link(from: "a", to: "b")),
        ]))
    let scene = try broken.scene(.argument)
    let full = try map.scene(.argument)
    #expect(scene.edges.count == full.edges.count)
    #expect(scene.nodes.count == full.nodes.count + 1)
  }

  @Test("duplicate ids still get distinct elements")
  func duplicateIDs() throws {
    let map = ArgumentMap(nodes: [Node(.claim, "x", "one"), Node(.claim, "x", "two")])
    let ids = try map.scene(.argument).nodes.map(\.id)
    #expect(Set(ids).count == 2)
  }

  @Test("the timeline keeps the dated statements in date order, to be placed by date")
  func timeline() throws {
    let scene = try map.scene(.timeline)
    #expect(scene.placement == .timeline)
    #expect(
      scene.nodes.filter(\.isStatement).map(\.id.rawValue) == [
        "n-mein-kampf", "n-rapallo-cancelled", "n-league", "n-munich", "n-nazi-soviet-pact",
        "n-barbarossa",
      ])
    #expect(scene.edges.isEmpty && scene.groups.isEmpty)
    #expect(scene.title == "Stalin's foreign policy, 1928–1941: timeline 1925–1941")
    let note = try #require(scene.nodes.first { $0.role == .timeNote })
    #expect(note.label == "7 statements without a date not shown")
  }

  @Test("on the timeline, links to the aims become hints and a scope keeps only its readings")
  func timelineHints() throws {
    var map = map
    map.nodes[0].date = DateSpan(start: HistoricalDate(year: 1928))
    let pact = { (scene: Scene) in
      try #require(scene.nodes.first { $0.id.rawValue == "n-nazi-soviet-pact" }).label
    }
    // Hint lines wrap; a link read under one interpretation is no success of the essay's aim.
    let all = try pact(map.scene(.timeline)).replacingOccurrences(of: "\n", with: " ")
    #expect(
      all.contains(
        "\u{2713} for: Industrial and military strength (read as Stalin sought security…)"))
    #expect(all.contains("\u{2717} failure for: Security of the USSR against a German invasion"))
    #expect(!all.contains("aggressive"))
    let aggressive = try pact(map.scene(.timeline, options: SceneOptions(scope: "aggressive")))
    #expect(!aggressive.contains("Stalin sought security"))
    // A dated aim takes its place on the axis like any statement.
    let scene = try map.scene(.timeline)
    #expect(scene.nodes.prefix(2).map(\.id.rawValue) == ["n-mein-kampf", "n-security"])
  }

  @Test("the comparison puts each interpretation's readings in its own column")
  func comparison() throws {
    let scene = try map.scene(.comparison("aggressive", "defensive"))
    #expect(scene.direction == .leftToRight)
    let columns = scene.groups.filter {
      if case .box = $0.arrangement { true } else { false }
    }
    #expect(
      columns.map { $0.members.map(\.rawValue) } == [
        ["n-aggressive"], ["n-nazi-soviet-pact", "n-time-bought"],
        ["n-strength", "n-defensive"],
      ])
    #expect(scene.nodes.filter(\.isReadTwoWays).map(\.id.rawValue) == ["n-nazi-soviet-pact"])
    // The columns have no headings: the title says which reading is on which side.
    #expect(scene.title.hasPrefix("Stalin's foreign policy, 1928–1941: "))
    #expect(scene.title.contains(" (left) and ") && scene.title.hasSuffix(" (right)"))
    let toLeft = try #require(scene.edges.first { $0.target.rawValue == "n-aggressive" })
    #expect(toLeft.isLaidOutBackwards)
    #expect(
      scene.edges.filter { $0.target.rawValue == "n-strength" }.allSatisfy {
        !$0.isLaidOutBackwards
      })
    #expect(
      scene.outline.hasPrefix(
        "Stalin's foreign policy, 1928–1941: comparison of “Stalin meant to draw the West into a…” and “Stalin sought security against a German invasion”. 1 statement is read both ways.\n"
      ))
  }

  @Test(
    "a comparison of anything but two interpretations is refused with a clear error",
    arguments: [
      (
        NodeID("aggresive"), NodeID("defensive"),
        "unknown node 'aggresive'; did you mean 'aggressive'?"
      ),
      (
        NodeID("security"), NodeID("defensive"),
        "'security' is a main aim, not an interpretation; compare two interpretations"
      ),
      (
        NodeID("defensive"), NodeID("defensive"),
        "cannot compare 'defensive' with itself; name two different interpretations"
      ),
    ])
  func comparisonErrors(first: NodeID, second: NodeID, message: String) {
    #expect(throws: ViewError.self) { try map.scene(.comparison(first, second)) }
    do {
      _ = try map.scene(.comparison(first, second))
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("a worksheet numbers its blanks and hides their text, ids and references")
  func worksheet() throws {
    let scene = try map.scene(
      .argument, options: SceneOptions(blankNodes: ["strength"], blankKinds: [.event]))
    let blanks = scene.blankNodes
    #expect(blanks.map(\.blankLabel) == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    #expect(blanks.map(\.id.rawValue) == (1...6).map { "blank-\($0)" })
    #expect(blanks.map(\.hoverText) == (1...6).map { "blank \($0)" })
    let hidden = ["strength", "Industrial", "league", "League", "munich", "Munich", "barbarossa"]
    for word in hidden {
      #expect(!scene.outline.contains(word), "outline leaks '\(word)'")
      for edge in scene.edges {
        #expect(!edge.hoverText.contains(word), "edge \(edge.id) leaks '\(word)'")
        #expect(!(edge.label ?? "").contains(word), "edge \(edge.id) leaks '\(word)'")
      }
    }
    #expect(scene.outline.contains("Sub-aim blank 1: to be filled in."))
    // A flagged blank says so in words, as its red border does.
    for blank in blanks where blank.isFlagged {
      let number = blank.blankLabel.dropFirst().dropLast()
      #expect(scene.outline.contains("blank \(number): to be filled in (fact flagged)."))
    }
    #expect(blanks.contains { $0.isFlagged })
    // The reason of a link at a blank would give it away ("a strong USSR is harder to
    // invade" names the sub-aim of strength): left out of the outline, the arrow's hover text
    // and the key, where its number is listed once with the others left out.
    let giveaway = "a strong USSR is harder"
    #expect(
      scene.outline.contains(
        "  blank 1 supports “Security of the USSR against a German invasion”: left out on the worksheet"
      ))
    for edge in scene.edges { #expect(!edge.hoverText.contains(giveaway)) }
    #expect(!scene.outline.contains(giveaway))
    let numberNode = try #require(scene.nodes.first { $0.id.rawValue == "number-link-3-1" })
    let number = numberNode.label
    let key = scene.nodes.filter { $0.role == .textBlock }.map(\.label).joined(separator: " ")
    #expect(!key.contains(giveaway))
    // Wrapped key lines go on indented; joined back, one line lists the numbers left out.
    let hiddenLine = try #require(
      key.replacing("\n      ", with: " ").split(separator: "\n").first {
        $0.hasSuffix(": left out, as each would give a blank away")
      })
    #expect(hiddenLine.split(separator: ":")[0].split(separator: ", ").contains(Substring(number)))
    for word in hidden { #expect(!key.contains(word), "the key leaks '\(word)'") }
    // A link between two statements that are not blanks keeps its reasoning, a clue.
    #expect(
      scene.outline.contains(
        "“Political recognition by the western powers” supports “Security of the USSR against a German invasion”: recognition brings treaties"
      ))
    #expect(key.contains("recognition brings treaties"))
  }

  @Test("a teacher's copy lists the answers by blank number; a word bank lists them A to Z")
  func worksheetLists() throws {
    let blanks = SceneOptions(blankNodes: ["strength"], blankKinds: [.event])
    let student = try map.scene(.argument, options: blanks)
    #expect(!student.nodes.contains { ["answers", "word-bank"].contains($0.id.rawValue) })
    var teacher = blanks
    teacher.showsAnswers = true
    teacher.showsWordBank = true
    let scene = try map.scene(.argument, options: teacher)
    let answers = try #require(scene.nodes.first { $0.id.rawValue == "answers" }).label
      .replacing("\n      ", with: " ").split(separator: "\n").map(String.init)
    // Every blank drawn, by the number in its box, with its kind and its words.
    let numbers = scene.blankNodes.map(\.blankLabel)
    #expect(answers.first == "Answers")
    #expect(answers.dropFirst().map { String($0.prefix(while: { $0 != " " })) } == numbers)
    #expect(answers.contains("(1) sub-aim: Industrial and military strength"))
    let bank = try #require(scene.nodes.first { $0.id.rawValue == "word-bank" }).label
      .replacing("\n      ", with: " ").split(separator: "\n").dropFirst().map(String.init)
    #expect(bank.count == numbers.count)
    #expect(bank == bank.sorted { $0.lowercased() < $1.lowercased() })
    #expect(!bank.contains { $0.hasPrefix("(") }, "no numbers in the bank")
  }

  @Test("a label cut at a semicolon ends with an ellipsis, so nobody takes it for the whole")
  func semicolonCut() throws {
    let map = ArgumentMap(nodes: [
      Node(.mainAim, "a", "The Weimar Republic fell because of the Depression"),
      Node(
        .event, "crash",
        "The Wall Street Crash; American loans are recalled and Germany falls into the Depression",
        links: [Link(.supports, .node("a"))]),
    ])
    let scene = try map.scene(.argument)
    let label = try #require(scene.nodes.first { $0.id.rawValue == "n-crash" }).label
    #expect(label.hasSuffix("The Wall Street Crash\u{2026}"), "\(label)")
  }

  @Test("the legend shows the kinds and relations in use, main aim first")
  func legend() throws {
    let scene = try map.scene(.argument, options: SceneOptions(showsLegend: true))
    let samples = scene.nodes.compactMap { node -> NodeKind? in
      if case .legendSample(let kind) = node.role { kind } else { nil }
    }
    #expect(samples == NodeKind.allCases)
    // Bottom to top, the legend hangs from the top rank; left to right its rows just stack.
    let box = try #require(scene.groups.first { $0.id.rawValue == "legend" })
    // Two rows of kinds, the relations, the readings' lines, the marks on boxes.
    #expect(
      box.subgroups.map(\.arrangement) == [.topRank, .sameRank, .sameRank, .sameRank, .sameRank])
    let readings = scene.edges.filter { $0.id.rawValue.hasPrefix("legend-reading-") }
    #expect(readings.compactMap(\.interpretationMark) == [1])
    let marks = scene.nodes.filter { if case .markSample = $0.role { true } else { false } }
    #expect(marks.map(\.id.rawValue) == ["legend-flagged", "legend-read-two-ways"])
    // The map weighs some links below full strength: the legend says what a thinner line is.
    let weaker = try #require(scene.edges.first { $0.id.rawValue == "legend-weaker" })
    #expect((weaker.strength ?? 1) < 1)
    let turned = try map.scene(
      .comparison("aggressive", "defensive"), options: SceneOptions(showsLegend: true))
    let turnedBox = try #require(turned.groups.first { $0.id.rawValue == "legend" })
    #expect(turnedBox.subgroups.allSatisfy { $0.arrangement == .sameRank })
    let small = ArgumentMap(nodes: [
      Node(.mainAim, "a", "aim"), Node(.claim, "c", "claim", links: [Link(.opposes, .node("a"))]),
    ])
    let smallScene = try small.scene(.argument, options: SceneOptions(showsLegend: true))
    let legendEdges = smallScene.edges.filter { $0.id.rawValue.hasPrefix("legend-") }
    #expect(legendEdges.filter { $0.role != .invisible }.map(\.role) == [.link(.opposes)])
    #expect(
      smallScene.nodes.compactMap { node -> NodeKind? in
        if case .legendSample(let kind) = node.role { kind } else { nil }
      } == [.mainAim, .claim])
  }

  @Test("an unknown blank id is refused with a suggestion")
  func unknownBlank() {
    #expect(throws: ViewError.unknownNode("strenght", suggestion: "strength")) {
      try map.scene(.argument, options: SceneOptions(blankNodes: ["strenght"]))
    }
  }
}

extension SceneEdge {
  /// Whether the edge draws (part of) a link of the map.
  fileprivate var isLink: Bool {
    switch role {
    case .link, .linkToJunction: id.rawValue.hasPrefix("link-") && !id.rawValue.hasSuffix("-end")
    case .timeAxis, .timeLeader, .invisible: false
    }
  }
}

extension SceneNode {
  /// Whether the node is a statement of the map.
  fileprivate var isStatement: Bool {
    if case .statement = role { true } else { false }
  }
}
