import ArgumentMap

/// How Kialo and AIF, which have no place for a node's flags, write each flag (a factual
/// correction): as a statement of its own whose text starts `Correction: `, attacking the
/// statement it corrects. The importers read such a statement back as a flag, so no export hands
/// on a slip without its correction.
enum CorrectionText {
  /// What a correction's text starts with.
  static let prefix = "Correction: "

  /// Whether `text` starts with `Correction: `, compared by Unicode scalars (not characters, which
  /// a combining mark after the space would change), so that exporters and importers agree on
  /// every text.
  static func starts(_ text: String) -> Bool {
    text.unicodeScalars.starts(with: prefix.unicodeScalars)
  }

  /// Whether a flag can be written for an importer to read back: it needs a text. Argdown and
  /// Kialo read texts without the blanks around them, so blanks alone are none.
  static func isWritable(_ flag: Flag) -> Bool {
    !flag.text.trimmingCharacters(in: " \t").isEmpty
  }

  /// `text` without its `Correction: `.
  static func body(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
  }
}
