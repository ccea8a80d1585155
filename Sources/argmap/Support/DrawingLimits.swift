import ArgumentMapGraphviz
import ArgumentParser

/// `--max-nodes N`: the largest diagram a command draws (see `RenderLimits` and docs/limits.md).
struct DrawingLimits: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Refuse to draw a diagram of more than this many nodes (above 1000, dot gives way to sfdp).",
      valueName: "n"))
  var maxNodes: Int = RenderLimits.defaultMaximumNodes

  func validate() throws {
    guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1.") }
  }

  /// The limits for a renderer; `switchesLayout` is false when the user named the engine.
  func limits(switchesLayout: Bool = true) -> RenderLimits {
    RenderLimits(
      maximumNodes: maxNodes,
      fastLayoutNodes: switchesLayout ? RenderLimits.defaultFastLayoutNodes : nil)
  }
}
