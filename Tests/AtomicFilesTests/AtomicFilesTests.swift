import AtomicFiles
import Foundation
import Testing

/// A fresh folder for one test, removed afterwards.
private final class Scratch {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "atomic-files-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }

  /// The names in the folder, sorted.
  func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }
}

@Suite("Files are replaced whole, never half-written")
struct AtomicFileTests {
  @Test("a write replaces the file, keeps its permissions and leaves no temporary file")
  func replaces() throws {
    let scratch = try Scratch()
    let target = scratch.file("notes.md")
    try AtomicFile.write("old\n", to: target)
    #expect(chmod(target, 0o600) == 0)
    try AtomicFile.write("new\n", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    #expect(try scratch.names() == ["notes.md"])
  }

  @Test("a folder, a path ending in '/' and a missing folder are refused with the reason")
  func refusals() throws {
    let scratch = try Scratch()
    #expect(throws: FileError.self) { try AtomicFile.write("x", to: scratch.path) }
    do {
      try AtomicFile.write("x", to: scratch.file("figures/"))
      Issue.record("a path ending in '/' was written")
    } catch {
      #expect(error.description.contains("no file name"))
    }
    do {
      try AtomicFile.write("x", to: scratch.file("missing/out.svg"))
      Issue.record("a write into a missing folder succeeded")
    } catch {
      #expect(
        error.description.hasPrefix(scratch.file("missing/out.svg") + ": error: cannot write"))
    }
  }

  @Test("a device is written in place, not replaced by a regular file")
  func device() throws {
    try AtomicFile.write("discarded", to: "/dev/null")
    var status = stat()
    #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
  }

  @Test("a temporary file left by a process that is gone is swept by the next write")
  func staleTemporaryFiles() throws {
    let scratch = try Scratch()
    // No process has pid 2^22 + 1 on Linux (pid_max is at most 2^22).
    let stale = scratch.file(".out.svg.4194305.7.tmp")
    let unrelated = scratch.file(".other.svg.4194305.7.tmp")
    for path in [stale, unrelated] {
      #expect(FileManager.default.createFile(atPath: path, contents: Data("half".utf8)))
    }
    try AtomicFile.write("whole", to: scratch.file("out.svg"))
    #expect(try scratch.names() == [".other.svg.4194305.7.tmp", "out.svg"])
    #expect(TemporaryFiles.temporary(".out.svg.4194305.7.tmp")?.name == "out.svg")
    #expect(TemporaryFiles.temporary(".out.svg.tmp") == nil)
  }
}

/// The permission bits and the inode of `path` (links followed).
private func status(_ path: String) -> (mode: mode_t, inode: UInt64, links: UInt64) {
  var status = stat()
  guard stat(path, &status) == 0 else { return (0, 0, 0) }
  return (status.st_mode & 0o7777, UInt64(status.st_ino), UInt64(status.st_nlink))
}

/// Whether `path` itself is a symbolic link.
private func isLink(_ path: String) -> Bool {
  var status = stat()
  return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
}

/// The process's umask, read from `/proc` (setting it to read it would race other tests).
private var currentUmask: mode_t {
  guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
    let mask = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8)
  else { return 0o022 }
  return mask
}

@Suite("Links are written through, never replaced")
struct LinkedTargetTests {
  @Test("a symbolic link (relative, through a chain) replaces the file it names; the link stays")
  func symbolicLinks() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      atPath: scratch.file("real"), withIntermediateDirectories: true)
    try AtomicFile.write("old", to: scratch.file("real/map.argmap"))
    #expect(chmod(scratch.file("real/map.argmap"), 0o640) == 0)
    #expect(symlink("real/map.argmap", scratch.file("first")) == 0)
    #expect(symlink(scratch.file("first"), scratch.file("second")) == 0)
    try AtomicFile.write("new", to: scratch.file("second"))
    #expect(try String(contentsOfFile: scratch.file("real/map.argmap"), encoding: .utf8) == "new")
    #expect(isLink(scratch.file("first")) && isLink(scratch.file("second")))
    #expect(status(scratch.file("real/map.argmap")).mode == 0o640)
    #expect(try scratch.names() == ["first", "real", "second"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.file("real")) == ["map.argmap"])
    #expect(AtomicFile.destination(of: scratch.file("second")) == scratch.file("real/map.argmap"))
  }

  @Test("a link to nowhere makes its target with the umask's mode; a loop is refused")
  func danglingAndLoop() throws {
    let scratch = try Scratch()
    #expect(symlink("made.svg", scratch.file("link.svg")) == 0)
    try AtomicFile.write("<svg/>", to: scratch.file("link.svg"))
    #expect(isLink(scratch.file("link.svg")))
    #expect(try String(contentsOfFile: scratch.file("made.svg"), encoding: .utf8) == "<svg/>")
    #expect(status(scratch.file("made.svg")).mode == 0o666 & ~currentUmask)

    #expect(symlink("b", scratch.file("a")) == 0)
    #expect(symlink("a", scratch.file("b")) == 0)
    do {
      try AtomicFile.write("x", to: scratch.file("a"))
      Issue.record("a loop of links was written")
    } catch {
      #expect(error.description.contains("Too many levels of symbolic links"))
    }
  }

  @Test("a hard-linked file is rewritten in place: every name sees the new content")
  func hardLinks() throws {
    let scratch = try Scratch()
    try AtomicFile.write("old content, longer than the new", to: scratch.file("one"))
    #expect(chmod(scratch.file("one"), 0o604) == 0)
    #expect(link(scratch.file("one"), scratch.file("two")) == 0)
    let before = status(scratch.file("one"))
    try AtomicFile.write("new", to: scratch.file("two"))
    #expect(try String(contentsOfFile: scratch.file("one"), encoding: .utf8) == "new")
    #expect(status(scratch.file("one")) == before)
    try AtomicFile.write(String(repeating: "longer ", count: 5_000), to: scratch.file("one"))
    #expect(try String(contentsOfFile: scratch.file("two"), encoding: .utf8).count == 35_000)
    #expect(try scratch.names() == ["one", "two"])
  }

  @Test("a batch writes through a symbolic link and keeps a hard link, modes kept")
  func batch() throws {
    let scratch = try Scratch()
    try AtomicFile.write("old", to: scratch.file("target.md"))
    #expect(chmod(scratch.file("target.md"), 0o600) == 0)
    #expect(symlink("target.md", scratch.file("link.md")) == 0)
    try AtomicFile.write("old", to: scratch.file("hard.md"))
    #expect(link(scratch.file("hard.md"), scratch.file("other.md")) == 0)
    var batch = AtomicBatch()
    try batch.stage(Array("through".utf8), to: scratch.file("link.md"))
    try batch.stage(Array("in place".utf8), to: scratch.file("other.md"))
    try batch.stage(Array("fresh".utf8), to: scratch.file("new.md"))
    #expect(try String(contentsOfFile: scratch.file("hard.md"), encoding: .utf8) == "old")
    #expect(batch.commit().isEmpty)
    #expect(isLink(scratch.file("link.md")))
    #expect(try String(contentsOfFile: scratch.file("target.md"), encoding: .utf8) == "through")
    #expect(status(scratch.file("target.md")).mode == 0o600)
    #expect(try String(contentsOfFile: scratch.file("hard.md"), encoding: .utf8) == "in place")
    #expect(status(scratch.file("hard.md")).links == 2)
    #expect(status(scratch.file("new.md")).mode == 0o666 & ~currentUmask)
    #expect(try scratch.names() == ["hard.md", "link.md", "new.md", "other.md", "target.md"])
  }

  @Test("standard output and a full device fail with the system's reason")
  func fullDevice() throws {
    do {
      try AtomicFile.write("x", to: "/dev/full")
      Issue.record("a write to /dev/full succeeded")
    } catch {
      #expect(error.description == "/dev/full: error: cannot write: No space left on device")
    }
    #expect(AtomicFile.writeAll([1, 2, 3], to: -1) == EBADF)
  }
}

@Suite("A batch of files is put in place together")
struct AtomicBatchTests {
  @Test("staged files appear only on commit; a discarded batch leaves the targets untouched")
  func commitAndDiscard() throws {
    let scratch = try Scratch()
    try AtomicFile.write("old", to: scratch.file("a.md"))
    var batch = AtomicBatch()
    try batch.stage(Array("new a".utf8), to: scratch.file("a.md"))
    try batch.stage(Array("new b".utf8), to: scratch.file("b.md"))
    #expect(try String(contentsOfFile: scratch.file("a.md"), encoding: .utf8) == "old")
    #expect(!FileManager.default.fileExists(atPath: scratch.file("b.md")))
    #expect(batch.commit().isEmpty)
    #expect(try String(contentsOfFile: scratch.file("a.md"), encoding: .utf8) == "new a")
    #expect(try String(contentsOfFile: scratch.file("b.md"), encoding: .utf8) == "new b")

    var discarded = AtomicBatch()
    try discarded.stage(Array("newer".utf8), to: scratch.file("a.md"))
    discarded.discard()
    #expect(try String(contentsOfFile: scratch.file("a.md"), encoding: .utf8) == "new a")
    #expect(try scratch.names() == ["a.md", "b.md"])
  }
}

@Suite("Inputs are read whole, with a clear error")
struct InputFileTests {
  @Test("a missing file and a folder are refused, naming the path")
  func refusals() throws {
    let scratch = try Scratch()
    #expect(throws: FileError.self) { try InputFile.read(scratch.file("missing.argmap")) }
    do {
      _ = try InputFile.read(scratch.path)
      Issue.record("a folder was read as a file")
    } catch {
      #expect(error.description == "\(scratch.path): error: is a directory, not a file")
    }
  }

  @Test("one unreadable input is reported and the others are still read")
  func readEachGoesOn() throws {
    let scratch = try Scratch()
    try AtomicFile.write("first", to: scratch.file("1.argmap"))
    try AtomicFile.write("third", to: scratch.file("3.argmap"))
    let paths = ["1.argmap", "2.argmap", "3.argmap"].map { scratch.file($0) }
    var read: [String] = []
    var unreadable: [String] = []
    let succeeded = InputFile.readEach(
      paths, path: { $0 }, unreadable: { path, _ in unreadable.append(path) }
    ) { _, input in
      read.append(String(decoding: input.bytes, as: UTF8.self))
      return true
    }
    #expect(!succeeded)
    #expect(read == ["first", "third"])
    #expect(unreadable == [scratch.file("2.argmap")])
  }
}
