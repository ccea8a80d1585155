import ArgumentMap
import Testing

/// Very long and very large inputs: a located diagnostic or a map, in time linear in the input;
/// never a crash or minutes of work. The inputs are generated here: too big to commit.
@Suite("Very long and very large .argmap input")
struct InputLimitsTests {
  @Test(
    "500,000 front-matter keys are checked in linear time; a duplicate still points at the first",
    .timeLimit(.minutes(1)))
  func manyFrontMatterKeys() throws {
    var text = "---\n"
    for index in 0..<500_000 { text += "key\(index): value\n" }
    text += "key7: again\n---\naim a: A\n"
    let result = ArgumentMapParser.check(text)
    #expect(result.map.metadata.extra.count == 500_000)
    let duplicate = try #require(result.diagnostics.first { $0.id == "duplicate-front-matter-key" })
    #expect(duplicate.range?.start.line == 500_002)
    #expect(duplicate.notes.first?.range?.start.line == 9)
  }

  @Test("a 20 MB line of text is read whole", .timeLimit(.minutes(1)))
  func aVeryLongLine() throws {
    let length = 20 << 20
    let text = "aim a: " + String(repeating: "x", count: length) + "\n"
    let result = ArgumentMapParser.check(text)
    #expect(!result.hasErrors)
    #expect(result.map.nodes.first?.text.utf8.count == length)
  }

  @Test(
    "a problem 10 MB into a line is located there, and its excerpt stays short",
    .timeLimit(.minutes(1)))
  func aProblemFarIntoALine() throws {
    let indent = 10 << 20
    let text = "aim a: A\n" + String(repeating: " ", count: indent) + "+ a\n"
    let result = ArgumentMapParser.check(text)
    let error = try #require(result.diagnostics.first { $0.isError })
    #expect(error.range?.start.line == 2)
    #expect(error.range?.start.column == indent + 1)
    let printed = DiagnosticRenderer.text(
      [error], fileName: "deep.argmap", source: Array(text.utf8))
    #expect(printed.hasPrefix("deep.argmap:2:\(indent + 1): error: "))
    #expect(printed.utf8.count < 1_000)
  }

  @Test("a chain of 200,000 supports checks without deep recursion", .timeLimit(.minutes(1)))
  func aLongChain() throws {
    var text = "aim n0: root\n"
    for index in 1..<200_000 { text += "claim n\(index): claim\n  + n\(index - 1)\n" }
    let result = ArgumentMapParser.check(text)
    #expect(!result.hasErrors)
    #expect(result.map.nodes.count == 200_000)
  }

  @Test("an id of a million characters is read, and a link to it resolves")
  func aVeryLongID() throws {
    let id = "a" + String(repeating: "b", count: 1_000_000)
    let result = ArgumentMapParser.check("aim \(id): A\nclaim c: C\n  + \(id)\n")
    #expect(!result.hasErrors)
    #expect(result.map.nodes.first?.id.rawValue == id)
  }
}
