/// Where each part of a parsed map was written, so the validator can point at it.
///
/// Kept apart from the model so that maps compare equal whatever their layout. Positions are kept
/// as byte spans, cheap to record for every node of a million-node map; they become lines and
/// columns (`range(of:)`) only when a diagnostic needs one. `nodes[i]` describes `map.nodes[i]`;
/// a node's links and flags are contiguous runs of `links` and `flags`.
public struct SourceMap: Sendable {
  /// A half-open run of bytes of the source.
  public struct Span: Hashable, Sendable {
    /// The offset of the first byte, from 0 (32 bits keep a million-node map's spans small).
    public var start: Int32
    /// The offset just past the last byte.
    public var end: Int32

    /// Creates a span from byte offsets; offsets beyond 32 bits are truncated, not trapped.
    public init(_ start: Int, _ end: Int) {
      self.start = Int32(truncatingIfNeeded: start)
      self.end = Int32(truncatingIfNeeded: end)
    }
  }

  /// Positions of one node's parts.
  public struct NodeSpans: Hashable, Sendable {
    /// The whole header line, without its line break.
    public var line: Span
    /// The kind keyword (`claim`, `main-aim`); in JSON, the `kind` value.
    public var kind: Span
    /// The node's id.
    public var id: Span
    /// The date between the parentheses, when written.
    public var date: Span?
    /// The value of the node's `strength:` property line, when written.
    public var strength: Span?
    /// The position in `links` of the node's first link.
    public var firstLink: Int32
    /// The position in `flags` of the node's first flag.
    public var firstFlag: Int32
  }

  /// Positions of one link's parts.
  public struct LinkSpans: Hashable, Sendable {
    /// The whole link line, without indentation and line break.
    public var line: Span
    /// The target id (for an undercut, the `from` id).
    public var target: Span
    /// For an undercut, the `to` id.
    public var secondTarget: Span?
    /// The interpretation id in the link's `[...]` scope, when written.
    public var scope: Span?
    /// The number in the link's `(...)` strength, when written.
    public var strength: Span?
  }

  /// One entry per node of the map, in the same order: `nodes[i]` is where `map.nodes[i]` is.
  public var nodes: [NodeSpans] = []
  /// Every link of the map in written order, node by node; see `linkSpans(node:link:)`.
  public var links: [LinkSpans] = []
  /// The flag lines, in order.
  public var flags: [Span] = []
  /// The front matter's `date:` value, when given.
  public var metadataDate: Span?

  /// The source bytes and where their lines start, to turn spans into lines and columns.
  let source: [UInt8]
  var lineStarts: [Int32] = [0]
  /// Whether the source is `.argmap` text, whose parser already holds ids and texts to the
  /// grammar (JSON keeps positions too, but its strings may hold anything).
  let isArgmapText: Bool

  init(source: [UInt8], isArgmapText: Bool) {
    self.source = source
    self.isArgmapText = isArgmapText
  }

  /// An empty source map over another format's text, for an importer to fill with the spans
  /// where each node came from, so the validator's warnings on an imported map point into the
  /// imported file; `lines` tells where that format's lines start.
  package init(importedFrom lines: LineTable) {
    self.init(source: lines.bytes, isArgmapText: false)
    lineStarts = lines.starts.map { Int32(truncatingIfNeeded: $0) }
  }

  /// Records where the next node of an imported map was written: one span (where the node is
  /// defined in the other format) stands for its header, kind and id, and one span per link for
  /// the link's line and targets.
  ///
  /// - Parameters:
  ///   - span: Where the node is defined.
  ///   - date: Where its date is given, if apart from the definition.
  ///   - strength: Where its strength is given, if apart from the definition.
  ///   - links: Where each of the node's links comes from, in the order of `node.links`.
  ///   - flags: How many flags the node has (each is located at the node).
  package mutating func appendImportedNode(
    at span: Span, date: Span?, strength: Span?, links: [Span], flags: Int
  ) {
    nodes.append(
      NodeSpans(
        line: span, kind: span, id: span, date: date, strength: strength,
        firstLink: Int32(truncatingIfNeeded: self.links.count),
        firstFlag: Int32(truncatingIfNeeded: self.flags.count)))
    for link in links {
      self.links.append(LinkSpans(line: link, target: link, secondTarget: link))
    }
    self.flags += Array(repeating: span, count: flags)
  }

  /// The start of the file, for diagnostics about the map as a whole.
  public var start: SourceRange {
    let location = SourceLocation(line: 1, column: 1, offset: 0)
    return SourceRange(at: location)
  }

  /// The lines and columns of a span (columns count Unicode scalars from 1).
  ///
  /// - Complexity: O(log *lines* + *length of the line*).
  public func range(of span: Span) -> SourceRange {
    SourceRange(start: location(Int(span.start)), end: location(Int(span.end)))
  }

  /// The span of link `index` of node `node`, if the map came from text.
  ///
  /// - Parameters:
  ///   - node: The node's position in `map.nodes`.
  ///   - index: The link's position in that node's `links`.
  /// - Returns: The link's spans, or `nil` when either position is out of range (a map built or
  ///   edited in code has no spans for what was added).
  public func linkSpans(node: Int, link index: Int) -> LinkSpans? {
    guard node < nodes.count else { return nil }
    let position = Int(nodes[node].firstLink) + index
    return position < links.count ? links[position] : nil
  }

  /// The line and column of a byte offset.
  ///
  /// Lines are found as `LineTable` finds them; columns are counted from the line's start, as
  /// `LineTable` counts them (scalars from 1, a byte order mark taking none).
  ///
  /// - Complexity: O(log *lines* + *length of the line*).
  public func location(_ offset: Int) -> SourceLocation {
    let low = LineTable.lineIndex(ofOffset: offset, in: lineStarts)
    var column = 1
    var index = Int(lineStarts[low])
    // A byte order mark at the very start takes no column.
    if low == 0, source.count >= 3, source[0] == 0xEF, source[1] == 0xBB, source[2] == 0xBF {
      index = min(3, offset)
    }
    let end = min(offset, source.count)
    while index < end {
      if source[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(line: low + 1, column: column, offset: offset)
  }
}
