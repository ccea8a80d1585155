import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser

/// `argmap compare FILE A B [-o OUT]`: two or more interpretations side by side, with a verdict.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare interpretations: shared evidence, evidence read two ways, and a verdict.",
    discussion: """
      The output format follows the extension of -o: .md (Markdown, also the default on standard \
      output), .html, .json, or .svg, .png and .pdf (a diagram with the first interpretation, the shared evidence \
      and the others in columns). Refuses a map with errors.
      """)

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Argument(help: "The interpretation ids to compare (at least two).")
  var interpretations: [String]

  @Option(
    help: "The gradual semantics for the scores: df-quad, quadratic-energy, euler or h-categorizer."
  )
  var semantics: GradualSemantics = .dfQuAD

  @ArgumentParser.Flag(help: "Make the interpretations attack each other.")
  var rivalsAttack = false

  @Option(
    help:
      "The format on standard output: markdown, html, json, svg, png or pdf (ignored with -o FILE)."
  )
  var format: Format = .markdown

  @ArgumentParser.Flag(
    help: "Draw the diagram as a worksheet: the evidence as numbered blanks, same layout.")
  var worksheet = false

  @ArgumentParser.Flag(
    help:
      "Add the gradual scores behind the comparison (strengths, each item's effect) to the report.")
  var scores = false

  @Option(
    name: .shortAndLong,
    help: "Where to write: a .md, .html, .json, .svg, .png or .pdf file, or '-'.")
  var output: String = "-"

  @OptionGroup var drawingLimits: DrawingLimits

  /// The report formats.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case markdown, html, json, svg, png, pdf
  }

  func validate() throws {
    try CommandIO.refuseOverwriting([file], with: output)
    let drawn = output == "-" ? format : Self.format(forPath: output)
    if worksheet, ![Format.svg, .png, .pdf].contains(drawn) {
      throw ValidationError("--worksheet draws a diagram: write .svg, .png or .pdf.")
    }
    guard interpretations.count >= 2 else {
      throw ValidationError("Name at least two interpretations to compare.")
    }
    if output != "-" && Self.format(forPath: output) == nil {
      throw ValidationError(
        "Cannot tell the format of '\(output)': use .md, .html, .json, .svg, .png or .pdf.")
    }
  }

  func run() throws {
    Graphviz.captureStandardError()
    let map = try CommandIO.checkedMap(file).map
    let comparison: InterpretationComparison
    do {
      comparison = try InterpretationComparison(
        map, interpretations: interpretations.map { NodeID($0) }, semantics: semantics,
        options: AnalysisOptions(rivalsAttack: rivalsAttack))
    } catch {
      // Every ComparisonError is about the ids the command names: bad usage, as in `render`.
      printError("\(file): error: \(describe(error, in: map))")
      throw ExitCode(64)
    }
    let chosen = output == "-" ? format : (Self.format(forPath: output) ?? format)
    let bytes: [UInt8]
    switch chosen {
    case .markdown: bytes = Array(comparison.markdown(for: map, showsScores: scores).utf8)
    case .html: bytes = Array(comparison.html(for: map, showsScores: scores).utf8)
    case .json: bytes = Array(comparison.json(for: map).utf8)
    case .svg: bytes = try diagram(comparison, map, .svg)
    case .png: bytes = try diagram(comparison, map, .png)
    case .pdf: bytes = try diagram(comparison, map, .pdf)
    }
    try CommandIO.write(bytes, to: output)
  }

  static func format(forPath path: String) -> Format? {
    let lower = path.lowercased()
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".svg") { return .svg }
    if lower.hasSuffix(".png") { return .png }
    if lower.hasSuffix(".pdf") { return .pdf }
    return nil
  }
}

extension GradualSemantics: ExpressibleByArgument {}

extension CompareCommand {
  /// The comparison diagram: three columns drawn through Graphviz.
  func diagram(
    _ comparison: InterpretationComparison, _ map: ArgumentMap, _ format: OutputFormat
  ) throws -> [UInt8] {
    do {
      return try drawingLimits.timed(file == "-" ? "<stdin>" : file) { () throws(RenderError) in
        try MapRenderer(idPrefix: "compare", limits: drawingLimits.limits()).render(
          comparison.scene(for: map, blanksEvidence: worksheet), format: format)
      }
    } catch {
      printError("\(file == "-" ? "<stdin>" : file): error: \(error.description)")
      throw ExitCode(1)
    }
  }
}
