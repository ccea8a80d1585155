/// `.argmap` text of a map shaped like a long essay, `statements` nodes in all: an aim, two
/// interpretations, sub-aims, claims and counterclaims, and dated events and evidence linking
/// upwards, with scoped readings and undercuts (the shape of `Benchmarks/RenderBenchmark`'s
/// maps). Deterministic; for tests of large inputs that are better generated than committed.
public func essayMapText(statements count: Int) -> String {
  var lines = [
    "---", "title: Generated map of \(count) statements", "---",
    "aim aim: The policy achieved security for the state by 1941",
    "interpretation view-a: Expansion reading: it stresses expansion and opportunism", "  - aim",
    "interpretation view-b: Defence reading: it stresses defence against invasion", "  + aim",
  ]
  var made = 3
  let subAims = max(2, count / 25)
  let claims = max(4, count / 6)
  for index in 0..<subAims where made < count {
    lines += ["subaim sub-\(index): Sub-aim number \(index) that serves the main aim", "  + aim"]
    made += 1
  }
  for index in 0..<claims where made < count {
    let isCounter = index % 5 == 4
    lines.append(
      "\(isCounter ? "counterclaim" : "claim") claim-\(index): Claim \(index) about the policy")
    lines.append("  \(isCounter ? "-" : "+") sub-\(index % subAims)")
    made += 1
  }
  var evidence = 0
  while made < count {
    let isEvent = evidence % 3 != 2
    let date = isEvent ? " (\(1928 + evidence % 14))" : ""
    lines.append(
      "\(isEvent ? "event" : "evidence") ev-\(evidence)\(date): Evidence \(evidence), a treaty")
    lines.append("  \(evidence % 4 == 3 ? "-" : "+") claim-\(evidence % claims)")
    if evidence % 7 == 0 {
      lines += [
        "  + sub-\(evidence % subAims) [view-a]", "  - sub-\(evidence % subAims) [view-b]",
      ]
    }
    if evidence % 11 == 5 {
      lines.append("  _ ev-\(evidence - 1) -> claim-\((evidence - 1) % claims)")
    }
    evidence += 1
    made += 1
  }
  return lines.joined(separator: "\n") + "\n"
}
