import ArgumentMap

/// The lines of an Argdown document after comments are blanked out and `@include`s are spliced
/// in, each line remembering which file and line it came from.
///
/// Comments (`//`, `/* */`, `<!-- -->`) are replaced by spaces, so columns stay true. A line that
/// held only a comment is marked, because Argdown does not let a comment end a relation tree the
/// way an empty line does.
struct ArgdownSource {
  /// One file that took part: the main file first, then included files in the order included.
  struct File {
    var name: String
    /// Its lines; a lone `\r` ends one too, as Argdown reads it.
    var lines: LineTable
    /// Where this file is included: the including file's index, the line and the column of `@`.
    var includedAt: (file: Int, lineIndex: Int, column: Int)?
  }

  /// One line, comments blanked.
  struct Line {
    /// Where its text is: in its file's bytes, or in `blanked` when it had a comment.
    var bytes: Range<Int>
    var isBlanked: Bool
    var file: Int
    var lineIndex: Int
    /// Whether the line had no content and no comment (it separates blocks).
    var isEmpty: Bool
    /// Whether the line held only comment text (it is skipped).
    var isCommentOnly: Bool
  }

  /// How deep `@include`s may nest before the import gives up on them.
  static let maxIncludeDepth = 16

  var files: [File] = []
  var lines: [Line] = []
  var diagnostics: [Diagnostic] = []
  /// The UTF-8 text of the lines that had comments, blanked: each scalar of a comment became
  /// one space, so a line's n-th scalar here is its n-th scalar as written and columns stay
  /// true. Other lines are read from their file's bytes: lines are kept as bytes, not arrays
  /// of scalars, which would take four times the memory.
  private var blanked: [UInt8] = []

  /// Reads the main file and, through `loader`, every file it includes.
  ///
  /// Include paths are resolved from the imported file's folder, so only the last component of
  /// `fileName` counts for them.
  init(utf8: [UInt8], fileName: String, loader: ArgdownImporter.IncludeLoader?) {
    let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
    var included: [String] = [name]
    append(
      utf8: utf8, name: name, includedAt: nil, depth: 0, loader: loader, included: &included)
  }

  /// The scalars of line `index` of `lines` from its byte `start` on (the indentation is
  /// blanks, one byte each, so `start` may be an indentation's length).
  func scalars(ofLine index: Int, from start: Int = 0) -> [Unicode.Scalar] {
    let bytes = bytes(ofLine: index)
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(max(0, bytes.count - start))
    var iterator = bytes.dropFirst(start).makeIterator()
    var decoder = UTF8()
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      scalars.append(scalar)
    }
    return scalars
  }

  /// The UTF-8 text of line `index` of `lines`, comments blanked.
  func bytes(ofLine index: Int) -> ArraySlice<UInt8> {
    let line = lines[index]
    return line.isBlanked ? blanked[line.bytes] : files[line.file].lines.bytes[line.bytes]
  }

  /// The number of scalars of line `index` of `lines`.
  func scalarCount(ofLine index: Int) -> Int {
    var count = 0
    for byte in bytes(ofLine: index) where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The number of blanks (spaces and tabs) that line `index` of `lines` starts with.
  func indent(ofLine index: Int) -> Int {
    bytes(ofLine: index).prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
  }

  /// The range to report for a position: real for the main file; for an included file, the
  /// `@include` line in the main file (the message then names the included file).
  func range(file: Int, lineIndex: Int, start: Int, end: Int) -> SourceRange {
    var fileIndex = file
    var line = lineIndex
    var from = start
    var to = end
    while let site = files[fileIndex].includedAt {
      fileIndex = site.file
      line = site.lineIndex
      from = site.column
      to = files[fileIndex].lines.scalars(ofLine: line + 1).count
    }
    return files[fileIndex].lines.range(line: line + 1, start: from, end: to)
  }

  /// A prefix naming the included file and position, or `""` for the main file.
  func messagePrefix(file: Int, lineIndex: Int, column: Int) -> String {
    guard file != 0 else { return "" }
    let location = files[file].lines.location(line: lineIndex + 1, scalarIndex: column)
    return "in '\(files[file].name)' at \(location.line):\(location.column): "
  }

  private mutating func append(
    utf8: [UInt8], name: String, includedAt: (file: Int, lineIndex: Int, column: Int)?,
    depth: Int, loader: ArgdownImporter.IncludeLoader?, included: inout [String]
  ) {
    let fileIndex = files.count
    let textLines = LineTable(utf8, loneCarriageReturns: true)
    files.append(File(name: name, lines: textLines, includedAt: includedAt))
    let blanked = blankComments(textLines, file: fileIndex)
    for (lineIndex, line) in blanked.enumerated() {
      if startsWithAt(line), let include = Self.includeDirective(scalars(of: line)) {
        for written in include.paths {
          let path = Self.resolve(written, from: name)
          let range = self.range(
            file: fileIndex, lineIndex: lineIndex, start: include.column,
            end: scalars(of: line).count)
          let prefix = messagePrefix(file: fileIndex, lineIndex: lineIndex, column: include.column)
          if included.contains(path) {
            diagnostics.append(
              DiagnosticMessages.argdownIncludeCycle(path, prefix: prefix, range: range))
            continue
          }
          guard depth + 1 <= Self.maxIncludeDepth else {
            diagnostics.append(
              DiagnosticMessages.argdownIncludeTooDeep(
                path, limit: Self.maxIncludeDepth, prefix: prefix, range: range))
            continue
          }
          guard let loader else {
            diagnostics.append(
              DiagnosticMessages.argdownIncludeMissing(path, prefix: prefix, range: range))
            continue
          }
          let request = ArgdownImporter.IncludeLoader.Request(
            writtenPath: written, includingFile: name, path: path)
          let contents: String
          switch loader.read(request) {
          case .success(let text): contents = text
          case .failure(let refusal):
            diagnostics.append(
              Self.refused(request, refusal, prefix: prefix, range: range))
            continue
          }
          included.append(path)
          append(
            utf8: Array(contents.utf8), name: path,
            includedAt: (fileIndex, lineIndex, include.column),
            depth: depth + 1, loader: loader, included: &included)
        }
        continue
      }
      lines.append(line)
    }
  }

  /// The error for an include the loader refused.
  static func refused(
    _ request: ArgdownImporter.IncludeLoader.Request,
    _ refusal: ArgdownImporter.IncludeLoader.Refusal,
    prefix: String, range: SourceRange
  ) -> Diagnostic {
    switch refusal {
    case .absolutePath:
      DiagnosticMessages.argdownIncludeAbsolute(request.writtenPath, prefix: prefix, range: range)
    case .outsideFolder:
      DiagnosticMessages.argdownIncludeOutside(request.writtenPath, prefix: prefix, range: range)
    case .outsideFolderThroughLink:
      DiagnosticMessages.argdownIncludeThroughLink(
        request.writtenPath, prefix: prefix, range: range)
    case .missing:
      DiagnosticMessages.argdownIncludeMissing(request.path, prefix: prefix, range: range)
    case .unreadable(let reason):
      DiagnosticMessages.argdownIncludeUnreadable(
        request.path, reason: reason, prefix: prefix, range: range)
    }
  }

  /// Whether the first byte of a line that is not a blank is `@`, as in `@include(...)`.
  private func startsWithAt(_ line: Line) -> Bool {
    let first = bytes(of: line).first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    return first == UInt8(ascii: "@")
  }

  /// The UTF-8 text of a line not yet in `lines`.
  private func bytes(of line: Line) -> ArraySlice<UInt8> {
    line.isBlanked ? blanked[line.bytes] : files[line.file].lines.bytes[line.bytes]
  }

  /// The scalars of a line not yet in `lines`.
  private func scalars(of line: Line) -> [Unicode.Scalar] {
    Array(String(decoding: bytes(of: line), as: UTF8.self).unicodeScalars)
  }

  /// An include path as the loader gets it: relative paths are taken from the folder of the
  /// including file (itself relative to the main file's folder); `.` and `..` are folded.
  static func resolve(_ path: String, from includer: String) -> String {
    if path.hasPrefix("/") { return path }
    var parts = includer.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(
      String.init)
    for part in path.split(separator: "/").map(String.init) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." && !last.isEmpty {
          parts.removeLast()
        } else {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  /// `@include(a.argdown, b.argdown)` on a line of its own: the paths and the column of `@`.
  static func includeDirective(_ scalars: [Unicode.Scalar]) -> (paths: [String], column: Int)? {
    guard let start = scalars.firstIndex(where: { !$0.isBlank }) else { return nil }
    let text = String(String.UnicodeScalarView(scalars[start...]))
      .trimmingCharacters(in: " \t")
    guard text.hasPrefix("@include("), text.hasSuffix(")") else { return nil }
    let inner = text.dropFirst("@include(".count).dropLast()
    let paths = inner.split(separator: ",").map { String($0).trimmingCharacters(in: " \t\"'") }
      .filter { !$0.isEmpty }
    return (paths, start)
  }

  /// Finds each line's comments, copies a line that has some to `blanked` with its comments
  /// replaced by spaces, and classifies each line.
  ///
  /// Works on UTF-8 bytes: every pattern is ASCII, so it never matches inside a multi-byte
  /// scalar; a blanked scalar of any length becomes one space.
  private mutating func blankComments(_ table: LineTable, file: Int) -> [Line] {
    enum State { case normal, block, html }
    var state = State.normal
    var opener: (lineIndex: Int, column: Int, kind: String) = (0, 0, "")
    var result: [Line] = []
    let bytes = table.bytes
    func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    for lineIndex in 0..<table.lineCount {
      let bounds = table.textBounds(ofLine: lineIndex + 1) ?? 0..<0
      // Every comment starts with `/` or `<`: a line without them, outside a comment, is read
      // as it is.
      if state == .normal,
        !bytes[bounds].contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "<") })
      {
        let isEmpty = bytes[bounds].allSatisfy(isBlank)
        result.append(
          Line(
            bytes: bounds, isBlanked: false, file: file, lineIndex: lineIndex, isEmpty: isEmpty,
            isCommentOnly: false))
        continue
      }
      let lineStart = blanked.count
      var hadComment = state != .normal
      var index = bounds.lowerBound
      var column = 0
      // Whether `pattern` is at `index`, within the line.
      func matches(_ pattern: StaticString) -> Bool {
        guard index + pattern.utf8CodeUnitCount <= bounds.upperBound else { return false }
        for offset in 0..<pattern.utf8CodeUnitCount
        where bytes[index + offset] != pattern.utf8Start[offset] {
          return false
        }
        return true
      }
      // Copies `count` bytes, or blanks them: one space for each scalar they start.
      func take(_ count: Int, blanking: Bool) {
        for byte in bytes[index..<min(index + count, bounds.upperBound)] {
          let startsScalar = byte & 0xC0 != 0x80
          if startsScalar { column += 1 }
          if !blanking {
            blanked.append(byte)
          } else if startsScalar {
            blanked.append(UInt8(ascii: " "))
          }
        }
        index = min(index + count, bounds.upperBound)
      }
      // The length in bytes of the scalar at `at`.
      func scalarLength(at: Int) -> Int {
        var end = at + 1
        while end < bounds.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end - at
      }
      while index < bounds.upperBound {
        switch state {
        case .normal:
          if bytes[index] == UInt8(ascii: "\\") {
            // The backslash and the scalar it escapes.
            let escaped = index + 1 < bounds.upperBound ? scalarLength(at: index + 1) : 0
            take(1 + escaped, blanking: false)
            continue
          }
          if matches("/*") {
            state = .block
            opener = (lineIndex, column, "/*")
            hadComment = true
            take(2, blanking: true)
          } else if matches("<!--") {
            state = .html
            opener = (lineIndex, column, "<!--")
            hadComment = true
            take(4, blanking: true)
          } else if matches("//"),
            blanked.count == lineStart || isBlank(blanked[blanked.count - 1])
          {
            hadComment = true
            take(bounds.upperBound - index, blanking: true)
          } else {
            take(1, blanking: false)
          }
        case .block:
          if matches("*/") {
            take(2, blanking: true)
            state = .normal
          } else {
            take(scalarLength(at: index), blanking: true)
          }
        case .html:
          if matches("-->") {
            take(3, blanking: true)
            state = .normal
          } else {
            take(scalarLength(at: index), blanking: true)
          }
        }
      }
      let isBlankLine = blanked[lineStart...].allSatisfy(isBlank)
      if hadComment {
        result.append(
          Line(
            bytes: lineStart..<blanked.count, isBlanked: true, file: file, lineIndex: lineIndex,
            isEmpty: false, isCommentOnly: isBlankLine))
      } else {
        // Nothing was blanked: the line is read from the file.
        blanked.removeSubrange(lineStart...)
        result.append(
          Line(
            bytes: bounds, isBlanked: false, file: file, lineIndex: lineIndex,
            isEmpty: isBlankLine, isCommentOnly: false))
      }
    }
    if state != .normal {
      let range = self.range(
        file: file, lineIndex: opener.lineIndex, start: opener.column,
        end: opener.column + opener.kind.unicodeScalars.count)
      let prefix = messagePrefix(file: file, lineIndex: opener.lineIndex, column: opener.column)
      diagnostics.append(
        DiagnosticMessages.argdownUnterminatedComment(opener.kind, prefix: prefix, range: range))
    }
    return result
  }
}
