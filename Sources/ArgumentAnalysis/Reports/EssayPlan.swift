import ArgumentMap

/// A paragraph-by-paragraph essay plan from a map, as a student would draft one before writing:
/// an introduction with the question and the interpretations, one paragraph per sub-aim with its
/// evidence for and against in date order and the counter-arguments with their rebuttals, a
/// paragraph for the evidence that bears on the aim itself, and a conclusion that follows the
/// verdict in words.
public struct EssayPlan: Hashable, Sendable {
  /// A "one could argue" point against a piece of evidence, with the replies the map gives.
  public struct CounterArgument: Hashable, Sendable {
    /// The counter-argument's text.
    public var text: String
    /// The rebuttals' texts, in written order.
    public var replies: [String]
  }

  /// One piece of evidence in a paragraph: how the essay would name it, and the map's reasons.
  public struct Point: Hashable, Sendable {
    /// The evidence or event node.
    public var evidence: NodeID
    /// "Entry into the League of Nations (18 September 1934)".
    public var named: String
    /// The author's reasons for it, in written order.
    public var reasons: [String]
    /// The counter-arguments raised against it.
    public var counterArguments: [CounterArgument]
    /// The map's corrections of the evidence as written (its flags): a plan tells a student
    /// what to cite, so it must say when a fact is wrong.
    public var corrections: [Flag] = []
  }

  /// One body paragraph: a sub-aim (or the aim itself) with its points.
  public struct Paragraph: Hashable, Sendable {
    /// The sub-aim, or the aim for evidence that bears on it directly.
    public var topic: NodeID
    /// The heading: the sub-aim's short name or text.
    public var heading: String
    /// The topic as a point to make.
    public var claim: String
    /// The evidence for it, in date order.
    public var successes: [Point]
    /// The evidence against it, in date order.
    public var failures: [Point]
    /// "So … was met to some extent (3 successes, 2 failures)."
    public var linkBack: String
  }

  /// The aim the essay weighs.
  public var aim: NodeID
  /// The question, in exam style: "How far is it true that …?"
  public var question: String
  /// The introduction's points: what the question turns on, the interpretations, the line taken.
  public var introduction: [String]
  /// The body paragraphs: one per sub-aim in written order, then the aim itself when evidence
  /// bears on it directly.
  public var paragraphs: [Paragraph]
  /// The conclusion's points, following the verdict.
  public var conclusion: [String]
  /// The map's title, for the heading.
  public var title: String?

  /// Plans an essay on `aim` (by default the map's first main aim).
  ///
  /// - Throws: `ComparisonError.unknownAim` when `aim` is not in the map, or the map has no
  ///   main aim.
  public init(_ map: ArgumentMap, aim: NodeID? = nil) throws(ComparisonError) {
    let indexed = IndexedMap(map)
    guard let aimID = aim ?? map.mainAims.first?.id, let aimNode = indexed.node(withID: aimID)
    else {
      throw .unknownAim(aim ?? "aim", suggestion: map.mainAims.first?.id)
    }
    let table = try SuccessFailureTable(
      map, aim: aimID, period: SuccessFailureTable.declaredPeriod(of: map))
    self.aim = aimID
    self.title = map.metadata.title
    var text = aimNode.text
    while text.hasSuffix(".") { text.removeLast() }
    // "The policy …" reads "that the policy …"; a name ("Stalin's …") keeps its capital.
    let firstWord = text.prefix { $0 != " " }
    if ["The", "A", "An", "It", "This", "These", "There"].contains(String(firstWord)) {
      text = firstWord.lowercased() + text.dropFirst(firstWord.count)
    }
    question = "How far is it true that " + text + "?"

    // The readings that take a side on the aim, and the verdict on them.
    let interpretations = map.interpretations.map(\.id)
    let comparison =
      interpretations.count >= 2
      ? try? InterpretationComparison(map, interpretations: interpretations) : nil
    let verdict = comparison.map { VerdictInWords($0, map: indexed) }

    var introduction = [
      "The question turns on the \(table.frame == .factors ? "thesis" : "aim"): "
        + "\u{201C}\(aimNode.text)\u{201D}."
    ]
    for interpretation in map.interpretations {
      // "Security reading: Stalin sought …" is named by what precedes the colon.
      let name = ReportText.shortName(interpretation, interpretation.id)
      var claim = interpretation.text
      if claim.hasPrefix(name + ":") { claim = String(claim.dropFirst(name.count + 1)) }
      introduction.append(
        "Interpretation \u{201C}\(name)\u{201D}: " + Substring(claim).trimmingPrefixSpaces())
    }
    if let first = verdict?.sentences.first {
      introduction.append("The line this essay takes: " + first)
    }
    self.introduction = introduction

    func point(_ row: SuccessFailureTable.Row) -> Point {
      Point(
        evidence: row.evidence, named: VerdictInWords.named(row.evidence, in: indexed),
        reasons: row.reasoning,
        counterArguments: row.counterpoints.map { counterpoint in
          CounterArgument(
            text: indexed.node(withID: counterpoint.node)?.text ?? counterpoint.node.rawValue,
            replies: counterpoint.replies.map { indexed.node(withID: $0)?.text ?? $0.rawValue })
        }, corrections: indexed.node(withID: row.evidence)?.flags ?? [])
    }
    func paragraph(_ topic: NodeID, rows: [SuccessFailureTable.Row]) -> Paragraph {
      let node = indexed.node(withID: topic)
      let successes = rows.filter { $0.column == .success }
      let failures = rows.filter { $0.column == .failure }
      let name = node?.shortName ?? node?.text ?? topic.rawValue
      let linkBack =
        table.frame == .factors
        ? "So, on this evidence, \u{201C}\(name)\u{201D} is "
          + VerdictInWords.supported(for: successes.count, against: failures.count) + " ("
          + Self.count(successes.count, "factor", "factors") + " for, \(failures.count) against)."
        : "So, on this evidence, \u{201C}\(name)\u{201D} was "
          + VerdictInWords.met(successes: successes.count, failures: failures.count) + " ("
          + Self.count(successes.count, "success", "successes") + ", "
          + Self.count(failures.count, "failure", "failures") + ")."
      return Paragraph(
        topic: topic, heading: name, claim: node?.text ?? topic.rawValue,
        successes: successes.map(point), failures: failures.map(point), linkBack: linkBack)
    }
    var paragraphs = table.subAims.map { subAim in
      paragraph(subAim, rows: table.rows.filter { $0.bearsOn == subAim })
    }
    let direct = table.rows.filter { $0.bearsOn == aimID }
    if !direct.isEmpty { paragraphs.append(paragraph(aimID, rows: direct)) }
    self.paragraphs = paragraphs

    var conclusion: [String] = []
    if let verdict {
      // Which reading explains more and why, how far each convinces, whether the aim was met,
      // and the author's own verdict, in that order.
      let sentences = verdict.sentences
      conclusion += sentences.prefix(2)
      conclusion += sentences.filter { $0.hasPrefix("How far is") }
      conclusion += sentences.filter {
        $0.hasPrefix("Whether the aim") || $0.hasPrefix("Whether the factors")
      }
      conclusion += sentences.filter { $0.hasPrefix("The author's own verdict") }
    } else {
      let successes = table.successes.count
      let failures = table.failures.count
      conclusion.append(
        table.frame == .factors
          ? "The map gives \(Self.count(successes, "factor", "factors")) for the thesis and "
            + "\(failures) against it."
          : "The map counts \(Self.count(successes, "success", "successes")) and "
            + "\(Self.count(failures, "failure", "failures")) for the aim.")
    }
    self.conclusion = conclusion
  }

  static func count(_ number: Int, _ one: String, _ many: String) -> String {
    "\(number) \(number == 1 ? one : many)"
  }

  // MARK: Output

  /// The plan as Markdown: headings for the introduction, each paragraph and the conclusion.
  public func markdown() -> String {
    func text(_ value: String) -> String { ReportText.markdown(value) }
    var lines: [String] = []
    lines.append("# Essay plan" + (title.map { ": " + text($0) } ?? ""))
    lines += ["", "**Question.** " + text(question), "", "## Introduction", ""]
    lines += introduction.map { "- " + text($0) }
    for (number, paragraph) in paragraphs.enumerated() {
      lines += ["", "## Paragraph \(number + 1): " + text(paragraph.heading), ""]
      lines.append("- **Point.** " + text(paragraph.claim))
      for (label, points) in [("For", paragraph.successes), ("Against", paragraph.failures)]
      where !points.isEmpty {
        lines.append("- **\(label)**, in date order:")
        for point in points {
          var line = "  - " + text(point.named)
          if !point.reasons.isEmpty { line += ": " + text(point.reasons.joined(separator: "; ")) }
          lines.append(line)
          for flag in point.corrections {
            lines.append(
              "    - ⚑ *Correction:* " + text(flag.text) + ReportCorrections.sources(flag, text))
          }
          for counter in point.counterArguments {
            lines.append("    - *Counter-argument:* " + text(counter.text))
            for reply in counter.replies { lines.append("      - *Rebuttal:* " + text(reply)) }
          }
        }
      }
      lines.append("- **Link back.** " + text(paragraph.linkBack))
    }
    lines += ["", "## Conclusion", ""]
    lines += conclusion.map { "- " + text($0) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The plan as a self-contained HTML page (no script), every text escaped.
  public func html(language: String = "en") -> String {
    func text(_ value: String) -> String { ReportText.html(value) }
    var body = "<h1>Essay plan\(title.map { ": " + text($0) } ?? "")</h1>\n"
    body += "<p><strong>Question.</strong> \(text(question))</p>\n"
    body += "<h2>Introduction</h2>\n<ul>\n"
    for item in introduction { body += "<li>\(text(item))</li>\n" }
    body += "</ul>\n"
    for (number, paragraph) in paragraphs.enumerated() {
      body += "<h2>Paragraph \(number + 1): \(text(paragraph.heading))</h2>\n<ul>\n"
      body += "<li><strong>Point.</strong> \(text(paragraph.claim))</li>\n"
      for (label, points) in [("For", paragraph.successes), ("Against", paragraph.failures)]
      where !points.isEmpty {
        body += "<li><strong>\(label)</strong>, in date order:<ul>\n"
        for point in points {
          body += "<li>\(text(point.named))"
          if !point.reasons.isEmpty { body += ": " + text(point.reasons.joined(separator: "; ")) }
          if !point.counterArguments.isEmpty || !point.corrections.isEmpty {
            body += "<ul>"
            for flag in point.corrections {
              body +=
                "<li>⚑ <em>Correction:</em> \(text(flag.text))\(ReportCorrections.sources(flag, text))</li>"
            }
            for counter in point.counterArguments {
              body += "<li><em>Counter-argument:</em> \(text(counter.text))"
              if !counter.replies.isEmpty {
                body += "<ul>"
                for reply in counter.replies {
                  body += "<li><em>Rebuttal:</em> \(text(reply))</li>"
                }
                body += "</ul>"
              }
              body += "</li>"
            }
            body += "</ul>"
          }
          body += "</li>\n"
        }
        body += "</ul></li>\n"
      }
      body += "<li><strong>Link back.</strong> \(text(paragraph.linkBack))</li>\n</ul>\n"
    }
    body += "<h2>Conclusion</h2>\n<ul>\n"
    for item in conclusion { body += "<li>\(text(item))</li>\n" }
    body += "</ul>\n"
    let style = """
      body{font-family:"Liberation Sans","DejaVu Sans",sans-serif;max-width:50em;margin:1em auto;padding:0 1em;color:#111;line-height:1.4}
      h2{margin-top:1.4em;border-bottom:1px solid #444}
      li{margin:.2em 0}
      """
    return
      "<!DOCTYPE html>\n<html lang=\"\(text(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>\(text("Essay plan" + (title.map { ": " + $0 } ?? "")))</title>\n"
      + "<style>\n\(style)\n</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n"
  }
}

extension Substring {
  /// Without the spaces at its start.
  fileprivate func trimmingPrefixSpaces() -> String {
    String(drop { $0 == " " })
  }
}
