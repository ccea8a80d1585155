import ArgumentMap
import Foundation
import TestSupport
import Testing

/// The editor driven against a real `argmap serve`: in headless Chromium by
/// `Scripts/serve-check.py` (Selenium with Debian's chromium-driver) through edits, errors,
/// clicks, saves, changes on disk, conflicts, lesson notes, hostile text and present mode; in
/// headless Firefox by `Scripts/firefox-check.py` (WebDriver BiDi, real clicks and key presses)
/// through the same main paths. Screenshots go to `out/serve-check/`.
@Suite("argmap serve in headless Chromium and Firefox")
struct ServeBrowserTests {
  /// What the script saw.
  struct Report: Decodable {
    struct Opened: Decodable {
      var files: [String]
      var statements: Int
    }
    struct Edit: Decodable { var drawn: Bool }
    struct Failure: Decodable {
      var listed: [String]
      var markedLines: [Int]
      var backdropMarked: Int
      var stale: Bool
      var typedAtLine: Int
      var cursorAfterClick: Int
    }
    struct Saved: Decodable {
      var onDisk: Bool
      var folder: [String]
    }
    struct DiskChange: Decodable { var editorHasIt: Bool }
    struct Conflict: Decodable {
      var banner: String
      var dialog: String
      var diskKeptOtherEdit: Bool
      var afterKeep: Bool
    }
    struct SecondTab: Decodable {
      var warned: Bool
      var firstTabSaved: Bool
      var secondNotYet: Bool
    }
    struct Problems: Decodable {
      var attribute: String?
      var global: String
      var console: [String]
      var errors: [String]
    }
    struct Step: Decodable {
      var title: String
      var visible: [String]
      var hidden: [String]
      var smallestText: Double
    }
    struct Focus: Decodable {
      var dimmed: Int
      var kept: [String]
    }
    var opened: Opened
    var edit: Edit
    var error: Failure
    var clicks: [String: Int]
    var highlights: [String: [String]]
    var saved: Saved
    var diskChange: DiskChange
    var conflict: Conflict
    var secondTab: SecondTab
    var notes: ServeBrowserTests.Notes
    var hostileFiles: Int
    var hostile: Problems
    var focus: Focus
    var present: [Step]
    var presentProblems: Problems
    var phone: Phone
  }

  /// The panes on a phone held upright.
  struct Phone: Decodable {
    var textWidth: Double
    var pictureWidth: Double
    var pictureHeight: Double
    var pictureBelowText: Bool
    var viewportWidth: Double
    var toolbarHeight: Double
  }

  struct Notes: Decodable {
    var figures: [String]
    var mapControlsHidden: Bool
    var typedSeconds: Double
    var errorAtLine: Int
    var listed: [String]
    var markedLines: [Int]
    var frameScript: [FrameScript]
    var problems: Report.Problems
  }

  /// `typeof __pwned` in the notes frame (a string), or the number of its script elements.
  enum FrameScript: Decodable, Equatable {
    case text(String)
    case number(Int)

    init(from decoder: any Decoder) throws {
      let value = try decoder.singleValueContainer()
      if let number = try? value.decode(Int.self) {
        self = .number(number)
      } else {
        self = .text(try value.decode(String.self))
      }
    }
  }

  @Test("edit, errors, clicks, saves, disk changes, conflicts, notes, hostile text, present mode")
  func editorInTheBrowser() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let server = try RunningServer(folder: served.folder)
    let screenshots = PackagePaths.url("out/serve-check")
    let run = try runProcess(
      URL(fileURLWithPath: "/usr/bin/python3"),
      [
        PackagePaths.url("Scripts/serve-check.py").path, server.address, served.folder.path,
        screenshots.path,
      ], in: PackagePaths.root)
    try #require(run.status == 0, "serve-check.py failed: \(run.stderr.suffix(3_000))")
    let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
    let original = ArgumentMapParser.parse(
      try String(
        contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8))
    func line(of id: String) -> Int? {
      guard let position = original.map.nodes.firstIndex(where: { $0.id.rawValue == id })
      else { return nil }
      return original.sourceMap.range(of: original.sourceMap.nodes[position].line).start.line
    }

    // Opened and drawn; the links out and the hidden file are not listed.
    #expect(report.opened.files.contains("stalin.argmap"))
    #expect(!report.opened.files.contains { $0.contains("link-out") || $0.contains("hidden") })
    #expect(report.opened.statements == original.map.nodes.count)
    #expect(report.edit.drawn)
    // The error is listed with its place, marked at that line, and the picture kept but greyed.
    #expect(report.error.listed.count == 1)
    #expect(report.error.listed.first?.contains(":\(report.error.typedAtLine):") == true)
    #expect(report.error.listed.first?.contains("no-such-node") == true)
    #expect(report.error.markedLines == [report.error.typedAtLine])
    #expect(report.error.backdropMarked == 1)
    #expect(report.error.stale)
    #expect(report.error.cursorAfterClick == report.error.typedAtLine)
    // A click on a statement puts the cursor on its line; the cursor's statement is marked.
    #expect(report.clicks["strength"] == line(of: "strength"))
    #expect(report.clicks["security-view"] == line(of: "security-view"))
    // The typed claim starts on the second line after the original text.
    let originalLines = try String(
      contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(report.clicks["typed-claim"] == originalLines + 1)
    for id in ["security", "recognition", "security-view"] {
      let written = try #require(line(of: id))
      #expect(report.highlights["\(written)"] == ["am-n-\(id)"])
    }
    // Saved atomically: the edit is on disk and no temporary file is left.
    #expect(report.saved.onDisk)
    #expect(
      report.saved.folder.filter { !$0.hasPrefix("hostile-") }.sorted() == [
        ".hidden.argmap", "folder-out", "lesson.md", "link-out.argmap", "second.argmap",
        "stalin.argmap",
      ])
    #expect(report.diskChange.editorHasIt)
    #expect(report.conflict.banner.contains("changed on disk"))
    #expect(report.conflict.dialog.contains("changed on disk since you opened it"))
    #expect(report.conflict.diskKeptOtherEdit)
    #expect(report.conflict.afterKeep)
    #expect(report.secondTab.warned && report.secondTab.firstTabSaved)
    #expect(report.secondTab.secondNotYet)
    // Lesson notes: listed, both diagrams drawn in the frame, redrawn as typed and when a map
    // they draw changed on disk; a block's problem listed and marked at its line.
    #expect(report.opened.files.contains("lesson.md"))
    #expect(
      report.notes.figures == [
        "Figure 1. The essay's argument at a glance", "Figure 2. Why the Weimar Republic fell",
      ])
    #expect(report.notes.mapControlsHidden)
    #expect(report.notes.listed.count == 1)
    #expect(report.notes.listed.first?.contains("lesson.md:\(report.notes.errorAtLine):") == true)
    #expect(report.notes.listed.first?.contains("missing.argmap") == true)
    #expect(report.notes.markedLines == [report.notes.errorAtLine])
    #expect(report.notes.frameScript == [.text("undefined"), .number(0)])
    // Hostile texts: nothing ran.
    #expect(report.hostileFiles == HostileText.corpus.count)
    for problems in [report.notes.problems, report.hostile, report.presentProblems] {
      #expect(problems.attribute == nil)
      #expect(problems.global == "undefined")
      #expect(problems.console.isEmpty, "\(problems.console)")
      #expect(problems.errors.isEmpty, "\(problems.errors)")
    }
    // Present mode: the documented order, readable on a 1920 x 1080 projector.
    let steps = report.present
    #expect(steps.first?.title.hasPrefix("Main aim: Stalin's main aim was the security") == true)
    #expect(steps.first?.visible == ["security"])
    #expect(steps.dropFirst(2).first?.title.hasPrefix("Sub-aim: Political recognition") == true)
    #expect(steps.dropFirst(3).first?.title.hasPrefix("For: Political recognition") == true)
    let titles = steps.map(\.title)
    let firstAgainst = try #require(titles.firstIndex { $0.hasPrefix("Against: Political") })
    let strength = try #require(titles.firstIndex { $0.hasPrefix("Sub-aim: Industrial") })
    let interpretations = try #require(titles.firstIndex { $0 == "Interpretations" })
    #expect(firstAgainst > 3 && strength > firstAgainst && interpretations > strength)
    for step in steps {
      #expect(step.smallestText >= 19, "\(step.title): \(step.smallestText) px")
    }
    // By the last step every statement has been shown on some slide.
    let shown = Set(steps.flatMap(\.visible))
    #expect(shown.isSuperset(of: original.map.nodes.map(\.id.rawValue)))
    #expect(report.focus.dimmed > 0)
    #expect(report.focus.kept.contains("recognition") && report.focus.kept.count < 10)

    // On a phone the picture stands under the text, the whole width of the screen: it was a
    // sliver of about 70 px beside the editor.
    #expect(report.phone.pictureBelowText)
    #expect(report.phone.pictureWidth >= report.phone.viewportWidth - 2, "\(report.phone)")
    #expect(report.phone.textWidth >= report.phone.viewportWidth - 2, "\(report.phone)")
    #expect(report.phone.pictureHeight >= 200, "\(report.phone)")
    // The controls share rows: the toolbar was 190 px, a fifth of the screen, one per row.
    #expect(report.phone.toolbarHeight <= 120, "\(report.phone)")
  }

  /// What `Scripts/firefox-check.py` saw.
  struct FirefoxReport: Decodable {
    struct Present: Decodable {
      var steps: Int
      var title: String
      var smallestText: Double
    }
    struct Problems: Decodable {
      var global: String
      var console: [String]
    }
    var userAgent: String
    var statements: Int
    var typedDrawn: Bool
    var errorAtLine: Int
    var markedLines: [Int]
    var highlighted: [String]
    var highlightInView: Bool
    var clickedStrengthLine: Int
    var savedOnDisk: Bool
    var notesFigures: Int
    var present: Present
    var problems: Problems
  }

  @Test("the editor in Firefox: edit, error, cursor and click, save, notes, present mode")
  func editorInFirefox() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let server = try RunningServer(folder: served.folder)
    let run = try runProcess(
      URL(fileURLWithPath: "/usr/bin/python3"),
      [
        PackagePaths.url("Scripts/firefox-check.py").path, server.address, served.folder.path,
        PackagePaths.url("out/serve-check").path,
      ], in: PackagePaths.root)
    try #require(run.status == 0, "firefox-check.py failed: \(run.stderr.suffix(3_000))")
    let report = try JSONDecoder().decode(FirefoxReport.self, from: Data(run.stdout.utf8))
    let original = ArgumentMapParser.parse(
      try String(
        contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8))
    let strengthLine = original.sourceMap.range(
      of: original.sourceMap.nodes[
        try #require(original.map.nodes.firstIndex { $0.id.rawValue == "strength" })
      ].line
    ).start.line

    #expect(report.userAgent.contains("Firefox/"))
    #expect(report.statements == original.map.nodes.count)
    #expect(report.typedDrawn)
    #expect(report.markedLines == [report.errorAtLine])
    #expect(report.highlighted == ["am-n-recognition"])
    #expect(report.highlightInView)
    #expect(report.clickedStrengthLine == strengthLine)
    #expect(report.savedOnDisk)
    #expect(report.notesFigures == 2)
    #expect(report.present.steps > 10)
    #expect(report.present.title.hasPrefix("Sub-aim: Political recognition"))
    #expect(report.present.smallestText >= 19)
    #expect(report.problems.global == "undefined")
    #expect(report.problems.console.isEmpty, "\(report.problems.console)")
  }
}
