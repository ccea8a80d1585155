import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// Import, export, import again gives the same map, for every interop file; imported maps are
/// valid `.argmap` maps that print and parse back unchanged; the same input gives the same bytes.
@Suite struct RoundTripTests {
  static let argdownFiles: [String] = {
    let core =
      (try? InterchangeFixtures.files(in: "interop/argdown/argdown-core", withExtension: "argdown"))
      ?? []
    return core + [
      "interop/argdown/argdown-primer.argdown", "interop/argdown/argdown-cli/test.argdown",
      "interop/argdown/argdown-cli/include-test.argdown",
      "interop/argdown/argdown-cli/_partial1.argdown",
      "interop/argdown/argdown-cli/_partial2.argdown",
    ]
  }()

  static let aifFiles: [String] =
    (try? InterchangeFixtures.files(in: "interop/aif", withExtension: "json")) ?? []

  @Test func everyInteropFileIsCovered() {
    #expect(Self.argdownFiles.count == 31)
    #expect(Self.aifFiles.count == 20)
  }

  @Test(arguments: argdownFiles)
  func argdownRoundTrip(_ path: String) throws {
    let first = try InterchangeFixtures.argdown(path)
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    let second = ArgdownImporter.importMap(exported.text)
    #expect(second.map == first.map)
    #expect(second.diagnostics.ids == (first.map.nodes.isEmpty ? ["argdown-empty"] : []))
    #expect(ArgdownExporter.export(second.map).text == exported.text)
    try expectValidArgmap(first.map)
  }

  @Test(arguments: aifFiles)
  func aifRoundTrip(_ path: String) throws {
    let first = try InterchangeFixtures.aif(path)
    let exported = AIFExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    let second = AIFImporter.importMap(utf8: Array(exported.text.utf8))
    #expect(second.map == first.map)
    #expect(second.diagnostics.isEmpty)
    #expect(AIFExporter.export(second.map).text == exported.text)
    try expectValidArgmap(first.map)
    // Through Argdown, only the links' reasoning (AIF schemes) is lost, and reported.
    let viaArgdown = ArgdownExporter.export(first.map)
    let reasoned = first.map.allLinks.filter { $0.link.reasoning != nil }.count
    #expect(viaArgdown.diagnostics.count == reasoned)
    var withoutReasoning = first.map
    for index in withoutReasoning.nodes.indices {
      for link in withoutReasoning.nodes[index].links.indices {
        withoutReasoning.nodes[index].links[link].reasoning = nil
      }
    }
    #expect(ArgdownImporter.importMap(viaArgdown.text).map == withoutReasoning)
  }

  /// Imported maps meet the `.argmap` rules and survive its printer and parser unchanged.
  private func expectValidArgmap(
    _ map: ArgumentMap, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    guard !map.nodes.isEmpty else { return }
    let errors = map.validate().filter(\.isError)
    #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
    let reparsed = ArgumentMapParser.parse(ArgumentMapPrinter.print(map))
    #expect(!reparsed.hasErrors, sourceLocation: sourceLocation)
    #expect(reparsed.map == map, sourceLocation: sourceLocation)
  }

  /// Importing twice gives equal maps and diagnostics (no hidden state, no hash order).
  @Test func importsAreDeterministic() throws {
    for path in [
      "interop/argdown/argdown-core/veggie_debate.argdown",
      "interop/argdown/argdown-core/semmelweis_betz.argdown",
    ] {
      let a = try InterchangeFixtures.argdown(path)
      let b = try InterchangeFixtures.argdown(path)
      #expect(a.map == b.map)
      #expect(a.diagnostics == b.diagnostics)
      #expect(ArgumentMapPrinter.print(a.map) == ArgumentMapPrinter.print(b.map))
    }
    let aif1 = try InterchangeFixtures.aif("interop/aif/nodeset198.json")
    let aif2 = try InterchangeFixtures.aif("interop/aif/nodeset198.json")
    #expect(AIFExporter.export(aif1.map).text == AIFExporter.export(aif2.map).text)
  }
}
