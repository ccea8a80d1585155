import ArgumentMap
import Foundation
import TestSupport
import Testing

@Suite("argmap render, end to end")
struct RenderCommandTests {
  static let map = """
    ---
    title: Stalin's foreign policy, 1928–1941
    ---
    aim security: Security of the USSR against a German invasion
    subaim strength: Industrial and military strength
      + security: a strong USSR is harder to invade
    interpretation aggressive: Stalin meant to draw the West into a ruinous war and expand west
    interpretation defensive: Stalin sought security against a German invasion
    event nazi-soviet-pact (1939-08-23): Nazi–Soviet Pact, with a secret protocol
      + strength [defensive]: bought time to build up industry and arms
      + aggressive: the secret protocol put eastern Poland in the Soviet sphere
      - security: Germany invaded less than two years later
    event barbarossa (1941-06-22): Germany invades the USSR
      - security

    """

  @Test("renders SVG to standard output from standard input")
  func svgToStdout() throws {
    let result = try runArgmap(["render", "-"], stdin: Array(Self.map.utf8))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("<svg role=\"img\""))
    #expect(result.stdout.contains("Nazi–Soviet Pact, with a"))
  }

  @Test(
    "the output's extension picks the format",
    arguments: [
      ("map.png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("map.pdf", Array("%PDF".utf8)),
      ("map.dot", Array("digr".utf8)), ("map.svg", Array("<svg".utf8)),
    ])
  func formatFromExtension(name: String, magic: [UInt8]) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("stalin.argmap")
    try Data(Self.map.utf8).write(to: input)
    let result = try runArgmap(["render", input.path, "-o", name], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let written = try #require(
      FileManager.default.contents(atPath: folder.appendingPathComponent(name).path))
    #expect(Array(written.prefix(4)) == magic)
  }

  @Test("a map with errors is refused with located diagnostics and no output")
  func refusesBrokenMaps() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("broken.argmap")
    try Data("aim a: An aim\nclaim b: A claim\n  + securty\n".utf8).write(to: input)
    let result = try runArgmap(["render", "broken.argmap", "-o", "out.svg"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.argmap:3:"))
    #expect(result.stderr.contains("error:"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.svg").path))
  }

  @Test(
    "bad view requests are usage errors (exit 64) that say what to do",
    arguments: [
      (["--view", "comparison"], "--view comparison needs --interpretations first,second"),
      (
        ["--view", "comparison", "--interpretations", "aggressive"],
        "--interpretations takes two ids and a comma"
      ),
      (
        ["--interpretations", "aggressive,defensive"],
        "--interpretations goes with --view comparison"
      ),
      (
        ["--view", "comparison", "--interpretations", "aggresive,defensive"],
        "unknown node 'aggresive'; did you mean 'aggressive'?"
      ),
      (
        ["--view", "comparison", "--interpretations", "security,defensive"],
        "'security' is a main aim, not an interpretation"
      ),
      (["--blank", "strenght"], "unknown node 'strenght'; did you mean 'strength'?"),
      (["--blank-kind", "fact"], "The value 'fact' is invalid for '--blank-kind <kind>'"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let result = try runArgmap(["render", "-"] + arguments, stdin: Array(Self.map.utf8))
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("a worksheet hides the blanked statements from the file")
  func worksheet() throws {
    let result = try runArgmap(
      ["render", "-", "--blank-kind", "event", "--blank", "strength"], stdin: Array(Self.map.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    for hidden in ["Nazi", "Barbarossa", "invades", "Industrial", "nazi-soviet-pact", "strength"] {
      #expect(!result.stdout.contains(hidden), "worksheet leaks '\(hidden)'")
    }
    #expect(result.stdout.contains(">(3)</text>"))
  }

  @Test("the comparison view and the legend render")
  func comparisonWithLegend() throws {
    let result = try runArgmap(
      [
        "render", "-", "--view", "comparison", "--interpretations", "aggressive,defensive",
        "--legend", "--id-prefix", "cmp",
      ], stdin: Array(Self.map.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("aria-labelledby=\"cmp-title cmp-desc\""))
    #expect(result.stdout.contains("Read as &#39;aggressive&#39;"))
    #expect(result.stdout.contains(">Legend</text>"))
  }

  @Test("every map in Graphs/ and Examples/ renders in every view")
  func everyGraphRenders() throws {
    let files =
      PackagePaths.files(in: "Graphs", withExtension: "argmap")
      + PackagePaths.files(in: "Examples", withExtension: "argmap")
    #expect(files.contains { $0.lastPathComponent == "stalin-foreign-policy.argmap" })
    for file in files {
      let source = try String(contentsOf: file, encoding: .utf8)
      let interpretations = ArgumentMapParser.parse(source).map.interpretations.map(\.id.rawValue)
      var requests = [["--view", "argument", "--legend"], ["--view", "timeline"]]
      if interpretations.count >= 2 {
        requests.append([
          "--view", "comparison", "--interpretations",
          interpretations[0] + "," + interpretations[1],
        ])
      }
      for request in requests {
        let result = try runArgmap(["render", file.path] + request)
        #expect(result.status == 0, "\(file.lastPathComponent) \(request): \(result.stderr)")
        #expect(result.stdout.hasPrefix("<svg"))
      }
    }
  }

  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}
