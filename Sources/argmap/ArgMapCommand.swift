import ArgumentParser

@main
struct ArgMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "argmap",
    abstract: "Write, check and draw argument maps.",
    subcommands: [
      CheckCommand.self, FmtCommand.self, ExportCommand.self, ImportCommand.self,
      RenderCommand.self, EvaluateCommand.self, CompareCommand.self, TableCommand.self,
    ]
  )
}
