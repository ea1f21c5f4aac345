"""The graph and its mentions as GraphML, node-link JSON and CSV text, and all outputs written at once."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import networkx as nx

from kg.export.files import write_files
from kg.records import Entity
from kg.schema import EDGE_LISTS, NODE_LISTS, heading_text, joined
from kg.text.chars import xml_safe

# Spreadsheets run a cell that starts with one of these (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MENTION_COLUMNS = [
    "entity", "type", "surface", "ene", "source", "note", "date", "heading_path", "line", "kind", "sentence",
]


def graphml_ready(graph: nx.Graph) -> nx.Graph:
    """Return a copy whose attributes are str, int, float or bool, one type per name, XML-safe."""
    clean = nx.Graph() if not graph.is_directed() else nx.DiGraph()
    clean.graph.update(_scalars(graph.graph, {}))
    for node, data in graph.nodes(data=True):
        clean.add_node(xml_safe(str(node)), **_scalars(data, NODE_LISTS))
    for a, b, data in graph.edges(data=True):
        clean.add_edge(xml_safe(str(a)), xml_safe(str(b)), **_scalars(data, EDGE_LISTS))
    _unify_types(clean)
    return clean


def _scalars(data: Mapping[str, object], lists: Mapping[str, str]) -> dict[str, str | int | float | bool]:
    """Return GraphML-writable attributes: lists joined as kg.schema says, text XML-safe, None left out."""
    return {key: _scalar(value) for key, value in joined(data, lists).items() if value is not None}


def _scalar(value: object) -> str | int | float | bool:
    """Return a GraphML-writable value: text is made XML-safe, a dict becomes JSON."""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return xml_safe(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return xml_safe(str(value))


def _unify_types(graph: nx.Graph) -> None:
    """Make each attribute name hold one type, so GraphML declares one key per name."""
    for items in (graph.nodes.values(), [d for _, _, d in graph.edges(data=True)]):
        kinds: dict[str, set[type]] = {}
        for data in items:
            for key, value in data.items():
                kinds.setdefault(key, set()).add(type(value))
        for key, found in kinds.items():
            if len(found) == 1:
                continue
            target = float if found <= {int, float} else str
            for data in items:
                if key in data:
                    data[key] = target(data[key])


def graphml_text(graph: nx.Graph) -> str:
    """Return the graph as GraphML text."""
    buffer = io.BytesIO()
    # Key ids stay d0, d1, ...: named ids would give the graph's and the nodes' `notes` one id,
    # and networkx's reader would then read every node's `notes` as the graph's int.
    nx.write_graphml(graphml_ready(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def json_text(graph: nx.Graph) -> str:
    """Return the graph as node-link JSON."""
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def frames(graph: nx.Graph, *, join_lists: bool = False):
    """Return (nodes, edges) as pandas DataFrames, one row per node and per edge.

    List attributes stay lists, unless ``join_lists`` asks for the strings a CSV file holds.
    """
    import pandas as pd

    def row(data: Mapping, lists: Mapping[str, str]) -> Mapping:
        return joined(data, lists) if join_lists else data

    nodes = pd.DataFrame([{"id": n, **row(d, NODE_LISTS)} for n, d in graph.nodes(data=True)])
    edges = pd.DataFrame([{"source": a, "target": b, **row(d, EDGE_LISTS)} for a, b, d in graph.edges(data=True)])
    if not len(nodes):  # a vault without entities still gets a CSV with a header row
        nodes = pd.DataFrame(columns=["id", "kind", "label", "type", "count"])
    if not len(edges):
        edges = pd.DataFrame(columns=["source", "target", "weight", "count"])
    return nodes, edges


def mention_rows(entities: Sequence[Entity]) -> list[dict]:
    """Return one row per mention with its provenance."""
    rows = []
    for entity in entities:
        for m in entity.mentions:
            rows.append({
                "entity": entity.id,
                "type": entity.type,
                "surface": m.surface,
                "ene": m.ene,
                "source": m.source,
                "note": m.block.note,
                "date": m.block.date.isoformat() if m.block.date else "",
                "heading_path": heading_text(m.block.heading_path),
                "line": m.block.line,
                "kind": m.block.kind,
                "sentence": m.sentence,
            })
    rows.sort(key=lambda r: (r["note"], r["line"], r["entity"]))
    return rows


def csv_text(rows, columns: Sequence[str] | None = None) -> str:
    """Return rows (dicts or a DataFrame) as CSV text that no spreadsheet runs as formulas.

    UTF-8 with a byte-order mark, so Excel shows Japanese correctly. Text that starts like a
    formula gets a leading quote, as OWASP recommends against CSV injection: a note can name a
    "=HYPERLINK(...)" that Excel would otherwise run when the file is opened.
    """
    import pandas as pd

    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows), columns=list(columns) if columns else None)
    return "\ufeff" + frame.map(_inert).to_csv(index=False)


def _inert(value: object) -> object:
    """Return a CSV cell value that spreadsheets read as text: a quote before a formula's first character."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def write_outputs(
    graph: nx.Graph, entities: Sequence[Entity], out: Path, html: str, extra: Mapping[str, str] | None = None
) -> dict[str, Path]:
    """Write the six output files and any ``extra`` ones into out, all or none; return their paths."""
    nodes, edges = frames(graph, join_lists=True)
    texts = {
        "graph.graphml": graphml_text(graph),
        "graph.json": json_text(graph),
        "nodes.csv": csv_text(nodes),
        "edges.csv": csv_text(edges),
        "mentions.csv": csv_text(mention_rows(entities), MENTION_COLUMNS),
        "graph.html": html,
        **(extra or {}),
    }
    return write_files(out, texts)
