import CGraphviz
import CGraphvizSupport

/// What libcgraph reads from a DOT text: the graph's name, its nodes and edges
/// (`Graphviz.parse(dot:)`).
package struct ParsedGraph: Sendable {
  /// The graph's name.
  package var name: String
  /// The node names, in the order the nodes were first seen.
  package var nodeNames: [String]
  /// The number of edges.
  package var edgeCount: Int
  /// Node attributes by node name, for the attributes the text sets.
  package var nodeAttributes: [String: [String: String]]

  /// The value of attribute `key` on node `name`, if set.
  package func attribute(_ key: String, ofNode name: String) -> String? {
    nodeAttributes[name]?[key]
  }

  /// Reads `graph`. Call only under the Graphviz lock.
  init(reading graph: UnsafeMutablePointer<Agraph_t>) {
    var symbols: [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)] = []
    var symbol = agnxtattr(graph, cgs_node_kind, nil)
    while let current = symbol {
      symbols.append((String(cString: current.pointee.name), current))
      symbol = agnxtattr(graph, cgs_node_kind, current)
    }
    name = String(cString: agnameof(UnsafeMutableRawPointer(graph)))
    nodeNames = []
    edgeCount = 0
    nodeAttributes = [:]
    var node = agfstnode(graph)
    while let current = node {
      let nodeName = String(cString: agnameof(UnsafeMutableRawPointer(current)))
      nodeNames.append(nodeName)
      var attributes: [String: String] = [:]
      for (key, symbol) in symbols {
        if let value = agxget(UnsafeMutableRawPointer(current), symbol) {
          let text = String(cString: value)
          if !text.isEmpty { attributes[key] = text }
        }
      }
      nodeAttributes[nodeName] = attributes
      var edge = agfstout(graph, current)
      while let currentEdge = edge {
        edgeCount += 1
        edge = agnxtout(graph, currentEdge)
      }
      node = agnxtnode(graph, current)
    }
  }
}
