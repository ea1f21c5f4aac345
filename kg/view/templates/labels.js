/* kg labels: at any zoom, the names of the most important drawn nodes that fit without
 * overlapping, in screen pixels; the others appear when zooming in gives them room, and on
 * hover. Importance is the node's drawn size (the measure chosen in the page), then its rank. */
(() => {
  "use strict";

  const { DATA, network, nodeInfo, container } = window.kg;
  const FONT = '"Noto Sans CJK JP", "Hiragino Sans", sans-serif';
  const PX = DATA.sizes.label;
  const GAP = 2;
  const DIM = "#C0C0C0";
  const rank = new Map(DATA.nodes.map((n, i) => [n.id, i]));
  const widths = new Map();
  const state = { drawn: [], hovered: null };
  window.kg.labels = state;

  network.on("hoverNode", (p) => { state.hovered = p.node; network.redraw(); });
  network.on("blurNode", () => { state.hovered = null; network.redraw(); });

  function width(ctx, text, px) {
    const key = `${px}|${text}`;
    if (!widths.has(key)) {
      ctx.font = `${px}px ${FONT}`;
      widths.set(key, ctx.measureText(text).width);
    }
    return widths.get(key);
  }

  const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  // Boxes are filed in a grid of cells, so each candidate is checked against its neighbours only.
  function makeGrid(cell) {
    const cells = new Map();
    const keys = (box, visit) => {
      for (let i = Math.floor(box.x / cell); i <= Math.floor((box.x + box.w) / cell); i++) {
        for (let j = Math.floor(box.y / cell); j <= Math.floor((box.y + box.h) / cell); j++) visit(`${i},${j}`);
      }
    };
    return {
      // with self, only the boxes of other nodes block: all of them, or with ``larger`` those as large as self's
      free(box, self = null, larger = false) {
        let ok = true;
        const blocks = (other) => self === null || (other.id !== self.id && (!larger || other.size >= self.size));
        keys(box, (k) => {
          if (ok && (cells.get(k) || []).some((other) => blocks(other) && overlaps(box, other))) ok = false;
        });
        return ok;
      },
      add(box) { keys(box, (k) => { if (!cells.has(k)) cells.set(k, []); cells.get(k).push(box); }); },
    };
  }

  network.on("afterDrawing", (ctx) => {
    const body = network.body.nodes;
    const scale = network.getScale();
    const ratio = ctx.canvas.width / (ctx.canvas.clientWidth || 1);
    const [w, h] = [container.clientWidth, container.clientHeight];
    const sizes = DATA.nodes.map((n) => n.size || 0);
    const smallest = Math.min(...sizes);
    const largest = Math.max(...sizes);
    const candidates = [];
    for (const n of DATA.nodes) {
      const node = body[n.id];
      if (!node || node.options.hidden) continue;
      const dom = network.canvasToDOM({ x: node.x, y: node.y });
      const r = node.options.size * scale;
      if (dom.x < -200 || dom.y < -50 || dom.x > w + 200 || dom.y > h + 50) continue;
      // vis keeps a node's current font colour in its options; the neighbourhood highlight greys it
      const dim = node.options.font && node.options.font.color === DIM;
      candidates.push({ id: n.id, dom, r, size: node.options.size, dim });
    }
    candidates.sort((a, b) => (b.id === state.hovered) - (a.id === state.hovered) || a.dim - b.dim
      || b.size - a.size || rank.get(a.id) - rank.get(b.id));
    const grid = makeGrid(64);
    // a label goes where it covers no other dot (the square inside it) if it can; else it may
    // cover smaller dots but never one of a node as large as its own, so the important nodes
    // stay readable
    const dots = makeGrid(64);
    candidates.forEach((c) => {
      const half = c.r * 0.7;
      if (half >= 2) dots.add({ id: c.id, size: c.size, x: c.dom.x - half, y: c.dom.y - half, w: 2 * half, h: 2 * half });
    });
    const drawn = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    for (const c of candidates) {
      const text = nodeInfo.get(c.id).short;
      const px = Math.round(PX[0] + (PX[1] - PX[0]) * (largest > smallest ? (c.size - smallest) / (largest - smallest) : 0));
      const tw = width(ctx, text, px);
      const th = Math.ceil(px * 1.25);
      const { x, y } = c.dom;
      const d = c.r * Math.SQRT1_2 + GAP;
      const places = [
        { x: x - tw / 2, y: y + c.r + GAP },
        { x: x - tw / 2, y: y - c.r - GAP - th },
        { x: x + c.r + GAP, y: y - th / 2 },
        { x: x - c.r - GAP - tw, y: y - th / 2 },
        // then at the dot's corners, so a crowded cluster finds a free side more often
        { x: x + d, y: y + d },
        { x: x + d, y: y - d - th },
        { x: x - d - tw, y: y + d },
        { x: x - d - tw, y: y - d - th },
      ];
      const inside = (b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= w && b.y + b.h <= h;
      const room = places.map((p) => ({ ...p, w: tw, h: th })).filter((b) => inside(b) && grid.free(b));
      let box = room.find((b) => dots.free(b, c)) || room.find((b) => dots.free(b, c, true));
      if (!box) {
        if (c.id !== state.hovered) continue;
        box = { ...places[0], w: tw, h: th };
      }
      grid.add(box);
      drawn.push({ id: c.id, text, px, ...box });
      ctx.font = `${px}px ${FONT}`;
      ctx.lineWidth = 4;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, box.x, box.y + (th - px) / 2);
      ctx.fillStyle = c.dim ? DIM : "#1A1A1A";
      ctx.fillText(text, box.x, box.y + (th - px) / 2);
    }
    ctx.restore();
    state.drawn = drawn;
  });
})();
