import ArgumentMap

/// Where each node and link of an imported map was written in the imported file.
///
/// An importer records a position as it makes each node and link; `sourceMap(for:)` then turns
/// them into the core's `SourceMap`, so that the validator's judgement of the imported map ("node
/// 'A' is connected to nothing", "contains a line break") points at the statement, claim or AIF
/// node in the imported file instead of at no line at all. Links are looked up by value, so an
/// importer may reorder or merge a node's links after recording them.
struct ImportPositions {
  private let lines: LineTable
  /// Where each node is defined, in the order the nodes were made.
  private var nodes: [SourceMap.Span] = []
  /// Where links come from, in the order recorded (the first place given for a link wins).
  /// One flat list: a table per node, or one table keyed by links, costs several times the
  /// memory and the time of hashing every link.
  private var links: [(node: Int, link: Link, span: SourceMap.Span)] = []

  /// - Parameter lines: The imported file's lines, as its reader counted them.
  init(lines: LineTable) {
    self.lines = lines
  }

  /// Makes room for about this many nodes and links at once: a large import then holds no
  /// half-empty arrays grown by doubling.
  mutating func reserveCapacity(nodes nodeCount: Int, links linkCount: Int) {
    nodes.reserveCapacity(nodeCount)
    links.reserveCapacity(linkCount)
  }

  /// A span from a range the importer reported or would report.
  static func span(_ range: SourceRange) -> SourceMap.Span {
    SourceMap.Span(range.start.offset, max(range.start.offset, range.end.offset))
  }

  /// Records the next node, defined at `range`.
  mutating func addNode(at range: SourceRange) {
    nodes.append(Self.span(range))
  }

  /// Records where node `node`'s `link` comes from, unless already recorded.
  mutating func addLink(_ link: Link, ofNode node: Int, at range: SourceRange) {
    guard node < nodes.count else { return }
    links.append((node, link, Self.span(range)))
  }

  /// The source map of `map`, whose nodes are those recorded, in the same order; `nil` when the
  /// counts differ (the validator then reports without positions rather than at wrong ones).
  func sourceMap(for map: ArgumentMap) -> SourceMap? {
    guard map.nodes.count == nodes.count else { return nil }
    // The recorded links grouped by node, in the order recorded (a counting sort).
    var groupStart = [Int](repeating: 0, count: nodes.count + 1)
    for record in links { groupStart[record.node + 1] += 1 }
    for index in nodes.indices { groupStart[index + 1] += groupStart[index] }
    var grouped = [Int](repeating: 0, count: links.count)
    var next = groupStart
    for (index, record) in links.enumerated() {
      grouped[next[record.node]] = index
      next[record.node] += 1
    }
    var sourceMap = SourceMap(importedFrom: lines)
    for (index, node) in map.nodes.enumerated() {
      let at = nodes[index]
      let recorded = grouped[groupStart[index]..<groupStart[index + 1]]
      let spans: [SourceMap.Span]
      if recorded.count <= 16 {
        spans = node.links.map { link in
          recorded.first { links[$0].link == link }.map { links[$0].span } ?? at
        }
      } else {
        // A node with many links: a table, so that finding each stays quick.
        let table = Dictionary(
          recorded.map { (links[$0].link, links[$0].span) }, uniquingKeysWith: { first, _ in first }
        )
        spans = node.links.map { table[$0] ?? at }
      }
      sourceMap.appendImportedNode(
        at: at, date: nil, strength: nil, links: spans, flags: node.flags.count)
    }
    return sourceMap
  }
}
