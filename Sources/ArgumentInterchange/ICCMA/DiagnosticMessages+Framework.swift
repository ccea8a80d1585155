import ArgumentMap

/// The abstract-framework importers' part of the diagnostic catalogue (ICCMA `.af`, ASPARTIX
/// `.apx`, TGF): every problem is located by line and column in the imported file.
extension DiagnosticMessages {
  /// Malformed text: what was expected and what was found.
  static func frameworkSyntax(_ format: String, _ problem: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(.error, id: "\(format)-syntax", message: problem, range: range)
  }

  /// The ICCMA file has no `p af N` line before its first attack (or at all).
  static func iccmaMissingHeader(range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "iccma-missing-header",
      message: "the file has no 'p af N' line before its attacks; expected one such as 'p af 5'",
      range: range)
  }

  /// The framework declares no argument (`p af 0`): a warning here, made an error by an
  /// import, which writes no empty map.
  static func frameworkEmpty(range: SourceRange) -> Diagnostic {
    Diagnostic(
      .warning, id: "framework-empty",
      message: "'p af 0' declares no argument; the map is empty", range: range)
  }

  /// An attack names an argument the framework does not have.
  static func frameworkUnknownArgument(
    _ format: String, _ problem: String, range: SourceRange
  ) -> Diagnostic {
    Diagnostic(.error, id: "\(format)-unknown-argument", message: problem, range: range)
  }

  /// More arguments than an import builds a map for.
  static func frameworkTooLarge(_ count: String, limit: Int, range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error, id: "iccma-too-large",
      message:
        "the framework declares \(count) arguments; at most \(limit) can be imported",
      range: range)
  }

  /// The same attack twice: kept once.
  static func frameworkDuplicateAttack(
    _ format: String, _ attack: String, range: SourceRange, first: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .warning, id: "\(format)-duplicate-attack",
      message: "attack '\(attack)' is given twice; merged", range: range,
      notes: [Diagnostic.Note("first given here", range: first)])
  }

  /// The same argument declared twice: kept once.
  static func frameworkDuplicateArgument(
    _ format: String, _ name: String, range: SourceRange, first: SourceRange
  ) -> Diagnostic {
    Diagnostic(
      .warning, id: "\(format)-duplicate-argument",
      message: "argument '\(clipName(name))' is declared twice; merged", range: range,
      notes: [Diagnostic.Note("first declared here", range: first)])
  }

  /// Something the file says that an argument map does not keep.
  static func frameworkIgnored(_ format: String, _ what: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(.warning, id: "\(format)-no-counterpart", message: what, range: range)
  }

  /// Clips a name quoted in a message, so a megabyte-long name does not flood the terminal.
  private static func clipName(_ name: String) -> String {
    name.unicodeScalars.count <= 60 ? name : String(name.prefix(57)) + "..."
  }
}
