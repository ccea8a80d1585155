extension String {
  /// The string without leading and trailing characters from `set` (spaces and tabs, usually).
  func trimmingCharacters(in set: String) -> String {
    // `set` is a few scalars: looked through, not hashed. Called for every line of front matter
    // and every datum, so a string without anything to trim is returned as it is.
    let characters = set.unicodeScalars
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, characters.contains(first) { scalars.removeFirst() }
    while let last = scalars.last, characters.contains(last) { scalars.removeLast() }
    return scalars.count == unicodeScalars.count ? self : String(Substring(scalars))
  }
}

extension Substring {
  /// The parts between occurrences of `separator` (a short literal such as `..`).
  func components(separatedBy separator: String) -> [Substring] {
    var parts: [Substring] = []
    var rest = self[...]
    while let range = rest.range(of: separator) {
      parts.append(rest[..<range.lowerBound])
      rest = rest[range.upperBound...]
    }
    parts.append(rest)
    return parts
  }

  /// The first range where `needle` occurs, searching by characters.
  func range(of needle: String) -> Range<Index>? {
    guard !needle.isEmpty else { return nil }
    var start = startIndex
    while start < endIndex {
      if self[start...].hasPrefix(needle) {
        return start..<(index(start, offsetBy: needle.count))
      }
      start = index(after: start)
    }
    return nil
  }
}

extension Unicode.Scalar {
  /// Whether the scalar is a space or a tab (the only whitespace inside a line).
  var isBlank: Bool { self == " " || self == "\t" }

  /// Whether the scalar is alphabetic or has a numeric type (a letter or a digit of any
  /// script); ASCII is answered without looking up the scalar's properties.
  var isLetterOrDigit: Bool {
    if isASCII {
      return ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
    return properties.isAlphabetic || properties.numericType != nil
  }
}
