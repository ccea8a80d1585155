import Foundation
import LessonNotes
import Testing

/// The lesson page as a browser shows and prints it, measured from the page's own geometry (see
/// `PageGeometry`; set `ARGMAP_GEOMETRY_PAGE` to measure another HTML file).
@Suite("the lesson page in a browser")
struct BrowserGeometryTests {
  /// The smallest text a reader should have to read on screen, in CSS pixels.
  static let smallestReadableText = 12.0
  /// A printed sheet must be inked at least this far down (the last sheet excepted).
  static let smallestFill = 0.5

  func geometry(_ copy: NotesCopy) throws -> PageGeometry {
    try PageGeometry.measured(copy).get()
  }

  @Test(
    "at 1280 px every diagram shrinks into the text column, none cropped or overflowing",
    arguments: NotesCopy.allCases)
  func diagramsInColumn(copy: NotesCopy) throws {
    let page = try geometry(copy)
    #expect(!page.diagrams.isEmpty)
    for figure in page.diagrams {
      let box = try #require(figure.svg)
      #expect(box.width > 100 && box.height > 20, "\(figure.id) is not drawn: \(box)")
      #expect(
        box.left >= page.column.left - 0.5 && box.right <= page.column.right + 0.5,
        "\(figure.caption): svg \(box.left)...\(box.right), column \(page.column)")
    }
  }

  @Test(
    "at 1280 px the smallest text of every diagram is at least 12 px high",
    arguments: NotesCopy.allCases)
  func readableText(copy: NotesCopy) throws {
    let page = try geometry(copy)
    let check = {
      for figure in page.diagrams {
        let smallest = try #require(figure.smallestText, "\(figure.id) has no text")
        let shown = "figure \(figure.index) (\(figure.caption)) at zoom \(figure.zoom ?? 1)"
        #expect(
          smallest.height >= Self.smallestReadableText,
          "\(shown): '\(smallest.text)' is \(smallest.height) px")
      }
    }
    try check()
  }

  @Test(
    "printed on A4, no sheet but the last is less than half filled", arguments: NotesCopy.allCases)
  func sheetsFilled(copy: NotesCopy) throws {
    let page = try geometry(copy)
    #expect(!page.sheets.isEmpty)
    for sheet in page.sheets.dropLast() {
      #expect(
        sheet.fill >= Self.smallestFill,
        "sheet \(sheet.sheet) of \(page.sheets.count) is inked only \(sheet.fill) of the way down")
    }
  }

  @Test(
    "printed on A4, every diagram is on one sheet, the worksheet's too",
    arguments: NotesCopy.allCases)
  func diagramsOnOneSheet(copy: NotesCopy) throws {
    let page = try geometry(copy)
    for figure in page.diagrams {
      let sheets = try #require(figure.printedSheets)
      #expect(sheets.count == 2 && sheets[0] != nil, "\(figure.caption) was not printed")
      #expect(sheets.first == sheets.last, "\(figure.caption) is printed on sheets \(sheets)")
    }
    if PageGeometry.isExampleLesson {
      #expect(page.diagrams.contains { $0.caption.contains("Worksheet") })
    }
  }
}
