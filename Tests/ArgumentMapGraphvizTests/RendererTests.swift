import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import TestSupport
import Testing

@Suite("Maps render to DOT, SVG, PNG and PDF")
struct RendererTests {
  let map = Fixtures.stalin
  let renderer = MapRenderer()

  @Test(
    "DOT output matches its golden file",
    arguments: [
      ("stalin-argument.dot", MapView.argument, SceneOptions(showsLegend: true)),
      ("stalin-timeline.dot", .timeline, SceneOptions()),
      ("stalin-comparison.dot", .comparison("aggressive", "defensive"), SceneOptions()),
    ])
  func dotGolden(name: String, view: MapView, options: SceneOptions) throws {
    let bytes = try renderer.render(map, view: view, options: options, format: .dot)
    try assertGolden(
      String(decoding: bytes, as: UTF8.self), file: "Tests/ArgumentMapGraphvizTests/Golden/" + name)
  }

  @Test(
    "DOT of the running example matches its golden file in each view",
    arguments: [
      ("stalin-foreign-policy-map.dot", MapView.argument, SceneOptions(showsLegend: true)),
      ("stalin-foreign-policy-timeline.dot", .timeline, SceneOptions()),
      ("stalin-foreign-policy-worksheet.dot", .argument, SceneOptions(worksheet: .all)),
    ])
  func runningExampleGolden(name: String, view: MapView, options: SceneOptions) throws {
    let bytes = try renderer.render(
      try RunningExample.map(), view: view, options: options, format: .dot)
    try assertGolden(
      String(decoding: bytes, as: UTF8.self), file: "Tests/ArgumentMapGraphvizTests/Golden/" + name)
  }

  @Test(
    "the emitted DOT parses back in libcgraph with every node and edge of the scene",
    arguments: [
      // The timeline's DOT holds the placed scene, not the view's: see TimelineTests.
      (MapView.argument, SceneOptions(showsLegend: true)),
      (.argument, SceneOptions(worksheet: .events)),
      (.comparison("security-view", "aggressive-view"), SceneOptions()),
    ])
  func dotParsesBack(view: MapView, options: SceneOptions) throws {
    let map = try RunningExample.map()
    let scene = try map.scene(view, options: options)
    let parsed = try Graphviz.shared.parse(dot: try renderer.dot(for: scene))
    #expect(parsed.name == scene.name)
    #expect(parsed.nodeNames == scene.nodes.map(\.id.rawValue))
    #expect(parsed.edgeCount == scene.edges.count)
    #expect(parsed.attribute("id", ofNode: "n-security") == "argmap-n-security")
    #expect(parsed.attribute("class", ofNode: "n-security") == "statement aim")
    if let blank = scene.blankNodes.first {
      #expect(
        parsed.attribute("label", ofNode: blank.id.rawValue)
          == "(1)" + (blank.isFlagged ? "\\n\u{26A0} fact flagged" : "")
          + (blank.isReadTwoWays ? "\\n\u{21C4} read two ways" : ""))
      #expect(parsed.attribute("fixedsize", ofNode: blank.id.rawValue) == "true")
    }
  }

  @Test("SVG starts with an XML declaration only when asked")
  func xmlDeclaration() throws {
    let inline = try renderer.render(map, format: .svg)
    #expect(String(decoding: inline.prefix(5), as: UTF8.self) == "<svg ")
    let file = try MapRenderer(xmlDeclaration: true).render(map, format: .svg)
    let text = String(decoding: file, as: UTF8.self)
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg role=\"img\" "))
    #expect(text.utf8.count == inline.count + 39)
    #expect(try SVGDocument(file).elements.first?.name == "svg")
  }

  @Test("the SVG keeps its viewBox and carries the a11y elements of the running example")
  func runningExampleSVG() throws {
    let map = try RunningExample.map()
    let svg = try SVGDocument(MapRenderer(idPrefix: "stalin").render(map, format: .svg))
    let root = try #require(svg.elements.first)
    #expect(root.attributes["viewBox"]?.hasPrefix("0.00 0.00 ") == true)
    #expect(root.attributes["role"] == "img")
    #expect(svg.elements[1].name == "title" && svg.elements[1].attributes["id"] == "stalin-title")
    #expect(svg.elements[2].name == "desc" && svg.elements[2].attributes["id"] == "stalin-desc")
    let statements = svg.groups(withClass: "statement")
    #expect(statements.count == map.nodes.count)
    #expect(
      statements.map { $0.attributes["id"] ?? "" }.sorted()
        == map.nodes.map { "stalin-n-\($0.id)" }.sorted())
    // Each box starts with its role in capitals (and its date), then the start of its text.
    let roleWords: [NodeKind: String] = [
      .mainAim: "MAIN AIM", .subAim: "SUB-AIM", .claim: "CLAIM", .counterclaim: "COUNTERCLAIM",
      .evidence: "EVIDENCE", .event: "EVENT", .interpretation: "INTERPRETATION",
    ]
    for node in map.nodes {
      let texts = svg.texts(inGroup: "stalin-n-\(node.id)")
      let heading = texts.first ?? ""
      #expect(heading.hasPrefix(roleWords[node.kind] ?? "?"), "\(node.id): \(texts)")
      let firstWord = String(node.text.split(separator: " ").first ?? "")
        .trimmingCharacters(in: .punctuationCharacters)
      #expect(texts.dropFirst().first?.hasPrefix(firstWord) == true, "\(node.id): \(texts)")
      if let date = node.date { #expect(heading.hasSuffix(date.displayText), "\(node.id)") }
      if node.isFlagged {
        #expect(texts.contains("\u{26A0} fact flagged"), "\(node.id)")
        let hover = svg.all("title").first { $0.groupID == "stalin-n-\(node.id)" }?.text ?? ""
        for flag in node.flags {
          #expect(hover.contains("Correction: " + flag.text))
          for source in flag.sources { #expect(hover.contains("Source: " + source)) }
        }
      }
    }
    let links = map.nodes.reduce(0) { $0 + $1.links.count }
    #expect(svg.groups(withClass: "link").count >= links)
  }

  @Test(
    "a worksheet puts every statement where the full map has it, and shows none of its text",
    arguments: [BlankSelection.all, .events, .claims, .nodes(["security", "strength"])])
  func worksheetPositions(blanks: BlankSelection) throws {
    let map = try RunningExample.map()
    let full = try map.scene(.argument)
    let worksheet = try map.scene(.argument, options: SceneOptions(worksheet: blanks))
    #expect(!worksheet.blankNodes.isEmpty)
    let fullSVG = try SVGDocument(renderer.render(full, format: .svg))
    let sheetSVG = try SVGDocument(renderer.render(worksheet, format: .svg))
    // A blank is laid out at the size its text took, rounded to whole points as Graphviz does for
    // a fixed size; the half points can move a statement by a few points in a map 5,000 wide.
    let tolerance = 8.0
    let fullSize = try #require(size(of: fullSVG))
    let sheetSize = try #require(size(of: sheetSVG))
    #expect(abs(fullSize.width - sheetSize.width) <= tolerance)
    // The key of reasons under the picture names a blank as "blank 3", so it may take a line
    // more or less than the full map's: statements are compared from the top of the picture
    // (Graphviz's y grows from the bottom, where the key is).
    let statements = { (scene: Scene) in
      scene.nodes.filter { if case .statement = $0.role { true } else { false } }
    }
    #expect(statements(full).count == statements(worksheet).count)
    for (fullNode, sheetNode) in zip(statements(full), statements(worksheet)) {
      let before = try #require(centre(in: fullSVG, group: "argmap-" + fullNode.id.rawValue))
      let after = try #require(centre(in: sheetSVG, group: "argmap-" + sheetNode.id.rawValue))
      let fromTop = (before: fullSize.height + before.y, after: sheetSize.height + after.y)
      #expect(
        abs(before.x - after.x) <= tolerance && abs(fromTop.before - fromTop.after) <= tolerance,
        "\(fullNode.id) moved from \(before) to \(after)")
    }
    // The blanks show their number, centred where the text was, and nothing of the text; a
    // flagged or twice-read blank says so in words, as its border does.
    for node in worksheet.blankNodes {
      let texts = sheetSVG.texts(inGroup: "argmap-" + node.id.rawValue)
      #expect(texts.first == node.blankLabel)
      #expect(texts.dropFirst().allSatisfy { $0.hasPrefix("\u{26A0}") || $0.hasPrefix("\u{21C4}") })
      #expect(texts.contains("\u{26A0} fact flagged") == node.isFlagged)
    }
  }

  /// The centre of the first shape in a group (of its bounding box, for polygons and paths).
  private func centre(in svg: SVGDocument, group id: String) -> (x: Double, y: Double)? {
    guard
      let shape = svg.elements.first(where: {
        $0.groupID == id && ["polygon", "ellipse", "path", "polyline"].contains($0.name)
      })
    else { return nil }
    if shape.name == "ellipse" {
      guard let x = Double(shape.attributes["cx"] ?? ""),
        let y = Double(shape.attributes["cy"] ?? "")
      else { return nil }
      return (x, y)
    }
    let numbers = numbers(in: shape.attributes["points"] ?? shape.attributes["d"] ?? "")
    let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
    let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max()
    else { return nil }
    return ((minX + maxX) / 2, (minY + maxY) / 2)
  }

  /// The width and height of the SVG's viewBox.
  private func size(of svg: SVGDocument) -> (width: Double, height: Double)? {
    let box = numbers(in: svg.elements.first?.attributes["viewBox"] ?? "")
    return box.count == 4 ? (box[2], box[3]) : nil
  }

  private func numbers(in text: String) -> [Double] {
    text.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
  }

  /// The shape attributes (points, path, centre and radii) of the shapes in a group, in order.
  private func geometry(in svg: SVGDocument, group id: String) -> [String] {
    svg.elements.filter {
      $0.groupID == id && ["polygon", "ellipse", "path", "polyline"].contains($0.name)
    }.map { element in
      ["points", "d", "cx", "cy", "rx", "ry"].compactMap { element.attributes[$0] }
        .joined(separator: " ")
    }
  }

  /// A German map was read out with English sounds: the root carried no language.
  @Test("the SVG root carries the map's language, and nothing that is not a language tag")
  func svgLanguage() throws {
    var german = renderer
    german.language = "de-DE"
    let root = try #require(try SVGDocument(german.render(map, format: .svg)).elements.first)
    #expect(root.attributes["lang"] == "de-DE" && root.attributes["xml:lang"] == "de-DE")
    for hostile in ["de\" onload=\"x", "<script>", "", "de--x", "123"] {
      var other = renderer
      other.language = hostile
      let text = String(decoding: try other.render(map, format: .svg), as: UTF8.self)
      #expect(!text.contains(" lang="), "\(hostile)")
    }
    #expect(
      try SVGDocument(renderer.render(map, format: .svg)).elements.first?.attributes["lang"] == nil)
  }

  @Test("SVG is accessible: role, title and a text outline as its first children")
  func accessibleSVG() throws {
    let bytes = try renderer.render(map, format: .svg)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("<svg "))
    #expect(!text.contains("<!--"))
    let svg = try SVGDocument(bytes)
    let root = try #require(svg.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["role"] == "img")
    #expect(root.attributes["aria-labelledby"] == "argmap-title")
    #expect(root.attributes["aria-describedby"] == "argmap-desc")
    #expect(Array(svg.elements.dropFirst().prefix(2).map(\.name)) == ["title", "desc"])
    #expect(svg.elements[1].text == "Stalin's foreign policy, 1928–1941")
    let outline = svg.elements[2].text
    // Statements are named as a reader sees them, not by their ids.
    #expect(outline.contains("Event (1939-08-23): Nazi–Soviet Pact"))
    #expect(outline.contains("  Flagged: Hitler's government ratified"))
    #expect(
      outline.contains(
        "“The Nazis would have invaded the USSR anyway” undercuts the link from “Germany invades the USSR” to “Security of the USSR against a German invasion”"
      ))
  }

  @Test("SVG has one group per statement and link, with prefixed ids and kind classes")
  func svgStructure() throws {
    let svg = try SVGDocument(renderer.render(map, format: .svg))
    // Graphviz writes the statements of a box together, so compare them as sets.
    let statements = svg.groups(withClass: "statement")
    #expect(
      statements.map { $0.attributes["id"] ?? "" }.sorted()
        == map.nodes.map { "argmap-n-\($0.id)" }.sorted())
    let classes = Dictionary(
      statements.map { ($0.attributes["id"] ?? "", $0.attributes["class"] ?? "") },
      uniquingKeysWith: { first, _ in first })
    for node in map.nodes {
      #expect(
        classes["argmap-n-\(node.id)"]
          == "node statement \(node.kind.keyword)" + (node.isFlagged ? " flagged" : "")
          + (node.id == "nazi-soviet-pact" ? " read-two-ways" : ""))
    }
    // Every link, with the undercut link split in two at its junction and each link with a
    // reason split in two at its number.
    let linkCount = map.nodes.reduce(0) { $0 + $1.links.count }
    let numbered = svg.groups(withClass: "reason-number").count
    #expect(numbered == map.nodes.reduce(0) { $0 + $1.links.filter { $0.reasoning != nil }.count })
    #expect(svg.groups(withClass: "link").count == linkCount + 1 + numbered)
    for element in svg.elements {
      if let id = element.attributes["id"] { #expect(id.hasPrefix("argmap"), "id \(id)") }
    }
    #expect(
      svg.texts(inGroup: "argmap-n-league") == [
        "EVENT · 1934-09-18", "The USSR joins the League of", "Nations",
      ])
    let hover = svg.all("title").first { $0.groupID == "argmap-n-mein-kampf" }
    #expect(
      hover?.text
        == "evidence: Hitler wrote of Lebensraum in the east in Mein Kampf\nDate: 1925\n"
        + "Source: Hitler, Mein Kampf, vol. 2, ch. 14")
    #expect(
      svg.all("text").allSatisfy {
        ($0.attributes["font-family"] ?? "").hasPrefix("Liberation Sans,")
      })
  }

  @Test("two diagrams with different prefixes share no id")
  func idPrefixes() throws {
    let first = try SVGDocument(MapRenderer(idPrefix: "one").render(map, format: .svg))
    let second = try SVGDocument(MapRenderer(idPrefix: "two").render(map, format: .svg))
    let firstIDs = Set(first.elements.compactMap { $0.attributes["id"] })
    let secondIDs = Set(second.elements.compactMap { $0.attributes["id"] })
    #expect(!firstIDs.isEmpty)
    #expect(firstIDs.isDisjoint(with: secondIDs))
    #expect(first.elements.first?.attributes["aria-labelledby"] == "one-title")
    #expect(first.elements.first?.attributes["aria-describedby"] == "one-desc")
  }

  @Test(
    "a prefix with characters other than letters, digits and '-' is encoded once, alike in every id",
    arguments: ["fig_1", "fig.1", "figure 1"])
  func idPrefixEncodedOnce(prefix: String) throws {
    let svg = try SVGDocument(MapRenderer(idPrefix: prefix).render(map, format: .svg))
    let encoded = SafeID.encode(prefix)
    let ids = svg.elements.compactMap { $0.attributes["id"] }
    #expect(ids.count > 10)
    // Before, the title's id was encoded once and every other id twice ("fig_5F5F1").
    for id in ids { #expect(id == encoded || id.hasPrefix(encoded + "-"), "\(id)") }
  }

  @Test(
    "the same map gives the same bytes, whatever was rendered before in the process",
    arguments: [OutputFormat.svg, .png, .dot],
    [MapView.argument, .timeline, .comparison("aggressive", "defensive")])
  func determinism(format: OutputFormat, view: MapView) throws {
    var options = SceneOptions(showsLegend: true)
    if view == .argument { options.blankKinds = [.event] }
    let first = try renderer.render(map, view: view, options: options, format: format)
    // libcgraph orders boxes (clusters) by object id, by default the address of the box's name:
    // other renders in between shuffle the heap (see cgs_read_graph).
    _ = try renderer.render(map, view: .timeline, options: options, format: .svg)
    _ = try renderer.render(map, view: .comparison("defensive", "aggressive"), format: .svg)
    let second = try renderer.render(map, view: view, options: options, format: format)
    #expect(first == second)
  }

  @Test(
    "PDFs are byte for byte the same, boxes included",
    arguments: [MapView.argument, .timeline, .comparison("aggressive", "defensive")])
  func pdfDeterminism(view: MapView) throws {
    // cairo draws boxes in Graphviz's order, so a PDF is the same only when that order is.
    let options = SceneOptions(blankKinds: view == .argument ? [.event] : [], showsLegend: true)
    let first = try renderer.render(map, view: view, options: options, format: .pdf)
    _ = try renderer.render(map, view: .comparison("defensive", "aggressive"), format: .svg)
    _ = try renderer.render(map, view: .timeline, options: options, format: .png)
    let second = try renderer.render(map, view: view, options: options, format: .pdf)
    #expect(first == second)
  }

  @Test("PNG and PDF come out as such")
  func binaryFormats() throws {
    for view in [MapView.argument, .timeline] {
      let png = try renderer.render(map, view: view, format: .png)
      #expect(png.count > 1000)
      #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
      let pdf = try renderer.render(map, view: view, format: .pdf)
      #expect(pdf.count > 1000)
      #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
      #expect(String(decoding: pdf.suffix(6), as: UTF8.self).contains("%%EOF"))
    }
  }

  @Test("a worksheet keeps the layout of the full map and shows none of the blanked text")
  func worksheetLayout() throws {
    let options = SceneOptions(blankNodes: ["strength"], blankKinds: [.event])
    let worksheet = try renderer.render(map, options: options, format: .svg)
    let full = try renderer.render(map, format: .svg)
    let worksheetText = String(decoding: worksheet, as: UTF8.self)
    for hidden in [
      "Industrial", "League", "Munich", "Barbarossa", "invades", "1939-08-23", "strength'",
    ] {
      #expect(!worksheetText.contains(hidden), "worksheet leaks '\(hidden)'")
    }
    #expect(worksheetText.contains("strength") == false)
    let svg = try SVGDocument(worksheet)
    #expect(svg.texts(inGroup: "argmap-blank-1") == ["(1)"])
    // Same shapes at the same places: compare the outlines of matching statements.
    let fullSVG = try SVGDocument(full)
    let fullShapes = shapes(in: fullSVG, ids: map.nodes.map { "argmap-n-\($0.id)" })
    let blankIDs = [
      "strength": 1, "league": 2, "rapallo-cancelled": 3, "munich": 4, "nazi-soviet-pact": 5,
      "barbarossa": 6,
    ]
    let worksheetShapes = shapes(
      in: svg,
      ids: map.nodes.map { node in
        blankIDs[node.id.rawValue].map { "argmap-blank-\($0)" } ?? "argmap-n-\(node.id)"
      })
    #expect(fullShapes.count == map.nodes.count)
    // Compared from the first statement: the key under the picture differs (the worksheet
    // leaves out the reasons that would give a blank away), and so can the picture's margins;
    // the statements keep their places against each other.
    let first = try #require(fullShapes.first), firstBlank = try #require(worksheetShapes.first)
    let shiftX = first[0] - firstBlank[0], shiftY = first[1] - firstBlank[1]
    for (full, blank) in zip(fullShapes, worksheetShapes) {
      #expect(full.count == blank.count)
      for (index, (a, b)) in zip(full, blank).enumerated() {
        // Outlines are x,y pairs, an ellipse is cx cy rx ry (its radii do not move).
        let isEllipse = full.count == 4
        let isY = isEllipse ? index == 1 : index % 2 == 1
        let offset = isEllipse && index > 1 ? 0 : (isY ? shiftY : shiftX)
        #expect(abs(a - (b + offset)) <= 0.6)
      }
    }
  }

  @Test("on pages, a worksheet's word bank and answers take a sheet of their own after it")
  func worksheetListsOnPages() throws {
    let stalin = ArgumentMapParser.parse(
      try String(
        contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8)
    ).map
    let view = MapView.focus("nazi-soviet-pact", depth: 1)
    let student = SceneOptions(
      blankNodes: ["nazi-soviet-pact", "strength", "expansion", "pact-failure"])
    var teacher = student
    teacher.showsAnswers = true
    teacher.showsWordBank = true
    let studentPages = try renderer.pageScenes(
      stalin, view: view, options: student, page: .a4Landscape)
    let teacherPages = try renderer.pageScenes(
      stalin, view: view, options: teacher, page: .a4Landscape)
    // The picture's pages are the student's, unchanged; one more page lists the blanks.
    #expect(teacherPages.count == studentPages.count + 1)
    for (mine, theirs) in zip(teacherPages, studentPages) {
      #expect(mine.nodes == theirs.nodes)
    }
    let lists = try #require(teacherPages.last)
    #expect(lists.title.contains(": word bank and answers"))
    let text = lists.nodes.map(\.label).joined(separator: "\n")
    for number in 1...4 { #expect(text.contains("(\(number)) ")) }
    #expect(text.contains("Industrial and military strength of the USSR"))
  }

  @Test("renders from many tasks at once agree (libgvc is used under one lock)")
  func concurrentRenders() async throws {
    let views: [MapView] = [.argument, .timeline, .comparison("aggressive", "defensive")]
    let references = try views.map { try renderer.render(map, view: $0, format: .svg) }
    let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
      for index in 0..<12 {
        group.addTask {
          let view = index % views.count
          return (view, try MapRenderer().render(Fixtures.stalin, view: views[view], format: .svg))
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 12)
    for (view, bytes) in results { #expect(bytes == references[view]) }
  }

  @Test("Graphviz errors come back as values, and the next render is unaffected")
  func graphvizErrors() throws {
    #expect(throws: GraphvizError.self) {
      try Graphviz.shared.render(dot: "digraph \"g\" { a -> ; }", format: .svg)
    }
    do {
      _ = try Graphviz.shared.render(dot: "digraph \"g\" { a -> ; }", format: .svg)
    } catch {
      #expect(error.stage == .parse)
      // Graphviz 2.42 does not reset its line counter after a syntax error, so the line number
      // depends on what failed before in the process; the rest of the message is stable.
      #expect(
        error.messages.contains {
          $0.hasPrefix("syntax error in line") && $0.hasSuffix("near ';'")
        },
        "\(error.messages)")
    }
    let output = try Graphviz.shared.render(dot: "digraph \"g\" { a -> b; }", format: .svg)
    #expect(output.warnings.isEmpty)
    #expect(String(decoding: output.bytes, as: UTF8.self).contains("<svg"))
  }

  /// `node NAME X Y WIDTH HEIGHT` of Graphviz `plain` output, without the names, in order.
  private func boxes(_ plain: [UInt8]) -> [[Substring]] {
    String(decoding: plain, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("node ") }
      .map { Array($0.split(separator: " ")[2...5]) }
  }

  /// The numbers of each statement's outline (polygon points, ellipse centre and radii), by id.
  private func shapes(in svg: SVGDocument, ids: [String]) -> [[Double]] {
    ids.compactMap { id in
      guard
        let shape = svg.elements.first(where: {
          $0.groupID == id && ($0.name == "polygon" || $0.name == "ellipse" || $0.name == "path")
        })
      else { return nil }
      let text = ["points", "d", "cx", "cy", "rx", "ry"].compactMap { shape.attributes[$0] }
        .joined(separator: " ")
      return text.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap {
        Double($0)
      }
    }
  }
}

@Suite("PDF output is reproducible")
struct PDFDateTests {
  @Test("the creation date is fixed in place, keeping the byte count")
  func creationDate() throws {
    let pdf = try MapRenderer().render(Fixtures.stalin, format: .pdf)
    let text = String(decoding: pdf, as: UTF8.self)
    #expect(text.contains("/CreationDate (D:19700101000000Z)"))
  }
}

/// The running example, `Graphs/stalin-foreign-policy.argmap`, as the command line reads it.
enum RunningExample {
  static func map() throws -> ArgumentMap {
    let source = try String(
      contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8)
    let result = ArgumentMapParser.check(source)
    try #require(!result.hasErrors)
    return result.map
  }
}
