/// Makes Graphviz's SVG fit to publish and embed: accessible, named, free of internal names.
///
/// Graphviz 2.42 writes an XML prolog, comments with node names, and a `<title>` per element that
/// holds internal names; it sets no `role`, `<title>` or `<desc>` on the root. This pass keeps
/// the drawing and rewrites the rest, line by line (Graphviz writes one element per line):
/// - drops everything before `<svg` and every comment, so the file can be inlined in HTML;
/// - adds `role="img"`, `aria-labelledby`, and a root `<title>` and `<desc>` (the text outline);
/// - replaces each element's `<title>` by our hover text (escaped here, so it is exact), or drops
///   it when the element has none;
/// - names the layout font with metric-compatible fallbacks;
/// - writes the boxes (clusters) in scene order: Graphviz orders them by the addresses of their
///   interned names, which differ from one render to the next in one process.
/// No link (`<a>`, `href`) is written anywhere; user text reaches the SVG only escaped.
public struct SVGPostProcessor: Sendable {
  /// The prefix of the ids of this diagram.
  public var idPrefix: String
  /// The diagram's title.
  public var title: String
  /// The text outline, for `<desc>`.
  public var description: String
  /// Hover text by SVG id (the id as `DOTWriter.svgID(of:)` gives it).
  public var hoverTexts: [String: String]
  /// The SVG ids of the boxes, in the order they are written.
  public var boxOrder: [String]

  /// Creates a post-processor.
  public init(
    idPrefix: String,
    title: String,
    description: String,
    hoverTexts: [String: String],
    boxOrder: [String] = []
  ) {
    self.idPrefix = idPrefix
    self.title = title
    self.description = description
    self.hoverTexts = hoverTexts
    self.boxOrder = boxOrder
  }

  /// The processed SVG.
  ///
  /// - Complexity: O(*n*) in the length of `svg`.
  public func process(_ svg: String) -> String {
    guard let start = svg.firstRange(of: "<svg") else { return svg }
    var output: [Substring] = []
    var currentID: String?
    var isAwaitingFirstGroup = false
    let fontFrom = "font-family=\"" + VisualGrammar.fontName + "\""
    let fontTo = "font-family=\"" + VisualGrammar.svgFontFamily + "\""
    for line in svg[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("<!--") && line.hasSuffix("-->") { continue }
      if line.hasPrefix("<svg ") {
        output.append(
          Substring(
            "<svg role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\" "
              + line.dropFirst(5)))
        isAwaitingFirstGroup = true
        continue
      }
      if isAwaitingFirstGroup && line.hasPrefix("<g") {
        output.append(
          Substring("<title id=\"\(idPrefix)-title\">" + Self.escapeXML(title) + "</title>"))
        output.append(
          Substring(
            "<desc id=\"\(idPrefix)-desc\">" + Self.escapeXML(description) + "</desc>"))
        isAwaitingFirstGroup = false
      }
      if line.hasPrefix("<g id=\""), let id = Self.attribute("id", in: line) {
        currentID = id
      }
      if line.hasPrefix("<title>") && line.hasSuffix("</title>") {
        if let currentID, let hover = hoverTexts[currentID] {
          output.append(Substring("<title>" + Self.escapeXML(hover) + "</title>"))
        } else if currentID == idPrefix {
          output.append(Substring("<title>" + Self.escapeXML(title) + "</title>"))
        }
        continue
      }
      if line.contains(fontFrom) {
        output.append(Substring(line.replacingAll(fontFrom, with: fontTo)))
      } else {
        output.append(line)
      }
    }
    return reorderingBoxes(output).joined(separator: "\n")
  }

  /// `lines` with the cluster groups sorted by `boxOrder`. Graphviz writes each cluster as one
  /// flat `<g class="cluster">` block (its nodes come later), all blocks in one run.
  private func reorderingBoxes(_ lines: [Substring]) -> [Substring] {
    var blocks: [(id: String, lines: [Substring])] = []
    var firstBlock: Int?
    var result: [Substring] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.hasPrefix("<g id=\""), let id = Self.attribute("id", in: line),
        (Self.attribute("class", in: line) ?? "").hasPrefix("cluster"),
        let end = lines[index...].firstIndex(where: { $0 == "</g>" })
      {
        if firstBlock == nil { firstBlock = result.count }
        blocks.append((id, Array(lines[index...end])))
        index = end + 1
        continue
      }
      result.append(line)
      index += 1
    }
    guard let firstBlock else { return lines }
    let rank = { (id: String) in boxOrder.firstIndex(of: id) ?? boxOrder.count }
    let sorted = blocks.enumerated().sorted { lhs, rhs in
      (rank(lhs.element.id), lhs.offset) < (rank(rhs.element.id), rhs.offset)
    }
    result.insert(contentsOf: sorted.flatMap(\.element.lines), at: firstBlock)
    return result
  }

  /// The value of attribute `name` in one SVG tag line, with Graphviz's `&#45;` decoded.
  static func attribute(_ name: String, in line: Substring) -> String? {
    guard let keyRange = line.firstRange(of: " " + name + "=\"") else { return nil }
    let rest = line[keyRange.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end]).replacingAll("&#45;", with: "-")
  }

  /// `text` as XML character data or attribute value: `& < > " '` escaped, forbidden control
  /// characters dropped.
  public static func escapeXML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case _ where DOTEscape.isXMLForbidden(scalar): continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension StringProtocol {
  /// The string with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
