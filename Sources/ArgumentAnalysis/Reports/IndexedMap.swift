import ArgumentMap

/// A map with its id index built once, so reports can look nodes up by id in constant time
/// (`ArgumentMap.node(withID:)` scans, which turns a report on a large map quadratic).
struct IndexedMap {
  let map: ArgumentMap
  let index: [NodeID: Int]

  init(_ map: ArgumentMap) {
    self.map = map
    self.index = map.nodeIndex()
  }

  var metadata: Metadata { map.metadata }
  var nodes: [Node] { map.nodes }

  /// The first node with the id, if any.
  func node(withID id: NodeID) -> Node? {
    index[id].map { map.nodes[$0] }
  }
}
