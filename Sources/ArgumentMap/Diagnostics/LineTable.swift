/// Lines and columns of UTF-8 text: the one place ArgMap turns byte offsets into positions.
///
/// Every reader (`.argmap`, JSON, AIF, Argdown, Kialo, lesson notes) reports positions through
/// this table, so the same bytes give the same `line:column` whatever the format. The rule is the
/// `.argmap` parser's:
///
/// - A line ends at `\n`; a `\r` just before it belongs to the line break (CRLF).
/// - A lone `\r` does not end a line: it is a character of the line and takes a column. Formats
///   whose grammar ends lines there too (CommonMark, Argdown, Kialo) ask for that with
///   `loneCarriageReturns`, so their positions follow the lines their reader saw.
/// - Columns count Unicode scalars from 1: `é` (precomposed) is one column, `🇩🇪` two.
/// - A byte order mark at the start takes no column.
package struct LineTable: Sendable {
  /// How often the running count of scalars is recorded, so that a column on a very long line
  /// (AIF files are often one line of megabytes) costs at most this many bytes of counting.
  private static let stride = 4096

  /// The text.
  package let bytes: [UInt8]
  /// The offset of each line's first byte; the first line starts at 0.
  package private(set) var starts: [Int] = [0]
  /// Where the first line's text starts: after a byte order mark, if there is one.
  private let textStart: Int
  /// The number of scalars (bytes that start one) before each multiple of `stride`.
  private var scalarsBefore: [Int] = []

  /// - Parameters:
  ///   - bytes: The text.
  ///   - loneCarriageReturns: Whether a `\r` not followed by `\n` also ends a line, for formats
  ///     whose grammar says so (cmark-gfm's line numbers count it); `.argmap` text, JSON and
  ///     AIF end lines at `\n` only.
  /// - Complexity: O(*n*) in the number of bytes.
  package init(_ bytes: [UInt8], loneCarriageReturns: Bool = false) {
    self.bytes = bytes
    textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    scalarsBefore.reserveCapacity(bytes.count / Self.stride + 1)
    var scalars = 0
    for (index, byte) in bytes.enumerated() {
      if index % Self.stride == 0 { scalarsBefore.append(scalars) }
      if byte & 0xC0 != 0x80 { scalars += 1 }
      let isBreak =
        byte == UInt8(ascii: "\n")
        || (loneCarriageReturns && byte == UInt8(ascii: "\r")
          && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
      if isBreak { starts.append(index + 1) }
    }
  }

  /// The number of bytes of the text.
  package var count: Int { bytes.count }

  /// The number of lines (a final line break starts an empty last line).
  package var lineCount: Int { starts.count }

  /// The bytes of a 1-based line without its `\n` or lone `\r` (a `\r` before `\n` is kept).
  package func bounds(ofLine line: Int) -> Range<Int>? {
    guard line >= 1, line <= starts.count else { return nil }
    let start = starts[line - 1]
    let end = line < starts.count ? starts[line] - 1 : count
    return start..<max(start, end)
  }

  /// The text of a 1-based line: without a byte order mark, its line break or the `\r` of a CRLF.
  package func textBounds(ofLine line: Int) -> Range<Int>? {
    guard var bounds = bounds(ofLine: line) else { return nil }
    if line == 1 { bounds = min(textStart, bounds.upperBound)..<bounds.upperBound }
    let isCRLF =
      line < starts.count && bounds.upperBound < count && bytes[bounds.upperBound] == 0x0A
      && bounds.upperBound > bounds.lowerBound && bytes[bounds.upperBound - 1] == 0x0D
    return isCRLF ? bounds.lowerBound..<(bounds.upperBound - 1) : bounds
  }

  /// The scalars of a 1-based line's text (see `textBounds(ofLine:)`); empty for no such line.
  package func scalars(ofLine line: Int) -> [Unicode.Scalar] {
    guard let bounds = textBounds(ofLine: line) else { return [] }
    return Array(String(decoding: bytes[bounds], as: UTF8.self).unicodeScalars)
  }

  /// The end of a line including its line break.
  package func endIncludingBreak(ofLine line: Int) -> Int {
    line < starts.count ? starts[line] : count
  }

  /// The 1-based line holding a byte offset.
  ///
  /// - Complexity: O(log *lines*).
  package func line(ofOffset offset: Int) -> Int {
    Self.lineIndex(ofOffset: offset, in: starts) + 1
  }

  /// The 0-based index of the line holding a byte offset, given where each line starts (the
  /// first at 0, in ascending order).
  ///
  /// `SourceMap` shares it: the `.argmap` parser records its line starts while it splits lines,
  /// so building a table would cost a second pass over every file parsed.
  ///
  /// - Complexity: O(log *lines*).
  package static func lineIndex<Starts: RandomAccessCollection>(
    ofOffset offset: Int, in starts: Starts
  ) -> Int where Starts.Element: BinaryInteger, Starts.Index == Int {
    var low = starts.startIndex
    var high = starts.endIndex - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if Int(starts[middle]) <= offset { low = middle } else { high = middle - 1 }
    }
    return low - starts.startIndex
  }

  /// The offset where a 1-based line starts.
  package func start(ofLine line: Int) -> Int { starts[max(0, min(line - 1, starts.count - 1))] }

  /// The line and column of a byte offset (clamped to the text).
  ///
  /// - Complexity: O(log *lines*) plus at most `stride` bytes counted.
  package func location(ofOffset offset: Int) -> SourceLocation {
    let clamped = min(max(0, offset), count)
    let line = line(ofOffset: clamped)
    let lineStart = line == 1 ? min(textStart, clamped) : starts[line - 1]
    let column = 1 + scalars(before: clamped) - scalars(before: lineStart)
    return SourceLocation(line: line, column: column, offset: clamped)
  }

  /// The lines and columns of a run of bytes.
  package func range(_ offsets: Range<Int>) -> SourceRange {
    SourceRange(
      start: location(ofOffset: offsets.lowerBound), end: location(ofOffset: offsets.upperBound))
  }

  /// The range of the one byte at `offset`, for a problem found at a single byte.
  package func range(at offset: Int) -> SourceRange {
    let start = min(max(0, offset), count)
    return range(start..<min(start + 1, count))
  }

  /// The location of the scalar at a 0-based index on a 1-based line; past the text for a line
  /// that does not exist. An index past the line's end keeps its column but stops at the end.
  package func location(line: Int, scalarIndex: Int) -> SourceLocation {
    guard let bounds = textBounds(ofLine: line) else { return end }
    var offset = bounds.lowerBound
    var seen = 0
    while offset < bounds.upperBound {
      if bytes[offset] & 0xC0 != 0x80 {
        if seen == scalarIndex { break }
        seen += 1
      }
      offset += 1
    }
    return SourceLocation(line: line, column: scalarIndex + 1, offset: offset)
  }

  /// A run of scalars on a 1-based line, from the 0-based index `start` up to `end` (exclusive).
  package func range(line: Int, start: Int, end: Int) -> SourceRange {
    SourceRange(
      start: location(line: line, scalarIndex: start),
      end: location(line: line, scalarIndex: max(start, end)))
  }

  /// The whole text of a 1-based line (see `textBounds(ofLine:)`).
  package func range(ofLine line: Int) -> SourceRange {
    guard let bounds = textBounds(ofLine: line) else { return SourceRange(at: end) }
    return range(bounds)
  }

  /// The location just past the end of the text.
  package var end: SourceLocation { location(ofOffset: count) }

  /// The number of scalars that start before `offset`.
  private func scalars(before offset: Int) -> Int {
    guard !scalarsBefore.isEmpty else { return 0 }
    let slot = min(offset / Self.stride, scalarsBefore.count - 1)
    var result = scalarsBefore[slot]
    var index = slot * Self.stride
    while index < offset {
      if bytes[index] & 0xC0 != 0x80 { result += 1 }
      index += 1
    }
    return result
  }
}
