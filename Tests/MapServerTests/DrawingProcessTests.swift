import Foundation
import TestSupport
import XCTest

@testable import MapServer

#if canImport(Glibc)
  import Glibc
#endif

/// The child process that draws for `argmap serve`: the same pictures as drawing in-process,
/// replaced after a number of drawings, after a crash, and after a drawing that takes too long.
final class DrawingProcessTests: XCTestCase {
  private let drawingChild = DrawingProcess.Command(
    executable: PackagePaths.argmapExecutable, arguments: ["serve", "--drawing-process"])

  private func weimar(_ edit: Int) throws -> PreviewRequest {
    let text = try String(
      contentsOf: PackagePaths.url("Graphs/weimar-collapse.argmap"), encoding: .utf8)
    return PreviewRequest(
      sequence: edit,
      text: text.replacing("Weimar", with: "Weimar (edit \(edit))", maxReplacements: 1))
  }

  private func svg(_ result: DrawingResult) -> String? {
    guard case .preview(let preview) = result else { return nil }
    return preview.svg
  }

  private func problem(_ result: DrawingResult) -> String? {
    guard case .preview(let preview) = result else { return nil }
    return preview.problem
  }

  func testAChildDrawsTheSamePicturesAndIsReplacedAfterItsShare() throws {
    let child = DrawingProcess(command: drawingChild, recycleAfter: 3)
    let here = LivePreview()
    var identifiers: [Int32?] = []
    for edit in 1...4 {
      let job = DrawingJob.preview(try weimar(edit))
      let drawn = child.perform(job)
      identifiers.append(child.processIdentifier)
      XCTAssertNotNil(svg(drawn), problem(drawn) ?? "no picture")
      XCTAssertEqual(svg(drawn), svg(here.perform(job)), "edit \(edit)")
    }
    XCTAssertNotNil(identifiers[0])
    XCTAssertEqual(identifiers[1], identifiers[0])
    XCTAssertNil(identifiers[2], "retired after its third drawing")
    XCTAssertNotNil(identifiers[3])
    XCTAssertNotEqual(identifiers[3], identifiers[0], "a new child")
    child.retire()
  }

  /// A child that dies while drawing: the editor is told, and the next job gets a fresh one.
  func testAChildThatDiesWhileDrawingIsReportedAndReplaced() throws {
    let crashing = DrawingProcess(
      command: .init(
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: ["-c", "head -n 1 > /dev/null; kill -9 $$"]))
    XCTAssertEqual(
      problem(crashing.perform(.preview(try weimar(1)))),
      "Drawing stopped with signal 9 (Graphviz crashed on this map); try the change again or "
        + "undo it.")
    XCTAssertNil(crashing.processIdentifier, "the dead child was let go")
  }

  /// A child killed while idle (from outside, or out of memory) is not the next edit's fault:
  /// a fresh child draws it.
  func testAChildKilledWhileIdleIsReplacedWithoutLosingTheEdit() throws {
    let child = DrawingProcess(command: drawingChild)
    XCTAssertNotNil(svg(child.perform(.preview(try weimar(1)))))
    let first = try XCTUnwrap(child.processIdentifier)
    XCTAssertEqual(kill(first, SIGKILL), 0)
    // Let it die, so the next request meets a closed pipe.
    var waited = 0
    while kill(first, 0) == 0 && waited < 100 {
      usleep(20_000)
      waited += 1
    }
    let again = child.perform(.preview(try weimar(2)))
    XCTAssertNotNil(svg(again), problem(again) ?? "no picture")
    XCTAssertNotEqual(child.processIdentifier, first)
    child.retire()
  }

  func testAChildThatDoesNotAnswerInTimeIsStopped() throws {
    let silent = DrawingProcess(
      command: .init(executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["60"]),
      timeout: .milliseconds(300))
    let started = ContinuousClock.now
    let result = silent.perform(.preview(try weimar(1)))
    XCTAssertLessThan(ContinuousClock.now - started, .seconds(10))
    XCTAssertEqual(
      problem(result),
      "Drawing took longer than 0.3 s and was stopped; the map may be too large to redraw as "
        + "you type.")
    XCTAssertNil(silent.processIdentifier, "the silent child was stopped")
  }

  func testAChildThatCannotStartOrAnswersNonsenseIsReported() throws {
    let missing = DrawingProcess(
      command: .init(executable: URL(fileURLWithPath: "/nonexistent/argmap"), arguments: []))
    XCTAssertEqual(
      problem(missing.perform(.preview(try weimar(1))))?.hasPrefix(
        "The drawing process could not be started"), true)

    let nonsense = DrawingProcess(
      command: .init(
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: ["-c", "head -n 1 > /dev/null; echo nonsense"]))
    XCTAssertEqual(
      problem(nonsense.perform(.preview(try weimar(1)))),
      "The drawing process answered something that is not a drawing.")
    XCTAssertEqual(
      nonsense.perform(.download(try weimar(1), format: .pdf, page: nil)),
      .failed("The drawing process answered something that is not a drawing."))
  }

  func testDownloadsAreDrawnByTheChild() throws {
    let child = DrawingProcess(command: drawingChild)
    guard
      case .file(let pdf) = child.perform(
        .download(try weimar(1), format: .pdf, page: .a4Portrait))
    else { return XCTFail("no PDF") }
    XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
    XCTAssertEqual(
      child.perform(.download(try weimar(1), format: .dot, page: nil)),
      .refused("There is no download format 'dot'; choose svg, png or pdf."))
    let broken = PreviewRequest(sequence: 1, text: "aim a: An aim\n  + nowhere: why\n")
    XCTAssertEqual(
      child.perform(.download(broken, format: .svg, page: nil)),
      .refused("The map has errors; fix them to download the picture."))
    child.retire()
  }
}
