import ArgumentParser
import AtomicFiles
import Foundation

/// `argmap`: the command-line tool, the table of its subcommands and its entry point.
@main
struct ArgMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "argmap",
    abstract: "Write, check and draw argument maps.",
    subcommands: [
      CheckCommand.self, FmtCommand.self, ExportCommand.self, ImportCommand.self,
      RenderCommand.self, LayoutReportCommand.self, EvaluateCommand.self, CompareCommand.self,
      MatrixCommand.self, PlanCommand.self, TableCommand.self,
      NotesCommand.self, PandocFilterCommand.self, ServeCommand.self,
    ],
    // `-h` is only help standing alone (see `CommandLineArguments`), never inside `-dash.argmap`.
    helpNames: [.long]
  )

  /// Runs the command line and exits with its status.
  ///
  /// ArgumentParser's own `main()` is replaced so that every message it prints (help, usage
  /// errors) goes through `StandardStreams`, whose failures are reported and give exit status 1,
  /// and so that `SIGPIPE` is ignored before anything is written.
  static func main() {
    StandardStreams.prepare()
    Foundation.exit(runCommandLine(Array(CommandLine.arguments.dropFirst())))
  }

  /// Parses `arguments`, runs the command and returns the exit status: the command's, or 1
  /// when a message could not be written.
  static func runCommandLine(_ arguments: [String]) -> Int32 {
    var status: Int32 = 0
    var parsed: ParsableCommand.Type?
    do {
      var command = try parseAsRoot(CommandLineArguments.spellingOutHelp(arguments))
      parsed = type(of: command)
      try command.run()
    } catch {
      status = exitCode(for: error).rawValue
      var message = fullMessage(for: error)
      // A usage error found while running (an unknown interpretation) shows the usage of the
      // command that was run, as one found while parsing does, not the root's.
      if let parsed, parsed != ArgMapCommand.self, error is ValidationError {
        let name = ["argmap", parsed.configuration.commandName].compactMap { $0 }
          .joined(separator: " ")
        message =
          "Error: \(self.message(for: error))\nUsage: \(usageString(for: parsed))\n"
          + "  See '\(name) --help' for more information."
      }
      if status == ExitCode.validationFailure.rawValue,
        let hint = CommandLineArguments.dashHint(arguments, message: message)
      {
        message += "\n" + hint
      }
      if !message.isEmpty {
        if status == 0 {
          // Help, asked for: it goes to standard output, which may be full.
          do { try printOutput(message + "\n") } catch { status = 1 }
        } else {
          printError(message)
        }
      }
    }
    if status == 0 && StandardStreams.errorHasFailed { status = 1 }
    return status
  }
}
