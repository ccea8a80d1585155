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
      blanks the statements chosen by --blank (default all) in the same layout as the full map.
      """)

  /// The pictures a map can be drawn as; `argument` is read as `map`.
  enum View: String, CaseIterable, ExpressibleByArgument {
    case map, timeline, worksheet, comparison

    init?(argument: String) {
      self.init(rawValue: argument == "argument" ? "map" : argument)
    }
  }

  @Argument(help: "The .argmap files ('-' reads standard input).")
  var files: [String] = []

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String?

  @Option(help: "Write one file per input into this folder (made if missing).")
  var outputDir: String?

  @Option(help: "svg, png, pdf or dot (default: from the output's extension, else svg).")
  var format: OutputFormat?

  @Option(help: "map, timeline, worksheet, or comparison (with --interpretations).")
  var view: View = .map

  @Option(
    help: ArgumentHelp(
      "What a worksheet blanks: all, events, claims, or ids (comma-separated).",
      valueName: "all|events|claims|id,..."))
  var blank: BlankSelection?

  @Option(
    help: ArgumentHelp(
      "Draw only the links that hold under this interpretation.", valueName: "interpretation"))
  var scope: String?

  @Option(
    help: ArgumentHelp(
      "The two interpretations a comparison puts side by side.", valueName: "first,second"))
  var interpretations: String?

  @Option(
    help: ArgumentHelp(
      "Graphviz layout engine: dot, neato, fdp, sfdp, circo, twopi, osage, ...",
      discussion: "Default: dot, or sfdp above 1000 nodes; naming dot keeps dot at any size."))
  var layout: String?

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

  @ArgumentParser.Flag(help: "Draw a legend of the kinds and relations used.")
  var legend = false

  @ArgumentParser.Flag(inversion: .prefixedNo, help: "Write each link's reasoning on its edge.")
  var reasoning = true

  @Option(help: "Prefix of the SVG ids, so several diagrams can share a page.")
  var idPrefix: String = "argmap"

  @ArgumentParser.Flag(
    inversion: .prefixedNo, help: "Start SVG with an XML declaration (leave out to inline).")
  var xmlDeclaration = true

  @Option(help: "The longest line of a label, in characters.")
  var lineWidth: Int = 28
}

/// Reading, checking and drawing the files of `argmap render`.
extension RenderCommand {
  /// Checks the options against each other and the files against the output options.
  func validate() throws {
    try validateFiles()
    if interpretations != nil && comparedIDs == nil {
      throw ValidationError(
        "--interpretations takes two ids and a comma, as in aggressive-view,security-view.")
    }
    switch (view, comparedIDs) {
    case (.comparison, nil):
      throw ValidationError("--view comparison needs --interpretations first,second.")
    case (.map, .some), (.timeline, .some), (.worksheet, .some):
      throw ValidationError("--interpretations goes with --view comparison.")
    case (.comparison, .some), (.map, nil), (.timeline, nil), (.worksheet, nil):
      break
    }
    if blank != nil && view != .worksheet {
      throw ValidationError("--blank goes with --view worksheet.")
    }
    if scope != nil && view == .comparison {
      throw ValidationError("--scope goes with --view map, timeline or worksheet.")
    }
    if overlay != nil && (view == .comparison || view == .worksheet) {
      throw ValidationError("--overlay goes with --view map or timeline.")
    }
    guard (8...200).contains(lineWidth) else {
      throw ValidationError("--line-width must be between 8 and 200.")
    }
  }

  func run() throws {
    Graphviz.captureStandardError()
    let mapView: MapView
    switch view {
    case .map, .worksheet: mapView = .argument
    case .timeline: mapView = .timeline
    case .comparison:
      guard let (first, second) = comparedIDs else { throw ExitCode.validationFailure }
      mapView = .comparison(first, second)
    }
    var options = SceneOptions(
      showsLegend: legend, showsReasoning: reasoning, lineWidth: lineWidth,
      scope: scope.map { NodeID($0) })
    if view == .worksheet { options = SceneOptions(worksheet: blank ?? .all, base: options) }
    let renderer = MapRenderer(
      idPrefix: idPrefix, layout: layout ?? "dot", xmlDeclaration: xmlDeclaration,
      limits: drawingLimits.limits(switchesLayout: layout == nil))
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
    let result = ArgumentMapParser.check(utf8: input.bytes)
    printDiagnostics(result.diagnostics, for: input)
    guard !result.hasErrors else { return false }
    let format = resolvedFormat
    let diagram: RenderedDiagram
    // The watchdog is armed while the map is drawn only, never while a file is written: a
    // timeout ends the process before the output's temporary file exists.
    let watchdog = Watchdog.arm(seconds: drawingLimits.timeout, file: input.displayName)
    do {
      diagram = try draw(result.map, renderer: renderer, view: view, options: options, format)
      watchdog.disarm()
    } catch {
      watchdog.disarm()
      switch error {
      case .view, .unknownLayout:
        printError("argmap render: error: \(error.description)")
        throw ExitCode.validationFailure
      case .graphviz, .unreadableLayout, .tooLarge, .page:
        printError("\(input.displayName): error: \(error.description)")
        return false
      }
    }
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
    do {
      try AtomicFile.write(
        diagram.bytes, to: outputPath(for: input.path, format: format), isDurable: false)
    } catch {
      StandardStreams.report(error)
      return false
    }
    return true
  }

  /// The diagram of one map, with the evaluation drawn over it when `--overlay` asks.
  private func draw(
    _ map: ArgumentMap, renderer: MapRenderer, view: MapView, options: SceneOptions,
    _ format: OutputFormat
  ) throws(RenderError) -> RenderedDiagram {
    guard overlay == .evaluation else {
      return try renderer.diagram(map, view: view, options: options, format: format)
    }
    let scene: Scene
    do {
      scene = try map.scene(view, options: options)
    } catch {
      throw .view(error)
    }
    let evaluation = MapEvaluation(
      map, semantics: semantics, options: AnalysisOptions(interpretation: options.scope))
    return try renderer.diagram(scene.overlaid(with: evaluation), format: format)
  }

  /// The two ids of `--interpretations first,second`, when given as exactly two.
  private var comparedIDs: (NodeID, NodeID)? {
    guard let interpretations else { return nil }
    let parts = interpretations.split(separator: ",").map { String($0).trimmingSpaces }
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return (NodeID(parts[0]), NodeID(parts[1]))
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

extension OutputFormat: ExpressibleByArgument {}

extension BlankSelection: ExpressibleByArgument {
  /// Reads `--blank all|events|claims|ID,...`.
  public init?(argument: String) {
    self.init(parsing: argument)
  }
}
