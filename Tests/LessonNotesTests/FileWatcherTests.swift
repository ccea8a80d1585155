import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("the file watcher")
struct FileWatcherTests {
  @Test("reports a changed, a deleted and a created file once each, and nothing when idle")
  func changes() throws {
    let folder = try makeTemporaryFolder("argmap-watch")
    defer { try? FileManager.default.removeItem(at: folder) }
    let notes = try writeFile("# Notes\n", "notes.md", in: folder).path
    let map = try writeFile("aim a: A\n", "map.argmap", in: folder).path
    let later = folder.appendingPathComponent("later.argmap").path
    var watcher = FileWatcher(paths: [notes, map, later, notes])
    #expect(watcher.paths == [notes, map, later])
    #expect(watcher.changes().isEmpty)
    try writeFile("aim a: A longer aim\n", "map.argmap", in: folder)
    #expect(watcher.changes() == [map])
    #expect(watcher.changes().isEmpty)
    try FileManager.default.removeItem(atPath: notes)
    try writeFile("aim b: B\n", "later.argmap", in: folder)
    #expect(watcher.changes() == [notes, later])
    #expect(watcher.changes().isEmpty)
  }
}
