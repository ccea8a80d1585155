/// How support links take part in Dung semantics, which know only attacks.
///
/// Readings of support disagree about which claims stand (research note §2.3, examples B1 and B2),
/// so the toolkit names one explicitly. The default is `necessary`: in a history map a claim
/// needs the evidence under it, so attacking a piece of evidence also attacks what it props up;
/// attacking a conclusion, however, does not discredit the evidence (which the deductive reading's
/// "mediated" attack would say, knocking out every event that supports an aim once the aim is
/// opposed).
public enum SupportReading: String, Sendable, Hashable, CaseIterable {
  /// Supports are left out of Dung semantics altogether.
  case ignored
  /// "If a is accepted, b is": supported attacks (a ⇒⁺ z, z attacks y gives a attacks y) and
  /// mediated attacks (y ⇒⁺ z, x attacks z gives x attacks y); Boella et al. 2010.
  case deductive
  /// "b can only be accepted if a is": secondary attacks (x attacks z, z ⇒⁺ y gives x attacks y)
  /// and extended attacks (z ⇒⁺ x, z attacks y gives x attacks y); Nouioua & Risch 2010.
  case necessary
  /// Cayrol & Lagasquie-Schiex 2005: supported and secondary (indirect) defeats.
  case cayrol2005 = "cayrol-2005"
}
