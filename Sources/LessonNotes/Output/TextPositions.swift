import ArgumentMap

/// Lines and columns of byte offsets in a file, columns counting Unicode scalars from 1 as
/// ArgMap's diagnostics do.
struct TextPositions: Sendable {
  let bytes: [UInt8]
  let lines: LineTable

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    self.lines = LineTable(bytes)
  }

  func location(_ offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, bytes.count))
    let line = lines.line(ofOffset: clamped)
    var column = 1
    var index = lines.start(ofLine: line)
    while index < clamped {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(line: line, column: column, offset: clamped)
  }

  func range(_ offsets: Range<Int>) -> SourceRange {
    SourceRange(start: location(offsets.lowerBound), end: location(offsets.upperBound))
  }
}
