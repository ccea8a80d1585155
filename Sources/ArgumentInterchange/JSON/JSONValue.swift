import ArgumentMap

/// A parsed JSON value that remembers where it was written, so AIF problems can be reported at a
/// line and column as well as by JSON path.
///
/// Objects keep their members in written order (and keep duplicates), which keeps imports
/// deterministic without ever iterating a dictionary.
struct JSONValue: Sendable {
  /// The shape of the value.
  enum Content: Sendable {
    case object([Member])
    case array([JSONValue])
    case string(String)
    case number(Double, text: String)
    case bool(Bool)
    case null
  }

  /// One `"key": value` pair of an object.
  struct Member: Sendable {
    var key: String
    var value: JSONValue
  }

  var content: Content
  /// The UTF-8 offset where the value starts (see `LineTable`).
  var offset: Int

  /// The first member named `key`, if this is an object that has one.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = content else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The elements, if this is an array.
  var arrayValue: [JSONValue]? {
    if case .array(let elements) = content { return elements }
    return nil
  }

  /// The members, if this is an object.
  var objectMembers: [Member]? {
    if case .object(let members) = content { return members }
    return nil
  }

  /// The text, if this is a string.
  var stringValue: String? {
    if case .string(let text) = content { return text }
    return nil
  }

  /// A string, or an integer written as a number (AIF ids come both ways), as text.
  var idText: String? {
    switch content {
    case .string(let text): return text
    case .number(_, let text): return text
    case .object, .array, .bool, .null: return nil
    }
  }

  /// A readable name of the value's type, for messages.
  var typeName: String {
    switch content {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .bool: "a Boolean"
    case .null: "null"
    }
  }
}
