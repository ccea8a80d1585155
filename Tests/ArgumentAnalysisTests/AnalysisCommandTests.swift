import Foundation
import TestSupport
import Testing

/// End-to-end: the real `argmap` binary's evaluate, compare and table commands.
@Suite struct AnalysisCommandTests {
  let stalin = "Graphs/stalin-foreign-policy.argmap"
  let oscillating = "Tests/ArgumentAnalysisTests/Fixtures/oscillating.argmap"

  @Test func evaluateReportsNonConvergenceAsAResult() throws {
    let run = try runArgmap([
      "evaluate", oscillating, "--semantics", "df-quad", "--no-fallback", "--format", "json",
    ])
    #expect(run.status == 0)
    #expect(run.stdout.contains("\"converged\": false"))
    #expect(run.stdout.contains("{\"id\": \"x1\", \"strength\": null}"))
    #expect(run.stderr.isEmpty)
    let text = try runArgmap(["evaluate", oscillating, "--semantics", "df-quad", "--no-fallback"])
    #expect(text.stdout.contains("did not converge"))
    #expect(text.stdout.contains("n/a"))
  }

  @Test func evaluateFallsBackToDampingAndSaysSo() throws {
    let run = try runArgmap(["evaluate", oscillating, "--semantics", "df-quad"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("jacobi iteration did not settle after 10000 rounds"))
    #expect(run.stdout.contains("damped iteration settled"))
    #expect(run.stdout.contains("0.215       claim x1"))
    #expect(run.stdout.contains("0.446       claim y1"))
  }

  @Test func evaluateIsDeterministic() throws {
    for semantics in ["grounded", "preferred", "df-quad", "euler"] {
      let first = try runArgmap(["evaluate", stalin, "--semantics", semantics, "--format", "json"])
      let second = try runArgmap(["evaluate", stalin, "--semantics", semantics, "--format", "json"])
      #expect(first.status == 0)
      #expect(first.stdoutBytes == second.stdoutBytes)
    }
  }

  /// "falls" alone read to a student as "lost the debate": each statement that falls under
  /// grounded semantics names a standing statement against it, and the one it needs when the
  /// attack runs through a support.
  @Test func evaluateSaysWhyAStatementFalls() throws {
    let run = try runArgmap([
      "evaluate", "Tests/ArgumentAnalysisTests/Fixtures/reading-against-the-aim.argmap",
    ])
    #expect(run.status == 0)
    #expect(
      run.stdout.contains(
        "falls       aim war: The war caused the revolution\n"
          + "            because 'marx' stands against it\n"), "\(run.stdout)")
    // A statement that stands gets no reason line.
    #expect(run.stdout.contains("stands      event sunday: Bloody Sunday\nstands"), "\(run.stdout)")
    let grounded = try runArgmap(["evaluate", stalin])
    #expect(
      grounded.stdout.contains(
        "            because 'league-1920' stands against 'recognition', which it needs\n"),
      "\(grounded.stdout)")
    let json = try runArgmap(["evaluate", stalin, "--format", "json"])
    #expect(
      json.stdout.contains(
        "{\"id\": \"security\", \"label\": \"out\", \"defeatedBy\": \"league-1920\", "
          + "\"through\": \"recognition\""), "\(json.stdout.prefix(2_000))")
  }

  @Test func unknownSemanticsIsAUsageError() throws {
    let run = try runArgmap(["evaluate", stalin, "--semantics", "quad"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("quad"))
  }

  /// An id the command names that the map lacks is bad usage (64), in every command: these
  /// exited with 1 while `render --scope` and `evaluate --under` exited with 64.
  @Test func tableAndPlanNameAnUnknownAimAsAnAim() throws {
    for command in [["table", stalin, "--aim", "securty"], ["plan", stalin, "--aim", "securty"]] {
      let run = try runArgmap(command)
      #expect(run.status == 64)
      #expect(
        run.stderr.contains("unknown aim 'securty'; did you mean 'security'?"), "\(run.stderr)")
    }
  }

  @Test func compareNamesAnUnknownInterpretationWithASuggestion() throws {
    let run = try runArgmap(["compare", stalin, "security-veiw", "aggressive-view"])
    #expect(run.status == 64)
    let matrix = try runArgmap(["matrix", stalin, "security-veiw", "aggressive-view"])
    #expect(matrix.status == 64)
    #expect(
      run.stderr.contains("unknown interpretation 'security-veiw'; did you mean 'security-view'?"))
    let notInterpretation = try runArgmap(["compare", stalin, "security", "aggressive-view"])
    #expect(notInterpretation.status == 64)
    #expect(notInterpretation.stderr.contains("'security' is a main aim, not an interpretation"))
    let one = try runArgmap(["compare", stalin, "security-view"])
    #expect(one.status == 64)
  }

  @Test func compareWritesTheFormatItsOutputNames() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "argmap-compare-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["report.md", "report.html", "report.json"] {
      let path = folder.appendingPathComponent(name).path
      let run = try runArgmap(["compare", stalin, "security-view", "aggressive-view", "-o", path])
      #expect(run.status == 0, "\(name): \(run.stderr)")
      let text = try String(contentsOfFile: path, encoding: .utf8)
      switch name {
      case "report.md": #expect(text.hasPrefix("# Comparing interpretations"))
      case "report.html":
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("⇄ read two ways"))
        #expect(text.contains("<h2>Sub-aims</h2>"))
        #expect(text.contains("<td>3 successes, 3 failures</td>"))
        #expect(!text.contains("0.64"))
      default: #expect(text.contains("\"winner\": \"security-view\""))
      }
    }
    // The gradual scores only for those who ask.
    let plain = try runArgmap(["compare", stalin, "security-view", "aggressive-view"])
    #expect(!plain.stdout.contains("0.99"))
    let scores = try runArgmap(["compare", stalin, "security-view", "aggressive-view", "--scores"])
    #expect(scores.status == 0)
    #expect(scores.stdout.contains("| Interpretation | Thesis | Score | How far convincing |"))
    #expect(scores.stdout.contains("(0.99)"))
    let bad = try runArgmap([
      "compare", stalin, "security-view", "aggressive-view", "-o",
      folder.appendingPathComponent("x.txt").path,
    ])
    #expect(bad.status == 64)
  }

  @Test func tableInEveryFormat() throws {
    let markdown = try runArgmap(["table", stalin, "--aim", "security", "--since", "1928"])
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains("| Date | Successes | Failures |"))
    #expect(markdown.stdout.contains("5 successes, 4 failures."))
    let csv = try runArgmap([
      "table", stalin, "--aim", "security", "--format", "csv", "--until", "1933",
    ])
    #expect(csv.status == 0)
    let lines = csv.stdout.split(separator: "\r\n")
    #expect(
      lines.first
        == "date,column,id,title,text,bears_on,through,reasoning,details,corrections,sources,one_could_argue"
    )
    #expect(
      lines.dropFirst().map { $0.split(separator: ",")[2] } == [
        "league-1920", "pacts-1932", "hitler-power",
      ])
    let html = try runArgmap(["table", stalin, "--aim", "security", "--format", "html"])
    #expect(html.stdout.contains("<td class=\"failure\">"))
    let factors = try runArgmap(["table", stalin, "--aim", "security", "--frame", "factors"])
    #expect(factors.stdout.contains("| Date | For | Against |"))
    #expect(factors.stdout.contains("5 factors for, 4 against."))
  }

  @Test func tableRejectsBadInputWithAClearMessage() throws {
    let unknown = try runArgmap(["table", stalin, "--aim", "securty"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("did you mean 'security'?"))
    let badDate = try runArgmap(["table", stalin, "--aim", "security", "--since", "1939-13"])
    #expect(badDate.status == 64)
    let missing = try runArgmap(["table", "no-such-file.argmap", "--aim", "security"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no-such-file.argmap: error: no such file"))
  }

  @Test func brokenMapIsRefusedWithItsDiagnostics() throws {
    let source = Array("aim a: A\nclaim b: B\n  + nowhere\n".utf8)
    let run = try runArgmap(["evaluate", "-"], stdin: source)
    #expect(run.status == 1)
    #expect(run.stderr.contains("<stdin>:3:"))
    #expect(run.stdout.isEmpty)
  }
}

/// End-to-end: the diagrams drawn from an analysis.
@Suite struct AnalysisDiagramTests {
  let stalin = "Graphs/stalin-foreign-policy.argmap"

  @Test func compareDiagramHasThreeColumnsAndMarksEvidenceReadTwoWays() throws {
    let run = try runArgmap([
      "compare", stalin, "security-view", "aggressive-view", "--format", "svg",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    // Graphviz writes '-' in ids and texts as a character reference.
    let svg = run.stdout.replacingOccurrences(of: "&#45;", with: "-")
    #expect(svg.contains("<svg"))
    for column in ["compare-column-1", "compare-column-2", "compare-column-3"] {
      #expect(svg.contains("id=\"\(column)\""), "missing \(column)")
    }
    // The pact and its secret protocol are drawn once each, marked read two ways.
    #expect(svg.components(separatedBy: "id=\"compare-n-nazi-soviet-pact\"").count == 2)
    let twoWays = svg.components(separatedBy: "read-two-ways").count - 1
    #expect(twoWays >= 2)
    #expect(svg.contains("for [aggressive-view]"))
    #expect(svg.contains("for [security-view]"))
    // The only evidence the aggressive reading alone uses sits in its column's scene.
    #expect(svg.contains("id=\"compare-n-boundary-treaty\""))
  }

  @Test func compareWorksheetHidesTheEvidenceEverywhere() throws {
    let run = try runArgmap([
      "compare", stalin, "security-view", "aggressive-view", "--worksheet", "--format", "svg",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let svg = run.stdout.replacingOccurrences(of: "&#45;", with: "-")
    #expect(svg.contains(">(1)<"))
    #expect(svg.contains(">(16)<"))
    for secret in ["Ribbentrop", "nazi-soviet-pact", "boundary-treaty", "Molotov", "1939-08-23"] {
      #expect(!svg.contains(secret), "the worksheet gives away \(secret)")
    }
    #expect(svg.contains("Security reading"))
    let notADiagram = try runArgmap([
      "compare", stalin, "security-view", "aggressive-view", "--worksheet",
    ])
    #expect(notADiagram.status == 64)
  }

  @Test func evaluationOverlayLabelsEveryStatementInWordsAndMarks() throws {
    let grounded = try runArgmap(["evaluate", stalin, "--format", "svg"])
    #expect(grounded.status == 0, "\(grounded.stderr)")
    #expect(grounded.stdout.contains("■ stands"))
    #expect(grounded.stdout.contains("□ falls"))
    let strengths = try runArgmap([
      "evaluate", "Tests/ArgumentAnalysisTests/Fixtures/oscillating.argmap", "--semantics",
      "df-quad", "--no-fallback", "--format", "svg",
    ])
    #expect(strengths.status == 0)
    #expect(strengths.stdout.contains("did not converge"))
    #expect(!strengths.stdout.contains("▮"))
  }
}
