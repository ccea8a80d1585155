import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// Kialo's plain-text export: a hand-written discussion in the documented format (the shared
/// interop folder holds no Kialo file), and malformed outlines.
@Suite struct KialoTests {
  /// One thesis, four pro and four con links; `1.2.1.` runs over two lines; `1.3.` and `1.4.1.`
  /// place claims written elsewhere (`-> See`).
  @Test func discussion() throws {
    let result = KialoImporter.importMap(
      try InterchangeFixtures.text("kialo/stalin-foreign-policy.txt"))
    let map = result.map
    #expect(result.diagnostics.isEmpty)
    #expect(map.metadata.title == "Was Stalin's foreign policy, 1928–1941, a success?")
    #expect(
      MapCounts(map) == MapCounts(aims: 1, claims: 3, counterclaims: 3, supports: 4, opposes: 4))
    #expect(
      map.linkLines == [
        "joining-the-league-of + stalin-s-foreign-policy",
        "the-league-failed-to - joining-the-league-of",
        "germany-invaded-the-ussr - stalin-s-foreign-policy",
        "germany-invaded-the-ussr - the-ussr-gained-eastern",
        "operation-barbarossa-cost-millions + germany-invaded-the-ussr",
        "the-nazi-soviet-pact - germany-invaded-the-ussr",
        "the-nazi-soviet-pact + stalin-s-foreign-policy",
        "the-ussr-gained-eastern + stalin-s-foreign-policy",
      ])
    #expect(
      try map.require("joining-the-league-of").text
        == "Joining the League of Nations in 1934 brought recognition (and new treaties).")
    #expect(
      try map.require("operation-barbarossa-cost-millions").text
        == "Operation Barbarossa cost millions of Soviet lives in its first months.")
    #expect(!map.validate().containsErrors)
  }

  /// A hand-written outline with a number missing its last dot and an indented claim: both
  /// were read into the thesis's text with no word, and the claims they held were lost.
  @Test func aLineThatLooksLikeAClaimIsSaidToBeText() throws {
    let result = KialoImporter.importMap(
      """
      Discussion Title: Homework

      1. This House would ban homework.
      1.1 Pro: Homework harms sleep.
        1.1.1. Con: Phones harm sleep more.
      1.2. pro: Homework widens inequality.
      """)
    let warnings = result.diagnostics.filter { $0.severity == .warning }
    let located = warnings.compactMap { warning in
      warning.range.map { ($0.start.line, warning.message) }
    }
    #expect(
      located.contains {
        $0.0 == 4 && $0.1.hasPrefix("'1.1 Pro: Homework harms sleep.' looks like a numbered claim")
      }, "\(located)")
    #expect(
      located.contains {
        $0.0 == 5 && $0.1.hasPrefix("'1.1.1. Con: Phones harm sleep more.' looks like")
      },
      "\(located)")
    #expect(
      located.contains {
        $0.0 == 6 && $0.1.hasSuffix("(Kialo writes 'Pro:' and 'Con:' with a capital)")
      },
      "\(located)")
    // Text of a claim that merely mentions a number is not taken for one.
    let prose = KialoImporter.importMap(
      "1. Thesis\n1.1. Pro: A reason\n2019 was the year of the study.\n")
    #expect(prose.diagnostics.isEmpty, "\(prose.diagnostics)")
  }

  @Test(arguments: [
    ("Hello\n1. Thesis", ["1:1 kialo-syntax"]),
    ("1. Thesis\n1.3.1. Pro: orphan", ["2:1 kialo-syntax"]),
    ("1. Thesis\n1.1. Pro: a\n1.1. Con: b", ["3:1 kialo-syntax"]),
    ("1. Thesis\n1.1. Pro: -> See 9.9.", ["2:1 kialo-syntax"]),
    ("1. Thesis\n1.1. neither", ["2:1 kialo-no-counterpart"]),
    ("Discussion Title: x\n", ["2:1 kialo-syntax"]),
    ("1. Thesis\n1.1. Pro:", ["2:1 kialo-no-counterpart"]),
    // A cross-link to its own parent would be a self-link: said, not dropped in silence.
    ("1. Thesis\n1.1. Pro: X\n1.1.1. Con: -> See 1.1.", ["3:1 kialo-no-counterpart"]),
  ])
  func malformed(_ text: String, _ expected: [String]) {
    #expect(KialoImporter.importMap(text).diagnostics.located == expected)
  }

  /// Export writes the outline back; importing it gives the same map.
  @Test func roundTrip() throws {
    let map = KialoImporter.importMap(
      try InterchangeFixtures.text("kialo/stalin-foreign-policy.txt")
    ).map
    let exported = KialoExporter.export(map)
    #expect(exported.diagnostics.isEmpty)
    #expect(KialoImporter.importMap(exported.text).map == map)
    #expect(exported.text.contains("1.3. Pro: -> See 1.2.2.\n"))
    #expect(exported.text.contains("\\(and new treaties\\)"))
  }
}

/// Backslashes and links as real Kialo exports write them.
@Suite struct KialoEscapeTests {
  /// A backslash escapes punctuation only: before a letter it is the user's backslash.
  @Test func aBackslashBeforeALetterIsKept() {
    let map = KialoImporter.importMap(
      "Discussion Title: Thesis\n\n1. Thesis\n1.1. Pro: The word \\nHebrew, a path C:\\temp, and "
        + "\\(brackets\\)"
    ).map
    #expect(map.nodes.last?.text == "The word \\nHebrew, a path C:\\temp, and (brackets)")
    let again = KialoImporter.importMap(KialoExporter.export(map).text).map
    #expect(again == map)
  }

  /// The target of a Markdown link keeps its parentheses on export, so the link still works
  /// in Kialo; other parentheses are escaped as Kialo escapes them.
  @Test func linkTargetsAreNotEscaped() {
    let link = "[the pact](https://en.wikipedia.org/wiki/Pact_(1939))"
    let map = KialoImporter.importMap(
      "Discussion Title: Thesis \\(main\\)\n\n1. Thesis \\(main\\)\n1.1. Pro: See \(link) for the text"
    ).map
    #expect(map.metadata.title == "Thesis (main)")
    let exported = KialoExporter.export(map).text
    #expect(exported.contains("See \(link) for the text"))
    #expect(exported.contains("Thesis \\(main\\)"))
    #expect(KialoImporter.importMap(exported).map == map)
  }
}

/// A claim whose text starts as a cross-link does ("-> See 1.1.") is written with a backslash,
/// and reads back as that claim, not as a link.
@Suite struct KialoCrossLinkTextTests {
  @Test func aClaimThatReadsLikeACrossLinkSurvivesTheRoundTrip() throws {
    let map = ArgumentMapParser.check(
      "aim a: Thesis\nclaim x: X\n  + a\ncounterclaim b: -> See 1.1.\n  - a\n"
    ).map
    let exported = KialoExporter.export(map).text
    #expect(exported.contains("1.2. Con: \\-> See 1.1.\n"))
    let again = KialoImporter.importMap(exported)
    #expect(again.diagnostics.isEmpty)
    #expect(again.map.nodes.map(\.text) == ["Thesis", "X", "-> See 1.1."])
    // X supports the thesis only; before, the entry became a second link from X.
    #expect(again.map.nodes[1].links.map(\.relation) == [.supports])
    #expect(again.map.nodes[2].links.map(\.relation) == [.opposes])
  }
}

/// Line endings and byte order marks do not change what any text format reads.
@Suite struct LineEndingTests {
  @Test(arguments: ["\r\n", "\r"])
  func kialoLineEndings(_ ending: String) throws {
    let lf = try InterchangeFixtures.text("kialo/stalin-foreign-policy.txt")
    let other = lf.split(separator: "\n", omittingEmptySubsequences: false).joined(
      separator: ending)
    #expect(KialoImporter.importMap(other).map == KialoImporter.importMap(lf).map)
  }

  @Test func byteOrderMarks() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    for (format, path) in [
      (ImportFormat.argdown, "interop/argdown/argdown-core/parser-arguments.argdown"),
      (.aif, "interop/aif/nodeset10.json"), (.kialo, "kialo/stalin-foreign-policy.txt"),
    ] {
      let bytes = try InterchangeFixtures.bytes(path)
      let plain = format.importMap(utf8: bytes)
      let marked = format.importMap(utf8: bom + bytes)
      #expect(marked.map == plain.map, "\(path)")
      #expect(marked.diagnostics.map(\.id) == plain.diagnostics.map(\.id), "\(path)")
      #expect(
        marked.diagnostics.map { $0.range?.start.description }
          == plain.diagnostics.map { $0.range?.start.description },
        "\(path)")
    }
  }
}
