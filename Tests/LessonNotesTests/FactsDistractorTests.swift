import ArgumentMap
import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("a fact check with true statements mixed in")
struct FactsDistractorTests {
  /// Two flagged statements and six candidates (dated events and evidence without a flag), with
  /// a dated claim and an undated one that are never candidates.
  static let mapPath = "Tests/LessonNotesTests/Fixtures/facts/distractors.argmap"

  static let texts: [String: String] = [
    "pacts": "The essay says Italy signed a pact with the USSR in 1932",
    "spain": "The essay says Soviet troops fought in Spain",
    "finland": "The USSR and Finland sign a non-aggression pact",
    "mein-kampf": "Hitler wrote of <Lebensraum> | land in the east",
    "league": "The USSR joins the League of Nations",
    "munich": "The USSR is left out of the Munich Conference",
    "pact": "The Nazi–Soviet Pact is signed",
    "barbarossa": "Germany invades the USSR",
  ]

  func map() throws -> String {
    try String(contentsOf: PackagePaths.url(Self.mapPath), encoding: .utf8)
  }

  func process(_ options: String, target: NotesOptions.Target = .markdown(.files)) throws
    -> NotesReport
  {
    NotesFixtures.process(
      "# Facts\n\n```argmap\n\(options)\n\(try map())```\n",
      options: NotesOptions(target: target, root: "/tmp"))
  }

  /// The statements of the table's rows, in order, from the HTML (decoded).
  func rows(_ options: String) throws -> [String] {
    let report = try process(options, target: .html)
    #expect(!report.hasErrors, "\(report.diagnostics.map(\.summary))")
    let html = try #require(NotesFixtures.mainOutput(report))
    let table = try #require(html.components(separatedBy: "<tbody>").dropFirst().first)
    return table.components(separatedBy: "<tr><td>").dropFirst().map { row in
      let cells = row.components(separatedBy: "</td>")
      return CharacterReferences.decoded(
        cells.count > 1 ? String(cells[1].dropFirst("<td>".count)) : "")
    }
  }

  @Test(
    "distractors are spread evenly over the unflagged dated events and evidence, all in map order",
    arguments: [
      (0, [String]()), (1, ["munich"]), (2, ["mein-kampf", "pact"]),
      (3, ["mein-kampf", "munich", "barbarossa"]),
      (6, ["finland", "mein-kampf", "league", "munich", "pact", "barbarossa"]),
      (40, ["finland", "mein-kampf", "league", "munich", "pact", "barbarossa"]),
    ])
  func chosen(count: Int, ids: [String]) throws {
    let order = [
      "pacts", "finland", "mein-kampf", "league", "spain", "munich", "pact", "barbarossa",
    ]
    let expected = order.filter { $0 == "pacts" || $0 == "spain" || ids.contains($0) }
    let listed = try rows("view: facts\nanswers: no\ndistractors: \(count)")
    #expect(
      listed
        == expected.compactMap { Self.texts[$0] }.map {
          count > 0 ? FactCheckText.statement($0) : $0
        })
  }

  @Test("every distractor is a statement of the map without a flag, a dated event or evidence")
  func unflagged() throws {
    let map = ArgumentMapParser.check(utf8: Array(try map().utf8)).map
    for text in try rows("view: facts\ndistractors: 40") {
      let node = try #require(map.nodes.first { FactCheckText.statement($0.text) == text })
      if node.isFlagged { continue }
      #expect(node.date != nil)
      #expect(node.kind == .event || node.kind == .evidence)
    }
  }

  @Test("the answers say a distractor is correct as written, with no source")
  func answers() throws {
    let markdown = try #require(
      NotesFixtures.mainOutput(try process("view: facts\nanswers: yes\ndistractors: 1")))
    #expect(
      markdown.contains(
        "| 3 | The USSR is left out of the Munich Conference | 30 September 1938 | Correct as written. |  |"
      ))
    #expect(
      markdown.contains(
        "| 2 | Soviet troops fought in Spain | October 1936 – 1938 | advisers and equipment, not troops | Kowalsky, Stalin and the Spanish Civil War |"
      ))
    #expect(markdown.contains("| # | Statement | Date | The facts | Sources |"))
    let html = try #require(
      NotesFixtures.mainOutput(
        try process("view: facts\nanswers: yes\ndistractors: 1", target: .html)))
    #expect(html.contains("<td><p>Correct as written.</p></td><td></td></tr>"))
  }

  @Test("the students' table has a column to judge each statement, and no answers")
  func questions() throws {
    let markdown = try #require(
      NotesFixtures.mainOutput(try process("view: facts\nanswers: no\ndistractors: 2")))
    #expect(
      markdown.contains(
        "| # | Statement | Date | Correct or wrong? If wrong, correct it, with a date and a source |"
      ))
    #expect(
      markdown.contains(
        "| 2 | Hitler wrote of &lt;Lebensraum\\> \\| land in the east | 1925–26 | |"))
    #expect(!markdown.contains("Correct as written"))
    #expect(!markdown.contains("Kowalsky"))
    let html = try #require(
      NotesFixtures.mainOutput(
        try process("view: facts\nanswers: no\ndistractors: 2", target: .html)))
    #expect(html.contains("<td>Hitler wrote of &lt;Lebensraum&gt; | land in the east</td>"))
  }

  @Test("without distractors the table is as it always was")
  func unchanged() throws {
    let markdown = try #require(NotesFixtures.mainOutput(try process("view: facts\nanswers: no")))
    #expect(
      markdown.contains(
        "| # | The essay says | What is wrong? Correct it, with a date and a source |"))
    #expect(!markdown.contains(Self.texts["munich"] ?? "?"))
  }

  @Test(
    "the same notes give the same bytes", arguments: [NotesOptions.Target.markdown(.files), .html])
  func deterministic(target: NotesOptions.Target) throws {
    let first = try process("view: facts\nanswers: yes\ndistractors: 3", target: target)
    let second = try process("view: facts\nanswers: yes\ndistractors: 3", target: target)
    #expect(first.outputs == second.outputs)
    #expect(!first.outputs.isEmpty)
  }

  @Test(
    "a wrong 'distractors:' is an error at its value",
    arguments: [
      ("view: facts\ndistractors: 1️⃣many", "notes-bad-value", "from 0 to 100"),
      ("view: facts\ndistractors: 1️⃣-1", "notes-bad-value", "from 0 to 100"),
      ("view: timeline\ndistractors: 1️⃣3", "notes-facts-only", "goes with 'view: facts'"),
    ])
  func errors(marked: String, id: String, excerpt: String) throws {
    let source = MarkedSource("# Facts\n\n```argmap\n\(marked)\naim a: A\n```\n")
    let report = NotesFixtures.process(source.text)
    let error = try #require(report.diagnostics.first { $0.diagnostic.isError })
    let marker = try #require(source.markers["1️⃣"])
    #expect(error.diagnostic.id == id)
    #expect(error.diagnostic.message.contains(excerpt), "\(error.diagnostic.message)")
    #expect(error.diagnostic.range?.start.line == marker.line)
    #expect(error.diagnostic.range?.start.column == marker.column)
  }
}
