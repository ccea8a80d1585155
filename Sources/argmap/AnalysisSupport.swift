import ArgumentAnalysis
import ArgumentMap
import ArgumentParser

/// Options for an analysis, checking that `under` names an interpretation of the map.
func analysisOptions(
  _ map: ArgumentMap, under: String?, support: SupportReading, rivalsAttack: Bool
) throws -> AnalysisOptions {
  var options = AnalysisOptions(supportReading: support, rivalsAttack: rivalsAttack)
  if let under {
    let id = NodeID(under)
    guard map.node(withID: id)?.kind == .interpretation else {
      throw ValidationError("'\(under)' is not an interpretation in this map.")
    }
    options.interpretation = id
  }
  return options
}
