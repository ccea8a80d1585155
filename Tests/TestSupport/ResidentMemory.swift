#if canImport(Glibc)
  import Glibc
#endif

/// The resident set size of this process in bytes, from `/proc/self/statm` (Linux: the second
/// field, in pages); `nil` where there is no such file.
public func residentBytes() -> Int? {
  let descriptor = open("/proc/self/statm", O_RDONLY)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  var buffer = [UInt8](repeating: 0, count: 256)
  let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
  guard count > 0 else { return nil }
  let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
  guard fields.count >= 2, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else {
    return nil
  }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
