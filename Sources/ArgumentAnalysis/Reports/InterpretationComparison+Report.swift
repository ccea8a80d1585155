import ArgumentMap

extension InterpretationComparison {
  /// The verdict as a history teacher would write it, one paragraph each (`VerdictInWords`):
  /// evidence named by events and dates, no ids and no decimals.
  public func verdictSentences(for base: ArgumentMap) -> [String] {
    VerdictInWords(self, map: IndexedMap(base)).sentences
  }

  /// How far each interpretation is convincing, in a few words ("convincing to some extent",
  /// "only partly convincing"), in side order.
  public func howFarConvincing(for base: ArgumentMap) -> [String] {
    let verdict = VerdictInWords(self, map: IndexedMap(base))
    return sides.indices.map { column in
      let words = String(verdict.howFar(column).prefix { $0 != ":" }).lowercased()
      return words.hasPrefix("to ") ? "convincing " + words : words + " convincing"
    }
  }

  /// The gradual scores behind the comparison, for those who ask (`argmap compare --scores`):
  /// each reading's strength, the evidence that moves it most, and the ranking by score.
  public func scoreSentences(for base: ArgumentMap) -> [String] {
    let map = IndexedMap(base)
    func name(_ id: NodeID) -> String {
      "\u{201C}" + ReportText.shortName(map.node(withID: id), id) + "\u{201D}"
    }
    func text(_ id: NodeID) -> String { map.node(withID: id)?.text ?? id.rawValue }
    var sentences: [String] = []
    if let winner = verdict.winner, let top = verdict.scores.first ?? nil {
      let others = zip(verdict.ranking.dropFirst(), verdict.scores.dropFirst()).map { id, score in
        "\(name(id)) (\(score.map { ReportText.fixed($0) } ?? "n/a"))"
      }
      sentences.append(
        "On this map \(name(winner)) (\(ReportText.fixed(top))) is more convincing than "
          + others.joined(separator: " and ") + ".")
    } else if verdict.scores.first.flatMap({ $0 }) != nil {
      sentences.append(
        "On this map the interpretations are too close to call: "
          + zip(verdict.ranking, verdict.scores).map { id, score in
            "\(name(id)) \(score.map { ReportText.fixed($0) } ?? "n/a")"
          }.joined(separator: ", ") + ".")
    } else {
      sentences.append(
        "No verdict: the strengths did not converge, so the map cannot rank the interpretations.")
    }
    for side in sides {
      guard let score = side.score else {
        sentences.append(
          "How far is \(name(side.interpretation)) convincing? It cannot be said: its strengths did not converge."
        )
        continue
      }
      var sentence =
        "How far is \(name(side.interpretation)) convincing? It is "
        + HowFar(strength: score).convincing + " (\(ReportText.fixed(score))), resting on "
        + "\(side.evidence.filter { $0.via.isEmpty }.count) pieces of evidence."
      let helps = side.contributions.filter { $0.effect >= 0.005 }.prefix(3)
      let hurts = side.contributions.filter { $0.effect <= -0.005 }.prefix(2)
      if !helps.isEmpty {
        sentence +=
          " Its strongest evidence: "
          + helps.map {
            "\(ReportText.shortEvidence(map, $0.evidence)) (\(ReportText.signed($0.effect)))"
          }
          .joined(separator: "; ") + "."
      }
      if !hurts.isEmpty {
        sentence +=
          " Against it: "
          + hurts.map {
            "\(ReportText.shortEvidence(map, $0.evidence)) (\(ReportText.signed($0.effect)))"
          }
          .joined(separator: "; ") + "."
      }
      let flagged = side.evidence.filter { map.node(withID: $0.evidence)?.isFlagged ?? false }.count
      if flagged > 0 {
        sentence +=
          flagged == 1
          ? " One piece of evidence it uses carries a factual correction; check it before relying on it."
          : " \(flagged) of the pieces of evidence it uses carry a factual correction; check them before relying on them."
      }
      sentences.append(sentence)
    }
    let twoWays = rows.filter(\.isReadTwoWays)
    if !twoWays.isEmpty {
      sentences.append(
        "The same evidence is read two ways: "
          + twoWays.map { ReportText.shortEvidence(map, $0.evidence) }.joined(separator: "; ")
          + ". The disagreement is about what these events meant, not about whether they happened.")
    }
    for authored in verdict.authorVerdicts {
      var sentence = "The map's own verdict: \u{201C}\(text(authored.claim))\u{201D}."
      if let agrees = verdict.agreesWithAuthor {
        sentence +=
          agrees
          ? " The evidence in the map bears this out."
          : " The evidence in the map does not bear this out."
      }
      sentences.append(sentence)
    }
    return sentences
  }

  /// The corrections of the flagged evidence, a Markdown list item each ("- ⚑ statement:
  /// correction (Source: …)"), for a page that draws the comparison without them.
  public func correctionItems(for base: ArgumentMap) -> [String] {
    ReportCorrections(rows.map(\.evidence), in: IndexedMap(base)).markdownItems()
  }

  /// A Markdown report: verdict, the evidence in three groups, sub-aims, and notes.
  public func markdown(for base: ArgumentMap, showsScores: Bool = false) -> String {
    let map = IndexedMap(base)
    func name(_ id: NodeID) -> String {
      ReportText.markdown(ReportText.shortName(map.node(withID: id), id))
    }
    let names = sides.map { name($0.interpretation) }
    var lines: [String] = []
    lines.append("# Comparing interpretations: " + names.joined(separator: " and "))
    lines.append("")
    if let title = map.metadata.title {
      lines += ["Map: " + ReportText.markdownCell(title) + ".", ""]
    }
    lines.append("## Verdict")
    lines.append("")
    for sentence in verdictSentences(for: base) { lines += [ReportText.markdown(sentence), ""] }

    lines.append("## The interpretations")
    lines.append("")
    if !showsScores {
      lines.append("| Interpretation | Thesis | How far convincing |")
      lines.append("|---|---|---|")
      func shortText(_ id: NodeID) -> String {
        let node = map.node(withID: id)
        return ReportText.markdownCell(
          node?.shortName ?? ReportText.cut(node?.text ?? id.rawValue, words: 12))
      }
      for (side, howFar) in zip(sides, howFarConvincing(for: base)) {
        // What a reading argues against is its thesis too: a reading that opposes the motion
        // was listed by its own name alone.
        let opposed = (map.node(withID: side.interpretation)?.links ?? []).compactMap { link in
          if link.relation == .opposes, case .node(let target) = link.target { target } else { nil }
        }
        let thesis = (side.thesis.map(shortText) + opposed.map { "against " + shortText($0) })
          .joined(separator: "; ")
        lines.append("| \(ReportText.cell(name(side.interpretation))) | \(thesis) | \(howFar) |")
      }
      lines.append("")
    }
    if showsScores {
      lines.append("| Interpretation | Thesis | Score | How far convincing |")
      lines.append("|---|---|---|---|")
    }
    for side in sides where showsScores {
      let thesis = zip(
        side.thesis,
        side.thesisStrengths.isEmpty ? side.thesis.map { _ in Double.nan } : side.thesisStrengths
      )
      .map { id, strength in "`\(id)` \(ReportText.fixed(strength))" }.joined(separator: ", ")
      let score = side.score.map { ReportText.fixed($0) } ?? "did not converge"
      let judgement = side.score.map { HowFar(strength: $0).convincing } ?? "cannot be said"
      lines.append(
        "| \(ReportText.cell(name(side.interpretation))) | \(thesis) | \(score) | \(judgement) |")
    }
    if showsScores {
      lines.append("")
      for sentence in scoreSentences(for: base) { lines += [ReportText.markdown(sentence), ""] }
    }

    lines.append("## Evidence read two ways")
    lines.append("")
    let twoWays = rows.filter(\.isReadTwoWays)
    if twoWays.isEmpty {
      lines.append("None: where the interpretations share evidence they read it the same way.")
    } else {
      lines.append(
        "| Date | Evidence | " + names.map(ReportText.cell).joined(separator: " | ") + " |")
      lines.append("|---|---|" + String(repeating: "---|", count: names.count))
      for row in twoWays {
        lines.append(
          rowStart(map, row.evidence) + " | "
            + row.readings.map { reading in reading.map(Self.describe) ?? "not used" }
            .map(ReportText.markdownCell).joined(separator: " | ") + " |")
      }
    }
    lines.append("")

    lines.append("## Evidence both use, read the same way")
    lines.append("")
    let same = rows.filter { $0.isShared && !$0.isReadTwoWays }
    if same.isEmpty {
      lines.append("None.")
    } else {
      lines.append(
        "| Date | Evidence | " + names.map(ReportText.cell).joined(separator: " | ") + " |")
      lines.append("|---|---|" + String(repeating: "---|", count: names.count))
      for row in same {
        lines.append(
          rowStart(map, row.evidence) + " | "
            + row.readings.map { reading in reading.map(Self.describe) ?? "not used" }
            .map(ReportText.markdownCell).joined(separator: " | ") + " |")
      }
    }
    lines.append("")

    for (index, side) in sides.enumerated() {
      lines.append("## Evidence only \u{201C}\(name(side.interpretation))\u{201D} uses")
      lines.append("")
      let only = evidenceOnly(of: index)
      if only.isEmpty {
        lines.append("None.")
      } else {
        lines.append("| Date | Evidence | Reading |")
        lines.append("|---|---|---|")
        for row in only {
          guard let reading = row.readings[index] else { continue }
          var text = ReportText.markdown(Self.describe(reading))
          if !reading.via.isEmpty {
            text += " (part of " + reading.via.map { "`\($0)`" }.joined(separator: ", ") + ")"
          }
          lines.append(rowStart(map, row.evidence) + " | " + ReportText.cell(text) + " |")
        }
        lines.append("")
        lines.append("What would the other side say about these?")
      }
      lines.append("")
    }

    let corrections = ReportCorrections(rows.map(\.evidence), in: map)
    if !corrections.isEmpty {
      lines += corrections.markdown(intro: ReportCorrections.markedIntro) + [""]
    }

    lines.append("## Sub-aims")
    lines.append("")
    let subAimIDs = sides.flatMap { $0.subAims.map(\.subAim) }.reduce(into: [NodeID]()) { ids, id in
      if !ids.contains(id) { ids.append(id) }
    }
    if subAimIDs.isEmpty {
      lines.append("No sub-aim serves these interpretations' theses.")
    } else {
      lines.append("| Sub-aim | " + names.map(ReportText.cell).joined(separator: " | ") + " |")
      lines.append("|---|" + String(repeating: "---|", count: names.count))
      for id in subAimIDs {
        let cells = sides.map { side -> String in
          guard let judgement = side.subAims.first(where: { $0.subAim == id }) else {
            return "not part of this reading"
          }
          let counts = Self.counts(judgement)
          guard showsScores else { return counts }
          guard let strength = judgement.strength else { return "did not converge" }
          return HowFar(strength: strength).met + " (\(ReportText.fixed(strength)); \(counts))"
        }
        lines.append(
          "| " + ReportText.markdownCell(map.node(withID: id)?.text ?? id.rawValue) + " | "
            + cells.joined(separator: " | ") + " |")
      }
    }
    lines.append("")

    lines.append("## Why they differ")
    lines.append("")
    let reasons = differences(map)
    for (index, side) in sides.enumerated() {
      let notes = map.node(withID: side.interpretation)?.notes ?? []
      let sources = map.node(withID: side.interpretation)?.sources ?? []
      lines.append(
        "- **\(ReportText.cell(name(side.interpretation)))**: "
          + ReportText.markdownCell(map.node(withID: side.interpretation)?.text ?? ""))
      lines.append("  - " + ReportText.markdownCell(reasons.selected[index]))
      for note in notes { lines.append("  - " + ReportText.markdownCell(note)) }
      for source in sources { lines.append("  - Source: " + ReportText.markdownCell(source)) }
    }
    if let readTwoWays = reasons.readTwoWays {
      lines.append("- " + ReportText.markdownCell(readTwoWays))
    }
    lines.append("")
    lines.append("## How this was worked out")
    lines.append("")
    lines.append(
      "Each interpretation reads the map with its own scoped links. A piece of evidence fits a "
        + "reading when a chain of supports, attacks or undercuts leads from it to the reading's "
        + "thesis and counts for it, and counts against the reading when the chain counts against; "
        + "evidence that fits one reading and counts against another tells them apart. A reading "
        + "is convincing to a large extent when at least three times as much evidence fits it as "
        + "counts against it and it explains at least half of the evidence; to some extent when "
        + "more fits it than counts against it and it explains at least a third; to a limited "
        + "extent when more fits it but it explains less.")
    guard showsScores else { return lines.joined(separator: "\n") + "\n" }
    lines.append("")
    lines.append(
      "Each interpretation reads the map with its own scoped links. Evidence counts for a reading "
        + "when a chain of supports, attacks or undercuts leads from it to the reading's thesis. "
        + "Scores are \(Semantics.gradual(semantics).displayName) strengths (base score "
        + "\(ReportText.fixed(options.defaultBaseScore)) where the map gives none), averaged over "
        + "the thesis; an item's effect is the score with it minus the score without it. "
        + (options.rivalsAttack
          ? "The interpretations were made to attack each other."
          : "The interpretations were weighed independently."))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A JSON report with stable key order.
  public func json(for base: ArgumentMap) -> String {
    func quote(_ id: NodeID) -> String { JSONText.quote(id.rawValue) }
    func number(_ value: Double?) -> String { value.map(JSONText.number) ?? "null" }
    func reading(_ reading: EvidenceReading?) -> String {
      guard let reading else { return "null" }
      let links = reading.links.map { link in
        "{\"relation\": \(JSONText.quote(link.relation.rawValue)), \"target\": \(JSONText.quote(Self.targetText(link.target))), "
          + "\"scope\": \(link.scope.map(quote) ?? "null"), \"bearing\": \(JSONText.quote(link.bearing.rawValue)), "
          + "\"reasoning\": \(link.reasoning.map { JSONText.quote($0) } ?? "null")}"
      }
      return
        "{\"bearing\": \(JSONText.quote(reading.bearing.rawValue)), \"via\": [\(reading.via.map(quote).joined(separator: ", "))], "
        + "\"links\": [\(links.joined(separator: ", "))]}"
    }
    var sideTexts: [String] = []
    for side in sides {
      let contributions = side.contributions.map {
        "{\"evidence\": \(quote($0.evidence)), \"effect\": \(JSONText.number($0.effect))}"
      }
      let subAims = side.subAims.map {
        "{\"subAim\": \(quote($0.subAim)), \"strength\": \(number($0.strength)), "
          + "\"successes\": [\($0.successes.map(quote).joined(separator: ", "))], "
          + "\"failures\": [\($0.failures.map(quote).joined(separator: ", "))]}"
      }
      sideTexts.append(
        "{\"interpretation\": \(quote(side.interpretation)), \"thesis\": [\(side.thesis.map(quote).joined(separator: ", "))], "
          + "\"score\": \(number(side.score)), \"converged\": \(side.convergence.isConverged), "
          + "\"howFar\": \(side.score.map { JSONText.quote(HowFar(strength: $0).rawValue) } ?? "null"), "
          + "\"evidence\": [\(side.evidence.map { quote($0.evidence) }.joined(separator: ", "))], "
          + "\"contributions\": [\(contributions.joined(separator: ", "))], \"subAims\": [\(subAims.joined(separator: ", "))]}"
      )
    }
    let rowTexts = rows.map { row in
      "{\"evidence\": \(quote(row.evidence)), \"shared\": \(row.isShared), \"readTwoWays\": \(row.isReadTwoWays), "
        + "\"readings\": [\(row.readings.map(reading).joined(separator: ", "))]}"
    }
    let authored = verdict.authorVerdicts.map {
      "{\"claim\": \(quote($0.claim)), \"favours\": \(quote($0.favours)), \"against\": [\($0.against.map(quote).joined(separator: ", "))]}"
    }
    var fields: [String] = []
    fields.append("\"semantics\": " + JSONText.quote(semantics.rawValue))
    fields.append("\"rivalsAttack\": \(options.rivalsAttack)")
    fields.append("\"sides\": [\n    " + sideTexts.joined(separator: ",\n    ") + "\n  ]")
    fields.append("\"evidence\": [\n    " + rowTexts.joined(separator: ",\n    ") + "\n  ]")
    fields.append(
      "\"corrections\": " + ReportCorrections(rows.map(\.evidence), in: IndexedMap(base)).json())
    fields.append(
      "\"verdict\": {\"ranking\": [\(verdict.ranking.map(quote).joined(separator: ", "))], "
        + "\"scores\": [\(verdict.scores.map(number).joined(separator: ", "))], "
        + "\"winner\": \(verdict.winner.map(quote) ?? "null"), "
        + "\"agreesWithAuthor\": \(verdict.agreesWithAuthor.map { "\($0)" } ?? "null"), "
        + "\"authorVerdicts\": [\(authored.joined(separator: ", "))], "
        + "\"sentences\": \(JSONText.array(verdictSentences(for: base)))}")
    return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
  }

  /// A self-contained HTML page: the verdict, then three columns (the first side, the shared
  /// evidence, the other sides), greyscale-safe (markers and borders, not colour alone).
  public func html(for base: ArgumentMap, showsScores: Bool = false) -> String {
    let map = IndexedMap(base)
    func name(_ id: NodeID) -> String { ReportText.shortName(map.node(withID: id), id) }
    func item(_ id: NodeID, _ readings: [(String, EvidenceReading)], twoWays: Bool) -> String {
      let node = map.node(withID: id)
      var out = "<li class=\"\(twoWays ? "two-ways" : "one-way")\">"
      if twoWays { out += "<span class=\"mark\">⇄ read two ways</span> " }
      if let date = node?.date { out += "<time>\(ReportText.html(date.description))</time> " }
      out += "<strong>\(ReportText.html(node?.text ?? id.rawValue))</strong>"
      if node?.isFlagged ?? false { out += " <span class=\"flag\">⚑ corrected in the map</span>" }
      out += "<ul>"
      for (who, reading) in readings {
        out += "<li>\(ReportText.html(who)): \(ReportText.html(Self.describe(reading)))</li>"
      }
      return out + "</ul></li>"
    }
    var body = ""
    body +=
      "<h1>Comparing interpretations: \(ReportText.html(sides.map { name($0.interpretation) }.joined(separator: " and ")))</h1>\n"
    if let title = map.metadata.title { body += "<p class=\"map\">\(ReportText.html(title))</p>\n" }
    body += "<section class=\"verdict\"><h2>Verdict</h2>\n"
    for sentence in verdictSentences(for: base) { body += "<p>\(ReportText.html(sentence))</p>\n" }
    body += "</section>\n"
    if showsScores {
      body += "<section class=\"scores\"><h2>Scores</h2>\n"
      for sentence in scoreSentences(for: base) {
        body += "<p>\(ReportText.html(sentence))</p>\n"
      }
      body += "</section>\n"
    }
    body += "<div class=\"columns\">\n"
    let first = sides[0]
    body +=
      "<section><h2>Only \u{201C}\(ReportText.html(name(first.interpretation)))\u{201D}</h2><ul>"
    for row in evidenceOnly(of: 0) {
      if let reading = row.readings[0] {
        body += item(row.evidence, [(name(first.interpretation), reading)], twoWays: false)
      }
    }
    body += "</ul></section>\n<section class=\"shared\"><h2>Shared evidence</h2><ul>"
    for row in sharedEvidence {
      let readings = row.readings.enumerated().compactMap { index, reading in
        reading.map { (name(sides[index].interpretation), $0) }
      }
      body += item(row.evidence, readings, twoWays: row.isReadTwoWays)
    }
    body += "</ul></section>\n"
    for index in sides.indices.dropFirst() {
      body +=
        "<section><h2>Only \u{201C}\(ReportText.html(name(sides[index].interpretation)))\u{201D}</h2><ul>"
      for row in evidenceOnly(of: index) {
        if let reading = row.readings[index] {
          body += item(row.evidence, [(name(sides[index].interpretation), reading)], twoWays: false)
        }
      }
      body += "</ul></section>\n"
    }
    body += "</div>\n"
    body += ReportCorrections(rows.map(\.evidence), in: map).html(
      intro: ReportCorrections.markedIntro)
    let subAimIDs = sides.flatMap { $0.subAims.map(\.subAim) }.reduce(into: [NodeID]()) {
      ids, id in
      if !ids.contains(id) { ids.append(id) }
    }
    if !subAimIDs.isEmpty {
      body += "<section><h2>Sub-aims</h2>\n<table>\n<thead><tr><th>Sub-aim</th>"
      for side in sides { body += "<th>\(ReportText.html(name(side.interpretation)))</th>" }
      body += "</tr></thead>\n<tbody>\n"
      for id in subAimIDs {
        body += "<tr><td>\(ReportText.html(map.node(withID: id)?.text ?? id.rawValue))</td>"
        for side in sides {
          let cell: String
          if let judgement = side.subAims.first(where: { $0.subAim == id }) {
            let counts = Self.counts(judgement)
            cell =
              !showsScores
              ? counts
              : judgement.strength.map {
                HowFar(strength: $0).met + " (\(ReportText.fixed($0)); \(counts))"
              } ?? "did not converge"
          } else {
            cell = "not part of this reading"
          }
          body += "<td>\(ReportText.html(cell))</td>"
        }
        body += "</tr>\n"
      }
      body += "</tbody>\n</table>\n</section>\n"
    }
    let reasons = differences(map)
    body += "<section class=\"differ\"><h2>Why they differ</h2>\n<ul>\n"
    for (index, side) in sides.enumerated() {
      let node = map.node(withID: side.interpretation)
      body +=
        "<li><strong>\(ReportText.html(name(side.interpretation)))</strong>: "
        + ReportText.html(node?.text ?? "") + "<ul><li>" + ReportText.html(reasons.selected[index])
        + "</li>"
      for note in node?.notes ?? [] { body += "<li>\(ReportText.html(note))</li>" }
      for source in node?.sources ?? [] { body += "<li>Source: \(ReportText.html(source))</li>" }
      body += "</ul></li>\n"
    }
    if let readTwoWays = reasons.readTwoWays {
      body += "<li>\(ReportText.html(readTwoWays))</li>\n"
    }
    body += "</ul>\n</section>\n"
    let style = """
      body{font-family:"Liberation Sans","DejaVu Sans",sans-serif;max-width:75em;margin:1em auto;padding:0 1em;color:#111}
      .columns{display:grid;grid-template-columns:repeat(\(sides.count + 1),1fr);gap:1em}
      .columns section{border:1px solid #444;padding:.5em}
      .shared{border-width:3px!important}
      li.two-ways{border-left:4px double #000;padding-left:.4em;margin-bottom:.6em}
      li.one-way{margin-bottom:.6em}
      .mark,.flag{font-size:.85em;font-style:italic}
      time{font-variant-numeric:tabular-nums}
      """
    return
      "<!DOCTYPE html>\n<html lang=\"\(ReportText.html(map.metadata.language ?? "en"))\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>\(ReportText.html(map.metadata.title ?? "Comparison"))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
      + body + "</body>\n</html>\n"
  }

  /// "2 successes, 1 failure".
  /// Why the readings differ in terms of their evidence (the reason students are asked for):
  /// for each, the evidence only it selects, named with dates; and the evidence they read two
  /// ways. The interpretations' own notes (the question a historian asked, the sources open to
  /// them) follow in the reports.
  func differences(_ map: IndexedMap) -> (selected: [String], readTwoWays: String?) {
    let namer = VerdictInWords(self, map: map)
    func list(_ ids: [NodeID]) -> String {
      let names = ids.prefix(4).map(namer.named)
      guard ids.count > 4 else { return VerdictInWords.list(names) }
      return names.joined(separator: ", ") + ", and \(ids.count - 4) more"
    }
    let selected = sides.indices.map { index -> String in
      let only = evidenceOnly(of: index).map(\.evidence)
      guard !only.isEmpty else { return "It selects no evidence the other readings leave out." }
      return "It selects evidence the other readings leave out: " + list(only) + "."
    }
    let twoWays = rows.filter(\.isReadTwoWays).map(\.evidence)
    let readTwoWays =
      twoWays.isEmpty
      ? nil : "They read the same evidence two ways: " + list(twoWays) + "."
    return (selected, readTwoWays)
  }

  static func counts(_ judgement: SubAimJudgement) -> String {
    let successes = judgement.successes.count
    let failures = judgement.failures.count
    return "\(successes) success\(successes == 1 ? "" : "es"), "
      + "\(failures) failure\(failures == 1 ? "" : "s")"
  }

  /// "for (→ strength [security-view]: it bought time …)".
  static func describe(_ reading: EvidenceReading) -> String {
    let links = reading.links.map { link -> String in
      var text = "\(link.relation.sign) \(targetText(link.target))"
      if let scope = link.scope { text += " [\(scope)]" }
      if let reasoning = link.reasoning { text += ": " + reasoning }
      return text
    }
    return reading.bearing.displayName + " (" + links.joined(separator: "; ") + ")"
  }

  static func targetText(_ target: LinkTarget) -> String {
    switch target {
    case .node(let id): id.rawValue
    case .link(let from, let to): "\(from) -> \(to)"
    }
  }

  private func rowStart(_ map: IndexedMap, _ id: NodeID) -> String {
    let node = map.node(withID: id)
    let date = node?.date?.description ?? ""
    let flag = node?.isFlagged ?? false ? " ⚑" : ""
    return "| \(date) | `\(id)` " + ReportText.markdownCell(node?.text ?? "") + flag
  }
}

extension ReportText {
  /// An evidence item for a sentence: its date and id (`1939-08-23 nazi-soviet-pact`).
  static func shortEvidence(_ map: IndexedMap, _ id: NodeID) -> String {
    if let date = map.node(withID: id)?.date { return "\(id) (\(date.start.year))" }
    return id.rawValue
  }
}
