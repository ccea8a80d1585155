import Yams

/// YAML in Argdown documents, read by Yams (libyaml): the `===` front matter and the `{...}`
/// data of statements, arguments and headings.
///
/// `.argmap` front matter is one `key: value` per line, so a nested front matter is flattened to
/// dotted keys (`model.mode: strict`). A text is kept as it is (`subtitle: Part 1: Causes`) unless
/// YAML would read it back as something else: `"true"`, `"1"` and texts over several lines are
/// double-quoted. Numbers, booleans and collections are kept as one line of YAML in flow style
/// (`selection.excludeDisconnected: true`, `group.regroup: [{title: Main, tags: [a, b]}]`), which
/// the exporter writes back as it is, so types and structure survive a round trip.
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

    /// The value as one line of text for messages: scalars as they are, collections in flow
    /// style.
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

  /// The most nodes one document may expand to. Aliases can make a few lines stand for
  /// billions of nodes ("billion laughs"); such a document is refused, not expanded.
  static let nodeLimit = 10_000

  /// A position inside the YAML text: 0-based line and column (in Unicode scalars).
  struct Position: Equatable, Sendable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
      self.line = line
      self.column = column
    }

    /// libyaml's mark (1-based) as a 0-based position.
    init(_ mark: Mark?) {
      line = max(0, (mark?.line ?? 1) - 1)
      column = max(0, (mark?.column ?? 1) - 1)
    }
  }

  /// A problem in a YAML text, with where it is.
  struct Problem: Error, Equatable, Sendable {
    var message: String
    var position: Position
  }

  // MARK: Data

  /// Parses `{key: value, ...}` data; `nil` when the text is not a YAML flow mapping with text
  /// keys.
  static func parseFlowMapping(_ text: String) -> [(String, Value)]? {
    guard text.unicodeScalars.first == "{",
      YAMLAliasBudget.overrun(in: text, limit: nodeLimit) == nil,
      case .mapping(let mapping)? = try? compose(yaml: text, dataResolver, .default, .utf8)
    else { return nil }
    var budget = nodeLimit
    var members: [(String, Value)] = []
    for (key, value) in mapping {
      guard case .scalar(let key) = key, let value = self.value(value, budget: &budget) else {
        return nil
      }
      members.append((key.string, value))
    }
    return members
  }

  /// Parses a `[value, ...]` flow list, as `parseFlowMapping` does a mapping; `nil` when the
  /// text is not one.
  static func parseFlowList(_ text: String) -> [Value]? {
    guard text.unicodeScalars.first == "[",
      YAMLAliasBudget.overrun(in: text, limit: nodeLimit) == nil,
      let node = try? compose(yaml: text, dataResolver, .default, .utf8),
      case .sequence = node
    else { return nil }
    var budget = nodeLimit
    guard case .list(let items)? = value(node, budget: &budget) else { return nil }
    return items
  }

  /// Data keeps every scalar as text but YAML's null, so only null is resolved: each rule is a
  /// regular expression tried on every scalar, and the default's seven made data the slowest
  /// part of an import.
  private static let dataResolver = Resolver.basic.appending(Resolver.Rule.null)

  /// A node as a `Value`; YAML's null is the empty text. `nil` past the node budget.
  private static func value(_ node: Node, budget: inout Int) -> Value? {
    budget -= 1
    guard budget >= 0 else { return nil }
    switch node {
    case .scalar(let scalar):
      return .scalar(isNull(node) ? "" : scalar.string)
    case .sequence(let sequence):
      var items: [Value] = []
      for item in sequence {
        guard let value = value(item, budget: &budget) else { return nil }
        items.append(value)
      }
      return .list(items)
    case .mapping(let mapping):
      var members: [(String, Value)] = []
      for (key, member) in mapping {
        guard case .scalar(let key) = key, let value = value(member, budget: &budget) else {
          return nil
        }
        members.append((key.string, value))
      }
      return .mapping(members)
    case .alias:
      return nil
    }
  }

  /// Whether a node is YAML's null (`~`, `null`, or nothing after a key).
  /// Whether a scalar is a text: anything but a plain null, boolean, number or date. A quoted
  /// scalar, or one with a tag of its own (`!name`), is text whatever it says.
  private static func isText(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return true }
    let typed = [Tag.Name.null, .bool, .int, .float, .timestamp].map(\.rawValue)
    return !typed.contains(node.tag.description)
  }

  private static func isNull(_ node: Node) -> Bool {
    node.tag.description == Tag.Name.null.rawValue
  }

  // MARK: Front matter

  /// One front-matter entry: a dotted key, the value's text (a scalar's own text; a
  /// collection's flow YAML) and its flow YAML, and where the entry starts.
  struct Entry: Equatable, Sendable {
    var key: String
    var text: String
    var yaml: String
    var position: Position
  }

  /// Reads a front matter's YAML (the lines between the `===`) into flattened entries.
  ///
  /// A mapping is flattened while its keys can be `.argmap` keys (text without `:` or
  /// surrounding spaces); a mapping with any other key is kept whole as one flow value. What
  /// cannot be kept at all (a top-level key that cannot be written, a document that is not a
  /// mapping) is a problem, and so is malformed YAML, which leaves out the whole front matter.
  static func parseFrontMatter(_ text: String) -> (entries: [Entry], problems: [Problem]) {
    if let position = YAMLAliasBudget.overrun(in: text, limit: nodeLimit) {
      return (
        [],
        [
          Problem(
            message: "its aliases expand it to more than \(nodeLimit) nodes",
            position: position)
        ]
      )
    }
    let root: Node?
    do {
      root = try compose(yaml: text)
    } catch {
      return ([], [problem(from: error)])
    }
    guard let root else { return ([], []) }
    if case .scalar(let scalar) = root, isNull(root), scalar.string.isEmpty {
      return ([], [])
    }
    guard case .mapping(let mapping) = root else {
      return ([], [Problem(message: "expected 'key: value' lines", position: Position(root.mark))])
    }
    var entries: [Entry] = []
    var problems: [Problem] = []
    var budget = nodeLimit
    for (key, value) in mapping {
      guard case .scalar(let keyScalar) = key, isWritableKey(keyScalar.string) else {
        problems.append(
          Problem(
            message: "the key \(flowText(of: key, budget: &budget) ?? "?") cannot be an .argmap "
              + "key (text without ':' or surrounding spaces)",
            position: Position(key.mark)))
        continue
      }
      flatten(
        value, key: keyScalar.string, position: Position(key.mark), into: &entries,
        problems: &problems, budget: &budget)
    }
    return (entries, problems)
  }

  /// Adds `node` under `key`: a mapping whose keys can all be written goes one level down,
  /// anything else is one entry.
  ///
  /// A null key (`~`, `null`, or nothing before the `:`) is not written as part of a dotted
  /// key: nothing before a `:` would be written back as `null`, a key of another text, so the
  /// mapping is kept whole as flow YAML, which writes every null the same way.
  private static func flatten(
    _ node: Node, key: String, position: Position, into entries: inout [Entry],
    problems: inout [Problem], budget: inout Int
  ) {
    if case .mapping(let mapping) = node, mapping.count > 0,
      mapping.keys.allSatisfy({ key in
        if case .scalar(let scalar) = key { return isWritableKey(scalar.string) && !isNull(key) }
        return false
      })
    {
      for (member, value) in mapping {
        flatten(
          value, key: key + "." + (member.string ?? ""), position: Position(member.mark),
          into: &entries, problems: &problems, budget: &budget)
      }
      return
    }
    guard let yaml = flowText(of: node, budget: &budget) else {
      problems.append(
        Problem(
          message: "the value of '\(key)' expands to more than \(nodeLimit) nodes",
          position: position))
      return
    }
    var text = yaml
    var stored = yaml
    if case .scalar(let scalar) = node {
      text = isNull(node) ? "" : scalar.string
      if isText(node) { stored = storedText(text) }
    }
    entries.append(Entry(key: key, text: text, yaml: stored, position: position))
  }

  /// A key `.argmap` front matter can hold as one part of a dotted key. Scalars are looked
  /// at, not characters: a `:` followed by a combining mark is one character that is not ":",
  /// but the `.argmap` reader still ends the key at its `:`.
  private static func isWritableKey(_ key: String) -> Bool {
    let scalars = key.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return false }
    return !scalars.contains { $0 == ":" || $0 == "\n" || $0 == "\r" }
      && !first.properties.isWhitespace && !last.properties.isWhitespace
  }

  private static func problem(from error: any Error) -> Problem {
    switch error as? YamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
      return Problem(message: message.joined(separator: ", "), position: Position(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Problem(
        message: "the key '\(duplicates.joined(separator: "', '"))' is given twice",
        position: Position(context.mark))
    default:
      return Problem(message: "cannot read the YAML", position: Position(line: 0, column: 0))
    }
  }

  // MARK: Writing

  /// A text as an `.argmap` front matter value: as it is when `frontMatterValue` writes it back
  /// as the same text (`strict`, `Part 1: Causes`), else double-quoted (`"true"`, `"1"`, a text
  /// over several lines or with spaces at its ends), so it is not read back as something else.
  static func storedText(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last,
      !first.properties.isWhitespace, !last.properties.isWhitespace,
      !scalars.contains(where: { $0 == "\n" || $0 == "\r" }),
      frontMatterValue(text) == quoted(text) || scalarText(text) == text
    else { return quoted(text) }
    return text
  }

  /// `value` as YAML for a front matter: as it is when it is already the flow YAML the reader
  /// would store for it (so `true`, `3` and `[a, b]` keep their types), else double-quoted.
  static func frontMatterValue(_ value: String) -> String {
    var budget = nodeLimit
    if YAMLAliasBudget.overrun(in: value, limit: nodeLimit) == nil,
      let node = try? compose(yaml: value), flowText(of: node, budget: &budget) == value
    {
      return value
    }
    return quoted(value)
  }

  /// A node as one line of flow YAML, written the same way whatever its source style: `nil`
  /// past the node budget.
  static func flowText(of node: Node, budget: inout Int) -> String? {
    budget -= 1
    guard budget >= 0 else { return nil }
    switch node {
    case .scalar(let scalar):
      if isText(node) { return scalarText(scalar.string) }
      // A number, `true`, `null` (or a date) read from plain text: its text reads back the same.
      return scalar.string.isEmpty ? "null" : scalar.string
    case .sequence(let sequence):
      var items: [String] = []
      for item in sequence {
        guard let text = flowText(of: item, budget: &budget) else { return nil }
        items.append(text)
      }
      return "[" + items.joined(separator: ", ") + "]"
    case .mapping(let mapping):
      var members: [String] = []
      for (key, value) in mapping {
        guard let key = flowText(of: key, budget: &budget),
          let value = flowText(of: value, budget: &budget)
        else { return nil }
        members.append(key + ": " + value)
      }
      return "{" + members.joined(separator: ", ") + "}"
    case .alias:
      return nil
    }
  }

  /// A text scalar: plain when that is safe anywhere in flow style and reads back as text, else
  /// double-quoted.
  static func scalarText(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      first != " ", last != " ", !(first == "-" || first == "." || first == "+"),
      text.unicodeScalars.allSatisfy(isPlainScalar), !text.contains("//"), !text.contains("/*"),
      Resolver.default.resolveTag(of: Node(text)) == .str
    else { return quoted(text) }
    return text
  }

  /// Letters, digits, marks, spaces and `-_.+()/`: nothing YAML gives a meaning to (Argdown's
  /// comments, `//` and `/*`, are ruled out by the caller).
  private static func isPlainScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", " ", "-", "_", ".", "+", "(", ")", "/": return true
    default:
      guard scalar.value > 0x7F else { return false }
      let properties = scalar.properties
      return properties.isAlphabetic || properties.numericType != nil
        || properties.generalCategory == .nonspacingMark
    }
  }

  /// A YAML double-quoted scalar. Argdown looks for comments before it reads YAML, so a `/`
  /// that would start one (`//`, `/*`) is written as YAML's `\/`. What YAML cannot hold raw
  /// (control characters, C1 ones such as U+009B included, and the line separators) is written
  /// as `\uXXXX`: a raw U+009B made the whole data block unreadable, and a note was lost.
  static func quoted(_ text: String) -> String {
    var result = "\""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case "/"
      where index + 1 < scalars.count && (scalars[index + 1] == "/" || scalars[index + 1] == "*"):
        result += "\\/"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
          || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}"
          || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        {
          result +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
