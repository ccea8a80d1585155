import ArgumentMap
import FuzzSupport

/// ArgMap's JSON reader on any bytes: no crash, no hang, diagnostics inside the input; a map that
/// reads without errors encodes and reads back the same, and one that also validates survives
/// the `.argmap` printer, since the JSON holds the same model as the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = fuzzInput(start, count)
  let decoded = ArgumentMapJSON.decode(utf8: bytes)
  requireRangesInside(decoded.diagnostics, byteCount: bytes.count)
  let checked = ArgumentMapJSON.check(utf8: bytes)
  requireRangesInside(checked.diagnostics, byteCount: bytes.count)
  require(decoded.map == checked.map, "decode and check read different maps")
  guard let map = decoded.map, !decoded.diagnostics.containsErrors else { return 0 }
  let json = ArgumentMapJSON.encode(map)
  let again = ArgumentMapJSON.decode(utf8: Array(json.utf8))
  require(again.diagnostics.isEmpty, "encoded JSON has diagnostics:\n\(json)")
  require(again.map == map, "encoded JSON reads back as another map:\n\(json)")
  require(again.map.map(ArgumentMapJSON.encode) == json, "encoded JSON is not a fixed point")
  if !checked.diagnostics.containsErrors {
    requireRoundTrips(map)
  }
  return 0
}
