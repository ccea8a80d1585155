import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import TestSupport
import Testing

@Suite("Untrusted text reaches DOT and SVG escaped")
struct EscapingTests {
  /// Texts that break naive escaping, each with what the diagram must show: DOT quotes and
  /// backslashes, escString sequences, markup, entities, scripts, event handlers, control
  /// characters (dropped: XML cannot hold them), bidirectional controls (dropped: they would
  /// draw the text in another order than it is written), right-to-left and composed Unicode.
  static let probes: [(text: String, shown: String)] =
    [
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
      "javascript:alert(1)",
      "<a href=\"javascript:alert(1)\">link</a>",
      "\" onload=\"alert(1)",
      "<svg onload=alert(1)>",
      "' onmouseover='alert(1)",
      "Ça, Ελληνικά, 中文",
      "👩🏽‍🚀 and 👨‍👩‍👧 and 🇩🇪",
      "עברית والعربية",
      "tab\there",
      "--> ]]> it's <!-- <![CDATA[",
    ].map { ($0, $0) } + [
      ("bell\u{7} escape\u{1B} nul\u{0}", "bell escape nul"),
      ("back\u{8}space\u{1F}unit\u{FFFE}", "backspaceunit"),
      // Embedding, override and isolate controls are dropped: a drawing showed "signed in
      // \u{202E}9391" as "1939", while its description said "9391". A mark (U+200F) stays.
      ("\u{202E}override\u{202C} and \u{200F}mark", "override and \u{200F}mark"),
      ("signed in \u{2067}9391\u{2069} \u{202B}x\u{202A}", "signed in 9391 x"),
    ]

  @Test("a node's text is drawn exactly as written, under its role", arguments: probes)
  func textRoundTrips(_ text: String, shown: String) throws {
    let svg = try render(text)
    let texts = svg.texts(inGroup: "argmap-n-aim")
    #expect(texts.first == "MAIN AIM")
    // The box shows the text's first sentence, wrapped at spaces: the start of `shown`, with
    // an ellipsis for a sentence cut at a semicolon.
    var drawn = texts.dropFirst().joined(separator: " ")
    if drawn.hasSuffix("\u{2026}") { drawn.removeLast() }
    #expect(!drawn.isEmpty && shown.hasPrefix(drawn), "\(texts)")
  }

  @Test("a link's reasoning is drawn exactly as written, in the key", arguments: probes)
  func reasoningRoundTrips(_ text: String, shown: String) throws {
    let svg = try render(text)
    // The arrow carries the number of its reason; the key under the picture holds the reason.
    #expect(svg.texts(inGroup: "argmap-number-link-2-1") == ["1"])
    let key = svg.texts(inGroup: "argmap-key").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(key.first == "Reasons")
    #expect(key.dropFirst().joined(separator: " ").hasSuffix(shown), "\(key)")
  }

  @Test("hover titles hold the exact text, sources and corrections", arguments: probes)
  func hoverTextRoundTrips(_ text: String, shown: String) throws {
    let svg = try render(text)
    let title = svg.all("title").first { $0.groupID == "argmap-n-claim" }
    #expect(title?.text == "claim: \(shown)\nSource: \(shown)\nCorrection: \(shown)")
    #expect(svg.elements[1].name == "title" && svg.elements[1].text == shown)
    #expect(
      svg.elements[2].name == "desc" && svg.elements[2].text.contains("Main aim: \(shown)"))
  }

  @Test("no text can add a link, a script or an event handler", arguments: probes)
  func noActiveContent(_ text: String, shown: String) throws {
    let svg = try render(text)
    #expect(svg.all("a").isEmpty)
    #expect(svg.all("script").isEmpty)
    #expect(svg.all("foreignObject").isEmpty)
    let names = Set(svg.elements.map(\.name))
    #expect(
      names.isSubset(of: [
        "svg", "title", "desc", "g", "polygon", "path", "ellipse", "text", "polyline",
      ]), "\(names)")
    for element in svg.elements {
      for (name, value) in element.attributes {
        #expect(!name.lowercased().hasPrefix("on"), "attribute \(name) on <\(element.name)>")
        #expect(!name.lowercased().hasSuffix("href"), "attribute \(name) on <\(element.name)>")
        #expect(!value.lowercased().contains("javascript:"), "\(name)=\(value)")
        #expect(!value.contains(text) || text.count < 3, "user text in attribute \(name)")
      }
    }
    #expect(svg.groups(withClass: "statement").count == 2)
    // The one link, in two halves either side of its reason's number.
    #expect(svg.groups(withClass: "link").count == 2)
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

  /// The escapes rewrite UTF-8 bytes; these are their definitions, scalar by scalar.
  static func escaped(_ text: String, _ rule: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      out += rule(scalar) ?? String(scalar)
    }
    return out
  }

  @Test("the byte-level escapes equal their scalar definitions on random text", arguments: 1...20)
  func escapesMatchDefinitions(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    // Every character the escapes treat, and neighbours of the forbidden U+FFFE and U+FFFF.
    let alphabet: [Unicode.Scalar] =
      [
        "a", " ", "\\", "\"", "'", "&", "<", ">", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}",
        "\u{7F}", "é", "中", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{EFBF}",
        "\u{10000}", "👩",
      ]
    for _ in 0..<200 {
      let count = Int.random(in: 0...40, using: &random)
      var text = ""
      for _ in 0..<count {
        text.unicodeScalars.append(alphabet.randomElement(using: &random) ?? "a")
      }
      let xml = Self.escaped(text) { scalar in
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        case _ where DOTEscape.isXMLForbidden(scalar): ""
        default: nil
        }
      }
      let escString = Self.escaped(text) { scalar in
        switch scalar {
        case "\\": "\\\\"
        case "&": "&amp;"
        case "\r": ""
        case "\n": "\\n"
        case _ where DOTEscape.isXMLForbidden(scalar): ""
        default: nil
        }
      }
      let quoted = Self.escaped(text) { scalar in
        switch scalar {
        case "\"": "\\\""
        case "\n": "\\n"
        default: nil
        }
      }
      #expect(SVGPostProcessor.escapeXML(text) == xml)
      #expect(DOTEscape.escString(text) == escString)
      #expect(DOTEscape.quote(text) == "\"" + quoted + "\"")
    }
  }

  private func render(_ text: String) throws -> SVGDocument {
    let bytes = try MapRenderer(xmlDeclaration: true).render(
      Fixtures.hostile(text), options: SceneOptions(lineWidth: 200), format: .svg)
    return try SVGDocument(bytes)
  }
}
