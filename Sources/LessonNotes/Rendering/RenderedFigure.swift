/// What one block renders to, before it is placed in Markdown, HTML or a Pandoc document.
///
/// Kept apart from the caption and alt text (which come from the block's options) so that the
/// cache holds only what is costly to make.
public struct RenderedFigure: Codable, Hashable, Sendable {
  /// The diagram as inline-safe SVG (no XML declaration, every id prefixed), if the block draws
  /// one.
  public var svg: String?
  /// The diagram's further pages, when it is split to fit a page (`BlockSpec.page`), each
  /// inline-safe SVG with its own id prefix.
  public var morePages: [String]?
  /// The title of the map, for a default alt text.
  public var title: String
  /// A plain-text outline of what the diagram shows, for screen readers and the printed page.
  public var outline: String
  /// A report under the diagram (a verdict, a table) as HTML, if any.
  public var reportHTML: String?
  /// The same report as Markdown.
  public var reportMarkdown: String?

  /// Every page of the diagram in order (none when the block draws no diagram).
  public var pages: [String] { (svg.map { [$0] } ?? []) + (morePages ?? []) }

  /// Creates a figure; `BlockRenderer` makes them, and the cache stores and returns them whole.
  public init(
    svg: String?, title: String, outline: String, reportHTML: String? = nil,
    reportMarkdown: String? = nil, morePages: [String]? = nil
  ) {
    self.svg = svg
    self.morePages = morePages
    self.title = title
    self.outline = outline
    self.reportHTML = reportHTML
    self.reportMarkdown = reportMarkdown
  }
}
