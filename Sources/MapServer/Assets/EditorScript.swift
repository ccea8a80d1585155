extension EditorAssets {
  /// The page's script. Map text reaches the page only through `textContent` and as the SVG
  /// the server drew (its texts escaped), parsed as XML and stripped of anything active.
  static let script = #"""
    "use strict";
    (() => {
      const $ = (id) => document.getElementById(id);
      const source = $("source"), gutter = $("gutter"), backdrop = $("backdrop");
      const picture = $("picture"), statusLine = $("status"), list = $("diagnostics");
      const fileMenu = $("file"), viewMenu = $("view"), scopeMenu = $("scope");
      const firstMenu = $("first"), secondMenu = $("second");
      const state = {
        path: null, version: null, savedText: "", sequence: 0, shown: -1, socket: null,
        preview: null, timer: null, zoom: 1, fit: true, cursorLine: 1, retry: 500,
        present: null,
      };
      const SVG = "http://www.w3.org/2000/svg";

      function setStatus(text, stale) {
        statusLine.textContent = text;
        statusLine.classList.toggle("stale", !!stale);
      }
      function dirty() { return state.path !== null && source.value !== state.savedText; }
      function editingNotes() { return state.path !== null && state.path.endsWith(".md"); }
      function markDirty() {
        $("save").classList.toggle("dirty", dirty());
        if (dirty()) setSaveState("Unsaved edits");
        else if (!$("save-state").textContent.startsWith("Saved")) setSaveState("No unsaved edits");
      }
      function setSaveState(text, failed) {
        $("save-state").textContent = text;
        $("save-state").classList.toggle("failed", !!failed);
      }

      // ---- Files -----------------------------------------------------------------------
      async function loadFiles(keep) {
        const response = await fetch("/api/files");
        const listing = await response.json();
        const current = keep || fileMenu.value;
        fileMenu.replaceChildren();
        for (const path of listing.files) {
          const option = document.createElement("option");
          option.value = path; option.textContent = path;
          fileMenu.append(option);
        }
        document.title = "ArgMap editor · " + listing.folder;
        if (listing.files.includes(current)) fileMenu.value = current;
        return listing.files;
      }

      async function openFile(path) {
        if (dirty() && !confirm("Your edits to " + state.path + " are not saved. Open another file?")) {
          fileMenu.value = state.path; return;
        }
        const response = await fetch("/api/file?path=" + encodeURIComponent(path));
        const body = await response.json();
        if (!response.ok) { setStatus(body.error || "Cannot open " + path, true); return; }
        state.path = body.path; state.version = body.version; state.savedText = body.text;
        source.value = body.text;
        fileMenu.value = body.path;
        document.body.classList.toggle("editing-notes", editingNotes());
        picture.classList.toggle("notes", editingNotes());
        if (!editingNotes()) for (const frame of picture.querySelectorAll("iframe.notes")) frame.remove();
        setSaveState("No unsaved edits");
        history.replaceState(null, "", "#" + encodeURIComponent(body.path));
        state.fileSequence = state.sequence + 1;
        hideBanner(); refreshLines(); markDirty(); requestPreview(0);
      }

      // ---- Editor: line numbers, marks, cursor ------------------------------------------
      let marks = new Map();
      function refreshLines() {
        const lines = source.value.split("\n");
        const numbers = document.createDocumentFragment();
        const shadow = document.createDocumentFragment();
        lines.forEach((text, index) => {
          const line = index + 1;
          const mark = marks.get(line);
          const number = document.createElement("div");
          number.textContent = String(line);
          const copy = document.createElement("div");
          copy.textContent = text.length ? text : " ";
          if (mark) { number.className = mark; copy.className = mark; }
          if (line === state.cursorLine) { number.classList.add("current"); if (!mark) copy.className = "current"; }
          numbers.append(number); shadow.append(copy);
        });
        gutter.replaceChildren(numbers); backdrop.replaceChildren(shadow);
        syncScroll();
      }
      function syncScroll() {
        gutter.scrollTop = source.scrollTop;
        backdrop.scrollTop = source.scrollTop; backdrop.scrollLeft = source.scrollLeft;
      }
      function lineAt(offset) { return source.value.slice(0, offset).split("\n").length; }
      function goToLine(line, column) {
        const lines = source.value.split("\n");
        let offset = 0;
        for (let index = 0; index < line - 1 && index < lines.length; index++) offset += lines[index].length + 1;
        offset += Math.max(0, (column || 1) - 1);
        source.focus();
        source.setSelectionRange(offset, offset);
        const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
        const top = (line - 1) * lineHeight;
        if (top < source.scrollTop || top > source.scrollTop + source.clientHeight - 2 * lineHeight) {
          source.scrollTop = Math.max(0, top - source.clientHeight / 3);
        }
        cursorMoved();
      }
      function cursorMoved() {
        const line = lineAt(source.selectionStart);
        if (line === state.cursorLine) return;
        state.cursorLine = line;
        refreshLines();
        highlightStatementAt(line);
      }
      function statementAt(line) {
        if (!state.preview) return null;
        let best = null;
        for (const statement of state.preview.statements) {
          if (statement.line <= line && (!best || statement.line > best.line)) best = statement;
        }
        return best;
      }
      // Scrolls the picture so `element` is in the middle (across only, unless `vertically`).
      // Not scrollIntoView: Firefox places SVG elements of a resized picture wrongly with it.
      function centreInPicture(element, vertically) {
        const box = element.getBoundingClientRect(), pane = picture.getBoundingClientRect();
        picture.scrollLeft += box.left + box.width / 2 - (pane.left + pane.width / 2);
        if (vertically) picture.scrollTop += box.top + box.height / 2 - (pane.top + pane.height / 2);
      }
      function highlightStatementAt(line) {
        for (const old of picture.querySelectorAll(".am-current")) old.classList.remove("am-current");
        const statement = statementAt(line);
        if (!statement) return;
        const element = picture.querySelector("#" + CSS.escape(statement.element));
        if (!element) return;
        element.classList.add("am-current");
        const box = element.getBoundingClientRect(), pane = picture.getBoundingClientRect();
        if (box.bottom < pane.top || box.top > pane.bottom || box.right < pane.left || box.left > pane.right) {
          centreInPicture(element, true);
        }
      }

      // ---- Live preview over the socket --------------------------------------------------
      function connect() {
        const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/live");
        state.socket = socket;
        socket.addEventListener("open", () => { state.retry = 500; requestPreview(0); });
        socket.addEventListener("message", (event) => {
          let message;
          try { message = JSON.parse(event.data); } catch { return; }
          if (message.type === "preview") showPreview(message);
          else if (message.type === "disk") diskChanged(message);
        });
        socket.addEventListener("close", () => {
          setStatus("The connection to the server was lost; reconnecting…", true);
          setTimeout(connect, state.retry);
          state.retry = Math.min(state.retry * 2, 5000);
        });
      }
      function pictureRequest(extra) {
        const request = { sequence: ++state.sequence, text: source.value, view: viewMenu.value };
        if (state.path !== null) request.path = state.path;
        if (scopeMenu.value && viewMenu.value !== "comparison") request.scope = scopeMenu.value;
        if (viewMenu.value === "comparison" && firstMenu.value && secondMenu.value) {
          request.compared = [firstMenu.value, secondMenu.value];
        }
        return Object.assign(request, extra || {});
      }
      function requestPreview(delay) {
        clearTimeout(state.timer);
        state.timer = setTimeout(() => {
          if (!state.socket || state.socket.readyState !== WebSocket.OPEN || state.path === null) return;
          state.socket.send(JSON.stringify(pictureRequest()));
        }, delay);
      }

      function cleanSVG(text) {
        const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
        const svg = parsed.documentElement;
        if (svg.namespaceURI !== SVG || svg.localName !== "svg") return null;
        for (const bad of svg.querySelectorAll("script, foreignObject, iframe, object, embed")) bad.remove();
        for (const element of svg.querySelectorAll("*")) {
          for (const attribute of [...element.attributes]) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.trim();
            if (name.startsWith("on") || ((name === "href" || name === "xlink:href") && !value.startsWith("#"))) {
              element.removeAttribute(attribute.name);
            }
          }
        }
        return document.importNode(svg, true);
      }

      function showPreview(preview) {
        if (preview.sequence < state.shown) return;
        state.shown = preview.sequence;
        // Tells the page (and its tests) which file the picture is of.
        if (preview.sequence >= state.fileSequence) picture.dataset.file = state.path;
        showDiagnostics(preview.diagnostics);
        fillInterpretations(preview.interpretations);
        if (preview.page && editingNotes()) { showNotes(preview); return; }
        if (!preview.svg) {
          picture.classList.add("stale");
          setStatus((preview.problem || "The map cannot be drawn.") + " The picture shows the last version without errors.", true);
          return;
        }
        const svg = cleanSVG(preview.svg);
        if (!svg) return;
        state.preview = preview;
        picture.classList.remove("stale");
        if (state.present) { state.editorPicture = svg; } else { picture.replaceChildren(svg); }
        for (const statement of preview.statements) {
          const element = svg.querySelector("#" + CSS.escape(statement.element));
          if (!element) continue;
          element.addEventListener("click", () => goToLine(statement.line, 1));
        }
        applyZoom();
        if (state.shownFile !== state.path) {
          // A newly opened map starts at its first statement (the main aim, top centre).
          state.shownFile = state.path;
          const first = [...preview.statements].sort((a, b) => a.line - b.line)[0];
          const element = first && svg.querySelector("#" + CSS.escape(first.element));
          picture.scrollTop = 0; picture.scrollLeft = 0;
          if (element) centreInPicture(element, false);
        }
        highlightStatementAt(state.cursorLine);
        const warnings = preview.diagnostics.filter((d) => d.severity === "warning").length;
        setStatus("Drawn in " + Math.round(preview.milliseconds) + " ms" +
          (warnings ? " · " + warnings + (warnings === 1 ? " warning" : " warnings") : ""));
      }

      // Lesson notes: a fresh frame is loaded out of sight and takes the old one's place (and
      // scroll position) once drawn, so the page does not flash while typing.
      function showNotes(preview) {
        state.preview = null;
        picture.classList.remove("stale");
        const old = picture.querySelector("iframe.notes:not(.loading)");
        for (const waiting of picture.querySelectorAll("iframe.notes.loading")) waiting.remove();
        const frame = document.createElement("iframe");
        frame.className = "notes loading";
        frame.setAttribute("sandbox", "allow-same-origin");
        frame.title = "The lesson notes as argmap notes makes them";
        frame.addEventListener("load", () => {
          try { if (old) frame.contentWindow.scrollTo(0, old.contentWindow.scrollY); } catch { }
          frame.classList.remove("loading");
          if (old) old.remove();
        }, { once: true });
        frame.src = preview.page;
        if (old) picture.append(frame); else picture.replaceChildren(frame);
        const errors = preview.diagnostics.filter((d) => d.severity === "error").length;
        const warnings = preview.diagnostics.length - errors;
        const counts = [errors ? errors + (errors === 1 ? " error" : " errors") : "",
          warnings ? warnings + (warnings === 1 ? " warning" : " warnings") : ""].filter(Boolean);
        setStatus("Drawn in " + Math.round(preview.milliseconds) + " ms" +
          (counts.length ? " · " + counts.join(", ") + " (a block with an error shows it in the page)" : ""),
          errors > 0);
      }

      function showDiagnostics(diagnostics) {
        marks = new Map();
        list.replaceChildren();
        for (const diagnostic of diagnostics) {
          const severity = diagnostic.severity === "error" ? "error" : "warning";
          // A problem in a map that lesson notes draw is listed with its file, not marked here.
          const here = !diagnostic.file;
          if (here && marks.get(diagnostic.line) !== "error") marks.set(diagnostic.line, severity);
          const item = document.createElement("li");
          item.className = severity;
          // A problem here is a button that moves the cursor to it; one in another file is text.
          const button = document.createElement(here ? "button" : "span");
          if (here) button.type = "button";
          const where = document.createElement("span");
          where.className = "where";
          where.textContent = (diagnostic.file || state.path || "map") + ":" + diagnostic.line + ":" + diagnostic.column + ": ";
          const label = document.createElement("span");
          label.className = "severity";
          label.textContent = severity + ": ";
          button.append(where, label, document.createTextNode(diagnostic.message));
          if (here) button.addEventListener("click", () => goToLine(diagnostic.line, diagnostic.column));
          item.append(button);
          list.append(item);
        }
        refreshLines();
      }

      function fillInterpretations(choices) {
        const signature = JSON.stringify(choices);
        if (signature === state.choices) return;
        state.choices = signature;
        const fill = (menu, first, fallback) => {
          const keep = menu.value;
          menu.replaceChildren();
          if (first) { const all = document.createElement("option"); all.value = ""; all.textContent = first; menu.append(all); }
          for (const choice of choices) {
            const option = document.createElement("option");
            option.value = choice.id; option.textContent = choice.title;
            menu.append(option);
          }
          if ([...menu.options].some((o) => o.value === keep)) menu.value = keep;
          else if (fallback !== undefined && choices[fallback]) menu.value = choices[fallback].id;
        };
        fill(scopeMenu, "every reading");
        fill(firstMenu, null, 0);
        fill(secondMenu, null, 1);
      }

      // ---- Zoom of the editor's picture --------------------------------------------------
      function applyZoom() {
        const svg = picture.querySelector("svg");
        if (!svg) return;
        const width = parseFloat(svg.getAttribute("width")) || 800;
        const height = parseFloat(svg.getAttribute("height")) || 600;
        // Graphviz gives the size in points; the page works in CSS pixels (4/3 of a point).
        if (!svg.dataset.width) { svg.dataset.width = width * 4 / 3; svg.dataset.height = height * 4 / 3; }
        const natural = parseFloat(svg.dataset.width), naturalHeight = parseFloat(svg.dataset.height);
        // A poster-sized map fitted to the pane would be unreadable: below half size it is
        // shown at a readable size instead, scrolled to the statement at the cursor.
        if (state.fit) {
          const fit = (picture.clientWidth - 24) / natural;
          state.zoom = fit >= 0.5 ? Math.min(1.25, fit) : 0.6;
        }
        svg.setAttribute("width", String(natural * state.zoom));
        svg.setAttribute("height", String(naturalHeight * state.zoom));
      }
      $("zoom-in").addEventListener("click", () => { state.fit = false; state.zoom *= 1.25; applyZoom(); });
      $("zoom-out").addEventListener("click", () => { state.fit = false; state.zoom /= 1.25; applyZoom(); });
      $("zoom-fit").addEventListener("click", () => {
        const svg = picture.querySelector("svg");
        if (!svg) return;
        state.fit = false;
        state.zoom = Math.min(1.25, (picture.clientWidth - 24) / parseFloat(svg.dataset.width));
        applyZoom();
      });
      window.addEventListener("resize", () => { if (state.fit) applyZoom(); });

      // ---- Saving and changes on disk ---------------------------------------------------
      async function save(overwrite) {
        if (state.path === null) return;
        const text = source.value;
        const response = await fetch("/api/file?path=" + encodeURIComponent(state.path), {
          method: "PUT", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text, base: state.version, overwrite: !!overwrite }),
        });
        const body = await response.json().catch(() => ({}));
        if (response.status === 409) { showConflict(body); return; }
        if (!response.ok) { setSaveState("Not saved: " + (body.error || response.statusText), true); return; }
        state.version = body.version; state.savedText = text;
        setSaveState("Saved at " + new Date().toLocaleTimeString());
        hideBanner(); markDirty();
      }
      function showConflict(body) {
        state.conflict = body;
        $("conflict-text").textContent = state.path + " changed on disk since you opened it " +
          "(another editor, another tab or a git pull). Saving now would overwrite that change.";
        $("conflict").showModal();
      }
      $("conflict-reload").addEventListener("click", () => {
        const body = state.conflict;
        $("conflict").close();
        replaceText(body.diskText, body.diskVersion);
      });
      $("conflict-keep").addEventListener("click", () => { $("conflict").close(); save(true); });
      $("conflict-cancel").addEventListener("click", () => $("conflict").close());

      function replaceText(text, version) {
        const offset = source.selectionStart, top = source.scrollTop;
        source.value = text; state.savedText = text; state.version = version;
        source.setSelectionRange(Math.min(offset, text.length), Math.min(offset, text.length));
        source.scrollTop = top;
        hideBanner(); refreshLines(); markDirty(); requestPreview(0);
      }
      async function diskChanged(change) {
        if (change.path !== state.path) {
          loadFiles(state.path);
          // Lesson notes draw other files: redraw them when one changes.
          if (editingNotes()) requestPreview(0);
          return;
        }
        if (change.version === state.version) return;
        if (change.version === null) { showBanner(state.path + " was deleted on disk."); return; }
        if (!dirty()) {
          const response = await fetch("/api/file?path=" + encodeURIComponent(state.path));
          if (!response.ok) return;
          const body = await response.json();
          replaceText(body.text, body.version);
          setSaveState("Reloaded: changed on disk");
          return;
        }
        state.diskVersion = change.version;
        showBanner(state.path + " changed on disk, and you have unsaved edits.");
      }
      function showBanner(text) { $("banner-text").textContent = text; $("banner").hidden = false; }
      function hideBanner() { $("banner").hidden = true; }
      $("banner-reload").addEventListener("click", async () => {
        const response = await fetch("/api/file?path=" + encodeURIComponent(state.path));
        if (!response.ok) return;
        const body = await response.json();
        replaceText(body.text, body.version);
      });
      $("banner-keep").addEventListener("click", () => {
        // The user has seen the change: the next save replaces it without asking again.
        state.version = state.diskVersion; hideBanner();
      });

      // ---- Downloads ---------------------------------------------------------------------
      $("download").addEventListener("change", async (event) => {
        const [format, page] = event.target.value.split(" ");
        event.target.value = "";
        if (!format) return;
        const query = "format=" + format + (page ? "&page=" + page : "");
        const response = await fetch("/api/download?" + query, {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify(pictureRequest()),
        });
        if (!response.ok) {
          const body = await response.json().catch(() => ({}));
          setStatus(body.error || "The download failed.", true); return;
        }
        const blob = await response.blob();
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = (state.path || "map").replace(/\.argmap$/, "").split("/").pop() +
          (viewMenu.value === "map" ? "" : "-" + viewMenu.value) + (page ? "-" + page : "") + "." + format;
        document.body.append(link); link.click(); link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      });

      // ---- Present mode: slides revealed step by step ------------------------------------
      const presenter = $("presenter"), stage = $("stage"), canvas = $("canvas");
      async function startPresenting() {
        setStatus("Preparing the slides…");
        const response = await fetch("/api/present", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify(pictureRequest({ view: "map" })),
        });
        const presentation = await response.json().catch(() => ({}));
        if (!presentation.frames || !presentation.frames.length) {
          setStatus(presentation.problem || presentation.error || "The map cannot be presented.", true); return;
        }
        setStatus("Presenting " + state.path + ".");
        // The editor's picture has the same ids; it leaves the page while presenting.
        state.editorPicture = picture.firstChild;
        picture.replaceChildren();
        state.present = { presentation, frame: 0, page: -1, x: 0, y: 0, scale: 1, focus: null };
        presenter.hidden = false;
        if (presenter.requestFullscreen) presenter.requestFullscreen().catch(() => {});
        showFrame(0);
      }
      function showPage(index) {
        const present = state.present;
        const page = present.presentation.pages[index];
        if (!page.node) {
          page.node = cleanSVG(page.svg);
          page.byStatement = new Map();
          for (const element of page.elements) element.node = page.node.querySelector("#" + CSS.escape(element.element));
          for (const statement of page.statements) {
            const node = page.node.querySelector("#" + CSS.escape(statement.element));
            if (!node) continue;
            page.byStatement.set(statement.id, node);
            node.addEventListener("click", (event) => { event.stopPropagation(); focusOn(statement.id); });
          }
          page.width = parseFloat(page.node.getAttribute("width")) * 4 / 3;
          page.height = parseFloat(page.node.getAttribute("height")) * 4 / 3;
          page.node.setAttribute("width", String(page.width));
          page.node.setAttribute("height", String(page.height));
        }
        if (present.page !== index) { canvas.replaceChildren(page.node); present.page = index; }
        return page;
      }
      function showFrame(number) {
        const present = state.present, frames = present.presentation.frames;
        present.frame = Math.max(0, Math.min(number, frames.length - 1));
        const frame = frames[present.frame];
        const page = showPage(frame.page);
        const shown = new Set();
        frames.slice(0, present.frame + 1).forEach((f) => f.revealed.forEach((id) => shown.add(id)));
        const fresh = new Set(frame.revealed);
        for (const element of page.elements) {
          if (!element.node) continue;
          const isVisible = element.needs.length === 0 ||
            (element.any ? element.needs.some((id) => shown.has(id)) : element.needs.every((id) => shown.has(id)));
          element.node.classList.toggle("am-hidden", !isVisible);
          element.node.classList.toggle("am-new", isVisible && !element.any && element.needs.length === 1 && fresh.has(element.needs[0]));
        }
        clearFocus();
        $("step-title").textContent = frame.title;
        $("step-count").textContent = "Slide " + (frame.page + 1) + " of " + present.presentation.pages.length +
          " · step " + (present.frame + 1) + " of " + frames.length;
        presenter.dataset.step = String(present.frame + 1);
        presenter.dataset.steps = String(frames.length);
        fitPage();
      }
      function fitPage() {
        const present = state.present, page = present.presentation.pages[present.page];
        const area = stage.getBoundingClientRect();
        present.scale = Math.min(area.width / page.width, area.height / page.height);
        present.x = (area.width - present.scale * page.width) / 2;
        present.y = (area.height - present.scale * page.height) / 2;
        placeCanvas(true);
      }
      function zoomTo(elements) {
        const present = state.present;
        if (!elements.length) { fitPage(); return; }
        const area = stage.getBoundingClientRect();
        const rects = elements.map((element) => element.getBoundingClientRect());
        const toPage = (x, y) => [(x - area.left - present.x) / present.scale, (y - area.top - present.y) / present.scale];
        const [left, top] = toPage(Math.min(...rects.map((r) => r.left)), Math.min(...rects.map((r) => r.top)));
        const [right, bottom] = toPage(Math.max(...rects.map((r) => r.right)), Math.max(...rects.map((r) => r.bottom)));
        const margin = 80;
        present.scale = Math.min(2.5, (area.width - 2 * margin) / Math.max(1, right - left),
          (area.height - 2 * margin) / Math.max(1, bottom - top));
        present.x = area.width / 2 - present.scale * (left + right) / 2;
        present.y = area.height / 2 - present.scale * (top + bottom) / 2;
        placeCanvas(false);
      }
      function placeCanvas(instant) {
        const present = state.present;
        canvas.classList.toggle("instant", !!instant);
        canvas.style.transform = "translate(" + present.x + "px," + present.y + "px) scale(" + present.scale + ")";
      }
      function currentPage() { return state.present.presentation.pages[state.present.page]; }
      function focusOn(id) {
        const present = state.present, page = currentPage();
        if (present.focus === id) { clearFocus(); fitPage(); return; }
        clearFocus();
        present.focus = id;
        const near = new Set([id]);
        for (const element of page.elements) {
          if (!element.any && element.needs.length > 1 && element.needs.includes(id)) element.needs.forEach((n) => near.add(n));
        }
        for (const element of page.elements) {
          if (!element.node) continue;
          const close = element.needs.length > 0 &&
            (element.any ? element.needs.some((n) => near.has(n)) : element.needs.every((n) => near.has(n)));
          element.node.classList.toggle("am-dim", !close);
        }
        const node = page.byStatement.get(id);
        if (node) node.classList.add("am-focus");
        zoomTo([...near].map((n) => page.byStatement.get(n)).filter((n) => n && !n.classList.contains("am-hidden")));
      }
      function clearFocus() {
        const present = state.present, page = currentPage();
        present.focus = null;
        for (const element of page.elements) {
          if (element.node) element.node.classList.remove("am-dim", "am-focus");
        }
      }
      function stopPresenting() {
        presenter.hidden = true; state.present = null; canvas.replaceChildren();
        if (state.editorPicture && !picture.firstChild) picture.append(state.editorPicture);
        if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      }
      document.addEventListener("keydown", (event) => {
        if (state.present) {
          const frame = state.present.frame;
          const keys = {
            ArrowRight: () => showFrame(frame + 1), " ": () => showFrame(frame + 1), PageDown: () => showFrame(frame + 1),
            ArrowLeft: () => showFrame(frame - 1), PageUp: () => showFrame(frame - 1), Backspace: () => showFrame(frame - 1),
            Home: () => showFrame(0), End: () => showFrame(1e9), Escape: stopPresenting,
            o: fitPage, O: fitPage,
            "+": () => { state.present.scale *= 1.25; placeCanvas(false); },
            "-": () => { state.present.scale /= 1.25; placeCanvas(false); },
          };
          if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
          return;
        }
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") { event.preventDefault(); save(false); }
      });
      document.addEventListener("fullscreenchange", () => { if (!document.fullscreenElement && state.present) stopPresenting(); });
      stage.addEventListener("click", () => { if (state.present && state.present.focus) { clearFocus(); fitPage(); } });
      stage.addEventListener("wheel", (event) => {
        if (!state.present) return;
        event.preventDefault();
        const present = state.present, area = stage.getBoundingClientRect();
        const factor = event.deltaY < 0 ? 1.15 : 1 / 1.15;
        const x = event.clientX - area.left, y = event.clientY - area.top;
        present.x = x - (x - present.x) * factor; present.y = y - (y - present.y) * factor;
        present.scale *= factor;
        placeCanvas(true);
      }, { passive: false });
      let drag = null;
      stage.addEventListener("pointerdown", (event) => {
        if (!state.present) return;
        drag = { x: event.clientX, y: event.clientY, startX: state.present.x, startY: state.present.y };
        stage.classList.add("dragging");
      });
      window.addEventListener("pointermove", (event) => {
        if (!drag || !state.present) return;
        state.present.x = drag.startX + event.clientX - drag.x;
        state.present.y = drag.startY + event.clientY - drag.y;
        placeCanvas(true);
      });
      window.addEventListener("pointerup", () => { drag = null; stage.classList.remove("dragging"); });

      // ---- Wiring ------------------------------------------------------------------------
      source.addEventListener("input", () => { refreshLines(); markDirty(); requestPreview(150); });
      source.addEventListener("scroll", syncScroll);
      for (const name of ["keyup", "click", "select"]) source.addEventListener(name, cursorMoved);
      source.addEventListener("keydown", (event) => {
        if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey) {
          event.preventDefault();
          source.setRangeText("  ", source.selectionStart, source.selectionEnd, "end");
          source.dispatchEvent(new Event("input"));
        }
      });
      fileMenu.addEventListener("change", () => openFile(fileMenu.value));
      for (const menu of [viewMenu, scopeMenu, firstMenu, secondMenu]) {
        menu.addEventListener("change", () => {
          $("compare-label").hidden = viewMenu.value !== "comparison";
          $("scope-label").hidden = viewMenu.value === "comparison";
          state.fit = true; requestPreview(0);
        });
      }
      $("save").addEventListener("click", () => save(false));
      $("present").addEventListener("click", startPresenting);
      window.addEventListener("hashchange", () => {
        const wanted = decodeURIComponent(location.hash.slice(1));
        if (wanted && wanted !== state.path) openFile(wanted);
      });
      window.addEventListener("beforeunload", (event) => { if (dirty()) event.preventDefault(); });

      (async () => {
        const files = await loadFiles();
        const wanted = decodeURIComponent(location.hash.slice(1));
        connect();
        if (files.length) await openFile(files.includes(wanted) ? wanted : files[0]);
        else setStatus("There are no maps (.argmap) or lesson notes (.md) in this folder yet.");
      })();
    })();

    """#
}
