/// A Graphviz layout engine and the attributes that keep its drawings of argument maps readable.
///
/// `dot` draws the views as they are designed. The other engines place nodes by forces or
/// around a centre and overlap text unless Graphviz removes the overlaps; each one is offered
/// only when its drawings of every view of the maps in `Graphs/` and `Examples/` pass the
/// readability report on an A4 sheet and on a slide (figures in `docs/rendering.md`).
package struct LayoutEngineSettings: Sendable {
  /// The engine's name, as libgvc knows it.
  package var name: String
  /// Graph attributes written for this engine (overlap removal, spacing, edge routing).
  package var graphAttributes: [(String, String)]
  /// Edge attributes written for this engine.
  package var edgeAttributes: [(String, String)]
  /// Whether edge labels are placed beside the edge (`xlabel`) by Graphviz's label placer,
  /// which keeps them off nodes, instead of at the edge's middle.
  package var placesEdgeLabelsBeside: Bool
  /// Whether argument maps are drawn with it; an engine that failed the measurements is kept
  /// here, refused, so that its settings and the reason stay documented.
  package var isOffered: Bool

  /// `dot`, as the views are designed.
  package static let dot = LayoutEngineSettings(
    name: "dot", graphAttributes: [], edgeAttributes: [], placesEdgeLabelsBeside: false,
    isOffered: true)

  /// Every engine tried, `dot` first; see `isOffered`.
  package static let all: [LayoutEngineSettings] = [dot] + forceDirected

  /// The settings of the engine named `name`, if it was tried.
  package static func named(_ name: String) -> LayoutEngineSettings? {
    all.first { $0.name == name }
  }

  /// The overlap removal and spacing tried for the engines other than `dot`: Graphviz's prism
  /// removal without its initial scaling (which spreads a small map over several pages), room
  /// around nodes and edges, and straight-segment edges routed around nodes.
  private static func removingOverlaps(
    _ name: String, spacing: String, extra: [(String, String)] = [],
    edges: [(String, String)] = [], isOffered: Bool
  ) -> LayoutEngineSettings {
    LayoutEngineSettings(
      name: name,
      graphAttributes: [
        ("overlap", "prism"), ("overlap_scaling", "0"), ("sep", "+" + spacing),
        ("esep", "+" + String((Int(spacing) ?? 0) / 2)), ("splines", "polyline"),
      ] + extra,
      edgeAttributes: edges, placesEdgeLabelsBeside: true,
      isOffered: isOffered)
  }

  private static let forceDirected: [LayoutEngineSettings] = [
    removingOverlaps("neato", spacing: "14", isOffered: false),
    removingOverlaps(
      "fdp", spacing: "8", extra: [("K", "0.05")], edges: [("len", "0.1")], isOffered: false),
    removingOverlaps("sfdp", spacing: "12", extra: [("K", "0.1")], isOffered: false),
    removingOverlaps("twopi", spacing: "14", isOffered: false),
    removingOverlaps("circo", spacing: "14", isOffered: false),
  ]
}
