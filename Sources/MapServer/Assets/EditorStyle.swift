extension EditorAssets {
  /// The page's style: readable at 1280 px and on a 1920 × 1080 projector, no web fonts.
  static let style = #"""
    :root { --line: 20px; --ink: #1d1d1f; --muted: #5f6368; --accent: #0b57d0;
      --error: #b3261e; --warning: #8a5a00; --paper: #ffffff; --panel: #f4f5f7; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    html, body { margin: 0; height: 100%; }
    body { font: 15px/1.4 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
      background: var(--paper); display: flex; flex-direction: column; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center;
      padding: 8px 12px; background: var(--panel); border-bottom: 1px solid #d0d4da; }
    .toolbar label { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); }
    .toolbar select, .toolbar button, .banner button, dialog button, .zoom button {
      font: inherit; color: var(--ink); padding: 4px 10px; border: 1px solid #aab0b8;
      border-radius: 6px; background: #fff; cursor: pointer; }
    .toolbar select { max-width: 11rem; }
    .toolbar #file { max-width: 24rem; }
    .toolbar button:focus-visible, select:focus-visible, textarea:focus-visible {
      outline: 3px solid var(--accent); outline-offset: 1px; }
    .brand { font-weight: 700; font-size: 17px; }
    .spacer { flex: 1; }
    .save-state { color: var(--muted); }
    .save-state.failed { color: var(--error); font-weight: 700; }
    #save.dirty { border-color: var(--accent); color: var(--accent); font-weight: 700; }
    .banner { display: flex; gap: 10px; align-items: center; padding: 8px 12px;
      background: #fff4ce; border-bottom: 1px solid #e0c060; }
    .banner[hidden] { display: none; }
    .panes { flex: 1; display: grid; grid-template-columns: minmax(320px, 42%) 1fr; min-height: 0; }
    .editor-pane { display: flex; flex-direction: column; min-height: 0;
      border-right: 1px solid #d0d4da; }
    .editor { flex: 1; display: flex; min-height: 0; overflow: hidden;
      font: 14px/var(--line) "DejaVu Sans Mono", "Liberation Mono", monospace; }
    .gutter { flex: none; min-width: 3.2em; padding: 6px 6px 6px 0; text-align: right;
      color: #8a9099; background: var(--panel); overflow: hidden; user-select: none; }
    .gutter div, .backdrop div { height: var(--line); white-space: pre; }
    .gutter .error { color: #fff; background: var(--error); border-radius: 0 9px 9px 0; }
    .gutter .warning { color: #fff; background: var(--warning); border-radius: 0 9px 9px 0; }
    .gutter .current { font-weight: 700; color: var(--ink); }
    .text { position: relative; flex: 1; min-width: 0; }
    .backdrop, textarea { position: absolute; inset: 0; margin: 0; padding: 6px 8px; border: 0;
      font: inherit; white-space: pre; overflow: auto; tab-size: 2; }
    .backdrop { color: transparent; overflow: hidden; pointer-events: none; }
    .backdrop .error { background: #fbe3e1; text-decoration: underline wavy var(--error); }
    .backdrop .warning { background: #fff2cc; text-decoration: underline wavy var(--warning); }
    .backdrop .current { background: #e8f0fe; }
    textarea { background: transparent; color: var(--ink); resize: none; outline: none; }
    .status { margin: 0; padding: 6px 10px; color: var(--muted); border-top: 1px solid #d0d4da;
      min-height: 2em; }
    .status.stale { color: var(--error); }
    .diagnostics { margin: 0; padding: 0 0 6px; list-style: none; max-height: 28%; overflow: auto; }
    .diagnostics button { display: block; width: 100%; text-align: left; border: 0;
      padding: 4px 10px; background: none; font: inherit; color: var(--ink); cursor: pointer; }
    .diagnostics button:hover, .diagnostics button:focus-visible { background: #e8f0fe; }
    .diagnostics li > span { display: block; padding: 4px 10px; color: var(--ink); }
    .diagnostics .where { font-family: "DejaVu Sans Mono", monospace; color: var(--muted); }
    .diagnostics .error .severity { color: var(--error); font-weight: 700; }
    .diagnostics .warning .severity { color: var(--warning); font-weight: 700; }
    .diagram-pane { position: relative; min-width: 0; min-height: 0; display: flex; }
    .zoom { position: absolute; right: 14px; top: 10px; z-index: 2; display: flex; gap: 4px; }
    .picture { flex: 1; overflow: auto; padding: 12px; position: relative; }
    /* Lesson notes: the page as argmap notes makes it, in a frame that runs no script. */
    .picture.notes { padding: 0; overflow: hidden; }
    .picture iframe.notes { display: block; width: 100%; height: 100%; border: 0; background: #fff; }
    .picture iframe.notes.loading { position: absolute; inset: 0; visibility: hidden; }
    .picture.notes.stale iframe.notes { opacity: 0.45; }
    body.editing-notes #view-label, body.editing-notes #scope-label,
    body.editing-notes #compare-label, body.editing-notes #download-label,
    body.editing-notes #present, body.editing-notes .zoom { display: none !important; }
    .picture.stale svg { opacity: 0.45; filter: grayscale(1); }
    .picture svg { display: block; }
    .picture .node.statement { cursor: pointer; }
    svg .am-current > path, svg .am-current > polygon, svg .am-current > ellipse {
      stroke: var(--accent); stroke-width: 4px; }
    .presenter { position: fixed; inset: 0; z-index: 10; background: #fff; display: flex;
      flex-direction: column; }
    .presenter[hidden] { display: none; }
    .stage { flex: 1; position: relative; overflow: hidden; cursor: grab; }
    .stage.dragging { cursor: grabbing; }
    .canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0;
      transition: transform 0.35s ease; }
    .canvas.instant { transition: none; }
    .caption { display: flex; gap: 24px; align-items: baseline; padding: 8px 24px;
      background: #1d1d1f; color: #fff; font-size: 24px; }
    .step-title { font-weight: 700; flex: 1; }
    .step-count { color: #c8ccd2; }
    .keys { color: #c8ccd2; font-size: 16px; }
    svg .am-hidden { visibility: hidden; }
    svg .am-dim { opacity: 0.12; }
    svg .am-new > path, svg .am-new > polygon { stroke-width: 3px; }
    svg .node.am-focus > path, svg .node.am-focus > polygon { stroke: var(--accent);
      stroke-width: 4px; }
    dialog { max-width: 36rem; border: 1px solid #aab0b8; border-radius: 10px; }
    dialog .buttons { display: flex; gap: 8px; flex-wrap: wrap; }
    /* A phone or a narrow window: the picture under the text, each the whole width, not a
       sliver of picture beside the text. */
    @media (max-width: 720px) {
      .panes { grid-template-columns: minmax(0, 1fr);
        grid-template-rows: minmax(0, 1fr) minmax(0, 1fr); }
      .editor-pane { border-right: 0; border-bottom: 1px solid #d0d4da; }
      /* The controls two or three to a row, not one each: a fifth of the screen was toolbar. */
      .toolbar { gap: 4px 8px; padding: 6px 8px; font-size: 14px; }
      .toolbar label { gap: 4px; }
      .toolbar select, .toolbar button { padding: 3px 6px; }
      .toolbar select { max-width: 9.5rem; }
      .toolbar #file { max-width: 9.5rem; }
      .brand, .spacer { display: none; }
    }
    @media (prefers-color-scheme: dark) {
      :root { --ink: #e8eaed; --muted: #a8adb4; --paper: #1f2023; --panel: #2a2c30; }
      .toolbar select, .toolbar button, .banner button, dialog button, .zoom button {
        background: #2a2c30; }
      .picture svg, .stage { background: #fff; }
      .banner { background: #4d4000; }
      .backdrop .error { background: #5c1f1b; }
      .backdrop .warning { background: #4d4000; }
      .backdrop .current { background: #263859; }
      dialog { background: var(--paper); color: var(--ink); }
    }

    """#
}
