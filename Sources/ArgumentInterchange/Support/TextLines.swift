import ArgumentMap

/// A source text split into lines, with enough bookkeeping to turn a (line, column) into a
/// `SourceLocation` whose column counts Unicode scalars and whose offset counts UTF-8 bytes.
///
/// Line breaks may be LF, CRLF or a lone CR; a leading byte order mark is skipped. Splitting on
/// scalars rather than `Character`s keeps `"\r\n"` from hiding a line break.
struct TextLines: Sendable {
  /// One line without its line break.
  struct Line: Sendable {
    /// The line number, from 1.
    var number: Int
    /// The scalars of the line.
    var scalars: [Unicode.Scalar]
    /// The UTF-8 offset of the line's first scalar in the whole text.
    var offset: Int
  }

  var lines: [Line]
  /// The location just past the last scalar of the text.
  var end: SourceLocation

  init(_ text: String) {
    var lines: [Line] = []
    var current: [Unicode.Scalar] = []
    var lineStart = 0
    var offset = 0
    var number = 1
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" {
      scalars.removeFirst()
      offset = 3
      lineStart = 3
    }
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" {
        lines.append(Line(number: number, scalars: current, offset: lineStart))
        current = []
        number += 1
        offset += 1
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
          index += 1
          offset += 1
        }
        lineStart = offset
      } else {
        current.append(scalar)
        offset += scalar.utf8.count
      }
      index += 1
    }
    lines.append(Line(number: number, scalars: current, offset: lineStart))
    self.lines = lines
    let last = lines[lines.count - 1]
    self.end = SourceLocation(
      line: last.number, column: last.scalars.count + 1, offset: offset)
  }

  /// The location of the scalar at `column` (0-based index) on the line with index `lineIndex`.
  func location(lineIndex: Int, column: Int) -> SourceLocation {
    guard lines.indices.contains(lineIndex) else { return end }
    let line = lines[lineIndex]
    var offset = line.offset
    for scalar in line.scalars.prefix(column) {
      offset += scalar.utf8.count
    }
    return SourceLocation(line: line.number, column: column + 1, offset: offset)
  }

  /// A range on one line, from `start` to `end` (0-based scalar indices, end exclusive).
  func range(lineIndex: Int, start: Int, end: Int) -> SourceRange {
    SourceRange(
      start: location(lineIndex: lineIndex, column: start),
      end: location(lineIndex: lineIndex, column: max(start, end)))
  }

  /// The whole of one line.
  func range(lineIndex: Int) -> SourceRange {
    let count = lines.indices.contains(lineIndex) ? lines[lineIndex].scalars.count : 0
    return range(lineIndex: lineIndex, start: 0, end: count)
  }
}

extension Unicode.Scalar {
  /// Whether the scalar is a space or a tab (the only whitespace inside a line).
  var isBlank: Bool { self == " " || self == "\t" }
}
