import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One HTTP/1.1 exchange over a plain socket, so a test can send exactly the headers a browser
/// on another site, or an attacker, would (URLSession sets `Host` itself).
public enum RawHTTP {
  /// What came back: the status code, the headers (names lower-cased) and the body.
  public struct Response: Sendable {
    /// The status code.
    public var status: Int
    /// The headers, names lower-cased.
    public var headers: [String: String]
    /// The body as text.
    public var body: String
  }

  /// Sends `head` (request line and headers, without the blank line) and `body` to
  /// 127.0.0.1:`port` and reads the response until the server closes or `timeout` passes.
  ///
  /// A body the server refuses early may not be written whole; write errors are ignored and
  /// the response read anyway.
  public static func exchange(
    port: Int, head: String, body: [UInt8] = [], timeout: TimeInterval = 30
  ) throws -> Response {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw RawHTTPError("socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw RawHTTPError("cannot connect to port \(port)") }
    var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
    setsockopt(
      descriptor, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
    // A server that answers early and stops reading must not block the writer for ever.
    var sendSeconds = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(
      descriptor, SOL_SOCKET, SO_SNDTIMEO, &sendSeconds, socklen_t(MemoryLayout<timeval>.size))
    let request = Array((head + "\r\nConnection: close\r\n\r\n").utf8) + body
    var sent = 0
    while sent < request.count {
      let count = request[sent...].withUnsafeBytes {
        send(descriptor, $0.baseAddress, min($0.count, 1 << 16), Int32(MSG_NOSIGNAL))
      }
      if count <= 0 { break }
      sent += count
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count <= 0 { break }
      received += buffer[..<count]
    }
    let text = String(decoding: received, as: UTF8.self)
    guard let headEnd = text.range(of: "\r\n\r\n") else {
      throw RawHTTPError("no response (\(received.count) bytes): \(text.prefix(200))")
    }
    let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
    let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    return Response(status: status, headers: headers, body: String(text[headEnd.upperBound...]))
  }
}

/// A raw exchange that could not happen.
public struct RawHTTPError: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String
  /// An error saying `description`.
  public init(_ description: String) { self.description = description }
}
