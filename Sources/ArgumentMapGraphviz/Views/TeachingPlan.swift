import ArgumentMap

/// How the teaching layout groups a map, before anything is drawn: the aims and interpretations
/// on top, then each aim or sub-aim with what argues for it and what argues against it.
///
/// Every statement below the top belongs to one *part*: the nearest sub-aim (else aim, else
/// interpretation) its links lead to, found by following links upwards in written order. Its
/// *side* is the sign of that path: a support is for, an opposition against, and an opposition
/// to an opposition is for again, so the essay's "one could argue ... but" lands where a
/// teacher would put it. A part is the unit a page holds when a map is too big for one sheet.
struct TeachingPlan: Hashable, Sendable {
  /// One aim, sub-aim or interpretation with the statements that bear on it.
  struct Part: Hashable, Sendable {
    /// Position of the anchor in `map.nodes`.
    var anchor: Int
    /// Positions of the statements that argue for the anchor, in written order.
    var forSide: [Int]
    /// Positions of the statements that argue against it, in written order.
    var againstSide: [Int]
    /// For each member, the member whose link reaches the anchor on its way there (itself for
    /// a direct link): members of one branch are drawn on one page when they fit.
    var branchOf: [Int: Int]

    /// Every member below the anchor, for then against.
    var members: [Int] { forSide + againstSide }
  }

  /// Positions of the main aims and interpretations (the top row), in written order.
  var top: [Int]
  /// Positions of the sub-aims (the second row), in written order.
  var subAims: [Int]
  /// The parts that have members, sub-aims first, then aims, then interpretations, each in
  /// written order.
  var parts: [Part]
  /// Statements no link connects to an aim, sub-aim or interpretation, in written order.
  var unattached: [Int]

  /// The plan of `map`, reading only the links that hold under `scope`.
  init(map: ArgumentMap, scope: NodeID?) {
    let index = map.nodeIndex()
    top = map.nodes.indices.filter {
      map.nodes[$0].kind == .mainAim || map.nodes[$0].kind == .interpretation
    }
    subAims = map.nodes.indices.filter { map.nodes[$0].kind == .subAim }
    var forSides: [Int: [Int]] = [:]
    var againstSides: [Int: [Int]] = [:]
    var branches: [Int: [Int: Int]] = [:]
    var unattached: [Int] = []
    for position in map.nodes.indices where map.nodes[position].kind.level >= 2 {
      guard
        let (anchor, isFor, branch) = Self.anchor(
          of: position, map: map, index: index, scope: scope)
      else {
        unattached.append(position)
        continue
      }
      branches[anchor, default: [:]][position] = branch
      if isFor {
        forSides[anchor, default: []].append(position)
      } else {
        againstSides[anchor, default: []].append(position)
      }
    }
    let anchors =
      subAims + top.filter { map.nodes[$0].kind == .mainAim }
      + top.filter { map.nodes[$0].kind == .interpretation }
    parts = anchors.compactMap { anchor in
      let part = Part(
        anchor: anchor, forSide: forSides[anchor] ?? [], againstSide: againstSides[anchor] ?? [],
        branchOf: branches[anchor] ?? [:])
      return part.members.isEmpty ? nil : part
    }
    self.unattached = unattached
  }

  /// The part of each position that has one.
  var partOfPosition: [Int: Int] {
    var result: [Int: Int] = [:]
    for (number, part) in parts.enumerated() {
      for member in part.members { result[member] = number }
    }
    return result
  }

  /// The nearest anchor the links of `position` lead to, breadth first in written order,
  /// preferring a sub-aim over an aim over an interpretation at any distance; whether the
  /// path argues for it; and the statement on the path that links to the anchor.
  private static func anchor(
    of position: Int, map: ArgumentMap, index: [NodeID: Int], scope: NodeID?
  ) -> (anchor: Int, isFor: Bool, branch: Int)? {
    var best: [Int: (anchor: Int, isFor: Bool, branch: Int)] = [:]  // by preference rank
    var seen: Set<Int> = [position]
    var frontier: [(position: Int, isFor: Bool)] = [(position, true)]
    while !frontier.isEmpty {
      var next: [(position: Int, isFor: Bool)] = []
      for (current, isFor) in frontier {
        for link in map.nodes[current].links where SceneBuilder.holds(link, under: scope) {
          let targetID: NodeID
          var sign = link.relation == .supports ? isFor : !isFor
          switch link.target {
          case .node(let id): targetID = id
          case .link(let from, let to):
            // Undercutting an opposition helps its target; undercutting a support hurts it.
            targetID = to
            let undercut = index[from].flatMap { source in
              map.nodes[source].links.first { $0.target == .node(to) }
            }
            sign = undercut?.relation == .supports ? !isFor : isFor
          }
          guard let target = index[targetID], seen.insert(target).inserted else { continue }
          let rank: Int?
          switch map.nodes[target].kind {
          case .subAim: rank = 0
          case .mainAim: rank = 1
          case .interpretation: rank = 2
          case .claim, .counterclaim, .evidence, .event: rank = nil
          }
          if let rank {
            if best[rank] == nil { best[rank] = (target, sign, current) }
          } else {
            next.append((target, sign))
          }
        }
      }
      if let found = best[0] { return found }
      frontier = next
    }
    return best[1] ?? best[2]
  }
}
