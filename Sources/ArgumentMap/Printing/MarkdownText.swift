/// Map text made safe to put into Markdown, for every module that writes Markdown (reports,
/// lesson notes): one escaper, so a statement reads as written wherever it lands.
package enum MarkdownText {
  /// What to escape; the contexts differ on purpose, so they are options of one escaper.
  package struct Escapes: OptionSet, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// Every character that could start markup (a link, an image, raw HTML, an autolink, an
    /// entity, emphasis, code, strikethrough, a heading) is backslash-escaped, so a statement
    /// never becomes a link, an image or HTML wherever the Markdown is rendered.
    package static let markup = Escapes(rawValue: 1 << 0)
    /// `|` is escaped, so the text cannot end a table cell.
    package static let pipes = Escapes(rawValue: 1 << 1)
    /// Line breaks (LF, CRLF, CR) become spaces, for a table cell, alt text or a caption that
    /// must stay on one line.
    package static let lineBreaks = Escapes(rawValue: 1 << 2)

    /// Text for a paragraph of its own.
    package static let paragraph: Escapes = [.markup, .pipes]
    /// Text for a table cell.
    package static let tableCell: Escapes = [.markup, .pipes, .lineBreaks]
    /// Text inside `![...]` or an emphasised caption.
    package static let inline: Escapes = [.markup, .lineBreaks]
  }

  /// The characters that can start markup.
  private static let markupCharacters: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "!", "#",
  ]

  /// `text` with what `escapes` asks for escaped.
  ///
  /// - Complexity: O(*n*) in the length of the text.
  package static func escaped(_ text: String, _ escapes: Escapes) -> String {
    var out = ""
    for character in text {
      if escapes.contains(.markup), markupCharacters.contains(character) {
        out += "\\" + String(character)
      } else if escapes.contains(.pipes), character == "|" {
        out += "\\|"
      } else if escapes.contains(.lineBreaks),
        character == "\n" || character == "\r\n" || character == "\r"
      {
        out += " "
      } else {
        out.append(character)
      }
    }
    return out
  }
}
