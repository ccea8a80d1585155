import ArgumentAnalysis

/// Text printed after a picture as sheets of boxes the sheet's width, one box per entry under
/// its section's heading: the map in words, a worksheet's word bank and answers. Drawn as
/// pre-placed boxes, as the evidence matrix is, at its 11–12 pt, so a long list runs over more
/// sheets instead of shrinking its text below what a class can read.
enum BoxSheets {
  /// Points per character when wrapping, the height of a line and a box's padding: the
  /// evidence matrix's measures.
  static let pointsPerCharacter = EvidenceMatrix.pointsPerCharacter
  static let lineHeight = EvidenceMatrix.lineHeight
  static let cellPadding = EvidenceMatrix.cellPadding

  /// A heading and its entries; each entry is its lines, wrapped to the sheet's width here.
  struct Section {
    var heading: String
    var entries: [[String]]
  }

  /// The width of a box on `page`.
  static func width(on page: PageSize) -> Double { page.usableWidth - 8 }

  /// The characters of a line in a box on `page`.
  static func characters(on page: PageSize) -> Int {
    max(20, Int((width(on: page) - 12) / pointsPerCharacter))
  }

  /// The height left for the boxes under a page titled `title`, wrapped as the drawing wraps it
  /// (18 pt), with the "(page N of M)" it gets: a long title must not push text under 9 pt.
  /// A picture may take `heightShare` of the page (lesson notes leave room for text).
  static func budget(title: String, page: PageSize, heightShare: Double) -> Double {
    let lines = TextWrapping.wrap(title + " (page 99 of 99)", width: DOTWriter.titleWidth)
    return page.usableHeight * heightShare - Double(lines.count) * 24 - 30
  }

  /// The height of a box of `lines` lines.
  static func height(lines: Int) -> Double {
    Double(lines) * lineHeight + cellPadding
  }

  /// The sheets of `sections`, each titled `title`. An entry stays whole on a sheet; one too tall
  /// for a sheet is cut into boxes that fit. A section that goes on over a sheet repeats its
  /// heading there, marked "(continued)". Each sheet's outline is the text of its entries.
  static func scenes(
    name: String, title: String, sections: [Section], page: PageSize, heightShare: Double
  ) -> [Scene] {
    let width = width(on: page)
    let characters = characters(on: page)
    let budget = budget(title: title, page: page, heightShare: heightShare)
    let headingHeight = height(lines: 1)
    let linesPerBox = max(1, Int((budget - headingHeight - cellPadding) / lineHeight))

    var scenes: [Scene] = []
    var rows: [Row] = []
    var outline: [String] = []
    var used = 0.0
    func flush() {
      guard !outline.isEmpty else { return }
      scenes.append(
        scene(
          name: name, title: title, rows: rows, width: width,
          outline: outline.joined(separator: "\n")))
      rows = []
      outline = []
      used = 0
    }
    for section in sections {
      let boxes = section.entries.flatMap { entry in
        let lines = entry.flatMap { TextWrapping.wrap($0, width: characters) }
        return stride(from: 0, to: lines.count, by: linesPerBox).map {
          Array(lines[$0..<min($0 + linesPerBox, lines.count)])
        }
      }
      // A heading starts a new sheet unless its first two boxes fit under it.
      let opening = headingHeight + boxes.prefix(2).reduce(0) { $0 + height(lines: $1.count) }
      if !outline.isEmpty, used + opening > budget { flush() }
      var started = false
      var headed = false
      for box in boxes where !box.isEmpty {
        let boxHeight = height(lines: box.count)
        let needed = boxHeight + (headed ? 0 : headingHeight)
        if !outline.isEmpty, used + needed > budget {
          flush()
          headed = false
        }
        if !headed {
          let heading = started ? section.heading + " (continued)" : section.heading
          rows.append(Row(label: heading, height: headingHeight, style: .heading))
          used += headingHeight
          headed = true
          started = true
        }
        let label = box.joined(separator: "\n")
        rows.append(Row(label: label, height: boxHeight, style: .plain))
        outline.append(label)
        used += boxHeight
      }
    }
    flush()
    return scenes
  }

  /// One box: its text, height and style.
  struct Row {
    var label: String
    var height: Double
    var style: SceneNode.TableCellStyle
  }

  /// Rows of boxes the sheet's width, top to bottom.
  static func scene(name: String, title: String, rows: [Row], width: Double, outline: String)
    -> Scene
  {
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
