import ArgumentMap

/// What the Argdown parser found, before it becomes an argument map: statements and arguments
/// (by equivalence class or title), relations between them, and the front matter.
struct ArgdownDocument {
  /// Whether an element is a statement (`[T]`, or untitled text) or an argument (`<T>`).
  enum EntityKind: Equatable { case statement, argument }

  /// Where something was written, for diagnostics: a range in the main file plus a message
  /// prefix naming the included file when it came from one.
  struct Place {
    var range: SourceRange
    var prefix: String
  }

  /// One `{key: value}` data member.
  struct DataEntry {
    var key: String
    var value: ArgdownYAML.Value
    var place: Place
  }

  /// One statement (equivalence class) or argument.
  struct Entity {
    var kind: EntityKind
    var title: String?
    /// The texts of its definitions, in order (`[T]: text`, `<T>: text`, untitled text).
    var texts: [(text: String, place: Place)] = []
    /// The order of its first definition among all definitions, if it has one.
    var definitionOrder: Int?
    /// The order of its first occurrence among all occurrences.
    var firstOrder: Int
    var tags: [String] = []
    var data: [DataEntry] = []
    /// The group (heading tag) at its first definition, or at its first occurrence.
    var sectionAtDefinition: String?
    var sectionAtFirstOccurrence: String?
    var place: Place

    /// How the title is written in Argdown (`[T]` or `<T>`), for messages.
    var writtenTitle: String {
      switch kind {
      case .statement: "[\(title ?? "")]"
      case .argument: "<\(title ?? "")>"
      }
    }
  }

  /// What a relation does.
  enum RelationKind { case support, attack, undercut }

  /// A relation from one entity to another, in the direction the arrow points.
  struct Relation {
    var source: Int
    var target: Int
    var kind: RelationKind
    var place: Place
  }

  var entities: [Entity] = []
  var relations: [Relation] = []
  var metadata = Metadata()
  /// The headings, in document order, each with the number of definitions and of entities
  /// before it (see `ArgdownSections`).
  var headings:
    [(level: Int, title: String, isGroup: Bool, definitionsBefore: Int, entitiesBefore: Int)] = []
  var diagnostics: [Diagnostic] = []
  /// The main file's lines, which every place is a range of.
  var lines = LineTable([])
  /// The end of the main file, for problems of the whole document.
  var end = SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))
}
