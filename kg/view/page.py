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
from kg.view.shapes import community_legend, edge_info, edge_legend, node_info, summary, type_legend
from kg.view.style import layout_positions, network, node_colors
from kg.view.theme import LAYOUT_IN_PYTHON, TYPE_NAMES

if TYPE_CHECKING:
    import networkx as nx

COLOR_BY = ("type", "community")
VIS_LIB = ("templates", "lib", "vis-9.1.2")
TEMPLATE = "page.html.j2"


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
            color_by: str = "type") -> str:
    """Return a complete, self-contained HTML page that draws ``graph``.

    Give ``options``, or ``title`` and ``color_by`` as in ViewOptions.
    """
    options = options or ViewOptions(title, color_by)
    title, color_by = options.title, options.color_by
    title = str(title or graph.graph.get("title") or "kg")
    infos = [node_info(node, attrs) for node, attrs in graph.nodes(data=True)]
    colors = node_colors(infos, color_by)
    positions = layout_positions(graph) if graph.number_of_nodes() > LAYOUT_IN_PYTHON else None
    net = network(graph, infos, colors, positions)
    nodes, edges, _, _, _, options = net.get_network_data()
    labels = {info["id"]: info["label"] for info in infos}
    edge_infos = [
        edge_info(f"e{i}", (labels[str(u)], labels[str(v)]), attrs)
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
        "summary": summary(graph, infos),
        "types": type_legend(infos, swatches=color_by == "type"),
        "communities": community_legend(infos, colors) if color_by == "community" else [],
        "edge_kinds": edge_legend(edge_infos),
        "csp": _csp(vis_js, app_js),
        "vis_css": Markup(_vis_file("vis-network.css")),
        "app_css": Markup(_resource("view.css")),
        "vis_js": Markup(vis_js),
        "app_js": Markup(app_js),
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
