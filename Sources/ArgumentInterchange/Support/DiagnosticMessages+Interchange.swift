import ArgumentMap

/// Interchange's part of the one diagnostic catalogue: a static factory per kind of problem, in
/// the same type and style as the core's, so messages stay uniform (lower-case, no trailing period,
/// source text in single quotes) and ids stable wherever a problem is found.
///
/// Imports locate problems by line and column (Argdown, Kialo, and AIF syntax errors); AIF
/// content problems also name the JSON path of the value. Exports have no source positions.
extension DiagnosticMessages {
  // MARK: Argdown

  static func argdownUnterminatedComment(_ opener: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "argdown-unterminated-comment",
      message: prefix
        + "comment '\(opener)' is never closed; expected '\(opener == "/*" ? "*/" : "-->")'",
      range: range)
  }

  static func argdownIncludeCycle(_ path: String, prefix: String, range: SourceRange) -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-include-cycle",
      message: prefix
        + "'\(path)' is already included; skipped, as each file is included once to avoid a cycle",
      range: range)
  }

  static func argdownIncludeTooDeep(_ path: String, limit: Int, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "argdown-include-too-deep",
      message: prefix + "'\(path)' is nested more than \(limit) includes deep; not included",
      range: range)
  }

  static func argdownIncludeMissing(_ path: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "argdown-include-missing",
      message: prefix + "cannot read included file '\(path)'", range: range)
  }

  static func argdownIncludeAbsolute(_ path: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "argdown-include-absolute",
      message: prefix
        + "included file '\(path)' is an absolute path; expected a path relative to the including file's folder; not included",
      range: range)
  }

  static func argdownIncludeOutside(_ path: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "argdown-include-outside",
      message: prefix
        + "included file '\(path)' is outside the including file's folder (and the include root, if one is given); not included",
      range: range)
  }

  static func argdownIncludeThroughLink(_ path: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "argdown-include-outside",
      message: prefix
        + "included file '\(path)' leads outside the including file's folder through a symbolic link; not included",
      range: range)
  }

  static func argdownIncludeUnreadable(
    _ path: String, reason: String, prefix: String, range: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .error, id: "argdown-include-unreadable",
      message: prefix + "cannot read included file '\(path)': it \(reason)", range: range)
  }

  static func argdownUnterminatedFrontMatter(range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "argdown-unterminated-front-matter",
      message: "front matter opened with '===' is never closed; expected a line '==='", range: range
    )
  }

  static func argdownFrontMatter(_ problem: String, range: SourceRange) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-front-matter", message: "front matter: \(problem); ignored",
      range: range)
  }

  static func argdownOrphanRelation(_ symbol: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-orphan-relation",
      message: prefix
        + "relation '\(symbol)' has no parent above it; its statement is kept without the relation",
      range: range)
  }

  static func argdownEmptyRelation(_ symbol: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-empty-relation",
      message: prefix + "relation '\(symbol)' has no statement or argument after it; ignored",
      range: range)
  }

  static func argdownUnreadableData(_ text: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-unreadable-data",
      message: prefix
        + "cannot read data '\(text)'; expected a YAML flow mapping such as '{key: value}'; ignored",
      range: range)
  }

  static func argdownUnsupportedData(
    _ key: String, value: String, prefix: String, range: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-unsupported-data",
      message: prefix + "data '\(key): \(value)' has no counterpart in an argument map; ignored",
      range: range)
  }

  static func argdownInvalidData(
    _ key: String, value: String, expected: String, prefix: String, range: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-invalid-data",
      message: prefix + "data '\(key): \(value)' is not valid; expected \(expected); ignored",
      range: range)
  }

  static func argdownHeadingTags(_ tags: [String], prefix: String, range: SourceRange) -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-heading-tags",
      message: prefix
        + "tags on a heading (\(tags.map { "'#\($0)'" }.joined(separator: ", "))) have no counterpart; ignored",
      range: range)
  }

  static func argdownTagRenamed(
    _ tag: String, to renamed: String, prefix: String, range: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .note, id: "argdown-tag-renamed",
      message: prefix + "tag '\(tag)' becomes '\(renamed)', as tags cannot hold spaces or commas",
      range: range)
  }

  static func argdownEquivalentText(_ title: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-equivalent-text",
      message: prefix
        + "'\(title)' is defined again with another text; an argument map keeps one text, so this one becomes a note",
      range: range)
  }

  static func argdownContradiction(prefix: String, range: SourceRange) -> Diagnostic {
    Diagnostic(
      .note, id: "argdown-contradiction",
      message: prefix + "contradiction '><' becomes two opposes links, one each way", range: range)
  }

  static func argdownUndercutNotArgument(_ target: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-undercut-target",
      message: prefix
        + "undercut of '\(target)', which draws no inference (not an argument with a conclusion); kept as opposes",
      range: range)
  }

  static func argdownInferenceRules(_ rules: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-inference-rules",
      message: prefix
        + "inference rules '\(rules)' have no counterpart in an argument map; ignored", range: range
    )
  }

  static func argdownIntermediaryConclusions(
    _ count: Int, argument: String, prefix: String, range: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-inference-steps",
      message: prefix
        + "argument '\(argument)' has \(count) inference steps; an argument map keeps one, so intermediary conclusions become premises of the argument",
      range: range)
  }

  static func argdownMissingInference(_ argument: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-missing-inference",
      message: prefix
        + "premise–conclusion structure of '\(argument)' has no inference line ('----'); its last item is taken as the conclusion",
      range: range)
  }

  static func argdownStatementNumber(_ text: String, prefix: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-statement-number",
      message: prefix
        + "reference to a premise by number '\(text)' has no counterpart; read as a reference to the argument",
      range: range)
  }

  static func argdownUnterminatedInference(prefix: String, range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "argdown-unterminated-inference",
      message: prefix + "inference opened with '--' is never closed; expected a line '--'",
      range: range)
  }

  static func argdownSelfRelation(_ title: String, prefix: String, range: SourceRange) -> Diagnostic
  {
    Diagnostic(
      .warning, id: "argdown-self-relation",
      message: prefix
        + "'\(title)' supports itself; an argument map holds no such link (only a self-attack), so the relation is left out",
      range: range)
  }

  static func argdownMetadataDate(_ date: String, range: SourceRange) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-front-matter-date",
      message:
        "front matter date '\(date)' is not written as YYYY-MM-DD; kept as the entry 'written-date'",
      range: range)
  }

  static func argdownTitleOnly(
    _ title: String, suggestion: String, prefix: String, range: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-title-only",
      message: prefix
        + "'\(title)' is never given a text, so its title stands in for one; did you mean '\(suggestion)'?",
      range: range)
  }

  static func argdownMixedIndentation(prefix: String, range: SourceRange) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-mixed-indentation",
      message: prefix
        + "indentation mixes tabs and spaces; Argdown counts a tab as one space, so this line may not sit under the line it appears to (first such line; indent with spaces only)",
      range: range)
  }

  static func argdownEmpty(range: SourceRange) -> Diagnostic {
    Diagnostic(
      .warning, id: "argdown-empty",
      message: "the document holds no statement or argument; the map is empty", range: range)
  }

  // MARK: AIF

  static func aifSyntax(_ message: String, range: SourceRange) -> Diagnostic {
    Diagnostic(.error, id: "aif-syntax", message: "invalid JSON: \(message)", range: range)
  }

  static func aifStructure(_ path: String, _ message: String, range: SourceRange) -> Diagnostic {
    Diagnostic(.error, id: "aif-structure", message: "\(path): \(message)", range: range)
  }

  static func aifSkipped(_ path: String, _ message: String, range: SourceRange) -> Diagnostic {
    Diagnostic(.warning, id: "aif-skipped", message: "\(path): \(message)", range: range)
  }

  static func aifUnsupported(_ path: String, _ message: String, range: SourceRange) -> Diagnostic {
    Diagnostic(.warning, id: "aif-no-counterpart", message: "\(path): \(message)", range: range)
  }

  static func aifRepeatedScheme(_ path: String, _ message: String, range: SourceRange) -> Diagnostic
  {
    Diagnostic(.note, id: "aif-repeated-scheme", message: "\(path): \(message)", range: range)
  }

  static func aifEmpty(range: SourceRange) -> Diagnostic {
    Diagnostic(
      .warning, id: "aif-empty", message: "the graph holds no I-node; the map is empty",
      range: range)
  }

  // MARK: Kialo

  static func kialoSyntax(_ message: String, range: SourceRange) -> Diagnostic {
    Diagnostic(.error, id: "kialo-syntax", message: message, range: range)
  }

  static func kialoWarning(_ message: String, range: SourceRange) -> Diagnostic {
    Diagnostic(.warning, id: "kialo-no-counterpart", message: message, range: range)
  }

  static func kialoNote(_ message: String, range: SourceRange) -> Diagnostic {
    Diagnostic(.note, id: "kialo-thesis-read-as-claim", message: message, range: range)
  }

  // MARK: Text

  static func invalidUTF8(range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "invalid-utf8",
      message: "the file is not valid UTF-8; the bad bytes read as '\u{FFFD}'", range: range)
  }

  // MARK: Export

  static func exportLoss(_ format: String, _ message: String) -> Diagnostic {
    Diagnostic(.warning, id: "export-no-counterpart", message: "\(format): \(message)", range: nil)
  }

  /// Something the other format shows differently but that a re-import gives back as it was.
  static func exportNote(_ format: String, _ message: String) -> Diagnostic {
    Diagnostic(.note, id: "export-shown-differently", message: "\(format): \(message)", range: nil)
  }
}
