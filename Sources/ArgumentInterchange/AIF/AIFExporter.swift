import ArgumentMap

/// Exports argument maps as AIF JSON in the AIFdb shape (`nodes`, `edges`, `locutions`).
///
/// The inverse of `AIFImporter`: every node becomes an I-node named by its id; a supports link
/// becomes an RA and an opposes link a CA (its reasoning is the scheme node's text, and also its
/// `scheme` when the text alone would read as generic); an undercut becomes a CA aimed at the RA
/// or CA of the link it attacks. A claim tagged `argument` with two or more supporting premises,
/// one kind of outgoing link and nothing else attached becomes one RA (or CA) with linked
/// premises. Sources become L-nodes anchored by `Asserting` YA-nodes. A flag (a factual
/// correction) becomes an I-node `Correction: text` that attacks the flagged node's I-node
/// through a CA, its sources anchored to it, so the correction travels with the slip; the
/// importer reads that pattern back as a flag.
///
/// AIF has no node kinds, dates, notes, strengths, tags, scopes or comments: each one that is
/// present is reported, and the kinds read back are those `AIFImporter` derives.
public enum AIFExporter {
  /// Exports a map as AIF JSON.
  ///
  /// - Parameter map: The map.
  /// - Returns: The JSON text and a warning for everything AIF cannot hold.
  public static func export(_ map: ArgumentMap) -> ExportResult {
    var writer = AIFGraphWriter(map: map)
    return writer.write()
  }
}
