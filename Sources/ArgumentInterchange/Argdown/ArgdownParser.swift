import ArgumentMap

/// Reads Argdown lines into an `ArgdownDocument`: blocks, relation trees, premise–conclusion
/// structures, headings, lists, front matter, tags and data.
///
/// It follows the Argdown syntax guide: empty lines separate blocks; a deeper-indented line that
/// starts with a relation symbol is a child of the nearest shallower element; any other
/// non-empty line continues the text of the element above it, whatever its indentation.
struct ArgdownParser {
  private var source: ArgdownSource
  private var document = ArgdownDocument()
  private var entityIndex: [String: Int] = [:]
  private var occurrenceCounter = 0
  private var definitionCounter = 0

  /// The element whose text is still being read.
  private struct Pending {
    enum Role {
      case top
      case child(parent: Int?, symbol: String, line: Int, column: Int)
      case premise
      case listItem
      case heading(level: Int)
    }
    var role: Role
    var indent: Int
    var scalars: [Unicode.Scalar] = []
    /// Where the scalars were written, one run per line read: from `index` on, `scalars` come
    /// from line `line` of `source.lines`, column `column` on. The space that joins two lines
    /// is a run of its own at the position of the scalar before it.
    var runs: [(index: Int, line: Int, column: Int)] = []

    /// Appends `content` from `start` on, read at `column` of `line`; `continuing` joins it to
    /// the text before with a space.
    mutating func append(
      _ content: [Unicode.Scalar], from start: Int, line: Int, column: Int, continuing: Bool
    ) {
      if continuing, !scalars.isEmpty {
        let last = position(of: scalars.count - 1)
        runs.append((scalars.count, last.line, last.column))
        scalars.append(" ")
      }
      guard start < content.count else { return }
      runs.append((scalars.count, line, column))
      scalars.append(contentsOf: content[start...])
    }

    /// The line (index into `source.lines`) and column where scalar `index` was written.
    func position(of index: Int) -> (line: Int, column: Int) {
      // The last run that starts at or before `index`.
      var low = 0
      var high = runs.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if runs[middle].index <= index { low = middle } else { high = middle - 1 }
      }
      let run = runs[low]
      return (run.line, run.column + index - run.index)
    }
  }

  /// A premise–conclusion structure being read.
  private struct Reconstruction {
    var argument: Int
    var items: [(entity: Int, isConclusion: Bool)] = []
    var nextIsConclusion = false
    var inferenceCount = 0
    var place: ArgdownDocument.Place
  }

  private var pending: Pending?
  private var stack: [(indent: Int, entity: Int)] = []
  private var lastElement: (entity: Int, isArgument: Bool)?
  private var reconstruction: Reconstruction?
  private var openInference: (line: Int, column: Int, rules: String)?
  /// Open headings: level, group tag (nil when `{isGroup: false}`).
  private var sections: [(level: Int, tag: String?)] = []
  /// Whether a relation line so far was indented with spaces, or with tabs; the first line
  /// that makes both true is reported, once.
  private var relationIndentation: (spaces: Bool, tabs: Bool, reported: Bool) = (
    false, false, false
  )

  init(source: ArgdownSource) {
    self.source = source
    document.diagnostics = source.diagnostics
    document.end = SourceRange(at: source.files[0].lines.end)
    document.lines = source.files[0].lines
  }

  /// Parses every line and returns the document.
  mutating func parse() -> ArgdownDocument {
    var start = 0
    start = readFrontMatter()
    var lineNumber = start
    while lineNumber < source.lines.count {
      read(line: lineNumber)
      lineNumber += 1
    }
    endBlock()
    if let open = openInference {
      document.diagnostics.append(
        DiagnosticMessages.argdownUnterminatedInference(
          prefix: prefix(line: open.line, column: open.column),
          range: range(line: open.line, start: open.column, end: open.column + 2)))
    }
    return document
  }

  // MARK: Positions

  private func range(line: Int, start: Int, end: Int) -> SourceRange {
    let entry = source.lines[line]
    return source.range(file: entry.file, lineIndex: entry.lineIndex, start: start, end: end)
  }

  private func prefix(line: Int, column: Int) -> String {
    let entry = source.lines[line]
    return source.messagePrefix(file: entry.file, lineIndex: entry.lineIndex, column: column)
  }

  private func place(line: Int, start: Int, end: Int) -> ArgdownDocument.Place {
    ArgdownDocument.Place(
      range: range(line: line, start: start, end: end), prefix: prefix(line: line, column: start))
  }

  private func place(of pending: Pending, from: Int, to: Int) -> ArgdownDocument.Place {
    guard !pending.scalars.isEmpty else {
      return place(line: 0, start: 0, end: 0)
    }
    let first = pending.position(of: min(from, pending.scalars.count - 1))
    let last = pending.position(of: min(max(from, to - 1), pending.scalars.count - 1))
    let end = last.line == first.line ? last.column + 1 : source.scalarCount(ofLine: first.line)
    return place(line: first.line, start: first.column, end: end)
  }

  // MARK: Front matter

  /// Reads `===` front matter at the top, returns the first line after it.
  private mutating func readFrontMatter() -> Int {
    guard let first = source.lines.firstIndex(where: { !$0.isEmpty && !$0.isCommentOnly }),
      source.lines[first].file == 0,
      text(of: source.scalars(ofLine: first)).trimmingCharacters(in: " \t") == "==="
    else { return 0 }
    var body: [String] = []
    var line = first + 1
    while line < source.lines.count {
      let content = text(of: source.scalars(ofLine: line))
      if content.trimmingCharacters(in: " \t") == "===" {
        applyFrontMatter(body, firstLine: first + 1)
        return line + 1
      }
      body.append(content)
      line += 1
    }
    document.diagnostics.append(
      DiagnosticMessages.argdownUnterminatedFrontMatter(range: range(line: first, start: 0, end: 3))
    )
    applyFrontMatter(body, firstLine: first + 1)
    return source.lines.count
  }

  private mutating func applyFrontMatter(_ body: [String], firstLine: Int) {
    let (entries, problems) = ArgdownYAML.parseFrontMatter(body.joined(separator: "\n"))
    func range(_ position: ArgdownYAML.Position) -> SourceRange {
      let line = firstLine + min(position.line, max(0, body.count - 1))
      let length = source.scalarCount(ofLine: line)
      let start = min(position.column, length)
      return self.range(line: line, start: start, end: length)
    }
    for problem in problems {
      document.diagnostics.append(
        DiagnosticMessages.argdownFrontMatter(problem.message, range: range(problem.position)))
    }
    for entry in entries {
      // `.argmap` front matter is one line without spaces at its ends.
      let text = ArgdownText.folded(Array(entry.text.unicodeScalars))
      switch entry.key {
      case "title": document.metadata.title = text
      case "author": document.metadata.author = text
      case "date":
        if let span = DateSpanReader.read(text), span.end == nil, !span.isApproximate {
          document.metadata.date = text
        } else {
          document.diagnostics.append(
            DiagnosticMessages.argdownMetadataDate(text, range: range(entry.position)))
          document.metadata.extra.append(Metadata.Entry(key: "written-date", value: entry.yaml))
        }
      case "language", "lang": document.metadata.language = text
      default: document.metadata.extra.append(Metadata.Entry(key: entry.key, value: entry.yaml))
      }
    }
  }

  // MARK: Lines

  private func text(of scalars: some Sequence<Unicode.Scalar>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return text
  }

  private mutating func read(line number: Int) {
    let line = source.lines[number]
    if line.isCommentOnly { return }
    if line.isEmpty {
      endBlock()
      return
    }
    let indent = source.indent(ofLine: number)
    let content = source.scalars(ofLine: number, from: indent)
    // The line without blanks at its ends, as a string; only a few lines need it.
    var trimmed: String { text(of: content).trimmingCharacters(in: " \t") }

    if let open = openInference {
      // The rules end at the next line of dashes (`--`, or as many as opened them).
      let trimmed = trimmed
      if trimmed.count >= 2, trimmed.allSatisfy({ $0 == "-" }) {
        openInference = nil
        closeInference(rules: open.rules, line: open.line, column: open.column)
      } else {
        openInference?.rules += (open.rules.isEmpty ? "" : " ") + trimmed
      }
      return
    }

    if let level = headingLevel(content) {
      finishPending()
      endTree()
      pending = Pending(role: .heading(level: level), indent: indent)
      appendText(content, from: level, line: number, column: indent + level)
      return
    }

    if reconstruction != nil, content.starts(with: ["-", "-"]), trimmed.hasPrefix("--") {
      finishPending()
      readInference(trimmed, line: number, column: indent)
      return
    }

    if let symbol = relationSymbol(content) {
      finishPending()
      checkIndentation(ofRelationLine: number, indent: indent)
      while let top = stack.last, top.indent >= indent { stack.removeLast() }
      let parent = stack.last?.entity
      pending = Pending(
        role: .child(parent: parent, symbol: symbol, line: number, column: indent), indent: indent)
      appendText(
        content, from: symbol.unicodeScalars.count, line: number,
        column: indent + symbol.unicodeScalars.count)
      return
    }

    if let numberLength = premiseNumberLength(content) {
      finishPending()
      if reconstruction == nil { startReconstruction(line: number, column: indent) }
      pending = Pending(role: .premise, indent: indent)
      appendText(content, from: numberLength, line: number, column: indent + numberLength)
      return
    }

    if let markerLength = listMarkerLength(content) {
      finishPending()
      endTree()
      pending = Pending(role: .listItem, indent: indent)
      appendText(content, from: markerLength, line: number, column: indent + markerLength)
      return
    }

    if pending != nil, !startsWithTitle(content) {
      appendText(content, from: 0, line: number, column: indent, continuing: true)
      return
    }
    finishPending()
    if reconstruction != nil {
      // Text after an inference line that is not a numbered item ends the reconstruction.
      finishReconstruction()
    }
    endTree()
    pending = Pending(role: .top, indent: indent)
    appendText(content, from: 0, line: number, column: indent)
  }

  /// Reports the first relation line whose indentation, with the ones before it, mixes tabs
  /// and spaces: Argdown counts each as one column, so a tree that looks right in an editor
  /// with wide tabs is read with other parents.
  private mutating func checkIndentation(ofRelationLine number: Int, indent: Int) {
    guard indent > 0, !relationIndentation.reported else { return }
    let blanks = source.bytes(ofLine: number).prefix(indent)
    if blanks.contains(UInt8(ascii: " ")) { relationIndentation.spaces = true }
    if blanks.contains(UInt8(ascii: "\t")) { relationIndentation.tabs = true }
    guard relationIndentation.spaces, relationIndentation.tabs else { return }
    relationIndentation.reported = true
    document.diagnostics.append(
      DiagnosticMessages.argdownMixedIndentation(
        prefix: prefix(line: number, column: 0), range: range(line: number, start: 0, end: indent)))
  }

  private mutating func appendText(
    _ content: [Unicode.Scalar], from start: Int, line: Int, column: Int, continuing: Bool = false
  ) {
    // In place: a copy of `pending` would copy its text for every line appended.
    pending?.append(content, from: start, line: line, column: column, continuing: continuing)
  }

  /// Whether a line starts with `[Title]` or `<Title>` (then `:`, a blank or the end), which
  /// begins a new element rather than continuing the text above.
  private func startsWithTitle(_ content: [Unicode.Scalar]) -> Bool {
    guard let open = content.first, open == "[" || open == "<" else { return false }
    let close: Unicode.Scalar = open == "[" ? "]" : ">"
    var index = 1
    while index < content.count {
      if content[index] == "\\" {
        index += 2
        continue
      }
      if content[index] == close {
        guard index > 1 else { return false }
        let next = index + 1
        return next == content.count || content[next] == ":" || content[next].isBlank
      }
      index += 1
    }
    return false
  }

  private func headingLevel(_ content: [Unicode.Scalar]) -> Int? {
    let hashes = content.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes), content.count > hashes, content[hashes].isBlank else {
      return nil
    }
    return hashes
  }

  /// The relation symbol at the start of a line, if it is followed by a blank or the end.
  private func relationSymbol(_ content: [Unicode.Scalar]) -> String? {
    for (symbol, pattern) in Self.relationSymbols where content.starts(with: pattern) {
      if content.count == pattern.count || content[pattern.count].isBlank { return symbol }
    }
    return nil
  }

  /// The relation symbols, longest first, with their scalars.
  private static let relationSymbols = ["<+", "<-", "<_", "+>", "->", "_>", "><", "+", "-", "_"]
    .map { (symbol: $0, scalars: Array($0.unicodeScalars)) }

  /// The length of `(n)` plus following blanks at the start of a premise line.
  private func premiseNumberLength(_ content: [Unicode.Scalar]) -> Int? {
    guard content.first == "(" else { return nil }
    let digits = content.dropFirst().prefix { $0.properties.numericType == .decimal }.count
    guard digits > 0, content.count > digits + 1, content[digits + 1] == ")" else { return nil }
    let end = digits + 2
    guard content.count == end || content[end].isBlank else { return nil }
    return end
  }

  /// The length of `* `, `+ `-free list markers (`* item`, `1. item`).
  private func listMarkerLength(_ content: [Unicode.Scalar]) -> Int? {
    if content.count >= 2, content[0] == "*", content[1].isBlank { return 2 }
    let digits = content.prefix { $0.properties.numericType == .decimal }.count
    if digits > 0, content.count > digits + 1, content[digits] == ".", content[digits + 1].isBlank {
      return digits + 2
    }
    return nil
  }

  // MARK: Blocks

  private mutating func endTree() {
    stack = []
  }

  private mutating func endBlock() {
    finishPending()
    if reconstruction != nil { finishReconstruction() }
    endTree()
  }

  private mutating func finishPending() {
    guard let current = pending else { return }
    pending = nil
    switch current.role {
    case .heading(let level):
      readHeading(current, level: level)
      lastElement = nil
    case .top, .listItem:
      guard let entity = element(current) else { return }
      stack = [(current.indent, entity)]
      lastElement = (entity, document.entities[entity].kind == .argument)
    case .child(let parent, let symbol, let line, let column):
      var symbolPlace: ArgdownDocument.Place {
        place(line: line, start: column, end: column + symbol.unicodeScalars.count)
      }
      guard let entity = element(current) else {
        document.diagnostics.append(
          DiagnosticMessages.argdownEmptyRelation(
            symbol, prefix: symbolPlace.prefix, range: symbolPlace.range))
        return
      }
      if let parent {
        relate(
          parent: parent, child: entity, symbol: symbol,
          place: place(
            of: current, from: current.scalars.prefix(while: \.isBlank).count,
            to: current.scalars.count))
      } else {
        document.diagnostics.append(
          DiagnosticMessages.argdownOrphanRelation(
            symbol, prefix: symbolPlace.prefix, range: symbolPlace.range))
      }
      stack.append((current.indent, entity))
      lastElement = (entity, document.entities[entity].kind == .argument)
    case .premise:
      guard let entity = element(current) else { return }
      if var open = reconstruction {
        open.items.append((entity, open.nextIsConclusion))
        open.nextIsConclusion = false
        reconstruction = open
      }
      stack = [(current.indent, entity)]
    }
  }

  private mutating func relate(
    parent: Int, child: Int, symbol: String, place: ArgdownDocument.Place
  ) {
    func add(_ source: Int, _ target: Int, _ kind: ArgdownDocument.RelationKind) {
      document.relations.append(
        ArgdownDocument.Relation(source: source, target: target, kind: kind, place: place))
    }
    switch symbol {
    case "+", "<+": add(child, parent, .support)
    case "+>": add(parent, child, .support)
    case "-", "<-": add(child, parent, .attack)
    case "->": add(parent, child, .attack)
    case "_", "<_": add(child, parent, .undercut)
    case "_>": add(parent, child, .undercut)
    default:
      add(parent, child, .attack)
      add(child, parent, .attack)
      document.diagnostics.append(
        DiagnosticMessages.argdownContradiction(prefix: place.prefix, range: place.range))
    }
  }

  private mutating func readHeading(_ heading: Pending, level: Int) {
    let parsed = ArgdownText.clean(heading.scalars)
    var isGroup = true
    for data in parsed.data {
      let where_ = place(of: heading, from: data.start, to: data.end)
      guard let members = ArgdownYAML.parseFlowMapping(data.text) else {
        document.diagnostics.append(
          DiagnosticMessages.argdownUnreadableData(
            data.text, prefix: where_.prefix, range: where_.range))
        continue
      }
      for (key, value) in members {
        if key == "isGroup", case .scalar(let flag) = value, flag == "false" || flag == "true" {
          isGroup = flag == "true"
        } else {
          document.diagnostics.append(
            DiagnosticMessages.argdownUnsupportedData(
              key, value: value.flowText, prefix: where_.prefix, range: where_.range))
        }
      }
    }
    if !parsed.tags.isEmpty {
      let where_ = place(
        of: heading, from: parsed.tags[0].start, to: parsed.tags[parsed.tags.count - 1].end)
      document.diagnostics.append(
        DiagnosticMessages.argdownHeadingTags(
          parsed.tags.map(\.text), prefix: where_.prefix, range: where_.range))
    }
    while let last = sections.last, last.level >= level { sections.removeLast() }
    let tag = IDAllocator.slug(parsed.text, maxWords: ArgdownSections.tagWords)
    let isSection = isGroup && !parsed.text.isEmpty
    sections.append((level, isSection ? tag : nil))
    if !parsed.text.isEmpty {
      document.headings.append(
        (level, parsed.text, isGroup, definitionCounter, entitiesBefore: occurrenceCounter))
    }
  }

  private var currentSection: String? {
    sections.last { $0.tag != nil }?.tag
  }

  // MARK: Elements

  /// Reads a statement or argument from its text; returns its entity, or nil when empty.
  private mutating func element(_ element: Pending) -> Int? {
    let scalars = element.scalars
    var start = 0
    while start < scalars.count, scalars[start].isBlank { start += 1 }
    guard start < scalars.count else { return nil }

    var kind = ArgdownDocument.EntityKind.statement
    var title: String?
    var isDefinition = true
    var restStart = start
    let open = scalars[start]
    if open == "[" || open == "<" {
      let close: Unicode.Scalar = open == "[" ? "]" : ">"
      var index = start + 1
      var closing: Int?
      while index < scalars.count {
        if scalars[index] == "\\" {
          index += 2
          continue
        }
        if scalars[index] == close {
          closing = index
          break
        }
        index += 1
      }
      if let closing, !(closing + 1 < scalars.count && scalars[closing + 1] == "(" && open == "[") {
        kind = open == "[" ? .statement : .argument
        title = ArgdownText.clean(Array(scalars[(start + 1)..<closing])).text
        if closing + 1 < scalars.count, scalars[closing + 1] == ":" {
          isDefinition = true
          restStart = closing + 2
        } else {
          isDefinition = false
          restStart = closing + 1
          if kind == .argument, restStart < scalars.count, scalars[restStart] == "(" {
            let where_ = place(of: element, from: start, to: scalars.count)
            document.diagnostics.append(
              DiagnosticMessages.argdownStatementNumber(
                ArgdownText.clean(scalars).text, prefix: where_.prefix, range: where_.range))
            restStart = scalars.count
          }
        }
      }
    }
    let parsed = ArgdownText.clean(Array(scalars[min(restStart, scalars.count)...]))
    if title == nil, parsed.text.isEmpty, parsed.tags.isEmpty, parsed.data.isEmpty { return nil }
    if title != nil, !parsed.text.isEmpty { isDefinition = true }
    if let title, title.isEmpty { return nil }

    let elementPlace = place(of: element, from: start, to: scalars.count)
    let entity: Int
    if let title {
      let key = (kind == .statement ? "s:" : "a:") + title
      if let existing = entityIndex[key] {
        entity = existing
      } else {
        entity = newEntity(kind: kind, title: title, place: elementPlace)
        entityIndex[key] = entity
      }
    } else {
      entity = newEntity(kind: .statement, title: nil, place: elementPlace)
    }
    if isDefinition {
      document.entities[entity].texts.append((parsed.text, elementPlace))
      if document.entities[entity].definitionOrder == nil {
        document.entities[entity].definitionOrder = definitionCounter
        document.entities[entity].sectionAtDefinition = currentSection
        definitionCounter += 1
      }
    }
    let offset = min(restStart, scalars.count)
    for tag in parsed.tags {
      var name = tag.text
      if name.unicodeScalars.contains(where: { $0 == " " || $0 == "," || $0 == "\t" }) {
        let renamed = ArgdownText.tagName(name)
        let where_ = place(of: element, from: offset + tag.start, to: offset + tag.end)
        document.diagnostics.append(
          DiagnosticMessages.argdownTagRenamed(
            name, to: renamed, prefix: where_.prefix, range: where_.range))
        name = renamed
      }
      if !name.isEmpty, !document.entities[entity].tags.contains(name) {
        document.entities[entity].tags.append(name)
      }
    }
    for data in parsed.data {
      let where_ = place(of: element, from: offset + data.start, to: offset + data.end)
      guard let members = ArgdownYAML.parseFlowMapping(data.text) else {
        document.diagnostics.append(
          DiagnosticMessages.argdownUnreadableData(
            data.text, prefix: where_.prefix, range: where_.range))
        continue
      }
      for (key, value) in members {
        document.entities[entity].data.append(
          ArgdownDocument.DataEntry(key: key, value: value, place: where_))
      }
    }
    return entity
  }

  private mutating func newEntity(
    kind: ArgdownDocument.EntityKind, title: String?, place: ArgdownDocument.Place
  ) -> Int {
    var entity = ArgdownDocument.Entity(
      kind: kind, title: title, firstOrder: occurrenceCounter, place: place)
    entity.sectionAtFirstOccurrence = currentSection
    occurrenceCounter += 1
    document.entities.append(entity)
    return document.entities.count - 1
  }

  // MARK: Premise–conclusion structures

  private mutating func startReconstruction(line: Int, column: Int) {
    let where_ = place(line: line, start: column, end: source.scalarCount(ofLine: line))
    let argument: Int
    if let last = lastElement, last.isArgument {
      argument = last.entity
    } else {
      argument = newEntity(kind: .argument, title: nil, place: where_)
      document.entities[argument].texts.append(("Anonymous argument", where_))
      document.entities[argument].definitionOrder = definitionCounter
      document.entities[argument].sectionAtDefinition = currentSection
      definitionCounter += 1
    }
    reconstruction = Reconstruction(argument: argument, place: where_)
    lastElement = nil
  }

  private mutating func readInference(_ trimmed: String, line: Int, column: Int) {
    if reconstruction == nil { startReconstruction(line: line, column: column) }
    if trimmed.allSatisfy({ $0 == "-" }) {
      // `----` alone is an inference line; `--` (or `-----` followed by a line of text)
      // opens the rules, which run to the next line of dashes.
      if trimmed.count >= 4 && !nextLineIsRuleText(after: line) {
        closeInference(rules: "", line: line, column: column)
      } else {
        openInference = (line, column, "")
      }
      return
    }
    // `-- rules {data} --` on one line.
    var inner = Substring(trimmed).drop { $0 == "-" }
    while inner.last == "-" { inner = inner.dropLast() }
    closeInference(rules: String(inner).trimmingCharacters(in: " \t"), line: line, column: column)
  }

  /// Whether the line after `line` is text of inference rules: not empty, not a numbered
  /// item, not dashes, and followed, before any empty line or numbered item, by a line of
  /// dashes that closes the rules.
  private func nextLineIsRuleText(after line: Int) -> Bool {
    var index = line + 1
    var sawText = false
    while index < source.lines.count {
      let content = source.scalars(ofLine: index, from: source.indent(ofLine: index))
      let trimmed = text(of: content).trimmingCharacters(in: " \t")
      if trimmed.isEmpty || premiseNumberLength(content) != nil { return false }
      if trimmed.count >= 2, trimmed.allSatisfy({ $0 == "-" }) { return sawText }
      sawText = true
      index += 1
    }
    return false
  }

  private mutating func closeInference(rules: String, line: Int, column: Int) {
    guard var open = reconstruction else { return }
    open.nextIsConclusion = true
    open.inferenceCount += 1
    reconstruction = open
    // Relations indented under the inference line are about the inference (Argdown's way to
    // write an undercut there: `<_ [U]`); the argument stands for it, as in `<A> <_ [U]`.
    stack = [(column, open.argument)]
    if !rules.isEmpty {
      document.diagnostics.append(
        DiagnosticMessages.argdownInferenceRules(
          rules, prefix: prefix(line: line, column: column),
          range: range(line: line, start: column, end: source.scalarCount(ofLine: line))))
    }
  }

  /// Turns the structure into relations: every premise (and intermediary conclusion) supports the
  /// argument, and the argument supports its main conclusion (the last item).
  private mutating func finishReconstruction() {
    guard let done = reconstruction else { return }
    reconstruction = nil
    guard let conclusion = done.items.last else { return }
    // Marked, so that an export writes the argument as a structure again.
    if !document.entities[done.argument].tags.contains(ArgdownImporter.reconstructedTag) {
      document.entities[done.argument].tags.insert(ArgdownImporter.reconstructedTag, at: 0)
    }
    let title = document.entities[done.argument].writtenTitle
    if done.inferenceCount == 0 || !conclusion.isConclusion {
      document.diagnostics.append(
        DiagnosticMessages.argdownMissingInference(
          title, prefix: done.place.prefix, range: done.place.range))
    } else if done.inferenceCount > 1 {
      document.diagnostics.append(
        DiagnosticMessages.argdownIntermediaryConclusions(
          done.inferenceCount, argument: title, prefix: done.place.prefix, range: done.place.range))
    }
    for item in done.items.dropLast() {
      document.relations.append(
        ArgdownDocument.Relation(
          source: item.entity, target: done.argument, kind: .support, place: done.place))
    }
    document.relations.append(
      ArgdownDocument.Relation(
        source: done.argument, target: conclusion.entity, kind: .support, place: done.place))
    lastElement = nil
  }
}
