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
      // A link with a reason is drawn in two halves either side of its number (`…-to`); two
      // links between the same two statements of one row are drawn as one arrow (Graphviz 2.42
      // aborts on such a pair across boxes), so an arrow may stand for two links.
      let halves = svg.components(separatedBy: "&#45;to\" class=\"edge link ").count - 1
      let arrows = svg.components(separatedBy: "class=\"edge link ").count - 1 - halves
      #expect(arrows <= result.map.allLinks.count, "\(file)")
      #expect(arrows * 2 >= result.map.allLinks.count, "\(file)")
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

  /// Every imported interop map is readable in every view a teacher draws from it, on A4
  /// landscape and on a slide, by `argmap layout-report --strict` (no overlap, no line through a
  /// label, dates in order, text at least 9 pt or 20 px).
  @Test(arguments: ["map", "overview", "timeline", "worksheet"], ["a4-landscape", "slide"])
  func everyInteropMapIsReadable(view: String, page: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "argmap-interchange-readable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var names: [String] = []
    for (index, file) in Self.files.enumerated() {
      let result =
        file.hasSuffix(".json")
        ? try InterchangeFixtures.aif(file) : try InterchangeFixtures.argdown(file)
      let name = "map\(index).argmap"
      try Data(ArgumentMapPrinter.print(result.map).utf8).write(
        to: folder.appendingPathComponent(name))
      names.append(name)
    }
    let output = try runArgmap(
      ["layout-report"] + names + ["--view", view, "--page", page, "--strict"], in: folder)
    let unreadable = output.stdout.split(separator: "\n").filter { $0.hasSuffix("NOT readable") }
    #expect(output.status == 0, "\(unreadable)\n\(output.stderr.prefix(2000))")
    #expect(output.stdout.components(separatedBy: ": readable").count - 1 == names.count)
  }
}
