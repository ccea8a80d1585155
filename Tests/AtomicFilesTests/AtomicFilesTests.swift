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
