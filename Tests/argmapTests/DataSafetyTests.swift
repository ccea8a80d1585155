import Foundation
import TestSupport
import Testing

/// How a run of a real executable ended, with its standard output sent where a test chose.
struct EndedRun {
  var status: Int32
  /// Whether a signal ended the process (a trap, SIGPIPE) rather than `exit`.
  var isSignalled: Bool
  var stderr: String
}

/// Runs `executable` (the `argmap` binary unless said) with standard output sent to `output` (a
/// `FileHandle` or a `Pipe`), standard input read from a file holding `stdin`, and standard
/// error collected; `beforeWaiting` runs once the process has started.
func runEnded(
  _ arguments: [String], executable: URL = PackagePaths.argmapExecutable, output: Any,
  stdin: [UInt8] = [], in folder: URL = PackagePaths.root, beforeWaiting: () throws -> Void = {}
) throws -> EndedRun {
  let process = testProcess(executable, arguments, in: folder)
  // Standard input from a file: nothing for the test to write, so nothing to block or break.
  let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
    "argmap-stdin-\(UUID().uuidString)")
  try Data(stdin).write(to: inputFile)
  defer { try? FileManager.default.removeItem(at: inputFile) }
  let input = try FileHandle(forReadingFrom: inputFile)
  defer { try? input.close() }
  process.standardInput = input
  process.standardOutput = output
  let errors = Pipe()
  process.standardError = errors
  try process.run()
  try beforeWaiting()
  let errorData = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return EndedRun(
    status: process.terminationStatus, isSignalled: process.terminationReason == .uncaughtSignal,
    stderr: String(decoding: errorData, as: UTF8.self))
}

/// The process's umask, read from `/proc` (setting it to read it would race other tests).
private var currentUmask: mode_t {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
    let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
  else { return 0o022 }
  return mask
}

/// The permission bits of `path` (links followed).
private func mode(_ path: String) -> mode_t {
  var status = stat()
  guard stat(path, &status) == 0 else { return 0 }
  return status.st_mode & 0o7777
}

/// Whether `path` itself is a symbolic link.
private func isSymbolicLink(_ path: String) -> Bool {
  var status = stat()
  return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
}

/// The inode and link count of `path`.
private func inode(_ path: String) -> (number: UInt64, links: UInt64) {
  var status = stat()
  guard stat(path, &status) == 0 else { return (0, 0) }
  return (UInt64(status.st_ino), UInt64(status.st_nlink))
}

/// The text of `path`, or "" when it cannot be read.
private func text(_ path: String) -> String {
  (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// The temporary files (`.NAME.PID.RANDOM.tmp`) in `folder`.
private func temporaries(in folder: URL) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
  return names.filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
}

/// Data for the tests: maps and notes.
private enum Samples {
  static let stalin = "Graphs/stalin-foreign-policy.argmap"
  /// A map with a warning and no error, not in canonical form.
  static let loose = "aim   a:   An aim\nclaim b: B\n  + a\n"
  /// A map in canonical form.
  static let canonical = "aim a: An aim\n\nclaim b: B\n  + a\n"
  /// Notes with one block.
  static let notes = "# Lesson\n\n```argmap\naim a: An aim\nclaim b: B\n  + a\n```\n"
  /// A Pandoc JSON document with one block.
  static let pandocJSON =
    #"{"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[{"t":"CodeBlock","c":[["",["argmap"],[]],"aim a: An aim"]}]}"#

  /// A map of about 1 MB, so that its output fills any pipe buffer.
  static let big = essayMapText(statements: 15_000)
}

@Suite("A failed write is an error message and exit status 1, never a trap", .serialized)
struct FailedWriteTests {
  /// Every command that prints to standard output, as run from the package root.
  static let commandsToStandardOutput: [[String]] = [
    ["fmt", Samples.stalin],
    ["check", Samples.stalin],
    ["check", "--format", "json", Samples.stalin],
    ["render", Samples.stalin],
    ["export", Samples.stalin, "--format", "argdown"],
    ["evaluate", Samples.stalin],
    ["compare", Samples.stalin, "security-view", "aggressive-view"],
    ["table", Samples.stalin, "--aim", "security"],
    ["import", "-", "--from", "json"],
    ["notes", "Examples/lessons/stalin-foreign-policy/lesson.md"],
    ["--help"],
    ["check", "-h"],
  ]

  @Test(
    "standard output on a full device: the reason, <stdout>, exit 1",
    arguments: commandsToStandardOutput)
  func fullStandardOutput(arguments: [String]) throws {
    // Import reads ArgMap JSON: made here by export.
    let stdin =
      arguments.first == "import" ? try runArgmap(["export", Samples.stalin]).stdoutBytes : []
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let run = try runEnded(arguments, output: full, stdin: stdin)
    #expect(!run.isSignalled, "\(arguments): \(run.stderr)")
    #expect(run.status == 1, "\(arguments): \(run.stderr)")
    #expect(
      run.stderr.hasSuffix("<stdout>: error: cannot write: No space left on device\n"),
      "\(arguments): \(run.stderr)")
  }

  @Test("the Pandoc filter, both ways, on a full standard output")
  func pandocFilterOnFullOutput() throws {
    for (executable, arguments) in [
      (PackagePaths.argmapExecutable, ["pandoc-filter", "html"]),
      (PackagePaths.pandocFilterExecutable, ["html"]),
    ] {
      let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
      defer { try? full.close() }
      let run = try runEnded(
        arguments, executable: executable, output: full, stdin: Array(Samples.pandocJSON.utf8))
      #expect(!run.isSignalled)
      #expect(run.status == 1, "\(run.stderr)")
      #expect(run.stderr.contains("<stdout>: error: cannot write: No space left on device"))
    }
  }

  @Test(
    "-o /dev/full: the reason and the path, exit 1",
    arguments: [
      ["render", Samples.stalin, "-o", "/dev/full"],
      ["render", Samples.stalin, "--format", "png", "-o", "/dev/full"],
      ["export", Samples.stalin, "-o", "/dev/full"],
      ["evaluate", Samples.stalin, "-o", "/dev/full"],
      ["table", Samples.stalin, "--aim", "security", "-o", "/dev/full"],
      ["import", "-", "--from", "json", "-o", "/dev/full"],
    ])
  func fullOutputFile(arguments: [String]) throws {
    let stdin =
      arguments.first == "import" ? try runArgmap(["export", Samples.stalin]).stdoutBytes : []
    let run = try runArgmap(arguments, stdin: stdin)
    #expect(run.status == 1, "\(arguments): \(run.stderr)")
    #expect(
      run.stderr.hasSuffix("/dev/full: error: cannot write: No space left on device\n"),
      "\(arguments): \(run.stderr)")
  }

  @Test("compare -o with a format read from the name, on a full device through a link")
  func compareToFullDevice() throws {
    let folder = try makeTemporaryFolder("argmap-full-link")
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("report.md").path
    #expect(symlink("/dev/full", link) == 0)
    let run = try runArgmap([
      "compare", Samples.stalin, "security-view", "aggressive-view", "-o", link,
    ])
    #expect(run.status == 1)
    #expect(run.stderr.hasSuffix("\(link): error: cannot write: No space left on device\n"))
    #expect(isSymbolicLink(link))
  }

  @Test("a closed standard output: 'Bad file descriptor', exit 1, no crash")
  func closedStandardOutput() throws {
    let folder = try makeTemporaryFolder("argmap-closed")
    defer { try? FileManager.default.removeItem(at: folder) }
    for arguments in [["fmt", Samples.stalin], ["render", Samples.stalin], ["--help"]] {
      // The shell closes descriptor 1 and becomes argmap.
      let run = try runEnded(
        ["-c", #"exec "$0" "$@" >&-"#, PackagePaths.argmapExecutable.path] + arguments,
        executable: URL(fileURLWithPath: "/bin/sh"), output: FileHandle.nullDevice)
      #expect(!run.isSignalled)
      #expect(run.status == 1, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains("<stdout>: error: cannot write: Bad file descriptor"))
    }
    // A closed standard output is not taken by the next file opened: -o still gets its file.
    let output = folder.appendingPathComponent("out.svg").path
    let run = try runEnded(
      [
        "-c", #"exec "$0" "$@" >&-"#, PackagePaths.argmapExecutable.path, "render",
        Samples.stalin, "-o", output,
      ],
      executable: URL(fileURLWithPath: "/bin/sh"), output: FileHandle.nullDevice)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(text(output).contains("<svg"))
  }

  @Test("a broken pipe (the reader has gone, as with | head -c1): exit 1 quietly, no signal")
  func brokenPipe() throws {
    let folder = try makeTemporaryFolder("argmap-pipe")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Samples.big, "big.argmap", in: folder)
    for arguments in [["fmt", "big.argmap"], ["export", "big.argmap", "--format", "json"]] {
      let pipe = Pipe()
      let run = try runEnded(arguments, output: pipe, in: folder) {
        // Read one byte, as `head -c1` does, and leave.
        _ = try pipe.fileHandleForReading.read(upToCount: 1)
        try pipe.fileHandleForReading.close()
      }
      #expect(!run.isSignalled, "\(arguments)")
      #expect(run.status == 1, "\(arguments): \(run.stderr)")
      #expect(run.stderr == "", "\(arguments)")
    }
  }

  @Test("standard error that cannot be written turns a success into exit 1")
  func fullStandardError() throws {
    let folder = try makeTemporaryFolder("argmap-stderr")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("aim a: A\nclaim b: B\n", "warned.argmap", in: folder)
    // Warnings only: exit 0 when they can be printed, 1 when they cannot.
    #expect(try runArgmap(["check", "warned.argmap"], in: folder).status == 0)
    let run = try runEnded(
      [
        "-c", #"exec "$0" "$@" 2>/dev/full"#, PackagePaths.argmapExecutable.path, "check",
        "warned.argmap",
      ],
      executable: URL(fileURLWithPath: "/bin/sh"), output: FileHandle.nullDevice, in: folder)
    #expect(!run.isSignalled)
    #expect(run.status == 1)
  }
}

/// A 64 KiB tmpfs mounted for one test and filled to the last byte; needs root.
private final class FullDisk {
  let folder: URL

  /// Whether this machine lets the tests mount a tmpfs (root, and a mount that works).
  static let isAvailable: Bool = {
    guard getuid() == 0, let disk = try? FullDisk(filled: false) else { return false }
    disk.unmount()
    return true
  }()

  /// Mounts the disk; with `filled`, call `fill()` after putting the old files there.
  init(filled: Bool = false) throws {
    folder = try makeTemporaryFolder("argmap-tmpfs")
    let mount = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path], in: folder)
    guard mount.status == 0 else {
      try? FileManager.default.removeItem(at: folder)
      throw CocoaError(.fileWriteUnknown)
    }
  }

  /// Fills the free space with one file, `filler`, page by page and then byte by byte.
  func fill() {
    let descriptor = open(folder.appendingPathComponent("filler").path, O_WRONLY | O_CREAT, 0o644)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let page = [UInt8](repeating: 0x2E, count: 4096)
    while page.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    while page.withUnsafeBytes({ write(descriptor, $0.baseAddress, 1) }) > 0 {}
  }

  func unmount() {
    _ = try? runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), ["umount", folder.path], in: PackagePaths.root)
    try? FileManager.default.removeItem(at: folder)
  }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

@Suite(
  "A full disk leaves the old file and no temporary file",
  .serialized,
  .enabled(
    if: FullDisk.isAvailable,
    "skipped: mounting a 64 KiB tmpfs needs root (and a system that allows mounts)"))
struct FullDiskTests {
  @Test("fmt --write, render -o, export -o, notes --in-place and standard output to a file")
  func everyWriterOnAFullDisk() throws {
    let disk = try FullDisk()
    defer { disk.unmount() }
    // Old files, each bigger when rewritten, then no room left.
    var loose = "aim   a:   An aim\n"
    for index in 0..<200 { loose += "claim   c\(index):   C\(index)\n  +   a\n" }
    try writeFile(loose, "map.argmap", in: disk.folder)
    try writeFile("old svg", "map.svg", in: disk.folder)
    try writeFile("old json", "map.json", in: disk.folder)
    try writeFile(Samples.notes, "lesson.md", in: disk.folder)
    #expect(FileManager.default.createFile(atPath: disk.path("stdout.txt"), contents: nil))
    disk.fill()

    let fmt = try runArgmap(["fmt", "--write", "map.argmap"], in: disk.folder)
    #expect(fmt.status == 1)
    #expect(fmt.stderr == "map.argmap: error: cannot write: No space left on device\n")
    #expect(text(disk.path("map.argmap")) == loose)

    let render = try runArgmap(["render", "map.argmap", "-o", "map.svg"], in: disk.folder)
    #expect(render.status == 1)
    #expect(render.stderr.hasSuffix("map.svg: error: cannot write: No space left on device\n"))
    #expect(text(disk.path("map.svg")) == "old svg")

    let export = try runArgmap(["export", "map.argmap", "-o", "map.json"], in: disk.folder)
    #expect(export.status == 1)
    #expect(export.stderr.hasSuffix("map.json: error: cannot write: No space left on device\n"))
    #expect(text(disk.path("map.json")) == "old json")

    let notes = try runArgmap(
      ["notes", "--in-place", "--no-cache", "lesson.md"], in: disk.folder)
    #expect(notes.status == 1)
    #expect(notes.stderr.contains("No space left on device"))
    #expect(text(disk.path("lesson.md")) == Samples.notes)

    let output = try #require(FileHandle(forWritingAtPath: disk.path("stdout.txt")))
    defer { try? output.close() }
    let printed = try runEnded(["fmt", "map.argmap"], output: output, in: disk.folder)
    #expect(!printed.isSignalled)
    #expect(printed.status == 1)
    #expect(printed.stderr == "<stdout>: error: cannot write: No space left on device\n")

    #expect(temporaries(in: disk.folder) == [])
  }

  @Test("a hard-linked file that would grow past the free space is refused untouched")
  func hardLinkOnAFullDisk() throws {
    // A map whose canonical form (a blank line between nodes) needs one more page than it.
    var compact = ""
    var canonical = ""
    for count in stride(from: 200, to: 2_000, by: 10) {
      compact = "aim a: An aim\n"
      for index in 0..<count { compact += "claim c\(index): C\(index)\n  + a\n" }
      canonical = try runArgmap(["fmt", "-"], stdin: Array(compact.utf8)).stdout
      if (compact.utf8.count + 4095) / 4096 < (canonical.utf8.count + 4095) / 4096 { break }
    }
    let disk = try FullDisk()
    defer { disk.unmount() }
    try writeFile(compact, "map.argmap", in: disk.folder)
    #expect(link(disk.path("map.argmap"), disk.path("other.argmap")) == 0)
    disk.fill()
    let fmt = try runArgmap(["fmt", "--write", "map.argmap"], in: disk.folder)
    #expect(fmt.status == 1)
    #expect(fmt.stderr == "map.argmap: error: cannot write: No space left on device\n")
    #expect(text(disk.path("map.argmap")) == compact)
    #expect(inode(disk.path("map.argmap")) == inode(disk.path("other.argmap")))
    // With room again, the same command rewrites both names at once.
    try FileManager.default.removeItem(atPath: disk.path("filler"))
    #expect(try runArgmap(["fmt", "--write", "map.argmap"], in: disk.folder).status == 0)
    #expect(text(disk.path("other.argmap")) == canonical)
    #expect(temporaries(in: disk.folder) == [])
  }
}

@Suite("Writing through links: the file changes, the link stays", .serialized)
struct LinkTests {
  /// A folder with `real/` for the files links point to.
  func folder() throws -> URL {
    let folder = try makeTemporaryFolder("argmap-links")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
    return folder
  }

  @Test("fmt --write through a symbolic link and a hard link")
  func fmtWrite() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = folder.appendingPathComponent("real/map.argmap").path
    try writeFile(Samples.loose, "real/map.argmap", in: folder)
    #expect(chmod(real, 0o640) == 0)
    #expect(symlink("real/map.argmap", folder.appendingPathComponent("link.argmap").path) == 0)
    let symbolic = try runArgmap(["fmt", "--write", "link.argmap"], in: folder)
    #expect(symbolic.status == 0, "\(symbolic.stderr)")
    #expect(text(real) == Samples.canonical)
    #expect(isSymbolicLink(folder.appendingPathComponent("link.argmap").path))
    #expect(mode(real) == 0o640)
    #expect(temporaries(in: folder.appendingPathComponent("real")) == [])
    #expect(temporaries(in: folder) == [])

    try writeFile(Samples.loose, "real/map.argmap", in: folder)
    let hard = folder.appendingPathComponent("hard.argmap").path
    #expect(link(real, hard) == 0)
    let before = inode(real)
    let linked = try runArgmap(["fmt", "--write", "hard.argmap"], in: folder)
    #expect(linked.status == 0, "\(linked.stderr)")
    #expect(text(real) == Samples.canonical)
    #expect(inode(hard) == before)
    #expect(inode(real).links == 2)
    #expect(mode(hard) == 0o640)
  }

  @Test("notes --in-place through a symbolic link: figures beside the real file")
  func notesInPlaceSymbolicLink() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = folder.appendingPathComponent("real/lesson.md").path
    try writeFile(Samples.notes, "real/lesson.md", in: folder)
    #expect(chmod(real, 0o600) == 0)
    let link = folder.appendingPathComponent("lesson.md").path
    #expect(symlink("real/lesson.md", link) == 0)
    let run = try runArgmap(["notes", "--in-place", "--no-cache", "lesson.md"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(isSymbolicLink(link))
    #expect(text(real).contains("![Argument map](lesson-1.svg)"))
    #expect(mode(real) == 0o600)
    #expect(
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("real/lesson-1.svg").path))
    #expect(temporaries(in: folder.appendingPathComponent("real")) == [])
  }

  @Test("notes --in-place on a hard-linked notes file keeps the link")
  func notesInPlaceHardLink() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let notes = folder.appendingPathComponent("lesson.md").path
    let other = folder.appendingPathComponent("real/copy.md").path
    try writeFile(Samples.notes, "lesson.md", in: folder)
    #expect(chmod(notes, 0o640) == 0)
    #expect(link(notes, other) == 0)
    let before = inode(notes)
    let run = try runArgmap(["notes", "--in-place", "--no-cache", "lesson.md"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(inode(notes) == before)
    #expect(text(other).contains("![Argument map](lesson-1.svg)"))
    #expect(mode(other) == 0o640)
  }

  @Test("notes -o over an existing symbolic link and hard link: written through, mode kept")
  func notesOutputFolder() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Samples.notes, "a.md", in: folder)
    try writeFile(Samples.notes, "b.md", in: folder)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
    // out/a.md is a link to real/a.md (mode 0600); out/b.md a second name of real/b.md.
    let realA = folder.appendingPathComponent("real/a.md").path
    let realB = folder.appendingPathComponent("real/b.md").path
    try writeFile("old", "real/a.md", in: folder)
    try writeFile("old", "real/b.md", in: folder)
    #expect(chmod(realA, 0o600) == 0)
    #expect(chmod(realB, 0o604) == 0)
    let linkA = folder.appendingPathComponent("out/a.md").path
    let linkB = folder.appendingPathComponent("out/b.md").path
    #expect(symlink("../real/a.md", linkA) == 0)
    #expect(link(realB, linkB) == 0)
    let run = try runArgmap(["notes", "--no-cache", "-o", "out", "a.md", "b.md"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(isSymbolicLink(linkA))
    #expect(text(realA).contains("![Argument map](a-1.svg)"))
    #expect(mode(realA) == 0o600)
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("real/a-1.svg").path))
    #expect(inode(linkB) == inode(realB))
    #expect(text(realB).contains("![Argument map](b-1.svg)"))
    #expect(mode(realB) == 0o604)
    // A new output gets 0666 less the umask, never the link's 0777.
    let figure = folder.appendingPathComponent("out/b-1.svg").path
    #expect(mode(figure) == 0o666 & ~currentUmask)
  }

  @Test("render -o and export -o through a symbolic link and a hard link; a new file's mode")
  func renderAndExport() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let realSVG = folder.appendingPathComponent("real/map.svg").path
    try writeFile("old", "real/map.svg", in: folder)
    #expect(chmod(realSVG, 0o640) == 0)
    #expect(symlink("real/map.svg", folder.appendingPathComponent("map.svg").path) == 0)
    let render = try runArgmap(
      ["render", PackagePaths.url(Samples.stalin).path, "-o", "map.svg"], in: folder)
    #expect(render.status == 0, "\(render.stderr)")
    #expect(isSymbolicLink(folder.appendingPathComponent("map.svg").path))
    #expect(text(realSVG).contains("<svg"))
    #expect(mode(realSVG) == 0o640)

    let realJSON = folder.appendingPathComponent("real/map.json").path
    try writeFile("old", "real/map.json", in: folder)
    let hard = folder.appendingPathComponent("map.json").path
    #expect(link(realJSON, hard) == 0)
    let export = try runArgmap(
      ["export", PackagePaths.url(Samples.stalin).path, "-o", "map.json"], in: folder)
    #expect(export.status == 0, "\(export.stderr)")
    #expect(inode(hard) == inode(realJSON))
    #expect(text(realJSON).hasPrefix("{"))

    // A link to nowhere yet makes its target, and the link stays.
    #expect(symlink("real/new.svg", folder.appendingPathComponent("new.svg").path) == 0)
    let dangling = try runArgmap(
      ["render", PackagePaths.url(Samples.stalin).path, "-o", "new.svg"], in: folder)
    #expect(dangling.status == 0, "\(dangling.stderr)")
    let created = folder.appendingPathComponent("real/new.svg").path
    #expect(text(created).contains("<svg"))
    #expect(mode(created) == 0o666 & ~currentUmask)
    #expect(
      temporaries(in: folder) == [] && temporaries(in: folder.appendingPathComponent("real")) == [])
  }
}

@Suite("File names that look like options, with spaces or letters beyond ASCII", .serialized)
struct FileNameTests {
  static let names = ["-dash", "--weird", "with space", "Straße é"]

  @Test("check, fmt, render and notes read each after '--'")
  func afterTerminator() throws {
    let folder = try makeTemporaryFolder("argmap-names")
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in Self.names {
      try writeFile(Samples.canonical, "\(name).argmap", in: folder)
      try writeFile(Samples.notes, "\(name).md", in: folder)
    }
    let maps = Self.names.map { "\($0).argmap" }
    let check = try runArgmap(["check", "--"] + maps, in: folder)
    #expect(check.status == 0, "\(check.stderr)")
    for map in maps { #expect(check.stdout.contains("\(map): ok, 2 nodes")) }

    let fmt = try runArgmap(["fmt", "--check", "--"] + maps, in: folder)
    #expect(fmt.status == 0, "\(fmt.stderr)")
    let formatted = try runArgmap(["fmt", "--", "-dash.argmap"], in: folder)
    #expect(formatted.stdout == Samples.canonical)

    let render = try runArgmap(["render", "--output-dir", "svg", "--"] + maps, in: folder)
    #expect(render.status == 0, "\(render.stderr)")
    for name in Self.names {
      #expect(text(folder.appendingPathComponent("svg/\(name).svg").path).contains("<svg"))
    }
    let single = try runArgmap(["render", "-o", "one.svg", "--", "--weird.argmap"], in: folder)
    #expect(single.status == 0, "\(single.stderr)")

    let notes = try runArgmap(
      ["notes", "--no-cache", "-o", "site", "--"] + Self.names.map { "\($0).md" }, in: folder)
    #expect(notes.status == 0, "\(notes.stderr)")
    for name in Self.names {
      // The link is percent-encoded: `with%20space-1.svg`.
      let link = try #require(
        "\(name)-1.svg".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
      #expect(text(folder.appendingPathComponent("site/\(name).md").path).contains(link))
      #expect(
        FileManager.default.fileExists(
          atPath: folder.appendingPathComponent("site/\(name)-1.svg").path))
    }
    let inPlace = try runArgmap(
      ["notes", "--no-cache", "--in-place", "--", "-dash.md"], in: folder)
    #expect(inPlace.status == 0, "\(inPlace.stderr)")
    #expect(text(folder.appendingPathComponent("-dash.md").path).contains("-dash-1.svg"))
  }

  @Test("errors in a file named after '--' still fail the run")
  func errorsAfterTerminator() throws {
    let folder = try makeTemporaryFolder("argmap-names")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("claim b: B\n  + nowhere\n", "-dash.argmap", in: folder)
    try writeFile(Samples.loose, "Straße é.argmap", in: folder)
    #expect(try runArgmap(["check", "--", "-dash.argmap"], in: folder).status == 1)
    #expect(try runArgmap(["fmt", "--check", "--", "Straße é.argmap"], in: folder).status == 1)
    #expect(try runArgmap(["render", "--", "-dash.argmap"], in: folder).status == 1)
  }

  @Test(
    "without '--' a name starting with '-' is a usage error with a hint, never help and exit 0",
    arguments: [
      ["check", "-dash.argmap"],
      ["check", "ok.argmap", "-dash.argmap"],
      ["fmt", "--check", "bad.argmap", "-dash.argmap"],
      ["check", "--weird.argmap"],
      ["render", "-dash.argmap"],
      ["notes", "-hd.md"],
      ["check", "-h.argmap"],
    ])
  func withoutTerminator(arguments: [String]) throws {
    let folder = try makeTemporaryFolder("argmap-names")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Samples.canonical, "ok.argmap", in: folder)
    try writeFile("claim b: B\n  + nowhere\n", "bad.argmap", in: folder)
    for name in ["-dash.argmap", "--weird.argmap", "-h.argmap", "-hd.md"] {
      try writeFile(Samples.canonical, name, in: folder)
    }
    let run = try runArgmap(arguments, in: folder)
    #expect(run.status == 64, "\(arguments): \(run.stdout) \(run.stderr)")
    #expect(!run.stdout.contains("OVERVIEW"))
    #expect(run.stderr.contains("Hint:"), "\(run.stderr)")
    #expect(run.stderr.contains("after '--'"), "\(run.stderr)")
  }

  @Test("help is --help, or -h standing alone")
  func help() throws {
    for arguments in [["check", "-h"], ["check", "--help"], ["-h"], ["fmt", "-w", "-h"]] {
      let run = try runArgmap(arguments)
      #expect(run.status == 0, "\(arguments)")
      #expect(run.stdout.hasPrefix("OVERVIEW:") || run.stdout.hasPrefix("USAGE:"), "\(arguments)")
    }
    // After '--', -h is a file like any other.
    let run = try runArgmap(["check", "--", "-h"])
    #expect(run.status == 1)
    #expect(run.stderr == "-h: error: no such file\n")
  }
}

@Suite("An output that is the input is refused, the input untouched", .serialized)
struct OutputIsInputTests {
  @Test(
    "every command that writes -o refuses the file it reads, by any name",
    arguments: [
      ["export", "map.argmap", "--format", "json", "-o"],
      ["import", "map.argmap", "-o"],
      ["render", "map.argmap", "-o"],
      ["evaluate", "map.argmap", "-o"],
      ["table", "map.argmap", "--aim", "security", "-o"],
      ["compare", "map.argmap", "security-view", "aggressive-view", "-o"],
      ["matrix", "map.argmap", "security-view", "aggressive-view", "-o"],
      ["plan", "map.argmap", "-o"],
    ])
  func refused(arguments: [String]) throws {
    let folder = try makeTemporaryFolder("argmap-output-is-input")
    defer { try? FileManager.default.removeItem(at: folder) }
    let map = try String(contentsOf: PackagePaths.url(Samples.stalin), encoding: .utf8)
    try writeFile(map, "map.argmap", in: folder)
    #expect(symlink("map.argmap", folder.appendingPathComponent("link.argmap").path) == 0)
    #expect(
      link(
        folder.appendingPathComponent("map.argmap").path,
        folder.appendingPathComponent("hard.argmap").path) == 0)
    for output in ["map.argmap", "./map.argmap", "link.argmap", "hard.argmap"] {
      let run = try runArgmap(arguments + [output], in: folder)
      #expect(run.status == 64, "\(arguments) \(output): \(run.stderr)")
      #expect(run.stderr.contains("is the input 'map.argmap'"), "\(run.stderr)")
      #expect(text(folder.appendingPathComponent("map.argmap").path) == map)
    }
    #expect(temporaries(in: folder) == [])
  }

  @Test("render --output-dir refuses to draw over its input; -o needs a drawing's extension")
  func renderOutputDirAndExtension() throws {
    let folder = try makeTemporaryFolder("argmap-output-is-input")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("aim a: A\n", "map.svg", in: folder)
    let dir = try runArgmap(["render", "map.svg", "--output-dir", "."], in: folder)
    #expect(dir.status == 64, "\(dir.stderr)")
    #expect(text(folder.appendingPathComponent("map.svg").path) == "aim a: A\n")
    let unknown = try runArgmap(["render", "map.svg", "-o", "out.argmap"], in: folder)
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("Cannot tell the format of 'out.argmap'"))
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.argmap").path))
    // Without an extension the drawing is SVG, as before.
    let plain = try runArgmap(["render", "map.svg", "-o", "drawing"], in: folder)
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(text(folder.appendingPathComponent("drawing").path).contains("<svg"))
  }

  @Test("plan writes Markdown or HTML only")
  func planFormats() throws {
    let svg = try runArgmap(["plan", PackagePaths.url(Samples.stalin).path, "-o", "plan.svg"])
    #expect(svg.status == 64 && svg.stderr.contains("use .md or .html"))
    let pdf = try runArgmap(["plan", PackagePaths.url(Samples.stalin).path, "--format", "pdf"])
    #expect(pdf.status == 64)
  }
}
