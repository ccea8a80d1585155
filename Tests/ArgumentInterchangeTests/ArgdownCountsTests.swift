import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// Nodes by kind, links by relation, argument nodes and the number of diagnostics for every
/// Argdown file in the interop folder, the two include partials too. What each file means is
/// written down in `ArgdownLexerCaseTests` and `ArgdownDocumentTests`; this table pins the counts.
@Suite struct ArgdownCountsTests {
  static let table: [(String, MapCounts, Int)] = [
    ("argdown-core/intro.argdown", MapCounts(claims: 17, supports: 5, opposes: 5, arguments: 5), 2),
    ("argdown-core/lexer-argument.argdown", MapCounts(claims: 4, supports: 3, arguments: 1), 1),
    ("argdown-core/lexer-comment.argdown", MapCounts(claims: 5, supports: 1, arguments: 1), 0),
    ("argdown-core/lexer-definitions-references.argdown", MapCounts(claims: 4, arguments: 2), 0),
    (
      "argdown-core/lexer-emptyline-dedent.argdown", MapCounts(claims: 4, supports: 1, opposes: 1),
      0
    ),
    ("argdown-core/lexer-emptyline.argdown", MapCounts(claims: 5, supports: 1), 0),
    ("argdown-core/lexer-escaped-chars.argdown", MapCounts(claims: 1), 0),
    ("argdown-core/lexer-heading.argdown", MapCounts(claims: 2), 0),
    ("argdown-core/lexer-indentation.argdown", MapCounts(claims: 10, supports: 3, opposes: 5), 0),
    ("argdown-core/lexer-italic-bold.argdown", MapCounts(claims: 1), 0),
    ("argdown-core/lexer-linebreak.argdown", MapCounts(claims: 4, supports: 2, opposes: 1), 0),
    ("argdown-core/lexer-links-and-tags.argdown", MapCounts(claims: 1), 1),
    ("argdown-core/lexer-lists.argdown", MapCounts(claims: 9), 0),
    ("argdown-core/lexer-mentions.argdown", MapCounts(claims: 1), 0),
    ("argdown-core/lexer-relation-after-emptyline.argdown", MapCounts(claims: 2), 1),
    ("argdown-core/lexer-relations.argdown", MapCounts(), 11),
    ("argdown-core/lexer-statements-by-number.argdown", MapCounts(claims: 1, arguments: 1), 1),
    ("argdown-core/lexer-token-locations-first-line-empty.argdown", MapCounts(claims: 1), 0),
    (
      "argdown-core/lexer-token-locations.argdown",
      MapCounts(claims: 4, supports: 1, opposes: 1, arguments: 1), 0
    ),
    ("argdown-core/lexer-trailing-emptyline.argdown", MapCounts(claims: 1), 0),
    (
      "argdown-core/lexer-windows-line-endings.argdown",
      MapCounts(claims: 5, supports: 3, arguments: 1), 0
    ),
    ("argdown-core/model-escaped-chars.argdown", MapCounts(claims: 1), 0),
    (
      "argdown-core/parser-arguments.argdown",
      MapCounts(claims: 13, supports: 11, opposes: 1, arguments: 3), 1
    ),
    (
      "argdown-core/parser-mix.argdown",
      MapCounts(claims: 31, supports: 13, opposes: 8, arguments: 2), 1
    ),
    (
      "argdown-core/semmelweis_betz.argdown",
      MapCounts(claims: 43, supports: 41, opposes: 7, arguments: 10), 2
    ),
    (
      "argdown-core/veggie_debate.argdown",
      MapCounts(claims: 47, supports: 35, opposes: 23, arguments: 22), 2
    ),
    ("argdown-primer.argdown", MapCounts(claims: 21, supports: 8, opposes: 5, arguments: 4), 3),
    ("argdown-cli/test.argdown", MapCounts(claims: 2, supports: 1), 0),
    ("argdown-cli/include-test.argdown", MapCounts(claims: 6), 1),
    // Each partial includes the other, which includes it back: four statements, one cycle.
    ("argdown-cli/_partial1.argdown", MapCounts(claims: 4), 1),
    ("argdown-cli/_partial2.argdown", MapCounts(claims: 4), 1),
  ]

  @Test func tableCoversEveryArgdownFile() throws {
    var files = try InterchangeFixtures.files(
      in: "interop/argdown/argdown-core", withExtension: "argdown")
    files += try InterchangeFixtures.files(
      in: "interop/argdown/argdown-cli", withExtension: "argdown")
    files += try InterchangeFixtures.files(in: "interop/argdown", withExtension: "argdown")
    #expect(
      Set(files.map { String($0.dropFirst("interop/argdown/".count)) }) == Set(Self.table.map(\.0)))
    #expect(files.count == Self.table.count)
  }

  @Test(arguments: table)
  func counts(_ path: String, _ expected: MapCounts, _ diagnostics: Int) throws {
    let result = try InterchangeFixtures.argdown("interop/argdown/" + path)
    #expect(MapCounts(result.map) == expected)
    #expect(result.diagnostics.count == diagnostics)
    #expect(!result.diagnostics.containsErrors)
  }

  @Test func partialsStopAtTheCycle() throws {
    let result = try InterchangeFixtures.argdown("interop/argdown/argdown-cli/_partial2.argdown")
    #expect(
      result.map.nodes.map(\.text) == [
        "First line of partial2", "First line of partial1", "Second line of partial1",
        "Second line pof partial2",
      ])
    #expect(result.diagnostics.ids == ["argdown-include-cycle"])
  }
}
