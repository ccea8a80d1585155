import ArgumentMap

/// Measures a laid-out diagram for one page: text sizes, overlaps, crossings, time order.
///
/// Works on `LaidOutDiagram` alone (plus the dates of the statements), so tests can pin a
/// situation down by hand; `MapRenderer.readability(of:on:)` feeds it Graphviz's layout. Every
/// detector walks the diagram in its order, so the same layout gives the same figures and
/// problems.
package struct ReadabilityMeasurement: Sendable {
  /// How far two things may run into each other, in points, and still count as touching.
  package static let tolerance = 0.5
  /// How close to a node two edges that share it may meet without counting as a crossing.
  package static let sharedNodeMargin = 10.0

  /// The layout.
  package var diagram: LaidOutDiagram
  /// The start dates of the dated statements, by node name.
  package var dates: [String: HistoricalDate]
  /// Whether to count dated statements out of time order.
  package var checksTimeOrder: Bool

  /// Creates a measurement.
  ///
  /// - Parameters:
  ///   - diagram: The layout.
  ///   - dates: The start dates of the dated statements, by node name.
  ///   - checksTimeOrder: Whether to count dated statements placed out of date order.
  package init(
    diagram: LaidOutDiagram, dates: [String: HistoricalDate] = [:], checksTimeOrder: Bool = false
  ) {
    self.diagram = diagram
    self.dates = dates
    self.checksTimeOrder = checksTimeOrder
  }

  /// The figures of the diagram on `page`.
  ///
  /// - Complexity: O(*e*² *s*²) for *e* edges of *s* segments (the crossings), which the
  ///   bounding-box checks keep far lower on real diagrams.
  package func figures(on page: PageSize) -> ReadabilityFigures {
    let bounds = diagram.boundingBox
    let scale = page.scale(width: bounds.maxX - bounds.minX, height: bounds.maxY - bounds.minY)
    let lines = diagram.labels.flatMap(\.lines)
    let smallest = lines.map(\.fontSize).min()
    var problems: [String] = []
    let labelLabel = labelLabelOverlaps(&problems)
    let labelNode = labelNodeOverlaps(&problems)
    let nodeNode = nodeNodeOverlaps(&problems)
    let throughLabels = edgesThroughLabels(&problems)
    let crossings = edgeCrossings(&problems)
    let timeOrder = checksTimeOrder ? timeOrderViolations(&problems) : 0
    if let smallest, page.readerSize(ofTextPoints: smallest, scale: scale) < page.minimumReaderSize
    {
      problems.insert(
        "the smallest text measures "
          + Self.format(page.readerSize(ofTextPoints: smallest, scale: scale))
          + " \(page.readerUnit) on \(page.rawValue), less than the "
          + Self.format(page.minimumReaderSize) + " \(page.readerUnit) a class can read",
        at: 0)
    }
    return ReadabilityFigures(
      pages: 1, scale: scale, smallestTextPoints: smallest,
      smallestReaderText: smallest.map { page.readerSize(ofTextPoints: $0, scale: scale) },
      readerUnit: page.readerUnit, minimumReaderText: page.minimumReaderSize,
      labelLabelOverlaps: labelLabel, labelNodeOverlaps: labelNode, nodeNodeOverlaps: nodeNode,
      edgesThroughLabels: throughLabels, edgeCrossings: crossings,
      timelineOrderViolations: timeOrder,
      words: lines.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count },
      problems: problems)
  }

  /// A size with at most one decimal, for problem sentences and the report.
  package static func format(_ value: Double) -> String {
    let tenths = (value * 10).rounded() / 10
    return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
  }

  /// How a label is named in a problem sentence.
  /// An edge as a reader finds it on the page: its id, then the number it carries and the
  /// statements it joins (ids as written in the map). The id alone ("link-7-1") named nothing
  /// on the page: that arrow is drawn as reason 6. A link whose number is drawn as a node of
  /// its own is two edges through that node; each is named by the link's two ends.
  func name(of edge: LaidOutDiagram.Edge) -> String {
    func text(of owner: LaidOutDiagram.Owner) -> String? {
      diagram.labels.first { $0.owner == owner }.map { $0.lines.map(\.text).joined(separator: " ") }
        .flatMap { $0.isEmpty ? nil : $0 }
    }
    var number = text(of: .edge(edge.name))
    var ends: [String] = []
    for end in [edge.tail, edge.head] {
      guard end.hasPrefix("number-") else {
        ends.append(end)
        continue
      }
      number = number ?? text(of: .node(end))
      for other in diagram.edges where other.name != edge.name {
        if other.tail == end { ends.append(other.head) }
        if other.head == end { ends.append(other.tail) }
      }
    }
    let named = ends.map { "'" + ($0.hasPrefix("n-") ? String($0.dropFirst(2)) : $0) + "'" }
    return "edge '\(edge.name)' (" + (number.map { "reason \($0), " } ?? "")
      + "between " + named.joined(separator: " and ") + ")"
  }

  static func name(of label: LaidOutDiagram.Label) -> String {
    switch label.owner {
    case .graph: "the title"
    case .cluster(let name): "the heading of box '\(name)'"
    case .node, .edge: "the label of \(label.owner)"
    }
  }
}
