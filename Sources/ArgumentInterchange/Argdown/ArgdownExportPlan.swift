import ArgumentMap

extension ArgdownImporter {
  /// The tag, after `argument`, of an argument read from a premise–conclusion structure; the
  /// export writes such an argument as a structure again.
  public static let reconstructedTag = "reconstructed"
}

/// What the Argdown exporter decides before it writes: each node's name, and which arguments it
/// writes as premise–conclusion structures.
///
/// A structure is written where the map came from one (the argument's tags start `argument`,
/// `reconstructed`) and still has its shape: statements support the argument (the premises) and
/// it supports a statement (the conclusion: the one that follows the premises in map order, else
/// its last). Its other links are written as relations. A marked argument without that shape is
/// written as relations and reported. Premises and a conclusion that
/// follow the argument in map order are defined inside the structure (`(1) [P]: text`), the
/// rest are referred to (`(1) [P]`), so a re-import keeps the order of nodes.
///
/// Argdown appends a structure's links when the structure ends. So that every node's links
/// keep their order, a node's links are cut into runs at its links in structures, and each run
/// is written between the structures it falls between: under the node's definition, or under a
/// reference such as `[P]` just before or after a structure.
struct ArgdownExportPlan {
  /// One premise–conclusion structure.
  struct Structure {
    /// The premises: first those defined inside the structure, in map order, then the others.
    var premises: [NodeID]
    /// How many of `premises` are defined inside the structure.
    var definedPremises: Int
    var conclusion: NodeID
    var definesConclusion: Bool
  }

  /// Where a node's links are cut by a link a structure writes for it: a premise's supports
  /// link to the argument, or the argument's link to its conclusion.
  struct Cut {
    var argument: NodeID
    var link: Int
  }

  /// Each node's name in Argdown: its title, or its id when it has none or another node uses it.
  private(set) var names: [NodeID: String] = [:]
  /// The structures, by argument.
  private(set) var structures: [NodeID: Structure] = [:]
  /// Each node's cuts, in the order of its links and of the structures in the text.
  private(set) var cuts: [NodeID: [Cut]] = [:]
  /// Nodes defined inside a structure rather than at their place, with that structure.
  private(set) var definedInside: [NodeID: NodeID] = [:]
  /// The nodes defined at their own place, in map order: the others are defined inside a
  /// structure.
  private(set) var topLevel: [Node] = []
  /// Nodes that had to give up their title, in map order.
  private(set) var titlesGivenUp: [NodeID] = []
  private var position: [NodeID: Int] = [:]

  init(_ map: ArgumentMap, arguments: Set<NodeID>) {
    for (index, node) in map.nodes.enumerated() where position[node.id] == nil {
      position[node.id] = index
    }
    nameNodes(map, arguments: arguments)
    findStructures(map, arguments: arguments)
    topLevel = map.nodes.filter { definedInside[$0.id] == nil }
  }

  /// Which run of a node's links its definition carries: the run after the cuts whose
  /// structures are written before it. A structure is written right after its argument, and a
  /// node defined inside one comes before that structure's links are read.
  func definedRun(of node: NodeID) -> Int {
    guard let cuts = cuts[node], let at = position[node] else { return 0 }
    return cuts.filter { cut in
      (position[cut.argument] ?? 0) < at && definedInside[node] != cut.argument
    }.count
  }

  /// The links of run `run` (0: before the first cut, n: after the n-th).
  func run(_ run: Int, of node: Node) -> ArraySlice<Link> {
    let cuts = cuts[node.id] ?? []
    let start = run == 0 ? 0 : cuts[run - 1].link + 1
    let end = run < cuts.count ? cuts[run].link : node.links.count
    return node.links[start..<max(start, end)]
  }

  /// Titles name nodes where they can: Argdown merges statements (or arguments) with the same
  /// title, so a title that another node's name already takes falls back to the id, until no
  /// two names clash (ids are unique, so this ends).
  private mutating func nameNodes(_ map: ArgumentMap, arguments: Set<NodeID>) {
    var useTitle = Set(map.nodes.filter { $0.title != nil }.map(\.id))
    while true {
      var owner: [String: NodeID] = [:]
      var givenUp: [NodeID] = []
      for node in map.nodes {
        let name = useTitle.contains(node.id) ? node.title ?? node.id.rawValue : node.id.rawValue
        let key = (arguments.contains(node.id) ? "<" : "[") + name
        if let first = owner[key] {
          // Ids are unique, so one of the two has the name as its title: that one gives way.
          if useTitle.contains(node.id) {
            givenUp.append(node.id)
          } else if useTitle.contains(first) {
            givenUp.append(first)
          }
        } else {
          owner[key] = node.id
        }
        names[node.id] = name
      }
      if givenUp.isEmpty { break }
      for id in givenUp where useTitle.remove(id) != nil { titlesGivenUp.append(id) }
    }
  }

  private mutating func findStructures(_ map: ArgumentMap, arguments: Set<NodeID>) {
    // The statements that support each argument, in map order.
    var premisesOf: [NodeID: [NodeID]] = [:]
    for node in map.nodes where !arguments.contains(node.id) {
      for link in node.links where link.relation == .supports {
        guard case .node(let target) = link.target, arguments.contains(target),
          premisesOf[target]?.contains(node.id) != true
        else { continue }
        premisesOf[target, default: []].append(node.id)
      }
    }
    for (index, argument) in map.nodes.enumerated()
    where arguments.contains(argument.id) && structures[argument.id] == nil
      && position[argument.id] == index
      && argument.tags.dropFirst().first == ArgdownImporter.reconstructedTag
    {
      guard let premises = premisesOf[argument.id] else { continue }
      // The conclusion: a statement the argument supports, preferably the one that follows
      // its premises in map order (defined inside the structure), else the last.
      let candidates = argument.links.indices.filter { link in
        guard argument.links[link].relation == .supports,
          case .node(let target) = argument.links[link].target
        else { return false }
        return !arguments.contains(target) && !premises.contains(target) && position[target] != nil
      }
      var inside: [NodeID] = []
      var next = index + 1
      while next < map.nodes.count, premises.contains(map.nodes[next].id),
        !inside.contains(map.nodes[next].id), definedInside[map.nodes[next].id] == nil
      {
        inside.append(map.nodes[next].id)
        next += 1
      }
      let following = next < map.nodes.count ? map.nodes[next].id : nil
      guard
        let conclusionLink = candidates.first(where: {
          argument.links[$0].target == following.map(LinkTarget.node)
        }) ?? candidates.last,
        case .node(let conclusion) = argument.links[conclusionLink].target
      else { continue }
      // Each premise's link to this argument must come after its links to earlier structures,
      // which are written earlier in the text.
      var premiseCuts: [(NodeID, Int)] = []
      for premise in premises {
        guard let at = position[premise],
          let link = map.nodes[at].links.firstIndex(where: {
            $0.relation == .supports && $0.target == .node(argument.id)
          }),
          link > (cuts[premise]?.last?.link ?? -1)
        else { break }
        premiseCuts.append((premise, link))
      }
      guard premiseCuts.count == premises.count else { continue }
      let definesConclusion =
        next < map.nodes.count && map.nodes[next].id == conclusion
        && definedInside[conclusion] == nil
      structures[argument.id] = Structure(
        premises: inside + premises.filter { !inside.contains($0) },
        definedPremises: inside.count, conclusion: conclusion,
        definesConclusion: definesConclusion)
      cuts[argument.id, default: []].append(Cut(argument: argument.id, link: conclusionLink))
      for (premise, link) in premiseCuts {
        cuts[premise, default: []].append(Cut(argument: argument.id, link: link))
      }
      for premise in inside { definedInside[premise] = argument.id }
      if definesConclusion { definedInside[conclusion] = argument.id }
    }
  }
}
