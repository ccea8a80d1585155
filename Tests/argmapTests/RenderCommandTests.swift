import ArgumentMap
import ArgumentMapGraphviz
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
    interpretation aggressive: Aggressive reading: Stalin meant to draw the West into a ruinous war and expand west
    interpretation defensive: Defensive reading: Stalin sought security against a German invasion
      + security: security was the aim
    event nazi-soviet-pact (1939-08-23): Nazi–Soviet Pact, with a secret protocol
      + strength [defensive]: bought time to build up industry and arms
      + aggressive: the secret protocol put eastern Poland in the Soviet sphere
      - security: Germany invaded less than two years later
    event barbarossa (1941-06-22): Germany invades the USSR
      - security

    """

  @Test("--overlay evaluation labels each statement by its grounded status or strength")
  func evaluationOverlay() throws {
    let map = Array("aim a: A\nclaim b: B\n  + a\ncounterclaim c: C\n  - b\n".utf8)
    let grounded = try runArgmap(
      ["render", "-", "--overlay", "evaluation", "--semantics", "grounded"], stdin: map)
    #expect(grounded.status == 0)
    let labels = grounded.stdout.split(separator: "<text").map { $0.split(separator: ">")[1] }
      .map { $0.prefix { $0 != "<" } }
    #expect(labels.filter { $0 == "■ stands" }.count == 1)
    #expect(labels.filter { $0 == "□ falls" }.count == 2)
    let gradual = try runArgmap(["render", "-", "--overlay", "evaluation"], stdin: map)
    #expect(gradual.status == 0)
    #expect(gradual.stdout.contains("0.50</text>"))  // c keeps its base score
    let refused = try runArgmap(
      ["render", "-", "--overlay", "evaluation", "--view", "worksheet"], stdin: map)
    #expect(refused.status == 64)
  }

  @Test("renders SVG to standard output from standard input, with an XML declaration")
  func svgToStdout() throws {
    let result = try runArgmap(["render", "-"], stdin: Array(Self.map.utf8))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg role=\"img\""))
    #expect(result.stdout.contains("Nazi–Soviet Pact, with a"))
  }

  @Test("--no-xml-declaration gives SVG to inline in HTML")
  func svgWithoutDeclaration() throws {
    let result = try runArgmap(
      ["render", "-", "--no-xml-declaration"], stdin: Array(Self.map.utf8))
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("<svg role=\"img\""))
  }

  @Test("each link's reasoning is in the key under its number unless --no-reasoning")
  func reasoningByDefault() throws {
    let reasoning = "bought time to build up"
    let shown = try runArgmap(["render", "-"], stdin: Array(Self.map.utf8))
    #expect(shown.stdout.contains(">Reasons</text>"))
    // The reading is named as the map names it, before the reasoning.
    #expect(shown.stdout.contains("read as Defensive reading: bought time to</text>"))
    #expect(shown.stdout.contains("build up industry and arms</text>"))
    #expect(shown.stdout.contains("class=\"node reason&#45;number\""))
    let hidden = try runArgmap(["render", "-", "--no-reasoning"], stdin: Array(Self.map.utf8))
    #expect(hidden.status == 0)
    #expect(!hidden.stdout.contains(">Reasons</text>"))
    #expect(!hidden.stdout.contains("reason-number"))
    // Still in the hover text; the reading stays marked on the edge by its colour and marker.
    #expect(hidden.stdout.contains("under “Defensive reading”: bought time to build up"))
  }

  @Test("--view argument is read as --view map")
  func argumentAlias() throws {
    let map = try runArgmap(["render", "-", "--view", "map"], stdin: Array(Self.map.utf8))
    let alias = try runArgmap(["render", "-", "--view", "argument"], stdin: Array(Self.map.utf8))
    #expect(map.status == 0)
    #expect(alias.stdoutBytes == map.stdoutBytes)
  }

  @Test(
    "the output's extension picks the format",
    arguments: [
      ("map.png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("map.pdf", Array("%PDF".utf8)),
      ("map.dot", Array("digr".utf8)), ("map.svg", Array("<?xm".utf8)),
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

  @Test("page files left from an earlier, longer drawing are named in a warning, not removed")
  func olderPagesAreNamed() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let stalin = PackagePaths.url("Graphs/stalin-foreign-policy.argmap").path
    let long = try runArgmap(
      ["render", stalin, "--page", "a4-landscape", "-o", "m.svg"], in: folder)
    #expect(long.status == 0 && long.stderr.isEmpty, "\(long.stderr)")
    try Data("aim a: A\n".utf8).write(to: folder.appendingPathComponent("small.argmap"))
    let short = try runArgmap(
      ["render", "small.argmap", "--page", "a4-landscape", "-o", "m.svg"], in: folder)
    #expect(short.status == 0)
    // Every one is named (only the first was): m-1.svg, m-2.svg, ... up to the last page.
    let pages =
      long.status == 0
      ? try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasPrefix("m-") }.count : 0
    #expect(pages > 2)
    let expected = (1...pages).map { number in
      "m-\(number).svg: warning: left from an earlier drawing; this one has 1 page, written to 'm.svg'\n"
    }
    #expect(short.stderr == expected.joined())
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("m-1.svg").path))
  }

  @Test("an --output-dir that cannot be made is an error with its reason and exit 1")
  func outputFolderThatCannotBeMade() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("aim a: A\n".utf8).write(to: folder.appendingPathComponent("map.argmap"))
    let blocked = try runArgmap(
      ["render", "map.argmap", "--output-dir", "map.argmap/pictures"], in: folder)
    #expect(blocked.status == 1)
    #expect(
      blocked.stderr
        == "map.argmap/pictures: error: cannot make the folder: 'map.argmap' is a file, not a folder\n"
    )
    let made = try runArgmap(["render", "map.argmap", "--output-dir", "a/b/c"], in: folder)
    #expect(made.status == 0)
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/b/c/map.svg").path))
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

  @Test("an output that cannot be written is reported, with the reason, and nothing is left")
  func reportsUnwritableOutputs() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("aim a: An aim\n".utf8).write(to: folder.appendingPathComponent("m.argmap"))
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("existing"), withIntermediateDirectories: false)
    for (output, reason) in [
      ("missing/", "no file name (it ends with '/')"), ("existing", "is a directory"),
      ("missing/m.svg", "No such file or directory"),
    ] {
      let result = try runArgmap(["render", "m.argmap", "-o", output], in: folder)
      #expect(result.status == 1, "\(output)")
      #expect(result.stderr == "\(output): error: cannot write: \(reason)\n", "\(output)")
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == ["existing", "m.argmap"])
  }

  @Test(
    "bad requests are usage errors (exit 64) that say what to do",
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
      (
        ["--view", "worksheet", "--blank", "strenght"],
        "unknown node 'strenght'; did you mean 'strength'?"
      ),
      (["--blank", "events"], "--blank goes with --view worksheet"),
      (["--answers"], "--answers goes with --view worksheet"),
      (["--view", "timeline", "--word-bank"], "--word-bank goes with --view worksheet"),
      (
        ["--view", "worksheet", "--judgement-sheet"],
        "--judgement-sheet goes with --page and a view other than timeline"
      ),
      (
        ["--view", "timeline", "--page", "a4-portrait", "--judgement-sheet"],
        "--judgement-sheet goes with --page and a view other than timeline"
      ),
      (["--view", "worksheet", "--blank", ","], "The value ',' is invalid for '--blank"),
      (["--view", "sketch"], "The value 'sketch' is invalid for '--view <view>'"),
      (["--scope", "defensiv"], "unknown interpretation 'defensiv'; did you mean 'defensive'?"),
      (
        ["--view", "timeline", "--scope", "strength"],
        "'strength' is a sub-aim, not an interpretation; the interpretations are "
          + "'aggressive', 'defensive'"
      ),
      (
        ["--view", "comparison", "--interpretations", "aggressive,defensive", "--scope", "x"],
        "--scope goes with --view map, overview, timeline or worksheet"
      ),
      (
        ["--layout", "nosuch"],
        "argmap render: error: unknown layout engine 'nosuch' (available: dot)"
      ),
      (
        ["--layout", "twopi"],
        "argmap render: error: layout 'twopi' cannot draw argument maps without overlapping "
          + "text; use dot (default)\n"
      ),
      (["--bogus"], "Unknown option '--bogus'"),
      (["--output-dir", "out"], "Standard input goes to -o, not to --output-dir"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let result = try runArgmap(["render", "-"] + arguments, stdin: Array(Self.map.utf8))
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test(
    "file arguments that do not fit the output options are usage errors",
    arguments: [
      (["a.argmap", "b.argmap"], "Several files need --output-dir DIR"),
      (
        ["a.argmap", "-o", "x.svg", "--output-dir", "out"], "-o and --output-dir exclude each other"
      ),
      (
        ["one/a.argmap", "two/a.argmap", "--output-dir", "out"],
        "'one/a.argmap' and 'two/a.argmap' would both be written to out/a"
      ),
      ([], "Name at least one .argmap file"),
    ])
  func fileUsageErrors(arguments: [String], message: String) throws {
    let result = try runArgmap(["render"] + arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test("a worksheet hides the blanked statements from the file")
  func worksheet() throws {
    let result = try runArgmap(
      ["render", "-", "--view", "worksheet", "--blank", "events"], stdin: Array(Self.map.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    for hidden in ["Nazi", "Barbarossa", "invades", "nazi-soviet-pact", "1939"] {
      #expect(!result.stdout.contains(hidden), "worksheet leaks '\(hidden)'")
    }
    #expect(result.stdout.contains(">(2)</text>"))
    #expect(result.stdout.contains("Industrial and military"))
    let all = try runArgmap(["render", "-", "--view", "worksheet"], stdin: Array(Self.map.utf8))
    #expect(all.status == 0, "\(all.stderr)")
    for hidden in ["Security of", "Industrial", "Stalin meant", "Nazi", "Germany invades"] {
      #expect(!all.stdout.contains(hidden), "worksheet leaks '\(hidden)'")
    }
    #expect(all.stdout.contains(">(6)</text>"))
  }

  @Test("--judgement-sheet adds ruled lines and the map in words, blanks kept blank")
  func judgementSheet() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    func pages(_ extra: [String], into name: String) throws -> [String] {
      let result = try runArgmap(
        ["render", "-", "--view", "worksheet", "--blank", "events", "--page", "a4-portrait"]
          + extra + ["-o", folder.appendingPathComponent(name + ".svg").path],
        stdin: Array(Self.map.utf8))
      #expect(result.status == 0, "\(result.stderr)")
      return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasPrefix(name) }.sorted()
        .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }
    let plain = try pages([], into: "plain")
    let sheets = try pages(["--judgement-sheet"], into: "sheets")
    #expect(sheets.count >= plain.count + 2)
    #expect(sheets.contains { $0.contains("Your judgement") })
    let words = sheets.filter { $0.contains("The map in words") }.joined()
    #expect(words.contains("Industrial and military"))
    #expect(words.contains("blank 1: to be filled in"))
    for hidden in ["Nazi", "Barbarossa", "invades"] {
      #expect(!sheets.joined().contains(hidden), "the sheets leak '\(hidden)'")
    }
  }

  @Test("--scope draws only the links that hold under one interpretation")
  func scope() throws {
    let result = try runArgmap(
      ["render", "-", "--scope", "aggressive", "--format", "dot"], stdin: Array(Self.map.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("read as Stalin sought security"))
    #expect(result.stdout.contains("the secret protocol put"))
    #expect(result.stdout.contains("(read as “Aggressive"))
  }

  @Test("--layout dot draws; an engine whose drawings overlap text is refused before drawing")
  func layoutEngine() throws {
    let svg = try runArgmap(["render", "-", "--layout", "dot"], stdin: Array(Self.map.utf8))
    #expect(svg.status == 0, "\(svg.stderr)")
    #expect(svg.stderr.isEmpty)
    #expect(svg.stdout.contains("<svg role=\"img\""))
    let dot = try runArgmap(["render", "-", "--format", "dot"], stdin: Array(Self.map.utf8))
    #expect(!dot.stdout.contains("layout="))
    // Refused in every format (DOT text included) and in every command that draws.
    for arguments in [
      ["render", "-", "--layout", "neato", "--format", "dot"],
      ["render", "-", "--layout", "circo"],
      ["layout-report", "-", "--layout", "fdp"],
      ["layout-report", "-", "--layout", "sfdp", "--view", "timeline"],
    ] {
      let refused = try runArgmap(arguments, stdin: Array(Self.map.utf8))
      let engine = arguments[arguments.firstIndex(of: "--layout").map { $0 + 1 } ?? 0]
      #expect(refused.status == 64)
      #expect(refused.stdout.isEmpty)
      #expect(
        refused.stderr
          == "argmap \(arguments[0]): error: layout '\(engine)' cannot draw argument maps "
          + "without overlapping text; use dot (default)\n")
    }
  }

  @Test("every offered layout engine draws the Stalin map readably on an A4 sheet")
  func offeredEnginesAreReadable() throws {
    let stalin = "Graphs/stalin-foreign-policy.argmap"
    for engine in MapRenderer.offeredLayouts {
      let report = try runArgmap([
        "layout-report", stalin, "--view", "map", "--page", "a4-landscape", "--layout", engine,
        "--strict",
      ])
      #expect(report.status == 0, "\(engine): \(report.stdout)")
      #expect(report.stdout.contains("map on a4-landscape: readable"), "\(engine)")
      #expect(report.stdout.contains("overlaps: 0 label-label, 0 label-node, 0 node-node"))
      #expect(report.stdout.contains("edges through labels: 0"))
    }
  }

  @Test("Graphviz's own messages come out as ours, and Graphviz prints nothing itself")
  func graphvizMessagesAreCaptured() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Eight nodes of one unbreakable word (within the 1000 characters drawn) side by side make
    // the picture too wide for cairo, which warns straight to stderr.
    let claim = "claim c: " + String(repeating: "x", count: 990) + "\n  + wide\n"
    let wide =
      "aim wide: Wide\n"
      + (1...8).map { claim.replacingOccurrences(of: "claim c:", with: "claim c\($0):") }.joined()
    try Data(wide.utf8).write(to: folder.appendingPathComponent("wide.argmap"))
    let warned = try runArgmap(["render", "wide.argmap", "-o", "wide.png"], in: folder)
    #expect(warned.status == 0)
    let lines = warned.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(warned.stderr)")
    #expect(
      lines.first?.hasPrefix(
        "wide.argmap: warning: graphviz: graph is too large for cairo-renderer bitmaps. Scaling by"
      ) == true, "\(warned.stderr)")
    #expect(!warned.stderr.contains("(null)"))
    // The `nop` engine needs positions that no map has: refused before Graphviz fails.
    try Data(Self.map.utf8).write(to: folder.appendingPathComponent("stalin.argmap"))
    let refused = try runArgmap(["render", "stalin.argmap", "--layout", "nop"], in: folder)
    #expect(refused.status == 64)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderr.hasPrefix("argmap render: error: layout 'nop' cannot draw"))
  }

  @Test("many maps render in one run into --output-dir, one file each, atomically")
  func batch() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var names: [String] = []
    for index in 1...3 {
      let text = Self.map.replacingOccurrences(
        of: "title: Stalin's foreign policy", with: "title: Map \(index)")
      try Data(text.utf8).write(to: folder.appendingPathComponent("map-\(index).argmap"))
      names.append("map-\(index).argmap")
    }
    try Data("aim a: An aim\n  + nowhere\n".utf8).write(
      to: folder.appendingPathComponent("broken.argmap"))
    let result = try runArgmap(
      ["render"] + names + ["broken.argmap", "--output-dir", "out", "--view", "timeline"],
      in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.argmap:2:"))
    let written = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("out").path
    ).sorted()
    #expect(written == ["map-1.svg", "map-2.svg", "map-3.svg"])
    for index in 1...3 {
      let single = try runArgmap(
        ["render", "map-\(index).argmap", "--view", "timeline"], in: folder)
      let batched = try #require(
        FileManager.default.contents(
          atPath: folder.appendingPathComponent("out/map-\(index).svg").path))
      #expect([UInt8](batched) == single.stdoutBytes)
      #expect(single.stdout.contains("Map \(index)"))
    }
    let png = try runArgmap(
      ["render"] + names + ["--output-dir", "png", "--format", "png"], in: folder)
    #expect(png.status == 0, "\(png.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: folder.appendingPathComponent("png").path
      ).sorted() == ["map-1.png", "map-2.png", "map-3.png"])
  }

  @Test("the comparison view and the legend render")
  func comparisonWithLegend() throws {
    let result = try runArgmap(
      [
        "render", "-", "--view", "comparison", "--interpretations", "aggressive,defensive",
        "--legend", "--id-prefix", "cmp",
      ], stdin: Array(Self.map.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("aria-labelledby=\"cmp-title\" aria-describedby=\"cmp-desc\""))
    #expect(result.stdout.contains(">Legend</text>"))
    #expect(result.stdout.contains(">read as "))
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
      var requests = [
        ["--view", "map", "--legend"], ["--view", "timeline"], ["--view", "worksheet"],
      ]
      if interpretations.count >= 2 {
        requests.append([
          "--view", "comparison", "--interpretations",
          interpretations[0] + "," + interpretations[1],
        ])
        requests.append(["--scope", interpretations[0]])
      }
      for request in requests {
        let result = try runArgmap(["render", file.path] + request)
        #expect(result.status == 0, "\(file.lastPathComponent) \(request): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(file.lastPathComponent) \(request): \(result.stderr)")
        #expect(result.stdout.hasPrefix("<?xml"))
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
