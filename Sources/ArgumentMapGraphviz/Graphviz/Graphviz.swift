import CGraphviz
import Foundation

/// The messages Graphviz reports during one call; touched only while `Graphviz.lock` is held.
nonisolated(unsafe) private var pendingMessages = ""

/// Receives Graphviz's error and warning text in pieces ("Error", ": ", "text\n").
private let messageSink: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
  if let text { pendingMessages += String(cString: text) }
  return 0
}

/// Graphviz's libgvc, called in-process: DOT text in, bytes of SVG, PNG, PDF or plain text out.
///
/// libgvc keeps process-wide state (its parser, error sink, name counters, plugin list) and is
/// not thread-safe even with one context per thread, so the process has one context behind one
/// lock and every call goes through it. Calling the library instead of running `dot` saves the
/// process start and plugin loading that dominate the time for small maps.
package final class Graphviz: @unchecked Sendable {
  /// The one instance of the process.
  package static let shared = Graphviz()

  /// Guards `context`, `pendingMessages` and every call into libgvc/libcgraph.
  private let lock = NSLock()
  /// The libgvc context; `nil` if Graphviz could not start (no plugins configured).
  private let context: OpaquePointer?

  private init() {
    _ = agseterrf(messageSink)
    _ = agseterr(AGWARN)
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
  }

  /// What a render returns: the bytes and any warnings Graphviz printed.
  package struct Output: Sendable {
    /// The rendered file.
    package var bytes: [UInt8]
    /// Warnings, one per line.
    package var warnings: [String]
  }

  /// Lays out `dot` with the `dot` engine and writes it in `format`.
  ///
  /// The DOT text is rendered as given: attributes such as `URL` reach the SVG unescaped. Build
  /// DOT from user text only through `DOTWriter` (or `MapRenderer`), which escapes it.
  ///
  /// - Parameters:
  ///   - dot: DOT text; one named digraph.
  ///   - format: The output format.
  /// - Returns: The bytes and the warnings.
  /// - Throws: `GraphvizError` when Graphviz cannot parse, lay out or write the graph, or reports
  ///   an error while doing so (a malformed label renders silently otherwise).
  package func render(dot: String, format: Format) throws(GraphvizError) -> Output {
    lock.lock()
    defer { lock.unlock() }
    _ = agreseterrors()
    pendingMessages = ""
    guard let context else {
      throw GraphvizError(stage: .layout, messages: ["graphviz could not start (no plugins)"])
    }
    guard let graph = agmemread(dot) else {
      throw GraphvizError(stage: .parse, messages: drainMessages())
    }
    defer { agclose(graph) }
    guard gvLayout(context, graph, "dot") == 0 else {
      throw GraphvizError(stage: .layout, messages: drainMessages())
    }
    // After a layout error (such as "in routesplines, illegal values"), gvFreeLayout in 2.42
    // frees some spline data twice and aborts the process; leaking that one layout is the
    // lesser harm.
    defer { if agerrors() < Int32(AGERR.rawValue) { gvFreeLayout(context, graph) } }
    var buffer: UnsafeMutablePointer<CChar>? = nil
    var length: UInt32 = 0
    let status = gvRenderData(context, graph, format.rawValue, &buffer, &length)
    defer { if let buffer { gvFreeRenderData(buffer) } }
    guard status == 0, let buffer else {
      throw GraphvizError(stage: .render, messages: drainMessages())
    }
    let bytes = buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
      Array(UnsafeBufferPointer(start: $0, count: Int(length)))
    }
    if agerrors() >= Int32(AGERR.rawValue) {
      throw GraphvizError(stage: .render, messages: drainMessages())
    }
    return Output(bytes: bytes, warnings: drainMessages())
  }

  /// The captured messages as lines, emptied for the next call. Call only under `lock`.
  private func drainMessages() -> [String] {
    defer { pendingMessages = "" }
    return pendingMessages.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }
}
