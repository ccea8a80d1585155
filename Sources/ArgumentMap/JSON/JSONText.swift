/// Small pieces of JSON text, written by hand so that key order and number format are stable.
public enum JSONText {
  /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, and,
  /// unless `safeInHTML` is false, the characters that could end a `<script>` block when JSON is
  /// embedded in HTML (`<`, `>`, `&`, U+2028, U+2029).
  public static func quote(_ text: String, safeInHTML: Bool = true) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<" where safeInHTML: out += "\\u003c"
      case ">" where safeInHTML: out += "\\u003e"
      case "&" where safeInHTML: out += "\\u0026"
      case "\u{2028}" where safeInHTML: out += "\\u2028"
      case "\u{2029}" where safeInHTML: out += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// An array of strings on one line.
  public static func array(_ texts: [String]) -> String {
    "[" + texts.map { quote($0) }.joined(separator: ", ") + "]"
  }

  /// A number as written by hand (`1`, `0.75`); non-finite values become `null`.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    return ArgumentMapPrinter.format(value)
  }
}
