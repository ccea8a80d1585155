extension JSONValue {
  /// The value as JSON text without any white space: members in their order, numbers as
  /// written, strings escaped as `JSONText.quote` escapes them outside HTML.
  ///
  /// The same value always gives the same bytes, and a value read from compact text gives that
  /// text back, which is what a filter that passes most of its input through needs.
  ///
  /// - Complexity: O(*n*) in the size of the value.
  package var compactText: String {
    var out = ""
    writeCompact(to: &out)
    return out
  }

  /// The value as JSON text indented by two spaces a level, objects whose members are all scalars
  /// on one line, without a final newline.
  ///
  /// Members keep their order, so an exporter that builds its document in a fixed order writes
  /// the same bytes for the same map.
  ///
  /// - Complexity: O(*n*) in the size of the value.
  package var indentedText: String {
    var out = ""
    writeIndented(indent: 0, to: &out)
    return out
  }

  private var isScalar: Bool {
    switch content {
    case .object, .array: false
    case .string, .number, .bool, .null: true
    }
  }

  private func writeCompact(to out: inout String) {
    switch content {
    case .array(let elements):
      Self.write(elements, "[", ",", "]", to: &out) { $0.writeCompact(to: &$1) }
    case .object(let members):
      Self.write(members, "{", ",", "}", to: &out) { member, out in
        out += JSONText.quote(member.key, safeInHTML: false) + ":"
        member.value.writeCompact(to: &out)
      }
    case .string(let text): out += JSONText.quote(text, safeInHTML: false)
    case .number(_, let text): out += text
    case .bool(let flag): out += flag ? "true" : "false"
    case .null: out += "null"
    }
  }

  private func writeIndented(indent: Int, to out: inout String) {
    let pad = String(repeating: " ", count: indent)
    let innerPad = pad + "  "
    switch content {
    case .object(let members) where members.isEmpty:
      out += "{}"
    case .object(let members) where members.allSatisfy(\.value.isScalar):
      Self.write(members, "{", ", ", "}", to: &out) { member, out in
        out += JSONText.quote(member.key, safeInHTML: false) + ": "
        member.value.writeCompact(to: &out)
      }
    case .object(let members):
      Self.write(members, "{\n", ",\n", "\n" + pad + "}", to: &out) { member, out in
        out += innerPad + JSONText.quote(member.key, safeInHTML: false) + ": "
        member.value.writeIndented(indent: indent + 2, to: &out)
      }
    case .array(let elements) where elements.isEmpty:
      out += "[]"
    case .array(let elements):
      Self.write(elements, "[\n", ",\n", "\n" + pad + "]", to: &out) { element, out in
        out += innerPad
        element.writeIndented(indent: indent + 2, to: &out)
      }
    case .string, .number, .bool, .null:
      writeCompact(to: &out)
    }
  }

  /// `items` between `open` and `close`, `separator` between each two, each written by `write`.
  private static func write<Item>(
    _ items: [Item], _ open: String, _ separator: String, _ close: String,
    to out: inout String, each write: (Item, inout String) -> Void
  ) {
    out += open
    for (index, item) in items.enumerated() {
      if index > 0 { out += separator }
      write(item, &out)
    }
    out += close
  }
}
