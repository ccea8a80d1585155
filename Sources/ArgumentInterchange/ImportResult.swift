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
  /// Where each node and link of `map` was written in the imported file, so that validating the
  /// map (`map.validate(sourceMap:)`, as `ImportFormat.check` does) locates its warnings there;
  /// `nil` when the importer could not tell.
  public var sourceMap: SourceMap?

  /// Creates an import result; importers and exporters build these, tests may too.
  ///
  /// - Parameters:
  ///   - map: The map, as much of it as could be read.
  ///   - diagnostics: Every problem found, in the order found.
  ///   - sourceMap: Where the map's nodes and links were written, if known.
  public init(map: ArgumentMap, diagnostics: [Diagnostic], sourceMap: SourceMap? = nil) {
    self.map = map
    self.diagnostics = diagnostics
    self.sourceMap = sourceMap
  }
}
