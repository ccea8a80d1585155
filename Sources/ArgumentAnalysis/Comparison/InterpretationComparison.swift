import ArgumentMap

/// A side-by-side comparison of two or more interpretations over one map.
///
/// This is what a teacher needs to lead a class from "what is the difference" to "why do they
/// differ" to "how far do you agree": the evidence each reading uses, the evidence both use, the
/// evidence read two ways (one event, differently scoped or opposite links), each reading's
/// strength with the evidence that matters most, a judgement per sub-aim, and a verdict with its
/// reasons.
public struct InterpretationComparison: Hashable, Sendable {
  /// One interpretation's side of the comparison.
  public struct Side: Hashable, Sendable {
    /// The interpretation node.
    public var interpretation: NodeID
    /// The nodes that make up its thesis: the interpretation and the aims it supports.
    public var thesis: [NodeID]
    /// The evidence it uses, in written order.
    public var evidence: [EvidenceReading]
    /// Its score: the mean strength of its thesis nodes under its own reading; `nil` when the
    /// strengths did not converge.
    public var score: Double?
    /// The strengths of its thesis nodes, in thesis order (empty when not converged).
    public var thesisStrengths: [Double]
    /// How the strengths were reached.
    public var convergence: Convergence
    /// The evidence whose removal changes the score most, largest effect first; empty when the
    /// map is too large to measure each piece (see `contributionBudget`).
    public var contributions: [Contribution]
    /// A judgement per sub-aim serving the thesis.
    public var subAims: [SubAimJudgement]
  }

  /// How much one piece of evidence moves an interpretation's score.
  public struct Contribution: Hashable, Sendable {
    /// The evidence.
    public var evidence: NodeID
    /// Score with the evidence minus score without it: positive helps, negative hurts.
    public var effect: Double
  }

  /// How far a sub-aim was met under one reading.
  public struct SubAimJudgement: Hashable, Sendable {
    /// The sub-aim.
    public var subAim: NodeID
    /// Its strength under the reading; `nil` when not converged.
    public var strength: Double?
    /// Evidence linked directly to it in support, in written order.
    public var successes: [NodeID]
    /// Evidence linked directly to it in opposition, in written order.
    public var failures: [NodeID]
  }

  /// One piece of evidence across the sides.
  public struct EvidenceRow: Hashable, Sendable {
    /// The evidence.
    public var evidence: NodeID
    /// Its reading by each side, in side order; `nil` where a side does not use it.
    public var readings: [EvidenceReading?]
    /// Whether at least two sides use it and read it differently: they go through different
    /// links of it, at least one of them scoped to an interpretation.
    public var isReadTwoWays: Bool

    /// The sides that use it.
    public var users: [Int] { readings.indices.filter { readings[$0] != nil } }
    /// Whether more than one side uses it.
    public var isShared: Bool { users.count > 1 }
  }

  /// The sides, in the order the interpretations were named.
  public var sides: [Side]
  /// Every piece of evidence some side uses, in date order (undated last, in written order).
  public var rows: [EvidenceRow]
  /// The verdict.
  public var verdict: Verdict
  /// The gradual semantics the scores come from.
  public var semantics: GradualSemantics
  /// The options the map was read with (the interpretation is set per side).
  public var options: AnalysisOptions

  /// Compares `interpretations` over `map`.
  ///
  /// Each side reads the map under its own interpretation (links scoped to another are left out).
  /// Evidence is *used* by a side when one of its read links starts a chain of supports, attacks
  /// or undercuts that ends at the side's thesis.
  ///
  /// - Throws: `ComparisonError` when an id is unknown or not an interpretation, or fewer than
  ///   two different interpretations are named.
  /// - Complexity: one gradual evaluation per side and per piece of evidence it uses.
  public init(
    _ map: ArgumentMap, interpretations: [NodeID], semantics: GradualSemantics = .dfQuAD,
    options: AnalysisOptions = AnalysisOptions()
  ) throws(ComparisonError) {
    var chosen: [NodeID] = []
    for id in interpretations where !chosen.contains(id) {
      guard let node = map.node(withID: id) else {
        throw .unknownNode(id, suggestion: Self.nearest(id, in: map.interpretations.map(\.id)))
      }
      guard node.kind == .interpretation else {
        throw .notAnInterpretation(id, kind: node.kind)
      }
      chosen.append(id)
    }
    guard chosen.count >= 2 else { throw .tooFewInterpretations }
    self.semantics = semantics
    self.options = options
    self.sides = chosen.map { id in
      Self.side(map, id, rivals: chosen.filter { $0 != id }, semantics, options)
    }
    var rows: [EvidenceRow] = []
    let readingsBySide = sides.map { side in
      Dictionary(side.evidence.map { ($0.evidence, $0) }, uniquingKeysWith: { first, _ in first })
    }
    var listed: Set<NodeID> = []
    for node in map.nodes where node.kind.isEvidence {
      let readings = readingsBySide.map { $0[node.id] }
      let used = readings.compactMap { $0 }
      guard !used.isEmpty, listed.insert(node.id).inserted else { continue }
      // Read two ways: the sides go through different links of the evidence, and at least one
      // of those links is scoped, so the difference is one of reading, not of which thesis the
      // same reading happens to help.
      let linkSets = used.map { $0.links.map { LinkKey($0) } }
      let differ =
        used.count > 1 && linkSets.contains { Set($0) != Set(linkSets[0]) }
        && used.contains { $0.links.contains { $0.scope != nil } }
      rows.append(EvidenceRow(evidence: node.id, readings: readings, isReadTwoWays: differ))
    }
    // Chronological, as a timeline: dated evidence by date, undated after, in written order.
    let dates = Dictionary(
      map.nodes.map { ($0.id, $0.date) }, uniquingKeysWith: { first, _ in first })
    self.rows = rows.enumerated().sorted { first, second in
      switch (dates[first.element.evidence] ?? nil, dates[second.element.evidence] ?? nil) {
      case (let a?, let b?): a < b || (a == b && first.offset < second.offset)
      case (.some, .none): true
      case (.none, .some): false
      case (.none, .none): first.offset < second.offset
      }
    }.map(\.element)
    self.verdict = Verdict(map, sides: sides)
  }

  /// A link's identity for comparing readings (its bearing aside).
  struct LinkKey: Hashable {
    var relation: Relation
    var target: LinkTarget
    var scope: NodeID?
    init(_ reading: LinkReading) {
      relation = reading.relation
      target = reading.target
      scope = reading.scope
    }
  }

  /// The evidence only side `index` uses.
  public func evidenceOnly(of index: Int) -> [EvidenceRow] {
    rows.filter { $0.users == [index] }
  }

  /// The evidence more than one side uses.
  public var sharedEvidence: [EvidenceRow] { rows.filter(\.isShared) }

  /// An interpretation's thesis: the interpretation and the nodes it supports (interpretations
  /// aside), as indices of `graph`.
  static func thesis(of interpretation: NodeID, in graph: ReadingGraph) -> [Int] {
    guard let me = graph.index[interpretation] else { return [] }
    var thesis = [me]
    for (position, steps) in graph.linkSteps[me] {
      guard graph.nodes[me].links[position].relation == .supports else { continue }
      for step in steps where graph.nodes[step.target].kind != .interpretation {
        if !thesis.contains(step.target) { thesis.append(step.target) }
      }
    }
    return thesis
  }

  /// What an interpretation argues against: the nodes it opposes (interpretations and its own
  /// thesis aside), as indices of `graph`. Evidence for them counts against the reading, and
  /// evidence against them for it: a reading that opposes the aim was given no evidence at all.
  static func counterThesis(of interpretation: NodeID, in graph: ReadingGraph) -> [Int] {
    guard let me = graph.index[interpretation] else { return [] }
    let thesis = Set(Self.thesis(of: interpretation, in: graph))
    var opposed: [Int] = []
    for (position, steps) in graph.linkSteps[me] {
      guard graph.nodes[me].links[position].relation == .opposes else { continue }
      for step in steps
      where graph.nodes[step.target].kind != .interpretation && !thesis.contains(step.target) {
        if !opposed.contains(step.target) { opposed.append(step.target) }
      }
    }
    return opposed
  }

  /// One side: the evidence it uses, its score, contributions and sub-aims.
  ///
  /// Evidence counts for a side when one of its read links leads to the side's thesis, and also
  /// when a link scoped to this side leads to a rival's thesis (an argument against the rival is
  /// part of this reading), with the direction flipped.
  static func side(
    _ map: ArgumentMap, _ interpretation: NodeID, rivals: [NodeID],
    _ semantics: GradualSemantics, _ baseOptions: AnalysisOptions
  ) -> Side {
    var options = baseOptions
    options.interpretation = interpretation
    let graph = ReadingGraph(map, options: options)
    let thesis = Self.thesis(of: interpretation, in: graph)
    let goals = Set(thesis)
    let rivalGoals = Set(rivals.flatMap { Self.thesis(of: $0, in: graph) }).subtracting(goals)
    let reach = graph.reach(
      goals, counterGoals: Set(Self.counterThesis(of: interpretation, in: graph)))
    let rivalReach = rivalGoals.isEmpty ? [] : graph.reach(rivalGoals)
    var readings: [EvidenceReading] = []
    for (position, node) in graph.nodes.enumerated() where node.kind.isEvidence {
      var links: [LinkReading] = []
      var bits: UInt8 = 0
      var onlyViaEvidence = true
      var via: [NodeID] = []
      for (linkPosition, steps) in graph.linkSteps[position] {
        var linkBits: UInt8 = 0
        for step in steps {
          linkBits |= ReadingGraph.arriving(step, reach)
        }
        if node.links[linkPosition].scope == interpretation, !rivalGoals.isEmpty {
          for step in steps {
            let against = ReadingGraph.arriving(step, rivalReach)
            // For a rival is against this side, and the other way round.
            linkBits |= (against & 1) << 1 | (against & 2) >> 1
          }
        }
        guard let bearing = Bearing(bits: linkBits) else { continue }
        bits |= linkBits
        links.append(LinkReading(node.links[linkPosition], bearing: bearing))
        for step in steps {
          let target = graph.nodes[step.target]
          if target.kind.isEvidence {
            if !via.contains(target.id) { via.append(target.id) }
          } else {
            onlyViaEvidence = false
          }
        }
      }
      guard let bearing = Bearing(bits: bits) else { continue }
      readings.append(
        EvidenceReading(
          evidence: node.id, bearing: bearing, links: links, via: onlyViaEvidence ? via : []))
    }
    let framework = MapFramework(map, options: options)
    let result = framework.weighted.strengths(semantics, options: options.gradual)
    func score(_ strengths: [Double]) -> Double {
      thesis.map { strengths[$0] }.reduce(0, +) / Double(thesis.count)
    }
    var contributions: [Contribution] = []
    var thesisStrengths: [Double] = []
    var overall: Double?
    if let strengths = result.strengths {
      thesisStrengths = thesis.map { strengths[$0] }
      let base = score(strengths)
      overall = base
      // One evaluation per piece of evidence: affordable on a lesson's map, not on a generated
      // one with hundreds of thousands of nodes, where the effects are left out.
      let work = readings.count * (graph.nodes.count + framework.weighted.edges.count)
      for reading in readings where work <= Self.contributionBudget {
        guard let evidence = graph.index[reading.evidence] else { continue }
        let without = WeightedFramework(
          baseScores: framework.weighted.baseScores,
          edges: framework.weighted.edges.filter { $0.source != evidence })
        if let other = without.strengths(semantics, options: options.gradual).strengths {
          contributions.append(
            Contribution(evidence: reading.evidence, effect: base - score(other)))
        }
      }
      contributions.sort { abs($0.effect) > abs($1.effect) }
    }
    // Sub-aims whose support chains reach the thesis, with the evidence linked to each.
    var direct: [Int: (successes: [NodeID], failures: [NodeID])] = [:]
    for (source, other) in graph.nodes.enumerated() where other.kind.isEvidence {
      for (_, steps) in graph.linkSteps[source] {
        for step in steps where graph.nodes[step.target].kind == .subAim {
          var entry = direct[step.target] ?? ([], [])
          if step.isPositive {
            if entry.successes.last != other.id { entry.successes.append(other.id) }
          } else if entry.failures.last != other.id {
            entry.failures.append(other.id)
          }
          direct[step.target] = entry
        }
      }
    }
    var subAims: [SubAimJudgement] = []
    for (position, node) in graph.nodes.enumerated() where node.kind == .subAim {
      guard reach[position] & 1 != 0 else { continue }
      let entry = direct[position] ?? ([], [])
      subAims.append(
        SubAimJudgement(
          subAim: node.id, strength: result.strengths?[position], successes: entry.successes,
          failures: entry.failures))
    }
    return Side(
      interpretation: interpretation, thesis: thesis.map { graph.nodes[$0].id },
      evidence: readings, score: overall, thesisStrengths: thesisStrengths,
      convergence: result.convergence, contributions: contributions, subAims: subAims)
  }

  /// The most node-and-link visits spent on measuring each piece of evidence's effect.
  static let contributionBudget = 20_000_000

  /// The closest id by edit distance, when close enough to be a likely typo.
  static func nearest(_ id: NodeID, in candidates: [NodeID]) -> NodeID? {
    let word = Array(id.rawValue)
    var best: (NodeID, Int)?
    for candidate in candidates {
      let other = Array(candidate.rawValue)
      var previous = Array(0...other.count)
      for (i, a) in word.enumerated() {
        var current = [i + 1]
        for (j, b) in other.enumerated() {
          current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1)))
        }
        previous = current
      }
      let distance = previous[other.count]
      if distance <= max(2, word.count / 3), distance < (best?.1 ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }
}
