extension ArgumentMapJSON {
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
    if let title = node.title { fields.append("\"title\": \(JSONText.quote(title))") }
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
}
