import ArgumentMap

/// Writes JSON with members in the order given, two-space indentation and one trailing newline,
/// so the same value always gives the same bytes.
enum JSONWriter {
  /// A value to write: the writer's own small tree, built by the exporters in output order.
  indirect enum Value: Sendable {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    case null
  }

  /// The text of `value`; objects whose members are all scalars fit on one line.
  static func write(_ value: Value) -> String {
    var output = ""
    write(value, indent: 0, into: &output)
    output += "\n"
    return output
  }

  private static func isScalar(_ value: Value) -> Bool {
    switch value {
    case .object, .array: false
    case .string, .null: true
    }
  }

  private static func write(_ value: Value, indent: Int, into output: inout String) {
    let pad = String(repeating: " ", count: indent)
    let innerPad = String(repeating: " ", count: indent + 2)
    switch value {
    case .object(let members):
      if members.isEmpty {
        output += "{}"
      } else if members.allSatisfy({ isScalar($0.1) }) {
        output += "{"
        for (index, member) in members.enumerated() {
          if index > 0 { output += ", " }
          output += quoted(member.0) + ": "
          write(member.1, indent: indent, into: &output)
        }
        output += "}"
      } else {
        output += "{\n"
        for (index, member) in members.enumerated() {
          output += innerPad + quoted(member.0) + ": "
          write(member.1, indent: indent + 2, into: &output)
          output += index == members.count - 1 ? "\n" : ",\n"
        }
        output += pad + "}"
      }
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, element) in elements.enumerated() {
        output += innerPad
        write(element, indent: indent + 2, into: &output)
        output += index == elements.count - 1 ? "\n" : ",\n"
      }
      output += pad + "]"
    case .string(let text):
      output += quoted(text)
    case .null:
      output += "null"
    }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String {
    JSONText.quote(text, safeInHTML: false)
  }
}
