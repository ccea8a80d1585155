/// The small part of YAML that Argdown documents use: front matter (block mappings, nested by
/// indentation, with folded plain scalars) and `{...}` data (flow mappings and lists).
///
/// Full YAML is far larger; what this reader cannot read is reported by the caller as a warning,
/// never guessed at.
enum ArgdownYAML {
  /// A YAML value: a scalar, a list or a mapping (members in written order).
  indirect enum Value: Equatable, Sendable {
    case scalar(String)
    case list([Value])
    case mapping([(String, Value)])

    static func == (lhs: Value, rhs: Value) -> Bool {
      switch (lhs, rhs) {
      case (.scalar(let a), .scalar(let b)): return a == b
      case (.list(let a), .list(let b)): return a == b
      case (.mapping(let a), .mapping(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
      case (.scalar, _), (.list, _), (.mapping, _): return false
      }
    }

    /// The value as one line of text: scalars as they are, lists and mappings in flow style.
    var flowText: String {
      switch self {
      case .scalar(let text): return text
      case .list(let items): return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
      case .mapping(let members):
        return "{" + members.map { "\($0.0): \($0.1.flowText)" }.joined(separator: ", ") + "}"
      }
    }

    /// Scalars as a one-element list, lists as their scalars; `nil` for anything nested.
    var scalarList: [String]? {
      switch self {
      case .scalar(let text): return [text]
      case .list(let items):
        var result: [String] = []
        for item in items {
          guard case .scalar(let text) = item else { return nil }
          result.append(text)
        }
        return result
      case .mapping: return nil
      }
    }
  }

  // MARK: Flow style

  /// Parses `{key: value, ...}`; `nil` when the text is not a flow mapping this reader can read.
  static func parseFlowMapping(_ text: String) -> [(String, Value)]? {
    var parser = FlowParser(scalars: Array(text.unicodeScalars))
    parser.skipBlanks()
    guard case .mapping(let members)? = parser.parseValue(depth: 0) else { return nil }
    parser.skipBlanks()
    return parser.isAtEnd ? members : nil
  }

  private struct FlowParser {
    var scalars: [Unicode.Scalar]
    var index = 0
    var isAtEnd: Bool { index >= scalars.count }

    mutating func skipBlanks() {
      while index < scalars.count,
        scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n"
      {
        index += 1
      }
    }

    mutating func parseValue(depth: Int) -> Value? {
      guard depth < 32 else { return nil }
      skipBlanks()
      guard index < scalars.count else { return .scalar("") }
      switch scalars[index] {
      case "{":
        index += 1
        var members: [(String, Value)] = []
        while true {
          skipBlanks()
          guard index < scalars.count else { return nil }
          if scalars[index] == "}" {
            index += 1
            return .mapping(members)
          }
          guard let key = parseScalar(stoppingAt: [":", ",", "}"]) else { return nil }
          skipBlanks()
          guard index < scalars.count, scalars[index] == ":" else { return nil }
          index += 1
          guard let value = parseValue(depth: depth + 1) else { return nil }
          members.append((key, value))
          skipBlanks()
          guard index < scalars.count else { return nil }
          if scalars[index] == "," {
            index += 1
          } else if scalars[index] != "}" {
            return nil
          }
        }
      case "[":
        index += 1
        var items: [Value] = []
        while true {
          skipBlanks()
          guard index < scalars.count else { return nil }
          if scalars[index] == "]" {
            index += 1
            return .list(items)
          }
          guard let item = parseValue(depth: depth + 1) else { return nil }
          items.append(item)
          skipBlanks()
          guard index < scalars.count else { return nil }
          if scalars[index] == "," {
            index += 1
          } else if scalars[index] != "]" {
            return nil
          }
        }
      default:
        return parseScalar(stoppingAt: [",", "}", "]"]).map(Value.scalar)
      }
    }

    /// A quoted or plain scalar; plain ones stop at any of `stops` and are trimmed.
    mutating func parseScalar(stoppingAt stops: Set<Unicode.Scalar>) -> String? {
      skipBlanks()
      guard index < scalars.count else { return nil }
      let quote = scalars[index]
      if quote == "\"" || quote == "'" {
        index += 1
        var text = ""
        while index < scalars.count {
          let scalar = scalars[index]
          if scalar == quote {
            if quote == "'", index + 1 < scalars.count, scalars[index + 1] == "'" {
              text.unicodeScalars.append("'")
              index += 2
              continue
            }
            index += 1
            return text
          }
          if quote == "\"", scalar == "\\", index + 1 < scalars.count {
            let next = scalars[index + 1]
            switch next {
            case "n": text += "\n"
            case "t": text += "\t"
            default: text.unicodeScalars.append(next)
            }
            index += 2
            continue
          }
          text.unicodeScalars.append(scalar)
          index += 1
        }
        return nil
      }
      var text = ""
      while index < scalars.count, !stops.contains(scalars[index]) {
        if scalars[index] == "{" || scalars[index] == "[" { return nil }
        text.unicodeScalars.append(scalars[index])
        index += 1
      }
      let trimmed = text.trimmingCharacters(in: " \t\n")
      return trimmed
    }
  }

  // MARK: Block style

  /// One problem in a front-matter block: the line (0-based within the block) and a message.
  struct BlockProblem: Sendable {
    var lineOffset: Int
    var message: String
  }

  /// Parses the lines of a front-matter block into flattened `key: value` entries; nested
  /// mappings become dotted keys (`model.mode: strict`) so nothing is lost.
  static func parseBlock(_ lines: [String]) -> (
    entries: [(String, String)], problems: [BlockProblem]
  ) {
    var entries: [(String, String)] = []
    var problems: [BlockProblem] = []
    // Stack of (indentation, key) for nested mappings.
    var stack: [(indent: Int, key: String)] = []
    var lastEntry: (index: Int, indent: Int)?
    for (offset, raw) in lines.enumerated() {
      let indent = raw.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
      let content = raw.trimmingCharacters(in: " \t")
      if content.isEmpty || content.hasPrefix("#") { continue }
      if content.hasPrefix("- ") || content == "-" {
        // A block list item: added to the enclosing key's value, comma-separated.
        let item = unquote(String(content.dropFirst(1)).trimmingCharacters(in: " \t"))
        let key = stack.map(\.key).joined(separator: ".")
        guard !key.isEmpty else {
          problems.append(
            BlockProblem(lineOffset: offset, message: "list item '\(content)' belongs to no key"))
          continue
        }
        if let existing = entries.lastIndex(where: { $0.0 == key }) {
          entries[existing].1 += ", " + item
        } else {
          entries.append((key, item))
        }
        continue
      }
      guard let colon = keyColon(in: content) else {
        if let lastEntry, indent > lastEntry.indent {
          // A folded continuation of a plain scalar.
          entries[lastEntry.index].1 += " " + content
          continue
        }
        problems.append(
          BlockProblem(lineOffset: offset, message: "expected 'key: value', found '\(content)'"))
        continue
      }
      while let top = stack.last, top.indent >= indent { stack.removeLast() }
      let key = unquote(String(content[..<colon]).trimmingCharacters(in: " \t"))
      let value = String(content[content.index(after: colon)...]).trimmingCharacters(in: " \t")
      if value.isEmpty {
        stack.append((indent, key))
        lastEntry = nil
        continue
      }
      let fullKey = (stack.map(\.key) + [key]).joined(separator: ".")
      entries.append((fullKey, unquote(value)))
      lastEntry = (entries.count - 1, indent)
    }
    return (entries, problems)
  }

  /// The colon that ends a key: the first `:` followed by a space or the end, after the key's
  /// quotes when it is quoted. As in YAML, only a quote that starts the key opens one; inside
  /// double quotes a backslash escapes the next character, inside single quotes `''` is a quote.
  private static func keyColon(in text: String) -> String.Index? {
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    if let open = scalars.first, open == "\"" || open == "'" {
      index = scalars.index(after: index)
      var isClosed = false
      while index < scalars.endIndex, !isClosed {
        let scalar = scalars[index]
        let next = scalars.index(after: index)
        if open == "\"", scalar == "\\", next < scalars.endIndex {
          index = scalars.index(after: next)
        } else if scalar == open, open == "'", next < scalars.endIndex, scalars[next] == "'" {
          index = scalars.index(after: next)
        } else {
          isClosed = scalar == open
          index = next
        }
      }
    }
    while index < scalars.endIndex {
      let next = scalars.index(after: index)
      if scalars[index] == ":",
        next == scalars.endIndex || scalars[next] == " " || scalars[next] == "\t"
      {
        return index
      }
      index = next
    }
    return nil
  }

  /// A scalar without surrounding quotes (escapes in double quotes resolved).
  ///
  /// Quotes are found scalar by scalar: a quote followed by a combining mark is one `Character`.
  static func unquote(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count >= 2, let first = scalars.first, first == "\"" || first == "'",
      scalars.last == first
    else { return text }
    if first == "\"", let members = parseFlowMapping("{k: \(text)}"),
      case .scalar(let value) = members.first?.1
    {
      return value
    }
    return String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
  }
}
