/* kg mentions panel and time range: every mention of a clicked node (a KWIC list grouped by note,
 * with a filter box), the sentences an edge's two ends share, links back to each note, and a
 * two-handle range over the notes' dates that hides what falls outside it.
 * Note text only ever reaches the page through textContent, and a link only through an href
 * that kg built and this script checks, so nothing from the notes can run. */
(() => {
  "use strict";

  const kg = window.kg;
  if (!kg || !kg.DATA.panel) return;
  const { network, rules, DATA: data, el, safeHref } = kg;
  const P = data.panel;  // aligned with data.nodes and data.edges (see kg/view/panel.py)
  const nodeIndex = new Map(data.nodes.map((n, i) => [n.id, i]));
  const edgeIndex = new Map(data.edges.map((e, i) => [e.id, i]));
  const search = document.getElementById("kg-search");
  const fold = (text) => String(text).normalize("NFKC").toLowerCase();

  // The text with every occurrence of any of terms wrapped in <mark>, longest term first where
  // two start at one place. Built from text nodes, so markup in a sentence stays text.
  function marked(text, terms) {
    const fragment = document.createDocumentFragment();
    const wanted = [...new Set(terms.filter((t) => t))].sort((a, b) => b.length - a.length);
    let at = 0;
    while (at < text.length) {
      let best = -1, term = "";
      for (const t of wanted) {
        const i = text.indexOf(t, at);
        if (i >= 0 && (best < 0 || i < best)) { best = i; term = t; }
      }
      if (best < 0) break;
      if (best > at) fragment.append(document.createTextNode(text.slice(at, best)));
      fragment.append(el("mark", "kg-mark", term));
      at = best + term.length;
    }
    if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
    return fragment;
  }

  // -- the panel --------------------------------------------------------------------------
  const panel = el("aside", "kg-side");
  panel.id = "kg-side";
  panel.hidden = true;
  panel.setAttribute("aria-label", "言及の一覧");
  const close = el("button", "kg-side-close", "×");
  close.type = "button";
  close.setAttribute("aria-label", "閉じる");
  const head = el("div", "kg-side-head");
  const filter = el("input", "kg-side-filter");
  filter.id = "kg-side-filter";
  filter.type = "search";
  filter.placeholder = "文・見出し・ノートで絞り込む";
  filter.autocomplete = "off";
  filter.spellcheck = false;
  const count = el("div", "kg-side-count");
  count.id = "kg-side-count";
  count.setAttribute("aria-live", "polite");
  const list = el("div", "kg-side-list");
  list.id = "kg-side-list";
  panel.append(close, head, filter, count, list);
  document.querySelector(".kg-stage").append(panel);

  let rows = [];     // [{group, item, text}] of the list now shown, for the filter
  let stated = "";   // what the count line says besides the filter
  let unit = "件";   // what the list counts: mentions of a node, shared units of an edge

  function noteHeader(noteIndex) {
    const [path, title, href, kind, date] = P.notes[noteIndex];
    const box = el("div", "kg-side-note");
    box.append(el("span", "kg-side-note-title", title || path));
    // the path too when the title does not already say it (a front-matter title, a folder)
    if (title && `${title}.md` !== path && title !== path) box.append(el("span", "kg-side-note-path", path));
    if (date) box.append(el("span", "kg-side-note-date", date));
    const url = safeHref(href);
    if (url) {
      const a = el("a", "kg-side-open", kind === "obsidian" ? "Obsidianで開く" : "ファイルを開く");
      a.href = url;
      a.rel = "noopener noreferrer";
      if (kind !== "obsidian") a.target = "_blank";
      a.title = kind === "obsidian" ? "Obsidian でこのノートを開く" : "このノートの .md ファイルを開く";
      box.append(a);
    }
    return box;
  }

  // items: [{place, sentences: [index], line}] in document order; terms: what to mark.
  // A long heading path shows its last two headings; the whole path is the tooltip.
  function placeText(path) {
    const parts = path.split(" › ");
    return parts.length > 2 ? `… › ${parts.slice(-2).join(" › ")}` : path;
  }

  // items: [{place, sentences: [index], line, terms?, count?}] in document order; terms: what to
  // mark. Mentions of one name in one sentence are one row, "×3", so a row is a place in the text.
  function render(items, terms) {
    list.replaceChildren();
    rows = [];
    let group = null, groupNote = -1, last = null;
    for (const item of items) {
      const key = `${item.place}:${item.line}:${item.sentences.join(",")}`;
      if (last && last.key === key) {
        last.count += 1;
        last.badge.textContent = `×${last.count}`;
        last.badge.hidden = false;
        continue;
      }
      const [noteIndex, path] = P.places[item.place];
      if (noteIndex !== groupNote) {
        group = el("section", "kg-side-group");
        group.append(noteHeader(noteIndex));
        list.append(group);
        groupNote = noteIndex;
      }
      const entry = el("div", "kg-mention");
      entry.dataset.note = P.notes[noteIndex][0];  // corrections.js names a mention by its note
      const where = el("div", "kg-mention-place");
      const shownPath = el("span", "kg-mention-path", placeText(path || P.notes[noteIndex][0]));
      shownPath.title = path || P.notes[noteIndex][0];
      const badge = el("span", "kg-mention-times", "");
      badge.hidden = true;
      where.append(shownPath, badge);
      if (item.line) where.append(el("span", "kg-mention-line", `${item.line} 行目`));
      entry.append(where);
      const sentences = item.sentences.map((i) => P.sentences[i]);
      sentences.forEach((sentence) => {
        const quote = el("div", "kg-mention-text");
        quote.append(marked(sentence, item.terms || terms));
        entry.append(quote);
      });
      group.append(entry);
      const note = P.notes[noteIndex];
      last = { key, group, entry, badge, count: 1, text: fold([note[0], note[1], path, ...sentences].join("\n")) };
      rows.push(last);
    }
    applyListFilter();
  }

  function applyListFilter() {
    const q = fold(filter.value).trim();
    let shown = 0, total = 0;
    const groups = new Map();
    for (const row of rows) {
      const visible = !q || row.text.includes(q);
      row.entry.hidden = !visible;
      shown += visible ? row.count : 0;
      total += row.count;
      groups.set(row.group, (groups.get(row.group) || false) || visible);
    }
    groups.forEach((visible, group) => { group.hidden = !visible; });
    count.replaceChildren();
    count.append(el("span", "kg-side-shown", q ? `${shown} / ${total} ${unit}を表示` : `${total} ${unit}を表示`));
    if (stated) count.append(el("span", "kg-side-cap", stated));
  }
  filter.addEventListener("input", applyListFilter);

  function heading(title, sub) {
    head.replaceChildren(el("div", "kg-side-title", title));
    if (sub) head.append(el("div", "kg-side-sub", sub));
  }

  function open() {
    panel.hidden = false;
    filter.value = "";
  }

  function shut() {
    panel.hidden = true;
    kg.panelNode = null;
    rows = [];
    list.replaceChildren();
  }
  close.addEventListener("click", shut);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden && document.activeElement !== search) shut();
  });

  // What the count line adds when the page holds some back: the page carries the first cap.
  function capLine(total, shown, cap) {
    return shown < total ? ` · 全 ${total} 件のうち先頭 ${cap} 件（上限 ${cap} 件。すべては mentions.csv に）` : "";
  }

  // The panel covers the right of the graph: bring what was clicked into the part still in view.
  function reveal(point) {
    const width = panel.getBoundingClientRect().width;
    const dom = network.canvasToDOM(point);
    if (dom.x < kg.container.clientWidth - width - 40) return;
    network.moveTo({ position: point, offset: { x: -width / 2, y: 0 }, animation: { duration: 300 } });
  }

  function showNode(visId) {
    const index = nodeIndex.get(visId);
    const info = data.info.nodes[index];
    const entry = P.nodes[index];
    open();
    if (info.kind === "note") {
      const noteIndex = entry ? entry.note : -1;
      heading(info.title || info.label, "ノート");
      list.replaceChildren();
      rows = [];
      if (noteIndex >= 0) list.append(noteHeader(noteIndex));
      stated = "";
      count.replaceChildren();
      return;
    }
    kg.panelNode = visId;  // whose mentions the list shows (corrections.js)
    const total = entry ? entry.total : 0;
    heading(info.label, `言及 ${total} 件 · ${entry ? entry.notes : 0} ノート`);
    const forms = entry ? entry.forms : [];
    const items = (entry ? entry.items : []).map(([place, sentence, form, line]) => ({
      place, sentences: [sentence], line, terms: [forms[form]],
    }));
    stated = capLine(total, items.length, P.cap);
    unit = "件";
    render(items, [info.label]);
  }

  function showEdge(visId) {
    const index = edgeIndex.get(visId);
    kg.panelNode = null;
    const info = data.info.edges[index];
    const entry = P.edges[index];
    open();
    const total = entry ? entry.total : 0;
    const unitName = P.unitName || "単位";
    const kind = info.kind === "cooccurrence" ? `共有する${unitName} ${total} 件`
      : info.kind === "link" ? "ノート間のリンク" : "ノートでの言及";
    heading(`${info.ends[0]} — ${info.ends[1]}`, kind);
    const ends = [data.edges[index].from, data.edges[index].to].map((id) => P.nodes[nodeIndex.get(id)]);
    const terms = ends.flatMap((end, i) => (end ? end.forms : [info.ends[i]]));
    const items = (entry ? entry.items : []).map(([place, sentences, line]) => ({ place, sentences, line }));
    stated = capLine(total, items.length, P.pairCap);
    unit = "箇所";
    render(items, terms);
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else return shut();
    reveal(params.pointer.canvas);
  });

  // -- the time range -----------------------------------------------------------------------
  if (!P.dates.length) return;
  const last = P.dates.length - 1;
  const bar = el("div", "kg-time");
  bar.id = "kg-time";
  const label = el("span", "kg-time-label", "期間");
  const track = el("div", "kg-time-track");
  const from = el("input", "kg-time-from");
  const to = el("input", "kg-time-to");
  [from, to].forEach((input, i) => {
    input.type = "range";
    input.min = "0";
    input.max = String(last);
    input.step = "1";
    input.value = String(i === 0 ? 0 : last);
    input.setAttribute("aria-label", i === 0 ? "期間の始め" : "期間の終わり");
  });
  const fill = el("div", "kg-time-fill");
  track.append(fill, from, to);
  const range = el("span", "kg-time-range");
  range.id = "kg-time-range";
  const notes = el("span", "kg-time-notes");
  notes.id = "kg-time-notes";
  bar.append(label, track, range, notes);
  document.querySelector(".kg-stage").append(bar);
  if (!last) bar.classList.add("kg-time-one");

  const dated = P.notes.filter((n) => n[4]).length;
  function inRange(dates, lo, hi) {
    return dates.some((d) => d >= lo && d <= hi);
  }

  function applyTime() {
    let lo = Number(from.value), hi = Number(to.value);
    if (lo > hi) [lo, hi] = [hi, lo];
    const full = lo === 0 && hi === last;
    range.textContent = lo === hi ? P.dates[lo] : `${P.dates[lo]} – ${P.dates[hi]}`;
    const inside = P.notes.filter((n) => n[4] && n[4] >= P.dates[lo] && n[4] <= P.dates[hi]).length;
    const undated = P.notes.length - dated;
    notes.textContent = full
      ? `ノート ${P.notes.length} 件${undated ? `（うち日付なし ${undated}）` : ""}`
      : `ノート ${inside} / ${P.notes.length} 件`;
    fill.style.left = `${(100 * lo) / (last || 1)}%`;
    fill.style.right = `${100 - (100 * hi) / (last || 1)}%`;
    // The whole range hides nothing; a narrower one keeps what the notes of that period name,
    // so undated notes fall outside it, as with kg build --since/--until.
    if (full) {
      if (!rules.nodes.has("time")) return;  // nothing to undo: no redraw
      rules.nodes.delete("time");
      rules.edges.delete("time");
    } else {
      const dated = (entry) => inRange(entry ? entry.dates : [], lo, hi);
      rules.nodes.set("time", (id) => dated(P.nodes[nodeIndex.get(id)]));
      rules.edges.set("time", (id) => dated(P.edges[edgeIndex.get(id)]));
    }
    kg.apply();
  }
  from.addEventListener("input", applyTime);
  to.addEventListener("input", applyTime);
  applyTime();
})();
