import ArgumentAnalysis
import ArgumentInterchange
import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser

/// `argmap evaluate FILE [--semantics S] [--format F]`: which claims stand, or how strongly.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Evaluate an argument map under an argumentation semantics.",
    discussion: """
      Extension semantics (grounded, complete, preferred, stable) say which nodes stand, fall or \
      stay undecided; gradual semantics (df-quad, quadratic-energy, euler, h-categorizer) give \
      each node a strength from 0 to 1, starting from its 'strength:' (0.5 when none is given). \
      On a cyclic map that does not settle, the report says 'did not converge' and gives no \
      strengths. Refuses a map with errors (run 'argmap check' to see them). Abstract \
      frameworks (.af, .apx, .tgf) and Argdown files (.argdown, .ad) are imported first, as \
      'argmap import' does; --from names the format of any other file.
      """)

  @Argument(help: "The .argmap file, or a file to import first ('-' reads standard input).")
  var file: String

  @Option(
    name: .long,
    help: "Import the file from this format first: argdown, aif, kialo, json, iccma, apx or tgf.")
  var from: ImportFormat?

  @Option(
    help:
      "The semantics: grounded, complete, preferred, stable, df-quad, quadratic-energy, euler or h-categorizer."
  )
  var semantics: Semantics = .extensions(.grounded)

  @Option(
    help:
      "The output format: text, json, markdown, or svg, png or pdf (the argument diagram labelled with the result); by default from -o's extension, else text."
  )
  var format: Format?

  @Option(
    help: "How supports count in Dung semantics: ignored, deductive, necessary or cayrol-2005.")
  var support: SupportReading = .necessary

  @Option(help: "Read the map under this interpretation (links scoped to others are left out).")
  var under: String?

  @ArgumentParser.Flag(help: "Make every pair of interpretations attack each other.")
  var rivalsAttack = false

  @ArgumentParser.Flag(
    inversion: .prefixedNo,
    help:
      "On a cyclic map that plain iteration cannot settle, try damped iteration and the continuous model."
  )
  var fallback = true

  @Option(help: "The most rounds of plain iteration on a cyclic map.")
  var maxIterations = 10_000

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String = "-"

  @OptionGroup var drawingLimits: DrawingLimits

  /// The report formats.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case text, json, markdown, svg, png, pdf
  }

  /// The formats an `-o` extension names.
  static let extensions: [(Format, [String])] = [
    (.text, ["txt"]), (.json, ["json"]), (.markdown, ["md", "markdown"]), (.svg, ["svg"]),
    (.png, ["png"]), (.pdf, ["pdf"]),
  ]

  func validate() throws {
    try CommandIO.refuseOverwriting([file], with: output)
    guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1.") }
    if format == nil { _ = try CommandIO.format(of: output, among: Self.extensions) }
  }

  func run() throws {
    Graphviz.captureStandardError()
    let map = try readMap()
    var options = try analysisOptions(
      map, under: under, support: support, rivalsAttack: rivalsAttack)
    options.gradual.maxIterations = maxIterations
    if !fallback { options.gradual.fallbacks = [] }
    let evaluation = MapEvaluation(map, semantics: semantics, options: options)
    let bytes: [UInt8]
    switch try format ?? CommandIO.format(of: output, among: Self.extensions) ?? .text {
    case .text: bytes = Array(evaluation.text(for: map).utf8)
    case .json: bytes = Array(evaluation.json(for: map).utf8)
    case .markdown: bytes = Array(evaluation.markdown(for: map).utf8)
    case .svg: bytes = try overlayDiagram(map, evaluation, .svg)
    case .png: bytes = try overlayDiagram(map, evaluation, .png)
    case .pdf: bytes = try overlayDiagram(map, evaluation, .pdf)
    }
    try CommandIO.write(bytes, to: output)
  }
}

extension EvaluateCommand {
  /// The map: imported as `argmap import` does when `--from` is given, else read as every
  /// command reads one (`CommandIO.readMap`: `.argmap` text, or an import for `.af`, `.apx`,
  /// `.tgf`, `.argdown` and `.ad`).
  func readMap() throws -> ArgumentMap {
    guard let format = from else { return try CommandIO.checkedMap(file).map }
    let input = try CommandIO.read(file)
    return try ImportCommand.importedMap(input, from: format, file: file)
  }

  /// The argument diagram with every statement labelled by its evaluation (greyscale-safe).
  func overlayDiagram(_ map: ArgumentMap, _ evaluation: MapEvaluation, _ format: OutputFormat)
    throws -> [UInt8]
  {
    do {
      let scene = try map.scene(.argument, options: SceneOptions(showsLegend: true))
      return try drawingLimits.timed(file == "-" ? "<stdin>" : file) { () throws(RenderError) in
        try MapRenderer(idPrefix: "evaluation", limits: drawingLimits.limits()).render(
          scene.overlaid(with: evaluation), format: format)
      }
    } catch {
      printError("\(file == "-" ? "<stdin>" : file): error: \(error)")
      throw ExitCode(1)
    }
  }
}

extension Semantics: ExpressibleByArgument {
  /// Reads `--semantics NAME` (`grounded`, `df-quad`, ...).
  public init?(argument: String) { self.init(rawValue: argument) }
  /// The names `--help` lists.
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension SupportReading: ExpressibleByArgument {}
