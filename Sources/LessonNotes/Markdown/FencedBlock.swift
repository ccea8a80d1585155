/// One fenced code block whose info string is `argmap`, as found in a notes file.
///
/// Positions are UTF-8 byte offsets into the notes file. The block's content is taken from the
/// file's own bytes (line endings kept), with the container prefix of each line (block-quote
/// markers, list indentation, fence indentation) removed, so that a position inside the content
/// maps back to one byte of the notes file.
public struct FencedBlock: Hashable, Sendable {
  /// One line of the content: where it starts in the content and in the notes file.
  public struct ContentLine: Hashable, Sendable {
    /// Offset of the line's first byte in `content`.
    public var contentOffset: Int
    /// Offset of the same byte in the notes file.
    public var fileOffset: Int
  }

  /// The position of the block among the `argmap` blocks of its file, from 0.
  public var index: Int
  /// The bytes a rendering replaces: from the opening fence's first character to the end of the
  /// closing fence's line (its line break excluded).
  public var replacedBytes: Range<Int>
  /// Where the opening fence starts in the notes file.
  public var fenceOffset: Int
  /// The fence's character (`` ` `` or `~`).
  public var fenceCharacter: UInt8
  /// The number of fence characters; a closing fence needs at least as many.
  public var fenceLength: Int
  /// The whole info string (`argmap` and whatever follows it).
  public var info: String
  /// The block's content, line endings kept.
  public var content: [UInt8]
  /// The content's lines, in order.
  public var lines: [ContentLine]
  /// Whether a closing fence ends the block (an unclosed fence runs to the end of its container).
  public var isClosed: Bool

  /// The notes-file offset of a content offset.
  public func fileOffset(ofContentOffset offset: Int) -> Int {
    guard let first = lines.first else { return fenceOffset }
    var low = 0
    var high = lines.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lines[middle].contentOffset <= offset { low = middle } else { high = middle - 1 }
    }
    let line = offset < first.contentOffset ? first : lines[low]
    return line.fileOffset + max(0, offset - line.contentOffset)
  }
}
