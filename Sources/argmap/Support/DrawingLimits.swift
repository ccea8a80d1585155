import ArgumentMapGraphviz
import ArgumentParser

/// `--max-nodes N` and `--timeout SECONDS`: the largest diagram a command draws, and how long
/// drawing one may take (see `RenderLimits`, `Watchdog` and docs/limits.md).
struct DrawingLimits: ParsableArguments {
  /// Two minutes: `dot` lays out 1,000 statements in about a second, so a drawing this slow is
  /// a hostile or broken input, and ending it beats a hang.
  static let defaultTimeout: Double = 120

  @Option(
    help: ArgumentHelp(
      "Refuse to draw a diagram of more than this many nodes.",
      valueName: "n"))
  var maxNodes: Int = RenderLimits.defaultMaximumNodes

  @Option(
    help: ArgumentHelp(
      "Stop with an error when drawing one diagram takes longer than this (nothing is written).",
      discussion:
        "render, evaluate, compare, matrix, layout-report and serve time each diagram, notes each notes file; at most 86400 (a day).",
      valueName: "seconds"))
  var timeout: Double = DrawingLimits.defaultTimeout

  func validate() throws {
    guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1.") }
    guard timeout > 0 && timeout <= 86_400 else {
      throw ValidationError("--timeout must be a number of seconds above 0 (at most 86400).")
    }
  }

  /// The limits for a renderer; `switchesLayout` is false when the user named the engine.
  func limits(switchesLayout: Bool = true) -> RenderLimits {
    RenderLimits(
      maximumNodes: maxNodes,
      fastLayoutNodes: switchesLayout ? RenderLimits.defaultFastLayoutNodes : nil)
  }

  /// Runs `draw` under a watchdog that ends the process with an error naming `file` when it
  /// takes longer than `timeout`; call it around drawing only, never around a write.
  func timed<Result, Failure: Error>(
    _ file: String, _ draw: () throws(Failure) -> Result
  ) throws(Failure) -> Result {
    let watchdog = Watchdog.arm(seconds: timeout, file: file)
    defer { watchdog.disarm() }
    return try draw()
  }
}
