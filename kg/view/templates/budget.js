/* kg size budget: how many of the carried nodes are drawn, the weakest edge drawn, and what
 * the nodes' size and colour show. The header says what is drawn and what is held back. */
(() => {
  "use strict";

  const { DATA, nodes, nodeInfo, rules } = window.kg;
  const RADIUS = DATA.sizes.radius;
  const NOTE_RADIUS = DATA.sizes.note;
  const rank = new Map(DATA.nodes.map((n, i) => [n.id, i]));
  const top = document.getElementById("kg-top");
  const weight = document.getElementById("kg-weight");
  const sizeBy = document.getElementById("kg-size-by");
  const colorBy = document.getElementById("kg-color-by");
  let limit = DATA.budget.shown;
  let minWeight = 0;
  const revealed = new Set();

  rules.nodes.set("budget", (id) => rank.get(id) < limit || revealed.has(id));
  rules.edges.set("budget", (id, info) => info.kind !== "cooccurrence" || info.weight >= minWeight);

  const number = (n) => n.toLocaleString("en-US");
  document.addEventListener("kg:shown", (event) => {
    const { entities, edges } = event.detail;
    document.getElementById("kg-shown-nodes").textContent = number(entities);
    document.getElementById("kg-held-nodes").textContent = number(DATA.budget.entities - entities);
    document.getElementById("kg-shown-edges").textContent = number(edges);
  });
  document.addEventListener("kg:reveal", (event) => {
    if (rank.get(event.detail) >= limit && !revealed.has(event.detail)) {
      revealed.add(event.detail);
      window.kg.apply();
    }
  });

  top.addEventListener("input", () => {
    limit = Number(top.value);
    document.getElementById("kg-top-value").textContent = number(limit);
    window.kg.apply();
  });
  weight.addEventListener("input", () => {
    minWeight = Number(weight.value);
    document.getElementById("kg-weight-value").textContent = minWeight.toFixed(3);
    window.kg.apply();
  });

  // Node size: the square root of the chosen measure, scaled to the largest carried node.
  function resize() {
    const measure = sizeBy.value;
    const values = DATA.info.nodes.map((info) => (info.kind === "note" ? 0 : Number(info[measure]) || 0));
    const largest = Math.max(...values, 0) || 1;
    const update = DATA.nodes.map((n, i) => {
      const size = DATA.info.nodes[i].kind === "note"
        ? NOTE_RADIUS : RADIUS[0] + (RADIUS[1] - RADIUS[0]) * Math.sqrt(values[i] / largest);
      n.size = size;
      return { id: n.id, size };
    });
    nodes.update(update);
  }
  sizeBy.addEventListener("change", resize);

  // Colour by type or community; DATA.nodes keeps the current colours, which the
  // neighbourhood highlight restores.
  function recolour() {
    const by = colorBy.value;
    document.body.dataset.color = by;
    nodes.update(DATA.nodes.map((n) => {
      const { background, border } = nodeInfo.get(n.id).colors[by];
      n.color = { ...n.color, background, border, highlight: { ...n.color.highlight, background },
        hover: { ...n.color.hover, background } };
      return { id: n.id, color: n.color };
    }));
  }
  colorBy.addEventListener("change", recolour);
})();
