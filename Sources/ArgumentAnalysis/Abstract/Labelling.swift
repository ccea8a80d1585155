/// Whether an argument stands, falls, or is left open under a semantics (Caminada's labels).
///
/// Teachers read these as "stands", "falls" and "undecided"; the raw values are the words used in
/// JSON output.
public enum Label: String, Sendable, Hashable, CaseIterable {
  /// Accepted: every attacker is out.
  case `in`
  /// Rejected: some attacker is in.
  case out
  /// Neither: the framework cannot settle it (typically an odd cycle or a standoff).
  case undecided

  /// The word a teacher would use.
  public var displayName: String {
    switch self {
    case .in: "stands"
    case .out: "falls"
    case .undecided: "undecided"
    }
  }
}

/// A labelling of every argument of a framework, with its in-set as an extension.
///
/// Stored as one byte per argument so that a labelling of a million arguments stays small.
public struct Labelling: Hashable, Sendable {
  /// The label of each argument, by index.
  public var labels: [Label]

  /// Creates a labelling from its labels.
  public init(labels: [Label]) {
    self.labels = labels
  }

  /// The arguments labelled in, in increasing index order: the extension.
  public var accepted: [Int] {
    labels.indices.filter { labels[$0] == .in }
  }

  /// The arguments with the given label, in increasing index order.
  public func arguments(labelled label: Label) -> [Int] {
    labels.indices.filter { labels[$0] == label }
  }
}
