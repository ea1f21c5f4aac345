/* kg graph view: tooltips, search, type filter and neighbourhood highlight on a vis Network.
 * Note text only ever reaches the page through textContent, so markup in notes stays text. */
(() => {
  "use strict";

  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const MAX_RESULTS = 20;
  const DIM_NODE = {
    background: "#EEEEEE", border: "#DDDDDD",
    highlight: { background: "#EEEEEE", border: "#DDDDDD" },
    hover: { background: "#EEEEEE", border: "#DDDDDD" },
  };
  const FADED = "rgba(200,200,200,0.15)";
  const DIM_EDGE = { color: FADED, highlight: FADED, hover: FADED };
  const DIM_LABEL = "#C0C0C0";

  // DATA.info.nodes[i] describes DATA.nodes[i]; vis ids are positional ("n0", "n1", ...).
  const nodeInfo = new Map(DATA.nodes.map((n, i) => [n.id, DATA.info.nodes[i]]));
  const edgeInfo = new Map(DATA.edges.map((e, i) => [e.id, DATA.info.edges[i]]));

  // The one way every script of the page makes an element: note text only ever goes in by textContent.
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // kg builds three kinds of href: obsidian://open?..., file:///... and relative paths whose
  // every ":" is percent-encoded. Anything else (a javascript: URL, say) is never a link.
  function safeHref(href) {
    if (typeof href !== "string" || !href) return null;
    if (href.startsWith("obsidian://open?") || href.startsWith("file:///")) return href;
    return /^[^:]*$/.test(href) ? href : null;
  }

  function row(parent, key, value) {
    const line = el("div", "kg-tip-row");
    line.append(el("span", "kg-tip-key", key), el("span", "kg-tip-value", value));
    parent.append(line);
    return line;
  }

  function list(parent, items, limit) {
    const ul = el("ul", "kg-tip-list");
    items.slice(0, limit).forEach((item) => ul.append(el("li", null, item)));
    if (items.length > limit) ul.append(el("li", null, `ほか ${items.length - limit} 件`));
    parent.append(ul);
  }

  function typeName(info) {
    if (info.kind === "note") return DATA.typeNames.Note;
    if (!info.type) return DATA.typeNames.Other;
    const name = DATA.typeNames[info.type];
    return name ? `${name} (${info.type})` : info.type;
  }

  function nodeTooltip(node, info) {
    const tip = el("div", "kg-tip");
    tip.append(el("div", "kg-tip-title", info.kind === "note" ? info.title : info.label));
    const kind = el("div", "kg-tip-type");
    const swatch = el("span", "kg-swatch kg-swatch-" + (info.kind === "note" ? "square" : "dot"));
    swatch.style.backgroundColor = node.color.background;
    kind.append(swatch, el("span", null, typeName(info)));
    if (info.community !== undefined) kind.append(el("span", null, `· コミュニティ ${info.community}`));
    tip.append(kind);
    if (info.kind === "note") {
      if (info.tags.length) row(tip, "タグ", info.tags.join("、"));
    } else {
      if (info.aliases.length) row(tip, "別名", info.aliases.join("、"));
      const units = info.units ? `（${info.units} 箇所）` : "";
      row(tip, "言及", `${info.count} 回${units}`).classList.add("kg-tip-count");
    }
    if (info.notes.length) {
      row(tip, "ノート", "");
      list(tip, info.notes, 5);
    }
    if (info.evidence && info.evidence.length) {
      const box = el("div", "kg-tip-evidence");
      box.append(el("span", "kg-tip-key", "根拠"));
      info.evidence.forEach(([path, sentence]) => {
        const quote = el("div", "kg-tip-quote");
        if (path) quote.append(el("span", "kg-tip-path", path));
        quote.append(document.createTextNode(sentence));
        box.append(quote);
      });
      tip.append(box);
    }
    return tip;
  }

  function edgeTooltip(info) {
    const tip = el("div", "kg-tip");
    tip.append(el("div", "kg-tip-title", `${info.ends[0]} — ${info.ends[1]}`));
    if (info.kind !== "cooccurrence") {
      row(tip, "種類", info.kind === "link" ? "ノート間のリンク" : "ノートでの言及");
      return tip;
    }
    const stats = `${info.count} 回 · 重み ${info.weight}${info.mst ? " · 最大全域木" : ""}`;
    row(tip, "共起", stats).classList.add("kg-tip-count");
    if (info.sections.length) {
      row(tip, "共有セクション", "");
      list(tip, info.sections, 3);
    }
    if (info.sentences.length) {
      const box = el("div", "kg-tip-evidence");
      box.append(el("span", "kg-tip-key", "文"));
      info.sentences.forEach((sentence) => box.append(el("div", "kg-tip-quote", sentence)));
      tip.append(box);
    }
    return tip;
  }

  // vis-network 9 shows an element title as it is, so the tooltips are DOM trees, not HTML.
  const nodes = new vis.DataSet(DATA.nodes.map((n) => ({ ...n, title: nodeTooltip(n, nodeInfo.get(n.id)) })));
  const edges = new vis.DataSet(DATA.edges.map((e) => ({ ...e, title: edgeTooltip(edgeInfo.get(e.id)) })));
  const container = document.getElementById("kg-network");
  const network = new vis.Network(container, { nodes, edges }, DATA.options);
  window.network = network;
  // Which nodes and edges are drawn: every rule must pass (see apply below).
  const rules = { nodes: new Map(), edges: new Map() };
  // What the page's other scripts (budget.js, labels.js, ...) build on.
  const kg = { DATA, network, nodes, edges, nodeInfo, edgeInfo, rules, container, el, safeHref };
  window.kg = kg;

  function ready() {
    document.body.dataset.state = "ready";
  }

  // Which nodes and edges are drawn is the conjunction of named rules (the type filter here,
  // the size budget in budget.js, ...); apply() hides the rest and tells the page what it drew.
  function passes(map, id, info) {
    for (const rule of map.values()) if (!rule(id, info)) return false;
    return true;
  }
  function apply() {
    const shown = new Set();
    DATA.nodes.forEach((n) => { if (passes(rules.nodes, n.id, nodeInfo.get(n.id))) shown.add(n.id); });
    nodes.update(DATA.nodes.map((n) => ({ id: n.id, hidden: !shown.has(n.id) })));
    let edgeCount = 0;
    edges.update(DATA.edges.map((e) => {
      const on = shown.has(e.from) && shown.has(e.to) && passes(rules.edges, e.id, edgeInfo.get(e.id));
      if (on) edgeCount += 1;
      return { id: e.id, hidden: !on };
    }));
    if (focused !== null && !shown.has(focused)) {
      network.unselectAll();
      highlight(null);
    }
    const entities = [...shown].filter((id) => nodeInfo.get(id).kind !== "note").length;
    document.dispatchEvent(new CustomEvent("kg:shown", { detail: { nodes: shown, entities, edges: edgeCount } }));
    return shown;
  }

  // The positions come from Python and fill the frame; fit() frames the drawn nodes, with a
  // little more room so the outermost labels stay inside.
  function frame() {
    const drawn = DATA.nodes.filter((n) => !n.hidden).map((n) => n.id);
    network.fit({ nodes: drawn.length ? drawn : undefined });
    network.moveTo({ scale: network.getScale() * 0.95 });
  }
  // Framed once every script of the page has added its handlers (labels.js draws on afterDrawing).
  document.addEventListener("DOMContentLoaded", () => {
    network.once("afterDrawing", ready);
    frame();
    network.redraw();
  });

  // Neighbourhood highlight: everything outside the clicked node's neighbourhood fades.
  let focused = null;
  function highlight(id) {
    focused = id;
    const keep = id === null ? null : new Set([id, ...network.getConnectedNodes(id)]);
    nodes.update(DATA.nodes.map((n) => {
      const shown = keep === null || keep.has(n.id);
      return {
        id: n.id,
        color: shown ? n.color : DIM_NODE,
        font: shown ? n.font : { ...n.font, color: DIM_LABEL },
      };
    }));
    edges.update(DATA.edges.map((e) => {
      const shown = keep === null || e.from === id || e.to === id;
      return { id: e.id, color: shown ? e.color : DIM_EDGE };
    }));
  }
  network.on("click", (params) => highlight(params.nodes.length ? params.nodes[0] : null));

  // Type filter: a checkbox per node group hides or shows its nodes and their edges.
  const checkboxes = [...document.querySelectorAll("#kg-types input[type=checkbox]")];
  let hiddenTypes = new Set();
  rules.nodes.set("type", (id, info) => !hiddenTypes.has(info.group));
  function applyFilter() {
    hiddenTypes = new Set(checkboxes.filter((c) => !c.checked).map((c) => c.value));
    apply();
  }
  checkboxes.forEach((c) => c.addEventListener("change", applyFilter));

  // Search by name or alias: substring match after NFKC folding, so ＵＳＡ finds USA.
  const fold = (text) => String(text).normalize("NFKC").toLowerCase();
  const index = [...nodeInfo].map(([id, info]) => ({
    id,
    info,
    names: [info.label, ...(info.aliases || []), ...(info.kind === "note" ? [info.title] : [])]
      .map((name) => [name, fold(name)]),
  }));

  function search(query) {
    const q = fold(query).trim();
    if (!q) return [];
    const found = [];
    for (const { id, info, names } of index) {
      let best = null;
      names.forEach(([name, folded], i) => {
        const at = folded.indexOf(q);
        if (at < 0) return;
        const rank = (folded === q ? 0 : at === 0 ? 2 : 4) + (i === 0 ? 0 : 1);
        if (best === null || rank < best.rank) best = { rank, name };
      });
      if (best) found.push({ id, info, rank: best.rank, via: best.name === info.label ? null : best.name });
    }
    found.sort((a, b) => a.rank - b.rank || b.info.count - a.info.count);
    return found.slice(0, MAX_RESULTS);
  }

  const input = document.getElementById("kg-search");
  const results = document.getElementById("kg-results");
  let shown = [];
  let active = -1;

  function closeResults() {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function renderResults() {
    results.replaceChildren();
    shown.forEach((hit, i) => {
      const li = el("li", null, hit.info.label);
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      const sub = hit.via ? `別名: ${hit.via} · ${typeName(hit.info)}` : typeName(hit.info);
      li.append(el("span", "kg-result-sub", sub));
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(hit.id);
      });
      results.append(li);
    });
    if (!shown.length) results.append(el("li", "kg-empty", "見つかりません"));
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function choose(id) {
    const info = nodeInfo.get(id);
    // a node the size budget holds back is drawn once the reader asks for it
    document.dispatchEvent(new CustomEvent("kg:reveal", { detail: id }));
    const box = checkboxes.find((c) => c.value === info.group);
    if (box && !box.checked) {
      box.checked = true;
      applyFilter();
    }
    input.value = info.label;
    closeResults();
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
  }

  input.addEventListener("input", () => {
    if (!input.value.trim()) {
      shown = [];
      closeResults();
      return;
    }
    shown = search(input.value);
    active = shown.length ? 0 : -1;
    renderResults();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!shown.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + shown.length) % shown.length;
      renderResults();
    } else if (event.key === "Enter" && !event.isComposing) {
      if (active >= 0 && active < shown.length) choose(shown[active].id);
    } else if (event.key === "Escape") {
      closeResults();
    }
  });
  input.addEventListener("blur", closeResults);

  kg.apply = apply;
  kg.highlight = highlight;
})();
