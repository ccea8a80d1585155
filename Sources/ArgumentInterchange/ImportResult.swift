import ArgumentMap

/// What an import gives: the best-effort map and every problem found on the way.
///
/// An import never stops at the first problem and never traps: what it could read is in `map`,
/// what it could not read or could not represent is in `diagnostics`, with a location.
public struct ImportResult: Sendable {
  /// The map, as much of it as could be read.
  public var map: ArgumentMap
  /// Errors (the input is malformed), warnings (something has no counterpart in an argument
  /// map and was left out or changed) and notes, in the order found.
  public var diagnostics: [Diagnostic]

  /// Creates an import result; importers and exporters build these, tests may too.
  public init(map: ArgumentMap, diagnostics: [Diagnostic]) {
    self.map = map
    self.diagnostics = diagnostics
  }
}
