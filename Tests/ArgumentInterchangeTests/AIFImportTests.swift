import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// The AraucariaDB maps in AIF JSON (`interop/aif`) and hand-written AIF for what they lack.
@Suite struct AIFImportTests {
  /// Expected shape of every corpus file. AIF counts in the comments: I-nodes, RA, CA, L, YA;
  /// an RA or CA with several premises becomes an argument node, so nodes = I + linked schemes;
  /// links = one per premise of a linked scheme + one per conclusion + one per simple scheme.
  static let corpus: [(String, MapCounts)] = [
    // 4 I, 1 RA with 3 premises (linked).
    ("nodeset10.json", MapCounts(aims: 1, claims: 1, evidence: 3, supports: 4, arguments: 1)),
    // 4 I, 1 RA with 3 premises.
    ("nodeset100.json", MapCounts(aims: 1, claims: 1, evidence: 3, supports: 4, arguments: 1)),
    // 3 I, 1 RA with 2 premises.
    ("nodeset101.json", MapCounts(aims: 1, claims: 1, evidence: 2, supports: 3, arguments: 1)),
    ("nodeset102.json", MapCounts(aims: 1, claims: 1, evidence: 2, supports: 3, arguments: 1)),
    // 6 I, 1 CA, 1 RA with 4 premises.
    (
      "nodeset105.json",
      MapCounts(aims: 1, claims: 2, evidence: 4, supports: 5, opposes: 1, arguments: 1)
    ),
    // 9 I, 1 CA, 3 RA (all linked).
    (
      "nodeset108.json",
      MapCounts(aims: 1, claims: 6, evidence: 5, supports: 10, opposes: 1, arguments: 3)
    ),
    (
      "nodeset110.json",
      MapCounts(aims: 1, claims: 1, evidence: 4, supports: 4, opposes: 1, arguments: 1)
    ),
    (
      "nodeset114.json",
      MapCounts(aims: 1, claims: 3, evidence: 4, supports: 6, opposes: 1, arguments: 2)
    ),
    // 4 I, 1 L, 1 YA, 3 simple RA: the locution becomes a source.
    ("nodeset118.json", MapCounts(aims: 1, claims: 1, evidence: 2, supports: 3)),
    // 6 I, 6 L, 6 YA, 1 CA, 4 simple RA (one with scheme PositionToKnow).
    ("nodeset127.json", MapCounts(aims: 1, claims: 1, evidence: 4, supports: 4, opposes: 1)),
    (
      "nodeset132.json",
      MapCounts(aims: 1, claims: 4, evidence: 3, supports: 6, opposes: 1, arguments: 1)
    ),
    // 7 I, 2 CA, 2 RA with 2 premises each (schemes ExceptionalCase, ExpertOpinion).
    (
      "nodeset137.json",
      MapCounts(aims: 1, claims: 4, evidence: 4, supports: 6, opposes: 2, arguments: 2)
    ),
    (
      "nodeset173.json",
      MapCounts(aims: 1, claims: 7, evidence: 6, supports: 12, opposes: 1, arguments: 4)
    ),
    // 24 I, 13 RA.
    ("nodeset198.json", MapCounts(aims: 1, claims: 21, evidence: 11, supports: 32, arguments: 9)),
    ("nodeset215.json", MapCounts(aims: 1, claims: 10, evidence: 13, supports: 23, arguments: 4)),
    ("nodeset219.json", MapCounts(aims: 1, claims: 1, evidence: 4, supports: 4, opposes: 1)),
    ("nodeset222.json", MapCounts(aims: 1, claims: 1, evidence: 4, supports: 4, opposes: 1)),
    ("nodeset499.json", MapCounts(aims: 1, claims: 10, evidence: 10, supports: 20, arguments: 4)),
    // 8 I, 13 simple RA, of which 3 repeat 4890 → 4889 (merged, noted).
    ("nodeset531.json", MapCounts(aims: 1, claims: 6, evidence: 1, supports: 10)),
    ("nodeset650.json", MapCounts(aims: 1, claims: 1, evidence: 2, supports: 3)),
  ]

  @Test func corpusTableCoversEveryFile() throws {
    let files = try InterchangeFixtures.files(in: "interop/aif", withExtension: "json")
    #expect(files.map { String($0.dropFirst("interop/aif/".count)) } == Self.corpus.map(\.0))
  }

  @Test(arguments: corpus)
  func corpusFile(_ name: String, _ expected: MapCounts) throws {
    let result = try InterchangeFixtures.aif("interop/aif/" + name)
    #expect(MapCounts(result.map) == expected)
    // Every file carries annotation timestamps: reported once, at the first, with its path.
    #expect(result.diagnostics.filter { $0.id == "aif-no-counterpart" }.count == 1)
    #expect(result.diagnostics.first?.message.hasPrefix("$.nodes[0].timestamp:") == true)
    #expect(!result.diagnostics.containsErrors)
    #expect(!result.map.validate().containsErrors)
    // The I-node count is the AIF file's.
    let json = try InterchangeFixtures.text("interop/aif/" + name)
    let iNodes = json.components(separatedBy: "\"type\":\"I\"").count - 1
    #expect(expected.nodes - expected.arguments == iNodes)
  }

  /// nodeset10: three premises jointly (linked) support the conclusion through one RA.
  @Test func linkedPremisesStayLinked() throws {
    let map = try InterchangeFixtures.aif("interop/aif/nodeset10.json").map
    let argument = try map.require("linked-premises")
    #expect(argument.tags == ["argument"])
    #expect(argument.kind == .claim)
    #expect(argument.links == [Link(.supports, .node("every-person-seeking-asylum"))])
    let conclusion = try map.require("every-person-seeking-asylum")
    #expect(conclusion.kind == .mainAim)
    #expect(conclusion.text.hasSuffix("are violated: article 13."))
    let premises = map.nodes.filter { $0.links == [Link(.supports, .node("linked-premises"))] }
    #expect(
      premises.map(\.id.rawValue) == [
        "all-the-member-states", "if-member-states-of", "they-are-obliged-by",
      ])
    #expect(premises.allSatisfy { $0.kind == .evidence })
  }

  /// nodeset127: six locutions anchored by YA become sources; the CA becomes an opposes link;
  /// the scheme `PositionToKnow` becomes the reasoning.
  @Test func locutionsBecomeSources() throws {
    let map = try InterchangeFixtures.aif("interop/aif/nodeset127.json").map
    let thesis = try map.require("semesterisation-is-a-good")
    #expect(thesis.kind == .mainAim)
    #expect(thesis.sources == ["VCBrown says 'semesterisation is a good idea'"])
    #expect(map.nodes.allSatisfy { $0.sources.count == 1 })
    let attack = try map.require("should-be-avoided-at")
    #expect(attack.links == [Link(.opposes, .node("semesterisation-is-a-good"))])
    #expect(attack.kind == .claim)
    #expect(
      try map.require("semesterisation-is-going-to").links == [
        Link(.supports, .node("should-be-avoided-at"), reasoning: "PositionToKnow")
      ])
  }

  /// nodeset137: schemes name the argument nodes; two CAs attack two different I-nodes.
  @Test func schemesNameLinkedArguments() throws {
    let map = try InterchangeFixtures.aif("interop/aif/nodeset137.json").map
    #expect(try map.require("exceptionalcase").text == "ExceptionalCase")
    #expect(
      try map.require("expertopinion").links == [
        Link(.supports, .node("environmental-laws-have-not"))
      ])
    #expect(
      map.linkLines.filter { $0.contains(" - ") } == [
        "the-evidence-shows-there - an-exemption-should-be",
        "environmental-laws-have-not - the-need-presented-by",
      ])
  }

  /// nodeset531: four RAs say 4890 supports 4889; one link, three notes at the repeats.
  @Test func repeatedSchemesMerge() throws {
    let result = try InterchangeFixtures.aif("interop/aif/nodeset531.json")
    #expect(result.diagnostics.filter { $0.id == "aif-repeated-scheme" }.count == 3)
    let source = try result.map.require("continuing-the-war-in")
    #expect(source.links.filter { $0.target == .node("as-the-citizens-of") }.count == 1)
  }

  /// OVA3 wrapper, integer ids, a CA on an RA (undercut), a linked CA, and the dialogue and
  /// preference nodes the model cannot hold, each reported at its JSON path and position.
  @Test func ovaShapeWithEverything() throws {
    let json = """
      {"AIF": {"nodes": [
        {"nodeID": 1, "text": "Stalin sought security", "type": "I"},
        {"nodeID": 2, "text": "The pact bought time", "type": "I"},
        {"nodeID": 3, "text": "RA", "type": "RA"},
        {"nodeID": 4, "text": "Germany invaded anyway", "type": "I"},
        {"nodeID": 5, "text": "Default Conflict", "type": "CA"},
        {"nodeID": 6, "text": "Historian A: the pact bought time", "type": "L"},
        {"nodeID": 7, "text": "Disagreeing", "type": "YA"},
        {"nodeID": 8, "text": "TA", "type": "TA"},
        {"nodeID": 9, "text": "MA", "type": "MA"},
        {"nodeID": 10, "text": "PA", "type": "PA"},
        {"nodeID": 11, "text": "??", "type": "XY"},
        {"nodeID": 12, "text": "Soviet archives", "type": "I"},
        {"nodeID": 13, "text": "Default Conflict", "type": "CA"}
      ],
      "edges": [
        {"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1},
        {"edgeID": 3, "fromID": 4, "toID": 5}, {"edgeID": 4, "fromID": 5, "toID": 3},
        {"edgeID": 5, "fromID": 6, "toID": 7}, {"edgeID": 6, "fromID": 7, "toID": 2},
        {"edgeID": 7, "fromID": 4, "toID": 13}, {"edgeID": 8, "fromID": 12, "toID": 13},
        {"edgeID": 9, "fromID": 13, "toID": 1}, {"edgeID": 10, "fromID": 2, "toID": 99}
      ],
      "locutions": [{"nodeID": 6, "personID": 1}]},
      "OVA": {"nodes": [{"nodeID": 1, "x": 10, "y": 20}]}}
      """
    let result = AIFImporter.importMap(utf8: Array(json.utf8))
    let map = result.map
    #expect(
      map.linkLines == [
        "the-pact-bought-time + stalin-sought-security",
        "germany-invaded-anyway + linked-premises",
        "germany-invaded-anyway _ the-pact-bought-time->stalin-sought-security",
        "soviet-archives + linked-premises",
        "linked-premises - stalin-sought-security",
      ])
    #expect(
      try map.require("the-pact-bought-time").sources == [
        "Historian A: the pact bought time (Disagreeing)"
      ])
    #expect(try map.require("linked-premises").tags == ["argument"])
    #expect(try map.require("stalin-sought-security").kind == .mainAim)
    #expect(
      result.diagnostics.map(\.message).map { String($0.prefix(while: { $0 != ":" })) } == [
        "$.OVA", "$.AIF.locutions", "$.AIF.edges[9]", "$.AIF.nodes[7]", "$.AIF.nodes[8]",
        "$.AIF.nodes[9]", "$.AIF.nodes[10]",
      ])
    #expect(
      result.diagnostics.located == [
        "24:8 aif-no-counterpart", "23:14 aif-no-counterpart", "21:43 aif-skipped",
        "9:3 aif-no-counterpart", "10:3 aif-no-counterpart", "11:3 aif-no-counterpart",
        "12:3 aif-skipped",
      ])
    #expect(!map.validate().containsErrors)
  }

  /// Malformed files: a located error, never a trap; what could be read is kept.
  @Test(arguments: [
    ("{\"nodes\": [", "1:12 aif-syntax"),
    ("{\"nodes\": [], \"edges\": [}", "1:25 aif-syntax"),
    ("[1, 2]", "1:1 aif-structure"),
    ("{\"edges\": []}", "1:1 aif-structure"),
    ("{\"nodes\": {}, \"edges\": []}", "1:11 aif-structure"),
    ("{\"nodes\": [{\"nodeID\": \"1\"}], \"edges\": []}", "1:12 aif-structure"),
    (
      "{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"a\"}, {\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"b\"}], \"edges\": []}",
      "1:66 aif-structure"
    ),
    ("{\"nodes\": [], \"edges\": [{\"fromID\": true, \"toID\": \"2\"}]}", "1:25 aif-structure"),
    ("\"\\ud800\"", "1:8 aif-syntax"),
    (String(repeating: "[", count: 10_000), "1:257 aif-syntax"),
  ])
  func malformed(_ json: String, _ expected: String) {
    let result = AIFImporter.importMap(utf8: Array(json.utf8))
    #expect(result.diagnostics.located.first == expected)
    #expect(result.diagnostics.containsErrors)
  }

  /// A premise without conclusion and a conclusion without premise are skipped, reported.
  @Test func danglingSchemes() {
    let json = """
      {"nodes": [{"nodeID": "a", "text": "A", "type": "I"}, {"nodeID": "r1", "text": "RA", "type": "RA"},
                 {"nodeID": "r2", "text": "RA", "type": "RA"}],
       "edges": [{"fromID": "a", "toID": "r1"}, {"fromID": "r2", "toID": "a"}]}
      """
    let result = AIFImporter.importMap(utf8: Array(json.utf8))
    #expect(result.map.nodes.map(\.id) == ["a"])
    #expect(result.diagnostics.ids == ["aif-skipped", "aif-skipped"])
    #expect(result.diagnostics.map(\.message).allSatisfy { $0.hasPrefix("$.nodes[") })
  }

  /// Some exports repeat a node object byte for byte: it is the same node, read once with a
  /// warning, and the rest of the file is imported; two different nodes under one id are an
  /// error at the second.
  @Test func identicalDuplicateNodesAreReadOnceAndConflictingOnesAreErrors() {
    let node = #"{"nodeID": "1", "text": "A claim", "type": "I"}"#
    let rest =
      #"{"nodeID": "2", "text": "Other", "type": "I"}, {"nodeID": "3", "type": "RA", "#
      + #""text": "Default Inference"}], "edges": [{"edgeID": "e1", "fromID": "2", "toID": "3"}, "#
      + #"{"edgeID": "e2", "fromID": "3", "toID": "1"}]}"#
    let repeated = AIFImporter.importMap(
      utf8: Array(("{\"nodes\": [" + node + ", " + node + ", " + rest).utf8))
    #expect(!repeated.diagnostics.containsErrors)
    #expect(repeated.diagnostics.ids == ["aif-skipped"])
    #expect(
      repeated.diagnostics.first?.message
        == "$.nodes[1]: node '1' repeats $.nodes[0] exactly; read once")
    #expect(repeated.map.nodes.map(\.text) == ["A claim", "Other"])
    #expect(repeated.map.nodes[1].links.count == 1)

    let different = #"{"nodeID": "1", "text": "Another claim", "type": "I"}"#
    let conflicting = AIFImporter.importMap(
      utf8: Array(("{\"nodes\": [" + node + ", " + different + ", " + rest).utf8))
    #expect(conflicting.diagnostics.containsErrors)
    #expect(
      conflicting.diagnostics.first?.message
        == "$.nodes[1].nodeID: nodeID '1' is also the id of a different node ($.nodes[0]); ids must be unique"
    )
  }
}
