/// The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
/// invisible, they make a text display in another order than it is written ("signed in ‮9391"
/// shows "1939"). `check` warns of them, and drawings leave them out.
package enum BidiControl {
  /// Whether the UTF-8 sequence `E2 second third` is one of them.
  package static func isControl(_ second: UInt8, _ third: UInt8) -> Bool {
    (second == 0x80 && (0xAA...0xAE).contains(third))
      || (second == 0x81 && (0xA6...0xA9).contains(third))
  }

  /// Whether `text` holds one of them.
  package static func occurs(in text: String) -> Bool {
    var utf8 = text.utf8.makeIterator()
    while let byte = utf8.next() {
      // In UTF-8, 0xE2 leads a three-byte sequence.
      guard byte == 0xE2, let second = utf8.next(), let third = utf8.next() else { continue }
      if isControl(second, third) { return true }
    }
    return false
  }
}
