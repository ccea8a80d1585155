import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// The larger Argdown documents: the tutorial, the primer, two real debates and the CLI's
/// include test.
@Suite struct ArgdownDocumentTests {
  /// The tutorial: headings, titled statements, mentions, nested `+`/`-`, an incoming `->`, an
  /// HTML comment inside a tree, a reconstruction with `--` rules `--`. `[Statement 2]` is
  /// defined twice with different texts: the second text becomes a note.
  @Test func intro() throws {
    let result = try InterchangeFixtures.argdown("interop/argdown/argdown-core/intro.argdown")
    #expect(MapCounts(result.map) == MapCounts(claims: 17, supports: 5, opposes: 5, arguments: 5))
    let statement2 = try result.map.require("statement-2")
    #expect(statement2.text == "Let's do that now: The previous statement was @[Statement 1].")
    #expect(statement2.notes.count == 1)
    #expect(statement2.notes.first?.hasPrefix("We have already defined a statement") == true)
    #expect(
      result.map.linkLines == [
        "statement-2 + argument-1", "argument-title + statement-2",
        "another-argument - statement-2",
        "yet-another-argument - another-argument", "yet-another-argument - statement-1",
        "first-premise-this-is + argument-1", "and-now-the-conclusion - outgoing-relations-of-the",
        "and-now-the-conclusion + argument-2", "and-now-the-conclusion - statement-1",
        "argument-1 + and-now-the-conclusion",
      ])
    #expect(
      result.diagnostics.located == [
        "43:1 argdown-inference-rules", "40:5 argdown-equivalent-text",
      ])
  }

  /// The primer: multi-line statements, tags `#tag` and `#(Another tag)`, an incoming `->` from
  /// a reference, a reconstruction whose conclusion has relations after a comment.
  @Test func primer() throws {
    let result = try InterchangeFixtures.argdown("interop/argdown/argdown-primer.argdown")
    #expect(MapCounts(result.map) == MapCounts(claims: 21, supports: 8, opposes: 5, arguments: 4))
    #expect(try result.map.require("statement-1").tags == ["Another-tag", "argdown-basics"])
    #expect(try result.map.require("Intro").text.hasPrefix("Argdown is a simple syntax"))
    #expect(result.map.linkLines.contains("Intro - argument-1"))
    #expect(
      result.diagnostics.located == [
        "30:36 argdown-tag-renamed", "72:1 argdown-inference-rules", "66:5 argdown-equivalent-text",
      ])
  }

  /// Betz's Semmelweis reconstruction: strict-mode front matter (kept, flattened), three rival
  /// hypotheses that attack each other, five observations, ten reconstructed arguments, one `><`
  /// (two opposes links), groups switched off with `{isGroup: false}`.
  @Test func semmelweis() throws {
    let result = try InterchangeFixtures.argdown(
      "interop/argdown/argdown-core/semmelweis_betz.argdown")
    let map = result.map
    #expect(MapCounts(map) == MapCounts(claims: 43, supports: 41, opposes: 7, arguments: 10))
    #expect(
      map.metadata.title
        == "A Stylized Reconstruction of the Scientific Debate That led Ignaz Semmelweis to Understand Childbed Fever"
    )
    #expect(map.metadata.author == "Gregor Betz")
    #expect(map.metadata.date == nil)
    #expect(
      map.metadata.extra.dropLast() == [
        Metadata.Entry(key: "written-date", value: "19/10/2018"),
        Metadata.Entry(key: "model.mode", value: "strict"),
        Metadata.Entry(key: "dot.graphVizSettings.rankdir", value: "TB"),
        // Quoted in the source: a text, not the number YAML would read in `1`.
        Metadata.Entry(key: "dot.graphVizSettings.ranksep", value: "\"1\""),
      ])
    // The headings, each before the node first defined after it; the ones that group nothing
    // keep their `{isGroup: false}`, and a heading over two lines is one.
    let headings = try #require(ArgdownSections(map)).headings
    #expect(headings.count == 6)
    #expect(
      headings.prefix(4).map(\.line) == [
        "# Three Rival Hypotheses", "# Evidence", "# Arguments and Further Theses {isGroup: false}",
        "## Inferential Relations between @\\[Epidemic Influence Hypothesis\\] and the Available Evidence {isGroup: false}",
      ])
    #expect(headings.first?.before == "epidemic-influence-hypothesis")
    #expect(headings.map(\.tag).compactMap { $0 } == ["three-rival-hypotheses", "evidence"])
    let h1 = try map.require("epidemic-influence-hypothesis")
    #expect(h1.tags == ["H1", "three-rival-hypotheses"])
    #expect(
      h1.links.prefix(2).map(\.target) == [
        .node("rough-examination-hypothesis"), .node("cadavric-substance-hypothesis"),
      ])
    #expect(try map.require("difference-in-exposure").tags == ["H1", "aux"])
    #expect(try map.require("death-of-kolletschka").tags == ["evidence"])
    let contradictions = map.linkLines.filter { $0.contains("more-injuries") && $0.contains(" - ") }
    #expect(
      contradictions == [
        "more-injuries - medical-students-don-t", "medical-students-don-t - more-injuries",
      ])
    #expect(
      result.diagnostics.located == [
        "5:1 argdown-front-matter-date", "187:8 argdown-contradiction",
      ])
  }

  /// The German veggie debate: seven central theses with relations both ways (`-` and `->` on
  /// the same pair), 22 arguments, umlauts in titles kept as ids, headings as tags, one argument
  /// defined three times (two more texts, one of them different: a note).
  @Test func veggieDebate() throws {
    let result = try InterchangeFixtures.argdown(
      "interop/argdown/argdown-core/veggie_debate.argdown")
    let map = result.map
    #expect(MapCounts(map) == MapCounts(claims: 47, supports: 35, opposes: 23, arguments: 22))
    #expect(
      map.nodes.prefix(7).map(\.id.rawValue) == [
        "Fleisch-OK", "Alles-Esser", "Bio-Fleisch", "Strikt-Veggie", "Strikt-Vegan",
        "Weniger-Fleisch", "Weniger-Tier",
      ])
    #expect(map.linkLines.contains("Fleisch-OK - Strikt-Veggie"))
    #expect(map.linkLines.contains("Strikt-Veggie - Fleisch-OK"))
    #expect(
      try map.require("Natürlichkeitsprinzip").text
        == "Das, was natürlich ist, ist gut, das Unnatürliche ist schlecht.")
    #expect(
      try map.require("natürliche-nahrungsketten").tags == [
        "argument", "test-test", "natürlichkeits-erwägungen",
      ])
    #expect(
      try map.require("Einzelne-unerheblich-Einwand").notes == [
        "Ob ein Einzelner Fleisch isst oder nicht, hat keinen Einfluss auf das Problem der Welternährung."
      ])
    #expect(
      result.diagnostics.located == ["113:94 argdown-tag-renamed", "170:6 argdown-equivalent-text"])
  }

  /// `[Statement 1]: text` with `+ [Statement 2]: text`: two statements, one support.
  @Test func cliTestFile() throws {
    let result = try InterchangeFixtures.argdown("interop/argdown/argdown-cli/test.argdown")
    #expect(result.map.linkLines == ["statement-2 + statement-1"])
    #expect(result.map.nodes.map(\.text) == ["text", "text"])
  }

  /// The main file includes `_partial1`, which includes `_partial2`, which includes `_partial1`
  /// again: the six lines of `include-test-expected-result.txt` in that order, and the cycle
  /// reported at the `@include` line of the main file, naming the partial where it stands.
  @Test func includesWithCycle() throws {
    let result = try InterchangeFixtures.argdown("interop/argdown/argdown-cli/include-test.argdown")
    let expected = try InterchangeFixtures.text(
      "interop/argdown/argdown-cli/include-test-expected-result.txt"
    )
    .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("<!--") }
    #expect(result.map.nodes.map(\.text) == expected)
    #expect(expected.count == 6)
    #expect(result.diagnostics.located == ["3:1 argdown-include-cycle"])
    #expect(
      result.diagnostics.first?.message.hasPrefix(
        "in '_partial2.argdown' at 3:1: '_partial1.argdown'") == true)
  }

  /// A missing include is an error at the directive; a file including itself is a cycle; deep
  /// chains stop at the limit instead of exhausting the stack.
  @Test func includeProblems() {
    let missing = ArgdownImporter.importMap(
      "A\n\n@include(nowhere.argdown)\n", includeLoader: .init(reading: { _ in nil }))
    #expect(missing.diagnostics.located == ["3:1 argdown-include-missing"])
    let selfInclude = ArgdownImporter.importMap(
      "A\n\n@include(input.argdown)\n", fileName: "input.argdown",
      includeLoader: .init(reading: { _ in "B" }))
    #expect(selfInclude.diagnostics.located == ["3:1 argdown-include-cycle"])
    let chain = ArgdownImporter.importMap(
      "@include(f0)",
      includeLoader: .init(reading: { name in
        let number = Int(name.dropFirst()) ?? 0
        return "S\(number)\n\n@include(f\(number + 1))"
      }))
    #expect(chain.map.nodes.count == ArgdownSource.maxIncludeDepth)
    #expect(chain.diagnostics.ids == ["argdown-include-too-deep"])
  }

  /// Our own data keys fill the model; others are reported; malformed data is reported.
  @Test func dataKeys() {
    let result = ArgdownImporter.importMap(
      """
      [pact]: The Nazi–Soviet Pact {kind: event, date: 1939-08-23, sources: ["Treaty text"], notes: [check], strength: 0.8, colour: red}
        +> [security]: Stalin wanted security {kind: aim}

      [odd]: Odd {kind: banana, date: 1939-02-30, strength: 2}

      [bad]: Bad {not yaml
      """)
    let pact = result.map.node(withID: "pact")
    #expect(pact?.kind == .event)
    #expect(pact?.date == DateSpan(start: HistoricalDate(year: 1939, month: 8, day: 23)))
    #expect(pact?.sources == ["Treaty text"])
    #expect(pact?.notes == ["check"])
    #expect(pact?.strength == 0.8)
    #expect(result.map.node(withID: "security")?.kind == .mainAim)
    #expect(result.map.node(withID: "odd")?.kind == .claim)
    #expect(
      result.diagnostics.located == [
        "1:30 argdown-unsupported-data", "4:12 argdown-invalid-data", "4:12 argdown-invalid-data",
        "4:12 argdown-invalid-data",
      ])
    #expect(result.map.node(withID: "bad")?.text == "Bad {not yaml")
  }

  /// Unterminated front matter, comments and expanded inferences are errors at their opening;
  /// the rest of the document still imports.
  @Test func malformedDocuments() {
    let frontMatter = ArgdownImporter.importMap("===\ntitle: x\n\nA")
    // The front matter runs to the end, so the statement `A` is read as a malformed entry.
    #expect(
      frontMatter.diagnostics.located == [
        "1:1 argdown-unterminated-front-matter", "4:1 argdown-front-matter",
      ])
    let comment = ArgdownImporter.importMap("A\n\nB /* never closed\nC")
    #expect(comment.diagnostics.located == ["3:3 argdown-unterminated-comment"])
    #expect(comment.map.nodes.map(\.text) == ["A", "B"])
    let inference = ArgdownImporter.importMap("<A>\n\n(1) P\n--\nrule")
    #expect(
      inference.diagnostics.located == [
        "3:1 argdown-missing-inference", "4:1 argdown-unterminated-inference",
      ])
    let selfRelation = ArgdownImporter.importMap("[A]: a\n  + [A]")
    #expect(selfRelation.map.linkLines.isEmpty)
    #expect(selfRelation.diagnostics.located == ["2:5 argdown-self-relation"])
    // A statement that attacks itself is a self-attack, as abstract frameworks have them.
    let selfAttack = ArgdownImporter.importMap("[A]: a\n  - [A]")
    #expect(selfAttack.map.linkLines == ["A - A"])
    #expect(!selfAttack.diagnostics.contains { $0.id == "argdown-self-relation" })
    #expect(
      ArgdownImporter.importMap(ArgdownExporter.export(selfAttack.map).text).map == selfAttack.map)
  }

  /// Deep nesting and long inputs stay linear and never trap.
  @Test func deepNesting() {
    var text = "root\n"
    for depth in 1...500 {
      text += String(repeating: " ", count: depth * 2) + "+ s\(depth)\n"
    }
    let result = ArgdownImporter.importMap(text)
    #expect(result.map.nodes.count == 501)
    #expect(MapCounts(result.map).supports == 500)
  }
}

/// Include paths are taken from the including file's folder, so nested folders work and a file
/// reached by two spellings is still included once.
@Suite struct ArgdownIncludePathTests {
  @Test func nestedFolders() {
    let files = [
      "parts/a.argdown": "From a\n\n@include(b.argdown)\n\n@include(../parts/b.argdown)",
      "parts/b.argdown": "From b",
    ]
    var asked: [String] = []
    let result = ArgdownImporter.importMap(
      "Main\n\n@include(./parts/a.argdown)", fileName: "main.argdown",
      includeLoader: .init(reading: { files[$0] }))
    for path in ["./parts/a.argdown", "parts/b.argdown"] {
      asked.append(ArgdownSource.resolve(path, from: "main.argdown"))
    }
    #expect(asked == ["parts/a.argdown", "parts/b.argdown"])
    #expect(result.map.nodes.map(\.text) == ["Main", "From a", "From b"])
    #expect(result.diagnostics.ids == ["argdown-include-cycle"])
    #expect(ArgdownSource.resolve("../x.argdown", from: "a/b/c.argdown") == "a/x.argdown")
    #expect(ArgdownSource.resolve("/abs/x.argdown", from: "a/c.argdown") == "/abs/x.argdown")
  }
}

/// Inference rules written between two lines of dashes, as Argdown's documentation writes them.
@Suite struct ArgdownInferenceRuleTests {
  static let premises = "<Argument A>\n\n(1) All men are mortal.\n(2) Socrates is a man.\n"

  @Test(
    "rules between dashed lines are the inference, not a statement, and the conclusion stays last",
    arguments: [
      "-----\nModus ponens\n-----\n", "--\nModus ponens\n--\n", "--\nModus\nponens\n--\n",
    ])
  func rulesBetweenDashes(inference: String) throws {
    let oneLine = ArgdownImporter.importMap(
      Self.premises + "-- Modus ponens --\n(3) Socrates is mortal.\n")
    let result = ArgdownImporter.importMap(Self.premises + inference + "(3) Socrates is mortal.\n")
    #expect(result.map == oneLine.map)
    #expect(!result.map.nodes.contains { $0.text.contains("Modus") || $0.text.contains("--") })
    let conclusion = try #require(result.map.nodes.first { $0.text == "Socrates is mortal." })
    let argument = try #require(result.map.nodes.first { $0.text == "Argument A" })
    #expect(argument.links.map(\.target) == [.node(conclusion.id)])
    #expect(result.diagnostics.ids.contains("argdown-inference-rules"))
    #expect(!result.diagnostics.ids.contains("argdown-missing-inference"))
  }

  @Test("a line of four or more dashes followed by a numbered item is an inference by itself")
  func plainInferenceLine() {
    let result = ArgdownImporter.importMap(Self.premises + "-----\n(3) Socrates is mortal.\n")
    #expect(!result.diagnostics.ids.contains("argdown-inference-rules"))
    #expect(result.map.nodes.count == 4)
  }
}
