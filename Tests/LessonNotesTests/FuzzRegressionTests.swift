import ArgumentMap
import Foundation
import LessonNotes
import TestSupport
import Testing

/// Inputs that the Markdown fuzz target (`Scripts/fuzz.sh markdown`, docs/fuzzing.md) found to
/// break a law, kept in `Fixtures/fuzz/markdown/` and checked here for the behaviour that failed.
@Suite struct FuzzRegressionTests {
  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](
      try Data(
        contentsOf: PackagePaths.url("Tests/LessonNotesTests/Fixtures/fuzz/markdown/\(name)")))
  }

  /// cmark-gfm ends a line at a lone `\r` as well as at `\n`; the blocks' byte ranges must count
  /// lines the same way, or a block after such a line is lost or spliced at the wrong bytes.
  @Test func blocksAfterLoneCarriageReturnsAreFoundAtTheirOwnBytes() throws {
    let bytes = try Self.bytes("lone-carriage-returns.md")
    let document = MarkdownDocument(bytes: bytes)
    #expect(document.title == "Notes")
    try #require(document.blocks.count == 2)
    let contents = document.blocks.map { String(decoding: $0.content, as: UTF8.self) }
    #expect(contents == ["aim a: An aim\rclaim b: B\r  + a\r", "aim c: C\n"])
    let replaced = document.blocks.map {
      String(decoding: bytes[$0.replacedBytes], as: UTF8.self)
    }
    #expect(
      replaced == ["```argmap\raim a: An aim\rclaim b: B\r  + a\r```", "```argmap\naim c: C\n```"])
    for block in document.blocks {
      for line in block.lines {
        #expect(bytes[line.fileOffset] == block.content[line.contentOffset])
      }
    }
  }
}
