/// A problem found in a map: its severity, a stable id, a message, where it is, and what may help.
///
/// Diagnostics are values: the parser and the validator collect every one of them instead of
/// stopping at the first, and the command line prints them as `file:line:column: severity: message`.
public struct Diagnostic: Hashable, Sendable {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// A related location ("first defined here").
  public struct Note: Hashable, Sendable {
    public var message: String
    public var range: SourceRange?
    public init(_ message: String, range: SourceRange?) {
      self.message = message
      self.range = range
    }
  }

  /// A suggested edit: replace the text in `range` by `replacement`.
  public struct FixIt: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String
    public init(range: SourceRange, replacement: String) {
      self.range = range
      self.replacement = replacement
    }
  }

  public var severity: Severity
  /// A stable, kebab-case identifier of the kind of problem (`unknown-node`), for tools and tests.
  public var id: String
  /// Lower-case, no trailing period, source text in single quotes.
  public var message: String
  /// Where the problem is; `nil` when the input has no positions (a map built in code).
  public var range: SourceRange?
  public var notes: [Note]
  public var fixIts: [FixIt]

  public init(
    _ severity: Severity,
    id: String,
    message: String,
    range: SourceRange?,
    notes: [Note] = [],
    fixIts: [FixIt] = []
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.range = range
    self.notes = notes
    self.fixIts = fixIts
  }

  /// Whether the diagnostic is an error.
  public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var containsErrors: Bool { contains(where: \.isError) }
}
