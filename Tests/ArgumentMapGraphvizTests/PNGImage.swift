import CRSVG

/// A PNG file decoded by cairo, for checks of where the ink lies on a page.
struct PNGImage {
  /// The size written in the file's IHDR chunk, read from the bytes alone.
  static func headerSize(_ png: [UInt8]) -> (width: Int, height: Int)? {
    guard png.count >= 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
      png[12..<16].elementsEqual("IHDR".utf8)
    else { return nil }
    func number(_ start: Int) -> Int {
      png[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    return (number(16), number(20))
  }

  let width: Int
  let height: Int
  /// Each pixel as 0xRRGGBB, row by row.
  let pixels: [UInt32]

  init(_ png: [UInt8]) throws {
    final class Source {
      var bytes: [UInt8]
      var offset = 0
      init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
    let source = Source(png)
    let read: cairo_read_func_t = { closure, data, length in
      guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
      let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
      let count = Int(length)
      guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
      for index in 0..<count { data[index] = source.bytes[source.offset + index] }
      source.offset += count
      return CAIRO_STATUS_SUCCESS
    }
    let surface = withExtendedLifetime(source) {
      cairo_image_surface_create_from_png_stream(
        read, Unmanaged.passUnretained(source).toOpaque())
    }
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
      let data = cairo_image_surface_get_data(surface)
    else { throw PNGError() }
    width = Int(cairo_image_surface_get_width(surface))
    height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    var pixels: [UInt32] = []
    pixels.reserveCapacity(width * height)
    let words = UnsafeRawPointer(data)
    for row in 0..<height {
      for column in 0..<width {
        pixels.append(words.load(fromByteOffset: row * stride + column * 4, as: UInt32.self))
      }
    }
    self.pixels = pixels.map { $0 & 0xFF_FFFF }
  }

  struct PNGError: Error {}

  /// The smallest rectangle holding every pixel that is not white, as (left, top, right,
  /// bottom) with right and bottom exclusive; `nil` on a blank page.
  var inkBounds: (left: Int, top: Int, right: Int, bottom: Int)? {
    var left = width
    var top = height
    var right = 0
    var bottom = 0
    for row in 0..<height {
      let base = row * width
      for column in 0..<width where pixels[base + column] != 0xFF_FFFF {
        left = min(left, column)
        right = max(right, column + 1)
        top = min(top, row)
        bottom = max(bottom, row + 1)
      }
    }
    return left < right ? (left, top, right, bottom) : nil
  }
}
