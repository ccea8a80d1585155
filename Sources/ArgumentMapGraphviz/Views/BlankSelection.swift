import ArgumentMap

/// Which statements a worksheet blanks: all of them, the events, the claims, or named ones.
public enum BlankSelection: Hashable, Sendable, CustomStringConvertible {
  /// Every statement: the bare structure, to be filled in.
  case all
  /// The events: "put the dates and events in".
  case events
  /// The claims and counterclaims: "what does this evidence show?".
  case claims
  /// The statements with these ids, in the order given.
  case nodes([NodeID])

  /// Reads `all`, `events`, `claims`, or a comma-separated list of ids (spaces around ids are
  /// ignored); `nil` for text with no id in it.
  public init?(parsing text: String) {
    switch text {
    case "all": self = .all
    case "events": self = .events
    case "claims": self = .claims
    default:
      let ids = text.split(separator: ",", omittingEmptySubsequences: false).map { part in
        String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
      }
      guard !ids.isEmpty, ids.allSatisfy({ !$0.isEmpty }) else { return nil }
      self = .nodes(ids.map { NodeID($0) })
    }
  }

  /// The kinds whose every statement is blanked.
  public var kinds: [NodeKind] {
    switch self {
    case .all: NodeKind.allCases
    case .events: [.event]
    case .claims: [.claim, .counterclaim]
    case .nodes: []
    }
  }

  /// The statements blanked by id.
  public var nodes: [NodeID] {
    switch self {
    case .all, .events, .claims: []
    case .nodes(let ids): ids
    }
  }

  /// The selection as `--blank` takes it: `all`, `events`, `claims` or ids with commas.
  public var description: String {
    switch self {
    case .all: "all"
    case .events: "events"
    case .claims: "claims"
    case .nodes(let ids): ids.map(\.rawValue).joined(separator: ",")
    }
  }
}
