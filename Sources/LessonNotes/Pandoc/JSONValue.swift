import ArgumentMap

/// A JSON value that keeps object key order and numbers as written, so a Pandoc AST passes
/// through the filter unchanged except where a block is replaced.
enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  /// The number's text as written.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized == rhs.serialized }
  func hash(into hasher: inout Hasher) { hasher.combine(serialized) }

  /// The value of `key` in an object.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The value as compact JSON.
  var serialized: String {
    var out = ""
    write(to: &out)
    return out
  }

  func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): Self.quote(text, into: &out)
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        item.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        Self.quote(member.key, into: &out)
        out += ":"
        member.value.write(to: &out)
      }
      out += "}"
    }
  }

  static func quote(_ text: String, into out: inout String) {
    out += JSONText.quote(text, safeInHTML: false)
  }
}

/// Reads a Pandoc AST with the core's JSON reader (strict RFC 8259, nesting bounded), keeping
/// key order and numbers as written.
enum JSONParser {
  struct Failure: Error, Sendable {
    var offset: Int
    var message: String
  }

  static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    do throws(PositionedJSONReader.Failure) {
      return try bytes.withUnsafeBufferPointer { buffer throws(PositionedJSONReader.Failure) in
        JSONValue(try PositionedJSONReader.read(buffer))
      }
    } catch {
      throw Failure(offset: error.offset, message: error.message)
    }
  }
}

extension JSONValue {
  /// The same value as the core reader's tree, without positions.
  init(_ value: PositionedJSON) {
    switch value {
    case .object(let members, _):
      self = .object(members.map { (key: $0.key, value: JSONValue($0.value)) })
    case .array(let elements, _): self = .array(elements.map(JSONValue.init))
    case .string(let text, _): self = .string(text)
    case .number(_, let text, _): self = .number(text)
    case .bool(let flag, _): self = .bool(flag)
    case .null: self = .null
    }
  }
}
