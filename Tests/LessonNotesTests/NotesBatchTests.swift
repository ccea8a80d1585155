import Foundation
import TestSupport
import Testing

@testable import LessonNotes

/// Where a batch of notes writes is decided, and checked, before anything is drawn.
@Suite("Planning a batch of notes")
struct NotesBatchTests {
  @Test("With an output folder, each notes file gets NAME.md there, figures and cache beside it")
  func outputFolder() throws {
    let batch = try NotesBatch(
      inputs: ["lessons/week1.md", "-"], outputFolder: "site", inPlace: false,
      cache: .besideOutputs, options: NotesOptions(target: .markdown(.files)))
    #expect(
      batch.entries == [
        .init(
          inputPath: "lessons/week1.md", outputPath: "site/week1.md", figureFolder: "site",
          figureStem: "week1"),
        .init(
          inputPath: "-", outputPath: "site/notes.md", figureFolder: "site", figureStem: "notes"),
      ])
    #expect(batch.options.cacheFolder == "site/.argmap-cache")
  }

  @Test("In place, each file is its own output and the cache sits beside the first")
  func inPlace() throws {
    let batch = try NotesBatch(
      inputs: ["notes/a.md", "b.md"], outputFolder: nil, inPlace: true, cache: .besideOutputs,
      options: NotesOptions(target: .markdown(.files)))
    #expect(batch.entries.map(\.outputPath) == ["notes/a.md", "b.md"])
    #expect(batch.entries.map(\.figureFolder) == ["notes", "."])
    #expect(batch.options.cacheFolder == "notes/.argmap-cache")
  }

  @Test("A named cache folder is used as given; no cache means none, even beside outputs")
  func cacheChoice() throws {
    let named = try NotesBatch(
      inputs: ["a.md"], outputFolder: "out", inPlace: false, cache: .named("/tmp/figures"),
      options: NotesOptions(target: .html))
    #expect(named.options.cacheFolder == "/tmp/figures")
    #expect(named.entries.map(\.outputPath) == ["out/a.html"])
    let none = try NotesBatch(
      inputs: ["a.md"], outputFolder: "out", inPlace: false, cache: .none,
      options: NotesOptions(cacheFolder: "stale"))
    #expect(none.options.cacheFolder == nil)
  }

  @Test("Two notes files with one name cannot share an output folder")
  func sameOutput() {
    #expect(throws: NotesBatchError.sameOutput("b/x.md", "a/x.md", "out/x.md")) {
      try NotesBatch(
        inputs: ["a/x.md", "b/x.md"], outputFolder: "out", inPlace: false, cache: .none,
        options: NotesOptions())
    }
  }

  @Test("An output folder that is a file is refused before anything is drawn")
  func outputFolderIsFile() throws {
    let folder = try makeTemporaryFolder("notes-batch")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("taken")
    try Data("x".utf8).write(to: file)
    #expect(throws: NotesBatchError.outputFolderIsFile(file.path)) {
      try NotesBatch(
        inputs: ["a.md"], outputFolder: file.path, inPlace: false, cache: .none,
        options: NotesOptions())
    }
    #expect(
      NotesBatchError.outputFolderIsFile(file.path).description
        == "-o names a folder; '\(file.path)' is a file.")
  }
}
