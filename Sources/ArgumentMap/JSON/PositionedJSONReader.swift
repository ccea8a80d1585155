/// A strict RFC 8259 JSON reader over UTF-8 bytes that keeps positions in the `JSONValue` it
/// returns.
///
/// Foundation's reader gives no positions for values, and ArgMap's diagnostics point at the value
/// that is wrong, so the core reads JSON itself. Nesting is limited (`maximumDepth`) so that
/// hostile input cannot overflow the stack.
package struct PositionedJSONReader {
  package struct Failure: Error {
    package var message: String
    package var offset: Int
  }

  package static let maximumDepth = 256

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Reads one JSON document.
  package static func read(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer throws(Failure) in try read(buffer) }
  }

  /// Reads one JSON document.
  package static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
    var reader = PositionedJSONReader(bytes: bytes)
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { reader.index = 3 }
    reader.skipWhitespace()
    let value = try reader.readValue()
    reader.skipWhitespace()
    guard reader.index == bytes.count else {
      throw Failure(message: "unexpected text after the JSON value", offset: reader.index)
    }
    return value
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func readValue() throws(Failure) -> JSONValue {
    guard index < bytes.count else {
      throw Failure(message: "unexpected end of JSON; expected a value", offset: index)
    }
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "{"): return try readObject()
    case UInt8(ascii: "["): return try readArray()
    case UInt8(ascii: "\""): return JSONValue(.string(try readString()), offset: start)
    case UInt8(ascii: "t"):
      try expectWord("true")
      return JSONValue(.bool(true), offset: start)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return JSONValue(.bool(false), offset: start)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return JSONValue(.null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let value = try readNumber()
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      return JSONValue(.number(value, text: text), offset: start)
    default:
      throw Failure(message: "unexpected character; expected a JSON value", offset: index)
    }
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    guard depth <= Self.maximumDepth else {
      throw Failure(message: "JSON nested deeper than \(Self.maximumDepth) levels", offset: index)
    }
  }

  private mutating func readObject() throws(Failure) -> JSONValue {
    let start = index
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [JSONValue.Member] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return JSONValue(.object(members), offset: start)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw Failure(message: "expected a key in double quotes", offset: index)
      }
      let keyOffset = index
      let key = try readString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw Failure(message: "expected ':' after the key", offset: index)
      }
      index += 1
      skipWhitespace()
      members.append(JSONValue.Member(key: key, value: try readValue(), keyOffset: keyOffset))
      skipWhitespace()
      guard index < bytes.count else {
        throw Failure(message: "unexpected end of JSON; expected ',' or '}'", offset: index)
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else {
        throw Failure(message: "expected ',' or '}'", offset: index)
      }
      index += 1
      return JSONValue(.object(members), offset: start)
    }
  }

  private mutating func readArray() throws(Failure) -> JSONValue {
    let start = index
    try enter()
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return JSONValue(.array(elements), offset: start)
    }
    while true {
      skipWhitespace()
      elements.append(try readValue())
      skipWhitespace()
      guard index < bytes.count else {
        throw Failure(message: "unexpected end of JSON; expected ',' or ']'", offset: index)
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else {
        throw Failure(message: "expected ',' or ']'", offset: index)
      }
      index += 1
      return JSONValue(.array(elements), offset: start)
    }
  }

  private mutating func expectWord(_ word: StaticString) throws(Failure) {
    let length = word.utf8CodeUnitCount
    guard index + length <= bytes.count else {
      throw Failure(message: "unexpected end of JSON", offset: index)
    }
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
    for offset in 0..<length where bytes[index + offset] != expected[offset] {
      throw Failure(message: "unexpected character; expected a JSON value", offset: index)
    }
    index += length
  }

  private mutating func readNumber() throws(Failure) -> Double {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    func digits(_ reader: inout PositionedJSONReader) -> Int {
      let from = reader.index
      while reader.index < reader.bytes.count,
        reader.bytes[reader.index] >= UInt8(ascii: "0"),
        reader.bytes[reader.index] <= UInt8(ascii: "9")
      {
        reader.index += 1
      }
      return reader.index - from
    }
    guard digits(&self) > 0 else { throw Failure(message: "malformed number", offset: start) }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw Failure(message: "malformed number", offset: start) }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count,
        bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits(&self) > 0 else { throw Failure(message: "malformed number", offset: start) }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw Failure(message: "number out of range", offset: start)
    }
    return value
  }

  private mutating func readString() throws(Failure) -> String {
    let start = index
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flushRun(
      _ reader: PositionedJSONReader, upTo end: Int, into scalars: inout String.UnicodeScalarView
    ) {
      if end > runStart {
        scalars.append(
          contentsOf: String(
            decoding: UnsafeBufferPointer(rebasing: reader.bytes[runStart..<end]), as: UTF8.self
          ).unicodeScalars)
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        flushRun(self, upTo: index, into: &scalars)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 {
        throw Failure(message: "control character in a string; escape it", offset: index)
      }
      if byte == UInt8(ascii: "\\") {
        flushRun(self, upTo: index, into: &scalars)
        index += 1
        guard index < bytes.count else { break }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try readHex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw Failure(message: "unpaired surrogate in \\u escape", offset: index) }
            index += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw Failure(message: "unpaired surrogate in \\u escape", offset: index)
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else {
            throw Failure(message: "invalid \\u escape", offset: index)
          }
          scalars.append(scalar)
        default:
          throw Failure(message: "invalid escape in a string", offset: index - 2)
        }
        runStart = index
        continue
      }
      index += 1
    }
    throw Failure(message: "string is never closed", offset: start)
  }

  private mutating func readHex4() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count else {
      throw Failure(message: "expected four hex digits", offset: index)
    }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw Failure(message: "expected four hex digits", offset: index)
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }
}
