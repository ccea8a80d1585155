import Foundation
import LessonNotes
import Testing

@Suite("Markdown output keeps every byte outside the argmap blocks")
struct SpliceTests {
  @Test(
    "a document without argmap blocks comes back byte for byte",
    arguments: [
      "# Notes\n\nPlain text with <b>raw HTML</b> and [a link](javascript:alert(1)).\n",
      "No final line break",
      "\u{FEFF}# With a byte order mark\r\n\r\nCRLF text\r\n",
      "```python\nprint('argmap')\n```\n\n~~~\nplain\n~~~\n",
      "> quote\n>\n> - list\n>   1. nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
      "",
      "\t\ttabs\u{0}nul and invalid \u{7F} bytes é 🇩🇪\n",
    ])
  func unchanged(text: String) throws {
    let report = NotesFixtures.process(text)
    #expect(report.diagnostics.isEmpty)
    let output = try #require(report.outputs.last)
    #expect(output.bytes == Array(text.utf8))
    #expect(report.outputs.count == 1)
  }

  @Test("invalid UTF-8 outside the blocks comes back unchanged")
  func invalidUTF8() throws {
    var bytes = Array("# Notes\n\n".utf8) + [0xFF, 0xFE, 0x80] + Array("\n\n```argmap\n".utf8)
    bytes += Array("aim a: An aim\n```\n".utf8) + [0xC3]
    let report = NotesProcessor.process(
      NotesJob(
        inputPath: "/tmp/n.md", bytes: bytes, outputPath: "/tmp/o/n.md", figureFolder: "/tmp/o",
        figureStem: "n"), options: NotesOptions(root: "/tmp"))
    let output = try #require(report.outputs.last).bytes
    #expect(Array(output.prefix(12)) == Array(bytes.prefix(12)))
    #expect(output.last == 0xC3)
  }

  @Test("only the block is replaced: the bytes before and after it are the original ones")
  func onlyTheBlock() throws {
    let before = "# Notes\n\nText *with* <span>html</span>\n\n"
    let after = "\n\nMore text\n- a list\n"
    let text = before + "```argmap\n\(NotesFixtures.pact)\n```" + after
    let output = try #require(NotesFixtures.mainOutput(NotesFixtures.process(text)))
    #expect(output.hasPrefix(before + "[![Argument map](notes-1.svg)](notes-1.svg)"))
    #expect(output.hasSuffix(after))
  }

  @Test("in a block quote the caption continues the quote; in a list it keeps the indentation")
  func containers() throws {
    let text = """
      > ```argmap
      > caption: The pact
      > \(NotesFixtures.pact.replacingOccurrences(of: "\n", with: "\n> "))
      > ```

      - item

        ```argmap
        caption: The League
        \(NotesFixtures.league.replacingOccurrences(of: "\n", with: "\n  "))
        ```

      """
    let output = try #require(NotesFixtures.mainOutput(NotesFixtures.process(text)))
    #expect(
      output == """
        > [![The pact](notes-1.svg)](notes-1.svg)
        >
        > *The pact*

        - item

          [![The League](notes-2.svg)](notes-2.svg)

          *The League*

        """)
  }

  @Test("inline embedding in a block quote continues the quote on every line of the figure")
  func inlineInQuote() throws {
    let text =
      "> Quote\n> ```argmap\n> \(NotesFixtures.pact.replacingOccurrences(of: "\n", with: "\n> "))\n> ```\n\nAfter\n"
    let report = NotesFixtures.process(
      text, options: NotesOptions(target: .markdown(.inline), root: "/tmp"))
    let output = try #require(NotesFixtures.mainOutput(report))
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    let figure = lines.drop { !$0.contains("<figure") }.prefix { !$0.isEmpty }
    #expect(figure.count > 5)
    #expect(figure.allSatisfy { $0.hasPrefix("> ") })
    #expect(output.hasSuffix("</figure>\n\nAfter\n"))
  }

  @Test("inline embedding puts the SVG in a figure without blank lines")
  func inline() throws {
    let text = "Intro\n\n```argmap\ncaption: The <pact>\n\(NotesFixtures.pact)\n```\n"
    let report = NotesFixtures.process(
      text, options: NotesOptions(target: .markdown(.inline), root: "/tmp"))
    #expect(report.outputs.count == 1)
    let output = try #require(NotesFixtures.mainOutput(report))
    #expect(
      output.hasPrefix("Intro\n\n<figure class=\"argmap\" aria-label=\"The &lt;pact&gt;\">\n<svg"))
    #expect(output.contains("<figcaption>The &lt;pact&gt;</figcaption>\n</figure>\n"))
    // The SVG shrinks to the column of whatever site shows it.
    #expect(output.contains("\">\n<svg style=\"max-width: 100%; height: auto;\" role=\"img\" "))
    // A blank line would end the HTML block in CommonMark: the whole figure is one block.
    let body = output.dropFirst("Intro\n\n".count)
    #expect(!body.contains("\n\n"))
  }
}

@Suite("worksheet blocks take the command line's words")
struct WorksheetBlockTests {
  @Test(
    "blank: all, events or claims in a block blanks what --blank blanks",
    arguments: [
      ("events", ["The Nazi–Soviet Pact"]), ("all", ["The Nazi–Soviet Pact", "Security"]),
    ])
  func blankWords(word: String, hidden: [String]) throws {
    let text = "```argmap\nview: worksheet\nblank: \(word)\n\(NotesFixtures.pact)\n```\n"
    let report = NotesFixtures.process(
      text, options: NotesOptions(target: .markdown(.inline), root: "/tmp"))
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.summary))")
    let output = try #require(NotesFixtures.mainOutput(report))
    #expect(output.contains("<svg"))
    for text in hidden { #expect(!output.contains(text), "\(text) is blanked") }
  }

  @Test("blank: with ids still blanks those statements, and an unknown id is an error")
  func blankIDs() throws {
    let named = NotesFixtures.process(
      "```argmap\nblank: pact\n\(NotesFixtures.pact)\n```\n",
      options: NotesOptions(target: .markdown(.inline), root: "/tmp"))
    #expect(named.diagnostics.isEmpty)
    let output = try #require(NotesFixtures.mainOutput(named))
    #expect(!output.contains("The Nazi–Soviet Pact") && output.contains("Security of the USSR"))
    let unknown = NotesFixtures.process("```argmap\nblank: evnts\n\(NotesFixtures.pact)\n```\n")
    #expect(unknown.diagnostics.contains { $0.diagnostic.isError })
  }

  @Test("answers: yes makes a worksheet the teacher's copy; word-bank: goes with worksheets only")
  func answersAndWordBank() throws {
    let options = NotesOptions(target: .markdown(.inline), root: "/tmp")
    let student = NotesFixtures.process(
      "```argmap\nblank: pact\npage: none\n\(NotesFixtures.pact)\n```\n", options: options)
    let teacher = NotesFixtures.process(
      "```argmap\nblank: pact\nanswers: yes\nword-bank: yes\npage: none\n\(NotesFixtures.pact)\n```\n",
      options: options)
    #expect(student.diagnostics.isEmpty && teacher.diagnostics.isEmpty)
    let studentCopy = try #require(NotesFixtures.mainOutput(student))
    // Inline Markdown writes punctuation in the SVG as character references, to keep it inert.
    let teacherCopy = try #require(NotesFixtures.mainOutput(teacher))
      .replacing("&#40;", with: "(").replacing("&#41;", with: ")").replacing("&#58;", with: ":")
    #expect(!studentCopy.contains("The Nazi–Soviet Pact") && !studentCopy.contains("Answers"))
    #expect(teacherCopy.contains("(1) event: The Nazi–Soviet Pact"))
    #expect(teacherCopy.contains("Word bank"))
    let misplaced = NotesFixtures.process(
      "```argmap\nview: timeline\nword-bank: yes\n\(NotesFixtures.pact)\n```\n")
    #expect(misplaced.diagnostics.map(\.diagnostic.id) == ["notes-worksheet-only"])
  }

  @Test("judgement-sheet: yes adds the judgement sheet after a worksheet's pages, blanks kept")
  func judgementSheet() throws {
    let options = NotesOptions(target: .markdown(.inline), root: "/tmp")
    let sheet = NotesFixtures.process(
      "```argmap\nblank: pact\njudgement-sheet: yes\n\(NotesFixtures.pact)\n```\n",
      options: options)
    #expect(sheet.diagnostics.isEmpty)
    let output = try #require(NotesFixtures.mainOutput(sheet))
    #expect(output.contains("Your judgement"))
    #expect(output.contains("The map in words"))
    #expect(output.contains("Security of the USSR"))
    #expect(!output.contains("The Nazi–Soviet Pact"))
    let plain = NotesFixtures.process(
      "```argmap\nblank: pact\n\(NotesFixtures.pact)\n```\n", options: options)
    #expect(!(try #require(NotesFixtures.mainOutput(plain))).contains("Your judgement"))
    for misplaced in ["view: timeline", "page: none", "compare: a,b"] {
      let result = NotesFixtures.process(
        "```argmap\n\(misplaced)\njudgement-sheet: yes\n\(NotesFixtures.pact)\n```\n")
      #expect(
        result.diagnostics.map(\.diagnostic.id).contains("notes-judgement-sheet"), "\(misplaced)")
    }
  }
}
