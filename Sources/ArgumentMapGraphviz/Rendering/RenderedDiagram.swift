/// A drawn diagram: the file's bytes, and what Graphviz warned about while drawing it.
///
/// Graphviz's warnings (a bitmap scaled down to fit, for instance) are kept as values so that the
/// caller reports them in its own format; Graphviz itself prints nothing.
public struct RenderedDiagram: Hashable, Sendable {
  /// The file: SVG, PNG, PDF or DOT.
  public var bytes: [UInt8]
  /// Graphviz's warnings, one message each, in the order reported, without a `Warning:` prefix.
  public var warnings: [String]
  /// ArgMap's own warnings about the drawing: each text cut to `Scene.maximumDrawnTextLength`.
  public var textWarnings: [String]
  /// The layout engine that drew it: the one asked for, or `RenderLimits.fastLayout` when the
  /// diagram was too large for `dot` (`nil` for DOT text, which is not laid out).
  public var layout: String?
  /// The number of nodes drawn.
  public var nodeCount: Int

  /// Creates a result.
  public init(
    bytes: [UInt8], warnings: [String] = [], textWarnings: [String] = [], layout: String? = nil,
    nodeCount: Int = 0
  ) {
    self.bytes = bytes
    self.warnings = warnings
    self.textWarnings = textWarnings
    self.layout = layout
    self.nodeCount = nodeCount
  }
}
