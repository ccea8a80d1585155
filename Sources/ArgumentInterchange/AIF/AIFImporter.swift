import ArgumentMap

/// Imports AIF JSON (the Argument Interchange Format of OVA, AIFdb and xAIF) into argument maps.
///
/// The mapping:
///
/// - I-nodes (propositions) become nodes. Their kind comes from the graph, as AIF has none: an
///   I-node that receives support or attack and gives none is a main aim (a final conclusion),
///   one that gives but receives none is evidence (a premise taken as given), any other a claim.
/// - An RA (inference) with one premise becomes a supports link from the premise to each
///   conclusion; a CA (conflict) likewise an opposes link. The scheme name, or a text that is not
///   a generic `RA`/`Default Inference`, becomes the link's reasoning.
/// - An RA or CA with several premises keeps them linked: it becomes a claim tagged `argument`
///   (text: the scheme, or `Linked premises`), each premise supports it, and it supports (RA) or
///   opposes (CA) the conclusion.
/// - A CA aimed at an RA or CA undercuts that inference: an undercuts link to each link the
///   attacked node stands for.
/// - An L-node (locution) anchored by a YA-node to an I-node becomes a source of that node, so
///   "who said it" survives; an illocution other than `Asserting` follows in parentheses. TA, MA, PA, unanchored L and YA nodes, timestamps, OVA layout and
///   other top-level blocks have no counterpart: each is reported with its JSON path.
/// - An I-node whose text starts `Correction: ` and whose only link is one CA attacking one
///   other I-node (no reasoning, nothing else into either but its sources' YA-nodes) becomes a
///   flag (a factual correction) of that node, with its locutions as the flag's sources: the
///   pattern `AIFExporter` writes flags in, as AIF has no flags of its own.
/// - Ids: a `nodeID` that is already a valid node id is kept; numeric ones become slugs of the
///   node's text. Ids may be strings or integers; the `{"AIF": {...}}` wrapper of OVA3 and xAIF
///   is accepted.
/// - Each node's links are ordered supports, opposes, undercuts, then by target, so the result
///   does not depend on the order of scheme nodes in the file.
public enum AIFImporter {
  /// Imports an AIF JSON document.
  ///
  /// - Parameter utf8: The document's bytes.
  /// - Returns: The best-effort map; errors for malformed JSON or missing `nodes`/`edges`,
  ///   warnings for what has no counterpart, each with a location and a JSON path.
  public static func importMap(utf8: [UInt8]) -> ImportResult {
    var reader = AIFGraphReader(bytes: utf8)
    return reader.read()
  }

  /// Scheme-node texts that say nothing beyond the node's type.
  static let genericTexts: Set<String> = [
    "", "RA", "CA", "MA", "PA", "TA", "YA", "Default Inference", "Default Conflict",
    "Default Rephrase", "Default Preference", "Default Transition",
  ]

  /// Whether a scheme node's text gives no reasoning: a generic text or an illocution's name
  /// (`YA_...`).
  static func isGeneric(schemeText text: String) -> Bool {
    genericTexts.contains(text) || text.hasPrefix("YA_")
  }

  /// The kind an I-node gets from the shape of the graph.
  static func derivedKind(hasIncoming: Bool, hasOutgoing: Bool) -> NodeKind {
    switch (hasIncoming, hasOutgoing) {
    case (true, false): .mainAim
    case (false, true): .evidence
    case (true, true), (false, false): .claim
    }
  }
}
