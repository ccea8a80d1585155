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
    var scalars: [Unicode.Scalar]
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

  /// Reads the main file and, through `loader`, every file it includes.
  ///
  /// Include paths are resolved from the imported file's folder, so only the last component of
  /// `fileName` counts for them.
  init(text: String, fileName: String, loader: ArgdownImporter.IncludeLoader?) {
    let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
    var included: [String] = [name]
    append(
      text: text, name: name, includedAt: nil, depth: 0, loader: loader, included: &included)
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
    text: String, name: String, includedAt: (file: Int, lineIndex: Int, column: Int)?,
    depth: Int, loader: ArgdownImporter.IncludeLoader?, included: inout [String]
  ) {
    let fileIndex = files.count
    let textLines = LineTable(Array(text.utf8), loneCarriageReturns: true)
    files.append(File(name: name, lines: textLines, includedAt: includedAt))
    let blanked = blankComments(textLines, file: fileIndex)
    for (lineIndex, line) in blanked.enumerated() {
      if let include = Self.includeDirective(line.scalars) {
        for written in include.paths {
          let path = Self.resolve(written, from: name)
          let range = self.range(
            file: fileIndex, lineIndex: lineIndex, start: include.column, end: line.scalars.count)
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
            text: contents, name: path, includedAt: (fileIndex, lineIndex, include.column),
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

  /// Replaces comment text by spaces and classifies each line.
  private mutating func blankComments(_ text: LineTable, file: Int) -> [Line] {
    enum State { case normal, block, html }
    var state = State.normal
    var opener: (lineIndex: Int, column: Int, kind: String) = (0, 0, "")
    var result: [Line] = []
    for lineIndex in 0..<text.lineCount {
      var scalars = text.scalars(ofLine: lineIndex + 1)
      var hadComment = state != .normal
      var index = 0
      // Called for every character: compares in place rather than building two arrays.
      func matches(_ pattern: String, at position: Int) -> Bool {
        var index = position
        for scalar in pattern.unicodeScalars {
          guard index < scalars.count, scalars[index] == scalar else { return false }
          index += 1
        }
        return true
      }
      while index < scalars.count {
        switch state {
        case .normal:
          if scalars[index] == "\\" {
            index += 2
            continue
          }
          if matches("/*", at: index) {
            state = .block
            opener = (lineIndex, index, "/*")
            hadComment = true
            scalars[index] = " "
            scalars[index + 1] = " "
            index += 2
          } else if matches("<!--", at: index) {
            state = .html
            opener = (lineIndex, index, "<!--")
            hadComment = true
            for offset in 0..<4 { scalars[index + offset] = " " }
            index += 4
          } else if matches("//", at: index), index == 0 || scalars[index - 1].isBlank {
            hadComment = true
            for position in index..<scalars.count { scalars[position] = " " }
            index = scalars.count
          } else {
            index += 1
          }
        case .block:
          if matches("*/", at: index) {
            scalars[index] = " "
            scalars[index + 1] = " "
            index += 2
            state = .normal
          } else {
            scalars[index] = " "
            index += 1
          }
        case .html:
          if matches("-->", at: index) {
            for offset in 0..<3 { scalars[index + offset] = " " }
            index += 3
            state = .normal
          } else {
            scalars[index] = " "
            index += 1
          }
        }
      }
      let isBlank = scalars.allSatisfy(\.isBlank)
      result.append(
        Line(
          scalars: scalars, file: file, lineIndex: lineIndex,
          isEmpty: isBlank && !hadComment, isCommentOnly: isBlank && hadComment))
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
