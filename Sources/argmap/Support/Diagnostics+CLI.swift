import ArgumentMap
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

/// Writes to standard error.
func printError(_ text: String, terminator: String = "\n") {
  FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Writes to standard output without buffering surprises when mixed with standard error.
func printOutput(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}

/// How diagnostics are reported.
enum DiagnosticFormat: String, CaseIterable, Sendable {
  case text, json
}
