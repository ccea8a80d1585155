// Ingest benchmark: generates an `.argmap` text of N nodes, then times parse + validate.
//
// Usage: ingest-benchmark NODES [REPEATS]
// Prints one tab-separated line: nodes, bytes, median wall seconds, MB/s, median CPU seconds,
// MB/s of CPU time, peak RSS (KiB),
// RSS per node (bytes). Run one size per process (see run.sh) so peak memory belongs to it.
// INGEST_PHASES=1 also prints parse and validate times apart; INGEST_LAYOUT=1 the model's strides.
import ArgumentMap
import Foundation

func generate(nodes: Int) -> [UInt8] {
  var text = "---\ntitle: Generated map of \(nodes) nodes\n---\n\n"
  text += "aim aim-0: The thesis the whole map argues for\n\n"
  text += "interpretation reading-a: One reading of the evidence\n  + aim-0\n\n"
  text.reserveCapacity(nodes * 110)
  let kinds = ["claim", "counterclaim", "evidence", "event"]
  for index in 1..<max(2, nodes - 1) {
    let kind = kinds[index % kinds.count]
    // Links go to an earlier node, so there are no cycles; every fifth is scoped.
    let target = index <= 4 ? "aim-0" : "n\(index / 2)"
    text += "\(kind) n\(index)"
    if kind == "event" { text += " (19\(10 + index % 80)-0\(1 + index % 9)-1\(index % 9))" }
    text += ": Statement number \(index) of the generated argument, with some words\n"
    if index % 3 == 0 { text += "  source: Generated source \(index)\n" }
    let targetKindIndex = index / 2
    let targetIsLower =
      index > 4 && ["evidence", "event"].contains(kinds[targetKindIndex % kinds.count])
      && !["evidence", "event"].contains(kind)
    let relation = targetIsLower ? "-" : (index % 4 == 0 ? "-" : "+")
    text += "  \(relation) \(target)"
    if index % 5 == 0 { text += " [reading-a]" }
    text += ": because of reason \(index)\n\n"
  }
  return Array(text.utf8)
}

func peakRSSKiB() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Int(usage.ru_maxrss)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let nodes = Int(arguments[1]) else {
  FileHandle.standardError.write(Data("usage: ingest-benchmark NODES [REPEATS]\n".utf8))
  exit(64)
}
let repeats = arguments.count >= 3 ? Int(arguments[2]) ?? 5 : 5
let bytes = generate(nodes: nodes)
let baselineKiB = peakRSSKiB()
var seconds: [Double] = []
var cpuSeconds: [Double] = []
func cpuNow() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
var checkedNodes = 0
var errors = 0
for _ in 0..<repeats {
  let cpuStart = cpuNow()
  let start = DispatchTime.now().uptimeNanoseconds
  let result = ArgumentMapParser.check(utf8: bytes)
  let end = DispatchTime.now().uptimeNanoseconds
  cpuSeconds.append(cpuNow() - cpuStart)
  seconds.append(Double(end - start) / 1e9)
  checkedNodes = result.map.nodes.count
  errors = result.diagnostics.filter(\.isError).count
}
guard errors == 0 else {
  FileHandle.standardError.write(Data("generated map has \(errors) errors\n".utf8))
  exit(1)
}
seconds.sort()
cpuSeconds.sort()
let median = seconds[seconds.count / 2]
let cpuMedian = cpuSeconds[cpuSeconds.count / 2]
let megabytes = Double(bytes.count) / 1_000_000
let peak = peakRSSKiB()
let line = [
  "\(checkedNodes)", "\(bytes.count)", String(format: "%.4f", median),
  String(format: "%.1f", megabytes / median), String(format: "%.4f", cpuMedian),
  String(format: "%.1f", megabytes / cpuMedian), "\(peak)",
  String(format: "%.0f", Double((peak - baselineKiB) * 1024) / Double(checkedNodes)),
].joined(separator: "\t")
print(line)
if ProcessInfo.processInfo.environment["INGEST_PHASES"] == "1" {
  var parseTimes: [Double] = []
  var validateTimes: [Double] = []
  for _ in 0..<repeats {
    let t0 = DispatchTime.now().uptimeNanoseconds
    let parsed = ArgumentMapParser.parse(utf8: bytes)
    let t1 = DispatchTime.now().uptimeNanoseconds
    _ = parsed.map.validate(sourceMap: parsed.sourceMap)
    let t2 = DispatchTime.now().uptimeNanoseconds
    parseTimes.append(Double(t1 - t0) / 1e9)
    validateTimes.append(Double(t2 - t1) / 1e9)
  }
  parseTimes.sort()
  validateTimes.sort()
  print("phases: parse \(parseTimes[repeats / 2]) s, validate \(validateTimes[repeats / 2]) s")
}
if ProcessInfo.processInfo.environment["INGEST_LAYOUT"] == "1" {
  print(
    "stride Node \(MemoryLayout<Node>.stride), Link \(MemoryLayout<Link>.stride), "
      + "DateSpan? \(MemoryLayout<DateSpan?>.stride), NodeSpans \(MemoryLayout<SourceMap.NodeSpans>.stride), "
      + "LinkSpans \(MemoryLayout<SourceMap.LinkSpans>.stride)")
}
