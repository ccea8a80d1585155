import ArgumentAnalysis
import ArgumentMap
import ArgumentParser

/// `argmap table FILE --aim ID [--format F]`: the essay's Successes | Failures table, or a table
/// of factors for and against a thesis.
struct TableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "table",
    abstract:
      "Tabulate the successes and failures of an aim, or the factors for and against a thesis.",
    discussion: """
      Successes are events and evidence that support the aim or one of its sub-aims, directly or \
      through one claim; failures oppose them. Each piece of evidence is counted once: a part of \
      another entry (linked to its evidence) is listed under it, and evidence for a point \
      against another entry is listed with that point. Cells are cut to about twenty words; the \
      numbered notes under the table give the whole texts and the sources of the corrections. \
      A thesis about causes (the map's title or the aim says why, caused, responsible, factors \
      or origins, and the aim does not speak of an aim or goal) gets factors for and against \
      instead of successes and failures; a sub-aim takes the frame of the main aim it \
      supports (--frame chooses). Only the author's unscoped links are read unless \
      --under names an interpretation. Entries dated outside the map's 'period:' (front matter, \
      such as 'period: 1928–1941') are left out unless --since, --until or --all-dates is given. \
      Refuses a map with errors.
      """)

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Option(help: "The aim (or sub-aim) id.")
  var aim: String

  @Option(
    help: "The output format: markdown, csv or html (default: from -o's extension, else markdown).")
  var format: Format?

  @Option(
    help: ArgumentHelp(
      "The columns: successes (and failures) or factors (for and against).",
      discussion: "By default, chosen from the aim's text."))
  var frame: SuccessFailureTable.Frame?

  @Option(help: "Also read the links scoped to this interpretation.")
  var under: String?

  @Option(help: "Keep only entries dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
  var since: String?

  @Option(help: "Keep only entries dated on or before this date.")
  var until: String?

  @ArgumentParser.Flag(help: "Keep entries of every date, ignoring the map's 'period:'.")
  var allDates = false

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String = "-"

  /// The table formats.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case markdown, csv, html
  }

  /// The formats an `-o` extension names.
  static let extensions: [(Format, [String])] = [
    (.markdown, ["md", "markdown"]), (.csv, ["csv"]), (.html, ["html", "htm"]),
  ]

  func validate() throws {
    try CommandIO.refuseOverwriting([file], with: output)
    if format == nil { _ = try CommandIO.format(of: output, among: Self.extensions) }
  }

  func run() throws {
    let start = try since.map { try Self.date($0, "--since") }
    let end = try until.map { try Self.endOfPeriod(Self.date($0, "--until")) }
    let map = try CommandIO.checkedMap(file).map
    if let under { try checkUnder(under, in: map) }
    var period: ClosedRange<HistoricalDate>?
    if start != nil || end != nil {
      let lower = start ?? HistoricalDate(year: 1)
      let upper = end ?? HistoricalDate(year: 9999, month: 12, day: 31)
      guard lower <= upper else { throw ValidationError("--since must not be after --until.") }
      period = lower...upper
    } else if !allDates {
      period = SuccessFailureTable.declaredPeriod(of: map)
    }
    let table: SuccessFailureTable
    do {
      table = try SuccessFailureTable(
        map, aim: NodeID(aim), interpretation: under.map { NodeID($0) }, period: period,
        frame: frame)
    } catch {
      // An aim or interpretation the command names that the map lacks: bad usage.
      printError("\(file): error: \(error.description)")
      throw ExitCode(64)
    }
    let text: String
    switch try format ?? CommandIO.format(of: output, among: Self.extensions) ?? .markdown {
    case .markdown: text = table.markdown(for: map)
    case .csv: text = table.csv(for: map)
    case .html: text = table.html(for: map)
    }
    try CommandIO.write(text, to: output)
  }

  /// The last day of the period a date names: `1941` ends on 1941-12-31.
  private static func endOfPeriod(_ date: HistoricalDate) -> HistoricalDate {
    let month = date.month ?? 12
    let day = date.day ?? HistoricalDate.daysIn(month: month, year: date.year)
    return HistoricalDate(year: date.year, month: month, day: day)
  }

  /// A date option; an end date without a day means the end of that month or year.
  private static func date(_ text: String, _ option: String) throws -> HistoricalDate {
    guard let span = DateParser.parse(text), span.end == nil, !span.isApproximate,
      span.start.isValid
    else {
      throw ValidationError(
        "\(option) takes a date such as 1928, 1936-10 or 1939-08-23, not '\(text)'.")
    }
    return span.start
  }
}

extension SuccessFailureTable.Frame: ExpressibleByArgument {}
