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

    /// Orders severities from least to most serious (note, warning, error), so that the worst of
    /// a list is its `max()`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// A related location ("first defined here").
  public struct Note: Hashable, Sendable {
    /// What the related location is, in the same style as a diagnostic's message.
    public var message: String
    /// The related location; `nil` when it has no position (a map built in code).
    public var range: SourceRange?

    /// Creates a note pointing at `range`, printed after its diagnostic as a `note:` line.
    public init(_ message: String, range: SourceRange?) {
      self.message = message
      self.range = range
    }
  }

  /// A suggested edit: replace the text in `range` by `replacement`.
  public struct FixIt: Hashable, Sendable {
    /// The source text to replace; an empty range inserts at its location.
    public var range: SourceRange
    /// The text to put in place of `range`.
    public var replacement: String

    /// Creates an edit that an editor or a test can apply to the source bytes.
    public init(range: SourceRange, replacement: String) {
      self.range = range
      self.replacement = replacement
    }
  }

  /// How serious the problem is; any `error` makes `argmap check` exit with status 1.
  public var severity: Severity
  /// A stable, kebab-case identifier of the kind of problem (`unknown-node`), for tools and tests.
  public var id: String
  /// Lower-case, no trailing period, source text in single quotes.
  public var message: String
  /// Where the problem is; `nil` when the input has no positions (a map built in code).
  public var range: SourceRange?
  /// Related locations ("first defined here"), printed after the message in order.
  public var notes: [Note]
  /// Suggested edits ("did you mean 'security'?"), shown in the JSON output for tools to apply.
  public var fixIts: [FixIt]

  /// Creates a diagnostic; the parser and validator make theirs through `DiagnosticMessages`, so
  /// that ids and wording stay in one catalogue.
  ///
  /// - Parameters:
  ///   - severity: How serious the problem is.
  ///   - id: The stable, kebab-case kind of problem (`unknown-node`).
  ///   - message: Lower-case, no trailing period, source text in single quotes.
  ///   - range: Where the problem is, or `nil` when the input has no positions.
  ///   - notes: Related locations, in the order they are printed.
  ///   - fixIts: Suggested edits.
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
