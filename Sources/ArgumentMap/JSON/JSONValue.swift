/// A JSON value, read or built: the one JSON tree of the project, for the core's map reader, the
/// interchange formats and the Pandoc filter.
///
/// Objects keep their members in written order, duplicates included, so that output keeps the
/// order it was given and nothing ever iterates a dictionary; numbers keep their text as written,
/// so ids written as numbers keep every digit and a Pandoc AST passes through a filter unchanged.
/// A value read by `PositionedJSONReader` knows the UTF-8 offset where it starts (and each member
/// where its key starts), so problems can point at it; a value built in code has offset 0.
package struct JSONValue: Sendable, Equatable {
  /// The shape of the value.
  package enum Content: Sendable, Equatable {
    case object([Member])
    case array([JSONValue])
    case string(String)
    /// A number, with its text as written (or as `JSONText.number` writes it, when built).
    case number(Double, text: String)
    case bool(Bool)
    case null
  }

  /// One `"key": value` pair of an object.
  package struct Member: Sendable, Equatable {
    package var key: String
    package var value: JSONValue
    /// The UTF-8 offset of the key's opening quote; 0 when built in code.
    package var keyOffset: Int

    package init(key: String, value: JSONValue, keyOffset: Int = 0) {
      self.key = key
      self.value = value
      self.keyOffset = keyOffset
    }

    /// Members are equal when their keys and values are; positions do not count.
    package static func == (lhs: Member, rhs: Member) -> Bool {
      lhs.key == rhs.key && lhs.value == rhs.value
    }
  }

  package var content: Content
  /// The UTF-8 offset where the value starts (see `LineTable`); 0 when built in code.
  package var offset: Int

  package init(_ content: Content, offset: Int = 0) {
    self.content = content
    self.offset = offset
  }

  /// Values are equal when they hold the same JSON; where they were read does not count.
  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.content == rhs.content
  }

  // MARK: Building

  /// An object with `members` in the order given.
  package static func object(_ members: [(String, JSONValue)]) -> JSONValue {
    JSONValue(.object(members.map { Member(key: $0.0, value: $0.1) }))
  }

  package static func array(_ elements: [JSONValue]) -> JSONValue {
    JSONValue(.array(elements))
  }

  package static func string(_ text: String) -> JSONValue {
    JSONValue(.string(text))
  }

  /// A number written as `JSONText.number` writes it (`1`, `0.75`).
  package static func number(_ value: Double) -> JSONValue {
    JSONValue(.number(value, text: JSONText.number(value)))
  }

  package static func bool(_ value: Bool) -> JSONValue {
    JSONValue(.bool(value))
  }

  package static let null = JSONValue(.null)

  // MARK: Reading

  /// The first member named `key`, if this is an object that has one.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = content else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The members, if this is an object.
  package var objectMembers: [Member]? {
    if case .object(let members) = content { return members }
    return nil
  }

  /// The elements, if this is an array.
  package var arrayValue: [JSONValue]? {
    if case .array(let elements) = content { return elements }
    return nil
  }

  /// The text, if this is a string.
  package var stringValue: String? {
    if case .string(let text) = content { return text }
    return nil
  }

  /// A string, or a number as written, as text: other tools write ids both ways.
  package var idText: String? {
    switch content {
    case .string(let text): text
    case .number(_, let text): text
    case .object, .array, .bool, .null: nil
    }
  }

  /// A short name of the value's type for messages ("an object", "a string").
  package var typeName: String {
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
