import ArgumentMapGraphviz
import Foundation

/// One thing the server asks to be drawn. Codable, so it can be handed to a drawing process
/// (`DrawingProcess`) as one line of JSON.
public enum DrawingJob: Codable, Hashable, Sendable {
  /// The editor's live picture.
  case preview(PreviewRequest)
  /// The map as slides for present mode.
  case presentation(PreviewRequest)
  /// A file to download: SVG, PNG or PDF, on `page` or, when `nil`, at its natural size.
  case download(PreviewRequest, format: OutputFormat, page: PageSize?)
  /// Lesson notes as one HTML page: `file` is the notes file's absolute path, `root` the
  /// served folder (blocks may name maps inside it only).
  case notes(PreviewRequest, file: String, root: String)
}

/// What a `DrawingJob` gave.
public enum DrawingResult: Codable, Hashable, Sendable {
  /// The live picture, or why there is none.
  case preview(Preview)
  /// The slides, or why there are none.
  case presentation(Presentation)
  /// Lesson notes: the preview's diagnostics and the page (`nil` when it cannot be made).
  case notes(Preview, html: String?)
  /// The downloaded file.
  case file(Data)
  /// Why the file cannot be drawn from this request (errors in the map, an unknown view).
  case refused(String)
  /// The drawing process stopped or took too long; the server starts a fresh one.
  case failed(String)
}

extension LivePreview {
  /// Draws `job` in this process.
  public func perform(_ job: DrawingJob) -> DrawingResult {
    switch job {
    case .preview(let request):
      return .preview(preview(request))
    case .presentation(let request):
      return .presentation(presentation(request))
    case .notes(let request, let file, let root):
      let (preview, html) = notes(request, file: file, root: root)
      return .notes(preview, html: html)
    case .download(let request, let format, let page):
      guard format != .dot else {
        return .refused("There is no download format 'dot'; choose svg, png or pdf.")
      }
      do {
        return .file(Data(try download(request, format: format, page: page)))
      } catch {
        return .refused("\(error)")
      }
    }
  }
}

extension DrawingResult {
  /// The result for `job` when it could not be drawn at all: a preview or presentation that
  /// says why, or a failure.
  static func failure(_ message: String, for job: DrawingJob) -> DrawingResult {
    switch job {
    case .preview(let request), .notes(let request, _, _):
      .preview(
        Preview(
          sequence: request.sequence, problem: message, diagnostics: [], statements: [],
          elements: [], steps: [], interpretations: [], milliseconds: 0))
    case .presentation:
      .presentation(Presentation(pages: [], frames: [], problem: message))
    case .download:
      .failed(message)
    }
  }
}

extension DrawingResult {
  /// What the page is sent: the preview or presentation itself, or the failure as
  /// `{"error": ...}`.
  var message: any Encodable {
    switch self {
    case .preview(let preview), .notes(let preview, _): preview
    case .presentation(let presentation): presentation
    case .file: ErrorMessage(error: "A file is not a message.")
    case .refused(let reason), .failed(let reason): ErrorMessage(error: reason)
    }
  }
}
