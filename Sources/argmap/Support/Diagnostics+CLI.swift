import ArgumentMap
import ArgumentParser
import AtomicFiles
import Foundation

/// Prints diagnostics to standard error in the compiler format, coloured only on a terminal.
func printDiagnostics(_ diagnostics: [Diagnostic], for input: InputFile) {
  guard !diagnostics.isEmpty else { return }
  let colors = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  let text = DiagnosticRenderer.text(
    diagnostics, fileName: input.displayName, source: input.bytes, colors: colors)
  printError(text, terminator: "")
}

/// Writes to standard error; a failed write makes the program exit with 1 (see
/// `StandardStreams`).
func printError(_ text: String, terminator: String = "\n") {
  StandardStreams.writeError(text + terminator)
}

/// Writes to standard output, unbuffered so that it interleaves with standard error as written.
///
/// - Throws: `ExitCode(1)` when the write fails, after reporting it (`<stdout>: error: cannot
///   write: No space left on device`; a broken pipe ends quietly, see `StandardStreams`).
func printOutput(_ text: String) throws {
  try printOutput(Array(text.utf8))
}

/// Writes bytes to standard output; see `printOutput(_:)` for failures.
func printOutput(_ bytes: [UInt8]) throws {
  do {
    try StandardStreams.writeOutput(bytes)
  } catch {
    StandardStreams.report(error)
    throw ExitCode(1)
  }
}

/// How diagnostics are reported.
enum DiagnosticFormat: String, CaseIterable, Sendable {
  case text, json
}
