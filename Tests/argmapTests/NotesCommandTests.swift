import Foundation
import TestSupport
import Testing

@Suite("argmap notes and argmap pandoc-filter, end to end")
struct NotesCommandTests {
  static let map = """
    aim security: Security of the USSR
    event pact (1939-08-23): The Nazi–Soviet Pact
      + security: bought time
    """

  static let notes = """
    # Lesson

    Intro with <b>raw HTML</b>, kept in Markdown.

    ```argmap
    caption: The pact
    \(map)
    ```

    ~~~argmap
    map: pact.argmap
    view: timeline
    ~~~
    """

  func lesson() throws -> URL {
    let folder = try makeTemporaryFolder("argmap-notes")
    try writeFile(Self.notes, "notes.md", in: folder)
    try writeFile(Self.map, "pact.argmap", in: folder)
    return folder
  }

  @Test("Markdown with SVG files beside it; the notes file is not touched")
  func markdownFiles() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let notes = folder.appendingPathComponent("notes.md")
    let before = try FileManager.default.attributesOfItem(atPath: notes.path)[.modificationDate]
    let result = try runArgmap(["notes", "notes.md", "-o", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let output = try String(
      contentsOf: folder.appendingPathComponent("out/notes.md"), encoding: .utf8)
    #expect(
      output == """
        # Lesson

        Intro with <b>raw HTML</b>, kept in Markdown.

        [![The pact](notes-1.svg)](notes-1.svg)

        *The pact*

        [![Argument map: timeline 1939](notes-2.svg)](notes-2.svg)
        """)
    for name in ["notes-1.svg", "notes-2.svg"] {
      let svg = try String(
        contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8)
      #expect(svg.hasPrefix("<svg role=\"img\""))
    }
    #expect(try String(contentsOf: notes, encoding: .utf8) == Self.notes)
    #expect(
      try FileManager.default.attributesOfItem(atPath: notes.path)[.modificationDate] as? Date
        == before as? Date)
    let cache = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("out/.argmap-cache").path)
    // One cache entry per notes file, holding both figures.
    let entries = cache.filter { $0.hasSuffix(".json") }
    #expect(entries.count == 1)
    let entry = try String(
      contentsOf: folder.appendingPathComponent("out/.argmap-cache/\(entries.first ?? "")"),
      encoding: .utf8)
    #expect(entry.components(separatedBy: "\"outline\"").count - 1 == 2)
  }

  @Test("'--format html' is '--to html', as other commands name their output '--format'")
  func formatAlias() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap(["notes", "notes.md", "-o", "out", "--format", "html"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(
      contentsOf: folder.appendingPathComponent("out/notes.html"), encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
  }

  @Test("a misspelt option is a usage error without the hint about files named '-...'")
  func misspeltOption() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap(["notes", "notes.md", "-o", "out", "--frmat", "html"], in: folder)
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("Unknown option '--frmat'. Did you mean '--format'?"),
      "\(result.stderr)")
    #expect(!result.stderr.contains("Hint:"), "\(result.stderr)")
  }

  @Test("an error is located in the notes file, exits 1, and writes nothing of that file")
  func error() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(
      Self.notes.replacingOccurrences(of: "+ security:", with: "+ securty:"), "notes.md", in: folder
    )
    let result = try runArgmap(["notes", "notes.md", "-o", "out", "--to", "html"], in: folder)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "notes.md:9:5: error: unknown node 'securty'; did you mean 'security'?\n"))
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/notes.html").path))
    let going = try runArgmap(
      ["notes", "notes.md", "-o", "out", "--to", "html", "--keep-going"], in: folder)
    #expect(going.status == 0)
    let html = try String(
      contentsOf: folder.appendingPathComponent("out/notes.html"), encoding: .utf8)
    #expect(html.contains("<div class=\"argmap-error\" role=\"alert\">"))
    #expect(html.contains("notes.md:9:5: error: unknown node &#39;securty&#39;"))
  }

  @Test(
    "a notes file that cannot be read fails the run even with --keep-going; the others are drawn")
  func unreadableNotesFile() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap(
      ["notes", "-o", "out", "--keep-going", "--", "missing.md", "notes.md"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("missing.md: error: no such file"))
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/notes.md").path))
  }

  @Test("a missing map file is reported at the path in the block")
  func missingMap() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("pact.argmap"))
    let result = try runArgmap(["notes", "notes.md", "-o", "out"], in: folder)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "notes.md:13:6: error: cannot read map file 'pact.argmap': no such file"))
  }

  @Test("--in-place rewrites the notes atomically, with the figures beside it")
  func inPlace() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap(["notes", "notes.md", "--in-place"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let rewritten = try String(
      contentsOf: folder.appendingPathComponent("notes.md"), encoding: .utf8)
    #expect(rewritten.contains("[![The pact](notes-1.svg)](notes-1.svg)"))
    #expect(!rewritten.contains("```argmap"))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.contains("notes-1.svg") && names.contains("notes-2.svg"))
    #expect(!names.contains { $0.hasSuffix(".tmp") })
  }

  @Test("one input without -o goes to standard output with the SVG inline")
  func standardOutput() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap(["notes", "notes.md"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("<figure class=\"argmap\" aria-label=\"The pact\">\n<svg"))
    #expect(
      result.stdout.hasPrefix("# Lesson\n\nIntro with <b>raw HTML</b>, kept in Markdown.\n\n"))
  }

  @Test(
    "bad usage exits 64 with a message",
    arguments: [
      (["notes", "notes.md", "pact.argmap"], "need -o OUTDIR"),
      (["notes", "notes.md", "--in-place", "--to", "html"], "use -o OUTDIR for HTML"),
      (["notes", "notes.md", "-o", "."], "would be overwritten by its output"),
      (["notes", "notes.md", "--inline", "--files", "-o", "out"], "Choose one of"),
      (["notes", "notes.md", "--watch"], "--watch needs -o"),
    ])
  func usage(arguments: [String], message: String) throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap(arguments, in: folder)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(
      try String(contentsOf: folder.appendingPathComponent("notes.md"), encoding: .utf8)
        == Self.notes)
  }

  @Test("--watch rebuilds when a map file changes and stops cleanly on SIGTERM")
  func watch() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = PackagePaths.argmapExecutable
    process.arguments = [
      "notes", "notes.md", "-o", "out", "--to", "html", "--watch", "--poll-interval", "50",
    ]
    process.currentDirectoryURL = folder
    let log = folder.appendingPathComponent("watch.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.standardError = handle
    process.standardOutput = handle
    try process.run()
    let page = folder.appendingPathComponent("out/notes.html")
    // Up to a minute: a loaded machine draws slowly, and a passing run returns at once.
    func waitFor(_ condition: () -> Bool) -> Bool {
      for _ in 0..<1200 {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
      }
      return false
    }
    #expect(waitFor { FileManager.default.fileExists(atPath: page.path) })
    #expect(
      waitFor { (try? String(contentsOf: log, encoding: .utf8))?.contains("watching") == true })
    try writeFile(
      Self.map.replacingOccurrences(of: "bought time", with: "bought twenty-two months"),
      "pact.argmap", in: folder)
    #expect(
      waitFor {
        (try? String(contentsOf: page, encoding: .utf8))?.contains("bought twenty&#45;two months")
          == true
          || (try? String(contentsOf: page, encoding: .utf8))?.contains("bought twenty-two months")
            == true
      })
    process.terminate()
    #expect(waitFor { !process.isRunning })
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try handle.close()
    #expect(process.terminationStatus == 0)
    let text = try String(contentsOf: log, encoding: .utf8)
    #expect(text.contains("pact.argmap changed; rebuilding"))
    #expect(text.hasSuffix("argmap notes: stopped watching\n"))
  }

  @Test("a batch split over worker processes writes every good file and reports the bad one")
  func workers() throws {
    let folder = try lesson()
    defer { try? FileManager.default.removeItem(at: folder) }
    var inputs: [String] = []
    for index in 0..<16 {
      let notes =
        index == 7
        ? Self.notes.replacingOccurrences(of: "+ security:", with: "+ nowhere:") : Self.notes
      try writeFile(notes, "batch/n\(index).md", in: folder)
      try writeFile(Self.map, "batch/pact.argmap", in: folder)
      inputs.append("batch/n\(index).md")
    }
    let result = try runArgmap(
      ["notes"] + inputs + ["-o", "out", "--to", "html", "-j", "2"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("batch/n7.md:9:5: error: unknown node 'nowhere'"))
    let written = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("out").path
    ).filter { $0.hasSuffix(".html") }
    #expect(written.count == 15)
    #expect(!written.contains("n7.html"))
  }

  @Test("argmap pandoc-filter reads and writes Pandoc JSON")
  func pandocFilter() throws {
    let json =
      #"{"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[{"t":"CodeBlock","c":[["",["argmap"],[["caption","A map"]]],"aim a: An aim"]}]}"#
    let result = try runArgmap(["pandoc-filter", "html"], stdin: Array(json.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasPrefix(
        #"{"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[{"t":"RawBlock","c":["html","<figure class=\"argmap\""#
      ))
    #expect(result.stdout.contains("<figcaption>A map</figcaption>"))
  }
}
