import ArgumentMap
import Foundation
import TestSupport
import Testing

/// Inputs that the fuzz targets (`Scripts/fuzz.sh`, docs/fuzzing.md) found to break a law, kept
/// in `Fixtures/fuzz/` and checked here for the behaviour that failed.
@Suite struct FuzzRegressionTests {
  static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: PackagePaths.url("Tests/ArgumentMapTests/Fixtures/fuzz/\(path)")))
  }

  /// JSON keeps positions for the validator, which had taken that to mean the `.argmap` parser
  /// had already held ids and texts to the grammar; a map that checks clean must print as text
  /// that parses.
  @Test func checkingJSONRejectsIdsAndTextsThatTheTextFormatCannotHold() throws {
    let checked = ArgumentMapJSON.check(utf8: try Self.bytes("json/invalid-id.json"))
    let errors = checked.diagnostics.filter(\.isError)
    #expect(errors.map(\.id) == ["invalid-id", "missing-text"])
    #expect(errors.map { $0.range?.start.line } == [3, 4])
    #expect(errors.first?.message.contains("'unicod;-é'") == true)
  }

  /// Maps that do not come from `.argmap` text are held to its front matter rules: each key
  /// once, without ':' or surrounding spaces, and none of the keys that have their own field.
  @Test func frontMatterKeysThatTextCannotHoldAreErrors() {
    let keys = ["subject", "subject", "a:b", " padded", "title", "", "level", "a:\u{059C}b"]
    let map = ArgumentMap(
      metadata: Metadata(extra: keys.map { Metadata.Entry(key: $0, value: "x") }),
      nodes: [Node(.mainAim, NodeID("security"), "Security of the USSR")])
    let errors = map.validate().filter(\.isError).map(\.id)
    #expect(
      errors == [
        "duplicate-front-matter-key", "invalid-front-matter-key", "invalid-front-matter-key",
        "invalid-front-matter-key", "invalid-front-matter-key", "invalid-front-matter-key",
      ])
  }

  /// A `\r` before trailing spaces, or at the end of a last line without `\n`, stayed in the
  /// text; printed before a line break it read back as a CRLF ending, and the text changed.
  @Test func aCarriageReturnAtTheEndOfALineIsNotText() throws {
    let parsed = ArgumentMapParser.parse(
      utf8: try Self.bytes("argmap/carriage-return-before-end.argmap"))
    #expect(!parsed.hasErrors)
    #expect(parsed.map.nodes.map(\.text) == ["The pact bought time", "Security of the USSR"])
    let printed = ArgumentMapPrinter.print(parsed.map)
    #expect(ArgumentMapParser.parse(printed).map == parsed.map)
  }

  /// `.argmap` tags are single words separated by commas; JSON tags with spaces or commas
  /// checked clean and printed as text that does not parse.
  @Test func checkingJSONRejectsTagsThatTheTextFormatCannotHold() throws {
    let checked = ArgumentMapJSON.check(utf8: try Self.bytes("json/tag-with-spaces.json"))
    let errors = checked.diagnostics.filter(\.isError)
    #expect(errors.map(\.id) == ["invalid-tag", "invalid-tag"])
    #expect(errors.first?.message.contains("'the essay's own thesis'") == true)
  }

  /// `.argmap` has no empty source, note or flag source (`source:` needs a value); JSON ones
  /// checked clean and printed as text that does not parse (found through the Argdown target).
  @Test func checkingJSONRejectsEmptySourcesAndNotes() throws {
    let checked = ArgumentMapJSON.check(utf8: try Self.bytes("json/empty-entries.json"))
    let errors = checked.diagnostics.filter(\.isError)
    #expect(errors.map(\.id) == ["empty-entry", "empty-entry", "empty-entry"])
    #expect(
      errors.map(\.message) == [
        "node 'security' has an empty source; leave it out or give it a text",
        "node 'security' has an empty note; leave it out or give it a text",
        "node 'security' has an empty flag source; leave it out or give it a text",
      ])
    #expect(errors.allSatisfy { $0.range?.start.line == 2 })
  }

  /// A tag that starts with a combining mark, printed after `, `, joins the space into one
  /// `Character`; trimming and splitting by `Character` kept the space in the tag, and the map
  /// read back differently. Tags are now split and trimmed scalar by scalar.
  @Test func aTagStartingWithACombiningMarkSurvivesPrinting() throws {
    let parsed = ArgumentMapParser.parse(
      utf8: try Self.bytes("argmap/tag-starting-with-combining-mark.argmap"))
    #expect(!parsed.hasErrors)
    #expect(parsed.map.nodes.first?.tags == [")", "\u{592}"])
    let printed = ArgumentMapPrinter.print(parsed.map)
    let reparsed = ArgumentMapParser.parse(printed)
    #expect(!reparsed.hasErrors)
    #expect(reparsed.map == parsed.map)
    #expect(
      ArgumentMap(nodes: [Node(.claim, "c", "C", tags: [" \u{592}"])]).validate()
        .contains { $0.id == "invalid-tag" })
  }

  /// `.argmap` text drops spaces and tabs at the end of a comment line; a JSON comment that
  /// ended in one printed as text that read back as another comment. JSON comments are read the
  /// way text holds them.
  @Test func commentsFromJSONLoseTheirTrailingSpacesAsInText() throws {
    let decoded = ArgumentMapJSON.decode(utf8: try Self.bytes("json/comment-of-spaces.json"))
    let map = try #require(decoded.map)
    #expect(map.trailingComments == [""])
    let reparsed = ArgumentMapParser.parse(ArgumentMapPrinter.print(map))
    #expect(!reparsed.hasErrors)
    #expect(reparsed.map == map)
  }
}
