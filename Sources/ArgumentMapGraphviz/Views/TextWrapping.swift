/// Word wrapping for node labels, by user-perceived characters.
enum TextWrapping {
  /// `text` broken into lines of at most `width` characters at spaces; longer words stay whole.
  /// Existing line breaks (LF or CRLF) are kept, and a line that fits is kept exactly as written.
  static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(width, 8)
    var lines: [String] = []
    for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      guard paragraph.count > width else {
        lines.append(String(paragraph))
        continue
      }
      var line = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          lines.append(line)
          line = String(word)
        }
      }
      lines.append(line)
    }
    return lines
  }
}
