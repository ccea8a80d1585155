import ArgumentAnalysis
import ArgumentMap
import Foundation
import TestSupport
import Testing

/// The essay plan over the Stalin map: an introduction with the question and the readings, one
/// paragraph per sub-aim with its evidence in date order and the counter-arguments with their
/// rebuttals, and a conclusion that follows the verdict.
@Suite struct EssayPlanTests {
  let map: ArgumentMap
  let plan: EssayPlan

  init() throws {
    map = try loadGraph("stalin-foreign-policy.argmap")
    plan = try EssayPlan(map)
  }

  @Test func onePargraphPerSubAimThenTheAimItself() throws {
    #expect(plan.aim == "security")
    #expect(plan.paragraphs.map(\.topic) == ["recognition", "strength", "security"])
    let recognition = try #require(plan.paragraphs.first)
    // In date order, named as events.
    #expect(
      recognition.successes.map(\.evidence) == [
        "pacts-1932", "league-1934", "assistance-pacts-1935", "spain",
      ])
    #expect(
      recognition.successes[1].named == "Entry into the League of Nations (18 September 1934)")
    #expect(recognition.failures.map(\.evidence) == ["hitler-power", "munich"])
    #expect(recognition.linkBack.contains("4 successes, 2 failures"))
  }

  @Test func counterArgumentsComeWithTheirRebuttals() throws {
    let munich = try #require(plan.paragraphs[0].failures.first { $0.evidence == "munich" })
    let counter = try #require(munich.counterArguments.first)
    #expect(
      counter.text.hasPrefix("One could argue that being left out of Munich was not a failure"))
    #expect(counter.replies.first?.hasPrefix("But France had signed the pact too") == true)
  }

  @Test func introductionAndConclusionFollowTheVerdict() {
    #expect(
      plan.question
        == "How far is it true that Stalin's main aim was the security of the USSR, that is, protecting it from a German invasion?"
    )
    #expect(plan.introduction.contains { $0.hasPrefix("Interpretation “Aggressive reading”: ") })
    #expect(
      plan.introduction.last?.hasPrefix(
        "The line this essay takes: “Security reading” explains more") == true)
    #expect(
      plan.conclusion.first?.hasPrefix("“Security reading” explains more of the evidence") == true)
    #expect(plan.conclusion.contains { $0.hasPrefix("Whether the aim") })
    #expect(plan.conclusion.last?.hasPrefix("The author's own verdict") == true)
  }

  @Test func markdownAndHTML() throws {
    let markdown = plan.markdown()
    #expect(
      markdown.contains(
        "## Paragraph 1: Recognition by the western powers"))
    #expect(markdown.contains("## Paragraph 2: Industrial and military strength"))
    #expect(markdown.contains("## Conclusion"))
    #expect(plan.markdown() == markdown)
    let html = plan.html()
    #expect(html.contains("<h2>Paragraph 1: Recognition by the western powers"))
    #expect(!html.contains("<script"))
    let run = try runArgmap(["plan", "Graphs/stalin-foreign-policy.argmap", "--format", "html"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == plan.html())
    let unknown = try runArgmap(["plan", "Graphs/stalin-foreign-policy.argmap", "--aim", "securty"])
    #expect(unknown.status == 64)  // an id the command names: bad usage
    #expect(unknown.stderr.contains("security"))
  }

  /// The Weimar map, a "why did it collapse" debate, plans as sensibly.
  @Test func weimarPlan() throws {
    let weimar = try EssayPlan(try loadGraph("weimar-collapse.argmap"))
    #expect(!weimar.paragraphs.isEmpty)
    #expect(weimar.conclusion.count >= 3)
  }

  /// A map without two readings to compare names its evidence as one with them does: the
  /// plan wrote "bread: hunger" for "Bread riots (23 February 1917): hunger".
  @Test func evidenceIsNamedWithoutInterpretations() throws {
    let map = ArgumentMapParser.check(
      """
      aim war: The war caused the revolution
      subaim economy: The economy collapsed
        + war: shortages came from the war
      event bread (1917-02-23): Bread riots
        + economy: hunger
      """
    ).map
    let plan = try EssayPlan(map)
    let paragraph = try #require(plan.paragraphs.first { $0.topic == "economy" })
    #expect(paragraph.successes.map(\.named) == ["Bread riots (23 February 1917)"])
    #expect(plan.markdown().contains("  - Bread riots (23 February 1917): hunger\n"))
  }
}
