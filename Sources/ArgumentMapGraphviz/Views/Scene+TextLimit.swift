extension Scene {
  /// The longest text drawn in a diagram, in characters: a statement's label, a link's reasoning,
  /// the title, each line of the outline.
  ///
  /// A teacher's longest sensible label is a few hundred characters; a text of megabytes draws as
  /// a box no page holds, and Graphviz spent a minute reading a 10 MB label. A longer text is cut
  /// at a word boundary with an ellipsis, and the map keeps it whole: the node's hover `<title>`
  /// in the SVG still holds it in full.
  public static let maximumDrawnTextLength = 1_000

  /// Room for what a statement's box adds to its text: the role and date line, the marks.
  public static let statementMarksLength = 80

  /// The longest block of a key of reasons under a picture: a column of many short entries.
  public static let maximumKeyBlockLength = 3_000

  /// Cuts every text this scene draws that is longer than `maximumDrawnTextLength`: node and
  /// edge labels, group headings, the title, and each line of the outline (which is written into
  /// the SVG's `<desc>`). Hover texts stay whole.
  ///
  /// - Returns: One warning for each label, heading or title cut (not for outline lines, which
  ///   repeat the same texts), in scene order.
  package mutating func cutLongTexts() -> [String] {
    var warnings: [String] = []
    if let cut = Self.cut(title) {
      warnings.append(Self.warning("the title", title))
      title = cut
    }
    for index in nodes.indices {
      // A key block holds many short lines, each already cut (`keyEntryCharacters`); a
      // statement's box adds its role, date and marks to its text.
      let limit: Int
      switch nodes[index].role {
      case .textBlock: limit = Self.maximumKeyBlockLength
      case .statement: limit = Self.maximumDrawnTextLength + Self.statementMarksLength
      default: limit = Self.maximumDrawnTextLength
      }
      guard let cut = Self.cut(nodes[index].label, limit: limit) else { continue }
      warnings.append(Self.warning("the label of a statement", nodes[index].label))
      nodes[index].label = cut
    }
    for index in edges.indices {
      guard let label = edges[index].label, let cut = Self.cut(label) else { continue }
      warnings.append(Self.warning("the label of a link", label))
      edges[index].label = cut
    }
    for index in groups.indices { groups[index].cutLongHeadings(&warnings) }
    if outline.utf8.count > Self.maximumDrawnTextLength {
      outline = outline.split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in Self.cut(String(line)) ?? String(line) }
        .joined(separator: "\n")
    }
    return warnings
  }

  /// The start of `text` that a label can show: twice the limit, then an ellipsis, so that a
  /// 10 MB text is not wrapped into lines only to be cut; `cutLongTexts()` cuts the label.
  static func drawnPart(of text: String) -> String {
    let length = 2 * maximumDrawnTextLength
    guard text.utf8.count > length,
      let end = text.index(text.startIndex, offsetBy: length, limitedBy: text.endIndex),
      end < text.endIndex
    else { return text }
    return text[..<end] + "\u{2026}"
  }

  /// `text` cut to at most `limit` characters and an ellipsis, at the last space in its second
  /// half if there is one; `nil` when it is short enough.
  static func cut(_ text: String, limit: Int = maximumDrawnTextLength) -> String? {
    // A character is at least one byte: most texts are decided without counting characters.
    guard text.utf8.count > limit,
      let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
      end < text.endIndex
    else { return nil }
    var head = text[..<end]
    let middle = text.index(text.startIndex, offsetBy: limit / 2)
    if let space = head[middle...].lastIndex(where: { $0 == " " || $0.isNewline }) {
      head = head[..<space]
    }
    while let last = head.last, last == " " || last.isNewline { head.removeLast() }
    return head + "\u{2026}"
  }

  /// "the label of a statement, 'Lorem ipsum...', is longer than 1000 characters; ...".
  private static func warning(_ what: String, _ text: String) -> String {
    let start = text.unicodeScalars.prefix(40).map { $0.value < 0x20 ? " " : Character($0) }
    return what + ", '" + String(start) + "...', is longer than \(maximumDrawnTextLength) "
      + "characters; drawn cut short (the map and the hover text keep it whole)"
  }
}

extension SceneGroup {
  /// Cuts a box heading longer than the limit, and those of the subgroups.
  fileprivate mutating func cutLongHeadings(_ warnings: inout [String]) {
    if case .box(let heading) = arrangement, let cut = Scene.cut(heading) {
      warnings.append(
        "the heading of a box is longer than \(Scene.maximumDrawnTextLength) characters; "
          + "drawn cut short")
      arrangement = .box(heading: cut)
    }
    for index in subgroups.indices { subgroups[index].cutLongHeadings(&warnings) }
  }
}
