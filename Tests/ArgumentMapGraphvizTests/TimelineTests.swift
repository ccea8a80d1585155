import ArgumentMap
import Testing

@testable import ArgumentMapGraphviz

/// A timeline as Graphviz drew it: each node's centre and size in points, read from `plain`.
private struct DrawnTimeline {
  struct Box {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var label: String
    var left: Double { x - width / 2 }
    var right: Double { x + width / 2 }
    var bottom: Double { y - height / 2 }
    var top: Double { y + height / 2 }

    func overlaps(_ other: Box) -> Bool {
      left < other.right && other.left < right && bottom < other.top && other.bottom < top
    }
  }

  var boxes: [String: Box] = [:]
  var dot: String

  init(_ map: ArgumentMap, options: SceneOptions = SceneOptions()) throws {
    let bytes = try MapRenderer().render(map, view: .timeline, options: options, format: .dot)
    try self.init(dot: String(decoding: bytes, as: UTF8.self))
  }

  init(dot: String) throws {
    self.dot = dot
    let plain = try Graphviz.shared.render(dot: dot, format: .plain, engine: "nop")
    for line in String(decoding: plain.bytes, as: UTF8.self).split(separator: "\n")
    where line.hasPrefix("node ") {
      // node NAME X Y WIDTH HEIGHT LABEL ...; names are safe ids, labels may be quoted.
      let fields = line.split(separator: " ", maxSplits: 6)
      let numbers = fields[2...5].compactMap { Double($0) }
      try #require(numbers.count == 4)
      boxes[String(fields[1].filter { $0 != "\"" })] = Box(
        x: numbers[0] * 72, y: numbers[1] * 72, width: numbers[2] * 72,
        height: numbers[3] * 72, label: String(fields[6]))
    }
  }

  /// The statement boxes, by node id.
  var statements: [String: Box] { boxes.filter { $0.key.hasPrefix("n-") } }
  /// The years on the axis, left to right.
  var years: [(year: Int, x: Double)] {
    boxes.compactMap { name, box in
      name.hasPrefix("year-") ? Int(name.dropFirst(5)).map { ($0, box.x) } : nil
    }.sorted { $0.year < $1.year }
  }
}

@Suite("The timeline places statements by date on a time axis")
struct TimelineTests {
  @Test("on the running example, boxes follow date order, never overlap, and stay off the axis")
  func stalinOrderAndOverlap() throws {
    let map = try RunningExample.map()
    let drawn = try DrawnTimeline(map)
    let dated = map.nodes.compactMap { node in node.date.map { (node, $0) } }
      .enumerated().sorted { lhs, rhs in
        lhs.element.1 != rhs.element.1 ? lhs.element.1 < rhs.element.1 : lhs.offset < rhs.offset
      }.map(\.element.0)
    #expect(drawn.statements.count == dated.count)
    let lefts = try dated.map { node in try #require(drawn.boxes["n-" + node.id.rawValue]).left }
    #expect(lefts == lefts.sorted())
    #expect(Set(lefts).count == lefts.count)
    let markers = try dated.map { node in
      try #require(drawn.boxes["marker-n-" + node.id.rawValue]).x
    }
    #expect(markers == markers.sorted())
    let boxes =
      Array(drawn.statements.values)
      + drawn.boxes.filter { $0.key.hasPrefix("bar-") }
      .map(\.value)
    for (index, box) in boxes.enumerated() {
      for other in boxes.dropFirst(index + 1) {
        #expect(!box.overlaps(other), "\(box.label) overlaps \(other.label)")
      }
    }
    let axisY = try #require(drawn.boxes["axis-start-1"]).y
    let ticks = drawn.boxes.filter { $0.key.hasPrefix("year-") }.map(\.value)
    #expect(!ticks.isEmpty)
    for box in boxes {
      #expect(box.bottom > axisY + 10, "\(box.label) is on the axis")
      for tick in ticks { #expect(!box.overlaps(tick)) }
    }
    #expect(ticks.allSatisfy { $0.top < axisY })
  }

  @Test("trade in 1939 is drawn before trade in 1941, and ranges span their time")
  func stalinRanges() throws {
    let drawn = try DrawnTimeline(try RunningExample.map())
    let box = { (id: String) in try #require(drawn.boxes[id]) }
    #expect(try box("n-trade-1939").left < box("n-trade-1941").left)
    #expect(try box("n-resource-deliveries").left < box("n-trade-1941").left)
    let year = { (year: Int) in try #require(drawn.years.first { $0.year == year }).x }
    let month = TimelineScale.pointsPerMonth
    let deliveries = try box("bar-n-resource-deliveries")
    #expect(try abs(deliveries.left - (year(1939) + 7 * month)) < 0.5)
    #expect(try abs(deliveries.right - (year(1941) + 6 * month)) < 0.5)
    let meinKampf = try box("bar-n-mein-kampf")
    #expect(try abs(meinKampf.left - year(1925)) < 0.5)
    #expect(abs(meinKampf.width - 24 * month) < 0.5)
    // The statement's box sits on its bar, left-aligned near its start.
    #expect(try box("n-resource-deliveries").bottom > deliveries.top)
    #expect(try box("n-resource-deliveries").left < deliveries.left)
  }

  @Test("undated statements are left out and counted; the title states the axis's period")
  func stalinNoteAndPeriod() throws {
    let map = try RunningExample.map()
    let drawn = try DrawnTimeline(map)
    for node in map.nodes where node.date == nil {
      #expect(drawn.boxes["n-" + node.id.rawValue] == nil)
    }
    let undated = map.nodes.count { $0.date == nil }
    #expect(undated > 0)
    let note = try #require(drawn.boxes["undated-note"])
    #expect(note.label.contains("\(undated) statements without a date not shown"))
    let scene = try map.scene(.timeline)
    #expect(scene.outline.contains("\(undated) statements without a date not shown"))
    let first = try #require(drawn.years.first).year
    let last = try #require(drawn.years.last).year
    #expect((first, last) == (1920, 1941))
    #expect(scene.title.hasSuffix("timeline \(first)\u{2013}\(last)"))
  }

  @Test("a long empty stretch is cut out of the axis and marked")
  func stalinBreaks() throws {
    let drawn = try DrawnTimeline(try RunningExample.map())
    let years = drawn.years.map(\.year)
    #expect(!years.contains(1928) && !years.contains(1922))
    let x1926 = try #require(drawn.years.first { $0.year == 1926 }).x
    let x1932 = try #require(drawn.years.first { $0.year == 1932 }).x
    let x1933 = try #require(drawn.years.first { $0.year == 1933 }).x
    // Six calendar years apart, drawn less than two years apart.
    #expect(x1932 - x1926 < 2 * (x1933 - x1932))
    let breaks = drawn.boxes.filter { $0.key.hasPrefix("break-") }.map(\.value)
    #expect(breaks.count == 2)
    #expect(breaks.contains { $0.x > x1926 && $0.x < x1932 && $0.label.contains("//") })
  }

  @Test("two dates 30 years apart get one break, not 30 years of axis")
  func thirtyYears() throws {
    let map = ArgumentMap(nodes: [
      Node(.mainAim, "aim", "An aim"),
      Node(
        .event, "early", "An early event", date: DateSpan(start: HistoricalDate(year: 1900)),
        links: [Link(.supports, .node("aim"))]),
      Node(
        .event, "late", "A late event",
        date: DateSpan(start: HistoricalDate(year: 1930, month: 6, day: 1)),
        links: [Link(.opposes, .node("aim"))]),
    ])
    let drawn = try DrawnTimeline(map)
    #expect(drawn.years.map(\.year) == [1900, 1930])
    let early = try #require(drawn.statements["n-early"])
    let late = try #require(drawn.statements["n-late"])
    #expect(early.left < late.left)
    #expect(late.left - early.left < 3 * 12 * TimelineScale.pointsPerMonth)
    #expect(drawn.boxes.keys.filter { $0.hasPrefix("break-") }.count == 1)
    #expect(drawn.statements["n-aim"] == nil)
    #expect(early.label.contains("\u{2713} success for: An aim"))
    #expect(late.label.contains("\u{2717} failure for: An aim"))
    #expect(try #require(drawn.boxes["undated-note"]).label.contains("1 statement without"))
    #expect(try map.scene(.timeline).title == "Argument map: timeline 1900\u{2013}1930")
  }

  @Test("timeline pages split the running example into periods that each fit A4 readably")
  func pages() throws {
    let map = try RunningExample.map()
    let renderer = MapRenderer()
    let page = PageSize.a4Landscape
    let pages = try renderer.timelinePages(map, page: page)
    #expect(pages.count > 1)
    var seen: [String] = []
    for (number, scene) in pages.enumerated() {
      #expect(scene.title.contains(", page \(number + 1) of \(pages.count)"))
      // The corrections of flagged facts follow on sheets of their own (CorrectionsKeyTests).
      guard scene.name == "timeline" else { continue }
      #expect(scene.placement == .fixed)
      let drawn = try DrawnTimeline(dot: try renderer.dot(for: scene))
      let first = try #require(drawn.years.first).year
      let last = try #require(drawn.years.last).year
      #expect(scene.title.contains("timeline \(first)\u{2013}\(last)") || first == last)
      seen += drawn.statements.values.sorted { $0.left < $1.left }.map(\.label)
      if drawn.statements.count > 1 {
        let svg = try renderer.render(scene, format: .svg)
        let root = try #require(try SVGDocument(svg).elements.first)
        let width = try #require(Double(root.attributes["width"]?.dropLast(2) ?? ""))
        let height = try #require(Double(root.attributes["height"]?.dropLast(2) ?? ""))
        let scale = page.scale(width: width, height: height)
        #expect(11 * scale >= page.minimumTextPoints - 0.05)
      }
    }
    #expect(seen.count == map.nodes.count { $0.date != nil })
    let whole = try DrawnTimeline(map).statements.values.sorted { $0.left < $1.left }.map(\.label)
    #expect(seen == whole)
  }

  /// Twelve events in the last weeks of 1914 before a cut: pushed apart, their dots ran past
  /// the end of 1914's stretch of axis and under the "//" (the origins of the First World War).
  @Test("a crowded month at the end of a stretch keeps its dots on that stretch of axis")
  func crowdedDotsStayOnTheirAxis() throws {
    var nodes = (1...12).map { (day: Int) in
      Node(
        .event, NodeID("e\(day)"), "Event \(day)",
        date: DateSpan(start: HistoricalDate(year: 1914, month: 12, day: day)))
    }
    nodes.append(
      Node(.event, "later", "Later", date: DateSpan(start: HistoricalDate(year: 1920))))
    let placed = try ArgumentMap(nodes: nodes).scene(.timeline).placingTimeline(sizes: [:]).scene
    func x(_ id: String) throws -> Double {
      try #require(
        placed.nodes.first { $0.id.rawValue == id }?.position,
        "\(id) not in \(placed.nodes.map(\.id.rawValue))"
      ).x
    }
    let breakX = try x("break-1")
    let end = try x("axis-end-1")
    var previous = -Double.infinity
    for day in 1...12 {
      let marker = try x("marker-n-e\(day)")
      #expect(marker <= end && marker < breakX - 10, "e\(day) at \(marker), axis ends at \(end)")
      #expect(marker > previous + 4)  // still apart, in date order
      previous = marker
    }
  }

  /// `--legend` was ignored by the timeline, whose bars, cuts and red borders went unexplained.
  @Test("with a legend, the timeline's note says what its bars, cuts and red borders mean")
  func timelineKey() throws {
    let map = try RunningExample.map()
    var options = SceneOptions()
    let bare = try map.scene(.timeline, options: options)
    options.showsLegend = true
    let keyed = try map.scene(.timeline, options: options)
    func note(_ scene: Scene) -> String {
      scene.nodes.first { $0.role == .timeNote }?.label ?? ""
    }
    #expect(!note(bare).contains("A bar"))
    for line in [
      "A bar: the span of a statement's dates.", "//: years with nothing in them, cut out",
      "A heavy red border: a fact flagged",
    ] {
      #expect(note(keyed).contains(line), "\(line)")
    }
  }

  @Test("no timeline page is left with one statement when the page before can spare some")
  func evenPages() throws {
    let map = try RunningExample.map()
    let pages = try MapRenderer().timelinePages(map, page: .slide).filter { $0.name == "timeline" }
    let counts = pages.map { page in
      page.nodes.count { if case .statement = $0.role { true } else { false } }
    }
    // Filled in date order, the last slide held Operation Barbarossa alone.
    #expect(counts.count > 2)
    #expect(counts.allSatisfy { $0 >= 2 }, "\(counts)")
    #expect(counts.reduce(0, +) == map.nodes.count { $0.date != nil })
  }

  @Test("a timeline that fits one slide stays one page, titled without a page number")
  func onePage() throws {
    let map = ArgumentMap(nodes: [
      Node(.event, "a", "One", date: DateSpan(start: HistoricalDate(year: 1939))),
      Node(.event, "b", "Two", date: DateSpan(start: HistoricalDate(year: 1940))),
    ])
    let pages = try MapRenderer().timelinePages(map, page: .slide)
    #expect(pages.count == 1)
    #expect(pages.first?.title == "Argument map: timeline 1939\u{2013}1940")
  }
}
