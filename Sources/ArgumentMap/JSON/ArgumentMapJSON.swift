/// The map as JSON, for tools: a documented shape with a stable key order (see `docs/json.md`).
///
/// `encode` then `decode` gives back the same map, and so does `.argmap` → JSON → `.argmap`.
public enum ArgumentMapJSON {
  /// The version written in every document's `"version"` key.
  public static let formatVersion = 1

  // MARK: Encoding

  /// The map as pretty-printed JSON with keys in a fixed order; empty fields are left out.
  ///
  /// - Complexity: O(*n*) in the size of the map.
  public static func encode(_ map: ArgumentMap) -> String {
    var out = "{\n  \"format\": \"argmap\",\n  \"version\": \(formatVersion)"
    let metadata = map.metadata
    if !metadata.isEmpty {
      var fields: [String] = []
      if let title = metadata.title { fields.append("\"title\": \(JSONText.quote(title))") }
      if let author = metadata.author { fields.append("\"author\": \(JSONText.quote(author))") }
      if let date = metadata.date { fields.append("\"date\": \(JSONText.quote(date))") }
      if let language = metadata.language {
        fields.append("\"language\": \(JSONText.quote(language))")
      }
      if !metadata.extra.isEmpty {
        let entries = metadata.extra.map {
          "{\"key\": \(JSONText.quote($0.key)), \"value\": \(JSONText.quote($0.value))}"
        }
        fields.append("\"extra\": [\(entries.joined(separator: ", "))]")
      }
      out += ",\n  \"metadata\": {\n    " + fields.joined(separator: ",\n    ") + "\n  }"
    }
    out += ",\n  \"nodes\": ["
    for (position, node) in map.nodes.enumerated() {
      out += position == 0 ? "\n" : ",\n"
      encode(node, to: &out)
    }
    out += map.nodes.isEmpty ? "]" : "\n  ]"
    if !map.trailingComments.isEmpty {
      out += ",\n  \"trailingComments\": \(JSONText.array(map.trailingComments))"
    }
    out += "\n}\n"
    return out
  }

  private static func encode(_ node: Node, to out: inout String) {
    var fields = [
      "\"id\": \(JSONText.quote(node.id.rawValue))",
      "\"kind\": \(JSONText.quote(node.kind.rawValue))",
      "\"text\": \(JSONText.quote(node.text))",
    ]
    if let date = node.date {
      var parts = ["\"start\": \(JSONText.quote(date.start.description))"]
      if let end = date.end { parts.append("\"end\": \(JSONText.quote(end.description))") }
      if date.isApproximate { parts.append("\"approximate\": true") }
      fields.append("\"date\": {\(parts.joined(separator: ", "))}")
    }
    if !node.sources.isEmpty { fields.append("\"sources\": \(JSONText.array(node.sources))") }
    if !node.tags.isEmpty { fields.append("\"tags\": \(JSONText.array(node.tags))") }
    if !node.notes.isEmpty { fields.append("\"notes\": \(JSONText.array(node.notes))") }
    if let strength = node.strength {
      fields.append("\"strength\": \(JSONText.number(strength))")
    }
    if !node.flags.isEmpty {
      let flags = node.flags.map { flag in
        var parts = ["\"text\": \(JSONText.quote(flag.text))"]
        if !flag.sources.isEmpty { parts.append("\"sources\": \(JSONText.array(flag.sources))") }
        if !flag.comments.isEmpty {
          parts.append("\"comments\": \(JSONText.array(flag.comments))")
        }
        return "{" + parts.joined(separator: ", ") + "}"
      }
      fields.append("\"flags\": [\n        " + flags.joined(separator: ",\n        ") + "\n      ]")
    }
    if !node.links.isEmpty {
      let links = node.links.map { link in
        var parts = ["\"relation\": \(JSONText.quote(link.relation.rawValue))"]
        switch link.target {
        case .node(let id): parts.append("\"target\": \(JSONText.quote(id.rawValue))")
        case .link(let from, let to):
          parts.append(
            "\"target\": {\"from\": \(JSONText.quote(from.rawValue)), "
              + "\"to\": \(JSONText.quote(to.rawValue))}")
        }
        if let scope = link.scope { parts.append("\"scope\": \(JSONText.quote(scope.rawValue))") }
        if let strength = link.strength {
          parts.append("\"strength\": \(JSONText.number(strength))")
        }
        if let reasoning = link.reasoning {
          parts.append("\"reasoning\": \(JSONText.quote(reasoning))")
        }
        if !link.comments.isEmpty {
          parts.append("\"comments\": \(JSONText.array(link.comments))")
        }
        return "{" + parts.joined(separator: ", ") + "}"
      }
      fields.append("\"links\": [\n        " + links.joined(separator: ",\n        ") + "\n      ]")
    }
    if !node.comments.isEmpty { fields.append("\"comments\": \(JSONText.array(node.comments))") }
    if !node.trailingComments.isEmpty {
      fields.append("\"trailingComments\": \(JSONText.array(node.trailingComments))")
    }
    out += "    {\n      " + fields.joined(separator: ",\n      ") + "\n    }"
  }

  // MARK: Decoding

  /// Reads a map from JSON bytes; every problem comes back as a diagnostic with a position.
  ///
  /// - Returns: the map, or `nil` when the JSON could not be read at all, and the diagnostics
  ///   (structure problems only; validate the map for the rest, or use `check(utf8:)`).
  public static func decode(utf8 bytes: [UInt8]) -> (map: ArgumentMap?, diagnostics: [Diagnostic]) {
    let decoded = read(bytes, keepingPositions: false)
    return (decoded.map, decoded.diagnostics)
  }

  /// Reads and validates a map from JSON bytes; validation problems point at the JSON value
  /// concerned (the id, the link target, the scope), as they do in `.argmap` text.
  public static func check(utf8 bytes: [UInt8]) -> (map: ArgumentMap?, diagnostics: [Diagnostic]) {
    var decoded = read(bytes, keepingPositions: true)
    if let map = decoded.map, !decoded.diagnostics.containsErrors,
      let sourceMap = decoded.sourceMap
    {
      decoded.diagnostics += map.validate(sourceMap: sourceMap)
    }
    return (decoded.map, decoded.diagnostics)
  }

  private static func read(
    _ bytes: [UInt8], keepingPositions: Bool
  ) -> (map: ArgumentMap?, diagnostics: [Diagnostic], sourceMap: SourceMap?) {
    bytes.withUnsafeBufferPointer { buffer in
      let lines = OffsetLocator(buffer)
      switch Parser.firstInvalidByte(in: buffer, from: 0) {
      case .invalidUTF8(let offset):
        return (nil, [DiagnosticMessages.invalidUTF8(at: lines.range(offset))], nil)
      case .nul(let offset):
        return (nil, [DiagnosticMessages.nulByte(at: lines.range(offset))], nil)
      case nil: break
      }
      let value: PositionedJSON
      do {
        value = try PositionedJSONReader.read(buffer)
      } catch let failure as PositionedJSONReader.Failure {
        let diagnostic = DiagnosticMessages.json(failure.message, at: lines.range(failure.offset))
        return (nil, [diagnostic], nil)
      } catch {
        return (nil, [DiagnosticMessages.json("unreadable JSON", at: lines.range(0))], nil)
      }
      var decoder = MapDecoder(locator: lines)
      if keepingPositions { decoder.sourceMap = SourceMap(source: bytes, isArgmapText: false) }
      let map = decoder.decodeMap(value)
      guard var sourceMap = decoder.sourceMap else { return (map, decoder.diagnostics, nil) }
      for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
        sourceMap.lineStarts.append(Int32(truncatingIfNeeded: index + 1))
      }
      return (map, decoder.diagnostics, sourceMap)
    }
  }
}

/// Turns byte offsets into line and column for JSON diagnostics.
struct OffsetLocator {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var lineStarts: [Int] = [0]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
      lineStarts.append(index + 1)
    }
  }

  func location(_ offset: Int) -> SourceLocation {
    let clamped = min(max(0, offset), bytes.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    var column = 1
    var index = lineStarts[low]
    while index < clamped {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(line: low + 1, column: column, offset: clamped)
  }

  func range(_ offset: Int) -> SourceRange {
    let start = location(offset)
    let end = location(min(offset + 1, bytes.count))
    return SourceRange(start: start, end: end)
  }
}

/// Maps a JSON tree onto the model, reporting each problem at the value concerned.
private struct MapDecoder {
  let locator: OffsetLocator
  var diagnostics: [Diagnostic] = []
  /// Where each decoded node's parts are in the JSON, for validation; `nil` when not wanted.
  var sourceMap: SourceMap?

  init(locator: OffsetLocator) {
    self.locator = locator
  }

  static func span(_ offset: Int) -> SourceMap.Span {
    SourceMap.Span(offset, offset + 1)
  }

  /// The JSON positions of a link's target ids, scope and strength.
  static func linkSpans(_ value: PositionedJSON) -> SourceMap.LinkSpans {
    var spans = SourceMap.LinkSpans(
      line: span(value.offset), target: span(value.offset), secondTarget: nil, scope: nil,
      strength: nil)
    guard case .object(let pairs, _) = value else { return spans }
    for pair in pairs {
      switch pair.key {
      case "target":
        spans.target = span(pair.value.offset)
        if case .object(let ends, _) = pair.value {
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

  mutating func fail(_ message: String, _ value: PositionedJSON) {
    diagnostics.append(DiagnosticMessages.json(message, at: locator.range(value.offset)))
  }

  mutating func warnUnknown(_ key: String, at offset: Int, path: String) {
    diagnostics.append(
      Diagnostic(
        .warning, id: "json-unknown-key",
        message: "unknown key '\(key)' in \(path) is ignored", range: locator.range(offset)))
  }

  mutating func members(
    _ value: PositionedJSON, _ path: String, allowed: [String]
  ) -> [String: PositionedJSON]? {
    guard case .object(let pairs, _) = value else {
      fail("expected an object at \(path), found \(value.typeName)", value)
      return nil
    }
    var result: [String: PositionedJSON] = [:]
    for pair in pairs {
      if !allowed.contains(pair.key) {
        warnUnknown(pair.key, at: pair.keyOffset, path: path)
      } else if result[pair.key] != nil {
        diagnostics.append(
          DiagnosticMessages.json(
            "key '\(pair.key)' appears twice in \(path)", at: locator.range(pair.keyOffset)))
      } else {
        result[pair.key] = pair.value
      }
    }
    return result
  }

  mutating func string(_ value: PositionedJSON?, _ path: String) -> String? {
    guard let value else { return nil }
    guard case .string(let text, _) = value else {
      fail("expected a string at \(path), found \(value.typeName)", value)
      return nil
    }
    return text
  }

  /// Texts are single lines without surrounding spaces in `.argmap`; JSON is held to the same.
  mutating func text(_ value: PositionedJSON?, _ path: String) -> String? {
    string(value, path).map { String(Substring($0).trimmingSpaces()) }
  }

  mutating func strings(_ value: PositionedJSON?, _ path: String, trimmed: Bool = true) -> [String]
  {
    guard let value else { return [] }
    guard case .array(let elements, _) = value else {
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
  mutating func comments(_ value: PositionedJSON?, _ path: String) -> [String] {
    strings(value, path, trimmed: false).map { comment in
      var scalars = Substring(comment).unicodeScalars
      while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
      return String(scalars)
    }
  }

  mutating func number(_ value: PositionedJSON?, _ path: String) -> Double? {
    guard let value else { return nil }
    guard case .number(let number, _, _) = value else {
      fail("expected a number at \(path), found \(value.typeName)", value)
      return nil
    }
    return number
  }

  mutating func decodeMap(_ value: PositionedJSON) -> ArgumentMap? {
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
    guard case .array(let nodes, _) = nodesValue else {
      fail("expected an array at nodes, found \(nodesValue.typeName)", nodesValue)
      return map
    }
    for (position, nodeValue) in nodes.enumerated() {
      if let node = decodeNode(nodeValue, "nodes[\(position)]") { map.nodes.append(node) }
    }
    map.trailingComments = comments(root["trailingComments"], "trailingComments")
    return map
  }

  mutating func decodeMetadata(_ value: PositionedJSON) -> Metadata {
    let allowed = ["title", "author", "date", "language", "extra"]
    guard let fields = members(value, "metadata", allowed: allowed) else { return Metadata() }
    var metadata = Metadata(
      title: text(fields["title"], "metadata.title"),
      author: text(fields["author"], "metadata.author"),
      date: text(fields["date"], "metadata.date"),
      language: text(fields["language"], "metadata.language"))
    if let extra = fields["extra"] {
      guard case .array(let entries, _) = extra else {
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

  mutating func decodeNode(_ value: PositionedJSON, _ path: String) -> Node? {
    let allowed = [
      "id", "kind", "text", "date", "sources", "tags", "notes", "strength", "flags", "links",
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
    node.sources = strings(fields["sources"], path + ".sources")
    node.tags = strings(fields["tags"], path + ".tags")
    node.notes = strings(fields["notes"], path + ".notes")
    node.strength = number(fields["strength"], path + ".strength")
    node.comments = comments(fields["comments"], path + ".comments")
    node.trailingComments = comments(
      fields["trailingComments"], path + ".trailingComments")
    if let flags = fields["flags"] {
      if case .array(let elements, _) = flags {
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
      if case .array(let elements, _) = links {
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

  mutating func decodeDate(_ value: PositionedJSON, _ path: String) -> DateSpan? {
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
      if case .bool(let flag, _) = approximate {
        isApproximate = flag
      } else {
        fail("expected true or false at \(path).approximate", approximate)
      }
    }
    return DateSpan(start: start, end: end, isApproximate: isApproximate)
  }

  mutating func decodeLink(_ value: PositionedJSON, _ path: String) -> Link? {
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
    switch targetValue {
    case .string(let id, _):
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
