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
  /// For each node, where each of its links comes from (the first place given wins).
  private var links: [[Link: SourceMap.Span]] = []

  /// - Parameter lines: The imported file's lines, as its reader counted them.
  init(lines: LineTable) {
    self.lines = lines
  }

  /// A span from a range the importer reported or would report.
  static func span(_ range: SourceRange) -> SourceMap.Span {
    SourceMap.Span(range.start.offset, max(range.start.offset, range.end.offset))
  }

  /// Records the next node, defined at `range`.
  mutating func addNode(at range: SourceRange) {
    nodes.append(Self.span(range))
    links.append([:])
  }

  /// Records where node `node`'s `link` comes from, unless already recorded.
  mutating func addLink(_ link: Link, ofNode node: Int, at range: SourceRange) {
    guard node < links.count, links[node][link] == nil else { return }
    links[node][link] = Self.span(range)
  }

  /// The source map of `map`, whose nodes are those recorded, in the same order; `nil` when the
  /// counts differ (the validator then reports without positions rather than at wrong ones).
  func sourceMap(for map: ArgumentMap) -> SourceMap? {
    guard map.nodes.count == nodes.count else { return nil }
    var sourceMap = SourceMap(importedFrom: lines)
    for (index, node) in map.nodes.enumerated() {
      let at = nodes[index]
      sourceMap.appendImportedNode(
        at: at, date: nil, strength: nil,
        links: node.links.map { links[index][$0] ?? at }, flags: node.flags.count)
    }
    return sourceMap
  }
}
