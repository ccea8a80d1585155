/// Any semantics the toolkit evaluates a map under: an extension semantics (labels) or a gradual
/// one (strengths).
///
/// The raw values are the command-line spellings (`grounded`, `df-quad`, ...).
public enum Semantics: Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// Dung semantics: stands, falls or undecided.
  case extensions(ExtensionSemantics)
  /// Gradual semantics: a strength from 0 to 1.
  case gradual(GradualSemantics)

  /// Every semantics, extension ones first.
  public static var allCases: [Semantics] {
    ExtensionSemantics.allCases.map(Semantics.extensions)
      + GradualSemantics.allCases.map(Semantics.gradual)
  }

  /// Parses a command-line spelling; `nil` when unknown.
  public init?(rawValue: String) {
    if let value = ExtensionSemantics(rawValue: rawValue) {
      self = .extensions(value)
    } else if let value = GradualSemantics(rawValue: rawValue) {
      self = .gradual(value)
    } else {
      return nil
    }
  }

  /// The command-line spelling.
  public var rawValue: String {
    switch self {
    case .extensions(let semantics): semantics.rawValue
    case .gradual(let semantics): semantics.rawValue
    }
  }

  /// The command-line spelling (`grounded`, `df-quad`), so a semantics prints as it is typed.
  public var description: String { rawValue }

  /// A readable name for reports ("DF-QuAD", "grounded").
  public var displayName: String {
    switch self {
    case .extensions(let semantics): semantics.rawValue
    case .gradual(.dfQuAD): "DF-QuAD"
    case .gradual(.quadraticEnergy): "quadratic energy"
    case .gradual(.euler): "Euler-based"
    case .gradual(.hCategorizer): "h-categorizer"
    }
  }
}
