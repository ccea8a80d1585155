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
    "a debate of eight statements on slides: statements side by side when stacked ones do not fit")
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
}
