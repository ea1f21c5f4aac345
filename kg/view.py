"""Render a kg graph as one self-contained, interactive HTML page.

pyvis builds the vis-network nodes, edges and options; kg renders them with its own template,
because pyvis's templates fetch vis.js and Bootstrap from CDNs and put note text into the page
unescaped. The page inlines the vis-network copy that pyvis ships, carries the graph as one JSON
blob, and its script puts every piece of note text into the page with textContent, never
innerHTML. A Content-Security-Policy that only admits the page's own scripts backs this up.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

if TYPE_CHECKING:
    import networkx as nx

COLOR_BY = ("type", "community")
FONT_FACE = '"Noto Sans CJK JP", "Hiragino Sans", sans-serif'

# Okabe & Ito's colour-blind-safe palette, one colour per entity type.
TYPE_COLORS = {
    "Country": "#0072B2",
    "Region": "#56B4E9",
    "Organization": "#E69F00",
    "Agreement": "#009E73",
    "Law": "#CC79A7",
    "Plan": "#F0E442",
    "Event": "#D55E00",
    "Person": "#7F7F7F",
}
TYPE_NAMES = {
    "Country": "国",
    "Region": "地域",
    "Organization": "組織",
    "Agreement": "協定・条約",
    "Law": "法令",
    "Plan": "計画・構想",
    "Event": "出来事",
    "Person": "人物",
    "Note": "ノート",
    "Other": "その他",
}
NOTE_COLOR = "#FFFFFF"
OTHER_COLOR = "#DDDDDD"
# Paul Tol's "muted" scheme for communities; smaller communities share OTHER_COLOR.
COMMUNITY_COLORS = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
    "#DDCC77", "#CC6677", "#882255", "#AA4499",
)  # fmt: skip

# Above this many nodes the browser would take too long to settle the physics, so the
# positions come from networkx and the physics stays off.
LAYOUT_IN_PYTHON = 300
LABEL_MAX = 24
NODE_SIZE = (8.0, 36.0)
FONT_SIZE = (16.0, 32.0)
EDGE_WIDTH = (0.6, 6.0)
SPRING_LENGTH = 130

VIS_LIB = ("templates", "lib", "vis-9.1.2")
TEMPLATE = "page.html.j2"


def to_html(graph: nx.Graph, *, title: str | None = None, color_by: str = "type") -> str:
    """Return a complete, self-contained HTML page that draws ``graph``.

    ``title`` overrides ``graph.graph["title"]``. ``color_by`` is "type" (entity type) or
    "community" (the ``community`` node attribute; nodes without one fall back to grey).
    """
    if color_by not in COLOR_BY:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    title = str(title or graph.graph.get("title") or "kg")
    infos = [_node_info(node, attrs) for node, attrs in graph.nodes(data=True)]
    colors = _node_colors(infos, color_by)
    positions = _positions(graph) if graph.number_of_nodes() > LAYOUT_IN_PYTHON else None
    net = _network(graph, infos, colors, positions)
    nodes, edges, _, _, _, options = net.get_network_data()
    labels = {info["id"]: info["label"] for info in infos}
    edge_infos = [
        _edge_info(f"e{i}", (labels[str(u)], labels[str(v)]), attrs)
        for i, (u, v, attrs) in enumerate(graph.edges(data=True))
    ]
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "info": {"nodes": infos, "edges": edge_infos},
        "typeNames": TYPE_NAMES,
    }
    vis_js = _vis_js()
    app_js = _resource("view.js")
    context = {
        "title": title,
        "summary": _summary(graph, infos),
        "types": _type_legend(infos, swatches=color_by == "type"),
        "communities": _community_legend(infos, colors) if color_by == "community" else [],
        "edge_kinds": _edge_legend(edge_infos),
        "csp": _csp(vis_js, app_js),
        "vis_css": Markup(_vis_file("vis-network.css")),
        "app_css": Markup(_resource("view.css")),
        "vis_js": Markup(vis_js),
        "app_js": Markup(app_js),
        "data": _script_json(data),
    }
    return _template().render(context)


def _network(
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
        net.add_node(vis_ids[info["id"]], label=_short(info["label"]), name=info["id"], **style)
    weights = [_number(attrs.get("weight"), 1.0) for _, _, attrs in graph.edges(data=True)]
    heaviest = max(weights, default=1.0) or 1.0
    for i, ((u, v, attrs), weight) in enumerate(zip(graph.edges(data=True), weights)):
        scale = math.sqrt(max(weight, 0.0) / heaviest) if heaviest > 0 else 0.0
        style = _edge_style(attrs, scale)
        # Network.add_edge scans every earlier edge for a duplicate (quadratic in the edge
        # count); networkx already guarantees the edges are unique.
        edge = Edge(vis_ids[str(u)], vis_ids[str(v)], net.directed, id=f"e{i}", **style)
        net.edges.append(edge.options)
    net.set_options(json.dumps(_options(graph.number_of_nodes(), physics=positions is None)))
    return net


def _node_style(info: dict[str, Any], fill: str, scale: float) -> dict[str, Any]:
    """Return the vis options of one node: size and label size grow with mentions."""
    note = info["kind"] == "note"
    font_size = round(_between(FONT_SIZE, scale))
    return {
        "shape": "square" if note else "dot",
        "color": {
            "background": fill,
            "border": "#444444" if note else _darker(fill),
            "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"},
        },
        "size": _between(NODE_SIZE, scale) * (0.6 if note else 1.0),
        "font": {"size": font_size, "color": "#1A1A1A"},
        "borderWidth": 2 if note else 1.5,
        # Mass repels: a node with a long label keeps its neighbours off that label.
        "mass": round(1 + len(_short(info["label"])) / 3, 2),
    }


def _edge_style(attrs: dict[str, Any], scale: float) -> dict[str, Any]:
    """Return the vis options of one edge: width by weight, dark if on the spanning tree."""
    kind = str(attrs.get("kind") or "cooccurrence")
    if kind != "cooccurrence":
        return {
            "width": 1,
            "dashes": True,
            "color": {"color": "rgba(90,90,140,0.45)", "highlight": "#333366", "hover": "#333366"},
        }
    color = "rgba(60,60,60,0.75)" if _flag(attrs.get("mst")) else "rgba(150,150,150,0.35)"
    return {
        "width": round(_between(EDGE_WIDTH, scale), 2),
        # Heavy edges pull harder, so strongly linked entities end up close together.
        "length": round(SPRING_LENGTH * (1.6 - scale)),
        "color": {"color": color, "highlight": "#222222", "hover": "#222222"},
    }


def _options(node_count: int, *, physics: bool) -> dict[str, Any]:
    """Return vis-network options: forceAtlas2 tuned for 50-300 nodes, or fixed positions."""
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {
            "shape": "dot",
            "font": {"face": FONT_FACE, "strokeWidth": 4, "strokeColor": "#FFFFFF"},
            "scaling": {"label": {"enabled": False}},
        },
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 1},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": node_count > LAYOUT_IN_PYTHON,
            "navigationButtons": False,
            "keyboard": False,
        },
        "layout": {"randomSeed": 7, "improvedLayout": 0 < node_count <= 150},
    }
    if not physics or node_count == 0:
        options["physics"] = {"enabled": False}
        return options
    options["physics"] = {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -70,
            "centralGravity": 0.06,
            "springLength": SPRING_LENGTH,
            "springConstant": 0.05,
            "damping": 0.5,
            "avoidOverlap": 0.8,
        },
        "maxVelocity": 60,
        "minVelocity": 0.8,
        "stabilization": {"enabled": True, "iterations": 800, "updateInterval": 40, "fit": True},
    }
    return options


def _positions(graph: nx.Graph) -> dict[str, tuple[float, float]] | None:
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


def _node_info(node: Any, attrs: dict[str, Any]) -> dict[str, Any]:
    """Return what the page shows about one node, every string still raw text."""
    kind = "note" if attrs.get("kind") == "note" else "entity"
    label = str(attrs.get("label") or node)
    info: dict[str, Any] = {
        "id": str(node),
        "label": label,
        "kind": kind,
        "notes": _split(attrs.get("notes"), "|"),
        "count": int(_number(attrs.get("count"), 1.0)),
    }
    if kind == "note":
        info["group"] = "Note"
        info["title"] = str(attrs.get("title") or label)
        info["tags"] = _split(attrs.get("tags"), "|")
        return info
    raw_type = str(attrs.get("type") or "")
    info["group"] = raw_type or "Other"
    info["type"] = raw_type
    info["aliases"] = [alias for alias in _split(attrs.get("aliases"), "|") if alias != label]
    info["ene"] = _split(attrs.get("ene"), "|")
    info["units"] = int(_number(attrs.get("units"), 0.0))
    info["evidence"] = [_evidence(item) for item in _split(attrs.get("evidence"), "\n")[:3]]
    community = _number(attrs.get("community"), math.nan)
    if math.isfinite(community):
        info["community"] = int(community)
    return info


def _edge_info(edge_id: str, ends: tuple[str, str], attrs: dict[str, Any]) -> dict[str, Any]:
    """Return what the page shows about one edge, every string still raw text."""
    return {
        "id": edge_id,
        "kind": str(attrs.get("kind") or "cooccurrence"),
        "ends": list(ends),
        "count": int(_number(attrs.get("count"), 0.0)),
        "weight": round(_number(attrs.get("weight"), 0.0), 3),
        "mst": _flag(attrs.get("mst")),
        "sections": _split(attrs.get("evidence"), "|")[:3],
        "sentences": _split(attrs.get("sentences"), "\n")[:3],
    }


def _evidence(item: str) -> list[str]:
    """Split "heading › path: sentence" into [path, sentence]; a bare sentence gets no path."""
    path, sep, sentence = item.partition(": ")
    return [path.strip(), sentence.strip()] if sep else ["", item.strip()]


def _node_colors(infos: list[dict[str, Any]], color_by: str) -> dict[str, str]:
    """Return each node's fill colour, by entity type or by community."""
    ranked = _communities(infos) if color_by == "community" else {}
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


def _communities(infos: list[dict[str, Any]]) -> dict[int, int]:
    """Return community id -> rank by size, largest first, so big communities get colours."""
    sizes = Counter(info["community"] for info in infos if "community" in info)
    return {community: rank for rank, (community, _) in enumerate(sizes.most_common())}


def _type_legend(infos: list[dict[str, Any]], *, swatches: bool) -> list[dict[str, Any]]:
    """Return one filter row per node group present, in the records' type order."""
    counts = Counter(info["group"] for info in infos)
    order = [*TYPE_COLORS, "Other", "Note"]
    rows = []
    for group in sorted(counts, key=lambda g: (order.index(g) if g in order else len(order), g)):
        color = TYPE_COLORS.get(group, OTHER_COLOR) if swatches else None
        rows.append(
            {
                "key": group,
                "name": TYPE_NAMES.get(group, group),
                "english": group if group in TYPE_NAMES else "",
                "count": counts[group],
                "color": NOTE_COLOR if group == "Note" else color,
                "shape": "square" if group == "Note" else "dot",
            }
        )
    return rows


def _community_legend(infos: list[dict[str, Any]], colors: dict[str, str]) -> list[dict[str, Any]]:
    """Return the coloured communities, each named after its most mentioned member."""
    ranked = _communities(infos)
    shown = len(COMMUNITY_COLORS)
    rows: list[dict[str, Any]] = []
    for community, rank in ranked.items():
        if rank == shown:
            break
        members = [info for info in infos if info.get("community") == community]
        lead = max(members, key=lambda info: info["count"])
        rows.append({"name": lead["label"], "count": len(members), "color": colors[lead["id"]]})
    rest = sum(
        1
        for info in infos
        if info["kind"] != "note" and ranked.get(info.get("community"), shown) >= shown
    )
    if rest:
        rows.append({"name": "その他", "count": rest, "color": OTHER_COLOR})
    return rows


def _edge_legend(edge_infos: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Return the edge styles present: spanning-tree, other co-occurrence, note links."""
    kinds = []
    if any(e["mst"] and e["kind"] == "cooccurrence" for e in edge_infos):
        kinds.append({"style": "mst", "name": "共起（最大全域木）"})
    if any(not e["mst"] and e["kind"] == "cooccurrence" for e in edge_infos):
        kinds.append({"style": "plain", "name": "共起"})
    if any(e["kind"] != "cooccurrence" for e in edge_infos):
        kinds.append({"style": "note", "name": "ノートとのつながり"})
    return kinds


def _summary(graph: nx.Graph, infos: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Return (name, value) pairs for the header: notes, entities, edges, unit."""
    notes = graph.graph.get("notes")
    if not isinstance(notes, int):
        notes = len({path for info in infos for path in info["notes"]})
    entities = sum(1 for info in infos if info["kind"] != "note")
    summary = [("ノート", f"{notes:,}"), ("エンティティ", f"{entities:,}")]
    summary.append(("エッジ", f"{graph.number_of_edges():,}"))
    if graph.graph.get("unit"):
        summary.append(("共起の単位", str(graph.graph["unit"])))
    return summary


def _script_json(data: Any) -> Markup:
    """Return ``data`` as JSON that is inert inside a <script> element.

    "<", ">" and "&" become \\u escapes, so "</script>" or "<!--" in note text cannot end or
    change the element; U+2028/2029 are escaped too, so the text stays valid as JS source.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def _csp(*scripts: str) -> str:
    """Return a Content-Security-Policy admitting only these inline scripts and no requests."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _split(value: Any, sep: str) -> list[str]:
    """Return the non-empty items of a joined string attribute (or of a list)."""
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else str(value).split(sep)
    return [str(item).strip() for item in items if str(item).strip()]


def _number(value: Any, default: float) -> float:
    """Return ``value`` as a finite float, or ``default``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _flag(value: Any) -> bool:
    """Return whether an attribute is true, also when GraphML handed it over as text."""
    return value is True or str(value).strip().lower() in ("true", "1")


def _between(bounds: tuple[float, float], scale: float) -> float:
    """Return the point ``scale`` (0..1) of the way from low to high."""
    low, high = bounds
    return low + (high - low) * scale


def _short(label: str) -> str:
    """Return a label short enough to draw; the tooltip shows it in full."""
    label = " ".join(label.split())
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def _darker(color: str, factor: float = 0.7) -> str:
    """Return a #RRGGBB colour darkened by ``factor``, for node borders."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * factor):02X}" for c in rgb)


@cache
def _template() -> Any:
    """Return the page template, with autoescaping on for everything it prints."""
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_resource(TEMPLATE))


@cache
def _resource(name: str) -> str:
    """Return the text of one file in kg/templates."""
    return files("kg").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _vis_file(name: str) -> str:
    """Return the text of one file of the vis-network copy that pyvis ships."""
    return files("pyvis").joinpath(*VIS_LIB, name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    """Return vis-network's script without its source-map comment, which names a missing file."""
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", _vis_file("vis-network.min.js"))
