import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser
import AtomicFiles

/// `argmap layout-report FILE... [--view V] [--page P] [--format json] [--strict]`: how readable
/// a drawing is on a sheet or slide, measured on Graphviz's own layout of it.
struct LayoutReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "layout-report",
    abstract: "Measure whether a drawing can be read on a page: text size, overlaps, crossings.",
    discussion: """
      Lays the picture out as 'argmap render' with the same options would, split into pages as \
      --page asks (default a4-landscape), and reports for the whole document: the pages used, \
      the smallest text once each page is fitted to the sheet (pt on paper, px on a slide), \
      label-label, label-node and node-node overlaps, edges through labels, edge crossings, \
      timeline order violations and the words on the picture. With --strict the exit status is \
      1 when the text is below the page's minimum (9 pt, 20 px on a slide) or anything overlaps.
      """)

  @Argument(help: "The .argmap files ('-' reads standard input).")
  var files: [String] = []

  @OptionGroup var picture: PictureOptions

  /// How the report is written.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case text, json
  }

  @Option(help: "text or json.")
  var format: Format = .text

  @ArgumentParser.Flag(help: "Exit with status 1 when a page is not readable.")
  var strict = false

  @OptionGroup var drawingLimits: DrawingLimits

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("Name at least one .argmap file.") }
  }

  func run() throws {
    Graphviz.captureStandardError()
    let page = picture.page ?? .a4Landscape
    let renderer = MapRenderer(
      layout: picture.layout ?? "dot",
      limits: drawingLimits.limits(switchesLayout: picture.layout == nil))
    var reports: [String] = []
    var unreadable = false
    let failed = try CommandIO.eachInput(files) { input in
      let result = CommandIO.readMap(input)
      printDiagnostics(result.diagnostics, for: input)
      guard !result.diagnostics.containsErrors else { return false }
      let watchdog = Watchdog.arm(seconds: drawingLimits.timeout, file: input.displayName)
      defer { watchdog.disarm() }
      var pages: [ReadabilityFigures] = []
      do throws(RenderError) {
        let scenes = try renderer.pageScenes(
          result.map, view: picture.mapView, options: picture.sceneOptions, page: page)
        for scene in scenes { pages.append(try renderer.readability(of: scene, on: page)) }
      } catch {
        switch error {
        case .view, .unknownLayout, .refusedLayout:
          printError("argmap layout-report: error: \(error.description)")
          throw ExitCode.validationFailure
        case .graphviz, .unreadableLayout, .tooLarge, .page:
          printError("\(input.displayName): error: \(error.description)")
          return false
        }
      }
      let figures = ReadabilityFigures.combined(pages)
      if !figures.isClean { unreadable = true }
      switch format {
      case .text: reports.append(text(figures, file: input.displayName, page: page))
      case .json: reports.append(json(figures, pages: pages, file: input.displayName, page: page))
      }
      return true
    }
    switch format {
    case .text: try printOutput(reports.joined(separator: "\n"))
    case .json: try printOutput("[\n" + reports.joined(separator: ",\n") + "\n]\n")
    }
    if failed || (strict && unreadable) { throw ExitCode(1) }
  }

  private func text(_ figures: ReadabilityFigures, file: String, page: PageSize) -> String {
    let unit = figures.readerUnit
    let smallest =
      figures.smallestReaderText.map { ReadabilityMeasurement.format($0) + " " + unit } ?? "no text"
    var lines = [
      "\(file): \(picture.view.rawValue) on \(page.rawValue): "
        + (figures.isClean ? "readable" : "NOT readable"),
      "  pages: \(figures.pages)",
      "  smallest text: \(smallest) (at least \(ReadabilityMeasurement.format(figures.minimumReaderText)) "
        + unit + ")",
      "  overlaps: \(figures.labelLabelOverlaps) label-label, \(figures.labelNodeOverlaps) "
        + "label-node, \(figures.nodeNodeOverlaps) node-node",
      "  edges through labels: \(figures.edgesThroughLabels)",
      "  edge crossings: \(figures.edgeCrossings)",
      "  timeline order violations: \(figures.timelineOrderViolations)",
      "  words: \(figures.words)",
    ]
    lines += figures.problems.prefix(20).map { "  problem: " + $0 }
    if figures.problems.count > 20 {
      lines.append("  ... and \(figures.problems.count - 20) more problems")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func json(
    _ figures: ReadabilityFigures, pages: [ReadabilityFigures], file: String, page: PageSize
  ) -> String {
    var text = "{\n"
    text += "  \"file\": " + JSONText.quote(file) + ",\n"
    text += "  \"page\": " + JSONText.quote(page.rawValue) + ",\n"
    text += "  \"view\": " + JSONText.quote(picture.view.rawValue) + ",\n"
    text += "  \"readable\": " + (figures.isClean ? "true" : "false") + ",\n"
    text += "  \"document\": " + indented(figures.jsonText()) + ",\n"
    text +=
      "  \"pages\": [\n    "
      + pages.map { indented(indented($0.jsonText())) }.joined(separator: ",\n    ") + "\n  ]\n}"
    return text
  }

  private func indented(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: "\n  ")
  }
}

extension ReadabilityFigures {
  /// Whether a class can read every page: text at least the minimum, nothing overlapping, no
  /// edge through a label, dates in order.
  var isClean: Bool {
    isTextReadable && labelLabelOverlaps == 0 && labelNodeOverlaps == 0 && nodeNodeOverlaps == 0
      && edgesThroughLabels == 0 && timelineOrderViolations == 0
  }
}
