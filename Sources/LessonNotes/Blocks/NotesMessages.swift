import ArgumentMap

/// The catalogue of lesson-notes messages: lower-case, no trailing period, source text in single
/// quotes, saying what was expected.
enum NotesMessages {
  static func unknownOption(_ key: String, suggestion: String?) -> (String, String) {
    let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
    return (
      "notes-unknown-option",
      "unknown option '\(key)'\(hint); options are \(BlockSpecParser.keys.joined(separator: ", "))"
    )
  }
  static func repeatedOption(_ key: String) -> (String, String) {
    ("notes-repeated-option", "option '\(key)' is given twice; keep one")
  }
  static func badView(_ value: String) -> (String, String) {
    ("notes-bad-value", "unknown view '\(value)'; expected map, timeline, worksheet or facts")
  }
  static func badWidth(_ value: String) -> (String, String) {
    ("notes-bad-value", "'width' takes fit or natural, not '\(value)'")
  }
  static func badReport(_ value: String) -> (String, String) {
    ("notes-bad-value", "'report' takes verdict, full or none, not '\(value)'")
  }
  static func badYesNo(_ key: String, _ value: String) -> (String, String) {
    ("notes-bad-value", "'\(key)' takes yes or no, not '\(value)'")
  }
  static func badID(_ key: String, _ value: String) -> (String, String) {
    ("notes-bad-value", "'\(value)' is not a node id; '\(key)' expects ids such as 'security-view'")
  }
  static func badKind(_ value: String) -> (String, String) {
    (
      "notes-bad-value",
      "unknown kind '\(value)'; expected one of \(NodeKind.allCases.map(\.keyword).joined(separator: ", "))"
    )
  }
  static func compareNeedsTwo(_ value: String) -> (String, String) {
    (
      "notes-bad-value",
      "'compare' takes two interpretation ids, as in 'compare: A B', not '\(value)'"
    )
  }
  static func emptyValue(_ key: String) -> (String, String) {
    ("notes-bad-value", "option '\(key)' needs a value")
  }
  static func conflicting(_ first: String, _ second: String) -> (String, String) {
    ("notes-conflicting-options", "'\(first)' and '\(second)' cannot be used in one block")
  }
  static let textAfterReference = (
    "notes-text-after-reference",
    "a block with 'map:' holds only options; put the map in its file or drop the 'map:' line"
  )
  static let emptyBlock = (
    "notes-empty-block", "the argmap block is empty; write a map or 'map: PATH' to a .argmap file"
  )
  static let unclosedFence = (
    "notes-unclosed-fence",
    "the argmap block is never closed; end it with a fence line like the opening one"
  )
  static func missingFile(_ path: String) -> (String, String) {
    ("notes-missing-file", "cannot read map file '\(path)': no such file")
  }
  static func unreadableFile(_ path: String, _ reason: String) -> (String, String) {
    ("notes-missing-file", "cannot read map file '\(path)': \(reason)")
  }
  static func outsideRoot(_ path: String, root: String) -> (String, String) {
    (
      "notes-outside-root",
      "map file '\(path)' is outside '\(root)'; a notes file may only use maps inside its folder tree or repository"
    )
  }
  static func mapHasErrors(_ path: String) -> (String, String) {
    ("notes-map-errors", "map file '\(path)' has errors; see the messages that follow")
  }
  static func renderFailed(_ reason: String) -> (String, String) {
    ("notes-render-failed", "cannot draw the map: \(reason)")
  }
}
