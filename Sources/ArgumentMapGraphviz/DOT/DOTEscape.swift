/// Escaping of untrusted text for DOT: both layers, so that no text can leave its label.
///
/// DOT has two layers of escapes. The lexer treats `\"` as a quote inside a quoted string;
/// Graphviz then expands escString sequences in labels (`\N` the node name, `\n` a line break,
/// `\\` a backslash) and decodes HTML entities. Quote-only escaping lets `x\"` end a label early
/// and inject attributes (a `URL` with `javascript:`), and turns `\N` into internal names. These
/// functions escape both layers and drop the control characters that would make SVG invalid XML.
package enum DOTEscape {
  /// The escString form of `text`, so Graphviz draws it verbatim; `"\n"` becomes a centred line
  /// break.
  ///
  /// - Complexity: O(*n*) in the number of UTF-8 bytes.
  package static func escString(_ text: String) -> String {
    escStringBytes.apply(to: text)
  }

  /// A DOT quoted string holding `value` (which must already be escString-escaped or safe).
  ///
  /// Only `"` needs a backslash here; `escString` has already doubled every backslash, so no
  /// backslash can pair with the closing quote.
  package static func quote(_ value: String) -> String {
    "\"" + quoteBytes.apply(to: value) + "\""
  }

  /// Both layers: a quoted DOT string that Graphviz draws as exactly `text`.
  package static func label(_ text: String) -> String {
    quote(escString(text))
  }

  private static let escStringBytes = ByteEscapes(
    replacing: ["\\": "\\\\", "&": "&amp;", "\r": "", "\n": "\\n"],
    dropping: ByteEscapes.xmlForbiddenControls, dropsNonCharacters: true)

  private static let quoteBytes = ByteEscapes(
    replacing: ["\"": "\\\"", "\n": "\\n"], dropsNonCharacters: false)

  /// Whether XML 1.0 forbids the scalar (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF):
  /// the escapes drop it.
  package static func isXMLForbidden(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
      || scalar.value == 0xFFFE || scalar.value == 0xFFFF
  }
}
