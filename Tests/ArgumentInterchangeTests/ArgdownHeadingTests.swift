import ArgumentMap
import Testing

@testable import ArgumentInterchange

/// Argdown headings come back from an export as headings, where they were, instead of a
/// section tag on every statement (`ArgdownSections`).
@Suite struct ArgdownHeadingTests {
  static let exported = """
    [Framing]: The question is what caused the fall of the Tsar.

    # Causes

    [War]: The war caused the revolution. {kind: aim}

    [Bread]: Bread riots in Petrograd.
      +> [War]

    ## Soldiers

    [Mutiny]: The garrison mutinied.
      +> [War]

    # Empty section

    # Responses

    [Abdication]: The Tsar abdicated.
      -> [War]

    # Teacher's notes {isGroup: false}

    [Homework]: Find a source for the mutiny.

    # Appendix

    """

  @Test func headingsAreWrittenBackWhereTheyWere() throws {
    let first = try InterchangeFixtures.argdown("argdown/headings.argdown")
    // The map keeps the sections as tags, which reports and filters use.
    #expect(
      first.map.nodes.map(\.tags) == [[], ["causes"], ["causes"], ["soldiers"], ["responses"], []])
    #expect(
      first.map.metadata.extra.last?.value
        == ###"{War: ["# Causes"], Mutiny: ["## Soldiers"], Abdication: ["# Empty section", "# Responses"], Homework: ["# Teacher's notes {isGroup: false}"], "": ["# Appendix"]}"###
    )
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.text == Self.exported)
    let second = ArgdownImporter.importMap(exported.text)
    #expect(second.map == first.map)
  }

  /// A statement added after the last section, and one moved into another section: each is
  /// written under its own section's heading, written again, so the map reads back the same.
  @Test func anEditedMapKeepsItsSections() throws {
    var map = try InterchangeFixtures.argdown("argdown/headings.argdown").map
    map.nodes.append(Node(.claim, "Censorship", "Censorship hid the losses.", tags: ["causes"]))
    let exported = ArgdownExporter.export(map)
    #expect(exported.diagnostics.isEmpty)
    #expect(
      exported.text.hasSuffix(
        "# Causes\n\n[Censorship]: Censorship hid the losses.\n\n# Appendix\n"))
    let again = ArgdownImporter.importMap(exported.text).map
    #expect(again.nodes.map(\.tags) == map.nodes.map(\.tags))
  }

  /// A heading written again opens its section again: the map keeps it once, and the export
  /// writes it again where a statement needs it.
  @Test func aRepeatedHeadingIsKeptOnce() {
    let source = "# Causes\n\n[X]: X.\n\n# Responses\n\n[Y]: Y.\n\n# Causes\n\n[Z]: Z.\n"
    let first = ArgdownImporter.importMap(source)
    #expect(first.map.nodes.map(\.tags) == [["causes"], ["responses"], ["causes"]])
    #expect(first.map.metadata.extra.last?.value == ##"{X: ["# Causes"], Y: ["# Responses"]}"##)
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.text == source)
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// A statement under no heading cannot follow one under a heading unless a heading that
  /// groups nothing closes it; without one, the sections are written as tags, reported.
  @Test func withoutAClosingHeadingSectionsBecomeTags() throws {
    var map = ArgdownImporter.importMap("# Causes\n\n[War]: The war.\n").map
    map.nodes.append(Node(.claim, "Later", "Added later."))
    let exported = ArgdownExporter.export(map)
    #expect(exported.text.contains("[War]: The war. #causes\n"))
    #expect(!exported.text.contains("# Causes"))
    #expect(
      exported.diagnostics.map(\.message) == [
        "Argdown: a statement under no heading follows statements under one, and no heading of the document closes theirs; the headings are written as tags"
      ])
    #expect(ArgdownImporter.importMap(exported.text).map.nodes.map(\.tags) == [["causes"], []])
  }
}
