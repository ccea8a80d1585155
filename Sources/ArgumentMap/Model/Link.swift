/// What a link points at: a node, or (for an undercut) the link between two nodes.
public enum LinkTarget: Hashable, Sendable {
  /// A node, by id.
  case node(NodeID)
  /// The link (or links) from one node to another: an undercut attacks the inference.
  case link(from: NodeID, to: NodeID)

  /// The node ids the target mentions, in written order.
  public var nodeIDs: [NodeID] {
    switch self {
    case .node(let id): [id]
    case .link(let from, let to): [from, to]
    }
  }
}

/// A directed link from the node that holds it to a target: supports, opposes or undercuts.
///
/// A link lives under its source node (`Node.links`), as it does in `.argmap` text. It may carry
/// the reasoning behind it, a strength, and an interpretation scope: "read this way under that
/// interpretation", so that one event can be read two ways.
public struct Link: Hashable, Sendable {
  /// How the source bears on the target.
  public var relation: Relation
  /// The node (or, for undercuts, the link) the source bears on.
  public var target: LinkTarget
  /// The interpretation under which this reading holds; `nil` when it holds under all.
  public var scope: NodeID?
  /// The link's weight, 0–1, when given.
  public var strength: Double?
  /// Why the source bears on the target ("because ..."); `nil` when not given.
  public var reasoning: String?
  /// Comment lines written just before the link, without their `#`.
  public var comments: [String]

  /// Creates a link to put in its source node's `links`; targets are not resolved here (the
  /// validator reports a link to an unknown node).
  public init(
    _ relation: Relation,
    _ target: LinkTarget,
    scope: NodeID? = nil,
    strength: Double? = nil,
    reasoning: String? = nil,
    comments: [String] = []
  ) {
    self.relation = relation
    self.target = target
    self.scope = scope
    self.strength = strength
    self.reasoning = reasoning
    self.comments = comments
  }
}

/// A factual problem in a node as written, with the correct fact and its sources.
///
/// The node keeps the author's words; the flag says what is wrong, so a teacher can use it.
public struct Flag: Hashable, Sendable {
  /// The correction: what is actually the case.
  public var text: String
  /// Citations for the correction, in order.
  public var sources: [String]
  /// Comment lines written just before the flag, without their `#`.
  public var comments: [String]

  /// Creates a flag with the correct fact; `sources` back the correction, not the node's text.
  public init(_ text: String, sources: [String] = [], comments: [String] = []) {
    self.text = text
    self.sources = sources
    self.comments = comments
  }
}
