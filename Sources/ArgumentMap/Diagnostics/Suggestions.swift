/// "Did you mean ...?" suggestions: the closest candidate by edit distance, if it is close enough.
package enum Suggestions {
  /// The candidate nearest to `word`, when at most a third of its letters (and at least one)
  /// differ, and fewer than half of the longer word's: `b` is not offered `a`, since changing
  /// every letter of an id is not a typo.
  ///
  /// - Complexity: O(*c* × *m* × *n*) for *c* candidates of length *m* and a word of length *n*;
  ///   candidates whose length differs too much are skipped without comparing.
  package static func nearest<S: Sequence>(to word: String, in candidates: S) -> String?
  where S.Element == String {
    let target = Array(word.unicodeScalars)
    let limit = max(1, target.count / 3)
    var best: (distance: Int, candidate: String)?
    for candidate in candidates {
      if abs(candidate.unicodeScalars.count - target.count) > limit { continue }
      let scalars = Array(candidate.unicodeScalars)
      let distance = editDistance(target, scalars, limit: limit)
      guard distance <= limit, distance > 0, distance * 2 < max(target.count, scalars.count)
      else { continue }
      if distance < (best?.distance ?? Int.max) {
        best = (distance, candidate)
      }
    }
    return best?.candidate
  }

  /// Edit distance counting a swap of two neighbouring letters as one edit (optimal string
  /// alignment), stopping early once every path exceeds `limit`: `hrash` is one typo away from
  /// `harsh`, not two.
  static func editDistance(
    _ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int
  ) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
        rowMinimum = min(rowMinimum, current[j])
      }
      // No later row goes below this one's smallest value, swaps included.
      if rowMinimum > limit { return rowMinimum }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
