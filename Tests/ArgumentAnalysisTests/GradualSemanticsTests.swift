import ArgumentAnalysis
import Foundation
import Testing

@Suite struct GradualSemanticsTests {
  // G1: M=0, C1=1, C2=2, K1=3, K2=4, E1=5, E2=6.
  let g1 = WeightedFramework(
    baseScores: [0.5, 0.6, 0.5, 0.8, 0.7, 0.9, 0.4],
    edges: [
      .init(1, .support, 0), .init(2, .support, 0), .init(5, .support, 1),
      .init(3, .attack, 1), .init(4, .attack, 0), .init(6, .attack, 3),
    ])

  /// The expected strengths of K1, C1 and M in G1 under one semantics.
  struct G1Expectation: Sendable, CustomTestStringConvertible {
    var semantics: GradualSemantics
    var k1: Double
    var c1: Double
    var m: Double
    var testDescription: String { semantics.rawValue }
  }

  static let g1Expectations: [G1Expectation] = [
    G1Expectation(semantics: .dfQuAD, k1: 12.0 / 25, c1: 96.0 / 125, m: 74.0 / 125),
    G1Expectation(
      semantics: .quadraticEnergy, k1: 20.0 / 29, c1: 54181.0 / 87821,
      m: 259_852_703_137.0 / 452_665_904_162),
    G1Expectation(semantics: .euler, k1: 0.765664061608, c1: 0.620463245109, m: 0.574186233864),
    G1Expectation(semantics: .hCategorizer, k1: 4.0 / 7, c1: 21.0 / 55, m: 5.0 / 17),
  ]

  @Test(arguments: g1Expectations)
  func acyclicMapIsExactInOnePass(expected: G1Expectation) throws {
    let semantics = expected.semantics
    let (k1, c1, m) = (expected.k1, expected.c1, expected.m)
    let result = g1.strengths(semantics)
    #expect(result.convergence == .exact)
    let sigma = try #require(result.strengths)
    // The rationals are exact; Euler's published values have twelve decimals.
    let tolerance = semantics == .euler ? 1e-11 : 1e-15
    #expect(abs(sigma[3] - k1) < tolerance)
    #expect(abs(sigma[1] - c1) < tolerance)
    #expect(abs(sigma[0] - m) < tolerance)
    // Leaves keep their base scores.
    #expect(sigma[2] == 0.5 && sigma[4] == 0.7 && sigma[5] == 0.9 && sigma[6] == 0.4)
  }

  // G2: I1=0, I2=1, E1=2, E2=3; I1 and I2 attack each other.
  let g2 = WeightedFramework(
    baseScores: [0.5, 0.5, 0.8, 0.5],
    edges: [
      .init(0, .attack, 1), .init(1, .attack, 0), .init(2, .support, 0), .init(3, .support, 1),
    ])

  @Test(arguments: [
    (GradualSemantics.dfQuAD, 0.7, 0.4),
    (.euler, 0.553825212248, 0.491111019130),
    (.quadraticEnergy, 0.541501693088, 0.499140285500),
    (.hCategorizer, 0.366025403784, 0.366025403784),
  ])
  func rivalInterpretationsConvergeByIteration(semantics: GradualSemantics, i1: Double, i2: Double)
    throws
  {
    let result = g2.strengths(semantics)
    #expect(
      result.convergence == .converged(method: .jacobi, iterations: result.attempts[0].iterations))
    let sigma = try #require(result.strengths)
    #expect(abs(sigma[0] - i1) < 1e-9)
    #expect(abs(sigma[1] - i2) < 1e-9)
  }

  @Test func continuousQuadraticEnergyReachesTheSameFixedPoint() throws {
    let result = g2.iterated(.quadraticEnergy, method: .continuous)
    let sigma = try #require(result.strengths)
    #expect(abs(sigma[0] - 0.541501693087) < 1e-9)
    #expect(abs(sigma[1] - 0.499140285500) < 1e-9)
  }

  @Test func withoutTheMutualAttackDFQuADGivesTheSupportedValues() throws {
    let apart = WeightedFramework(
      baseScores: g2.baseScores, edges: [.init(2, .support, 0), .init(3, .support, 1)])
    let sigma = try #require(apart.strengths(.dfQuAD).strengths)
    #expect(abs(sigma[0] - 0.9) < 1e-15)
    #expect(abs(sigma[1] - 0.75) < 1e-15)
  }

  @Test func smallCycles() throws {
    let mutual = { (tau: Double) in
      WeightedFramework(
        baseScores: [tau, tau], edges: [.init(0, .attack, 1), .init(1, .attack, 0)])
    }
    let half = mutual(0.5)
    #expect(abs(try #require(half.strengths(.dfQuAD).strengths)[0] - 1.0 / 3) < 1e-9)
    #expect(
      abs(try #require(half.strengths(.hCategorizer).strengths)[0] - (3.0.squareRoot() - 1) / 2)
        < 1e-9)
    #expect(
      abs(try #require(half.strengths(.quadraticEnergy).strengths)[0] - 0.423853799070) < 1e-9)
    #expect(abs(try #require(half.strengths(.euler).strengths)[0] - 0.433574902095) < 1e-9)

    let one = mutual(1)
    let plain = one.strengths(.dfQuAD, options: GradualOptions(fallbacks: []))
    #expect(plain.convergence == .notConverged)
    #expect(plain.strengths == nil)
    #expect(abs(try #require(one.strengths(.quadraticEnergy).strengths)[1] - 0.682327803828) < 1e-9)
    #expect(
      abs(try #require(one.strengths(.hCategorizer).strengths)[1] - (5.0.squareRoot() - 1) / 2)
        < 1e-9)
    #expect(try #require(one.strengths(.euler).strengths) == [1, 1])

    let chain = WeightedFramework(
      baseScores: [1, 1, 1], edges: [.init(0, .attack, 1), .init(1, .attack, 2)])
    #expect(chain.strengths(.hCategorizer).strengths == [1, 0.5, 2.0 / 3])
    #expect(chain.strengths(.quadraticEnergy).strengths == [1, 0.5, 0.8])
    #expect(chain.strengths(.dfQuAD).strengths == [1, 0, 1])

    let triangle = WeightedFramework(
      baseScores: [1, 1, 1],
      edges: [.init(0, .attack, 1), .init(1, .attack, 2), .init(2, .attack, 0)])
    #expect(
      triangle.strengths(.dfQuAD, options: GradualOptions(fallbacks: [])).convergence
        == .notConverged)
    let damped = try #require(triangle.strengths(.dfQuAD).strengths)
    #expect(damped.allSatisfy { abs($0 - 0.5) < 1e-9 })
    let qe = try #require(triangle.strengths(.quadraticEnergy).strengths)
    #expect(qe.allSatisfy { abs($0 - 0.682327803828) < 1e-9 })
  }

  /// Every x supports every y and every y attacks every x.
  func bipartite(k: Int, tauX: Double, tauY: Double) -> WeightedFramework {
    var edges: [WeightedFramework.Edge] = []
    for x in 0..<k {
      for y in k..<(2 * k) {
        edges.append(.init(x, .support, y))
        edges.append(.init(y, .attack, x))
      }
    }
    return WeightedFramework(
      baseScores: Array(repeating: tauX, count: k) + Array(repeating: tauY, count: k), edges: edges)
  }

  @Test func dfQuADOscillationIsReportedAndDampingFindsTheFixedPoint() throws {
    let family = bipartite(k: 2, tauX: 0.7, tauY: 0.1)
    let plain = family.strengths(.dfQuAD, options: GradualOptions(fallbacks: []))
    #expect(plain.convergence == .notConverged)
    #expect(plain.strengths == nil)
    #expect(plain.attempts.map(\.converged) == [false])
    #expect(plain.attempts[0].iterations == 10_000)

    let result = family.strengths(.dfQuAD)
    guard case .converged(method: .damped, _) = result.convergence else {
      Issue.record("expected damped convergence, got \(result.convergence)")
      return
    }
    let sigma = try #require(result.strengths)
    #expect(abs(sigma[0] - 0.215147249246) < 1e-9)
    #expect(abs(sigma[1] - 0.215147249246) < 1e-9)
    #expect(abs(sigma[2] - 0.445605543671) < 1e-9)
    #expect(abs(sigma[3] - 0.445605543671) < 1e-9)
  }

  @Test func quadraticEnergyOscillationIsReportedAndBothFallbacksAgree() throws {
    let family = bipartite(k: 3, tauX: 0.4, tauY: 0.1)
    let plain = family.strengths(.quadraticEnergy, options: GradualOptions(fallbacks: []))
    #expect(plain.convergence == .notConverged)
    let damped = try #require(family.strengths(.quadraticEnergy).strengths)
    #expect(abs(damped[0] - 0.198568666036) < 1e-9)
    #expect(abs(damped[5] - 0.335727487683) < 1e-9)
    let continuous = try #require(family.iterated(.quadraticEnergy, method: .continuous).strengths)
    #expect(abs(continuous[0] - 0.198568666036) < 1e-9)
    #expect(abs(continuous[5] - 0.335727487683) < 1e-9)
  }

  @Test func eulerNeverFallsBelowTheSquareOfTheBaseScore() throws {
    let crowd = WeightedFramework(
      baseScores: [0.6] + Array(repeating: 1, count: 50),
      edges: (1...50).map { .init($0, .attack, 0) })
    let sigma = try #require(crowd.strengths(.euler).strengths)
    #expect(sigma[0] >= 0.36 && sigma[0] < 0.37)
  }

  @Test func undercutWeakensTheLinkNotItsEnds() throws {
    // 0 attacks 1; 2 undercuts that attack with strength 1, so 1 keeps its base score.
    let full = WeightedFramework(
      baseScores: [1, 0.6, 1], edges: [.init(0, .attack, 1, undercutters: [2])])
    #expect(try #require(full.strengths(.dfQuAD).strengths) == [1, 0.6, 1])
    let half = WeightedFramework(
      baseScores: [1, 0.6, 0.5], edges: [.init(0, .attack, 1, undercutters: [2])])
    #expect(abs(try #require(half.strengths(.dfQuAD).strengths)[1] - 0.3) < 1e-15)
  }
}

@Suite struct GradualWorkLimitTests {
  @Test func aHugeUnsettledMapStopsWithinItsWorkBudget() {
    // A thousand copies of the oscillating bipartite example (k = 2).
    var edges: [WeightedFramework.Edge] = []
    var scores: [Double] = []
    for copy in 0..<1000 {
      let base = 4 * copy
      scores += [0.7, 0.7, 0.1, 0.1]
      for x in base..<(base + 2) {
        for y in (base + 2)..<(base + 4) {
          edges.append(.init(x, .support, y))
          edges.append(.init(y, .attack, x))
        }
      }
    }
    let framework = WeightedFramework(baseScores: scores, edges: edges)
    let result = framework.strengths(
      .dfQuAD, options: GradualOptions(fallbacks: [], maxWork: 12_000_000))
    #expect(result.convergence == .notConverged)
    #expect(result.strengths == nil)
    // 12M visits over 4,000 arguments and 8,000 links: 1,000 rounds, not the 10,000 asked for.
    #expect(result.attempts.map(\.iterations) == [1_000])
  }
}
