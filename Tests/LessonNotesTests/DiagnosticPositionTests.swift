import ArgumentMap
import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("errors in blocks are located in the notes file")
struct DiagnosticPositionTests {
  @Test(
    "a map error inside a block is reported at its line and column in the notes file",
    arguments: [
      "# Notes\n\n```argmap\naim a: An aim\nclaim b: B\n  + 1️⃣securty\n```\n",
      "# Notes\n\n> ~~~argmap\n> aim a: An aim\n> claim b: B\n>   + 1️⃣securty\n> ~~~\n",
      "- item\n\n  ```argmap\n  caption: x\n  aim a: An aim\n  claim b: B é🇩🇪\n    + 1️⃣securty\n  ```\n",
      "1. é\n   > ```argmap\n   > aim a: An aim\n   > claim b: B\n   >   + 1️⃣securty\n   > ```\n",
      "# CRLF\r\n\r\n```argmap\r\naim a: An aim\r\nclaim b: B\r\n  + 1️⃣securty\r\n```\r\n",
    ])
  func mapError(marked: String) throws {
    let source = MarkedSource(marked)
    let report = NotesFixtures.process(source.text)
    let error = try #require(report.diagnostics.first { $0.diagnostic.isError })
    let marker = try #require(source.markers["1️⃣"])
    #expect(error.diagnostic.id == "unknown-node")
    #expect(error.diagnostic.range?.start.line == marker.line)
    #expect(error.diagnostic.range?.start.column == marker.column)
    #expect(error.fileName == "/tmp/argmap-notes-test/notes.md")
    #expect(report.outputs.isEmpty, "a file with errors is not written without keepsGoing")
  }

  @Test(
    "option errors point at the option",
    arguments: [
      (
        "```argmap\n1️⃣veiw: timeline\naim a: A\n```\n", "notes-unknown-option",
        "did you mean 'view'?"
      ),
      ("```argmap\nview: 1️⃣sideways\naim a: A\n```\n", "notes-bad-value", "unknown view 'sideways'"),
      ("```argmap\nlegend: 1️⃣maybe\naim a: A\n```\n", "notes-bad-value", "yes or no"),
      (
        "```argmap\nmap: x.argmap\n1️⃣aim a: A\n```\n", "notes-text-after-reference",
        "holds only options"
      ),
      ("```argmap\ncaption: only options\n1️⃣```\n", "notes-empty-block", "is empty"),
    ])
  func optionErrors(marked: String, id: String, excerpt: String) throws {
    let source = MarkedSource(marked)
    let report = NotesFixtures.process(source.text)
    let error = try #require(report.diagnostics.first)
    let marker = try #require(source.markers["1️⃣"])
    #expect(error.diagnostic.id == id)
    #expect(error.diagnostic.message.contains(excerpt), "\(error.diagnostic.message)")
    #expect(error.diagnostic.range?.start.line == marker.line)
    #expect(error.diagnostic.range?.start.column == marker.column)
  }

  /// Readings for the tests that name two of them.
  static let readings = """
    aim security: Security of the USSR
    interpretation defence: Defence reading: the pact bought time
      + security
    interpretation expansion: Expansion reading: the pact split Poland
      - security
    event pact (1939-08-23): The Nazi–Soviet Pact
      + defence
      + expansion
    """

  @Test(
    "an id the map lacks is pointed at where it is written, in the option that names it",
    arguments: [
      "compare: defence 1️⃣expanson\n\(readings)",
      "compare: 1️⃣defense, expansion\n\(readings)",
      "matrix: 1️⃣defense expansion\n\(readings)",
      "view: map\nfocus: 1️⃣secruity\ncaption: The pact\n\(readings)",
      "view: worksheet\nblank: pact 1️⃣securty\n\(readings)",
      "scope: 1️⃣defense\n\(readings)",
    ])
  func unknownIDInOption(options: String) throws {
    let source = MarkedSource("# Notes\n\n```argmap\n\(options)\n```\n")
    let report = NotesFixtures.process(source.text)
    let error = try #require(report.diagnostics.first { $0.diagnostic.isError })
    let marker = try #require(source.markers["1️⃣"])
    #expect(error.diagnostic.message.contains("did you mean"), "\(error.diagnostic.message)")
    #expect(error.diagnostic.range?.start.line == marker.line)
    #expect(error.diagnostic.range?.start.column == marker.column)
  }

  @Test("an option written without its ':' is told so, not taken for map text")
  func optionWithoutColon() throws {
    for body in ["map: x.argmap\ncaption1️⃣ The pact", "caption1️⃣ The pact\n\(NotesFixtures.pact)"] {
      let source = MarkedSource("```argmap\n\(body)\n```\n")
      let report = NotesFixtures.process(source.text)
      let error = try #require(report.diagnostics.first { $0.diagnostic.isError })
      let marker = try #require(source.markers["1️⃣"])
      #expect(error.diagnostic.id == "notes-option-without-colon")
      #expect(
        error.diagnostic.message == "expected ':' after the option 'caption', as in 'caption: ...'")
      #expect(error.diagnostic.range?.start.line == marker.line)
      #expect(error.diagnostic.range?.start.column == marker.column)
    }
  }

  @Test("a view that does not fit the map is an error at the block, not a crash")
  func viewError() throws {
    let text = "```argmap\nscope: pact\n\(NotesFixtures.pact)\n```\n"
    let report = NotesFixtures.process(text)
    let error = try #require(report.diagnostics.first)
    #expect(error.diagnostic.message.contains("not an interpretation"))
    #expect(error.diagnostic.range?.start.line == 2)
  }

  @Test("with keepsGoing the output is written and the failed block stays as written")
  func keepGoing() throws {
    let text =
      "A\n\n```argmap\naim a: A\n  + nowhere\n```\n\n```argmap\n\(NotesFixtures.pact)\n```\n"
    let report = NotesFixtures.process(
      text, options: NotesOptions(target: .markdown(.files), root: "/tmp", keepsGoing: true))
    #expect(report.hasErrors)
    let output = try #require(NotesFixtures.mainOutput(report))
    #expect(
      output
        == "A\n\n```argmap\naim a: A\n  + nowhere\n```\n\n"
        + "[![Argument map](notes-2.svg)](notes-2.svg)\n")
  }
}
