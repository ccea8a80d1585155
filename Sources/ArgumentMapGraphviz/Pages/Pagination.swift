import ArgumentAnalysis
import ArgumentMap

extension MapRenderer {
  /// One view of `map` as pages that each fit `page` with their smallest text at least the
  /// page's minimum (9 pt on paper, 20 px on a slide).
  ///
  /// A view that fits is one page. A teaching map (the argument view, and a worksheet) that does
  /// not fit becomes an overview page, then one page per aim or sub-aim with what is for and
  /// against it; a part too big for one page is split into its "for" and "against" sides, then
  /// into halves. A statement linked to one on another page is drawn there as a small box
  /// "continued on page N". A comparison keeps both interpretations on every page and splits
  /// the evidence between them. Graphviz measures each candidate page, so the split is decided
  /// by the real sizes of the texts.
  ///
  /// - Throws: `RenderError` when the layout engine is refused or unknown, the view does not fit
  ///   the map, or Graphviz fails.
  public func pageScenes(
    _ map: ArgumentMap, view: MapView, options: SceneOptions, page: PageSize
  ) throws(RenderError) -> [Scene] {
    // An engine that cannot draw argument maps is refused before any page is measured.
    try checkLayout()
    // A timeline is placed by date, not by Graphviz, and split by period.
    if view == .timeline { return try timelinePages(map, options: options, page: page) }
    // A worksheet's word bank and answers go on sheets of their own, after the picture: on the
    // picture's sheet they would push a map that fills it onto more sheets.
    var pictureOptions = options
    pictureOptions.showsAnswers = false
    pictureOptions.showsWordBank = false
    pictureOptions.printsCorrections = false
    let whole: Scene
    do {
      whole = try map.scene(view, options: pictureOptions)
    } catch {
      throw .view(error)
    }
    var scenes = try picturePages(
      map, whole: whole, view: view, options: pictureOptions, page: page)
    scenes += SceneBuilder(map: map, options: options).correctionSheets(
      for: scenes, page: page, heightShare: pageHeightShare)
    if options.addsJudgementSheet {
      // The whole picture's outline: every statement drawn on any of its pages, once.
      scenes += JudgementSheet.scenes(
        for: map, outline: whole.outline, hasBlanks: options.isWorksheet, page: page,
        heightShare: pageHeightShare)
    }
    if options.listsBlanks {
      let numbers = scenes.flatMap(\.nodes).compactMap { node -> Int? in
        node.id.rawValue.hasPrefix("blank-") ? Int(node.id.rawValue.dropFirst(6)) : nil
      }
      scenes += SceneBuilder(map: map, options: options).worksheetListsScenes(
        numbers: Array(Set(numbers)), page: page, heightShare: pageHeightShare)
    }
    if scenes.count > 1 {
      for index in scenes.indices {
        scenes[index].title += " (page \(index + 1) of \(scenes.count))"
      }
    }
    return scenes
  }

  /// The pages of the picture itself (no word bank or answers), whose whole scene is `whole`.
  private func picturePages(
    _ map: ArgumentMap, whole: Scene, view: MapView, options: SceneOptions, page: PageSize
  ) throws(RenderError) -> [Scene] {
    if try fits(whole, on: page) { return [whole] }
    // Pages are built without a legend; one legend for all of them goes on the first page.
    var pageOptions = options
    pageOptions.showsLegend = false
    let builder = SceneBuilder(map: map, options: pageOptions)
    let plan = TeachingPlan(map: map, scope: options.scope)
    var scenes: [Scene]
    switch view {
    case .argument:
      scenes = try teachingPages(builder: builder, plan: plan, page: page)
    case .focus(let id, let depth):
      guard let center = map.nodeIndex()[id] else { return [whole] }
      scenes = try focusPages(
        builder: builder, plan: plan, center: center, depth: depth, page: page)
    case .comparison(let first, let second):
      scenes = try comparisonPages(builder: builder, first, second, page: page)
    case .overview:
      scenes = [try overview(builder: builder, plan: plan, page: page)]
    case .timeline:
      return [whole]  // handled above
    }
    if options.showsLegend {
      try addLegend(to: &scenes, builder: builder, page: page)
    }
    return scenes
  }

  /// One legend of every mark the pages use: on the first page if it still fits there, else on
  /// a page of its own at the end (page numbers inside the pages stay right).
  private func addLegend(to scenes: inout [Scene], builder: SceneBuilder, page: PageSize)
    throws(RenderError)
  {
    guard let first = scenes.first else { return }
    let legend = builder.legend(
      nodes: scenes.flatMap(\.nodes), edges: scenes.flatMap(\.edges), direction: first.direction)
    var withLegend = first
    withLegend.nodes += legend.nodes
    withLegend.edges += legend.edges
    withLegend.groups += legend.groups
    withLegend.title += " (page 99 of 99)"
    if try fits(withLegend, on: page, margin: 1.05) {
      scenes[0].nodes += legend.nodes
      scenes[0].edges += legend.edges
      scenes[0].groups += legend.groups
    } else {
      // Its text as the page's description, which was empty: what each mark means, in words.
      let words = (legend.nodes.map(\.label) + legend.edges.compactMap(\.label))
        .map { $0.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      scenes.append(
        Scene(
          name: "legend", title: builder.title + ": legend",
          outline: "Legend: " + words.joined(separator: "; ") + ".", direction: first.direction,
          nodes: legend.nodes, edges: legend.edges, groups: legend.groups))
    }
  }

  /// Whether `scene` fits `page` at the page's smallest readable text.
  package func fits(_ scene: Scene, on page: PageSize, margin: Double = 1) throws(RenderError)
    -> Bool
  {
    try smallestReaderSize(of: scene, on: page) + 1e-9 >= page.minimumReaderSize * margin
  }

  /// The size the smallest text of `scene` measures once the scene is fitted to `page`, in
  /// the page's reader unit (points on paper, pixels on a slide).
  func smallestReaderSize(of scene: Scene, on page: PageSize) throws(RenderError) -> Double {
    let size = try laidOutSize(of: scene)
    let scale = page.scale(width: size.width, height: size.height / pageHeightShare)
    return page.readerSize(
      ofTextPoints: VisualGrammar.smallestTextPoints(in: scene), scale: scale)
  }

  /// The overview page: the first arrangement that fits `page` (wide, then compact, then, on
  /// an upright page, stacked), else the one whose smallest text is largest.
  private func overview(
    builder: SceneBuilder, plan: TeachingPlan, pageOf: [Int: Int] = [:], page: PageSize
  ) throws(RenderError) -> Scene {
    var arrangements: [SceneBuilder.OverviewArrangement] = [.wide, .compact]
    if page.height > page.width && !builder.stackedOverviewRows(plan: plan).isEmpty {
      arrangements.append(.stacked)
    }
    var best: (scene: Scene, size: Double)?
    for arrangement in arrangements {
      let scene = builder.overviewScene(plan: plan, pageOf: pageOf, arrangement: arrangement)
      let size = try smallestReaderSize(of: scene, on: page)
      if size + 1e-9 >= page.minimumReaderSize { return scene }
      if size > best?.size ?? -1 { best = (scene, size) }
    }
    return best?.scene ?? builder.overviewScene(plan: plan, pageOf: pageOf)
  }

  /// The width and height of `scene` laid out by Graphviz, in points.
  package func laidOutSize(of scene: Scene) throws(RenderError) -> (width: Double, height: Double) {
    var scene = scene
    _ = scene.cutLongTexts()
    let output: Graphviz.Output
    do {
      output = try Graphviz.shared.render(
        dot: DOTWriter(safeIDPrefix: idPrefix, layout: layout).dot(for: scene), format: .plain,
        engine: layout)
    } catch {
      throw .graphviz(error)
    }
    // The first line of `plain` is `graph SCALE WIDTH HEIGHT`, in inches.
    let text = String(decoding: output.bytes, as: UTF8.self)
    let first = text.split(separator: "\n", maxSplits: 1).first ?? ""
    let fields = first.split(separator: " ")
    guard fields.count >= 4, fields[0] == "graph", let width = Double(fields[2]),
      let height = Double(fields[3])
    else {
      throw .unreadableLayout("malformed line '\(first.prefix(80))'")
    }
    return (width * 72, height * 72)
  }

  // MARK: Teaching map

  /// What one page of a teaching map shows: an anchor (aim, sub-aim, or none for the
  /// statements no link ties to one) and some of its statements.
  private struct PagePlan {
    var anchor: Int?
    var members: [Int]
    var heading: String
    /// How many statements each box stacks in a column (see `teachingScene`).
    var stackDepth = 3
  }

  /// The column depths tried for a page, most usual first: one of them often fits a page that
  /// the others make too wide or too tall.
  private static let stackDepths = [3, 2, 4, 5, 1]

  private func teachingPages(builder: SceneBuilder, plan: TeachingPlan, page: PageSize)
    throws(RenderError) -> [Scene]
  {
    var units: [PagePlan] = []
    for part in plan.parts {
      // The title wraps, so the anchor's name may run longer than a box's. A map titled as
      // its aim ("This house would ban school uniforms") would read it twice: no name then.
      let anchorName = builder.shortName(part.anchor, words: 10)
      let name = Self.sameWords(anchorName, builder.title) ? "" : anchorName
      // Branches in order: each statement that links to the anchor with what leads to it.
      var branches: [[Int]] = []
      var branchIndex: [Int: Int] = [:]
      for member in part.members {
        let head = part.branchOf[member] ?? member
        if let index = branchIndex[head] {
          branches[index].append(member)
        } else {
          branchIndex[head] = branches.count
          branches.append([member])
        }
      }
      // The statement that links to the anchor leads its branch.
      for index in branches.indices {
        let head = part.branchOf[branches[index][0]] ?? branches[index][0]
        if let at = branches[index].firstIndex(of: head), at > 0 {
          branches[index].remove(at: at)
          branches[index].insert(head, at: 0)
        }
      }
      units += try pack(
        branches, anchor: part.anchor, heading: name, builder: builder, plan: plan, page: page)
    }
    if !plan.unattached.isEmpty {
      units += try pack(
        plan.unattached.map { [$0] }, anchor: nil, heading: "other statements",
        builder: builder, plan: plan, page: page)
    }
    // One page that draws every statement needs no overview, which would be the aim alone.
    if units.count == 1,
      Set(units[0].members + (units[0].anchor.map { [$0] } ?? [])).count
        == builder.map.nodes.count
    {
      return [
        pageScene(
          units[0], builder: builder, plan: plan, home: [:], page: page,
          titleSuffix: units[0].heading.isEmpty ? "" : ": " + units[0].heading)
      ]
    }
    // Page 1 is the overview, unless it would be one box (a map of one aim, with no sub-aims
    // or readings), which every page shows anyway; each statement's home is the first page
    // that draws it.
    let hasOverview = plan.top.count + plan.subAims.count > 1
    let firstPart = hasOverview ? 2 : 1
    var home: [Int: Int] = [:]
    for (offset, unit) in units.enumerated() {
      for position in unit.members where home[position] == nil {
        home[position] = offset + firstPart
      }
      if let anchor = unit.anchor, home[anchor] == nil { home[anchor] = offset + firstPart }
    }
    for position in plan.top where home[position] == nil { home[position] = 1 }
    for position in plan.subAims where home[position] == nil { home[position] = 1 }
    var scenes: [Scene] = []
    if hasOverview {
      scenes.append(try overview(builder: builder, plan: plan, pageOf: home, page: page))
    }
    for unit in units {
      scenes.append(
        pageScene(
          unit, builder: builder, plan: plan, home: home, page: page,
          titleSuffix: ": " + (unit.heading.isEmpty ? "the argument" : unit.heading)))
    }
    return scenes
  }

  /// Whether two names are the same words, whatever their case and closing punctuation.
  static func sameWords(_ first: String, _ second: String) -> Bool {
    func words(_ text: String) -> [Substring] {
      text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }
    return words(first) == words(second)
  }

  /// Branches packed into few pages: each joins the first page it still fits on (first fit),
  /// else starts a page; a branch too big for a page alone is packed statement by statement.
  private func pack(
    _ branches: [[Int]], anchor: Int?, heading: String, builder: SceneBuilder,
    plan: TeachingPlan, page: PageSize
  ) throws(RenderError) -> [PagePlan] {
    var pending = branches
    var pages: [(members: [Int], depth: Int)] = []
    while !pending.isEmpty {
      let branch = pending.removeFirst()
      // First fit: the first page this branch still fits on, in order.
      var placed = false
      for index in pages.indices {
        let candidate = PagePlan(
          anchor: anchor, members: pages[index].members + branch, heading: heading)
        if let depth = try fittingDepth(candidate, builder: builder, plan: plan, page: page) {
          pages[index] = (candidate.members, depth)
          placed = true
          break
        }
      }
      if placed { continue }
      let alone = PagePlan(anchor: anchor, members: branch, heading: heading)
      if let depth = try fittingDepth(alone, builder: builder, plan: plan, page: page) {
        pages.append((branch, depth))
      } else if branch.count == 1 {
        // One statement too big for a page: drawn as it is; the readability report says so.
        pages.append((branch, 3))
      } else {
        // A branch too big for one page goes statement by statement, its head first.
        pending.insert(contentsOf: branch.map { [$0] }, at: 0)
      }
    }
    return pages.enumerated().map { offset, page in
      PagePlan(
        anchor: anchor, members: page.members,
        // "part 2 of 6": a second bare counter beside "(page 9 of 21)" read as a puzzle.
        heading: pages.count == 1
          ? heading
          : (heading.isEmpty ? "" : heading + ", ") + "part \(offset + 1) of \(pages.count)",
        stackDepth: page.depth)
    }
  }

  /// The first column depth at which a page of `unit` fits, measured with a stub box for
  /// every link elsewhere; `nil` when none does.
  private func fittingDepth(
    _ unit: PagePlan, builder: SceneBuilder, plan: TeachingPlan, page: PageSize
  ) throws(RenderError) -> Int? {
    let everywhere = Dictionary(
      builder.map.nodes.indices.map { ($0, 99) }, uniquingKeysWith: { first, _ in first })
    for depth in Self.stackDepths {
      var candidate = unit
      candidate.stackDepth = depth
      let scene = pageScene(
        candidate, builder: builder, plan: plan, home: everywhere, page: page,
        titleSuffix: ": " + unit.heading + ", part 99 of 99 (page 99 of 99)", isMeasured: true)
      // A little room to spare: the final page names real page numbers in its boxes.
      if try fits(scene, on: page, margin: 1.05) { return depth }
    }
    return nil
  }

  /// The scene of one page: its anchor and members, with "continued on page N" boxes for the
  /// statements they link to elsewhere. `isMeasured` for a candidate page being measured, which
  /// keeps every box: the page itself may leave one out to stay readable.
  private func pageScene(
    _ unit: PagePlan, builder: SceneBuilder, plan: TeachingPlan, home: [Int: Int],
    page: PageSize, titleSuffix: String, isMeasured: Bool = false
  ) -> Scene {
    let shown = Set(unit.members + (unit.anchor.map { [$0] } ?? []))
    let ordered = builder.map.nodes.indices.filter(shown.contains)
    var elsewhere = home
    for position in shown { elsewhere[position] = nil }
    func scene(drawsLinkStubs: Bool) -> Scene {
      builder.teachingScene(
        plan: plan, shown: ordered, elsewhere: elsewhere, reachOut: Set(unit.members),
        stackDepth: unit.stackDepth, withKey: builder.options.showsReasoning,
        name: "argument", titleSuffix: titleSuffix, drawsLinkStubs: drawsLinkStubs,
        keyColumnsPerRow: page.height > page.width ? 1 : Scene.keyColumnsPerRow)
    }
    let withStubs = scene(drawsLinkStubs: true)
    // A statement too big to share a page may just fit alone; a box for a link it undercuts
    // on another page (where that undercut is drawn too) is then left out rather than make
    // the page's text too small to read.
    guard !isMeasured, unit.members.count == 1, (try? fits(withStubs, on: page)) == false else {
      return withStubs
    }
    let without = scene(drawsLinkStubs: false)
    return (try? fits(without, on: page)) == true ? without : withStubs
  }

  private func focusPages(
    builder: SceneBuilder, plan: TeachingPlan, center: Int, depth: Int, page: PageSize
  ) throws(RenderError) -> [Scene] {
    let whole = builder.focusScene(plan: plan, center: center, depth: depth)
    let members = builder.map.nodes.indices.filter { position in
      position != center && whole.nodes.contains { $0.id == builder.elementIDs[position] }
    }
    let units = try pack(
      members.map { [$0] }, anchor: center, heading: builder.shortName(center, words: 10),
      builder: builder, plan: plan, page: page)
    var home: [Int: Int] = [:]
    for (offset, unit) in units.enumerated() {
      for position in unit.members where home[position] == nil { home[position] = offset + 1 }
    }
    return units.map { unit in
      var scene = pageScene(
        unit, builder: builder, plan: plan, home: home, page: page,
        titleSuffix: ": " + unit.heading)
      scene.name = "focus"
      return scene
    }
  }

  // MARK: Comparison

  private func comparisonPages(
    builder: SceneBuilder, _ first: NodeID, _ second: NodeID, page: PageSize
  ) throws(RenderError) -> [Scene] {
    let middle = builder.comparisonMiddle(first, second)
    let chunks = try consecutiveChunks(of: middle, on: page) { chunk in
      builder.comparisonScene(first, second, middleOnly: Set(chunk))
    }
    return chunks.map { chunk in builder.comparisonScene(first, second, middleOnly: Set(chunk)) }
  }
}

extension SceneBuilder {
  /// The positions in the middle column of a comparison (the evidence read), in written order.
  func comparisonMiddle(_ first: NodeID, _ second: NodeID) -> [Int] {
    let scene = comparisonScene(first, second)
    guard let middle = scene.groups.first(where: { $0.id == SceneElementID("column-2") }) else {
      return []
    }
    let members = Set(middle.members)
    return map.nodes.indices.filter { members.contains(elementIDs[$0]) }
  }
}

extension MapRenderer {
  /// A comparison of interpretations as pages that each fit `page`: every page shows the
  /// interpretations, and the evidence is shared out between the pages in its order (only the
  /// first reading's, both readings', the others').
  ///
  /// The corrections of the flagged evidence drawn go under the picture when it fits one page,
  /// else on sheets after the pages, as after a map's pages; with `printsCorrections` false,
  /// nowhere (a lesson lists them in the text under the figure).
  ///
  /// - Throws: `RenderError` when Graphviz fails.
  public func pageScenes(
    of comparison: InterpretationComparison, map: ArgumentMap, page: PageSize,
    printsCorrections: Bool = true
  ) throws(RenderError) -> [Scene] {
    let whole = comparison.scene(for: map, printsCorrections: printsCorrections)
    if try fits(whole, on: page) { return [whole] }
    var scenes = [comparison.scene(for: map, printsCorrections: false)]
    if try !fits(scenes[0], on: page) {
      var evidence: [NodeID] = []
      for row in comparison.rows where !evidence.contains(row.evidence) {
        evidence.append(row.evidence)
      }
      let chunks = try consecutiveChunks(of: evidence, on: page) { chunk in
        comparison.scene(for: map, only: Set(chunk), printsCorrections: false)
      }
      scenes = chunks.map { comparison.scene(for: map, only: Set($0), printsCorrections: false) }
    }
    if printsCorrections {
      scenes += SceneBuilder(map: map, options: SceneOptions()).correctionSheets(
        for: scenes, page: page, heightShare: pageHeightShare)
    }
    if scenes.count > 1 {
      for index in scenes.indices {
        scenes[index].title += " (page \(index + 1) of \(scenes.count))"
      }
    }
    return scenes
  }
}

extension MapRenderer {
  /// `items` cut into runs, in order, each as long as its scene still fits `page` (measured
  /// with room for a page number in the title); an item too big alone is a run of its own.
  func consecutiveChunks<Item>(
    of items: [Item], on page: PageSize, scene: ([Item]) -> Scene
  ) throws(RenderError) -> [[Item]] {
    var chunks: [[Item]] = []
    var current: [Item] = []
    for item in items {
      var candidate = scene(current + [item])
      candidate.title += " (page 99 of 99)"
      var isFitting = current.isEmpty
      if !isFitting { isFitting = try fits(candidate, on: page, margin: 1.05) }
      if isFitting {
        current.append(item)
      } else {
        chunks.append(current)
        current = [item]
      }
    }
    if !current.isEmpty { chunks.append(current) }
    // As many pages, but evenly filled when they still fit: no short last page left alone.
    guard chunks.count > 1 else { return chunks }
    var even: [[Item]] = []
    var start = 0
    for index in 0..<chunks.count {
      let end = start + (items.count - start) / (chunks.count - index)
      even.append(Array(items[start..<end]))
      start = end
    }
    for chunk in even {
      var candidate = scene(chunk)
      candidate.title += " (page 99 of 99)"
      if try !fits(candidate, on: page, margin: 1.05) { return chunks }
    }
    return even
  }
}
