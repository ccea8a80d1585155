import ArgumentMap
import ArgumentMapGraphviz
import TestSupport
import Testing

/// Maps that made libgvc 2.42/2.43 abort or corrupt the heap, found by the render stress run
/// and the hostile-text corpus; each renders now (a failure here ends the test process).
@Suite("Graphviz's crashes are avoided")
struct GraphvizWorkaroundTests {
  /// Two interpretations on the top row, linked with a reasoning (a floating label), and a link
  /// whose reasoning is only line breaks and control characters.
  static let blankReasoning = ArgumentMap(nodes: [
    Node(.mainAim, "aim", "The aim"),
    Node(.interpretation, "first", "One reading"),
    Node(
      .interpretation, "second", "Another reading",
      links: [Link(.opposes, .node("first"), reasoning: "they disagree")]),
    Node(
      .claim, "claim", "A claim",
      links: [Link(.supports, .node("aim"), reasoning: "\u{1}\n\u{85}\u{7}")]),
  ])

  @Test("a reasoning that draws nothing gets no number, and no label floats in a row")
  func blankReasoningHasNoLabel() throws {
    let scene = try Self.blankReasoning.scene(.argument)
    let link = try #require(scene.edges.first { $0.source.rawValue == "n-claim" })
    #expect(link.label == nil)
    // The readings' link lies within the top row: its number is left to the key, so no label
    // floats (Graphviz 2.42 aborts on an empty floating label beside another).
    #expect(!scene.edges.contains { $0.isLabelFloating })
    let key = try #require(scene.nodes.first { $0.role == .textBlock })
    #expect(key.label.contains("they disagree"))
    let svg = try MapRenderer().render(Self.blankReasoning, format: .svg)
    #expect(String(decoding: svg, as: UTF8.self).hasPrefix("<svg "))
  }

  @Test("links that take no part in ranking carry no number; the key names their ends")
  func unrankedLinksFloat() throws {
    let map = ArgumentMap(nodes: [
      Node(.mainAim, "aim", "The aim"),
      Node(.interpretation, "first", "One reading"),
      Node(.interpretation, "second", "Another reading"),
      Node(.subAim, "sub", "{{7*7}} ${7*7} <%= 7*7 %> #{7*7} [[7*7]] {% raw %} {{{html}}}"),
      Node(
        .event, "event", "{{7*7}} ${7*7} <%= 7*7 %> #{7*7} [[7*7]] {% raw %} {{{html}}}",
        links: [
          Link(.supports, .node("sub"), scope: "first", reasoning: "read one way"),
          Link(.opposes, .node("sub"), scope: "second", reasoning: "read the other way"),
        ]),
    ])
    let scene = try map.scene(.comparison("first", "second"))
    let unranked = scene.edges.filter { !$0.isConstraint }
    #expect(!unranked.isEmpty)
    #expect(unranked.allSatisfy { $0.label == nil })
    let key = try #require(scene.nodes.first { $0.role == .textBlock })
    #expect(key.label.contains("\u{2192}") && key.label.contains("read one way"))
    let svg = try MapRenderer().render(map, view: .comparison("first", "second"), format: .svg)
    #expect(String(decoding: svg, as: UTF8.self).hasPrefix("<svg "))
  }

  @Test("a labelled link that Graphviz lays flat on the top row is freed once")
  func flatLabelledLinkOnTopRow() throws {
    // Random map 630 has links in a circle through the top row; its layout grows a rank's node
    // array, which gvFreeLayout then freed a second time.
    let map = RandomMaps.map(seed: 630)
    for _ in 0..<3 {
      let svg = try MapRenderer().render(
        map, options: SceneOptions(showsLegend: true), format: .svg)
      #expect(String(decoding: svg, as: UTF8.self).hasPrefix("<svg "))
    }
  }
}
