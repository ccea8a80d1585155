import ArgumentMap

/// A small JSON reader that keeps source locations (Foundation's reader drops them).
///
/// It reads RFC 8259 JSON from UTF-8 bytes, stops at the first syntax error with a located
/// diagnostic, and refuses nesting deeper than `maxDepth` so hostile input cannot exhaust the
/// stack.
struct JSONReader {
  /// The deepest nesting of arrays and objects accepted.
  static let maxDepth = 256

  private let bytes: [UInt8]
  private var position = 0

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Parses a whole document, or returns the first syntax error.
  static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
    var reader = JSONReader(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3 }
    do {
      reader.skipWhitespace()
      let value = try reader.readValue(depth: 0)
      reader.skipWhitespace()
      if reader.position < bytes.count {
        throw reader.error("expected the end of the document after the top-level value")
      }
      return .success(value)
    } catch let error as JSONSyntaxError {
      return .failure(error)
    } catch {
      return .failure(reader.error("unreadable JSON"))
    }
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(
      message: message, location: ByteLocationIndex(bytes).location(ofOffset: position))
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0D, 0x0A:
        position += 1
      default:
        return
      }
    }
  }

  private mutating func readValue(depth: Int) throws -> JSONValue {
    guard depth < Self.maxDepth else {
      throw error("JSON nested deeper than \(Self.maxDepth) levels")
    }
    guard position < bytes.count else { throw error("expected a value, found the end of the file") }
    let start = position
    switch bytes[position] {
    case UInt8(ascii: "{"):
      position += 1
      var members: [JSONValue.Member] = []
      skipWhitespace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return JSONValue(content: .object(members), offset: start)
      }
      while true {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
          throw error("expected a member name in double quotes")
        }
        let key = try readString()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
          throw error("expected ':' after the member name '\(key)'")
        }
        position += 1
        skipWhitespace()
        let value = try readValue(depth: depth + 1)
        members.append(JSONValue.Member(key: key, value: value))
        skipWhitespace()
        guard position < bytes.count else {
          throw error("expected ',' or '}', found the end of the file")
        }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
          continue
        }
        if bytes[position] == UInt8(ascii: "}") {
          position += 1
          return JSONValue(content: .object(members), offset: start)
        }
        throw error("expected ',' or '}' in an object")
      }
    case UInt8(ascii: "["):
      position += 1
      var elements: [JSONValue] = []
      skipWhitespace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        return JSONValue(content: .array(elements), offset: start)
      }
      while true {
        skipWhitespace()
        elements.append(try readValue(depth: depth + 1))
        skipWhitespace()
        guard position < bytes.count else {
          throw error("expected ',' or ']', found the end of the file")
        }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
          continue
        }
        if bytes[position] == UInt8(ascii: "]") {
          position += 1
          return JSONValue(content: .array(elements), offset: start)
        }
        throw error("expected ',' or ']' in an array")
      }
    case UInt8(ascii: "\""):
      return JSONValue(content: .string(try readString()), offset: start)
    case UInt8(ascii: "t"):
      try expectWord("true")
      return JSONValue(content: .bool(true), offset: start)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return JSONValue(content: .bool(false), offset: start)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return JSONValue(content: .null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try readNumber(start: start)
    default:
      throw error("expected a value (object, array, string, number, true, false or null)")
    }
  }

  private mutating func expectWord(_ word: String) throws {
    let expected = Array(word.utf8)
    guard bytes.count - position >= expected.count,
      Array(bytes[position..<position + expected.count]) == expected
    else { throw error("expected '\(word)'") }
    position += expected.count
  }

  private mutating func readNumber(start: Int) throws -> JSONValue {
    let first = position
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    func digits() -> Int {
      let before = position
      while position < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
      {
        position += 1
      }
      return position - before
    }
    guard digits() > 0 else { throw error("expected digits in a number") }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw error("expected digits after the decimal point") }
    }
    if position < bytes.count,
      bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")
    {
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard digits() > 0 else { throw error("expected digits in the exponent") }
    }
    let text = String(decoding: bytes[first..<position], as: UTF8.self)
    return JSONValue(content: .number(Double(text) ?? 0, text: text), offset: start)
  }

  private mutating func readString() throws -> String {
    position += 1  // opening quote
    var utf8: [UInt8] = []
    while true {
      guard position < bytes.count else { throw error("unterminated string") }
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        var text = ""
        var decoder = UTF8()
        var iterator = utf8.makeIterator()
        loop: while true {
          switch decoder.decode(&iterator) {
          case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
          case .emptyInput: break loop
          case .error: throw error("invalid UTF-8 in a string")
          }
        }
        return text
      case UInt8(ascii: "\\"):
        position += 1
        guard position < bytes.count else { throw error("unterminated escape in a string") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""): utf8.append(0x22)
        case UInt8(ascii: "\\"): utf8.append(0x5C)
        case UInt8(ascii: "/"): utf8.append(0x2F)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var code = try readHex4()
          if (0xD800...0xDBFF).contains(code) {
            guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"),
              bytes[position + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in a string escape") }
            position += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw error("unpaired surrogate in a string escape")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else {
            throw error("invalid code point in a string escape")
          }
          utf8.append(contentsOf: Array(String(scalar).utf8))
        default:
          throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
        }
      default:
        if byte < 0x20 {
          throw error("control character in a string (escape it)")
        }
        utf8.append(byte)
        position += 1
      }
    }
  }

  private mutating func readHex4() throws -> UInt32 {
    guard bytes.count - position >= 4 else { throw error("expected four hex digits after '\\u'") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("expected four hex digits after '\\u'")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }
}
