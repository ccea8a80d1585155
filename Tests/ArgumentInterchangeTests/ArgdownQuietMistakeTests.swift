import ArgumentMap
import Testing

@testable import ArgumentInterchange

/// Argdown mistakes that change the map while the file still reads as valid Argdown: each gets
/// a located warning, and the map is what Argdown itself would read.
@Suite struct ArgdownQuietMistakeTests {
  /// A misspelt reference makes a new statement with no text; the warning names the near title.
  /// A title-only statement with no near spelling is ordinary Argdown and gets no warning.
  @Test func misspeltReference() throws {
    let result = try InterchangeFixtures.argdown("argdown/misspelt-reference.argdown")
    #expect(try result.map.require("Bann").text == "Bann")
    #expect(try result.map.require("Cost").text == "Cost")
    let warnings = result.diagnostics.filter { $0.id == "argdown-title-only" }
    #expect(
      warnings.map(\.message) == [
        "'[Bann]' is never given a text, so its title stands in for one; did you mean '[Ban]'?"
      ])
    #expect(result.diagnostics.located.contains("8:1 argdown-title-only"))
  }

  /// Argdown counts a tab as one column, as the map does; the first relation line that mixes
  /// the two is reported, once.
  @Test func mixedIndentation() throws {
    let result = try InterchangeFixtures.argdown("argdown/mixed-indentation.argdown")
    #expect(result.map.linkLines == ["B + A", "C + A", "D - C"])
    #expect(
      result.diagnostics.located.filter { $0.hasSuffix("argdown-mixed-indentation") } == [
        "3:1 argdown-mixed-indentation"
      ])
  }

  /// Tabs alone are consistent, and continued text may be indented any way.
  @Test func tabsAloneAreQuiet() throws {
    let result = try InterchangeFixtures.argdown("argdown/tab-indentation.argdown")
    #expect(result.map.linkLines == ["B + A", "C - B"])
    #expect(!result.diagnostics.contains { $0.id == "argdown-mixed-indentation" })
  }
}
