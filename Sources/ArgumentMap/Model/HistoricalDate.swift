/// A calendar date known to the year, the month or the day (`1934`, `1936-10`, `1939-08-23`).
///
/// History rarely needs more precision than the day and often has less, so month and day are
/// optional. Dates compare chronologically; a less precise date sorts before a more precise one
/// that starts in the same period.
public struct HistoricalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
  // Stored compactly (8 bytes instead of 34), since a map may hold a million dates; -1 is "not
  // known". Values beyond the storage range are clamped to one that is still invalid.
  private var storedYear: Int32
  private var storedMonth: Int16
  private var storedDay: Int16

  /// The year (proleptic Gregorian, as written).
  public var year: Int {
    get { Int(storedYear) }
    set { storedYear = Int32(clamping: newValue) }
  }

  /// The month, 1–12, when known.
  public var month: Int? {
    get { storedMonth < 0 ? nil : Int(storedMonth) }
    set { storedMonth = newValue.map { Int16(clamping: max(0, $0)) } ?? -1 }
  }

  /// The day of the month, when known (requires `month`).
  public var day: Int? {
    get { storedDay < 0 ? nil : Int(storedDay) }
    set { storedDay = newValue.map { Int16(clamping: max(0, $0)) } ?? -1 }
  }

  /// Creates a date as precise as the parts given; values are not checked (see `isValid`), and a
  /// negative month or day is stored as 0, so that it stays invalid rather than becoming unknown.
  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    storedYear = Int32(clamping: year)
    storedMonth = month.map { Int16(clamping: max(0, $0)) } ?? -1
    storedDay = day.map { Int16(clamping: max(0, $0)) } ?? -1
  }

  /// The written form: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public var description: String {
    var text = Self.padded(year, 4)
    if let month {
      text += "-" + Self.padded(month, 2)
      if let day { text += "-" + Self.padded(day, 2) }
    }
    return text
  }

  /// Whether the month and day exist (months 1–12, days within the month, leap years counted).
  public var isValid: Bool {
    guard year >= 1, year <= 9999 else { return false }
    guard let month else { return day == nil }
    guard (1...12).contains(month) else { return false }
    guard let day else { return true }
    return day >= 1 && day <= Self.daysIn(month: month, year: year)
  }

  /// Orders dates chronologically; an unknown month or day counts as 0, so `1939` sorts before
  /// `1939-01` and `1939-01-01`.
  public static func < (lhs: HistoricalDate, rhs: HistoricalDate) -> Bool {
    (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
  }

  /// The number of days in a month of the Gregorian calendar.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// When a node happened: a date or a range of dates, possibly approximate (`~1924`).
public struct DateSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The first (or only) date.
  public var start: HistoricalDate
  /// The last date of a range; `nil` for a single date.
  public var end: HistoricalDate?
  /// Whether the date is approximate ("c. 1924").
  public var isApproximate: Bool

  /// Creates a single date or, with `end`, a range; the order of `start` and `end` is not
  /// checked here.
  public init(start: HistoricalDate, end: HistoricalDate? = nil, isApproximate: Bool = false) {
    self.start = start
    self.end = end
    self.isApproximate = isApproximate
  }

  /// The canonical written form used by the printer: `~1924`, `1936-10..1938-11`.
  public var description: String {
    var text = isApproximate ? "~" : ""
    text += start.description
    if let end { text += ".." + end.description }
    return text
  }

  /// The form drawn for a reader: `c. 1924`, `1914–1917`, `1938-09-29 – 1938-09-30`. The
  /// written form's `~` and `..` are syntax a class should not have to know.
  public var displayText: String {
    var text = isApproximate ? "c. " : ""
    text += start.description
    if let end {
      text += (start.month == nil && end.month == nil ? "\u{2013}" : " \u{2013} ") + end.description
    }
    return text
  }

  /// Orders spans by their start, then by their end, for timelines and tables.
  public static func < (lhs: DateSpan, rhs: DateSpan) -> Bool {
    if lhs.start != rhs.start { return lhs.start < rhs.start }
    return (lhs.end ?? lhs.start) < (rhs.end ?? rhs.start)
  }
}
