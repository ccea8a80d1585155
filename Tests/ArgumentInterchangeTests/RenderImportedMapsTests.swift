import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// Every imported interop map draws through `argmap render`: one node group per node and one
/// edge group per link in the SVG.
@Suite struct RenderImportedMapsTests {
  static let files =
    RoundTripTests.argdownFiles.filter { !$0.hasSuffix("lexer-relations.argdown") }
    + RoundTripTests.aifFiles

  @Test func everyNonEmptyInteropFileIsDrawn() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "argmap-interchange-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(Self.files.count == 50)
    for (index, file) in Self.files.enumerated() {
      let result =
        file.hasSuffix(".json")
        ? try InterchangeFixtures.aif(file) : try InterchangeFixtures.argdown(file)
      let name = "map\(index).argmap"
      try Data(ArgumentMapPrinter.print(result.map).utf8).write(
        to: folder.appendingPathComponent(name))
      let output = try runArgmap(["render", name, "--no-xml-declaration"], in: folder)
      #expect(output.status == 0, "\(file): \(output.stderr)")
      let svg = output.stdout
      #expect(svg.hasPrefix("<svg"), "\(file)")
      #expect(
        svg.components(separatedBy: "class=\"node statement ").count - 1 == result.map.nodes.count,
        "\(file)")
      #expect(
        svg.components(separatedBy: "class=\"edge link ").count - 1 == result.map.allLinks.count,
        "\(file)")
    }
  }

  /// The committed examples are what the importer gives today.
  @Test(arguments: [
    ("Examples/interchange/stalin-pact.argdown", "Examples/interchange/stalin-pact.argmap"),
    (
      "Tests/ArgumentInterchangeTests/Fixtures/interop/aif/nodeset137.json",
      "Examples/interchange/military-exemptions.argmap"
    ),
  ])
  func examplesAreCurrent(_ source: String, _ argmap: String) throws {
    let bytes = [UInt8](try Data(contentsOf: PackagePaths.url(source)))
    let format = ImportFormat.guess(fileName: source, utf8: bytes)
    let result = format.check(utf8: bytes, fileName: source)
    #expect(!result.diagnostics.containsErrors)
    let committed = try String(contentsOf: PackagePaths.url(argmap), encoding: .utf8)
    #expect(ArgumentMapPrinter.print(result.map) == committed)
    let svg = try String(
      contentsOf: PackagePaths.url(argmap.replacingOccurrences(of: ".argmap", with: ".svg")),
      encoding: .utf8)
    #expect(
      svg.components(separatedBy: "class=\"node statement ").count - 1 == result.map.nodes.count)
  }
}
