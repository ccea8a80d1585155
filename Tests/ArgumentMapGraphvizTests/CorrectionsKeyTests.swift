import ArgumentAnalysis
import ArgumentMap
import Testing

@testable import ArgumentMapGraphviz

/// A flagged statement's correction is printed in the key under the picture, where a class can
/// read it; hover text does not reach paper or a projector.
@Suite struct CorrectionsKeyTests {
  let map: ArgumentMap

  init() throws {
    map = try RunningExample.map()
  }

  /// The text of the key blocks of `scenes`, wrapped lines joined.
  func keyText(_ scenes: [Scene]) -> String {
    scenes.flatMap(\.nodes).filter { $0.role == .textBlock }.map(\.label)
      .joined(separator: "\n").replacing("\n      ", with: " ")
  }

  /// The start of every flag's correction in the map.
  var corrections: [String] {
    map.nodes.flatMap(\.flags).map { String($0.text.prefix(60)) }
  }

  @Test func everyCorrectionIsInTheKeyOfTheWholePictureAndOfThePages() throws {
    #expect(corrections.count >= 8)
    let whole = keyText([try map.scene(.argument)])
    #expect(whole.contains("\nCorrections\n"))
    for correction in corrections { #expect(whole.contains(correction), "\(correction)") }
    // Each correction is named by its statement's title, as "continued" boxes are: the
    // first words of "The essay says that in 1932 ..." would name none apart.
    #expect(whole.contains("\u{26A0} Hitler becomes Chancellor: Hitler did not cancel the Rapallo"))
    let pages = try MapRenderer(idPrefix: "c").pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Portrait)
    // On pages the corrections go on sheets of their own at the end, each naming the page its
    // statement is drawn on: under a page's picture they pushed its text below 20 px on a slide.
    let sheets = pages.filter { $0.name == "corrections" }
    #expect(!sheets.isEmpty)
    #expect(pages.suffix(sheets.count).allSatisfy { $0.name == "corrections" })
    #expect(!keyText(pages.filter { $0.name != "corrections" }).contains("Corrections"))
    let printed = sheets.flatMap(\.nodes).map(\.label).joined(separator: "\n")
      .replacingOccurrences(of: "\n", with: " ")
    for correction in corrections { #expect(printed.contains(correction), "\(correction)") }
    let hitler = try #require(
      pages.firstIndex { $0.nodes.contains { $0.id.rawValue == "n-hitler-power" } })
    #expect(printed.contains("\u{26A0} Hitler becomes Chancellor (page \(hitler + 1))"))
    #expect(printed.contains("Source: Treaty of Berlin (1926), Wikipedia"))
  }

  /// At its natural size the running example's key stood in 14 rows of two, a strip taller
  /// than the map above it, and the corrections block's invisible edges to every key column
  /// crossed each row and pushed its two columns apart, further at each row.
  @Test func theKeyOfTheWholePictureStandsInAlignedRowsAboutAsManyAsItsColumns() throws {
    let scene = try map.scene(.argument)
    let rows = scene.groups.filter { $0.id.rawValue.hasPrefix("key-row") }.map(\.members)
    let widest = try #require(rows.map(\.count).max())
    #expect(rows.count > 1 && rows.count <= widest, "\(rows.map(\.count))")
    let svg = try SVGDocument(MapRenderer(idPrefix: "k").render(scene, format: .svg))
    /// The left edge of a key column's text.
    func left(_ id: SceneElementID) throws -> Double {
      let xs = svg.all("text").filter { $0.groupID == "k-" + id.rawValue }
        .compactMap { $0.attributes["x"].flatMap(Double.init) }
      return try #require(xs.min(), "\(id)")
    }
    for column in 0..<widest {
      let edges = try rows.filter { $0.count > column }.map { try left($0[column]) }
      let spread = (edges.max() ?? 0) - (edges.min() ?? 0)
      // Columns are centred, so texts of different widths start up to about 70 points apart;
      // the drift was about 50 points a row, 650 over the key.
      #expect(spread < 120, "column \(column + 1): \(edges)")
    }
  }

  /// The pages each statement is first drawn on, and the pages its correction names, in the
  /// order the correction sheets print them.
  func namedPages(_ pages: [Scene]) -> [Int] {
    pages.filter { $0.name == "corrections" }.flatMap(\.nodes).compactMap { node in
      guard node.label.hasPrefix("\u{26A0} "), let open = node.label.firstRange(of: " (page ")
      else { return nil }
      return Int(node.label[open.upperBound...].prefix { $0.isNumber })
    }
  }

  /// The printed timeline marked its flagged events "⚠ fact flagged" and gave no correction.
  @Test(arguments: [PageSize.a4Portrait, .slide])
  func aPrintedTimelineEndsWithTheCorrectionsOfItsFlaggedStatements(_ page: PageSize) throws {
    let pages = try MapRenderer(idPrefix: "t").pageScenes(
      map, view: .timeline, options: SceneOptions(), page: page)
    let sheets = pages.filter { $0.name == "corrections" }
    #expect(!sheets.isEmpty)
    #expect(pages.suffix(sheets.count).allSatisfy { $0.name == "corrections" })
    // Every sheet is numbered out of all of them, the timeline's own pages as the corrections.
    for (index, scene) in pages.enumerated() {
      #expect(scene.title.hasSuffix(", page \(index + 1) of \(pages.count)"), "\(scene.title)")
    }
    let printed = sheets.flatMap(\.nodes).map(\.label).joined(separator: " ")
      .replacingOccurrences(of: "\n", with: " ")
    let dated = map.nodes.filter { !$0.flags.isEmpty && $0.date != nil }
    #expect(dated.count >= 8)
    for node in dated {
      let drawnOn = try #require(
        pages.firstIndex { $0.nodes.contains { $0.id.rawValue == "n-" + node.id.rawValue } })
      #expect(printed.contains("(page \(drawnOn + 1))"))
      for flag in node.flags { #expect(printed.contains(String(flag.text.prefix(60)))) }
    }
    // In the order a reader turns the pages.
    let named = namedPages(pages)
    #expect(named.count == dated.count && named == named.sorted())
  }

  @Test func theCorrectionsOfAMapsPagesComeInPageOrder() throws {
    let pages = try MapRenderer(idPrefix: "c").pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Portrait)
    let named = namedPages(pages)
    #expect(named.count == map.nodes.count { !$0.flags.isEmpty })
    #expect(named == named.sorted() && Set(named).count > 1)
  }

  /// A legend on a page of its own had an empty description, so a screen reader found only
  /// its title; its words are now the description.
  @Test func aLegendPageDescribesItsMarksInWords() throws {
    var options = SceneOptions()
    options.showsLegend = true
    let pages = try MapRenderer(idPrefix: "l").pageScenes(
      map, view: .focus("strength", depth: 1), options: options, page: .a4Landscape)
    let legend = try #require(pages.first { $0.name == "legend" })
    #expect(legend.outline.hasPrefix("Legend: main aim; "))
    for word in ["supports", "opposes", "undercuts", "read two ways"] {
      #expect(legend.outline.contains(word), "\(word)")
    }
  }

  /// A PDF of pages was titled by its first page: "…: overview (page 1 of 21)".
  @Test func pagesAreTitledAsAWhole() throws {
    let renderer = MapRenderer(idPrefix: "t")
    let parts = try renderer.pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Landscape)
    #expect(parts.count > 1 && parts[0].title.hasSuffix(": overview (page 1 of \(parts.count))"))
    #expect(Scene.title(ofPages: parts) == "Stalin's foreign policy, 1928–1941")
    let timeline = try renderer.pageScenes(
      map, view: .timeline, options: SceneOptions(), page: .a4Landscape)
    #expect(Scene.title(ofPages: timeline) == "Stalin's foreign policy, 1928–1941: timeline")
    #expect(Scene.title(ofPages: [parts[0]]) == parts[0].title)
  }

  @Test func theComparisonPrintsTheCorrectionsOfTheStatementsItDraws() throws {
    let scene = try map.scene(.comparison("security-view", "aggressive-view"))
    let drawn = Set(scene.nodes.map(\.id.rawValue))
    let flagged = map.nodes.filter { !$0.flags.isEmpty && drawn.contains("n-" + $0.id.rawValue) }
    #expect(!flagged.isEmpty)
    let block = try #require(scene.nodes.first { $0.id.rawValue == "corrections" })
    let text = block.label.replacing("\n      ", with: " ")
    #expect(text.hasPrefix("Corrections\n"))
    for node in flagged {
      for flag in node.flags { #expect(text.contains(String(flag.text.prefix(60)))) }
    }
  }

  /// `argmap compare -o x.svg` drew eight "⚠ fact flagged" boxes and no correction anywhere.
  @Test func theComparisonDiagramPrintsTheCorrectionsOfTheEvidenceItDraws() throws {
    let comparison = try InterpretationComparison(
      map, interpretations: ["security-view", "aggressive-view"])
    let scene = comparison.scene(for: map)
    let drawn = Set(scene.nodes.map(\.id.rawValue))
    let flagged = map.nodes.filter { !$0.flags.isEmpty && drawn.contains("n-" + $0.id.rawValue) }
    #expect(flagged.count >= 8)
    let text = keyText([scene])
    #expect(text.hasPrefix("Corrections\n"))
    for flag in flagged.flatMap(\.flags) {
      #expect(text.contains(String(flag.text.prefix(60))))
      #expect(scene.outline.contains(String(flag.text.prefix(60))))
    }
    // Left out when asked (a lesson lists them under the figure), and from a worksheet.
    #expect(keyText([comparison.scene(for: map, printsCorrections: false)]).isEmpty)
    #expect(!keyText([comparison.scene(for: map, blanksEvidence: true)]).contains("Corrections"))
    // In pages, on sheets after them, every page counted.
    let pages = try MapRenderer(idPrefix: "c").pageScenes(
      of: comparison, map: map, page: .a4Portrait)
    let sheets = pages.filter { $0.name == "corrections" }
    #expect(!sheets.isEmpty && pages.count > sheets.count + 1)
    #expect(pages.suffix(sheets.count).allSatisfy { $0.name == "corrections" })
    #expect(pages.last?.title.hasSuffix("(page \(pages.count) of \(pages.count))") == true)
    let sheetText = sheets.flatMap(\.nodes).map(\.label).joined(separator: "\n")
    for flag in flagged.flatMap(\.flags) {
      #expect(sheetText.replacing("\n", with: " ").contains(String(flag.text.prefix(40))))
    }
    let unmarked = try MapRenderer(idPrefix: "c").pageScenes(
      of: comparison, map: map, page: .a4Portrait, printsCorrections: false)
    #expect(!unmarked.contains { $0.name == "corrections" })
  }

  @Test func aWorksheetPrintsNoCorrection() throws {
    for options in [SceneOptions(worksheet: .events), SceneOptions(worksheet: .claims)] {
      let text = keyText([try map.scene(.argument, options: options)])
      #expect(!text.contains("Corrections"))
      for correction in corrections { #expect(!text.contains(correction)) }
    }
  }

  @Test func aMapWithoutReasonsHeadsItsKeyCorrections() throws {
    let source = """
      aim a: The thesis
      event e (1933): The essay says the treaty was cancelled in 1933
        ! The treaty stood until 1941
        - a
      """
    let result = ArgumentMapParser.check(source)
    #expect(!result.hasErrors)
    let scene = try result.map.scene(.argument)
    #expect(!scene.nodes.contains { $0.id.rawValue == "key" })
    let key = try #require(scene.nodes.first { $0.id.rawValue == "corrections" })
    let label = key.label.replacing("\n      ", with: " ")
    #expect(label.hasPrefix("Corrections\n\u{26A0} "))
    #expect(label.contains("The treaty stood until 1941"))
  }
}
