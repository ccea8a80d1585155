import ArgumentMap
import Testing

/// What reports call an interpretation: one rule, in the core, that `argmap check` can warn by.
@Suite("short names of interpretations and aims")
struct ShortNameTests {
  @Test(
    "the text before the colon, the whole short text, or the first sentence",
    arguments: [
      ("Security reading: Stalin sought security against Germany", "Security reading"),
      ("A.J.P. Taylor's reading: Stalin reacted to events", "A.J.P. Taylor's reading"),
      ("Orthodox reading", "Orthodox reading"),
      (
        "The orthodox view. Stalin planned expansion from the start, pact by pact",
        "The orthodox view"
      ),
      (
        "Orthodox reading (A. J. P. Taylor). He saw a Stalin who planned nothing at all",
        "Orthodox reading (A. J. P. Taylor)"
      ),
    ])
  func named(text: String, name: String) {
    #expect(Node(.interpretation, "i", text).shortName == name)
  }

  @Test(
    "none when no part fits in 40 characters",
    arguments: [
      "The orthodox reading of Soviet foreign policy, as most western historians wrote it",
      "A reading whose name is much longer than forty characters: and then the rest",
      "A. J. P. Taylor read Soviet foreign policy as a reaction to Hitler, not as a plan",
    ])
  func unnamed(text: String) {
    #expect(Node(.interpretation, "i", text).shortName == nil)
  }
}
