import ArgumentMap
import Testing

/// The one JSON tree: what reading keeps (order, duplicates, number text, positions) and the
/// bytes each layout writes.
@Suite("JSONValue: one JSON tree, read and written")
struct JSONValueTests {
  private func read(_ text: String) throws -> JSONValue {
    try PositionedJSONReader.read(Array(text.utf8))
  }

  @Test(
    "compact text read back gives the same bytes: member order, duplicates and numbers as written",
    arguments: [
      #"{"z":1,"a":[true,false,null],"z":"again"}"#,
      #"{"n":1.50,"e":-2E+3,"big":12345678901234567890}"#,
      #"["x\"y\\z","é😀",{},[]]"#,
      #"{"t":"Para","c":[{"t":"Str","c":"a<b&c"}]}"#,
    ])
  func compactRoundTrip(text: String) throws {
    #expect(try read(text).compactText == text)
  }

  @Test("a value read keeps where it starts, and each member where its key starts")
  func positions() throws {
    let value = try read("{\n  \"a\": [1, \"é\"],\n  \"b\": null\n}")
    let members = try #require(value.objectMembers)
    #expect(value.offset == 0)
    #expect(members.map(\.keyOffset) == [4, 22], "offsets count UTF-8 bytes: é is two")
    #expect(members[0].value.offset == 9)
    let elements = try #require(members[0].value.arrayValue)
    #expect(elements.map(\.offset) == [10, 13])
    #expect(members[1].value.offset == 27)
  }

  @Test("equal values hold the same JSON, wherever they were read; a built value equals a read one")
  func equalityIgnoresPositions() throws {
    let built = JSONValue.object([("a", .array([.number(1), .string("x")])), ("b", .null)])
    #expect(try read(#"  {"a": [1, "x"], "b": null}"#) == built)
    #expect(try read(#"{"b": null, "a": [1, "x"]}"#) != built)
    #expect(try read(#"{"a": [1.0, "x"], "b": null}"#) != built)
  }

  @Test("indented text: two spaces a level, objects of scalars on one line, arrays one per line")
  func indentedLayout() {
    let value = JSONValue.object([
      (
        "nodes",
        .array([.object([("id", .string("a")), ("n", .number(0.5)), ("ok", .bool(true))])])
      ),
      ("edges", .array([])),
      ("meta", .object([])),
      ("nested", .object([("inner", .object([("k", .null)]))])),
    ])
    #expect(
      value.indentedText == """
        {
          "nodes": [
            {"id": "a", "n": 0.5, "ok": true}
          ],
          "edges": [],
          "meta": {},
          "nested": {
            "inner": {"k": null}
          }
        }
        """)
  }

  @Test("accessors: the first member of a key, ids written either way, type names for messages")
  func accessors() throws {
    let value = try read(#"{"id": 7, "id": "x", "s": "t", "f": false}"#)
    #expect(value["id"]?.idText == "7")
    #expect(value["s"]?.stringValue == "t")
    #expect(value["s"]?.arrayValue == nil)
    #expect(value["f"]?.idText == nil)
    #expect(value["f"]?.typeName == "a Boolean")
    #expect(value["missing"] == nil)
    #expect(JSONValue.string("x")["id"] == nil)
  }
}
