"""The vis-network side of the view: pyvis nodes and edges styled by theme.toml (kg/view/layout.py places them)."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from kg.view.shapes import community_ranks, flag, number
from kg.view.theme import (
    COMMUNITY_COLORS, EDGE, EDGE_WIDTH, NODE, NODE_SIZE, NOTE_COLOR, OTHER_COLOR, TYPE_COLORS, vis_options,
)

if TYPE_CHECKING:
    import networkx as nx

    from kg.view.layout import Budget


def network(
    graph: nx.Graph,
    infos: list[dict[str, Any]],
    colors: dict[str, str],
    positions: dict[str, tuple[float, float]],
    radius: dict[str, float],
    plan: Budget,
) -> Any:
    """Return a pyvis Network of the nodes and edges the page carries, the held-back ones hidden."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    net = Network(directed=graph.is_directed())
    # vis keeps nodes in plain objects keyed by id, so a node named "__proto__" would break
    # it: vis gets positional ids and each node keeps its canonical name in ``name``.
    vis_ids = {info["id"]: f"n{i}" for i, info in enumerate(infos)}
    held = {info["id"] for info in infos[plan.shown :]}
    for info in infos:
        style = _node_style(info, colors[info["id"]], radius[info["id"]])
        style["x"], style["y"] = positions[info["id"]]
        style["hidden"] = info["id"] in held
        net.add_node(vis_ids[info["id"]], name=info["id"], **style)
    weights = [number(graph.edges[u, v].get("weight"), 1.0) for u, v in plan.edges]
    heaviest = max(weights, default=1.0) or 1.0
    for i, ((u, v), weight) in enumerate(zip(plan.edges, weights)):
        scale = math.sqrt(max(weight, 0.0) / heaviest) if heaviest > 0 else 0.0
        style = _edge_style(graph.edges[u, v], scale)
        style["hidden"] = str(u) in held or str(v) in held
        # Network.add_edge scans every earlier edge for a duplicate (quadratic in the edge
        # count); networkx already guarantees the edges are unique.
        edge = Edge(vis_ids[str(u)], vis_ids[str(v)], net.directed, id=f"e{i}", **style)
        net.edges.append(edge.options)
    net.set_options(json.dumps(vis_options(len(infos))))
    return net


def radii(infos: list[dict[str, Any]]) -> dict[str, float]:
    """Return each node's radius: entities by the square root of mentions, notes a share of the smallest."""
    top = max((info["count"] for info in infos if info["kind"] != "note"), default=1) or 1
    return {
        info["id"]: radius_of_note() if info["kind"] == "note"
        else round(_between(NODE_SIZE, math.sqrt(min(info["count"], top) / top)), 2)
        for info in infos
    }


def radius_of_note() -> float:
    """Return a note node's radius, a share of the smallest entity's."""
    return round(NODE_SIZE[0] * NODE["note_size"], 2)


def fill_and_border(info: dict[str, Any], fill: str) -> dict[str, str]:
    """Return a node's fill and border colours: an entity's border is its fill, darker."""
    return {"background": fill, "border": NODE["note_border"] if info["kind"] == "note" else _darker(fill)}


def _node_style(info: dict[str, Any], fill: str, radius: float) -> dict[str, Any]:
    """Return the vis options of one node: its shape, colours and radius (labels.js draws the label)."""
    note = info["kind"] == "note"
    selected = {"background": fill, "border": NODE["selected_border"]}
    return {
        "shape": NODE["note_shape"] if note else "dot",
        "color": {**fill_and_border(info, fill), "highlight": selected, "hover": dict(selected)},
        "size": radius,
        "font": {"color": NODE["label_color"]},
        "borderWidth": NODE["note_border_width"] if note else NODE["border_width"],
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
        "color": {"color": color, "highlight": EDGE["selected_color"], "hover": EDGE["selected_color"]},
    }


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


def _darker(color: str, factor: float = 0.7) -> str:
    """Return a #RRGGBB colour darkened by ``factor``, for node borders."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * factor):02X}" for c in rgb)
