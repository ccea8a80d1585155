import Foundation
import TestSupport
import Testing

/// The hostile-text corpus through `argmap render` and `argmap notes`: every payload comes out as
/// text. No element, attribute or URL in the output comes from a payload.
@Suite("Hostile text")
struct HostileTextTests {
  /// What Graphviz's SVG and our post-processing write, and nothing else.
  static let svgElements: Set<String> = [
    "svg", "title", "desc", "g", "polygon", "polyline", "path", "ellipse", "text",
  ]
  static let svgAttributes: Set<String> = [
    "xmlns", "xmlns:xlink", "width", "height", "viewBox", "role", "aria-labelledby",
    "aria-describedby", "lang", "xml:lang", "id", "class",
    "transform", "fill", "stroke", "stroke-width", "stroke-dasharray", "points", "d", "cx", "cy",
    "rx", "ry", "x", "y", "text-anchor", "font-family", "font-size", "font-weight", "font-style",
  ]
  /// What a lesson page holds around its diagrams (the notes here have no links or images).
  static let pageElements: Set<String> = svgElements.union([
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "p",
    "figure", "figcaption", "div", "details", "summary", "pre", "code", "table", "thead", "tbody",
    "tr", "th", "td", "ul", "li", "strong", "em", "a",
  ])
  /// The page's own attributes; `href` only as a link within the page (each diagram's full-size
  /// and fitted views), which `checkNoActiveContent` checks.
  static let pageAttributes: Set<String> = svgAttributes.union([
    "lang", "charset", "name", "content", "aria-label", "href",
  ])

  var outputs: HostileOutputs {
    get throws { try HostileOutputs.shared.get() }
  }

  @Test("the corpus has at least 50 payloads, with distinct ids, in every category")
  func corpus() {
    let corpus = HostileText.corpus
    #expect(corpus.count >= 50)
    #expect(Set(corpus.map(\.id)).count == corpus.count)
    let categories = Set(corpus.map(\.category))
    #expect(
      categories.isSuperset(of: [
        "script", "event-handler", "url", "svg", "css", "entity", "xml", "dot", "markdown",
        "template", "unicode", "long",
      ]))
  }

  @Test("argmap render and argmap notes take every payload without an error or a warning")
  func runsCleanly() throws {
    let outputs = try outputs
    // The warnings that a text holds a bidirectional control are left out (HostileOutputs).
    #expect(outputs.stderr.isEmpty, "\(outputs.stderr)")
  }

  @Test("SVG in every view: only the drawing's elements and attributes, the text as text")
  func svg() throws {
    let outputs = try outputs
    for payload in HostileText.corpus {
      for view in HostileOutputs.views {
        let url = try #require(outputs.svgs[view.name]?[payload.id])
        let bytes = try [UInt8](Data(contentsOf: url))
        let elements = try Markup.xmlElements(bytes)
        let context = "\(payload.id) in the \(view.name) view"
        checkNoActiveContent(
          elements, payload: payload, allowedElements: Self.svgElements,
          allowedAttributes: Self.svgAttributes, context: context)
        // The title holds the payload as written (as text: the parser has decoded it).
        let title = elements.first { $0.name == "title" }?.text ?? ""
        #expect(
          HostilePayload.visible(title).hasPrefix(HostilePayload.visible(payload.title)),
          "\(context): title")
        // A statement's lines, joined, give its text back (in the views that draw it).
        if view.name != "worksheet" && view.name != "comparison" {
          let drawn = elements.filter {
            $0.name == "text" && $0.ancestors.count >= 2
          }.map(\.text).joined()
          #expect(
            HostilePayload.visible(drawn).contains(HostilePayload.visible(payload.text)),
            "\(context): statement text")
        }
      }
    }
  }

  @Test("lesson pages: only the page's elements and attributes, captions and alt text as text")
  func pages() throws {
    let outputs = try outputs
    let byCategory = Dictionary(grouping: HostileText.corpus, by: \.category)
    for page in outputs.pages {
      let bytes = try [UInt8](Data(contentsOf: page.url))
      let elements = try Markup.xmlElements(bytes)
      let payloads = byCategory[page.category] ?? []
      for payload in payloads {
        checkNoActiveContent(
          elements, payload: payload, allowedElements: Self.pageElements,
          allowedAttributes: Self.pageAttributes, context: "\(payload.id) in a lesson page")
      }
      #expect(elements.filter { $0.name == "style" }.count == 1, "\(page.category)")
      let captions = elements.filter { $0.name == "figcaption" }.map(\.text)
      let labels = elements.filter { $0.name == "div" }.compactMap {
        $0.attributes.first { $0.name == "aria-label" }?.value
      }
      #expect(captions.count == payloads.count * HostileText.figuresPerPayload, "\(page.category)")
      for (index, payload) in payloads.enumerated() {
        let expected = HostilePayload.visible(payload.text)
        for figure in 0..<HostileText.figuresPerPayload {
          let caption = captions[index * HostileText.figuresPerPayload + figure]
          #expect(
            HostilePayload.visible(caption).hasSuffix(expected), "\(payload.id): caption \(figure)")
        }
        // A diagram split into pages labels each page "…, page 2 of 3".
        #expect(
          labels.filter { label in
            let visible = HostilePayload.visible(label)
            return visible.hasPrefix(expected)
          }.count >= 5,
          "\(payload.id): alt text")
      }
    }
  }

  /// No element or attribute outside the allow-lists, no event handler, no URL, and no attribute
  /// that carries the payload (except `aria-label`, which is text).
  func checkNoActiveContent(
    _ elements: [MarkupElement], payload: HostilePayload, allowedElements: Set<String>,
    allowedAttributes: Set<String>, context: String
  ) {
    let names = Set(elements.map(\.name))
    #expect(
      names.isSubset(of: allowedElements), "\(context): \(names.subtracting(allowedElements))")
    let visiblePayload = HostilePayload.visible(payload.text)
    for element in elements {
      for (name, value) in element.attributes {
        #expect(allowedAttributes.contains(name), "\(context): \(name) on <\(element.name)>")
        #expect(!name.lowercased().hasPrefix("on"), "\(context): \(name) on <\(element.name)>")
        if name == "href" {
          #expect(value.hasPrefix("#am-"), "\(context): a link out of the page: \(value)")
        }
        // `aria-label` is text read aloud, never a URL: the alt text lives there, escaped.
        guard name != "aria-label" else { continue }
        let lowered = value.lowercased()
        for scheme in ["javascript:", "vbscript:", "data:", "url(", "expression("] {
          #expect(!lowered.contains(scheme), "\(context): \(name)=\(value.prefix(80))")
        }
        if visiblePayload.count >= 6 {
          #expect(
            !HostilePayload.visible(value).contains(visiblePayload),
            "\(context): the payload in \(name) on <\(element.name)>")
        }
      }
    }
  }
}
