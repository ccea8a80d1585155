import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// `argmap import` and `argmap export` with the interchange formats, through the real binary:
/// exit status, standard output and located diagnostics on standard error.
@Suite struct CommandLineTests {
  private let fixtures = InterchangeFixtures.root

  private func path(_ relative: String) -> String {
    fixtures.appendingPathComponent(relative).path
  }

  /// Each format imports by name and by guess; the output is the library's map, printed.
  @Test(arguments: [
    ("interop/argdown/argdown-cli/include-test.argdown", "argdown"),
    ("interop/aif/nodeset127.json", "aif"),
    ("kialo/stalin-foreign-policy.txt", "kialo"),
  ])
  func importsEachFormat(_ file: String, _ format: String) throws {
    let explicit = try runArgmap(["import", path(file), "--from", format])
    #expect(explicit.status == 0)
    let guessed = try runArgmap(["import", path(file)])
    #expect(guessed.status == 0)
    #expect(guessed.stdout == explicit.stdout)
    let library = try #require(ImportFormat(rawValue: format)).importMap(
      utf8: try InterchangeFixtures.bytes(file),
      fileName: URL(fileURLWithPath: file).lastPathComponent,
      includeLoader: InterchangeFixtures.loader(besides: file))
    #expect(explicit.stdout == ArgumentMapPrinter.print(library.map))
    #expect(ArgumentMapParser.check(explicit.stdout).diagnostics.filter(\.isError).isEmpty)
  }

  /// Includes resolve beside the file; the cycle warning names the file and line.
  @Test func includeWarningIsLocated() throws {
    let output = try runArgmap(["import", path("interop/argdown/argdown-cli/include-test.argdown")])
    #expect(output.status == 0)
    #expect(output.stdout.contains("Second line pof partial2"))
    #expect(
      output.stderr.contains("include-test.argdown:3:1: warning: in '_partial2.argdown' at 3:1:"))
  }

  /// Malformed input: a located error on standard error, exit status 1, nothing written.
  @Test(arguments: [
    (
      "bad.json", "aif", "{\"nodes\": [{\"nodeID\": 1, \"type\": \"I\"}\n",
      "bad.json:2:1: error: invalid JSON"
    ),
    (
      "bad.argdown", "argdown", "A\n\nB /* open\n",
      "bad.argdown:3:3: error: comment '/*' is never closed"
    ),
    (
      "bad.txt", "kialo", "1. Thesis\n1.2.1. Pro: lost\n",
      "bad.txt:2:1: error: claim '1.2.1.' has no parent"
    ),
    (
      "bad2.json", "aif", "{\"nodes\": [], \"edges\": 3}",
      "bad2.json:1:24: error: $.edges: expected an array"
    ),
    (
      "bad3.argdown", "argdown", "(bytes 41 FF 0A)",
      "bad3.argdown:1:2: error: file is not valid UTF-8 text; save it as UTF-8"
    ),
    // Nothing to import is an error, as an empty .argmap file is: a map without statements
    // would be refused by every other command.
    (
      "empty.argdown", "argdown", "# A heading only\n",
      "empty.argdown:2:1: error: the document holds no statement or argument; nothing to import"
    ),
    (
      "empty.json", "aif", "{\"nodes\": [], \"edges\": []}",
      "empty.json:1:1: error: the graph holds no I-node; nothing to import"
    ),
  ])
  func malformedInput(_ name: String, _ format: String, _ content: String, _ expected: String)
    throws
  {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "argmap-interchange-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = name == "bad3.argdown" ? [UInt8(ascii: "A"), 0xFF, 0x0A] : Array(content.utf8)
    try Data(bytes).write(to: folder.appendingPathComponent(name))
    let output = try runArgmap(["import", name, "--from", format, "-o", "out.argmap"], in: folder)
    #expect(output.status == 1)
    #expect(output.stderr.contains(expected), "\(output.stderr)")
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.argmap").path))
  }

  /// An unknown format is a usage error (64).
  @Test func unknownFormatIsUsageError() throws {
    #expect(
      try runArgmap(["import", path("kialo/stalin-foreign-policy.txt"), "--from", "xml"]).status
        == 64)
    #expect(
      try runArgmap(["export", path("native/stalin.argmap"), "--format", "dot"]).status == 64)
  }

  /// Every export format: the library's text on standard output, its warnings on standard error.
  @Test(arguments: ExportFormat.allCases)
  func exportsEachFormat(_ format: ExportFormat) throws {
    let output = try runArgmap([
      "export", path("native/stalin.argmap"), "--format", format.rawValue,
    ])
    #expect(output.status == 0)
    let map = ArgumentMapParser.check(try InterchangeFixtures.text("native/stalin.argmap")).map
    let expected = format.export(map)
    #expect(output.stdout == expected.text)
    for diagnostic in expected.diagnostics {
      #expect(output.stderr.contains(diagnostic.message))
    }
  }

  /// `-o` writes the file; importing the export gives the same `.argmap` text.
  @Test func exportThenImportThroughFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "argmap-interchange-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try runArgmap(
      ["import", path("interop/aif/nodeset137.json"), "-o", "a.argmap"], in: folder)
    #expect(first.status == 0)
    #expect(
      try runArgmap(["export", "a.argmap", "--format", "aif", "-o", "a.json"], in: folder).status
        == 0)
    #expect(try runArgmap(["import", "a.json", "-o", "b.argmap"], in: folder).status == 0)
    let a = try String(contentsOf: folder.appendingPathComponent("a.argmap"), encoding: .utf8)
    let b = try String(contentsOf: folder.appendingPathComponent("b.argmap"), encoding: .utf8)
    #expect(a == b)
    #expect(a.contains("tags: argument"))
  }
}
