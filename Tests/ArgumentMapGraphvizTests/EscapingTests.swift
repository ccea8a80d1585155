import ArgumentMap
import ArgumentMapGraphviz
import Testing

@Suite("Untrusted text reaches DOT and SVG escaped")
struct EscapingTests {
  /// Texts that break naive escaping: DOT quotes and backslashes, escString sequences, markup,
  /// entities, scripts, bidirectional and composed Unicode.
  static let probes: [String] = [
    "plain words",
    "quote \" inside",
    "back\\slash",
    "trailing backslash\\",
    "two \\\\ backslashes",
    "x\\\" ] evil [URL=\"javascript:alert(1)\" label=\"click me\"] //",
    "\\N \\G \\E \\T \\H \\L",
    "\\n \\l \\r",
    "<b>bold</b> & <script>alert(1)</script>",
    "&amp; &lt; &#60; &#x3C; &bogus;",
    "Ça, Ελληνικά, 中文",
    "👩🏽‍🚀 and 👨‍👩‍👧 and 🇩🇪",
    "עברית والعربية",
    "tab\there",
    "--> ]]> it's",
    "javascript:alert(1)",
  ]

  @Test("a node's text is drawn exactly as written", arguments: probes)
  func textRoundTrips(_ text: String) throws {
    let svg = try render(text)
    #expect(svg.texts(inGroup: "argmap-n-aim") == [text])
  }

  @Test("hover titles hold the exact text, sources and corrections", arguments: probes)
  func hoverTextRoundTrips(_ text: String) throws {
    let svg = try render(text)
    let title = svg.all("title").first { $0.groupID == "argmap-n-claim" }
    #expect(title?.text == "claim: \(text)\nSource: \(text)\nCorrection: \(text)")
  }

  @Test("no text can add a link, a script or an event handler", arguments: probes)
  func noActiveContent(_ text: String) throws {
    let svg = try render(text)
    #expect(svg.all("a").isEmpty)
    #expect(svg.all("script").isEmpty)
    for element in svg.elements {
      for name in element.attributes.keys {
        #expect(!name.lowercased().hasPrefix("on"), "attribute \(name) on <\(element.name)>")
        #expect(!name.lowercased().hasSuffix("href"), "attribute \(name) on <\(element.name)>")
      }
    }
    #expect(svg.groups(withClass: "statement").count == 2)
    #expect(svg.groups(withClass: "link").count == 1)
  }

  @Test("control characters are dropped so the SVG stays well-formed XML")
  func controlCharacters() throws {
    let svg = try render("bell\u{7} escape\u{1B} nul\u{0}")
    #expect(svg.texts(inGroup: "argmap-n-aim") == ["bell escape nul"])
  }

  @Test("element ids are one-to-one and use only safe characters")
  func safeIDs() {
    let ids = ["a_b", "a.b", "a-b", "a_2Eb", "é", "", "_", "🇩🇪"].map(SafeID.encode)
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(
        id.unicodeScalars.allSatisfy {
          $0.isASCII
            && ($0 == "-" || $0 == "_" || $0.properties.isAlphabetic
              || $0.properties.numericType != nil)
        })
      #expect(!id.isEmpty)
    }
    #expect(SafeID.encode("nazi-soviet-pact") == "nazi-soviet-pact")
    #expect(SafeID.encode("a.b") == "a_2Eb")
  }

  @Test("both DOT layers are escaped: a backslash cannot pair with the closing quote")
  func dotLabelEscaping() {
    #expect(DOTEscape.label("a\\") == "\"a\\\\\"")
    #expect(DOTEscape.label("say \"hi\"") == "\"say \\\"hi\\\"\"")
    #expect(DOTEscape.label("\\N") == "\"\\\\N\"")
    #expect(DOTEscape.label("a & b") == "\"a &amp; b\"")
    #expect(DOTEscape.label("one\ntwo") == "\"one\\ntwo\"")
  }

  private func render(_ text: String) throws -> SVGDocument {
    let bytes = try MapRenderer().render(
      Fixtures.hostile(text), options: SceneOptions(lineWidth: 200), format: .svg)
    return try SVGDocument(bytes)
  }
}
