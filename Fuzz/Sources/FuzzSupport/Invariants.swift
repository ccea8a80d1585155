import ArgumentMap

/// The fuzz input as bytes.
///
/// - Parameters:
///   - start: libFuzzer's data pointer (may be any address when `count` is 0).
///   - count: The number of bytes.
public func fuzzInput(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
  Array(UnsafeRawBufferPointer(start: start, count: count))
}

/// Traps with a message when an invariant does not hold, so that libFuzzer keeps the input as a
/// crash artifact; a failed law is a finding just as a crash is.
public func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() {
    fatalError("invariant failed: \(message())", file: file, line: line)
  }
}

/// Every diagnostic, note and fix-it range lies inside a text of `byteCount` bytes, with 1-based
/// lines and columns and an end that does not come before its start.
public func requireRangesInside(_ diagnostics: [Diagnostic], byteCount: Int) {
  for diagnostic in diagnostics {
    let ranges =
      [diagnostic.range].compactMap { $0 } + diagnostic.notes.compactMap(\.range)
      + diagnostic.fixIts.map(\.range)
    for range in ranges {
      let ok =
        range.start.line >= 1 && range.start.column >= 1 && range.end.line >= range.start.line
        && range.start.offset >= 0 && range.start.offset <= range.end.offset
        && range.end.offset <= byteCount
      require(ok, "range \(range) of '\(diagnostic.id)' is outside \(byteCount) bytes")
    }
  }
}

/// The `.argmap` laws for a map that has no errors: the JSON form reads back the same, and when
/// the map has nodes (`.argmap` text without any is an error), printing and parsing gives the
/// same map without errors and the printed text is a fixed point.
public func requireRoundTrips(_ map: ArgumentMap) {
  let json = ArgumentMapJSON.encode(map)
  let decoded = ArgumentMapJSON.decode(utf8: Array(json.utf8))
  require(
    decoded.diagnostics.isEmpty,
    "JSON of the map does not read back: \(decoded.diagnostics.map(\.message))\n\(json)")
  require(
    decoded.map == map,
    "JSON of the map reads back as another map:\n\(json)\n"
      + describe(map, decoded.map ?? ArgumentMap()))
  guard !map.nodes.isEmpty else { return }
  let printed = ArgumentMapPrinter.print(map)
  let reparsed = ArgumentMapParser.parse(printed)
  require(
    !reparsed.hasErrors,
    "printed map does not parse: \(reparsed.diagnostics.map(\.message))\n\(printed)")
  require(reparsed.map == map, "printed map parses to another map:\n\(printed)")
  require(
    ArgumentMapPrinter.print(reparsed.map) == printed, "printed text is not a fixed point")
}

/// Two maps side by side as `.argmap` text, for the message of a failed law.
public func describe(_ expected: ArgumentMap, _ actual: ArgumentMap) -> String {
  "expected:\n\(ArgumentMapPrinter.print(expected))\nfound:\n\(ArgumentMapPrinter.print(actual))"
}
