import ArgumentInterchange
import ArgumentMap
import ArgumentParser
import AtomicFiles
import Foundation

/// The read, check and write steps most commands share; each reports its own problem and ends
/// the command with exit status 1.
enum CommandIO {
  /// Reads `path` (or standard input for `-`).
  static func read(_ path: String) throws -> InputFile {
    do {
      return try InputFile.read(path)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
  }

  /// Reads each of `paths` in turn (`-`: standard input) and hands it to `body`, which returns
  /// false when that input failed; a file that cannot be read is reported and skipped, so one bad
  /// file never hides the problems of the others.
  ///
  /// - Parameters:
  ///   - paths: The files, in order.
  ///   - unreadable: Reports a file that cannot be read; by default its message goes to
  ///     standard error.
  ///   - body: Checks one input; false when it failed.
  /// - Returns: True when any input could not be read or failed.
  static func eachInput(
    _ paths: [String], unreadable: (FileError) -> Void = { printError($0.description) },
    _ body: (InputFile) throws -> Bool
  ) rethrows -> Bool {
    try !InputFile.readEach(
      paths, path: { $0 }, unreadable: { _, error in unreadable(error) }
    ) { _, input in try body(input) }
  }

  /// Reads and checks a map; its diagnostics go to standard error, and errors stop the command.
  static func checkedMap(_ path: String) throws -> (map: ArgumentMap, input: InputFile) {
    let input = try read(path)
    let result = readMap(input)
    printDiagnostics(result.diagnostics, for: input)
    guard !result.diagnostics.containsErrors else { throw ExitCode(1) }
    return (result.map, input)
  }

  /// The map in `input` and what reading it found: `.argmap` text, or, for a file whose name
  /// ends in an extension that only another format uses (`.argdown`, `.ad`, `.af`, `.apx`,
  /// `.tgf`), that format imported as `argmap import` does. `argmap render debate.argdown`
  /// printed a parse error for every Argdown line. Kialo's `.txt` is read as `.argmap` text:
  /// the extension says too little.
  static func readMap(_ input: InputFile) -> (map: ArgumentMap, diagnostics: [Diagnostic]) {
    guard input.path != "-", let format = ImportFormat.guess(fileName: input.path),
      format != .kialo
    else {
      let result = ArgumentMapParser.check(utf8: input.bytes)
      return (result.map, result.diagnostics)
    }
    return ImportCommand.importResult(input, from: format, file: input.path)
  }

  /// The format that `output`'s extension names, for a command whose `--format` was left out:
  /// `nil` for standard output or a name without an extension. An extension that names none of
  /// `formats` is refused: `export map.argmap -o map.argdown` wrote JSON under that name.
  ///
  /// - Parameters:
  ///   - output: The `-o` path.
  ///   - formats: Each format by the extensions (lower case, without the dot) that name it.
  /// - Returns: The format the extension names, or `nil` when there is no extension.
  /// - Throws: A `ValidationError` listing the extensions the command knows.
  static func format<Format>(of output: String, among formats: [(Format, [String])]) throws
    -> Format?
  {
    guard output != "-" else { return nil }
    let name = output.split(separator: "/").last.map(String.init) ?? output
    guard let dot = name.firstIndex(of: "."), dot != name.startIndex else { return nil }
    let lower = name.lowercased()
    // The longest extension first, so that `.aif.json` wins over `.json`.
    let known = formats.flatMap { format, extensions in extensions.map { ($0, format) } }
      .sorted { $0.0.count > $1.0.count }
    if let match = known.first(where: { lower.hasSuffix("." + $0.0) }) { return match.1 }
    let names = known.map { "." + $0.0 }.sorted().joined(separator: ", ")
    throw ValidationError("Cannot tell the format of '\(output)': use \(names), or --format.")
  }

  /// Refuses an output that is one of the inputs: the command would replace the file it reads
  /// (`render map.argmap -o map.argmap`), and the user's map would be lost.
  ///
  /// - Throws: A `ValidationError` naming both.
  static func refuseOverwriting(_ inputs: [String], with output: String?) throws {
    guard let output else { return }
    for input in inputs where AtomicFile.isSameFile(input, output) {
      throw ValidationError(
        "'\(output)' is the input '\(input)': writing there would replace it. "
          + "Choose another output file.")
    }
  }

  /// Makes `path` and the folders above it that are missing, as `mkdir -p` does.
  ///
  /// - Throws: `ExitCode(1)` after reporting, with the system's reason, a folder that cannot be
  ///   made (a file in the way, no permission).
  static func makeFolder(_ path: String) throws {
    var made = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      made += (made.isEmpty || made.hasSuffix("/") ? "" : "/") + component
      var status = stat()
      if stat(made, &status) == 0 {
        guard status.st_mode & S_IFMT == S_IFDIR else {
          return try failed(path, because: "'\(made)' is a file, not a folder")
        }
        continue
      }
      if mkdir(made, 0o777) != 0 && errno != EEXIST {
        return try failed(path, because: AtomicFile.systemReason(errno))
      }
    }
  }

  private static func failed(_ path: String, because reason: String) throws {
    printError("\(path): error: cannot make the folder: \(reason)")
    throw ExitCode(1)
  }

  /// Writes through a temporary file and a rename (`-` is standard output), symbolic links
  /// followed and hard links kept (see `AtomicFile`).
  ///
  /// - Parameters:
  ///   - bytes: The content.
  ///   - path: Where to write; `-` is standard output.
  ///   - isDurable: Whether the file is flushed to disk before it replaces the old one (see
  ///     `AtomicFile.write(_:to:isDurable:)`).
  /// - Throws: `ExitCode(1)` after reporting a file that cannot be written.
  static func write(_ bytes: [UInt8], to path: String, isDurable: Bool = true) throws {
    do {
      try AtomicFile.write(bytes, to: path, isDurable: isDurable)
    } catch {
      StandardStreams.report(error)
      throw ExitCode(1)
    }
  }

  /// Writes `text` as UTF-8; see `write(_:to:isDurable:)`.
  static func write(_ text: String, to path: String) throws {
    try write(Array(text.utf8), to: path)
  }
}
