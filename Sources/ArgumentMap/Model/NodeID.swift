/// The identifier of a node, as written in the map (`nazi-soviet-pact`).
///
/// Ids are readable words chosen by the author; they are case-sensitive and unique within a map.
/// A typed wrapper keeps ids from being confused with texts or other strings.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The id as written.
  public var rawValue: String

  /// Creates an id from its written form; no validation happens here (the validator judges ids).
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// The id as written, so ids interpolate into messages and output without `rawValue`.
  public var description: String { rawValue }

  /// Orders ids as their written forms compare as `String`s, for sorted, stable listings.
  public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// Whether `text` is a well-formed id: a letter, then letters, digits, `-`, `_` or `.`.
  public static func isValid(_ text: some StringProtocol) -> Bool {
    var scalars = text.unicodeScalars.makeIterator()
    guard let first = scalars.next(),
      ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        || (!first.isASCII && first.properties.isAlphabetic)
    else { return false }
    while let scalar = scalars.next() {
      guard isIDContinuation(scalar) else { return false }
    }
    return true
  }

  static func isIDContinuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "-", "_", ".", "a"..."z", "A"..."Z", "0"..."9": return true
    default:
      // ASCII answered above without the Unicode property tables (ids are mostly ASCII, and
      // an imported framework has hundreds of thousands of them).
      return !scalar.isASCII
        && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }
  }
}

extension NodeID: ExpressibleByStringLiteral {
  /// Lets code and tests write an id as a literal (`"security"`); like `init(_:)`, it does not
  /// check the id.
  public init(stringLiteral value: String) {
    self.init(value)
  }
}
