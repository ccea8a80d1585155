import ArgumentMap

/// Argdown headings carried through an argument map, so that an Argdown document comes back
/// with its sections rather than a tag on every statement.
///
/// A heading groups the statements defined under it: the import gives each of them the
/// heading's tag (`# Soviet aims` gives `soviet-aims`), which is what reports and filters use.
/// The heading's words, its level and its place would be lost with that, so the import also
/// keeps the document's headings in the front-matter entry `argdown.headings`, each under the
/// node first defined after it (`{war: ["# Causes"], mutiny: ["## Soldiers"], "": ["# End"]}`;
/// `""` for headings after the last), and the export writes them back there, without the
/// section tag on each statement.
struct ArgdownSections {
  /// The front-matter key that holds the headings.
  static let key = "argdown.headings"
  /// How many words of a heading make its tag.
  static let tagWords = 5
  /// What a heading that groups nothing ends with.
  private static let notAGroup = " {isGroup: false}"

  /// One heading.
  struct Heading: Equatable {
    var level: Int
    var title: String
    /// The tag it gives the statements under it; `nil` for `{isGroup: false}`.
    var tag: String?
    /// The heading it stands under in the document (the nearest earlier one of a lower level).
    var parent: Int?
    /// The node first defined after it; `nil` after the last.
    var before: NodeID?

    /// The heading as Argdown writes it.
    var line: String {
      String(repeating: "#", count: level) + " " + ArgdownExporter.escaped(title)
        + (tag == nil ? ArgdownSections.notAGroup : "")
    }
  }

  private(set) var headings: [Heading] = []
  /// The first heading that gives each tag: a later heading with the same words is that group.
  private var byTag: [String: Int] = [:]

  /// The entry that keeps a document's headings, each with the node first defined after it
  /// (`nil` after the last), each heading once; `nil` when none groups statements.
  static func entry(
    _ headings: [(level: Int, title: String, isGroup: Bool, before: NodeID?)]
  ) -> Metadata.Entry? {
    guard headings.contains(where: \.isGroup) else { return nil }
    var members: [(key: String, lines: [String])] = []
    var seen = Set<String>()
    for heading in headings {
      let key = heading.before?.rawValue ?? ""
      let line = ArgdownYAML.quoted(
        String(repeating: "#", count: heading.level) + " " + entryText(of: heading.title)
          + (heading.isGroup ? "" : notAGroup))
      // A heading written again opens its section again: the export does that by itself
      // wherever a statement needs it, so only the first is kept.
      guard seen.insert(line).inserted else { continue }
      if members.last?.key == key {
        members[members.count - 1].lines.append(line)
      } else {
        members.append((key, [line]))
      }
    }
    let text = members.map { member in
      ArgdownYAML.scalarText(member.key) + ": [" + member.lines.joined(separator: ", ") + "]"
    }
    return Metadata.Entry(key: key, value: "{" + text.joined(separator: ", ") + "}")
  }

  /// A title as the entry keeps it: `\`, `{` and `}` escaped with `\`, so that a grouping
  /// heading whose own words end in `{isGroup: false}` is not read back as one that groups
  /// nothing (and then, with no heading left to group, lost from the export).
  private static func entryText(of title: String) -> String {
    var result = ""
    for character in title {
      if character == "\\" || character == "{" || character == "}" { result.append("\\") }
      result.append(character)
    }
    return result
  }

  /// The title `entryText(of:)` wrote: each character after a `\` stands for itself.
  private static func title(fromEntry text: String) -> String {
    var result = ""
    var isEscaped = false
    for character in text {
      if !isEscaped, character == "\\" {
        isEscaped = true
        continue
      }
      result.append(character)
      isEscaped = false
    }
    if isEscaped { result.append("\\") }
    return result
  }

  /// The headings a map keeps; `nil` when it keeps none that groups statements.
  init?(_ map: ArgumentMap) {
    guard let entry = map.metadata.extra.last(where: { $0.key == Self.key }),
      let members = ArgdownYAML.parseFlowMapping(entry.value)
    else { return nil }
    for (key, value) in members {
      for item in value.scalarList ?? [] {
        var line = item
        let isGroup = !line.hasSuffix(Self.notAGroup)
        if !isGroup { line.removeLast(Self.notAGroup.count) }
        let level = line.prefix { $0 == "#" }.count
        let text = String(line.dropFirst(level)).trimmingCharacters(in: " \t")
        let title = Self.title(fromEntry: text)
        guard (1...6).contains(level), !title.isEmpty else { continue }
        let tag = isGroup ? IDAllocator.slug(title, maxWords: Self.tagWords) : nil
        if let tag, byTag[tag] == nil { byTag[tag] = headings.count }
        let parent = headings.lastIndex { $0.level < level }
        headings.append(
          Heading(
            level: level, title: title, tag: tag, parent: parent,
            before: key.isEmpty ? nil : NodeID(key)))
      }
    }
    if byTag.isEmpty { return nil }
  }

  /// The heading a node was defined under: the last of its tags that a heading gives (the import
  /// adds the section's tag after the node's own).
  func section(of node: Node) -> Int? {
    node.tags.last { byTag[$0] != nil }.flatMap { byTag[$0] }
  }

  /// Where the headings go when a map is written as Argdown: before each top-level node (one
  /// not defined inside a premise–conclusion structure), before its structure, and after the
  /// last node; with the tag of the section the structure's own definitions stand under.
  struct Placement {
    var before: [[String]] = []
    var beforeStructure: [[String]] = []
    var structureSection: [String?] = []
    var after: [String] = []
  }

  /// The heading lines for `map` written in order, the nodes in `definedInside` inside their
  /// arguments' structures; `nil` when a node cannot be read back under its section.
  ///
  /// Each heading goes where the import found it, before the node first defined after it; one
  /// found before a node defined inside a structure goes just before that structure (Argdown
  /// ends a structure at a heading, so it stood before the whole structure). A top-level node
  /// that those leave under another section (a statement only referred to in Argdown, which the
  /// map puts last, or a map edited since) gets its own section's heading again (`lines(to:)`).
  func placement(in map: ArgumentMap, definedInside: [NodeID: NodeID]) -> Placement? {
    var attached: [NodeID: [Int]] = [:]
    var trailing: [Int] = []
    let ids = Set(map.nodes.map(\.id))
    for (index, heading) in headings.enumerated() {
      if let before = heading.before, ids.contains(before) {
        attached[before, default: []].append(index)
      } else {
        trailing.append(index)
      }
    }
    // The headings before each structure, by its argument.
    var beforeStructure: [NodeID: [Int]] = [:]
    for node in map.nodes {
      guard let argument = definedInside[node.id],
        let found = attached.removeValue(forKey: node.id)
      else { continue }
      beforeStructure[argument, default: []] += found
    }
    var reading = Reading(headings)
    var result = Placement()
    for node in map.nodes where definedInside[node.id] == nil {
      let pending = attached.removeValue(forKey: node.id) ?? []
      pending.forEach { reading.write($0) }
      var lines = pending.map { headings[$0].line }
      let section = section(of: node)
      if reading.current != section.flatMap({ headings[$0].tag }) {
        guard let repair = self.lines(to: section, reading: &reading) else { return nil }
        lines += repair
      }
      result.before.append(lines)
      let structure = beforeStructure[node.id] ?? []
      structure.forEach { reading.write($0) }
      result.beforeStructure.append(structure.map { headings[$0].line })
      result.structureSection.append(reading.current)
    }
    result.after = trailing.map { headings[$0].line }
    return result
  }

  /// How the importer reads headings: a heading closes every open heading of its level or a
  /// deeper one, and a statement belongs to the innermost open heading that groups.
  private struct Reading {
    let headings: [Heading]
    var open: [Int] = []

    init(_ headings: [Heading]) { self.headings = headings }

    mutating func write(_ heading: Int) {
      open.removeAll { headings[$0].level >= headings[heading].level }
      open.append(heading)
    }

    /// The tag of the section that what follows is under (a later heading with the same words
    /// as an earlier one is the same section).
    var current: String? { open.last { headings[$0].tag != nil }.flatMap { headings[$0].tag } }
  }

  /// The heading lines that put what follows under `section` (under none: `nil`); `nil` when
  /// no heading that groups nothing can close the open sections.
  ///
  /// A section is written with the headings above it that are not open, so the document keeps
  /// its nesting; a section open with deeper ones below it is written again to close those.
  private func lines(to section: Int?, reading: inout Reading) -> [String]? {
    var lines: [String] = []
    if let section {
      var chain = [section]
      while let parent = headings[chain[0]].parent { chain.insert(parent, at: 0) }
      let open = reading.open
      var shared = 0
      while shared < min(open.count, chain.count),
        headings[open[shared]].line == headings[chain[shared]].line
      {
        shared += 1
      }
      if shared == chain.count { shared -= 1 }
      for heading in chain[shared...] {
        reading.write(heading)
        lines.append(headings[heading].line)
      }
    } else {
      // A heading that groups nothing and is no deeper than any open group closes them all.
      let shallowest = reading.open.filter { headings[$0].tag != nil }
        .map { headings[$0].level }.min()
      guard let shallowest,
        let closer = headings.indices.first(where: {
          headings[$0].tag == nil && headings[$0].level <= shallowest
        })
      else { return nil }
      reading.write(closer)
      lines.append(headings[closer].line)
    }
    return lines
  }
}
