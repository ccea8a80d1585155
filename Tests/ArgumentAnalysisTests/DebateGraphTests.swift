import ArgumentAnalysis
import ArgumentMap
import TestSupport
import Testing

/// The two further debates in `Graphs/`: comparison must work beyond the one essay.
@Suite struct DebateGraphTests {
  @Test(arguments: ["origins-of-ww1.argmap", "weimar-collapse.argmap"])
  func debateChecksCleanlyAndFlagsCommonErrors(name: String) throws {
    let text = try String(contentsOf: PackagePaths.url("Graphs/\(name)"), encoding: .utf8)
    let result = ArgumentMapParser.check(text)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    let map = result.map
    #expect(map.interpretations.count >= 3)
    #expect(map.nodes.filter(\.isFlagged).count >= 3)
    // Every event is dated and every node cites a source or is a reasoning step.
    #expect(map.nodes.filter { $0.kind == .event }.allSatisfy { $0.date != nil })
  }

  @Test func fischerAgainstSleepwalkersReadsTheJulyCrisisTwoWays() throws {
    let map = try loadGraph("origins-of-ww1.argmap")
    let comparison = try InterpretationComparison(
      map, interpretations: ["fischer-view", "sleepwalkers-view"])
    let twoWays = comparison.rows.filter(\.isReadTwoWays).map(\.evidence)
    for event in ["schlieffen", "war-council", "blank-cheque", "russian-mobilisation"] {
      #expect(twoWays.contains(NodeID(event)), "\(event) should be read two ways")
    }
    // The war council: evidence for Fischer; for the sleepwalkers it counts against Fischer's
    // thesis, which makes it evidence for their own reading.
    let council = try #require(comparison.rows.first { $0.evidence == "war-council" })
    #expect(council.readings[0]?.links.map(\.scope) == ["fischer-view"])
    #expect(council.readings[1]?.bearing == .supports)
    #expect(council.readings[1]?.links.map(\.relation) == [.opposes])
    // Dates run in order.
    let dates = comparison.rows.compactMap { row in map.node(withID: row.evidence)?.date }
    #expect(dates == dates.sorted())
    #expect(comparison.evidenceOnly(of: 1).map(\.evidence).contains("lloyd-george"))
  }

  @Test func weimarComparesThreeReadings() throws {
    let map = try loadGraph("weimar-collapse.argmap")
    let comparison = try InterpretationComparison(
      map, interpretations: ["structural-view", "depression-view", "intrigue-view"])
    #expect(comparison.sides.count == 3)
    #expect(comparison.verdict.ranking.count == 3)
    #expect(comparison.verdict.authorVerdicts.isEmpty)
    let kapp = try #require(comparison.rows.first { $0.evidence == "kapp-putsch" })
    #expect(kapp.isReadTwoWays)
    #expect(kapp.readings[0]?.bearing == .supports)
    #expect(kapp.readings[1]?.bearing == .supports)  // against "doomed", a rival's thesis
    #expect(kapp.readings[2] == nil)
    #expect(comparison.evidenceOnly(of: 2).map(\.evidence) == ["cologne-meeting"])
    let table = try SuccessFailureTable(map, aim: "handed-over")
    #expect(
      table.rows.map(\.evidence) == [
        "election-november-1932", "cologne-meeting", "hitler-appointed",
      ])
    #expect(table.failures.isEmpty)
  }
}

@Suite struct DeclaredPeriodTests {
  @Test func frontMatterPeriodBoundsTheTable() throws {
    let source = """
      ---
      period: 1928–1941
      ---
      aim security: Security
      event before (1920): Rejected from the League
        - security
      event within (1934-09-18): Joins the League
        + security
      """
    let map = ArgumentMapParser.check(source).map
    let period = try #require(SuccessFailureTable.declaredPeriod(of: map))
    #expect(period.lowerBound == HistoricalDate(year: 1928, month: 1, day: 1))
    #expect(period.upperBound == HistoricalDate(year: 1941, month: 12, day: 31))
    let table = try SuccessFailureTable(map, aim: "security", period: period)
    #expect(table.rows.map(\.evidence) == ["within"])
    let unbounded = try SuccessFailureTable(map, aim: "security")
    #expect(unbounded.rows.map(\.evidence) == ["before", "within"])
    var reversed = map
    reversed.metadata.extra = [.init(key: "period", value: "1941-1928")]
    #expect(SuccessFailureTable.declaredPeriod(of: reversed) == nil)
  }
}
