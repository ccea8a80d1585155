import Foundation
import TestSupport
import Testing

@Suite("Limits on the command line: --max-nodes, --timeout, stale temporary files")
struct LimitsCommandTests {
  /// A map of 12 statements, which draws as 12 nodes.
  static let map = essayMapText(statements: 12)

  @Test("render --max-nodes refuses a larger map with the file's name, and writes nothing")
  func renderRefusesAboveTheLimit() throws {
    let folder = try makeTemporaryFolder("argmap-limits")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(Self.map, "big.argmap", in: folder)
    let refused = try runArgmap(
      ["render", "big.argmap", "--max-nodes", "5", "-o", "big.svg"], in: folder)
    #expect(refused.status == 1)
    // 12 statements, and the headings of their boxes and the key of reasons.
    #expect(refused.stderr.hasPrefix("big.argmap: error: the diagram has "))
    #expect(refused.stderr.contains(" nodes, more than the limit of 5"))
    let counted = Int(
      refused.stderr.dropFirst("big.argmap: error: the diagram has ".count).prefix { $0.isNumber })
    #expect((counted ?? 0) >= 12)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["big.argmap"])
    let drawn = try runArgmap(
      ["render", "big.argmap", "--max-nodes", "\(counted ?? 12)", "-o", "big.svg"], in: folder)
    #expect(drawn.status == 0)
    #expect(drawn.stderr.isEmpty)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("big.svg").path))
  }

  @Test("--max-nodes below 1 is bad usage", arguments: ["render", "evaluate", "notes"])
  func maxNodesMustBePositive(command: String) throws {
    let result = try runArgmap([command, "-", "--max-nodes", "0"], stdin: Array(Self.map.utf8))
    #expect(result.status == 64)
    #expect(result.stderr.contains("--max-nodes must be at least 1"))
  }

  @Test("evaluate and compare drawings obey --max-nodes too")
  func analysisDrawingsObeyTheLimit() throws {
    let input = Array(Self.map.utf8)
    let evaluation = try runArgmap(
      ["evaluate", "-", "--format", "svg", "--max-nodes", "3"], stdin: input)
    #expect(evaluation.status == 1)
    #expect(evaluation.stderr.contains("<stdin>: error: the diagram has"))
    #expect(evaluation.stdout.isEmpty)
    let comparison = try runArgmap(
      ["compare", "-", "view-a", "view-b", "--format", "svg", "--max-nodes", "1"], stdin: input)
    #expect(comparison.status == 1)
    #expect(comparison.stderr.contains("<stdin>: error: the diagram has"))
    let text = try runArgmap(["evaluate", "-", "--max-nodes", "3"], stdin: input)
    #expect(text.status == 0)  // a text report draws nothing
  }

  /// The evidence matrix and the timeline are placed without Graphviz's layout, and the limit
  /// was not applied to them: `matrix --max-nodes 1` wrote four pages.
  @Test("the matrix and the timeline obey --max-nodes, writing nothing above it")
  func placedDrawingsObeyTheLimit() throws {
    let folder = try makeTemporaryFolder("argmap-limits")
    defer { try? FileManager.default.removeItem(at: folder) }
    let stalin = "Graphs/stalin-foreign-policy.argmap"
    for (stem, command) in [
      ("m", ["matrix", stalin, "security-view", "aggressive-view", "-o", folder.path + "/m.svg"]),
      ("t", ["render", stalin, "--view", "timeline", "-o", folder.path + "/t.svg"]),
    ] {
      let refused = try runArgmap(command + ["--max-nodes", "3"])
      #expect(refused.status == 1)
      #expect(refused.stderr.contains("\(stalin): error: the diagram has"))
      let written = { try FileManager.default.contentsOfDirectory(atPath: folder.path) }
      #expect(try !written().contains { $0.hasPrefix(stem) })
      #expect(try runArgmap(command).status == 0)
      #expect(try written().contains { $0.hasPrefix(stem) })
    }
  }

  @Test("notes --max-nodes reports the block that is too large, at its first line")
  func notesObeyTheLimit() throws {
    let notes = "# Lesson\n\n```argmap\n\(Self.map)```\n"
    let result = try runArgmap(["notes", "-", "--max-nodes", "4"], stdin: Array(notes.utf8))
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("<stdin>:4:1: error: cannot draw the map: the diagram has "))
    #expect(result.stderr.contains("more than the limit of 4"))
  }

  @Test("render above 1,000 nodes keeps dot, without a warning, while sfdp is refused")
  func keepsDotAboveOneThousandNodes() throws {
    let folder = try makeTemporaryFolder("argmap-limits")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(essayMapText(statements: 1_001), "large.argmap", in: folder)
    let dot = try runArgmap(["render", "large.argmap", "--format", "dot"], in: folder)
    #expect(dot.status == 0)
    #expect(!dot.stdout.contains("layout="))  // DOT text is not laid out: no switch
    let svg = try runArgmap(["render", "large.argmap", "-o", "large.svg"], in: folder)
    #expect(svg.status == 0)
    #expect(svg.stderr.isEmpty, "\(svg.stderr)")
  }

  @Test("render --timeout ends a long layout with an error and leaves no output or temporary")
  func timeoutEndsALongRender() throws {
    let folder = try makeTemporaryFolder("argmap-timeout")
    defer { try? FileManager.default.removeItem(at: folder) }
    // dot needs many seconds for 2,000 statements (see docs/limits.md).
    try writeFile(essayMapText(statements: 2_000), "slow.argmap", in: folder)
    try writeFile("old drawing", "slow.svg", in: folder)
    let start = Date()
    let result = try runArgmap(
      ["render", "slow.argmap", "--layout", "dot", "--timeout", "1", "-o", "slow.svg"],
      in: folder)
    let elapsed = Date().timeIntervalSince(start)
    #expect(result.status == 1)
    #expect(result.stderr == "slow.argmap: error: rendering slow.argmap took longer than 1 s\n")
    #expect(elapsed < 30)
    let svg = try String(contentsOf: folder.appendingPathComponent("slow.svg"), encoding: .utf8)
    #expect(svg == "old drawing")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "slow.argmap", "slow.svg",
      ])
  }

  @Test("notes --timeout ends a notes file whose diagrams take too long, writing nothing")
  func timeoutEndsLongNotes() throws {
    let folder = try makeTemporaryFolder("argmap-notes-timeout")
    defer { try? FileManager.default.removeItem(at: folder) }
    // dot lays out 4,000 statements for minutes (sfdp, which would take seconds, is refused).
    try writeFile(essayMapText(statements: 4_000), "slow.argmap", in: folder)
    try writeFile("# Lesson\n\n```argmap\nmap: slow.argmap\n```\n", "lesson.md", in: folder)
    let start = Date()
    let result = try runArgmap(
      ["notes", "lesson.md", "-o", "out", "--no-cache", "--timeout", "1"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.hasSuffix("lesson.md: error: rendering lesson.md took longer than 1 s\n"))
    #expect(Date().timeIntervalSince(start) < 30)
    let out = folder.appendingPathComponent("out")
    let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
    #expect(written.filter { !$0.hasPrefix(".argmap-cache") }.isEmpty, "\(written)")
  }

  @Test("the Pandoc filter ends a block that takes longer than ARGMAP_TIMEOUT with an error")
  func pandocFilterTimeLimit() throws {
    let folder = try makeTemporaryFolder("argmap-pandoc-timeout")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(essayMapText(statements: 4_000), "slow.argmap", in: folder)
    let ast =
      #"{"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[{"t":"CodeBlock","c":[["",["argmap"],[]],"map: slow.argmap"]}]}"#
    let result = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["ARGMAP_TIMEOUT=1", PackagePaths.argmapExecutable.path, "pandoc-filter", "html"],
      stdin: Array(ast.utf8), in: folder)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("argmap block 1: error: rendering argmap block 1 took longer than 1 s")
    )
    #expect(result.stdout.isEmpty)
  }

  @Test("render --timeout leaves a render that finishes in time alone")
  func timeoutInTime() throws {
    let result = try runArgmap(["render", "-", "--timeout", "120"], stdin: Array(Self.map.utf8))
    #expect(result.status == 0)
    #expect(result.stdout.contains("</svg>"))
    let bad = try runArgmap(["render", "-", "--timeout", "0"], stdin: Array(Self.map.utf8))
    #expect(bad.status == 64)
  }

  @Test("a write removes the temporary files that killed runs left for the same file only")
  func staleTemporariesAreRemoved() throws {
    let folder = try makeTemporaryFolder("argmap-stale")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("aim   a:  A\n", "map.argmap", in: folder)
    // No process has an id above Linux's largest (4,194,304); this test process is running.
    let stale = ".map.argmap.999999999.12345.tmp"
    let live = ".map.argmap.\(getpid()).12345.tmp"
    let other = ".other.argmap.999999999.12345.tmp"
    let unrelated = ".map.argmap.notes.tmp"
    for name in [stale, live, other, unrelated] { try writeFile("half", name, in: folder) }
    let result = try runArgmap(["fmt", "--write", "map.argmap"], in: folder)
    #expect(result.status == 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == [live, other, unrelated, "map.argmap"].sorted())
    #expect(
      try String(contentsOf: folder.appendingPathComponent("map.argmap"), encoding: .utf8)
        == "aim a: A\n")
  }

  @Test("notes writes more figures than it may open files at once")
  func notesBatchBeyondTheOpenFileLimit() throws {
    let folder = try makeTemporaryFolder("argmap-many")
    defer { try? FileManager.default.removeItem(at: folder) }
    var notes = "# Many figures\n"
    for index in 0..<150 { notes += "\n```argmap\naim a\(index): Aim \(index)\n```\n" }
    try writeFile(notes, "many.md", in: folder)
    let result = try runProcess(
      URL(fileURLWithPath: "/bin/sh"),
      [
        "-c", "ulimit -n 64 && exec \"$0\" notes many.md -o out --no-cache",
        PackagePaths.argmapExecutable.path,
      ], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let written = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("out").path)
    #expect(written.filter { $0.hasSuffix(".svg") }.count == 150)
    #expect(!written.contains { $0.hasSuffix(".tmp") })
  }
}
