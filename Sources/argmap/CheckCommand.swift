import ArgumentMap
import ArgumentParser
import AtomicFiles

/// `argmap check FILE...`: parse and validate, report every problem, exit 1 on errors.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check argument maps and report every problem.",
    discussion: """
      Prints diagnostics as 'file:line:column: severity: message' on standard error, with the \
      source line and a caret. Exits with 1 when any file has an error; warnings alone exit 0 \
      (unless --strict).
      """)

  @Argument(help: "The .argmap files to check ('-' reads standard input).")
  var files: [String]

  @Option(help: "How to report problems: text (stderr) or json (stdout).")
  var format: DiagnosticFormat = .text

  @ArgumentParser.Flag(help: "Treat warnings as errors.")
  var strict = false

  @ArgumentParser.Flag(name: .shortAndLong, help: "Print nothing for files without problems.")
  var quiet = false

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("Give at least one file to check.") }
  }

  func run() throws {
    var reports: [String] = []
    // A file that cannot be read is a problem of the run as much as an error in a map: in JSON
    // it is an item of the one array, or a tool would read "no problems".
    let unreadable: (FileError) -> Void = { error in
      guard format == .json else { return printError(error.description) }
      reports.append(DiagnosticRenderer.json([Self.diagnostic(error)], fileName: error.path))
    }
    let failed = try CommandIO.eachInput(files, unreadable: unreadable) { input in
      let result = CommandIO.readMap(input)
      let errors = result.diagnostics.filter(\.isError).count
      let warnings = result.diagnostics.count { $0.severity == .warning }
      switch format {
      case .text:
        printDiagnostics(result.diagnostics, for: input)
        if !quiet && errors == 0 {
          try printOutput(summary(result.map, input.displayName, warnings) + "\n")
        }
      case .json:
        reports.append(DiagnosticRenderer.json(result.diagnostics, fileName: input.displayName))
      }
      return errors == 0 && !(strict && warnings > 0)
    }
    if format == .json {
      // One array for all files, so tools parse a single document.
      let items = reports.map {
        $0.trimmingSuffix().dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
      }.filter { !$0.isEmpty }
      try printOutput(
        items.isEmpty ? "[]\n" : "[\n  " + items.joined(separator: ",\n  ") + "\n]\n")
    }
    if failed { throw ExitCode(1) }
  }

  /// A file that cannot be read as a diagnostic, at the first byte that is not text when known.
  static func diagnostic(_ error: FileError) -> Diagnostic {
    var range: SourceRange?
    if case .binary(_, let line, let column, _) = error {
      range = SourceRange(at: SourceLocation(line: line, column: column, offset: 0))
    }
    return Diagnostic(.error, id: "unreadable-file", message: error.reason, range: range)
  }

  private func summary(_ map: ArgumentMap, _ name: String, _ warnings: Int) -> String {
    let links = map.nodes.reduce(0) { $0 + $1.links.count }
    let flags = map.nodes.reduce(0) { $0 + $1.flags.count }
    // Under --strict a warning fails the file, which then is not "ok".
    let verdict = strict && warnings > 0 ? "failed (--strict)" : "ok"
    func counted(_ count: Int, _ noun: String) -> String {
      "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
    var text =
      "\(name): \(verdict), \(counted(map.nodes.count, "node")), \(counted(links, "link")), "
      + counted(flags, "flag")
    if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
    return text
  }
}

extension DiagnosticFormat: ExpressibleByArgument {}

extension String {
  fileprivate func trimmingSuffix() -> Substring {
    var text = Substring(self)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text
  }
}
