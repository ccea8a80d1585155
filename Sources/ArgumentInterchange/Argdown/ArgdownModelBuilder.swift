import ArgumentMap

/// Turns a parsed Argdown document into an argument map (see `ArgdownImporter` for the mapping).
enum ArgdownModelBuilder {
  static func build(_ document: consuming ArgdownDocument) -> ImportResult {
    let (map, diagnostics, positions) = mapAndPositions(document)
    // The document is let go by now: the source map is the last large thing made.
    return ImportResult(
      map: map, diagnostics: diagnostics, sourceMap: positions.sourceMap(for: map))
  }

  /// The map of a document, its diagnostics, and where each node and link was written.
  private static func mapAndPositions(
    _ document: consuming ArgdownDocument
  ) -> (ArgumentMap, [Diagnostic], ImportPositions) {
    var diagnostics = document.diagnostics
    let entities = document.entities

    // Defined entities in order of definition, then referenced-only ones in order of mention.
    let order = entities.indices.sorted { left, right in
      switch (entities[left].definitionOrder, entities[right].definitionOrder) {
      case (let a?, let b?): return a < b
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return entities[left].firstOrder < entities[right].firstOrder
      }
    }
    var ids = IDAllocator()
    // By entity: its node's id, the node's position in `nodes`, and the kind its data names.
    var idOf = [NodeID?](repeating: nil, count: entities.count)
    var position = [Int?](repeating: nil, count: entities.count)
    var explicitKind = [NodeKind?](repeating: nil, count: entities.count)
    var nodes: [Node] = []
    nodes.reserveCapacity(entities.count)
    // Each node where its statement or argument is first defined (or first mentioned).
    var positions = ImportPositions(lines: document.lines)
    positions.reserveCapacity(nodes: entities.count, links: document.relations.count)

    // Each node's `undercuts` data, by node position.
    var undercutData: [(node: Int, entry: ArgdownDocument.DataEntry)] = []
    for entityIndex in order {
      let entity = entities[entityIndex]
      let id: NodeID
      if let title = entity.title {
        id = ids.id(forName: title)
      } else {
        id = ids.id(forText: entity.texts.first?.text ?? "statement")
      }
      idOf[entityIndex] = id
      var node = Node(.claim, id, "")
      // The title as written, for export, when the id could not be it.
      if let title = entity.title, title != id.rawValue { node.title = title }
      let texts = entity.texts.filter { !$0.text.isEmpty }
      node.text = texts.first?.text ?? entity.title ?? ""
      for extra in texts.dropFirst()
      where extra.text != node.text && !node.notes.contains(extra.text) {
        node.notes.append(extra.text)
        diagnostics.append(
          DiagnosticMessages.argdownEquivalentText(
            entity.writtenTitle, prefix: extra.place.prefix, range: extra.place.range))
      }
      if entity.kind == .argument { node.tags.append(ArgdownImporter.argumentTag) }
      for tag in entity.tags where !node.tags.contains(tag) { node.tags.append(tag) }
      if let section = entity.sectionAtDefinition
        ?? (entity.definitionOrder == nil ? entity.sectionAtFirstOccurrence : nil),
        !node.tags.contains(section)
      {
        node.tags.append(section)
      }
      for entry in entity.data {
        // Read once the links are made: it turns one of them into an undercut.
        if entry.key == undercutsKey {
          undercutData.append((nodes.count, entry))
          continue
        }
        apply(entry, to: &node, explicitKind: &explicitKind[entityIndex], diagnostics: &diagnostics)
      }
      position[entityIndex] = nodes.count
      positions.addNode(at: (entity.texts.first?.place ?? entity.place).range)
      nodes.append(node)
    }

    // Supports and opposes first, in written order; duplicates carry nothing new.
    for relation in document.relations where relation.kind != .undercut {
      guard let source = position[relation.source], let target = idOf[relation.target] else {
        continue
      }
      // A statement that attacks itself is a self-attack, as in an abstract framework; support
      // of itself says nothing and cannot be held.
      if relation.source == relation.target, relation.kind != .attack {
        diagnostics.append(
          DiagnosticMessages.argdownSelfRelation(
            entities[relation.source].writtenTitle, prefix: relation.place.prefix,
            range: relation.place.range))
        continue
      }
      let link = Link(relation.kind == .support ? .supports : .opposes, .node(target))
      if !nodes[source].links.contains(link) { nodes[source].links.append(link) }
      positions.addLink(link, ofNode: source, at: relation.place.range)
    }
    if !undercutData.isEmpty {
      var byName: [String: NodeID] = [:]
      for (index, entity) in entities.enumerated() {
        guard let id = idOf[index] else { continue }
        let name = entity.title ?? id.rawValue
        if byName[name] == nil { byName[name] = id }
      }
      for (node, entry) in undercutData {
        undercuts(
          entry, of: node, in: &nodes, byName: byName, positions: &positions,
          diagnostics: &diagnostics)
      }
    }
    // Undercuts attack the inference: the argument's links to what it supports or attacks.
    for relation in document.relations where relation.kind == .undercut {
      guard let source = position[relation.source], let targetPosition = position[relation.target],
        let target = idOf[relation.target]
      else { continue }
      let inferences = nodes[targetPosition].links.filter { link in
        guard link.relation != .undercuts, case .node = link.target else { return false }
        return true
      }
      if entities[relation.target].kind == .argument, !inferences.isEmpty {
        for inference in inferences {
          guard case .node(let conclusion) = inference.target, source != targetPosition else {
            continue
          }
          let link = Link(.undercuts, .link(from: target, to: conclusion))
          if !nodes[source].links.contains(link) { nodes[source].links.append(link) }
          positions.addLink(link, ofNode: source, at: relation.place.range)
        }
      } else {
        diagnostics.append(
          DiagnosticMessages.argdownUndercutNotArgument(
            entities[relation.target].writtenTitle, prefix: relation.place.prefix,
            range: relation.place.range))
        let link = Link(.opposes, .node(target))
        if source != targetPosition, !nodes[source].links.contains(link) {
          // With the supports and opposes, before the undercuts, where an export reads back.
          let links = nodes[source].links
          let at = links.firstIndex { $0.relation == .undercuts } ?? links.endIndex
          nodes[source].links.insert(link, at: at)
        }
        positions.addLink(link, ofNode: source, at: relation.place.range)
      }
    }

    for entityIndex in order {
      guard let at = position[entityIndex] else { continue }
      nodes[at].kind = explicitKind[entityIndex] ?? ArgdownImporter.defaultKind
    }
    diagnostics += misspeltReferences(in: entities)
    if nodes.isEmpty, !diagnostics.containsErrors {
      diagnostics.append(DiagnosticMessages.argdownEmpty(range: document.end))
    }
    var metadata = document.metadata
    // The node each heading comes before in the map, as the export writes it: the k-th
    // definition is the k-th node (defined entities come first, in definition order); after the
    // last definition, the first statement only referred to after the heading, since those
    // follow in order of mention (both lists are in document order, so one pass does).
    let definedCount = entities.reduce(0) { $0 + ($1.definitionOrder == nil ? 0 : 1) }
    var mentioned = definedCount
    let headings = document.headings.map { heading in
      var before: NodeID?
      if heading.definitionsBefore < definedCount {
        before = idOf[order[heading.definitionsBefore]]
      } else {
        while mentioned < order.count,
          entities[order[mentioned]].firstOrder < heading.entitiesBefore
        {
          mentioned += 1
        }
        before = mentioned < order.count ? idOf[order[mentioned]] : nil
      }
      return (heading.level, heading.title, heading.isGroup, before: before)
    }
    if let headings = ArgdownSections.entry(headings) {
      metadata.extra.removeAll { $0.key == ArgdownSections.key }
      metadata.extra.append(headings)
    }
    return (ArgumentMap(metadata: metadata, nodes: nodes), diagnostics, positions)
  }

  /// Title-only statements whose title is a near spelling of a statement that has a text:
  /// Argdown reads `[Bann]` with no text anywhere as a statement of its own, so a typo in a
  /// reference silently makes a new, empty statement. A title-only statement with no near
  /// spelling is ordinary Argdown and is not reported.
  ///
  /// - Complexity: O(*k* × *n*) edit distances for *k* title-only statements and *n* titles,
  ///   so only the first `misspeltReferenceChecks` title-only statements are checked.
  private static func misspeltReferences(in entities: [ArgdownDocument.Entity]) -> [Diagnostic] {
    let defined = entities.compactMap { entity in
      entity.kind == .statement && entity.texts.contains { !$0.text.isEmpty } ? entity.title : nil
    }
    guard !defined.isEmpty else { return [] }
    var diagnostics: [Diagnostic] = []
    var checked = 0
    for entity in entities where entity.kind == .statement {
      guard let title = entity.title, !entity.texts.contains(where: { !$0.text.isEmpty }) else {
        continue
      }
      checked += 1
      if checked > misspeltReferenceChecks { break }
      guard let near = Suggestions.nearest(to: title, in: defined) else { continue }
      diagnostics.append(
        DiagnosticMessages.argdownTitleOnly(
          entity.writtenTitle, suggestion: "[\(near)]", prefix: entity.place.prefix,
          range: entity.place.range))
    }
    return diagnostics
  }

  /// How many title-only statements are checked for a misspelt reference.
  static let misspeltReferenceChecks = 200

  /// The data key that marks attacks the export wrote for undercuts of a statement's link.
  static let undercutsKey = "undercuts"

  /// Reads `{undercuts: [{from: A, to: B}]}`: Argdown undercuts only arguments, so the export
  /// writes a node's undercut of the link from statement A to B as an attack on A (`-> [A]`)
  /// and names the link here; that attack becomes the undercut again, where it stands among
  /// the node's links. A pair that names no such attack and link is reported and the attack
  /// kept.
  private static func undercuts(
    _ entry: ArgdownDocument.DataEntry, of node: Int, in nodes: inout [Node],
    byName: [String: NodeID], positions: inout ImportPositions, diagnostics: inout [Diagnostic]
  ) {
    let items: [ArgdownYAML.Value]
    if case .list(let list) = entry.value { items = list } else { items = [entry.value] }
    for item in items {
      var pair: (from: NodeID, to: NodeID)?
      if case .mapping(let members) = item, members.count == 2,
        case .scalar(let from)? = members.first(where: { $0.0 == "from" })?.1,
        case .scalar(let to)? = members.first(where: { $0.0 == "to" })?.1,
        let fromID = byName[trimmed(from)], let toID = byName[trimmed(to)]
      {
        pair = (fromID, toID)
      }
      let attack = pair.flatMap { pair in
        nodes[node].links.firstIndex { $0.relation == .opposes && $0.target == .node(pair.from) }
      }
      guard let pair, let attack,
        nodes.contains(where: {
          $0.id == pair.from && $0.links.contains { $0.target == .node(pair.to) }
        })
      else {
        diagnostics.append(
          DiagnosticMessages.argdownInvalidData(
            entry.key, value: item.flowText,
            expected:
              "'{from: A, to: B}' naming a statement A this one attacks and a statement B that A links to",
            prefix: entry.place.prefix, range: entry.place.range))
        continue
      }
      let undercut = Link(.undercuts, .link(from: pair.from, to: pair.to))
      nodes[node].links[attack] = undercut
      positions.addLink(undercut, ofNode: node, at: entry.place.range)
    }
  }

  /// The texts of a value that is a text or a list of texts, trimmed, without empty ones (YAML
  /// reads `source:` alone as null); `nil` when that leaves none.
  private static func nonEmptyTexts(_ value: ArgdownYAML.Value) -> [String]? {
    guard let list = value.scalarList else { return nil }
    let texts = list.map(trimmed).filter { !$0.isEmpty }
    return texts.isEmpty ? nil : texts
  }

  /// A data text without the blanks around it, as every text of data is read.
  private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: " \t") }

  /// One correction of `flags:` data: a text (a flag without sources), or a mapping with a
  /// `text` and optionally `sources` (or `source`: a text or a list of texts), as the exporter
  /// writes it; `nil` for anything else, which the caller reports.
  private static func flag(_ value: ArgdownYAML.Value) -> Flag? {
    switch value {
    case .scalar(let text):
      let text = trimmed(text)
      return text.isEmpty ? nil : Flag(text)
    case .mapping(let members):
      var text: String?
      var sources: [String] = []
      for (key, member) in members {
        switch (key, member) {
        case ("text", .scalar(let value)) where text == nil:
          text = trimmed(value)
        case ("source", _), ("sources", _):
          guard let list = member.scalarList else { return nil }
          sources += list.map(trimmed).filter { !$0.isEmpty }
        default:
          return nil
        }
      }
      guard let text, !text.isEmpty else { return nil }
      return Flag(text, sources: sources)
    case .list:
      return nil
    }
  }

  /// Applies one data member: known keys fill node fields, others are reported.
  private static func apply(
    _ entry: ArgdownDocument.DataEntry, to node: inout Node, explicitKind: inout NodeKind?,
    diagnostics: inout [Diagnostic]
  ) {
    let place = entry.place
    func invalid(_ expected: String) {
      diagnostics.append(
        DiagnosticMessages.argdownInvalidData(
          entry.key, value: entry.value.flowText, expected: expected, prefix: place.prefix,
          range: place.range))
    }
    switch entry.key {
    case "kind":
      guard case .scalar(let text) = entry.value, let kind = NodeKind(rawValue: text) else {
        return invalid(
          "one of " + NodeKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
      }
      explicitKind = kind
    case "date":
      guard case .scalar(let text) = entry.value, let date = DateSpanReader.read(text) else {
        return invalid("a date such as '1939-08-23', '~1924' or '1936-10..1938-11'")
      }
      node.date = date
    case "source", "sources":
      guard let texts = nonEmptyTexts(entry.value) else {
        return invalid("a text or a list of texts")
      }
      node.sources.append(contentsOf: texts)
    case "note", "notes":
      guard let texts = nonEmptyTexts(entry.value) else {
        return invalid("a text or a list of texts")
      }
      node.notes.append(contentsOf: texts)
    case "flag", "flags":
      // Each correction on its own: a malformed one is reported, the others are kept.
      let items: [ArgdownYAML.Value]
      if case .list(let list) = entry.value { items = list } else { items = [entry.value] }
      for item in items {
        guard let flag = flag(item) else {
          diagnostics.append(
            DiagnosticMessages.argdownInvalidData(
              entry.key, value: item.flowText,
              expected:
                "a correction such as '{text: \"...\", sources: [\"...\"]}', or a list of them",
              prefix: place.prefix, range: place.range))
          continue
        }
        node.flags.append(flag)
      }
    case "tag", "tags":
      guard let list = entry.value.scalarList else { return invalid("a text or a list of texts") }
      for tag in list.map(ArgdownText.tagName) where !tag.isEmpty && !node.tags.contains(tag) {
        node.tags.append(tag)
      }
    case "strength":
      guard case .scalar(let text) = entry.value, let value = Double(text), value >= 0, value <= 1
      else {
        return invalid("a number from 0 to 1")
      }
      node.strength = value
    default:
      diagnostics.append(
        DiagnosticMessages.argdownUnsupportedData(
          entry.key, value: entry.value.flowText, prefix: place.prefix, range: place.range))
    }
  }
}
