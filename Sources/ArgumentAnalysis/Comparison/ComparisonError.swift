import ArgumentMap

/// Why two or more interpretations cannot be compared on a map.
public enum ComparisonError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No node has the id.
  case unknownNode(NodeID, suggestion: NodeID?)
  /// No node has the id given as the aim of a table or an essay plan.
  case unknownAim(NodeID, suggestion: NodeID?)
  /// The node exists but is not an interpretation.
  case notAnInterpretation(NodeID, kind: NodeKind)
  /// Fewer than two distinct interpretations were named.
  case tooFewInterpretations

  /// The problem as a diagnostic message (lower-case, ids in single quotes, with a suggestion
  /// for a mistyped id); `argmap compare` and `argmap table` print it after `FILE: error: `.
  public var description: String {
    switch self {
    case .unknownNode(let id, let suggestion):
      if let suggestion { return "unknown interpretation '\(id)'; did you mean '\(suggestion)'?" }
      return "unknown interpretation '\(id)'"
    case .unknownAim(let id, let suggestion):
      if let suggestion { return "unknown aim '\(id)'; did you mean '\(suggestion)'?" }
      return "unknown aim '\(id)'"
    case .notAnInterpretation(let id, let kind):
      return "'\(id)' is a \(kind.displayName), not an interpretation"
    case .tooFewInterpretations:
      return "a comparison needs at least two different interpretations"
    }
  }

  /// The id the problem is about, so that a caller can point at where it is written.
  public var id: NodeID? {
    switch self {
    case .unknownNode(let id, _), .unknownAim(let id, _), .notAnInterpretation(let id, _): id
    case .tooFewInterpretations: nil
    }
  }
}
