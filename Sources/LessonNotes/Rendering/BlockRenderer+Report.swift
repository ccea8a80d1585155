import ArgumentAnalysis
import ArgumentMap

extension BlockRenderer {
  /// The comparison of two interpretations, or a located error.
  static func comparison(_ first: NodeID, _ second: NodeID, map: ArgumentMap)
    throws(BlockRenderError) -> InterpretationComparison
  {
    do {
      return try InterpretationComparison(map, interpretations: [first, second])
    } catch {
      throw .view(error.description, option: "compare", id: error.id)
    }
  }

  /// Adds the written report a comparison block asks for: the verdict, or the whole report.
  static func addComparisonReport(
    _ figure: inout RenderedFigure, _ comparison: InterpretationComparison, spec: BlockSpec,
    map: ArgumentMap
  ) {
    var markdown: String
    switch spec.report {
    case .none: markdown = ""
    case .verdict:
      markdown =
        comparison.verdictSentences(for: map).enumerated().map { index, sentence in
          (index == 0 ? "**Verdict.** " : "") + MarkdownText.escaped(sentence, .paragraph)
        }.joined(separator: "\n\n") + "\n"
    case .full:
      // The whole report lists the corrections itself.
      markdown = demotedHeadings(comparison.markdown(for: map))
    }
    // The figure draws "⚠ fact flagged" without the facts (on a page of a lesson they would
    // push the picture's text below a readable size): the text under it says what is true.
    let corrections = comparison.correctionItems(for: map)
    if spec.report != .full, !corrections.isEmpty {
      if !markdown.isEmpty { markdown += "\n" }
      markdown +=
        "**Corrections.** The map corrects these facts of the evidence marked ⚠ fact flagged:\n\n"
        + corrections.joined(separator: "\n") + "\n"
    }
    guard !markdown.isEmpty else { return }
    figure.reportMarkdown = markdown
    figure.reportHTML = CMark.html(Array(markdown.utf8), extensions: CMark.reportExtensionNames) {
      _ in ""
    }
  }

  /// A figure holding only the successes and failures table of `aim`, within the period the
  /// map declares (as `argmap table` does).
  static func tableFigure(_ aim: NodeID, spec: BlockSpec, map: ArgumentMap)
    throws(BlockRenderError) -> RenderedFigure
  {
    let table: SuccessFailureTable
    do {
      table = try SuccessFailureTable(
        map, aim: aim, interpretation: spec.scope,
        period: SuccessFailureTable.declaredPeriod(of: map), frame: spec.tableFrame)
    } catch {
      throw .view(error.description, option: "table", id: error.id)
    }
    let markdown = demotedHeadings(table.markdown(for: map))
    return RenderedFigure(
      svg: nil, title: map.metadata.title ?? "Argument map", outline: "",
      reportHTML: CMark.html(Array(markdown.utf8), extensions: CMark.reportExtensionNames) { _ in ""
      }, reportMarkdown: markdown)
  }

  /// A figure holding only the evidence matrix of `interpretations` (as `argmap matrix` does).
  static func matrixFigure(_ interpretations: [NodeID], map: ArgumentMap)
    throws(BlockRenderError) -> RenderedFigure
  {
    let comparison: InterpretationComparison
    do {
      comparison = try InterpretationComparison(map, interpretations: interpretations)
    } catch {
      throw .view(error.description, option: "matrix", id: error.id)
    }
    let markdown = demotedHeadings(EvidenceMatrix(comparison).markdown(for: map))
    return RenderedFigure(
      svg: nil, title: map.metadata.title ?? "Argument map", outline: "",
      reportHTML: CMark.html(Array(markdown.utf8), extensions: CMark.reportExtensionNames) { _ in ""
      }, reportMarkdown: markdown)
  }

  /// Report headings two levels down (`#` becomes `###`), to sit inside a lesson's sections.
  static func demotedHeadings(_ markdown: String) -> String {
    markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix("#") ? "##" + line : String(line)
    }.joined(separator: "\n")
  }
}
