import ArgumentInterchange
import ArgumentMap
import FuzzSupport

/// The Argdown importer on any bytes: no crash, no hang; for valid UTF-8, diagnostics inside the
/// text. An import without errors exports without loss (notes only) back to the same map, and a map that also
/// validates survives the `.argmap` printer and JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = fuzzInput(start, count)
  // What `ImportFormat.argdown.check(utf8:)` does, in two steps so each result can be judged.
  let imported = ImportFormat.argdown.importMap(utf8: bytes)
  if String(validating: bytes, as: UTF8.self) != nil {
    requireRangesInside(imported.diagnostics, byteCount: bytes.count)
  }
  guard !imported.diagnostics.containsErrors else { return 0 }
  let exported = ArgdownExporter.export(imported.map)
  // Notes say how Argdown shows something a re-import gives back; warnings are losses.
  if !exported.diagnostics.contains(where: { $0.severity != .note }) {
    let again = ArgdownImporter.importMap(exported.text)
    require(
      !again.diagnostics.containsErrors,
      "exported Argdown has errors: \(again.diagnostics.map(\.message))\n\(exported.text)")
    require(
      again.map == imported.map,
      "exported Argdown imports as another map:\n\(exported.text)\n"
        + describe(imported.map, again.map))
  }
  if !imported.map.validate().containsErrors {
    requireRoundTrips(imported.map)
  }
  return 0
}
