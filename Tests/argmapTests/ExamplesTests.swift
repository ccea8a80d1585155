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
    ("overview", []),
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

  @Test("the teaching-layout pages the README shows are fresh")
  func teachingPagesAreFresh() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-teaching-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runArgmap([
      "render", "Graphs/stalin-foreign-policy.argmap", "--page", "a4-landscape", "--legend",
      "--id-prefix", "teaching", "-o",
      folder.appendingPathComponent("stalin-foreign-policy.svg").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let fresh = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let committed = PackagePaths.url("Examples/renders/teaching")
    #expect(
      (try? FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()) == fresh,
      "Examples/renders/teaching is out of date: run bash Scripts/render-examples.sh")
    #expect(fresh.count > 1)
    for name in fresh {
      #expect(
        FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
          == FileManager.default.contents(atPath: committed.appendingPathComponent(name).path),
        "Examples/renders/teaching/\(name) is stale: run bash Scripts/render-examples.sh")
    }
  }

  /// The interchange examples' drawings were left from an older renderer.
  @Test("the drawings of the interchange examples are fresh")
  func interchangeDrawingsAreFresh() throws {
    let folder = try makeTemporaryFolder("argmap-interchange")
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["stalin-pact", "military-exemptions"] {
      let drawn = folder.appendingPathComponent(name + ".svg")
      let result = try runArgmap([
        "render", "Examples/interchange/\(name).argmap", "-o", drawn.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        FileManager.default.contents(atPath: drawn.path)
          == FileManager.default.contents(
            atPath: PackagePaths.url("Examples/interchange/\(name).svg").path),
        "Examples/interchange/\(name).svg is stale: run bash Scripts/render-examples.sh")
    }
  }
}
