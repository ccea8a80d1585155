import ArgumentMap

/// Imports Kialo's plain-text discussion export into argument maps.
///
/// The export is a numbered outline: `Discussion Title: ...`, then `1. thesis`, `1.1. Pro: ...`,
/// `1.1.1. Con: ...`; a claim's text may run over several lines; `-> See 1.1.1.` places a claim
/// that is written elsewhere; parentheses come backslash-escaped. The mapping:
///
/// - The discussion title becomes the map's title; each thesis (`1.`, `2.`) a main aim.
/// - A `Pro:` claim becomes a claim that supports its parent; a `Con:` claim a counterclaim that
///   opposes its parent. `-> See N.` adds the link from claim N to the parent instead of a node.
/// - A nested claim without `Pro:` or `Con:` is kept, unlinked, with a warning.
/// - A `Con:` claim with no claims under it whose text starts `Correction: ` (and that no
///   `-> See` names) is a flag of its parent: `Correction: text (Sources: a; b)` gives the
///   correction `text` with the sources `a` and `b` (see `flag(fromWritten:)`). This is how the
///   exporter writes flags, which Kialo, a tree of claims only, has no other place for.
/// - Where a `-> See` entry stands among its siblings, when the map's order does not say it, is
///   kept in the front matter entry `kialo.order`, which the export follows.
/// - Ids are slugs of the claims' first words.
public enum KialoImporter {
  /// Imports a Kialo text export.
  ///
  /// - Parameter text: The export.
  /// - Returns: The best-effort map and diagnostics located by line and column.
  public static func importMap(_ text: String) -> ImportResult {
    let lines = LineTable(Array(text.utf8), loneCarriageReturns: true)
    var diagnostics: [Diagnostic] = []
    var metadata = Metadata()

    struct Claim {
      var number: [Int]
      var stance: Relation?
      var text: [String]
      var lineIndex: Int
      var numberEnd: Int
    }
    var claims: [Claim] = []
    for lineIndex in 0..<lines.lineCount {
      let scalars = lines.scalars(ofLine: lineIndex + 1)
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      let trimmed = text.trimmingCharacters(in: " \t")
      if claims.isEmpty, trimmed.hasPrefix("Discussion Title:") {
        // Escaped as the claims are (`\\(` for `(`), by Kialo and by the exporter.
        let title = titleText(unescaped(String(trimmed.dropFirst("Discussion Title:".count))))
        metadata.title = title.isEmpty ? nil : title
        continue
      }
      if let (number, length) = outlineNumber(scalars) {
        var rest = String(String.UnicodeScalarView(scalars.dropFirst(length)))
          .trimmingCharacters(in: " \t")
        var stance: Relation?
        if rest.hasPrefix("Pro:") {
          stance = .supports
          rest = String(rest.dropFirst(4)).trimmingCharacters(in: " \t")
        } else if rest.hasPrefix("Con:") {
          stance = .opposes
          rest = String(rest.dropFirst(4)).trimmingCharacters(in: " \t")
        }
        claims.append(
          Claim(
            number: number, stance: stance, text: [rest], lineIndex: lineIndex, numberEnd: length))
        continue
      }
      if trimmed.isEmpty { continue }
      if claims.isEmpty {
        diagnostics.append(
          DiagnosticMessages.kialoSyntax(
            "expected 'Discussion Title:' or a numbered claim such as '1. ...', found '\(trimmed)'",
            range: lines.range(ofLine: lineIndex + 1)))
        continue
      }
      if looksLikeClaim(trimmed) {
        // Kept as text, as the export reads it, but said: a hand-written "1.1 Pro:" or an
        // indented claim vanished into the claim above with no word.
        diagnostics.append(
          DiagnosticMessages.kialoWarning(
            "'\(trimmed.prefix(40))' looks like a numbered claim but is read as more text of the "
              + "claim above: a claim starts at the beginning of its line, its number ends in "
              + "'.' (as in '1.1. Pro: ...')",
            range: lines.range(ofLine: lineIndex + 1)))
      }
      claims[claims.count - 1].text.append(trimmed)
    }
    if claims.isEmpty, diagnostics.isEmpty {
      diagnostics.append(
        DiagnosticMessages.kialoSyntax(
          "expected a numbered claim such as '1. thesis'; the file has none",
          range: SourceRange(at: lines.end)))
    }

    // Claims that others stand under or that a "-> See" names: not corrections, which are leaves.
    var hasClaims = Set<[Int]>()
    var named = Set<[Int]>()
    for claim in claims {
      if claim.number.count > 1 { hasClaims.insert(Array(claim.number.dropLast())) }
      let written = claim.text.filter { !$0.isEmpty }.joined(separator: " ")
      if written.hasPrefix("-> See "), let target = seeTarget(unescaped(written)) {
        named.insert(target)
      }
    }
    // The numbers of the corrections read as flags, to find a number used twice.
    var flagNumbers = Set<[Int]>()

    // Nodes, in written order; "-> See" entries become links only.
    var ids = IDAllocator()
    var nodes: [Node] = []
    var byNumber: [[Int]: Int] = [:]
    var pendingSee: [(claim: Int, target: [Int])] = []
    var nodeLines: [Int] = []
    // Each node at its claim's line, each link at the line of the claim that makes it.
    var positions = ImportPositions(lines: lines)
    for (claimIndex, claim) in claims.enumerated() {
      // A claim whose number stands alone on its line starts on the next one.
      let written = claim.text.filter { !$0.isEmpty }.joined(separator: " ")
      var text = unescaped(written)
      let numberText = claim.number.map(String.init).joined(separator: ".") + "."
      let where_ = lines.range(line: claim.lineIndex + 1, start: 0, end: claim.numberEnd)
      if byNumber[claim.number] != nil || flagNumbers.contains(claim.number) {
        diagnostics.append(
          DiagnosticMessages.kialoSyntax(
            "claim '\(numberText)' is numbered twice; the second is skipped", range: where_))
        continue
      }
      if claim.number.count > 1, byNumber[Array(claim.number.dropLast())] == nil {
        diagnostics.append(
          DiagnosticMessages.kialoSyntax(
            "claim '\(numberText)' has no parent '\(claim.number.dropLast().map(String.init).joined(separator: ".")).' above it; skipped",
            range: where_))
        continue
      }
      // As written: `\-> See` is a claim whose text starts with "-> See".
      if written.hasPrefix("-> See ") {
        guard let parts = seeTarget(text) else {
          diagnostics.append(
            DiagnosticMessages.kialoSyntax(
              "cannot read the claim number in '\(text)'; expected '-> See 1.2.3.'", range: where_))
          continue
        }
        pendingSee.append((claimIndex, parts))
        continue
      }
      // A correction under its claim: a flag of the parent (found above), not a node.
      if claim.stance == .opposes, claim.number.count > 1, !hasClaims.contains(claim.number),
        !named.contains(claim.number), CorrectionText.starts(written),
        let parent = byNumber[Array(claim.number.dropLast())],
        let flag = flag(fromWritten: CorrectionText.body(written))
      {
        nodes[parent].flags.append(flag)
        flagNumbers.insert(claim.number)
        continue
      }
      let kind: NodeKind
      if claim.number.count == 1 {
        kind = .mainAim
      } else {
        switch claim.stance {
        case .opposes: kind = .counterclaim
        case .supports, .undercuts, nil: kind = .claim
        }
      }
      if text.isEmpty {
        diagnostics.append(
          DiagnosticMessages.kialoWarning(
            "claim '\(numberText)' has no text; it reads '(no text)'", range: where_))
        text = "(no text)"
      }
      byNumber[claim.number] = nodes.count
      nodeLines.append(claim.lineIndex)
      positions.addNode(at: lines.range(ofLine: claim.lineIndex + 1))
      nodes.append(Node(kind, ids.id(forText: text), text))
      if claim.number.count > 1, claim.stance == nil {
        diagnostics.append(
          DiagnosticMessages.kialoWarning(
            "claim '\(numberText)' is neither 'Pro:' nor 'Con:'; it is kept without a link to its parent"
              + (text.lowercased().hasPrefix("pro:") || text.lowercased().hasPrefix("con:")
                ? " (Kialo writes 'Pro:' and 'Con:' with a capital)" : ""),
            range: where_))
      }
    }
    // Links: each claim to its parent, in written order, "-> See" entries where they stand.
    // The claims under each parent, in written order, to keep where "-> See" entries stand.
    var entries: [Int: [Int]] = [:]
    var seeIndex = 0
    for (claimIndex, claim) in claims.enumerated() {
      while seeIndex < pendingSee.count, pendingSee[seeIndex].claim < claimIndex { seeIndex += 1 }
      guard claim.number.count > 1, let stance = claim.stance,
        let parent = byNumber[Array(claim.number.dropLast())]
      else { continue }
      let source: Int?
      if seeIndex < pendingSee.count, pendingSee[seeIndex].claim == claimIndex {
        let target = pendingSee[seeIndex].target.map(String.init).joined(separator: ".") + "."
        source = byNumber[pendingSee[seeIndex].target]
        if source == nil {
          diagnostics.append(
            DiagnosticMessages.kialoSyntax(
              "'-> See \(target)' names no claim in the file",
              range: lines.range(ofLine: claim.lineIndex + 1)))
        } else if source == parent {
          diagnostics.append(
            DiagnosticMessages.kialoWarning(
              "'-> See \(target)' stands under claim \(target) itself, and a claim cannot "
                + "support or oppose itself; left out",
              range: lines.range(ofLine: claim.lineIndex + 1)))
        }
      } else {
        source = byNumber[claim.number]
      }
      guard let source else { continue }
      let link = Link(stance, .node(nodes[parent].id))
      if source != parent, !nodes[source].links.contains(link) {
        nodes[source].links.append(link)
        entries[parent, default: []].append(source)
      }
      positions.addLink(link, ofNode: source, at: lines.range(ofLine: claim.lineIndex + 1))
    }
    readThesesUnderClaimsAsClaims(&nodes, lines: nodeLines, in: lines, diagnostics: &diagnostics)
    if let order = siblingOrder(entries, nodes: nodes) {
      metadata.extra.append(Metadata.Entry(key: orderKey, value: order))
    }
    let map = ArgumentMap(metadata: metadata, nodes: nodes)
    return ImportResult(
      map: map, diagnostics: diagnostics, sourceMap: positions.sourceMap(for: map))
  }

  /// The claim number of a cross-link's text (`-> See 1.2.3.`, unescaped); `nil` when it has none.
  static func seeTarget(_ text: String) -> [Int]? {
    let target = String(text.dropFirst("-> See ".count)).trimmingCharacters(in: " \t.")
    let parts = target.split(separator: ".").compactMap { Int($0) }
    guard !parts.isEmpty, parts.count == target.split(separator: ".").count else { return nil }
    return parts
  }

  /// What opens a correction's sources, which close with the `)` that ends its text.
  static let sourcesOpener = " (Sources: "

  /// The flag that a correction's written text (after `Correction: `) stands for: the text up to
  /// the first bare ` (Sources: `, and when a bare `)` ends the text, the sources between them,
  /// separated by bare `; `. The exporter escapes every other parenthesis (`\(`) and `; ` in a
  /// source (`\; `), so what it writes reads back the same. `nil` when no text is left.
  static func flag(fromWritten body: String) -> Flag? {
    let scalars = Array(body.unicodeScalars)
    let opener = Array(sourcesOpener.unicodeScalars)
    var textEnd = scalars.count
    var sources: [String] = []
    var index = 0
    while index < scalars.count {
      if scalars[index] == "\\" {
        index += 2
        continue
      }
      if scalars[index...].starts(with: opener) { break }
      index += 1
    }
    if index < scalars.count {
      // The sources, up to a bare `)` at the end; without one, all of it is the text.
      var pieces: [[Unicode.Scalar]] = []
      var piece: [Unicode.Scalar] = []
      var at = index + opener.count
      while at < scalars.count {
        let scalar = scalars[at]
        if scalar == "\\", at + 1 < scalars.count {
          piece += [scalar, scalars[at + 1]]
          at += 2
        } else if scalar == ")", at == scalars.count - 1 {
          pieces.append(piece)
          textEnd = index
          break
        } else if scalar == ";", at + 1 < scalars.count, scalars[at + 1] == " " {
          pieces.append(piece)
          piece = []
          at += 2
        } else {
          piece.append(scalar)
          at += 1
        }
      }
      if textEnd == index {
        sources = pieces.map {
          unescaped(String(String.UnicodeScalarView($0))).trimmingCharacters(in: " \t")
        }
        .filter { !$0.isEmpty }
      }
    }
    let text = unescaped(String(String.UnicodeScalarView(scalars[..<textEnd])))
      .trimmingCharacters(in: " \t")
    return text.isEmpty ? nil : Flag(text, sources: sources)
  }

  /// A thesis that a `-> See` entry puts under a claim would be a main aim supporting or opposing
  /// a claim, which a map forbids (aims stand above claims): it is read as a claim, or as a
  /// counterclaim when it opposes, with a note at its line. ArgMap writes such entries when it
  /// exports a map without a main aim whose claims oppose each other in a cycle.
  static func readThesesUnderClaimsAsClaims(
    _ nodes: inout [Node], lines nodeLines: [Int], in lines: LineTable,
    diagnostics: inout [Diagnostic]
  ) {
    var position: [NodeID: Int] = [:]
    var kinds: [NodeID: NodeKind] = [:]
    for (index, node) in nodes.enumerated() {
      position[node.id] = index
      kinds[node.id] = node.kind
    }
    let theses = nodes.filter { $0.kind == .mainAim }.map(\.id)
    let read = thesesReadAsClaims(theses, kinds: kinds) { id in
      position[id].map { nodes[$0].links } ?? []
    }
    for (id, kind) in read {
      guard let index = position[id] else { continue }
      nodes[index].kind = kind
      diagnostics.append(
        DiagnosticMessages.kialoNote(
          "thesis '\(id)' also stands under a claim ('-> See'), which a main aim cannot; it is "
            + "read as a \(kind.displayName)",
          range: lines.range(ofLine: nodeLines[index] + 1)))
    }
  }

  /// Which of `theses` are read as claims, and as which kind, in the order found: a thesis that
  /// links to a node not (or no longer) a main aim, as a claim, or a counterclaim when the link
  /// opposes; until none is left. The exporter asks the same to say what reads back as what.
  static func thesesReadAsClaims(
    _ theses: [NodeID], kinds: [NodeID: NodeKind], links: (NodeID) -> [Link]
  ) -> [(NodeID, NodeKind)] {
    var kinds = kinds
    var read: [(NodeID, NodeKind)] = []
    var changed = true
    while changed {
      changed = false
      for id in theses where kinds[id] == .mainAim {
        let underClaim = links(id).first { link in
          guard case .node(let target) = link.target else { return false }
          return kinds[target] != .mainAim
        }
        guard let underClaim else { continue }
        let kind: NodeKind = underClaim.relation == .opposes ? .counterclaim : .claim
        kinds[id] = kind
        read.append((id, kind))
        changed = true
      }
    }
    return read
  }

  /// A discussion title as a map's title: front matter holds one line of text, so control
  /// characters become spaces, and blanks are folded, as AIF texts are.
  static func titleText(_ text: String) -> String {
    ArgdownText.folded(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 })
  }

  /// The front matter entry that keeps where `-> See` entries stand among their siblings.
  static let orderKey = "kialo.order"

  /// The claims under each parent whose written order is not the map's order of those claims
  /// (a `-> See` entry stands anywhere among its siblings, its claim elsewhere in the map), as
  /// one line of YAML: `{parent: [claim, claim], ...}`; `nil` when every parent's claims are in
  /// map order.
  static func siblingOrder(_ entries: [Int: [Int]], nodes: [Node]) -> String? {
    let parents = entries.keys.sorted().filter { entries[$0] != entries[$0]?.sorted() }
    guard !parents.isEmpty else { return nil }
    let members = parents.map { parent in
      ArgdownYAML.scalarText(nodes[parent].id.rawValue) + ": ["
        + (entries[parent] ?? []).map { ArgdownYAML.scalarText(nodes[$0].id.rawValue) }
        .joined(separator: ", ") + "]"
    }
    return "{" + members.joined(separator: ", ") + "}"
  }

  /// Whether a line that is not a claim looks like one written by hand: an outline number
  /// without its last dot or after a blank (`1.1 Pro:`, `  1.1.1. Con:`), then a stance.
  static func looksLikeClaim(_ trimmed: String) -> Bool {
    var rest = Substring(trimmed)
    guard rest.first?.isASCII == true, rest.first?.isNumber == true else { return false }
    rest = rest.drop { $0.isASCII && ($0.isNumber || $0 == ".") }
    rest = rest.drop { $0 == " " || $0 == "\t" }
    let stance = rest.prefix(4).lowercased()
    return stance == "pro:" || stance == "con:"
  }

  /// `1.2.3.` at the start of a line: the numbers and the length including following blanks.
  static func outlineNumber(_ scalars: [Unicode.Scalar]) -> ([Int], Int)? {
    var numbers: [Int] = []
    var index = 0
    while index < scalars.count {
      var digits = 0
      var value = 0
      while index < scalars.count,
        let digit = scalars[index].properties.numericType == .decimal
          ? Int(String(scalars[index])) : nil, scalars[index].isASCII
      {
        value = value &* 10 &+ digit
        digits += 1
        index += 1
      }
      guard digits > 0, digits < 9, index < scalars.count, scalars[index] == "." else { break }
      numbers.append(value)
      index += 1
      if index == scalars.count || scalars[index].isBlank { break }
    }
    guard !numbers.isEmpty, index == scalars.count || scalars[index].isBlank,
      index > 0, scalars[index - 1] == "."
    else { return nil }
    while index < scalars.count, scalars[index].isBlank { index += 1 }
    return (numbers, index)
  }

  /// Kialo escapes parentheses and some other punctuation with a backslash. As in Markdown,
  /// which Kialo's texts are, a backslash escapes ASCII punctuation only: before anything else
  /// (`\\nHebrew`, a Windows path) it is a backslash and stays.
  static func unescaped(_ text: String) -> String {
    var result = ""
    var escaping = false
    for scalar in text.unicodeScalars {
      if escaping {
        if !(scalar.isASCII && scalar.properties.generalCategory.isPunctuationOrSymbol) {
          result += "\\"
        }
        result.unicodeScalars.append(scalar)
        escaping = false
      } else if scalar == "\\" {
        escaping = true
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    if escaping { result += "\\" }
    return result
  }
}

extension Unicode.GeneralCategory {
  /// Whether the category is punctuation or a symbol: what a Markdown backslash escapes among
  /// ASCII characters (`!"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~`).
  fileprivate var isPunctuationOrSymbol: Bool {
    switch self {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
      .modifierSymbol, .otherSymbol:
      true
    default: false
    }
  }
}
