import Foundation
import LessonNotes
import TestSupport

/// An HTML page as headless Chromium lays it out at 1280 px and prints it on A4, as measured by
/// `Scripts/page-geometry.py` (Selenium with Debian's chromium-driver, pages rendered by
/// pdftoppm).
///
/// The page is the example lesson built afresh from its notes, in the teacher's or the students'
/// copy, or any HTML file named by the environment variable `ARGMAP_GEOMETRY_PAGE` (a path from
/// the package root, or absolute; then both copies measure that page).
struct PageGeometry: Decodable {
  /// A horizontal extent in CSS pixels.
  struct Column: Decodable {
    var left: Double
    var right: Double
  }

  /// The bounding box of a diagram's `<svg>`.
  struct Box: Decodable {
    var left: Double
    var right: Double
    var top: Double
    var width: Double
    var height: Double
  }

  /// The smallest `<text>` of a diagram: its box's height and the start of its text.
  struct Text: Decodable {
    var height: Double
    var text: String
  }

  /// One `figure.argmap`; the diagram's fields are absent when the figure is only a report.
  struct Figure: Decodable {
    var index: Int
    var id: String
    var caption: String
    var svg: Box?
    /// The diagram's width on the page over its natural width.
    var zoom: Double?
    var texts: Int?
    var smallestText: Text?
    /// The printed sheets holding the top and the bottom of the diagram (1-based).
    var printedSheets: [Int?]?
  }

  /// One printed sheet: how far down its lowest ink is (0 to 1) and its inked fraction.
  struct Sheet: Decodable {
    var sheet: Int
    var fill: Double
    var ink: Double
  }

  /// The text column: the content box of `<main>`.
  var column: Column
  /// The layout width the page was measured at.
  var viewport: Double
  var figures: [Figure]
  var sheets: [Sheet]

  /// The figures that draw a diagram.
  var diagrams: [Figure] { figures.filter { $0.svg != nil } }

  /// The teacher's page measured, or why it could not be.
  static let measured: Result<PageGeometry, MeasuringError> = measure(copy: .teacher)

  /// The students' page measured (the page named by the environment, if any).
  static let measuredStudentCopy: Result<PageGeometry, MeasuringError> =
    isExampleLesson ? measure(copy: .student) : measured

  /// The page of one copy, measured once per test run.
  static func measured(_ copy: NotesCopy) -> Result<PageGeometry, MeasuringError> {
    switch copy {
    case .teacher: measured
    case .student: measuredStudentCopy
    }
  }

  /// Whether the measured page is the example lesson (rather than one named by the environment).
  static var isExampleLesson: Bool { ProcessInfo.processInfo.environment[pageVariable] == nil }

  static let pageVariable = "ARGMAP_GEOMETRY_PAGE"

  /// Why the page could not be measured.
  struct MeasuringError: Error, CustomStringConvertible {
    var description: String
  }

  static func measure(copy: NotesCopy) -> Result<PageGeometry, MeasuringError> {
    do {
      let folder = try makeTemporaryFolder("argmap-geometry")
      defer { try? FileManager.default.removeItem(at: folder) }
      let page: URL
      if let named = ProcessInfo.processInfo.environment[pageVariable] {
        page = named.hasPrefix("/") ? URL(fileURLWithPath: named) : PackagePaths.url(named)
      } else {
        page = try buildExampleLesson(in: folder, copy: copy)
      }
      let result = try runProcess(
        URL(fileURLWithPath: "/usr/bin/python3"),
        [
          PackagePaths.url("Scripts/page-geometry.py").path, page.path, "--width", "1280",
          "--pdf", folder.appendingPathComponent("page.pdf").path,
        ], in: PackagePaths.root)
      guard result.status == 0 else {
        return .failure(
          MeasuringError(
            description: "Scripts/page-geometry.py failed (needs chromium, chromium-driver, "
              + "python3-selenium, poppler-utils): \(result.stderr)"))
      }
      return .success(try JSONDecoder().decode(PageGeometry.self, from: Data(result.stdout.utf8)))
    } catch {
      return .failure(MeasuringError(description: "\(error)"))
    }
  }

  /// The example lesson's HTML page in one copy, built from its notes in process (the committed
  /// build is not used, so the page has the current stylesheet).
  static func buildExampleLesson(in folder: URL, copy: NotesCopy) throws -> URL {
    let notes = PackagePaths.url("Examples/lessons/stalin-foreign-policy/lesson.md")
    let output = folder.appendingPathComponent("lesson.html")
    let report = NotesProcessor.process(
      NotesJob(
        inputPath: notes.path, bytes: [UInt8](try Data(contentsOf: notes)),
        outputPath: output.path, figureFolder: folder.path, figureStem: "lesson"),
      options: NotesOptions(target: .html, root: PackagePaths.root.path, copy: copy))
    guard !report.hasErrors, let page = report.outputs.last else {
      throw MeasuringError(description: "the example lesson has errors: \(report.diagnostics)")
    }
    try Data(page.bytes).write(to: output)
    return output
  }
}
