import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import TestSupport
import Testing

@Suite("Diagrams are put on A4, A3 and slide pages as PDF, PNG and SVG")
struct PageComposerTests {
  let renderer = MapRenderer()

  /// A small map whose every text names `word`, so a page can be told from another by its text.
  static func small(_ word: String) -> ArgumentMap {
    ArgumentMap(
      metadata: Metadata(title: word),
      nodes: [
        Node(.mainAim, "aim", "\(word) aim of the policy"),
        Node(
          .claim, "claim", "\(word) claim in support",
          links: [Link(.supports, .node("aim"), reasoning: "\(word) reasoning")]),
      ])
  }

  func svg(_ map: ArgumentMap, view: MapView = .argument) throws -> [UInt8] {
    try renderer.render(try map.scene(view), format: .svg)
  }

  /// What a poppler tool prints for the PDF `pdf`, written to a temporary file first.
  func poppler(_ tool: String, _ arguments: [String], pdf: [UInt8], then: [String] = [])
    throws -> String
  {
    let folder = try makeTemporaryFolder("pages")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("pages.pdf")
    try Data(pdf).write(to: file)
    let output = try runProcess(
      URL(fileURLWithPath: "/usr/bin/" + tool), arguments + [file.path] + then, in: folder)
    try #require(output.status == 0, "\(tool): \(output.stderr)")
    return output.stdout
  }

  /// The value after `key` on `pdfinfo`'s line that starts with it.
  func info(_ key: String, in text: String) -> String? {
    text.split(separator: "\n").first { $0.hasPrefix(key) }.map {
      $0.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test("a PDF has one A4 landscape page per diagram, each page holding its own labels")
  func pdfPages() throws {
    let pages = [try svg(Self.small("Alphaville")), try svg(Self.small("Bravotown"))]
    let pdf = try PageComposer.pdf(pages: pages, on: .a4Landscape, title: "Two parts")
    let summary = try poppler("pdfinfo", ["-f", "1", "-l", "2"], pdf: pdf)
    #expect(info("Pages:", in: summary) == "2")
    #expect(info("Title:", in: summary) == "Two parts")
    #expect(info("Page    1 size:", in: summary)?.hasPrefix("841.89 x 595.28 pts") == true)
    #expect(info("Page    2 size:", in: summary)?.hasPrefix("841.89 x 595.28 pts") == true)
    let first = try poppler("pdftotext", ["-f", "1", "-l", "1"], pdf: pdf, then: ["-"])
    let second = try poppler("pdftotext", ["-f", "2", "-l", "2"], pdf: pdf, then: ["-"])
    #expect(first.contains("Alphaville aim") && !first.contains("Bravotown"))
    #expect(second.contains("Bravotown claim") && !second.contains("Alphaville"))
  }

  /// Titled by its first page, a PDF of the running example read "…: overview (page 1 of 21)".
  @Test("a PDF of a map's pages is titled by the map")
  func pdfTitle() throws {
    let map = try RunningExample.map()
    let parts = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Landscape)
    let pdf = try renderer.drawing(parts, page: .a4Landscape, format: .pdf)
    let summary = try poppler("pdfinfo", [], pdf: pdf[0].bytes)
    #expect(info("Title:", in: summary) == "Stalin's foreign policy, 1928–1941")
  }

  /// Page titles read "…strength of the… (1 of 6) (page 9 of 21)": two bare counters, and a
  /// seven-word sub-aim cut short.
  @Test("a part's pages are titled by its whole anchor and counted as parts, then as pages")
  func partTitles() throws {
    let map = try RunningExample.map()
    let pages = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Landscape)
    let titles = pages.map(\.title)
    let strength =
      "Stalin's foreign policy, 1928–1941: Industrial and military strength of the USSR"
    let parts = titles.filter { $0.hasPrefix(strength + ", part ") }
    #expect(parts.count > 1, "\(titles)")
    for (offset, title) in parts.enumerated() {
      #expect(title.hasPrefix(strength + ", part \(offset + 1) of \(parts.count) (page "))
    }
    // A focus is titled by its centre's shortened text, which ends in "…" and then takes no
    // full stop in the description.
    let focus = try map.scene(.focus("nazi-soviet-pact", depth: 1))
    #expect(focus.title.hasSuffix("travels to Moscow and\u{2026}"), "\(focus.title)")
    #expect(focus.outline.hasPrefix(focus.title + " A teaching map of "), "\(focus.outline)")
  }

  @Test("the same pages give the same PDF bytes, dated 1970 whatever the day")
  func pdfIsDeterministic() throws {
    let pages = [try svg(Self.small("Alphaville")), try svg(Self.small("Bravotown"))]
    let once = try PageComposer.pdf(pages: pages, on: .a4Landscape, title: "Two parts")
    let twice = try PageComposer.pdf(pages: pages, on: .a4Landscape, title: "Two parts")
    #expect(once == twice)
    let summary = try poppler("pdfinfo", [], pdf: once)
    #expect(info("CreationDate:", in: summary)?.contains("1970") == true)
  }

  @Test("the running example fits an A3 sheet: the map, then its timeline, text kept as text")
  func runningExampleOnA3() throws {
    let map = try RunningExample.map()
    let title = try #require(map.metadata.title)
    let pages = [try svg(map), try svg(map, view: .timeline)]
    let pdf = try PageComposer.pdf(pages: pages, on: .a3Landscape, title: title)
    let summary = try poppler("pdfinfo", ["-f", "1", "-l", "2"], pdf: pdf)
    #expect(info("Pages:", in: summary) == "2")
    #expect(info("Title:", in: summary) == title)
    #expect(info("Page    2 size:", in: summary)?.hasPrefix("1190.55 x 841.89 pts") == true)
    for page in ["1", "2"] {
      let text = try poppler("pdftotext", ["-f", page, "-l", page], pdf: pdf, then: ["-"])
      #expect(text.contains("Munich"), "page \(page)")
    }
  }

  @Test(
    "a PNG page has the page's pixel size, white margins and the diagram centred",
    arguments: [
      (PageSize.slide, 1920, 1080), (.a4Landscape, 1754, 1240), (.a4Portrait, 1240, 1754),
    ])
  func pngPage(page: PageSize, width: Int, height: Int) throws {
    let png = try PageComposer.png(page: try svg(Fixtures.stalin), on: page)
    let header = try #require(PNGImage.headerSize(png))
    #expect(header.width == width && header.height == height)
    #expect(PageComposer.pixelSize(of: page) == (width, height))
    let image = try PNGImage(png)
    let ink = try #require(image.inkBounds)
    let margin = Int((page.margin * Double(width) / page.width).rounded(.down))
    #expect(ink.left >= margin && ink.top >= margin)
    #expect(ink.right <= width - margin && ink.bottom <= height - margin)
    // Centred to within a pixel or two of antialiasing on each axis.
    #expect(abs(ink.left - (width - ink.right)) <= 3)
    #expect(abs(ink.top - (height - ink.bottom)) <= 3)
    let centre = (height / 3..<2 * height / 3).contains { row in
      (width / 3..<2 * width / 3).contains { image.pixels[row * width + $0] != 0xFF_FFFF }
    }
    #expect(centre)
  }

  @Test("a small diagram is enlarged twice on a slide and kept at its size on paper")
  func pngScale() throws {
    // Without its key of reasons, so that the diagram is small enough to be enlarged twice.
    let scene = try Self.small("Alphaville").scene(
      .argument, options: SceneOptions(showsReasoning: false))
    let diagram = try renderer.render(scene, format: .svg)
    let slide = try #require(try PNGImage(PageComposer.png(page: diagram, on: .slide)).inkBounds)
    let paper = try #require(
      try PNGImage(PageComposer.png(page: diagram, on: .a4Landscape)).inkBounds)
    // 2 points per point at 2 pixels per point, against 1 point per point at 150 dpi.
    let ratio = Double(slide.right - slide.left) / Double(paper.right - paper.left)
    #expect(abs(ratio - 4 / (150.0 / 72)) < 0.05)
  }

  @Test("the same page gives the same PNG bytes")
  func pngIsDeterministic() throws {
    let diagram = try svg(Fixtures.stalin)
    #expect(
      try PageComposer.png(page: diagram, on: .slide)
        == PageComposer.png(page: diagram, on: .slide))
  }

  @Test(
    "an SVG page's root has the page's size and a viewBox of its shape, the rest unchanged",
    arguments: [
      (PageSize.a4Landscape, "297mm", "210mm"), (.a4Portrait, "210mm", "297mm"),
      (.a3Landscape, "420mm", "297mm"), (.slide, "1920px", "1080px"),
    ])
  func svgPage(page: PageSize, width: String, height: String) throws {
    let diagram = try svg(Fixtures.stalin)
    let composed = try PageComposer.svg(page: diagram, on: page)
    let root = try #require(try SVGDocument(composed).elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["width"] == width && root.attributes["height"] == height)
    let box = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap {
      Double($0)
    }
    try #require(box.count == 4)
    #expect(abs(box[2] / box[3] - page.width / page.height) < 0.001)
    // The diagram's own viewBox starts at 0 0: the page's starts left of and above it, by the
    // same room on each side.
    let original = try #require(try SVGDocument(diagram).elements.first?.attributes["viewBox"])
      .split(separator: " ").compactMap { Double($0) }
    #expect(box[0] < 0 && box[1] < 0)
    #expect(abs((box[2] + 2 * box[0]) - original[2]) < 0.02)
    #expect(abs((box[3] + 2 * box[1]) - original[3]) < 0.02)
    #expect(root.attributes["role"] == "img")
    // Everything after the root tag is the diagram's, byte for byte.
    func body(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
      let start = bytes.firstIndex(of: UInt8(ascii: ">")) ?? 0
      return bytes[start...]
    }
    #expect(body(composed).elementsEqual(body(diagram)))
  }

  @Test("hostile text stays escaped on an SVG page and readable on a PDF page")
  func hostileLabel() throws {
    let text = "<script>alert('x')</script> & \"quoted\""
    let diagram = try svg(Fixtures.hostile(text))
    let composed = try PageComposer.svg(page: diagram, on: .slide)
    let document = try SVGDocument(composed)
    #expect(document.all("script").isEmpty)
    let markup = String(decoding: composed, as: UTF8.self)
    #expect(!markup.contains("<script"))
    #expect(markup.contains("&lt;script&gt;"))
    #expect(document.all("title").contains { $0.text.contains(text) })
    let pdf = try PageComposer.pdf(pages: [diagram], on: .a4Landscape, title: text)
    let summary = try poppler("pdfinfo", [], pdf: pdf)
    #expect(info("Title:", in: summary) == text)
    let words = try poppler("pdftotext", [], pdf: pdf, then: ["-"])
    #expect(words.contains("alert('x')"))
  }

  @Test("pages composed on several threads while Graphviz draws are the pages composed alone")
  func concurrentComposition() async throws {
    let diagram = try svg(Self.small("Alphaville"))
    let alone = try PageComposer.png(page: diagram, on: .slide)
    let aloneText = try renderer.render(Fixtures.stalin, format: .svg)
    let renderer = renderer
    try await withThrowingTaskGroup(of: Bool.self) { group in
      for index in 0..<8 {
        group.addTask {
          if index.isMultiple(of: 2) {
            return try PageComposer.png(page: diagram, on: .slide) == alone
          }
          return try renderer.render(Fixtures.stalin, format: .svg) == aloneText
        }
      }
      for try await isSame in group { #expect(isSame) }
    }
  }

  @Test("unreadable input is a thrown error with the library's message, never a crash")
  func errors() throws {
    let truncated = Array("<svg width=\"10pt\" height=\"10pt\" viewBox=\"0 0 10 10\"><g>".utf8)
    #expect {
      _ = try PageComposer.pdf(pages: [truncated], on: .a4Landscape)
    } throws: { error in
      guard case .page(let message) = error as? RenderError else { return false }
      return message.hasPrefix("librsvg: ")
    }
    #expect(throws: RenderError.page("no <svg> root element")) {
      _ = try PageComposer.png(page: Array("not a drawing".utf8), on: .slide)
    }
    #expect(throws: RenderError.page("unreadable length '50%' on the <svg> root")) {
      _ = try PageComposer.svg(page: Array("<svg width=\"50%\" height=\"1pt\"/>".utf8), on: .slide)
    }
    #expect(throws: RenderError.page("a document needs at least one page")) {
      _ = try PageComposer.pdf(pages: [], on: .slide)
    }
  }
}
