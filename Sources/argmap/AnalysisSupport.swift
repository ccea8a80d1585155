import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser

/// Options for an analysis, checking that `under` names an interpretation of the map.
func analysisOptions(
  _ map: ArgumentMap, under: String?, support: SupportReading, rivalsAttack: Bool
) throws -> AnalysisOptions {
  var options = AnalysisOptions(supportReading: support, rivalsAttack: rivalsAttack)
  if let under {
    try checkUnder(under, in: map)
    options.interpretation = NodeID(under)
  }
  return options
}

/// Throws unless `--under` names an interpretation of `map`, suggesting the one meant as
/// `render --scope` does: "unknown interpretation 'Prop'; did you mean 'prop'?".
func checkUnder(_ under: String, in map: ArgumentMap) throws {
  do {
    try map.checkScope(NodeID(under))
  } catch {
    let text = error.description
    throw ValidationError("--under: " + text + (text.hasSuffix("?") ? "" : "."))
  }
}

/// A comparison's problem in words, naming the map's interpretations when no near spelling was
/// found: "unknown interpretation 'proposition'" left a debater guessing what to type.
func describe(_ error: ComparisonError, in map: ArgumentMap) -> String {
  let ids = map.interpretations.map { "'\($0.id)'" }
  switch error {
  case .unknownNode(_, suggestion: nil), .notAnInterpretation:
    return error.description
      + (ids.isEmpty
        ? "; the map has no interpretation: add one that supports the aim it reads "
          + "('interpretation ID: TEXT' in .argmap, '{kind: interpretation}' in Argdown)"
        : "; the interpretations are " + ids.joined(separator: ", "))
  case .unknownNode, .unknownAim, .tooFewInterpretations:
    return error.description
  }
}
