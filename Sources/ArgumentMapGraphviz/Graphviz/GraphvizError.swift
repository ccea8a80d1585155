/// A failure inside Graphviz, with the stage it happened at and the messages Graphviz printed.
public struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where in the pipeline Graphviz failed.
  public enum Stage: String, Hashable, Sendable {
    /// Reading the DOT text.
    case parse
    /// Computing the layout.
    case layout
    /// Writing the output format.
    case render
  }

  /// Where Graphviz failed.
  public var stage: Stage
  /// The messages Graphviz reported, one per line, in order.
  public var messages: [String]

  /// Creates an error.
  public init(stage: Stage, messages: [String]) {
    self.stage = stage
    self.messages = messages
  }

  /// The stage and Graphviz's messages in one line, as the command line prints it.
  public var description: String {
    let detail = messages.isEmpty ? "no message" : messages.joined(separator: "; ")
    return "graphviz failed to \(stage.rawValue) the diagram: \(detail)"
  }
}
