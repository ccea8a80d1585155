import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser

/// `argmap matrix FILE A B [-o OUT]`: the evidence against the interpretations, cell by cell.
struct MatrixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matrix",
    abstract: "An evidence matrix: each piece of evidence against each interpretation.",
    discussion: """
      Rows are the evidence the interpretations use, in date order; columns the interpretations; \
      each cell says whether the evidence is consistent with that reading, inconsistent, neutral \
      (both) or not used, with the map's reasons. Diagnostic evidence (consistent with one \
      reading, inconsistent with another) is marked. The format follows the extension of -o: .md \
      (Markdown, also the default on standard output), .html, or a drawn table as .svg, .png or \
      .pdf, fitted to --page (A4 landscape by default) with text of at least 9 pt and split by \
      rows over as many pages as it needs (a PDF gets them all; SVG and PNG one file a page, \
      NAME-1.svg, NAME-2.svg, ...). Refuses a map with errors.
      """)

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Argument(help: "The interpretation ids, one column each (at least two).")
  var interpretations: [String]

  @ArgumentParser.Flag(help: "Make the interpretations attack each other.")
  var rivalsAttack = false

  @Option(
    help: "The format on standard output: markdown, html, svg, png or pdf (ignored with -o FILE).")
  var format: Format = .markdown

  @Option(
    help: ArgumentHelp(
      "The sheet a drawn matrix is fitted to: a4-portrait, a4-landscape, a3-landscape or slide.",
      valueName: "page"))
  var page: PageSize = .a4Landscape

  @Option(
    name: .shortAndLong, help: "Where to write: a .md, .html, .svg, .png or .pdf file, or '-'.")
  var output: String = "-"

  @OptionGroup var drawingLimits: DrawingLimits

  /// The report formats, and the drawn ones.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case markdown, html, svg, png, pdf

    /// The drawing format, for a drawn matrix.
    var drawn: OutputFormat? {
      switch self {
      case .markdown, .html: nil
      case .svg: .svg
      case .png: .png
      case .pdf: .pdf
      }
    }
  }

  func validate() throws {
    try CommandIO.refuseOverwriting([file], with: output)
    guard interpretations.count >= 2 else {
      throw ValidationError("Name at least two interpretations.")
    }
    if output != "-" && Self.format(forPath: output) == nil {
      throw ValidationError(
        "Cannot tell the format of '\(output)': use .md, .html, .svg, .png or .pdf.")
    }
  }

  func run() throws {
    let map = try CommandIO.checkedMap(file).map
    let comparison: InterpretationComparison
    do {
      comparison = try InterpretationComparison(
        map, interpretations: interpretations.map { NodeID($0) },
        options: AnalysisOptions(rivalsAttack: rivalsAttack))
    } catch {
      // Every ComparisonError is about the ids the command names: bad usage, as in `render`.
      printError("\(file): error: \(describe(error, in: map))")
      throw ExitCode(64)
    }
    let matrix = EvidenceMatrix(comparison)
    let chosen = output == "-" ? format : (Self.format(forPath: output) ?? format)
    switch chosen {
    case .markdown: try CommandIO.write(Array(matrix.markdown(for: map).utf8), to: output)
    case .html: try CommandIO.write(Array(matrix.html(for: map).utf8), to: output)
    case .svg, .png, .pdf:
      let drawn = chosen.drawn ?? .svg
      let name = file == "-" ? "<stdin>" : file
      let pages: [RenderedDiagram]
      do {
        pages = try drawingLimits.timed(name) { () throws(RenderError) in
          try MapRenderer(idPrefix: "matrix", limits: drawingLimits.limits()).drawing(
            matrix.pageScenes(for: map, page: page), page: page, format: drawn)
        }
      } catch {
        printError("\(name): error: \(error.description)")
        throw ExitCode(1)
      }
      for (offset, diagram) in pages.enumerated() {
        let target =
          pages.count == 1 ? output : RenderCommand.pagePath(output, number: offset + 1)
        try CommandIO.write(diagram.bytes, to: target)
      }
    }
  }

  static func format(forPath path: String) -> Format? {
    let lower = path.lowercased()
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
    if lower.hasSuffix(".svg") { return .svg }
    if lower.hasSuffix(".png") { return .png }
    if lower.hasSuffix(".pdf") { return .pdf }
    return nil
  }
}
