/// One statement of the argument: an aim, a claim, a piece of evidence, an event or an
/// interpretation, with what the author knows about it and the links it makes.
public struct Node: Hashable, Sendable {
  /// The node's id, unique within its map.
  public var id: NodeID
  /// What part the node plays.
  public var kind: NodeKind
  /// The statement, as the author wrote it.
  public var text: String
  /// A short name the author gave the node (Argdown's `[Title]`), when it is not the id.
  public var title: String?
  /// When it happened, for events and dated evidence.
  public var date: DateSpan?
  /// Citations, in order.
  public var sources: [String]
  /// Tags, in order.
  public var tags: [String]
  /// Notes for teachers, in order.
  public var notes: [String]
  /// The node's base score or confidence, 0–1, when given.
  public var strength: Double?
  /// Factual corrections of the text as written.
  public var flags: [Flag]
  /// The links that start at this node, in written order.
  public var links: [Link]
  /// Comment lines written just before the node, without their `#`.
  public var comments: [String]
  /// Comment lines written after the node's last link, flag or property.
  public var trailingComments: [String]

  /// Creates a node from its kind, id and text, with everything else optional; nothing is
  /// checked here (the validator judges ids, strengths and link targets).
  public init(
    _ kind: NodeKind,
    _ id: NodeID,
    _ text: String,
    title: String? = nil,
    date: DateSpan? = nil,
    sources: [String] = [],
    tags: [String] = [],
    notes: [String] = [],
    strength: Double? = nil,
    flags: [Flag] = [],
    links: [Link] = [],
    comments: [String] = [],
    trailingComments: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.title = title
    self.date = date
    self.sources = sources
    self.tags = tags
    self.notes = notes
    self.strength = strength
    self.flags = flags
    self.links = links
    self.comments = comments
    self.trailingComments = trailingComments
  }

  /// Whether the node is a main aim (a thesis).
  public var isMainAim: Bool { kind == .mainAim }
  /// Whether the node carries at least one factual correction.
  public var isFlagged: Bool { !flags.isEmpty }
}

extension Node {
  /// The most characters a short name may have: it must fit a column heading or a legend.
  public static let shortNameLimit = 40

  /// What reports call an interpretation or an aim: its `title` when it fits, else the text
  /// before its first colon
  /// ("Security reading: Stalin sought ..." gives "Security reading"), else the whole text
  /// when it is short, else its first sentence ("Orthodox reading. Stalin planned ..." gives
  /// "Orthodox reading"); each only when it has at most `shortNameLimit` characters. `nil`
  /// when none fits: callers then use the id, and `argmap check` warns for an interpretation.
  public var shortName: String? {
    func fits(_ text: Substring) -> Bool {
      !text.trimmingSpaces().isEmpty && text.count <= Self.shortNameLimit
    }
    if let title, fits(title[...]) { return title }
    if let colon = text.firstIndex(of: ":"), fits(text[..<colon]) {
      return String(text[..<colon].trimmingSpaces())
    }
    if fits(text[...]) { return text }
    // A sentence ends at ". " after a lower-case letter, a digit or a bracket, not after an
    // initial ("A. J. P. Taylor").
    var index = text.startIndex
    while let stop = text[index...].firstIndex(of: ".") {
      let next = text.index(after: stop)
      guard next < text.endIndex else { break }
      if text[next] == " ", stop > text.startIndex {
        let before = text[text.index(before: stop)]
        if before.isLowercase || before.isNumber || before == ")" {
          return fits(text[..<stop]) ? String(text[..<stop]) : nil
        }
      }
      index = next
    }
    return nil
  }
}
