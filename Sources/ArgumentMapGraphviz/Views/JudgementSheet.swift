import ArgumentAnalysis
import ArgumentMap

/// The sheets printed after a worksheet's picture: the question with ruled lines for the
/// students' written judgement, then the map in words (the picture's outline, blanks kept blank),
/// so the argument can be read without the diagram. Drawn as pre-placed boxes, as the evidence
/// matrix is, so the ruled lines keep their height on the sheet.
enum JudgementSheet {
  /// Points per character when wrapping, the height of a line and a cell's padding: the
  /// evidence matrix's measures for 11–12 pt cells.
  static let pointsPerCharacter = EvidenceMatrix.pointsPerCharacter
  static let lineHeight = EvidenceMatrix.lineHeight
  static let cellPadding = EvidenceMatrix.cellPadding
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
    let width = page.usableWidth - 8
    let characters = max(20, Int((width - 12) / pointsPerCharacter))
    let title = map.metadata.title ?? "Argument map"
    /// The height left for the boxes under a page's title, wrapped as the drawing wraps it
    /// (18 pt), with the "(page N of M)" it gets: a long title must not push text under 9 pt.
    func budget(_ pageTitle: String) -> Double {
      let lines = TextWrapping.wrap(pageTitle + " (page 99 of 99)", width: DOTWriter.titleWidth)
      return page.usableHeight * heightShare - Double(lines.count) * 24 - 30
    }

    var instructions =
      "Reach a judgement and give your reasons. Weigh the evidence for and against, and say "
      + "what someone who disagrees would reply."
    if hasBlanks { instructions += " Name the statements you use by their numbers on the sheet." }
    let heading =
      ["Your judgement"] + TextWrapping.wrap(question(for: map), width: characters)
      + TextWrapping.wrap(instructions, width: characters)
    var rows: [(label: String, height: Double, style: SceneNode.TableCellStyle)] = [
      (heading.joined(separator: "\n"), height(lines: heading.count), .heading)
    ]
    let judgementTitle = title + ": your judgement"
    let rules = min(maximumRules, Int((budget(judgementTitle) - rows[0].height) / ruleHeight))
    rows += Array(repeating: ("", ruleHeight, .plain), count: max(0, rules))
    var scenes = [
      scene(
        name: "judgement", title: judgementTitle, rows: rows, width: width,
        outline: heading.joined(separator: " "))
    ]

    // The outline: one box per statement with its links (each link's line marked with a
    // dash), kept whole on a sheet; a box too tall for one sheet is cut into boxes that fit.
    let wordsHeading = "The map in words"
    let wordsTitle = title + ": the map in words"
    let wordsBudget = budget(wordsTitle)
    let linesPerBox = max(
      1, Int((wordsBudget - height(lines: 1) - cellPadding) / lineHeight))
    let entries = outlineEntries(outline).flatMap { entry in
      let lines = entry.flatMap { line in
        line.hasPrefix("  ")
          ? TextWrapping.wrap("\u{2013} " + line.dropFirst(2), width: characters)
          : TextWrapping.wrap(line, width: characters)
      }
      return stride(from: 0, to: lines.count, by: linesPerBox).map {
        Array(lines[$0..<min($0 + linesPerBox, lines.count)])
      }
    }
    var chunk: [(label: String, height: Double, style: SceneNode.TableCellStyle)] = []
    var used = height(lines: 1)
    func flush() {
      guard !chunk.isEmpty else { return }
      let rows = [(wordsHeading, height(lines: 1), SceneNode.TableCellStyle.heading)] + chunk
      scenes.append(
        scene(
          name: "words", title: wordsTitle, rows: rows, width: width,
          outline: chunk.map(\.label).joined(separator: "\n")))
      chunk = []
      used = height(lines: 1)
    }
    for entry in entries where !entry.isEmpty {
      let row = (label: entry.joined(separator: "\n"), height: height(lines: entry.count))
      if !chunk.isEmpty, used + row.height > wordsBudget { flush() }
      chunk.append((row.label, row.height, .plain))
      used += row.height
    }
    flush()
    return scenes
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

  private static func height(lines: Int) -> Double {
    Double(lines) * lineHeight + cellPadding
  }

  /// Rows of cells the sheet's width, top to bottom.
  private static func scene(
    name: String, title: String,
    rows: [(label: String, height: Double, style: SceneNode.TableCellStyle)], width: Double,
    outline: String
  ) -> Scene {
    var top = rows.map(\.height).reduce(0, +)
    var nodes: [SceneNode] = []
    for (number, row) in rows.enumerated() {
      let size = SceneSize(width: width, height: row.height)
      nodes.append(
        SceneNode(
          id: SceneElementID("\(name)-\(number)"), role: .tableCell(row.style), label: row.label,
          hoverText: "", position: ScenePoint(x: width / 2, y: top - row.height / 2),
          fixedSize: size))
      top -= row.height
    }
    return Scene(
      name: name, title: title, outline: outline, direction: .bottomToTop, nodes: nodes,
      placement: .fixed)
  }
}
