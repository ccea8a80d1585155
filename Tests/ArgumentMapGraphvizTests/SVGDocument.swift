import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SVG file parsed as XML, flattened to its elements in document order, for structural checks.
///
/// Parsing with a real XML parser is itself a check: Graphviz copies control characters into
/// `<text>` and unescaped `href`s into attributes, and either makes the file unreadable.
struct SVGDocument {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
    /// Names of the enclosing elements, outermost first.
    var ancestors: [String]
    /// The `id` of the nearest enclosing `<g>` with an id.
    var groupID: String?
  }

  var elements: [Element]

  init(_ bytes: [UInt8]) throws {
    let delegate = Collector()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = delegate
    guard parser.parse() else {
      throw SVGError(message: parser.parserError.map { "\($0)" } ?? "unknown XML error")
    }
    elements = delegate.elements
  }

  struct SVGError: Error, CustomStringConvertible {
    var message: String
    var description: String { "SVG is not well-formed XML: \(message)" }
  }

  /// The elements named `name`.
  func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

  /// The `<g>` elements whose class list holds `className`.
  func groups(withClass className: String) -> [Element] {
    all("g").filter {
      ($0.attributes["class"] ?? "").split(separator: " ").contains { $0 == className }
    }
  }

  /// The text lines drawn inside the group with id `id`.
  func texts(inGroup id: String) -> [String] {
    all("text").filter { $0.groupID == id }.map(\.text)
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [Element] = []
    var stack: [(index: Int, name: String, groupID: String?)] = []

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      var groupID = stack.last?.groupID
      if name == "g", let id = attributes["id"] { groupID = id }
      elements.append(
        Element(
          name: name, attributes: attributes, text: "", ancestors: stack.map(\.name),
          groupID: stack.last?.groupID))
      stack.append((elements.count - 1, name, groupID))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let top = stack.last { elements[top.index].text += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      stack.removeLast()
    }
  }
}
