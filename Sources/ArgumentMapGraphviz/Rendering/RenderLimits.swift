/// How large a diagram the renderer lays out, and when it trades `dot` for a faster engine.
///
/// Graphviz's `dot` engine grows much faster than the size of the graph: on a generated essay
/// map it takes seconds at 1,000 nodes, minutes at 2,000 and several minutes at 5,000, and libgvc
/// cannot be interrupted while it works. A diagram that large cannot be read on a page anyway, so
/// the renderer refuses one above `maximumNodes`, and lays out one above `fastLayoutNodes` with
/// `fastLayout` (`sfdp`, force-directed, near-linear) instead of `dot`, provided that engine is
/// offered (`MapRenderer.offeredLayouts`; `sfdp` is not today). The figures behind the
/// defaults are in `docs/limits.md`. DOT text (`OutputFormat.dot`) is never laid out, so neither
/// limit applies to it.
public struct RenderLimits: Hashable, Sendable {
  /// The most nodes a diagram may have; a larger one is refused with `RenderError.tooLarge`.
  /// `nil`: no limit.
  public var maximumNodes: Int?
  /// Above this many nodes, a diagram asked of the `dot` engine is laid out with `fastLayout`.
  /// `nil`: never switch (a caller that named its engine on purpose).
  public var fastLayoutNodes: Int?
  /// The engine used above `fastLayoutNodes`.
  public var fastLayout: String

  /// The largest diagram drawn by default: 5,000 nodes.
  public static let defaultMaximumNodes = 5_000
  /// The largest diagram `dot` lays out by default: 1,000 nodes.
  public static let defaultFastLayoutNodes = 1_000

  /// The defaults: refuse above 5,000 nodes, switch from `dot` to `sfdp` above 1,000 when `sfdp`
  /// is offered.
  public static let standard = RenderLimits()

  /// No limit and no switch (for callers that bound the work themselves).
  public static let unlimited = RenderLimits(maximumNodes: nil, fastLayoutNodes: nil)

  /// Creates limits.
  ///
  /// - Parameters:
  ///   - maximumNodes: The most nodes a diagram may have (`nil`: no limit).
  ///   - fastLayoutNodes: Above this many nodes `dot` gives way to `fastLayout` (`nil`: never).
  ///   - fastLayout: The faster engine.
  public init(
    maximumNodes: Int? = defaultMaximumNodes, fastLayoutNodes: Int? = defaultFastLayoutNodes,
    fastLayout: String = "sfdp"
  ) {
    self.maximumNodes = maximumNodes
    self.fastLayoutNodes = fastLayoutNodes
    self.fastLayout = fastLayout
  }

  /// The limits as text, for cache keys: a figure drawn under other limits is drawn again.
  package var cacheKeyText: String {
    "\(maximumNodes.map(String.init) ?? "-")/\(fastLayoutNodes.map(String.init) ?? "-")/\(fastLayout)"
  }

  /// The engine that lays out a diagram of `nodeCount` nodes asked of `requested`.
  ///
  /// - Throws: `RenderError.tooLarge` above `maximumNodes`.
  func engine(forNodes nodeCount: Int, requested: String) throws(RenderError) -> String {
    if let maximumNodes, nodeCount > maximumNodes {
      throw .tooLarge(nodes: nodeCount, limit: maximumNodes)
    }
    if requested == "dot", let fastLayoutNodes, nodeCount > fastLayoutNodes {
      return fastLayout
    }
    return requested
  }
}
