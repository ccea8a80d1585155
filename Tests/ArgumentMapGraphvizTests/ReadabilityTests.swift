import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import Testing

/// Small layouts built by hand, so each detector can be made to fire and to stay quiet.
private enum Layouts {
  static let bounds = LayoutBox(minX: 0, minY: 0, maxX: 400, maxY: 200)

  static func node(
    _ name: String, x: Double, y: Double, width: Double = 100, height: Double = 40,
    shape: String = "box"
  ) -> LaidOutDiagram.Node {
    LaidOutDiagram.Node(
      name: name, shape: shape, center: LayoutPoint(x: x, y: y), width: width, height: height)
  }

  /// A one-line label of `owner`, centred on `x` with its baseline at `y`.
  static func label(
    _ owner: LaidOutDiagram.Owner, _ text: String, x: Double, y: Double, width: Double = 60,
    size: Double = 10
  ) -> LaidOutDiagram.Label {
    LaidOutDiagram.Label(
      owner: owner,
      lines: [
        LaidOutDiagram.TextLine(
          text: text, fontSize: size, x: x, baseline: y, justification: 0, width: width)
      ])
  }

  static func edge(
    _ name: String, from tail: String, to head: String, _ points: [(Double, Double)]
  ) -> LaidOutDiagram.Edge {
    LaidOutDiagram.Edge(
      name: name, tail: tail, head: head,
      curves: [points.map { LayoutPoint(x: $0.0, y: $0.1) }])
  }

  static func figures(
    _ diagram: LaidOutDiagram, on page: PageSize = .a4Landscape,
    dates: [String: HistoricalDate] = [:], checksTimeOrder: Bool = false
  ) -> ReadabilityFigures {
    ReadabilityMeasurement(diagram: diagram, dates: dates, checksTimeOrder: checksTimeOrder)
      .figures(on: page)
  }
}

@Suite("Readability figures are measured on the laid-out diagram")
struct ReadabilityTests {
  @Test("a label of another element on a node counts; the node's own label does not")
  func labelOnNode() {
    let nodes = [Layouts.node("a", x: 100, y: 100)]
    let own = Layouts.label(.node("a"), "own text", x: 100, y: 100)
    let quiet = Layouts.figures(
      LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, labels: [own]))
    #expect(quiet.labelNodeOverlaps == 0)
    #expect(quiet.problems.isEmpty)

    let foreign = Layouts.label(.edge("link-1"), "a reason", x: 130, y: 105)
    let loud = Layouts.figures(
      LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, labels: [own, foreign]))
    #expect(loud.labelNodeOverlaps == 1)
    #expect(loud.labelLabelOverlaps == 1)
    #expect(loud.problems.contains("the label of edge 'link-1' lies on node 'a'"))
  }

  @Test("a label beside a node, or touching it, is not on it")
  func labelBesideNode() {
    let nodes = [Layouts.node("a", x: 100, y: 100)]
    // The node's right side is at x = 150; the label's box starts there.
    let touching = Layouts.label(.edge("link-1"), "beside", x: 180, y: 100)
    let figures = Layouts.figures(
      LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, labels: [touching]))
    #expect(figures.labelNodeOverlaps == 0)
  }

  @Test("a label in the empty corner of an ellipse's box is not on the ellipse")
  func labelInEllipseCorner() {
    let nodes = [Layouts.node("a", x: 100, y: 100, width: 100, height: 60, shape: "ellipse")]
    let corner = LaidOutDiagram.Label(
      owner: .edge("link-1"),
      lines: [
        LaidOutDiagram.TextLine(
          text: "corner", fontSize: 4,
          box: LayoutBox(minX: 142, minY: 122, maxX: 160, maxY: 140))
      ])
    #expect(
      Layouts.figures(
        LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, labels: [corner])
      ).labelNodeOverlaps == 0)
  }

  @Test("overlapping nodes count once per pair; nodes side by side do not")
  func nodeOverlaps() {
    let overlapping = [Layouts.node("a", x: 100, y: 100), Layouts.node("b", x: 150, y: 110)]
    let loud = Layouts.figures(LaidOutDiagram(boundingBox: Layouts.bounds, nodes: overlapping))
    #expect(loud.nodeNodeOverlaps == 1)
    #expect(loud.problems == ["node 'a' overlaps node 'b'"])

    let touching = [Layouts.node("a", x: 100, y: 100), Layouts.node("b", x: 200, y: 100)]
    #expect(
      Layouts.figures(LaidOutDiagram(boundingBox: Layouts.bounds, nodes: touching))
        .nodeNodeOverlaps == 0)

    var hidden = overlapping
    hidden[1].isDrawn = false
    #expect(
      Layouts.figures(LaidOutDiagram(boundingBox: Layouts.bounds, nodes: hidden))
        .nodeNodeOverlaps == 0)
  }

  @Test("a node over a box it is not in, and boxes crossing without nesting, count as overlaps")
  func boxOverlaps() {
    let nodes = [
      Layouts.node("a", x: 60, y: 60), Layouts.node("b", x: 60, y: 140),
      Layouts.node("c", x: 300, y: 100),
    ]
    let frame = LaidOutDiagram.Cluster(
      name: "for", box: LayoutBox(minX: 0, minY: 30, maxX: 130, maxY: 170), members: ["a", "b"])
    let clean = Layouts.figures(
      LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, clusters: [frame]))
    #expect(clean.nodeNodeOverlaps == 0)

    var wide = frame
    wide.box.maxX = 260
    let intruded = Layouts.figures(
      LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, clusters: [wide]))
    #expect(intruded.nodeNodeOverlaps == 1)
    #expect(intruded.problems == ["node 'c' lies on box 'for'"])

    let inner = LaidOutDiagram.Cluster(
      name: "inner", box: LayoutBox(minX: 5, minY: 35, maxX: 112, maxY: 90), members: ["a"])
    let crossing = LaidOutDiagram.Cluster(
      name: "against", box: LayoutBox(minX: 115, minY: 60, maxX: 380, maxY: 160),
      members: ["c"])
    let boxes = Layouts.figures(
      LaidOutDiagram(
        boundingBox: Layouts.bounds, nodes: nodes, clusters: [frame, inner, crossing]))
    #expect(boxes.problems == ["box 'for' overlaps box 'against'"])
  }

  @Test("ellipses whose boxes overlap only at the corners do not overlap")
  func ellipseCorners() {
    let apart = [
      Layouts.node("a", x: 100, y: 100, width: 100, height: 60, shape: "ellipse"),
      Layouts.node("b", x: 190, y: 150, width: 100, height: 60, shape: "ellipse"),
    ]
    #expect(
      Layouts.figures(LaidOutDiagram(boundingBox: Layouts.bounds, nodes: apart))
        .nodeNodeOverlaps == 0)
    let together = [
      Layouts.node("a", x: 100, y: 100, width: 100, height: 60, shape: "ellipse"),
      Layouts.node("b", x: 160, y: 120, width: 100, height: 60, shape: "ellipse"),
    ]
    #expect(
      Layouts.figures(LaidOutDiagram(boundingBox: Layouts.bounds, nodes: together))
        .nodeNodeOverlaps == 1)
  }

  @Test("two labels over each other count; labels one above the other do not")
  func labelOverlaps() {
    let first = Layouts.label(.edge("link-1"), "first", x: 200, y: 100)
    let over = Layouts.label(.edge("link-2"), "second", x: 220, y: 104)
    let below = Layouts.label(.edge("link-2"), "second", x: 200, y: 89.5)
    let loud = Layouts.figures(LaidOutDiagram(boundingBox: Layouts.bounds, labels: [first, over]))
    #expect(loud.labelLabelOverlaps == 1)
    #expect(
      loud.problems == ["the label of edge 'link-1' overlaps the label of edge 'link-2'"])
    #expect(
      Layouts.figures(LaidOutDiagram(boundingBox: Layouts.bounds, labels: [first, below]))
        .labelLabelOverlaps == 0)
  }

  @Test("an edge through another node's label counts; through its own or its ends' does not")
  func edgesThroughLabels() {
    let nodes = [
      Layouts.node("a", x: 50, y: 100), Layouts.node("b", x: 350, y: 100),
      Layouts.node("c", x: 200, y: 100, width: 80),
    ]
    let labels = [
      Layouts.label(.node("a"), "a", x: 50, y: 97),
      Layouts.label(.node("b"), "b", x: 350, y: 97),
      Layouts.label(.node("c"), "c", x: 200, y: 97),
      Layouts.label(.edge("a-b"), "own", x: 130, y: 97, width: 40),
    ]
    let straight = Layouts.edge("a-b", from: "a", to: "b", [(100, 100), (300, 100)])
    let loud = Layouts.figures(
      LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, labels: labels, edges: [straight]))
    #expect(loud.edgesThroughLabels == 1)
    #expect(
      loud.problems.contains(
        "edge 'a-b' (reason own, between 'a' and 'b') runs through the label of node 'c'"),
      "\(loud.problems)")

    let around = Layouts.edge(
      "a-b", from: "a", to: "b", [(100, 100), (150, 180), (250, 180), (300, 100)])
    #expect(
      Layouts.figures(
        LaidOutDiagram(
          boundingBox: Layouts.bounds, nodes: nodes, labels: labels, edges: [around])
      ).edgesThroughLabels == 0)
  }

  @Test("edges that cross count once; edges that meet at a shared node do not")
  func crossings() {
    let nodes = ["a", "b", "c", "d"].enumerated().map { index, name in
      Layouts.node(name, x: Double(index) * 100 + 50, y: 20, width: 20, height: 20)
    }
    let first = Layouts.edge("a-d", from: "a", to: "d", [(50, 30), (200, 180), (350, 30)])
    let second = Layouts.edge("b-c", from: "b", to: "c", [(150, 30), (150, 190), (250, 30)])
    let loud = Layouts.figures(
      LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, edges: [first, second]))
    #expect(loud.edgeCrossings == 1)
    #expect(
      loud.problems == [
        "edge 'a-d' (between 'a' and 'd') crosses edge 'b-c' (between 'b' and 'c')"
      ])
    // An arrow drawn with a reason number is named by it, as the reader sees it.
    let numbered = Layouts.figures(
      LaidOutDiagram(
        boundingBox: Layouts.bounds, nodes: nodes,
        labels: [Layouts.label(.edge("a-d"), "6", x: 380, y: 300, width: 10)],
        edges: [first, second]))
    #expect(
      numbered.problems.contains(
        "edge 'a-d' (reason 6, between 'a' and 'd') crosses edge 'b-c' (between 'b' and 'c')"),
      "\(numbered.problems)")

    // Both end at `d`, meeting just before it.
    let intoD = Layouts.edge("a-d", from: "a", to: "d", [(50, 30), (340, 32)])
    let alsoIntoD = Layouts.edge("c-d", from: "c", to: "d", [(300, 60), (342, 29)])
    #expect(
      Layouts.figures(
        LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, edges: [intoD, alsoIntoD])
      ).edgeCrossings == 0)

    let parallel = Layouts.edge("b-c", from: "b", to: "c", [(150, 60), (250, 60)])
    let above = Layouts.edge("a-d", from: "a", to: "d", [(50, 80), (350, 80)])
    #expect(
      Layouts.figures(
        LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes, edges: [parallel, above])
      ).edgeCrossings == 0)
  }

  @Test("dated statements left to right against their dates count on a timeline")
  func timeOrder() {
    let nodes = [Layouts.node("munich", x: 100, y: 100), Layouts.node("pact", x: 300, y: 100)]
    let diagram = LaidOutDiagram(boundingBox: Layouts.bounds, nodes: nodes)
    let inOrder: [String: HistoricalDate] = [
      "munich": HistoricalDate(year: 1938, month: 9, day: 29),
      "pact": HistoricalDate(year: 1939, month: 8, day: 23),
    ]
    #expect(
      Layouts.figures(diagram, dates: inOrder, checksTimeOrder: true)
        .timelineOrderViolations == 0)

    let reversed: [String: HistoricalDate] = [
      "munich": HistoricalDate(year: 1939, month: 8, day: 23),
      "pact": HistoricalDate(year: 1938, month: 9, day: 29),
    ]
    let loud = Layouts.figures(diagram, dates: reversed, checksTimeOrder: true)
    #expect(loud.timelineOrderViolations == 1)
    #expect(
      loud.problems == [
        "node 'pact' (1938-09-29) stands right of node 'munich' (1939-08-23), which is later"
      ])
    #expect(Layouts.figures(diagram, dates: reversed).timelineOrderViolations == 0)

    let tied: [String: HistoricalDate] = [
      "munich": HistoricalDate(year: 1939), "pact": HistoricalDate(year: 1939),
    ]
    #expect(
      Layouts.figures(diagram, dates: tied, checksTimeOrder: true).timelineOrderViolations == 0)
  }

  @Test("text lines are placed by their justification, with ascent and descent")
  func textLineBoxes() {
    let left = LaidOutDiagram.TextLine(
      text: "x", fontSize: 10, x: 100, baseline: 50, justification: -1, width: 40)
    let centre = LaidOutDiagram.TextLine(
      text: "x", fontSize: 10, x: 100, baseline: 50, justification: 0, width: 40)
    let right = LaidOutDiagram.TextLine(
      text: "x", fontSize: 10, x: 100, baseline: 50, justification: 1, width: 40)
    #expect(left.box == LayoutBox(minX: 100, minY: 47.5, maxX: 140, maxY: 58))
    #expect(centre.box == LayoutBox(minX: 80, minY: 47.5, maxX: 120, maxY: 58))
    #expect(right.box == LayoutBox(minX: 60, minY: 47.5, maxX: 100, maxY: 58))
  }

  @Test("the same text is readable on A4 when the diagram fits, and not when it shrinks to half")
  func smallestText() {
    let text = [Layouts.label(.graph, "Stalin's foreign policy", x: 100, y: 100)]
    let small = LaidOutDiagram(boundingBox: Layouts.bounds, labels: text)
    let onPaper = Layouts.figures(small, on: .a4Landscape)
    #expect(onPaper.scale == 1)
    #expect(onPaper.smallestTextPoints == 10)
    #expect(onPaper.smallestReaderText == 10)
    #expect(onPaper.readerUnit == "pt")
    #expect(onPaper.isTextReadable)
    #expect(onPaper.words == 3)
    let onSlide = Layouts.figures(small, on: .slide)
    #expect(onSlide.scale == 2)
    #expect(onSlide.smallestReaderText == 40)
    #expect(onSlide.readerUnit == "px")

    let usable = PageSize.a4Landscape
    let wide = LaidOutDiagram(
      boundingBox: LayoutBox(
        minX: 0, minY: 0, maxX: 2 * usable.usableWidth, maxY: 2 * usable.usableHeight),
      labels: text)
    let shrunk = Layouts.figures(wide, on: .a4Landscape)
    #expect(abs(shrunk.scale - 0.5) < 1e-9)
    #expect(abs((shrunk.smallestReaderText ?? 0) - 5) < 1e-9)
    #expect(!shrunk.isTextReadable)
    #expect(shrunk.problems.first?.hasPrefix("the smallest text measures 5 pt") == true)
    let shrunkOnSlide = Layouts.figures(wide, on: .slide)
    #expect((shrunkOnSlide.smallestReaderText ?? 0) < 20)
    #expect(!shrunkOnSlide.isTextReadable)
  }

  @Test("figures of several pages add up, keeping the smallest text and scale")
  func combined() {
    let first = ReadabilityFigures(
      scale: 0.5, smallestTextPoints: 10, smallestReaderText: 5, readerUnit: "pt",
      minimumReaderText: 9, labelLabelOverlaps: 1, edgeCrossings: 2, words: 10,
      problems: ["edge 'a' crosses edge 'b'"])
    let second = ReadabilityFigures(
      scale: 0.8, smallestTextPoints: 12, smallestReaderText: 9.6, readerUnit: "pt",
      minimumReaderText: 9, labelNodeOverlaps: 3, edgeCrossings: 1, words: 5)
    let both = ReadabilityFigures.combined([first, second])
    #expect(both.pages == 2)
    #expect(both.scale == 0.5)
    #expect(both.smallestTextPoints == 10)
    #expect(both.smallestReaderText == 5)
    #expect(both.labelLabelOverlaps == 1)
    #expect(both.labelNodeOverlaps == 3)
    #expect(both.edgeCrossings == 3)
    #expect(both.words == 15)
    #expect(both.problems == ["page 1: edge 'a' crosses edge 'b'"])
  }

  @Test("the figures are written as JSON with sorted keys, the same bytes every time")
  func json() throws {
    let figures = ReadabilityFigures(
      scale: 0.5, smallestTextPoints: 10, smallestReaderText: 5, readerUnit: "pt",
      minimumReaderText: 9, edgeCrossings: 2, words: 10, problems: ["edge 'a' crosses edge 'b'"])
    let text = figures.jsonText()
    #expect(text == figures.jsonText())
    let crossings = try #require(text.range(of: "\"edgeCrossings\""))
    let words = try #require(text.range(of: "\"words\""))
    #expect(crossings.lowerBound < words.lowerBound)
    let decoded = try JSONDecoder().decode(ReadabilityFigures.self, from: Data(text.utf8))
    #expect(decoded == figures)
  }
}

@Suite("Readability is read back from Graphviz's json layout")
struct GraphvizReadabilityTests {
  /// Six boxes pinned (in inches): `a` and `b` overlap, the edges `c`–`f` and `d`–`e` cross, and an
  /// invisible edge draws nothing.
  static let pinned = """
    digraph "pinned" {
      node [shape=box, width=1, height=0.5, fontsize=12, fontname="Liberation Sans"];
      edge [fontsize=10, fontname="Liberation Sans"];
      a [pos="1,4!", label="first box"];
      b [pos="1.5,4.1!", label="second box"];
      c [pos="1,1!", label="c"];
      d [pos="5,1!", label="d"];
      e [pos="1,2.5!", label="e"];
      f [pos="5,2.5!", label="f"];
      c -> f [id="argmap-c-f"];
      d -> e [id="argmap-d-e"];
      a -> f [style=invis, id="argmap-hidden"];
    }
    """

  @Test("a pinned neato layout gives its nodes, words, overlaps and crossings")
  func pinnedLayout() throws {
    let output = try Graphviz.shared.render(dot: Self.pinned, format: .json, engine: "neato")
    let diagram = try LaidOutDiagram(json: output.bytes, idPrefix: "argmap")
    #expect(diagram.nodes.map(\.name) == ["a", "b", "c", "d", "e", "f"])
    #expect(diagram.edges.map(\.name) == ["c-f", "d-e"])
    let a = try #require(diagram.node(named: "a"))
    let b = try #require(diagram.node(named: "b"))
    #expect(abs(b.center.x - a.center.x - 36) < 1 && abs(b.center.y - a.center.y - 7.2) < 1)
    #expect(abs(a.width - 72) < 1 && abs(a.height - 36) < 1)
    #expect(diagram.labels.map(\.owner).contains(.node("b")))
    let figures = ReadabilityMeasurement(diagram: diagram).figures(on: .a4Landscape)
    #expect(figures.nodeNodeOverlaps == 1)
    #expect(figures.labelNodeOverlaps >= 1)
    #expect(figures.edgeCrossings == 1)
    #expect(figures.words == 8)
    #expect(figures.smallestTextPoints == 12)
  }

  @Test("a small map drawn with dot has nothing in the way")
  func cleanMap() throws {
    let map = ArgumentMap(
      metadata: Metadata(title: "Security"),
      nodes: [
        Node(.mainAim, "security", "Security of the USSR"),
        Node(
          .event, "league", "The USSR joins the League of Nations",
          date: DateSpan(start: HistoricalDate(year: 1934, month: 9, day: 18)),
          links: [Link(.supports, .node("security"), reasoning: "recognition")]),
      ])
    let figures = try MapRenderer().readability(of: try map.scene(.argument), on: .a4Landscape)
    #expect(figures.pages == 1)
    #expect(figures.scale == 1)
    #expect(figures.labelLabelOverlaps == 0)
    #expect(figures.labelNodeOverlaps == 0)
    #expect(figures.nodeNodeOverlaps == 0)
    #expect(figures.edgesThroughLabels == 0)
    #expect(figures.edgeCrossings == 0)
    #expect(figures.timelineOrderViolations == 0)
    #expect(figures.smallestTextPoints == 12)
    #expect(figures.isTextReadable)
    #expect(figures.problems.isEmpty)
    #expect(figures.words > 10)
  }

  @Test("an unknown layout engine is refused before any layout")
  func unknownEngine() throws {
    let scene = try Fixtures.stalin.scene(.argument)
    #expect(throws: RenderError.self) {
      try MapRenderer(layout: "no-such-engine").readability(of: scene, on: .slide)
    }
  }

  @Test("the running example drawn whole is clean but far too small for a sheet")
  func runningExample() throws {
    let scene = try RunningExample.map().scene(.argument)
    let figures = try MapRenderer().readability(of: scene, on: .a4Landscape)
    #expect(figures.labelLabelOverlaps == 0)
    #expect(figures.labelNodeOverlaps == 0)
    // On one poster-sized picture a few long arrows pass over other arrows' numbers; the pages
    // `--page` splits it into have none (`ShippedMapsReadabilityTests`).
    let throughLabels = figures.problems.filter { !$0.contains("crosses") }
    #expect(figures.edgesThroughLabels <= 10, "\(throughLabels)")
    #expect(figures.edgeCrossings > 0)
    #expect(figures.nodeNodeOverlaps == 0)
    #expect(figures.timelineOrderViolations == 0)
    #expect((1000...5000).contains(figures.words))
    // One picture of 51 statements and their reasons: what `--page` splits into pages.
    #expect(figures.scale < 0.5)
    #expect(!figures.isTextReadable)
    let onSlide = try MapRenderer().readability(of: scene, on: .slide)
    #expect(onSlide.readerUnit == "px")
    #expect(onSlide.edgeCrossings == figures.edgeCrossings)
    #expect(!onSlide.isTextReadable)
  }
}
