import ArgumentAnalysis
import ArgumentMap
import Testing

/// Analyses stay near-linear on a large map: a comparison, a table and every fast semantics on
/// a map with tens of thousands of nodes, built in code.
@Suite struct LargeMapTests {
  /// One aim served by 200 sub-aims, two interpretations, and `events` dated events, each linked
  /// to a sub-aim (every fifth against it) and every tenth also read by one interpretation.
  static func largeMap(events: Int) -> ArgumentMap {
    var nodes: [Node] = [
      Node(.mainAim, "aim", "The thesis"),
      Node(.interpretation, "first", "First reading", links: [Link(.supports, .node("aim"))]),
      Node(.interpretation, "second", "Second reading"),
    ]
    for subAim in 0..<200 {
      nodes.append(
        Node(
          .subAim, NodeID("sub-\(subAim)"), "Sub-aim \(subAim)",
          links: [Link(.supports, .node("aim"))]))
    }
    for event in 0..<events {
      var links = [Link(event % 5 == 0 ? .opposes : .supports, .node(NodeID("sub-\(event % 200)")))]
      if event % 10 == 3 {
        links.append(
          Link(
            .supports, .node(event % 20 == 3 ? "first" : "second"),
            scope: event % 20 == 3 ? "first" : "second"))
      }
      nodes.append(
        Node(
          .event, NodeID("event-\(event)"), "Event \(event)",
          date: DateSpan(start: HistoricalDate(year: 1900 + event % 100, month: 1 + event % 12)),
          links: links))
    }
    return ArgumentMap(nodes: nodes)
  }

  @Test(.timeLimit(.minutes(1)))
  func comparisonTableAndSemanticsScaleToALargeMap() throws {
    let map = Self.largeMap(events: 40_000)
    let comparison = try InterpretationComparison(map, interpretations: ["first", "second"])
    #expect(comparison.sides[0].evidence.count == 40_000)
    #expect(comparison.sides[1].evidence.count == 2_000)
    // Too large to measure each item's effect, so none is claimed.
    #expect(comparison.sides[0].contributions.isEmpty)
    #expect(comparison.sides[0].subAims.count == 200)
    #expect(!comparison.markdown(for: map).isEmpty)

    let table = try SuccessFailureTable(map, aim: "aim")
    #expect(table.rows.count == 40_000)
    #expect(table.failures.count == 8_000)
    #expect(
      table.rows.map { $0.date?.start.year ?? 0 }
        == table.rows.map { $0.date?.start.year ?? 0 }.sorted())

    let grounded = MapEvaluation(map, semantics: .extensions(.grounded))
    // Under the necessary reading an attack on a sub-aim also attacks the aim it serves; with
    // supports ignored, nothing attacks the aim itself.
    #expect(grounded.label(of: "sub-0") == .out)
    #expect(grounded.label(of: "aim") == .out)
    let ignoring = MapEvaluation(
      map, semantics: .extensions(.grounded), options: AnalysisOptions(supportReading: .ignored))
    #expect(ignoring.label(of: "aim") == .in)
    let preferred = MapEvaluation(map, semantics: .extensions(.preferred))
    #expect(preferred.isExhaustive && preferred.labellings.count == 1)
    let strengths = MapEvaluation(map, semantics: .gradual(.dfQuAD))
    #expect(strengths.gradual?.convergence == .exact)
  }
}
