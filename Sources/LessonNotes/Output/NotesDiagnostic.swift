import ArgumentMap

/// A diagnostic with the file it is about: a notes file, or a map file a block refers to.
public struct NotesDiagnostic: Hashable, Sendable {
  /// The file's name as shown (`notes.md`, `../Graphs/x.argmap`).
  public var fileName: String
  /// The file's bytes, for the source line under the message.
  public var source: [UInt8]
  /// The problem, its range in lines and columns of that file.
  public var diagnostic: Diagnostic

  /// Pairs a diagnostic with the file its range refers to, so it prints as `file:line:column`.
  public init(fileName: String, source: [UInt8], diagnostic: Diagnostic) {
    self.fileName = fileName
    self.source = source
    self.diagnostic = diagnostic
  }

  /// `file:line:column: severity: message`, one line, for error boxes.
  public var summary: String {
    var text = fileName
    if let range = diagnostic.range { text += ":\(range.start.line):\(range.start.column)" }
    return text + ": \(diagnostic.severity.rawValue): \(diagnostic.message)"
  }
}
