import ArgumentMap
import Foundation
import TestSupport
import Testing

/// The README's grammar reference is executable truth: each `argmap` example in it parses.
@Suite("README examples")
struct ReadmeTests {
  static func examples() throws -> [String] {
    let readme = try String(contentsOf: PackagePaths.url("README.md"), encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line == "```argmap" {
        current = []
      } else if current != nil, line == "```" {
        blocks.append((current ?? []).joined(separator: "\n") + "\n")
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  @Test func everyArgmapExampleParsesWithoutErrors() throws {
    let examples = try Self.examples()
    #expect(examples.count >= 7)
    for example in examples {
      let result = ArgumentMapParser.parse(example)
      #expect(result.diagnostics.isEmpty, "\(example)\n\(result.diagnostics.map(\.message))")
      // Each example is already in canonical form, so `argmap fmt` leaves it alone.
      #expect(ArgumentMapPrinter.print(result.map) == example)
    }
  }

  @Test func theFirstExampleIsAWholeValidMap() throws {
    let first = try #require(try Self.examples().first)
    #expect(ArgumentMapParser.check(first).diagnostics.isEmpty)
  }
}
