import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import TestSupport
import Testing

@Suite("Render limits: a diagram too large is refused or drawn with a faster engine")
struct RenderLimitsTests {
  static let map = ArgumentMapParser.parse(essayMapText(statements: 40)).map

  @Test("a scene above maximumNodes is refused before any layout, naming its size and the limit")
  func refusesAboveTheLimit() throws {
    let scene = try Self.map.scene(.argument)
    let renderer = MapRenderer(limits: RenderLimits(maximumNodes: scene.nodes.count - 1))
    #expect(throws: RenderError.tooLarge(nodes: scene.nodes.count, limit: scene.nodes.count - 1)) {
      try renderer.render(scene, format: .svg)
    }
    let message = RenderError.tooLarge(nodes: 6_000, limit: 5_000).description
    #expect(message.hasPrefix("the diagram has 6000 nodes, more than the limit of 5000"))
    #expect(message.contains("--max-nodes"))
    let atTheLimit = MapRenderer(limits: RenderLimits(maximumNodes: scene.nodes.count))
    #expect(try atTheLimit.diagram(scene, format: .svg).nodeCount == scene.nodes.count)
  }

  @Test("above fastLayoutNodes, dot gives way to sfdp only if sfdp is offered; else dot draws")
  func switchesToTheFastLayoutOnlyIfOffered() throws {
    let scene = try Self.map.scene(.argument)
    let small = RenderLimits(maximumNodes: nil, fastLayoutNodes: scene.nodes.count - 1)
    let switched = try MapRenderer(limits: small).diagram(scene, format: .svg)
    let expected = MapRenderer.offeredLayouts.contains("sfdp") ? "sfdp" : "dot"
    #expect(switched.layout == expected)
    #expect(try SVGDocument(switched.bytes).groups(withClass: "node").count == scene.nodes.count)
    let kept = RenderLimits(maximumNodes: nil, fastLayoutNodes: scene.nodes.count)
    #expect(try MapRenderer(limits: kept).diagram(scene, format: .svg).layout == "dot")
    let never = RenderLimits(maximumNodes: nil, fastLayoutNodes: nil)
    #expect(try MapRenderer(limits: never).diagram(scene, format: .svg).layout == "dot")
  }

  @Test("an engine libgvc has but whose drawings overlap text is refused, naming those offered")
  func refusesUnreadableEngines() throws {
    let scene = try Self.map.scene(.argument)
    let offered = MapRenderer.offeredLayouts
    #expect(offered.first == "dot")
    let refused = MapRenderer.layoutEngines.filter { !offered.contains($0) }
    #expect(refused.contains("neato"))
    for engine in refused {
      #expect(throws: RenderError.refusedLayout(engine, offered: offered)) {
        try MapRenderer(layout: engine).render(scene, format: .dot)
      }
      #expect(throws: RenderError.refusedLayout(engine, offered: offered)) {
        try MapRenderer(layout: engine).pageScenes(
          Self.map, view: .argument, options: SceneOptions(), page: .a4Landscape)
      }
    }
    #expect(
      RenderError.refusedLayout("twopi", offered: ["dot", "neato", "fdp"]).description
        == "layout 'twopi' cannot draw argument maps without overlapping text; use dot "
        + "(default), neato or fdp")
  }

  @Test("DOT text is not laid out, so neither limit applies to it")
  func dotTextIsNotLimited() throws {
    let scene = try Self.map.scene(.argument)
    let renderer = MapRenderer(limits: RenderLimits(maximumNodes: 1, fastLayoutNodes: 1))
    let dot = String(decoding: try renderer.render(scene, format: .dot), as: UTF8.self)
    #expect(dot.hasPrefix("digraph"))
    #expect(!dot.contains("layout="))
  }

  @Test("the defaults: refuse above 5,000 nodes, sfdp above 1,000 (when offered)")
  func defaults() {
    #expect(RenderLimits.standard.maximumNodes == 5_000)
    #expect(RenderLimits.standard.fastLayoutNodes == 1_000)
    #expect(MapRenderer().limits == .standard)
  }
}
