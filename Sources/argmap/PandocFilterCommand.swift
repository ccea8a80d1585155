import ArgumentMapGraphviz
import ArgumentParser
import Foundation
import LessonNotes

/// `argmap pandoc-filter [FORMAT]`: a Pandoc JSON filter that draws `argmap` code blocks.
struct PandocFilterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pandoc-filter",
    abstract: "A Pandoc JSON filter: draw argmap code blocks (pandoc --filter argmap-pandoc).",
    discussion: """
      Reads Pandoc's JSON AST on standard input and writes it to standard output. HTML targets \
      get inline SVG; LaTeX and PDF get PDF figures, Word, ODT and other formats PNG figures, \
      written to argmap-figures/ in the working folder. Map references are resolved from the \
      working folder. The argmap-pandoc executable runs this filter for 'pandoc --filter'. \
      The students' copy (--copy student, or the document's metadata: pandoc -M copy=student) \
      leaves out the parts between '<!-- teacher -->' and '<!-- /teacher -->' and every answer.
      """)

  @Argument(help: "The target format Pandoc passes (html, latex, docx, ...).")
  var format: String = "html"

  @Option(
    help: ArgumentHelp(
      "The teacher's copy or the students' copy (default: the metadata 'copy', else teacher).",
      valueName: "teacher|student"))
  var copy: NotesCopy?

  func run() throws {
    Graphviz.captureStandardError()
    let input = try CommandIO.read("-")
    let timeLimit = PandocFilter.timeLimit(environment: ProcessInfo.processInfo.environment)
    let result = PandocFilter.run(
      input: input.bytes, format: format, timeLimit: timeLimit, copy: copy)
    switch result {
    case .success(let output):
      try printOutput(output)
    case .failure(let failure):
      printError(failure.description)
      throw ExitCode(1)
    }
  }
}
