/// Reads the date forms of the grammar: `1934`, `1936-10`, `1939-08-23`, `~1924`, `c. 1924`,
/// `1936-10..1938-11`.
///
/// It checks the shape only; whether a date exists (30 February) is the validator's call, so
/// that maps from JSON are judged by the same rule.
public enum DateParser {
  /// The span written in `text`, or `nil` when it has no date shape.
  public static func parse(_ text: String) -> DateSpan? {
    var rest = Substring(text).trimmingSpaces()
    var isApproximate = false
    if rest.hasPrefix("~") {
      isApproximate = true
      rest = rest.dropFirst().trimmingSpaces()
    } else if rest.hasPrefix("c.") {
      isApproximate = true
      rest = rest.dropFirst(2).trimmingSpaces()
    }
    let parts = rest.split(separator: "..", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return nil }
    guard let start = date(parts[0].trimmingSpaces()) else { return nil }
    var end: HistoricalDate?
    if parts.count == 2 {
      guard let last = date(parts[1].trimmingSpaces()) else { return nil }
      end = last
    }
    return DateSpan(start: start, end: end, isApproximate: isApproximate)
  }

  /// The span written in `bytes` (UTF-8), parsed without making strings: the fast path for
  /// the `.argmap` parser. Anything but plain digits, `-`, `..` and `~` goes the slow way.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DateSpan? {
    var fields: [Int] = []
    fields.reserveCapacity(6)
    var value = 0
    var digits = 0
    var index = 0
    var isApproximate = false
    var split = -1  // how many fields the start date has, once '..' is seen
    if index < bytes.count, bytes[index] == UInt8(ascii: "~") {
      isApproximate = true
      index += 1
    }
    func date(_ numbers: ArraySlice<Int>) -> HistoricalDate? {
      guard (1...3).contains(numbers.count) else { return nil }
      let first = numbers.startIndex
      return HistoricalDate(
        year: numbers[first], month: numbers.count > 1 ? numbers[first + 1] : nil,
        day: numbers.count > 2 ? numbers[first + 2] : nil)
    }
    var fieldDigits: [Int] = []
    while index <= bytes.count {
      let byte = index < bytes.count ? bytes[index] : 0
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
        guard digits <= 4 else { return slowPath(bytes) }
        index += 1
        continue
      }
      guard digits > 0 else { return slowPath(bytes) }
      fields.append(value)
      fieldDigits.append(digits)
      value = 0
      digits = 0
      if byte == 0 && index == bytes.count { break }
      if byte == UInt8(ascii: "-") {
        index += 1
      } else if byte == UInt8(ascii: "."), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "."), split < 0
      {
        split = fields.count
        index += 2
      } else {
        return slowPath(bytes)
      }
    }
    // Year up to 4 digits, month and day up to 2, as the slow path demands.
    let starts = split < 0 ? [0] : [0, split]
    for start in starts {
      let end = start == 0 && split > 0 ? split : fields.count
      for position in (start + 1)..<max(start + 1, end) where fieldDigits[position] > 2 {
        return slowPath(bytes)
      }
    }
    if split < 0 {
      guard let start = date(fields[...]) else { return slowPath(bytes) }
      return DateSpan(start: start, isApproximate: isApproximate)
    }
    guard let start = date(fields[..<split]), let end = date(fields[split...]) else {
      return slowPath(bytes)
    }
    return DateSpan(start: start, end: end, isApproximate: isApproximate)
  }

  private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> DateSpan? {
    parse(String(decoding: bytes, as: UTF8.self))
  }

  /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (year 1–4 digits, month and day 1–2 digits).
  public static func date(_ text: Substring) -> HistoricalDate? {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count) else { return nil }
    var numbers: [Int] = []
    for (position, field) in fields.enumerated() {
      let maximumLength = position == 0 ? 4 : 2
      guard !field.isEmpty, field.count <= maximumLength,
        field.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
        let value = Int(field)
      else { return nil }
      numbers.append(value)
    }
    return HistoricalDate(
      year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
      day: numbers.count > 2 ? numbers[2] : nil)
  }
}
