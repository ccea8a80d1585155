import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import argmap

/// The quick reading of `argmap render`'s arguments must agree with ArgumentParser's, which
/// defines the command, or decline the call.
@Suite("RenderOptions(quickParsing:)")
struct RenderOptionsTests {
  /// ArgumentParser's reading of `arguments`, or nil when it refuses them (parse or validation).
  static func parsed(_ arguments: [String]) -> RenderOptions? {
    (try? RenderCommand.parse(arguments))?.options
  }

  @Test(
    "Plain calls are read as ArgumentParser reads them",
    arguments: [
      ["map.argmap"],
      ["map.argmap", "-o", "map.svg"],
      ["-o", "map.pdf", "map.argmap"],
      ["map.argmap", "--output=map.png", "--view", "timeline", "--legend"],
      ["map.argmap", "--format", "dot", "--layout=neato", "--no-reasoning", "--line-width", "40"],
      ["map.argmap", "--view", "worksheet", "--blank", "events", "--id-prefix", "q1"],
      ["map.argmap", "--view", "comparison", "--interpretations", "aggressive,defensive"],
      ["map.argmap", "--overlay", "evaluation", "--semantics", "grounded", "--timeout", "2.5"],
      ["map.argmap", "--scope=defensive", "--max-nodes", "50", "--no-xml-declaration"],
      ["map.argmap", "--view", "argument", "--reasoning", "--xml-declaration"],
    ])
  func plainCalls(_ arguments: [String]) throws {
    let quick = try #require(RenderOptions(quickParsing: arguments))
    #expect(quick == Self.parsed(arguments))
  }

  @Test(
    "Calls outside the plain form are left to ArgumentParser",
    arguments: [
      ["-"], ["map.argmap", "--help"], ["-h"], ["map.argmap", "--", "-o"],
      ["map.argmap", "-o", "-"], ["map.argmap", "-o"], ["map.argmap", "-oout.svg"],
      ["map.argmap", "--legend=true"], ["map.argmap", "--format", "gif"],
      ["map.argmap", "--line-width", "-5"], ["map.argmap", "--view", "map", "--view", "timeline"],
      ["map.argmap", "--reasoning", "--no-reasoning"],
      ["map.argmap", "-o", "a.svg", "--output", "b"],
      ["map.argmap", "--unknown"], ["map.argmap", "--max-nodes", "many"], ["map.argmap", "--"],
      ["map.argmap", "--output="],
    ])
  func declined(_ arguments: [String]) {
    #expect(RenderOptions(quickParsing: arguments) == nil)
  }

  /// Random calls from the options' names, good and bad values, and stray dashes: whenever the
  /// quick reading accepts a call that passes validation, ArgumentParser reads the same options;
  /// whenever ArgumentParser accepts a call, the quick reading gives the same or declines.
  @Test("Random calls: the two readings never disagree (seed 20261127)")
  func randomCalls() throws {
    let folder = try makeTemporaryFolder("render-options")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outputDir = folder.appendingPathComponent("out").path
    // Words of plain calls, and words that make either reading refuse or decline a call.
    let good: [[String]] = [
      ["map.argmap"], ["other.argmap"], ["-o", "a.svg"], ["-o", "b.png"], ["--output", "c.pdf"],
      ["--output=d.dot"], ["--output-dir", outputDir], ["--format", "svg"], ["--format=png"],
      ["--view", "map"], ["--view", "timeline"], ["--view=worksheet"], ["--view", "comparison"],
      ["--view", "argument"], ["--blank", "all"], ["--blank", "a,b"], ["--scope", "defensive"],
      ["--interpretations", "a,b"], ["--layout", "dot"], ["--layout=fdp"], ["--max-nodes", "10"],
      ["--max-nodes", "0"], ["--timeout", "1"], ["--timeout", "0"], ["--overlay", "evaluation"],
      ["--semantics", "df-quad"], ["--semantics", "preferred"], ["--legend"], ["--reasoning"],
      ["--no-reasoning"], ["--id-prefix", "p"], ["--xml-declaration"], ["--no-xml-declaration"],
      ["--line-width", "30"], ["--line-width", "3"], ["--interpretations", "a"],
    ]
    let bad: [[String]] = [
      ["-"], ["--"], ["-h"], ["--help"], ["-o"], ["--format", "gif"], ["--view", "bad"],
      ["--max-nodes", "-3"], ["--timeout", "x"], ["--semantics", "nope"], ["--legend=1"],
      ["--line-width", "x"], ["--unknown"], ["-x"], ["--view"], [""], ["--blank", ""],
    ]
    var generator = SeededGenerator(seed: 20_261_127)
    var agreed = 0
    var refused = 0
    for _ in 0..<1_500 {
      let count = Int.random(in: 1...5, using: &generator)
      let arguments = (0..<count).flatMap { _ in
        Int.random(in: 0..<8, using: &generator) == 0
          ? bad.randomElement(using: &generator)! : good.randomElement(using: &generator)!
      }
      let parsed = Self.parsed(arguments)
      guard let quick = RenderOptions(quickParsing: arguments) else { continue }
      if let parsed {
        #expect(quick == parsed, "\(arguments)")
        agreed += 1
      } else {
        #expect(throws: (any Error).self, "\(arguments)") { try quick.validate() }
        refused += 1
      }
    }
    // Both outcomes are common enough to be checked.
    #expect(agreed > 50 && refused > 50)
  }

  @Test("A plain call and the same call through ArgumentParser draw the same bytes")
  func sameDrawing() throws {
    let folder = try makeTemporaryFolder("render-options")
    defer { try? FileManager.default.removeItem(at: folder) }
    let map = try writeFile("aim a: A\nclaim b: B\n  + a: because\n", "m.argmap", in: folder)
    let quick = folder.appendingPathComponent("quick.svg").path
    let full = folder.appendingPathComponent("full.svg").path
    // `--` makes the quick reading decline, so the second call goes through ArgumentParser.
    let first = try runArgmap(["render", map.path, "-o", quick, "--legend"])
    let second = try runArgmap(["render", "-o", full, "--legend", "--", map.path])
    #expect(first.status == 0 && second.status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: quick))
    #expect(!bytes.isEmpty)
    #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: full))))
  }
}
