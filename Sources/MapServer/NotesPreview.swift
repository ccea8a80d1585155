import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import LessonNotes
import Synchronization

extension LivePreview {
  /// Lesson notes as `argmap notes --format html` makes them: one page with every diagram
  /// drawn, and the problems of the notes and of the maps they name.
  ///
  /// - Parameters:
  ///   - request: The notes text as typed, saved or not.
  ///   - file: The notes file's absolute path (its blocks name maps relative to it).
  ///   - root: The served folder: blocks may name maps inside it only.
  /// - Returns: The preview (diagnostics, time) and the page; a block with an error shows an
  ///   error box in the page, as `argmap notes --keep-going` does.
  public func notes(
    _ request: PreviewRequest, file: String, root: String
  ) -> (preview: Preview, html: String?) {
    let start = ContinuousClock.now
    let job = NotesJob(
      inputPath: file, bytes: Array(request.text.utf8), outputPath: "-", figureFolder: "",
      figureStem: "")
    let options = NotesOptions(
      target: .html, root: root, keepsGoing: true, renderLimits: renderer.limits)
    let report = NotesProcessor.process(job, options: options)
    let html = report.outputs.last.map { String(decoding: $0.bytes, as: UTF8.self) }
    var preview = Preview(
      sequence: request.sequence, diagnostics: [], statements: [], elements: [], steps: [],
      interpretations: [], milliseconds: 0)
    preview.diagnostics = report.diagnostics.map { notes in
      var diagnostic = Self.diagnostic(notes.diagnostic)
      if notes.fileName != file {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        diagnostic.file =
          notes.fileName.hasPrefix(prefix)
          ? String(notes.fileName.dropFirst(prefix.count)) : notes.fileName
      }
      return diagnostic
    }
    if html == nil {
      preview.problem = "The notes cannot be drawn."
    }
    preview.milliseconds = (ContinuousClock.now - start).milliseconds
    return (preview, html)
  }
}

/// The last few lesson-notes pages drawn, each at its own address, so the editor can show one
/// in a frame with a policy of its own (the page's inline style, no script at all).
final class NotesPages: Sendable {
  private let pages = Mutex<(next: Int, stored: [Int: String])>((1, [:]))
  /// How many pages are kept: enough for a few tabs, each showing its newest.
  private let capacity = 16

  /// Keeps `html`; its address.
  func store(_ html: String) -> String {
    pages.withLock { state in
      let number = state.next
      state.next += 1
      state.stored[number] = html
      state.stored[number - capacity] = nil
      return "\(Self.path)/\(number)"
    }
  }

  /// The page stored under `number`, if it is still kept.
  func page(_ number: Int) -> String? {
    pages.withLock { $0.stored[number] }
  }

  /// Where the pages are served.
  static let path = "/api/notes-page"

  /// The policy of a notes page: its own inline style and inline SVG, nothing else; no script
  /// (`sandbox` without `allow-scripts`), shown only in the editor's own frame.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    + "form-action 'none'; frame-ancestors 'self'; sandbox allow-same-origin"
}
