import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// Argdown export keeps what the import read: titles as written, and premise–conclusion
/// structures where the map has one, so import, export and import again gives the same map.
@Suite struct ArgdownStructureExportTests {
  /// Titles that cannot be ids were replaced by their slugs on export
  /// (`[Absolute Freedom of Speech]` became `[absolute-freedom-of-speech]`).
  @Test func titlesAreWrittenBack() throws {
    let result = ArgdownImporter.importMap(
      """
      [Absolute Freedom of Speech]: Everyone may say anything.
        - <Harm Principle>: Speech that harms others may be limited.
          + [Mill 1859]: Mill, On Liberty, ch. 1.

      """)
    let node = try #require(result.map.node(withID: "absolute-freedom-of-speech"))
    #expect(node.title == "Absolute Freedom of Speech")
    #expect(result.map.node(withID: "harm-principle")?.title == "Harm Principle")
    // A title that is already an id is the id, with no title of its own.
    #expect(result.map.node(withID: "Mill-1859") == nil)
    #expect(result.map.node(withID: "mill-1859")?.title == "Mill 1859")
    let exported = ArgdownExporter.export(result.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.text.contains("[Absolute Freedom of Speech]: Everyone may say anything.\n"))
    #expect(exported.text.contains("<Harm Principle>: Speech that harms others may be limited."))
    #expect(exported.text.contains("  -> [Absolute Freedom of Speech]\n"))
    #expect(ArgdownImporter.importMap(exported.text).map == result.map)
  }

  /// Two nodes whose names would be one Argdown title: the title gives way to the id, reported.
  @Test func clashingTitlesFallBackToIds() {
    let map = ArgumentMap(nodes: [
      Node(.claim, "first", "One.", title: "Same"),
      Node(.claim, "second", "Two.", title: "Same", links: [Link(.supports, .node("first"))]),
      Node(.claim, "Same", "Three.", links: [Link(.opposes, .node("first"))]),
    ])
    let exported = ArgdownExporter.export(map)
    #expect(exported.text.contains("[first]: One.\n"))
    #expect(exported.text.contains("[second]: Two.\n  +> [first]\n"))
    #expect(exported.text.contains("[Same]: Three.\n  -> [first]\n"))
    #expect(
      exported.diagnostics.map(\.message).filter { $0.contains("another node's name") }.count == 2)
    let again = ArgdownImporter.importMap(exported.text).map
    #expect(again.linkLines == map.linkLines)
  }

  /// A document with structures: premises defined inside and referred to, an undercut under the
  /// inference line, a premise in two structures, links of a premise before and after its
  /// structure. The export writes both structures back and reads back as the same map.
  @Test func structuresAreWrittenBack() throws {
    let first = try InterchangeFixtures.argdown("argdown/structures.argdown")
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.text.components(separatedBy: "\n----\n").count == 3)
    // The heading comes back as a heading, not as a tag on each statement.
    #expect(
      exported.text.hasPrefix("# The pact\n\n[Security]: Stalin sought security in the west.\n"))
    #expect(!exported.text.contains("#the-pact"))
    #expect(
      exported.text.contains(
        """
        <Buying time>: The pact bought two years to rearm.

        (1) [Western weakness]: Britain and France gave way at Munich.
          +> [Security]
        (2) [Rearmament]: The Red Army needed time after the purges.
        ----
        (3) [Time bought]

        """))
    #expect(
      exported.text.contains("(1) [Western weakness]\n(2) [Baltic buffer]\n----\n(3) [Security]\n"))
    let second = ArgdownImporter.importMap(exported.text)
    #expect(second.map == first.map)
    #expect(!second.diagnostics.contains { $0.severity == .error })
    #expect(ArgdownExporter.export(second.map).text == exported.text)
  }

  /// Every Argdown file of the interop corpus (and the structures fixture): titles, structures
  /// and undercuts counted after import, export and import again.
  @Test func corpusKeepsTitlesStructuresAndUndercuts() throws {
    var titles = 0
    var structures = 0
    var undercuts = 0
    for path in RoundTripTests.argdownFiles + ["argdown/structures.argdown"] {
      let first = try InterchangeFixtures.argdown(path)
      let exported = ArgdownExporter.export(first.map)
      let second = ArgdownImporter.importMap(exported.text).map
      let arguments = Set(first.map.nodes.filter { $0.tags.first == "argument" }.map(\.id))
      let plan = ArgdownExportPlan(first.map, arguments: arguments)
      let written = exported.text.components(separatedBy: "\n----\n").count - 1
      #expect(written == plan.structures.count, "\(path)")
      let secondArguments = Set(second.nodes.filter { $0.tags.first == "argument" }.map(\.id))
      #expect(
        ArgdownExportPlan(second, arguments: secondArguments).structures.count == written, "\(path)"
      )
      let titled = first.map.nodes.filter { $0.title != nil }
      #expect(
        second.nodes.filter { $0.title != nil }.map(\.title) == titled.map(\.title), "\(path)")
      for node in titled {
        let open = arguments.contains(node.id) ? "<" : "["
        let close = arguments.contains(node.id) ? ">" : "]"
        let name = ArgdownExporter.escaped(node.title ?? "")
        #expect(exported.text.contains(open + name + close), "\(path): \(name)")
      }
      let cuts = { (map: ArgumentMap) in map.allLinks.filter { $0.1.relation == .undercuts }.count }
      #expect(cuts(second) == cuts(first.map), "\(path)")
      titles += titled.count
      structures += written
      undercuts += cuts(first.map)
    }
    // The corpus has 18 structures (lines starting `(1)`, less one inside a comment), the
    // fixture 2; the fixture's two undercuts of `<Buying time>` are two links each (it supports
    // one statement and attacks another).
    #expect(structures == 20)
    #expect(titles > 0)
    #expect(undercuts == 4)
  }
}
