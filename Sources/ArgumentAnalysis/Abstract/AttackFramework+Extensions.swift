extension AttackFramework {
  /// The default number of search steps for complete, preferred and stable extensions.
  public static let defaultSearchBudget = 2_000_000

  /// The extensions of the framework under `semantics`.
  ///
  /// Grounded is computed in linear time. The others enumerate complete labellings by a
  /// backtracking search that starts from the grounded labelling (whose in and out labels every
  /// complete labelling shares) and branches only on the grounded-undecided arguments, checking
  /// Caminada's conditions locally after each choice. The search uses an explicit stack, so a
  /// long chain cannot overflow the call stack.
  ///
  /// - Parameters:
  ///   - semantics: Which extensions to compute.
  ///   - budget: The most search steps to take; past it the result is marked not exhaustive.
  /// - Returns: The labellings found, in the search's deterministic order, with whether the search
  ///   finished (grounded always does).
  /// - Complexity: O(*n* + *m*) for grounded; exponential in the number of grounded-undecided
  ///   arguments in the worst case for the others, bounded by `budget`.
  public func extensions(
    _ semantics: ExtensionSemantics, budget: Int = AttackFramework.defaultSearchBudget
  ) -> ExtensionSet {
    switch semantics {
    case .grounded:
      return ExtensionSet(
        semantics: .grounded, labellings: [groundedLabelling()], isExhaustive: true)
    case .complete:
      let (all, exhaustive) = completeLabellings(budget: budget)
      return ExtensionSet(semantics: .complete, labellings: all, isExhaustive: exhaustive)
    case .preferred:
      let (all, exhaustive) = completeLabellings(budget: budget)
      return ExtensionSet(
        semantics: .preferred, labellings: Self.maximal(all), isExhaustive: exhaustive)
    case .stable:
      let (all, exhaustive) = completeLabellings(budget: budget)
      let stable = all.filter { !$0.labels.contains(.undecided) }
      return ExtensionSet(semantics: .stable, labellings: stable, isExhaustive: exhaustive)
    }
  }

  /// The labellings whose in-set is not strictly contained in another's.
  static func maximal(_ labellings: [Labelling]) -> [Labelling] {
    let sets = labellings.map { Set($0.accepted) }
    return labellings.indices.filter { candidate in
      !sets.indices.contains { other in
        other != candidate && sets[other].count > sets[candidate].count
          && sets[candidate].isSubset(of: sets[other])
      }
    }.map { labellings[$0] }
  }

  /// Every complete labelling, in a deterministic order, and whether the search finished.
  func completeLabellings(budget: Int) -> (labellings: [Labelling], isExhaustive: Bool) {
    let grounded = groundedStates()
    let (attackerOffsets, attackerList) = attackerLists()
    // -1 unassigned, 0 in, 1 out, 2 undecided.
    var label = [Int8](repeating: -1, count: argumentCount)
    var open: [Int] = []
    for argument in 0..<argumentCount {
      switch grounded[argument] {
      case 1: label[argument] = 0
      case 2: label[argument] = 1
      default: open.append(argument)
      }
    }

    func holds(_ argument: Int) -> Bool {
      let own = label[argument]
      if own < 0 { return true }
      var inCount = 0
      var undecidedCount = 0
      var unassignedCount = 0
      for slot in attackerOffsets[argument]..<attackerOffsets[argument + 1] {
        switch label[attackerList[slot]] {
        case 0: inCount += 1
        case 2: undecidedCount += 1
        case -1: unassignedCount += 1
        default: break
        }
      }
      switch own {
      case 0: return inCount == 0 && undecidedCount == 0
      case 1: return inCount > 0 || unassignedCount > 0
      default: return inCount == 0 && (undecidedCount > 0 || unassignedCount > 0)
      }
    }

    func snapshot() -> Labelling {
      Labelling(
        labels: label.map { code in
          switch code {
          case 0: .in
          case 1: .out
          default: .undecided
          }
        })
    }

    if open.isEmpty { return ([snapshot()], true) }
    // Attackers are labelled before what they attack wherever the graph allows, so that the
    // local conditions prune as soon as an argument is labelled instead of deep in the search.
    let order = searchOrder(open)
    var found: [Labelling] = []
    var choice = [Int8](repeating: -1, count: order.count)
    var level = 0
    var steps = 0
    // The order the labellings are listed in: by their labels of the open arguments in index
    // order (in, out, undecided), whatever order the search found them in.
    func listed(_ labellings: [Labelling]) -> [Labelling] {
      labellings.sorted { first, second in
        for argument in open where first.labels[argument] != second.labels[argument] {
          return Self.rank(first.labels[argument]) < Self.rank(second.labels[argument])
        }
        return false
      }
    }
    while level >= 0 {
      if level == order.count {
        found.append(snapshot())
        level -= 1
        continue
      }
      steps += 1
      if steps > budget { return (listed(found), false) }
      let argument = order[level]
      choice[level] += 1
      if choice[level] > 2 {
        choice[level] = -1
        label[argument] = -1
        level -= 1
        continue
      }
      label[argument] = choice[level]
      var consistent = holds(argument)
      if consistent {
        for target in targets(of: argument) where !holds(Int(target)) {
          consistent = false
          break
        }
      }
      if consistent { level += 1 }
    }
    return (listed(found), true)
  }

  static func rank(_ label: Label) -> Int {
    switch label {
    case .in: 0
    case .out: 1
    case .undecided: 2
    }
  }

  /// The open arguments in reverse postorder of a depth-first search along attacks: across
  /// strongly connected components every attacker comes before its targets, and inside one
  /// each argument after the one it was reached from.
  ///
  /// - Complexity: O(*n* + *m*), with an explicit stack.
  func searchOrder(_ open: [Int]) -> [Int] {
    var isOpen = [Bool](repeating: false, count: argumentCount)
    for argument in open { isOpen[argument] = true }
    var visited = [Bool](repeating: false, count: argumentCount)
    var postorder: [Int] = []
    postorder.reserveCapacity(open.count)
    var stack: [(argument: Int, next: Int)] = []
    for root in open where !visited[root] {
      visited[root] = true
      stack.append((root, Int(attackOffsets[root])))
      while let top = stack.last {
        let end = Int(attackOffsets[top.argument + 1])
        var next = top.next
        var pushed = false
        while next < end {
          let target = Int(attackTargets[next])
          next += 1
          if isOpen[target] && !visited[target] {
            stack[stack.count - 1].next = next
            visited[target] = true
            stack.append((target, Int(attackOffsets[target])))
            pushed = true
            break
          }
        }
        if !pushed {
          postorder.append(top.argument)
          stack.removeLast()
        }
      }
    }
    return postorder.reversed()
  }
}
