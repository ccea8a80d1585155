import TestSupport
import Testing

@testable import ArgumentMap

/// The parser finds line ends eight bytes at a time; a `\n` at any offset of a word, or none,
/// must give the same answer as looking at every byte.
@Suite("Finding line ends")
struct LineEndSearchTests {
  @Test("The next newline is the first one at or after the start, wherever it sits in a word")
  func agreesWithByteSearch() {
    var generator = SeededGenerator(seed: 20_261_128)
    // Newlines, other bytes (including 0x0B and 0x8A, one bit away from `\n`) and NUL.
    let alphabet: [UInt8] = [0x0A, 0x0A, 0x0B, 0x8A, 0x00, 0x41, 0xC3, 0xA9, 0x0D, 0x20]
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...40, using: &generator)
      let bytes = (0..<count).map { _ in
        Int.random(in: 0..<4, using: &generator) == 0
          ? alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] : 0x61
      }
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...count + 1 {
          let expected =
            start >= count ? count : (bytes[start...].firstIndex(of: 0x0A) ?? count)
          #expect(Parser.nextNewline(in: buffer, from: start) == expected, "\(bytes) \(start)")
        }
      }
    }
  }
}
