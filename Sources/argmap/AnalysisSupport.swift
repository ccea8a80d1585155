import ArgumentAnalysis
import ArgumentMap
import ArgumentParser

/// Reads and checks a map for an analysis command: diagnostics go to standard error, and a map
/// with errors stops the command with exit status 1.
func loadCheckedMap(_ path: String) throws -> ArgumentMap {
  let input: InputFile
  do {
    input = try InputFile.read(path)
  } catch {
    printError(error.description)
    throw ExitCode(1)
  }
  let result = ArgumentMapParser.check(utf8: input.bytes)
  printDiagnostics(result.diagnostics, for: input)
  guard !result.hasErrors else { throw ExitCode(1) }
  return result.map
}

/// Options for an analysis, checking that `under` names an interpretation of the map.
func analysisOptions(
  _ map: ArgumentMap, under: String?, support: SupportReading, rivalsAttack: Bool
) throws -> AnalysisOptions {
  var options = AnalysisOptions(supportReading: support, rivalsAttack: rivalsAttack)
  if let under {
    let id = NodeID(under)
    guard map.node(withID: id)?.kind == .interpretation else {
      throw ValidationError("'\(under)' is not an interpretation in this map.")
    }
    options.interpretation = id
  }
  return options
}

/// Writes a report to a file (atomically) or standard output, exiting 1 on failure.
func writeOutput(_ text: String, to path: String) throws {
  do {
    try AtomicFile.write(text, to: path)
  } catch {
    printError(error.description)
    throw ExitCode(1)
  }
}
