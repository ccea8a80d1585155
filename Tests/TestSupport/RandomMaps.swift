import ArgumentMap

/// Random argument maps for stress and property tests, drawn from a seed so a failure can be
/// replayed: random kinds and links (cycles, self links, missing targets, undercuts, scopes),
/// dates, flags, and texts that are empty, very long, or full of Unicode that is hard to draw
/// (combining marks, right-to-left scripts, emoji, bidi and other control characters except NUL,
/// DOT and XML syntax).
public enum RandomMaps {
  /// Pieces that texts are made of.
  static let pieces: [String] = [
    "word", "the pact", "Stalin", "1939", "Ça", "Ελληνικά", "中文", "e\u{301}",
    "Z\u{337}\u{31B}a\u{335}",
    "\u{915}\u{94D}\u{937}", "עברית", "والعربية", "👩🏽‍🚀", "👨‍👩‍👧", "🇩🇪", "\u{202E}rtl\u{202C}",
    "\u{200F}", "\u{2066}iso\u{2069}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}[31m",
    "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{200B}", "\u{FFFE}", "\t", "\\N",
    "\\G",
    "\\L", "\\l", "\\n", "\\", "\"", "\\\"", "<", ">", "<b>", "{a|b}", "&", "&amp;", "&#60;",
    "]]>", "-->", "'", "%s", "\u{FFFD}",
  ]

  /// A text of `0...maximum` pieces joined by spaces (or none, for unbroken runs).
  static func text(using random: inout SeededGenerator, maximum: Int) -> String {
    let count = Int.random(in: 0...maximum, using: &random)
    let separator = Int.random(in: 0..<8, using: &random) == 0 ? "" : " "
    return (0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }
      .joined(separator: separator)
  }

  /// A statement text: usually short, sometimes empty, now and then very long (up to about
  /// 2,500 characters).
  static func statement(using random: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<40, using: &random) {
    case 0: return ""
    case 1: return text(using: &random, maximum: 400)
    case 2: return String(repeating: "long ", count: Int.random(in: 50...500, using: &random))
    default: return text(using: &random, maximum: 12)
    }
  }

  /// A map of `1...maximumNodes` statements drawn from `seed`. Not necessarily valid: links may
  /// point at missing nodes, at themselves, or round in cycles; ids may repeat.
  public static func map(seed: UInt64, maximumNodes: Int = 30) -> ArgumentMap {
    var random = SeededGenerator(seed: seed)
    let count = Int.random(in: 1...maximumNodes, using: &random)
    let ids = (0..<count).map { NodeID("s\($0)") }
    var nodes: [Node] = []
    for (position, id) in ids.enumerated() {
      let kind = NodeKind.allCases.randomElement(using: &random) ?? .claim
      var links: [Link] = []
      let linkCount =
        Int.random(in: 0..<10, using: &random) == 0
        ? Int.random(in: 4...12, using: &random) : Int.random(in: 0...3, using: &random)
      for _ in 0..<linkCount {
        let target: LinkTarget
        switch Int.random(in: 0..<12, using: &random) {
        case 0: target = .node("missing")
        case 1:
          target = .link(
            from: ids.randomElement(using: &random) ?? id,
            to: ids.randomElement(using: &random) ?? id)
        default: target = .node(ids.randomElement(using: &random) ?? id)
        }
        let scope =
          Int.random(in: 0..<3, using: &random) == 0 ? ids.randomElement(using: &random) : nil
        let reasoning: String?
        switch Int.random(in: 0..<6, using: &random) {
        case 0: reasoning = nil
        case 1: reasoning = text(using: &random, maximum: 120)
        default: reasoning = text(using: &random, maximum: 10)
        }
        links.append(
          Link(
            Relation.allCases.randomElement(using: &random) ?? .supports, target, scope: scope,
            strength: Bool.random(using: &random) ? Double.random(in: -1...2, using: &random) : nil,
            reasoning: reasoning))
      }
      var date: DateSpan?
      if kind == .event || Int.random(in: 0..<4, using: &random) == 0 {
        let start = HistoricalDate(
          year: Int.random(in: 1900...1950, using: &random),
          month: Bool.random(using: &random) ? Int.random(in: 1...12, using: &random) : nil)
        let end =
          Int.random(in: 0..<5, using: &random) == 0
          ? HistoricalDate(year: Int.random(in: 1890...1960, using: &random)) : nil
        date = DateSpan(start: start, end: end, isApproximate: Bool.random(using: &random))
      }
      let flags =
        Int.random(in: 0..<5, using: &random) == 0
        ? [Flag(statement(using: &random), sources: [text(using: &random, maximum: 6)])] : []
      let sources =
        Int.random(in: 0..<4, using: &random) == 0 ? [text(using: &random, maximum: 8)] : []
      nodes.append(
        Node(
          kind, position > 0 && Int.random(in: 0..<40, using: &random) == 0 ? ids[0] : id,
          statement(using: &random), date: date, sources: sources, flags: flags, links: links))
    }
    return ArgumentMap(
      metadata: Metadata(title: text(using: &random, maximum: 8)), nodes: nodes)
  }
}
