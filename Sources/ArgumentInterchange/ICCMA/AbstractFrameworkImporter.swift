import ArgumentMap

/// Imports abstract argumentation frameworks, the solvers' formats: ICCMA 2023 (`p af N`),
/// ASPARTIX (`arg(a).` / `att(a,b).`) and the Trivial Graph Format, the last two being the ICCMA
/// 2015–2021 formats as well.
///
/// The mapping, the same for the three formats:
///
/// - Each argument becomes a **claim** node, in the order the file declares them (ICCMA: 1…N);
///   each attack an **opposes** link from the attacker to the attacked argument.
/// - A self-attack (`3 3`, `att(a,a).`) is kept as an opposes link from the node to itself: an
///   argument that defeats itself, which no extension contains.
/// - Ids: an ICCMA argument `i` becomes `a<i>` (`a1`, `a2`, ...), unless a comment line
///   `# i name` (as `argmap export --format iccma` writes) names it with a valid id. ASPARTIX
///   and TGF names that are valid ids are kept (`a1`, `arg_7`); a name of digits gets an `a`
///   in front (`12` → `a12`); any other name becomes a slug; clashes get `-2`, `-3`.
/// - A node's text is its name as written (ICCMA: `Argument i`).
/// - An attack given twice is a warning and kept once; a name declared twice likewise.
/// - Malformed lines, attacks on arguments that do not exist, a missing `p af` line and bytes
///   that are not UTF-8 are errors, each at its line and column; reading goes on after each, so
///   every problem is reported at once.
///
/// - Complexity: O(*n* + *m*) for *n* arguments and *m* attacks, apart from the positions of
///   the diagnostics.
public enum AbstractFrameworkImporter {
  /// The most arguments an ICCMA `p af N` header may declare, so that a twelve-byte file
  /// cannot make the import build a billion nodes; ASPARTIX and TGF declare every argument by
  /// name, so the file's size bounds them.
  public static let defaultMaximumArguments = 10_000_000

  /// Imports an ICCMA 2023 `.af` file.
  ///
  /// - Parameters:
  ///   - utf8: The file's bytes.
  ///   - maximumArguments: The largest `N` accepted in `p af N`; larger is an error.
  /// - Returns: The best-effort map and every problem, located by line and column.
  public static func iccma(utf8: [UInt8], maximumArguments: Int = defaultMaximumArguments)
    -> ImportResult
  {
    var reader = ICCMAReader(bytes: utf8, maximumArguments: maximumArguments)
    return reader.read()
  }

  /// Imports an ASPARTIX `.apx` file.
  ///
  /// - Parameter utf8: The file's bytes.
  /// - Returns: The best-effort map and every problem, located by line and column.
  public static func apx(utf8: [UInt8]) -> ImportResult {
    var reader = APXReader(bytes: utf8)
    return reader.read()
  }

  /// Imports a Trivial Graph Format `.tgf` file: argument lines, a `#` line, attack lines.
  ///
  /// - Parameter utf8: The file's bytes.
  /// - Returns: The best-effort map and every problem, located by line and column.
  public static func tgf(utf8: [UInt8]) -> ImportResult {
    var reader = TGFReader(bytes: utf8)
    return reader.read()
  }
}

/// What the three readers share: the attacks found so far, duplicate detection, and turning
/// arguments and attacks into a map with positions.
struct FrameworkBuilder {
  /// The format's short name, the first part of diagnostic ids (`iccma`, `apx`, `tgf`).
  let format: String
  let lines: LineTable
  var diagnostics: [Diagnostic] = []
  /// For attack `k`: attacker, attacked, and the bytes of the line or fact that gives it.
  var attackers: [UInt32] = []
  var attacked: [UInt32] = []
  var attackSpans: [SourceMap.Span] = []
  /// The first attack for each (attacker, attacked) pair, to merge repeats.
  private var firstAttack: [UInt64: Int32] = [:]

  init(format: String, bytes: [UInt8]) {
    self.format = format
    self.lines = LineTable(bytes)
    if let offset = Self.firstInvalidUTF8(bytes) {
      diagnostics.append(DiagnosticMessages.invalidUTF8(range: lines.range(at: offset)))
    }
  }

  /// Records an attack at `span` (bytes), unless the same attack was given before; `describe`
  /// writes the attack as the file does, for the warning.
  mutating func addAttack(
    _ attacker: Int, _ target: Int, at span: Range<Int>, describe: () -> String
  ) {
    let key = UInt64(attacker) << 32 | UInt64(target)
    let index = Int32(truncatingIfNeeded: attackers.count)
    if let first = firstAttack.updateValue(index, forKey: key) {
      firstAttack[key] = first
      let firstSpan = attackSpans[Int(first)]
      diagnostics.append(
        DiagnosticMessages.frameworkDuplicateAttack(
          format, describe(), range: lines.range(span),
          first: lines.range(Int(firstSpan.start)..<Int(firstSpan.end))))
      return
    }
    attackers.append(UInt32(attacker))
    attacked.append(UInt32(target))
    attackSpans.append(SourceMap.Span(span.lowerBound, span.upperBound))
  }

  /// The map: a claim per argument, with its attacks as opposes links in the order given.
  ///
  /// - Parameters:
  ///   - ids: The node id of each argument.
  ///   - texts: The text of each argument.
  ///   - declared: Where each argument is declared (bytes).
  /// - Returns: The map, the diagnostics so far, and where each node and link was written.
  func result(ids: [NodeID], texts: [String], declared: [SourceMap.Span]) -> ImportResult {
    let count = ids.count
    // Group the attacks by attacker, keeping the file's order within each group.
    var offsets = [Int](repeating: 0, count: count + 1)
    for attacker in attackers { offsets[Int(attacker) + 1] += 1 }
    for index in 0..<count { offsets[index + 1] += offsets[index] }
    var order = [Int32](repeating: 0, count: attackers.count)
    var cursor = offsets
    for (index, attacker) in attackers.enumerated() {
      order[cursor[Int(attacker)]] = Int32(index)
      cursor[Int(attacker)] += 1
    }
    var nodes: [Node] = []
    nodes.reserveCapacity(count)
    var sourceMap = SourceMap(importedFrom: lines)
    var linkSpans: [SourceMap.Span] = []
    for argument in 0..<count {
      var links: [Link] = []
      linkSpans.removeAll(keepingCapacity: true)
      let group = offsets[argument]..<offsets[argument + 1]
      links.reserveCapacity(group.count)
      for slot in group {
        let attack = Int(order[slot])
        links.append(Link(.opposes, .node(ids[Int(attacked[attack])])))
        linkSpans.append(attackSpans[attack])
      }
      nodes.append(Node(.claim, ids[argument], texts[argument], links: links))
      sourceMap.appendImportedNode(
        at: declared[argument], date: nil, strength: nil, links: linkSpans, flags: 0)
    }
    return ImportResult(
      map: ArgumentMap(nodes: nodes), diagnostics: diagnostics, sourceMap: sourceMap)
  }

  /// Node ids for names as written: valid ids kept, digits prefixed with `a`, others slugged;
  /// names are unique already, and the ids come out unique too.
  static func ids(forNames names: [String]) -> [NodeID] {
    var allocator = IDAllocator()
    var ids: [NodeID?] = Array(repeating: nil, count: names.count)
    for (index, name) in names.enumerated() where NodeID.isValid(name) {
      if allocator.reserve(name) { ids[index] = NodeID(name) }
    }
    for (index, name) in names.enumerated() where ids[index] == nil {
      let isNumber = !name.isEmpty && name.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      ids[index] = allocator.id(forName: isNumber ? "a" + name : name)
    }
    return ids.map { $0 ?? NodeID("node") }
  }

  /// The offset of the first byte that does not belong to valid UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    let isASCII = bytes.withUnsafeBufferPointer { buffer in
      buffer.allSatisfy { $0 < 0x80 }
    }
    if isASCII { return nil }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var consumed = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): consumed += scalar.utf8.count
      case .emptyInput: return nil
      case .error: return consumed
      }
    }
  }
}

/// Byte-level helpers for the line-oriented readers.
enum FrameworkBytes {
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The blank-separated words of `bytes[range]`, as byte ranges.
  static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    var index = range.lowerBound
    while index < range.upperBound {
      while index < range.upperBound, isBlank(bytes[index]) { index += 1 }
      let start = index
      while index < range.upperBound, !isBlank(bytes[index]) { index += 1 }
      if index > start { words.append(start..<index) }
    }
    return words
  }

  /// The text of a run of bytes (invalid UTF-8 reads as U+FFFD; it has its own error).
  static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// A word quoted in a message, clipped so a huge word does not flood the terminal.
  static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let clipped = range.lowerBound..<min(range.upperBound, range.lowerBound + 40)
    return text(bytes, clipped) + (clipped.count < range.count ? "..." : "")
  }

  /// The decimal value of a run of digits, or `nil` when it is not all digits or exceeds `limit`.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int)
    -> Int?
  {
    guard !range.isEmpty else { return nil }
    var value = 0
    for index in range {
      let byte = bytes[index]
      guard isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
      if value > limit { return nil }
    }
    return value
  }

  /// The lines of the text, each without its line break (and the `\r` of a CRLF), as ranges;
  /// a byte order mark at the start is left out.
  static func forEachLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void
  ) {
    var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var index = start
    while index < bytes.count {
      if bytes[index] == 0x0A {
        var end = index
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        body(start..<end)
        start = index + 1
      }
      index += 1
    }
    if start < bytes.count {
      var end = bytes.count
      if end > start, bytes[end - 1] == 0x0D { end -= 1 }
      body(start..<end)
    }
  }
}
