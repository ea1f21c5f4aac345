/* kg communities: a list of the communities that have a report (title, size, distinctive words);
 * a click highlights the community's members and opens its report beside the graph, each
 * sentence a link back to its note. Runs after view.js and panel.js; note text reaches the page
 * only through textContent, and a link only through an href that kg built and this script checks. */
(() => {
  "use strict";

  const kg = window.kg;
  const reports = (kg && kg.DATA.communities) || [];
  if (!reports.length) return;
  const { DATA, network, nodes, edges, nodeInfo, el, safeHref } = kg;
  const DIM = { background: "#EEEEEE", border: "#DDDDDD", highlight: { background: "#EEEEEE", border: "#DDDDDD" },
    hover: { background: "#EEEEEE", border: "#DDDDDD" } };
  const FADED = "rgba(200,200,200,0.15)";
  const DIM_EDGE = { color: FADED, highlight: FADED, hover: FADED };

  // -- the list, in the left panel --------------------------------------------------------
  const section = el("section", "kg-community-list");
  section.append(el("h2", "kg-heading", `コミュニティの報告（${reports.length}）`));
  const list = el("ul", "kg-community-items");
  list.id = "kg-community-items";
  reports.forEach((report) => {
    const item = el("li");
    const button = el("button", "kg-community-item");
    button.type = "button";
    button.dataset.community = String(report.id);
    const top = el("span", "kg-community-top");
    top.append(el("span", "kg-community-title", `${report.id}. ${report.title}`),
      el("span", "kg-community-size", report.size));
    button.append(top, el("span", "kg-community-words", report.words.slice(0, 5).map((w) => w.word).join(" · ")));
    button.addEventListener("click", () => openReport(report));
    item.append(button);
    list.append(item);
  });
  section.append(list);
  const panel = document.querySelector(".kg-panel");
  panel.insertBefore(section, panel.querySelector(".kg-help"));

  // -- the report, beside the graph -------------------------------------------------------
  const side = el("aside", "kg-side kg-community-side");
  side.id = "kg-community";
  side.hidden = true;
  side.setAttribute("aria-label", "コミュニティの報告");
  const close = el("button", "kg-side-close", "×");
  close.type = "button";
  close.setAttribute("aria-label", "閉じる");
  const body = el("div", "kg-side-list");
  side.append(close, body);
  document.querySelector(".kg-stage").append(side);

  function part(title) {
    const box = el("section", "kg-community-part");
    box.append(el("h3", "kg-community-heading", title));
    body.append(box);
    return box;
  }

  // A sentence as the mentions panel shows one: where it is, then the sentence; here the
  // sentence itself opens its note.
  function quote(box, q) {
    const entry = el("div", "kg-mention kg-community-quote");
    const where = el("div", "kg-mention-place");
    const path = [q.title, ...q.heading_path.slice(-2)].join(" › ");
    where.append(el("span", "kg-mention-path", path));
    if (q.date) where.append(el("span", "kg-side-note-date", q.date));
    where.append(el("span", "kg-mention-line", `${q.line} 行目`));
    const url = safeHref(q.href);
    const text = el(url ? "a" : "div", "kg-mention-text", q.sentence);
    if (url) {
      text.href = url;
      text.rel = "noopener noreferrer";
      if (q.link !== "obsidian") text.target = "_blank";
      text.title = q.link === "obsidian" ? "Obsidian でこのノートを開く" : "このノートの .md ファイルを開く";
    }
    entry.append(where, text);
    if (q.names.length) entry.append(el("div", "kg-community-names", q.names.join("、")));
    box.append(entry);
  }

  function openReport(report) {
    document.getElementById("kg-side")?.setAttribute("hidden", "");
    body.replaceChildren();
    const head = el("div", "kg-side-head");
    head.append(el("div", "kg-side-title", report.title));
    const span = report.first_seen ? ` · ${report.first_seen} – ${report.last_seen}` : "";
    head.append(el("div", "kg-side-sub", `コミュニティ ${report.id} · メンバー ${report.size} · 言及 ${report.mentions}${span}`));
    body.append(head);
    if (report.words.length) {
      const words = el("div", "kg-community-wordlist");
      report.words.forEach((w) => words.append(el("span", "kg-community-word", w.word)));
      part("特徴語").append(words);
    }
    const members = part("メンバー（メンバー間のエッジの多い順）");
    const more = report.size > report.members.length ? ` ほか ${report.size - report.members.length}` : "";
    members.append(el("div", "kg-community-members",
      report.members.map((m) => `${m.label}（${m.count}）`).join("、") + more));
    if (report.sentences.length) {
      const box = part("代表的な文");
      report.sentences.forEach((q) => quote(box, q));
    }
    if (report.ties.length) {
      const box = part("強い結び付き");
      report.ties.forEach((t) => box.append(el("div", "kg-community-line",
        `${t.source_label} — ${t.target_label}（共有 ${t.count} · 重み ${t.weight}）`)));
    }
    if (report.relations.length) {
      const box = part("関係");
      report.relations.forEach((s) => {
        const said = `${s.subject} → ${s.predicate}${s.negated ? "（否定）" : ""} → ${s.object}`;
        box.append(el("div", "kg-community-line", said));
        quote(box, s.quote);
      });
    }
    if (report.bridges.length) {
      part("橋渡し").append(el("div", "kg-community-line",
        report.bridges.map((b) => `${b.label}（→ ${b.communities.join(", ")}）`).join("、")));
    }
    if (report.gaps.length) {
      const box = part("ギャップ");
      report.gaps.forEach((g) => box.append(el("div", "kg-community-line",
        `${g.community}. ${g.title}: 共有する隣接 ${g.shared} · 間のエッジ ${g.between} · スコア ${g.score.toFixed(3)}`)));
    }
    side.hidden = false;
    body.scrollTop = 0;
    list.querySelectorAll(".kg-community-item").forEach((b) => {
      b.setAttribute("aria-pressed", String(b.dataset.community === String(report.id)));
    });
    highlight(report.id);
  }

  // The community's members keep their colours, the rest fades; the view frames the members drawn.
  function highlight(id) {
    const members = new Set(DATA.nodes.filter((n) => nodeInfo.get(n.id).community === id).map((n) => n.id));
    nodes.update(DATA.nodes.map((n) => ({ id: n.id, color: members.has(n.id) ? n.color : DIM })));
    edges.update(DATA.edges.map((e) => ({
      id: e.id, color: members.has(e.from) && members.has(e.to) ? e.color : DIM_EDGE })));
    const drawn = [...members].filter((n) => !nodes.get(n).hidden);
    if (!drawn.length) return;
    // framed in the part of the graph the report leaves in view
    network.fit({ nodes: drawn });
    const width = side.getBoundingClientRect().width;
    const shown = kg.container.clientWidth - width;
    const scale = (network.getScale() * Math.max(shown, 1)) / kg.container.clientWidth;
    network.moveTo({ position: network.getViewPosition(), scale, offset: { x: -width / 2, y: 0 },
      animation: { duration: 300 } });
  }

  function shut() {
    if (side.hidden) return;
    side.hidden = true;
    list.querySelectorAll(".kg-community-item").forEach((b) => b.setAttribute("aria-pressed", "false"));
    kg.highlight(null);
  }
  close.addEventListener("click", shut);
  // a click in the graph is the mentions panel's (or clears the highlight): the report steps aside
  network.on("click", () => {
    if (side.hidden) return;
    side.hidden = true;
    list.querySelectorAll(".kg-community-item").forEach((b) => b.setAttribute("aria-pressed", "false"));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") shut();
  });
})();
