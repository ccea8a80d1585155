import ArgumentMap

/// A problem found in a block, located by byte offsets in the block's content.
///
/// The processor turns the offsets into `file:line:column` of the notes file.
struct BlockProblem: Hashable, Sendable {
  var severity: Diagnostic.Severity
  var id: String
  var message: String
  /// Content bytes the problem covers (empty: a point).
  var range: Range<Int>
}
