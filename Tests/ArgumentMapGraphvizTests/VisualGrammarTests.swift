import ArgumentMap
import Testing

@testable import ArgumentMapGraphviz

@Suite("The visual grammar survives greyscale")
struct VisualGrammarTests {
  /// What is left of a look on a black-and-white photocopy: everything but the colours.
  private func greyscale(_ attributes: [(String, String)]) -> [String: String] {
    var kept: [String: String] = [:]
    for (key, value) in attributes where !["color", "fillcolor", "fontcolor"].contains(key) {
      kept[key] = value
    }
    return kept
  }

  @Test("every node kind differs from every other by shape or border, not by colour alone")
  func kindsDiffer() {
    let looks = NodeKind.allCases.map { kind in
      greyscale(
        VisualGrammar.attributes(
          of: SceneNode(id: SceneElementID("x"), role: .statement(kind), label: "")))
    }
    for (i, first) in looks.enumerated() {
      for second in looks[(i + 1)...] {
        #expect(first != second, "\(first) looks like \(second) in greyscale")
      }
    }
  }

  @Test("supports, opposes and undercuts differ by line style")
  func relationsDiffer() {
    let styles = Relation.allCases.map { relation in
      greyscale(
        VisualGrammar.attributes(
          of: SceneEdge(
            id: SceneElementID("e"), source: SceneElementID("a"), target: SceneElementID("b"),
            role: .link(relation))))["style"]
    }
    #expect(styles == ["solid", "dashed", "dotted"])
  }

  @Test("a link is as wide as it is strong; one without a strength is at full strength")
  func linkWidths() throws {
    func width(_ strength: Double?) throws -> Double {
      var edge = SceneEdge(
        id: SceneElementID("e"), source: SceneElementID("a"), target: SceneElementID("b"),
        role: .link(.supports))
      edge.strength = strength
      return try #require(Double(greyscale(VisualGrammar.attributes(of: edge))["penwidth"] ?? ""))
    }
    // A weak link must never look stronger than an unweighted one, as it did (1.6 against 1).
    #expect(try width(nil) == width(1))
    #expect(try width(0.3) < width(0.8))
    #expect(try width(0.8) < width(nil))
    #expect(try width(0) > 0.5)
  }

  @Test("flags and double readings add marks that survive greyscale")
  func marks() {
    let plain = SceneNode(id: SceneElementID("x"), role: .statement(.event), label: "")
    var flagged = plain
    flagged.isFlagged = true
    var readTwice = plain
    readTwice.isReadTwoWays = true
    let base = greyscale(VisualGrammar.attributes(of: plain))
    #expect(greyscale(VisualGrammar.attributes(of: flagged))["penwidth"] == "2.5")
    #expect(base["penwidth"] == nil)
    #expect(greyscale(VisualGrammar.attributes(of: readTwice))["peripheries"] == "2")
  }

  @Test(
    "numbers are written without locale or exponent",
    arguments: [
      (1.0, 2, "1"), (2.4, 2, "2.4"), (0.05, 2, "0.05"), (1.83333, 4, "1.8333"), (-0.5, 2, "-0.5"),
      (1e-9, 4, "0"),
    ])
  func numberFormat(value: Double, places: Int, expected: String) {
    #expect(VisualGrammar.format(value, places: places) == expected)
  }
}
