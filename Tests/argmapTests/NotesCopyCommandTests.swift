import Foundation
import TestSupport
import Testing

@Suite("argmap notes --copy and the Pandoc filter's copy, end to end")
struct NotesCopyCommandTests {
  static let notes = """
    # Lesson

    For everyone.

    <!-- teacher -->

    Only for the teacher.

    ```argmap
    view: facts
    answers: yes
    aim security: Security of the USSR
    event pacts (1932): The essay says Italy signed in 1932
      ! Italy signed on 2 Sep 1933
        source: Italo-Soviet Pact
      + security: pacts
    ```

    <!-- /teacher -->

    ```argmap
    view: facts
    answers: yes
    aim security: Security of the USSR
    event pacts (1932): The essay says Italy signed in 1932
      ! Italy signed on 2 Sep 1933
        source: Italo-Soviet Pact
      + security: pacts
    ```
    """

  @Test("both copies build into one folder, the students' named apart and without answers")
  func bothCopies() throws {
    let folder = try makeTemporaryFolder("argmap-copies")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Self.notes, "notes.md", in: folder)
    for copy in ["teacher", "student"] {
      let result = try runArgmap(
        ["notes", "notes.md", "-o", "out", "--to", "html", "--copy", copy], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let teacher = try String(
      contentsOf: folder.appendingPathComponent("out/notes.html"), encoding: .utf8)
    let student = try String(
      contentsOf: folder.appendingPathComponent("out/notes-student.html"), encoding: .utf8)
    for text in ["Only for the teacher.", "Italy signed on 2 Sep 1933", "Italo-Soviet Pact"] {
      #expect(teacher.contains(text))
      #expect(!student.contains(text))
    }
    #expect(student.contains("For everyone.") && student.contains("The essay says Italy"))
  }

  @Test("the students' copy is never written over the notes")
  func notInPlace() throws {
    let result = try runArgmap(["notes", "notes.md", "--in-place", "--copy", "student"])
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("--in-place would rewrite the notes without the teacher's parts"))
  }

  @Test("a part never closed fails the run at its line and column, and nothing is written")
  func unclosed() throws {
    let folder = try makeTemporaryFolder("argmap-copies")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("# Lesson\n\n  <!-- teacher -->\n\nSecret.\n", "notes.md", in: folder)
    for copy in ["teacher", "student"] {
      let result = try runArgmap(["notes", "notes.md", "-o", "out", "--copy", copy], in: folder)
      #expect(result.status == 1)
      #expect(
        result.stderr.hasPrefix("notes.md:3:3: error: '<!-- teacher -->' is never closed"),
        "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  @Test("worker processes make the copy the batch asks for")
  func workers() throws {
    let folder = try makeTemporaryFolder("argmap-copies")
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = (1...16).map { "notes\($0).md" }
    for name in names {
      try writeFile(
        "# \(name)\n\n<!-- teacher -->\nHidden.\n<!-- /teacher -->\nShown.\n", name, in: folder)
    }
    let result = try runArgmap(
      ["notes", "-o", "out", "-j", "2", "--copy", "student", "--no-cache"] + names, in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    for name in names {
      let stem = (name as NSString).deletingPathExtension
      let output = try String(
        contentsOf: folder.appendingPathComponent("out/\(stem)-student.md"), encoding: .utf8)
      #expect(output == "# \(name)\n\nShown.\n")
    }
  }

  /// A Pandoc AST as `pandoc -t json` writes it: a paragraph, a teacher's part holding one,
  /// and another paragraph, with `meta` as given.
  static func ast(meta: String) -> [UInt8] {
    func paragraph(_ word: String) -> String { #"{"t":"Para","c":[{"t":"Str","c":"\#(word)"}]}"# }
    func raw(_ html: String) -> String { #"{"t":"RawBlock","c":["html","\#(html)"]}"# }
    let blocks = [
      paragraph("Everyone"), raw("<!-- teacher -->"), paragraph("Teacher"),
      raw("<!-- /teacher -->"), paragraph("Also"),
    ]
    return Array(
      #"{"pandoc-api-version":[1,22,2,1],"meta":\#(meta),"blocks":[\#(blocks.joined(separator: ","))]}"#
        .utf8)
  }

  @Test(
    "the Pandoc filter takes the copy from --copy or from the metadata 'copy'",
    arguments: [
      (["pandoc-filter", "html"], "{}", true),
      (["pandoc-filter", "--copy", "student", "html"], "{}", false),
      (["pandoc-filter", "html"], #"{"copy":{"t":"MetaString","c":"student"}}"#, false),
      (
        ["pandoc-filter", "html"],
        #"{"copy":{"t":"MetaInlines","c":[{"t":"Str","c":"student"}]}}"#, false
      ),
      (
        ["pandoc-filter", "--copy", "teacher", "html"],
        #"{"copy":{"t":"MetaString","c":"student"}}"#, true
      ),
    ])
  func pandoc(arguments: [String], meta: String, keepsTeacher: Bool) throws {
    let result = try runArgmap(arguments, stdin: Self.ast(meta: meta))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Everyone") && result.stdout.contains("Also"))
    #expect(result.stdout.contains(#""Teacher""#) == keepsTeacher)
    #expect(result.stdout.contains("<!-- teacher -->") == keepsTeacher)
  }

  @Test("the Pandoc filter refuses a part never closed, and a copy it does not know")
  func pandocErrors() throws {
    var unclosed = Self.ast(meta: "{}")
    let text = String(decoding: unclosed, as: UTF8.self).replacingOccurrences(
      of: #"{"t":"RawBlock","c":["html","<!-- /teacher -->"]},"#, with: "")
    unclosed = Array(text.utf8)
    let result = try runArgmap(["pandoc-filter", "html"], stdin: unclosed)
    #expect(result.status == 1)
    #expect(result.stderr.contains("argmap-pandoc: error: '<!-- teacher -->' is never closed"))
    let unknown = try runArgmap(
      ["pandoc-filter", "html"], stdin: Self.ast(meta: #"{"copy":{"t":"MetaString","c":"pupil"}}"#))
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("metadata 'copy' is 'pupil'; expected teacher or student"))
  }
}
