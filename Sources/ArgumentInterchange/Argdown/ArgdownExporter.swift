import ArgumentMap

/// Exports argument maps as Argdown text that `ArgdownImporter` reads back to the same map.
///
/// Each node is defined once, in map order, by its title (or id): `<title>: text` for nodes
/// tagged `argument`, `[title]: text` for the rest, with `#tags` and `{...}` data for kind (when
/// not claim), date, sources, notes, flags and strength. Its links follow, indented: `+> [target]`
/// (supports), `-> [target]` (opposes) and `_> <argument>` (undercuts the argument's
/// inferences). An argument read from a premise–conclusion structure is written as one again
/// (`ArgdownExportPlan`). The front matter becomes `===` YAML. Flags (factual corrections) go
/// in the data too, `flags: [{text: "...", sources: ["..."]}]`, so a shared file never repeats
/// a slip without its correction. Comments, and links' reasoning, scope and strength have no
/// Argdown counterpart and are reported.
public enum ArgdownExporter {
  /// Exports a map as Argdown.
  ///
  /// - Parameter map: The map.
  /// - Returns: The Argdown text and a warning for everything Argdown cannot hold.
  public static func export(_ map: ArgumentMap) -> ExportResult {
    var diagnostics: [Diagnostic] = []
    func loss(_ message: String) {
      diagnostics.append(DiagnosticMessages.exportLoss("Argdown", message))
    }
    var output = ""
    // The headings go back into the document, not into its front matter.
    var metadata = map.metadata
    metadata.extra.removeAll { $0.key == ArgdownSections.key }
    if !metadata.isEmpty {
      output += "===\n"
      let named: [(String, String?)] = [
        ("title", metadata.title), ("author", metadata.author), ("date", metadata.date),
        ("language", metadata.language),
      ]
      for case (let key, let value?) in named {
        output += "\(key): \(quoted(value))\n"
      }
      output += nestedYAML(metadata.extra, loss: loss)
      output += "===\n\n"
    }
    // An Argdown argument (`<title>`) is imported with the tag `argument` before any other, so
    // only a node whose first tag it is can be written as one and read back the same; elsewhere
    // (a heading "Argument" becomes a section tag after the node's own) it stays a plain tag.
    var isArgument = Set<NodeID>()
    for node in map.nodes where node.tags.first == ArgdownImporter.argumentTag {
      isArgument.insert(node.id)
    }
    var index: [NodeID: Node] = [:]
    for node in map.nodes where index[node.id] == nil { index[node.id] = node }
    let plan = ArgdownExportPlan(map, arguments: isArgument)
    for id in plan.titlesGivenUp {
      loss("the title of '\(id)' is another node's name in Argdown; written as its id")
    }
    let written = writtenSections(map, plan: plan, loss: loss)
    let sections = written?.sections
    /// The tag of the section the definitions being written stand under.
    var currentSection: String?

    func reference(_ id: NodeID) -> String {
      var name = escaped(plan.names[id] ?? id.rawValue)
      guard isArgument.contains(id) else { return "[\(name)]" }
      // `<!--` opens an HTML comment and `<+`, `<-`, `<_` are relations: a title that starts
      // with one of those marks keeps it escaped.
      if let first = name.unicodeScalars.first, "!+-_".unicodeScalars.contains(first) {
        name = "\\" + name
      }
      return "<\(name)>"
    }

    /// The node's defining line: name, text, tags and data; what Argdown cannot hold is reported.
    func definition(_ node: Node) -> String {
      let id = node.id
      var line = reference(id) + ":"
      var text = node.text
      if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
        loss("the line breaks in the text of '\(id)' become spaces")
        text = ArgdownText.folded(Array(text.unicodeScalars))
      }
      if text.isEmpty {
        loss("'\(id)' has no text; Argdown reads a statement without one as its title")
      } else {
        line += " " + escaped(text)
      }
      // The heading the node stands under gives its section tag back.
      let section = sections?.section(of: node).flatMap { sections?.headings[$0].tag }
      if sections != nil, let currentSection, section != currentSection {
        loss(
          "'\(id)' is defined inside a premise–conclusion structure under the section '\(currentSection)', which is not its own; it reads back with that section's tag too"
        )
      }
      // Tags after the section's come from data (`{tags: [...]}`), which the import adds after
      // the heading's tag: written there again, they keep their order.
      var tagsInData: [String] = []
      var sectionWritten = false
      for (offset, tag) in node.tags.enumerated() {
        if offset == 0, tag == ArgdownImporter.argumentTag, isArgument.contains(id) { continue }
        if let section, section == currentSection, tag == section {
          sectionWritten = true
          continue
        }
        if sectionWritten {
          tagsInData.append(tag)
          continue
        }
        if offset == 1, tag == ArgdownImporter.reconstructedTag, isArgument.contains(id) {
          if plan.structures[id] != nil { continue }
          loss(
            "'\(id)' was read from a premise–conclusion structure but no longer has one conclusion and its premises; written as relations"
          )
        }
        let simple = !tag.isEmpty && tag.unicodeScalars.allSatisfy(ArgdownText.isTagScalar)
        if simple {
          line += " #\(tag)"
        } else {
          // `#(...)` ends at the first `)`, and Argdown has no escape inside it.
          var written = tag
          if tag.contains(")") {
            written.removeAll { $0 == ")" }
            loss(
              "'\(id)' has the tag '\(tag)'; an Argdown tag cannot hold ')', so it is written as '\(written)'"
            )
          }
          if written.contains(where: { !$0.isWhitespace }) { line += " #(\(written))" }
        }
      }
      var data: [String] = []
      if node.kind != ArgdownImporter.defaultKind { data.append("kind: \(node.kind.rawValue)") }
      if !tagsInData.isEmpty {
        data.append("tags: [\(tagsInData.map(quoted).joined(separator: ", "))]")
      }
      if let date = node.date { data.append("date: \(quoted(date.description))") }
      if !node.sources.isEmpty {
        data.append("sources: [\(node.sources.map(quoted).joined(separator: ", "))]")
      }
      if !node.notes.isEmpty {
        data.append("notes: [\(node.notes.map(quoted).joined(separator: ", "))]")
      }
      // Flags are the corrections of the essay's slips: written, never dropped, so no export
      // hands on a slip without its correction.
      let flags = node.flags.filter(CorrectionText.isWritable)
      if flags.count < node.flags.count {
        loss("a flag of '\(id)' has no text; left out")
      }
      if !flags.isEmpty {
        data.append("flags: [\(flags.map(flagData).joined(separator: ", "))]")
      }
      if let strength = node.strength { data.append("strength: \(strength)") }
      let attacks = undercutsWrittenAsAttacks(node, arguments: isArgument)
      if !attacks.isEmpty {
        let pairs = attacks.sorted().compactMap { index -> String? in
          guard case .link(let from, let to) = node.links[index].target else { return nil }
          let names = [from, to].map { quoted(plan.names[$0] ?? $0.rawValue) }
          return "{from: \(names[0]), to: \(names[1])}"
        }
        data.append("undercuts: [\(pairs.joined(separator: ", "))]")
      }
      if !data.isEmpty { line += " {" + data.joined(separator: ", ") + "}" }
      if node.flags.contains(where: { !$0.comments.isEmpty }) {
        loss("the comments of the flags of '\(id)' have no counterpart; left out")
      }
      if !node.comments.isEmpty || !node.trailingComments.isEmpty {
        loss("the comments of '\(id)' have no counterpart; left out")
      }
      for link in node.links {
        let name =
          "the link from '\(id)' to \(link.target.nodeIDs.map { "'\($0)'" }.joined(separator: " -> "))"
        if link.reasoning != nil { loss("the reasoning of \(name) has no counterpart; left out") }
        if link.scope != nil { loss("the scope of \(name) has no counterpart; left out") }
        if link.strength != nil { loss("the strength of \(name) has no counterpart; left out") }
        if !link.comments.isEmpty { loss("the comments of \(name) have no counterpart; left out") }
      }
      for (index, link) in node.links.enumerated() {
        guard case .link(let from, let to) = link.target, !isArgument.contains(from) else {
          continue
        }
        let name = "the link from '\(id)' to '\(from)' -> '\(to)'"
        if attacks.contains(index) {
          diagnostics.append(
            DiagnosticMessages.exportNote(
              "Argdown",
              "\(name) undercuts the inference of '\(from)', which is not an argument: Argdown draws it as an attack on '\(from)', and the data 'undercuts' makes it an undercut again on import"
            ))
        } else {
          loss("\(name) undercuts the inference of '\(from)', which is not an argument; left out")
        }
      }
      checkUndercuts(of: node)
      return line + "\n"
    }

    /// An Argdown undercut attacks every inference of the argument.
    func checkUndercuts(of node: Node) {
      var arguments: [NodeID] = []
      for link in node.links {
        if case .link(let from, _) = link.target, isArgument.contains(from),
          !arguments.contains(from)
        {
          arguments.append(from)
        }
      }
      for argument in arguments {
        let inferences = (index[argument]?.links ?? []).compactMap { link -> NodeID? in
          guard link.relation != .undercuts, case .node(let target) = link.target else {
            return nil
          }
          return target
        }
        let undercut = node.links.compactMap { link -> NodeID? in
          guard case .link(let from, let to) = link.target, from == argument else { return nil }
          return to
        }
        if undercut != inferences {
          loss(
            "'\(node.id)' undercuts only some inferences of '\(argument)'; in Argdown it undercuts all of them"
          )
        }
        // One `_> <argument>` line stands for all of them, where the first one was: another
        // link between them comes back after them.
        let positions = node.links.indices.filter { position in
          guard case .link(let from, _) = node.links[position].target else { return false }
          return from == argument
        }
        if let first = positions.first, let last = positions.last,
          last - first + 1 != positions.count
        {
          loss(
            "'\(node.id)' has other links between its undercuts of '\(argument)'; Argdown writes them as one, so the order of its links changes"
          )
        }
      }
    }

    // The `_> <argument>` lines already written for each node: one stands for all undercuts.
    var undercutWritten: [NodeID: Set<NodeID>] = [:]
    /// Relation lines for some of a node's links.
    func relations(_ node: Node, _ links: ArraySlice<Link>) -> String {
      var lines = ""
      let attacks = undercutsWrittenAsAttacks(node, arguments: isArgument)
      // A slice keeps the node's own link positions.
      for index in links.indices {
        let link = links[index]
        switch link.target {
        case .node(let target):
          let symbol = link.relation == .supports ? "+>" : link.relation == .opposes ? "->" : "_>"
          lines += "  \(symbol) \(reference(target))\n"
        case .link(let from, _):
          if !isArgument.contains(from) {
            // Drawn as an attack on `from`; the node's `undercuts` data turns it back.
            if attacks.contains(index) { lines += "  -> \(reference(from))\n" }
            continue
          }
          guard undercutWritten[node.id, default: []].insert(from).inserted else { continue }
          lines += "  _> \(reference(from))\n"
        }
      }
      return lines
    }
    /// The links written where the node is defined: all of them, or, for a node in a
    /// structure, the run between the structures around its definition.
    func definedLinks(_ node: Node) -> ArraySlice<Link> {
      plan.run(plan.definedRun(of: node.id), of: node)
    }

    var blocks: [String] = []
    for (position, node) in plan.topLevel.enumerated() {
      if let written {
        blocks += written.placement.before[position].map { $0 + "\n" }
        currentSection = written.sections.section(of: node).flatMap {
          written.sections.headings[$0].tag
        }
      }
      var block = definition(node) + relations(node, definedLinks(node))
      if let structure = plan.structures[node.id] {
        let headings = written?.placement.beforeStructure[position] ?? []
        for line in headings { block += "\n" + line + "\n" }
        if let written { currentSection = written.placement.structureSection[position] }
        // After a heading, the structure names its argument again, or it would be anonymous.
        block += "\n" + premiseConclusionStructure(node, structure, nameAgain: !headings.isEmpty)
      }
      blocks.append(block)
    }
    if let written { blocks += written.placement.after.map { $0 + "\n" } }
    output += blocks.joined(separator: "\n")

    /// A structure, with references that carry the runs of links which belong just before or
    /// just after it.
    func premiseConclusionStructure(
      _ argument: Node, _ structure: ArgdownExportPlan.Structure, nameAgain: Bool
    ) -> String {
      let members = [argument.id] + structure.premises
      /// The run of `id`'s links that ends at this structure, and the one that starts there.
      func runs(_ id: NodeID) -> (before: Int, after: Int)? {
        guard let at = plan.cuts[id]?.firstIndex(where: { $0.argument == argument.id }) else {
          return nil
        }
        return (at, at + 1)
      }
      var text = ""
      for id in structure.premises {
        guard let node = index[id], let run = runs(id), run.before == 0,
          plan.definedRun(of: id) != 0
        else { continue }
        let links = plan.run(0, of: node)
        if !links.isEmpty { text += reference(id) + "\n" + relations(node, links) + "\n" }
      }
      // The argument's definition may end in relations; name it again so the structure is its.
      if nameAgain || !definedLinks(argument).isEmpty || !text.isEmpty {
        text += reference(argument.id) + "\n\n"
      }
      var number = 1
      for (offset, premise) in structure.premises.enumerated() {
        guard let node = index[premise] else { continue }
        if offset < structure.definedPremises {
          text += "(\(number)) " + definition(node) + relations(node, definedLinks(node))
        } else {
          text += "(\(number)) \(reference(premise))\n"
        }
        number += 1
      }
      text += "----\n"
      if structure.definesConclusion, let conclusion = index[structure.conclusion] {
        text +=
          "(\(number)) " + definition(conclusion) + relations(conclusion, definedLinks(conclusion))
      } else {
        text += "(\(number)) \(reference(structure.conclusion))\n"
      }
      for id in members {
        guard let node = index[id], let run = runs(id), plan.definedRun(of: id) != run.after
        else { continue }
        let links = plan.run(run.after, of: node)
        if !links.isEmpty { text += "\n" + reference(id) + "\n" + relations(node, links) }
      }
      return text
    }
    if !map.trailingComments.isEmpty {
      loss("comments at the end of the map have no counterpart; left out")
    }
    return ExportResult(text: output, diagnostics: diagnostics)
  }

  /// The positions of a node's undercuts of a statement's link (not an argument's), which
  /// Argdown cannot undercut: each is written as an attack on that statement (`-> [from]`),
  /// with `{undercuts: [{from: ..., to: ...}]}` in the node's data, which the import reads to
  /// make the attack an undercut again. That needs the attack to be the node's only link to
  /// `from`: a node that also opposes `from`, or undercuts two of its links, or undercuts its
  /// own, keeps the loss.
  static func undercutsWrittenAsAttacks(_ node: Node, arguments: Set<NodeID>) -> Set<Int> {
    var byStatement: [NodeID: [Int]] = [:]
    var linked = Set<NodeID>()
    for (index, link) in node.links.enumerated() {
      switch link.target {
      case .link(let from, _) where !arguments.contains(from) && from != node.id:
        byStatement[from, default: []].append(index)
      case .node(let target):
        linked.insert(target)
      case .link:
        break
      }
    }
    var result = Set<Int>()
    for (from, indices) in byStatement where indices.count == 1 && !linked.contains(from) {
      result.insert(indices[0])
    }
    return result
  }

  /// The headings to write back, and the heading lines before each of the plan's top-level
  /// nodes and after the last, when the map keeps headings (`ArgdownSections`) and they can
  /// give every statement its section again. A map edited since its import may not allow it
  /// (a statement under no heading after ones under a heading, with no heading to close
  /// theirs): its statements then keep their section tags as tags, reported.
  private static func writtenSections(
    _ map: ArgumentMap, plan: ArgdownExportPlan, loss: (String) -> Void
  ) -> (sections: ArgdownSections, placement: ArgdownSections.Placement)? {
    guard let sections = ArgdownSections(map) else { return nil }
    guard let placement = sections.placement(in: map, definedInside: plan.definedInside) else {
      loss(
        "a statement under no heading follows statements under one, and no heading of the document closes theirs; the headings are written as tags"
      )
      return nil
    }
    return (sections, placement)
  }

  /// Text with Argdown's special characters escaped, so it reads back unchanged.
  static func escaped(_ text: String) -> String {
    var result = ""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "\\", "[", "]", "<", ">", "#", "{", "}":
        result += "\\"
      case "/":
        if index + 1 < scalars.count, scalars[index + 1] == "/" || scalars[index + 1] == "*" {
          result += "\\"
        }
      default:
        break
      }
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// A flag as one member of a node's `flags:` data: `{text: "...", sources: ["...", "..."]}`,
  /// without `sources` when it has none; `ArgdownModelBuilder` reads it back.
  static func flagData(_ flag: Flag) -> String {
    var members = ["text: \(quoted(flag.text))"]
    if !flag.sources.isEmpty {
      members.append("sources: [\(flag.sources.map(quoted).joined(separator: ", "))]")
    }
    return "{" + members.joined(separator: ", ") + "}"
  }

  /// A YAML double-quoted scalar (see `ArgdownYAML.quoted`).
  static func quoted(_ text: String) -> String { ArgdownYAML.quoted(text) }

  /// Extra front-matter entries as YAML, dotted keys nested again (`model.mode: strict` becomes
  /// `model:` / `  mode: strict`), so Argdown reads its own settings; the importer flattens them
  /// back to the same entries in the same order.
  ///
  /// YAML keys are unique, so a mapping closed earlier is not opened again: the rest of a later
  /// key under it is written flat (`model.explodeArguments: true`), which reads back as the same
  /// entry. A key that would still clash (`model` beside `model.mode`) is left out and reported.
  static func nestedYAML(_ entries: [Metadata.Entry], loss: (String) -> Void) -> String {
    var output = ""
    // The open mappings, outermost first, and the keys written so far at each open level.
    var open: [String] = []
    var used: [Set<String>] = [[]]
    func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }
    for entry in entries {
      let parts = entry.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      // YAML drops the spaces around a key, so only parts without them can stand alone.
      let canNest = parts.count > 1 && parts.allSatisfy { !$0.isEmpty && !hasOuterSpace($0) }
      var path = canNest ? Array(parts.dropLast()) : []
      var leaf = canNest ? parts[parts.count - 1] : entry.key
      var shared = 0
      while shared < min(open.count, path.count), open[shared] == path[shared] { shared += 1 }
      open = Array(open.prefix(shared))
      used = Array(used.prefix(shared + 1))
      while open.count < path.count {
        let part = path[open.count]
        if used[open.count].contains(part) {
          leaf = (path[open.count...] + [leaf]).joined(separator: ".")
          path = open
          break
        }
        output += indent(open.count) + "\(yamlKey(part)):\n"
        used[open.count].insert(part)
        open.append(part)
        used.append([])
      }
      guard used[open.count].insert(leaf).inserted else {
        loss("the front matter key '\(entry.key)' clashes with another in YAML; left out")
        continue
      }
      output +=
        indent(open.count) + "\(yamlKey(leaf)): " + ArgdownYAML.frontMatterValue(entry.value) + "\n"
    }
    return output
  }

  private static func yamlKey(_ key: String) -> String { ArgdownYAML.scalarText(key) }

  private static func hasOuterSpace(_ key: String) -> Bool {
    key.first?.isWhitespace == true || key.last?.isWhitespace == true
  }
}
