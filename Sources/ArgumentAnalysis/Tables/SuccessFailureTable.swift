import ArgumentMap

/// The essay's own "Successes | Failures" table, generated from the map: for one aim, the events
/// and evidence that advance it or one of its sub-aims (successes) and those that set it back
/// (failures), in date order, each with its reasoning and the "one could argue" points against it.
///
/// A row is a piece of evidence linked to the aim or a sub-aim serving it, directly or through one
/// claim or counterclaim that is so linked (Bloody Sunday for "discontent grew long before 1914",
/// which opposes "the war caused the revolution", is a factor against it) (the essay's "this matches socialism in one country, which kept the
/// West on side"). Longer chains of reasoning are arguments about the evidence, not successes or
/// failures themselves, and are left to the comparison.
///
/// Each piece of evidence is counted once, where the author's argument puts it, as an essay does:
/// - evidence linked to another row's evidence is that row's detail (each pact under "the 1932
///   pacts", each trade agreement under the deliveries), even when it also bears on an aim;
/// - evidence for a point raised against another row is that point's evidence (the invasion of
///   1941 as the reason to call the 1939 pact a failure), not a row of its own.
///
/// The points raised against a row ("one could argue ...") are the claims that attack its
/// evidence or undercut its link, each with the replies to it and the evidence given for it.
public struct SuccessFailureTable: Hashable, Sendable {
  /// Which column a row belongs in.
  public enum Column: String, Hashable, Sendable, CaseIterable {
    /// It advances the aim.
    case success
    /// It sets the aim back.
    case failure
  }

  /// A point raised against a row ("one could argue ...") and the replies to it.
  public struct Counterpoint: Hashable, Sendable {
    /// The node that raises it.
    public var node: NodeID
    /// Its reasoning, when given.
    public var reasoning: String?
    /// Nodes that answer it (attack or undercut it), in written order.
    public var replies: [NodeID]
    /// Evidence the map gives for it (supports it), in date order.
    public var evidence: [NodeID] = []
  }

  /// One success or failure.
  public struct Row: Hashable, Sendable {
    /// The evidence or event.
    public var evidence: NodeID
    /// Its date, when it has one.
    public var date: DateSpan?
    /// Success or failure.
    public var column: Column
    /// The aim or sub-aim the row bears on.
    public var bearsOn: NodeID
    /// The claim the row goes through, when it reaches the aim through one.
    public var through: NodeID?
    /// The reasoning of each link on the way, in order.
    public var reasoning: [String]
    /// Evidence that makes up this item (each pact of a group), in date order.
    public var details: [NodeID]
    /// Points raised against the row, with replies.
    public var counterpoints: [Counterpoint]
  }

  /// What the two columns stand for.
  public enum Frame: String, Hashable, Sendable, CaseIterable {
    /// Successes and failures of an aim someone pursued ("Stalin's main aim was security").
    case successes
    /// Factors for and against a thesis ("Germany bears the main responsibility"), where
    /// "success" would make no sense.
    case factors
  }

  /// The aim the table is for.
  public var aim: NodeID
  /// Whether the columns are successes and failures or factors for and against.
  public var frame: Frame
  /// The sub-aims serving the aim, in written order.
  public var subAims: [NodeID]
  /// Every row, in date order (undated rows last, in written order).
  public var rows: [Row]

  /// The successes, in date order.
  public var successes: [Row] { rows.filter { $0.column == .success } }
  /// The failures, in date order.
  public var failures: [Row] { rows.filter { $0.column == .failure } }

  /// Builds the table for `aim`.
  ///
  /// - Parameters:
  ///   - map: The map.
  ///   - aim: The aim (or sub-aim) whose successes and failures are wanted.
  ///   - interpretation: Also read the links scoped to this interpretation; by default only the
  ///     author's own, unscoped links are read.
  ///   - period: Keep only rows dated within this period (undated rows are kept); `nil` keeps all.
  ///   - frame: Successes and failures, or factors for and against; by default
  ///     `frame(for:in:)` of the aim.
  /// - Throws: `ComparisonError.unknownAim` when `aim` is not in the map.
  public init(
    _ map: ArgumentMap, aim: NodeID, interpretation: NodeID? = nil,
    period: ClosedRange<HistoricalDate>? = nil, frame: Frame? = nil
  ) throws(ComparisonError) {
    guard let aimNode = map.node(withID: aim) else {
      throw .unknownAim(
        aim, suggestion: InterpretationComparison.nearest(aim, in: map.nodes.map(\.id)))
    }
    var index: [NodeID: Int] = [:]
    var nodes: [Node] = []
    for node in map.nodes where index[node.id] == nil {
      index[node.id] = nodes.count
      nodes.append(node)
    }
    func reads(_ link: Link) -> Bool { link.scope == nil || link.scope == interpretation }
    func nodeTarget(_ link: Link) -> Int? {
      guard case .node(let id) = link.target else { return nil }
      return index[id]
    }
    let aimIndex = index[aim] ?? 0
    // The aim and the sub-aims that serve it by chains of supports, with the sign of each.
    var sign: [Int: Bool] = [aimIndex: true]
    var changed = true
    while changed {
      changed = false
      for (position, node) in nodes.enumerated() where node.kind == .subAim && sign[position] == nil
      {
        for link in node.links where reads(link) && link.relation == .supports {
          if let target = nodeTarget(link), let through = sign[target] {
            sign[position] = through
            changed = true
            break
          }
        }
      }
    }
    let subAimIDs = nodes.indices.filter { $0 != aimIndex && sign[$0] != nil }.map { nodes[$0].id }

    var rows: [Row] = []
    var detailOf: [(detail: Int, parent: Int)] = []
    for (position, node) in nodes.enumerated() where node.kind.isEvidence {
      for link in node.links where reads(link) {
        guard let target = nodeTarget(link) else { continue }
        let positive = link.relation == .supports
        if let targetSign = sign[target] {
          rows.append(
            Row(
              evidence: node.id, date: node.date,
              column: positive == targetSign ? .success : .failure, bearsOn: nodes[target].id,
              through: nil, reasoning: link.reasoning.map { [$0] } ?? [], details: [],
              counterpoints: []))
        } else if nodes[target].kind == .claim || nodes[target].kind == .counterclaim {
          for next in nodes[target].links where reads(next) {
            guard let final = nodeTarget(next), let finalSign = sign[final] else { continue }
            let chain = positive == (next.relation == .supports)
            rows.append(
              Row(
                evidence: node.id, date: node.date,
                column: chain == finalSign ? .success : .failure, bearsOn: nodes[final].id,
                through: nodes[target].id,
                reasoning: [link.reasoning, next.reasoning].compactMap { $0 }, details: [],
                counterpoints: []))
          }
        } else if nodes[target].kind.isEvidence {
          detailOf.append((position, target))
        }
      }
    }
    // Merge rows for the same evidence and column (one item, several sub-aims).
    var merged: [Row] = []
    var mergedIndex: [String: Int] = [:]
    for row in rows {
      let key = row.evidence.rawValue + "\u{0}" + row.column.rawValue
      if let existing = mergedIndex[key] {
        merged[existing].reasoning += row.reasoning
      } else {
        mergedIndex[key] = merged.count
        merged.append(row)
      }
    }
    if let period {
      merged = merged.filter { row in
        guard let date = row.date else { return true }
        return date.start <= period.upperBound && (date.end ?? date.start) >= period.lowerBound
      }
    }
    // Evidence that is part of another row is listed there, not counted again. A detail of a
    // row that is itself part of this one (a cycle) stays a row.
    let rowEvidence = Set(merged.map(\.evidence))
    var parents: [NodeID: [NodeID]] = [:]
    for (detail, parent) in detailOf where rowEvidence.contains(nodes[parent].id) {
      parents[nodes[detail].id, default: []].append(nodes[parent].id)
    }
    let partOfAnother = Set(
      parents.compactMap { detail, its in
        its.contains { parent in !(parents[parent] ?? []).contains(detail) } ? detail : nil
      })
    merged.removeAll { partOfAnother.contains($0.evidence) }
    var detailsByParent: [NodeID: [Node]] = [:]
    let keptEvidence = Set(merged.map(\.evidence))
    for (detail, parent) in detailOf where !keptEvidence.contains(nodes[detail].id) {
      if detailsByParent[nodes[parent].id]?.last?.id != nodes[detail].id {
        detailsByParent[nodes[parent].id, default: []].append(nodes[detail])
      }
    }
    let attacks = Self.attackIndex(nodes, reads: reads)
    // The evidence that supports each node, once for the whole map.
    var evidenceFor: [NodeID: [Node]] = [:]
    for node in nodes where node.kind.isEvidence {
      for link in node.links where reads(link) && link.relation == .supports {
        guard case .node(let target) = link.target,
          evidenceFor[target]?.last?.id != node.id
        else { continue }
        evidenceFor[target, default: []].append(node)
      }
    }
    for position in merged.indices {
      merged[position].details = Self.byDate(detailsByParent[merged[position].evidence] ?? []).map(
        \.id)
      merged[position].counterpoints = Self.counterpoints(against: merged[position], attacks)
      for point in merged[position].counterpoints.indices {
        let supporters = (evidenceFor[merged[position].counterpoints[point].node] ?? []).filter {
          $0.id != merged[position].evidence
        }
        merged[position].counterpoints[point].evidence = Self.byDate(supporters).map(\.id)
      }
    }
    // Evidence for a point against another row is that point's evidence, not a row of its own.
    let raisedAgainstOthers = Set(
      merged.flatMap { row in row.counterpoints.flatMap(\.evidence).filter { $0 != row.evidence } })
    merged.removeAll { raisedAgainstOthers.contains($0.evidence) }
    self.aim = aim
    self.frame = frame ?? Self.frame(for: aimNode, in: map)
    self.subAims = subAimIDs
    let dated = merged.enumerated().sorted { first, second in
      switch (first.element.date, second.element.date) {
      case (let a?, let b?): a < b || (a == b && first.offset < second.offset)
      case (.some, .none): true
      case (.none, .some): false
      case (.none, .none): first.offset < second.offset
      }
    }
    self.rows = dated.map(\.element)
  }

  /// The frame that fits an aim: successes and failures for an aim whose title or text speaks
  /// of an aim, a goal, an objective or a purpose; factors for and against for a thesis about
  /// causes ("Why did …", "responsible", "caused", "factors", "origins" in the map's title or
  /// the aim); successes and failures otherwise. A sub-aim takes the frame of the first main
  /// aim it supports (through other sub-aims too), whatever its own words: a cause of a thesis
  /// about causes ("Hostile elites" under "Why did the Weimar Republic collapse?") is a factor,
  /// not an aim that succeeded or failed; one that supports no main aim is an aim. English
  /// words only: `--frame` (and `frame:` in notes) choose for other maps.
  public static func frame(for aim: Node, in map: ArgumentMap) -> Frame {
    if aim.kind == .subAim {
      return servedMainAim(of: aim, in: map).map { frame(for: $0, in: map) } ?? .successes
    }
    func words(_ text: String) -> [Substring] { text.lowercased().split { !$0.isLetter } }
    let aimWords = words((aim.title ?? "") + " " + aim.text)
    let pursued = aimWords.contains { word in
      word.hasPrefix("aim") || word.hasPrefix("goal") || word.hasPrefix("objective")
        || word.hasPrefix("purpose")
    }
    if pursued { return .successes }
    let causal = (aimWords + words(map.metadata.title ?? "")).contains { word in
      word == "why" || word.hasPrefix("caus") || word.hasPrefix("responsib")
        || word.hasPrefix("factor") || word.hasPrefix("origin")
    }
    return causal ? .factors : .successes
  }

  /// The first main aim a sub-aim supports, directly or through other sub-aims, breadth first
  /// in written order; `nil` when it supports none.
  static func servedMainAim(of subAim: Node, in map: ArgumentMap) -> Node? {
    let index = map.nodeIndex()
    var seen: Set<NodeID> = [subAim.id]
    var queue = [subAim]
    var next = 0
    while next < queue.count {
      let node = queue[next]
      next += 1
      for link in node.links where link.relation == .supports && link.scope == nil {
        guard case .node(let target) = link.target, let position = index[target],
          seen.insert(target).inserted
        else { continue }
        let reached = map.nodes[position]
        if reached.kind == .mainAim { return reached }
        if reached.kind == .subAim { queue.append(reached) }
      }
    }
    return nil
  }

  /// The period a map declares in its front matter (`period: 1928–1941`, with an en dash, a
  /// hyphen or `..` between two years), from the first day of the first year to the last day of
  /// the second; `nil` when there is none or it does not read as two years in order.
  public static func declaredPeriod(of map: ArgumentMap) -> ClosedRange<HistoricalDate>? {
    guard let entry = map.metadata.extra.first(where: { $0.key == "period" }) else { return nil }
    let years = entry.value.split { !$0.isNumber }.compactMap { Int($0) }
    guard years.count == 2, years[0] <= years[1], years[0] >= 1, years[1] <= 9999 else {
      return nil
    }
    return HistoricalDate(
      year: years[0], month: 1, day: 1)...HistoricalDate(
        year: years[1], month: 12, day: 31)
  }

  static func byDate(_ nodes: [Node]) -> [Node] {
    nodes.enumerated().sorted { first, second in
      switch (first.element.date, second.element.date) {
      case (let a?, let b?): a < b || (a == b && first.offset < second.offset)
      case (.some, .none): true
      case (.none, .some): false
      case (.none, .none): first.offset < second.offset
      }
    }.map(\.element)
  }

  /// Who attacks what: for each attacked node, and for each undercut link (`from`, `to`), the
  /// attacking nodes with their reasoning, in written order.
  struct AttackIndex {
    var onNode: [NodeID: [(node: NodeID, reasoning: String?, isEvidence: Bool)]] = [:]
    var onLink: [String: [(node: NodeID, reasoning: String?, isEvidence: Bool)]] = [:]

    static func key(_ from: NodeID, _ to: NodeID) -> String {
      from.rawValue + "\u{0}" + to.rawValue
    }
  }

  static func attackIndex(_ nodes: [Node], reads: (Link) -> Bool) -> AttackIndex {
    var index = AttackIndex()
    for node in nodes {
      for link in node.links where reads(link) && link.relation.isAttack {
        let entry = (node: node.id, reasoning: link.reasoning, isEvidence: node.kind.isEvidence)
        switch link.target {
        case .node(let id): index.onNode[id, default: []].append(entry)
        case .link(let from, let to):
          index.onLink[AttackIndex.key(from, to), default: []].append(entry)
        }
      }
    }
    return index
  }

  /// Nodes that attack the row's evidence or undercut its link to the aim, with their replies.
  static func counterpoints(against row: Row, _ attacks: AttackIndex) -> [Counterpoint] {
    let firstTarget = row.through ?? row.bearsOn
    let raised =
      (attacks.onNode[row.evidence] ?? [])
      + (attacks.onLink[AttackIndex.key(row.evidence, firstTarget)] ?? [])
    var points: [Counterpoint] = []
    for (node, reasoning, isEvidence) in raised
    where !isEvidence && !points.contains(where: { $0.node == node }) {
      var replies: [NodeID] = []
      for (reply, _, _) in attacks.onNode[node] ?? [] where !replies.contains(reply) {
        replies.append(reply)
      }
      points.append(Counterpoint(node: node, reasoning: reasoning, replies: replies))
    }
    return points
  }
}
