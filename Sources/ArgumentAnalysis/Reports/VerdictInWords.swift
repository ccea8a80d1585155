import ArgumentMap

/// A comparison's verdict as a history teacher would write it, from the evidence matrix.
///
/// Which reading explains more of the evidence and which meets more evidence against it, named
/// by events and their dates, with the evidence that tells the readings apart first; how far each
/// is convincing; what a supporter of the other reading would reply; whether the aim was met,
/// kept apart from which reading is convincing; the corrections that bear on the evidence named;
/// and the author's own verdict, reported as the author's. It has no ids and no decimals: the
/// gradual scores are a detail for those who ask (`argmap compare --scores`).
struct VerdictInWords {
  let comparison: InterpretationComparison
  let matrix: EvidenceMatrix
  let map: IndexedMap

  init(_ comparison: InterpretationComparison, map: IndexedMap) {
    self.comparison = comparison
    self.matrix = EvidenceMatrix(comparison)
    self.map = map
  }

  /// A reading's name in quotes: “Security reading”.
  func reading(_ column: Int) -> String {
    let id = matrix.interpretations[column]
    return "\u{201C}" + ReportText.shortName(map.node(withID: id), id) + "\u{201D}"
  }

  /// A piece of evidence as a sentence names it: its title, else its first clause (at most ten
  /// words), and its date in words: "Operation Barbarossa (22 June 1941)".
  func named(_ id: NodeID) -> String { Self.named(id, in: map) }

  /// `named(_:)` for a map with no comparison: an essay plan on a map of one reading or none
  /// named its evidence by id.
  static func named(_ id: NodeID, in map: IndexedMap) -> String {
    let node = map.node(withID: id)
    var text = node?.title ?? Self.clause(node?.text ?? id.rawValue)
    while text.hasSuffix(".") { text.removeLast() }
    // Mid-sentence, "The Munich Conference" is "the Munich Conference".
    if text.hasPrefix("The ") { text = "the" + text.dropFirst(3) }
    if let date = node?.date, !text.contains(String(date.start.year)) {
      text += " (" + ReportText.words(date) + ")"
    }
    return text
  }

  /// The first clause of a text (up to `:`, `;` or ` (`), at most `words` words.
  static func clause(_ text: String, words: Int = 10) -> String {
    var clause = Substring(text)
    for stop in [": ", "; ", " ("] {
      if let range = clause.range(of: stop), clause[..<range.lowerBound].contains(" ") {
        clause = clause[..<range.lowerBound]
      }
    }
    return ReportText.cut(String(clause), words: words)
  }

  /// "a, b and c".
  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }

  /// The first letter in upper case, to start a sentence.
  static func capitalised(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  /// How far a reading is convincing, from how much of the evidence fits it and how much counts
  /// against it.
  func howFar(_ column: Int) -> String {
    let (fit, against) = matrix.tally[column]
    let total = matrix.rows.count
    if fit >= 3 * against, fit * 2 >= total {
      return "To a large extent: most of the evidence fits it and little counts against it"
    }
    if fit > against, fit * 3 >= total {
      return "To some extent: more of the evidence fits it than counts against it"
    }
    if fit > against {
      return "To a limited extent: the evidence it uses mostly fits it, but it explains only "
        + "\(fit) of the \(total) pieces the map gives"
    }
    if fit == against {
      return "Only partly: as much of the evidence counts against it as fits it"
    }
    return "Hardly: more of the evidence counts against it than fits it"
  }

  /// The paragraphs, in order.
  var sentences: [String] {
    let columns = Array(matrix.interpretations.indices)
    let tally = matrix.tally
    let total = matrix.rows.count
    var sentences: [String] = []
    var cited: [NodeID] = []

    // Which reading explains more.
    let byFit = columns.sorted { tally[$0].consistent > tally[$1].consistent }
    let leader = byFit[0]
    let others = byFit.dropFirst().map { "\(tally[$0].consistent) for \(reading($0))" }
    if tally[leader].consistent > tally[byFit[1]].consistent {
      sentences.append(
        "\(reading(leader)) explains more of the evidence: "
          + (total == 1
            ? "the one piece of evidence the map gives fits it"
            : "\(tally[leader].consistent) of the \(total) pieces of evidence the map gives fit it")
          + ", against " + Self.list(others) + ".")
    } else {
      sentences.append(
        "The readings explain about as much of the evidence: "
          + Self.list(
            columns.map {
              let count = tally[$0].consistent
              return (count == 1 ? "1 piece fits " : "\(count) pieces fit ") + reading($0)
            }) + ".")
    }

    // The evidence that tells them apart, first.
    let diagnostic = matrix.diagnosticRows
    if diagnostic.isEmpty {
      // What does set them apart: the evidence each chooses, or how each reads the same
      // evidence, or nothing at all.
      let chooses = matrix.rows.contains { row in row.cells.contains { $0.judgement == .notUsed } }
      let twoWays = matrix.rows.filter(\.isReadTwoWays)
      var differences: [String] = []
      if chooses { differences.append("they differ in the evidence they choose") }
      if let first = twoWays.first {
        cited.append(first.evidence)
        differences.append(
          "they read "
            + (twoWays.count == 1 ? named(first.evidence) : "\(twoWays.count) pieces")
            + " two ways, each for its own side")
      }
      let question =
        switch (chooses, !twoWays.isEmpty) {
        case (true, true): "which evidence matters more, and whose reading of it is sounder"
        case (true, false): "which evidence matters more"
        case (false, true): "whose reading of the evidence is sounder"
        case (false, false): ""
        }
      sentences.append(
        "No piece of evidence fits one reading and counts against another: "
          + (differences.isEmpty
            ? "they take every piece of evidence the same way, so this evidence cannot decide "
              + "between them."
            : differences.joined(separator: ", and ") + ", so the question is " + question + "."))
    } else {
      let parts = diagnostic.map { row -> String in
        cited.append(row.evidence)
        let fits = columns.filter { row.cells[$0].judgement == .consistent }.map(reading)
        let against = columns.filter { row.cells[$0].judgement == .inconsistent }.map(reading)
        return "\(named(row.evidence)) fits \(Self.list(fits)) and counts against "
          + Self.list(against)
      }
      sentences.append("The evidence that tells them apart: " + parts.joined(separator: "; ") + ".")
    }

    // Which meets more evidence against it.
    let byAgainst = columns.sorted { tally[$0].inconsistent > tally[$1].inconsistent }
    var against: [String] = []
    for column in byAgainst {
      let rows = matrix.rows.filter { $0.cells[column].judgement == .inconsistent }
      // The diagnostic evidence first, then in date order.
      let named = (rows.filter(\.isDiagnostic) + rows.filter { !$0.isDiagnostic }).prefix(3)
      cited += named.map(\.evidence)
      let count = rows.count == 1 ? "one piece" : "\(rows.count) pieces"
      let list = Self.list(named.map { self.named($0.evidence) })
      against.append(
        rows.isEmpty
          ? "none" : count + (rows.count > named.count ? ", among them " : ": ") + list)
    }
    if tally[byAgainst[0]].inconsistent > tally[byAgainst[1]].inconsistent {
      sentences.append(
        "\(reading(byAgainst[0])) meets more evidence against it: \(against[0]). "
          + byAgainst.indices.dropFirst().map { "\(reading(byAgainst[$0])) meets \(against[$0])" }
          .joined(separator: "; ") + ".")
    } else {
      sentences.append(
        "Evidence against each: "
          + byAgainst.indices.map { "\(reading(byAgainst[$0])) meets \(against[$0])" }
          .joined(separator: "; ") + ".")
    }

    // How far each is convincing.
    for column in byFit {
      sentences.append("How far is \(reading(column)) convincing? \(howFar(column)).")
    }

    // What the other side would reply.
    for column in byFit.dropFirst() {
      guard let (row, reason) = reply(of: column) else { continue }
      cited.append(row)
      sentences.append(
        "A supporter of \(reading(column)) would reply, on \(named(row)): \(reason).")
    }

    // Success kept apart from motive.
    if let success = aimMet() { sentences.append(success) }

    // The corrections that bear on the evidence named.
    var corrected: [String] = []
    var seen = Set<NodeID>()
    for id in cited where seen.insert(id).inserted {
      for flag in map.node(withID: id)?.flags ?? [] {
        var correction = Self.clause(flag.text, words: 25)
        while correction.hasSuffix(".") { correction.removeLast() }
        corrected.append("\(named(id)): \(correction)")
      }
    }
    if !corrected.isEmpty {
      sentences.append(
        "The map corrects what the essay says about evidence named here (its sources are in the "
          + "map): " + corrected.joined(separator: "; ") + ".")
    }

    // The author's verdict, as the author's.
    for authored in comparison.verdict.authorVerdicts {
      var text = map.node(withID: authored.claim)?.text ?? ""
      if !text.hasSuffix(".") { text += "." }
      var sentence =
        "The author's own verdict: \u{201C}\(text)\u{201D} That is the author's judgement"
      if let favoured = matrix.interpretations.firstIndex(of: authored.favours),
        tally[leader].consistent > tally[byFit[1]].consistent
      {
        sentence +=
          favoured == leader
          ? "; it sides with the reading that explains more of the evidence here."
          : "; it sides against the reading that explains more of the evidence here."
      } else {
        sentence += ", to be weighed against the evidence above."
      }
      sentences.append(sentence)
    }
    return sentences
  }

  /// What a supporter of the reading in `column` would reply: its own reason on evidence it
  /// reads another way (read two ways), else on evidence that tells the readings apart in its
  /// favour, else on evidence only it uses.
  private func reply(of column: Int) -> (NodeID, String)? {
    func reason(_ rows: [EvidenceMatrix.Row]) -> (NodeID, String)? {
      for row in rows {
        let cell = row.cells[column]
        if cell.judgement == .consistent, let first = cell.reasons.first {
          return (row.evidence, ReportText.cut(first, words: 30))
        }
      }
      return nil
    }
    return reason(matrix.rows.filter(\.isReadTwoWays))
      ?? reason(matrix.diagnosticRows)
      ?? reason(
        matrix.rows.filter { row in row.cells.filter { $0.judgement != .notUsed }.count == 1 })
      ?? reason(matrix.rows)
  }

  /// How far an aim was met, from its successes and failures: the one rule the verdict and the
  /// essay plan share.
  static func met(successes: Int, failures: Int) -> String {
    extent(successes, failures, "met")
  }

  /// How far a thesis is supported by the factors for and against it: the same scale as `met`.
  static func supported(for: Int, against: Int) -> String {
    extent(`for`, against, "supported")
  }

  /// "`verb` to a large extent", "only partly `verb`", … from the counts for and against.
  private static func extent(_ successes: Int, _ failures: Int, _ verb: String) -> String {
    if successes >= 3 * max(failures, 1) { return "\(verb) to a large extent" }
    // "About even" needs something on both sides: one success and no failure is not even.
    if abs(successes - failures) <= 1 && (min(successes, failures) > 0 || successes == failures) {
      return "only partly \(verb)"
    }
    if successes > failures { return "\(verb) to some extent" }
    if failures >= 3 * max(successes, 1) { return "not \(verb)" }
    return "largely not \(verb)"
  }

  /// Whether the aim the readings argue about was met, from its successes and failures.
  private func aimMet() -> String? {
    let theses = Set(comparison.sides.flatMap(\.thesis))
    guard
      let aim = map.nodes.first(where: { $0.kind == .mainAim && theses.contains($0.id) })
        ?? map.nodes.first(where: { $0.kind == .mainAim }),
      let table = try? SuccessFailureTable(
        map.map, aim: aim.id, period: SuccessFailureTable.declaredPeriod(of: map.map))
    else { return nil }
    let successes = table.successes.map(\.evidence)
    let failures = table.failures.map(\.evidence)
    guard !successes.isEmpty || !failures.isEmpty else { return nil }
    func some(_ ids: [NodeID]) -> String {
      Self.list(ids.prefix(3).map(named)) + (ids.count > 3 ? ", and more" : "")
    }
    let aimName = aim.shortName ?? ReportText.cut(aim.text, words: 10)
    if table.frame == .factors {
      // A thesis about causes or responsibility is supported or not; it is not "met".
      var supported = Self.supported(for: successes.count, against: failures.count)
      if supported == "only partly supported" { supported += ": the factors are about even" }
      return "Whether the factors bear out \u{201C}\(aimName)\u{201D} is a separate question from "
        + "which reading is more convincing. The map gives "
        + EssayPlan.count(successes.count, "factor", "factors") + " for it (" + some(successes)
        + ")"
        + (failures.isEmpty
          ? " and none against it"
          : " and \(failures.count) against it ("
            + some(failures) + ")") + ": on the map's factors, it is \(supported)."
    }
    var met = Self.met(successes: successes.count, failures: failures.count)
    if met == "only partly met" { met += ": its successes and failures are about even" }
    if met == "met to some extent" && !failures.isEmpty { met += ", with real failures" }
    return "Whether the aim (\u{201C}\(aimName)\u{201D}) was met is a separate question from which "
      + "reading is more convincing. The map counts "
      + EssayPlan.count(successes.count, "success", "successes") + " ("
      + some(successes) + ") and " + EssayPlan.count(failures.count, "failure", "failures")
      + " (" + some(failures)
      + "): on the map's evidence the aim was \(met)."
  }
}
