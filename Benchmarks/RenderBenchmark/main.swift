// Rendering benchmark: synthetic maps, rendered in-process (see Benchmarks/render.sh).
//
//   RenderBenchmark maps DIR   writes map-50.argmap, map-2000.argmap and small/small-NNN.argmap
//                              (200 maps of 12 statements) into DIR, for the CLI comparison
//   RenderBenchmark leak       1,000 SVG renders of the 50-node map in this process: RSS at
//                              renders 1, 250, 500 and 1,000, and the time to the first render
//   RenderBenchmark warm FILE  the map in FILE drawn as SVG again and again in this process, as
//                              lesson notes, batches and a live preview draw: renders a second
//
// Figures only; the machine is shared and noisy, so compare within one run.
import ArgumentMap
import ArgumentMapGraphviz
import Foundation

/// A deterministic map shaped like a big essay: one aim, sub-aims, claims, dated events and
/// evidence linking upwards, two interpretations with scoped readings, some undercuts.
func syntheticMap(nodes count: Int) -> ArgumentMap {
  var nodes: [Node] = [
    Node(.mainAim, "aim", "The policy achieved security for the state by 1941"),
    Node(.interpretation, "view-a", "A reading that stresses expansion and opportunism"),
    Node(.interpretation, "view-b", "A reading that stresses defence against invasion"),
  ]
  let subAims = max(2, count / 25)
  let claims = max(4, count / 6)
  for index in 0..<subAims where nodes.count < count {
    nodes.append(
      Node(
        .subAim, NodeID("sub-\(index)"), "Sub-aim number \(index) that serves the main aim",
        links: [Link(.supports, .node("aim"), reasoning: "sub-aim \(index) serves the aim")]))
  }
  for index in 0..<claims where nodes.count < count {
    let target = NodeID("sub-\(index % subAims)")
    nodes.append(
      Node(
        index % 5 == 4 ? .counterclaim : .claim, NodeID("claim-\(index)"),
        "Claim \(index): a statement about the policy that the essay argues for",
        links: [Link(index % 5 == 4 ? .opposes : .supports, .node(target))]))
  }
  var evidence = 0
  while nodes.count < count {
    let claim = NodeID("claim-\(evidence % claims)")
    let isEvent = evidence % 3 != 2
    var links = [Link(evidence % 4 == 3 ? .opposes : .supports, .node(claim))]
    if evidence % 7 == 0 {
      links.append(Link(.supports, .node(NodeID("sub-\(evidence % subAims)")), scope: "view-a"))
      links.append(Link(.opposes, .node(NodeID("sub-\(evidence % subAims)")), scope: "view-b"))
    }
    if evidence % 11 == 5, evidence > 0 {
      links.append(
        Link(
          .undercuts,
          .link(from: NodeID("ev-\(evidence - 1)"), to: NodeID("claim-\((evidence - 1) % claims)")))
      )
    }
    nodes.append(
      Node(
        isEvent ? .event : .evidence, NodeID("ev-\(evidence)"),
        "Evidence \(evidence): a treaty, a speech or a statistic from the period",
        date: isEvent
          ? DateSpan(
            start: HistoricalDate(year: 1928 + evidence % 14, month: 1 + evidence % 12)) : nil,
        links: links))
    evidence += 1
  }
  return ArgumentMap(
    metadata: Metadata(title: "Synthetic map of \(count) statements"), nodes: nodes)
}

/// Resident set size of this process, in KiB (Linux `/proc/self/status`).
func residentKiB() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return -1
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
    return Int(line.split(separator: " ")[1]) ?? -1
  }
  return -1
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func milliseconds(_ value: Double) -> String {
  String(format: "%8.2f ms", value * 1000)
}

func main() throws {
  let arguments = Array(CommandLine.arguments.dropFirst())
  if arguments.first == "maps", arguments.count == 2 {
    let folder = arguments[1]
    try FileManager.default.createDirectory(
      atPath: folder + "/small", withIntermediateDirectories: true)
    for size in [50, 2000] {
      let path = folder + "/map-\(size).argmap"
      try ArgumentMapPrinter.print(syntheticMap(nodes: size)).write(
        toFile: path, atomically: true, encoding: .utf8)
      print(path)
    }
    for index in 1...200 {
      var map = syntheticMap(nodes: 12)
      map.metadata.title = "Small map \(index)"
      let path = folder + "/small/" + String(format: "small-%03d.argmap", index)
      try ArgumentMapPrinter.print(map).write(toFile: path, atomically: true, encoding: .utf8)
    }
    print(folder + "/small/small-001...200.argmap")
    return
  }
  if arguments.first == "phases" {
    try phases()
    return
  }
  if arguments.first == "warm", arguments.count == 2 {
    try warm(file: arguments[1])
    return
  }
  guard arguments.first == "leak", arguments.count <= 3 else {
    print(
      "usage: RenderBenchmark maps DIR | RenderBenchmark leak [--no-reasoning] | "
        + "RenderBenchmark phases | RenderBenchmark warm FILE")
    exit(64)
  }
  let options = SceneOptions(showsReasoning: !arguments.contains("--no-reasoning"))
  let isGraphvizOnly = arguments.contains("--graphviz-only")

  let renderer = MapRenderer()
  let map = syntheticMap(nodes: 50)
  var dotText = String(decoding: try renderer.render(map, format: .dot), as: UTF8.self)
  if let file = ProcessInfo.processInfo.environment["LEAK_DOT"] {
    dotText = try String(contentsOfFile: file, encoding: .utf8)
  }
  var samples: [(Int, Int)] = []
  var times: [Double] = []
  for round in 1...1000 {
    times.append(
      try seconds {
        if isGraphvizOnly {
          _ = try Graphviz.shared.render(dot: dotText, format: .svg)
        } else {
          _ = try renderer.render(map, options: options, format: .svg)
        }
      })
    if [1, 250, 500, 1000].contains(round) { samples.append((round, residentKiB())) }
  }
  print(
    "time to first render (process-wide libgvc start, plugins, fonts):", milliseconds(times[0]),
    " later renders, median:", milliseconds(median(Array(times.dropFirst()))))
  print(
    "RSS over 1,000 SVG renders of the 50-node map in one process",
    options.showsReasoning ? "(reasoning on the edges):" : "(no edge labels but scopes):")
  for (round, kib) in samples { print(String(format: "  render %4d: %7d KiB", round, kib)) }
  let growth = samples[samples.count - 1].1 - samples[1].1
  print(
    String(
      format: "  growth from render 250 to 1,000: %d KiB (%.0f bytes per render)", growth,
      Double(growth) * 1024 / 750))
}

/// Warm renders of one map in one process: the first render (which loads Graphviz's plugins
/// and fonts) apart, then the median of 200 renders and the renders a second it gives.
func warm(file: String) throws {
  let source = try String(contentsOfFile: file, encoding: .utf8)
  let result = ArgumentMapParser.check(source)
  guard !result.hasErrors else { throw RenderBenchmarkError.invalidMap(file) }
  let renderer = MapRenderer()
  let first = try seconds { _ = try renderer.render(result.map, format: .svg) }
  var times: [Double] = []
  for _ in 1...200 {
    times.append(try seconds { _ = try renderer.render(result.map, format: .svg) })
  }
  let typical = median(times)
  print(
    "\(file): first render", milliseconds(first), "; warm renders, median of 200:",
    milliseconds(typical), String(format: "(%.0f renders a second)", 1 / typical))
}

enum RenderBenchmarkError: Error {
  case invalidMap(String)
}

/// Where the time of drawing the 50-node map goes once Graphviz is loaded: medians of 300
/// rounds of each step in one process.
func phases() throws {
  let map = syntheticMap(nodes: 50)
  let renderer = MapRenderer()
  _ = try renderer.render(map, format: .svg)
  var scene: [Double] = []
  var dot: [Double] = []
  var graphviz: [Double] = []
  var whole: [Double] = []
  for _ in 1...300 {
    var built = Scene(name: "", title: "")
    scene.append(try seconds { built = try map.scene(.argument) })
    var text = ""
    dot.append(seconds { text = DOTWriter(idPrefix: "argmap").dot(for: built) })
    graphviz.append(try seconds { _ = try Graphviz.shared.render(dot: text, format: .svg) })
    whole.append(try seconds { _ = try renderer.render(map, format: .svg) })
  }
  let parts = [median(scene), median(dot), median(graphviz)]
  print("50-node map, medians of 300 rounds in one process:")
  print("  scene:", milliseconds(parts[0]), " DOT:", milliseconds(parts[1]))
  print("  Graphviz layout and SVG:", milliseconds(parts[2]))
  print(
    "  whole render:", milliseconds(median(whole)), " of which the SVG pass and the rest:",
    milliseconds(median(whole) - parts.reduce(0, +)))
}

do {
  try main()
} catch {
  print("RenderBenchmark: \(error)")
  exit(1)
}
