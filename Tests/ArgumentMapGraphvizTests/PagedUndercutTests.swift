import ArgumentMap
import Testing

@testable import ArgumentMapGraphviz

/// A map split into pages keeps its undercuts ("one could argue ..."): each is drawn on a page
/// where the link it attacks is, from its statement or from a stub of it.
@Suite struct PagedUndercutTests {
  let map: ArgumentMap
  let pages: [Scene]

  init() throws {
    map = try RunningExample.map()
    pages = try MapRenderer(idPrefix: "u").pageScenes(
      map, view: .argument, options: SceneOptions(), page: .a4Portrait)
  }

  @Test func everyUndercutIsDrawnOnSomePageAndEveryDotHasOne() throws {
    let undercuts = map.nodes.flatMap(\.links).filter { $0.relation == .undercuts }
    #expect(undercuts.count >= 8)
    #expect(pages.count > 1)
    var drawn: Set<String> = []
    var fromStubs = 0
    for page in pages {
      let stubs = Set(page.nodes.filter { $0.role == .stub }.map(\.id))
      // An arrow with a number is two lines, to its number and on from it ("-to").
      let lines = page.edges.filter {
        $0.role == .link(.undercuts) || $0.role == .linkToJunction(.undercuts)
      }
      drawn.formUnion(lines.map { $0.id.rawValue.replacing(/-to$/, with: "") })
      fromStubs += lines.filter { stubs.contains($0.source) }.count
      // A junction dot with no undercut reaching it says nothing.
      for junction in page.nodes where junction.role == .junction {
        #expect(lines.contains { $0.target == junction.id }, "\(page.title): \(junction.id)")
      }
    }
    #expect(drawn.count == undercuts.count)
    #expect(fromStubs > 0)
  }

  @Test func aStubIsNamedByTheStatementsTitleWhenItHasOne() throws {
    let stubs = pages.flatMap(\.nodes).filter {
      $0.role == .stub && $0.id.rawValue.hasPrefix("stub-")
    }
    var titled = 0
    for stub in stubs {
      guard let position = Int(stub.id.rawValue.dropFirst(5)).map({ $0 - 1 }),
        let title = map.nodes[position].title
      else { continue }
      titled += 1
      let name = stub.label.replacingOccurrences(of: "\n", with: " ")
      #expect(name.hasPrefix(String(title.prefix(15))), "\(name) for '\(title)'")
    }
    #expect(titled > 0)
  }
}
