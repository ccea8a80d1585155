import ArgumentAnalysis
import ArgumentMap
import ArgumentParser

/// `argmap compare FILE A B [-o OUT]`: two or more interpretations side by side, with a verdict.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare interpretations: shared evidence, evidence read two ways, and a verdict.",
    discussion: """
      The output format follows the extension of -o: .md (Markdown, also the default on standard \
      output), .html, .json or .svg (a diagram with the first interpretation, the shared evidence \
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

  @Option(help: "The format on standard output: markdown, html or json (ignored with -o FILE).")
  var format: Format = .markdown

  @Option(name: .shortAndLong, help: "Where to write: a .md, .html, .json or .svg file, or '-'.")
  var output: String = "-"

  /// The report formats.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case markdown, html, json, svg
  }

  func validate() throws {
    guard interpretations.count >= 2 else {
      throw ValidationError("Name at least two interpretations to compare.")
    }
    if output != "-" && Self.format(forPath: output) == nil {
      throw ValidationError("Cannot tell the format of '\(output)': use .md, .html, .json or .svg.")
    }
  }

  func run() throws {
    let map = try loadCheckedMap(file)
    let comparison: InterpretationComparison
    do {
      comparison = try InterpretationComparison(
        map, interpretations: interpretations.map { NodeID($0) }, semantics: semantics,
        options: AnalysisOptions(rivalsAttack: rivalsAttack))
    } catch {
      printError("\(file): error: \(error.description)")
      throw ExitCode(1)
    }
    let chosen = output == "-" ? format : (Self.format(forPath: output) ?? format)
    let text: String
    switch chosen {
    case .markdown: text = comparison.markdown(for: map)
    case .html: text = comparison.html(for: map)
    case .json: text = comparison.json(for: map)
    case .svg: text = try comparisonSVG(comparison, map)
    }
    try writeOutput(text, to: output)
  }

  static func format(forPath path: String) -> Format? {
    let lower = path.lowercased()
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".svg") { return .svg }
    return nil
  }
}

extension GradualSemantics: ExpressibleByArgument {}

/// The comparison diagram as SVG.
func comparisonSVG(_ comparison: InterpretationComparison, _ map: ArgumentMap) throws -> String {
  printError("error: SVG output needs the Graphviz renderer, which this build does not include")
  throw ExitCode(1)
}
