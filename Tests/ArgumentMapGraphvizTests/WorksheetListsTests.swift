import ArgumentMap
import Testing

@testable import ArgumentMapGraphviz

/// A teacher's copy of a worksheet with every statement blanked: its answers and word bank list
/// every blank, readable, however many there are.
@Suite struct WorksheetListsTests {
  let map: ArgumentMap
  let options: SceneOptions

  init() throws {
    map = try RunningExample.map()
    var options = SceneOptions(worksheet: .all)
    options.showsAnswers = true
    options.showsWordBank = true
    self.options = options
  }

  /// The answers' numbers and the word bank's entries in `labels`, read line by line.
  func entries(_ labels: [String]) -> (answers: [Int], words: [String]) {
    let lines = labels.joined(separator: "\n").replacing("\n      ", with: " ")
      .split(separator: "\n").map(String.init)
    let answers = lines.compactMap { line -> Int? in
      guard line.hasPrefix("(") else { return nil }
      return Int(line.dropFirst().prefix { $0 != ")" })
    }
    return (answers, lines.filter { $0.hasPrefix("\u{2022} ") })
  }

  @Test(arguments: [PageSize.a4Portrait, .slide])
  func onPagesEveryBlankIsListedOverAsManySheetsAsItTakesAtAReadableSize(page: PageSize) throws {
    let renderer = MapRenderer(idPrefix: "ws")
    let scenes = try renderer.pageScenes(map, view: .argument, options: options, page: page)
    let lists = scenes.filter { $0.name == "lists" }
    #expect(lists.count >= 2)
    let (answers, words) = entries(lists.flatMap(\.nodes).map(\.label))
    // Every statement is a blank, numbered from 1 in the picture.
    #expect(answers == Array(1...map.nodes.count))
    #expect(words.count == map.nodes.count)
    #expect(words == words.sorted { $0.lowercased() < $1.lowercased() })
    let headings = lists.flatMap(\.nodes).filter { $0.role == .tableCell(.heading) }.map(\.label)
    #expect(headings.first == "Word bank: write each in its numbered box")
    #expect(headings.contains("Answers"))
    #expect(headings.contains("Answers (continued)"))
    let svgs = try renderer.drawing(lists, page: page, format: .svg).map {
      String(decoding: $0.bytes, as: UTF8.self)
    }
    for (number, svg) in svgs.enumerated() {
      #expect(
        try smallestReaderSize(ofPage: svg, on: page) >= page.minimumReaderSize,
        "sheet \(number + 1)")
    }
  }

  /// The answer key listed "(18) event: The essay says Hitler … cancels the Rapallo Treaty…"
  /// as the answer, with no sign that the map corrects it.
  @Test func aFlaggedAnswerSaysWhatIsTrue() throws {
    let builder = SceneBuilder(map: map, options: options)
    let numbers = Array(1...map.nodes.count)
    let answers = try #require(
      builder.worksheetLists(numbers: numbers).first { $0.id == "answers" })
    var flaggedCount = 0
    for (position, node) in map.nodes.enumerated() {
      guard let number = builder.blankNumbers[position] else { continue }
      let entry = try #require(answers.entries.first { $0.hasPrefix("(\(number)) ") })
      for flag in node.flags {
        flaggedCount += 1
        let start = flag.text.split(separator: " ").prefix(5).joined(separator: " ")
        #expect(entry.contains("\u{26A0} In fact: " + start), "\(entry)")
      }
      if node.flags.isEmpty { #expect(!entry.contains("In fact")) }
    }
    #expect(flaggedCount >= 8)
  }

  @Test func underAWholePictureTheListsGoOnInBlocksThatAreDrawnWhole() throws {
    var scene = try map.scene(.argument, options: options)
    let blocks = scene.nodes.filter {
      $0.id.rawValue.hasPrefix("answers") || $0.id.rawValue.hasPrefix("word-bank")
    }
    #expect(blocks.count >= 4)
    let (answers, words) = entries(blocks.map(\.label))
    #expect(answers == Array(1...map.nodes.count))
    #expect(words.count == map.nodes.count)
    #expect(blocks.contains { $0.label.hasPrefix("Answers (continued)\n") })
    // Nothing is cut when the scene is drawn.
    #expect(scene.cutLongTexts().isEmpty)
  }
}
