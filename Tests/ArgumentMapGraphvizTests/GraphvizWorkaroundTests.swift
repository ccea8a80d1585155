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

  @Test("a reasoning that draws nothing gets no label, beside a floating label")
  func blankReasoningHasNoLabel() throws {
    let scene = try Self.blankReasoning.scene(.argument)
    let link = try #require(scene.edges.first { $0.source.rawValue == "n-claim" })
    #expect(link.label == nil)
    #expect(scene.edges.contains { $0.isLabelFloating })
    let svg = try MapRenderer().render(Self.blankReasoning, format: .svg)
    #expect(String(decoding: svg, as: UTF8.self).hasPrefix("<svg "))
  }

  @Test("links that take no part in ranking have floating labels")
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
    let unranked = scene.edges.filter { !$0.isConstraint && $0.label != nil }
    #expect(!unranked.isEmpty)
    #expect(unranked.allSatisfy { $0.isLabelFloating })
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
