// libyaml itself, the copy Yams builds (its `CYaml` module is libyaml's own source and yaml.h):
// only libyaml's public event API is used, and no second libyaml is linked beside Yams's.
import CYaml

/// How many nodes a YAML text stands for once its aliases are expanded, counted from libyaml's
/// events before any node is built.
///
/// Yams expands every alias while it composes, and hashes each mapping key to find duplicates,
/// so a key that is an alias of a deeply aliased list ("billion laughs" as a key) takes time
/// exponential in the text before any caller can count. Counting here is linear in the text:
/// each anchor's size is known when its node ends, and an alias adds that size.
enum YAMLAliasBudget {
  /// The first place where `text` stands for more than `limit` nodes, or `nil` when it stays
  /// within the limit or libyaml cannot read it (Yams then reports the error).
  static func overrun(in text: String, limit: Int) -> ArgdownYAML.Position? {
    // Without an alias no text stands for more nodes than it has events.
    guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> ArgdownYAML.Position? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      // The sizes of the collections still open, with their anchors, and the whole count so
      // far; sizes stop at limit + 1.
      var open: [(size: Int, anchor: String?)] = [(0, nil)]
      var anchors: [String: Int] = [:]
      var total = 0
      func add(_ size: Int) -> Bool {
        open[open.count - 1].size = min(open[open.count - 1].size + size, limit + 1)
        total = min(total + size, limit + 1)
        return total > limit
      }
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        let mark = event.start_mark
        var over = false
        switch event.type {
        case YAML_SCALAR_EVENT:
          let anchor = Self.name(event.data.scalar.anchor)
          if let anchor { anchors[anchor] = 1 }
          over = add(1)
        case YAML_SEQUENCE_START_EVENT:
          open.append((0, Self.name(event.data.sequence_start.anchor)))
          over = add(1)
        case YAML_MAPPING_START_EVENT:
          open.append((0, Self.name(event.data.mapping_start.anchor)))
          over = add(1)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          // The closed node's size moves to its parent; the whole count stays.
          guard open.count > 1, let closed = open.popLast() else { return nil }
          if let anchor = closed.anchor { anchors[anchor] = closed.size }
          open[open.count - 1].size = min(open[open.count - 1].size + closed.size, limit + 1)
        case YAML_ALIAS_EVENT:
          over = add(Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1)
        case YAML_STREAM_END_EVENT:
          return nil
        default:
          break
        }
        if over {
          return ArgdownYAML.Position(line: Int(mark.line), column: Int(mark.column))
        }
      }
      return nil
    }
  }

  /// An anchor name from libyaml, `nil` when there is none.
  private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
  }
}
