import ArgumentMap

/// A `<!-- teacher -->` or `<!-- /teacher -->` comment found in a notes file.
///
/// Only cmark decides what is a comment: a marker inside a code block is code, not a marker.
struct TeacherMarker: Hashable, Sendable {
  /// Whether the marker opens or closes a teacher's part.
  enum Kind: Hashable, Sendable {
    case open, close
  }

  var kind: Kind
  /// The comment's bytes in the notes file (`<!--` to `-->`).
  var range: Range<Int>
  /// The whole lines the marker stands on, line break included: what the student copy leaves out.
  var lines: Range<Int>
  /// Whether the marker is an HTML block of its own (on a line of its own), as it must be; a
  /// marker inside a paragraph or after other text on its line is an error.
  var isAlone: Bool
  /// The container the marker is in (the document, a list item, a block quote), as a key: a
  /// part must open and close in the same one.
  var container: String

  /// The comment's text as written.
  static func text(_ kind: Kind) -> String {
    switch kind {
    case .open: "<!-- teacher -->"
    case .close: "<!-- /teacher -->"
    }
  }

  /// The kind of marker an HTML comment is (`<!-- teacher -->`, `<!--/teacher-->`, any case,
  /// spaces around it), or `nil` for any other HTML.
  static func kind(ofComment html: some Collection<UInt8>) -> Kind? {
    var bytes = Array(html.drop { $0 == 0x20 || $0 == 0x09 })
    while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
      bytes.removeLast()
    }
    let open = Array("<!--".utf8)
    let close = Array("-->".utf8)
    guard bytes.count >= open.count + close.count, bytes.starts(with: open),
      Array(bytes.suffix(close.count)) == close
    else { return nil }
    let inner = String(decoding: bytes[open.count..<(bytes.count - close.count)], as: UTF8.self)
    switch inner.trimmingSpaces.lowercased() {
    case "teacher": return .open
    case "/teacher": return .close
    default: return nil
    }
  }
}

/// The teacher's parts of a notes file, found from its markers, and the problems with them.
///
/// A part runs from the line of `<!-- teacher -->` to the line of `<!-- /teacher -->`, both
/// included. The student copy leaves out those whole lines, so every byte it keeps is a byte of
/// the notes file, and a position in it maps back to the notes file (`originalOffset(of:)`).
struct TeacherRegions: Sendable {
  /// A problem with a marker, located by byte offsets in the notes file.
  struct Problem: Sendable {
    var diagnostic: Diagnostic
    var range: Range<Int>
    /// The marker a problem refers back to ("the teacher's part opened here").
    var opening: Range<Int>?
  }

  /// The bytes the student copy leaves out, in order, not overlapping.
  private(set) var removed: [Range<Int>] = []
  /// Every problem with the markers: a part never closed, a part opened inside another, a close
  /// with no part open, a marker not on a line of its own, a part closed in another container.
  private(set) var problems: [Problem] = []

  /// Pairs the markers of a notes file.
  ///
  /// A part with a blank line (or the start of the file) before it also takes the blank line
  /// after it, so the students' copy has one blank line where the part was, not two.
  ///
  /// When a marker is wrong the parts are still cut as safely as they can be (a part never closed
  /// runs to the end of the file), so a student copy written with `--keep-going` shows no more
  /// of the teacher's parts than was meant.
  init(markers: [TeacherMarker], bytes: [UInt8]) {
    let count = bytes.count
    var opened: TeacherMarker?
    for marker in markers {
      if !marker.isAlone {
        problems.append(
          Problem(
            diagnostic: DiagnosticMessages.notesMarkerNotAlone(TeacherMarker.text(marker.kind)),
            range: marker.range))
      }
      switch (marker.kind, opened) {
      case (.open, nil):
        opened = marker
      case (.open, let outer?):
        problems.append(
          Problem(
            diagnostic: DiagnosticMessages.notesNestedTeacherPart(), range: marker.range,
            opening: outer.range))
      case (.close, nil):
        problems.append(
          Problem(diagnostic: DiagnosticMessages.notesStrayTeacherClose(), range: marker.range))
      case (.close, let start?):
        if start.container != marker.container {
          problems.append(
            Problem(
              diagnostic: DiagnosticMessages.notesTeacherPartAcrossContainers(),
              range: marker.range, opening: start.range))
        }
        var end = max(start.lines.lowerBound, marker.lines.upperBound)
        if Self.followsBlankLine(start.lines.lowerBound, in: bytes),
          let blank = Self.blankLine(at: end, in: bytes)
        {
          end = blank
        }
        removed.append(start.lines.lowerBound..<end)
        opened = nil
      }
    }
    if let start = opened {
      // A marker not on a line of its own has its message already.
      if start.isAlone {
        problems.append(
          Problem(diagnostic: DiagnosticMessages.notesUnclosedTeacherPart(), range: start.range))
      }
      removed.append(start.lines.lowerBound..<max(start.lines.lowerBound, count))
    }
  }

  /// Whether the line starting at `offset` is the first of the file or comes after a blank line.
  static func followsBlankLine(_ offset: Int, in bytes: [UInt8]) -> Bool {
    guard offset > 0 else { return true }
    // The previous line runs from after the line break before it to `offset`.
    var index = offset - 1
    guard bytes[index] == 0x0A || bytes[index] == 0x0D else { return false }
    if index > 0, bytes[index] == 0x0A, bytes[index - 1] == 0x0D { index -= 1 }
    while index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
    return index == 0 || bytes[index - 1] == 0x0A || bytes[index - 1] == 0x0D
  }

  /// The end (line break included) of a blank line starting at `offset`, if there is one.
  static func blankLine(at offset: Int, in bytes: [UInt8]) -> Int? {
    var index = offset
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    guard index < bytes.count else { return nil }
    if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
    return bytes[index] == 0x0A || bytes[index] == 0x0D ? index + 1 : nil
  }

  /// The notes without the teacher's parts.
  func studentBytes(_ bytes: [UInt8]) -> [UInt8] {
    guard !removed.isEmpty else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var position = 0
    for range in removed {
      out += bytes[position..<min(range.lowerBound, bytes.count)]
      position = min(range.upperBound, bytes.count)
    }
    out += bytes[position...]
    return out
  }

  /// The offset in the notes file of an offset in the student copy.
  func originalOffset(of offset: Int) -> Int {
    var original = offset
    for range in removed {
      guard range.lowerBound <= original else { break }
      original += range.count
    }
    return original
  }
}

extension String {
  /// The text without spaces, tabs and line breaks at either end.
  fileprivate var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
    var text = self[...]
    while let first = text.first, isSpace(first) { text.removeFirst() }
    while let last = text.last, isSpace(last) { text.removeLast() }
    return text
  }
}
