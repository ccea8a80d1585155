import Foundation
import TestSupport
import Testing

/// ArgMap must build with the Graphviz of every current distribution, so the `argmap` binary may
/// use only what Graphviz's public headers declare: a private symbol (`textspan_size`,
/// `gvconfig_libdir`) links against 2.42 and breaks elsewhere.
///
/// The check reads what the binary imports from libgvc, libcgraph and libcdt (`nm`) and what the
/// installed `<graphviz/gvc.h>` declares, functions and variables, as the C compiler sees it
/// (`gcc -aux-info` and the preprocessed text), so it follows whichever Graphviz is installed.
@Suite("The binary uses Graphviz's public API only")
struct GraphvizSymbolsTests {
  @Test("every Graphviz symbol argmap imports is declared in Graphviz's public headers")
  func publicSymbolsOnly() throws {
    let graphviz = try Self.graphvizSymbols()
    let imported = try Self.lines(
      of: "/usr/bin/nm", ["-D", "--undefined-only", "--format=just-symbols"],
      path: PackagePaths.argmapExecutable.path)
    let used = Set(imported.map(Self.unversioned)).intersection(graphviz.defined)
    // The render path is there: the check sees what it is meant to see.
    #expect(used.isSuperset(of: ["gvContext", "gvLayout", "gvFreeLayout", "agread", "agclose"]))
    let undeclared = used.subtracting(graphviz.declared).sorted()
    #expect(undeclared.isEmpty, "not in Graphviz's public headers: \(undeclared)")
  }

  @Test("the check tells a private symbol from a public one")
  func privateSymbolsAreCaught() throws {
    let graphviz = try Self.graphvizSymbols()
    // 2.42's libgvc exports these, but no installed header declares them.
    for name in ["textspan_size", "gvconfig_libdir"] where graphviz.defined.contains(name) {
      #expect(!graphviz.declared.contains(name), "\(name)")
    }
    #expect(graphviz.declared.isSuperset(of: ["gvRenderData", "agmemread", "AgIoDisc"]))
  }

  /// The symbols Graphviz's libraries define, and the names its public headers declare.
  private static func graphvizSymbols() throws -> (defined: Set<String>, declared: Set<String>) {
    let libraryFolder =
      try lines(of: "/usr/bin/pkg-config", ["--variable=libdir", "libgvc"])
      .first ?? "/usr/lib"
    var defined: Set<String> = []
    for library in ["gvc", "cgraph", "cdt"] {
      let path = libraryFolder + "/lib" + library + ".so"
      defined.formUnion(
        try lines(of: "/usr/bin/nm", ["-D", "--defined-only", "--format=just-symbols"], path: path)
          .map(unversioned))
    }
    return (defined, try declaredNames())
  }

  /// The functions and variables `<graphviz/gvc.h>` declares, with everything it includes.
  private static func declaredNames() throws -> Set<String> {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "argmap-symbols-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("headers.c")
    let prototypes = folder.appendingPathComponent("headers.aux")
    try "#include <graphviz/gvc.h>\n".write(to: source, atomically: true, encoding: .utf8)
    let include =
      try lines(of: "/usr/bin/pkg-config", ["--variable=includedir", "libgvc"])
      .first ?? "/usr/include"
    // Functions: one prototype a line, `/* FILE:LINE:KIND */ TYPE NAME (ARGUMENTS);`.
    _ = try lines(
      of: "/usr/bin/gcc",
      ["-I", include + "/graphviz", "-fsyntax-only", "-aux-info", prototypes.path],
      path: source.path)
    var names: Set<String> = []
    for line in try String(contentsOf: prototypes, encoding: .utf8).split(separator: "\n")
    where line.contains("/graphviz/") {
      let declaration = line.drop { $0 != "/" }.split(separator: "*/", maxSplits: 1).last ?? ""
      let head = declaration.split(separator: "(", maxSplits: 1).first ?? ""
      if let name = identifiers(in: head).last { names.insert(name) }
    }
    // Variables: `extern TYPE NAME;` in the preprocessed text.
    let preprocessed = try lines(
      of: "/usr/bin/gcc", ["-I", include + "/graphviz", "-E", "-P"], path: source.path)
    for line in preprocessed where line.hasPrefix("extern ") && !line.contains("(") {
      if let name = identifiers(in: line).last { names.insert(name) }
    }
    return names
  }

  private static func identifiers(in text: Substring) -> [String] {
    text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
  }

  private static func identifiers(in text: String) -> [String] {
    identifiers(in: text[...])
  }

  /// `gvLayout@@Base` → `gvLayout`.
  private static func unversioned(_ symbol: String) -> String {
    String(symbol.prefix { $0 != "@" })
  }

  /// The lines a tool prints; fails the test when it cannot run or fails.
  private static func lines(of tool: String, _ arguments: [String], path: String? = nil) throws
    -> [String]
  {
    let output = try runProcess(
      URL(fileURLWithPath: tool), arguments + (path.map { [$0] } ?? []),
      in: PackagePaths.root)
    try #require(output.status == 0, "\(tool) \(arguments): \(output.stderr)")
    return output.stdout.split(separator: "\n").map(String.init)
  }
}
