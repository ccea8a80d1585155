import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import TestSupport
import Testing

@Suite(
  "A teaching map on pages: no page that only repeats another, no title that says a name twice")
struct PaginationTests {
  let renderer = MapRenderer()

  static func fixture(_ name: String) throws -> ArgumentMap {
    let text = try String(
      contentsOf: PackagePaths.url("Tests/Fixtures/\(name).argmap"), encoding: .utf8)
    let result = ArgumentMapParser.check(text)
    try #require(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    return result.map
  }

  @Test("a debate that fits one slide as a page, though not drawn whole, is that one slide")
  func oneSlide() throws {
    let map = try Self.fixture("short-debate")
    // What made it two slides: the whole drawing is too wide for a slide at its smallest text,
    // while the page's layout, stacking statements in columns, fits.
    let whole = try map.scene(.argument)
    try #require(try !renderer.fits(whole, on: .slide))
    let pages = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .slide)
    #expect(pages.count == 1, "\(pages.map(\.title))")
    let page = try #require(pages.first)
    #expect(page.title == "This house would ban school uniforms")
    for node in map.nodes {
      #expect(page.outline.contains(node.text), "\(node.id) is not on the slide")
    }
    #expect(!page.outline.contains("continued"))
  }

  @Test(
    "a debate of eight statements on slides: no overview of one box, statements side by side when stacked ones do not fit"
  )
  func fewSlides() throws {
    let map = try Self.fixture("voting-age-debate")
    let pages = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .slide)
    // Was five: an overview of the aim alone, then parts of one to three statements each, the
    // rest of each slide empty. Every statement is still drawn.
    #expect(pages.count <= 3, "\(pages.map(\.title))")
    #expect(!pages.contains { $0.title.contains("overview") })
    let parts = pages.map(\.outline).joined()
    for node in map.nodes {
      #expect(parts.contains(node.text), "\(node.id) is on no slide")
    }
    for page in pages {
      #expect(try renderer.fits(page, on: .slide), "\(page.title) is not readable on a slide")
    }
  }

  @Test("parts of a map titled as its aim are named 'part N of M', not the aim again")
  func noRepeatedName() throws {
    var nodes = [Node(.mainAim, "ban", "Ban school uniforms")]
    for number in 1...40 {
      nodes.append(
        Node(
          .claim, NodeID("reason-\(number)"),
          "Reason \(number): uniforms cost families money they need for books, trips and food",
          links: [Link(.supports, .node("ban"))]))
    }
    let map = ArgumentMap(metadata: Metadata(title: "Ban school uniforms."), nodes: nodes)
    let pages = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .slide)
    try #require(pages.count > 2)
    for page in pages {
      #expect(!page.title.contains("uniforms.: Ban school uniforms"), "\(page.title)")
      #expect(page.title.hasPrefix("Ban school uniforms.: part "), "\(page.title)")
    }
  }

  /// The maps whose pages are checked link by link: the shipped maps, the debates, and valid
  /// random maps.
  static func linkCheckedMaps() throws -> [(name: String, map: ArgumentMap)] {
    var maps: [(name: String, map: ArgumentMap)] = []
    for url in PackagePaths.files(in: "Graphs", withExtension: "argmap") {
      let result = ArgumentMapParser.check(try String(contentsOf: url, encoding: .utf8))
      maps.append((url.lastPathComponent, result.map))
    }
    maps.append(("voting-age-debate", try fixture("voting-age-debate")))
    for seed in UInt64(1)...60 {
      let map = RandomMaps.map(seed: seed, maximumNodes: 30)
      if !map.validate().contains(where: \.isError) { maps.append(("random \(seed)", map)) }
    }
    return maps
  }

  @Test(
    "on every page of a part, each link of a statement is drawn: to its target, to a box 'continued on page N', or for an undercut to a box of the link it attacks",
    arguments: [PageSize.a4Portrait, .slide])
  func everyLinkIsDrawn(page: PageSize) throws {
    for (name, map) in try Self.linkCheckedMaps() {
      let pages = try renderer.pageScenes(
        map, view: .argument, options: SceneOptions(), page: page)
      for (number, scene) in pages.enumerated() where pages.count > 1 && scene.name == "argument" {
        let drawn = Set(scene.nodes.map(\.id.rawValue))
        let stubs = Set(scene.nodes.filter { $0.role == .stub }.map(\.id.rawValue))
        // Only claims, counterclaims, evidence and events: an aim or sub-aim heading a page
        // leaves its links elsewhere to the overview.
        for (position, node) in map.nodes.enumerated()
        where [.claim, .counterclaim, .evidence, .event].contains(node.kind)
          && drawn.contains("n-" + node.id.rawValue)
        {
          let me = "n-" + node.id.rawValue
          for (linkIndex, link) in node.links.enumerated() {
            let edgeID = "link-\(position + 1)-\(linkIndex + 1)"
            var isDrawn =
              scene.edges.contains { $0.id.rawValue.hasPrefix(edgeID) }
              // One of several links to statements on one other page, drawn as one arrow to
              // one box (through its number).
              || scene.edges.contains { edge in
                edge.source.rawValue == me && edge.id.rawValue.hasSuffix("-bundle")
                  || edge.target.rawValue == me && stubs.contains(edge.source.rawValue)
              }
            // A statement alone on a page that the box of the link it undercuts would make
            // unreadable: the undercut is drawn on the page of that link, from a box of it.
            let statements = scene.nodes.filter {
              if case .statement(let kind) = $0.role { return kind.level > 1 } else { return false }
            }
            if case .link = link.target, statements.count == 1 {
              isDrawn =
                isDrawn
                || pages.contains { other in other.edges.contains { $0.id.rawValue == edgeID } }
            }
            #expect(
              isDrawn,
              "\(name), \(page) page \(number + 1): \(node.id)'s link \(linkIndex + 1) is not drawn"
            )
          }
        }
      }
    }
  }

  @Test(
    "on A4 portrait a long key stands in one column under the picture, so every page of a part of the shipped maps is readable",
    arguments: PackagePaths.files(in: "Graphs", withExtension: "argmap").map(\.lastPathComponent))
  func portraitKey(file: String) throws {
    let map = ArgumentMapParser.check(
      try String(contentsOf: PackagePaths.url("Graphs/" + file), encoding: .utf8)
    ).map
    let pages = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Portrait)
    for (number, scene) in pages.enumerated() where scene.name == "argument" {
      for group in scene.groups where group.id.rawValue.hasPrefix("key-row") {
        #expect(group.members.count == 1, "\(file) page \(number + 1): key columns side by side")
      }
      #expect(
        try renderer.fits(scene, on: .a4Portrait), "\(file) page \(number + 1): \(scene.title)")
    }
  }

  @Test(
    "on A4 portrait an overview of rival aims stands one aim under the other, readable, each reading under the first aim it argues for"
  )
  func portraitOverview() throws {
    let map = ArgumentMapParser.check(
      try String(
        contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8)
    ).map
    let pages = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Portrait)
    let overview = try #require(pages.first)
    try #require(overview.name == "overview", "\(overview.title)")
    // Was 7.2 pt: both aims and all three readings stood in one row wider than the sheet.
    #expect(try renderer.fits(overview, on: .a4Portrait))
    var row: [String: Int] = [:]
    for (number, group) in overview.groups.enumerated() where group.id.rawValue.hasPrefix("row-") {
      for member in group.members { row[member.rawValue] = number }
    }
    func rowOf(_ id: String) throws -> Int { try #require(row["n-" + id], "\(id) in no row") }
    #expect(try rowOf("security") < rowOf("recognition"))
    #expect(try rowOf("recognition") < rowOf("security-view"))
    // The dualism reading argues for both aims: it stands with the first.
    #expect(try rowOf("dualism-view") == rowOf("security-view"))
    #expect(try rowOf("security-view") < rowOf("expansion"))
    #expect(try rowOf("expansion") < rowOf("aggressive-view"))
    // Its arrow down to the rival aim is drawn as a link still, from the reading to the aim.
    let down = try #require(
      overview.edges.first {
        $0.source.rawValue == "n-dualism-view" && $0.target.rawValue == "n-expansion"
      })
    #expect(down.isLaidOutBackwards)
    // Landscape pages and slides keep the overview they had: a row of aims and readings.
    for page in [PageSize.a4Landscape, .slide] {
      let first = try #require(
        try renderer.pageScenes(map, view: .argument, options: SceneOptions(), page: page).first)
      #expect(!first.groups.contains { $0.id.rawValue.hasPrefix("row-") }, "\(page)")
    }
  }

  @Test(
    "on a part page whose statements all link to other pages the aim still heads the page",
    arguments: [PageSize.slide, .a4Portrait])
  func aimHeadsEveryPart(page: PageSize) throws {
    // Slide 5 of this map drew the main aim at its foot, beside the Against box, with no arrow:
    // Graphviz laid the unlinked aim out on its own.
    let map = try Self.fixture("february-revolution")
    let pages = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: page)
    for scene in pages where scene.name == "argument" {
      guard let top = scene.groups.first(where: { $0.id.rawValue == "top" }) else { continue }
      let dot = DOTWriter(safeIDPrefix: "argmap", layout: "dot").dot(for: scene)
      let output = try Graphviz.shared.render(dot: dot, format: .json, engine: "dot")
      let diagram = try LaidOutDiagram(json: output.bytes, idPrefix: "argmap")
      let heads = Set(top.members.map(\.rawValue))
      let statements = scene.nodes.filter {
        if case .statement = $0.role { !heads.contains($0.id.rawValue) } else { false }
      }
      for head in heads {
        // Graphviz's y grows upwards: the aim stands above every other statement.
        let aim = try #require(diagram.node(named: head), "\(head)")
        for statement in statements {
          let other = try #require(diagram.node(named: statement.id.rawValue))
          #expect(
            aim.center.y > other.center.y, "\(scene.title): \(head) is not above \(statement.id)")
        }
      }
    }
  }
}
