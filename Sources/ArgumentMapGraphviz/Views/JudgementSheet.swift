import ArgumentAnalysis
import ArgumentMap

/// The sheets printed after a worksheet's picture: the question with ruled lines for the
/// students' written judgement, then the map in words (the picture's outline, blanks kept blank),
/// so the argument can be read without the diagram. Drawn as pre-placed boxes, as the evidence
/// matrix is, so the ruled lines keep their height on the sheet.
enum JudgementSheet {
  /// The height of one ruled line: about 9 mm, room for handwriting.
  static let ruleHeight = 26.0
  /// The most ruled lines a sheet gets; a slide gets fewer, as many as fit.
  static let maximumRules = 24

  /// The question students answer: how far they agree with the map's first main aim (thesis).
  static func question(for map: ArgumentMap) -> String {
    guard let aim = map.nodes.first(where: \.isMainAim) else {
      return "How convincing is the argument of this map?"
    }
    return "How far do you agree that \u{201C}\(aim.text)\u{201D}?"
  }

  /// The sheets for `map`, whose worksheet picture's outline is `outline`, on `page`, of which
  /// a picture may take `heightShare` of the height (lesson notes leave room for text).
  static func scenes(
    for map: ArgumentMap, outline: String, hasBlanks: Bool, page: PageSize,
    heightShare: Double = 1
  ) -> [Scene] {
    let width = BoxSheets.width(on: page)
    let characters = BoxSheets.characters(on: page)
    let title = map.metadata.title ?? "Argument map"

    var instructions =
      "Reach a judgement and give your reasons. Weigh the evidence for and against, and say "
      + "what someone who disagrees would reply."
    if hasBlanks { instructions += " Name the statements you use by their numbers on the sheet." }
    let heading =
      ["Your judgement"] + TextWrapping.wrap(question(for: map), width: characters)
      + TextWrapping.wrap(instructions, width: characters)
    var rows = [
      BoxSheets.Row(
        label: heading.joined(separator: "\n"), height: BoxSheets.height(lines: heading.count),
        style: .heading)
    ]
    let judgementTitle = title + ": your judgement"
    let budget = BoxSheets.budget(title: judgementTitle, page: page, heightShare: heightShare)
    let rules = min(maximumRules, Int((budget - rows[0].height) / ruleHeight))
    rows += Array(
      repeating: BoxSheets.Row(label: "", height: ruleHeight, style: .plain), count: max(0, rules))
    let judgement = BoxSheets.scene(
      name: "judgement", title: judgementTitle, rows: rows, width: width,
      outline: heading.joined(separator: " "))

    // The outline: one box per statement with its links, each link's line marked with a dash.
    let entries = outlineEntries(outline).map { entry in
      entry.map { $0.hasPrefix("  ") ? "\u{2013} " + $0.dropFirst(2) : $0 }
    }
    return [judgement]
      + BoxSheets.scenes(
        name: "words", title: title + ": the map in words",
        sections: [BoxSheets.Section(heading: "The map in words", entries: entries)], page: page,
        heightShare: heightShare)
  }

  /// The outline's lines grouped: a statement's line with the indented lines of its links.
  static func outlineEntries(_ outline: String) -> [[String]] {
    var entries: [[String]] = []
    for line in outline.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
      if line.hasPrefix("  "), !entries.isEmpty {
        entries[entries.count - 1].append(line)
      } else {
        entries.append([line])
      }
    }
    return entries
  }
}
