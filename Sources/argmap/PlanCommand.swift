import ArgumentAnalysis
import ArgumentMap
import ArgumentParser

/// `argmap plan FILE [--aim ID] [-o OUT]`: an essay plan, paragraph by paragraph.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "An essay plan from a map: introduction, one paragraph per sub-aim, conclusion.",
    discussion: """
      The introduction states the question and the interpretations; each sub-aim of the aim gets \
      a paragraph with its evidence for and against in date order, the counter-arguments and \
      their rebuttals; the conclusion follows the verdict in words. The format follows the \
      extension of -o: .md (Markdown, also the default on standard output) or .html. Refuses a \
      map with errors.
      """)

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Option(help: "The aim the essay weighs (default: the map's first main aim).")
  var aim: String?

  @Option(help: "The format on standard output: markdown or html (ignored with -o FILE).")
  var format: Format = .markdown

  /// A plan is text, never a drawing.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case markdown, html

    /// The format a file name's extension asks for: `.md` (or `.markdown`) or `.html`.
    init?(path: String) {
      switch MatrixCommand.format(forPath: path) {
      case .markdown: self = .markdown
      case .html: self = .html
      default: return nil
      }
    }
  }

  @Option(name: .shortAndLong, help: "Where to write: a .md or .html file, or '-'.")
  var output: String = "-"

  func validate() throws {
    try CommandIO.refuseOverwriting([file], with: output)
    if output != "-" && Format(path: output) == nil {
      throw ValidationError("Cannot tell the format of '\(output)': use .md or .html.")
    }
  }

  func run() throws {
    let map = try CommandIO.checkedMap(file).map
    let plan: EssayPlan
    do {
      plan = try EssayPlan(map, aim: aim.map { NodeID($0) })
    } catch {
      // A named aim the map lacks is bad usage; a map without any main aim is a problem of the
      // map.
      printError("\(file): error: \(error.description)")
      throw ExitCode(aim == nil ? 1 : 64)
    }
    let chosen = output == "-" ? format : (Format(path: output) ?? format)
    let text =
      chosen == .html ? plan.html(language: map.metadata.language ?? "en") : plan.markdown()
    try CommandIO.write(Array(text.utf8), to: output)
  }
}
