"""The vis-network side of the view: pyvis nodes and edges styled by theme.toml, and the layout."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from kg.view.shapes import community_ranks, flag, number
from kg.view.theme import (
    COMMUNITY_COLORS, EDGE, EDGE_WIDTH, FONT_SIZE, LABEL_MAX, NODE, NODE_SIZE, NOTE_COLOR, OTHER_COLOR,
    SPRING_LENGTH, TYPE_COLORS, vis_options,
)

if TYPE_CHECKING:
    import networkx as nx


def network(
    graph: nx.Graph,
    infos: list[dict[str, Any]],
    colors: dict[str, str],
    positions: dict[str, tuple[float, float]] | None,
) -> Any:
    """Return a pyvis Network holding the styled nodes and edges and the vis options."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    net = Network(directed=graph.is_directed())
    counts = [info["count"] for info in infos if info["kind"] != "note"]
    top = max(counts, default=1) or 1
    # vis keeps nodes in plain objects keyed by id, so a node named "__proto__" would break
    # it: vis gets positional ids and each node keeps its canonical name in ``name``.
    vis_ids = {info["id"]: f"n{i}" for i, info in enumerate(infos)}
    for info in infos:
        scale = 0.0 if info["kind"] == "note" else math.sqrt(min(info["count"], top) / top)
        style = _node_style(info, colors[info["id"]], scale)
        if positions is not None:
            style["x"], style["y"] = positions[info["id"]]
        net.add_node(vis_ids[info["id"]], label=short_label(info["label"]), name=info["id"], **style)
    weights = [number(attrs.get("weight"), 1.0) for _, _, attrs in graph.edges(data=True)]
    heaviest = max(weights, default=1.0) or 1.0
    for i, ((u, v, attrs), weight) in enumerate(zip(graph.edges(data=True), weights)):
        scale = math.sqrt(max(weight, 0.0) / heaviest) if heaviest > 0 else 0.0
        style = _edge_style(attrs, scale)
        # Network.add_edge scans every earlier edge for a duplicate (quadratic in the edge
        # count); networkx already guarantees the edges are unique.
        edge = Edge(vis_ids[str(u)], vis_ids[str(v)], net.directed, id=f"e{i}", **style)
        net.edges.append(edge.options)
    net.set_options(json.dumps(vis_options(graph.number_of_nodes(), physics=positions is None)))
    return net


def _node_style(info: dict[str, Any], fill: str, scale: float) -> dict[str, Any]:
    """Return the vis options of one node: size and label size grow with mentions."""
    note = info["kind"] == "note"
    font_size = round(_between(FONT_SIZE, scale))
    selected = {"background": fill, "border": NODE["selected_border"]}
    return {
        "shape": NODE["note_shape"] if note else "dot",
        "color": {
            "background": fill,
            "border": NODE["note_border"] if note else _darker(fill),
            "highlight": selected,
            "hover": dict(selected),
        },
        "size": _between(NODE_SIZE, scale) * (NODE["note_size"] if note else 1.0),
        "font": {"size": font_size, "color": NODE["label_color"]},
        "borderWidth": NODE["note_border_width"] if note else NODE["border_width"],
        # Mass repels: a node with a long label keeps its neighbours off that label.
        "mass": round(1 + len(short_label(info["label"])) / 3, 2),
    }


def _edge_style(attrs: dict[str, Any], scale: float) -> dict[str, Any]:
    """Return the vis options of one edge: width by weight, dark if on the spanning tree."""
    kind = str(attrs.get("kind") or "cooccurrence")
    if kind != "cooccurrence":
        selected = EDGE["note_selected_color"]
        return {
            "width": EDGE["note_width"],
            "dashes": True,
            "color": {"color": EDGE["note_color"], "highlight": selected, "hover": selected},
        }
    color = EDGE["mst_color"] if flag(attrs.get("mst")) else EDGE["plain_color"]
    return {
        "width": round(_between(EDGE_WIDTH, scale), 2),
        # Heavy edges pull harder, so strongly linked entities end up close together.
        "length": round(SPRING_LENGTH * (1.6 - scale)),
        "color": {"color": color, "highlight": EDGE["selected_color"], "hover": EDGE["selected_color"]},
    }


def layout_positions(graph: nx.Graph) -> dict[str, tuple[float, float]] | None:
    """Return seeded spring-layout positions in pixels, or None if networkx cannot compute them.

    From 500 nodes on, networkx's spring layout needs SciPy; without it the browser lays the
    graph out instead, which is slower but still settles.
    """
    import networkx as nx

    try:
        # Unweighted: the edge weight may be NPMI, whose negative values would push apart.
        layout = nx.spring_layout(
            graph, k=3 / math.sqrt(len(graph)), weight=None, seed=7, scale=45 * math.sqrt(len(graph))
        )
    except ImportError:
        return None
    return {str(node): (round(float(x), 1), round(float(y), 1)) for node, (x, y) in layout.items()}


def node_colors(infos: list[dict[str, Any]], color_by: str) -> dict[str, str]:
    """Return each node's fill colour, by entity type or by community."""
    ranked = community_ranks(infos) if color_by == "community" else {}
    colors = {}
    for info in infos:
        if info["kind"] == "note":
            colors[info["id"]] = NOTE_COLOR
        elif color_by == "community":
            rank = ranked.get(info.get("community"), len(COMMUNITY_COLORS))
            colors[info["id"]] = COMMUNITY_COLORS[rank] if rank < len(COMMUNITY_COLORS) else OTHER_COLOR
        else:
            colors[info["id"]] = TYPE_COLORS.get(info["type"], OTHER_COLOR)
    return colors


def _between(bounds: tuple[float, float], scale: float) -> float:
    """Return the point ``scale`` (0..1) of the way from low to high."""
    low, high = bounds
    return low + (high - low) * scale


def short_label(label: str) -> str:
    """Return a label short enough to draw; the tooltip shows it in full."""
    label = " ".join(label.split())
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def _darker(color: str, factor: float = 0.7) -> str:
    """Return a #RRGGBB colour darkened by ``factor``, for node borders."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * factor):02X}" for c in rgb)
