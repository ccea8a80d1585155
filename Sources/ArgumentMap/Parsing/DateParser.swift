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
