import ArgumentMap

/// Exports a map's attack structure as an abstract argumentation framework, for external
/// solvers (the ICCMA competitions' and ASPARTIX's) to cross-check our semantics.
///
/// Every node is an argument, numbered 1…n in map order. An opposes link is an attack from its
/// source to its target. An undercut attacks the inference `from -> to`; an abstract framework
/// has no inferences, so it becomes an attack on `from`, the argument whose reasoning is
/// undercut. Supports links have no counterpart in an attack-only framework; they are left out
/// and counted in a warning. Each attack is written once, in map order. The id mapping is in
/// comments, so solver output (argument numbers) can be read back.
public enum AbstractFrameworkExporter {
  /// The ICCMA 2023 `p af` format: `p af n`, then `# i id` mapping lines, then `a b` attacks.
  public static func iccma(_ map: ArgumentMap) -> ExportResult {
    let framework = Framework(map)
    var output = "p af \(framework.ids.count)\n"
    for (offset, id) in framework.ids.enumerated() {
      output += "# \(offset + 1) \(id.rawValue)\n"
    }
    for attack in framework.attacks {
      output += "\(attack.0 + 1) \(attack.1 + 1)\n"
    }
    return ExportResult(text: output, diagnostics: framework.diagnostics)
  }

  /// The ASPARTIX `.apx` format: `arg(aI).` and `att(aI,aJ).`, with `% aI id` mapping comments.
  public static func apx(_ map: ArgumentMap) -> ExportResult {
    let framework = Framework(map)
    var output = ""
    for (offset, id) in framework.ids.enumerated() {
      output += "% a\(offset + 1) \(id.rawValue)\n"
    }
    for offset in framework.ids.indices {
      output += "arg(a\(offset + 1)).\n"
    }
    for attack in framework.attacks {
      output += "att(a\(attack.0 + 1),a\(attack.1 + 1)).\n"
    }
    return ExportResult(text: output, diagnostics: framework.diagnostics)
  }

  /// The arguments (node ids in map order) and attacks (pairs of positions), deduplicated.
  struct Framework {
    var ids: [NodeID] = []
    var attacks: [(Int, Int)] = []
    var diagnostics: [Diagnostic] = []

    init(_ map: ArgumentMap) {
      var position: [NodeID: Int] = [:]
      for node in map.nodes where position[node.id] == nil {
        position[node.id] = ids.count
        ids.append(node.id)
      }
      var seen = Set<[Int]>()
      var supports = 0
      for (source, link) in map.allLinks {
        let target: NodeID
        switch (link.relation, link.target) {
        case (.supports, _):
          supports += 1
          continue
        case (.opposes, .node(let id)), (.undercuts, .node(let id)):
          target = id
        case (.opposes, .link(let from, _)), (.undercuts, .link(let from, _)):
          target = from
        }
        guard let from = position[source], let to = position[target] else {
          diagnostics.append(
            DiagnosticMessages.exportLoss(
              "abstract framework",
              "the attack from '\(source)' on unknown node '\(target)' is left out"))
          continue
        }
        if seen.insert([from, to]).inserted { attacks.append((from, to)) }
      }
      if supports > 0 {
        diagnostics.append(
          DiagnosticMessages.exportLoss(
            "abstract framework",
            "\(supports) supports \(supports == 1 ? "link has" : "links have") no counterpart in an attack-only framework; left out"
          ))
      }
    }
  }
}
