import ArgumentMap

/// Where a date falls on a timeline's axis: a fixed width per month, with long empty stretches
/// cut out and marked, so six quiet years take no more room than a gap.
///
/// The axis runs over whole years: from January of the first year a statement touches to the
/// end of the last. Years are grouped into segments; a run of `emptyYearsBeforeBreak` or more
/// years without any statement splits two segments, drawn `breakWidth` apart.
struct TimelineScale {
  /// Width of one month, in points, unless a page needs less: a year is 240 points, wider than
  /// most boxes, so quiet years need no second lane.
  static let pointsPerMonth = 20.0
  /// The room a cut-out stretch takes on the axis, in points.
  static let breakWidth = 48.0
  /// How many empty years in a row are cut out of the axis.
  static let emptyYearsBeforeBreak = 3

  /// Consecutive years drawn at full scale.
  struct Segment: Hashable {
    /// The first year of the segment.
    var firstYear: Int
    /// The last year of the segment (drawn to its end).
    var lastYear: Int
    /// The x of 1 January of `firstYear`, in points.
    var x: Double
    /// Width of one month, in points.
    var pointsPerMonth: Double

    /// The x of the end of `lastYear`.
    var endX: Double { x + Double(lastYear - firstYear + 1) * 12 * pointsPerMonth }
  }

  /// The segments in order, left to right.
  let segments: [Segment]

  /// The scale for `spans`, its first segment starting at `origin`, `pointsPerMonth` wide a
  /// month (narrower for a page that a long range would make too wide).
  init(spans: [DateSpan], origin: Double, pointsPerMonth: Double = Self.pointsPerMonth) {
    var years: Set<Int> = []
    for span in spans {
      let first = span.start.year
      let last = max(first, Self.lastYear(of: span))
      // A range beyond a century is an error in the data, not a reason to draw every year.
      for year in first...min(last, first + 100) { years.insert(year) }
    }
    var segments: [Segment] = []
    var x = origin
    for year in years.sorted() {
      if var last = segments.last, year - last.lastYear - 1 < Self.emptyYearsBeforeBreak {
        last.lastYear = year
        segments[segments.count - 1] = last
      } else {
        if let last = segments.last { x = last.endX + Self.breakWidth }
        segments.append(
          Segment(firstYear: year, lastYear: year, x: x, pointsPerMonth: pointsPerMonth))
      }
    }
    self.segments = segments
  }

  /// The x of a time given in months since year 0 (see `months(_:)`).
  func x(ofMonths months: Double) -> Double {
    guard let first = segments.first else { return 0 }
    let segment =
      segments.last { Double($0.firstYear * 12) <= months } ?? first
    let clamped = min(
      max(months, Double(segment.firstYear * 12)), Double((segment.lastYear + 1) * 12))
    return segment.x + (clamped - Double(segment.firstYear * 12)) * segment.pointsPerMonth
  }

  /// The x where the span starts.
  func startX(of span: DateSpan) -> Double { x(ofMonths: Self.months(span.start)) }

  /// The x where the span ends: the end of its last day, month or year; `nil` for a single date.
  func endX(of span: DateSpan) -> Double? {
    guard let end = span.end, span.start <= end else { return nil }
    return x(ofMonths: Self.endMonths(end))
  }

  /// The x of the middle of each stretch cut out of the axis.
  var breakCentres: [Double] {
    zip(segments, segments.dropFirst()).map { ($0.endX + $1.x) / 2 }
  }

  /// The time of the start of `date`, in months since year 0 (days as 1/31 of a month).
  static func months(_ date: HistoricalDate) -> Double {
    let month = min(max(date.month ?? 1, 1), 12)
    let day = min(max(date.day ?? 1, 1), 31)
    return Double(date.year * 12 + month - 1) + Double(day - 1) / 31
  }

  /// The time of the end of `date`: of its year, month or day.
  static func endMonths(_ date: HistoricalDate) -> Double {
    guard date.month != nil else { return Double((date.year + 1) * 12) }
    return months(date) + (date.day == nil ? 1 : 1.0 / 31)
  }

  /// The last year a span touches.
  static func lastYear(of span: DateSpan) -> Int {
    guard let end = span.end, span.start <= end else { return span.start.year }
    return end.year
  }

  /// "1920–1941": the first and last year of the axis drawn for `spans`; `nil` when empty.
  static func period(of spans: [DateSpan]) -> String? {
    guard let first = spans.map(\.start.year).min(),
      let last = spans.map({ lastYear(of: $0) }).max()
    else { return nil }
    return first == last ? String(first) : String(first) + "\u{2013}" + String(last)
  }
}
