import ArgumentMap

extension MapEvaluation {
  /// The settings in one sentence, so a reader knows what the numbers rest on.
  public var settingsSummary: String {
    var parts = ["\(semantics.displayName) semantics"]
    switch semantics {
    case .extensions: parts.append("supports read as \(options.supportReading.rawValue)")
    case .gradual:
      parts.append("base score \(ReportText.fixed(options.defaultBaseScore)) where none is given")
    }
    parts.append(
      options.rivalsAttack
        ? "rival interpretations attack each other" : "interpretations weighed independently")
    if let interpretation = options.interpretation {
      parts.append("read under '\(interpretation)'")
    } else {
      parts.append("every link read, scoped or not")
    }
    return parts.joined(separator: "; ")
  }

  /// A sentence on how gradual strengths were reached, or why there are none.
  public var convergenceSummary: String? {
    guard let gradual else { return nil }
    let tries = gradual.attempts.map { attempt in
      "\(attempt.method.rawValue) iteration \(attempt.converged ? "settled" : "did not settle") "
        + "after \(attempt.iterations) rounds"
    }
    switch gradual.convergence {
    case .exact: return "exact: the map is acyclic, so one pass in topological order"
    case .converged: return "converged: " + tries.joined(separator: "; ")
    case .notConverged:
      return "did not converge: " + tries.joined(separator: "; ")
        + "; no strengths are given, because an unsettled iterate is not an answer"
    }
  }

  /// A plain-text report: one line per node in written order.
  public func text(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    var lines: [String] = []
    if let title = map.metadata.title { lines.append(title) }
    lines.append(settingsSummary)
    if let convergenceSummary { lines.append(convergenceSummary) }
    lines.append(contentsOf: extensionSummary())
    lines.append("")
    for (position, id) in nodeIDs.enumerated() {
      let node = map.node(withID: id)
      let head = "\(node?.kind.keyword ?? "?") \(id): \(node?.text ?? "")"
      lines.append(value(at: position).padded(to: 12) + head + flagMark(node))
      if let because = because(at: position) { lines.append("".padded(to: 12) + because) }
    }
    let corrections = ReportCorrections(nodeIDs, in: map)
    if !corrections.isEmpty {
      lines += ["", "Corrections", ReportCorrections.markedIntro]
      lines += corrections.textLines()
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Markdown report: a table of nodes with their label or strength.
  public func markdown(for base: ArgumentMap) -> String {
    let map = IndexedMap(base)
    var lines: [String] = []
    lines.append("# Evaluation: " + ReportText.markdownCell(map.metadata.title ?? "argument map"))
    lines.append("")
    lines.append("Settings: " + settingsSummary + ".")
    if let convergenceSummary { lines += ["", "Result: " + convergenceSummary + "."] }
    let summary = extensionSummary()
    if !summary.isEmpty {
      lines.append("")
      lines.append(contentsOf: summary.map { "- " + $0 })
    }
    lines.append("")
    lines.append("| Node | Kind | \(columnTitle) | Statement |")
    lines.append("|---|---|---|---|")
    for (position, id) in nodeIDs.enumerated() {
      let node = map.node(withID: id)
      lines.append(
        "| `\(id)` | \(node?.kind.displayName ?? "") | \(value(at: position)) | "
          + ReportText.markdownCell(node?.text ?? "") + flagMark(node) + " |")
    }
    let corrections = ReportCorrections(nodeIDs, in: map)
    if !corrections.isEmpty {
      lines += [""] + corrections.markdown(intro: ReportCorrections.markedIntro)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A JSON report with stable key order; `corrections` lists the flags of the map's
  /// statements, so that a program showing a label also has the correct fact.
  public func json(for base: ArgumentMap) -> String {
    var fields: [String] = []
    fields.append("\"semantics\": " + JSONText.quote(semantics.rawValue))
    fields.append("\"supportReading\": " + JSONText.quote(options.supportReading.rawValue))
    fields.append("\"rivalsAttack\": \(options.rivalsAttack)")
    fields.append(
      "\"interpretation\": "
        + (options.interpretation.map { JSONText.quote($0.rawValue) } ?? "null"))
    switch semantics {
    case .extensions:
      fields.append("\"exhaustive\": \(isExhaustive)")
      let extensions = labellings.map { labelling in
        JSONText.array(labelling.accepted.map { nodeIDs[$0].rawValue })
      }
      fields.append("\"extensions\": [" + extensions.joined(separator: ", ") + "]")
      var nodes: [String] = []
      for (position, id) in nodeIDs.enumerated() {
        var entry = "{\"id\": " + JSONText.quote(id.rawValue)
        if labellings.count == 1 {
          entry += ", \"label\": " + JSONText.quote(labellings[0].labels[position].rawValue)
        }
        if let defeat = defeat(at: position) {
          entry +=
            ", \"defeatedBy\": " + JSONText.quote(nodeIDs[defeat.by].rawValue) + ", \"through\": "
            + (defeat.through.map { JSONText.quote(nodeIDs[$0].rawValue) } ?? "null")
        }
        let credulous = labellings.contains { $0.labels[position] == .in }
        let sceptical = labellings.allSatisfy { $0.labels[position] == .in }
        entry += ", \"credulous\": \(credulous), \"sceptical\": \(sceptical)}"
        nodes.append(entry)
      }
      fields.append("\"nodes\": [\n    " + nodes.joined(separator: ",\n    ") + "\n  ]")
    case .gradual:
      let converged = gradual?.convergence.isConverged ?? false
      fields.append("\"converged\": \(converged)")
      fields.append("\"method\": " + JSONText.quote(methodName))
      let attempts = (gradual?.attempts ?? []).map { attempt in
        "{\"method\": \(JSONText.quote(attempt.method.rawValue)), \"iterations\": \(attempt.iterations), "
          + "\"converged\": \(attempt.converged), \"lastChange\": \(JSONText.number(attempt.lastChange))}"
      }
      fields.append("\"attempts\": [" + attempts.joined(separator: ", ") + "]")
      var nodes: [String] = []
      for (position, id) in nodeIDs.enumerated() {
        let strength = gradual?.strengths.map { JSONText.number($0[position]) } ?? "null"
        nodes.append("{\"id\": \(JSONText.quote(id.rawValue)), \"strength\": \(strength)}")
      }
      fields.append("\"nodes\": [\n    " + nodes.joined(separator: ",\n    ") + "\n  ]")
    }
    fields.append("\"corrections\": " + ReportCorrections(nodeIDs, in: IndexedMap(base)).json())
    return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
  }

  /// " ⚑" after a flagged statement, so that its label is not read as the fact's standing.
  private func flagMark(_ node: Node?) -> String {
    node?.isFlagged ?? false ? " ⚑" : ""
  }

  private var methodName: String {
    switch gradual?.convergence {
    case .exact: "topological"
    case .converged(let method, _): method.rawValue
    case .notConverged, .none: "none"
    }
  }

  private var columnTitle: String {
    switch semantics {
    case .extensions(.grounded): "Label"
    case .extensions: "Accepted"
    case .gradual: "Strength"
    }
  }

  private func extensionSummary() -> [String] {
    guard case .extensions(let kind) = semantics, kind != .grounded else { return [] }
    var lines: [String] = []
    let count = labellings.count
    let noun = "\(kind.rawValue) extension\(count == 1 ? "" : "s")"
    lines.append(
      "\(count) \(noun)"
        + (isExhaustive ? "" : " found before the search budget ran out (there may be more)"))
    for (number, labelling) in labellings.enumerated() {
      let members = labelling.accepted.map { nodeIDs[$0].rawValue }
      lines.append(
        "reading \(number + 1): "
          + (members.isEmpty ? "(nothing)" : members.joined(separator: ", ")))
    }
    return lines
  }

  /// The label or strength of one node as shown in reports.
  /// Why the node at `position` falls under grounded semantics: "because 'x' stands against
  /// it", naming a standing node that attacks it; `nil` when it does not fall. "falls" alone
  /// read to a student as "lost the debate", with nothing to look at.
  private func because(at position: Int) -> String? {
    guard let defeat = defeat(at: position) else { return nil }
    if let through = defeat.through {
      return "because '\(nodeIDs[defeat.by])' stands against '\(nodeIDs[through])', which it needs"
    }
    return "because '\(nodeIDs[defeat.by])' stands against it"
  }

  private func value(at position: Int) -> String {
    switch semantics {
    case .extensions(.grounded):
      return labellings.first?.labels[position].displayName ?? ""
    case .extensions:
      let inCount = labellings.count { $0.labels[position] == .in }
      if !labellings.isEmpty && inCount == labellings.count { return "every reading" }
      if labellings.isEmpty { return "no reading" }
      return inCount == 0 ? "no reading" : "some readings"
    case .gradual:
      guard let strengths = gradual?.strengths else { return "n/a" }
      return ReportText.fixed(strengths[position], 3)
    }
  }
}

extension String {
  /// The string followed by spaces up to `width` characters (at least one space).
  func padded(to width: Int) -> String {
    self + String(repeating: " ", count: max(1, width - count))
  }
}
