import ArgumentMap

/// The first syntax error in a JSON document, with where it is.
struct JSONSyntaxError: Error, Sendable {
  var message: String
  var location: SourceLocation
}
