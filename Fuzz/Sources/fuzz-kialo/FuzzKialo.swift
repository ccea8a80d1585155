import ArgumentInterchange
import ArgumentMap
import FuzzSupport

/// The Kialo importer on any bytes, as `argmap import --from kialo` reads them: no crash, no
/// hang; for valid UTF-8, diagnostics inside the input (other bytes are an error at the first
/// one, and the rest is read with U+FFFD in their place, as for Argdown). An import that checks without errors passes the `.argmap`
/// and JSON round trips, and its Kialo export leaves no statement out: that text imports back
/// with as many statements, checks without errors, and exports to the same text again.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = fuzzInput(start, count)
  let imported = ImportFormat.kialo.check(utf8: bytes)
  if String(validating: bytes, as: UTF8.self) != nil {
    requireRangesInside(imported.diagnostics, byteCount: bytes.count)
  }
  guard !imported.diagnostics.containsErrors, !imported.map.nodes.isEmpty else { return 0 }
  requireRoundTrips(imported.map)

  let exported = KialoExporter.export(imported.map)
  let again = ImportFormat.kialo.check(utf8: Array(exported.text.utf8))
  require(
    !again.diagnostics.containsErrors,
    "exported Kialo text has errors: \(again.diagnostics.filter { $0.severity == .error })\n"
      + exported.text)
  require(
    again.map.nodes.count == imported.map.nodes.count,
    "exported Kialo text holds \(again.map.nodes.count) of \(imported.map.nodes.count) statements:\n"
      + exported.text)
  let reexported = KialoExporter.export(again.map)
  require(
    reexported.text == exported.text,
    "Kialo export of the re-imported map differs:\n\(exported.text)\nthen:\n\(reexported.text)")
  return 0
}
