import ArgumentAnalysis
import ArgumentMap
import Foundation
import TestSupport
import Testing

/// A reading that opposes the aim: what it argues against is part of its thesis, so evidence
/// against the aim counts for it. It was given no evidence at all, and the comparison declared
/// the other reading the winner.
@Suite struct OpposingReadingTests {
  let map: ArgumentMap
  let comparison: InterpretationComparison

  init() throws {
    map = try loadFixture("reading-against-the-aim.argmap")
    comparison = try InterpretationComparison(map, interpretations: ["lib", "marx"])
  }

  @Test func evidenceAgainstTheAimCountsForTheReadingThatOpposesIt() throws {
    let matrix = EvidenceMatrix(comparison)
    let sunday = try #require(matrix.rows.first { $0.evidence == "sunday" })
    #expect(sunday.cells.map(\.judgement) == [.inconsistent, .consistent])
    let mutiny = try #require(matrix.rows.first { $0.evidence == "mutiny" })
    #expect(mutiny.cells.map(\.judgement) == [.consistent, .inconsistent])
    #expect(Set(matrix.diagnosticRows.map(\.evidence)) == ["sunday", "mutiny"])
  }

  @Test func theVerdictNoLongerHandsTheOtherReadingTheEvidence() throws {
    let report = comparison.markdown(for: map)
    #expect(!report.contains("\u{201C}Liberal view\u{201D} explains more of the evidence"))
    #expect(report.contains("The readings explain about as much of the evidence"), "\(report)")
    #expect(
      report.contains(
        "Bloody Sunday (22 January 1905) fits \u{201C}Marxist view\u{201D} and counts against "
          + "\u{201C}Liberal view\u{201D}"), "\(report)")
  }

  @Test func aReadingThatSupportsTheAimIsUnchanged() throws {
    // The liberal reading's evidence is as before: the mutiny for it, Bloody Sunday against.
    let liberal = try #require(comparison.sides.first { $0.interpretation == "lib" })
    #expect(liberal.thesis == ["lib", "war"])
    let bearings = Dictionary(
      uniqueKeysWithValues: liberal.evidence.map { ($0.evidence, $0.bearing) })
    #expect(bearings["mutiny"] == .supports)
    #expect(bearings["sunday"] == .opposes)
  }

  @Test func aFactorThroughACounterclaimIsAFactorAgainstTheAim() throws {
    let table = try SuccessFailureTable(map, aim: "war")
    #expect(table.successes.map(\.evidence) == ["mutiny"])
    // Bloody Sunday supports "discontent grew long before 1914", which opposes the aim.
    let against = try #require(table.failures.first)
    #expect(table.failures.map(\.evidence) == ["sunday"])
    #expect(against.through == "long")
    let report = table.markdown(for: map)
    #expect(report.contains("1 factor for, 1 against."), "\(report)")
    // An aim named by its sentence is quoted, so the factor's reason does not read on from it.
    #expect(report.contains("For “The war caused the revolution”: soldiers were"), "\(report)")
    // A statement that is its own name is not said twice in its note.
    #expect(report.contains("1. **Bloody Sunday** (22 January 1905). By way of: "), "\(report)")
  }

  @Test func oneFactorForAndNoneAgainstIsNotAboutEven() throws {
    // Without Bloody Sunday the map gives the thesis one factor and none against it.
    let text = try String(
      contentsOf: PackagePaths.url(
        "Tests/ArgumentAnalysisTests/Fixtures/reading-against-the-aim.argmap"),
      encoding: .utf8
    ).replacingOccurrences(of: "  + long: trust in the Tsar was broken\n", with: "")
    let map = ArgumentMapParser.check(text).map
    let report = try InterpretationComparison(map, interpretations: ["lib", "marx"])
      .markdown(for: map)
    #expect(
      report.contains(
        "1 factor for it (the Petrograd garrison mutinies (27 February 1917)) and none against it"),
      "\(report)")
    #expect(report.contains("it is supported to some extent."), "\(report)")
    #expect(!report.contains("about even"), "\(report)")
  }
}
