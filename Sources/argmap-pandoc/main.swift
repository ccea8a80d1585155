import ArgumentMapGraphviz
import Foundation
import LessonNotes

// `pandoc --filter argmap-pandoc`: Pandoc's JSON AST on standard input, the same AST on standard
// output with every `argmap` code block drawn; the target format is the first argument.
// The filter owns its standard error: Graphviz's direct writes become messages.
Graphviz.captureStandardError()
let format = CommandLine.arguments.dropFirst().first ?? "html"
let input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
switch PandocFilter.run(input: input, format: format) {
case .success(let output):
  FileHandle.standardOutput.write(Data(output))
case .failure(let failure):
  FileHandle.standardError.write(Data((failure.description + "\n").utf8))
  exit(1)
}
