import ArgumentMap

/// Turns UTF-8 byte offsets into line and column (Unicode scalars from 1) quickly, however many
/// diagnostics a document has and however long its lines are (AIF files are often one line).
///
/// One pass records the position every 4 KiB; a look-up scans from the nearest record, so each
/// costs at most 4 KiB of work instead of a scan from the start of the file.
struct ByteLocationIndex: Sendable {
  private static let stride = 4096
  private let bytes: [UInt8]
  private let start: Int
  /// `(line, column)` before the byte at `start + k * stride`.
  private var checkpoints: [(line: Int, column: Int)] = []

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    self.start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var column = 1
    var index = start
    while index < bytes.count {
      if (index - start) % Self.stride == 0 { checkpoints.append((line, column)) }
      Self.advance(bytes[index], line: &line, column: &column)
      index += 1
    }
  }

  private static func advance(_ byte: UInt8, line: inout Int, column: inout Int) {
    if byte == 0x0A {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  /// The location of the byte at `offset` (clamped to the document).
  func location(ofOffset offset: Int) -> SourceLocation {
    let target = min(max(offset, start), bytes.count)
    let slot = min((target - start) / Self.stride, checkpoints.count - 1)
    guard slot >= 0 else { return SourceLocation(line: 1, column: 1, offset: target) }
    var (line, column) = checkpoints[slot]
    var index = start + slot * Self.stride
    while index < target {
      Self.advance(bytes[index], line: &line, column: &column)
      index += 1
    }
    return SourceLocation(line: line, column: column, offset: target)
  }
}
