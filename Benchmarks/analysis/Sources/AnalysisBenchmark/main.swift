// Times the analysis library on large inputs, for Benchmarks/analysis/run.
//
//   AnalysisBenchmark grounded FILE.af OUT.txt   grounded extension of an ICCMA'23 file
//   AnalysisBenchmark dfquad LINKS SEED          DF-QuAD on a random acyclic map
//
// Each prints one JSON object with phase times (seconds) and peak memory on standard output.
import ArgumentAnalysis

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds on a monotonic clock.
func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The peak resident set of this process image, in bytes.
///
/// On Linux this is `VmHWM` from `/proc/self/status`: `getrusage`'s `ru_maxrss` survives `exec`,
/// so it would report the parent's peak (the Python driver's) instead of ours.
func peakResidentBytes() -> Int {
  #if os(Linux)
    if let file = fopen("/proc/self/status", "r") {
      defer { fclose(file) }
      var buffer = [CChar](repeating: 0, count: 256)
      while fgets(&buffer, Int32(buffer.count), file) != nil {
        let line = String(
          decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if line.hasPrefix("VmHWM:") {
          let digits = line.filter(\.isNumber)
          return (Int(digits) ?? 0) * 1024
        }
      }
    }
  #endif
  var usage = rusage()
  #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)
  #else
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss) * 1024
  #endif
}

func fail(_ message: String) -> Never {
  let text = "AnalysisBenchmark: error: " + message + "\n"
  let bytes = Array(text.utf8)
  _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  exit(1)
}

/// The whole file, read with `read(2)` into one buffer.
func readFile(_ path: String) -> [UInt8] {
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { fail("cannot open '\(path)'") }
  defer { close(descriptor) }
  var info = stat()
  guard fstat(descriptor, &info) == 0 else { fail("cannot stat '\(path)'") }
  let size = Int(info.st_size)
  var bytes = [UInt8](repeating: 0, count: size)
  var done = 0
  let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
    guard let base = buffer.baseAddress else { return size == 0 }
    while done < size {
      let count = read(descriptor, base + done, size - done)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return false }
      done += count
    }
    return true
  }
  guard ok else { fail("cannot read '\(path)'") }
  return bytes
}

/// Parses an ICCMA'23 `p af N` file: a header, then `i j` attack lines over 1...N; `#` lines are
/// comments. Returns 0-based attackers and attacked arguments.
func parseICCMA(_ bytes: [UInt8]) -> (count: Int, from: [UInt32], to: [UInt32]) {
  var count = -1
  var from: [UInt32] = []
  var to: [UInt32] = []
  from.reserveCapacity(bytes.count / 12)
  to.reserveCapacity(bytes.count / 12)
  var line = 1
  bytes.withUnsafeBufferPointer { text in
    var position = 0
    let end = text.count
    func skipSpaces() {
      while position < end && (text[position] == 32 || text[position] == 9 || text[position] == 13)
      {
        position += 1
      }
    }
    func number() -> Int? {
      skipSpaces()
      var value = 0
      var digits = 0
      while position < end, text[position] >= 48, text[position] <= 57 {
        value = value * 10 + Int(text[position] - 48)
        digits += 1
        position += 1
        if value > Int(UInt32.max) { return nil }
      }
      return digits > 0 ? value : nil
    }
    while position < end {
      let start = position
      if text[position] == 10 {
        position += 1
        line += 1
        continue
      }
      if text[position] == 35 {  // '#'
        while position < end && text[position] != 10 { position += 1 }
        continue
      }
      if count < 0 {
        // "p af N"
        guard end - position >= 4, text[position] == 112, text[position + 1] == 32,
          text[position + 2] == 97, text[position + 3] == 102
        else { fail("line \(line): expected 'p af N'") }
        position += 4
        guard let n = number() else { fail("line \(line): expected the number of arguments") }
        count = n
      } else {
        guard let a = number(), let b = number(), a >= 1, b >= 1, a <= count, b <= count else {
          fail("line \(line): expected two arguments between 1 and \(count)")
        }
        from.append(UInt32(a - 1))
        to.append(UInt32(b - 1))
      }
      skipSpaces()
      guard position >= end || text[position] == 10 else {
        fail("line \(line): unexpected text after column \(position - start + 1)")
      }
    }
  }
  guard count >= 0 else { fail("missing 'p af N' header") }
  return (count, from, to)
}

func grounded(_ input: String, _ output: String) {
  let baseline = peakResidentBytes()
  let t0 = now()
  let bytes = readFile(input)
  let t1 = now()
  let parsed = parseICCMA(bytes)
  let t2 = now()
  let framework = AttackFramework(
    argumentCount: parsed.count, attackers: parsed.from, attacked: parsed.to)
  let t3 = now()
  let membership = framework.groundedMembership()
  let t4 = now()
  let peak = peakResidentBytes()
  // The extension as an ICCMA'23 witness line, 1-based.
  var text = "w"
  var size = 0
  for (argument, isIn) in membership.enumerated() where isIn {
    text += " \(argument + 1)"
    size += 1
  }
  text += "\n"
  guard let file = fopen(output, "w") else { fail("cannot write '\(output)'") }
  _ = text.withCString { fputs($0, file) }
  fclose(file)
  let m = parsed.from.count
  print(
    "{\"arguments\": \(parsed.count), \"attacks\": \(m), \"grounded\": \(size), "
      + "\"read\": \(t1 - t0), \"parse\": \(t2 - t1), \"build\": \(t3 - t2), \"solve\": \(t4 - t3), "
      + "\"total\": \(t4 - t0), \"peakBytes\": \(peak), \"baselineBytes\": \(baseline)}")
}

/// A small, fast, seeded generator (SplitMix64), so runs are reproducible.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// An argument-map-shaped acyclic framework: every link goes from a later node to an earlier
/// one (evidence below claims below aims), 70% supports and 30% attacks, random base scores.
func dfquad(_ links: Int, _ seed: UInt64) {
  var random = SplitMix64(state: seed)
  let nodes = max(2, links / 2)
  let g0 = now()
  var scores = [Double](repeating: 0, count: nodes)
  for index in 0..<nodes { scores[index] = Double(random.below(1_000_001)) / 1_000_000 }
  var edges: [WeightedFramework.Edge] = []
  edges.reserveCapacity(links)
  for _ in 0..<links {
    let source = 1 + random.below(nodes - 1)
    let target = random.below(source)
    let polarity: WeightedFramework.Polarity = random.below(10) < 7 ? .support : .attack
    edges.append(.init(source, polarity, target, weight: 1))
  }
  let g1 = now()
  let framework = WeightedFramework(baseScores: scores, edges: edges)
  let t1 = now()
  let result = framework.strengths(.dfQuAD)
  let t2 = now()
  guard result.convergence == .exact, let strengths = result.strengths else {
    fail("expected an exact pass on an acyclic map")
  }
  var checksum = 0.0
  for value in strengths { checksum += value }
  print(
    "{\"nodes\": \(nodes), \"links\": \(links), \"generate\": \(g1 - g0), \"build\": \(t1 - g1), "
      + "\"solve\": \(t2 - t1), \"buildAndSolve\": \(t2 - g1), \"checksum\": \(checksum), "
      + "\"peakBytes\": \(peakResidentBytes())}")
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "grounded" where arguments.count == 4:
  grounded(arguments[2], arguments[3])
case "dfquad" where arguments.count == 4:
  guard let links = Int(arguments[2]), links >= 1, let seed = UInt64(arguments[3]) else {
    fail("dfquad takes a number of links and a seed")
  }
  dfquad(links, seed)
default:
  fail("usage: AnalysisBenchmark grounded FILE.af OUT.txt | dfquad LINKS SEED")
}
