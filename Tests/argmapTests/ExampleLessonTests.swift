import Foundation
import TestSupport
import Testing

@Suite("the example lesson")
struct ExampleLessonTests {
  static let lesson = "Examples/lessons/stalin-foreign-policy"

  /// The files of a folder (not its hidden cache), with their bytes.
  func files(in folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where !name.hasPrefix(".") {
      result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
    return result
  }

  @Test("the committed Markdown, figures and HTML page are what Scripts/build-lesson.sh makes now")
  func notStale() throws {
    let folder = try makeTemporaryFolder("argmap-lesson")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = folder.appendingPathComponent("cache").path
    let built = folder.appendingPathComponent("built")
    for target in ["markdown", "html"] {
      let result = try runArgmap([
        "notes", "\(Self.lesson)/lesson.md", "-o", built.path, "--to", target, "--cache-dir", cache,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
    let fresh = try files(in: built)
    let committed = try files(in: PackagePaths.url("\(Self.lesson)/built"))
    #expect(fresh.keys.sorted() == committed.keys.sorted(), "run: bash Scripts/build-lesson.sh")
    for (name, bytes) in fresh.sorted(by: { $0.key < $1.key }) {
      #expect(committed[name] == bytes, "\(name) is stale; run: bash Scripts/build-lesson.sh")
    }
    #expect(fresh.count >= 7)
  }

  @Test("the lesson has every part a teacher needs")
  func parts() throws {
    let html = try String(
      contentsOf: PackagePaths.url("\(Self.lesson)/built/lesson.html"), encoding: .utf8)
    for heading in [
      "Learning objectives", "The argument of the essay", "The timeline", "Two interpretations",
      "Successes and failures", "Student worksheet", "Answer key", "Check the facts",
      "Teacher",
    ] {
      #expect(html.contains(heading), "missing: \(heading)")
    }
    #expect(!html.contains("class=\"argmap-error\""))
    #expect(html.contains(" blank\""))
  }
}
