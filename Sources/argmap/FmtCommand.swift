import ArgumentMap
import ArgumentParser
import AtomicFiles

/// `argmap fmt FILE... [--write | --check]`: print maps in canonical form.
struct FmtCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Print argument maps in canonical form, comments kept.",
    discussion: """
      Without options, prints the canonical text on standard output. --write replaces each file \
      in place (through a temporary file and a rename, so a file is never half-written) and \
      refuses a file with syntax errors, since lines it cannot read would be lost. --check \
      changes nothing and exits with 1 when a file is not in canonical form.
      """)

  @Argument(help: "The .argmap files to format ('-' reads standard input).")
  var files: [String]

  @ArgumentParser.Flag(name: .shortAndLong, help: "Rewrite the files in place.")
  var write = false

  @ArgumentParser.Flag(help: "Exit with 1 if a file is not in canonical form; change nothing.")
  var check = false

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("Give at least one file to format.") }
    if write && check { throw ValidationError("--write and --check cannot be used together.") }
    if write && files.contains("-") {
      throw ValidationError("--write cannot rewrite standard input; leave out --write.")
    }
  }

  func run() throws {
    let failed = try CommandIO.eachInput(files) { input in
      let result = ArgumentMapParser.parse(utf8: input.bytes)
      let errors = result.diagnostics.filter(\.isError)
      guard errors.isEmpty else {
        printDiagnostics(errors, for: input)
        if write { printError("\(input.displayName): not rewritten: fix the errors first") }
        return false
      }
      let formatted = ArgumentMapPrinter.print(result.map)
      if check {
        if Array(formatted.utf8) != input.bytes {
          try printOutput("\(input.displayName): not formatted\n")
          return false
        }
      } else if write {
        if Array(formatted.utf8) != input.bytes {
          do throws(FileError) {
            try AtomicFile.write(formatted, to: input.path)
          } catch {
            StandardStreams.report(error)
            return false
          }
        }
      } else {
        try printOutput(formatted)
      }
      return true
    }
    if failed { throw ExitCode(1) }
  }
}
