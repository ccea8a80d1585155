import ArgumentMap

extension BlockRenderer {
  /// Adds the written report a block asks for (a verdict, a table) to its figure.
  static func addReport(_ figure: inout RenderedFigure, spec: BlockSpec, map: ArgumentMap)
    throws(BlockRenderError)
  {
    switch spec.content {
    case .diagram, .facts: return
    case .comparison: return
    case .table(let aim):
      throw .view("tables of '\(aim)' are not available yet", option: "table")
    }
  }
}
