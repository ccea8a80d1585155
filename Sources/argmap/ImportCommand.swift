import ArgumentInterchange
import ArgumentMap
import ArgumentParser
import AtomicFiles
import Foundation

/// `argmap import FILE [--from argdown|aif|kialo|json|iccma|apx|tgf] [--include-root DIR]
/// [-o OUT.argmap]`:
/// another format into `.argmap` text.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a map from another format as .argmap text.",
    discussion: """
      Formats: argdown (Argdown text), aif (AIF JSON from OVA, AIFdb, xAIF), kialo (Kialo's \
      text export), json (ArgMap JSON), and the abstract frameworks iccma (ICCMA 2023 'p af'), \
      apx (ASPARTIX) and tgf (Trivial Graph Format). Without --from the format is guessed from \
      the file name (.argdown/.ad, .txt, .af, .apx, .tgf) and, for .json or standard input, \
      from the content (a JSON object); any other file needs --from. \
      Refuses input with errors; warnings \
      (including what has no counterpart in an argument map) are printed and the map is written.
      """)

  @Argument(help: "The file to import ('-' reads standard input).")
  var file: String

  @Option(
    name: .long, help: "The input format: argdown, aif, kialo, json, iccma, apx or tgf.")
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
    try CommandIO.refuseOverwriting([file], with: output)
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
    let format = try from ?? Self.guessedFormat(of: file, input.bytes)
    let map = try Self.importedMap(input, from: format, file: file, includeRoot: includeRoot)
    try CommandIO.write(ArgumentMapPrinter.print(map), to: output)
  }

  /// The format of a file given without `--from`: by its name, and for `.json` (or a name
  /// that says nothing, such as standard input) by its content, when that is a JSON object. An
  /// `.argmap` file, or any other, is refused: it was read as JSON and failed with "malformed
  /// number" at 1:1.
  static func guessedFormat(of file: String, _ bytes: [UInt8]) throws -> ImportFormat {
    if let format = ImportFormat.guess(fileName: file) { return format }
    let start = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
    guard file.lowercased().hasSuffix(".json") || start == UInt8(ascii: "{") else {
      let name = file == "-" ? "standard input" : "'\(file)'"
      let already = file.lowercased().hasSuffix(".argmap") ? " (it is already .argmap text)" : ""
      throw ValidationError(
        "Cannot tell the format of \(name)\(already): use --from argdown, aif, kialo, json, "
          + "iccma, apx or tgf.")
    }
    return ImportFormat.guess(fileName: file, utf8: bytes)
  }

  /// Imports and validates a file as `argmap import` does, printing its diagnostics; errors (and
  /// a map without statements) end the command with exit status 1. `argmap evaluate` reads other
  /// formats through this too, so both commands accept and refuse the same files.
  static func importedMap(
    _ input: InputFile, from format: ImportFormat, file: String, includeRoot: String? = nil
  ) throws -> ArgumentMap {
    let (map, diagnostics) = importResult(
      input, from: format, file: file, includeRoot: includeRoot)
    printDiagnostics(diagnostics, for: input)
    guard !diagnostics.containsErrors else { throw ExitCode(1) }
    return map
  }

  /// The map imported from `input` and every diagnostic of the import, a map without statements
  /// made an error: what `importedMap` prints, for commands that print diagnostics their own
  /// way.
  static func importResult(
    _ input: InputFile, from format: ImportFormat, file: String, includeRoot: String? = nil
  ) -> (map: ArgumentMap, diagnostics: [Diagnostic]) {
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
    return (result.map, diagnostics)
  }
}

extension ImportFormat: ExpressibleByArgument {}
