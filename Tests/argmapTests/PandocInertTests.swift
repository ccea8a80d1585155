import Foundation
import TestSupport
import Testing

/// `argmap notes --inline` output passed through the Markdown tools that course sites use, then
/// opened in headless Chromium: Pandoc (its own Markdown and GitHub's), and Python-Markdown
/// (MkDocs' parser). The notes hold every payload of the hostile-text corpus and Markdown's own
/// ways to make a link or an image, in every kind of figure; the notes' own text makes neither.
/// So any `<a>` or `<img>` in the page, and any `href` or `src`, comes from map text.
@Suite("Inline Markdown output stays inert through Pandoc and Python-Markdown")
struct PandocInertTests {
  /// Markdown's ways to make a link, an image or raw HTML that the corpus leaves out: reference
  /// links (to a definition the notes hold, and to one the map text holds), footnotes, Pandoc's
  /// raw attribute and bracketed spans, bare URLs and e-mail addresses.
  static let linkPayloads: [HostilePayload] = {
    let marker = "console.log('PWNED'),document.documentElement.setAttribute('data-pwned',1)"
    let entries: [(String, String)] = [
      ("md-link-plain", "[a](javascript:alert(1)) and [the source](javascript:\(marker))"),
      ("md-image-plain", "![x](https://evil.example/t.png)"),
      ("md-autolink-plain", "<javascript:alert(1)> and <https://evil.example/a>"),
      ("md-reference-notes", "[click][notes-ref] and [notes-ref] and [notes-ref][]"),
      ("md-reference-own", "[r]: javascript:\(marker) and [go][r] ![i][img]"),
      ("md-bare-urls", "https://evil.example/bare www.evil.example/w mail@evil.example"),
      ("md-footnote", "^[an inline note] and [^1] and [^notes-ref]"),
      ("md-raw-attribute", "`<img src=x onerror=\"\(marker)\">`{=html}"),
      ("md-span-attribute", "[text]{onclick=\"\(marker)\"} and [y](#x){.c}"),
      ("md-link-angle", "[x](<javascript:\(marker)>) [y]( javascript:alert(1) )"),
      ("md-escaped-brackets", "\\[x\\](javascript:alert(1)) &#91;x&#93;(javascript:alert(1))"),
    ]
    let json = entries.map { id, text in
      let data =
        (try? JSONEncoder().encode(["id": id, "category": "markdown-links", "text": text]))
      return String(decoding: data ?? Data(), as: UTF8.self)
    }
    let decoded = try? JSONDecoder().decode(
      [HostilePayload].self, from: Data(("[" + json.joined(separator: ",") + "]").utf8))
    return decoded ?? []
  }()

  /// The Markdown tools, each as the command that turns Markdown on standard input into HTML.
  static let tools: [(name: String, executable: String, arguments: [String])] = [
    ("pandoc-markdown", "/usr/bin/pandoc", ["-f", "markdown", "-t", "html"]),
    ("pandoc-gfm", "/usr/bin/pandoc", ["-f", "gfm", "-t", "html"]),
    (
      "python-markdown", "/usr/bin/python3",
      [
        "-c",
        "import sys, markdown; sys.stdout.write(markdown.markdown(sys.stdin.read(), "
          + "extensions=['extra', 'toc', 'admonition', 'sane_lists']))",
      ]
    ),
  ]

  /// Elements a link, an image or a script would bring; none may be in the page.
  static let activeElements: Set<String> = [
    "a", "img", "image", "script", "iframe", "object", "embed", "form", "input", "video", "audio",
    "source", "link", "base", "use", "foreignobject", "animate", "set", "picture",
  ]
  /// Attributes that load or link to a URL; none may be in the page.
  static let urlAttributes: Set<String> = [
    "href", "xlink:href", "src", "srcset", "srcdoc", "action", "formaction", "data", "poster",
    "background", "ping",
  ]

  /// The inline Markdown output of notes holding every payload, one notes file per category.
  struct Built {
    var folder: URL
    var markdown: [(category: String, url: URL)]
    var stderr: String
  }

  static let built: Result<Built, any Error> = Result { try build() }

  static func build() throws -> Built {
    let folder = try makeTemporaryFolder("argmap-pandoc-inert")
    let payloads = HostileText.corpus + linkPayloads
    var categories: [String] = []
    for payload in payloads {
      try writeFile(HostileText.mapSource(payload), "maps/\(payload.id).argmap", in: folder)
      if !categories.contains(payload.category) { categories.append(payload.category) }
    }
    for category in categories {
      var notes = "# Inline notes: \(category)\n\n"
      for payload in payloads where payload.category == category {
        notes += HostileText.lessonBlocks(payload, mapFile: "maps/\(payload.id).argmap")
      }
      // Definitions the teacher's notes hold: map text must not reach them.
      // (No footnote definition: Python-Markdown lists it, with a link, even when unused.)
      notes += "[notes-ref]: https://evil.example/ref\n"
      try writeFile(notes, "\(category).md", in: folder)
    }
    let result = try runArgmap(
      ["notes"] + categories.map { "\($0).md" } + [
        "--inline", "-o", "out", "--root", folder.path, "--no-cache",
      ], in: folder)
    return Built(
      folder: folder,
      markdown: categories.map { ($0, folder.appendingPathComponent("out/\($0).md")) },
      stderr: result.status == 0 && HostileText.withoutBidiWarnings(result.stderr).isEmpty
        ? "" : "exit \(result.status): \(HostileText.withoutBidiWarnings(result.stderr))")
  }

  @Test("argmap notes --inline takes every payload without an error or a warning")
  func runsCleanly() throws {
    let built = try Self.built.get()
    #expect(built.stderr.isEmpty, "\(built.stderr)")
    #expect(Self.linkPayloads.count == 11)
    for (category, url) in built.markdown {
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.contains("<figure class=\"argmap\""), "\(category)")
    }
  }

  @Test(
    "through each tool and in Chromium: no script runs, no link, image or URL from map text",
    arguments: tools.map(\.name))
  func inertInBrowser(tool: String) throws {
    let built = try Self.built.get()
    let command = try #require(Self.tools.first { $0.name == tool })
    var body = ""
    var figures = 0
    for (category, url) in built.markdown {
      let markdown = try [UInt8](Data(contentsOf: url))
      figures +=
        String(decoding: markdown, as: UTF8.self).components(separatedBy: "\n<svg ").count - 1
      let output = try runProcess(
        URL(fileURLWithPath: command.executable), command.arguments, stdin: markdown,
        in: built.folder)
      try #require(output.status == 0, "\(tool) on \(category): \(output.stderr)")
      body += "<section>\n\(output.stdout)\n</section>\n"
    }
    let page = try writeFile(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(tool)</title>"
        + "</head><body>\n\(body)</body></html>\n", "\(tool).html", in: built.folder)
    let result = try Browser.open(page)
    #expect(result.problems.isEmpty, "\(tool): \(result.problems.prefix(10))")
    // Every diagram is still an SVG in the page the browser built.
    #expect(result.elements.filter { $0.name == "svg" }.count == figures, "\(tool)")
    var found: [String] = []
    for element in result.elements {
      if Self.activeElements.contains(element.name) { found.append("<\(element.name)>") }
      for attribute in element.attributes {
        let value = String(
          attribute.value.lowercased().unicodeScalars.filter {
            !$0.properties.isWhitespace && $0.value >= 0x20
          })
        // Text attributes (`aria-label`, `alt`) may hold a payload as text; a URL may not be
        // anywhere it would load or link.
        if Self.urlAttributes.contains(attribute.name) || attribute.name.hasPrefix("on")
          || (attribute.name == "style"
            && (value.contains("url(") || value.contains("expression(")
              || value.contains("javascript:")))
        {
          found.append("\(attribute.name)=\"\(attribute.value.prefix(80))\" on <\(element.name)>")
        }
      }
    }
    #expect(found.isEmpty, "\(tool): \(found.count) found, first: \(found.prefix(12))")
  }
}
