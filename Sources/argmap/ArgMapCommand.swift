import ArgumentMapGraphviz
import ArgumentParser

@main
struct ArgMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "argmap",
    abstract: "Write, check and draw argument maps.",
    subcommands: [
      CheckCommand.self, FmtCommand.self, ExportCommand.self, ImportCommand.self,
      RenderCommand.self, EvaluateCommand.self, CompareCommand.self, TableCommand.self,
      NotesCommand.self, PandocFilterCommand.self,
    ]
  )

  /// The program owns its standard error, so whatever Graphviz writes there directly is captured
  /// into our diagnostics instead of reaching the terminal unformatted.
  static func main() {
    Graphviz.captureStandardError()
    main(nil)
  }
}
