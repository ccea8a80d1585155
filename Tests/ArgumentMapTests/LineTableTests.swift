import ArgumentMap
import Testing

/// The one rule for turning bytes into lines and columns, shared by every reader.
@Suite("LineTable: byte offsets to lines and columns")
struct LineTableTests {
  private func position(_ text: String, _ offset: Int, loneCR: Bool = false) -> String {
    LineTable(Array(text.utf8), loneCarriageReturns: loneCR).location(ofOffset: offset)
      .description
  }

  @Test("LF and CRLF end lines the same way; the CR of a CRLF is not a column of the next line")
  func lineEndings() {
    #expect(position("ab\ncd", 3) == "2:1")
    #expect(position("ab\ncd", 4) == "2:2")
    #expect(position("ab\r\ncd", 4) == "2:1")
    #expect(position("ab\r\ncd", 5) == "2:2")
    #expect(position("ab\r\ncd", 2) == "1:3")
  }

  @Test("a lone CR stays on its line, as in the .argmap parser, unless a format asks otherwise")
  func loneCarriageReturn() {
    #expect(position("ab\rcd", 3) == "1:4")
    #expect(position("ab\rcd", 3, loneCR: true) == "2:1")
    #expect(position("ab\r\ncd", 4, loneCR: true) == "2:1")
  }

  @Test("columns count Unicode scalars: é is one column, 🇩🇪 two")
  func scalarColumns() throws {
    let text = "é🇩🇪x\r\né🇩🇪y"
    let bytes = Array(text.utf8)
    let x = try #require(bytes.firstIndex(of: UInt8(ascii: "x")))
    let y = try #require(bytes.firstIndex(of: UInt8(ascii: "y")))
    #expect(position(text, x) == "1:4")
    #expect(position(text, y) == "2:4")
  }

  @Test("a byte order mark takes no column")
  func byteOrderMark() {
    #expect(position("\u{FEFF}ab", 3) == "1:1")
    #expect(position("\u{FEFF}ab", 4) == "1:2")
    #expect(LineTable(Array("\u{FEFF}ab".utf8)).scalars(ofLine: 1) == ["a", "b"])
  }

  @Test("offsets outside the text are clamped; the end follows a final line break")
  func clamping() {
    #expect(position("ab\n", -4) == "1:1")
    #expect(position("ab\n", 99) == "2:1")
    #expect(LineTable(Array("ab\n".utf8)).end.description == "2:1")
  }

  @Test("a column far along a very long line is counted right")
  func longLine() {
    let text = String(repeating: "é", count: 10_000) + "x"
    let bytes = Array(text.utf8)
    #expect(position(text, bytes.count - 1) == "1:10001")
  }

  @Test("scalar positions on a line round-trip to offsets")
  func scalarIndex() {
    let table = LineTable(Array("ab\r\né🇩🇪z\r\n".utf8))
    #expect(table.scalars(ofLine: 2) == ["é", "\u{1F1E9}", "\u{1F1EA}", "z"])
    let z = table.location(line: 2, scalarIndex: 3)
    #expect(z.description == "2:4")
    #expect(table.location(ofOffset: z.offset) == z)
    #expect(table.range(ofLine: 2).end.description == "2:5")
  }

  @Test(
    "the parser's source map and the table give the same line and column for every offset",
    arguments: [
      "aim a: Sécurité 🇩🇪\r\n  + b: x\r\nclaim b: B\n",
      "\u{FEFF}aim a: A\nclaim b: é\rB\n\n",
      "aim a: A",
    ])
  func sourceMapAgrees(text: String) {
    let bytes = Array(text.utf8)
    let sourceMap = ArgumentMapParser.parse(utf8: bytes).sourceMap
    let table = LineTable(bytes)
    for offset in 0...bytes.count {
      #expect(sourceMap.location(offset) == table.location(ofOffset: offset), "offset \(offset)")
    }
  }

  @Test("a byte order mark does not move the validator's diagnostics down a line")
  func byteOrderMarkKeepsValidationLines() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("aim a: A\nclaim b: B\n  + zzz: x\n".utf8)
    let diagnostics = ArgumentMapParser.check(utf8: bytes).diagnostics
    let unknown = try #require(diagnostics.first { $0.id == "unknown-node" })
    #expect(unknown.range?.start.description == "3:5")
  }
}
