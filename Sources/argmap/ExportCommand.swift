import ArgumentMap
import ArgumentParser

/// `argmap export FILE --format json [-o OUT]`: the map in another format.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export an argument map to another format.",
    discussion: "Refuses a map with errors (run 'argmap check' to see them).")

  /// The formats a map can be exported to.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case json
  }

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Option(help: "The output format.")
  var format: Format = .json

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String = "-"

  func run() throws {
    let input: InputFile
    do {
      input = try InputFile.read(file)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    let result = ArgumentMapParser.check(utf8: input.bytes)
    printDiagnostics(result.diagnostics, for: input)
    guard !result.hasErrors else { throw ExitCode(1) }
    let text: String
    switch format {
    case .json: text = ArgumentMapJSON.encode(result.map)
    }
    do {
      try AtomicFile.write(text, to: output)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
  }
}
