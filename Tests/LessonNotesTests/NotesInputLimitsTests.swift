import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import LessonNotes
import Testing

/// Deeply nested Markdown and diagrams above the render limit: a drawing or a located error,
/// never a crash.
@Suite("Lesson notes: deep nesting and render limits")
struct NotesInputLimitsTests {
  func process(_ text: String, limits: RenderLimits = .standard) -> NotesReport {
    NotesProcessor.process(
      NotesJob(
        inputPath: "notes.md", bytes: Array(text.utf8), outputPath: "-", figureFolder: ".",
        figureStem: "notes"),
      options: NotesOptions(target: .markdown(.inline), renderLimits: limits))
  }

  @Test(
    "100,000 nested block quotes and 2,000 nested lists before a block: the block is drawn",
    .timeLimit(.minutes(1)))
  func deepNesting() throws {
    var text = String(repeating: ">", count: 100_000) + " deep\n\n"
    for level in 0..<2_000 { text += String(repeating: "  ", count: level) + "- item\n" }
    text += "\n```argmap\naim a: A\nclaim b: B\n  + a\n```\n"
    let report = process(text)
    #expect(!report.hasErrors)
    #expect(report.renderedCount == 1)
    let output = try #require(report.outputs.first)
    #expect(String(decoding: output.bytes, as: UTF8.self).contains("<svg"))
  }

  @Test("a block above the node limit is an error at the block's first line")
  func blockAboveTheLimit() throws {
    let text = "# Lesson\n\n```argmap\naim a: A\nclaim b: B\n  + a\nclaim c: C\n  + a\n```\n"
    let report = process(text, limits: RenderLimits(maximumNodes: 2))
    let error = try #require(report.diagnostics.first { $0.diagnostic.isError })
    #expect(error.fileName == "notes.md")
    #expect(error.diagnostic.range?.start.line == 4)
    // Three statements and the heading of the box of what is for the aim.
    #expect(error.diagnostic.message.contains("the diagram has 4 nodes, more than the limit of 2"))
  }
}
