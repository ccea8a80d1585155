import Foundation
import TestSupport
import Testing

/// The hostile-text outputs opened in headless Chromium (Debian's `chromium`, which the README's
/// setup and `.ci/run` install): no payload's script runs, and the page the browser builds holds
/// no element or attribute a payload put there. Every payload would leave a marker if its script
/// ran: `data-pwned` on the root element and `PWNED` on the console. Pages are batched: one
/// launch per lesson page (a category of payloads), one for all standalone SVGs (each in an
/// `<iframe>`, where SVG scripts and handlers would run), one for the control.
@Suite("Hostile text in headless Chromium")
struct BrowserTests {
  /// What a lesson page holds once the browser has parsed it (`tbody` and the like included).
  static let pageElements = HostileTextTests.pageElements

  @Test("the check sees a script that runs, in a page and in an SVG in a frame")
  func controlIsCaught() throws {
    let folder = try makeTemporaryFolder("argmap-browser-control")
    defer { try? FileManager.default.removeItem(at: folder) }
    let marker = "console.log('PWNED'),document.documentElement.setAttribute('data-pwned',1)"
    try writeFile(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"\(marker)\"><text>x</text></svg>",
      "control.svg", in: folder)
    let page = try writeFile(
      "<!DOCTYPE html><html><head><title>control</title></head><body>"
        + "<img src=\"missing.png\" onerror=\"\(marker)\"><iframe src=\"control.svg\"></iframe>"
        + "</body></html>", "control.html", in: folder)
    let result = try Browser.open(page)
    let problems = result.problems
    #expect(problems.contains { $0.contains("data-pwned") }, "\(problems)")
    #expect(problems.contains { $0.contains("PWNED") && $0.contains("control.svg") }, "\(problems)")
    #expect(result.elements.contains { $0.name == "img" })
  }

  @Test("lesson pages: no script runs, and the DOM holds only the page's own markup")
  func lessonPages() throws {
    let outputs = try HostileOutputs.shared.get()
    #expect(outputs.pages.count >= 10)
    for page in outputs.pages {
      let result = try Browser.open(page.url)
      #expect(result.problems.isEmpty, "\(page.category): \(result.problems)")
      let names = Set(result.elements.map(\.name))
      #expect(
        names.isSubset(of: Self.pageElements),
        "\(page.category): \(names.subtracting(Self.pageElements))")
      #expect(result.elements.filter { $0.name == "svg" }.count >= 5, "\(page.category)")
      for element in result.elements {
        for attribute in element.attributes {
          #expect(
            HostileTextTests.pageAttributes.contains(attribute.name)
              || HostileTextTests.pageAttributes.contains(attribute.name.lowercased())
              || attribute.name == "viewbox",
            "\(page.category): \(attribute.name) on <\(element.name)>")
          if attribute.name == "href" {
            #expect(attribute.value.hasPrefix("#am-"), "\(page.category): \(attribute.value)")
          }
        }
      }
    }
  }

  @Test("SVG files in every view, each in a frame: no script runs")
  func standaloneSVGs() throws {
    let outputs = try HostileOutputs.shared.get()
    var frames = ""
    var count = 0
    for view in HostileOutputs.views {
      for payload in HostileText.corpus {
        guard let url = outputs.svgs[view.name]?[payload.id] else { continue }
        frames += "<iframe src=\"\(url.absoluteString)\" width=\"200\" height=\"100\"></iframe>\n"
        count += 1
      }
    }
    #expect(count == HostileText.corpus.count * HostileOutputs.views.count)
    let page = try writeFile(
      "<!DOCTYPE html><html><head><title>frames</title></head><body>\n\(frames)</body></html>\n",
      "frames.html", in: outputs.folder)
    let result = try Browser.open(page)
    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(result.elements.filter { $0.name == "iframe" }.count == count)
  }
}

/// Headless Chromium, run as CI runs it (as root, hence `--no-sandbox`), with no network: any
/// request a payload makes fails and is logged.
enum Browser {
  struct Result {
    var dom: String
    var log: String
    var elements: [MarkupElement]

    /// What went wrong: a marker on the root element, the console's `PWNED`, any other console
    /// message or failed request.
    var problems: [String] {
      var found: [String] = []
      if let root = elements.first(where: { $0.name == "html" || $0.name == "svg" }),
        root.attributes.contains(where: { $0.name == "data-pwned" })
      {
        found.append("the root element has data-pwned: a payload's script ran")
      }
      for line in log.split(separator: "\n")
      where line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("net::ERR_")
        || line.contains("PWNED")
      {
        found.append(String(line.prefix(300)))
      }
      return found
    }
  }

  static var executable: URL {
    get throws {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      for folder in path.split(separator: ":") {
        for name in ["chromium", "chromium-browser"] {
          let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
          if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
      }
      throw BrowserMissing()
    }
  }

  struct BrowserMissing: Error, CustomStringConvertible {
    var description: String {
      "chromium is not on PATH: the browser tests need it (apt-get install chromium, as "
        + "Scripts/quickstart.sh and .ci/run do)"
    }
  }

  /// Opens `page` and returns the DOM the browser built, with its log.
  static func open(_ page: URL) throws -> Result {
    let profile = try makeTemporaryFolder("argmap-chromium")
    defer { try? FileManager.default.removeItem(at: profile) }
    let output = try runProcess(
      try executable,
      [
        "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
        "--disable-background-networking", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=3000", "--dump-dom", page.absoluteString,
      ], in: profile)
    return Result(
      dom: output.stdout, log: output.stderr, elements: Markup.htmlElements(output.stdout))
  }
}
