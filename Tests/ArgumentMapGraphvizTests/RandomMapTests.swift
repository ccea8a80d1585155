import ArgumentMap
import ArgumentMapGraphviz
import TestSupport
import Testing

/// Random maps, valid or not, render in every view: the renderer never trusts the validator.
@Suite("Random maps render")
struct RandomMapTests {

  static func randomMap(seed: UInt64) -> ArgumentMap {
    var random = SeededGenerator(seed: seed)
    let count = Int.random(in: 1...24, using: &random)
    let ids = (0..<count).map { NodeID("s\($0)") }
    var nodes: [Node] = []
    for (index, id) in ids.enumerated() {
      let kind = NodeKind.allCases.randomElement(using: &random) ?? .claim
      var links: [Link] = []
      for _ in 0..<Int.random(in: 0...3, using: &random) {
        // Any target, including itself, a missing node, or a link: the validator's business.
        let target: LinkTarget
        switch Int.random(in: 0..<10, using: &random) {
        case 0: target = .node("missing")
        case 1:
          target = .link(
            from: ids.randomElement(using: &random) ?? id,
            to: ids.randomElement(using: &random) ?? id
          )
        default: target = .node(ids.randomElement(using: &random) ?? id)
        }
        let scope = Bool.random(using: &random) ? ids.randomElement(using: &random) : nil
        links.append(
          Link(
            Relation.allCases.randomElement(using: &random) ?? .supports, target, scope: scope,
            strength: Bool.random(using: &random) ? Double.random(in: -1...2, using: &random) : nil,
            reasoning: Bool.random(using: &random) ? "because \\N \" \(index)" : nil))
      }
      let date: DateSpan? =
        Bool.random(using: &random)
        ? DateSpan(
          start: HistoricalDate(
            year: Int.random(in: 1900...1950, using: &random),
            month: Bool.random(using: &random) ? Int.random(in: 1...12, using: &random) : nil))
        : nil
      let text = String(repeating: "word ", count: Int.random(in: 0...30, using: &random))
      nodes.append(
        Node(
          kind, index == 3 ? ids[0] : id, text, date: date,
          flags: Bool.random(using: &random) ? [Flag("slip")] : [], links: links))
    }
    return ArgumentMap(nodes: nodes)
  }

  @Test("in every view, as DOT and SVG, blanks included", arguments: 1...40)
  func renders(seed: Int) throws {
    let map = Self.randomMap(seed: UInt64(seed))
    // The first node with an id wins, so a duplicated id may name another kind.
    let interpretations = map.interpretations.map(\.id).filter {
      map.node(withID: $0)?.kind == .interpretation
    }
    var views: [MapView] = [.argument, .timeline]
    if interpretations.count >= 2, interpretations[0] != interpretations[1] {
      views.append(.comparison(interpretations[0], interpretations[1]))
    }
    for view in views {
      for options in [
        SceneOptions(showsLegend: true, showsReasoning: true),
        SceneOptions(blankKinds: [.event, .claim]),
      ] {
        let svg = try MapRenderer().render(map, view: view, options: options, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).hasPrefix("<svg "), "seed \(seed) \(view)")
      }
    }
  }

  @Test("an empty map renders")
  func emptyMap() throws {
    let svg = try MapRenderer().render(ArgumentMap(), format: .svg)
    #expect(
      String(decoding: svg, as: UTF8.self).contains(
        "<title id=\"argmap-title\">Argument map</title>"))
  }
}
