/// A position in a source file: 1-based line and column, plus the UTF-8 offset.
///
/// Columns count Unicode scalars from 1, so `é` (precomposed) is one column and a flag emoji two;
/// the UTF-8 offset lets tools slice the bytes without recounting.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The line, from 1.
  public var line: Int
  /// The column in Unicode scalars, from 1.
  public var column: Int
  /// The byte offset from the start of the file, from 0.
  public var offset: Int

  /// Creates a location; the three values are trusted to describe the same point.
  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// `line:column`, the form that follows the file name in a printed diagnostic.
  public var description: String { "\(line):\(column)" }

  /// Orders locations by byte offset, which within one file is the same as line then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    lhs.offset < rhs.offset
  }
}

/// A half-open range of source text.
public struct SourceRange: Hashable, Sendable {
  /// The first character of the range.
  public var start: SourceLocation
  /// Just past the last character; equal to `start` for an empty range (a point).
  public var end: SourceLocation

  /// Creates a range from `start` up to, not including, `end`.
  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  /// An empty range at one location.
  public init(at location: SourceLocation) {
    self.init(start: location, end: location)
  }
}
