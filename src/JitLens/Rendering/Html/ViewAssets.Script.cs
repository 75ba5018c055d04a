namespace JitLens.Rendering.Html;

internal static partial class ViewAssets
{
    /// <summary>
    /// The behaviour of one view, bound to its own root element. Each view's script declares the function inside its
    /// own closure, so nothing is added to the page's globals, and each call touches only the elements under its root.
    /// </summary>
    public const string Script = """
function JitLensView(root) {
  if (!root || root.dataset.jlReady) { return; }
  root.dataset.jlReady = "1";
  const all = (el, sel) => Array.from(el.querySelectorAll(sel));
  // Golden-angle hues: neighbouring lines get clearly different colours, the same line always the same one.
  const hue = (line) => Math.round((line * 137.508) % 360);
  const linesOf = (el) => (el.getAttribute("data-lines") || "").split(/\s+/).filter(Boolean).map(Number);

  // The view follows the page it sits in, not the OS setting: a white notebook stays white under a dark OS.
  function pageIsDark() {
    for (let el = root.parentElement; el; el = el.parentElement) {
      const rgb = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) || []).map(Number);
      if (rgb.length >= 3 && (rgb.length < 4 || rgb[3] > 0)) { return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 128; }
    }
    return false;
  }

  function followTheme() {
    const body = document.body;
    const jupyterLight = body.getAttribute("data-jp-theme-light");
    const vscodeKind = body.getAttribute("data-vscode-theme-kind") || "";
    let dark;
    if (jupyterLight !== null) { dark = jupyterLight === "false"; }
    else if (body.classList.contains("vscode-dark") || body.classList.contains("vscode-high-contrast") || /dark|high-contrast(?!-light)/.test(vscodeKind)) { dark = true; }
    else if (body.classList.contains("vscode-light") || vscodeKind.indexOf("light") >= 0) { dark = false; }
    else { dark = pageIsDark(); }
    root.setAttribute("data-theme", dark ? "dark" : "light");
  }
  followTheme();
  const media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  // One observer per view, gone with the view: when a re-run or a cleared output takes the root out of the page,
  // the observer and the colour-scheme listener are removed.
  const observer = new MutationObserver((records) => {
    if (!root.isConnected) {
      observer.disconnect();
      if (media) { media.removeEventListener("change", followTheme); }
      return;
    }
    if (records.some((r) => r.type === "attributes")) { followTheme(); }
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ["class", "data-jp-theme-light", "data-vscode-theme-kind"], childList: true, subtree: true });
  // A page that follows the OS (the standalone report) changes its own background with it.
  if (media) { media.addEventListener("change", followTheme); }

  // The page is written with every unit and pane visible (readable without JavaScript): from here on, one unit
  // and one pane at a time.
  root.classList.add("jl-js");
  all(root, ".jl-trust").forEach((el) => el.remove());
  const units = all(root, "section.jl-unit");
  const picker = root.querySelector(".jl-picker");
  // Several units open as the whole file, every unit's code coloured by its lines at once (as Compiler Explorer shows
  // a file); units from several files get a whole-file view each, the first file's shown first. The picker then
  // chooses a file or filters to one unit.
  const files = wholeFiles();
  const sections = files.map((f) => f.section).concat(units);
  let current = sections[0];
  sections.forEach((u) => { u.hidden = u !== current; });
  if (picker) {
    files.slice().reverse().forEach((f) => {
      const option = document.createElement("option");
      option.value = f.section.dataset.unit;
      option.textContent = files.length === 1 ? "Whole file: every method" : "Whole file: " + f.path + " (" + f.units.length + (f.units.length === 1 ? " unit)" : " units)");
      picker.insertBefore(option, picker.firstChild);
    });
    if (files.length) { picker.value = files[0].section.dataset.unit; }
    picker.addEventListener("change", () => {
      const file = files.find((f) => f.section.dataset.unit === picker.value);
      current = file ? file.section : units[Number(picker.value)];
      sections.forEach((u) => { u.hidden = u !== current; });
      search(current);
      showUnitLines(current);
    });
  }

  function element(tag, cls, text) {
    const el = document.createElement(tag);
    el.className = cls;
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  // The units grouped by their source file, in order: one whole-file section per file ("file" when every unit is of one
  // file, "file-0", "file-1", ... for several), none for a single unit.
  function wholeFiles() {
    const pathOf = (u) => { const s = u.querySelector(".jl-source"); return s ? s.getAttribute("data-path") : null; };
    if (units.length < 2) { return []; }
    const groups = [];
    units.forEach((u, i) => {
      const path = pathOf(u);
      if (path === null) { return; }
      let group = groups.find((g) => g.path === path);
      if (!group) { group = { path: path, units: [] }; groups.push(group); }
      group.units.push({ unit: u, index: i });
    });
    const one = groups.length === 1 && groups[0].units.length === units.length;
    if (groups.length === 1 && !one) { return []; }
    groups.forEach((g, k) => { g.section = fileSection(g, one ? "file" : "file-" + k, one ? "Whole file" : "Whole file: " + g.path); });
    return groups;
  }

  function fileSection(group, id, name) {
    const first = group.units[0].unit;
    const section = element("section", "jl-unit jl-file");
    section.setAttribute("data-unit", id);
    const meta = element("div", "jl-meta");
    meta.appendChild(element("span", "jl-name", name));
    meta.appendChild(element("span", "jl-badge", group.units.length + (group.units.length === 1 ? " unit" : " units")));
    meta.appendChild(element("span", "jl-status"));
    section.appendChild(meta);
    const main = element("div", "jl-main");
    const source = first.querySelector(".jl-source").cloneNode(false);
    source.appendChild(first.querySelector(".jl-path").cloneNode(true));
    // Each unit shows the lines around it; the file shows every line any unit shows, a line with code wherever one has.
    const rows = new Map();
    group.units.forEach((g) => all(g.unit, ".jl-line").forEach((row) => {
      const known = rows.get(Number(row.dataset.line));
      if (!known || (row.classList.contains("jl-has-code") && !known.classList.contains("jl-has-code"))) { rows.set(Number(row.dataset.line), row); }
    }));
    Array.from(rows.keys()).sort((a, b) => a - b).forEach((n) => source.appendChild(rows.get(n).cloneNode(true)));
    const views = element("div", "jl-views");
    const tabs = element("div", "jl-tabs");
    tabs.setAttribute("role", "tablist");
    views.appendChild(tabs);
    const names = [];
    group.units.forEach((g) => all(g.unit, ".jl-listing").forEach((p) => { if (names.indexOf(p.dataset.view) < 0) { names.push(p.dataset.view); } }));
    names.forEach((view) => {
      const tab = element("button", "jl-tab", view);
      tab.type = "button";
      tab.setAttribute("role", "tab");
      tab.dataset.view = view;
      tab.appendChild(element("span", "jl-count"));
      tabs.appendChild(tab);
      const pane = element("div", "jl-pane jl-listing");
      pane.setAttribute("role", "tabpanel");
      pane.dataset.view = view;
      pane.appendChild(element("div", "jl-pane-title", view));
      group.units.forEach((g) => {
        const own = g.unit.querySelector('.jl-listing[data-view="' + view + '"]');
        if (!own) { return; }
        pane.appendChild(element("div", "jl-unit-head", picker ? picker.options[g.index].textContent : ""));
        all(own, ".jl-ins").forEach((ins) => { const copy = ins.cloneNode(true); copy.dataset.unit = String(g.index); pane.appendChild(copy); });
      });
      views.appendChild(pane);
    });
    main.appendChild(source);
    main.appendChild(views);
    section.appendChild(main);
    root.insertBefore(section, units[0]);
    return section;
  }

  // Search marks the matching instructions of the shown unit; Enter moves to the next match.
  const searchBox = root.querySelector(".jl-search");
  let hitIndex = -1;
  function search(unit) {
    all(root, ".jl-hit").forEach((el) => el.classList.remove("jl-hit", "jl-current"));
    hitIndex = -1;
    const query = searchBox ? searchBox.value.trim().toLowerCase() : "";
    if (!query || !unit) { return []; }
    const hits = all(unit, ".jl-listing .jl-ins").filter((ins) => ins.textContent.toLowerCase().indexOf(query) >= 0);
    hits.forEach((ins) => ins.classList.add("jl-hit"));
    status(unit, hits.length + " instruction" + (hits.length === 1 ? "" : "s") + " match \u201c" + searchBox.value.trim() + "\u201d");
    return hits;
  }
  if (searchBox) {
    searchBox.addEventListener("input", () => search(current));
    searchBox.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") { return; }
      e.preventDefault();
      const hits = all(current, ".jl-hit");
      if (!hits.length) { return; }
      hits.forEach((h) => h.classList.remove("jl-current"));
      hitIndex = (hitIndex + 1) % hits.length;
      const hit = hits[hitIndex];
      hit.classList.add("jl-current");
      const pane = hit.closest(".jl-pane");
      if (pane && pane.hidden && !root.classList.contains("jl-split")) { showView(current, pane.dataset.view); }
      reveal(pane, hit);
    });
  }

  // Tabs show one view at a time; side by side shows every view of the unit next to each other.
  const split = root.querySelector(".jl-split-toggle");
  if (split) {
    split.addEventListener("change", () => {
      root.classList.toggle("jl-split", split.checked);
      sections.forEach((unit) => {
        const selected = unit.querySelector('.jl-tab[aria-selected="true"]');
        if (split.checked) { all(unit, ".jl-pane").forEach((p) => { p.hidden = false; }); }
        else if (selected) { showView(unit, selected.dataset.view); }
      });
    });
  }

  // A long file opens at the unit's own lines, not at its first line.
  function showUnitLines(unit) {
    const source = unit && unit.querySelector(".jl-source");
    const first = source && source.querySelector(".jl-line.jl-has-code");
    if (first) { source.scrollTop = Math.max(0, first.offsetTop - 3 * first.offsetHeight - 20); }
  }

  // Scrolls inside a pane only, so the notebook page itself never jumps.
  function reveal(container, el) {
    if (!container || !el || container.hidden) { return; }
    const top = el.offsetTop, bottom = top + el.offsetHeight;
    if (top < container.scrollTop + 20 || bottom > container.scrollTop + container.clientHeight) {
      container.scrollTop = Math.max(0, top - container.clientHeight / 3);
    }
  }

  function activePane(unit) { return unit.querySelector(".jl-pane:not([hidden])"); }

  function visiblePanes(unit) { return all(unit, ".jl-pane:not([hidden])"); }

  function clear(unit) {
    all(unit, ".jl-sel, .jl-blocksel").forEach((el) => el.classList.remove("jl-sel", "jl-blocksel"));
    all(unit, ".jl-count").forEach((el) => { el.textContent = ""; });
  }

  function status(unit, text) { const s = unit.querySelector(".jl-status"); if (s) { s.textContent = text; } }

  function selectLine(unit, line) {
    const row = unit.querySelector('.jl-line[data-line="' + line + '"]');
    if (!row) { return; }
    clear(unit);
    row.classList.add("jl-sel");
    unit.dataset.selectedLine = String(line);
    const counts = [];
    all(unit, ".jl-listing").forEach((pane) => {
      const hits = all(pane, '.jl-ins[data-line="' + line + '"]');
      hits.forEach((el) => el.classList.add("jl-sel"));
      const tab = unit.querySelector('.jl-tab[data-view="' + pane.dataset.view + '"] .jl-count');
      if (tab) { tab.textContent = " (" + hits.length + ")"; }
      counts.push(pane.dataset.view + " " + hits.length);
    });
    all(unit, ".cfg-block").forEach((b) => { if (linesOf(b).indexOf(line) >= 0) { b.classList.add("jl-sel"); } });
    status(unit, "line " + line + ": " + counts.join(" · "));
    reveal(unit.querySelector(".jl-source"), row);
    visiblePanes(unit).forEach((pane) => reveal(pane, pane.querySelector(".jl-sel")));
  }

  function selectInstruction(unit, ins) {
    const line = ins.getAttribute("data-line");
    if (line) { selectLine(unit, Number(line)); }
    else {
      clear(unit);
      const region = ins.getAttribute("data-region");
      status(unit, region + ": not attributed to a source line");
    }
    ins.classList.add("jl-sel");
  }

  function selectBlock(unit, block) {
    clear(unit);
    block.classList.add("jl-sel");
    const lines = linesOf(block);
    lines.forEach((l) => {
      const row = unit.querySelector('.jl-line[data-line="' + l + '"]');
      if (row) { row.classList.add("jl-blocksel"); }
    });
    status(unit, "block " + block.getAttribute("data-block") + ": " + (lines.length ? "lines " + lines.join(", ") : "no source line"));
    if (lines.length) { reveal(unit.querySelector(".jl-source"), unit.querySelector('.jl-line[data-line="' + lines[0] + '"]')); }
  }

  function showView(unit, view) {
    all(unit, ".jl-tab").forEach((t) => t.setAttribute("aria-selected", String(t.dataset.view === view)));
    all(unit, ".jl-pane").forEach((p) => { p.hidden = p.dataset.view !== view; });
    const pane = activePane(unit);
    if (pane) { reveal(pane, pane.querySelector(".jl-sel")); }
  }

  sections.forEach((unit) => {
    all(unit, ".jl-line.jl-has-code, .jl-ins[data-line]").forEach((el) => el.style.setProperty("--jl-h", String(hue(Number(el.dataset.line)))));
    all(unit, ".cfg-block").forEach((b) => {
      const lines = linesOf(b);
      if (lines.length) { b.style.setProperty("--jl-h", String(hue(lines[0]))); b.classList.add("jl-colored"); }
    });
    unit.addEventListener("click", (e) => {
      const target = e.target instanceof Element ? e.target : null;
      if (!target) { return; }
      const tab = target.closest(".jl-tab");
      const row = target.closest(".jl-line.jl-has-code");
      const ins = target.closest(".jl-ins");
      const block = target.closest(".cfg-block");
      if (tab) { showView(unit, tab.dataset.view); }
      else if (row) { selectLine(unit, Number(row.dataset.line)); }
      else if (ins) { selectInstruction(unit, ins); }
      else if (block) { selectBlock(unit, block); }
    });
  });

  sections.forEach((unit) => { const tab = unit.querySelector(".jl-tab"); if (tab) { showView(unit, tab.dataset.view); } });
  showUnitLines(current);

  root.addEventListener("keydown", (e) => {
    // Keys the view does not use go back to the page: a notebook (classic Jupyter) turns its own shortcuts off
    // while focus is inside an output, so the view lets go of the focus before the key reaches the notebook.
    const focused = document.activeElement;
    const typing = focused && focused.matches("input, select, textarea") && e.key !== "Escape";
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Tab" && !typing && focused && root.contains(focused)) {
      focused.blur();
      return;
    }
    if (typing) { return; }
    if ((e.key !== "ArrowDown" && e.key !== "ArrowUp") || !current) { return; }
    const rows = all(current, ".jl-line.jl-has-code");
    if (!rows.length) { return; }
    e.preventDefault();
    e.stopPropagation();
    const selected = Number(current.dataset.selectedLine || 0);
    let index = rows.findIndex((r) => Number(r.dataset.line) === selected);
    if (index < 0) { index = e.key === "ArrowDown" ? 0 : rows.length - 1; }
    else { index = Math.max(0, Math.min(rows.length - 1, index + (e.key === "ArrowDown" ? 1 : -1))); }
    selectLine(current, Number(rows[index].dataset.line));
  });
}
""";
}
