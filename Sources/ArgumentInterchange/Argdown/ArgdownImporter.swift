import ArgumentMap

/// Imports Argdown (`.argdown`) documents into argument maps.
///
/// The mapping, chosen so that what Argdown says survives and what it cannot say is reported:
///
/// - A statement equivalence class `[Title]` becomes one node; its first definition's text is
///   the node's text, later definitions with another text become notes (with a warning, as an
///   argument map has no equivalence classes). An untitled statement is a node of its own.
/// - An argument `<Title>` becomes a claim tagged `argument`; its description is the text.
/// - A premise–conclusion structure keeps its premises linked: every premise supports the
///   argument node and the argument supports the main conclusion.
/// - `+`/`<+` and `+>` become supports, `-`/`<-` and `->` opposes, `_`/`<_` and `_>` undercuts
///   of the argument's inference (its supports links); `><` becomes opposes both ways.
/// - Kinds: `{kind: evidence}` data sets a kind; otherwise every node is a claim. Argdown has no
///   notion of a thesis or of evidence, and guessing from the graph's shape misleads (the
///   observations that the arguments of `semmelweis_betz.argdown` explain would become theses).
/// - Tags become tags; `#(tag with spaces)` becomes `tag-with-spaces`. A heading becomes a tag
///   (its slug) on the statements first defined under it, unless it says `{isGroup: false}`.
/// - Data `{date: 1939-08-23, sources: [...], notes: [...], strength: 0.8, kind: event}` fills
///   those fields; other data keys have no counterpart and are reported.
/// - Data `{flags: [{text: "...", sources: ["...", "..."]}]}` gives the node's flags (factual
///   corrections), as the exporter writes them; a correction may also be a bare text. A
///   malformed correction is reported at the data and left out; the others are kept.
/// - Front matter (`===` YAML `===`): `title`, `author`, `date`, `language` become metadata;
///   other keys, nested ones flattened to `model.mode`, are kept as extra metadata.
/// - Comments are ignored, as in Argdown. `@include(file)` splices in another file, each file at
///   most once (a repeated include is reported and skipped, which also stops cycles); the
///   `IncludeLoader` confines includes to the including file's folder.
/// - Ids: a title that is a valid id is kept (`Fleisch-OK`); other titles and untitled texts
///   become slugs (`statement-1`, `the-world-seems-intelligently-designed`), made unique.
public enum ArgdownImporter {
  /// The tag that marks a node as an Argdown argument (written `<Title>` on export).
  public static let argumentTag = "argument"

  /// Imports an Argdown document.
  ///
  /// - Parameters:
  ///   - text: The document.
  ///   - fileName: The file's name, used for included files' messages and cycle detection.
  ///   - includeLoader: Reads files named by `@include` and decides which may be read
  ///     (`.files(besides:root:)` for the file system); without one, includes are reported.
  /// - Returns: The best-effort map and located diagnostics.
  public static func importMap(
    _ text: String, fileName: String = "input.argdown", includeLoader: IncludeLoader? = nil
  ) -> ImportResult {
    importMap(utf8: Array(text.utf8), fileName: fileName, includeLoader: includeLoader)
  }

  /// Imports an Argdown document given as valid UTF-8 (`ImportFormat.importMap(utf8:)` repairs
  /// invalid bytes first). The lines are read from these bytes as they are, with no copy as a
  /// `String`: a large file is then held once, not three times.
  static func importMap(
    utf8: [UInt8], fileName: String = "input.argdown", includeLoader: IncludeLoader? = nil
  ) -> ImportResult {
    ArgdownModelBuilder.build(parse(utf8: utf8, fileName: fileName, includeLoader: includeLoader))
  }

  /// The document of a text; the lines read for it are let go before the map is built.
  private static func parse(
    utf8: [UInt8], fileName: String, includeLoader: IncludeLoader?
  ) -> ArgdownDocument {
    let source = ArgdownSource(utf8: utf8, fileName: fileName, loader: includeLoader)
    var parser = ArgdownParser(source: source)
    return parser.parse()
  }

  /// The kind a node gets when its data does not name one; the exporter uses it to decide when
  /// to write `{kind: ...}`.
  static let defaultKind = NodeKind.claim
}
