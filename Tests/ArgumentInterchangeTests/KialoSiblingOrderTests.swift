import ArgumentMap
import Testing

@testable import ArgumentInterchange

/// `-> See` entries stand anywhere among their siblings; the export keeps them there.
@Suite struct KialoSiblingOrderTests {
  /// Each claim's text with the claims under it, in written order (a `-> See N.` entry read as
  /// the text of claim N), so two outlines compare by structure, not by numbering.
  private func siblings(_ text: String) -> [String: [String]] {
    // (number, stance, text) per claim; lines without a number continue the claim above.
    var claims: [(number: String, stance: String, text: String)] = []
    for line in text.split(separator: "\n").dropFirst() {
      guard let space = line.firstIndex(of: " "), line.first?.isNumber == true else {
        if !claims.isEmpty { claims[claims.count - 1].text += " " + line }
        continue
      }
      var body = String(line[line.index(after: space)...])
      var stance = ""
      if body.hasPrefix("Pro: ") || body.hasPrefix("Con: ") {
        stance = String(body.prefix(3))
        body = String(body.dropFirst(5))
      }
      claims.append((String(line[..<space]), stance, body))
    }
    var textOf: [String: String] = [:]
    for claim in claims where !claim.text.hasPrefix("-> See ") { textOf[claim.number] = claim.text }
    var result: [String: [String]] = [:]
    for claim in claims {
      let parts = claim.number.split(separator: ".")
      guard parts.count > 1 else { continue }
      let parent = parts.dropLast().joined(separator: ".") + "."
      var child = claim.text
      if child.hasPrefix("-> See ") { child = textOf[String(child.dropFirst(7))] ?? "?" }
      result[textOf[parent] ?? "?", default: []].append(claim.stance + " " + child)
    }
    return result
  }

  @Test func seeEntriesKeepTheirPlaceAmongSiblings() throws {
    let original = try InterchangeFixtures.text("kialo/see-entries.txt")
    let first = KialoImporter.importMap(original)
    #expect(first.diagnostics.isEmpty)
    #expect(first.map.metadata.extra.map(\.key) == ["kialo.order"])
    let exported = KialoExporter.export(first.map)
    #expect(siblings(exported.text) == siblings(original))
    #expect(siblings(original)["The pact served Soviet security."]?.count == 4)
    let second = KialoImporter.importMap(exported.text)
    #expect(second.map == first.map)
    #expect(KialoExporter.export(second.map).text == exported.text)
  }

  /// A discussion whose `-> See` entries already stand in map order needs no `kialo.order`,
  /// and the export is the file as written.
  @Test func noOrderEntryWhenTheMapOrderSays() throws {
    let original = try InterchangeFixtures.text("kialo/stalin-foreign-policy.txt")
    let map = KialoImporter.importMap(original).map
    #expect(map.metadata.extra.isEmpty)
    #expect(siblings(KialoExporter.export(map).text) == siblings(original))
  }
}
