/// Text of HTML, SVG or XML with its character references decoded, so a test can look for a
/// statement however the output escaped it (`ten&#45;year`, `&#39;`, `&amp;`).
public enum CharacterReferences {
  /// `text` with `&#NN;`, `&#xHH;` and the five XML entities decoded; other `&` kept as written.
  public static func decoded(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      out += rest[..<ampersand]
      rest = rest[ampersand...]
      guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
        out.append(rest.removeFirst())
        continue
      }
      let name = rest[rest.index(after: rest.startIndex)..<semicolon]
      var scalar: Unicode.Scalar?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
      } else if name.hasPrefix("#") {
        scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
      } else {
        let named: [Substring: Unicode.Scalar] = [
          "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        ]
        scalar = named[name]
      }
      if let scalar {
        out.unicodeScalars.append(scalar)
        rest = rest[rest.index(after: semicolon)...]
      } else {
        out.append(rest.removeFirst())
      }
    }
    return out + rest
  }
}
