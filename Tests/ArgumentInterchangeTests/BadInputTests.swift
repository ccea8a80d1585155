import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// Damaged input never traps or hangs: seeded random damage to real files goes through every
/// importer, which returns a map and diagnostics, the same ones each time.
@Suite struct BadInputTests {

  /// Deletes, duplicates and replaces a few byte ranges, with bytes that matter to the formats.
  static func damage(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
    var result = bytes
    let specials = Array("[]<>{}():,-+_#\"\\/*!\n\r\t .0123456789".utf8) + [0x00, 0xFF, 0xC3]
    for _ in 0..<Int.random(in: 1...6, using: &generator) {
      guard !result.isEmpty else { break }
      let at = Int.random(in: 0..<result.count, using: &generator)
      let length = min(Int.random(in: 1...8, using: &generator), result.count - at)
      switch Int.random(in: 0..<3, using: &generator) {
      case 0: result.removeSubrange(at..<(at + length))
      case 1: result.insert(contentsOf: result[at..<(at + length)], at: at)
      default:
        for index in at..<(at + length) {
          result[index] = specials.randomElement(using: &generator) ?? 0
        }
      }
    }
    return result
  }

  @Test(arguments: [
    (ImportFormat.argdown, "interop/argdown/argdown-core/intro.argdown"),
    (.argdown, "interop/argdown/argdown-core/semmelweis_betz.argdown"),
    (.aif, "interop/aif/nodeset127.json"),
    (.aif, "interop/aif/nodeset137.json"),
    (.kialo, "kialo/stalin-foreign-policy.txt"),
  ])
  func damagedFilesImport(_ format: ImportFormat, _ path: String) throws {
    let original = try InterchangeFixtures.bytes(path)
    var generator = SeededGenerator(seed: 2026)
    for _ in 0..<120 {
      let bytes = Self.damage(original, using: &generator)
      let first = format.importMap(utf8: bytes)
      let second = format.importMap(utf8: bytes)
      #expect(first.map == second.map)
      #expect(first.diagnostics == second.diagnostics)
      // Whatever came in, the located diagnostics point inside the input.
      for diagnostic in first.diagnostics {
        if let range = diagnostic.range { #expect(range.start.offset <= bytes.count) }
      }
    }
  }

  /// Hostile shapes: deep JSON, long lines, many unanchored nodes, huge outline numbers.
  @Test func hostileShapes() {
    let deep = String(repeating: "{\"a\":", count: 5_000)
    #expect(AIFImporter.importMap(utf8: Array(deep.utf8)).diagnostics.ids == ["aif-syntax"])
    var nodes: [String] = []
    for index in 0..<3_000 {
      nodes.append("{\"nodeID\": \(index), \"text\": \"YA\", \"type\": \"YA\"}")
    }
    let many = "{\"nodes\": [" + nodes.joined(separator: ",") + "], \"edges\": []}"
    let result = AIFImporter.importMap(utf8: Array(many.utf8))
    #expect(result.diagnostics.count == 3_001)
    #expect(result.diagnostics.last?.id == "aif-empty")
    let kialo = KialoImporter.importMap(
      "1. T\n99999999999999999999.1. Pro: x\n1.1.1.1.1.1.1.1.1.1.1. Pro: y")
    #expect(kialo.diagnostics.containsErrors)
    let longLine = ArgdownImporter.importMap(String(repeating: "word ", count: 50_000) + "{a: [")
    #expect(longLine.map.nodes.count == 1)
    let braces = ArgdownImporter.importMap("[A]: " + String(repeating: "{", count: 10_000))
    #expect(braces.map.nodes.count == 1)
  }
}

/// Large inputs stay linear: 20 000 nodes through every importer and exporter well inside the
/// time limit (quadratic id allocation once took a minute for the AIF export alone).
@Suite struct LargeInputTests {
  @Test(.timeLimit(.minutes(1))) func twentyThousandNodes() {
    let count = 20_000
    var nodes: [Node] = [Node(.mainAim, "root", "Root")]
    for index in 1..<count {
      nodes.append(
        Node(
          .claim, NodeID("n\(index)"), "Same text",
          links: [Link(.supports, .node(NodeID(index == 1 ? "root" : "n\(index / 2)")))]))
    }
    let map = ArgumentMap(nodes: nodes)
    for format in ExportFormat.allCases {
      let exported = format.export(map)
      #expect(!exported.text.isEmpty)
      if let back = ImportFormat(rawValue: format.rawValue) {
        let result = back.importMap(utf8: Array(exported.text.utf8))
        #expect(result.map.nodes.count == count, "\(format)")
      }
    }
    let same = ArgdownImporter.importMap(
      Array(repeating: "Same text", count: count).joined(separator: "\n\n"))
    #expect(same.map.nodes.last?.id == NodeID("same-text-\(count)"))
  }
}
