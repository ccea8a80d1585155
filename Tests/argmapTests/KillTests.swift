import AtomicFiles
import Foundation
import TestSupport
import Testing

/// Kills `argmap fmt --write` and `argmap notes --in-place` with SIGKILL at many moments, the
/// write itself included, and checks that every file is exactly its old or its new content.
@Suite("No lost data: SIGKILL in the middle of a write", .serialized)
struct KillTests {
  /// What the kills found.
  struct Tally {
    var old = 0
    var new = 0
    /// Temporary files killed runs left: the process died between creating one and its rename.
    var temporariesLeft = 0
  }

  /// A non-canonical map of about 1 MB, so that `fmt --write` has something to rewrite and the
  /// write takes a while.
  static let map: String = {
    var lines = ["aim   a0:   the root of a long chain"]
    for index in 1..<10_000 {
      lines.append("claim   a\(index):   claim \(index), with some words to make the line longer")
      lines.append("  +   a\(index - 1):   because of \(index)")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  /// Notes of about 2 MB with four diagrams.
  static let notes: String = {
    var text = "# Lesson\n"
    let paragraph = String(repeating: "Some paragraph text for the lesson. ", count: 10_000)
    for index in 0..<4 {
      text += "\n\(paragraph)\n\n```argmap\naim a: Aim \(index)\nclaim b: B\n  + a\n```\n"
    }
    return text
  }()

  @Test("fmt --write killed at any moment leaves the file old or new, never damaged")
  func fmtWrite() throws {
    let tally = try killRepeatedly(
      file: "map.argmap", content: Self.map, arguments: ["fmt", "--write", "map.argmap"],
      kills: 50)
    #expect(tally.old > 0)
    #expect(tally.new > 0)
  }

  @Test("notes --in-place killed at any moment leaves every file old or new, never damaged")
  func notesInPlace() throws {
    let tally = try killRepeatedly(
      file: "lesson.md", content: Self.notes,
      arguments: ["notes", "--in-place", "--no-cache", "--jobs", "1", "lesson.md"], kills: 50)
    #expect(tally.old > 0)
    #expect(tally.new > 0)
  }

  /// Runs `arguments` once to learn the new content and the time a run takes, then `kills` times
  /// killed at delays spread evenly from the start to 1.3 times the length of a run (and three
  /// later), checking after each kill
  /// that every file in the folder is old or new (and putting the old content back when a run
  /// finished). A last run, not killed, must leave no temporary file behind.
  func killRepeatedly(file: String, content: String, arguments: [String], kills: Int) throws
    -> Tally
  {
    let folder = try makeTemporaryFolder("argmap-kill")
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent(file)
    let old = Array(content.utf8)
    try Data(old).write(to: target)
    let start = Date()
    let first = try runArgmap(arguments, in: folder)
    let duration = Date().timeIntervalSince(start)
    #expect(first.status == 0, "\(first.stderr)")
    let newFiles = try snapshot(folder)
    let new = try #require(newFiles[file])
    #expect(new != old)
    try Data(old).write(to: target)
    var tally = Tally()
    var killed: Set<Int32> = []
    for kill in 0..<kills {
      // Spread over 0–130% of a run; the last three at two to four runs, so that some kills
      // land after the write even when a run is slower than the timed one.
      let spread = kills - 3
      let delay =
        kill < spread
        ? duration * 1.3 * Double(kill) / Double(spread - 1) : duration * Double(kill - spread + 2)
      let pid = try killedRun(arguments, in: folder, after: delay)
      killed.insert(pid)
      var files = try snapshot(folder)
      let temporaries = files.keys.filter { $0.hasSuffix(".tmp") }
      for name in temporaries {
        // Only killed runs' temporary files, named so that the next write removes them.
        let owner = try #require(TemporaryFiles.temporary(name)?.owner, "\(name)")
        #expect(killed.contains(owner), "\(name)")
        if owner == pid { tally.temporariesLeft += 1 }
        files[name] = nil
      }
      let contents = try #require(files[file])
      if contents == old {
        tally.old += 1
      } else if contents == new {
        tally.new += 1
      } else {
        Issue.record("after a kill at \(delay) s, \(file) is neither old nor new")
      }
      for (name, bytes) in files where name != file {
        #expect(newFiles[name] == bytes, "\(name) is damaged after a kill at \(delay) s")
      }
      try Data(old).write(to: target)
    }
    let last = try runArgmap(arguments, in: folder)
    #expect(last.status == 0)
    let after = try snapshot(folder)
    #expect(after.keys.filter { $0.hasSuffix(".tmp") }.isEmpty)
    #expect(after == newFiles)
    print(
      "\(arguments.prefix(2).joined(separator: " ")): \(kills) kills over a \(duration) s run: "
        + "\(tally.old) old, \(tally.new) new, \(tally.temporariesLeft) temporary files left")
    return tally
  }

  /// Starts argmap and kills it with SIGKILL after `delay` seconds; returns its process id.
  func killedRun(_ arguments: [String], in folder: URL, after delay: Double) throws -> Int32 {
    let process = Process()
    process.executableURL = PackagePaths.argmapExecutable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    if delay > 0 { usleep(useconds_t(delay * 1_000_000)) }
    kill(pid, SIGKILL)
    process.waitUntilExit()
    return pid
  }

  /// Every regular file in `folder` (hidden ones too), by name, with its bytes.
  func snapshot(_ folder: URL) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      files[name] = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }
    return files
  }
}
