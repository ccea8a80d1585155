import ArgumentMap
import Testing

@testable import ArgumentInterchange

/// Inputs that the fuzz targets (`Scripts/fuzz.sh`, docs/fuzzing.md) found to break a law, kept
/// in `Fixtures/fuzz/` and checked here for the behaviour that failed.
@Suite struct FuzzRegressionTests {
  /// An RA with two premises and no conclusion is skipped, as its warning says: no argument node
  /// is left behind connected to nothing, so the import survives an AIF round trip.
  @Test func aSchemeWithLinkedPremisesAndNoConclusionLeavesNoNode() throws {
    let first = try InterchangeFixtures.aif("fuzz/aif/linked-premises-without-conclusion.json")
    #expect(first.map.nodes.map(\.id.rawValue) == ["pact", "purges", "war"])
    #expect(first.diagnostics.contains { $0.message.contains("RA '1' has no conclusion") })
    let again = AIFImporter.importMap(utf8: Array(AIFExporter.export(first.map).text.utf8))
    #expect(again.map == first.map)
  }

  /// A claim whose number stands alone on its line ("1." then the text below) got a text with a
  /// leading space (" Security came first."), which `.argmap` text and JSON cannot keep.
  @Test func aKialoClaimThatStartsOnTheNextLineHasNoLeadingSpace() throws {
    let result = KialoImporter.importMap(
      try InterchangeFixtures.text("fuzz/kialo/number-alone-on-its-line.txt"))
    #expect(!result.diagnostics.containsErrors)
    #expect(result.map.nodes.map(\.text) == ["Security came first.", "The pact bought time."])
    let reparsed = ArgumentMapParser.parse(ArgumentMapPrinter.print(result.map))
    #expect(!reparsed.hasErrors && reparsed.map == result.map)
  }

  /// A discussion title with control characters became front matter that no map may hold, so
  /// the import failed the check; and the export wrote a first statement's control characters
  /// into the title when the map had none. They become spaces, as in AIF texts.
  @Test func aKialoTitleHoldsNoControlCharacter() throws {
    let result = ImportFormat.kialo.check(
      utf8: Array(try InterchangeFixtures.text("fuzz/kialo/control-characters-in-title.txt").utf8))
    #expect(!result.diagnostics.containsErrors)
    #expect(result.map.metadata.title == "The pact served Soviet security")
    let untitled = ArgumentMap(nodes: [Node(.mainAim, "a", "The pact\u{7F}served security")])
    #expect(!untitled.validate().containsErrors)
    let exported = KialoExporter.export(untitled).text
    #expect(exported.hasPrefix("Discussion Title: The pact served security\n"))
    #expect(!ImportFormat.kialo.check(utf8: Array(exported.utf8)).diagnostics.containsErrors)
  }

  /// A thesis placed under another (`1.1. Pro: -> See 2.`) was written back at the top as
  /// `2. -> See 1.1.`, which stands under nothing, so the next import lost the link. A thesis
  /// that an earlier one reaches is now written under it only.
  @Test func aThesisUnderAnotherIsWrittenUnderItOnly() throws {
    let first = KialoImporter.importMap(
      try InterchangeFixtures.text("fuzz/kialo/thesis-under-a-thesis.txt"))
    #expect(first.diagnostics.isEmpty)
    let exported = KialoExporter.export(first.map).text
    #expect(exported.hasSuffix("1. Security was the aim.\n1.1. Pro: The pact bought time.\n"))
    let again = KialoImporter.importMap(exported)
    #expect(again.map.nodes.count == 2 && again.map.nodes[1].links == first.map.nodes[1].links)
    #expect(KialoExporter.export(again.map).text == exported)
  }

  /// A claim without a stance whose text starts "Con: " (its number alone on the line above)
  /// was exported at the top as `2. Con: The pact…`, which reads back as a stance and loses the
  /// word. The colon is now escaped (`Con\\:`).
  @Test func aKialoTextThatStartsLikeAStanceKeepsIt() throws {
    let first = KialoImporter.importMap(
      try InterchangeFixtures.text("fuzz/kialo/text-that-reads-as-a-stance.txt"))
    #expect(first.map.nodes.map(\.text).last == "Con: The pact let Germany attack Poland.")
    let exported = KialoExporter.export(first.map).text
    #expect(exported.contains("\n2. Con\\: The pact let Germany attack Poland.\n"))
    let again = KialoImporter.importMap(exported)
    #expect(again.map.nodes.map(\.text) == first.map.nodes.map(\.text))
    #expect(KialoExporter.export(again.map).text == exported)
  }

  /// `{source: }` is YAML's null: it was imported as an empty source, which `.argmap` text
  /// cannot hold (`source:` needs a value). Empty sources and notes are now left out, with a
  /// warning when nothing is left. (`{source:}`, the fuzzer's input, is not YAML to libyaml,
  /// which wants a space after a flow mapping's `:`; it is reported as data it cannot read.)
  @Test func anEmptySourceIsLeftOutWithAWarning() throws {
    let fuzzed = try InterchangeFixtures.argdown("fuzz/argdown/empty-source.argdown")
    #expect(!fuzzed.diagnostics.containsErrors)
    #expect(fuzzed.diagnostics.map(\.id).contains("argdown-unreadable-data"))
    let first = ArgdownImporter.importMap("{source: }M")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.nodes.map(\.sources) == [[]])
    #expect(first.diagnostics.map(\.id).contains("argdown-invalid-data"))
    let printed = ArgumentMapPrinter.print(first.map)
    let reparsed = ArgumentMapParser.parse(printed)
    #expect(!reparsed.hasErrors)
    #expect(reparsed.map == first.map)
    let notes = ArgdownImporter.importMap("claim a: A\n{notes: [\"\", \" x \"], source: \" \"}\n")
    #expect(notes.map.nodes.first?.notes == ["x"])
    #expect(notes.map.nodes.first?.sources == [])
  }

  /// A statement under the heading "Argument" gets the section tag `argument` after its own
  /// tags; the exporter took any node tagged `argument` for an Argdown argument (`<node>`), which
  /// reads back with that tag first, so the tags changed order. Only a first `argument` tag now
  /// makes an argument.
  @Test func anArgumentSectionTagStaysATag() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/argument-section-tag.argdown")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.nodes.map(\.tags) == [["t", "argument"]])
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.text.hasPrefix("# Argument\n\n[node]: , #t\n"))
    let again = ArgdownImporter.importMap(exported.text)
    #expect(again.map == first.map)
    let argument = ArgdownImporter.importMap("<Pact>: It bought time. #t\n")
    #expect(argument.map.nodes.map(\.tags) == [["argument", "t"]])
    let reexported = ArgdownExporter.export(argument.map).text
    #expect(reexported.contains("<Pact>: It bought time. #t"))
    #expect(ArgdownImporter.importMap(reexported).map == argument.map)
  }

  /// A line that is only a tag is a statement without text; Argdown would read the exported
  /// `[node]: #pact` with the title as its text, so the export reports that instead of silently
  /// giving back another map.
  @Test func aStatementWithoutTextIsReportedOnExport() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/tag-only-statement.argdown")
    #expect(!first.diagnostics.containsErrors)
    let untitled = try #require(first.map.nodes.first)
    #expect(untitled.text.isEmpty)
    #expect(untitled.tags == ["pact"])
    let exported = ArgdownExporter.export(first.map)
    #expect(
      exported.diagnostics.map(\.message).contains { $0.contains("'\(untitled.id)' has no text") })
    #expect(exported.diagnostics.count == 1)
  }

  /// A front matter key with a dot and a space (`2. Part two`) was written nested, as `2:` with
  /// ` Part two` under it, and YAML dropped the space: the key came back as `2.Part two`.
  @Test func aMetadataKeyWithSpacesAroundADotSurvivesExport() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/metadata-key-with-dot-and-space.argdown")
    #expect(first.map.metadata.extra == [Metadata.Entry(key: "2. Part two", value: "yes")])
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// `model.mode` given flat and nested is one key twice; `.argmap` front matter cannot hold
  /// that, so checking the import is an error rather than a map whose text does not parse.
  @Test func aRepeatedFrontMatterKeyIsAnErrorWhenChecked() throws {
    let bytes = try InterchangeFixtures.bytes("fuzz/argdown/repeated-front-matter-key.argdown")
    let checked = ImportFormat.argdown.check(utf8: bytes)
    #expect(checked.map.metadata.extra.map(\.key) == ["model.mode", "model.mode"])
    #expect(checked.diagnostics.filter(\.isError).map(\.id) == ["duplicate-front-matter-key"])
  }

  /// Quoted YAML values may keep spaces at their ends, which `.argmap` text and JSON cannot
  /// hold: the title (a plain text) is trimmed, another value keeps its quotes, which YAML
  /// reads back as the same text, so the map prints and reads back the same.
  @Test func quotedValuesLoseTheirOuterSpaces() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/quoted-values-with-spaces.argdown")
    #expect(first.map.metadata.title == "The pact")
    #expect(first.map.metadata.extra == [Metadata.Entry(key: "dot.ranksep", value: "\"1 \"")])
    let node = try #require(first.map.nodes.first)
    #expect(node.sources == ["GHDI document 2316"])
    #expect(node.notes == ["signed in Moscow"])
    let json = ArgumentMapJSON.decode(utf8: Array(ArgumentMapJSON.encode(first.map).utf8))
    #expect(json.map == first.map)
  }

  /// An undercut of a statement (not an argument) is read as opposes; it was added after the
  /// node's undercuts, but an export writes it as `->` and a re-import puts it before them.
  @Test func anUndercutReadAsOpposesStandsBeforeTheUndercuts() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/undercut-of-a-statement.argdown")
    let barbarossa = try #require(first.map.node(withID: NodeID("Barbarossa")))
    #expect(barbarossa.links.map(\.relation) == [.opposes, .undercuts])
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// A heading after the last definition, with a statement only referred to under it: the map
  /// puts that statement last, and the heading was kept as one after every node, so the export
  /// wrote it twice (before the statement, to give it its section, and at the end) and the
  /// re-import kept it elsewhere. It now comes before the first such statement mentioned after it.
  @Test func aHeadingBeforeAStatementOnlyReferredToStaysBeforeIt() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/heading-before-a-statement-only-referred-to.argdown")
    #expect(first.map.metadata.extra.last?.value == ##"{Cost: ["# Costs"]}"##)
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.text.hasSuffix("# Costs\n\n[Cost]: Cost\n  -> [Ban]\n"))
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// A heading between an argument's definition and its premise–conclusion structure: it was
  /// kept before a premise the export defines inside the structure, and written after the
  /// structure, so the re-import put it elsewhere. It goes before the structure, which names its
  /// argument again, as the document did.
  @Test func aHeadingBeforeAStructureStaysBeforeIt() throws {
    let source = try InterchangeFixtures.text("fuzz/argdown/heading-before-a-structure.argdown")
    let first = ArgdownImporter.importMap(source)
    #expect(
      first.map.nodes.map(\.tags) == [
        ["argument", "reconstructed"], ["the-reconstruction"], ["the-reconstruction"],
      ])
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.text == source)
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// A heading whose words end in `{isGroup: false}` (its data unread, as a stray `{` comes
  /// before it) groups statements, but the entry that keeps it read back as a heading that
  /// groups none, and with no grouping heading left the export wrote no heading at all. The
  /// entry now escapes the braces of a title.
  @Test func aHeadingEndingInIsGroupFalseStaysAGroup() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/heading-ending-in-not-a-group.argdown")
    #expect(first.map.metadata.extra.last?.value == ##"{"": ["# \\{ \\{isGroup: false\\}"]}"##)
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.text.hasSuffix("\n# \\{ \\{isGroup: false\\}\n"), "\(exported.text)")
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// Under a heading, tags from data come after the heading's tag; written as `#tags` with the
  /// heading's tag left to the heading, they came back before it. They are written in the data.
  @Test func tagsFromDataKeepTheirPlaceAfterTheSection() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/tags-in-data-under-a-heading.argdown")
    #expect(first.map.nodes.map(\.tags) == [["long-term", "causes", "pro"]])
    let exported = ArgdownExporter.export(first.map)
    #expect(
      exported.text.contains(#"[War]: The war caused the revolution. #long-term {tags: ["pro"]}"#))
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// The same premise joined twice to an RA counted as two premises, so the RA became an
  /// argument node with one premise, which an AIF export and import read back differently.
  @Test func aRepeatedPremiseEdgeIsOnePremise() throws {
    let first = try InterchangeFixtures.aif("fuzz/aif/repeated-premise-edge.json")
    #expect(first.map.nodes.map(\.id.rawValue) == ["league", "security"])
    #expect(
      first.map.node(withID: NodeID("league"))?.links.map(\.target) == [.node(NodeID("security"))])
    let again = AIFImporter.importMap(utf8: Array(AIFExporter.export(first.map).text.utf8))
    #expect(again.map == first.map)
  }

  /// A scheme named like a generic text (`YA_...`) is the link's reasoning; the export wrote it
  /// only as the RA's text, which the importer takes for no reasoning, so it was lost.
  @Test func aSchemeThatReadsAsGenericTextSurvivesExport() throws {
    let first = try InterchangeFixtures.aif("fuzz/aif/scheme-with-ya-prefix.json")
    #expect(!first.diagnostics.containsErrors)
    let premise = try #require(first.map.node(withID: NodeID("case-by-case")))
    #expect(premise.links.map(\.reasoning) == ["YA_eptionalCase"])
    let exported = AIFExporter.export(first.map)
    let again = AIFImporter.importMap(utf8: Array(exported.text.utf8))
    #expect(!again.diagnostics.containsErrors)
    #expect(again.map == first.map)
  }

  /// A scheme is folded onto one line and trimmed like any AIF text; kept as written, its outer
  /// space was exported as the RA's text and trimmed on re-import, giving another reasoning.
  @Test func aSchemeIsFoldedOntoOneTrimmedLine() throws {
    let first = try InterchangeFixtures.aif("fuzz/aif/scheme-with-outer-space.json")
    #expect(!first.diagnostics.containsErrors)
    let premise = try #require(first.map.node(withID: NodeID("case-by-case")))
    #expect(premise.links.map(\.reasoning) == ["Exceptional Case"])
    let again = AIFImporter.importMap(utf8: Array(AIFExporter.export(first.map).text.utf8))
    #expect(!again.diagnostics.containsErrors)
    #expect(again.map == first.map)
  }

  /// An argument node for linked premises takes its text from the scheme; one named like a
  /// generic text (`YA_...`) was exported only as the RA's text and read back as `Linked premises`.
  @Test func anArgumentNamedLikeGenericTextSurvivesExport() throws {
    let first = try InterchangeFixtures.aif("fuzz/aif/linked-premises-with-ya-prefixed-scheme.json")
    #expect(!first.diagnostics.containsErrors)
    let argument = try #require(first.map.node(withID: NodeID("expert-opinion")))
    #expect(argument.text == "YA_ExpertOpinion")
    #expect(argument.tags == [ArgdownImporter.argumentTag])
    let again = AIFImporter.importMap(utf8: Array(AIFExporter.export(first.map).text.utf8))
    #expect(!again.diagnostics.containsErrors)
    #expect(again.map == first.map)
  }

  /// A CA with two premises that attacks only a scheme linking nothing is skipped, as its
  /// warning says: no argument node is left behind without a conclusion, which an AIF export
  /// could only write as an I-node.
  @Test func aLinkedUndercutOfNothingLeavesNoNode() throws {
    let first = try InterchangeFixtures.aif(
      "fuzz/aif/linked-undercut-of-a-scheme-that-links-nothing.json")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.nodes.map(\.id.rawValue) == ["barbarossa", "inevitable"])
    #expect(first.diagnostics.contains { $0.message.contains("which links nothing; skipped") })
    let again = AIFImporter.importMap(utf8: Array(AIFExporter.export(first.map).text.utf8))
    #expect(again.map == first.map)
  }

  /// A CA with two premises that attacks a statement and a scheme becomes one argument node that
  /// opposes and undercuts; an AIF scheme node carries one kind of conclusion, so the export
  /// writes it as a statement and says what is lost rather than losing it silently.
  @Test func anArgumentThatOpposesAndUndercutsExportsWithItsLossReported() throws {
    let first = try InterchangeFixtures.aif(
      "fuzz/aif/linked-attack-on-a-statement-and-a-scheme.json")
    #expect(!first.diagnostics.containsErrors)
    let argument = try #require(first.map.nodes.first { $0.tags.contains("argument") })
    #expect(Set(argument.links.map(\.relation)) == [.opposes, .undercuts])
    let exported = AIFExporter.export(first.map)
    #expect(!exported.diagnostics.isEmpty)
    let again = AIFImporter.importMap(utf8: Array(exported.text.utf8))
    #expect(!again.diagnostics.containsErrors)
  }

  /// An argument named by a title (kept since titles are written back) that starts with `!--`
  /// was written `<!-- …>`, which Argdown reads as an HTML comment: the argument was lost on the
  /// way back. A title's leading `!` is now escaped.
  @Test func anArgumentTitleThatOpensACommentIsEscaped() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/argument-title-opening-a-comment.argdown")
    #expect(!first.diagnostics.containsErrors)
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.text.contains("\n<\\!-- A co"))
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// An argument titled `+ D < +` was written `<+ D \< +>`, which starts with the relation
  /// `<+`: the argument became a relation on the way back. A leading `+`, `-` or `_` is now
  /// escaped too.
  @Test func anArgumentTitleThatStartsARelationIsEscaped() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/argument-title-starting-with-a-relation.argdown")
    #expect(!first.diagnostics.containsErrors)
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.text.contains("\n<\\+ D"))
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// A front matter value with a tag of its own (`!ranksep: "1 "` reads as the text `1 ` tagged
  /// `!ranksep:`) was kept as it was written, spaces and all, as if it were a number; it is a
  /// text, kept quoted, so it reads back the same.
  @Test func aTaggedFrontMatterValueIsText() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/front-matter-value-with-a-tag.argdown")
    #expect(first.map.metadata.extra == [Metadata.Entry(key: "dot", value: "\"1 \"")])
    let exported = ArgdownExporter.export(first.map)
    #expect(ArgdownImporter.importMap(exported.text).map == first.map)
  }

  /// An alias of a deeply aliased list used as a mapping key ("billion laughs" as a key) made
  /// Yams hash 43 million nodes to look for duplicate keys before any count could stop it; the
  /// front matter is now counted from libyaml's events first and refused where it passes
  /// 10,000 nodes, and the statements are still read.
  @Test func anAliasBombAsAKeyIsRefusedBeforeItIsBuilt() throws {
    let result = try InterchangeFixtures.argdown("fuzz/argdown/alias-bomb-as-a-key.argdown")
    #expect(
      result.diagnostics.contains {
        $0.message.contains("its aliases expand it to more than 10000 nodes")
      })
    // On the line of `e: &e [*d, …]`, where the count passes the limit.
    #expect(result.diagnostics.located == ["6:8 argdown-front-matter"])
    #expect(result.map.metadata.extra.isEmpty)
    #expect(result.map.nodes.map(\.id.rawValue) == ["S"])
    // The same in a statement's data: the data is not read, the statement is.
    var data = "{a: &a [x, x, x, x, x, x, x, x, x]"
    for (name, previous) in zip("bcdefgh", "abcdefg") {
      data +=
        ", \(name): &\(name) ["
        + Array(repeating: "*\(previous)", count: 9).joined(
          separator: ", ") + "]"
    }
    data += ", i: {*h: key}}"
    #expect(ArgdownYAML.parseFlowMapping(data) == nil)
    #expect(YAMLAliasBudget.overrun(in: data, limit: ArgdownYAML.nodeLimit) != nil)
    #expect(YAMLAliasBudget.overrun(in: "{a: &a [x, y], b: *a, c: *a}", limit: 13) == nil)
    #expect(YAMLAliasBudget.overrun(in: "{a: &a [x, y], b: *a, c: *a}", limit: 12) != nil)
  }

  /// A tag that holds `)` (here from a front matter's group tags) was written as `#(a)b)`,
  /// which Argdown reads as the tag `a` followed by text: the statement's text changed on the
  /// way back. `#(...)` has no escape, so the `)` is left out and the export says so.
  @Test func aTagWithAClosingParenthesisIsALossNotAnotherText() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/tag-with-a-closing-parenthesis.argdown")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.nodes.flatMap(\.tags).contains { $0.contains(")") })
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.contains { $0.message.contains("cannot hold ')'") })
    let again = ArgdownImporter.importMap(exported.text)
    #expect(!again.diagnostics.containsErrors)
    // Only the tags lose their `)`; every text is the same.
    #expect(again.map.nodes.map(\.text) == first.map.nodes.map(\.text))
    #expect(
      again.map.nodes.map(\.tags) == first.map.nodes.map { $0.tags.map { $0.filter { $0 != ")" } } }
    )
  }

  /// One `_> <argument>` line stands for all undercuts of that argument's inferences, written
  /// where the first one was; a link of the undercutter between them came back after them, so
  /// the links changed order on the way back. The export now says so.
  @Test func undercutsOfOneArgumentApartAreReportedAsALoss() throws {
    let bytes = try InterchangeFixtures.bytes(
      "fuzz/argdown/undercuts-of-one-argument-apart.argdown")
    let first = ImportFormat.argdown.importMap(utf8: bytes)
    #expect(!first.diagnostics.containsErrors)
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.diagnostics.contains { $0.message.contains("has other links between") })
    // The same on a small map: x undercuts a's inference to t, then b's, then a's to u.
    let map = ArgumentMapParser.check(
      """
      claim t: T
      claim u: U
      claim a: A
        tags: argument
        + t
        + u
      claim b: B
        tags: argument
        + t
      claim x: X
        _ a -> t
        _ b -> t
        _ a -> u
      """
    ).map
    let small = ArgdownExporter.export(map)
    #expect(
      small.diagnostics.map(\.message).contains {
        $0.contains("'x' has other links between its undercuts of 'a'")
      })
    // Together, it round-trips without a word.
    var together = map
    let x = try #require(together.nodes.firstIndex { $0.id == "x" })
    together.nodes[x].links.swapAt(1, 2)
    #expect(ArgdownExporter.export(together).diagnostics.isEmpty)
  }

  /// A second description of an argument becomes a note, written in the `{notes: [...]}` data
  /// as YAML; Argdown looks for comments before it reads YAML, so a `/*` in the note opened a
  /// comment that never closed. The exporter writes such a slash as YAML's `\/`.
  @Test func aCommentOpenerInANoteIsEscaped() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/comment-opener-in-a-note.argdown")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.nodes.flatMap(\.notes).contains { $0.contains("/*") })
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.text.contains("\\/*"))
    let again = ArgdownImporter.importMap(exported.text)
    #expect(!again.diagnostics.containsErrors)
    #expect(again.map == first.map)
  }

  /// A plain front matter key holding a quote, exported quoted with `\"`, was cut at the colon
  /// after it on the way back: the key scan opened quotes in the middle of a key and ended them
  /// at an escaped quote. It now opens quotes only at the start of a key, as YAML does, and
  /// honours the escapes.
  @Test func aQuotedKeyWithAnEscapedQuoteAndAColonReadsWhole() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/quoted-front-matter-keys.argdown")
    #expect(!first.diagnostics.containsErrors)
    // Not YAML: a plain key on the first line runs into the next (libyaml stops there), so the
    // front matter is left out with a warning at the place YAML gave up.
    #expect(first.diagnostics.located.first == "3:1 argdown-front-matter")
    let again = ArgdownImporter.importMap(ArgdownExporter.export(first.map).text)
    #expect(!again.diagnostics.containsErrors)
    #expect(again.map == first.map)
    let plain = ArgdownImporter.importMap("===\na\"b: c\n===\n\n[s]: S\n")
    #expect(plain.map.metadata.extra == [Metadata.Entry(key: "a\"b", value: "c")])
  }

  /// A front matter key that starts with a combining mark and holds `:`: `.argmap` keys cannot
  /// hold a colon, so the key is left out with a warning at the key, and the rest is read.
  @Test func aQuotedKeyStartingWithACombiningMarkLosesItsQuotes() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/quoted-key-starting-with-a-combining-mark.argdown")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.metadata.extra.isEmpty)
    #expect(first.diagnostics.located == ["2:1 argdown-front-matter", "3:4 argdown-empty"])
  }

  /// A null key in a nested front matter mapping (an anchor with nothing before its `:`) was
  /// flattened to `group.` plus its empty text the first time, and after export, where YAML
  /// writes it `null`, to `group.null`. A nested mapping with a null key is now kept whole as
  /// flow YAML both times.
  @Test func aNullKeyInANestedMappingKeepsItsMappingWhole() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/null-key-in-a-nested-mapping.argdown")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.metadata.extra.map(\.key) == ["gro}p"])
    let again = ArgdownImporter.importMap(ArgdownExporter.export(first.map).text)
    #expect(!again.diagnostics.containsErrors)
    #expect(again.map == first.map)
    // The same with `null` written out, and a mapping without a null key is still flattened.
    let written = ArgdownImporter.importMap("===\ngroup:\n  null: 1\n  a: 2\n===\n\n[s]: S\n")
    #expect(written.map.metadata.extra == [Metadata.Entry(key: "group", value: "{null: 1, a: 2}")])
    let plain = ArgdownImporter.importMap("===\ngroup:\n  b: 1\n  a: 2\n===\n\n[s]: S\n")
    #expect(plain.map.metadata.extra.map(\.key) == ["group.b", "group.a"])
  }

  /// A front matter key whose `:` is followed by a combining mark (U+059C) was taken as a key
  /// without `:`, since the two are one character; the `.argmap` reader ends the key at the
  /// `:`, so the printed map read back with another key. The key is now left out with a warning,
  /// as any key holding `:` is.
  @Test func aColonBeforeACombiningMarkIsAColonInAKey() throws {
    let first = try InterchangeFixtures.argdown(
      "fuzz/argdown/key-with-a-colon-before-a-combining-mark.argdown")
    #expect(!first.diagnostics.containsErrors)
    #expect(first.map.metadata.extra.isEmpty)
    #expect(first.diagnostics.located.first == "2:1 argdown-front-matter")
    let printed = ArgumentMapPrinter.print(first.map)
    #expect(ArgumentMapParser.parse(utf8: Array(printed.utf8)).map == first.map)
  }

  /// An argument's description holding a C1 control character (U+009B) became a note written
  /// raw into the data block, which YAML cannot hold: the next import could not read the
  /// block and lost the note. Such characters are now written as `\u009b` (found by the fuzzer
  /// at 353,991 inputs).
  @Test func aNoteWithAC1ControlCharacterSurvivesAnArgdownRoundTrip() throws {
    let first = try InterchangeFixtures.argdown("fuzz/argdown/c1-control-in-description.argdown")
    #expect(!first.diagnostics.containsErrors)
    let note = try #require(first.map.nodes.first?.notes.first)
    #expect(note.unicodeScalars.contains("\u{9B}"))
    let exported = ArgdownExporter.export(first.map)
    #expect(exported.text.contains("\\u009b"))
    #expect(!exported.text.unicodeScalars.contains("\u{9B}"))
    let again = ArgdownImporter.importMap(exported.text)
    #expect(
      !again.diagnostics.map(\.id).contains("argdown-unreadable-data"), "\(again.diagnostics)")
    #expect(again.map == first.map)
  }
}
