/// Why a diagram could not be drawn.
public enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The requested view does not fit the map (an unknown id, not an interpretation).
  case view(ViewError)
  /// Graphviz failed.
  case graphviz(GraphvizError)
  /// Graphviz's layout could not be read back to size the blanks of a worksheet.
  case unreadableLayout(String)
  /// The layout engine is not one libgvc has; `available` lists those argument maps may be
  /// drawn with (`MapRenderer.offeredLayouts`).
  case unknownLayout(String, available: [String], suggestion: String?)
  /// libgvc has the layout engine, but its drawings of argument maps overlap text; `offered`
  /// lists the engines that draw them readably (`MapRenderer.offeredLayouts`).
  case refusedLayout(String, offered: [String])
  /// The diagram has more nodes than `RenderLimits.maximumNodes` allows.
  case tooLarge(nodes: Int, limit: Int)
  /// A diagram could not be put on a page: its SVG is unreadable, or librsvg or cairo failed
  /// (their message).
  case page(String)

  /// The failure in words, as the command line prints it after `error: `.
  public var description: String {
    switch self {
    case .view(let error): error.description
    case .graphviz(let error): error.description
    case .unreadableLayout(let detail): "cannot read the layout back from graphviz: \(detail)"
    case .unknownLayout(let name, let available, let suggestion):
      "unknown layout engine '\(name)'"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        + " (available: \(available.joined(separator: ", ")))"
    case .refusedLayout(let name, let offered):
      "layout '\(name)' cannot draw argument maps without overlapping text; use "
        + Self.alternatives(offered)
    case .tooLarge(let nodes, let limit):
      "the diagram has \(nodes) nodes, more than the limit of \(limit): too many to read on a "
        + "page or to lay out in reasonable time; draw part of the map (a scope, a timeline) or "
        + "raise the limit (argmap: --max-nodes)"
    case .page(let detail): "cannot put the diagram on the page: \(detail)"
    }
  }

  /// `dot (default)`, `dot (default) or neato`, `dot (default), neato or fdp`.
  private static func alternatives(_ offered: [String]) -> String {
    let names = offered.map { $0 == "dot" ? "dot (default)" : $0 }
    guard let last = names.last else { return "dot (default)" }
    guard names.count > 1 else { return last }
    return names.dropLast().joined(separator: ", ") + " or " + last
  }
}
