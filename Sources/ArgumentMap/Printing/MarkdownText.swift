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
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if escapes.contains(.markup), character == "<" {
        // Not `\<`: Python-Markdown keeps that backslash and reads the `<` as raw HTML.
        out += "&lt;"
      } else if escapes.contains(.markup), markupCharacters.contains(character) {
        out += "\\" + String(character)
      } else if escapes.contains(.markup), isAutolinkStart(character, at: index, in: characters) {
        // A character reference, not a backslash: Python-Markdown shows `\:` as written.
        out += "&#\(character.unicodeScalars.first?.value ?? 0);"
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

  /// Whether `character` is the `:` of `scheme://`, the `.` of `www.` or the `@` of an e-mail
  /// address, which GitHub's and Pandoc's GFM turn into a link without any markup around them
  /// (extended autolinks). Written as a character reference, it reads the same and links nothing.
  package static func isAutolinkStart(
    _ character: Character, at index: Int, in characters: [Character]
  ) -> Bool {
    switch character {
    case "@":
      return index > 0 && !characters[index - 1].isWhitespace
    case ":":
      return index + 1 < characters.count && characters[index + 1] == "/"
    case ".":
      return index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www"
    default:
      return false
    }
  }
}
