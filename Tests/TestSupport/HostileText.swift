import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One entry of the hostile-text corpus (`Tests/Fixtures/hostile-text.json`): an XSS or
/// injection payload, written so that any script it manages to run leaves a marker
/// (`data-pwned` on the root element, `PWNED` on the console).
public struct HostilePayload: Decodable, Sendable, CustomStringConvertible {
  /// The entry's name in the corpus, shown in test names.
  public var id: String
  /// What the payload attacks (`xss`, `dot`, `markdown`, ...).
  public var category: String
  /// The payload, repeated `repeat` times when the fixture says so.
  public var text: String

  enum CodingKeys: String, CodingKey { case id, category, text, `repeat` }

  /// Reads an entry of the corpus, repeating its text when it says so.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    category = try container.decode(String.self, forKey: .category)
    let count = try container.decodeIfPresent(Int.self, forKey: .repeat) ?? 1
    text = String(repeating: try container.decode(String.self, forKey: .text), count: count)
  }

  /// The entry's id, so test names stay short.
  public var description: String { id }

  /// Whether `.argmap` front matter takes the payload: it refuses control characters (which
  /// statements keep and the renderer drops).
  public var fitsFrontMatter: Bool {
    !text.utf8.contains { $0 < 0x20 && $0 != UInt8(ascii: "\t") || $0 == 0x7F }
  }

  /// The map title the payload gives: the payload, or its id where front matter refuses it.
  public var title: String { fitsFrontMatter ? text : id }

  /// The text as a reader sees it: without the characters XML cannot hold, the bidirectional
  /// controls drawings leave out, the spaces that `.argmap` lines and wrapping trim, and line
  /// breaks.
  public static func visible(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter {
          !($0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF || $0 == " "
            || $0.properties.isWhitespace || (0x202A...0x202E).contains($0.value)
            || (0x2066...0x2069).contains($0.value))
        }))
  }
}

/// The corpus and what the hostile-text tests build from it.
public enum HostileText {
  /// `stderr` without the warnings that a node holds a bidirectional control character, each
  /// with the source line and caret under it: the corpus holds such texts on purpose, and
  /// `argmap` is right to say so. Every other line is kept.
  public static func withoutBidiWarnings(_ stderr: String) -> String {
    var kept: [Substring] = []
    var skipping = false
    for line in stderr.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.contains("holds a bidirectional control character") {
        skipping = true
        continue
      }
      if skipping && line.hasPrefix("  ") { continue }
      skipping = false
      kept.append(line)
    }
    return kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Every payload of the fixture, in file order.
  public static let corpus: [HostilePayload] = {
    let url = PackagePaths.url("Tests/Fixtures/hostile-text.json")
    guard let data = try? Data(contentsOf: url),
      let payloads = try? JSONDecoder().decode([HostilePayload].self, from: data)
    else { return [] }
    return payloads
  }()

  /// `.argmap` text with the payload in every text field: the title and other front matter,
  /// every kind of statement (interpretations included), sources, notes, flags and their
  /// sources, the reasoning of supports, opposes, undercuts and scoped links.
  public static func mapSource(_ payload: HostilePayload) -> String {
    let text = payload.text
    let front = payload.fitsFrontMatter ? text : payload.id
    // An interpretation's short name (what comparison headings and tables show) is the text
    // before its first colon: the payload's start, so the name is hostile too.
    let name = String(text.prefix(30))
    return """
      ---
      title: \(front)
      author: \(front)
      date: 2026-11-26
      language: \(front)
      subject: \(front)
      ---

      aim aim: \(text)
        source: \(text)
        tags: hostile, text
        note: \(text)
        ! \(text)
          source: \(text)
      interpretation view-a: \(name): \(text)
        note: \(text)
        source: \(text)
        + aim: \(text)
      interpretation view-b: \(name): \(text)
        - aim: \(text)
      subaim sub: \(text)
        + aim: \(text)
      event ev (1939-08-23): \(text)
        + sub [view-a]: \(text)
        - sub [view-b] (0.5): \(text)
        ! \(text)
          source: \(text)
      claim cl: \(text)
        + aim: \(text)
      counterclaim cc: \(text)
        _ cl -> aim: \(text)
      evidence evd (1925): \(text)
        source: \(text)
        + cl [view-a]: \(text)

      """
  }

  /// The blocks of a lesson for one payload's map file: every kind of figure, each with the
  /// payload as caption and alt text, then the map itself inline.
  public static func lessonBlocks(_ payload: HostilePayload, mapFile: String) -> String {
    let options = [
      ["legend: yes"], ["view: timeline"], ["blank: ev"], ["scope: view-a"],
      ["compare: view-a view-b", "report: full"], ["table: aim"], ["view: facts"],
    ]
    var lines = ["## \(payload.id)", ""]
    for extra in options {
      lines += ["```argmap", "map: \(mapFile)"] + extra
      lines += ["caption: \(payload.text)", "alt: \(payload.text)", "```", ""]
    }
    lines += ["```argmap", "caption: \(payload.text)", "alt: \(payload.text)"]
    lines += mapSource(payload).split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    lines += ["```", ""]
    return lines.joined(separator: "\n")
  }

  /// The figures `lessonBlocks` makes, in order.
  public static let figuresPerPayload = 8
}

/// Elements and attributes of a markup file, in document order.
public struct MarkupElement: Sendable {
  /// The element's name.
  public var name: String
  /// The element's attributes, in document order.
  public var attributes: [(name: String, value: String)]
  /// The text directly inside the element (character data, entities decoded).
  public var text: String
  /// Names of the enclosing elements, outermost first.
  public var ancestors: [String]
}

/// Reads markup two ways: strictly as XML (our SVG and HTML files are well-formed XML), or
/// leniently as serialized HTML (what a browser dumps: every `<` that is not text starts a tag,
/// attribute values are quoted).
public enum Markup {
  /// The elements of an XML document (a leading `<!DOCTYPE html>` is skipped).
  ///
  /// - Throws: when the text is not well-formed XML.
  public static func xmlElements(_ bytes: [UInt8]) throws -> [MarkupElement] {
    var bytes = bytes
    let doctype = Array("<!DOCTYPE html>".utf8)
    if bytes.starts(with: doctype) { bytes.removeFirst(doctype.count) }
    let collector = Collector()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = collector
    guard parser.parse() else {
      throw MarkupError(
        description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") "
          + "at line \(parser.lineNumber), column \(parser.columnNumber)")
    }
    return collector.elements
  }

  /// The elements of serialized HTML (a browser's `--dump-dom`), without a text tree: names and
  /// attributes only. Raw-text elements (`script`, `style`) are skipped to their end tag.
  public static func htmlElements(_ html: String) -> [MarkupElement] {
    let scalars = Array(html.unicodeScalars)
    var elements: [MarkupElement] = []
    var index = 0
    func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
      !(scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == ">"
        || scalar == "/" || scalar == "=")
    }
    while index < scalars.count {
      guard scalars[index] == "<", index + 1 < scalars.count,
        scalars[index + 1].properties.isAlphabetic
      else {
        index += 1
        continue
      }
      index += 1
      var name = ""
      while index < scalars.count, isNameScalar(scalars[index]) {
        name.unicodeScalars.append(scalars[index])
        index += 1
      }
      var attributes: [(name: String, value: String)] = []
      while index < scalars.count, scalars[index] != ">" {
        if !isNameScalar(scalars[index]) {
          index += 1
          continue
        }
        var attribute = ""
        while index < scalars.count, isNameScalar(scalars[index]) {
          attribute.unicodeScalars.append(scalars[index])
          index += 1
        }
        var value = ""
        if index < scalars.count, scalars[index] == "=" {
          index += 1
          if index < scalars.count, scalars[index] == "\"" {
            index += 1
            while index < scalars.count, scalars[index] != "\"" {
              value.unicodeScalars.append(scalars[index])
              index += 1
            }
            index += 1
          }
        }
        attributes.append((attribute.lowercased(), value))
      }
      let lowered = name.lowercased()
      elements.append(MarkupElement(name: lowered, attributes: attributes, text: "", ancestors: []))
      if lowered == "script" || lowered == "style" {
        let end = Array("</\(lowered)".unicodeScalars)
        while index < scalars.count,
          !(scalars[index...].starts(with: end))
        {
          index += 1
        }
      }
    }
    return elements
  }

  struct MarkupError: Error, CustomStringConvertible {
    var description: String
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [MarkupElement] = []
    var stack: [Int] = []

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      elements.append(
        MarkupElement(
          name: name, attributes: attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
          text: "", ancestors: stack.map { elements[$0].name }))
      stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let top = stack.last { elements[top].text += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      stack.removeLast()
    }
  }
}
