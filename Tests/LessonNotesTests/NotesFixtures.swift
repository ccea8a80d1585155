import Foundation
import LessonNotes

/// Small maps and helpers shared by the lesson-notes tests.
enum NotesFixtures {
  static let pact = """
    aim security: Security of the USSR
    event pact (1939-08-23): The Nazi–Soviet Pact
      + security: bought time
    """

  static let league = """
    aim recognition: Recognition by the western powers
    event league (1934-09-18): The USSR joins the League of Nations
      + recognition: admitted with a Council seat
    """

  /// Processes `text` as a notes file at `path` (absolute), with `options`.
  static func process(
    _ text: String, path: String = "/tmp/argmap-notes-test/notes.md",
    options: NotesOptions = NotesOptions(target: .markdown(.files), root: "/tmp")
  ) -> NotesReport {
    let folder = (path as NSString).deletingLastPathComponent
    return NotesProcessor.process(
      NotesJob(
        inputPath: path, bytes: Array(text.utf8), outputPath: folder + "/out/notes.md",
        figureFolder: folder + "/out", figureStem: "notes"), options: options)
  }

  /// The text of the main (last) output.
  static func mainOutput(_ report: NotesReport) -> String? {
    report.outputs.last.map { String(decoding: $0.bytes, as: UTF8.self) }
  }
}
