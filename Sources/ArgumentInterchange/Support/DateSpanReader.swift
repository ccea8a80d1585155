import ArgumentMap

/// Reads a date as written in `.argmap` text (`1934`, `1936-10`, `1939-08-23`, `~1924`,
/// `c. 1924`, `1936-10..1938-11`), for dates carried in other formats' free data.
enum DateSpanReader {
  /// The date span, or `nil` when the text is not a valid date in that form.
  static func read(_ text: String) -> DateSpan? {
    var rest = Substring(text.trimmingCharacters(in: " \t"))
    var isApproximate = false
    if rest.hasPrefix("~") {
      isApproximate = true
      rest = rest.dropFirst()
    } else if rest.hasPrefix("c. ") {
      isApproximate = true
      rest = rest.dropFirst(3)
    }
    let parts = rest.components(separatedBy: "..")
    guard parts.count == 1 || parts.count == 2, let start = date(parts[0]) else { return nil }
    var end: HistoricalDate?
    if parts.count == 2 {
      guard let last = date(parts[1]), !(last < start) else { return nil }
      end = last
    }
    return DateSpan(start: start, end: end, isApproximate: isApproximate)
  }

  private static func date(_ text: Substring) -> HistoricalDate? {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count) else { return nil }
    var numbers: [Int] = []
    for (index, field) in fields.enumerated() {
      let width = index == 0 ? 4 : 2
      guard field.count == width, field.allSatisfy(\.isASCII), let value = Int(field) else {
        return nil
      }
      numbers.append(value)
    }
    let date = HistoricalDate(
      year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
      day: numbers.count > 2 ? numbers[2] : nil)
    return date.isValid ? date : nil
  }
}
