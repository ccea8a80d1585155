import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("one notes file, a teacher's copy and a students' copy")
struct NotesCopyTests {
  /// Notes with teacher's parts at the top level and in a block quote, a worksheet with its
  /// answers, a fact check with its answers and a distractor, and an answer key in a part.
  static let fixture = "Tests/LessonNotesTests/Fixtures/copies/two-copies.md"

  /// What no students' copy of the fixture may hold, each also in the teacher's copy.
  static let answers = [
    // The teacher's parts.
    "Teacher's note: box 1 is the pact itself",
    "Quoted teacher's hint",
    "Mark scheme", "Level 5 (21–25 marks)",
    "Answer key",
    // The worksheet's blank, its reason and the answers under it.
    "Molotov and Ribbentrop sign a ten-year non-aggression pact",
    "it bought twenty-two months to rearm",
    // The fact check's corrections and sources.
    "Italy signed on 2 Sep 1933, in Rome", "Italo-Soviet Pact (treaty text)",
    "joined only when invited, with a permanent Council seat", "New Zealand Herald, 20 Sep 1934",
    FactsReportText.correct,
  ]

  /// What both copies hold.
  static let shared = [
    "Read the map, then fill in the worksheet.", "Before the fact check:",
    "The end, for everyone.", "Italy signed a pact with the USSR in 1932",
    "The USSR is left out of the Munich Conference", "Worksheet: fill in box 1",
  ]

  func notes() throws -> String {
    try String(contentsOf: PackagePaths.url(Self.fixture), encoding: .utf8)
  }

  /// Every output of the fixture (figures and notes), joined, references decoded.
  func output(_ copy: NotesCopy, target: NotesOptions.Target) throws -> String {
    let report = NotesFixtures.process(
      try notes(), options: NotesOptions(target: target, root: "/tmp", copy: copy))
    #expect(!report.hasErrors, "\(report.diagnostics.map(\.summary))")
    let text = report.outputs.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
    return CharacterReferences.decoded(text)
  }

  @Test(
    "the students' copy holds none of the answers the teacher's copy holds",
    arguments: [NotesOptions.Target.markdown(.files), .markdown(.inline), .html])
  func noAnswers(target: NotesOptions.Target) throws {
    let teacher = try output(.teacher, target: target)
    let student = try output(.student, target: target)
    for text in Self.answers {
      #expect(teacher.contains(text), "the teacher's copy lacks: \(text)")
      #expect(!student.contains(text), "the students' copy holds: \(text)")
    }
    for text in Self.shared {
      #expect(teacher.contains(text), "the teacher's copy lacks: \(text)")
      #expect(student.contains(text), "the students' copy lacks: \(text)")
    }
  }

  @Test("the teacher's copy is the default, and its Markdown keeps every byte, markers too")
  func teacherIsDefault() throws {
    let notes = try notes()
    let options = NotesOptions(target: .markdown(.files), root: "/tmp")
    #expect(options.copy == .teacher)
    let byDefault = NotesFixtures.process(notes, options: options)
    let teacher = NotesFixtures.process(
      notes, options: NotesOptions(target: .markdown(.files), root: "/tmp", copy: .teacher))
    #expect(byDefault.outputs == teacher.outputs)
    let markdown = try #require(NotesFixtures.mainOutput(teacher))
    #expect(markdown.contains("<!-- teacher -->\n\nTeacher's note: box 1 is the pact itself."))
    #expect(markdown.contains("> <!-- /teacher -->"))
  }

  @Test("the students' copy keeps the lines around a teacher's part, and a word bank asked for")
  func keepsTheRest() throws {
    let notes = """
      # Pact

      Before.

      <!-- teacher -->
      Hidden.
      <!-- /teacher -->
      After.

      ```argmap
      blank: pact
      word-bank: yes
      answers: yes
      aim security: Security
      event pact (1939-08-23): The pact is signed
        + security: bought time
      ```
      """
    let report = NotesFixtures.process(
      notes, options: NotesOptions(target: .markdown(.files), root: "/tmp", copy: .student))
    let markdown = try #require(NotesFixtures.mainOutput(report))
    #expect(markdown.hasPrefix("# Pact\n\nBefore.\n\nAfter.\n\n[![Argument map"))
    let figures = CharacterReferences.decoded(
      report.outputs.dropLast().map { String(decoding: $0.bytes, as: UTF8.self) }.joined())
    #expect(figures.contains("Word bank"))
    #expect(!figures.contains("Answers"))
  }

  @Test(
    "a teacher's part between blank lines leaves one blank line, CRLF too",
    arguments: [
      (
        "Before.\n\n<!-- teacher -->\n\nHidden.\n\n<!-- /teacher -->\n\nAfter.\n",
        "Before.\n\nAfter.\n"
      ),
      (
        "Before.\r\n\r\n<!-- teacher -->\r\nHidden.\r\n<!-- /teacher -->\r\n  \r\nAfter.\r\n",
        "Before.\r\n\r\nAfter.\r\n"
      ),
      ("<!-- teacher -->\nHidden.\n<!-- /teacher -->\n\n# Title\n", "# Title\n"),
      ("Before.\n<!-- teacher -->\nHidden.\n<!-- /teacher -->\n\nAfter.\n", "Before.\n\nAfter.\n"),
    ])
  func blankLines(notes: String, expected: String) throws {
    let report = NotesFixtures.process(
      notes, options: NotesOptions(target: .markdown(.files), root: "/tmp", copy: .student))
    #expect(!report.hasErrors)
    #expect(NotesFixtures.mainOutput(report) == expected)
  }

  @Test("the students' copy draws no factual flags or sources on its diagrams")
  func noFlagsOnDiagrams() throws {
    let notes = """
      ```argmap
      aim security: Security
      event league (1934-09-18): The USSR joins the League
        ! it joined only when invited
          source: A newspaper of 1934
        source: The League's records
        + security: collective security
      ```
      """
    func svg(_ copy: NotesCopy) throws -> String {
      let report = NotesFixtures.process(
        notes, options: NotesOptions(target: .markdown(.files), root: "/tmp", copy: copy))
      return CharacterReferences.decoded(
        String(decoding: try #require(report.outputs.first).bytes, as: UTF8.self))
    }
    let teacher = try svg(.teacher)
    let student = try svg(.student)
    for text in [
      "it joined only when invited", "A newspaper of 1934", "The League's records", "flagged",
    ] {
      #expect(teacher.contains(text))
      #expect(!student.contains(text))
    }
    #expect(student.contains("The USSR joins the League"))
  }

  @Test(
    "a wrong marker is an error at its line and column, in both copies",
    arguments: [
      ("# A\n\n1️⃣<!-- teacher -->\n\nNever closed.\n", "is never closed", nil),
      (
        "2️⃣<!-- teacher -->\n\n1️⃣<!-- teacher -->\n\n<!-- /teacher -->\n",
        "inside a teacher's part", "2️⃣"
      ),
      ("Text.\n\n1️⃣<!-- /teacher -->\n", "closes no teacher's part", nil),
      ("Text 1️⃣<!-- teacher --> here.\n\n<!-- /teacher -->\n", "line of its own", nil),
      (
        "> 2️⃣<!-- teacher -->\n> é🇩🇪\n\n1️⃣<!-- /teacher -->\n",
        "is not in the list item or block quote",
        "2️⃣"
      ),
      ("- item\n\n  1️⃣<!--  TEACHER  -->\n", "is never closed", nil),
    ] as [(String, String, String?)])
  func markerErrors(marked: String, excerpt: String, opening: String?) throws {
    let source = MarkedSource(marked)
    let marker = try #require(source.markers["1️⃣"])
    for copy in NotesCopy.allCases {
      let report = NotesFixtures.process(
        source.text, options: NotesOptions(target: .html, root: "/tmp", copy: copy))
      let error = try #require(report.diagnostics.first { $0.diagnostic.isError })
      #expect(error.diagnostic.id == "notes-teacher-marker")
      #expect(error.diagnostic.message.contains(excerpt), "\(error.diagnostic.message)")
      #expect(error.diagnostic.range?.start.line == marker.line)
      #expect(error.diagnostic.range?.start.column == marker.column)
      #expect(report.outputs.isEmpty, "a file with errors is not written without keepsGoing")
      if let opening {
        let place = try #require(source.markers[opening])
        let note = try #require(error.diagnostic.notes.first)
        #expect(note.range?.start.line == place.line)
        #expect(note.range?.start.column == place.column)
      }
    }
  }

  @Test("markers in code are code, not markers")
  func markersInCode() throws {
    let notes = "# A\n\n```html\n<!-- teacher -->\n```\n\n    <!-- /teacher -->\n\nEnd.\n"
    let report = NotesFixtures.process(
      notes, options: NotesOptions(target: .markdown(.files), root: "/tmp", copy: .student))
    #expect(report.diagnostics.isEmpty)
    #expect(NotesFixtures.mainOutput(report) == notes)
  }

  @Test("with keepsGoing, a part never closed is left out to the end of the students' copy")
  func unclosedKeepsGoing() throws {
    let notes = "# A\n\nShown.\n\n<!-- teacher -->\n\nNot shown.\n"
    let report = NotesFixtures.process(
      notes,
      options: NotesOptions(
        target: .markdown(.files), root: "/tmp", keepsGoing: true, copy: .student))
    #expect(report.hasErrors)
    #expect(NotesFixtures.mainOutput(report) == "# A\n\nShown.\n\n")
  }

  @Test("a problem after a teacher's part is located in the notes file, not in the copy")
  func positionsAfterAPart() throws {
    let source = MarkedSource(
      "# A\n\n<!-- teacher -->\n\nOne.\n\nTwo.\n\n<!-- /teacher -->\n\n```argmap\nview: 1️⃣sideways\naim a: A\n```\n"
    )
    let marker = try #require(source.markers["1️⃣"])
    for copy in NotesCopy.allCases {
      let report = NotesFixtures.process(
        source.text, options: NotesOptions(target: .markdown(.files), root: "/tmp", copy: copy))
      let error = try #require(report.diagnostics.first)
      #expect(error.diagnostic.id == "notes-bad-value")
      #expect(error.diagnostic.range?.start.line == marker.line)
      #expect(error.diagnostic.range?.start.column == marker.column)
    }
  }

  @Test("a batch names the students' copy apart, and never writes it over the notes")
  func batchNames() throws {
    let student = NotesOptions(target: .html, copy: .student)
    let batch = try NotesBatch(
      inputs: ["notes/lesson.md"], outputFolder: "site", inPlace: false, cache: .none,
      options: student)
    #expect(batch.entries.map(\.outputPath) == ["site/lesson-student.html"])
    #expect(batch.entries.map(\.figureStem) == ["lesson-student"])
    let teacher = try NotesBatch(
      inputs: ["notes/lesson.md"], outputFolder: "site", inPlace: false, cache: .none,
      options: NotesOptions(target: .html))
    #expect(teacher.entries.map(\.outputPath) == ["site/lesson.html"])
    #expect(throws: NotesBatchError.studentCopyInPlace) {
      try NotesBatch(
        inputs: ["notes/lesson.md"], outputFolder: nil, inPlace: true, cache: .none,
        options: NotesOptions(target: .markdown(.files), copy: .student))
    }
  }
}

/// Text the fact check writes, for tests that look for it.
enum FactsReportText {
  static let correct = "Correct as written."
}
