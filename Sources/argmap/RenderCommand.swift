import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser
import AtomicFiles

/// `argmap render FILE... [-o OUT | --output-dir DIR] [--view ...]`: draw maps as SVG, PNG, PDF
/// or DOT.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw argument maps as SVG, PNG, PDF or Graphviz DOT.",
    discussion: """
      Refuses a map with errors (run 'argmap check' to see them). The format follows the \
      output file's extension unless --format is given; without -o, SVG goes to standard output. \
      With --output-dir, every FILE is drawn in one run into DIR/NAME.FORMAT. --view worksheet \
      blanks the statements chosen by --blank (default all) in the same layout as the full map. \
      --page fits the picture to a sheet or slide with text no smaller than 9 pt (20 px on a \
      slide), splitting it into pages when needed: a PDF gets one page each, SVG and PNG one \
      file each (NAME-1.svg, NAME-2.svg, ...).
      """)

  @Argument(help: "The .argmap files ('-' reads standard input).")
  var files: [String] = []

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String?

  @Option(help: "Write one file per input into this folder (made if missing).")
  var outputDir: String?

  @Option(help: "svg, png, pdf or dot (default: from the output's extension, else svg).")
  var format: OutputFormat?

  @OptionGroup var picture: PictureOptions

  @OptionGroup var drawingLimits: DrawingLimits

  /// What can be drawn over the statements.
  enum Overlay: String, CaseIterable, ExpressibleByArgument {
    case evaluation
  }

  @Option(
    help: ArgumentHelp(
      "Label and shade each statement by its evaluation (greyscale-safe); see --semantics.",
      valueName: "evaluation"))
  var overlay: Overlay?

  @Option(help: "The semantics of --overlay evaluation (as in 'argmap evaluate').")
  var semantics: Semantics = .gradual(.dfQuAD)

  @Option(help: "Prefix of the SVG ids, so several diagrams can share a page.")
  var idPrefix: String = "argmap"

  @ArgumentParser.Flag(
    inversion: .prefixedNo, help: "Start SVG with an XML declaration (leave out to inline).")
  var xmlDeclaration = true

}

/// Reading, checking and drawing the files of `argmap render`.
extension RenderCommand {
  /// Checks the options against each other and the files against the output options.
  func validate() throws {
    try validateFiles()
    if overlay != nil && [.comparison, .worksheet, .overview].contains(picture.view) {
      throw ValidationError("--overlay goes with --view map or timeline.")
    }
    if picture.page != nil && resolvedFormat == .dot && outputDir == nil && (output ?? "-") == "-" {
      throw ValidationError("--page with DOT writes one file per page; give -o FILE.dot.")
    }
  }

  func run() throws {
    Graphviz.captureStandardError()
    let mapView = picture.mapView
    let options = picture.sceneOptions
    let renderer = MapRenderer(
      idPrefix: idPrefix, layout: picture.layout ?? "dot", xmlDeclaration: xmlDeclaration,
      limits: drawingLimits.limits(switchesLayout: picture.layout == nil))
    if let outputDir { try CommandIO.makeFolder(outputDir) }
    let failed = try CommandIO.eachInput(files) { input in
      try render(input, renderer: renderer, view: mapView, options: options)
    }
    if failed { throw ExitCode(1) }
  }

  /// Draws one map; false when it has errors or cannot be drawn or written.
  ///
  /// - Throws: `ExitCode.validationFailure` when the request does not fit the map (usage).
  private func render(
    _ input: InputFile, renderer: MapRenderer, view: MapView, options: SceneOptions
  ) throws -> Bool {
    let result = CommandIO.readMap(input)
    printDiagnostics(result.diagnostics, for: input)
    guard !result.diagnostics.containsErrors else { return false }
    var renderer = renderer
    renderer.language = result.map.metadata.language
    let format = resolvedFormat
    let pages: [RenderedDiagram]
    // The watchdog is armed while the map is drawn only, never while a file is written: a
    // timeout ends the process before the output's temporary file exists.
    let watchdog = Watchdog.arm(seconds: drawingLimits.timeout, file: input.displayName)
    do {
      pages = try draw(result.map, renderer: renderer, view: view, options: options, format)
      watchdog.disarm()
    } catch {
      watchdog.disarm()
      switch error {
      case .view, .unknownLayout, .refusedLayout:
        printError("argmap render: error: \(error.description)")
        throw ExitCode.validationFailure
      case .graphviz, .unreadableLayout, .tooLarge, .page:
        printError("\(input.displayName): error: \(error.description)")
        return false
      }
    }
    for diagram in pages {
      report(diagram, for: input, renderer: renderer)
    }
    return write(pages, for: input, format: format)
  }

  /// Prints the warnings of one drawn page.
  private func report(_ diagram: RenderedDiagram, for input: InputFile, renderer: MapRenderer) {
    if let used = diagram.layout, used != renderer.layout {
      printError(
        "\(input.displayName): warning: \(diagram.nodeCount) nodes are more than dot lays out "
          + "quickly (\(renderer.limits.fastLayoutNodes ?? 0)); drawn with \(used) instead "
          + "(--layout dot insists on dot)")
    }
    for warning in diagram.textWarnings {
      printError("\(input.displayName): warning: \(warning)")
    }
    for warning in diagram.warnings {
      printError("\(input.displayName): warning: graphviz: \(warning)")
    }
  }

  /// The pages of one map (one without `--page`), with the evaluation drawn over them when
  /// `--overlay` asks (see `MapRenderer.drawing`).
  private func draw(
    _ map: ArgumentMap, renderer: MapRenderer, view: MapView, options: SceneOptions,
    _ format: OutputFormat
  ) throws(RenderError) -> [RenderedDiagram] {
    guard overlay == .evaluation else {
      return try renderer.drawing(
        map, view: view, options: options, page: picture.page, format: format)
    }
    let evaluation = MapEvaluation(
      map, semantics: semantics, options: AnalysisOptions(interpretation: options.scope))
    return try renderer.drawing(
      map, view: view, options: options, page: picture.page, format: format,
      adjust: { $0.overlaid(with: evaluation) })
  }
}

extension OutputFormat: ExpressibleByArgument {}
