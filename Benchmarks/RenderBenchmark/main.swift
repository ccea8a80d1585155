// Rendering benchmark: synthetic maps of growing size, rendered in-process.
//
//   RenderBenchmark maps DIR     writes map-50/200/1000.argmap into DIR (for the CLI comparison)
//   RenderBenchmark             prints per-render medians and the RSS over repeated renders
//
// Figures only; the machine is shared and noisy, so compare within one run (see render.sh).
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

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "maps", let folder = arguments.dropFirst().first {
  for size in [50, 200, 1000] {
    let path = folder + "/map-\(size).argmap"
    try ArgumentMapPrinter.print(syntheticMap(nodes: size)).write(
      toFile: path, atomically: true, encoding: .utf8)
    print(path)
  }
  exit(0)
}

let renderer = MapRenderer()
let coldMap = syntheticMap(nodes: 50)
let cold = try seconds { _ = try renderer.render(coldMap, format: .svg) }
let warm = try seconds { _ = try renderer.render(coldMap, format: .svg) }
print(
  "first render in this process (plugins, fonts):", milliseconds(cold), " second:",
  milliseconds(warm))
print("in-process rendering (median of N; scene+DOT is the pure-Swift part)")
print("nodes  links   N   scene+DOT   libgvc svg   full svg       png      worksheet svg")
for (size, repeats) in [(50, 40), (200, 15), (1000, 5)] {
  let map = syntheticMap(nodes: size)
  let links = map.nodes.reduce(0) { $0 + $1.links.count }
  _ = try renderer.render(map, format: .svg)  // warm-up: plugins, fonts
  var dot: [Double] = []
  var svg: [Double] = []
  var graphviz: [Double] = []
  let dotText = String(decoding: try renderer.render(map, format: .dot), as: UTF8.self)
  var png: [Double] = []
  var worksheet: [Double] = []
  let blanks = SceneOptions(blankKinds: [.event])
  for _ in 0..<repeats {
    dot.append(try seconds { _ = try renderer.render(map, format: .dot) })
    graphviz.append(try seconds { _ = try Graphviz.shared.render(dot: dotText, format: .svg) })
    svg.append(try seconds { _ = try renderer.render(map, format: .svg) })
    if size <= 200 { png.append(try seconds { _ = try renderer.render(map, format: .png) }) }
    worksheet.append(
      try seconds { _ = try renderer.render(map, options: blanks, format: .svg) })
  }
  print(
    String(format: "%5d  %5d  %3d", size, links, repeats), milliseconds(median(dot)),
    milliseconds(median(graphviz)), milliseconds(median(svg)),
    png.isEmpty ? "       (skipped)" : milliseconds(median(png)),
    milliseconds(median(worksheet)))
}

print("\nmemory: RSS over repeated SVG renders of the 50-node map (a leak grows it linearly)")
let small = syntheticMap(nodes: 50)
_ = try renderer.render(
  small, view: .timeline, options: SceneOptions(showsLegend: true), format: .svg)
var samples: [(Int, Int)] = [(0, residentKiB())]
for round in 1...1000 {
  _ = try renderer.render(
    small, view: round.isMultiple(of: 2) ? .argument : .timeline,
    options: SceneOptions(showsLegend: true), format: .svg)
  if round % 250 == 0 { samples.append((round, residentKiB())) }
}
for (round, kib) in samples { print(String(format: "  after %4d renders: %7d KiB", round, kib)) }
let growth = samples[samples.count - 1].1 - samples[1].1
print(
  String(
    format: "  growth from render 250 to 1000: %d KiB (%.0f bytes per render)", growth,
    Double(growth) * 1024 / 750))
