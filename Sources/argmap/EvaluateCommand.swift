import ArgumentAnalysis
import ArgumentMap
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
      strengths. Refuses a map with errors (run 'argmap check' to see them).
      """)

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Option(
    help:
      "The semantics: grounded, complete, preferred, stable, df-quad, quadratic-energy, euler or h-categorizer."
  )
  var semantics: Semantics = .extensions(.grounded)

  @Option(help: "The output format: text, json or markdown.")
  var format: Format = .text

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

  /// The report formats.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case text, json, markdown
  }

  func validate() throws {
    guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1.") }
  }

  func run() throws {
    let map = try loadCheckedMap(file)
    var options = try analysisOptions(
      map, under: under, support: support, rivalsAttack: rivalsAttack)
    options.gradual.maxIterations = maxIterations
    if !fallback { options.gradual.fallbacks = [] }
    let evaluation = MapEvaluation(map, semantics: semantics, options: options)
    let text: String
    switch format {
    case .text: text = evaluation.text(for: map)
    case .json: text = evaluation.json()
    case .markdown: text = evaluation.markdown(for: map)
    }
    try writeOutput(text, to: output)
  }
}

extension Semantics: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension SupportReading: ExpressibleByArgument {}
