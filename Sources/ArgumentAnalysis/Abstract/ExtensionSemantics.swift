/// The Dung semantics the toolkit computes extensions for.
///
/// Grounded is the sceptical, always-unique answer; complete, preferred and stable allow several
/// coherent readings of the same map, which is how rival interpretations show up formally.
public enum ExtensionSemantics: String, Sendable, Hashable, CaseIterable {
  /// The least complete extension: what every reading accepts.
  case grounded
  /// Every conflict-free set that contains exactly the arguments it defends.
  case complete
  /// The ⊆-maximal complete extensions: each is one coherent, as-large-as-possible reading.
  case preferred
  /// Complete extensions that attack everything outside them; there may be none.
  case stable
}

/// The extensions of a framework under one semantics, and whether the search saw them all.
///
/// Preferred and stable semantics are NP-hard in general, so the search has a budget; when it runs
/// out, the result says so (`isExhaustive == false`) instead of pretending the list is complete.
public struct ExtensionSet: Hashable, Sendable {
  /// The semantics the extensions belong to.
  public var semantics: ExtensionSemantics
  /// The labellings, in the search's deterministic order; their in-sets are the extensions.
  public var labellings: [Labelling]
  /// Whether every extension was found (the search finished within its budget).
  public var isExhaustive: Bool

  /// The extensions, each as increasing argument indices.
  public var extensions: [[Int]] { labellings.map(\.accepted) }

  /// Whether `argument` belongs to at least one extension (credulous acceptance).
  public func isCredulouslyAccepted(_ argument: Int) -> Bool {
    labellings.contains { $0.labels[argument] == .in }
  }

  /// Whether `argument` belongs to every extension (sceptical acceptance).
  ///
  /// When there is no extension at all (possible only for stable semantics) this holds
  /// vacuously, as in ICCMA.
  public func isScepticallyAccepted(_ argument: Int) -> Bool {
    labellings.allSatisfy { $0.labels[argument] == .in }
  }
}
