import ArgumentMap

/// Lesson notes' part of the one diagnostic catalogue: a static factory per kind of problem with
/// a block, in the same type and style as the core's (lower-case, no trailing period, source text
/// in single quotes, saying what was expected).
///
/// A block's problems are found in its content bytes before the notes file's lines are known, so
/// these diagnostics come without a range; `BlockProblem` carries the bytes, and the processor
/// turns them into the notes file's lines and columns.
extension DiagnosticMessages {
  static func notesUnknownOption(_ key: String, suggestion: String?) -> Diagnostic {
    let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
    return notesError(
      "notes-unknown-option",
      "unknown option '\(key)'\(hint); options are \(BlockSpecParser.keys.joined(separator: ", "))")
  }

  /// `caption The map`: an option's name at the start of a line, the ':' forgotten. No map line
  /// starts so (no node kind is an option's name), so it is said here, not as an unknown kind.
  static func notesOptionWithoutColon(_ key: String) -> Diagnostic {
    notesError(
      "notes-option-without-colon",
      "expected ':' after the option '\(key)', as in '\(key): ...'")
  }

  static func notesRepeatedOption(_ key: String) -> Diagnostic {
    notesError("notes-repeated-option", "option '\(key)' is given twice; keep one")
  }

  static func notesBadView(_ value: String) -> Diagnostic {
    notesBadValue(
      "unknown view '\(value)'; expected map, overview, timeline, worksheet or facts")
  }

  static func notesBadDepth(_ value: String) -> Diagnostic {
    notesBadValue("'depth' takes a number of links from 0 to 20, not '\(value)'")
  }

  static func notesBadWidth(_ value: String) -> Diagnostic {
    notesBadValue("'width' takes fit or natural, not '\(value)'")
  }

  static func notesBadPage(_ value: String) -> Diagnostic {
    notesBadValue(
      "'page' takes a4-portrait, a4-landscape, a3-landscape, slide or none, not '\(value)'")
  }

  static func notesBadReport(_ value: String) -> Diagnostic {
    notesBadValue("'report' takes verdict, full or none, not '\(value)'")
  }

  static func notesBadYesNo(_ key: String, _ value: String) -> Diagnostic {
    notesBadValue("'\(key)' takes yes or no, not '\(value)'")
  }

  static func notesBadID(_ key: String, _ value: String) -> Diagnostic {
    notesBadValue("'\(value)' is not a node id; '\(key)' expects ids such as 'security-view'")
  }

  static func notesBadKind(_ value: String) -> Diagnostic {
    let kinds = NodeKind.allCases.map(\.keyword).joined(separator: ", ")
    return notesBadValue("unknown kind '\(value)'; expected one of \(kinds)")
  }

  static func notesCompareNeedsTwo(_ value: String) -> Diagnostic {
    notesBadValue("'compare' takes two interpretation ids, as in 'compare: A B', not '\(value)'")
  }

  static func notesMatrixNeedsTwo(_ value: String) -> Diagnostic {
    notesBadValue(
      "'matrix' takes two or more interpretation ids, as in 'matrix: A B', not '\(value)'")
  }

  static func notesEmptyValue(_ key: String) -> Diagnostic {
    notesBadValue("option '\(key)' needs a value")
  }

  static func notesConflicting(_ first: String, _ second: String) -> Diagnostic {
    notesError(
      "notes-conflicting-options", "'\(first)' and '\(second)' cannot be used in one block")
  }

  static func notesWorksheetOnly(_ option: String) -> Diagnostic {
    notesError(
      "notes-worksheet-only",
      "'\(option):' goes with a worksheet ('view: worksheet' or 'blank:')"
        + (option == "answers" ? " or 'view: facts'" : ""))
  }

  static func notesTextAfterReference() -> Diagnostic {
    notesError(
      "notes-text-after-reference",
      "a block with 'map:' holds only options; put the map in its file or drop the 'map:' line")
  }

  static func notesEmptyBlock() -> Diagnostic {
    notesError(
      "notes-empty-block",
      "the argmap block is empty; write a map or 'map: PATH' to a .argmap file")
  }

  static func notesUnclosedFence() -> Diagnostic {
    notesError(
      "notes-unclosed-fence",
      "the argmap block is never closed; end it with a fence line like the opening one")
  }

  static func notesMissingFile(_ path: String) -> Diagnostic {
    notesError("notes-missing-file", "cannot read map file '\(path)': no such file")
  }

  static func notesUnreadableFile(_ path: String, _ reason: String) -> Diagnostic {
    notesError("notes-missing-file", "cannot read map file '\(path)': \(reason)")
  }

  static func notesOutsideRoot(_ path: String, root: String) -> Diagnostic {
    notesError(
      "notes-outside-root",
      "map file '\(path)' is outside '\(root)'; a notes file may only use maps inside its folder tree or repository"
    )
  }

  static func notesMapHasErrors(_ path: String) -> Diagnostic {
    notesError("notes-map-errors", "map file '\(path)' has errors; see the messages that follow")
  }

  /// A view that cannot be drawn from the block's options; `reason` is the view's own message.
  static func notesViewFailed(_ reason: String) -> Diagnostic {
    notesError("notes-view", reason)
  }

  static func notesUnclosedTeacherPart() -> Diagnostic {
    notesError(
      "notes-teacher-marker",
      "'<!-- teacher -->' is never closed; end the teacher's part with '<!-- /teacher -->' on a line of its own"
    )
  }

  static func notesNestedTeacherPart() -> Diagnostic {
    notesError(
      "notes-teacher-marker",
      "'<!-- teacher -->' inside a teacher's part; close the first with '<!-- /teacher -->' before opening another"
    )
  }

  static func notesStrayTeacherClose() -> Diagnostic {
    notesError(
      "notes-teacher-marker",
      "'<!-- /teacher -->' closes no teacher's part; open one with '<!-- teacher -->' above it")
  }

  static func notesTeacherPartAcrossContainers() -> Diagnostic {
    notesError(
      "notes-teacher-marker",
      "'<!-- /teacher -->' is not in the list item or block quote its '<!-- teacher -->' is in; open and close a teacher's part at the same level"
    )
  }

  static func notesMarkerNotAlone(_ marker: String) -> Diagnostic {
    notesError(
      "notes-teacher-marker",
      "'\(marker)' must stand on a line of its own, with nothing else on that line")
  }

  static func notesDistractorsNotNumber(_ value: String) -> Diagnostic {
    notesBadValue("'distractors' takes a number of statements from 0 to 100, not '\(value)'")
  }

  static func notesBadFrame(_ value: String) -> Diagnostic {
    notesBadValue("'frame' takes successes or factors, not '\(value)'")
  }

  static func notesTableOnly(_ option: String) -> Diagnostic {
    notesError("notes-table-only", "'\(option):' goes with 'table:'")
  }

  static func notesJudgementSheetPlace() -> Diagnostic {
    notesError(
      "notes-judgement-sheet",
      "'judgement-sheet:' goes with a map or worksheet on a page (not 'page: none', a timeline, "
        + "'compare:', 'table:', 'matrix:' or 'view: facts')")
  }

  static func notesFactsOnly(_ option: String) -> Diagnostic {
    notesError("notes-facts-only", "'\(option):' goes with 'view: facts'")
  }

  /// An option whose value is not one the option takes.
  private static func notesBadValue(_ message: String) -> Diagnostic {
    notesError("notes-bad-value", message)
  }

  private static func notesError(_ id: String, _ message: String) -> Diagnostic {
    Diagnostic(.error, id: id, message: message, range: nil)
  }
}
