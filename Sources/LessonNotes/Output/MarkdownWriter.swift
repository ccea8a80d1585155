import ArgumentMap
import ArgumentMapGraphviz

/// Splices renderings into the original Markdown: every byte outside the `argmap` blocks stays
/// as it was, and a block that could not be drawn stays as written.
enum MarkdownWriter {
  static func outputs(
    document: MarkdownDocument, outcomes: [NotesProcessor.Outcome], job: NotesJob,
    embedding: NotesOptions.Embedding
  ) -> [OutputFile] {
    var files: [OutputFile] = []
    var out: [UInt8] = []
    var position = 0
    let bytes = document.bytes
    for (block, outcome) in zip(document.blocks, outcomes) {
      guard case .figure(let spec, let figure, _) = outcome else { continue }
      out += bytes[position..<block.replacedBytes.lowerBound]
      let (prefix, lineBreak) = continuation(bytes, fenceOffset: block.fenceOffset)
      var lines: [String] = []
      switch embedding {
      case .files:
        // One file per page: NAME-3.svg, then NAME-3-2.svg, ... for a split diagram.
        let pages = figure.pages
        for (offset, svg) in pages.enumerated() {
          let page = offset == 0 ? "" : "-\(offset + 1)"
          let name = "\(job.figureStem)-\(block.index + 1)\(page).svg"
          files.append(
            OutputFile(path: joined(job.figureFolder, name), bytes: Array((svg + "\n").utf8)))
          // The image shrinks to the column on GitHub and in site themes (`max-width: 100%`);
          // the link around it opens the SVG at full size where the site does not.
          let link = escapeLink(name)
          let pageAlt = alt(spec, figure) + (pages.count > 1 ? ", page \(offset + 1)" : "")
          if offset > 0 { lines.append("") }
          lines.append("[![\(MarkdownText.escaped(pageAlt, .inline))](\(link))](\(link))")
        }
      case .inline:
        if !figure.pages.isEmpty {
          // One HTML block with no Markdown in it for any tool (see `InertMarkup`).
          var html = "<figure class=\"argmap\" aria-label=\"\(attribute(alt(spec, figure)))\">\n"
          html += figure.pages.map(scalable).joined(separator: "\n")
          if let caption = spec.caption {
            html += "\n<figcaption>\(SVGPostProcessor.escapeXML(caption))</figcaption>"
          }
          html += "\n</figure>"
          lines += InertMarkup.text(html).split(separator: "\n").map(String.init)
        }
      }
      if embedding == .files, let caption = spec.caption {
        if !lines.isEmpty { lines.append("") }
        lines.append("*\(MarkdownText.escaped(caption, .inline))*")
      }
      if let report = figure.reportMarkdown {
        if !lines.isEmpty { lines.append("") }
        var reportLines = report.split(separator: "\n", omittingEmptySubsequences: false).map(
          String.init)
        while reportLines.last == "" { reportLines.removeLast() }
        lines += reportLines
      }
      for (index, line) in lines.enumerated() {
        if index > 0 {
          out += Array(lineBreak.utf8)
          let linePrefix = line.isEmpty ? trimmedTrailing(prefix) : prefix
          out += Array(linePrefix.utf8)
        }
        out += Array(line.utf8)
      }
      position = block.replacedBytes.upperBound
    }
    out += bytes[position...]
    files.append(OutputFile(path: job.outputPath, bytes: out))
    return files
  }

  /// The SVG with a style that shrinks it to the column of any page it is put in, keeping its
  /// `viewBox` and proportions (its `width` and `height` attributes are its natural size).
  static func scalable(_ svg: String) -> String {
    guard svg.hasPrefix("<svg ") else { return svg }
    return "<svg style=\"max-width: 100%; height: auto;\" " + svg.dropFirst("<svg ".count)
  }

  static func alt(_ spec: BlockSpec, _ figure: RenderedFigure) -> String {
    spec.alt ?? spec.caption ?? figure.title
  }

  /// The prefix that continues the fence's container on the next lines (block-quote markers
  /// kept, list markers and indentation as spaces), and the document's line break there.
  static func continuation(_ bytes: [UInt8], fenceOffset: Int) -> (String, String) {
    var start = fenceOffset
    while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    let prefix = bytes[start..<fenceOffset].map { $0 == UInt8(ascii: ">") ? ">" : " " }.joined()
    var end = fenceOffset
    while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
    let crlf = end > fenceOffset && end < bytes.count && bytes[end - 1] == UInt8(ascii: "\r")
    return (prefix, crlf ? "\r\n" : "\n")
  }

  static func trimmedTrailing(_ text: String) -> String {
    var result = Substring(text)
    while result.last == " " { result.removeLast() }
    return String(result)
  }

  static func joined(_ folder: String, _ name: String) -> String {
    folder.isEmpty || folder == "."
      ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
  }

  /// A link destination: spaces, parentheses and other unsafe bytes percent-encoded.
  static func escapeLink(_ name: String) -> String {
    var out = ""
    for byte in name.utf8 {
      let isSafe =
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || "-._~/".utf8.contains(byte)
      if isSafe {
        out.append(Character(UnicodeScalar(byte)))
      } else {
        let digits = Array("0123456789ABCDEF")
        out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
      }
    }
    return out
  }

  static func attribute(_ text: String) -> String {
    InertMarkup.attribute(text)
  }
}
