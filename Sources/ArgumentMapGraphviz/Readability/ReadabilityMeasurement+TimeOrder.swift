import ArgumentMap

extension ReadabilityMeasurement {
  /// Pairs of dated statements whose left edges stand in an order that contradicts their start
  /// dates; equal
  /// dates may stand either way, and so may dates that agree as far as the less precise one goes
  /// ("1932" covers "1932-01-21", so either may be drawn first).
  func timeOrderViolations(_ problems: inout [String]) -> Int {
    let dated = diagram.nodes.compactMap { node in dates[node.name].map { (node, $0) } }
    var count = 0
    for first in dated.indices {
      for second in dated.indices where second > first {
        var (earlier, later) = (dated[first], dated[second])
        if later.1 < earlier.1 { swap(&earlier, &later) }
        guard Self.isStrictlyBefore(earlier.1, later.1),
          Self.leftEdge(earlier.0) > Self.leftEdge(later.0) + Self.tolerance
        else { continue }
        count += 1
        problems.append(
          "node '\(earlier.0.name)' (\(earlier.1)) stands right of node '\(later.0.name)' "
            + "(\(later.1)), which is later")
      }
    }
    return count
  }

  /// Where a statement stands on the time axis: its left edge, where its date is drawn (the
  /// box runs on to the right, as long as its text needs).
  static func leftEdge(_ node: LaidOutDiagram.Node) -> Double {
    node.center.x - node.width / 2
  }

  /// Whether `first` starts before `second` at the precision both dates have.
  static func isStrictlyBefore(_ a: HistoricalDate, _ b: HistoricalDate) -> Bool {
    if a.year != b.year { return a.year < b.year }
    guard let monthA = a.month, let monthB = b.month else { return false }
    if monthA != monthB { return monthA < monthB }
    guard let dayA = a.day, let dayB = b.day else { return false }
    return dayA < dayB
  }
}
