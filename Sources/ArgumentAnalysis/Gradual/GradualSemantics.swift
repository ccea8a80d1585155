/// A gradual (weighted) semantics: how strongly each argument stands, from 0 to 1.
///
/// Where Dung semantics say "stands" or "falls", a gradual semantics answers the teacher's
/// question "how far is this convincing": each argument starts from its base score and is pulled
/// down by attackers and up by supporters (research note §3.1 gives the exact formulas).
public enum GradualSemantics: String, Sendable, Hashable, CaseIterable {
  /// DF-QuAD (Rago et al. 2016): product aggregation; attackers and supporters that balance leave
  /// the base score unchanged. The default, because its numbers are easy to explain.
  case dfQuAD = "df-quad"
  /// Quadratic energy (Potyka 2018): sum aggregation through a smooth, bounded influence.
  case quadraticEnergy = "quadratic-energy"
  /// Euler-based (Amgoud & Ben-Naim 2017): sum aggregation through an exponential.
  case euler
  /// Weighted h-categorizer (Besnard & Hunter 2001; Amgoud et al. 2017): attacks only; supports
  /// are ignored. Always converges, so it is a safe reference on cyclic maps.
  case hCategorizer = "h-categorizer"
}

/// How a gradual result was reached, and whether it was reached at all.
///
/// "Did not converge" is a result, never a silent last iterate: callers must look at this before
/// showing numbers.
public enum Convergence: Hashable, Sendable {
  /// The map is acyclic and one pass in topological order gave the exact values.
  case exact
  /// An iteration reached a fixed point within the tolerance.
  case converged(method: IterationMethod, iterations: Int)
  /// No method reached a fixed point within its budget; the attempts say how far each got.
  case notConverged

  /// Whether the strengths can be trusted.
  public var isConverged: Bool {
    switch self {
    case .exact, .converged: true
    case .notConverged: false
    }
  }
}

/// A way of searching for a fixed point on a cyclic map.
public enum IterationMethod: String, Hashable, Sendable, CaseIterable {
  /// σ ← f(σ), all arguments at once, from the base scores.
  case jacobi
  /// σ ← ½σ + ½f(σ): slower but damps the oscillations that plain iteration can fall into.
  case damped
  /// The continuous model dσ/dt = f(σ) − σ, integrated with fourth-order Runge–Kutta.
  case continuous
}

/// One attempt at a fixed point: the method, how many rounds it took, and where it stopped.
public struct IterationAttempt: Hashable, Sendable {
  /// The method tried.
  public var method: IterationMethod
  /// The rounds (or Runge–Kutta steps) taken.
  public var iterations: Int
  /// Whether the largest change in the last round was within the tolerance.
  public var converged: Bool
  /// The largest change of any strength in the last round (for `.continuous`, |f(σ) − σ|).
  public var lastChange: Double

  /// Creates an attempt record.
  public init(method: IterationMethod, iterations: Int, converged: Bool, lastChange: Double) {
    self.method = method
    self.iterations = iterations
    self.converged = converged
    self.lastChange = lastChange
  }
}

/// Settings for evaluating a gradual semantics.
public struct GradualOptions: Hashable, Sendable {
  /// The largest change per round that counts as converged.
  public var tolerance: Double
  /// The most rounds of plain (Jacobi) iteration.
  public var maxIterations: Int
  /// The methods to try, in order, when plain iteration does not converge; empty for none.
  public var fallbacks: [IterationMethod]
  /// The most rounds (or steps) for each fallback.
  public var maxFallbackIterations: Int
  /// The Runge–Kutta step for the continuous model.
  public var stepSize: Double
  /// The most argument-and-link visits one method may spend, whatever its round budget, so that
  /// a huge cyclic map that does not settle ends in "did not converge" rather than running for
  /// hours; rounds are cut to `maxWork / (arguments + links)`, and never below 100.
  public var maxWork: Int

  /// Creates options; the defaults follow the research note (tolerance 1e-12, damping then the
  /// continuous model as fallbacks).
  public init(
    tolerance: Double = 1e-12,
    maxIterations: Int = 10_000,
    fallbacks: [IterationMethod] = [.damped, .continuous],
    maxFallbackIterations: Int = 100_000,
    stepSize: Double = 0.05,
    maxWork: Int = 2_000_000_000
  ) {
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    self.fallbacks = fallbacks
    self.maxFallbackIterations = maxFallbackIterations
    self.stepSize = stepSize
    self.maxWork = maxWork
  }
}

/// The strengths a gradual semantics gives, with how they were reached.
public struct GradualResult: Hashable, Sendable {
  /// The semantics evaluated.
  public var semantics: GradualSemantics
  /// The strength of each argument, by index; `nil` when no method converged, so that an
  /// unconverged iterate can never be shown as an answer.
  public var strengths: [Double]?
  /// How the strengths were reached.
  public var convergence: Convergence
  /// Every iteration tried, in order (empty for an exact pass).
  public var attempts: [IterationAttempt]

  /// Creates a result.
  public init(
    semantics: GradualSemantics, strengths: [Double]?, convergence: Convergence,
    attempts: [IterationAttempt]
  ) {
    self.semantics = semantics
    self.strengths = strengths
    self.convergence = convergence
    self.attempts = attempts
  }
}
