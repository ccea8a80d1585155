import Foundation
import TestSupport
import XCTest

@testable import MapServer

/// Lesson notes in the editor: drawn as `argmap notes` draws them, with the problems of the
/// maps they name listed under those maps' own names.
final class NotesPreviewTests: XCTestCase {
  func testNotesAreDrawnAndAProblemInANamedMapIsListedUnderThatMap() throws {
    let folder = try makeTemporaryFolder("argmap-notes-preview")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("maps"), withIntermediateDirectories: true)
    try "aim a: An aim\n\nclaim b: A claim\n  + nowhere: why\n".write(
      to: folder.appendingPathComponent("maps/broken.argmap"), atomically: true, encoding: .utf8)
    try "aim a: An aim drawn in the notes\n".write(
      to: folder.appendingPathComponent("maps/good.argmap"), atomically: true, encoding: .utf8)
    let notes = """
      # Notes

      ```argmap
      map: maps/good.argmap
      ```

      ```argmap
      map: maps/broken.argmap
      ```

      """
    let root = try XCTUnwrap(Workspace.realPath(folder.path))
    let (preview, html) = LivePreview().notes(
      PreviewRequest(sequence: 3, text: notes, path: "lesson.md"), file: root + "/lesson.md",
      root: root)

    XCTAssertEqual(preview.sequence, 3)
    XCTAssertNil(preview.problem)
    // The block is marked in the notes; the map's own problems are listed under its name.
    let places = preview.diagnostics.map { [$0.file ?? "lesson.md", "\($0.line):\($0.column)"] }
    XCTAssertEqual(
      places,
      [["lesson.md", "8:6"], ["maps/broken.argmap", "1:5"], ["maps/broken.argmap", "4:5"]])
    XCTAssertEqual(preview.diagnostics.last?.message, "unknown node 'nowhere'")
    let page = try XCTUnwrap(html)
    XCTAssertTrue(page.contains("An aim drawn in the notes"))
    XCTAssertEqual(page.components(separatedBy: "class=\"argmap-error\"").count, 2)
    XCTAssertFalse(page.contains("<script"))
  }

  func testNotesPagesKeepOnlyTheNewest() {
    let pages = NotesPages()
    let addresses = (1...20).map { pages.store("page \($0)") }
    XCTAssertEqual(addresses.first, "/api/notes-page/1")
    XCTAssertNil(pages.page(1), "the oldest are dropped")
    XCTAssertNil(pages.page(4))
    XCTAssertEqual(pages.page(5), "page 5")
    XCTAssertEqual(pages.page(20), "page 20")
  }
}
