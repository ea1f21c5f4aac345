/* kg relations: a labelled arrow per relation, a legend entry and a toggle to show only relations.
 * Runs after view.js and adds to its vis DataSet; note text reaches the page only through textContent. */
(() => {
  "use strict";

  const { DATA, edges, rules, el } = window.kg;
  const relations = DATA.relations || [];
  if (!relations.length) return;
  const COLOR = "#B23A48";

  function tooltip(r) {
    const tip = el("div", "kg-tip");
    tip.append(el("div", "kg-tip-title", `${r.ends[0]} → ${r.ends[1]}`));
    const line = el("div", "kg-tip-row");
    const words = [r.predicate, `（${r.group}）`, r.negated ? " 否定" : "", r.modality ? ` ${r.modality}` : ""];
    line.append(el("span", "kg-tip-key", "関係"), el("span", "kg-tip-value", words.join("")));
    tip.append(line);
    const box = el("div", "kg-tip-evidence");
    box.append(el("span", "kg-tip-key", "文"));
    const quote = el("div", "kg-tip-quote");
    if (r.path) quote.append(el("span", "kg-tip-path", r.path));
    quote.append(document.createTextNode(r.sentence));
    box.append(quote, el("div", "kg-tip-path", r.where));
    tip.append(box);
    return tip;
  }

  edges.add(relations.map((r) => ({
    id: r.id, from: r.from, to: r.to, kind: "relation",
    label: r.negated ? `${r.predicate}（否定）` : r.predicate,
    title: tooltip(r),
    arrows: { to: { enabled: true, scaleFactor: 0.6 } },
    color: { color: COLOR, highlight: COLOR, hover: COLOR, opacity: 0.9 },
    dashes: r.negated,
    width: 1.5,
    font: { size: 11, color: COLOR, strokeWidth: 3, strokeColor: "#FFFFFF", align: "middle" },
    smooth: { enabled: true, type: "curvedCW", roundness: 0.15 },
    physics: false,
  })));

  // the legend entry and the toggle live in their own panel section
  const section = el("section", "kg-relations");
  section.append(el("h2", "kg-heading", "関係"));
  const legend = el("ul", "kg-legend");
  const item = el("li");
  const arrow = el("span", "kg-relation-arrow", "→");
  arrow.style.color = COLOR;
  item.append(arrow, el("span", "kg-legend-name", "述語（主語 → 目的語）"), el("span", "kg-legend-count", relations.length));
  legend.append(item);
  const toggle = el("label", "kg-relations-only");
  const box = el("input");
  box.type = "checkbox";
  box.id = "kg-relations-only";
  toggle.append(box, el("span", null, "関係だけを表示"));
  section.append(legend, toggle);
  const help = document.querySelector(".kg-panel .kg-help");
  document.querySelector(".kg-panel").insertBefore(section, help);

  // the toggle is one more rule on the co-occurrence edges; an arrow is drawn while both its ends are
  rules.edges.set("relations-only", () => !box.checked);
  box.addEventListener("change", () => window.kg.apply());
  document.addEventListener("kg:shown", (event) => {
    const shown = event.detail.nodes;
    edges.update(relations.map((r) => ({ id: r.id, hidden: !(shown.has(r.from) && shown.has(r.to)) })));
  });
  window.kg.apply();
})();
