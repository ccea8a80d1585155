import ArgumentMap
import Foundation
import TestSupport
import XCTest

@testable import MapServer

final class DiagramIndexTests: XCTestCase {
  /// A hand-written SVG in Graphviz's shape: ids with `&#45;`, text that is not ASCII before
  /// them, elements that are not the renderer's, and a file cut off in the middle of a tag.
  func testElementIDsAreTheRenderersNodesEdgesAndBoxesInDrawingOrder() throws {
    let svg = try String(
      contentsOf: PackagePaths.url("Tests/MapServerTests/Fixtures/drawn.svg"), encoding: .utf8)

    XCTAssertEqual(
      DiagramIndex.elementIDs(in: svg),
      [
        "am-for-recognition", "am-for-recognition-heading", "am-n-recognition", "am-n-us-1933",
        "am-link-2-1",
      ])
  }

  func testElementIDsOfTextWithoutElementsIsEmpty() {
    XCTAssertEqual(DiagramIndex.elementIDs(in: ""), [])
    XCTAssertEqual(DiagramIndex.elementIDs(in: "<g id=\"am-n-x"), [])
    XCTAssertEqual(DiagramIndex.elementIDs(in: "<<<<g id=\"\" class=\"node\">"), [])
  }

  /// The Stalin map drawn as the editor draws it: every statement is found in the picture on
  /// the line it is written on, and every arrow needs the statements at its two ends.
  func testPreviewOfTheStalinMapLinksEachStatementToItsLine() throws {
    let text = try String(
      contentsOf: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let preview = LivePreview().preview(PreviewRequest(sequence: 7, text: text))

    XCTAssertEqual(preview.sequence, 7)
    let svg = try XCTUnwrap(preview.svg, preview.problem ?? "no picture")
    XCTAssertNil(preview.problem)
    let map = ArgumentMapParser.parse(text).map
    XCTAssertEqual(Set(preview.statements.map(\.id)), Set(map.nodes.map(\.id.rawValue)))
    for statement in preview.statements {
      let written = lines[statement.line - 1]
      XCTAssertTrue(
        written.contains(" \(statement.id)") && written.contains(":"),
        "\(statement.id) is said to be on line \(statement.line): \(written)")
      XCTAssertTrue(
        svg.contains("id=\"\(statement.element.replacing("-", with: "&#45;"))\""),
        "\(statement.element) is not in the SVG")
    }
    let arrows = preview.elements.filter { $0.element.contains("-link-") }
    XCTAssertGreaterThan(arrows.count, 40)
    for arrow in arrows {
      XCTAssertGreaterThanOrEqual(arrow.needs.count, 2, arrow.element)
      XCTAssertFalse(arrow.any, arrow.element)
    }
    let boxes = preview.elements.filter(\.any)
    XCTAssertFalse(boxes.isEmpty, "the teaching layout's FOR and AGAINST boxes")
    XCTAssertTrue(boxes.allSatisfy { !$0.needs.isEmpty })
  }

  func testPreviewOfAMapWithAnErrorHasNoPictureAndSaysWhere() {
    let text = "aim a: An aim\n\nclaim b: A claim\n  + nowhere: a reason\n"
    let preview = LivePreview().preview(PreviewRequest(sequence: 1, text: text))

    XCTAssertNil(preview.svg)
    XCTAssertEqual(preview.problem, "The map has an error.")
    let error = preview.diagnostics.first { $0.severity == "error" }
    XCTAssertEqual(error?.line, 4)
    XCTAssertEqual(error?.column, 5)
  }
}
