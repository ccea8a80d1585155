import CRSVG

/// The calls into cairo and librsvg that put diagrams on pages: a surface that writes into
/// memory, an SVG drawn into a rectangle, and each failure turned into a `RenderError` with the
/// library's own message. Callers hold `Graphviz.shared.withLock`: librsvg draws text through the
/// pango and fontconfig that Graphviz's plugins share.
enum CairoCanvas {
  /// Collects what a cairo surface writes; handed to cairo as the closure of its write function.
  final class ByteSink {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// cairo's write function: appends `length` bytes at `data` to the sink at `closure`.
    static let write: cairo_write_func_t = { closure, data, length in
      guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
      let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
      if let data, length > 0 {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
      }
      return CAIRO_STATUS_SUCCESS
    }
  }

  /// Draws `svg` into the rectangle `placement` gives, in the context's current user space
  /// (points of the page).
  ///
  /// - Throws: `RenderError.page` with librsvg's message when it cannot read or draw the SVG.
  static func draw(_ svg: [UInt8], at placement: PagePlacement, on context: OpaquePointer)
    throws(RenderError)
  {
    var error: UnsafeMutablePointer<GError>?
    let handle = svg.withUnsafeBufferPointer {
      rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error)
    }
    guard let handle else { throw .page("librsvg: " + message(of: error, or: "cannot read SVG")) }
    defer { g_object_unref(handle) }
    var viewport = RsvgRectangle(
      x: placement.x, y: placement.y, width: placement.width, height: placement.height)
    guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
      throw .page("librsvg: " + message(of: error, or: "cannot draw SVG"))
    }
    try check(cairo_status(context))
  }

  /// Throws cairo's message unless `status` is success.
  ///
  /// - Throws: `RenderError.page` with cairo's description of the status.
  static func check(_ status: cairo_status_t) throws(RenderError) {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw .page("cairo: " + String(cString: cairo_status_to_string(status)))
  }

  /// The message of a GLib error, freed here; `fallback` when there is none.
  private static func message(of error: UnsafeMutablePointer<GError>?, or fallback: String)
    -> String
  {
    guard let error else { return fallback }
    defer { g_error_free(error) }
    guard let text = error.pointee.message else { return fallback }
    return String(cString: text)
  }
}
