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
    #expect(root.attributes["aria-labelledby"] == "argmap-title argmap-desc")
    #expect(Array(svg.elements.dropFirst().prefix(2).map(\.name)) == ["title", "desc"])
    #expect(svg.elements[1].text == "Stalin's foreign policy, 1928–1941")
    let outline = svg.elements[2].text
    #expect(outline.contains("Event 'nazi-soviet-pact' (1939-08-23): Nazi–Soviet Pact"))
    #expect(outline.contains("  Flagged: Hitler's government ratified"))
    #expect(
      outline.contains(
        "'invasion-inevitable' undercuts the link from 'barbarossa' to 'security'"))
  }

  @Test("SVG has one group per statement and link, with prefixed ids and kind classes")
  func svgStructure() throws {
    let svg = try SVGDocument(renderer.render(map, format: .svg))
    let statements = svg.groups(withClass: "statement")
    #expect(statements.map { $0.attributes["id"] ?? "" } == map.nodes.map { "argmap-n-\($0.id)" })
    #expect(
      statements.map { $0.attributes["class"] ?? "" }
        == map.nodes.map { node in
          "node statement \(node.kind.keyword)" + (node.isFlagged ? " flagged" : "")
            + (node.id == "nazi-soviet-pact" ? " read-two-ways" : "")
        })
    // Every link, with the undercut link split in two at its junction.
    let linkCount = map.nodes.reduce(0) { $0 + $1.links.count }
    #expect(svg.groups(withClass: "link").count == linkCount + 1)
    for element in svg.elements {
      if let id = element.attributes["id"] { #expect(id.hasPrefix("argmap"), "id \(id)") }
    }
    #expect(
      svg.texts(inGroup: "argmap-n-league") == [
        "The USSR joins the League of", "Nations", "1934-09-18",
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
    #expect(first.elements.first?.attributes["aria-labelledby"] == "one-title one-desc")
  }

  @Test(
    "the same map gives the same bytes, whatever was rendered before in the process",
    arguments: [OutputFormat.svg, .png, .dot],
    [MapView.argument, .timeline, .comparison("aggressive", "defensive")])
  func determinism(format: OutputFormat, view: MapView) throws {
    let options = SceneOptions(showsLegend: true)
    let first = try renderer.render(map, view: view, options: options, format: format)
    // Boxes (clusters) are ordered by Graphviz by the addresses of their names; other renders
    // in between shuffle the heap.
    _ = try renderer.render(map, view: .timeline, options: options, format: .svg)
    _ = try renderer.render(map, view: .comparison("defensive", "aggressive"), format: .svg)
    let second = try renderer.render(map, view: view, options: options, format: format)
    #expect(first == second)
  }

  @Test("PNG and PDF come out as such")
  func binaryFormats() throws {
    let png = try renderer.render(map, format: .png)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let pdf = try renderer.render(map, format: .pdf)
    #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
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
    for (full, blank) in zip(fullShapes, worksheetShapes) {
      #expect(full.count == blank.count)
      for (a, b) in zip(full, blank) { #expect(abs(a - b) <= 0.6) }
    }
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
          $0.hasPrefix("Error: syntax error in line") && $0.hasSuffix("near ';'")
        },
        "\(error.messages)")
    }
    let output = try Graphviz.shared.render(dot: "digraph \"g\" { a -> b; }", format: .svg)
    #expect(output.warnings.isEmpty)
    #expect(String(decoding: output.bytes, as: UTF8.self).contains("<svg"))
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
