import ArgumentMap
import Testing

@testable import ArgumentInterchange

/// Argdown front matter and data read by a real YAML parser: what the hand-written reader got
/// wrong, each on a minimal document (`Fixtures/argdown/yaml/`), and round trips that keep
/// YAML's types.
@Suite struct ArgdownYAMLTests {
  private func importFixture(_ name: String) throws -> ImportResult {
    try InterchangeFixtures.argdown("argdown/yaml/\(name).argdown")
  }

  /// Exports the map as Argdown and reads it back.
  private func roundTrip(_ map: ArgumentMap) -> ImportResult {
    ArgdownImporter.importMap(ArgdownExporter.export(map).text)
  }

  /// A flow list over several lines (Argdown's `group.regroup`) is one value, kept as one line
  /// of flow YAML; it was "key 'group.title' is given twice", with no line.
  @Test func multiLineFlowList() throws {
    let result = try importFixture("multiline-flow-list")
    #expect(result.diagnostics.filter { $0.id.hasPrefix("argdown-front") }.isEmpty)
    #expect(result.map.metadata.title == "Regrouped")
    #expect(
      result.map.metadata.extra == [
        Metadata.Entry(
          key: "group.regroup",
          value: "[{title: Main arguments, tags: [pro, con], isGroup: true}, {title: Other}]")
      ])
    let exported = ArgdownExporter.export(result.map)
    #expect(
      exported.text.contains(
        "group:\n  regroup: [{title: Main arguments, tags: [pro, con], isGroup: true}, {title: Other}]\n"
      ))
    #expect(roundTrip(result.map).map == result.map)
  }

  /// A quoted key with a colon (`":bomb:"`) stopped the import. At the top it cannot be an
  /// `.argmap` key: it is left out with a warning at the key. Inside a mapping, the mapping is
  /// kept whole as one flow value, so nothing is lost.
  @Test func quotedKeyWithColon() throws {
    let result = try importFixture("quoted-key-with-colon")
    #expect(!result.diagnostics.containsErrors)
    #expect(result.diagnostics.located.first == "3:1 argdown-front-matter")
    #expect(result.diagnostics.first?.message.contains("\":bomb:\"") == true)
    #expect(
      result.map.metadata.extra == [
        Metadata.Entry(key: "color.tagColors", value: ##"{":bomb:": "#ff0000", plain: "#00ff00"}"##)
      ])
    #expect(result.map.nodes.map(\.id.rawValue) == ["T", "B"])
    let exported = ArgdownExporter.export(result.map)
    #expect(exported.text.contains(##"  tagColors: {":bomb:": "#ff0000", plain: "#00ff00"}"##))
    #expect(roundTrip(result.map).map == result.map)
  }

  /// Block scalars (`>` folded, `|` literal, `>-` stripped) were read as the literal `>` plus
  /// invented keys, silently. A title is folded to one line; other texts keep their line breaks
  /// in a double-quoted value.
  @Test func blockScalars() throws {
    let result = try importFixture("block-scalars")
    #expect(result.diagnostics.filter { $0.id.hasPrefix("argdown-front") }.isEmpty)
    #expect(result.map.metadata.title == "A title folded over two lines")
    #expect(
      result.map.metadata.extra == [
        Metadata.Entry(key: "abstract", value: #""First line.\nSecond line.\n""#),
        Metadata.Entry(key: "note", value: "kept short"),
      ])
    let printed = ArgumentMapPrinter.print(result.map)
    #expect(ArgumentMapParser.parse(printed).map == result.map)
    #expect(roundTrip(result.map).map == result.map)
  }

  /// Booleans and numbers came back from export as strings (`"true"`, `"0"`). They are written
  /// plain now; a text that only looks like one (`"1"`, `"yes"`) stays quoted.
  @Test func typedValuesKeepTheirTypes() throws {
    let result = try importFixture("typed-values")
    #expect(
      result.map.metadata.extra == [
        Metadata.Entry(key: "selection.excludeDisconnected", value: "true"),
        Metadata.Entry(key: "selection.minGraphHeight", value: "0"),
        Metadata.Entry(key: "dot.ratio", value: "1.5"),
        Metadata.Entry(key: "dot.ranksep", value: #""1""#),
        Metadata.Entry(key: "dot.label", value: #""yes""#),
        Metadata.Entry(key: "model.mode", value: "strict"),
      ])
    let text = ArgdownExporter.export(result.map).text
    for line in [
      "  excludeDisconnected: true\n", "  minGraphHeight: 0\n", "  ratio: 1.5\n",
      "  ranksep: \"1\"\n", "  label: \"yes\"\n", "  mode: strict\n",
    ] {
      #expect(text.contains(line), "\(line) in \(text)")
    }
    #expect(roundTrip(result.map).map == result.map)
  }

  /// A key given twice is malformed YAML: the front matter is left out with a warning at the
  /// key's first place, and the statements are read.
  @Test func duplicateKeyIsLocated() throws {
    let result = try importFixture("duplicate-key")
    #expect(result.diagnostics.located == ["3:1 argdown-front-matter"])
    #expect(result.diagnostics.first?.message.contains("'model' is given twice") == true)
    #expect(result.map.metadata.isEmpty)
    #expect(result.map.nodes.count == 2)
  }

  /// Aliases that expand to billions of nodes are refused, not expanded.
  @Test func aliasBombIsRefused() throws {
    let result = try importFixture("alias-bomb")
    #expect(result.diagnostics.map(\.id).contains("argdown-front-matter"))
    #expect(result.diagnostics.contains { $0.message.contains("more than 10000 nodes") })
    #expect(result.map.nodes.count == 2)
  }

  /// Malformed YAML in the front matter is reported where libyaml stopped, in the document's
  /// lines and columns.
  @Test func malformedFrontMatterIsLocated() {
    let result = ArgdownImporter.importMap("===\ntitle: ok\nlist: [a, b\n===\n\n[T]: A thesis.\n")
    #expect(result.diagnostics.located == ["3:1 argdown-front-matter"])
    #expect(result.map.metadata.isEmpty)
  }

  /// Data in statements is read by the same parser: flow collections over quoted texts with
  /// commas, and YAML's null, which leaves a key without a value.
  @Test func statementData() {
    let result = ArgdownImporter.importMap(
      #"[P]: The pact. {kind: event, date: "1939-08-23", sources: ["Treaty, Art. 1", 'GHDI'], notes: [a]}"#
        + "\n")
    let node = result.map.nodes.first
    #expect(node?.kind == .event)
    #expect(node?.sources == ["Treaty, Art. 1", "GHDI"])
    #expect(node?.notes == ["a"])
    #expect(ArgdownYAML.parseFlowMapping("{a: [1, {b: c}]}") != nil)
    #expect(ArgdownYAML.parseFlowMapping("{a: b") == nil)
    #expect(ArgdownYAML.parseFlowMapping("[a]") == nil)
  }

  /// What the exporter writes as it is and what it quotes.
  @Test(arguments: [
    ("strict", "strict"), ("true", "true"), ("0", "0"), ("[a, b]", "[a, b]"),
    ("x: y", #""x: y""#), ("a # b", #""a # b""#), ("//x", #""\//x""#), ("", #""""#),
    (#""1""#, #""1""#), ("[a,b]", #""[a,b]""#),
  ])
  func frontMatterValue(_ value: String, _ written: String) {
    #expect(ArgdownYAML.frontMatterValue(value) == written)
  }
}
