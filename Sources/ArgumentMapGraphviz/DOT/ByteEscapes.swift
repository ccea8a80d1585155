import ArgumentMap

/// A byte-by-byte rewrite of UTF-8 text: the one loop behind the DOT and XML escapes.
///
/// Every character these escapes touch is ASCII, and XML's forbidden U+FFFE and U+FFFF have fixed
/// UTF-8 forms, so the escapes work on bytes: a text that needs nothing back is returned as it
/// is, and the rest costs a table lookup per byte instead of building a string scalar by scalar.
struct ByteEscapes: Sendable {
  /// What each byte becomes: `nil` keeps it, an empty array drops it.
  private var replacements: [[UInt8]?]
  /// Whether U+FFFE and U+FFFF are dropped (XML forbids them), and with them the bidirectional
  /// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a drawing showed
  /// "1939" for a text written "‮9391", while its description and its source said "9391".
  private var dropsNonCharacters: Bool

  /// A rewrite that replaces the bytes in `replacing` and drops the bytes in `dropping`.
  init(replacing: [Unicode.Scalar: String], dropping: [UInt8] = [], dropsNonCharacters: Bool) {
    var replacements = [[UInt8]?](repeating: nil, count: 256)
    for byte in dropping { replacements[Int(byte)] = [] }
    for (scalar, replacement) in replacing {
      precondition(scalar.isASCII, "only ASCII is rewritten")
      replacements[Int(scalar.value)] = Array(replacement.utf8)
    }
    self.replacements = replacements
    self.dropsNonCharacters = dropsNonCharacters
  }

  /// The C0 control characters XML 1.0 forbids: all but tab, line feed and carriage return.
  static let xmlForbiddenControls: [UInt8] = (0..<0x20).filter {
    $0 != 0x09 && $0 != 0x0A && $0 != 0x0D
  }

  /// `text` rewritten.
  ///
  /// - Complexity: O(*n*) in the number of UTF-8 bytes.
  func apply(to text: String) -> String {
    guard text.utf8.contains(where: needsWork) else { return text }
    var text = text
    return text.withUTF8 { bytes in
      let first = bytes.firstIndex(where: needsWork) ?? bytes.count
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
      out.append(contentsOf: bytes[..<first])
      var index = first
      while index < bytes.count {
        let byte = bytes[index]
        if dropsNonCharacters && byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF
          && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
        {
          index += 3
          continue
        }
        if dropsNonCharacters && byte == 0xE2 && index + 2 < bytes.count
          && BidiControl.isControl(bytes[index + 1], bytes[index + 2])
        {
          index += 3
          continue
        }
        if let replacement = replacements[Int(byte)] {
          out.append(contentsOf: replacement)
        } else {
          out.append(byte)
        }
        index += 1
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  private func needsWork(_ byte: UInt8) -> Bool {
    replacements[Int(byte)] != nil || (dropsNonCharacters && (byte == 0xEF || byte == 0xE2))
  }

}
