import ArgumentMap

/// Hands out readable, valid and unique node ids, deterministically in the order asked.
///
/// Other formats name their nodes by numbers (AIF, Kialo) or by free titles (Argdown), while an
/// `.argmap` id must start with a letter and hold only letters, digits, `-`, `_` and `.`. A name
/// that is already a valid id is kept as it is, so that exporting and importing again gives the
/// same ids; anything else becomes a lower-case slug of its first words. Clashes get `-2`, `-3`.
struct IDAllocator: Sendable {
  private var used: Set<String> = []
  private var nextSuffix: [String: Int] = [:]

  /// Reserves an id exactly as given, if it is still free; returns whether it was.
  mutating func reserve(_ id: String) -> Bool {
    used.insert(id).inserted
  }

  /// A fresh id for a name (a title, a source id): kept when valid, slugged otherwise.
  mutating func id(forName name: String, maxWords: Int = 8) -> NodeID {
    if NodeID.isValid(name), !name.isEmpty {
      return unique(name)
    }
    return unique(Self.slug(name, maxWords: maxWords))
  }

  /// A fresh id made from the first words of a text.
  mutating func id(forText text: String, maxWords: Int = 4) -> NodeID {
    unique(Self.slug(text, maxWords: maxWords))
  }

  private mutating func unique(_ base: String) -> NodeID {
    if used.insert(base).inserted { return NodeID(base) }
    // Start after the last suffix given for this base, so many equal texts stay linear.
    var counter = nextSuffix[base] ?? 2
    while !used.insert("\(base)-\(counter)").inserted {
      counter += 1
    }
    nextSuffix[base] = counter + 1
    return NodeID("\(base)-\(counter)")
  }

  /// The lower-case words of `text` (letters and digits), joined by `-`, at most `maxWords` of
  /// them and about 40 characters; prefixed with `n-` when it would not start with a letter.
  static func slug(_ text: String, maxWords: Int) -> String {
    var words: [String] = []
    var word = ""
    for scalar in text.unicodeScalars {
      if scalar.isLetterOrDigit {
        word.unicodeScalars.append(scalar)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
      if words.count >= maxWords { break }
    }
    if !word.isEmpty, words.count < maxWords { words.append(word) }
    var slug = ""
    for next in words {
      let candidate = slug.isEmpty ? next.lowercased() : slug + "-" + next.lowercased()
      if !slug.isEmpty, candidate.unicodeScalars.count > 40 { break }
      slug = candidate
    }
    if slug.isEmpty { return "node" }
    if let first = slug.unicodeScalars.first, !first.properties.isAlphabetic {
      slug = "n-" + slug
    }
    guard NodeID.isValid(slug) else { return "node" }
    return slug
  }
}
