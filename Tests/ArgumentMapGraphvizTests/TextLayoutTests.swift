import ArgumentMap
import ArgumentMapGraphviz
import TestSupport
import Testing

/// SVG is drawn by a context whose text layout is Pango on FreeType (`CGraphvizSupport`), not
/// Graphviz's Pango-on-cairo plugin, which PNG and PDF still use. Both must measure every text
/// alike, or an SVG and a PNG of one map would be laid out differently, and SVG would no longer
/// be what `dot -Tsvg` draws from our DOT.
@Suite("Text layout on Pango and FreeType")
struct TextLayoutTests {
  /// Texts that are hard to measure: every piece of the random maps' texts (scripts, combining
  /// marks, emoji, bidi and control characters, DOT and XML syntax) alone and in random runs,
  /// the hostile-text corpus, and the Stalin map's texts.
  static let texts: [String] = {
    var texts = HostileText.corpus.map(\.text)
    texts += Fixtures.stalin.nodes.flatMap { node in
      [node.text] + node.links.compactMap(\.reasoning)
    }
    for seed in 1...60 {
      let map = RandomMaps.map(seed: UInt64(seed), maximumNodes: 12)
      texts += map.nodes.map(\.text)
    }
    texts += ["", " ", "  two  spaces ", "W", "iiii", "WWWW", "ﬁ ligature", "A\u{301}"]
    return texts
  }()

  @Test("the SVG context measures with Pango on FreeType where Graphviz's plugins are installed")
  func svgContextUsesPangoFreeType() {
    // Without it, the comparisons below would compare Graphviz's plugin with itself.
    #expect(Graphviz.shared.measuresWithPangoFreeType)
  }

  @Test(
    "every text has the width Graphviz's pango plugin gives it",
    arguments: [
      ("Liberation Sans", 12.0), ("Liberation Sans", 10), ("Liberation Sans", 18),
      ("DejaVu Sans", 14), ("Liberation Serif", 11.5), ("sans-serif", 12),
      ("No Such Font", 12),
    ])
  func widthsAgree(font: String, size: Double) {
    let ours = Graphviz.shared.textWidths(
      Self.texts, fontName: font, fontSize: size, measurer: .pangoFreeType)
    let graphviz = Graphviz.shared.textWidths(
      Self.texts, fontName: font, fontSize: size, measurer: .graphvizPlugin)
    #expect(ours.count == Self.texts.count)
    let differing = zip(Self.texts, zip(ours, graphviz)).filter { $1.0 != $1.1 }
    #expect(
      differing.isEmpty,
      "\(differing.count) of \(Self.texts.count) texts differ, first: \(differing.prefix(3))")
    // Widths that are all alike would make the comparison empty.
    #expect(Set(ours).count > Self.texts.count / 4)
  }

  @Test("the Stalin map draws to the same SVG bytes with either text layout")
  func stalinSVGAgrees() throws {
    let map = try RunningExample.map()
    var scenes = [
      ("map", try map.scene(.argument)), ("timeline", try map.scene(.timeline)),
      ("legend", try map.scene(.argument, options: SceneOptions(showsLegend: true))),
      (
        "worksheet",
        try map.scene(.argument, options: SceneOptions(blankKinds: [.event, .claim]))
      ),
    ]
    let interpretations = map.interpretations.map(\.id)
    if interpretations.count >= 2 {
      scenes.append(
        ("comparison", try map.scene(.comparison(interpretations[0], interpretations[1]))))
    }
    for (name, scene) in scenes {
      try expectSameDrawing(scene, name: name)
    }
  }

  @Test("random maps draw to the same SVG bytes with either text layout", arguments: 1...30)
  func randomSVGAgrees(seed: Int) throws {
    let map = RandomMaps.map(seed: UInt64(seed), maximumNodes: 16)
    for view in [MapView.argument, .timeline] {
      guard let scene = try? map.scene(view) else { continue }
      try expectSameDrawing(scene, name: "\(view)")
    }
  }

  /// Draws `scene`'s DOT with each text layout (blanks replaced, as a worksheet is drawn) and
  /// expects the same bytes, or the same failure.
  private func expectSameDrawing(_ scene: Scene, name: String) throws {
    let dot = try MapRenderer().dot(for: scene)
    let blanks = scene.blankNodes.map { ($0.id.rawValue, $0.blankLabel) }
    let ours = Result { () throws(GraphvizError) in
      try Graphviz.shared.render(
        dot: dot, format: .svg, replacingText: blanks, measuringTextWith: .pangoFreeType)
    }
    let graphviz = Result { () throws(GraphvizError) in
      try Graphviz.shared.render(
        dot: dot, format: .svg, replacingText: blanks, measuringTextWith: .graphvizPlugin)
    }
    switch (ours, graphviz) {
    case (.success(let ours), .success(let graphviz)):
      let oursLines = String(decoding: ours.bytes, as: UTF8.self).split(separator: "\n")
      let graphvizLines = String(decoding: graphviz.bytes, as: UTF8.self).split(separator: "\n")
      let difference = zip(oursLines, graphvizLines).first { $0 != $1 }
      #expect(
        ours.bytes == graphviz.bytes,
        "\(name): first different line: \(difference.map { "\($0) / \($1)" } ?? "(lengths differ)")"
      )
      #expect(ours.warnings == graphviz.warnings)
    case (.failure(let ours), .failure(let graphviz)):
      #expect(ours.stage == graphviz.stage)
    default:
      Issue.record("one text layout drew the scene and the other did not: \(ours), \(graphviz)")
    }
  }
}
