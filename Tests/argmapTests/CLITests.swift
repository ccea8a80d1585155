import Foundation
import TestSupport
import Testing

/// The `argmap` binary end to end: standard output, standard error and exit status.
@Suite("argmap command line", .serialized)
struct CLITests {
  let stalin = "Graphs/stalin-foreign-policy.argmap"

  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
  }

  @Test func checkPassesTheStalinMap() throws {
    let run = try runArgmap(["check", stalin])
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(run.stdout.hasPrefix("\(stalin): ok, "))
  }

  @Test func checkCountsInWords() throws {
    let run = try runArgmap(
      ["check", "-"], stdin: Array("aim a: A\nclaim b: B\n  + a\n  ! C\n".utf8))
    // A flag without a source is a warning.
    #expect(run.stdout == "<stdin>: ok, 2 nodes, 1 link, 1 flag, 1 warning\n")
  }

  @Test func checkReportsErrorsOnStandardErrorAndExitsWithOne() throws {
    let run = try runArgmap(
      ["check", "-"], stdin: Array("aim a: A\nclaim b: B\n  + nowhere\n".utf8))
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        <stdin>:1:5: warning: node 'a' is connected to nothing
          aim a: A
              ^
        <stdin>:3:5: error: unknown node 'nowhere'
            + nowhere
              ^~~~~~~

        """)
  }

  @Test func checkCanReportJSONForTools() throws {
    let run = try runArgmap(
      ["check", "--format", "json", "-"], stdin: Array("aim a: A\nclaim b: B\n  + a\n  + a\n".utf8))
    #expect(run.status == 0)  // a duplicate link is a warning
    let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
    let first = try #require(parsed?.first)
    #expect(first["id"] as? String == "duplicate-link")
    #expect(first["line"] as? Int == 4)
    #expect(first["column"] as? Int == 3)
    #expect(first["severity"] as? String == "warning")
  }

  /// A file that cannot be read is in the JSON too, located when it is not text: `[]` said
  /// "no problems" of a run that failed.
  @Test func checkReportsUnreadableFilesInJSON() throws {
    let run = try runArgmap(
      ["check", "--format", "json", "no/such.argmap", "-", "Graphs/weimar-collapse.argmap"],
      stdin: Array("aim a: A ".utf8) + [0xFF, 0x0A])
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty)
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(parsed.map { $0["file"] as? String } == ["no/such.argmap", "<stdin>"])
    #expect(parsed.allSatisfy { $0["id"] as? String == "unreadable-file" })
    #expect(parsed.map { $0["severity"] as? String } == ["error", "error"])
    #expect(parsed[0]["line"] == nil)
    #expect(parsed[1]["line"] as? Int == 1 && parsed[1]["column"] as? Int == 10)
    #expect(parsed[0]["message"] as? String == "no such file")
  }

  /// A usage error found while the command runs shows that command's usage, not the root's.
  @Test func aUsageErrorWhileRunningShowsTheCommandsUsage() throws {
    let run = try runArgmap(
      ["evaluate", "Graphs/stalin-foreign-policy.argmap", "--under", "nosuch"])
    #expect(run.status == 64)
    #expect(
      run.stderr
        == "Error: --under: unknown interpretation 'nosuch'; the interpretations are "
        + "'security-view', 'aggressive-view', 'dualism-view'.\n"
        + "Usage: argmap evaluate [<options>] <file>\n"
        + "  See 'argmap evaluate --help' for more information.\n")
  }

  /// A mistyped interpretation gets the suggestion `render --scope` gives, in every command
  /// that names one; a map without interpretations says so and how to add one.
  @Test func aMistypedInterpretationIsSuggestedOrTheMapsAreListed() throws {
    let stalin = "Graphs/stalin-foreign-policy.argmap"
    let evaluate = try runArgmap(["evaluate", stalin, "--under", "Security-View"])
    #expect(evaluate.status == 64)
    #expect(
      evaluate.stderr.hasPrefix(
        "Error: --under: unknown interpretation 'Security-View'; did you mean 'security-view'?\n"))
    let table = try runArgmap(["table", stalin, "--aim", "security", "--under", "aggresive-view"])
    #expect(table.status == 64)
    #expect(table.stderr.contains("did you mean 'aggressive-view'?"), "\(table.stderr)")
    let matrix = try runArgmap(["matrix", stalin, "security-view", "recognition"])
    #expect(matrix.status == 64)
    #expect(
      matrix.stderr.contains(
        "'recognition' is a sub-aim, not an interpretation; the interpretations are "
          + "'security-view', 'aggressive-view', 'dualism-view'"), "\(matrix.stderr)")
    let compare = try runArgmap(
      ["compare", "Tests/Fixtures/homework-debate.argdown", "proposition", "opposition"])
    #expect(compare.status == 64)
    #expect(
      compare.stderr.contains(
        "unknown interpretation 'proposition'; the map has no interpretation: add one that "
          + "supports the aim it reads"), "\(compare.stderr)")
  }

  /// `export map.argmap -o map.argdown` wrote JSON under that name, `evaluate -o ev.pdf` text and
  /// `table -o t.html` Markdown: without `--format`, the extension of `-o` names the format.
  @Test(arguments: [
    (["export", "Graphs/stalin-foreign-policy.argmap"], "map.argdown", "===\ntitle: "),
    (["export", "Graphs/stalin-foreign-policy.argmap"], "map.txt", "Discussion Title: "),
    (["export", "Graphs/stalin-foreign-policy.argmap"], "map.aif.json", "{\n  \"nodes\": ["),
    (["evaluate", "Graphs/stalin-foreign-policy.argmap"], "ev.md", "# Evaluation: "),
    (["evaluate", "Graphs/stalin-foreign-policy.argmap"], "ev.json", "{"),
    (
      ["table", "Graphs/stalin-foreign-policy.argmap", "--aim", "security"], "t.csv", "date,column,"
    ),
    (
      ["table", "Graphs/stalin-foreign-policy.argmap", "--aim", "security"], "t.html",
      "<!DOCTYPE html>"
    ),
  ])
  func theOutputsExtensionNamesTheFormat(_ command: [String], _ name: String, _ start: String)
    throws
  {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    let run = try runArgmap(command + ["-o", path])
    #expect(run.status == 0, "\(run.stderr)")
    let written = String(
      decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    #expect(written.hasPrefix(start), "\(written.prefix(80))")
  }

  @Test func anOutputExtensionThatNamesNoFormatIsRefusedAndFormatWins() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("ev.pdf-copy").path
    let refused = try runArgmap(["evaluate", stalin, "-o", path])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("Cannot tell the format of '\(path)': use "))
    #expect(!FileManager.default.fileExists(atPath: path))
    let explicit = try runArgmap(["export", stalin, "--format", "json", "-o", path])
    #expect(explicit.status == 0)
    let written = String(
      decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    #expect(written.hasPrefix("{"))
  }

  /// A file whose name and content say nothing of its format was read as ArgMap JSON and
  /// refused with "malformed number" at 1:1.
  @Test func importRefusesAFileOfNoKnownFormatAndSaysWhy() throws {
    let argmap = try runArgmap(["import", stalin])
    #expect(argmap.status == 64)
    #expect(argmap.stderr.contains("(it is already .argmap text): use --from argdown, aif,"))
    let framework = Array("p af 2\n1 2\n".utf8)
    let unnamed = try runArgmap(["import", "-"], stdin: framework)
    #expect(unnamed.status == 64)
    #expect(unnamed.stderr.contains("Cannot tell the format of standard input: use --from"))
    let named = try runArgmap(["import", "--from", "iccma", "-"], stdin: framework)
    #expect(named.status == 0)
    #expect(named.stdout.hasPrefix("claim a1: Argument 1\n  - a2\n"))
    let json = try runArgmap(
      ["import", "-"],
      stdin: Array(
        #"{"format": "argmap", "version": 1, "nodes": [{"id": "a", "kind": "aim", "text": "A"}]}"#
          .utf8))
    #expect(json.status == 0, "\(json.stderr)")
  }

  @Test func renderWritesTheMapsLanguageOnTheSVG() throws {
    let map = Array("---\nlanguage: de\n---\naim a: Die Sicherheit der UdSSR\n".utf8)
    let run = try runArgmap(["render", "-"], stdin: map)
    #expect(run.status == 0)
    #expect(run.stdout.contains(" lang=\"de\" xml:lang=\"de\" "))
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let input = Array("aim a: A\nclaim b: B\n".utf8)
    #expect(try runArgmap(["check", "-"], stdin: input).status == 0)
    let strict = try runArgmap(["check", "--strict", "-"], stdin: input)
    #expect(strict.status == 1)
    // It said "ok" while it failed.
    #expect(strict.stdout.hasPrefix("<stdin>: failed (--strict), 2 nodes"), "\(strict.stdout)")
  }

  @Test func checkReportsMissingFilesAndDirectories() throws {
    let run = try runArgmap(["check", "no/such.argmap", "Graphs"])
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "no/such.argmap: error: no such file\nGraphs: error: is a directory, not a file\n")
  }

  @Test func checkReportsABinaryFile() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("image.argmap")
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).write(to: file)
    let run = try runArgmap(["check", file.path])
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("\(file.path):1:1: error: file is not valid UTF-8 text"))
  }

  @Test(arguments: [
    ["bogus"], ["check"], ["check", "--format", "xml", "x"], ["fmt", "--write", "--check", "x"],
    ["export", "x", "--format", "pdf"], ["fmt", "--write", "-"],
  ])
  func badUsageExitsWith64(arguments: [String]) throws {
    let run = try runArgmap(arguments)
    #expect(run.status == 64)
    #expect(!run.stderr.isEmpty)
  }

  @Test(arguments: ["check", "fmt", "export", "import"])
  func everySubcommandHasHelp(subcommand: String) throws {
    let run = try runArgmap([subcommand, "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("USAGE: argmap \(subcommand)"))
  }

  @Test func fmtPrintsCanonicalTextAndCheckSpotsUnformattedFiles() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("m.argmap")
    try write("aim   a :  A\nclaim b: B\n    + a\n", to: file)
    let printed = try runArgmap(["fmt", file.path])
    #expect(printed.status == 0)
    #expect(printed.stdout == "aim a: A\n\nclaim b: B\n  + a\n")
    let checked = try runArgmap(["fmt", "--check", file.path])
    #expect(checked.status == 1)
    #expect(checked.stdout == "\(file.path): not formatted\n")
    #expect(try runArgmap(["fmt", "--check", stalin]).status == 0)
  }

  @Test func fmtWriteRewritesInPlaceAndLeavesNoTemporaryFile() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("m.argmap")
    try write("# kept\naim   a :  A\nclaim b: B\n    + a\n", to: file)
    let run = try runArgmap(["fmt", "--write", file.path])
    #expect(run.status == 0)
    #expect(
      try String(contentsOf: file, encoding: .utf8) == "# kept\naim a: A\n\nclaim b: B\n  + a\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.argmap"])
  }

  @Test func fmtWriteRefusesAFileWithSyntaxErrors() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("m.argmap")
    let original = "aim a: A\nclam b: B\n  + a\n"
    try write(original, to: file)
    let run = try runArgmap(["fmt", "--write", file.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("unknown node kind 'clam'; did you mean 'claim'?"))
    #expect(run.stderr.contains("not rewritten"))
    #expect(try String(contentsOf: file, encoding: .utf8) == original)
  }

  @Test func exportAndImportRoundTripThroughJSON() throws {
    let folder = try temporaryFolder()
    let json = folder.appendingPathComponent("stalin.json")
    let back = folder.appendingPathComponent("stalin.argmap")
    let exported = try runArgmap(["export", stalin, "--format", "json", "-o", json.path])
    #expect(exported.status == 0)
    #expect(exported.stdout == "")
    let imported = try runArgmap(["import", json.path, "-o", back.path])
    #expect(imported.status == 0)
    let original = try String(contentsOf: PackagePaths.url(stalin), encoding: .utf8)
    #expect(try String(contentsOf: back, encoding: .utf8) == original)
  }

  @Test func exportWritesToStandardOutputByDefault() throws {
    let run = try runArgmap(["export", "-"], stdin: Array("aim a: A\n".utf8))
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("{\n  \"format\": \"argmap\",\n  \"version\": 1,"))
  }

  @Test func exportRefusesAMapWithErrors() throws {
    let run = try runArgmap(["export", "-"], stdin: Array("aim a: A\n  + ghost\n".utf8))
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(run.stderr.contains("unknown node 'ghost'"))
  }

  @Test func importReportsMalformedJSONWithALocation() throws {
    let run = try runArgmap(["import", "-"], stdin: Array("{\"nodes\": [}\n".utf8))
    #expect(run.status == 1)
    #expect(
      run.stderr.hasPrefix("<stdin>:1:12: error: unexpected character; expected a JSON value"))
  }

  @Test func importLocatesValidationProblemsInTheJSON() throws {
    let json = """
      {"nodes": [
        {"id": "a", "kind": "aim", "text": "A"},
        {"id": "b", "kind": "claim", "text": "B", "links": [{"relation": "supports", "target": "nowhere"}]}
      ]}
      """
    let run = try runArgmap(["import", "-"], stdin: Array(json.utf8))
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("<stdin>:3:90: error: unknown node 'nowhere'"))
  }

  /// Every command that reads a map reads an Argdown file as `argmap import` does: `render`
  /// printed an error for each Argdown line ("unknown node kind '[Ban]'"), though `evaluate`
  /// read the same file.
  @Test func commandsReadAnArgdownFileAsImportDoes() throws {
    let debate = "Tests/Fixtures/homework-debate.argdown"
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let svg = folder.appendingPathComponent("debate.svg").path
    let render = try runArgmap(["render", debate, "-o", svg])
    #expect(render.status == 0, "\(render.stderr)")
    #expect(!render.stderr.contains("unknown node kind"), "\(render.stderr)")
    let drawing = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(drawing.contains("Most homework is busywork"))
    let check = try runArgmap(["check", debate])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.hasPrefix("\(debate): ok, 5 nodes, 4 links"), "\(check.stdout)")
    // The fix for a missing thesis is said in Argdown's syntax, not .argmap's.
    #expect(check.stderr.contains("mark the thesis with '{kind: aim}'"), "\(check.stderr)")
    #expect(!check.stderr.contains("add a line 'aim ID: TEXT'"))
    let plan = try runArgmap(["layout-report", debate, "--page", "slide"])
    #expect(plan.status == 0, "\(plan.stderr)")
    #expect(plan.stdout.hasPrefix("\(debate): map on slide: readable"), "\(plan.stdout)")
    let export = try runArgmap(["export", debate, "--format", "kialo"])
    #expect(export.status == 0)
    #expect(
      export.stdout.contains("Con: Practice at home consolidates learning."), "\(export.stdout)")
  }
}
