import Foundation
import TestSupport
import Testing

/// `Examples/renders/` holds the drawing of every map in `Graphs/` in every view, as
/// `Scripts/render-examples.sh` makes them; these tests fail when one is missing or stale.
@Suite("Rendered examples are up to date")
struct ExamplesTests {
  /// The views and their options, as in `Scripts/render-examples.sh` (keep the two in step).
  static let views: [(name: String, options: [String])] = [
    ("map", ["--legend"]),
    ("timeline", []),
    ("worksheet", []),
  ]

  @Test("every map in Graphs/ has a fresh SVG in every view", arguments: views.map(\.name))
  func examplesAreFresh(view: String) throws {
    let options = try #require(Self.views.first { $0.name == view }).options
    let maps = PackagePaths.files(in: "Graphs", withExtension: "argmap")
    #expect(!maps.isEmpty)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-examples-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap(
      ["render"] + maps.map { "Graphs/" + $0.lastPathComponent }
        + ["--view", view, "--id-prefix", view, "--output-dir", folder.path] + options)
    #expect(result.status == 0, "\(result.stderr)")
    let committed = PackagePaths.url("Examples/renders/" + view)
    let expectedNames = maps.map { $0.deletingPathExtension().lastPathComponent + ".svg" }.sorted()
    let committedNames =
      (try? FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()) ?? []
    #expect(
      committedNames == expectedNames,
      "Examples/renders/\(view) is out of date: run bash Scripts/render-examples.sh")
    for name in expectedNames {
      let fresh = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
      let old = FileManager.default.contents(atPath: committed.appendingPathComponent(name).path)
      #expect(fresh != nil)
      #expect(
        fresh == old,
        "Examples/renders/\(view)/\(name) is stale: run bash Scripts/render-examples.sh")
    }
  }
}
