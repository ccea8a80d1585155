/// How a link's source bears on its target.
public enum Relation: String, CaseIterable, Sendable, Hashable {
  /// The source gives a reason to accept the target.
  case supports
  /// The source attacks the target.
  case opposes
  /// The source attacks the inference of another link, not its nodes.
  case undercuts

  /// The sign that introduces the link in `.argmap` text.
  public var sign: Character {
    switch self {
    case .supports: "+"
    case .opposes: "-"
    case .undercuts: "_"
    }
  }

  /// Whether the relation is an attack (opposes or undercuts).
  public var isAttack: Bool {
    switch self {
    case .supports: false
    case .opposes, .undercuts: true
    }
  }
}
