import ArgumentMap

/// A problem found in a block, located by byte offsets in the block's content.
///
/// The diagnostic comes from the catalogue without a range; the processor turns `range` into
/// `file:line:column` of the notes file.
struct BlockProblem: Hashable, Sendable {
  var diagnostic: Diagnostic
  /// Content bytes the problem covers (empty: a point).
  var range: Range<Int>
}
