import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// Abstract frameworks in: ICCMA 2023 `.af`, ASPARTIX `.apx` and TGF, their mapping to claims
/// and opposes links, located errors, and round trips with the exporter.
@Suite struct AbstractFrameworkImportTests {
  private func iccma(_ text: String) -> ImportResult {
    AbstractFrameworkImporter.iccma(utf8: Array(text.utf8))
  }

  private func apx(_ text: String) -> ImportResult {
    AbstractFrameworkImporter.apx(utf8: Array(text.utf8))
  }

  private func tgf(_ text: String) -> ImportResult {
    AbstractFrameworkImporter.tgf(utf8: Array(text.utf8))
  }

  // MARK: Mapping

  /// Arguments 1…N become claims `a1`…`aN` in order; attacks opposes links, in file order per
  /// attacker; the self-attack `5 5` an opposes link from `a5` to itself.
  @Test func iccmaArgumentsBecomeClaimsAndAttacksOpposes() throws {
    let result = AbstractFrameworkImporter.iccma(
      utf8: try InterchangeFixtures.bytes("frameworks/iccma-2023-example.af"))
    #expect(result.diagnostics.isEmpty)
    let map = result.map
    #expect(map.nodes.map(\.id.rawValue) == ["a1", "a2", "a3", "a4", "a5"])
    #expect(map.nodes.allSatisfy { $0.kind == .claim })
    #expect(map.nodes.map(\.text) == (1...5).map { "Argument \($0)" })
    #expect(map.linkLines == ["a1 - a2", "a2 - a4", "a4 - a5", "a5 - a4", "a5 - a5"])
  }

  /// The validator accepts the imported map as it is, self-attack and lone argument included,
  /// and says nothing about a missing main aim or unconnected arguments.
  @Test(arguments: [ImportFormat.iccma, .apx, .tgf])
  func importedFrameworksValidateWithoutDiagnostics(_ format: ImportFormat) throws {
    let file =
      switch format {
      case .iccma: "frameworks/iccma-2023-example.af"
      case .apx: "frameworks/names.apx"
      default: "frameworks/labels-crlf.tgf"
      }
    let checked = format.check(utf8: try InterchangeFixtures.bytes(file))
    #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
    let text = ArgumentMapPrinter.print(checked.map)
    let reparsed = ArgumentMapParser.check(text)
    #expect(!reparsed.diagnostics.containsErrors)
    #expect(reparsed.map.linkLines == checked.map.linkLines)
  }

  /// Names that are ids stay; attacks may come first; a quoted name with a space is slugged;
  /// `%` comments and several facts on one line are read.
  @Test func apxKeepsNamesThatAreIDs() throws {
    let result = AbstractFrameworkImporter.apx(
      utf8: try InterchangeFixtures.bytes("frameworks/names.apx"))
    #expect(result.diagnostics.isEmpty)
    #expect(result.map.nodes.map(\.id.rawValue) == ["a", "b", "c", "d-e"])
    #expect(result.map.nodes.map(\.text) == ["a", "b", "c", "d e"])
    #expect(result.map.linkLines == ["b - a", "c - b", "c - c", "d-e - a"])
  }

  /// ASPARTIX's own test instance names its arguments by numbers: `1` becomes `a1`.
  @Test func apxNumbersGetALetterInFront() throws {
    let result = AbstractFrameworkImporter.apx(
      utf8: try InterchangeFixtures.bytes("frameworks/aspartix-v21/chain.apx"))
    #expect(result.diagnostics.isEmpty)
    #expect(result.map.nodes.map(\.id.rawValue) == (1...8).map { "a\($0)" })
    #expect(result.map.linkLines.first == "a1 - a2")
    #expect(result.map.linkLines.count == 7)
  }

  /// Argument labels become texts; CRLF line ends are read; the `#` line separates.
  @Test func tgfLabelsBecomeTexts() throws {
    let result = AbstractFrameworkImporter.tgf(
      utf8: try InterchangeFixtures.bytes("frameworks/labels-crlf.tgf"))
    #expect(result.diagnostics.isEmpty)
    #expect(result.map.nodes.map(\.id.rawValue) == ["a", "b", "c"])
    #expect(result.map.nodes.map(\.text) == ["Alpha", "Beta", "c"])
    #expect(result.map.linkLines == ["a - b", "b - c", "c - c"])
  }

  /// A name that would clash with an id made from digits keeps its id; the digits get a suffix.
  @Test func idsStayUniqueWhenNamesClash() {
    let result = tgf("1\na1\n#\n1 a1\n")
    #expect(result.diagnostics.isEmpty)
    #expect(result.map.nodes.map(\.id.rawValue) == ["a1-2", "a1"])
    #expect(result.map.linkLines == ["a1-2 - a1"])
  }

  /// A repeated attack is a warning at the repeat, with a note at the first, and kept once.
  @Test(arguments: [
    ("p af 2\n1 2\n1 2\n", ImportFormat.iccma, "3:1 iccma-duplicate-attack", "2:1"),
    ("arg(a). arg(b).\natt(a,b).\natt(a,b).\n", .apx, "3:1 apx-duplicate-attack", "2:1"),
    ("a\nb\n#\na b\na b\n", .tgf, "5:1 tgf-duplicate-attack", "4:1"),
    ("arg(a).\narg(a).\n", .apx, "2:5 apx-duplicate-argument", "1:1"),
    ("a\na\n", .tgf, "2:1 tgf-duplicate-argument", "1:1"),
  ])
  func repeatsAreMergedWithAWarning(
    _ text: String, _ format: ImportFormat, _ expected: String, _ first: String
  ) throws {
    let result = format.importMap(utf8: Array(text.utf8))
    let warning = try #require(result.diagnostics.first)
    #expect([warning].located == [expected])
    #expect(warning.severity == .warning)
    let note = try #require(warning.notes.first?.range)
    #expect("\(note.start.line):\(note.start.column)" == first)
    #expect(Set(result.map.linkLines).count == result.map.linkLines.count)
  }

  // MARK: Errors

  @Test(arguments: [
    // An attack on an argument past N, and on 0.
    ("p af 3\n1 2\n1 4\n", ["3:3 iccma-unknown-argument"]),
    ("p af 3\n0 1\n", ["2:1 iccma-unknown-argument"]),
    // No header before the attacks, or none at all.
    ("# comment\n1 2\n", ["2:1 iccma-missing-header"]),
    ("# only a comment\n", ["2:1 iccma-missing-header"]),
    // Not a number, one number, three numbers.
    ("p af 3\n1 x\n", ["2:3 iccma-syntax"]),
    ("p af 3\n  2\n", ["2:3 iccma-syntax"]),
    ("p af 3\n1 2 3\n", ["2:5 iccma-syntax"]),
    // Another problem type, a header without its number, a second header, a late header.
    // A 'p' line that cannot be read is the error; no second one says the header is missing.
    ("p aba 3\n", ["1:1 iccma-syntax"]),
    ("p af\n", ["1:5 iccma-syntax"]),
    ("p af 2\np af 3\n", ["2:1 iccma-syntax"]),
    ("1 2\np af 2\n", ["1:1 iccma-missing-header", "2:1 iccma-syntax"]),
    // More arguments than an import builds.
    ("p af 99999999999999999999\n", ["1:6 iccma-too-large"]),
    ("p af 99999999\n1 2\n", ["1:6 iccma-too-large"]),
    // Columns count Unicode scalars: `é` is one, the flag two.
    ("p af 2\n# é\n1 🇩🇪\n", ["3:3 iccma-syntax"]),
  ])
  func iccmaErrorsAreLocated(_ text: String, _ expected: [String]) {
    let result = iccma(text)
    #expect(result.diagnostics.located == expected)
    #expect(result.diagnostics.allSatisfy { $0.isError })
  }

  /// `p af 0` is a framework of nothing: said at its line (an import then refuses it).
  @Test func anEmptyFrameworkIsSaidAtItsHeader() {
    let result = iccma("# nothing here\np af 0\n")
    #expect(result.map.nodes.isEmpty)
    #expect(result.diagnostics.located == ["2:1 framework-empty"])
    #expect(result.diagnostics.first?.severity == .warning)
  }

  @Test(arguments: [
    ("arg(a).\natt(a,b).\n", ["2:7 apx-unknown-argument"]),
    ("arg(a)\narg(b).\n", ["2:1 apx-syntax"]),
    ("arg a.\n", ["1:5 apx-syntax"]),
    ("arg(a,).\n", ["1:7 apx-syntax"]),
    ("arg(\"a).\n", ["1:5 apx-syntax"]),
    ("arg(a). arg(b, c).\n", ["1:9 apx-syntax"]),
    ("arg(a). ?\n", ["1:9 apx-syntax"]),
    ("arg(é). att(é,🇩🇪x).\n", ["1:15 apx-unknown-argument"]),
  ])
  func apxErrorsAreLocated(_ text: String, _ expected: [String]) {
    #expect(apx(text).diagnostics.located == expected)
  }

  @Test(arguments: [
    ("a\n#\na b\n", ["3:3 tgf-unknown-argument"]),
    ("a\n#\na\n", ["3:1 tgf-syntax"]),
    ("a\n#\n#\n", ["3:1 tgf-syntax"]),
    ("café\n#\ncafé 🇩🇪x\n", ["3:6 tgf-unknown-argument"]),
  ])
  func tgfErrorsAreLocated(_ text: String, _ expected: [String]) {
    #expect(tgf(text).diagnostics.located == expected)
  }

  /// Bytes that are not UTF-8: an error at the first bad byte, whatever the format.
  @Test(arguments: [ImportFormat.iccma, .apx, .tgf])
  func invalidUTF8IsAnErrorAtTheByte(_ format: ImportFormat) {
    let bytes: [UInt8] =
      switch format {
      case .iccma: Array("p af 2\n# ".utf8) + [0xFF] + Array("\n1 2\n".utf8)
      case .apx: Array("arg(a).\n% ".utf8) + [0xFF] + Array("\n".utf8)
      default: Array("a\n".utf8) + [0xC3] + Array("\n".utf8)
      }
    let result = format.importMap(utf8: bytes)
    let first = result.diagnostics.first
    #expect(first?.id == "invalid-utf8")
    #expect(first?.range?.start.line == 2)
    #expect(first?.range?.start.column == (format == .tgf ? 1 : 3))
  }

  /// A label after an attack is reported once, and the attack kept; a file without `#` is a
  /// warning that every line is an argument.
  @Test func tgfReportsWhatItDrops() {
    let labelled = tgf("a\nb\n#\na b because\nb a too\n")
    #expect(labelled.diagnostics.located == ["4:5 tgf-no-counterpart"])
    #expect(labelled.map.linkLines == ["a - b", "b - a"])
    let flat = tgf("a\nb\n")
    #expect(flat.diagnostics.located == ["3:1 tgf-no-counterpart"])
    #expect(flat.map.nodes.count == 2)
  }

  /// Import never traps on junk: every prefix of a few malformed files gives a result.
  @Test func everyPrefixOfMalformedInputImports() {
    let samples = [
      "p af 3\n1 2\n2 x\n# 1 one\n3 3", "arg(a).att(a,\"b\\\"c\").%x\narg(", "a\n#\na a\n#",
    ]
    for sample in samples {
      let bytes = Array(sample.utf8)
      for end in 0...bytes.count {
        let prefix = Array(bytes[..<end])
        for format in [ImportFormat.iccma, .apx, .tgf] {
          let result = format.importMap(utf8: prefix)
          #expect(result.map.nodes.count <= prefix.count + 3)
        }
      }
    }
  }

  // MARK: Round trips

  /// Export to ICCMA or ASPARTIX and import again: the same ids (from the mapping comments)
  /// and the same attacks, the self-attack included.
  @Test(arguments: ["iccma", "apx"])
  func exportThenImportGivesTheSameAttacks(_ format: String) throws {
    let source = """
      aim thesis: The thesis
      claim rebuttal: A rebuttal
        - thesis
        - rebuttal
      claim counter: A counter
        - rebuttal
      claim lone: Nobody attacks this

      """
    let map = ArgumentMapParser.check(source).map
    let exported =
      format == "iccma" ? AbstractFrameworkExporter.iccma(map) : AbstractFrameworkExporter.apx(map)
    let imported =
      format == "iccma"
      ? AbstractFrameworkImporter.iccma(utf8: Array(exported.text.utf8))
      : AbstractFrameworkImporter.apx(utf8: Array(exported.text.utf8))
    #expect(imported.diagnostics.isEmpty)
    let ids = imported.map.nodes.map(\.id.rawValue)
    if format == "iccma" {
      #expect(ids == ["thesis", "rebuttal", "counter", "lone"])
    } else {
      // ASPARTIX names are the exporter's `a1`…`aN`; the `% aI id` comments are only notes.
      #expect(ids == ["a1", "a2", "a3", "a4"])
    }
    let renamed = Dictionary(uniqueKeysWithValues: zip(ids, map.nodes.map(\.id.rawValue)))
    let lines = imported.map.allLinks.map { source, link in
      "\(renamed[source.rawValue] ?? "?") \(link.relation.sign) \(renamed[link.target.nodeIDs[0].rawValue] ?? "?")"
    }
    #expect(lines == map.linkLines)
    // And out again: the same bytes.
    if format == "iccma" {
      #expect(AbstractFrameworkExporter.iccma(imported.map).text == exported.text)
    }
  }

  /// A self-attack is a CA whose premise is its conclusion in AIF, and reads back as one.
  @Test func selfAttackSurvivesAIF() {
    let map = ArgumentMapParser.check(
      "aim thesis: A thesis\nclaim liar: This claim is false\n  - liar\n  - thesis\n"
    ).map
    let exported = AIFExporter.export(map)
    let imported = AIFImporter.importMap(utf8: Array(exported.text.utf8))
    #expect(!imported.diagnostics.containsErrors)
    #expect(imported.map.linkLines.sorted() == ["liar - liar", "liar - thesis"])
  }

  // MARK: Formats

  @Test(arguments: [
    ("instance.af", ImportFormat.iccma), ("INSTANCE.AF", .iccma), ("x.apx", .apx),
    ("x.tgf", .tgf), ("x.argdown", .argdown),
  ])
  func formatIsGuessedFromTheExtension(_ name: String, _ format: ImportFormat) {
    #expect(ImportFormat.guess(fileName: name) == format)
    #expect(ImportFormat.guess(fileName: name, utf8: []) == format)
  }

  @Test func otherNamesAreNotGuessedWithoutContent() {
    #expect(ImportFormat.guess(fileName: "map.argmap") == nil)
    #expect(ImportFormat.guess(fileName: "map.json") == nil)
  }
}
