import ArgumentMap

/// What an export gives: the text and a warning for everything the format cannot hold.
public struct ExportResult: Sendable {
  /// The exported document, ending with a newline.
  public var text: String
  /// Warnings without source positions: what of the map the format could not carry.
  public var diagnostics: [Diagnostic]

  /// Creates an export result; importers and exporters build these, tests may too.
  public init(text: String, diagnostics: [Diagnostic]) {
    self.text = text
    self.diagnostics = diagnostics
  }
}
