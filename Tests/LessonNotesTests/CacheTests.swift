import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("the content-hash cache")
struct CacheTests {
  func run(
    _ text: String, folder: URL, target: NotesOptions.Target = .html, salt: String = ""
  ) -> NotesReport {
    NotesProcessor.process(
      NotesJob(
        inputPath: folder.appendingPathComponent("notes.md").path, bytes: Array(text.utf8),
        outputPath: folder.appendingPathComponent("out/notes.html").path,
        figureFolder: folder.appendingPathComponent("out").path, figureStem: "notes"),
      options: NotesOptions(
        target: target, root: folder.path,
        cacheFolder: folder.appendingPathComponent("cache").path, cacheSalt: salt))
  }

  func notes(caption: String = "The pact", mapFile: String = "pact.argmap") -> String {
    """
    # Lesson

    ```argmap
    caption: \(caption)
    \(NotesFixtures.pact)
    ```

    ```argmap
    map: \(mapFile)
    view: timeline
    ```
    """
  }

  @Test("a second run takes every block from the cache and writes the same bytes")
  func warm() throws {
    let folder = try makeTemporaryFolder("argmap-cache")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(NotesFixtures.league, "pact.argmap", in: folder)
    let cold = run(notes(), folder: folder)
    #expect((cold.renderedCount, cold.cachedCount) == (2, 0))
    let warm = run(notes(), folder: folder)
    #expect((warm.renderedCount, warm.cachedCount) == (0, 2))
    #expect(warm.outputs == cold.outputs)
  }

  @Test("changing an option, the inline map or the referenced file misses only that block")
  func misses() throws {
    let folder = try makeTemporaryFolder("argmap-cache")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(NotesFixtures.league, "pact.argmap", in: folder)
    _ = run(notes(), folder: folder)
    let caption = run(notes(caption: "Another caption"), folder: folder)
    #expect((caption.renderedCount, caption.cachedCount) == (1, 1))
    try writeFile(NotesFixtures.league + "\n# a comment\n", "pact.argmap", in: folder)
    let file = run(notes(caption: "Another caption"), folder: folder)
    #expect((file.renderedCount, file.cachedCount) == (1, 1))
    let edited = notes().replacingOccurrences(of: "bought time", with: "bought two years")
    let inline = run(edited, folder: folder)
    #expect((inline.renderedCount, inline.cachedCount) == (1, 1))
  }

  @Test("another build of the tool (another salt) misses, and draws the same ids")
  func salt() throws {
    let folder = try makeTemporaryFolder("argmap-cache")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(NotesFixtures.league, "pact.argmap", in: folder)
    let first = run(notes(), folder: folder, salt: "build 1")
    let second = run(notes(), folder: folder, salt: "build 2")
    #expect((second.renderedCount, second.cachedCount) == (2, 0))
    #expect(second.outputs == first.outputs)
    let markdown = run(notes(), folder: folder, target: .markdown(.files), salt: "build 2")
    #expect((markdown.renderedCount, markdown.cachedCount) == (0, 2))
  }

  @Test("a corrupt cache entry is drawn again, not trusted")
  func corrupt() throws {
    let folder = try makeTemporaryFolder("argmap-cache")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(NotesFixtures.league, "pact.argmap", in: folder)
    let cold = run(notes(), folder: folder)
    let cache = folder.appendingPathComponent("cache")
    for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) {
      try Data("{not json".utf8).write(to: cache.appendingPathComponent(name))
    }
    let again = run(notes(), folder: folder)
    #expect((again.renderedCount, again.cachedCount) == (2, 0))
    #expect(again.outputs == cold.outputs)
  }
}
