import CGraphviz
import CGraphvizSupport
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
///
/// SVG is drawn by a context whose text layout is Pango on FreeType (`CGraphvizSupport`), which
/// measures text as Graphviz's own Pango-on-cairo plugin does without loading cairo and the X11
/// libraries; PNG and PDF, which cairo draws, use Graphviz's own context, made when first needed.
///
/// Graphviz reports most problems through `agerr`, which is routed to a buffer here; a few
/// plugins (cairo's "graph is too large" scaling notice, neato's missing positions) write to
/// standard error directly. While a call runs, file descriptor 2 therefore points at a private
/// temporary file, whose text joins the messages: nothing Graphviz says reaches the terminal
/// unformatted. Since other threads writing to standard error during a render would be captured
/// too, only a program that owns its standard error turns this on (`captureStandardError()`, as
/// the `argmap` executable does); a library user or a test keeps its standard error untouched.
package final class Graphviz: @unchecked Sendable {
  /// Whether renders point standard error at the capture file; off until a program asks.
  private static let capture = Switch()

  /// Makes every later call route Graphviz's direct writes to standard error into its messages.
  /// For programs that own their standard error; call once at start-up.
  package static func captureStandardError() {
    capture.turnOn()
  }

  /// The one instance of the process.
  package static let shared = Graphviz()

  /// Guards the contexts, `pendingMessages`, `engines` and every call into libgvc/libcgraph.
  private let lock = NSLock()
  /// The libgvc context for SVG and `plain`; `nil` if Graphviz could not start (no plugins).
  /// Graphviz's own context when its plugins are not where libgvc looks for them.
  private let context: OpaquePointer?
  /// Whether `context` measures text with `CGraphvizSupport` (and so cannot draw PNG or PDF).
  package let measuresWithPangoFreeType: Bool
  /// Graphviz's own context, for PNG and PDF; made on first use (`.none` until then).
  private var cairoContext: OpaquePointer??
  /// Where standard error points during a call; `-1` when no temporary file could be made.
  private let captureDescriptor: Int32
  /// The graph of the last drawing that succeeded, freed when the next drawing starts, as `dot`
  /// frees its graphs: freeing a laid-out graph takes about as long as writing its SVG, and a
  /// program that draws one diagram and ends need not wait for it. Guarded by `lock`.
  private var lastGraph: (context: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>)?
  /// The layout engines, read from libgvc on first use.
  private var engines: [String]?
  /// Entered while a preparation runs on its own thread; every call waits for it to leave.
  /// Static, so that waiting does not start Graphviz in a program that never drew.
  private static let preparation = DispatchGroup()
  /// Whether `prepare(fontName:)` was called.
  private static let preparationStarted = Switch()
  /// On from `prepare(fontName:format:while:)` until a drawing takes its turn to measure ahead.
  private static let firstDrawingMeasuresAhead = Switch()

  private init() {
    _ = agseterrf(messageSink)
    _ = agseterr(AGWARN)
    if let svgContext = cgs_svg_context() {
      context = svgContext
      measuresWithPangoFreeType = true
    } else {
      context = gvContext()
      measuresWithPangoFreeType = false
    }
    if let file = tmpfile() {
      // The FILE stays open for the life of the process; only its descriptor is used.
      captureDescriptor = fileno(file)
    } else {
      captureDescriptor = -1
    }
  }

  /// Starts loading what a first drawing in `format` needs on a thread of its own: the context
  /// for that format with the `dot` layout plugin, the text layout (Pango, fontconfig and its
  /// configuration) and the diagram's font, which the other layout engines share.
  ///
  /// That loading is most of the time of drawing one small map, and it does not depend on the
  /// map; a program that is about to read, check and draw a file calls this first, so the two
  /// overlap. Every call into Graphviz waits until the preparation is over, so libgvc still runs
  /// on one thread at a time; a program that ends must call `finishPreparation()` first, since
  /// exiting while libgvc runs on another thread can crash in the libraries' exit handlers.
  /// Only the first call does anything. Nothing is written to standard error: the tiny graph
  /// drawn is known to draw cleanly, and any message it raised is dropped.
  package static func prepare(fontName: String, format: Format = .svg) {
    guard preparationStarted.turnOn() else { return }
    preparation.enter()
    // A plain POSIX thread: Foundation's `Thread` takes up to a few milliseconds to start one,
    // as long as the work it would hide.
    let job = Unmanaged.passRetained(
      ThreadJob {
        shared.drawPreparationGraph(fontName: fontName, format: format)
        preparation.leave()
      }
    ).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(
      &thread, nil,
      { context in
        guard let context else { return nil }
        Unmanaged<ThreadJob>.fromOpaque(context).takeRetainedValue().run()
        return nil
      }, job)
    if started == 0 {
      pthread_detach(thread)
    } else {
      Unmanaged<ThreadJob>.fromOpaque(job).release()
      preparation.leave()
    }
  }

  /// Runs `work` on a thread of its own while this thread loads what a first drawing in
  /// `format` needs, as `prepare(fontName:format:)` does on another thread; returns what `work`
  /// returns once both are over. Drawing in `work` waits for the loading.
  ///
  /// For a program that knows what it will draw, this is the better split: the loading is the
  /// longer task, so it stays on the thread already running, and the new thread, which starts
  /// late when the machine's other processor has been idle (a millisecond here), holds the work
  /// that has time to spare. The new thread gets at least 64 MiB of stack, as much as the main
  /// thread may grow to, since Graphviz's layout recurses deeply on large graphs. When a
  /// preparation has started before, `work` runs on this thread; when no such thread can be
  /// made, it runs on this thread after the loading.
  package static func prepare<Result>(
    fontName: String, format: Format, while work: @escaping @Sendable () -> Result
  ) -> Result {
    guard preparationStarted.turnOn() else { return work() }
    preparation.enter()
    firstDrawingMeasuresAhead.turnOn()
    let outcome = Outcome<Result>()
    let job = Unmanaged.passRetained(ThreadJob { outcome.value = work() }).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    var thread = pthread_t()
    var started = pthread_attr_setstacksize(&attributes, workStackSize)
    if started == 0 {
      started = pthread_create(
        &thread, &attributes,
        { context in
          guard let context else { return nil }
          Unmanaged<ThreadJob>.fromOpaque(context).takeRetainedValue().run()
          return nil
        }, job)
    }
    shared.drawPreparationGraph(fontName: fontName, format: format)
    preparation.leave()
    guard started == 0 else {
      Unmanaged<ThreadJob>.fromOpaque(job).release()
      return work()
    }
    pthread_join(thread, nil)
    // pthread_join orders the thread's write of the value before this read.
    guard let value = outcome.value else {
      preconditionFailure("the thread ended without a result")
    }
    return value
  }

  /// The stack of a thread that may draw: the main thread's limit, at least 64 MiB, at most 1 GiB.
  private static var workStackSize: Int {
    let minimum = 64 << 20
    let maximum = 1 << 30
    var limit = rlimit()
    #if os(Linux)
      let resource = __rlimit_resource_t(RLIMIT_STACK.rawValue)
    #else
      let resource = RLIMIT_STACK
    #endif
    // No limit (RLIM_INFINITY) reads as the largest value, so it gives the maximum too.
    guard getrlimit(resource, &limit) == 0 else { return minimum }
    return limit.rlim_cur >= rlim_t(maximum) ? maximum : max(Int(limit.rlim_cur), minimum)
  }

  /// Waits until a preparation started by `prepare(fontName:)` is over.
  package static func finishPreparation() {
    preparation.wait()
  }

  /// Lays out and draws a one-node graph in `fontName` and `format`, which loads what every
  /// drawing in that format needs.
  private func drawPreparationGraph(fontName: String, format: Format) {
    lock.lock()
    defer { lock.unlock() }
    let text =
      "digraph prepare { node [fontname=\"\(fontName)\" fontsize=12]; a [label=\"Aa\"] }"
    guard let context = context(for: format, measurer: .pangoFreeType),
      let graph = cgs_read_graph(text)
    else { return }
    if gvLayout(context, graph, "dot") == 0 {
      var buffer: UnsafeMutablePointer<CChar>? = nil
      var length: UInt32 = 0
      if gvRenderData(context, graph, format.rawValue, &buffer, &length) == 0, let buffer {
        gvFreeRenderData(buffer)
      }
      gvFreeLayout(context, graph)
    }
    agclose(graph)
    _ = agreseterrors()
    pendingMessages = ""
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

  /// A text Graphviz measures to lay out a graph: one line of a label, in the label's font.
  package struct LabelText: Equatable, Sendable {
    /// The font family, as in the DOT `fontname` attribute.
    package var fontName: String
    /// The size in points, as in `fontsize`.
    package var fontSize: Double
    /// The line, as Graphviz measures it (without DOT's or Graphviz's escapes).
    package var text: String
  }

  /// What a render returns: the bytes and any warnings Graphviz printed.
  package struct Output: Sendable {
    /// The rendered file.
    package var bytes: [UInt8]
    /// Warnings, one per line, without Graphviz's `Warning: ` prefix.
    package var warnings: [String]
    /// What measuring ahead did for this drawing, when it was asked to.
    package var measuredAhead: MeasuringAhead.Counts? = nil
  }

  /// Texts being measured ahead of one drawing's layout (`measureAhead(_:)`). The drawing it is
  /// passed to ends the measuring; one never passed ends it when released.
  package final class MeasuringAhead: Sendable {
    fileprivate let token: Int32

    fileprivate init(token: Int32) {
      self.token = token
    }

    deinit {
      cgs_measure_ahead_finish(token, nil)
    }

    /// Waits until every text is measured; for tests, whose layout then takes them all.
    package func waitUntilMeasured() {
      cgs_measure_ahead_wait(token)
    }

    /// What one measuring ahead did.
    package struct Counts: Equatable, Sendable {
      /// The texts listed, each once.
      package var listed: Int
      /// Those the thread measured.
      package var measuredAhead: Int
      /// The plain texts (no HTML fonts) the layout measured,
      package var asked: Int
      /// of which it took from the thread,
      package var taken: Int
      /// and which were not listed.
      package var unlisted: Int

      init(_ counts: cgs_measure_ahead_counts) {
        listed = Int(counts.listed)
        measuredAhead = Int(counts.measured_ahead)
        asked = Int(counts.asked)
        taken = Int(counts.taken)
        unlisted = Int(counts.unlisted)
      }
    }
  }

  /// The names of the layout engines libgvc offers (`circo`, `dot`, `fdp`, ...), sorted.
  ///
  /// Read once from libgvc's plugin configuration; empty when Graphviz could not start.
  package func layoutEngines() -> [String] {
    Self.preparation.wait()
    lock.lock()
    defer { lock.unlock() }
    if let engines { return engines }
    var names: [String] = []
    if let context {
      if measuresWithPangoFreeType { _ = cgs_add_other_layouts(context) }
      var count: Int32 = 0
      if let list = gvPluginList(context, "layout", &count, nil) {
        for index in 0..<Int(max(count, 0)) {
          if let name = list[index] {
            names.append(String(cString: name))
            free(name)
          }
        }
        free(list)
      }
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
  ///   - engine: The layout engine, one of `layoutEngines()`.
  ///   - replacements: Nodes (by name) whose text is replaced after the layout and before
  ///     drawing: the layout is that of the original texts, which the output does not contain.
  ///   - measurer: What measures text for SVG and `plain`; PNG and PDF always use Graphviz's
  ///     own plugin. The tests draw with both to show that they agree.
  ///   - measuredAhead: The texts measured ahead for this drawing (`measureAhead(_:)`), which
  ///     its layout takes instead of measuring them; the output is the same either way.
  /// - Returns: The bytes and the warnings.
  /// - Throws: `GraphvizError` when Graphviz cannot parse, lay out or write the graph, or reports
  ///   an error while doing so (a malformed label renders silently otherwise).
  package func render(
    dot: String, format: Format, engine: String = "dot",
    replacingText replacements: [(node: String, text: String)] = [],
    measuringTextWith measurer: TextMeasurer = .pangoFreeType,
    measuredAhead ahead: MeasuringAhead? = nil
  ) throws(GraphvizError) -> Output {
    Self.preparation.wait()
    lock.lock()
    defer { lock.unlock() }
    let token = ahead?.token ?? 0
    // Whatever happens, the measuring thread is over when the drawing is; it is joined only
    // after the graph is drawn, when it has long finished the text it was measuring.
    var aheadCounts = cgs_measure_ahead_counts()
    defer { cgs_measure_ahead_finish(token, nil) }
    _ = agreseterrors()
    pendingMessages = ""
    guard let context = context(for: format, measurer: measurer) else {
      throw GraphvizError(stage: .layout, messages: ["graphviz could not start (no plugins)"])
    }
    // The SVG context starts with `dot` alone; the other engines come with their plugin.
    if measuresWithPangoFreeType, context == self.context,
      engine != "dot" || dot.withCString({ strstr($0, "layout") }) != nil
    {
      _ = cgs_add_other_layouts(context)
    }
    let saved = redirectStandardError()
    defer { restoreStandardError(saved) }
    releaseLastGraph()
    guard let graph = cgs_read_graph(dot) else {
      throw GraphvizError(stage: .parse, messages: drainMessages(saved))
    }
    var isLaidOut = false
    var isKept = false
    defer {
      if !isKept {
        // After a layout error (such as "in routesplines, illegal values"), gvFreeLayout in 2.42
        // frees some spline data twice and aborts the process; leaking that one layout is the
        // lesser harm.
        if isLaidOut && agerrors() < Int32(AGERR.rawValue) { gvFreeLayout(context, graph) }
        agclose(graph)
      }
    }
    // Only a layout by the context the texts were measured for takes them.
    if context == self.context, measuresWithPangoFreeType { cgs_measure_ahead_use(token) }
    // A `layout` attribute in the graph takes precedence over `engine`, as in `dot -K`.
    guard gvLayout(context, graph, engine) == 0 else {
      throw GraphvizError(stage: .layout, messages: drainMessages(saved))
    }
    isLaidOut = true
    cgs_measure_ahead_stop(token)
    cgv_repair_rank_arrays(graph)
    for replacement in replacements {
      let node = replacement.node.withCString {
        agnode(graph, UnsafeMutablePointer(mutating: $0), 0)
      }
      if let node { _ = cgv_replace_node_text(context, node, replacement.text) }
    }
    var buffer: UnsafeMutablePointer<CChar>? = nil
    var length: UInt32 = 0
    let status = gvRenderData(context, graph, format.rawValue, &buffer, &length)
    cgs_measure_ahead_finish(token, &aheadCounts)
    defer { if let buffer { gvFreeRenderData(buffer) } }
    guard status == 0, let buffer else {
      throw GraphvizError(stage: .render, messages: drainMessages(saved))
    }
    let bytes = buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
      Array(UnsafeBufferPointer(start: $0, count: Int(length)))
    }
    if agerrors() >= Int32(AGERR.rawValue) {
      throw GraphvizError(stage: .render, messages: drainMessages(saved))
    }
    isKept = true
    lastGraph = (context, graph)
    return Output(
      bytes: bytes, warnings: drainMessages(saved),
      measuredAhead: token == 0 ? nil : MeasuringAhead.Counts(aheadCounts))
  }

  /// Starts measuring `texts`, the texts a drawing's layout will measure, in the order of the
  /// graph (`DOTWriter.document(for:)`), on a thread of its own and from the last, while the
  /// layout measures from the first (`cgs_measure_ahead`). For SVG and `plain` measured with
  /// `.pangoFreeType`; pass the result to that drawing's `render`. `nil` when nothing started:
  /// Graphviz draws with its own plugin here, or another drawing measures ahead.
  ///
  /// Worth it for a program's first drawing, whose first use of each font size is slow: it then
  /// overlaps the end of the preparation and half of the layout's measuring.
  package func measureAhead(_ texts: [LabelText]) -> MeasuringAhead? {
    guard measuresWithPangoFreeType, !texts.isEmpty else { return nil }
    let fontNames = texts.map { UnsafePointer(strdup($0.fontName)) }
    let lines = texts.map { UnsafePointer(strdup($0.text)) }
    defer {
      for pointer in fontNames + lines { free(UnsafeMutablePointer(mutating: pointer)) }
    }
    guard !fontNames.contains(nil), !lines.contains(nil) else { return nil }
    // From the last: the layout measures from the first.
    let token = cgs_measure_ahead(
      Int32(texts.count), fontNames.reversed(), texts.map(\.fontSize).reversed(),
      lines.reversed())
    return token == 0 ? nil : MeasuringAhead(token: token)
  }

  /// Whether the next drawing should measure its texts ahead: true once, for the first drawing
  /// after `prepare(fontName:format:while:)`, the start of a program that is about to draw.
  package static func takesTurnToMeasureAhead() -> Bool {
    firstDrawingMeasuresAhead.turnOff()
  }

  /// Frees the graph and layout of the last drawing that succeeded. Call only under `lock`.
  private func releaseLastGraph() {
    guard let (context, graph) = lastGraph else { return }
    gvFreeLayout(context, graph)
    agclose(graph)
    lastGraph = nil
  }

  /// What measures the text of labels.
  package enum TextMeasurer: Sendable {
    /// `CGraphvizSupport`'s Pango on FreeType (Graphviz's own plugin where that cannot start).
    case pangoFreeType
    /// Graphviz's `pango` plugin, on cairo.
    case graphvizPlugin
  }

  /// The context that draws `format` with text measured by `measurer`. Call only under `lock`.
  private func context(for format: Format, measurer: TextMeasurer) -> OpaquePointer? {
    switch (format, measurer) {
    case (.svg, .pangoFreeType), (.plain, .pangoFreeType):
      return context
    case (.png, _), (.pdf, _), (.svg, .graphvizPlugin), (.plain, .graphvizPlugin):
      guard measuresWithPangoFreeType else { return context }
      if let cairoContext { return cairoContext }
      let made = gvContext()
      cairoContext = .some(made)
      return made
    }
  }

  /// The widths Graphviz gives `texts` (in points, as stored in a label) in `fontName` at
  /// `fontSize` points, measured by `measurer`.
  package func textWidths(
    _ texts: [String], fontName: String, fontSize: Double, measurer: TextMeasurer
  ) -> [Double] {
    Self.preparation.wait()
    lock.lock()
    defer { lock.unlock() }
    guard let context = context(for: .svg, measurer: measurer) else { return [] }
    return texts.map { cgs_text_width(context, $0, fontName, fontSize) }
  }

  /// What libcgraph reads from a DOT text: the graph's name, its nodes and edges.
  package struct ParsedGraph: Sendable {
    /// The graph's name.
    package var name: String
    /// The node names, in the order the nodes were first seen.
    package var nodeNames: [String]
    /// The number of edges.
    package var edgeCount: Int
    /// Node attributes by node name, for the attributes the text sets.
    package var nodeAttributes: [String: [String: String]]

    /// The value of attribute `key` on node `name`, if set.
    package func attribute(_ key: String, ofNode name: String) -> String? {
      nodeAttributes[name]?[key]
    }
  }

  /// Parses `dot` with libcgraph, without laying it out: a check that the text we write is the
  /// graph we mean.
  ///
  /// - Throws: `GraphvizError` at the parse stage when libcgraph rejects the text.
  package func parse(dot: String) throws(GraphvizError) -> ParsedGraph {
    Self.preparation.wait()
    lock.lock()
    defer { lock.unlock() }
    _ = agreseterrors()
    pendingMessages = ""
    let saved = redirectStandardError()
    defer { restoreStandardError(saved) }
    guard let graph = cgs_read_graph(dot) else {
      throw GraphvizError(stage: .parse, messages: drainMessages(saved))
    }
    defer { agclose(graph) }
    var symbols: [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)] = []
    var symbol = agnxtattr(graph, Int32(AGNODE), nil)
    while let current = symbol {
      symbols.append((String(cString: current.pointee.name), current))
      symbol = agnxtattr(graph, Int32(AGNODE), current)
    }
    var parsed = ParsedGraph(
      name: String(cString: agnameof(UnsafeMutableRawPointer(graph))), nodeNames: [],
      edgeCount: 0, nodeAttributes: [:])
    var node = agfstnode(graph)
    while let current = node {
      let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
      parsed.nodeNames.append(name)
      var attributes: [String: String] = [:]
      for (key, symbol) in symbols {
        if let value = agxget(UnsafeMutableRawPointer(current), symbol) {
          let text = String(cString: value)
          if !text.isEmpty { attributes[key] = text }
        }
      }
      parsed.nodeAttributes[name] = attributes
      var edge = agfstout(graph, current)
      while let currentEdge = edge {
        parsed.edgeCount += 1
        edge = agnxtout(graph, currentEdge)
      }
      node = agnxtnode(graph, current)
    }
    if agerrors() >= Int32(AGERR.rawValue) {
      throw GraphvizError(stage: .parse, messages: drainMessages(saved))
    }
    return parsed
  }

  /// Points standard error at the capture file; returns the descriptor to restore, or `-1`.
  /// Call only under `lock`.
  private func redirectStandardError() -> Int32 {
    guard captureDescriptor >= 0, Self.capture.isOn else { return -1 }
    fflush(nil)
    let saved = dup(STDERR_FILENO)
    guard saved >= 0 else { return -1 }
    guard ftruncate(captureDescriptor, 0) == 0, lseek(captureDescriptor, 0, SEEK_SET) == 0,
      dup2(captureDescriptor, STDERR_FILENO) >= 0
    else {
      close(saved)
      return -1
    }
    return saved
  }

  /// Puts standard error back. Call only under `lock`, after `redirectStandardError()`.
  private func restoreStandardError(_ saved: Int32) {
    guard saved >= 0 else { return }
    fflush(nil)
    dup2(saved, STDERR_FILENO)
    close(saved)
  }

  /// What Graphviz wrote to standard error since the redirection. Call only under `lock`.
  private func capturedText(_ saved: Int32) -> String {
    guard saved >= 0 else { return "" }
    fflush(nil)
    let end = lseek(captureDescriptor, 0, SEEK_CUR)
    guard end > 0 else { return "" }
    var bytes = [UInt8](repeating: 0, count: Int(min(end, 1 << 20)))
    let count = bytes.withUnsafeMutableBytes {
      pread(captureDescriptor, $0.baseAddress, $0.count, 0)
    }
    guard count > 0 else { return "" }
    _ = ftruncate(captureDescriptor, 0)
    _ = lseek(captureDescriptor, 0, SEEK_SET)
    return String(decoding: bytes.prefix(count), as: UTF8.self)
  }

  /// The captured messages as lines without Graphviz's prefixes, emptied for the next call.
  /// Call only under `lock`.
  private func drainMessages(_ saved: Int32) -> [String] {
    let text = pendingMessages + capturedText(saved)
    pendingMessages = ""
    return text.split(whereSeparator: \.isNewline).map(Self.cleaned).filter { !$0.isEmpty }
  }

  /// A message line without surrounding spaces, the `Error: `/`Warning: ` level (the caller
  /// knows it) and the `(null): ` a plugin writes for the missing command name.
  static func cleaned(_ line: Substring) -> String {
    var text = line.trimmingCharacters(in: .whitespaces)[...]
    for prefix in ["(null): ", "Error: ", "Warning: "] where text.hasPrefix(prefix) {
      text = text.dropFirst(prefix.count)
    }
    return String(text)
  }
}

/// A closure for a new thread.
private final class ThreadJob: @unchecked Sendable {
  let run: () -> Void

  init(_ run: @escaping () -> Void) {
    self.run = run
  }
}

/// Where a thread leaves its result for the thread that joins it.
private final class Outcome<Value>: @unchecked Sendable {
  var value: Value?
}

/// A flag set once and read from any thread.
private final class Switch: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  /// Turns the switch on; true when it was off.
  @discardableResult
  func turnOn() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    let wasOff = !value
    value = true
    return wasOff
  }

  /// Turns the switch off; true when it was on.
  func turnOff() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    let wasOn = value
    value = false
    return wasOn
  }

  var isOn: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
