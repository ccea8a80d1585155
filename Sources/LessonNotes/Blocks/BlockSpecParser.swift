import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz

/// Reads the option lines at the top of an `argmap` block.
///
/// An option line is `key: value` with the key at the start of the line, lower-case; the first
/// line that is not one (a blank line, `---` front matter, a `#` comment, a node such as
/// `aim security: ...`) starts the inline map. Node lines never match, since a node's keyword is
/// followed by a space and an id, not by a colon.
enum BlockSpecParser {
  /// The option keys, in the order the docs list them.
  static let keys = [
    "map", "view", "compare", "table", "frame", "matrix", "scope", "blank", "blank-kind", "legend",
    "reasoning",
    "caption", "alt", "answers", "word-bank", "judgement-sheet", "distractors", "width", "report",
    "page", "focus", "depth",
  ]

  /// Parses `content`; returns the spec (nil when the block cannot be drawn) and the problems.
  static func parse(_ content: [UInt8]) -> (BlockSpec?, [BlockProblem]) {
    var problems: [BlockProblem] = []
    func problem(_ diagnostic: Diagnostic, _ range: Range<Int>) {
      problems.append(BlockProblem(diagnostic: diagnostic, range: range))
    }
    var options: [(key: String, value: String, keyRange: Range<Int>, valueStart: Int)] = []
    var position = 0
    while position < content.count {
      let lineEnd = content[position...].firstIndex(of: UInt8(ascii: "\n")) ?? content.count
      var textEnd = lineEnd
      if textEnd > position, content[textEnd - 1] == UInt8(ascii: "\r") { textEnd -= 1 }
      guard let option = optionLine(content, position..<textEnd) else {
        guard let key = optionWithoutColon(content, position..<textEnd) else { break }
        let colon = position + key.utf8.count
        problem(DiagnosticMessages.notesOptionWithoutColon(key), colon..<colon)
        position = min(content.count, lineEnd + 1)
        continue
      }
      options.append(option)
      position = min(content.count, lineEnd + 1)
    }
    let mapStart = position
    var seen: Set<String> = []
    var spec = BlockSpec(source: .inline(contentOffset: mapStart))
    var content_: BlockSpec.Content?
    var view: BlockSpec.DiagramView?
    var answers = true
    for option in options {
      let valueRange = option.valueStart..<(option.valueStart + option.value.utf8.count)
      guard keys.contains(option.key) else {
        problem(
          DiagnosticMessages.notesUnknownOption(option.key, suggestion: nearest(option.key)),
          option.keyRange)
        continue
      }
      guard seen.insert(option.key).inserted else {
        problem(DiagnosticMessages.notesRepeatedOption(option.key), option.keyRange)
        continue
      }
      spec.valueOffsets[option.key] = option.valueStart
      let value = option.value
      if value.isEmpty {
        problem(DiagnosticMessages.notesEmptyValue(option.key), option.keyRange)
        continue
      }
      switch option.key {
      case "map":
        spec.source = .file(path: value, valueOffset: option.valueStart)
      case "view":
        switch value {
        case "map", "argument": view = .map
        case "overview": view = .overview
        case "timeline": view = .timeline
        case "worksheet": view = .worksheet
        case "facts": content_ = .facts(answers: true)
        default: problem(DiagnosticMessages.notesBadView(value), valueRange)
        }
      case "compare":
        let ids = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if ids.count == 2, ids.allSatisfy({ NodeID.isValid($0) }) {
          content_ = .comparison(NodeID(ids[0]), NodeID(ids[1]))
        } else {
          problem(DiagnosticMessages.notesCompareNeedsTwo(value), valueRange)
        }
      case "table":
        if NodeID.isValid(value) {
          content_ = .table(aim: NodeID(value))
        } else {
          problem(DiagnosticMessages.notesBadID("table", value), valueRange)
        }
      case "matrix":
        let ids = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if ids.count >= 2, ids.allSatisfy({ NodeID.isValid($0) }) {
          content_ = .matrix(ids.map { NodeID($0) })
        } else {
          problem(DiagnosticMessages.notesMatrixNeedsTwo(value), valueRange)
        }
      case "focus":
        if NodeID.isValid(value) {
          spec.focus = NodeID(value)
        } else {
          problem(DiagnosticMessages.notesBadID("focus", value), valueRange)
        }
      case "depth":
        if let depth = Int(value), (0...20).contains(depth) {
          spec.depth = depth
        } else {
          problem(DiagnosticMessages.notesBadDepth(value), valueRange)
        }
      case "scope":
        if NodeID.isValid(value) {
          spec.scope = NodeID(value)
        } else {
          problem(DiagnosticMessages.notesBadID("scope", value), valueRange)
        }
      case "blank":
        // The same words as `argmap render --blank`: all, events, claims, or ids.
        if let selection = BlankSelection(parsing: value), !selection.kinds.isEmpty {
          spec.blankKinds += selection.kinds
          break
        }
        for id in value.split(whereSeparator: { $0 == "," || $0 == " " }) {
          if NodeID.isValid(id) {
            spec.blankNodes.append(NodeID(String(id)))
          } else {
            problem(DiagnosticMessages.notesBadID("blank", String(id)), valueRange)
          }
        }
      case "blank-kind":
        for word in value.split(whereSeparator: { $0 == "," || $0 == " " }) {
          if let kind = NodeKind(rawValue: String(word)) {
            spec.blankKinds.append(kind)
          } else {
            problem(DiagnosticMessages.notesBadKind(String(word)), valueRange)
          }
        }
      case "legend", "reasoning", "answers", "word-bank", "judgement-sheet":
        let flag: Bool
        switch value.lowercased() {
        case "yes", "true", "on": flag = true
        case "no", "false", "off": flag = false
        default:
          problem(DiagnosticMessages.notesBadYesNo(option.key, value), valueRange)
          continue
        }
        switch option.key {
        case "legend": spec.showsLegend = flag
        case "reasoning": spec.showsReasoning = flag
        case "word-bank": spec.showsWordBank = flag
        case "judgement-sheet": spec.addsJudgementSheet = flag
        default: answers = flag
        }
      case "frame":
        if let frame = SuccessFailureTable.Frame(rawValue: value) {
          spec.tableFrame = frame
        } else {
          problem(DiagnosticMessages.notesBadFrame(value), valueRange)
        }
      case "distractors":
        if let count = Int(value), (0...100).contains(count) {
          spec.distractors = count
        } else {
          problem(DiagnosticMessages.notesDistractorsNotNumber(value), valueRange)
        }
      case "width":
        switch value {
        case "fit": spec.isNaturalWidth = false
        case "natural": spec.isNaturalWidth = true
        default: problem(DiagnosticMessages.notesBadWidth(value), valueRange)
        }
      case "page":
        if value == "none" {
          spec.page = nil
        } else if let page = PageSize(rawValue: value) {
          spec.page = page
        } else {
          problem(DiagnosticMessages.notesBadPage(value), valueRange)
        }
      case "report":
        if let report = BlockSpec.Report(rawValue: value) {
          spec.report = report
        } else {
          problem(DiagnosticMessages.notesBadReport(value), valueRange)
        }
      case "caption":
        spec.caption = value
      case "alt":
        spec.alt = value
      default:
        break
      }
    }
    let contents = ["compare", "table", "matrix"].filter { seen.contains($0) }
    if case .facts = content_ {
      content_ = .facts(answers: answers)
      if let other = contents.first {
        problem(DiagnosticMessages.notesConflicting("view: facts", other), 0..<0)
      }
    } else if view != nil, let content_ {
      let other =
        switch content_ {
        case .comparison: "compare"
        case .table: "table"
        case .matrix: "matrix"
        case .diagram, .facts: "view"
        }
      problem(DiagnosticMessages.notesConflicting("view", other), 0..<0)
    }
    if contents.count > 1 {
      problem(DiagnosticMessages.notesConflicting(contents[0], contents[1]), 0..<0)
    }
    var chosenView = view ?? .map
    if chosenView == .map, !spec.blankNodes.isEmpty || !spec.blankKinds.isEmpty {
      chosenView = .worksheet
    }
    if chosenView == .worksheet, spec.blankNodes.isEmpty, spec.blankKinds.isEmpty {
      spec.blankKinds = [.event]
    }
    // `answers: yes` makes a worksheet the teacher's copy (a student's copy without it), as it
    // makes `view: facts` show the corrections; `word-bank:` is for worksheets only.
    if chosenView == .worksheet, content_ == nil {
      spec.showsAnswers = seen.contains("answers") && answers
    } else {
      let isFacts = content_?.isFacts == true
      for key in ["word-bank", "answers"] where seen.contains(key) && !(key == "answers" && isFacts)
      {
        let at = spec.valueOffsets[key] ?? 0
        problem(DiagnosticMessages.notesWorksheetOnly(key), at..<at)
      }
    }
    if seen.contains("frame") {
      if case .table = content_ {
      } else {
        let at = spec.valueOffsets["frame"] ?? 0
        problem(DiagnosticMessages.notesTableOnly("frame"), at..<at)
      }
    }
    // The sheet follows a diagram's pages; a timeline is placed by date and a comparison is
    // paged its own way, so neither takes it.
    if spec.addsJudgementSheet, content_ != nil || chosenView == .timeline || spec.page == nil {
      let at = spec.valueOffsets["judgement-sheet"] ?? 0
      problem(DiagnosticMessages.notesJudgementSheetPlace(), at..<at)
    }
    if seen.contains("distractors"), content_?.isFacts != true {
      let at = spec.valueOffsets["distractors"] ?? 0
      problem(DiagnosticMessages.notesFactsOnly("distractors"), at..<at)
    }
    spec.content = content_ ?? .diagram(chosenView)
    let rest = content[mapStart...]
    let restIsBlank = rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    switch spec.source {
    case .file:
      if !restIsBlank {
        let first = rest.firstIndex { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        let start = first ?? mapStart
        problem(DiagnosticMessages.notesTextAfterReference(), start..<start)
      }
    case .inline:
      if restIsBlank {
        problem(DiagnosticMessages.notesEmptyBlock(), mapStart..<mapStart)
      }
    }
    return (problems.isEmpty ? spec : nil, problems)
  }

  /// `key: value` at the start of a line, key lower-case letters and `-`.
  private static func optionLine(_ content: [UInt8], _ line: Range<Int>)
    -> (key: String, value: String, keyRange: Range<Int>, valueStart: Int)?
  {
    var index = line.lowerBound
    guard index < line.upperBound, (0x61...0x7A).contains(content[index]) else { return nil }
    while index < line.upperBound,
      (0x61...0x7A).contains(content[index]) || content[index] == UInt8(ascii: "-")
    {
      index += 1
    }
    guard index < line.upperBound, content[index] == UInt8(ascii: ":") else { return nil }
    let keyRange = line.lowerBound..<index
    index += 1
    guard index == line.upperBound || content[index] == 0x20 || content[index] == 0x09 else {
      return nil
    }
    while index < line.upperBound, content[index] == 0x20 || content[index] == 0x09 { index += 1 }
    var end = line.upperBound
    while end > index, content[end - 1] == 0x20 || content[end - 1] == 0x09 { end -= 1 }
    return (
      String(decoding: content[keyRange], as: UTF8.self),
      String(decoding: content[index..<end], as: UTF8.self), keyRange, index
    )
  }

  /// The option's name when a line starts with one followed by a blank, not a ':'.
  private static func optionWithoutColon(_ content: [UInt8], _ line: Range<Int>) -> String? {
    var index = line.lowerBound
    while index < line.upperBound,
      (0x61...0x7A).contains(content[index]) || content[index] == UInt8(ascii: "-")
    {
      index += 1
    }
    guard index > line.lowerBound, index < line.upperBound,
      content[index] == 0x20 || content[index] == 0x09
    else { return nil }
    let key = String(decoding: content[line.lowerBound..<index], as: UTF8.self)
    return keys.contains(key) ? key : nil
  }

  /// The option key nearest to a misspelt one, if any is close.
  private static func nearest(_ key: String) -> String? {
    var best: (String, Int)?
    for candidate in keys {
      let distance = editDistance(Array(key.utf8), Array(candidate.utf8))
      if distance <= 2, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
    }
    return best?.0
  }

  private static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
    var previous = Array(0...rhs.count)
    for (i, left) in lhs.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: rhs.count)
      for (j, right) in rhs.enumerated() {
        current[j + 1] = min(
          previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
      }
      previous = current
    }
    return previous[rhs.count]
  }
}
