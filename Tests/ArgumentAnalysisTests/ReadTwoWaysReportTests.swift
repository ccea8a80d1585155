import ArgumentAnalysis
import ArgumentMap
import Foundation
import TestSupport
import Testing

/// Two readings that use the same evidence, each for its own side: the comparison and the
/// matrix say that this is what sets them apart, not that they choose different evidence or
/// take it the same way.
@Suite struct ReadTwoWaysReportTests {
  let map: ArgumentMap
  let comparison: InterpretationComparison

  init() throws {
    map = try loadFixture("homework-read-two-ways.argmap")
    comparison = try InterpretationComparison(map, interpretations: ["prop", "opp"])
  }

  @Test func theVerdictSaysTheReadingsDifferInHowTheyReadTheStudy() throws {
    let report = comparison.markdown(for: map)
    #expect(report.contains("1 piece fits \u{201C}Proposition case\u{201D}"))
    #expect(!report.contains("1 pieces"))
    // Both readings use the one piece of evidence: they do not differ in what they choose.
    #expect(!report.contains("they differ in the evidence they choose"))
    #expect(
      report.contains(
        "they read Teens with three or more hours of homework sleep an … (2019) two ways"))
    #expect(report.contains("whose reading of the evidence is sounder"))
  }

  @Test func aReadingThatOpposesTheMotionSaysSoInTheThesisColumn() throws {
    let report = comparison.markdown(for: map)
    #expect(
      report.contains(
        "| Opposition case | Opposition case; against This House would ban homework |"))
    #expect(
      report.contains("| Proposition case | Proposition case; This House would ban homework |"))
  }

  @Test func theMatrixDoesNotSayTheReadingsTakeTheEvidenceTheSameWay() throws {
    let matrix = EvidenceMatrix(comparison)
    try #require(matrix.rows.count == 1)
    #expect(matrix.rows[0].isReadTwoWays)
    #expect(matrix.diagnosticRows.isEmpty)
    let report = matrix.markdown(for: map)
    #expect(!report.contains("take every piece of evidence the same way"))
    #expect(
      report.contains("One piece is read two ways (\u{21C4}), by each reading for its own side."))
  }

  @Test func readingsThatTakeEveryPieceTheSameWayAreToldTheEvidenceCannotDecide() throws {
    // Two readings of the same thesis that read the study alike: nothing sets them apart.
    let same = ArgumentMapParser.check(
      """
      aim ban: This House would ban homework
      interpretation sleep-view: Sleep reading
        + ban
      interpretation stress-view: Stress reading
        + ban
      claim wellbeing: Homework harms wellbeing
        + ban
      evidence sleep (2019): Teens with more homework sleep less
        + wellbeing: less sleep means more stress
      """
    ).map
    let report = try InterpretationComparison(
      same, interpretations: ["sleep-view", "stress-view"]
    ).markdown(for: same)
    #expect(!report.contains("they differ in the evidence they choose"), "\(report)")
    #expect(
      report.contains(
        "they take every piece of evidence the same way, so this evidence cannot decide between them"
      ),
      "\(report)")
    // One piece of evidence in all, fitting both: said in the singular.
    #expect(
      report.contains("1 piece fits \u{201C}Sleep reading\u{201D} and 1 piece fits"), "\(report)")
  }
}
