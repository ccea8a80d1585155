import ArgumentMap
import Testing

/// Input that is not a well-formed map: each gets a located error, never a crash or a hang.
@Suite("Bad input")
struct BadInputTests {
  @Test func anEmptyFileIsAnError() throws {
    let result = ArgumentMapParser.check("")
    #expect(result.diagnostics.map(\.id) == ["empty-file"])
    #expect(result.hasErrors)
  }

  @Test func aFileOfOnlyBlankLinesAndCommentsIsAnError() {
    let result = ArgumentMapParser.check("\n   \n# just a comment\n\n")
    #expect(result.diagnostics.map(\.id) == ["empty-file"])
  }

  @Test func aBinaryFileIsReportedAsNotText() throws {
    // The start of a PNG file.
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
    let result = ArgumentMapParser.check(utf8: bytes)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(result.diagnostics.count == 1)
    #expect(diagnostic.id == "invalid-utf8")
    #expect(diagnostic.range?.start.line == 1)
    #expect(diagnostic.range?.start.column == 1)
  }

  @Test func aNulByteIsLocated() throws {
    let bytes = Array("aim a: A\nclaim b: B".utf8) + [0] + Array("\n".utf8)
    let result = ArgumentMapParser.check(utf8: bytes)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.id == "nul-byte")
    #expect(diagnostic.range?.start.line == 2)
    #expect(diagnostic.range?.start.column == 11)
  }

  @Test func truncatedUTF8AtTheEndIsReported() {
    let bytes = Array("aim a: caf".utf8) + [0xC3]
    #expect(ArgumentMapParser.check(utf8: bytes).diagnostics.map(\.id) == ["invalid-utf8"])
  }

  @Test func overlongAndSurrogateEncodingsAreRejected() {
    for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
      let result = ArgumentMapParser.check(utf8: Array("aim a: ".utf8) + bad)
      #expect(result.diagnostics.map(\.id) == ["invalid-utf8"])
    }
  }

  @Test func tabsInIndentationAreErrorsButTabsInTextAreKept() throws {
    let result = ArgumentMapParser.check("aim a: A\tB\nclaim b: B\n\t+ a\n")
    #expect(result.diagnostics.map(\.id) == ["tab-indentation"])
    #expect(result.map.nodes[0].text == "A\tB")
  }

  @Test(
    "a carriage return inside a line, or a control character in front matter, is an error at its column",
    arguments: [
      // Old Mac line endings: before, the whole file was one node's text.
      ("aim a: A\rclaim b: B\r  + a\r", 9, "carriage return (\\r) without a line feed"),
      ("aim a: A\n  source: S\rT\n", 12, "carriage return (\\r) without a line feed"),
      ("---\ntitle: T\u{7}x\n---\naim a: A\n", 9, "control character U+0007 in the front matter"),
    ])
  func lineBreaksAndFrontMatter(source: String, column: Int, message: String) throws {
    let result = ArgumentMapParser.check(source)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.id) == ["control-character"])
    let error = try #require(errors.first)
    #expect(error.message.hasPrefix(message))
    #expect(error.range?.start.column == column)
  }

  /// Other control characters are kept in a statement as written (drawings leave them out), and
  /// the map survives JSON both ways: the JSON reader takes what the `.argmap` reader takes.
  @Test func otherControlCharactersStayInAStatementAndSurviveJSON() throws {
    let source = "aim a: A\u{1B}B\u{7F}\nclaim b: B\u{8}\n  + a: because\u{B}\n"
    let result = ArgumentMapParser.check(source)
    #expect(!result.hasErrors)
    #expect(result.map.nodes[0].text == "A\u{1B}B\u{7F}")
    let json = ArgumentMapJSON.encode(result.map)
    let back = ArgumentMapJSON.check(utf8: Array(json.utf8))
    #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
    #expect(back.map == result.map)
    // CRLF line endings are no carriage returns inside a line.
    #expect(!ArgumentMapParser.check("aim a: A\r\nclaim b: B\r\n  + a\r\n").hasErrors)
  }

  @Test func aTenMegabyteLineIsParsedWithoutTrouble() throws {
    let text = String(repeating: "word ", count: 2_000_000)
    let result = ArgumentMapParser.check("aim a: \(text)\nclaim b: \(text)x\n  + a\n")
    #expect(!result.hasErrors)
    #expect(result.map.nodes[1].text.utf8.count == 10_000_001)
  }

  @Test func aTenMegabyteLineOfGarbageGetsOneError() throws {
    let garbage = String(repeating: "%", count: 10_000_000)
    let result = ArgumentMapParser.check("aim a: A\n\(garbage)\n")
    #expect(result.diagnostics.map(\.id) == ["unknown-kind"])
    let rendered = DiagnosticRenderer.text(
      result.diagnostics, fileName: "big.argmap", source: Array("aim a: A\n\(garbage)\n".utf8))
    // The excerpt is cut, not echoed whole.
    #expect(rendered.utf8.count < 2_000)
  }

  @Test func indentationTenThousandLevelsDeepIsOneErrorPerLine() throws {
    var text = "aim a: A\nclaim b: B\n  + a\n"
    for level in 1...10_000 {
      text += String(repeating: " ", count: level + 2) + "+ a\n"
    }
    let result = ArgumentMapParser.check(text, maximumErrors: .max)
    #expect(result.diagnostics.count == 10_000)
    #expect(Set(result.diagnostics.map(\.id)) == ["unexpected-indentation"])
  }

  @Test func deeplyNestedJSONIsRefusedNotOverflowed() throws {
    let depth = 100_000
    let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let decoded = ArgumentMapJSON.decode(utf8: Array(json.utf8))
    #expect(decoded.map == nil)
    #expect(decoded.diagnostics.first?.message == "JSON nested deeper than 256 levels")
  }

  @Test func aLongSupportChainDoesNotOverflowTheCycleCheck() {
    var text = "aim n0: A\n"
    for index in 1...200_000 { text += "claim n\(index): C\n  + n\(index - 1)\n" }
    text += "claim loop: L\n  + n200000\n"
    let result = ArgumentMapParser.check(text)
    #expect(result.diagnostics.isEmpty)
  }

  @Test func malformedJSONIsLocated() throws {
    let json = "{\n  \"nodes\": [\n    {\"id\": \"a\", \"kind\": \"aim\" \"text\": \"x\"}\n  ]\n}\n"
    let decoded = ArgumentMapJSON.decode(utf8: Array(json.utf8))
    let diagnostic = try #require(decoded.diagnostics.first)
    #expect(decoded.map == nil)
    #expect(diagnostic.message == "expected ',' or '}'")
    #expect(diagnostic.range?.start.line == 3)
    #expect(diagnostic.range?.start.column == 31)
  }

  @Test func jsonOfTheWrongShapeNamesThePath() throws {
    let json = """
      {"nodes": [{"id": "a", "kind": "aim", "text": "A"},
        {"id": "b", "kind": "clam", "text": "B"},
        {"id": "c", "kind": "claim", "text": "C", "links": [{"relation": "supports", "target": 7}]},
        {"id": "d", "kind": "claim", "text": "D", "colour": "red"}]}
      """
    let decoded = ArgumentMapJSON.decode(utf8: Array(json.utf8))
    #expect(
      decoded.diagnostics.map(\.message) == [
        "unknown kind 'clam' at nodes[1].kind; expected one of aim, subaim, claim, counterclaim, evidence, event, interpretation",
        "expected a node id or {\"from\", \"to\"} at nodes[2].links[0].target",
        "unknown key 'colour' in nodes[3] is ignored",
      ])
    #expect(decoded.diagnostics.map(\.range?.start.line) == [2, 3, 4])
  }

  @Test func multilineTextFromJSONIsAnError() throws {
    let json = #"{"nodes": [{"id": "a", "kind": "aim", "text": "two\nlines"}]}"#
    let decoded = ArgumentMapJSON.decode(utf8: Array(json.utf8))
    let map = try #require(decoded.map)
    #expect(map.validate().map(\.id) == ["multiline-text"])
  }
}
