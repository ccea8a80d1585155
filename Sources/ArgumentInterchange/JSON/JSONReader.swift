import ArgumentMap

/// Reads JSON with the core's located reader and reports a syntax error by line and column.
///
/// One reader for the whole project: RFC 8259, positions kept, nesting deeper than
/// `maxDepth` refused so that hostile input cannot exhaust the stack.
enum JSONReader {
  /// The deepest nesting of arrays and objects accepted.
  static let maxDepth = PositionedJSONReader.maximumDepth

  /// Parses a whole document, or returns the first syntax error.
  static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
    do throws(PositionedJSONReader.Failure) {
      return .success(try PositionedJSONReader.read(bytes))
    } catch {
      let location = LineTable(bytes).location(ofOffset: error.offset)
      return .failure(JSONSyntaxError(message: error.message, location: location))
    }
  }
}
