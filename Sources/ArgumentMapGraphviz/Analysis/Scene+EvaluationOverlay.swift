import ArgumentAnalysis
import ArgumentMap

extension Scene {
  /// The scene with each statement labelled by its evaluation: "stands", "falls" or
  /// "undecided" with a shape marker (■ □ ◧), or a strength with a five-step bar (▮▮▮▯▯).
  ///
  /// Markers and words carry the meaning, so the overlay survives greyscale printing. Nodes are
  /// matched by the ids the map views give statements (`n-` and the node id); blanked worksheet
  /// nodes are left alone so a worksheet does not give its answers away.
  ///
  /// - Parameter evaluation: An evaluation of the map the scene was drawn from.
  /// - Returns: The scene with labels and hover texts extended; when a gradual evaluation did
  ///   not converge, every statement says so instead of showing a number.
  public func overlaid(with evaluation: MapEvaluation) -> Scene {
    var byElement: [SceneElementID: Int] = [:]
    for (position, id) in evaluation.nodeIDs.enumerated() {
      byElement[SceneElementID("n-" + id.rawValue)] = position
    }
    var scene = self
    for index in scene.nodes.indices {
      guard !scene.nodes[index].isBlank, let position = byElement[scene.nodes[index].id] else {
        continue
      }
      let line = Self.overlayLine(evaluation, position)
      scene.nodes[index].label += "\n" + line
      scene.nodes[index].hoverText += (scene.nodes[index].hoverText.isEmpty ? "" : "\n") + line
    }
    scene.outline +=
      (scene.outline.isEmpty ? "" : "\n") + "Evaluated with "
      + evaluation.settingsSummary + "."
    return scene
  }

  static func overlayLine(_ evaluation: MapEvaluation, _ position: Int) -> String {
    switch evaluation.semantics {
    case .extensions(.grounded):
      guard let label = evaluation.labellings.first?.labels[position] else { return "" }
      switch label {
      case .in: return "\u{25A0} stands"
      case .out: return "\u{25A1} falls"
      case .undecided: return "\u{25E7} undecided"
      }
    case .extensions:
      let count = evaluation.labellings.count { $0.labels[position] == .in }
      if !evaluation.labellings.isEmpty && count == evaluation.labellings.count {
        return "\u{25A0} in every reading"
      }
      return count == 0 ? "\u{25A1} in no reading" : "\u{25E7} in some readings"
    case .gradual:
      guard let strengths = evaluation.gradual?.strengths else { return "did not converge" }
      let value = strengths[position]
      let filled = Int((value * 5).rounded())
      return String(repeating: "\u{25AE}", count: filled)
        + String(repeating: "\u{25AF}", count: 5 - filled) + " "
        + InterpretationComparison.fixed(value)
    }
  }
}
