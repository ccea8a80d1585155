import ArgumentMap

/// The formats a map can be imported from; the command line's `--from`.
///
/// Keeping the dispatch here keeps the command line thin: it reads bytes, picks a case, prints.
public enum ImportFormat: String, CaseIterable, Sendable {
  /// Argdown text (`.argdown`, `.ad`).
  case argdown
  /// AIF JSON from OVA, AIFdb or xAIF.
  case aif
  /// Kialo's plain-text discussion export.
  case kialo
  /// ArgMap's own JSON.
  case json
  /// An ICCMA 2023 abstract framework (`.af`: `p af N`, then `i j` attacks).
  case iccma
  /// An ASPARTIX abstract framework (`.apx`: `arg(a).`, `att(a,b).`).
  case apx
  /// An abstract framework in the Trivial Graph Format (`.tgf`).
  case tgf

  /// Whether the format is an abstract argumentation framework (arguments and attacks only).
  public var isAbstractFramework: Bool {
    switch self {
    case .iccma, .apx, .tgf: true
    case .argdown, .aif, .kialo, .json: false
    }
  }

  /// Imports a document in this format.
  ///
  /// - Parameters:
  ///   - utf8: The document's bytes (UTF-8; invalid bytes are an error, read as U+FFFD).
  ///   - fileName: The file's name, for Argdown's include cycle detection and messages.
  ///   - includeLoader: Reads files named by Argdown's `@include`; ignored by other formats.
  /// - Returns: The best-effort map and located diagnostics.
  public func importMap(
    utf8: [UInt8], fileName: String = "input", includeLoader: ArgdownImporter.IncludeLoader? = nil
  ) -> ImportResult {
    switch self {
    case .argdown:
      let (valid, problem) = Self.repairedUTF8(utf8)
      var result = ArgdownImporter.importMap(
        utf8: valid, fileName: fileName, includeLoader: includeLoader)
      if let problem { result.diagnostics.insert(problem, at: 0) }
      return result
    case .kialo:
      let (text, problem) = Self.decodeUTF8(utf8)
      var result = KialoImporter.importMap(text)
      if let problem { result.diagnostics.insert(problem, at: 0) }
      return result
    case .aif:
      return AIFImporter.importMap(utf8: utf8)
    case .json:
      let (map, diagnostics) = ArgumentMapJSON.decode(utf8: utf8)
      return ImportResult(map: map ?? ArgumentMap(), diagnostics: diagnostics)
    case .iccma:
      return AbstractFrameworkImporter.iccma(utf8: utf8)
    case .apx:
      return AbstractFrameworkImporter.apx(utf8: utf8)
    case .tgf:
      return AbstractFrameworkImporter.tgf(utf8: utf8)
    }
  }

  /// Imports a document and, when it has no errors, validates the map by the `.argmap` rules,
  /// as `argmap import` does before writing it (ArgMap JSON is validated at its JSON values).
  ///
  /// The validator's diagnostics about a node point where the importer found that node (an
  /// Argdown statement's first definition, a Kialo claim's line, an AIF node's object).
  /// An abstract framework has no thesis, and an argument that neither attacks nor is attacked
  /// is ordinary there, so the validator's "no main aim" and "connected to nothing" warnings are
  /// left out for those formats.
  ///
  /// - Returns: The map and the import's diagnostics followed by the validator's.
  public func check(
    utf8: [UInt8], fileName: String = "input", includeLoader: ArgdownImporter.IncludeLoader? = nil
  ) -> ImportResult {
    if self == .json {
      let (map, diagnostics) = ArgumentMapJSON.check(utf8: utf8)
      return ImportResult(map: map ?? ArgumentMap(), diagnostics: diagnostics)
    }
    var result = importMap(utf8: utf8, fileName: fileName, includeLoader: includeLoader)
    if !result.diagnostics.containsErrors {
      var judged = result.map.validate(sourceMap: result.sourceMap)
      if isAbstractFramework {
        judged.removeAll { $0.id == "no-main-aim" || $0.id == "isolated-node" }
      }
      // The fix in the source's own syntax: an Argdown author has no 'aim ID: TEXT' line to add.
      if self == .argdown {
        for index in judged.indices where judged[index].id == "no-main-aim" {
          judged[index].message =
            "map has no main aim; mark the thesis with '{kind: aim}' after its text, as in "
            + "'[Motion]: This House would ... {kind: aim}'"
        }
      }
      result.diagnostics += judged
    }
    return result
  }

  /// The format a file is probably in: by extension (`.argdown`/`.ad` Argdown, `.txt` Kialo,
  /// `.af` ICCMA, `.apx` ASPARTIX, `.tgf` TGF), and for `.json` by content (an object with
  /// `edges` or `AIF` is AIF); ArgMap JSON otherwise.
  public static func guess(fileName: String, utf8: [UInt8]) -> ImportFormat {
    if let format = guess(fileName: fileName) { return format }
    if case .success(let root) = JSONReader.parse(utf8), root["edges"] != nil || root["AIF"] != nil
    {
      return .aif
    }
    return .json
  }

  /// The format a file's extension names on its own, without reading the file: `.argdown`,
  /// `.ad`, `.txt`, `.af`, `.apx`, `.tgf`; `nil` for any other name (`.json` needs its content).
  public static func guess(fileName: String) -> ImportFormat? {
    let lower = fileName.lowercased()
    if lower.hasSuffix(".argdown") || lower.hasSuffix(".ad") { return .argdown }
    if lower.hasSuffix(".txt") { return .kialo }
    if lower.hasSuffix(".af") { return .iccma }
    if lower.hasSuffix(".apx") { return .apx }
    if lower.hasSuffix(".tgf") { return .tgf }
    return nil
  }

  /// The bytes themselves when they are valid UTF-8 (no copy), else those of `decodeUTF8`.
  static func repairedUTF8(_ bytes: [UInt8]) -> ([UInt8], Diagnostic?) {
    if String(validating: bytes, as: UTF8.self) != nil { return (bytes, nil) }
    let (text, problem) = decodeUTF8(bytes)
    return (Array(text.utf8), problem)
  }

  /// The text, and an error at the first byte that is not UTF-8, if any.
  static func decodeUTF8(_ bytes: [UInt8]) -> (String, Diagnostic?) {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var consumed = 0
    var line = 1
    var column = 1
    var text = ""
    var problem: Diagnostic?
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        text.unicodeScalars.append(scalar)
        consumed += scalar.utf8.count
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        break loop
      case .error:
        if problem == nil {
          problem = DiagnosticMessages.invalidUTF8(
            range: SourceRange(at: SourceLocation(line: line, column: column, offset: consumed)))
        }
        text.unicodeScalars.append("\u{FFFD}")
        consumed += 1
        column += 1
      }
    }
    return (text, problem)
  }
}
