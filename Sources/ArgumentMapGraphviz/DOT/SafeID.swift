/// Turns any text into an identifier that DOT and SVG take literally.
///
/// Keeps ASCII letters, digits and `-`; writes every other UTF-8 byte (`_` included) as `_XX` in
/// upper-case hex. The mapping is one-to-one, so two different node ids never share an element
/// id, and the result needs no quoting in DOT and no escaping in SVG.
package enum SafeID {
  /// The encoded form of `text`; `_` alone for empty text, so the result is never empty.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `text`.
  package static func encode(_ text: String) -> String {
    guard !text.isEmpty else { return "_" }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
        out.append(byte)
      default:
        out.append(UInt8(ascii: "_"))
        out.append(hexDigit(byte >> 4))
        out.append(hexDigit(byte & 0x0F))
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
  }
}
