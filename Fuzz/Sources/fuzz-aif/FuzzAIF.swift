import ArgumentInterchange
import ArgumentMap
import FuzzSupport

/// The AIF importer on any bytes: no crash, no hang, diagnostics inside the input. An import
/// without errors exports to AIF that imports without errors, and back to the same map unless
/// the export reports what it could not carry (as the Argdown target: a silent loss is a
/// finding, a reported one is the exporter's documented behaviour); a map that also validates
/// survives the `.argmap` printer and JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = fuzzInput(start, count)
  let imported = AIFImporter.importMap(utf8: bytes)
  requireRangesInside(imported.diagnostics, byteCount: bytes.count)
  guard !imported.diagnostics.containsErrors else { return 0 }
  let exported = AIFExporter.export(imported.map)
  let again = AIFImporter.importMap(utf8: Array(exported.text.utf8))
  require(
    !again.diagnostics.containsErrors,
    "exported AIF has errors: \(again.diagnostics.map(\.message))\n\(exported.text)")
  require(
    !exported.diagnostics.isEmpty || again.map == imported.map,
    "exported AIF imports as another map:\n\(exported.text)\n" + describe(imported.map, again.map))
  if !imported.map.validate().containsErrors {
    requireRoundTrips(imported.map)
  }
  return 0
}
