extension AttackFramework {
  /// The grounded labelling: the sceptical core that every rational reading of the map accepts.
  ///
  /// A queue-based labelling (research note §1.3): an argument is in once all its attackers are
  /// out, and out once one attacker is in; whatever is left is undecided. Every attack is touched
  /// at most twice, unlike iterating Dung's characteristic function, which needs up to *n*/2 rounds
  /// on a chain.
  ///
  /// - Complexity: O(*n* + *m*) time, *n* bytes of labels plus 4*n* bytes of counters and queue.
  public func groundedLabelling() -> Labelling {
    Labelling(
      labels: groundedStates().map { code in
        switch code {
        case 1: .in
        case 2: .out
        default: .undecided
        }
      })
  }

  /// The grounded extension as a bit per argument, without building a `Labelling`.
  ///
  /// For very large frameworks where only the in-set is wanted (benchmarks, ICCMA `SE-GR`).
  ///
  /// - Complexity: O(*n* + *m*).
  public func groundedMembership() -> [Bool] {
    groundedStates().map { $0 == 1 }
  }

  /// The grounded labelling as one byte per argument: 0 undecided, 1 in, 2 out.
  func groundedStates() -> [UInt8] {
    let n = argumentCount
    // 0 = unlabelled, 1 = in, 2 = out.
    var state = [UInt8](repeating: 0, count: n)
    var live = attackerCounts
    var queue = [UInt32](repeating: 0, count: n)
    attackOffsets.withUnsafeBufferPointer { offsets in
      attackTargets.withUnsafeBufferPointer { targets in
        state.withUnsafeMutableBufferPointer { state in
          live.withUnsafeMutableBufferPointer { live in
            queue.withUnsafeMutableBufferPointer { queue in
              var tail = 0
              for argument in 0..<n where live[argument] == 0 {
                state[argument] = 1
                queue[tail] = UInt32(argument)
                tail += 1
              }
              var head = 0
              while head < tail {
                let accepted = Int(queue[head])
                head += 1
                for slot in Int(offsets[accepted])..<Int(offsets[accepted + 1]) {
                  let defeated = Int(targets[slot])
                  guard state[defeated] == 0 else { continue }
                  state[defeated] = 2
                  for next in Int(offsets[defeated])..<Int(offsets[defeated + 1]) {
                    let freed = Int(targets[next])
                    live[freed] &-= 1
                    if live[freed] == 0 && state[freed] == 0 {
                      state[freed] = 1
                      queue[tail] = UInt32(freed)
                      tail += 1
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return state
  }
}
