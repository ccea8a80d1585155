import ArgumentMap
import ArgumentMapGraphviz
import Foundation

/// What the editor asks to see: the text being edited and the picture wanted.
public struct PreviewRequest: Codable, Hashable, Sendable {
  /// Counts up with every edit of one editor, so it can tell which edit a picture shows.
  public var sequence: Int
  /// The `.argmap` text as typed, saved or not.
  public var text: String
  /// `map`, `overview`, `timeline`, `worksheet` or `comparison`.
  public var view: String
  /// Draw only the links that hold under this interpretation.
  public var scope: String?
  /// The two interpretations of a comparison; the map's first two when absent.
  public var compared: [String]?
  /// The file being edited, relative to the served folder; lesson notes (`.md`) need it to
  /// find the maps their blocks name.
  public var path: String?

  /// A request for `text` drawn as `view`.
  public init(
    sequence: Int, text: String, view: String = "map", scope: String? = nil,
    compared: [String]? = nil, path: String? = nil
  ) {
    self.sequence = sequence
    self.text = text
    self.view = view
    self.scope = scope
    self.compared = compared
    self.path = path
  }
}

/// What the editor shows for one request: the picture (none while the text has errors), every
/// problem with its place, and what the page needs to link the picture to the text.
public struct Preview: Codable, Hashable, Sendable {
  /// Always `preview` (the editor's socket also carries other messages).
  public var type = "preview"
  /// The request's `sequence`.
  public var sequence: Int
  /// The SVG, to be placed in the page; `nil` when the map has errors or cannot be drawn.
  public var svg: String?
  /// For lesson notes: the address of the notes drawn as one HTML page, shown in a frame.
  public var page: String?
  /// Why there is no picture, in one sentence (errors in the text, or a drawing problem).
  public var problem: String?
  /// Errors and warnings of the text, in source order.
  public var diagnostics: [PreviewDiagnostic]
  /// Each statement's element in the SVG and where it is written.
  public var statements: [PreviewStatement]
  /// Every element of the SVG, with the statements it shows (for present mode).
  public var elements: [PreviewElement]
  /// Present mode's steps.
  public var steps: [PreviewStep]
  /// The map's interpretations, for the scope and comparison menus.
  public var interpretations: [PreviewChoice]
  /// How long parsing and drawing took, in milliseconds.
  public var milliseconds: Double
}

/// One problem of the text, 1-based.
public struct PreviewDiagnostic: Codable, Hashable, Sendable {
  /// `error` or `warning`.
  public var severity: String
  /// The file it is in, relative to the served folder, when that is not the file being edited
  /// (a map that lesson notes draw).
  public var file: String?
  /// The 1-based line (where a problem starts, or a statement is written).
  public var line: Int
  /// Where it starts: the column (Unicode scalars).
  public var column: Int
  /// Where it ends: the line.
  public var endLine: Int
  /// Where it ends: the column.
  public var endColumn: Int
  /// What is wrong, as `argmap check` says it.
  public var message: String
}

/// A statement: its id, the id of its SVG element, and the line it is written on.
public struct PreviewStatement: Codable, Hashable, Sendable {
  /// The statement's or interpretation's id.
  public var id: String
  /// The id of the SVG element.
  public var element: String
  /// The 1-based line (where a problem starts, or a statement is written).
  public var line: Int
}

/// An SVG element and the statements that must be shown for it to be shown: all of them (a
/// statement, an arrow), or any (`any`: a box of statements). An element that needs none
/// (the key, the legend) appears with the last step.
public struct PreviewElement: Codable, Hashable, Sendable {
  /// The id of the SVG element.
  public var element: String
  /// The statements that must be shown.
  public var needs: [String]
  /// Whether one of `needs` is enough (a box) rather than all (an arrow).
  public var any: Bool
}

/// One step of present mode.
public struct PreviewStep: Codable, Hashable, Sendable {
  /// What to show for it (a step's heading, an interpretation's text cut short).
  public var title: String
  /// The statements the step adds.
  public var revealed: [String]
}

/// An interpretation to choose: its id and its text, cut short.
public struct PreviewChoice: Codable, Hashable, Sendable {
  /// The statement's or interpretation's id.
  public var id: String
  /// What to show for it (a step's heading, an interpretation's text cut short).
  public var title: String
}

/// Turns editor text into a `Preview`, in-process through libgvc.
///
/// Drawing holds Graphviz's process-wide lock, so previews are drawn one at a time; `MapServer`
/// calls this from its one drawing queue, never from the threads that serve requests.
public struct LivePreview: Sendable {
  /// The prefix of every SVG id, so the page can find the elements.
  public static let idPrefix = "am"
  let renderer: MapRenderer

  /// A preview drawn within `limits`.
  public init(limits: RenderLimits = .standard) {
    renderer = MapRenderer(idPrefix: Self.idPrefix, limits: limits)
  }

  /// The preview of `request`.
  public func preview(_ request: PreviewRequest) -> Preview {
    let start = ContinuousClock.now
    let result = ArgumentMapParser.check(utf8: Array(request.text.utf8))
    var preview = Preview(
      sequence: request.sequence, diagnostics: result.diagnostics.map(Self.diagnostic),
      statements: [], elements: [], steps: [],
      interpretations: result.map.interpretations.map {
        PreviewChoice(id: $0.id.rawValue, title: Self.shortTitle($0.text))
      }, milliseconds: 0)
    draw(result, request: request, into: &preview)
    preview.milliseconds = (ContinuousClock.now - start).milliseconds
    return preview
  }

  /// The picture of a parsed map and what links it to the text, or why there is none.
  private func draw(_ result: ParseResult, request: PreviewRequest, into preview: inout Preview) {
    if result.hasErrors {
      let count = result.diagnostics.filter(\.isError).count
      preview.problem = count == 1 ? "The map has an error." : "The map has \(count) errors."
      return
    }
    do {
      let (view, options) = try picture(of: request, map: result.map)
      let scene = try result.map.scene(view, options: options)
      let drawn = try renderer.diagram(scene, format: .svg)
      let svg = String(decoding: drawn.bytes, as: UTF8.self)
      let index = DiagramIndex(map: result.map, sourceMap: result.sourceMap, scene: scene)
      preview.svg = svg
      let elements = DiagramIndex.elementIDs(in: svg)
      preview.statements = index.statements(among: elements)
      preview.elements = index.elements(elements)
      preview.steps = result.map.presentationSteps(scope: options.scope).map {
        PreviewStep(title: $0.title, revealed: $0.revealed.map(\.rawValue))
      }
    } catch let error as RenderError {
      preview.problem = error.description
    } catch let error as ViewError {
      preview.problem = error.description
    } catch {
      preview.problem = "\(error)"
    }
  }

  /// The file a download asks for: the picture as SVG, PNG or PDF, at its natural size or on
  /// pages.
  ///
  /// - Throws: `PreviewError` when the map has errors; `RenderError` when it cannot be drawn.
  public func download(
    _ request: PreviewRequest, format: OutputFormat, page: PageSize?
  ) throws -> [UInt8] {
    let result = ArgumentMapParser.check(utf8: Array(request.text.utf8))
    guard !result.hasErrors else { throw PreviewError.mapHasErrors }
    let (view, options) = try picture(of: request, map: result.map)
    let renderer = MapRenderer(
      idPrefix: Self.idPrefix, xmlDeclaration: true, limits: renderer.limits)
    let files = try renderer.drawing(
      result.map, view: view, options: options, page: page, format: format)
    // SVG and PNG on pages are one file per page; a download is the first page (the PDF
    // holds them all).
    return files.first?.bytes ?? []
  }

  /// The view and options a request names.
  func picture(
    of request: PreviewRequest, map: ArgumentMap
  ) throws(PreviewError) -> (MapView, SceneOptions) {
    let scope = request.scope.flatMap { $0.isEmpty ? nil : NodeID($0) }
    let base = SceneOptions(scope: request.view == "comparison" ? nil : scope)
    switch request.view {
    case "map": return (.argument, base)
    case "overview": return (.overview, base)
    case "timeline": return (.timeline, base)
    case "worksheet": return (.argument, SceneOptions(worksheet: .all, base: base))
    case "comparison":
      let ids = request.compared ?? map.interpretations.prefix(2).map(\.id.rawValue)
      guard ids.count == 2 else { throw .comparisonNeedsTwo }
      return (.comparison(NodeID(ids[0]), NodeID(ids[1])), base)
    default:
      throw .unknownView(request.view)
    }
  }

  static func diagnostic(_ diagnostic: Diagnostic) -> PreviewDiagnostic {
    let start = diagnostic.range?.start ?? SourceLocation(line: 1, column: 1, offset: 0)
    let end = diagnostic.range?.end ?? start
    return PreviewDiagnostic(
      severity: diagnostic.severity.rawValue, line: start.line, column: start.column,
      endLine: end.line, endColumn: end.column, message: diagnostic.message)
  }

  static func shortTitle(_ text: String) -> String {
    let words = text.split(whereSeparator: \.isWhitespace)
    return words.prefix(10).joined(separator: " ") + (words.count > 10 ? " …" : "")
  }
}

/// Why a preview or download could not be drawn from the request itself.
public enum PreviewError: Error, Hashable, Sendable, CustomStringConvertible {
  case mapHasErrors
  case unknownView(String)
  case comparisonNeedsTwo

  /// The message for the page.
  public var description: String {
    switch self {
    case .mapHasErrors: "The map has errors; fix them to download the picture."
    case .unknownView(let view):
      "There is no view '\(view)'; choose map, overview, timeline, worksheet or comparison."
    case .comparisonNeedsTwo: "A comparison needs a map with two interpretations."
    }
  }
}

extension Duration {
  /// The duration in milliseconds, as the editor shows how long a drawing took.
  var milliseconds: Double {
    Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
  }
}
