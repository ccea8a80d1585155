import Foundation
import LessonNotes
import TestSupport
import Testing

@Suite("HTML pages")
struct HTMLPageTests {
  static let threeDiagrams = """
    # Three diagrams

    Raw <script>alert('notes')</script> and a [bad link](javascript:alert(1)) and <b>bold</b>.

    ```argmap
    caption: The pact <b>map</b>
    alt: Argument map of the pact
    \(NotesFixtures.pact)
    ```

    > ~~~argmap
    > caption: The same map again
    > \(NotesFixtures.pact.replacingOccurrences(of: "\n", with: "\n> "))
    > ~~~

    - The League, as a timeline:

      ```argmap
      view: timeline
      aim recognition (1934): Recognition <script>alert('map')</script> & "quotes"
      event league (1934-09-18): The USSR joins the League
        + recognition
      ```

    | Year | Event |
    |------|-------|
    | 1934 | League |
    """

  func page(_ text: String, keepsGoing: Bool = false) throws -> String {
    let report = NotesProcessor.process(
      NotesJob(
        inputPath: "/tmp/notes.md", bytes: Array(text.utf8), outputPath: "/tmp/out/notes.html",
        figureFolder: "/tmp/out", figureStem: "notes"),
      options: NotesOptions(target: .html, root: "/tmp", keepsGoing: keepsGoing))
    #expect(report.outputs.count == 1)
    return String(decoding: try #require(report.outputs.last).bytes, as: UTF8.self)
  }

  /// Parses the page with Python's XML parser (strict) and HTML parser; returns their report.
  func parse(_ html: String) throws -> [String: String] {
    let folder = try makeTemporaryFolder("argmap-html")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try writeFile(html, "page.html", in: folder)
    let script = """
      import sys, xml.etree.ElementTree as ET
      from html.parser import HTMLParser
      text = open(sys.argv[1], encoding='utf-8').read()
      root = ET.fromstring(text.split('\\n', 1)[1])  # after <!DOCTYPE html>
      ids = [e.get('id') for e in root.iter() if e.get('id')]
      svg = '{http://www.w3.org/2000/svg}svg'
      class Tags(HTMLParser):
          def __init__(self):
              super().__init__(); self.tags = []; self.handlers = 0
          def handle_starttag(self, tag, attrs):
              self.tags.append(tag)
              self.handlers += sum(1 for k, v in attrs if k.startswith('on') or (v or '').strip().lower().startswith('javascript:'))
      tags = Tags(); tags.feed(text)
      print('svg', sum(1 for e in root.iter(svg)))
      print('figures', sum(1 for e in root.iter('figure')))
      print('figcaptions', sum(1 for e in root.iter('figcaption')))
      print('ids', len(ids))
      print('unique', len(set(ids)))
      print('scripts', tags.tags.count('script'))
      print('handlers', tags.handlers)
      print('tables', tags.tags.count('table'))
      print('errors', sum(1 for e in root.iter('div') if 'argmap-error' in (e.get('class') or '')))
      """
    let result = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path], in: folder)
    #expect(result.status == 0, "the page is not well-formed: \(result.stderr)")
    var values: [String: String] = [:]
    for line in result.stdout.split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    return values
  }

  @Test("three diagrams on one page: well-formed, every id unique, no script anywhere")
  func threeDiagrams() throws {
    let html = try page(Self.threeDiagrams)
    let parsed = try parse(html)
    #expect(parsed["svg"] == "3")
    #expect(parsed["figures"] == "3")
    #expect(parsed["figcaptions"] == "2")
    #expect(parsed["ids"] == parsed["unique"])
    #expect(Int(parsed["ids"] ?? "0") ?? 0 > 20)
    #expect(parsed["scripts"] == "0")
    #expect(parsed["handlers"] == "0")
    #expect(parsed["tables"] == "1")
    #expect(html.contains("&lt;script&gt;alert(&#39;map&#39;)&lt;/script&gt;"))
    #expect(!html.contains("javascript:"))
    #expect(html.contains("<!-- raw HTML omitted -->"))
    #expect(html.contains("<figcaption>Figure 1. The pact &lt;b&gt;map&lt;/b&gt;</figcaption>"))
    #expect(html.contains("aria-label=\"Argument map of the pact\""))
    #expect(html.contains("<summary>Text outline of the diagram</summary>"))
  }

  @Test("the page is offline, responsive, has dark mode and an A4 print stylesheet")
  func stylesheet() throws {
    let html = try page(Self.threeDiagrams)
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("src="))
    #expect(
      html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"))
    #expect(html.contains("@media (prefers-color-scheme: dark)"))
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains(".argmap-diagram, .argmap-error, blockquote { break-inside: avoid;"))
    #expect(
      html.contains(
        ".argmap-diagram svg { display: block; max-width: 100%; width: auto; height: auto;"))
    #expect(html.contains("max-width: 100% !important; max-height: 240mm;"))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<title>Three diagrams</title>"))
  }

  @Test("each diagram links to its other view by fragment: full size, or fit for width: natural")
  func sizeLinks() throws {
    let text = """
      ```argmap
      \(NotesFixtures.pact)
      ```

      ```argmap
      width: natural
      \(NotesFixtures.league)
      ```
      """
    let html = try page(text)
    let prefixes = html.components(separatedBy: "id=\"").dropFirst().compactMap { rest in
      rest.split(separator: "\"").first.flatMap { id in
        id.hasSuffix("-figure") ? String(id.dropLast("-figure".count)) : nil
      }
    }
    #expect(prefixes.count == 2)
    for (prefix, natural) in zip(prefixes, [false, true]) {
      let width = natural ? " natural" : ""
      #expect(html.contains("<div class=\"argmap-diagram\(width) upright\" id=\"\(prefix)-zoom\""))
      let (open, close) =
        natural
        ? ("Fit the diagram to the column", "Show the diagram at full size")
        : ("Open the diagram at full size", "Fit the diagram to the column")
      #expect(
        html.contains(
          "<p class=\"argmap-size\"><a class=\"argmap-open\" href=\"#\(prefix)-zoom\">\(open)</a>"
            + "<a class=\"argmap-close\" href=\"#\(prefix)-figure\">\(close)</a></p>"))
    }
    // `+`: only the link right under the opened diagram switches (with `~`, opening page 2
    // switched the links of every later page too).
    #expect(
      html.contains(".argmap-diagram:target + .argmap-size .argmap-close { display: inline; }"))
    let parsed = try parse(html)
    #expect(parsed["ids"] == parsed["unique"])
    #expect(parsed["scripts"] == "0")
  }

  /// Without a caption, each page's name is the diagram's title and its page: it read
  /// "…, page 1 of 6, page 2 of 6" (the first page's own title).
  @Test("the pages of a split diagram without a caption are named by the whole diagram")
  func splitDiagramNames() throws {
    let events = (1..<41).map { year in
      "event e\(year) (\(1900 + year)): Event number \(year) of the long list, told at length"
    }
    let html = try page(
      "```argmap\nview: timeline\npage: slide\n" + events.joined(separator: "\n") + "\n```\n")
    let labels = html.components(separatedBy: "role=\"group\" aria-label=\"").dropFirst()
      .map { $0.prefix { $0 != "\"" } }
    #expect(labels.count > 1)
    for (offset, label) in labels.enumerated() {
      #expect(label == "Argument map: timeline, page \(offset + 1) of \(labels.count)")
    }
  }

  /// The root `<svg>` tags of a page's diagrams, as (width, height, viewBox width, viewBox
  /// height) in the units they give.
  func roots(_ html: String) -> [[Double]] {
    html.components(separatedBy: "<svg ").dropFirst().map { tag in
      let tag = tag.prefix { $0 != ">" }
      func value(_ name: String) -> [Double] {
        guard let start = tag.range(of: " " + name + "=\"") else { return [] }
        let text = tag[start.upperBound...].prefix { $0 != "\"" }
        return text.split(separator: " ").compactMap { Double($0.replacing("pt", with: "")) }
      }
      let box = value("viewBox")
      return value("width") + value("height") + box.suffix(2)
    }
  }

  /// As a band of the sheet, three statements stood in a frame 70% of an A4 sheet high,
  /// most of it blank.
  @Test("a diagram of one page takes its own size; the pages of a split one share one size")
  func figureSizes() throws {
    let single = roots(try page("```argmap\n\(NotesFixtures.pact)\n```\n"))
    let root = try #require(single.first)
    try #require(root.count == 4)
    // 70% of A4's height inside 10 mm margins is 549 pt; the pact map needs a third of it.
    #expect(root[1] < 250, "\(root)")
    // The viewBox is the diagram's own: no band around it, so its shape is the root's.
    #expect(abs(root[0] / root[1] - root[2] / root[3]) < 0.01, "\(root)")

    let events = (1..<41).map { year in
      "event e\(year) (\(1900 + year)): Event number \(year) of the long list, told at length"
    }
    let pages = roots(
      try page(
        "```argmap\nview: timeline\npage: slide\n" + events.joined(separator: "\n") + "\n```\n"))
    #expect(pages.count > 1)
    #expect(Set(pages.map { $0.prefix(2) }).count == 1, "\(pages)")
  }

  /// Page 1's link stood after the caption, under the last page, so that page showed two.
  @Test("each page of a split diagram has its own link right under it, and the caption is last")
  func splitDiagramLinks() throws {
    let events = (1..<41).map { year in
      "event e\(year) (\(1900 + year)): Event number \(year) of the long list, told at length"
    }
    let text =
      "```argmap\nview: timeline\npage: slide\ncaption: The events\n"
      + events.joined(separator: "\n") + "\n```\n"
    let html = try page(text)
    let figure = try #require(
      html.firstRange(of: "<figure").flatMap { start in
        html.firstRange(of: "</figure>").map { html[start.lowerBound..<$0.upperBound] }
      })
    // One chunk per page, from its diagram to the next: each holds that page's link only.
    let chunks = figure.components(separatedBy: "<div class=\"argmap-diagram").dropFirst()
    #expect(chunks.count > 1)
    for (offset, chunk) in chunks.enumerated() {
      let page = offset == 0 ? "" : "-\(offset + 1)"
      #expect(chunk.components(separatedBy: "class=\"argmap-size\"").count == 2)
      #expect(
        chunk.contains(
          "-zoom\(page)\">Open page \(offset + 1) of the diagram at full size</a>"))
    }
    #expect(figure.hasSuffix("<figcaption>Figure 1. The events</figcaption>\n</figure>"))
    #expect(try parse(html)["figcaptions"] == "1")
  }

  @Test("an error box stands where a broken diagram would be, and the page stays well-formed")
  func errorBox() throws {
    let text =
      "# Broken\n\n```argmap\naim a: <A>\n  + nowhere\n```\n\n```argmap\n\(NotesFixtures.pact)\n```\n"
    let html = try page(text, keepsGoing: true)
    let parsed = try parse(html)
    #expect(parsed["errors"] == "1")
    #expect(parsed["svg"] == "1")
    #expect(html.contains("/tmp/notes.md:5:5: error: unknown node &#39;nowhere&#39;"))
  }

  @Test("the same page twice gives the same bytes")
  func deterministic() throws {
    #expect(try page(Self.threeDiagrams) == page(Self.threeDiagrams))
  }
}
