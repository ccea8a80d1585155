import ArgumentMap
import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("the example lesson")
struct ExampleLessonTests {
  static let lesson = "Examples/lessons/stalin-foreign-policy"

  /// The files of a folder (not its hidden cache), with their bytes.
  func files(in folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where !name.hasPrefix(".") {
      result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
    return result
  }

  @Test(
    "the committed Markdown, figures and HTML pages of both copies are what Scripts/build-lesson.sh makes now"
  )
  func notStale() throws {
    let folder = try makeTemporaryFolder("argmap-lesson")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = folder.appendingPathComponent("cache").path
    let built = folder.appendingPathComponent("built")
    for copy in ["teacher", "student"] {
      for target in ["markdown", "html"] {
        let result = try runArgmap([
          "notes", "\(Self.lesson)/lesson.md", "-o", built.path, "--to", target, "--copy", copy,
          "--cache-dir", cache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
      }
    }
    let fresh = try files(in: built)
    let committed = try files(in: PackagePaths.url("\(Self.lesson)/built"))
    #expect(fresh.keys.sorted() == committed.keys.sorted(), "run: bash Scripts/build-lesson.sh")
    for (name, bytes) in fresh.sorted(by: { $0.key < $1.key }) {
      #expect(committed[name] == bytes, "\(name) is stale; run: bash Scripts/build-lesson.sh")
    }
    #expect(fresh.count >= 7)
    for name in ["lesson.md", "lesson.html", "lesson-student.md", "lesson-student.html"] {
      #expect(fresh[name] != nil, "\(name) is not built")
    }
  }

  @Test("the lesson has every part a teacher needs")
  func parts() throws {
    let html = try String(
      contentsOf: PackagePaths.url("\(Self.lesson)/built/lesson.html"), encoding: .utf8)
    for heading in [
      "Learning objectives", "The argument of the essay", "The timeline", "Two interpretations",
      "Successes and failures", "Student worksheet", "Answer key", "Check the facts",
      "Teacher",
    ] {
      #expect(html.contains(heading), "missing: \(heading)")
    }
    #expect(!html.contains("class=\"argmap-error\""))
    #expect(html.contains(" blank\""))
  }
}

/// The answers of the example lesson, taken from its notes and its map, and where each copy
/// may hold them.
@Suite("the example lesson's two copies")
struct ExampleLessonCopiesTests {
  static let lesson = ExampleLessonTests.lesson

  /// A built file of the lesson, character references decoded (SVG writes `ten&#45;year`).
  func built(_ name: String) throws -> String {
    CharacterReferences.decoded(
      try String(contentsOf: PackagePaths.url("\(Self.lesson)/built/\(name)"), encoding: .utf8))
  }

  /// The student's Markdown with the SVG files it links, and the student's HTML page.
  func studentCopy() throws -> [(name: String, text: String)] {
    let folder = PackagePaths.url("\(Self.lesson)/built")
    let svgs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix("lesson-student-") && $0.hasSuffix(".svg") }.sorted()
    #expect(!svgs.isEmpty)
    return try (["lesson-student.md", "lesson-student.html"] + svgs).map { ($0, try built($0)) }
  }

  /// The map the lesson draws from.
  func map() throws -> ArgumentMap {
    let bytes = [UInt8](
      try Data(contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap")))
    return ArgumentMapParser.check(utf8: bytes).map
  }

  /// The worksheet block of the notes: its focus and its blanks.
  func worksheet() throws -> (focus: String, blanks: [String]) {
    let notes = try String(
      contentsOf: PackagePaths.url("\(Self.lesson)/lesson.md"), encoding: .utf8)
    let block = try #require(
      notes.components(separatedBy: "```argmap\n").first { $0.contains("view: worksheet") })
    func value(_ key: String) -> String? {
      block.split(separator: "\n").first { $0.hasPrefix("\(key): ") }
        .map { String($0.dropFirst(key.count + 2)) }
    }
    let blanks = try #require(value("blank")).split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return (try #require(value("focus")), blanks)
  }

  /// What the students' worksheet must not give away: the text of every blanked statement, and
  /// the reason of every link that touches a blank (`direct`: only links from a blank or to one,
  /// not the undercuts of a link that ends at one, which the answer key may not draw).
  func worksheetAnswers(direct: Bool = false) throws -> [String] {
    let map = try map()
    let blanks = Set(try worksheet().blanks)
    #expect(blanks.count >= 3)
    var answers: [String] = []
    for node in map.nodes {
      if blanks.contains(node.id.rawValue) { answers.append(node.text) }
      for link in node.links {
        let targets: [NodeID]
        switch link.target {
        case .node(let id): targets = [id]
        case .link: targets = direct ? [] : link.target.nodeIDs
        }
        let touches =
          blanks.contains(node.id.rawValue) || targets.contains { blanks.contains($0.rawValue) }
        if touches, let reasoning = link.reasoning, !reasoning.isEmpty { answers.append(reasoning) }
      }
    }
    return answers
  }

  /// The corrections and sources of every flag of the map.
  func flagAnswers() throws -> [String] {
    let flags = try map().nodes.flatMap(\.flags)
    #expect(flags.count >= 8)
    return flags.flatMap { [$0.text] + $0.sources }
  }

  /// Text only the mark scheme has.
  static let markScheme = [
    "Mark scheme for the homework", "Indicative content", "21–25", "Nothing worthy of credit",
  ]

  @Test("the students' copy holds no correction or source of any flag, and no mark scheme")
  func studentHasNoFactAnswers() throws {
    let answers = try flagAnswers() + Self.markScheme + ["Answer key", "Teacher's answers"]
    for (name, text) in try studentCopy() {
      for answer in answers {
        #expect(!text.contains(answer), "\(name) holds '\(answer)'")
      }
    }
  }

  @Test("the students' worksheet holds no blanked statement and no reason of a link at a blank")
  func studentWorksheetHasNoAnswers() throws {
    let answers = try worksheetAnswers()
    // The worksheet page of the students' HTML, and its SVG files in the Markdown copy.
    let html = try built("lesson-student.html")
    let figures = html.components(separatedBy: "<figure class=\"argmap\"")
    let sheet = try #require(
      figures.first { $0.contains("<figcaption>Figure") && $0.contains("Worksheet") })
    let markdown = try built("lesson-student.md")
    let section = try #require(
      markdown.components(separatedBy: "Student worksheet").dropFirst().first
    ).components(separatedBy: "\n## ")[0]
    var texts = [("the HTML worksheet", sheet)]
    for case let name? in section.split(separator: "(").map({ $0.split(separator: ")").first })
    where name.hasSuffix(".svg") && !texts.contains(where: { $0.0 == String(name) }) {
      texts.append((String(name), try built(String(name))))
    }
    #expect(texts.count >= 2, "the worksheet's SVG files are not linked")
    texts.append(("the worksheet section of the Markdown", section))
    for (name, text) in texts {
      #expect(!text.contains("Answers"), "\(name) lists the answers")
      for answer in answers {
        #expect(!text.contains(answer), "\(name) holds '\(answer)'")
      }
    }
    #expect(sheet.contains("(1)") && sheet.contains("(4)"), "the worksheet has no numbered blanks")
    // No answer key: no figure of the students' copy draws the worksheet's focus in full
    // without blanks.
    #expect(!html.contains("Answer key"))
  }

  @Test("the teacher's copy holds every answer the students' copy leaves out")
  func teacherHasAnswers() throws {
    let teacher = try built("lesson.md") + built("lesson.html")
    var svgs = ""
    for name in try FileManager.default.contentsOfDirectory(
      atPath: PackagePaths.url("\(Self.lesson)/built").path)
    where name.hasPrefix("lesson-") && !name.hasPrefix("lesson-student") && name.hasSuffix(".svg") {
      svgs += try built(name)
    }
    for answer in try flagAnswers() + worksheetAnswers(direct: true) + Self.markScheme {
      #expect(
        teacher.contains(answer) || svgs.contains(answer), "the teacher's copy lacks '\(answer)'")
    }
  }

  @Test("the fact check mixes in three unflagged dated statements, the same in both copies")
  func distractors() throws {
    let map = try map()
    /// The statements of the fact check's table in an HTML page, and its answers' cells.
    func rows(_ name: String) throws -> [(statement: String, facts: String)] {
      let html = try String(
        contentsOf: PackagePaths.url("\(Self.lesson)/built/\(name)"), encoding: .utf8)
      let table = try #require(html.components(separatedBy: "<table class=\"argmap-facts\">").last)
      let body = try #require(table.components(separatedBy: "</table>").first)
      return body.components(separatedBy: "<tr><td>").dropFirst().map { row in
        let cells = row.components(separatedBy: "</td>").map {
          CharacterReferences.decoded(
            String($0.drop { $0 != ">" }.dropFirst())
              .replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: ""))
        }
        return (cells.count > 1 ? cells[1] : "", cells.count > 3 ? cells[3] : "")
      }
    }
    let student = try rows("lesson-student.html")
    let teacher = try rows("lesson.html")
    #expect(student.map(\.statement) == teacher.map(\.statement))
    let flagged = map.nodes.filter(\.isFlagged)
    #expect(student.count == flagged.count + 3)
    let listed = try student.map { row in
      try #require(
        map.nodes.first { FactCheckText.statement($0.text) == row.statement },
        "'\(row.statement)' is not in the map")
    }
    let distractors = listed.filter { !$0.isFlagged }
    #expect(distractors.count == 3)
    for node in distractors {
      #expect(node.date != nil && (node.kind == .event || node.kind == .evidence))
    }
    // Map order, so that a distractor's place gives nothing away.
    let order = listed.compactMap { node in map.nodes.firstIndex { $0.id == node.id } }
    #expect(order == order.sorted())
    for (node, row) in zip(listed, teacher) {
      #expect((row.facts == "Correct as written.") == !node.isFlagged, "\(node.id): \(row.facts)")
    }
  }
}
