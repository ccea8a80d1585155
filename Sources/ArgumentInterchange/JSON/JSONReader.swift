import ArgumentMap

/// Reads JSON with the core's located reader and presents it as this module's `JSONValue`.
///
/// One reader for the whole project: RFC 8259, positions kept, nesting deeper than
/// `maxDepth` refused so that hostile input cannot exhaust the stack.
enum JSONReader {
  /// The deepest nesting of arrays and objects accepted.
  static let maxDepth = PositionedJSONReader.maximumDepth

  /// Parses a whole document, or returns the first syntax error.
  static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
    bytes.withUnsafeBufferPointer { buffer in
      do throws(PositionedJSONReader.Failure) {
        return .success(JSONValue(try PositionedJSONReader.read(buffer)))
      } catch {
        let location = LineTable(bytes).location(ofOffset: error.offset)
        return .failure(JSONSyntaxError(message: error.message, location: location))
      }
    }
  }
}

extension JSONValue {
  /// The same value and offsets as the core reader's tree.
  init(_ value: PositionedJSON) {
    switch value {
    case .object(let members, let offset):
      self.init(
        content: .object(members.map { Member(key: $0.key, value: JSONValue($0.value)) }),
        offset: offset)
    case .array(let elements, let offset):
      self.init(content: .array(elements.map(JSONValue.init)), offset: offset)
    case .string(let text, let offset): self.init(content: .string(text), offset: offset)
    case .number(let number, let text, let offset):
      self.init(content: .number(number, text: text), offset: offset)
    case .bool(let flag, let offset): self.init(content: .bool(flag), offset: offset)
    case .null(let offset): self.init(content: .null, offset: offset)
    }
  }
}
