import ArgumentInterchange
import ArgumentMap
import FuzzSupport

/// The abstract-framework importers (ICCMA `.af`, ASPARTIX `.apx`, TGF) on any bytes, each in
/// turn: no crash, no hang, diagnostics inside the input. An ICCMA import without errors exports
/// to ICCMA text that imports back to the same map (ids come back from the `# i id` comments);
/// an ASPARTIX one exports to ASPARTIX that imports back to the same attacks between the same
/// positions; a map that also validates survives the `.argmap` printer and JSON.
///
/// `p af N` is capped at 5,000 arguments here, so that a short input cannot spend the time
/// limit building nodes (the library's own cap is `defaultMaximumArguments`).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = fuzzInput(start, count)
  let iccma = AbstractFrameworkImporter.iccma(utf8: bytes, maximumArguments: 5_000)
  check(iccma, bytes: bytes)
  if !iccma.diagnostics.containsErrors {
    let exported = AbstractFrameworkExporter.iccma(iccma.map)
    let again = AbstractFrameworkImporter.iccma(utf8: Array(exported.text.utf8))
    // An empty framework is said to be one ('p af 0'), on the way back too.
    let expected = iccma.map.nodes.isEmpty ? ["framework-empty"] : []
    require(
      again.diagnostics.map(\.id) == expected,
      "exported ICCMA text has problems: \(again.diagnostics)")
    require(
      again.map == iccma.map,
      "exported ICCMA text imports as another map:\n\(exported.text)\n"
        + describe(iccma.map, again.map))
  }
  let apx = AbstractFrameworkImporter.apx(utf8: bytes)
  check(apx, bytes: bytes)
  if !apx.diagnostics.containsErrors {
    let exported = AbstractFrameworkExporter.apx(apx.map)
    let again = AbstractFrameworkImporter.apx(utf8: Array(exported.text.utf8))
    require(again.diagnostics.isEmpty, "exported ASPARTIX text has problems: \(again.diagnostics)")
    require(
      attacksByPosition(again.map) == attacksByPosition(apx.map),
      "exported ASPARTIX text imports with other attacks:\n\(exported.text)")
  }
  check(AbstractFrameworkImporter.tgf(utf8: bytes), bytes: bytes)
  return 0
}

/// Ranges inside the input; an import without errors validates as `argmap import` does, and a
/// map that validates survives the round trips.
func check(_ imported: ImportResult, bytes: [UInt8]) {
  requireRangesInside(imported.diagnostics, byteCount: bytes.count)
  guard !imported.diagnostics.containsErrors else { return }
  let judged = imported.map.validate(sourceMap: imported.sourceMap)
  requireRangesInside(judged, byteCount: bytes.count)
  if !judged.containsErrors && !imported.map.nodes.isEmpty {
    requireRoundTrips(imported.map)
  }
}

/// Each node's attacks as the positions of their targets, in order.
func attacksByPosition(_ map: ArgumentMap) -> [[Int]] {
  var position: [NodeID: Int] = [:]
  for (index, node) in map.nodes.enumerated() { position[node.id] = index }
  return map.nodes.map { node in
    node.links.map { link in link.target.nodeIDs.first.flatMap { position[$0] } ?? -1 }
  }
}
