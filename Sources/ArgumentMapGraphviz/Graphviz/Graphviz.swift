import CGraphviz
import CGraphvizSupport
import Foundation

/// Graphviz's libgvc, called in-process: DOT text in, bytes of SVG, PNG, PDF or plain text out.
///
/// libgvc keeps process-wide state (its parser, error sink, name counters, plugin list) and is
/// not thread-safe even with one context per thread, so the process has one context, made by
/// `gvContext()` with the plugins Graphviz installs, behind one lock, and every call goes through
/// it. Calling the library instead of running `dot` saves a process start and the loading of the
/// plugins for every diagram after the first: what lesson notes, batches and previews feel.
///
/// Graphviz reports most problems through `agerr`, which is routed to `GraphvizMessages`; a few
/// plugins write to standard error directly, which `GraphvizMessages` can capture too.
package final class Graphviz: @unchecked Sendable {
  /// The one instance of the process.
  package static let shared = Graphviz()

  /// Makes every later call route Graphviz's direct writes to standard error into its messages.
  /// For programs that own their standard error (see `GraphvizMessages`); call before drawing.
  package static func captureStandardError() {
    GraphvizMessages.captureStandardError()
  }

  /// Guards `context`, `engines`, the messages and every call into libgvc/libcgraph.
  private let lock = NSLock()
  /// The libgvc context; `nil` if Graphviz could not start.
  private let context: OpaquePointer?
  /// Runs `body` under the lock that guards every call into libgvc.
  ///
  /// librsvg draws text through the pango, fontconfig and cairo that Graphviz's plugins use, and
  /// their shared state is not safe to touch from two threads at once, so page composition takes
  /// this lock too. `body` must not call back into `Graphviz` (the lock is not recursive).
  package func withLock<Result, Failure: Error>(_ body: () throws(Failure) -> Result)
    throws(Failure) -> Result
  {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// The layout engines, read from libgvc on first use.
  private var engines: [String]?
  /// What Graphviz says during one call.
  private let messages = GraphvizMessages()

  private init() {
    GraphvizMessages.install()
    context = gvContext()
  }

  /// The output formats libgvc writes for us.
  package enum Format: String, Hashable, Sendable, CaseIterable {
    /// Scalable vector graphics (text).
    case svg
    /// A bitmap (cairo).
    case png
    /// A PDF document (cairo).
    case pdf
    /// Graphviz's `plain` text: positions and sizes, for reading a layout back.
    case plain
    /// Graphviz's `json`: the layout with its xdot drawing operations (text, curves, shapes),
    /// for measuring what a reader sees.
    case json
  }

  /// What a render returns: the bytes and any warnings Graphviz printed.
  package struct Output: Sendable {
    /// The rendered file.
    package var bytes: [UInt8]
    /// Warnings, one per line, without Graphviz's `Warning: ` prefix.
    package var warnings: [String]
  }

  /// The names of the layout engines libgvc offers (`circo`, `dot`, `fdp`, ...), sorted.
  ///
  /// Read once from libgvc's plugin list; empty when Graphviz could not start.
  package func layoutEngines() -> [String] {
    lock.lock()
    defer { lock.unlock() }
    if let engines { return engines }
    var names: [String] = []
    var count: Int32 = 0
    if let context, let list = cgs_plugin_list(context, "layout", &count) {
      for index in 0..<Int(max(count, 0)) {
        if let name = list[index] {
          names.append(String(cString: name))
          free(name)
        }
      }
      free(list)
    }
    let sorted = Array(Set(names)).sorted()
    engines = sorted
    return sorted
  }

  /// Lays out `dot` with `engine` and writes it in `format`.
  ///
  /// The DOT text is rendered as given: attributes such as `URL` reach the SVG unescaped. Build
  /// DOT from user text only through `DOTWriter` (or `MapRenderer`), which escapes it.
  ///
  /// - Parameters:
  ///   - dot: DOT text; one named digraph.
  ///   - format: The output format.
  ///   - engine: The layout engine, one of `layoutEngines()`; a `layout` attribute in the graph
  ///     takes precedence, as with `dot -K`.
  /// - Returns: The bytes and the warnings.
  /// - Throws: `GraphvizError` when Graphviz cannot parse, lay out or write the graph, or reports
  ///   an error while doing so (a malformed label renders silently otherwise).
  package func render(dot: String, format: Format, engine: String = "dot") throws(GraphvizError)
    -> Output
  {
    lock.lock()
    defer { lock.unlock() }
    guard let context else {
      throw GraphvizError(stage: .layout, messages: ["graphviz could not start (no plugins)"])
    }
    messages.begin()
    defer { messages.end() }
    guard let graph = cgs_read_graph(dot) else {
      throw GraphvizError(stage: .parse, messages: messages.drain())
    }
    var isLaidOut = false
    defer {
      // After a layout error (such as "in routesplines, illegal values"), gvFreeLayout in 2.42
      // frees some spline data twice and aborts the process; leaking that one layout is the
      // lesser harm.
      if isLaidOut && agerrors() < Int32(AGERR.rawValue) { gvFreeLayout(context, graph) }
      agclose(graph)
    }
    guard cgs_layout(context, graph, engine) == 0 else {
      throw GraphvizError(stage: .layout, messages: messages.drain())
    }
    isLaidOut = true
    var buffer: UnsafeMutablePointer<CChar>? = nil
    var length = 0
    let status = cgs_render_data(context, graph, format.rawValue, &buffer, &length)
    defer { if let buffer { gvFreeRenderData(buffer) } }
    guard status == 0, let buffer else {
      throw GraphvizError(stage: .render, messages: messages.drain())
    }
    let bytes = buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
    if agerrors() >= Int32(AGERR.rawValue) {
      throw GraphvizError(stage: .render, messages: messages.drain())
    }
    return Output(bytes: bytes, warnings: messages.drain())
  }

  /// Parses `dot` with libcgraph, without laying it out: a check that the text we write is the
  /// graph we mean.
  ///
  /// - Throws: `GraphvizError` at the parse stage when libcgraph rejects the text.
  package func parse(dot: String) throws(GraphvizError) -> ParsedGraph {
    lock.lock()
    defer { lock.unlock() }
    messages.begin()
    defer { messages.end() }
    guard let graph = cgs_read_graph(dot) else {
      throw GraphvizError(stage: .parse, messages: messages.drain())
    }
    defer { agclose(graph) }
    let parsed = ParsedGraph(reading: graph)
    if agerrors() >= Int32(AGERR.rawValue) {
      throw GraphvizError(stage: .parse, messages: messages.drain())
    }
    return parsed
  }
}
