import Foundation
import TestSupport
import Testing

/// `argmap evaluate` on abstract frameworks, through the real binary, against stored answers:
/// the ASPARTIX test set's solutions, the cases Crustabri's tests assert, and the ICCMA 2023
/// rules' example.
@Suite struct FrameworkEvaluationTests {
  private func path(_ relative: String) -> String {
    InterchangeFixtures.root.appendingPathComponent(relative).path
  }

  /// The extensions `argmap evaluate FILE --semantics S --format json` prints, as sets of ids.
  private func extensions(_ file: String, _ semantics: String) throws -> Set<Set<String>> {
    let output = try runArgmap([
      "evaluate", path(file), "--semantics", semantics, "--format", "json",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    let report = try #require(object as? [String: Any])
    #expect(report["exhaustive"] as? Bool == true)
    let lists = try #require(report["extensions"] as? [[String]])
    return Set(lists.map(Set.init))
  }

  /// A solution in the ICCMA 2015–2019 format: `[a,b]` for one extension, `[[a],[b]]` for all.
  private func solution(_ file: String) throws -> Set<Set<String>> {
    let text = try InterchangeFixtures.text(file).trimmingCharacters(in: .whitespacesAndNewlines)
    let isList = file.hasSuffix(".SE-GR")
    let body = isList ? "[" + text + "]" : text
    let inner = body.dropFirst().dropLast()
    var result: Set<Set<String>> = []
    var depth = 0
    var current = ""
    for character in inner {
      switch character {
      case "[":
        depth += 1
        current = ""
      case "]":
        depth -= 1
        let names = current.split(separator: ",").map(String.init)
        result.insert(Set(names))
      default:
        current.append(character)
      }
    }
    return result
  }

  @Test(arguments: [
    ("aspartix-v21/traffic2", "grounded", "SE-GR"), ("aspartix-v21/traffic2", "preferred", "EE-PR"),
    ("aspartix-v21/traffic6", "grounded", "SE-GR"), ("aspartix-v21/traffic6", "preferred", "EE-PR"),
    ("aspartix-v21/traffic10", "grounded", "SE-GR"),
    ("aspartix-v21/traffic10", "preferred", "EE-PR"),
    ("aspartix-v21/traffic10", "stable", "EE-ST"),
    ("crustabri/auto-attack", "stable", "EE-ST"), ("crustabri/odd-cycle", "stable", "EE-ST"),
    ("crustabri/components-self-attack", "stable", "EE-ST"),
    ("crustabri/disjunction", "grounded", "SE-GR"), ("crustabri/six", "preferred", "EE-PR"),
    ("crustabri/lone-self-attack", "preferred", "EE-PR"),
  ])
  func evaluateMatchesTheStoredSolution(_ instance: String, _ semantics: String, _ task: String)
    throws
  {
    let expected = try solution("frameworks/\(instance).\(task)")
    #expect(try extensions("frameworks/\(instance).apx", semantics) == expected)
  }

  /// The rules' example as an ICCMA 2023 file: grounded {1, 3}; one preferred and stable
  /// extension {1, 3, 4}; the self-attacking 5 in none.
  @Test func evaluateReadsAnIccmaFileByItsExtension() throws {
    let file = "frameworks/iccma-2023-example.af"
    #expect(try extensions(file, "grounded") == [["a1", "a3"]])
    #expect(try extensions(file, "complete") == [["a1", "a3"], ["a1", "a3", "a4"]])
    #expect(try extensions(file, "preferred") == [["a1", "a3", "a4"]])
    #expect(try extensions(file, "stable") == [["a1", "a3", "a4"]])
  }

  /// A TGF file, and `--from` for a name that says nothing.
  @Test func evaluateReadsTGFAndHonoursFrom() throws {
    #expect(try extensions("frameworks/labels-crlf.tgf", "grounded") == [["a"]])
    let folder = try makeTemporaryFolder("evaluate-from")
    let copy = try writeFile(
      try InterchangeFixtures.text("frameworks/iccma-2023-example.af"), "instance.txt", in: folder)
    let output = try runArgmap([
      "evaluate", copy.path, "--from", "iccma", "--semantics", "grounded", "--format", "json",
    ])
    #expect(output.status == 0)
    #expect(output.stdout.contains("[[\"a1\", \"a3\"]]"))
  }

  /// Malformed input: exit status 1, `file:line:column: error:` on standard error, no report.
  @Test(arguments: [
    (
      "bad.af", "p af 3\n1 2\n1 4\n",
      "bad.af:3:3: error: argument '4' does not exist; 'p af 3' declares arguments 1 to 3"
    ),
    (
      "bad.apx", "arg(a).\natt(a,b).\n",
      "bad.apx:2:7: error: argument 'b' is not declared; expected 'arg(b).' in the file"
    ),
    (
      "bad.tgf", "a\n#\na b\n",
      "bad.tgf:3:3: error: argument 'b' is not declared above the '#' line"
    ),
  ])
  func evaluateRefusesAMalformedFrameworkWithLocatedErrors(
    _ name: String, _ content: String, _ expected: String
  ) throws {
    let folder = try makeTemporaryFolder("evaluate-bad")
    let file = try writeFile(content, name, in: folder)
    for command in ["evaluate", "import"] {
      let output = try runArgmap([command, file.path])
      #expect(output.status == 1)
      #expect(output.stdout.isEmpty)
      #expect(output.stderr.contains(expected), "\(output.stderr)")
    }
  }

  /// The same file gives the same bytes, import after import.
  @Test func importIsDeterministic() throws {
    let file = path("frameworks/aspartix-v21/traffic10.apx")
    let first = try runArgmap(["import", file])
    let second = try runArgmap(["import", file])
    #expect(first.status == 0)
    #expect(first.stdoutBytes == second.stdoutBytes)
  }

  /// `argmap import` writes `.argmap` text that `argmap check` accepts, self-attack included.
  @Test func importedFrameworkPassesCheck() throws {
    let output = try runArgmap(["import", path("frameworks/iccma-2023-example.af")])
    #expect(output.status == 0)
    #expect(output.stderr.isEmpty)
    #expect(output.stdout.contains("claim a5: Argument 5\n  - a4\n  - a5\n"))
    let check = try runArgmap(["check", "-"], stdin: Array(output.stdout.utf8))
    #expect(check.status == 0, "\(check.stderr)")
  }
}
