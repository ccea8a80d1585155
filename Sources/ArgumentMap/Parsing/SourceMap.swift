/// Where each part of a parsed map was written, so the validator can point at it.
///
/// Kept apart from the model so that maps compare equal whatever their layout; its arrays are
/// aligned with the map's (`nodes[i]` describes `map.nodes[i]`, `links[j]` its `links[j]`).
public struct SourceMap: Hashable, Sendable {
  /// Positions of one node's parts.
  public struct NodeSpans: Hashable, Sendable {
    /// The whole header line, without its line break.
    public var line: SourceRange
    public var kind: SourceRange
    public var id: SourceRange
    public var date: SourceRange?
    public var strength: SourceRange?
    public var links: [LinkSpans]
    public var flags: [SourceRange]
  }

  /// Positions of one link's parts.
  public struct LinkSpans: Hashable, Sendable {
    /// The whole link line, without indentation and line break.
    public var line: SourceRange
    /// One range per node id in the target (two for an undercut's `from -> to`).
    public var targets: [SourceRange]
    public var scope: SourceRange?
    public var strength: SourceRange?
  }

  public var nodes: [NodeSpans]
  /// The front matter's `date:` value, when given.
  public var metadataDate: SourceRange?
  /// The start of the file, for diagnostics about the map as a whole.
  public var start: SourceRange

  public init(nodes: [NodeSpans] = [], metadataDate: SourceRange? = nil, start: SourceRange) {
    self.nodes = nodes
    self.metadataDate = metadataDate
    self.start = start
  }
}
