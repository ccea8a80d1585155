import ArgumentMap

/// One step of presenting a map in class: a heading and the statements it reveals.
public struct PresentationStep: Hashable, Sendable {
  /// Which part of the argument a step shows.
  public enum Part: Hashable, Sendable {
    /// A main aim, a sub-aim, or the interpretations: the statements the rest argues about.
    case anchor
    /// What argues for one anchor, or against it.
    case side
    /// Statements not linked to any anchor.
    case other
  }

  /// Which part of the argument the step shows.
  public var part: Part
  /// What the step shows, as a teacher would announce it ("Sub-aim: Political recognition").
  public var title: String
  /// The statements this step adds to what is already shown, in written order.
  public var revealed: [NodeID]
}

extension ArgumentMap {
  /// The order a map is revealed in when presented: each main aim, then each sub-aim followed by
  /// what argues for it (the essay's successes) and against it (its failures), then what bears
  /// on the main aims directly, then the interpretations with what supports and opposes them,
  /// and last any statement not linked to any of these.
  ///
  /// The groups are those of the teaching layout (`TeachingPlan`), so every box of the picture
  /// appears in one step; an empty side makes no step.
  ///
  /// - Parameter scope: Read only the links that hold under this interpretation.
  /// - Returns: The steps in order; every statement is revealed by exactly one.
  public func presentationSteps(scope: NodeID? = nil) -> [PresentationStep] {
    let plan = TeachingPlan(map: self, scope: scope)
    var steps: [PresentationStep] = []
    func add(_ title: String, _ positions: [Int], _ part: PresentationStep.Part = .anchor) {
      guard !positions.isEmpty else { return }
      steps.append(
        PresentationStep(part: part, title: title, revealed: positions.map { nodes[$0].id }))
    }
    let partOfAnchor = Dictionary(
      plan.parts.map { ($0.anchor, $0) }, uniquingKeysWith: { first, _ in first })
    func addSides(of anchor: Int) {
      guard let part = partOfAnchor[anchor] else { return }
      let name = Self.shortName(of: nodes[anchor])
      add("For: " + name, part.forSide, .side)
      add("Against: " + name, part.againstSide, .side)
    }
    let aims = plan.top.filter { nodes[$0].kind == .mainAim }
    let interpretations = plan.top.filter { nodes[$0].kind == .interpretation }
    for aim in aims { add("Main aim: " + Self.shortName(of: nodes[aim]), [aim]) }
    for subAim in plan.subAims {
      add("Sub-aim: " + Self.shortName(of: nodes[subAim]), [subAim])
      addSides(of: subAim)
    }
    for aim in aims { addSides(of: aim) }
    add(interpretations.count == 1 ? "Interpretation" : "Interpretations", interpretations)
    for interpretation in interpretations { addSides(of: interpretation) }
    add("Other statements", plan.unattached, .other)
    return steps
  }

  /// The first sentence of a statement, at most eight words: enough to announce it.
  private static func shortName(of node: Node) -> String {
    let sentence = node.text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
    let words = sentence.split(whereSeparator: \.isWhitespace)
    let short = words.prefix(8).joined(separator: " ")
    return words.count > 8 ? short + " …" : short
  }
}
