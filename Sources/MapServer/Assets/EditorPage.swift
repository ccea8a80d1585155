/// The page, its style and its script, served by the binary itself so the editor works
/// offline and nothing is fetched from another site.
enum EditorAssets {
  /// The editor page. Every dynamic text is set by the script with `textContent`.
  static let page = #"""
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>ArgMap editor</title>
    <link rel="stylesheet" href="/assets/editor.css">
    <script src="/assets/editor.js" defer></script>
    </head>
    <body>
    <header class="toolbar">
      <span class="brand">ArgMap</span>
      <label>File <select id="file" aria-label="File"></select></label>
      <label id="view-label">View
        <select id="view" aria-label="View">
          <option value="map">Map</option>
          <option value="overview">Overview</option>
          <option value="timeline">Timeline</option>
          <option value="worksheet">Worksheet</option>
          <option value="comparison">Comparison</option>
        </select>
      </label>
      <label id="scope-label">Reading <select id="scope" aria-label="Interpretation scope"></select></label>
      <label id="compare-label" hidden>Compare
        <select id="first" aria-label="First interpretation"></select>
        <select id="second" aria-label="Second interpretation"></select>
      </label>
      <span class="spacer"></span>
      <span id="save-state" class="save-state" role="status"></span>
      <button id="save" type="button" title="Save (Ctrl+S)">Save</button>
      <label id="download-label">Download
        <select id="download" aria-label="Download">
          <option value="">choose…</option>
          <option value="svg">SVG</option>
          <option value="png">PNG</option>
          <option value="pdf">PDF</option>
          <option value="pdf a4-landscape">PDF, A4 pages</option>
          <option value="pdf slide">PDF, slides</option>
        </select>
      </label>
      <button id="present" type="button" title="Present the map step by step">Present</button>
    </header>
    <div id="banner" class="banner" role="alert" hidden>
      <span id="banner-text"></span>
      <button id="banner-reload" type="button">Reload from disk</button>
      <button id="banner-keep" type="button">Keep my text</button>
    </div>
    <main class="panes">
      <section class="editor-pane" aria-label="Text">
        <div class="editor">
          <div id="gutter" class="gutter" aria-hidden="true"></div>
          <div class="text">
            <div id="backdrop" class="backdrop" aria-hidden="true"></div>
            <textarea id="source" spellcheck="false" wrap="off" autocomplete="off"
              aria-label="The file's text"></textarea>
          </div>
        </div>
        <p id="status" class="status" role="status"></p>
        <ol id="diagnostics" class="diagnostics" aria-label="Problems"></ol>
      </section>
      <section class="diagram-pane" aria-label="Diagram">
        <div class="zoom">
          <button id="zoom-out" type="button" aria-label="Zoom out">−</button>
          <button id="zoom-fit" type="button">Fit</button>
          <button id="zoom-in" type="button" aria-label="Zoom in">+</button>
        </div>
        <div id="picture" class="picture"></div>
      </section>
    </main>
    <div id="presenter" class="presenter" hidden>
      <div id="stage" class="stage"><div id="canvas" class="canvas"></div></div>
      <div class="caption">
        <span id="step-title" class="step-title"></span>
        <span id="step-count" class="step-count"></span>
        <span class="keys">→ next · ← back · click a statement to focus · O whole slide · Esc leave</span>
      </div>
    </div>
    <dialog id="conflict">
      <p id="conflict-text"></p>
      <div class="buttons">
        <button id="conflict-reload" type="button">Reload from disk (drop my edits)</button>
        <button id="conflict-keep" type="button">Keep mine (overwrite the file)</button>
        <button id="conflict-cancel" type="button">Cancel</button>
      </div>
    </dialog>
    </body>
    </html>

    """#
}
