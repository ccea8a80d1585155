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
  /// - Complexity: O(*n*) in the number of Unicode scalars.
  package static func escString(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "&": out += "&amp;"
      case "\r": continue
      case "\n": out += "\\n"
      case _ where isXMLForbidden(scalar): continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A DOT quoted string holding `value` (which must already be escString-escaped or safe).
  ///
  /// Only `"` needs a backslash here; `escString` has already doubled every backslash, so no
  /// backslash can pair with the closing quote.
  package static func quote(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Both layers: a quoted DOT string that Graphviz draws as exactly `text`.
  package static func label(_ text: String) -> String {
    quote(escString(text))
  }

  /// Whether XML 1.0 forbids the scalar (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF).
  package static func isXMLForbidden(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
      || scalar.value == 0xFFFE || scalar.value == 0xFFFF
  }
}
