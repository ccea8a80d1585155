/// Makes cairo's PDF output reproducible by fixing its creation date.
///
/// cairo 1.16 (Debian 12) writes the time of rendering as `/CreationDate (D:YYYYMMDDHHmmSSZ)` and
/// ignores `SOURCE_DATE_EPOCH`, so two renders of one map differ. The date is rewritten in place
/// to 1970-01-01 00:00:00 with the same number of bytes, so the cross-reference offsets stay valid.
enum PDFDate {
  private static let key = Array("/CreationDate (D:".utf8)
  private static let epoch = Array("19700101000000".utf8)

  /// `pdf` with the digits of its creation date replaced by the epoch's (`0` past them).
  static func normalized(_ pdf: [UInt8]) -> [UInt8] {
    guard let start = Bytes.firstIndex(of: key, in: pdf[...]) else { return pdf }
    var result = pdf
    var digit = 0
    var index = start + key.count
    while index < result.count, result[index] != UInt8(ascii: ")") {
      if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(result[index]) {
        result[index] = digit < epoch.count ? epoch[digit] : UInt8(ascii: "0")
        digit += 1
      }
      index += 1
    }
    return result
  }
}
