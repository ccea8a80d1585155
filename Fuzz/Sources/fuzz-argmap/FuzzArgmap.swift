import ArgumentMap
import FuzzSupport

/// The `.argmap` parser and validator on any bytes: no crash, no hang, diagnostics inside the
/// input, and for a map without syntax errors the printer and JSON round trips.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = fuzzInput(start, count)
  // What `ArgumentMapParser.check(utf8:)` does, in two steps so each result can be judged.
  let parsed = ArgumentMapParser.parse(utf8: bytes)
  requireRangesInside(parsed.diagnostics, byteCount: bytes.count)
  requireRangesInside(parsed.map.validate(sourceMap: parsed.sourceMap), byteCount: bytes.count)
  if !parsed.hasErrors {
    requireRoundTrips(parsed.map)
  }
  return 0
}
