import ArgumentMap

/// An evidence matrix in the manner of Heuer's Analysis of Competing Hypotheses: a row for each
/// piece of evidence any of the interpretations uses, in date order, a column for each
/// interpretation, and in each cell how that reading takes the evidence, with the map's reason.
///
/// The evidence that tells the readings apart (consistent with one, inconsistent with another)
/// is *diagnostic*: that is what a verdict should rest on, not the evidence every reading can
/// live with.
public struct EvidenceMatrix: Hashable, Sendable {
  /// How one reading takes one piece of evidence.
  public enum Judgement: String, Hashable, Sendable, CaseIterable {
    /// It counts for the reading.
    case consistent
    /// It counts against the reading.
    case inconsistent
    /// It counts both for and against the reading.
    case neutral
    /// The reading does not use it.
    case notUsed = "not used"
  }

  /// One cell: the judgement and the author's reasons, from the links the reading goes through.
  public struct Cell: Hashable, Sendable {
    /// Consistent, inconsistent, neutral or not used.
    public var judgement: Judgement
    /// The reasoning of the evidence's links that this reading goes through, in written order.
    public var reasons: [String]
  }

  /// One piece of evidence across the interpretations.
  public struct Row: Hashable, Sendable {
    /// The evidence or event node.
    public var evidence: NodeID
    /// One cell per interpretation, in column order.
    public var cells: [Cell]
    /// Whether it is consistent with one reading and inconsistent with another.
    public var isDiagnostic: Bool
    /// Whether the readings go through different links of it, at least one scoped: one event
    /// read two ways.
    public var isReadTwoWays: Bool
  }

  /// The interpretations, one per column.
  public var interpretations: [NodeID]
  /// The evidence, in date order (undated last, in written order).
  public var rows: [Row]

  /// The matrix of a comparison.
  public init(_ comparison: InterpretationComparison) {
    interpretations = comparison.sides.map(\.interpretation)
    rows = comparison.rows.map { row in
      let cells = row.readings.map { reading -> Cell in
        guard let reading else { return Cell(judgement: .notUsed, reasons: []) }
        let judgement: Judgement =
          switch reading.bearing {
          case .supports: .consistent
          case .opposes: .inconsistent
          case .mixed: .neutral
          }
        var reasons: [String] = []
        for link in reading.links {
          if let reasoning = link.reasoning, !reasons.contains(reasoning) {
            reasons.append(reasoning)
          }
        }
        return Cell(judgement: judgement, reasons: reasons)
      }
      let judgements = Set(cells.map(\.judgement))
      return Row(
        evidence: row.evidence, cells: cells,
        isDiagnostic: judgements.contains(.consistent) && judgements.contains(.inconsistent),
        isReadTwoWays: row.isReadTwoWays)
    }
  }

  /// The diagnostic rows, in date order.
  public var diagnosticRows: [Row] { rows.filter(\.isDiagnostic) }

  /// How many rows each interpretation finds consistent and inconsistent, in column order.
  public var tally: [(consistent: Int, inconsistent: Int)] {
    interpretations.indices.map { column in
      (
        rows.filter { $0.cells[column].judgement == .consistent }.count,
        rows.filter { $0.cells[column].judgement == .inconsistent }.count
      )
    }
  }
}
