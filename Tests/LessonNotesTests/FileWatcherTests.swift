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

  @Test("a change saved during a rebuild sets off another rebuild; the rebuild's own writes do not")
  func rebuilds() throws {
    let folder = try makeTemporaryFolder("argmap-watch")
    defer { try? FileManager.default.removeItem(at: folder) }
    let notes = try writeFile("# Notes\n", "notes.md", in: folder).path
    let map = try writeFile("aim a: A\n", "map.argmap", in: folder).path
    var watcher = FileWatcher(paths: [notes, map])
    var checks = 0
    var rebuilds: [[String]] = []
    try writeFile("aim a: A saved\n", "map.argmap", in: folder)
    watcher.run(
      pollInterval: 1,
      isStopped: {
        checks += 1
        return checks > 40
      }
    ) { changed in
      rebuilds.append(changed)
      // The rebuild rewrites the notes in place, as `--in-place` does …
      try? writeFile("# Notes, rebuilt \(rebuilds.count)\n", "notes.md", in: folder)
      // … and, during the first one only, the map is saved again.
      if rebuilds.count == 1 { try? writeFile("aim a: A saved twice\n", "map.argmap", in: folder) }
      return ([notes, map], [notes])
    }
    #expect(rebuilds == [[map], [map]])
  }
}
