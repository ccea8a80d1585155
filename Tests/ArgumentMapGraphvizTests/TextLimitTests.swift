import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import Testing

@Suite("A text longer than the limit is drawn cut short, and kept whole elsewhere")
struct TextLimitTests {
  static let limit = Scene.maximumDrawnTextLength

  static func map(text: String, reasoning: String = "because", title: String = "Title")
    throws -> ArgumentMap
  {
    let source = "---\ntitle: \(title)\n---\naim a: Aim\nclaim b: \(text)\n  + a: \(reasoning)\n"
    let result = ArgumentMapParser.check(source)
    #expect(!result.hasErrors)
    return result.map
  }

  @Test("the limit is 1000 characters")
  func limit() { #expect(Self.limit == 1_000) }

  @Test("a long text of words is shortened in its box, and the DOT stays small")
  func longLabelIsShortened() throws {
    let text = String(repeating: "lorem ipsum ", count: 100_000)
    let map = try Self.map(text: text)
    let diagram = try MapRenderer().diagram(map, format: .dot)
    #expect(diagram.bytes.count < 10_000)
    // A box shows the start of its text by design (the whole text is in its hover text).
    #expect(diagram.textWarnings.isEmpty)
    let scene = try map.scene(.argument)
    let label = try #require(scene.nodes.first { $0.id.rawValue == "n-b" }?.label)
    #expect(label.hasPrefix("CLAIM\nlorem ipsum"))
    #expect(label.hasSuffix("lorem\u{2026}") || label.hasSuffix("ipsum\u{2026}"))
    #expect(label.count < 200)
  }

  @Test("one word longer than the limit is cut in its box, with a warning")
  func longWordIsCut() throws {
    let map = try Self.map(text: String(repeating: "w", count: 100_000))
    let diagram = try MapRenderer().diagram(map, format: .dot)
    #expect(diagram.bytes.count < 10_000)
    #expect(diagram.textWarnings.count == 1)
    #expect(
      diagram.textWarnings.first?.hasPrefix(
        "the label of a statement, 'CLAIM wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww...', is longer than "
          + "1000 characters") == true)
    var cut = try map.scene(.argument)
    _ = cut.cutLongTexts()
    let label = try #require(cut.nodes.first { $0.id.rawValue == "n-b" }?.label)
    #expect(label.hasSuffix("\u{2026}"))
    #expect(label.count <= Self.limit + Scene.statementMarksLength + 1)
  }

  @Test("a long title is cut with a warning; a long reasoning is shortened in the key")
  func reasoningAndTitleAreCut() throws {
    let long = String(repeating: "x", count: 5_000)
    let map = try Self.map(text: "Short", reasoning: long, title: long)
    let diagram = try MapRenderer().diagram(map, format: .dot)
    #expect(diagram.textWarnings.count == 1)
    #expect(diagram.textWarnings.first?.hasPrefix("the title, 'xxx") == true)
    #expect(diagram.bytes.count < 10_000)
    let key = try #require(try map.scene(.argument).nodes.first { $0.role == .textBlock })
    #expect(key.label.count < Scene.keyEntryCharacters + 100)
    #expect(key.label.hasSuffix("x\u{2026}"))
  }

  @Test("texts within the limit are drawn as written, without a warning")
  func shortTextsAreKept() throws {
    let text = String(repeating: "y", count: Self.limit)
    let map = try Self.map(text: text)
    let diagram = try MapRenderer().diagram(map, format: .dot)
    #expect(diagram.textWarnings.isEmpty)
    #expect(String(decoding: diagram.bytes, as: UTF8.self).contains(text))
  }

  @Test("the SVG keeps the whole text in the hover title, and its outline is cut")
  func svgKeepsTheWholeTextInTheHoverTitle() throws {
    let text = String(repeating: "z", count: 200_000)
    let map = try Self.map(text: text)
    let diagram = try MapRenderer().diagram(map, format: .svg)
    let svg = String(decoding: diagram.bytes, as: UTF8.self)
    #expect(svg.contains("<title>claim: " + text))
    // Once in the hover title, not again in the outline or the drawn label.
    #expect(diagram.bytes.count < text.utf8.count + 50_000)
    #expect(svg.contains("z\u{2026}"))
    #expect(diagram.textWarnings.count == 1)
  }
}
