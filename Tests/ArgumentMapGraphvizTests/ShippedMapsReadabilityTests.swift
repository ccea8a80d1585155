import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import TestSupport
import Testing

/// The readability report over every map the repository ships, in every view, on A4 landscape
/// and on a slide: what a teacher prints or projects must have no overlap of any kind, no line
/// through a label, its dates in order, and text no smaller than 9 pt on paper and 20 px on a
/// slide. The imports of the interchange files are checked in `ArgumentInterchangeTests`.
@Suite("Every shipped map is readable on A4 and on a slide, in every view")
struct ShippedMapsReadabilityTests {
  static let maps: [URL] =
    PackagePaths.files(in: "Graphs", withExtension: "argmap")
    + PackagePaths.files(in: "Examples/interchange", withExtension: "argmap")

  /// The views a teacher draws: the teaching map, the overview, the timeline, a worksheet (all
  /// statements blank) and the comparison of the first two interpretations.
  static func views(of map: ArgumentMap) -> [(name: String, view: MapView, options: SceneOptions)] {
    var views: [(String, MapView, SceneOptions)] = [
      ("map", .argument, SceneOptions()),
      ("overview", .overview, SceneOptions()),
      ("timeline", .timeline, SceneOptions()),
      ("worksheet", .argument, SceneOptions(worksheet: .all)),
    ]
    let readings = map.interpretations.map(\.id)
    if readings.count >= 2 {
      views.append(("comparison", .comparison(readings[0], readings[1]), SceneOptions()))
    }
    return views
  }

  @Test(
    "no overlap, no line through a label, dates in order, text readable",
    arguments: maps.map(\.lastPathComponent), [PageSize.a4Landscape, .slide])
  func readable(file: String, page: PageSize) throws {
    let url = try #require(Self.maps.first { $0.lastPathComponent == file })
    let result = ArgumentMapParser.check(utf8: Array(try Data(contentsOf: url)))
    #expect(!result.hasErrors)
    let renderer = MapRenderer()
    for (name, view, options) in Self.views(of: result.map) {
      let scenes = try renderer.pageScenes(result.map, view: view, options: options, page: page)
      var pages: [ReadabilityFigures] = []
      for scene in scenes { pages.append(try renderer.readability(of: scene, on: page)) }
      let figures = ReadabilityFigures.combined(pages)
      let context = "\(file), \(name) on \(page.rawValue): \(figures.problems.prefix(5))"
      #expect(figures.labelLabelOverlaps == 0, "\(context)")
      #expect(figures.labelNodeOverlaps == 0, "\(context)")
      #expect(figures.nodeNodeOverlaps == 0, "\(context)")
      #expect(figures.edgesThroughLabels == 0, "\(context)")
      #expect(figures.timelineOrderViolations == 0, "\(context)")
      let smallest = try #require(figures.smallestReaderText, "\(context)")
      #expect(smallest >= page.minimumReaderSize, "\(context)")
      #expect(figures.pages == scenes.count && figures.pages >= 1)
    }
  }

  @Test("random maps drawn as a teaching map on A4 have no overlaps", arguments: 1...16)
  func randomMaps(seed: UInt64) throws {
    let map = RandomMaps.map(seed: seed, maximumNodes: 14)
    let renderer = MapRenderer()
    let scenes = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Landscape)
    for (number, scene) in scenes.enumerated() {
      let figures = try renderer.readability(of: scene, on: .a4Landscape)
      let context = "seed \(seed), page \(number + 1): \(figures.problems.prefix(5))"
      #expect(figures.labelLabelOverlaps == 0, "\(context)")
      #expect(figures.labelNodeOverlaps == 0, "\(context)")
      #expect(figures.nodeNodeOverlaps == 0, "\(context)")
    }
  }
}
