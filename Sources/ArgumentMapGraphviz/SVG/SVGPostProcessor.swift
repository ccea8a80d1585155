/// Makes Graphviz's SVG fit to publish and embed: accessible, named, free of internal names.
///
/// Graphviz 2.42 writes an XML prolog, comments with node names, and a `<title>` per element that
/// holds internal names; it sets no `role`, `<title>` or `<desc>` on the root. This pass keeps
/// the drawing and rewrites the rest, line by line (Graphviz writes one element per line):
/// - drops everything before `<svg` and every comment, so the file can be inlined in HTML (an
///   XML declaration of our own is written back when asked);
/// - adds `role="img"`, a root `<title>` as its name (`aria-labelledby`) and a `<desc>` (the text
///   outline) as its description (`aria-describedby`): in the name, the whole outline was read
///   as one run-on string and then again as the description;
/// - replaces each element's `<title>` by our hover text (escaped here, so it is exact), or drops
///   it when the element has none;
/// - names the layout font with metric-compatible fallbacks.
/// No link (`<a>`, `href`) is written anywhere; user text reaches the SVG only escaped.
package struct SVGPostProcessor: Sendable {
  /// The prefix of the ids of this diagram.
  package let idPrefix: String
  /// Whether the result starts with an XML declaration (a file of its own) or with `<svg`
  /// (ready to inline in HTML).
  package let xmlDeclaration: Bool
  /// The root's attributes, `<title>` and `<desc>`, and the graph group's `<title>`: escaped
  /// once, when the post-processor is made, which can be before Graphviz draws.
  private let rootStart: [UInt8]
  private let rootTitle: [UInt8]
  private let rootDescription: [UInt8]
  private let graphTitle: [UInt8]
  /// Each element's hover text as a `<title>`, by SVG id (the id as `DOTWriter.svgID(of:)` gives
  /// it), escaped once when made.
  private let hoverTitles: [String: [UInt8]]

  /// Creates a post-processor.
  ///
  /// - Parameters:
  ///   - idPrefix: The prefix of the diagram's SVG ids (`DOTWriter.idPrefix`).
  ///   - title: The diagram's title.
  ///   - description: The text outline, for `<desc>`.
  ///   - hoverTexts: Hover text by SVG id.
  ///   - xmlDeclaration: Whether the SVG starts with an XML declaration.
  ///   - language: The text's language tag (`de`, `en-GB`), as `lang` and `xml:lang`, so that a
  ///     screen reader pronounces it in that language; left out when `nil` or not a tag.
  package init(
    idPrefix: String,
    title: String,
    description: String,
    hoverTexts: [String: String],
    xmlDeclaration: Bool = false,
    language: String? = nil
  ) {
    self.idPrefix = idPrefix
    self.xmlDeclaration = xmlDeclaration
    let tag = language.flatMap { Self.isLanguageTag($0) ? $0 : nil }
    rootStart = Array(
      ("<svg role=\"img\" aria-labelledby=\"\(idPrefix)-title\" "
        + "aria-describedby=\"\(idPrefix)-desc\" "
        + (tag.map { "lang=\"\($0)\" xml:lang=\"\($0)\" " } ?? "")).utf8)
    rootTitle = Self.element("title", id: idPrefix + "-title", text: title)
    rootDescription = Self.element("desc", id: idPrefix + "-desc", text: description)
    graphTitle = Self.element("title", text: title)
    hoverTitles = hoverTexts.mapValues { Self.element("title", text: $0) }
  }

  /// The processed SVG.
  ///
  /// - Complexity: O(*n*) in the length of `svg`.
  package func process(_ svg: String) -> String {
    String(decoding: process(utf8: Array(svg.utf8)), as: UTF8.self)
  }

  /// The processed SVG, as UTF-8 bytes in and out (the renderer's path: no String round trip).
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  package func process(utf8 svg: [UInt8]) -> [UInt8] {
    guard let start = Bytes.firstIndex(of: Bytes.svgOpen, in: svg[...]) else { return svg }
    var output: [ArraySlice<UInt8>] = []
    var currentID: String?
    var isAwaitingFirstGroup = false
    let fontFrom = Array(("font-family=\"" + VisualGrammar.fontName + "\"").utf8)
    let fontTo = Array(("font-family=\"" + VisualGrammar.svgFontFamily + "\"").utf8)
    for line in svg[start...].split(separator: Bytes.newline, omittingEmptySubsequences: false) {
      if line.starts(with: Bytes.commentOpen) && line.ends(with: Bytes.commentClose) { continue }
      if line.starts(with: Bytes.svgOpen) {
        output.append(rootStart[...] + line.dropFirst(Bytes.svgOpen.count))
        isAwaitingFirstGroup = true
        continue
      }
      if isAwaitingFirstGroup && line.starts(with: Bytes.groupOpen) {
        output.append(rootTitle[...])
        output.append(rootDescription[...])
        isAwaitingFirstGroup = false
      }
      if line.starts(with: Bytes.groupWithID), let id = Self.attribute(Bytes.idKey, in: line) {
        currentID = id
      }
      if line.starts(with: Bytes.titleOpen) && line.ends(with: Bytes.titleClose) {
        if let currentID, let hover = hoverTitles[currentID] {
          output.append(hover[...])
        } else if currentID == idPrefix {
          output.append(graphTitle[...])
        }
        continue
      }
      output.append(Bytes.replacingAll(fontFrom, with: fontTo, in: line))
    }
    var result: [UInt8] = []
    result.reserveCapacity(svg.count + rootDescription.count + 1024)
    if xmlDeclaration { result += Bytes.xmlDeclaration }
    for (index, line) in output.enumerated() {
      if index > 0 { result.append(Bytes.newline) }
      result += line
    }
    return result
  }

  /// `<name id="id">text</name>` (without `id` when `nil`), the text escaped.
  private static func element(_ name: String, id: String? = nil, text: String) -> [UInt8] {
    let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
    return Array(("<" + name + idAttribute + ">" + escapeXML(text) + "</" + name + ">").utf8)
  }

  /// The value of an attribute (key given as ` name="`) in one SVG tag line, with Graphviz's
  /// `&#45;` decoded.
  static func attribute(_ key: [UInt8], in line: ArraySlice<UInt8>) -> String? {
    guard let keyStart = Bytes.firstIndex(of: key, in: line) else { return nil }
    let valueStart = keyStart + key.count
    guard let end = line[valueStart...].firstIndex(of: Bytes.quote) else { return nil }
    let value = Bytes.replacingAll(
      Bytes.escapedHyphen, with: Bytes.hyphen, in: line[valueStart..<end])
    return String(decoding: value, as: UTF8.self)
  }

  /// `text` as XML character data or attribute value: `& < > " '` escaped, forbidden control
  /// characters dropped.
  package static func escapeXML(_ text: String) -> String {
    xmlBytes.apply(to: text)
  }

  private static let xmlBytes = ByteEscapes(
    replacing: ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"],
    dropping: ByteEscapes.xmlForbiddenControls, dropsNonCharacters: true)
}

/// Byte patterns and searches for the line-oriented SVG pass.
enum Bytes {
  static let newline = UInt8(ascii: "\n")
  static let quote = UInt8(ascii: "\"")
  static let svgOpen = Array("<svg ".utf8)
  static let xmlDeclaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
  static let groupOpen = Array("<g".utf8)
  static let groupWithID = Array("<g id=\"".utf8)
  static let titleOpen = Array("<title>".utf8)
  static let titleClose = Array("</title>".utf8)
  static let commentOpen = Array("<!--".utf8)
  static let commentClose = Array("-->".utf8)
  static let idKey = Array(" id=\"".utf8)
  static let escapedHyphen = Array("&#45;".utf8)
  static let hyphen = Array("-".utf8)

  /// The index where `pattern` first starts in `bytes`.
  static func firstIndex(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
    var index = bytes.startIndex
    let last = bytes.endIndex - pattern.count
    while index <= last {
      if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) {
        return index
      }
      index += 1
    }
    return nil
  }

  /// `bytes` with every occurrence of `pattern` replaced; `bytes` itself when there is none.
  static func replacingAll(
    _ pattern: [UInt8], with replacement: [UInt8], in bytes: ArraySlice<UInt8>
  ) -> ArraySlice<UInt8> {
    guard var found = firstIndex(of: pattern, in: bytes) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + replacement.count)
    var rest = bytes
    while true {
      result += rest[rest.startIndex..<found]
      result += replacement
      rest = rest[(found + pattern.count)...]
      guard let next = firstIndex(of: pattern, in: rest) else { break }
      found = next
    }
    result += rest
    return result[...]
  }
}

extension ArraySlice<UInt8> {
  /// Whether the slice ends with `suffix`.
  func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
  }
}

extension SVGPostProcessor {
  /// Whether `text` has the shape of a BCP 47 language tag: ASCII letters and digits in parts
  /// of 1 to 8, joined by hyphens, the first letters only. Anything else is not written at all.
  static func isLanguageTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, !text.isEmpty, text.utf8.count <= 35 else { return false }
    return first.allSatisfy { $0.isASCII && $0.isLetter }
      && parts.allSatisfy { part in
        (1...8).contains(part.count)
          && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
      }
  }
}
