import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("argmap fences are found where CommonMark finds fences")
struct FenceTests {
  static let map = "aim a: An aim\nclaim b: A claim\n  + a\n"

  @Test(
    "a fence is found, with its content and the byte range a rendering replaces",
    arguments: [
      ("backtick", "Text\n\n```argmap\n\(map)```\n\nMore\n", "```argmap", map),
      ("tilde", "Text\n\n~~~argmap\n\(map)~~~\n", "~~~argmap", map),
      ("longer fence", "````argmap\n\(map)````\n", "````argmap", map),
      (
        "indented three spaces", "   ```argmap\n   aim a: An aim\n   ```\n", "```argmap",
        "aim a: An aim\n"
      ),
      (
        "in a list", "- item\n\n  ```argmap\n  aim a: An aim\n  claim b: B\n    + a\n  ```\n",
        "```argmap", "aim a: An aim\nclaim b: B\n  + a\n"
      ),
      (
        "in an ordered list", "1. item\n\n   ~~~argmap\n   aim a: An aim\n   ~~~\n", "~~~argmap",
        "aim a: An aim\n"
      ),
      (
        "in a block quote",
        "> quote\n> ```argmap\n> aim a: An aim\n>\n> claim b: B\n>   + a\n> ```\n",
        "```argmap", "aim a: An aim\n\nclaim b: B\n  + a\n"
      ),
      (
        "in a list in a block quote", "> - item\n>   ```argmap\n>   aim a: An aim\n>   ```\n",
        "```argmap", "aim a: An aim\n"
      ),
      (
        "with attributes after the word", "```argmap {#fig}\naim a: An aim\n```\n", "```argmap",
        "aim a: An aim\n"
      ),
    ])
  func found(name: String, markdown: String, fence: String, content: String) throws {
    let document = MarkdownDocument(bytes: Array(markdown.utf8))
    let block = try #require(document.blocks.first, "\(name)")
    #expect(document.blocks.count == 1)
    #expect(block.isClosed)
    #expect(String(decoding: block.content, as: UTF8.self) == content, "\(name)")
    let replaced = String(decoding: document.bytes[block.replacedBytes], as: UTF8.self)
    #expect(replaced.hasPrefix(fence), "\(name): \(replaced)")
    #expect(replaced.hasSuffix(String(fence.prefix(while: { $0 == "`" || $0 == "~" }))))
  }

  @Test(
    "what is not a fenced argmap block is left alone",
    arguments: [
      ("indented code", "Text\n\n    ```argmap\n    aim a: An aim\n    ```\n"),
      ("another language", "```argmapx\naim a: An aim\n```\n"),
      ("inline code", "Some ```argmap``` in a paragraph\n"),
      ("a python block", "```python\nprint(1)\n```\n"),
      ("inside an HTML block", "<div>\n```argmap\naim a: An aim\n```\n</div>\n"),
    ])
  func ignored(name: String, markdown: String) {
    #expect(MarkdownDocument(bytes: Array(markdown.utf8)).blocks.isEmpty, "\(name)")
  }

  @Test(
    "Pandoc's attribute form counts, and its attributes are options",
    arguments: [
      "```{.argmap caption=\"The pact\" view=timeline}\naim a: An aim\n```\n",
      "```argmap {#fig-1 caption=\"The pact\" view=timeline .wide}\naim a: An aim\n```\n",
      "~~~ {.other .argmap caption=\"The pact\" view=\"timeline\"}\naim a: An aim\n~~~\n",
    ])
  func attributes(markdown: String) throws {
    let block = try #require(MarkdownDocument(bytes: Array(markdown.utf8)).blocks.first)
    #expect(
      String(decoding: block.content, as: UTF8.self)
        == "caption: The pact\nview: timeline\naim a: An aim\n")
    let output = try #require(NotesFixtures.mainOutput(NotesFixtures.process(markdown)))
    #expect(output == "[![The pact](notes-1.svg)](notes-1.svg)\n\n*The pact*\n")
  }

  @Test("an error in an attribute points at the attribute on the fence line")
  func attributeError() throws {
    let source = MarkedSource("Intro\n\n```{.argmap 1️⃣view=sideways}\naim a: An aim\n```\n")
    let report = NotesFixtures.process(source.text)
    let error = try #require(report.diagnostics.first)
    #expect(error.diagnostic.id == "notes-bad-value")
    #expect(error.diagnostic.range?.start.line == source.markers["1️⃣"]?.line)
    #expect(error.diagnostic.range?.start.column ?? 0 >= source.markers["1️⃣"]?.column ?? 0)
  }

  @Test("an unclosed fence is found, marked unclosed, and reported at the fence")
  func unclosed() throws {
    let markdown = "# Notes\n\n```argmap\naim a: An aim\n"
    let block = try #require(MarkdownDocument(bytes: Array(markdown.utf8)).blocks.first)
    #expect(!block.isClosed)
    let report = NotesFixtures.process(markdown)
    let diagnostic = try #require(report.diagnostics.first)
    #expect(diagnostic.diagnostic.id == "notes-unclosed-fence")
    #expect(diagnostic.diagnostic.range?.start.line == 3)
    #expect(diagnostic.diagnostic.range?.start.column == 1)
    #expect(report.outputs.isEmpty)
  }

  @Test("an unclosed fence inside a block quote ends with the quote, and is still unclosed")
  func unclosedInQuote() throws {
    let markdown = "> ```argmap\n> aim a: An aim\n\nAfter the quote\n"
    let document = MarkdownDocument(bytes: Array(markdown.utf8))
    let block = try #require(document.blocks.first)
    #expect(!block.isClosed)
    #expect(String(decoding: block.content, as: UTF8.self) == "aim a: An aim\n")
  }

  @Test("CRLF notes: content keeps its line endings and the output keeps every other byte")
  func crlf() throws {
    let markdown = "# Notes\r\n\r\n```argmap\r\naim a: An aim\r\n```\r\n\r\nAfter\r\n"
    let document = MarkdownDocument(bytes: Array(markdown.utf8))
    let block = try #require(document.blocks.first)
    #expect(block.isClosed)
    #expect(String(decoding: block.content, as: UTF8.self) == "aim a: An aim\r\n")
    let replaced = String(decoding: document.bytes[block.replacedBytes], as: UTF8.self)
    #expect(replaced == "```argmap\r\naim a: An aim\r\n```")
    let report = NotesFixtures.process(markdown)
    let output = try #require(NotesFixtures.mainOutput(report))
    #expect(output == "# Notes\r\n\r\n[![Argument map](notes-1.svg)](notes-1.svg)\r\n\r\nAfter\r\n")
  }

  @Test("the first level-one heading is the document's title")
  func title() {
    let document = MarkdownDocument(
      bytes: Array("Intro\n\n# Stalin's *foreign* policy\n\n# Second\n".utf8))
    #expect(document.title == "Stalin's foreign policy")
  }
}
