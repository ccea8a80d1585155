import ArgumentAnalysis
import ArgumentMap
import Foundation
import TestSupport
import Testing

/// A report read on its own must say what is true wherever it names a statement the map flags:
/// the evaluation, the essay plan and the comparison listed the essay's slips as evidence
/// ("stands", "For: the 1932 pacts"), with no flag and no correction.
@Suite struct CorrectionsInReportsTests {
  let map: ArgumentMap
  let correction = "Italy's pact was signed on 2 Sep 1933"
  let sources =
    "(Sources: Italo-Soviet Pact (Wikipedia); Haslam, The Soviet Union and the Struggle for "
    + "Collective Security)"

  init() throws {
    let text = try String(
      contentsOf: PackagePaths.url("Tests/ArgumentAnalysisTests/Fixtures/flagged-pacts.argmap"),
      encoding: .utf8)
    let result = ArgumentMapParser.check(text)
    try #require(result.diagnostics.filter(\.isError).isEmpty)
    map = result.map
  }

  @Test func anEvaluationMarksTheFlaggedStatementAndGivesItsCorrection() throws {
    let evaluation = MapEvaluation(map, semantics: .extensions(.grounded))
    let text = evaluation.text(for: map)
    let line = try #require(text.split(separator: "\n").first { $0.contains("event pact:") })
    #expect(line.hasSuffix("included Italy ⚑"))
    #expect(
      text.contains("⚑ The essay says the pacts of 1932 included Italy: \(correction) \(sources)"))
    let markdown = evaluation.markdown(for: map)
    #expect(markdown.contains("included Italy ⚑ |"))
    #expect(markdown.contains("## Corrections"))
    #expect(markdown.contains("- ⚑ The essay says the pacts of 1932 included Italy: \(correction)"))
    let json = evaluation.json(for: map)
    #expect(
      json.contains(
        "\"corrections\": [{\"id\": \"pact\", \"correction\": \"\(correction)\", \"sources\": ["))
    // A map without flags gets no section and an empty list.
    var clean = map
    for index in clean.nodes.indices { clean.nodes[index].flags = [] }
    let plain = MapEvaluation(clean, semantics: .extensions(.grounded))
    #expect(!plain.text(for: clean).contains("⚑"))
    #expect(!plain.markdown(for: clean).contains("Corrections"))
    #expect(plain.json(for: clean).contains("\"corrections\": []"))
  }

  @Test func anEssayPlanGivesTheCorrectionUnderThePointToCite() throws {
    let plan = try EssayPlan(map)
    let point = try #require(
      plan.paragraphs.flatMap { $0.successes + $0.failures }.first { $0.evidence == "pact" })
    #expect(point.corrections.map(\.text) == [correction])
    let markdown = plan.markdown()
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    let at = try #require(lines.firstIndex { $0.contains("pacts show recognition") })
    #expect(lines[at + 1] == "    - ⚑ *Correction:* \(correction) \(sources)")
    #expect(
      plan.html().contains("<li>⚑ <em>Correction:</em> Italy&#39;s pact was signed on 2 Sep 1933 "))
  }

  @Test func aComparisonListsTheCorrectionsOfItsEvidence() throws {
    let comparison = try InterpretationComparison(
      map, interpretations: ["defensive", "aggressive"])
    let markdown = comparison.markdown(for: map)
    #expect(markdown.contains("## Corrections"))
    #expect(markdown.contains("- ⚑ The essay says the pacts of 1932 included Italy: \(correction)"))
    #expect(comparison.html(for: map).contains("<h2>Corrections</h2>"))
    #expect(comparison.json(for: map).contains("\"corrections\": [{\"id\": \"pact\""))
    #expect(comparison.correctionItems(for: map).count == 1)
  }
}
