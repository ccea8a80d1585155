import ArgumentAnalysis
import ArgumentMap

extension EvidenceMatrix {
  /// Points per character when wrapping cell text: wider than Liberation Sans' average at 11 pt,
  /// so a wrapped line never spills out of its fixed-size box.
  static let pointsPerCharacter = 6.0
  /// The height of one line of cell text at 11–12 pt, in points.
  static let lineHeight = 14.0
  /// The padding above and below a cell's text, in points.
  static let cellPadding = 10.0
  /// How many words of a correction an evidence cell shows (the Markdown and HTML reports
  /// give it whole, with its sources): enough to say what is wrong.
  static let correctionWords = 24
  /// The width of the date column, in points.
  static let dateWidth = 84.0

  /// The width of the evidence column for a table `width` wide: about a quarter, between 120
  /// and 190 points; the readings share the rest.
  static func evidenceWidth(_ width: Double) -> Double { min(190, max(120, width * 0.27)) }

  /// The matrix as a drawn table: a heading row, then one row per piece of evidence in date
  /// order, each cell with its mark and word (✓ consistent, ✗ inconsistent, ~ neutral, – not
  /// used) and the start of the map's reason. Diagnostic rows have heavy borders; marks, not
  /// colour, tell the cells apart, so a photocopy keeps them. The whole reasons are the hover
  /// texts; the Markdown and HTML reports carry them in full.
  ///
  /// - Parameters:
  ///   - map: The map the matrix was made on (for names and dates).
  ///   - width: The table's width in points: the page's usable width, so text keeps its size.
  ///   - only: The evidence to draw, for one page of a split matrix; `nil` draws every row.
  /// - Returns: A pre-placed scene, for `MapRenderer.render(_:format:)`.
  public func scene(for map: ArgumentMap, width: Double = 780, only: Set<NodeID>? = nil)
    -> Scene
  {
    let index = map.nodeIndex()
    func lookup(_ id: NodeID) -> Node? { index[id].map { map.nodes[$0] } }
    let names = interpretations.map { id in lookup(id)?.shortName ?? id.rawValue }
    let evidenceWidth = Self.evidenceWidth(width)
    let readingWidth = max(
      (width - Self.dateWidth - evidenceWidth) / Double(max(interpretations.count, 1)), 110)
    let widths = [Self.dateWidth, evidenceWidth] + names.map { _ in readingWidth }
    func wrapped(_ text: String, _ column: Int) -> [String] {
      let characters = Int((widths[column] - 12) / Self.pointsPerCharacter)
      return TextWrapping.wrap(text, width: characters)
    }

    var table: [(cells: [[String]], hover: [String], style: SceneNode.TableCellStyle)] = []
    table.append(
      (
        (["Date", "Evidence"] + names).enumerated().map { wrapped($1, $0) },
        ["", ""] + names, .heading
      ))
    for row in rows where only?.contains(row.evidence) ?? true {
      let node = lookup(row.evidence)
      // Named as the successes and failures table names it.
      var evidence = wrapped(SuccessFailureTable.name(node, row.evidence), 1)
      var marks: [String] = []
      if row.isDiagnostic { marks.append("\u{25C6} diagnostic") }
      if row.isReadTwoWays { marks.append("\u{21C4} read two ways") }
      if node?.isFlagged ?? false { marks.append("\u{2691} corrected") }
      if !marks.isEmpty { evidence += wrapped(marks.joined(separator: ", "), 1) }
      // The correct fact under the slip, in the cell: "⚑ corrected" alone told a class nothing.
      let flags = node?.flags ?? []
      for flag in flags {
        evidence += wrapped("In fact: " + ReportText.cut(flag.text, words: Self.correctionWords), 1)
      }
      var cells = [wrapped(node?.date?.inWords ?? "", 0), evidence]
      var hover = [
        node?.date?.displayText ?? "",
        ([node?.text ?? row.evidence.rawValue] + flags.map { "In fact: " + $0.text })
          .joined(separator: "\n"),
      ]
      for (column, cell) in row.cells.enumerated() {
        var lines = [Self.label(cell.judgement)]
        if let reason = cell.reasons.first {
          lines += wrapped(ReportText.cut(reason, words: 12), column + 2)
        }
        cells.append(lines)
        hover.append(cell.reasons.joined(separator: "; "))
      }
      table.append((cells, hover, row.isDiagnostic ? .emphasised : .plain))
    }

    let heights = table.map { row in
      Double(row.cells.map(\.count).max() ?? 1) * Self.lineHeight + Self.cellPadding
    }
    // Short lines, so the key is never wider than a narrow table.
    let legendLines = [
      "\u{2713} consistent   \u{2717} inconsistent   ~ neutral (both ways)",
      "\u{2013} not used   \u{21C4} read two ways   \u{2691} the map corrects it",
      "\u{25C6} diagnostic: consistent with one reading, inconsistent with another",
    ]
    var nodes: [SceneNode] = []
    var top = heights.reduce(0, +) + Self.lineHeight * Double(legendLines.count) + 24
    var outline: [String] = []
    for (rowNumber, row) in table.enumerated() {
      var left = 0.0
      for (column, lines) in row.cells.enumerated() {
        let size = SceneSize(width: widths[column], height: heights[rowNumber])
        nodes.append(
          SceneNode(
            id: SceneElementID("cell-\(rowNumber)-\(column)"), role: .tableCell(row.style),
            label: lines.joined(separator: "\n"), hoverText: row.hover[column],
            position: ScenePoint(x: left + size.width / 2, y: top - size.height / 2),
            fixedSize: size))
        left += widths[column]
      }
      outline.append(row.cells.map { $0.joined(separator: " ") }.joined(separator: " | "))
      top -= heights[rowNumber]
    }
    nodes.append(
      SceneNode(
        id: SceneElementID("legend"), role: .textBlock, label: legendLines.joined(separator: "\n"),
        position: ScenePoint(x: widths.reduce(0, +) / 2, y: top - 12 - Self.lineHeight)))
    let title =
      "Evidence matrix: " + names.map { "\u{201C}\($0)\u{201D}" }.joined(separator: " and ")
    return Scene(
      name: "matrix", title: title, outline: outline.joined(separator: "\n"),
      direction: .bottomToTop, nodes: nodes, placement: .fixed)
  }

  /// The matrix on pages of `page`: the table as wide as the page's usable width, its rows
  /// split where the next would run off the sheet, the heading row and the key on every page.
  public func pageScenes(for map: ArgumentMap, page: PageSize) -> [Scene] {
    let width = page.usableWidth - 8
    let whole = scene(for: map, width: width)
    // Room for the title above the table and the key under it.
    let budget = page.usableHeight - 60 - Self.lineHeight * 3 - 24
    var heights: [String: Double] = [:]
    for node in whole.nodes { heights[node.id.rawValue] = node.fixedSize?.height }
    let heading = heights["cell-0-0"] ?? 0
    var chunks: [[NodeID]] = []
    var current: [NodeID] = []
    var used = heading
    for (offset, row) in rows.enumerated() {
      let height = heights["cell-\(offset + 1)-0"] ?? 0
      if !current.isEmpty, used + height > budget {
        chunks.append(current)
        current = []
        used = heading
      }
      current.append(row.evidence)
      used += height
    }
    if !current.isEmpty || chunks.isEmpty { chunks.append(current) }
    guard chunks.count > 1 else { return [whole] }
    return chunks.enumerated().map { offset, chunk in
      var page = scene(for: map, width: width, only: Set(chunk))
      page.title += " (page \(offset + 1) of \(chunks.count))"
      return page
    }
  }
}
