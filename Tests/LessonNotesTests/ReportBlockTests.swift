import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("blocks that compare, tabulate and check the facts")
struct ReportBlockTests {
  static let map = """
    aim security: Security of the USSR
    subaim recognition: Recognition by the western powers
      + security: recognition brings treaties
    interpretation defensive: Stalin sought security
      + security: security was the aim
    interpretation aggressive: Stalin meant to expand
    aim expansion: Expansion west
    event league (1934-09-18): The USSR joins the League of Nations
      + recognition: admitted with a Council seat
    event munich (1938-09-30): The USSR is left out of Munich
      - recognition: disregarded
    event pact (1932): The essay says the pacts of 1932 included Italy
      ! Italy's pact was signed on 2 Sep 1933
        source: Italo-Soviet Pact (Wikipedia)
      + recognition [defensive]: pacts show recognition
      + expansion [aggressive]: pacts bought a free hand
    """

  func process(_ options: String, target: NotesOptions.Target = .markdown(.files)) -> NotesReport {
    NotesFixtures.process(
      "# Notes\n\n```argmap\n\(options)\n\(Self.map)\n```\n",
      options: NotesOptions(target: target, root: "/tmp"))
  }

  @Test("a comparison draws the three columns and writes the verdict under them")
  func comparison() throws {
    let report = process("compare: defensive aggressive\ncaption: Two readings")
    #expect(
      report.diagnostics.filter(\.diagnostic.isError).isEmpty,
      "\(report.diagnostics.map(\.summary))")
    #expect(report.outputs.count == 2)
    let svg = String(decoding: try #require(report.outputs.first).bytes, as: UTF8.self)
    #expect(svg.contains("Stalin sought security") && svg.contains("Stalin meant to expand"))
    let markdown = try #require(NotesFixtures.mainOutput(report))
    #expect(
      markdown.contains(
        "[![Two readings](notes-1.svg)](notes-1.svg)\n\n*Two readings*\n\n**Verdict.** “Stalin sought security” explains more of the evidence"
      )
    )
  }

  /// The drawn comparison marks a slip "⚠ fact flagged"; without the text under it, a lesson
  /// gave the class no correct fact.
  @Test("a comparison's corrections are written under it in the teacher's copy only")
  func comparisonCorrections() throws {
    for report in ["verdict", "none"] {
      let outputs = process("compare: defensive aggressive\nreport: \(report)")
      let markdown = try #require(NotesFixtures.mainOutput(outputs))
      #expect(
        markdown.contains(
          "**Corrections.** The map corrects these facts of the evidence marked ⚠ fact flagged:\n\n"
            + "- ⚑ The essay says the pacts of 1932 included Italy: Italy's pact was signed on 2 Sep 1933"
            + " (Source: Italo-Soviet Pact (Wikipedia))\n"), "\(markdown)")
      // Drawn once, in words: the picture itself has no corrections block.
      let svg = String(decoding: try #require(outputs.outputs.first).bytes, as: UTF8.self)
      #expect(!svg.contains(">Corrections<"))
    }
    let student = NotesFixtures.process(
      "# Notes\n\n```argmap\ncompare: defensive aggressive\n\(Self.map)\n```\n",
      options: NotesOptions(target: .markdown(.files), root: "/tmp", copy: .student))
    let markdown = try #require(NotesFixtures.mainOutput(student))
    #expect(!markdown.contains("Corrections") && !markdown.contains("2 Sep 1933"))
  }

  @Test(
    "a comparison naming a statement that is not an interpretation is an error at that statement")
  func comparisonError() throws {
    let report = process("compare: defensive league")
    let errors = report.diagnostics.filter(\.diagnostic.isError)
    let error = try #require(errors.first)
    #expect(error.diagnostic.message.contains("'league' is a"))
    #expect(error.diagnostic.message.contains("not an interpretation"))
    #expect(error.diagnostic.range?.start.line == 4)
    // `compare: defensive league`: at 'league', not at the first id.
    #expect(error.diagnostic.range?.start.column == 20)
  }

  @Test("a table block writes the successes and failures, with no diagram")
  func table() throws {
    let report = process("table: security")
    #expect(report.outputs.count == 1)
    let markdown = try #require(NotesFixtures.mainOutput(report))
    #expect(markdown.contains("### Successes and failures: Security of the USSR"))
    #expect(markdown.contains("| Date | Successes | Failures |"))
    #expect(markdown.contains("The USSR joins the League of Nations"))
    let html = try #require(
      NotesFixtures.mainOutput(process("table: security", target: .html)))
    #expect(html.contains("<table>") && html.contains("<th>Successes</th>"))
  }

  @Test("frame: makes a table of factors for and against, and goes with table: only")
  func frame() throws {
    let markdown = try #require(
      NotesFixtures.mainOutput(process("table: security\nframe: factors")))
    #expect(markdown.contains("### Factors for and against: Security of the USSR"))
    #expect(markdown.contains("| Date | For | Against |"))
    let bad = process("table: security\nframe: sideways")
    #expect(
      bad.diagnostics.contains {
        $0.diagnostic.message.contains("'frame' takes successes or factors, not 'sideways'")
      })
    let alone = process("view: timeline\nframe: factors")
    #expect(alone.diagnostics.contains { $0.diagnostic.id == "notes-table-only" })
  }

  @Test("a matrix block writes the evidence matrix, with no diagram")
  func matrix() throws {
    let report = process("matrix: defensive aggressive")
    #expect(report.outputs.count == 1)
    let markdown = try #require(NotesFixtures.mainOutput(report))
    #expect(
      markdown.contains(
        "### Evidence matrix: “Stalin sought security” and “Stalin meant to expand”"))
    #expect(
      markdown.contains("| Date | Evidence | Stalin sought security | Stalin meant to expand |"))
    #expect(
      markdown.contains(
        "| 1938-09-30 | The USSR is left out of Munich | ✗ inconsistent: disregarded | – not used |"
      ))
    let html = try #require(
      NotesFixtures.mainOutput(process("matrix: defensive aggressive", target: .html)))
    #expect(html.contains("<th>Stalin sought security</th>"))
    let one = process("matrix: defensive")
    #expect(
      one.diagnostics.first?.diagnostic.message.contains("two or more interpretation") == true)
    let both = process("matrix: defensive aggressive\ntable: security")
    #expect(both.diagnostics.contains { $0.diagnostic.message.contains("matrix") })
  }

  @Test("an unknown aim in a table is an error at 'table'")
  func tableError() throws {
    let report = process("table: securty")
    let errors = report.diagnostics.filter(\.diagnostic.isError)
    let error = try #require(errors.first)
    #expect(error.diagnostic.message.contains("'securty'"))
    #expect(error.diagnostic.range?.start.column == 8)
  }

  @Test("the facts view lists flagged statements; its answers are the map's flags")
  func facts() throws {
    let questions = try #require(NotesFixtures.mainOutput(process("view: facts\nanswers: no")))
    #expect(questions.contains("| 1 | The essay says the pacts of 1932 included Italy | |"))
    #expect(!questions.contains("2 Sep 1933"))
    let answers = try #require(NotesFixtures.mainOutput(process("view: facts")))
    #expect(
      answers.contains(
        "| 1 | The essay says the pacts of 1932 included Italy | Italy's pact was signed on 2 Sep 1933 | Italo-Soviet Pact (Wikipedia) |"
      ))
  }

  @Test("scope keeps only the links of one interpretation (and the unscoped ones)")
  func scope() throws {
    let report = process("scope: defensive\ncaption: Defensive")
    // Every page of the diagram (a map split to fit its page is several figures).
    let svg = report.outputs.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
    // The other reading's links are gone, from the picture and from its outline (where each
    // link is written whole with its reason).
    #expect(svg.contains("pacts show recognition"))
    #expect(!svg.contains("pacts bought a free hand"))
  }
}
