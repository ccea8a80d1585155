import ArgumentMap
import Foundation
import TestSupport
import Testing

@testable import ArgumentInterchange

/// `@include` reads only files inside the including file's folder (or an include root): an
/// untrusted `.argdown` file must not copy `/etc/passwd` or a neighbour's files into the map.
@Suite struct IncludeConfinementTests {
  /// A folder `project/` holding `main.argdown` with `include`, a neighbour `outside.argdown`
  /// beside `project/`, and `project/part.argdown`.
  private func project(including include: String) throws -> (folder: URL, main: URL) {
    let folder = try makeTemporaryFolder("include")
    try writeFile("Outside text", "outside.argdown", in: folder)
    try writeFile("Part text", "project/part.argdown", in: folder)
    let main = try writeFile("Main text\n\n\(include)\n", "project/main.argdown", in: folder)
    return (folder, main)
  }

  @Test func absolutePathIsRefusedAtTheInclude() throws {
    let (folder, main) = try project(including: "  @include(/etc/passwd)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try runArgmap(["import", main.path])
    #expect(output.status == 1)
    #expect(output.stdout.isEmpty)
    #expect(
      output.stderr.contains(
        "main.argdown:3:3: error: included file '/etc/passwd' is an absolute path"))
    #expect(!output.stderr.contains("root:"))
  }

  @Test func parentFolderIsRefusedAtTheInclude() throws {
    let (folder, main) = try project(including: "@include(../outside.argdown)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try runArgmap(["import", main.path])
    #expect(output.status == 1)
    #expect(
      output.stderr.contains(
        "main.argdown:3:1: error: included file '../outside.argdown' is outside the including file's folder"
      ))
  }

  @Test func sameFolderIsRead() throws {
    let (folder, main) = try project(including: "@include(part.argdown)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try runArgmap(["import", main.path])
    #expect(output.status == 0)
    #expect(output.stdout.contains(": Part text"))
  }

  @Test func includeRootWidensTheFolder() throws {
    let (folder, main) = try project(including: "@include(../outside.argdown)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try runArgmap(["import", main.path, "--include-root", folder.path])
    #expect(output.status == 0)
    #expect(output.stdout.contains(": Outside text"))
    // Absolute paths stay refused, root or not.
    try writeFile(
      "A\n\n@include(\(folder.path)/outside.argdown)\n", "project/main.argdown", in: folder)
    let absolute = try runArgmap(["import", main.path, "--include-root", folder.path])
    #expect(absolute.status == 1)
    #expect(absolute.stderr.contains("main.argdown:3:1: error: included file '/"))
  }

  @Test func includeRootMustBeAFolder() throws {
    let (folder, main) = try project(including: "@include(part.argdown)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try runArgmap(["import", main.path, "--include-root", main.path])
    #expect(output.status == 64)
  }

  @Test func symbolicLinkLeadingOutsideIsRefused() throws {
    let (folder, main) = try project(including: "@include(link.argdown)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("project/link.argdown").path,
      withDestinationPath: "../outside.argdown")
    let output = try runArgmap(["import", main.path])
    #expect(output.status == 1)
    #expect(
      output.stderr.contains(
        "main.argdown:3:1: error: included file 'link.argdown' leads outside the including file's folder through a symbolic link"
      ))
    // A link that stays inside the folder is followed.
    try FileManager.default.removeItem(at: folder.appendingPathComponent("project/link.argdown"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("project/link.argdown").path,
      withDestinationPath: "part.argdown")
    let inside = try runArgmap(["import", main.path])
    #expect(inside.status == 0)
    #expect(inside.stdout.contains(": Part text"))
  }

  @Test func missingFileIsALocatedError() throws {
    let (folder, main) = try project(including: "@include(nowhere.argdown)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try runArgmap(["import", main.path])
    #expect(output.status == 1)
    #expect(
      output.stderr.contains("main.argdown:3:1: error: cannot read included file 'nowhere.argdown'")
    )
  }

  /// The rule is the loader's, so the library refuses without any help from the command line;
  /// a nested file is confined to its own folder.
  @Test func libraryLoaderConfines() throws {
    let (folder, main) = try project(including: "@include(sub/inner.argdown)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile(
      "Inner text\n\n@include(../part.argdown)\n", "project/sub/inner.argdown", in: folder)
    let result = ImportFormat.argdown.importMap(
      utf8: Array(try String(contentsOf: main, encoding: .utf8).utf8), fileName: "main.argdown",
      includeLoader: .files(besides: main.path))
    #expect(result.map.nodes.map(\.text) == ["Main text", "Inner text"])
    #expect(result.diagnostics.located == ["3:1 argdown-include-outside"])
    #expect(
      result.diagnostics.first?.message.hasPrefix(
        "in 'sub/inner.argdown' at 3:1: included file '../part.argdown' is outside") == true)
  }

  /// In-memory loaders get the same rule as the file system's.
  @Test(arguments: [
    ("@include(/etc/passwd)", "3:1 argdown-include-absolute"),
    ("@include(../x.argdown)", "3:1 argdown-include-outside"),
    ("@include(a/../../x.argdown)", "3:1 argdown-include-outside"),
    ("@include(nowhere.argdown)", "3:1 argdown-include-missing"),
  ])
  func inMemoryLoaderConfines(_ include: String, _ expected: String) {
    // Every file the loader is asked for holds a secret, so a read would show in the map.
    let result = ArgdownImporter.importMap(
      "Main\n\n\(include)\n", fileName: "main.argdown",
      includeLoader: .init(reading: { $0 == "nowhere.argdown" ? nil : "Secret" }))
    #expect(result.map.nodes.map(\.text) == ["Main"])
    #expect(result.diagnostics.located == [expected])
  }
}
