import ArgumentInterchange
import ArgumentMap
import ArgumentParser
import Foundation

/// `argmap import FILE [--from argdown|aif|kialo|json] [--include-root DIR] [-o OUT.argmap]`:
/// another format into `.argmap` text.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a map from another format as .argmap text.",
    discussion: """
      Formats: argdown (Argdown text), aif (AIF JSON from OVA, AIFdb, xAIF), kialo (Kialo's \
      text export), json (ArgMap JSON). Without --from the format is guessed from the file name \
      (.argdown/.ad, .txt) and, for .json, from the content. Refuses input with errors; warnings \
      (including what has no counterpart in an argument map) are printed and the map is written.
      """)

  @Argument(help: "The file to import ('-' reads standard input).")
  var file: String

  @Option(name: .long, help: "The input format: argdown, aif, kialo or json.")
  var from: ImportFormat?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A folder whose files Argdown's @include may read as well.",
      discussion: "By default an @include reads only files in the including file's folder.",
      valueName: "folder"))
  var includeRoot: String?

  @Option(name: .shortAndLong, help: "Where to write the .argmap text ('-': standard output).")
  var output: String = "-"

  func validate() throws {
    var isFolder: ObjCBool = false
    if let includeRoot,
      !FileManager.default.fileExists(atPath: includeRoot, isDirectory: &isFolder)
        || !isFolder.boolValue
    {
      throw ValidationError("--include-root '\(includeRoot)' is not a folder.")
    }
  }

  func run() throws {
    let input = try CommandIO.read(file)
    let format = from ?? ImportFormat.guess(fileName: file, utf8: input.bytes)
    let result = format.check(
      utf8: input.bytes, fileName: URL(fileURLWithPath: file).lastPathComponent,
      includeLoader: .files(besides: file == "-" ? "./-" : file, root: includeRoot))
    var diagnostics = result.diagnostics
    // A map without statements is refused by every other command, as an empty .argmap file
    // is: nothing is written, and the importer's warning that the map is empty says why.
    if result.map.nodes.isEmpty && !diagnostics.containsErrors {
      for index in diagnostics.indices where diagnostics[index].id.hasSuffix("-empty") {
        diagnostics[index].severity = .error
        diagnostics[index].message =
          diagnostics[index].message.replacing("; the map is empty", with: "")
          + "; nothing to import"
      }
      if !diagnostics.containsErrors {
        diagnostics.append(
          Diagnostic(
            .error, id: "import-empty", message: "the file holds no statement; nothing to import",
            range: nil))
      }
    }
    printDiagnostics(diagnostics, for: input)
    guard !diagnostics.containsErrors else { throw ExitCode(1) }
    try CommandIO.write(ArgumentMapPrinter.print(result.map), to: output)
  }
}

extension ImportFormat: ExpressibleByArgument {}
