/// The info string of a fenced block: whether it asks for ArgMap, and its attributes.
///
/// Two spellings are accepted, so that one notes file works with `argmap notes` and with Pandoc:
/// `argmap` as the first word (optionally followed by `{...}`), and Pandoc's attribute form
/// `{.argmap ...}`. Inside braces, `key=value` and `key="value"` give options; `.class` and
/// `#id` are skipped.
struct InfoString: Hashable, Sendable {
  /// One `key=value` attribute and where its key starts in the info string (bytes).
  struct Attribute: Hashable, Sendable {
    var key: String
    var value: String
    var offset: Int
  }

  var isArgmap: Bool
  var attributes: [Attribute]

  init(_ info: String) {
    let bytes = Array(info.utf8)
    var index = 0
    func skipSpaces() {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }
    skipSpaces()
    var classes: [String] = []
    var attributes: [Attribute] = []
    var firstWord = ""
    if index < bytes.count, bytes[index] != UInt8(ascii: "{") {
      let start = index
      while index < bytes.count, ![0x20, 0x09, UInt8(ascii: "{")].contains(bytes[index]) {
        index += 1
      }
      firstWord = String(decoding: bytes[start..<index], as: UTF8.self)
      skipSpaces()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
      index += 1
      while index < bytes.count, bytes[index] != UInt8(ascii: "}") {
        skipSpaces()
        let start = index
        while index < bytes.count,
          ![0x20, 0x09, UInt8(ascii: "="), UInt8(ascii: "}")].contains(bytes[index])
        {
          index += 1
        }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
          index += 1
          var value: [UInt8] = []
          if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
              if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
              value.append(bytes[index])
              index += 1
            }
            index += 1
          } else {
            while index < bytes.count, ![0x20, 0x09, UInt8(ascii: "}")].contains(bytes[index]) {
              value.append(bytes[index])
              index += 1
            }
          }
          attributes.append(
            Attribute(key: word, value: String(decoding: value, as: UTF8.self), offset: start))
        } else if word.hasPrefix(".") {
          classes.append(String(word.dropFirst()))
        } else if word.isEmpty, index < bytes.count, bytes[index] != UInt8(ascii: "}") {
          index += 1
        }
      }
    }
    isArgmap = firstWord == "argmap" || (firstWord.isEmpty && classes.contains("argmap"))
    self.attributes = attributes
  }

  /// The attributes that are block options, as option lines (`key: value\n`), with the offset
  /// in the info string of each line's attribute.
  func optionLines() -> [(line: String, offset: Int)] {
    attributes.filter { BlockSpecParser.keys.contains($0.key) }.map { attribute in
      let value = attribute.value.map { $0 == "\n" || $0 == "\r" ? " " : $0 }
      return ("\(attribute.key): \(String(value))\n", attribute.offset)
    }
  }
}
