/// Maps a JSON tree onto the model, reporting each problem at the value concerned.
struct JSONMapDecoder {
  let lines: LineTable
  var diagnostics: [Diagnostic] = []
  /// Where each decoded node's parts are in the JSON, for validation; `nil` when not wanted.
  var sourceMap: SourceMap?

  init(lines: LineTable) {
    self.lines = lines
  }

  static func span(_ offset: Int) -> SourceMap.Span {
    SourceMap.Span(offset, offset + 1)
  }

  /// The JSON positions of a link's target ids, scope and strength.
  static func linkSpans(_ value: JSONValue) -> SourceMap.LinkSpans {
    var spans = SourceMap.LinkSpans(
      line: span(value.offset), target: span(value.offset), secondTarget: nil, scope: nil,
      strength: nil)
    guard case .object(let pairs) = value.content else { return spans }
    for pair in pairs {
      switch pair.key {
      case "target":
        spans.target = span(pair.value.offset)
        if case .object(let ends) = pair.value.content {
          for end in ends where end.key == "from" { spans.target = span(end.value.offset) }
          for end in ends where end.key == "to" { spans.secondTarget = span(end.value.offset) }
        }
      case "scope": spans.scope = span(pair.value.offset)
      case "strength": spans.strength = span(pair.value.offset)
      default: continue
      }
    }
    return spans
  }

  mutating func fail(_ message: String, _ value: JSONValue) {
    diagnostics.append(DiagnosticMessages.json(message, at: lines.range(at: value.offset)))
  }

  mutating func warnUnknown(_ key: String, at offset: Int, path: String) {
    diagnostics.append(
      DiagnosticMessages.jsonUnknownKey(key, in: path, at: lines.range(at: offset)))
  }

  mutating func members(
    _ value: JSONValue, _ path: String, allowed: [String]
  ) -> [String: JSONValue]? {
    guard case .object(let pairs) = value.content else {
      fail("expected an object at \(path), found \(value.typeName)", value)
      return nil
    }
    var result: [String: JSONValue] = [:]
    for pair in pairs {
      if !allowed.contains(pair.key) {
        warnUnknown(pair.key, at: pair.keyOffset, path: path)
      } else if result[pair.key] != nil {
        diagnostics.append(
          DiagnosticMessages.json(
            "key '\(pair.key)' appears twice in \(path)", at: lines.range(at: pair.keyOffset)))
      } else {
        result[pair.key] = pair.value
      }
    }
    return result
  }

  mutating func string(_ value: JSONValue?, _ path: String) -> String? {
    guard let value else { return nil }
    guard case .string(let text) = value.content else {
      fail("expected a string at \(path), found \(value.typeName)", value)
      return nil
    }
    return text
  }

  /// Texts are single lines without surrounding spaces in `.argmap`; JSON is held to the same.
  mutating func text(_ value: JSONValue?, _ path: String) -> String? {
    string(value, path).map { String(Substring($0).trimmingSpaces()) }
  }

  mutating func strings(_ value: JSONValue?, _ path: String, trimmed: Bool = true) -> [String] {
    guard let value else { return [] }
    guard case .array(let elements) = value.content else {
      fail("expected an array of strings at \(path), found \(value.typeName)", value)
      return []
    }
    return elements.enumerated().compactMap { position, element in
      trimmed ? text(element, "\(path)[\(position)]") : string(element, "\(path)[\(position)]")
    }
  }

  /// Comments as `.argmap` text holds them: the parser drops spaces and tabs at the end of a
  /// line, so they are dropped here too, and a map read from JSON prints as text that reads back
  /// the same.
  mutating func comments(_ value: JSONValue?, _ path: String) -> [String] {
    strings(value, path, trimmed: false).map { comment in
      var scalars = Substring(comment).unicodeScalars
      while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
      return String(scalars)
    }
  }

  mutating func number(_ value: JSONValue?, _ path: String) -> Double? {
    guard let value else { return nil }
    guard case .number(let number, _) = value.content else {
      fail("expected a number at \(path), found \(value.typeName)", value)
      return nil
    }
    return number
  }

  mutating func decodeMap(_ value: JSONValue) -> ArgumentMap? {
    let allowed = ["format", "version", "metadata", "nodes", "trailingComments"]
    guard let root = members(value, "the document", allowed: allowed) else { return nil }
    if let format = root["format"], string(format, "format") != "argmap" {
      fail("expected \"format\": \"argmap\"", format)
    }
    if let version = root["version"], let number = number(version, "version"),
      number != Double(ArgumentMapJSON.formatVersion)
    {
      fail("unsupported version \(number); this argmap reads version 1", version)
    }
    var map = ArgumentMap()
    if let metadata = root["metadata"] { map.metadata = decodeMetadata(metadata) }
    guard let nodesValue = root["nodes"] else {
      fail("expected a \"nodes\" array in the document", value)
      return map
    }
    guard case .array(let nodes) = nodesValue.content else {
      fail("expected an array at nodes, found \(nodesValue.typeName)", nodesValue)
      return map
    }
    for (position, nodeValue) in nodes.enumerated() {
      if let node = decodeNode(nodeValue, "nodes[\(position)]") { map.nodes.append(node) }
    }
    map.trailingComments = comments(root["trailingComments"], "trailingComments")
    return map
  }

  mutating func decodeMetadata(_ value: JSONValue) -> Metadata {
    let allowed = ["title", "author", "date", "language", "extra"]
    guard let fields = members(value, "metadata", allowed: allowed) else { return Metadata() }
    var metadata = Metadata(
      title: text(fields["title"], "metadata.title"),
      author: text(fields["author"], "metadata.author"),
      date: text(fields["date"], "metadata.date"),
      language: text(fields["language"], "metadata.language"))
    if let extra = fields["extra"] {
      guard case .array(let entries) = extra.content else {
        fail("expected an array at metadata.extra, found \(extra.typeName)", extra)
        return metadata
      }
      for (position, entry) in entries.enumerated() {
        let path = "metadata.extra[\(position)]"
        guard let pair = members(entry, path, allowed: ["key", "value"]) else { continue }
        guard let key = text(pair["key"], path + ".key"),
          let value = text(pair["value"], path + ".value")
        else {
          fail("expected \"key\" and \"value\" strings at \(path)", entry)
          continue
        }
        metadata.extra.append(Metadata.Entry(key: key, value: value))
      }
    }
    return metadata
  }

  mutating func decodeNode(_ value: JSONValue, _ path: String) -> Node? {
    let allowed = [
      "id", "kind", "text", "title", "date", "sources", "tags", "notes", "strength", "flags",
      "links",
      "comments", "trailingComments",
    ]
    guard let fields = members(value, path, allowed: allowed) else { return nil }
    guard let id = string(fields["id"], path + ".id") else {
      if fields["id"] == nil { fail("expected an \"id\" at \(path)", value) }
      return nil
    }
    guard let kindValue = fields["kind"], let kindText = string(kindValue, path + ".kind") else {
      if fields["kind"] == nil { fail("expected a \"kind\" at \(path)", value) }
      return nil
    }
    guard let kind = NodeKind(rawValue: kindText) else {
      let expected = NodeKind.allCases.map(\.rawValue).joined(separator: ", ")
      fail("unknown kind '\(kindText)' at \(path).kind; expected one of \(expected)", kindValue)
      return nil
    }
    guard let text = text(fields["text"], path + ".text") else {
      if fields["text"] == nil { fail("expected a \"text\" at \(path)", value) }
      return nil
    }
    var node = Node(kind, NodeID(id), text)
    let idOffset = fields["id"]?.offset ?? value.offset
    let spans = SourceMap.NodeSpans(
      line: Self.span(value.offset), kind: Self.span(kindValue.offset), id: Self.span(idOffset),
      date: fields["date"].map { Self.span($0.offset) },
      strength: fields["strength"].map { Self.span($0.offset) },
      firstLink: Int32(truncatingIfNeeded: sourceMap?.links.count ?? 0),
      firstFlag: Int32(truncatingIfNeeded: sourceMap?.flags.count ?? 0))
    defer { sourceMap?.nodes.append(spans) }
    if let dateValue = fields["date"] { node.date = decodeDate(dateValue, path + ".date") }
    node.title = self.text(fields["title"], path + ".title")
    node.sources = strings(fields["sources"], path + ".sources")
    node.tags = strings(fields["tags"], path + ".tags")
    node.notes = strings(fields["notes"], path + ".notes")
    node.strength = number(fields["strength"], path + ".strength")
    node.comments = comments(fields["comments"], path + ".comments")
    node.trailingComments = comments(
      fields["trailingComments"], path + ".trailingComments")
    if let flags = fields["flags"] {
      if case .array(let elements) = flags.content {
        for (position, element) in elements.enumerated() {
          let flagPath = "\(path).flags[\(position)]"
          guard
            let flagFields = members(element, flagPath, allowed: ["text", "sources", "comments"])
          else { continue }
          guard let flagText = self.text(flagFields["text"], flagPath + ".text") else {
            fail("expected a \"text\" at \(flagPath)", element)
            continue
          }
          node.flags.append(
            Flag(
              flagText, sources: strings(flagFields["sources"], flagPath + ".sources"),
              comments: comments(flagFields["comments"], flagPath + ".comments")))
        }
      } else {
        fail("expected an array at \(path).flags, found \(flags.typeName)", flags)
      }
    }
    if let links = fields["links"] {
      if case .array(let elements) = links.content {
        for (position, element) in elements.enumerated() {
          if let link = decodeLink(element, "\(path).links[\(position)]") {
            node.links.append(link)
            sourceMap?.links.append(Self.linkSpans(element))
          }
        }
      } else {
        fail("expected an array at \(path).links, found \(links.typeName)", links)
      }
    }
    return node
  }

  mutating func decodeDate(_ value: JSONValue, _ path: String) -> DateSpan? {
    guard let fields = members(value, path, allowed: ["start", "end", "approximate"]) else {
      return nil
    }
    guard let startValue = fields["start"], let startText = string(startValue, path + ".start")
    else {
      fail("expected a \"start\" date at \(path)", value)
      return nil
    }
    guard let start = DateParser.date(Substring(startText)) else {
      fail(
        "malformed date '\(startText)' at \(path).start; expected YYYY, YYYY-MM or YYYY-MM-DD",
        startValue)
      return nil
    }
    var end: HistoricalDate?
    if let endValue = fields["end"], let endText = string(endValue, path + ".end") {
      guard let parsed = DateParser.date(Substring(endText)) else {
        fail(
          "malformed date '\(endText)' at \(path).end; expected YYYY, YYYY-MM or YYYY-MM-DD",
          endValue)
        return nil
      }
      end = parsed
    }
    var isApproximate = false
    if let approximate = fields["approximate"] {
      if case .bool(let flag) = approximate.content {
        isApproximate = flag
      } else {
        fail("expected true or false at \(path).approximate", approximate)
      }
    }
    return DateSpan(start: start, end: end, isApproximate: isApproximate)
  }

  mutating func decodeLink(_ value: JSONValue, _ path: String) -> Link? {
    let allowed = ["relation", "target", "scope", "strength", "reasoning", "comments"]
    guard let fields = members(value, path, allowed: allowed) else { return nil }
    guard let relationValue = fields["relation"],
      let relationText = string(relationValue, path + ".relation")
    else {
      if fields["relation"] == nil { fail("expected a \"relation\" at \(path)", value) }
      return nil
    }
    guard let relation = Relation(rawValue: relationText) else {
      fail(
        "unknown relation '\(relationText)' at \(path).relation; expected supports, opposes or undercuts",
        relationValue)
      return nil
    }
    guard let targetValue = fields["target"] else {
      fail("expected a \"target\" at \(path)", value)
      return nil
    }
    let target: LinkTarget
    switch targetValue.content {
    case .string(let id):
      target = .node(NodeID(id))
    case .object:
      guard let ends = members(targetValue, path + ".target", allowed: ["from", "to"]),
        let from = string(ends["from"], path + ".target.from"),
        let to = string(ends["to"], path + ".target.to")
      else {
        fail("expected {\"from\": ID, \"to\": ID} at \(path).target", targetValue)
        return nil
      }
      target = .link(from: NodeID(from), to: NodeID(to))
    default:
      fail("expected a node id or {\"from\", \"to\"} at \(path).target", targetValue)
      return nil
    }
    if case .link = target, relation != .undercuts {
      fail("only an undercut targets a link, at \(path).target", targetValue)
      return nil
    }
    if case .node = target, relation == .undercuts {
      fail("an undercut targets a link {\"from\": ID, \"to\": ID}, at \(path).target", targetValue)
      return nil
    }
    var reasoning = text(fields["reasoning"], path + ".reasoning")
    if reasoning?.isEmpty == true { reasoning = nil }
    return Link(
      relation, target, scope: string(fields["scope"], path + ".scope").map { NodeID($0) },
      strength: number(fields["strength"], path + ".strength"), reasoning: reasoning,
      comments: comments(fields["comments"], path + ".comments"))
  }
}
