import Foundation
import TestSupport
import Testing

@Suite("Hostile sizes: garbage, binary files and huge texts end quickly with a clear message")
struct HostileSizeTests {
  @Test("50 MB of garbage lines: check prints 50 errors and where it stopped, in seconds")
  func garbageStopsAtTheErrorLimit() throws {
    let folder = try makeTemporaryFolder("argmap-garbage")
    defer { try? FileManager.default.removeItem(at: folder) }
    // Printable ASCII lines that are no statements: 50 MB of them.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(50 << 20)
    var seed: UInt64 = 1
    while bytes.count < 50 << 20 {
      let length = 20 + Int(seed % 80)
      for _ in 0..<length {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(33 + (seed >> 33) % 94))
      }
      bytes.append(UInt8(ascii: "\n"))
    }
    let path = folder.appendingPathComponent("garbage.argmap")
    try Data(bytes).write(to: path)
    let start = ContinuousClock.now
    let result = try runArgmap(["check", "garbage.argmap"], in: folder)
    let elapsed = ContinuousClock.now - start
    #expect(result.status == 1)
    let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 51)
    #expect(errors.last?.contains("error: too many errors (50), stopping here") == true)
    #expect(result.stderr.utf8.count < 100_000)
    #expect(elapsed < .seconds(30))
  }

  @Test("a sparse 1 GiB file of NUL bytes is refused at once, located at 1:1")
  func sparseNulFileIsRefusedAtOnce() throws {
    let folder = try makeTemporaryFolder("argmap-nul")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("zeros.argmap").path
    let descriptor = open(path, O_CREAT | O_WRONLY, 0o644)
    try #require(descriptor >= 0)
    try #require(ftruncate(descriptor, 1 << 30) == 0)
    close(descriptor)
    let start = ContinuousClock.now
    let result = try runArgmap(["check", "zeros.argmap"], in: folder)
    let elapsed = ContinuousClock.now - start
    #expect(result.status == 1)
    #expect(
      result.stderr == "zeros.argmap:1:1: error: file contains a NUL byte; is it a binary file?\n")
    #expect(elapsed < .seconds(5))
  }

  @Test("binary standard input and binary imports are refused with a located message")
  func binaryStandardInputAndImports() throws {
    let input = Array("aim a: A\nclaim b: é\u{0}".utf8)
    let checked = try runArgmap(["check", "-"], stdin: input)
    #expect(checked.status == 1)
    #expect(
      checked.stderr == "<stdin>:2:11: error: file contains a NUL byte; is it a binary file?\n")
    let notUTF8: [UInt8] = Array("{\"nodes\": [\n  ".utf8) + [0xC3, 0x28]
    let imported = try runArgmap(["import", "-", "--from", "aif"], stdin: notUTF8)
    #expect(imported.status == 1)
    #expect(
      imported.stderr == "<stdin>:2:3: error: file is not valid UTF-8 text; save it as UTF-8\n")
  }

  @Test("a character cut by the end of the first block is not mistaken for binary")
  func characterAcrossTheFirstBlock() throws {
    // 'é' is two bytes; put its first byte last in the first 64 KiB.
    let padding = String(repeating: "x", count: (1 << 16) - 1 - "aim a: ".utf8.count)
    let result = try runArgmap(["check", "-"], stdin: Array("aim a: \(padding)é\n".utf8))
    #expect(result.status == 0)
  }

  @Test("a 10 MB node text renders in seconds, cut, with a warning")
  func hugeNodeTextRendersCut() throws {
    let folder = try makeTemporaryFolder("argmap-long-text")
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = "aim a: " + String(repeating: "x", count: 10_000_000) + "\n"
    try Data(text.utf8).write(to: folder.appendingPathComponent("long.argmap"))
    let start = ContinuousClock.now
    let result = try runArgmap(["render", "long.argmap", "-o", "long.svg"], in: folder)
    let elapsed = ContinuousClock.now - start
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        "long.argmap: warning: the label of a statement, 'MAIN AIM "
          + "\(String(repeating: "x", count: 31))...', is longer than 1000 characters; "
          + "drawn cut short"))
    let size =
      try FileManager.default.attributesOfItem(
        atPath: folder.appendingPathComponent("long.svg").path)[.size] as? Int
    // The whole text once, in the hover title; neither drawn nor repeated in the outline.
    #expect((size ?? 0) > 10_000_000 && (size ?? 0) < 10_100_000)
    #expect(elapsed < .seconds(30))
  }

  @Test(
    "drawing commands have a default time limit, which --timeout sets",
    arguments: [
      "render", "evaluate", "compare",
    ])
  func drawingCommandsHaveATimeout(command: String) throws {
    let help = try runArgmap([command, "--help"])
    let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("--timeout <seconds>"))
    #expect(words.contains("(default: 120.0)"))
    let bad = try runArgmap([command, "-", "--timeout", "0"])
    #expect(bad.status == 64)
  }
}
