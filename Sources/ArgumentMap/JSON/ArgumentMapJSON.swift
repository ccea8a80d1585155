/// The map as JSON, for tools: a documented shape with a stable key order (see `docs/json.md`).
///
/// `encode` then `decode` gives back the same map, and so does `.argmap` → JSON → `.argmap`.
/// Writing is in `ArgumentMapJSON+Encoding.swift`; reading the tree into a map is
/// `JSONMapDecoder`'s job.
public enum ArgumentMapJSON {
  /// The version written in every document's `"version"` key.
  public static let formatVersion = 1

  /// Reads a map from JSON bytes; every problem comes back as a diagnostic with a position.
  ///
  /// - Returns: the map, or `nil` when the JSON could not be read at all, and the diagnostics
  ///   (structure problems only; validate the map for the rest, or use `check(utf8:)`).
  public static func decode(utf8 bytes: [UInt8]) -> (map: ArgumentMap?, diagnostics: [Diagnostic]) {
    let decoded = read(bytes, keepingPositions: false)
    return (decoded.map, decoded.diagnostics)
  }

  /// Reads and validates a map from JSON bytes; validation problems point at the JSON value
  /// concerned (the id, the link target, the scope), as they do in `.argmap` text.
  public static func check(utf8 bytes: [UInt8]) -> (map: ArgumentMap?, diagnostics: [Diagnostic]) {
    var decoded = read(bytes, keepingPositions: true)
    if let map = decoded.map, !decoded.diagnostics.containsErrors,
      let sourceMap = decoded.sourceMap
    {
      decoded.diagnostics += map.validate(sourceMap: sourceMap)
    }
    return (decoded.map, decoded.diagnostics)
  }

  private static func read(
    _ bytes: [UInt8], keepingPositions: Bool
  ) -> (map: ArgumentMap?, diagnostics: [Diagnostic], sourceMap: SourceMap?) {
    let lines = LineTable(bytes)
    return bytes.withUnsafeBufferPointer { buffer in
      switch Parser.firstInvalidByte(in: buffer, from: 0) {
      case .invalidUTF8(let offset):
        return (nil, [DiagnosticMessages.invalidUTF8(at: lines.range(at: offset))], nil)
      case .nul(let offset):
        return (nil, [DiagnosticMessages.nulByte(at: lines.range(at: offset))], nil)
      case nil: break
      }
      let value: JSONValue
      do {
        value = try PositionedJSONReader.read(buffer)
      } catch let failure as PositionedJSONReader.Failure {
        let diagnostic = DiagnosticMessages.json(
          failure.message, at: lines.range(at: failure.offset))
        return (nil, [diagnostic], nil)
      } catch {
        return (nil, [DiagnosticMessages.json("unreadable JSON", at: lines.range(at: 0))], nil)
      }
      var decoder = JSONMapDecoder(lines: lines)
      if keepingPositions { decoder.sourceMap = SourceMap(source: bytes, isArgmapText: false) }
      let map = decoder.decodeMap(value)
      guard var sourceMap = decoder.sourceMap else { return (map, decoder.diagnostics, nil) }
      for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
        sourceMap.lineStarts.append(Int32(truncatingIfNeeded: index + 1))
      }
      return (map, decoder.diagnostics, sourceMap)
    }
  }
}
