import ArgumentMap

/// Which interpretation the map supports best, by how much, and whether that matches the verdict
/// the map's author wrote into it.
public struct Verdict: Hashable, Sendable {
  /// A claim in the map that takes sides: it supports one compared interpretation and opposes
  /// another (an essay's own judgement, such as "the security view makes a lot more sense").
  public struct AuthorVerdict: Hashable, Sendable {
    /// The claim.
    public var claim: NodeID
    /// The interpretation it favours.
    public var favours: NodeID
    /// The interpretations it opposes.
    public var against: [NodeID]
  }

  /// The interpretations from most to least convincing; sides that did not converge come last.
  public var ranking: [NodeID]
  /// The scores in ranking order (`nil` where the strengths did not converge).
  public var scores: [Double?]
  /// Whether the scores settle the question: the top score exists and leads by at least 0.05.
  public var isDecisive: Bool
  /// Claims in the map that give the author's verdict, in written order.
  public var authorVerdicts: [AuthorVerdict]

  /// The most convincing interpretation when the verdict is decisive.
  public var winner: NodeID? { isDecisive ? ranking.first : nil }

  /// Whether the computed verdict agrees with every author verdict; `nil` when the map has none
  /// or the computed verdict is not decisive.
  public var agreesWithAuthor: Bool? {
    guard let winner, !authorVerdicts.isEmpty else { return nil }
    return authorVerdicts.allSatisfy { $0.favours == winner }
  }

  init(_ map: ArgumentMap, sides: [InterpretationComparison.Side]) {
    let order = sides.indices.sorted { first, second in
      switch (sides[first].score, sides[second].score) {
      case (let a?, let b?): a > b || (a == b && first < second)
      case (.some, .none): true
      case (.none, .some): false
      case (.none, .none): first < second
      }
    }
    ranking = order.map { sides[$0].interpretation }
    scores = order.map { sides[$0].score }
    if let top = scores.first ?? nil {
      let next = scores.dropFirst().first ?? nil
      isDecisive = next.map { top - $0 >= 0.05 } ?? true
    } else {
      isDecisive = false
    }
    let compared = Set(sides.map(\.interpretation))
    var verdicts: [AuthorVerdict] = []
    for node in map.nodes where !node.kind.isEvidence && node.kind != .interpretation {
      var favoured: [NodeID] = []
      var opposed: [NodeID] = []
      for link in node.links {
        guard case .node(let target) = link.target, compared.contains(target) else { continue }
        switch link.relation {
        case .supports: if !favoured.contains(target) { favoured.append(target) }
        case .opposes, .undercuts: if !opposed.contains(target) { opposed.append(target) }
        }
      }
      if favoured.count == 1, !opposed.isEmpty {
        verdicts.append(AuthorVerdict(claim: node.id, favours: favoured[0], against: opposed))
      }
    }
    authorVerdicts = verdicts
  }
}
