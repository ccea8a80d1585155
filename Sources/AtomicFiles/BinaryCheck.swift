/// Tells a binary block from UTF-8 text: the first NUL byte or byte that is not well-formed
/// UTF-8, and where it is.
///
/// The messages are those of the `.argmap` parser's `nul-byte` and `invalid-utf8` diagnostics,
/// and positions are counted the same way (lines end at `\n`, columns count Unicode scalars from
/// 1, a byte order mark takes none), so a refused file reads as if `argmap check` had found it.
enum BinaryCheck {
  /// Where a block stops being text.
  struct Problem: Equatable {
    /// The 1-based line.
    var line: Int
    /// The 1-based column, in Unicode scalars.
    var column: Int
    /// What is wrong, as the parser says it.
    var reason: String
  }

  /// The first problem in `block`, or `nil` for text.
  ///
  /// - Parameters:
  ///   - block: The first bytes of an input.
  ///   - isWhole: Whether `block` is the whole input; if not, a character cut by its end is text.
  /// - Returns: The line, column and reason of the first NUL or non-UTF-8 byte.
  static func firstProblem(in block: some Collection<UInt8>, isWhole: Bool) -> Problem? {
    let bytes = Array(block)
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var column = 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0 {
          return Problem(
            line: line, column: column, reason: "file contains a NUL byte; is it a binary file?")
        }
        if byte == 0x0A {
          line += 1
          column = 1
        } else {
          column += 1
        }
        index += 1
        continue
      }
      let length = sequenceLength(bytes, at: index)
      if length == 0 {
        // A character whose end is beyond the block is checked by the reader of the whole.
        if !isWhole, bytes.count - index < 4, isCutPrefix(bytes, at: index) { return nil }
        return Problem(
          line: line, column: column, reason: "file is not valid UTF-8 text; save it as UTF-8")
      }
      column += 1
      index += length
    }
    return nil
  }

  /// The length of the well-formed UTF-8 sequence at `index`, or 0 if there is none.
  private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    guard let (length, lower, upper) = lead(bytes[index]), index + length <= bytes.count else {
      return 0
    }
    guard (lower...upper).contains(bytes[index + 1]) else { return 0 }
    for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return 0 }
    return length
  }

  /// Whether the bytes from `index` to the end could start a well-formed sequence.
  private static func isCutPrefix(_ bytes: [UInt8], at index: Int) -> Bool {
    guard let (length, lower, upper) = lead(bytes[index]), index + length > bytes.count else {
      return false
    }
    if index + 1 < bytes.count, !(lower...upper).contains(bytes[index + 1]) { return false }
    return bytes[min(index + 2, bytes.count)...].allSatisfy { $0 & 0xC0 == 0x80 }
  }

  /// For a lead byte: the sequence length and the range of its second byte (Unicode's table of
  /// well-formed UTF-8, which excludes overlong forms and surrogates).
  private static func lead(_ byte: UInt8) -> (length: Int, lower: UInt8, upper: UInt8)? {
    switch byte {
    case 0xC2...0xDF: (2, 0x80, 0xBF)
    case 0xE0: (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
    case 0xED: (3, 0x80, 0x9F)
    case 0xF0: (4, 0x90, 0xBF)
    case 0xF1...0xF3: (4, 0x80, 0xBF)
    case 0xF4: (4, 0x80, 0x8F)
    default: nil
    }
  }
}
