import Foundation

extension WeightedFramework {
  /// The strengths under `semantics`.
  ///
  /// On an acyclic framework (links and undercuts together) one pass in topological order gives
  /// exact values. On a cyclic one, plain (Jacobi) iteration runs from the base scores until no
  /// strength changes by more than the tolerance; if it does not settle, the fallbacks are tried in
  /// order, and if none settles the result says so and carries no strengths.
  ///
  /// - Complexity: O(*n* + *m*) when acyclic; O(rounds·(*n* + *m*)) otherwise.
  public func strengths(
    _ semantics: GradualSemantics, options: GradualOptions = GradualOptions()
  ) -> GradualResult {
    if let order = topologicalOrder() {
      var sigma = baseScores
      for argument in order {
        sigma[argument] = update(argument, semantics, sigma)
      }
      return GradualResult(
        semantics: semantics, strengths: sigma, convergence: .exact, attempts: [])
    }
    var attempts: [IterationAttempt] = []
    let methods = [IterationMethod.jacobi] + options.fallbacks
    for method in methods {
      let budget = method == .jacobi ? options.maxIterations : options.maxFallbackIterations
      let (sigma, attempt) = iterate(semantics, method, budget: budget, options: options)
      attempts.append(attempt)
      if attempt.converged {
        return GradualResult(
          semantics: semantics, strengths: sigma,
          convergence: .converged(method: method, iterations: attempt.iterations),
          attempts: attempts)
      }
    }
    return GradualResult(
      semantics: semantics, strengths: nil, convergence: .notConverged, attempts: attempts)
  }

  /// The strengths found by one iteration method alone, without the acyclic shortcut or
  /// fallbacks: for checking that methods agree, and for teaching how they differ.
  ///
  /// - Complexity: O(rounds·(*n* + *m*)), at most `options.maxIterations` rounds.
  public func iterated(
    _ semantics: GradualSemantics, method: IterationMethod,
    options: GradualOptions = GradualOptions()
  ) -> GradualResult {
    let (sigma, attempt) = iterate(
      semantics, method, budget: options.maxIterations, options: options)
    return GradualResult(
      semantics: semantics, strengths: attempt.converged ? sigma : nil,
      convergence: attempt.converged
        ? .converged(method: method, iterations: attempt.iterations) : .notConverged,
      attempts: [attempt])
  }

  /// One fixed-point search with `method`, from the base scores.
  func iterate(
    _ semantics: GradualSemantics, _ method: IterationMethod, budget: Int, options: GradualOptions
  ) -> ([Double], IterationAttempt) {
    let n = argumentCount
    // Each round visits every argument and link once (four times for Runge–Kutta).
    let perRound = max(1, (n + edges.count) * (method == .continuous ? 4 : 1))
    let budget = min(budget, max(100, options.maxWork / perRound))
    var sigma = baseScores
    var next = sigma
    var change = Double.infinity
    var rounds = 0
    while rounds < budget {
      rounds += 1
      switch method {
      case .jacobi, .damped:
        change = 0
        for argument in 0..<n {
          var value = update(argument, semantics, sigma)
          if method == .damped { value = 0.5 * sigma[argument] + 0.5 * value }
          change = max(change, abs(value - sigma[argument]))
          next[argument] = value
        }
        swap(&sigma, &next)
      case .continuous:
        let h = options.stepSize
        let k1 = derivative(semantics, sigma)
        let k2 = derivative(semantics, zip(sigma, k1).map { $0 + h / 2 * $1 })
        let k3 = derivative(semantics, zip(sigma, k2).map { $0 + h / 2 * $1 })
        let k4 = derivative(semantics, zip(sigma, k3).map { $0 + h * $1 })
        for argument in 0..<n {
          sigma[argument] +=
            h / 6 * (k1[argument] + 2 * k2[argument] + 2 * k3[argument] + k4[argument])
        }
        change = derivative(semantics, sigma).reduce(0) { max($0, abs($1)) }
      }
      if change <= options.tolerance {
        return (
          sigma,
          IterationAttempt(method: method, iterations: rounds, converged: true, lastChange: change)
        )
      }
    }
    return (
      sigma,
      IterationAttempt(method: method, iterations: rounds, converged: false, lastChange: change)
    )
  }

  /// f(σ) − σ, the continuous model's velocity.
  func derivative(_ semantics: GradualSemantics, _ sigma: [Double]) -> [Double] {
    (0..<argumentCount).map { update($0, semantics, sigma) - sigma[$0] }
  }

  /// The semantics' update of one argument given everyone's current strengths.
  @inline(__always)
  func update(_ argument: Int, _ semantics: GradualSemantics, _ sigma: [Double]) -> Double {
    let tau = baseScores[argument]
    var attackProduct = 1.0
    var supportProduct = 1.0
    var attackSum = 0.0
    var supportSum = 0.0
    let hasUndercuts = !undercutOffsets.isEmpty
    for slot in incomingOffsets[argument]..<incomingOffsets[argument + 1] {
      var value = incomingWeight[slot] * sigma[Int(incomingSource[slot])]
      if hasUndercuts {
        for index in undercutOffsets[slot]..<undercutOffsets[slot + 1] {
          value *= 1 - sigma[Int(undercutList[index])]
        }
      }
      if incomingIsAttack[slot] {
        attackProduct *= 1 - value
        attackSum += value
      } else {
        supportProduct *= 1 - value
        supportSum += value
      }
    }
    switch semantics {
    case .dfQuAD:
      let attack = 1 - attackProduct
      let support = 1 - supportProduct
      if attack >= support { return tau - tau * (attack - support) }
      return tau + (1 - tau) * (support - attack)
    case .quadraticEnergy:
      let energy = supportSum - attackSum
      return tau - tau * Self.influence(-energy) + (1 - tau) * Self.influence(energy)
    case .euler:
      let energy = supportSum - attackSum
      return 1 - (1 - tau * tau) / (1 + tau * exp(energy))
    case .hCategorizer:
      return tau / (1 + attackSum)
    }
  }

  /// Potyka's bounded influence h(x) = max(x,0)² / (1 + max(x,0)²).
  static func influence(_ x: Double) -> Double {
    let positive = max(x, 0)
    let square = positive * positive
    return square / (1 + square)
  }

  /// An order in which every argument comes after its attackers, supporters and the undercutters
  /// of its incoming links; `nil` when they form a cycle.
  func topologicalOrder() -> [Int]? {
    let n = argumentCount
    var pending = [Int](repeating: 0, count: n)
    // Outgoing dependencies, as compressed rows: for each source, the targets that wait on it.
    var dependencyCount = [Int](repeating: 0, count: n + 1)
    for target in 0..<n {
      for slot in incomingOffsets[target]..<incomingOffsets[target + 1] {
        dependencyCount[Int(incomingSource[slot]) + 1] += 1
        pending[target] += 1
        if !undercutOffsets.isEmpty {
          for index in undercutOffsets[slot]..<undercutOffsets[slot + 1] {
            dependencyCount[Int(undercutList[index]) + 1] += 1
            pending[target] += 1
          }
        }
      }
    }
    for argument in 0..<n { dependencyCount[argument + 1] += dependencyCount[argument] }
    var cursor = dependencyCount
    var waiting = [UInt32](repeating: 0, count: dependencyCount[n])
    for target in 0..<n {
      for slot in incomingOffsets[target]..<incomingOffsets[target + 1] {
        let source = Int(incomingSource[slot])
        waiting[cursor[source]] = UInt32(target)
        cursor[source] += 1
        if !undercutOffsets.isEmpty {
          for index in undercutOffsets[slot]..<undercutOffsets[slot + 1] {
            let undercutter = Int(undercutList[index])
            waiting[cursor[undercutter]] = UInt32(target)
            cursor[undercutter] += 1
          }
        }
      }
    }
    var order: [Int] = []
    order.reserveCapacity(n)
    for argument in 0..<n where pending[argument] == 0 { order.append(argument) }
    var head = 0
    while head < order.count {
      let ready = order[head]
      head += 1
      for index in dependencyCount[ready]..<dependencyCount[ready + 1] {
        let target = Int(waiting[index])
        pending[target] -= 1
        if pending[target] == 0 { order.append(target) }
      }
    }
    return order.count == n ? order : nil
  }
}
