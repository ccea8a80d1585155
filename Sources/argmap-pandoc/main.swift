import ArgumentMapGraphviz
import AtomicFiles
import Foundation
import LessonNotes

// `pandoc --filter argmap-pandoc`: Pandoc's JSON AST on standard input, the same AST on standard
// output with every `argmap` code block drawn; the target format is the first argument.
// The filter owns its standard error: Graphviz's direct writes become messages.
// Its outputs follow `StandardStreams`' policy: a write that fails is reported (a broken pipe
// quietly) and the filter exits with 1, never a trap or a death by SIGPIPE.
StandardStreams.prepare()
Graphviz.captureStandardError()
let format = CommandLine.arguments.dropFirst().first ?? "html"
let input: InputFile
do throws(FileError) {
  input = try InputFile.read("-")
} catch {
  StandardStreams.report(error)
  exit(1)
}
let timeLimit = PandocFilter.timeLimit(environment: ProcessInfo.processInfo.environment)
switch PandocFilter.run(input: input.bytes, format: format, timeLimit: timeLimit) {
case .success(let output):
  do throws(FileError) {
    try StandardStreams.writeOutput(output)
  } catch {
    StandardStreams.report(error)
    exit(1)
  }
case .failure(let failure):
  StandardStreams.writeError(failure.description + "\n")
  exit(1)
}
exit(StandardStreams.errorHasFailed ? 1 : 0)
