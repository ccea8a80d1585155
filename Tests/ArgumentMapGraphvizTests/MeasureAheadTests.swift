import ArgumentMap
import TestSupport
import Testing

@testable import ArgumentMapGraphviz

/// A program's first drawing measures its label texts on a second thread while the layout
/// measures them too (`Graphviz.measureAhead(_:)`). That is only right if the texts listed are
/// the ones Graphviz measures, and if taking a text's numbers from the other thread changes
/// nothing in the drawing.
/// Serialized: one measuring runs at a time in a process.
@Suite("Measuring label texts ahead of the layout", .serialized)
struct MeasureAheadTests {
  @Test(
    "a label's lines are read as Graphviz reads them",
    arguments: [
      ("one line", ["one line"]),
      ("two\\nlines", ["two", "lines"]),
      ("left\\lright\\r", ["left", "right"]),
      ("a\\\\nb", ["a\\nb"]),
      ("back\\\\slash", ["back\\slash"]),
      ("x &amp; y", ["x & y"]),
      ("&amp;lt;b&amp;gt;", ["&lt;b&gt;"]),
      ("\\n\\nafter blank lines\\n", ["after blank lines"]),
      ("", []),
    ])
  func measuredLines(value: String, lines: [String]) {
    #expect(DOTEscape.measuredLines(ofEscString: value) == lines)
  }

  @Test("a value escString does not write is not guessed at")
  func unknownEntities() {
    #expect(DOTEscape.measuredLines(ofEscString: "a & b") == nil)
    #expect(DOTEscape.measuredLines(ofEscString: "&lt;") == nil)
  }

  @Test("an escaped text reads back as its lines", arguments: HostileText.corpus.map(\.text))
  func escapedTextReadsBack(text: String) throws {
    let lines = try #require(DOTEscape.measuredLines(ofEscString: DOTEscape.escString(text)))
    // escString drops \r and the characters XML forbids; every other character stays.
    let kept = String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { $0 != "\r" && !DOTEscape.isXMLForbidden($0) }))
    #expect(lines == kept.split(separator: "\n").map(String.init))
  }

  /// The scenes of the Stalin map (every view, the legend) and of the hostile maps.
  static let scenes: [(String, Scene)] = {
    var scenes: [(String, Scene)] = []
    if let map = try? RunningExample.map() {
      scenes += [
        ("map", try? map.scene(.argument, options: SceneOptions(showsLegend: true))),
        ("timeline", try? map.scene(.timeline)),
        ("worksheet", try? map.scene(.argument, options: SceneOptions(worksheet: .all))),
        ("comparison", try? map.scene(.comparison("aggressive-view", "security-view"))),
      ].compactMap { name, scene in scene.map { (name, $0) } }
    }
    for payload in HostileText.corpus {
      if let scene = try? Fixtures.hostile(payload.text).scene(.argument) {
        scenes.append((payload.id, scene))
      }
    }
    return scenes
  }()

  @Test("the Stalin map and the hostile maps have scenes to draw")
  func scenesExist() {
    #expect(Self.scenes.count == 4 + HostileText.corpus.count)
  }

  @Test(
    "the layout takes every listed text, finds none unlisted, and draws the same bytes",
    arguments: scenes.map(\.0))
  func sameDrawing(name: String) throws {
    let scene = try #require(Self.scenes.first { $0.0 == name }?.1)
    let document = DOTWriter(idPrefix: "ahead").document(for: scene)
    #expect(!document.labelTexts.isEmpty)
    let plain = try Graphviz.shared.render(dot: document.dot, format: .svg)
    #expect(plain.measuredAhead == nil)
    let ahead = try #require(Graphviz.shared.measureAhead(document.labelTexts))
    // With every text measured before the layout starts, the layout must take them all.
    ahead.waitUntilMeasured()
    let drawn = try Graphviz.shared.render(dot: document.dot, format: .svg, measuredAhead: ahead)
    let counts = try #require(drawn.measuredAhead)
    #expect(drawn.bytes == plain.bytes)
    #expect(counts.listed == document.labelTexts.count)
    #expect(counts.unlisted == 0)
    #expect(counts.measuredAhead > 0)
    // A text with a character no font has is left to the layout, which asks Graphviz's plugin;
    // every other text it asks for (some more than once) comes from the thread.
    #expect(counts.taken > 0)
    if counts.measuredAhead == counts.listed {
      #expect(counts.taken == counts.asked)
    }
  }

  @Test("a measuring that is not waited for still draws the same bytes")
  func concurrentMeasuring() throws {
    let scene = try #require(Self.scenes.first?.1)
    let document = DOTWriter(idPrefix: "ahead").document(for: scene)
    let plain = try Graphviz.shared.render(dot: document.dot, format: .svg)
    for _ in 0..<5 {
      let ahead = Graphviz.shared.measureAhead(document.labelTexts)
      let drawn = try Graphviz.shared.render(dot: document.dot, format: .svg, measuredAhead: ahead)
      #expect(drawn.bytes == plain.bytes)
      if let counts = drawn.measuredAhead {
        #expect(counts.unlisted == 0)
        #expect(counts.taken <= counts.asked)
      }
    }
  }

  @Test("texts that differ only in their Unicode normalization are listed apart")
  func normalizationForms() throws {
    let map = ArgumentMap(
      metadata: Metadata(title: "Two forms"),
      nodes: [
        Node(.mainAim, "aim", "Aim"),
        Node(.claim, "composed", "caf\u{E9}", links: [Link(.supports, .node("aim"))]),
        Node(.claim, "decomposed", "cafe\u{301}", links: [Link(.supports, .node("aim"))]),
      ])
    let document = DOTWriter(idPrefix: "ahead").document(for: try map.scene(.argument))
    // Equal as Swift strings, different bytes for Graphviz: both are measured.
    #expect(document.labelTexts.filter { $0.text == "caf\u{E9}" }.count == 2)
    let plain = try Graphviz.shared.render(dot: document.dot, format: .svg)
    let ahead = try #require(Graphviz.shared.measureAhead(document.labelTexts))
    ahead.waitUntilMeasured()
    let drawn = try Graphviz.shared.render(dot: document.dot, format: .svg, measuredAhead: ahead)
    #expect(drawn.bytes == plain.bytes)
    #expect(drawn.measuredAhead?.unlisted == 0)
    #expect(drawn.measuredAhead?.listed == document.labelTexts.count)
  }

  @Test("waiting for the measuring on one thread while another draws is safe")
  func waitWhileDrawing() async throws {
    let scene = try #require(Self.scenes.first?.1)
    let document = DOTWriter(idPrefix: "ahead").document(for: scene)
    // Long texts in many sizes keep the thread busy while the drawing ends.
    let texts =
      document.labelTexts
      + (0..<200).map {
        Graphviz.LabelText(
          fontName: "Liberation Sans", fontSize: Double(8 + $0 % 30),
          text: "text \($0) " + String(repeating: "lorem ipsum dolor ", count: 200))
      }
    let plain = try Graphviz.shared.render(dot: document.dot, format: .svg)
    for _ in 0..<10 {
      let ahead = try #require(Graphviz.shared.measureAhead(texts))
      let waiting = Task.detached { ahead.waitUntilMeasured() }
      let drawn = try Graphviz.shared.render(dot: document.dot, format: .svg, measuredAhead: ahead)
      await waiting.value
      #expect(drawn.bytes == plain.bytes)
      // The drawing ended the measuring, so the next one starts.
      let next = try #require(Graphviz.shared.measureAhead(document.labelTexts))
      _ = try Graphviz.shared.render(dot: document.dot, format: .svg, measuredAhead: next)
    }
  }

  @Test("a measuring never passed to a drawing ends when it is released")
  func releasedMeasuring() throws {
    let scene = try #require(Self.scenes.first?.1)
    let texts = DOTWriter(idPrefix: "ahead").document(for: scene).labelTexts
    for _ in 0..<3 {
      // Released at once; without its end no other measuring could start.
      #expect(Graphviz.shared.measureAhead(texts) != nil)
    }
  }

  @Test("one measuring at a time; the next starts once the drawing is over")
  func oneAtATime() throws {
    let scene = try #require(Self.scenes.first?.1)
    let document = DOTWriter(idPrefix: "ahead").document(for: scene)
    let first = try #require(Graphviz.shared.measureAhead(document.labelTexts))
    #expect(Graphviz.shared.measureAhead(document.labelTexts) == nil)
    _ = try Graphviz.shared.render(dot: document.dot, format: .svg, measuredAhead: first)
    let second = try #require(Graphviz.shared.measureAhead(document.labelTexts))
    _ = try Graphviz.shared.render(dot: document.dot, format: .svg, measuredAhead: second)
  }
}
