extension ReadabilityMeasurement {
  /// Pairs of dated statements whose left-to-right order contradicts their start dates; equal
  /// dates may stand either way.
  func timeOrderViolations(_ problems: inout [String]) -> Int {
    let dated = diagram.nodes.compactMap { node in dates[node.name].map { (node, $0) } }
    var count = 0
    for first in dated.indices {
      for second in dated.indices where second > first {
        var (earlier, later) = (dated[first], dated[second])
        if later.1 < earlier.1 { swap(&earlier, &later) }
        guard earlier.1 < later.1,
          earlier.0.center.x > later.0.center.x + Self.tolerance
        else { continue }
        count += 1
        problems.append(
          "node '\(earlier.0.name)' (\(earlier.1)) stands right of node '\(later.0.name)' "
            + "(\(later.1)), which is later")
      }
    }
    return count
  }
}
