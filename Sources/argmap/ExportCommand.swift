import ArgumentInterchange
import ArgumentMap
import ArgumentParser

/// `argmap export FILE --format argdown|aif|kialo|iccma|apx|json [-o OUT]`: the map in another
/// format.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export an argument map to another format.",
    discussion: """
      Formats: argdown, aif (AIF JSON), kialo (Kialo text), iccma (the attack structure as an \
      ICCMA 2023 'p af' framework), apx (the same for ASPARTIX), json (ArgMap JSON). What the \
      format cannot hold is reported as a warning. Refuses a map with errors (run 'argmap check' \
      to see them).
      """)

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Option(
    help:
      "The output format: argdown, aif, kialo, iccma, apx or json (default: from -o's extension, else json)."
  )
  var format: ExportFormat?

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String = "-"

  /// The formats an `-o` extension names.
  static let extensions: [(ExportFormat, [String])] = [
    (.argdown, ["argdown", "ad"]), (.aif, ["aif", "aif.json"]), (.kialo, ["txt"]),
    (.iccma, ["af"]), (.apx, ["apx"]), (.json, ["json"]),
  ]

  func validate() throws {
    try CommandIO.refuseOverwriting([file], with: output)
    if format == nil { _ = try CommandIO.format(of: output, among: Self.extensions) }
  }

  func run() throws {
    let (map, input) = try CommandIO.checkedMap(file)
    let format = try format ?? CommandIO.format(of: output, among: Self.extensions) ?? .json
    let exported = format.export(map)
    printDiagnostics(exported.diagnostics, for: input)
    try CommandIO.write(exported.text, to: output)
  }
}

extension ExportFormat: ExpressibleByArgument {}
