import ArgumentParser

/// `argmap`: the command-line tool, only the table of its subcommands.
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
}
