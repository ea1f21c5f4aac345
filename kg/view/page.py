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
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from kg.errors import OptionError
from kg.view.communities import community_panel
from kg.view.panel import Sources, mentions_panel
from kg.view.relations import relation_edges
from kg.view.shapes import community_legend, edge_info, edge_legend, node_info, summary, type_legend
from kg.view.layout import Placement, placement
from kg.view.style import fill_and_border, network, node_colors, radii, radius_of_note
from kg.view.theme import FONT_SIZE, NODE_SIZE, TYPE_NAMES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import networkx as nx

    from kg.community import Community
    from kg.relate import Relation

COLOR_BY = ("type", "community")
VIS_LIB = ("templates", "lib", "vis-9.1.2")
TEMPLATE = "page.html.j2"
# The page's scripts, run in this order: view.js builds the network and window.kg, the others
# add to it (budget.js the size budget and its controls, labels.js the labels that fit,
# communities.js the list of community reports and the report of the one clicked,
# panel.js the mentions panel and the time range, relations.js the relation arrows, corrections.js
# the corrections a user makes in the page); the styles likewise.
SCRIPTS = ("view.js", "budget.js", "labels.js", "panel.js", "relations.js", "communities.js", "corrections.js")
STYLES = ("view.css", "panel.css", "relations.css", "communities.css", "corrections.css")


@dataclass(frozen=True)
class ViewOptions:
    """How the page looks: its title (default: the graph's) and what colours the nodes.

    ``color_by`` is "type" (entity type) or "community" (the ``community`` node attribute; nodes
    without one fall back to grey).
    """

    title: str | None = None
    color_by: str = "type"

    def __post_init__(self) -> None:
        if self.color_by not in COLOR_BY:
            raise OptionError(f"{{color_by}} must be one of {', '.join(COLOR_BY)}, not {self.color_by!r}")


def to_html(graph: nx.Graph, options: ViewOptions | None = None, *, title: str | None = None,
            color_by: str = "type", sources: Sources | None = None, relations: Sequence[Relation] = (),
            communities: Sequence[Community] | Callable[[], Sequence[Community]] = (),
            placed: Placement | None = None, corrections: Sequence[dict] = ()) -> str:
    """Return a complete, self-contained HTML page that draws ``graph``.

    Give ``options``, or ``title`` and ``color_by`` as in ViewOptions; the page can switch the
    colours. It carries at most CARRIED nodes, the most central, and draws SHOWN of them at
    first (kg/view/layout.py); the full graph stays in GraphML, JSON and CSV. With ``sources``
    (the notes and entities behind the graph) a click lists every mention of a node or the
    units an edge's two ends share, and a time range hides what the notes of a period do not name.
    ``relations`` (kg.relate.Relation) are drawn as labelled arrows between the nodes it carries.
    ``placed`` is placement(graph), if already found (a build finds it beside the measures).
    ``communities`` (kg.community reports, or a function that returns them, called once the rest of
    the page is made, so that another process may find them meanwhile) make the list of communities
    and the report of the one clicked.
    ``corrections`` are those the build read (kg.resolve.corrections); the page's Save writes them again.
    """
    options = options or ViewOptions(title, color_by)
    title, color_by = options.title, options.color_by
    title = str(title or graph.graph.get("title") or "kg")
    placed = placed or placement(graph)
    plan = placed.plan
    infos = [node_info(node, graph.nodes[node]) for node in plan.nodes]
    palettes = {by: node_colors(infos, by) for by in COLOR_BY}
    for info in infos:
        info["colors"] = {by: fill_and_border(info, palettes[by][info["id"]]) for by in COLOR_BY}
    radius = radii(infos)
    net = network(graph, infos, palettes[color_by], placed.positions, radius, plan)
    nodes, edges, _, _, _, options = net.get_network_data()
    for node in nodes:
        node.pop("label", None)  # labels.js draws the labels that fit
    labels = {info["id"]: info["label"] for info in infos}
    edge_infos = [
        edge_info(f"e{i}", (labels[str(u)], labels[str(v)]), graph.edges[u, v]) for i, (u, v) in enumerate(plan.edges)
    ]
    shown = {info["id"] for info in infos[: plan.shown]}
    held = {
        "shown": plan.shown,
        "carried": len(plan.nodes),
        "entities": sum(1 for _, kind in graph.nodes(data="kind", default="entity") if kind != "note"),
        "shownEntities": sum(1 for info in infos[: plan.shown] if info["kind"] != "note"),
        "edges": graph.number_of_edges(),
        "shownEdges": sum(1 for u, v in plan.edges if str(u) in shown and str(v) in shown),
        "maxWeight": max((e["weight"] for e in edge_infos), default=0.0),
    }
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "info": {"nodes": infos, "edges": edge_infos},
        "typeNames": TYPE_NAMES,
        "budget": held,
        # what budget.js and labels.js size dots (layout units) and labels (pixels) by
        "sizes": {"radius": list(NODE_SIZE), "note": radius_of_note(), "label": list(FONT_SIZE)},
        "relations": relation_edges(relations, infos),
        "corrections": list(corrections),
    }
    if sources is not None:
        data["panel"] = mentions_panel(graph, sources, nodes=plan.nodes, edges=plan.edges)
    data["communities"] = community_panel(communities() if callable(communities) else communities)
    vis_js = _vis_js()
    scripts = [_resource(name) for name in SCRIPTS]
    context = {
        "title": title,
        "summary": summary(graph),
        "budget": held,
        "types": type_legend(infos),
        "communities": community_legend(infos, palettes["community"]),
        "color_by": color_by,
        "edge_kinds": edge_legend(edge_infos),
        "csp": _csp(vis_js, *scripts),
        "vis_css": Markup(_vis_file("vis-network.css")),
        "app_css": Markup("\n".join(_resource(name) for name in STYLES)),
        "vis_js": Markup(vis_js),
        "scripts": [Markup(script) for script in scripts],
        "data": _script_json(data),
    }
    return _template().render(context)


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


@cache
def _template() -> Any:
    """Return the page template, with autoescaping on for everything it prints."""
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_resource(TEMPLATE))


@cache
def _resource(name: str) -> str:
    """Return the text of one file in kg/templates."""
    return files("kg.view").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _vis_file(name: str) -> str:
    """Return the text of one file of the vis-network copy that pyvis ships."""
    return files("pyvis").joinpath(*VIS_LIB, name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    """Return vis-network's script without its source-map comment, which names a missing file."""
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", _vis_file("vis-network.min.js"))
