import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("the Pandoc filter, with the real pandoc")
struct PandocFilterTests {
  static let document = """
    # A lesson

    ```{.argmap caption="The pact"}
    \(NotesFixtures.pact)
    ```

    ```python
    print("left alone")
    ```

    > ```argmap
    > view: timeline
    > \(NotesFixtures.league.replacingOccurrences(of: "\n", with: "\n> "))
    > ```
    """

  var filter: URL { PackagePaths.pandocFilterExecutable }

  func pandoc(_ arguments: [String], in folder: URL) throws -> ProcessOutput {
    try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["pandoc"] + arguments, in: folder)
  }

  @Test("HTML output gets inline SVG with unique ids; other code blocks are kept")
  func html() throws {
    let folder = try makeTemporaryFolder("argmap-pandoc")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Self.document, "lesson.md", in: folder)
    let result = try pandoc(
      ["lesson.md", "-t", "html5", "--filter", filter.path, "-o", "lesson.html"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOf: folder.appendingPathComponent("lesson.html"), encoding: .utf8)
    #expect(html.components(separatedBy: "<svg").count - 1 == 2)
    #expect(html.contains("<figcaption>The pact</figcaption>"))
    #expect(html.contains("class=\"sourceCode python\"") && html.contains("left alone"))
    #expect(html.contains("id=\"pd1-"))
    #expect(html.contains("id=\"pd2-"))
  }

  @Test("LaTeX output gets PDF figures written to argmap-figures/")
  func latex() throws {
    let folder = try makeTemporaryFolder("argmap-pandoc")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Self.document, "lesson.md", in: folder)
    let result = try pandoc(["lesson.md", "-t", "latex", "--filter", filter.path], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").filter { $0.contains("\\includegraphics") }
    #expect(lines.count == 2)
    #expect(result.stdout.contains("\\caption{The pact}"))
    let figures = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("argmap-figures").path)
    #expect(figures.count == 2)
    for name in figures {
      #expect(name.hasSuffix(".pdf"))
      let bytes = try #require(
        FileManager.default.contents(
          atPath: folder.appendingPathComponent("argmap-figures/\(name)").path))
      #expect(Array(bytes.prefix(4)) == Array("%PDF".utf8))
    }
  }

  @Test("Word output gets PNG figures inside the .docx")
  func docx() throws {
    let folder = try makeTemporaryFolder("argmap-pandoc")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Self.document, "lesson.md", in: folder)
    let result = try pandoc(
      ["lesson.md", "--filter", filter.path, "-o", "lesson.docx"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let docx = try #require(
      FileManager.default.contents(atPath: folder.appendingPathComponent("lesson.docx").path))
    #expect(Array(docx.prefix(2)) == Array("PK".utf8))
    let figures = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("argmap-figures").path)
    #expect(figures.count == 2 && figures.allSatisfy { $0.hasSuffix(".png") })
  }

  @Test("an error in a block stops pandoc with a message naming the block")
  func error() throws {
    let folder = try makeTemporaryFolder("argmap-pandoc")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("```argmap\naim a: A\n  + nowhere\n```\n", "bad.md", in: folder)
    let result = try pandoc(["bad.md", "-t", "html", "--filter", filter.path], in: folder)
    #expect(result.status != 0)
    #expect(result.stderr.contains("argmap block 1: map line 2, column 5: unknown node 'nowhere'"))
  }

  @Test("the filter passes a document without argmap blocks through unchanged")
  func passThrough() throws {
    let json = Array(
      #"{"pandoc-api-version":[1,22,2,1],"meta":{"x":{"t":"MetaBool","c":true}},"blocks":[{"t":"Para","c":[{"t":"Str","c":"é \"q\" 1.5e3"}]}]}"#
        .utf8)
    guard case .success(let output) = PandocFilter.run(input: json, format: "html") else {
      Issue.record("the filter failed")
      return
    }
    #expect(output == json)
    guard case .failure(let failure) = PandocFilter.run(input: Array("{".utf8), format: "html")
    else {
      Issue.record("malformed JSON was accepted")
      return
    }
    #expect(failure.description.contains("not Pandoc JSON"))
    let deep = Array(
      (String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)).utf8)
    guard case .failure(let tooDeep) = PandocFilter.run(input: deep, format: "html") else {
      Issue.record("absurdly deep JSON was accepted")
      return
    }
    #expect(tooDeep.description.contains("JSON nested deeper than 256 levels"))
  }
}
