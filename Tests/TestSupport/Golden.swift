import Foundation
import Testing

/// Compares `actual` with the golden file `name` in the `Golden` folder beside the calling test
/// file; with `RECORD_GOLDEN=1` in the environment, writes the file instead.
///
/// Golden files hold our own text output (DOT, Markdown, JSON), so a change in it shows up as a
/// reviewable diff. A missing golden file fails the test (and says how to record it).
public func assertGolden(
  _ actual: String,
  named name: String,
  filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")
  let file = folder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: file)
    } catch {
      Issue.record("cannot record \(file.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: file.path) else {
    Issue.record(
      "no golden file \(file.path); run the tests with RECORD_GOLDEN=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != actual else { return }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let line =
    zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(expectedLines.count, actualLines.count)
  let expectedLine = line < expectedLines.count ? String(expectedLines[line]) : "<end of file>"
  let actualLine = line < actualLines.count ? String(actualLines[line]) : "<end of file>"
  Issue.record(
    """
    output differs from \(name) at line \(line + 1) (RECORD_GOLDEN=1 re-records it)
      expected: \(expectedLine)
      actual:   \(actualLine)
    """, sourceLocation: sourceLocation)
}
