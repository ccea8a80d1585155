import ArgumentMap

/// The formats a map can be exported to; the command line's `--format`.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Argdown text.
  case argdown
  /// AIF JSON (AIFdb shape).
  case aif
  /// Kialo's plain-text discussion format.
  case kialo
  /// The attack structure in the ICCMA 2023 `p af` format.
  case iccma
  /// The attack structure in ASPARTIX `.apx` format.
  case apx
  /// ArgMap's own JSON.
  case json

  /// Exports a map in this format.
  ///
  /// - Parameter map: The map (valid: exporters assume its links name existing nodes).
  /// - Returns: The text and a warning for everything the format cannot hold.
  public func export(_ map: ArgumentMap) -> ExportResult {
    switch self {
    case .argdown: ArgdownExporter.export(map)
    case .aif: AIFExporter.export(map)
    case .kialo: KialoExporter.export(map)
    case .iccma: AbstractFrameworkExporter.iccma(map)
    case .apx: AbstractFrameworkExporter.apx(map)
    case .json: ExportResult(text: ArgumentMapJSON.encode(map), diagnostics: [])
    }
  }
}
