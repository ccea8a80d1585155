import ArgumentMap
import Foundation
import Testing

@testable import ArgumentMapGraphviz

/// The sheets after a printed worksheet: the question and ruled lines for a written judgement,
/// then the map in words with the blanks kept blank, readable on the sheet.
@Suite struct JudgementSheetTests {
  let map: ArgumentMap
  let options: SceneOptions

  init() throws {
    map = try RunningExample.map()
    var options = SceneOptions(worksheet: .events)
    options.addsJudgementSheet = true
    self.options = options
  }

  func scenes(_ page: PageSize, options: SceneOptions? = nil) throws -> [Scene] {
    try MapRenderer(idPrefix: "ws").pageScenes(
      map, view: .argument, options: options ?? self.options, page: page)
  }

  @Test func theQuestionAndRuledLinesFollowThePictureThenTheMapInWords() throws {
    let scenes = try scenes(.a4Portrait)
    var plain = options
    plain.addsJudgementSheet = false
    let picture = try self.scenes(.a4Portrait, options: plain)
    let names = scenes.map(\.name)
    let judgement = try #require(names.firstIndex(of: "judgement"))
    // The picture's pages come first, unchanged in number; the words follow the judgement.
    #expect(judgement == picture.count)
    #expect(names[(judgement + 1)...].allSatisfy { $0 == "words" })
    #expect(names.count > judgement + 1)
    let sheet = scenes[judgement]
    let heading = try #require(sheet.nodes.first)
    #expect(heading.role == .tableCell(.heading))
    let question = heading.label.replacingOccurrences(of: "\n", with: " ")
    #expect(
      question.contains(
        "How far do you agree that \u{201C}Stalin's main aim was the security of the USSR"))
    #expect(question.contains("by their numbers on the sheet"))
    // Ruled lines: empty boxes, each about 9 mm high, at least a dozen on A4.
    let rules = sheet.nodes.dropFirst()
    #expect(rules.count >= 12)
    #expect(rules.allSatisfy { $0.label.isEmpty && $0.fixedSize?.height == 26 })
    #expect(sheet.title.hasSuffix("(page \(judgement + 1) of \(scenes.count))"))
  }

  @Test func theMapInWordsHasEveryStatementAndKeepsTheBlanksBlank() throws {
    let scenes = try scenes(.a4Portrait)
    let words = scenes.filter { $0.name == "words" }
    let text = words.flatMap(\.nodes).map(\.label).joined(separator: "\n")
      .replacingOccurrences(of: "\n", with: " ")
    for node in map.nodes where node.kind != .event {
      #expect(
        text.contains(String(node.text.prefix(30))), "\(node.id) is missing from the words")
    }
    let events = map.nodes.filter { $0.kind == .event }
    #expect(!events.isEmpty)
    for event in events {
      // The text of a blank event never appears, nor the reasons of its links.
      #expect(!text.contains(event.text), "blank '\(event.id)' is given away")
      for link in event.links {
        if let reasoning = link.reasoning, reasoning.count > 20 {
          #expect(!text.contains(reasoning), "reasoning at blank '\(event.id)' is given away")
        }
      }
    }
    #expect(text.contains("blank 1: to be filled in"))
  }

  @Test(arguments: [PageSize.a4Portrait, .a4Landscape, .slide])
  func everySheetIsReadableAndSameBytesOnASecondRun(page: PageSize) throws {
    let scenes = try scenes(page).filter { $0.name == "judgement" || $0.name == "words" }
    let renderer = MapRenderer(idPrefix: "ws")
    let svgs = try renderer.drawing(scenes, page: page, format: .svg).map {
      String(decoding: $0.bytes, as: UTF8.self)
    }
    for (number, svg) in svgs.enumerated() {
      #expect(
        try smallestReaderSize(ofPage: svg, on: page) >= page.minimumReaderSize,
        "sheet \(number + 1)")
    }
    let again = try renderer.drawing(scenes, page: page, format: .svg).map {
      String(decoding: $0.bytes, as: UTF8.self)
    }
    #expect(svgs == again)
  }

  /// In lesson notes a picture takes part of the sheet's height, and so does the sheet: its
  /// boxes stay inside that share, so its text keeps the size of the other figures.
  @Test func theSheetKeepsToTheShareOfThePageANoteGivesIt() throws {
    var renderer = MapRenderer(idPrefix: "ws")
    renderer.pageHeightShare = 0.7
    let page = PageSize.a4Landscape
    let scenes = try renderer.pageScenes(map, view: .argument, options: options, page: page)
      .filter { $0.name == "judgement" || $0.name == "words" }
    #expect(scenes.count >= 2)
    for scene in scenes {
      let height = scene.nodes.compactMap { $0.fixedSize?.height }.reduce(0, +)
      #expect(height <= page.usableHeight * 0.7, "\(scene.title): \(height) points")
    }
  }

  /// A statement with more links than a sheet holds is cut into boxes over several sheets,
  /// every line kept, rather than drawn as one box shrunk to fit.
  @Test func aStatementTooLongForASheetGoesOnOverSeveralSheets() {
    let links = (1...150).map { "  'hub' supports 'claim-\($0)': reason \($0)" }
    let outline = (["Claim 'hub': The hub"] + links).joined(separator: "\n")
    let page = PageSize.a4Portrait
    let words = JudgementSheet.scenes(for: map, outline: outline, hasBlanks: false, page: page)
      .filter { $0.name == "words" }
    #expect(words.count >= 2)
    for scene in words {
      let height = scene.nodes.compactMap { $0.fixedSize?.height }.reduce(0, +)
      #expect(height <= page.usableHeight, "\(height) points")
    }
    let text = words.flatMap(\.nodes).map(\.label).joined(separator: "\n")
    #expect(text.contains("\u{2013} 'hub' supports 'claim-150': reason 150"))
    #expect(text.contains("Claim 'hub': The hub"))
  }

  @Test func hostileTextIsEscaped() throws {
    var hostile = map
    let at = try #require(hostile.nodes.firstIndex { $0.isMainAim })
    hostile.nodes[at].text = "<script>alert(1)</script> \\N \" ]; x [label=y"
    let scenes = try MapRenderer(idPrefix: "ws").pageScenes(
      hostile, view: .argument, options: options, page: .a4Portrait
    ).filter { $0.name == "judgement" || $0.name == "words" }
    let svg = try MapRenderer(idPrefix: "ws").drawing(scenes, page: .a4Portrait, format: .svg)
      .map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
    #expect(!svg.contains("<script"))
    #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }
}
