import ArgumentMap
import CMarkGFM

/// A Markdown notes file parsed with cmark-gfm, the CommonMark parser GitHub uses.
///
/// Only the parser decides what is a fenced code block: backtick and tilde fences, at the top
/// level, in list items and in block quotes, as CommonMark defines them. The document itself is
/// never re-printed: outputs splice new bytes into the original at the blocks' byte ranges.
public struct MarkdownDocument: Sendable {
  /// The file's bytes.
  public let bytes: [UInt8]
  /// The `argmap` blocks, in document order.
  public let blocks: [FencedBlock]
  /// The text of the first level-one heading, if any (the page title of an HTML page).
  public let title: String?
  /// The `<!-- teacher -->` and `<!-- /teacher -->` comments, in document order.
  let teacherMarkers: [TeacherMarker]

  /// The info-string word that marks a block for ArgMap.
  public static let language = "argmap"

  /// Parses `bytes` (UTF-8 Markdown).
  ///
  /// - Complexity: O(*n*) in the size of the file.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
    // cmark-gfm's line numbers count a lone `\r` as a line break, as CommonMark does.
    let lines = LineTable(bytes, loneCarriageReturns: true)
    var blocks: [FencedBlock] = []
    var title: String?
    var markers: [TeacherMarker] = []
    _ = CMark.withDocument(bytes, options: CMARK_OPT_SOURCEPOS) { root in
      for node in CMark.nodes(under: root) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK:
          if let block = Self.block(node, index: blocks.count, bytes: bytes, lines: lines) {
            blocks.append(block)
          }
        case CMARK_NODE_HEADING:
          if title == nil, cmark_node_get_heading_level(node) == 1 {
            title = CMark.plainText(node)
          }
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
          if let marker = Self.teacherMarker(node, bytes: bytes, lines: lines) {
            markers.append(marker)
          }
        default:
          break
        }
      }
    }
    self.blocks = blocks
    self.title = title
    self.teacherMarkers = markers
  }

  /// The marker an HTML block or inline HTML node is, if it is one.
  ///
  /// A marker block is a whole line (cmark ends a comment block at the line holding `-->`); a
  /// block that starts with a marker and goes on, and inline HTML, are markers not alone.
  private static func teacherMarker(_ node: OpaquePointer, bytes: [UInt8], lines: LineTable)
    -> TeacherMarker?
  {
    let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
    let literal = Array((cmark_node_get_literal(node).map { String(cString: $0) } ?? "").utf8)
    let comment: ArraySlice<UInt8>
    if isBlock, let end = firstEndOfComment(literal) {
      comment = literal[..<end]
    } else {
      comment = literal[...]
    }
    guard let kind = TeacherMarker.kind(ofComment: comment) else { return nil }
    let rest = literal[comment.endIndex...]
    let isAlone =
      isBlock && rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    var startLine = Int(cmark_node_get_start_line(node))
    var endLine = Int(cmark_node_get_end_line(node))
    if !isBlock, let parent = cmark_node_parent(node) {
      // Inline nodes carry no position of their own in cmark-gfm; their paragraph does.
      startLine = Int(cmark_node_get_start_line(parent))
      endLine = Int(cmark_node_get_end_line(parent))
    }
    guard let first = lines.bounds(ofLine: startLine) else { return nil }
    // The comment in the file: the first '<!--' on its lines, found byte for byte.
    let searchEnd = lines.bounds(ofLine: max(startLine, endLine))?.upperBound ?? first.upperBound
    var start = first.lowerBound
    let opening = Array("<!--".utf8)
    while start + opening.count <= searchEnd,
      !bytes[start..<(start + opening.count)].elementsEqual(opening)
    {
      start += 1
    }
    if start + opening.count > searchEnd { start = first.lowerBound }
    var end = start
    let closing = Array("-->".utf8)
    while end + closing.count <= searchEnd,
      !bytes[end..<(end + closing.count)].elementsEqual(closing)
    {
      end += 1
    }
    end = min(searchEnd, end + closing.count)
    let parent = cmark_node_parent(isBlock ? node : cmark_node_parent(node) ?? node)
    let container =
      parent.map {
        "\(cmark_node_get_type($0).rawValue):\(cmark_node_get_start_line($0)):"
          + "\(cmark_node_get_start_column($0))"
      } ?? "document"
    return TeacherMarker(
      kind: kind, range: start..<end,
      lines: first.lowerBound..<lines.endIncludingBreak(ofLine: max(startLine, endLine)),
      isAlone: isAlone, container: container)
  }

  /// The end of the first `-->` in an HTML block's text.
  private static func firstEndOfComment(_ literal: [UInt8]) -> Int? {
    let closing = Array("-->".utf8)
    guard literal.count >= closing.count else { return nil }
    for index in 0...(literal.count - closing.count)
    where literal[index..<(index + closing.count)].elementsEqual(closing) {
      return index + closing.count
    }
    return nil
  }

  /// Whether an info string asks for ArgMap: its first word is `argmap`, or it is Pandoc's
  /// attribute form with the class `.argmap`.
  public static func isArgmapInfo(_ info: String) -> Bool {
    InfoString(info).isArgmap
  }

  private static func block(
    _ node: OpaquePointer, index: Int, bytes: [UInt8], lines: LineTable
  ) -> FencedBlock? {
    var length: Int32 = 0
    var offset: Int32 = 0
    var character: CChar = 0
    guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
    let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    let infoString = InfoString(info)
    guard infoString.isArgmap else { return nil }
    let startLine = Int(cmark_node_get_start_line(node))
    let startColumn = Int(cmark_node_get_start_column(node))
    let endLine = Int(cmark_node_get_end_line(node))
    guard let startBounds = lines.bounds(ofLine: startLine) else { return nil }
    let fenceByte = UInt8(bitPattern: character)
    // The fence starts at the block's column, after any indentation cmark counted in it.
    var fenceOffset = min(startBounds.upperBound, startBounds.lowerBound + max(0, startColumn - 1))
    while fenceOffset < startBounds.upperBound, bytes[fenceOffset] != fenceByte {
      fenceOffset += 1
    }
    let isClosed =
      endLine > startLine
      && lines.bounds(ofLine: endLine).map {
        closesFence(bytes[$0], character: fenceByte, length: Int(length))
      } == true
    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    let literalBytes = Array(literal.utf8)
    let literalTable = LineTable(literalBytes, loneCarriageReturns: true)
    var literalLines = (1...literalTable.lineCount).compactMap { line in
      literalTable.bounds(ofLine: line).map { literalBytes[$0] }
    }
    if let last = literalBytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
      literalLines.removeLast()
    }
    // cmark knows where the content ends (an unclosed fence ends with its container).
    let lastContentLine = min(isClosed ? endLine - 1 : endLine, startLine + literalLines.count)
    var content: [UInt8] = []
    var contentLines: [FencedBlock.ContentLine] = []
    // Options given as attributes in the info string come first, located at the attribute.
    var infoStart = fenceOffset + Int(length)
    while infoStart < startBounds.upperBound,
      bytes[infoStart] == 0x20 || bytes[infoStart] == 0x09 || bytes[infoStart] == fenceByte
    {
      infoStart += 1
    }
    for (line, offset) in infoString.optionLines() {
      contentLines.append(.init(contentOffset: content.count, fileOffset: infoStart + offset))
      content += Array(line.utf8)
    }
    var position = 0
    if lastContentLine > startLine {
      for line in (startLine + 1)...lastContentLine {
        guard let bounds = lines.bounds(ofLine: line) else { break }
        var text = bytes[bounds]
        if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        var prefix = 0
        if position < literalLines.count {
          var expected = literalLines[position]
          if expected.last == UInt8(ascii: "\r") { expected = expected.dropLast() }
          prefix = max(0, text.count - expected.count)
          if !bytes[(bounds.lowerBound + prefix)..<text.endIndex].elementsEqual(expected) {
            prefix = 0
          }
        }
        position += 1
        let start = bounds.lowerBound + prefix
        let end = lines.endIncludingBreak(ofLine: line)
        contentLines.append(.init(contentOffset: content.count, fileOffset: start))
        content += bytes[start..<end]
      }
    }
    var replacedEnd = fenceOffset
    if let endBounds = lines.bounds(ofLine: endLine) {
      replacedEnd = endBounds.upperBound
      if replacedEnd > endBounds.lowerBound, bytes[replacedEnd - 1] == UInt8(ascii: "\r") {
        replacedEnd -= 1
      }
    }
    return FencedBlock(
      index: index, replacedBytes: fenceOffset..<max(fenceOffset, replacedEnd),
      fenceOffset: fenceOffset, fenceCharacter: fenceByte, fenceLength: Int(length), info: info,
      content: content, lines: contentLines, isClosed: isClosed)
  }

  /// Whether a line is a closing fence: at least `length` fence characters, then only spaces.
  private static func closesFence(_ line: ArraySlice<UInt8>, character: UInt8, length: Int) -> Bool
  {
    var text = line
    while let last = text.last, last == 0x20 || last == 0x09 || last == 0x0D { text.removeLast() }
    var run = 0
    while let last = text.last, last == character {
      text.removeLast()
      run += 1
    }
    guard run >= length else { return false }
    // Before the run: only container prefix (spaces, block-quote markers, list indentation).
    return text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
  }
}
