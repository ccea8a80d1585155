import ArgumentMap
import ArgumentParser

/// `argmap import FILE.json [-o OUT.argmap]`: another format into `.argmap` text.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a map from another format as .argmap text.",
    discussion: "Refuses input with errors; warnings are printed and the map is written.")

  /// The formats a map can be imported from.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case json
  }

  @Argument(help: "The file to import ('-' reads standard input).")
  var file: String

  @Option(name: .long, help: "The input format.")
  var from: Format = .json

  @Option(name: .shortAndLong, help: "Where to write the .argmap text ('-': standard output).")
  var output: String = "-"

  func run() throws {
    let input: InputFile
    do {
      input = try InputFile.read(file)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    let diagnostics: [Diagnostic]
    let map: ArgumentMap?
    switch from {
    case .json:
      (map, diagnostics) = ArgumentMapJSON.check(utf8: input.bytes)
    }
    printDiagnostics(diagnostics, for: input)
    guard let map, !diagnostics.containsErrors else { throw ExitCode(1) }
    do {
      try AtomicFile.write(ArgumentMapPrinter.print(map), to: output)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
  }
}
