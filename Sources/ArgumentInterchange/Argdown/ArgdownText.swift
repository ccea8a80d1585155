/// Inline Argdown text: separates tags (`#tag`, `#(tag with spaces)`) and data (`{...}`) from
/// the words, resolves backslash escapes and folds line breaks and runs of blanks into one space.
///
/// Markdown emphasis, links and mentions (`@[Title]`) stay in the text as written: they are part
/// of what the author wrote, and an argument map has no rich text to put them in.
enum ArgdownText {
  /// A tag or data span found in the text, with its scalar range in the input.
  struct Span: Sendable {
    var text: String
    var start: Int
    var end: Int
  }

  /// The cleaned text, the tags and the raw data spans.
  static func clean(_ scalars: [Unicode.Scalar]) -> (text: String, tags: [Span], data: [Span]) {
    var output: [Unicode.Scalar] = []
    var tags: [Span] = []
    var data: [Span] = []
    var index = 0
    // Once a `{` or `#(` finds no closing partner, later ones are read as plain text: this keeps
    // the scan linear on malformed input such as thousands of unclosed braces.
    var canOpenData = true
    var canOpenTag = true
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\\", index + 1 < scalars.count {
        output.append(scalars[index + 1])
        index += 2
        continue
      }
      if scalar == "{", canOpenData {
        guard let end = matchingBrace(scalars, from: index) else {
          canOpenData = false
          continue
        }
        data.append(Span(text: string(scalars[index...end]), start: index, end: end + 1))
        output.append(" ")
        index = end + 1
        continue
      }
      if scalar == "#", index == 0 || scalars[index - 1].isBlank, index + 1 < scalars.count {
        if scalars[index + 1] == "(", canOpenTag {
          guard let close = scalars[(index + 2)...].firstIndex(of: ")") else {
            canOpenTag = false
            continue
          }
          tags.append(
            Span(text: string(scalars[(index + 2)..<close]), start: index, end: close + 1))
          output.append(" ")
          index = close + 1
          continue
        }
        let length = scalars[(index + 1)...].prefix(while: isTagScalar).count
        if length > 0 {
          tags.append(
            Span(
              text: string(scalars[(index + 1)..<(index + 1 + length)]), start: index,
              end: index + 1 + length))
          output.append(" ")
          index += 1 + length
          continue
        }
      }
      output.append(scalar)
      index += 1
    }
    return (folded(output), tags, data)
  }

  /// A tag as an argument map can hold it: runs of blanks and commas become one `-`.
  static func tagName(_ tag: String) -> String {
    tag.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).joined(separator: "-")
  }

  /// Whether a scalar may appear in a `#tag` written without parentheses.
  static func isTagScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "_" || scalar.isLetterOrDigit
  }

  /// The index of the `}` that closes the `{` at `start`, skipping quoted strings and nesting.
  private static func matchingBrace(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    var depth = 0
    var quote: Unicode.Scalar?
    var index = start
    while index < scalars.count {
      let scalar = scalars[index]
      if let open = quote {
        if scalar == "\\" {
          index += 2
          continue
        }
        if scalar == open { quote = nil }
      } else if scalar == "\"" || scalar == "'" {
        // An apostrophe inside a word is not a quote.
        if scalar == "\"" || index == 0 || !scalars[index - 1].properties.isAlphabetic {
          quote = scalar
        }
      } else if scalar == "{" {
        depth += 1
      } else if scalar == "}" {
        depth -= 1
        if depth == 0 { return index }
      }
      index += 1
    }
    return nil
  }

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(scalars.count)
    for scalar in scalars { UTF8.encode(scalar) { utf8.append($0) } }
    return String(decoding: utf8, as: UTF8.self)
  }

  /// Blanks and line breaks folded into single spaces, trimmed at both ends.
  static func folded(_ scalars: [Unicode.Scalar]) -> String {
    // Built as UTF-8 bytes and made a string once: appending scalars to a string one by one
    // costs several times more.
    var utf8: [UInt8] = []
    utf8.reserveCapacity(scalars.count)
    var pendingSpace = false
    for scalar in scalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        pendingSpace = !utf8.isEmpty
        continue
      }
      if pendingSpace {
        utf8.append(UInt8(ascii: " "))
        pendingSpace = false
      }
      UTF8.encode(scalar) { utf8.append($0) }
    }
    return String(decoding: utf8, as: UTF8.self)
  }
}
