/// The files the renderer writes.
public enum OutputFormat: String, Hashable, Sendable, CaseIterable, Codable {
  /// Accessible SVG for the web and for lesson notes.
  case svg
  /// A bitmap, for slides and word processors.
  case png
  /// A PDF page, for printing worksheets.
  case pdf
  /// Graphviz DOT text, for other Graphviz tools; made without Graphviz unless blanks need sizes.
  case dot

  /// The usual file name extension.
  public var fileExtension: String { rawValue }
}
