import ArgumentMap

/// Which way a piece of evidence counts for a thesis.
public enum Bearing: String, Hashable, Sendable, CaseIterable {
  /// Every chain from the evidence to the thesis supports it.
  case supports
  /// Every chain from the evidence to the thesis counts against it.
  case opposes
  /// Some chains support the thesis and some count against it.
  case mixed

  init?(bits: UInt8) {
    switch bits {
    case 1: self = .supports
    case 2: self = .opposes
    case 3: self = .mixed
    default: return nil
    }
  }

  /// How a teacher would say it.
  public var displayName: String {
    switch self {
    case .supports: "for"
    case .opposes: "against"
    case .mixed: "for and against"
    }
  }
}

/// One link as an interpretation reads it: where it points, how, under which scope, and why.
public struct LinkReading: Hashable, Sendable {
  /// The relation.
  public var relation: Relation
  /// The link's target.
  public var target: LinkTarget
  /// The interpretation the link is scoped to, if any.
  public var scope: NodeID?
  /// The link's weight, if given.
  public var strength: Double?
  /// The author's reasoning, if given.
  public var reasoning: String?
  /// Whether this link's chain supports or opposes the thesis.
  public var bearing: Bearing

  init(_ link: Link, bearing: Bearing) {
    self.relation = link.relation
    self.target = link.target
    self.scope = link.scope
    self.strength = link.strength
    self.reasoning = link.reasoning
    self.bearing = bearing
  }
}

/// How one interpretation uses one piece of evidence: the links on a chain to its thesis.
public struct EvidenceReading: Hashable, Sendable {
  /// The evidence or event node.
  public var evidence: NodeID
  /// Which way it counts overall.
  public var bearing: Bearing
  /// The evidence's own links that lead to the thesis, in written order.
  public var links: [LinkReading]
  /// The evidence nodes through which this one reaches the thesis, when it only does so through
  /// other evidence (a detail of a larger item, such as one pact among the 1932 pacts).
  public var via: [NodeID]
}
