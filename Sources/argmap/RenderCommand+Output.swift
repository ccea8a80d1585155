import ArgumentMapGraphviz
import ArgumentParser
import AtomicFiles
import Foundation

/// Where `argmap render` writes: one output (`-o`, standard output) or one file per input in
/// `--output-dir`.
extension RenderCommand {
  /// Checks the files against the output options, before anything is read.
  func validateFiles() throws {
    guard !files.isEmpty else { throw ValidationError("Name at least one .argmap file.") }
    if output != nil && outputDir != nil {
      throw ValidationError("-o and --output-dir exclude each other.")
    }
    guard let outputDir else {
      if files.count > 1 {
        throw ValidationError("Several files need --output-dir DIR (one output file each).")
      }
      try CommandIO.refuseOverwriting(files, with: output)
      if format == nil, let output, output != "-", let ext = Self.pathExtension(of: output),
        OutputFormat(rawValue: ext.lowercased()) == nil
      {
        throw ValidationError(
          "Cannot tell the format of '\(output)': use .svg, .png, .pdf or .dot, or --format.")
      }
      return
    }
    if files.contains("-") {
      throw ValidationError("Standard input goes to -o, not to --output-dir.")
    }
    var seen: [String: String] = [:]
    for file in files {
      let name = Self.stem(of: file)
      if let first = seen[name] {
        throw ValidationError(
          "'\(first)' and '\(file)' would both be written to \(outputDir)/\(name); "
            + "render them separately.")
      }
      seen[name] = file
      try CommandIO.refuseOverwriting([file], with: outputPath(for: file, format: resolvedFormat))
    }
  }

  /// `--format`, else the output file's extension, else SVG.
  var resolvedFormat: OutputFormat {
    if let format { return format }
    guard let output, outputDir == nil, let ext = Self.pathExtension(of: output) else {
      return .svg
    }
    return OutputFormat(rawValue: ext.lowercased()) ?? .svg
  }

  /// The extension of a path's file name (`out/map.svg` → `svg`), if it has one.
  static func pathExtension(of path: String) -> String? {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return String(name[name.index(after: dot)...])
  }

  /// Where the drawing of `file` goes: `DIR/NAME.FORMAT` with `--output-dir`, else `-o` or `-`.
  func outputPath(for file: String, format: OutputFormat) -> String {
    guard let outputDir else { return output ?? "-" }
    return outputDir + "/" + Self.stem(of: file) + "." + format.fileExtension
  }

  /// Writes the pages of one map: one file, or with several pages `NAME-1.EXT`, `NAME-2.EXT`,
  /// ... next to where the one file would go. Each file is written whole or not at all.
  ///
  /// - Returns: false when a file cannot be written (the reason is printed).
  func write(_ pages: [RenderedDiagram], for input: InputFile, format: OutputFormat) -> Bool {
    let path = outputPath(for: input.path, format: format)
    var ok = true
    for (offset, diagram) in pages.enumerated() {
      let target = pages.count == 1 ? path : Self.pagePath(path, number: offset + 1)
      if AtomicFile.isSameFile(input.path, target) {
        // A page's name (`map-2.svg`) can be the input's own.
        StandardStreams.writeError(
          "\(target): error: this page would replace the input '\(input.path)'; "
            + "choose another output file\n")
        ok = false
        continue
      }
      do {
        try AtomicFile.write(diagram.bytes, to: target, isDurable: false)
      } catch {
        StandardStreams.report(error)
        ok = false
      }
    }
    warnAboutOlderPages(beside: path, drawn: pages.count)
    return ok
  }

  /// Says when page files of an earlier, longer drawing (`map-3.svg` after a drawing of two
  /// pages, or `map-1.svg` beside a drawing of one) are still beside the new ones: they are not
  /// part of this drawing, but they are the user's files, so they are named, not removed.
  /// Each such file is named, in page order, up to the first number that has none.
  private func warnAboutOlderPages(beside path: String, drawn: Int) {
    guard path != "-" else { return }
    var number = drawn == 1 ? 1 : drawn + 1
    while case let older = Self.pagePath(path, number: number),
      FileManager.default.fileExists(atPath: older)
    {
      StandardStreams.writeError(
        "\(older): warning: left from an earlier drawing; this one has \(drawn) "
          + (drawn == 1 ? "page, written to '\(path)'" : "pages") + "\n")
      number += 1
    }
  }

  /// `out/map.svg` → `out/map-2.svg`; standard output stays standard output.
  static func pagePath(_ path: String, number: Int) -> String {
    guard path != "-" else { return path }
    let slash = path.lastIndex(of: "/")
    if let dot = path.lastIndex(of: "."), slash.map({ dot > $0 }) ?? true, dot != path.startIndex {
      return String(path[..<dot]) + "-\(number)" + String(path[dot...])
    }
    return path + "-\(number)"
  }

  /// A file's name without its folder and its last extension (`Graphs/a.argmap` → `a`).
  static func stem(of file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }
}
