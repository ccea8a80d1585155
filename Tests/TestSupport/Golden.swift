import Foundation
import Testing

/// Compares `actual` with a golden file, or records it when `RECORD_GOLDEN=1`.
///
/// Golden files hold our own text output (DOT, JSON, Markdown); a difference fails the test with
/// the first differing line, and re-recording is an explicit act.
public func assertGolden(
  _ actual: String, file path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = PackagePaths.url(path)
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url, options: .atomic)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  if expected != actual {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
    let line = first?.offset ?? min(expectedLines.count, actualLines.count)
    Issue.record(
      """
      \(path) differs at line \(line + 1) (re-record with RECORD_GOLDEN=1):
        expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
        actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
      """, sourceLocation: sourceLocation)
  }
}
