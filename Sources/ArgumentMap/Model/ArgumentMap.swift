/// An argument as a typed directed graph: aims, claims, evidence, events and interpretations,
/// linked by supports, opposes and undercuts.
///
/// A map is a value: `Equatable`, `Sendable`, and printed in the order it was written, so that the
/// same map always gives the same bytes. Links live under their source nodes, as in `.argmap` text.
public struct ArgumentMap: Hashable, Sendable {
  /// Title, author, date, language and any other front-matter entries.
  public var metadata: Metadata
  /// The nodes, in written order.
  public var nodes: [Node]
  /// Comment lines at the end of the file, after the last node.
  public var trailingComments: [String]

  /// Creates a map from its parts, as the parser, the JSON reader and importers do; nothing is
  /// checked here (`validate(sourceMap:)` judges ids, links and dates).
  public init(metadata: Metadata = Metadata(), nodes: [Node] = [], trailingComments: [String] = [])
  {
    self.metadata = metadata
    self.nodes = nodes
    self.trailingComments = trailingComments
  }

  /// The first node with the given id, if any.
  ///
  /// - Complexity: O(*n*) in the number of nodes; build `nodeIndex()` once for repeated look-ups.
  public func node(withID id: NodeID) -> Node? {
    nodes.first { $0.id == id }
  }

  /// A table from id to position in `nodes`; the first node wins when an id is duplicated.
  ///
  /// - Complexity: O(*n*).
  public func nodeIndex() -> [NodeID: Int] {
    var index: [NodeID: Int] = [:]
    index.reserveCapacity(nodes.count)
    for (position, node) in nodes.enumerated() where index[node.id] == nil {
      index[node.id] = position
    }
    return index
  }

  /// Every link with its source node, in written order.
  public var allLinks: [(source: NodeID, link: Link)] {
    nodes.flatMap { node in node.links.map { (source: node.id, link: $0) } }
  }

  /// The interpretation nodes, in written order.
  public var interpretations: [Node] {
    nodes.filter { $0.kind == .interpretation }
  }

  /// The main aims, in written order.
  public var mainAims: [Node] {
    nodes.filter(\.isMainAim)
  }
}

/// Document metadata from the front matter.
public struct Metadata: Hashable, Sendable {
  /// The map's title.
  public var title: String?
  /// Who wrote the argument (or modelled it).
  public var author: String?
  /// When, as written (usually `YYYY-MM-DD`).
  public var date: String?
  /// The language of the texts, as a BCP 47 tag (`en`, `de`).
  public var language: String?
  /// Other front-matter entries, in written order.
  public var extra: [Entry]

  /// A front-matter entry that is not one of the named fields.
  public struct Entry: Hashable, Sendable {
    /// The key as written before the colon.
    public var key: String
    /// The value as written after the colon, kept as text.
    public var value: String

    /// Creates an entry; the printer writes it back as `key: value` after the named fields.
    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  /// Creates metadata; every field is optional, and an all-`nil` value prints no front matter.
  public init(
    title: String? = nil,
    author: String? = nil,
    date: String? = nil,
    language: String? = nil,
    extra: [Entry] = []
  ) {
    self.title = title
    self.author = author
    self.date = date
    self.language = language
    self.extra = extra
  }

  /// Whether no entry is set (the printer then writes no front matter).
  public var isEmpty: Bool {
    title == nil && author == nil && date == nil && language == nil && extra.isEmpty
  }
}
