import ArgumentInterchange
import ArgumentMap
import TestSupport
import Testing

/// The same bytes give the same line and column whichever reader reports them: the JSON reader,
/// an interchange reader, and the lesson-notes reader all locate through `LineTable`.
@Suite("every reader locates a problem at the same line and column")
struct LocationAgreementTests {
  /// A JSON syntax error on a CRLF line after `é` and `🇩🇪`.
  static let json = MarkedSource("[\r\n  \"é🇩🇪\", 1️⃣@]\r\n")

  @Test("the JSON reader and the AIF and JSON importers agree on the same bytes")
  func sameBytes() throws {
    let bytes = Array(Self.json.text.utf8)
    let marker = try #require(Self.json.markers["1️⃣"])
    let expected = "\(marker.line):\(marker.column)"
    let core = ArgumentMapJSON.decode(utf8: bytes).diagnostics.first?.range?.start
    let aif = ImportFormat.aif.importMap(utf8: bytes).diagnostics.first?.range?.start
    let json = ImportFormat.json.importMap(utf8: bytes).diagnostics.first?.range?.start
    #expect(expected == "2:10")
    #expect(core?.description == expected)
    #expect(aif?.description == expected)
    #expect(json?.description == expected)
  }

  @Test("the notes and Argdown readers count é, 🇩🇪 and CRLF as the JSON reader does")
  func sameRule() throws {
    let notes = MarkedSource("é🇩🇪\r\n```argmap\r\nview: 1️⃣sideways é🇩🇪\r\naim a: A\r\n```\r\n")
    let report = NotesFixtures.process(notes.text)
    let noted = try #require(report.diagnostics.first?.diagnostic.range?.start)
    let notesMarker = try #require(notes.markers["1️⃣"])
    #expect("\(noted)" == "\(notesMarker.line):\(notesMarker.column)")
    let argdown = MarkedSource("é🇩🇪 x\r\n\r\né🇩🇪 1️⃣<!-- open\r\n")
    let imported = ImportFormat.argdown.importMap(utf8: Array(argdown.text.utf8))
    let located = try #require(imported.diagnostics.first?.range?.start)
    let argdownMarker = try #require(argdown.markers["1️⃣"])
    #expect("\(located)" == "\(argdownMarker.line):\(argdownMarker.column)")
    #expect("\(located)" == "3:5")
    #expect(
      LineTable(Array(argdown.text.utf8)).location(ofOffset: located.offset).description == "3:5")
  }

  @Test("a byte order mark takes no column in JSON, as in .argmap text")
  func byteOrderMark() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[@]".utf8)
    let core = ArgumentMapJSON.decode(utf8: bytes).diagnostics.first?.range?.start
    let aif = ImportFormat.aif.importMap(utf8: bytes).diagnostics.first?.range?.start
    #expect(core?.description == "1:2")
    #expect(aif?.description == "1:2")
  }
}
