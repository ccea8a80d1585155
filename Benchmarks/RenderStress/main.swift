// Render stress: thousands of random maps drawn through libgvc in one process (see
// Scripts/render-stress.sh, run by .ci/run).
//
//   RenderStress [MAPS] [--max-growth-kib N]
//
// Each map (RandomMaps, seeds 1...MAPS) is drawn as SVG in one of four views in turn: the map, the
// timeline, a worksheet, and the map read under one interpretation. Any error is a failure (the
// maps are random but drawable), and so is a crash or a Graphviz abort, which ends the process.
// Memory: the resident set size is sampled every tenth of the run; after the first tenth
// (warm-up: fonts, plugins, allocator pools) it may grow by at most 24 KiB a map, or
// --max-growth-kib in all: the map views draw For and Against boxes, where Graphviz itself leaks
// (see below). Then MAPS/5 more maps are drawn in boxes of their own (legend, comparison); their
// growth per map is reported and bounded (24 KiB). Exit status 0 when all holds.
import ArgumentMap
import ArgumentMapGraphviz
import Foundation
import TestSupport

/// The view drawn for map `seed`: the map, the timeline, a worksheet and the map read under one
/// interpretation in turn (the map itself where there is no interpretation).
func view(of map: ArgumentMap, seed: Int) -> (MapView, SceneOptions) {
  switch seed % 4 {
  case 0: return (.argument, SceneOptions(showsReasoning: seed % 8 != 0))
  case 1: return (.timeline, SceneOptions())
  case 2: return (.argument, SceneOptions(worksheet: seed % 3 == 0 ? .all : .events))
  default:
    let scope = map.interpretations.map(\.id).first {
      map.node(withID: $0)?.kind == .interpretation
    }
    return (.argument, SceneOptions(scope: scope))
  }
}

/// A view drawn in boxes (Graphviz clusters): the legend, or the comparison of two
/// interpretations where the map has them.
func boxedView(of map: ArgumentMap, seed: Int) -> (MapView, SceneOptions) {
  let interpretations = map.interpretations.map(\.id).filter {
    map.node(withID: $0)?.kind == .interpretation
  }
  guard seed % 2 == 0, interpretations.count >= 2, interpretations[0] != interpretations[1] else {
    return (seed % 3 == 0 ? .timeline : .argument, SceneOptions(showsLegend: true))
  }
  return (.comparison(interpretations[0], interpretations[1]), SceneOptions())
}

/// Draws maps `seeds` in the views `choose` gives; prints failures and returns their count, the
/// SVG bytes and the RSS samples (KiB) taken every `sampleEvery` maps.
func run(
  _ seeds: ClosedRange<Int>, sampleEvery: Int,
  view choose: (ArgumentMap, Int) -> (MapView, SceneOptions)
) -> (failures: Int, bytes: Int, samples: [(maps: Int, kib: Int)]) {
  let renderer = MapRenderer(idPrefix: "stress")
  var failures = 0
  var bytes = 0
  var samples: [(maps: Int, kib: Int)] = []
  var refusedByValidator = 0
  for seed in seeds {
    let map = RandomMaps.map(seed: UInt64(seed))
    let (view, options) = choose(map, seed)
    do {
      let svg = try renderer.render(map, view: view, options: options, format: .svg)
      bytes += svg.count
      if !svg.starts(with: Array("<svg ".utf8)) {
        print("FAIL: seed \(seed), \(view): the output is not an SVG")
        failures += 1
      }
    } catch {
      // Graphviz 2.42's spline router can lose an edge of a map whose links run in circles
      // through a fixed row; such maps are invalid (`argmap render` refuses them), so that one
      // error is allowed there and counted. Anything else is a failure.
      if case .graphviz = error, map.validate().containsErrors {
        refusedByValidator += 1
      } else {
        print("FAIL: seed \(seed), \(view): \(error)")
        failures += 1
      }
    }
    let done = seed - seeds.lowerBound + 1
    if done % sampleEvery == 0 { samples.append((done, (residentBytes() ?? 0) / 1024)) }
  }
  if refusedByValidator > 0 {
    print(
      "  \(refusedByValidator) invalid maps that Graphviz could not route (argmap refuses them)")
  }
  return (failures, bytes, samples)
}

func main() -> Int32 {
  var arguments = Array(CommandLine.arguments.dropFirst())
  // Every map view of the teaching layout draws For and Against boxes, and libgvc 2.42/2.43's
  // dot keeps the auxiliary and virtual edges it makes for edges that cross a box's border
  // (class1's make_aux_edge, class2's virtual_edge): about 19 KB a drawing, measured; the same
  // maps with their boxes left out stay flat (40.5 -> 41.5 MB over 3,000 maps). Bounded per map,
  // not flat.
  let maximumBytesPerMap = 24 * 1024
  var growthLimit: Int?
  let maximumBoxedLeak = maximumBytesPerMap
  if let flag = arguments.firstIndex(of: "--max-growth-kib"), flag + 1 < arguments.count,
    let value = Int(arguments[flag + 1])
  {
    growthLimit = value
    arguments.removeSubrange(flag...flag + 1)
  }
  let count = arguments.first.flatMap { Int($0) } ?? 10_000
  guard count >= 10 else {
    print("usage: RenderStress [MAPS >= 10] [--max-growth-kib N]")
    return 64
  }
  if let seed = ProcessInfo.processInfo.environment["STRESS_DOT"].flatMap({ Int($0) }) {
    let map = RandomMaps.map(seed: UInt64(seed))
    let (view, options) = view(of: map, seed: seed)
    let dot = (try? map.scene(view, options: options)).map {
      Array(DOTWriter(idPrefix: "stress").dot(for: $0).utf8)
    }
    print(String(decoding: dot ?? [], as: UTF8.self))
    return 0
  }
  var start = Date()
  let flat = run(1...count, sampleEvery: count / 10, view: view)
  var seconds = Date().timeIntervalSince(start)
  print(
    String(
      format:
        "render stress: %d maps (map, timeline, worksheet, scoped) in %.1f s (%.2f ms a map), %.1f MB of SVG",
      count, seconds, seconds * 1000 / Double(count), Double(flat.bytes) / 1e6))
  for sample in flat.samples {
    print(String(format: "  RSS at map %6d: %7d KiB", sample.maps, sample.kib))
  }
  let growth = flat.samples[flat.samples.count - 1].kib - flat.samples[0].kib
  let maximumGrowth =
    growthLimit ?? (count - flat.samples[0].maps) * maximumBytesPerMap / 1024
  print(
    "  growth from map \(flat.samples[0].maps) to \(count): \(growth) KiB"
      + " (limit \(maximumGrowth) KiB)")
  var failures = flat.failures
  if growth > maximumGrowth {
    print("FAIL: memory grew by \(growth) KiB after warm-up")
    failures += 1
  }
  // Views in boxes of their own: the legend and the comparison, on top of the map's boxes.
  let boxedCount = count / 5
  start = Date()
  let boxed = run(
    count + 1...count + boxedCount, sampleEvery: boxedCount / 10, view: boxedView)
  seconds = Date().timeIntervalSince(start)
  let boxedGrowth = boxed.samples[boxed.samples.count - 1].kib - boxed.samples[0].kib
  let perMap = Double(boxedGrowth) * 1024 / Double(boxedCount - boxed.samples[0].maps)
  print(
    String(
      format: "render stress: %d maps in boxes (legend, comparison) in %.1f s; RSS %d -> %d KiB,"
        + " %.0f bytes a map (limit %d)", boxedCount, seconds, boxed.samples[0].kib,
      boxed.samples[boxed.samples.count - 1].kib, perMap, maximumBoxedLeak))
  failures += boxed.failures
  if perMap > Double(maximumBoxedLeak) {
    print("FAIL: drawings in boxes leak more than \(maximumBoxedLeak) bytes each")
    failures += 1
  }
  if failures > 0 {
    print("render stress: FAIL (\(failures) failures)")
    return 1
  }
  print("render stress: OK")
  return 0
}

exit(main())
