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

  @Test("a long label is cut at a word boundary with an ellipsis, and the DOT stays small")
  func longLabelIsCut() throws {
    let text = String(repeating: "lorem ipsum ", count: 100_000)
    let map = try Self.map(text: text)
    let diagram = try MapRenderer().diagram(map, format: .dot)
    #expect(diagram.bytes.count < 10_000)
    #expect(diagram.textWarnings.count == 1)
    #expect(
      diagram.textWarnings.first?.hasPrefix(
        "the label of a statement, 'lorem ipsum lorem ipsum lorem ipsum lore...', is longer than "
          + "1000 characters") == true)
    let scene = try map.scene(.argument)
    var cut = scene
    _ = cut.cutLongTexts()
    let label = try #require(cut.nodes.first { $0.id.rawValue == "n-b" }?.label)
    #expect(label.hasSuffix("lorem\u{2026}") || label.hasSuffix("ipsum\u{2026}"))
    #expect(label.count <= Self.limit + 1)
    #expect(label.count > Self.limit / 2)
  }

  @Test("a long reasoning and a long title are cut too; each is warned about once")
  func reasoningAndTitleAreCut() throws {
    let long = String(repeating: "x", count: 5_000)
    let map = try Self.map(text: "Short", reasoning: long, title: long)
    let diagram = try MapRenderer().diagram(map, format: .dot)
    #expect(diagram.textWarnings.count == 2)
    #expect(diagram.textWarnings.first?.hasPrefix("the title, 'xxx") == true)
    #expect(diagram.textWarnings.last?.hasPrefix("the label of a link, 'xxx") == true)
    #expect(diagram.bytes.count < 10_000)
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
