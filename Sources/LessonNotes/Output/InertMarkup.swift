import ArgumentMapGraphviz

/// HTML and SVG made inert for Markdown tools that read Markdown inside HTML blocks.
///
/// CommonMark, GitHub and Python-Markdown keep an HTML block raw until a blank line (or its end
/// tag), but Pandoc's Markdown (`markdown_in_html_blocks`) parses the text between the tags as
/// Markdown: a statement `[x](javascript:...)` drawn in an inline SVG became a live link, and
/// `![x](https://...)` a remote image. Here every ASCII punctuation character in text content is
/// written as a numeric character reference (`[` as `&#91;`), so no tool finds Markdown syntax
/// there, while a browser or XML parser reads the same characters. Tags, attribute values
/// (which every tool copies as part of the tag) and existing references are kept; a space or tab
/// that starts a line of text is a reference too, so no line is indented into a code block.
enum InertMarkup {
  /// `markup` (well-formed: `<` only starts tags, `&` only starts references) with its text
  /// content made inert.
  ///
  /// - Complexity: O(*n*) in the bytes of `markup`.
  static func text(_ markup: String) -> String {
    let bytes = Array(markup.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    var index = 0
    var isInTag = false
    var isLineStart = false
    while index < bytes.count {
      let byte = bytes[index]
      if isInTag {
        out.append(byte)
        if byte == UInt8(ascii: ">") { isInTag = false }
        index += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "<"):
        isInTag = true
        out.append(byte)
      case UInt8(ascii: "&"):
        let end = referenceEnd(bytes, from: index)
        if let end {
          out += bytes[index...end]
          index = end
        } else {
          out += reference(byte)
        }
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        // Every space of a line's indentation, so that it stays a run of references.
        out += isLineStart ? reference(byte) : [byte]
        index += 1
        continue
      case UInt8(ascii: "\r"):
        out += reference(byte)
      case UInt8(ascii: "\n"):
        out.append(byte)
        isLineStart = true
        index += 1
        continue
      default:
        out += isPunctuation(byte) ? reference(byte) : [byte]
      }
      isLineStart = false
      index += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` as an attribute value: XML-escaped, then every ASCII punctuation character as a
  /// reference, so the value reads the same whichever tool copies it.
  static func attribute(_ text: String) -> String {
    var out = ""
    for scalar in SVGPostProcessor.escapeXML(text).unicodeScalars {
      if scalar.isASCII, isPunctuation(UInt8(scalar.value)), scalar != "&", scalar != ";",
        scalar != "#"
      {
        out += "&#\(scalar.value);"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether `byte` is ASCII punctuation (every character that can start or end Markdown syntax
  /// in some flavour: links, images, emphasis, code, autolinks, math, footnotes, attributes).
  static func isPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }

  /// `&#N;` for an ASCII byte.
  static func reference(_ byte: UInt8) -> [UInt8] {
    Array("&#\(byte);".utf8)
  }

  /// The index of the `;` that ends the character reference starting at `start` (`&name;`,
  /// `&#digits;`, `&#xhex;`), or `nil` when `&` starts none.
  static func referenceEnd(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start + 1
    var isNumeric = false
    var isHex = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
      isNumeric = true
      index += 1
      if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
        isHex = true
        index += 1
      }
    }
    let first = index
    while index < bytes.count, index - first < 32 {
      let byte = bytes[index]
      let isDigit = (0x30...0x39).contains(byte)
      let isLetter = (0x61...0x7A).contains(byte | 0x20)
      let fits =
        isNumeric
        ? (isDigit || (isHex && (0x61...0x66).contains(byte | 0x20))) : (isDigit || isLetter)
      guard fits else { break }
      index += 1
    }
    guard index > first, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
    return index
  }
}
