import ArgumentMap
import Testing

@Suite("Parsing and checking stop after a fixed number of errors")
struct ErrorLimitTests {
  /// `count` lines that are not statements, one error each (a link outside any node).
  static func garbage(lines count: Int) -> String {
    (1...count).map { "+ not a statement \($0)\n" }.joined()
  }

  @Test("a file with more errors than the limit reports the limit, then where it stopped")
  func stopsAtTheLimit() throws {
    let result = ArgumentMapParser.check(Self.garbage(lines: 1_000))
    let limit = ArgumentMapParser.defaultMaximumErrors
    #expect(limit == 50)
    #expect(result.diagnostics.count == limit + 1)
    #expect(result.diagnostics.prefix(limit).allSatisfy { $0.id == "link-outside-node" })
    let last = try #require(result.diagnostics.last)
    #expect(last.id == "too-many-errors")
    #expect(last.severity == .error)
    #expect(
      last.message == "too many errors (50), stopping here; fix the ones above and check again")
    // It points at the first line not read: line 51.
    #expect(last.range?.start.line == 51)
    #expect(last.range?.start.column == 1)
  }

  @Test("exactly as many errors as the limit are all reported, with no stop")
  func exactlyTheLimit() {
    let result = ArgumentMapParser.check(Self.garbage(lines: 50))
    #expect(result.diagnostics.count == 50)
    #expect(!result.diagnostics.contains { $0.id == "too-many-errors" })
  }

  @Test("a smaller or lifted limit", arguments: [(3, 4), (Int.max, 1_000)])
  func chosenLimit(limit: Int, expected: Int) {
    let result = ArgumentMapParser.parse(Self.garbage(lines: 1_000), maximumErrors: limit)
    #expect(result.diagnostics.count == expected)
    #expect((result.diagnostics.last?.id == "too-many-errors") == (limit != .max))
  }

  @Test("the parser stops reading: nodes after the stop are not in the map")
  func stopsReading() {
    let text = Self.garbage(lines: 60) + "aim late: Written after the stop\n"
    let stopped = ArgumentMapParser.parse(text)
    #expect(stopped.map.nodes.isEmpty)
    let whole = ArgumentMapParser.parse(text, maximumErrors: .max)
    #expect(whole.map.nodes.map(\.id.rawValue) == ["late"])
  }

  @Test("a stopped parse is not validated: the unread rest would make false errors")
  func stoppedParseIsNotValidated() {
    // 'b' is defined after the garbage: validating the part read would call it unknown.
    let text = "aim a: A\nclaim c: C\n  + b\n" + Self.garbage(lines: 60) + "claim b: B\n"
    let result = ArgumentMapParser.check(text)
    #expect(!result.diagnostics.contains { $0.id == "unknown-node" })
    #expect(result.diagnostics.last?.id == "too-many-errors")
  }

  @Test("validation errors count towards the limit too")
  func validationErrorsAreCapped() throws {
    // Every claim supports a node that does not exist: one validation error each.
    let text = "aim a: A\n" + (1...80).map { "claim c\($0): C\n  + missing\($0)\n" }.joined()
    let result = ArgumentMapParser.check(text)
    #expect(result.diagnostics.filter(\.isError).count == 51)
    #expect(result.diagnostics.last?.id == "too-many-errors")
    // At the first error left out: the link of the 51st claim, on line 103.
    #expect(result.diagnostics.last?.range?.start.line == 103)
  }

  @Test("warnings do not count towards the limit")
  func warningsDoNotCount() {
    // CRLF then LF lines: one mixed-line-endings warning, and 50 errors.
    let text = "+ bad 0\r\n" + Self.garbage(lines: 49)
    let result = ArgumentMapParser.check(text)
    #expect(result.diagnostics.filter(\.isError).count == 50)
    #expect(result.diagnostics.contains { $0.id == "mixed-line-endings" })
    #expect(!result.diagnostics.contains { $0.id == "too-many-errors" })
  }

  @Test("a 50 MB file of garbage lines is parsed only up to the limit, quickly")
  func largeGarbageIsCheap() {
    let line = Array("+ not a statement at all, only noise for the parser to read ~~~\n".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(50 << 20)
    while bytes.count < 50 << 20 { bytes += line }
    let clock = ContinuousClock()
    let start = clock.now
    let result = ArgumentMapParser.check(utf8: bytes)
    let elapsed = clock.now - start
    #expect(result.diagnostics.count == 51)
    #expect(result.diagnostics.last?.range?.start.line == 51)
    #expect(elapsed < .seconds(10))
  }
}
