import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("map references are resolved from the notes file and kept inside the root")
struct ReferenceTests {
  /// A repository-like folder: `root/.git`, `root/Graphs/pact.argmap`, `root/notes/lesson.md`.
  func repository() throws -> URL {
    let root = try makeTemporaryFolder("argmap-ref")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try writeFile(NotesFixtures.pact, "Graphs/pact.argmap", in: root)
    return root
  }

  func process(_ text: String, notes: URL, root: String? = nil) -> NotesReport {
    NotesProcessor.process(
      NotesJob(
        inputPath: notes.path, bytes: Array(text.utf8),
        outputPath: notes.deletingLastPathComponent().appendingPathComponent("out/x.md").path,
        figureFolder: notes.deletingLastPathComponent().appendingPathComponent("out").path,
        figureStem: "x"), options: NotesOptions(target: .markdown(.files), root: root))
  }

  @Test("a reference inside the repository is drawn and recorded as a dependency")
  func inside() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let notes = root.appendingPathComponent("notes/lesson.md")
    let report = process(
      "```argmap\nmap: ../Graphs/pact.argmap\nview: timeline\n```\n", notes: notes)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.summary))")
    #expect(report.outputs.count == 2)
    #expect(report.dependencies.last?.hasSuffix("Graphs/pact.argmap") == true)
  }

  @Test("a missing file is a located error naming the path as written")
  func missing() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let notes = root.appendingPathComponent("notes/lesson.md")
    let source = MarkedSource("Intro\n\n```argmap\nmap: 1️⃣../Graphs/missing.argmap\n```\n")
    let report = process(source.text, notes: notes)
    let error = try #require(report.diagnostics.first)
    #expect(error.diagnostic.id == "notes-missing-file")
    #expect(
      error.diagnostic.message == "cannot read map file '../Graphs/missing.argmap': no such file")
    #expect(error.diagnostic.range?.start.line == source.markers["1️⃣"]?.line)
    #expect(error.diagnostic.range?.start.column == source.markers["1️⃣"]?.column)
    #expect(report.outputs.isEmpty)
  }

  @Test(
    "a path that leaves the notes folder outside a repository is refused, even if the file exists",
    arguments: ["../secret.argmap", "/etc/passwd", "sub/../../secret.argmap"])
  func outsideNotesFolder(path: String) throws {
    let base = try makeTemporaryFolder("argmap-out")
    defer { try? FileManager.default.removeItem(at: base) }
    try writeFile(NotesFixtures.pact, "secret.argmap", in: base)
    let notes = base.appendingPathComponent("lesson/notes.md")
    try writeFile("", "lesson/notes.md", in: base)
    let report = process("```argmap\nmap: \(path)\n```\n", notes: notes)
    let error = try #require(report.diagnostics.first)
    #expect(error.diagnostic.id == "notes-outside-root", "\(error.summary)")
    #expect(error.diagnostic.range?.start.line == 2)
    #expect(error.diagnostic.range?.start.column == 6)
  }

  @Test("a symbolic link inside the root that points outside it is refused")
  func symlinkEscape() throws {
    let base = try makeTemporaryFolder("argmap-link")
    defer { try? FileManager.default.removeItem(at: base) }
    try writeFile(NotesFixtures.pact, "secret.argmap", in: base)
    try writeFile("", "lesson/notes.md", in: base)
    try FileManager.default.createSymbolicLink(
      atPath: base.appendingPathComponent("lesson/link.argmap").path,
      withDestinationPath: base.appendingPathComponent("secret.argmap").path)
    let report = process(
      "```argmap\nmap: link.argmap\n```\n", notes: base.appendingPathComponent("lesson/notes.md"))
    #expect(report.diagnostics.first?.diagnostic.id == "notes-outside-root")
  }

  @Test("an error in a referenced map is reported in that map file, after a note at the block")
  func errorsInTheMapFile() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    try writeFile("aim a: A\nclaim b: B\n  + securty\n", "Graphs/broken.argmap", in: root)
    let notes = root.appendingPathComponent("notes/lesson.md")
    let report = process("```argmap\nmap: ../Graphs/broken.argmap\n```\n", notes: notes)
    let errors = report.diagnostics.filter(\.diagnostic.isError)
    #expect(errors.map(\.diagnostic.id) == ["notes-map-errors", "unknown-node"])
    let mapError = try #require(errors.last)
    #expect(mapError.fileName.hasSuffix("Graphs/broken.argmap"))
    #expect(mapError.diagnostic.range?.start.line == 3)
    #expect(mapError.diagnostic.range?.start.column == 5)
  }
}
