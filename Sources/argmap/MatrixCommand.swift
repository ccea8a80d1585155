import ArgumentAnalysis
import ArgumentMap
import ArgumentParser

/// `argmap matrix FILE A B [-o OUT]`: the evidence against the interpretations, cell by cell.
struct MatrixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matrix",
    abstract: "An evidence matrix: each piece of evidence against each interpretation.",
    discussion: """
      Rows are the evidence the interpretations use, in date order; columns the interpretations; \
      each cell says whether the evidence is consistent with that reading, inconsistent, neutral \
      (both) or not used, with the map's reasons. Diagnostic evidence (consistent with one \
      reading, inconsistent with another) is marked. The format follows the extension of -o: .md \
      (Markdown, also the default on standard output) or .html. Refuses a map with errors.
      """)

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Argument(help: "The interpretation ids, one column each (at least two).")
  var interpretations: [String]

  @ArgumentParser.Flag(help: "Make the interpretations attack each other.")
  var rivalsAttack = false

  @Option(help: "The format on standard output: markdown or html (ignored with -o FILE).")
  var format: Format = .markdown

  @Option(name: .shortAndLong, help: "Where to write: a .md or .html file, or '-'.")
  var output: String = "-"

  /// The report formats.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case markdown, html
  }

  func validate() throws {
    guard interpretations.count >= 2 else {
      throw ValidationError("Name at least two interpretations.")
    }
    if output != "-" && Self.format(forPath: output) == nil {
      throw ValidationError("Cannot tell the format of '\(output)': use .md or .html.")
    }
  }

  func run() throws {
    let map = try CommandIO.checkedMap(file).map
    let comparison: InterpretationComparison
    do {
      comparison = try InterpretationComparison(
        map, interpretations: interpretations.map { NodeID($0) },
        options: AnalysisOptions(rivalsAttack: rivalsAttack))
    } catch {
      printError("\(file): error: \(error.description)")
      throw ExitCode(1)
    }
    let matrix = EvidenceMatrix(comparison)
    let chosen = output == "-" ? format : (Self.format(forPath: output) ?? format)
    let text = chosen == .html ? matrix.html(for: map) : matrix.markdown(for: map)
    try CommandIO.write(Array(text.utf8), to: output)
  }

  static func format(forPath path: String) -> Format? {
    let lower = path.lowercased()
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
    return nil
  }
}
