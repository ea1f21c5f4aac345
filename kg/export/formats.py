"""The graph and its mentions as GraphML, node-link JSON and CSV text, and all outputs written at once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import networkx as nx

from kg.export.files import Output, write_files
from kg.records import Entity
from kg.schema import (
    EDGE_LISTS, LIST_SEP, NODE_LISTS, SENTENCE_IDS, heading_text, ids_text, join, joined, sentence_table, table_text,
)
from kg.text.chars import xml_safe

# The files write_outputs writes, report.json included.
OUTPUT_FILES = ("graph.graphml", "graph.json", "nodes.csv", "edges.csv", "sentences.csv", "mentions.csv", "graph.html",
                "report.json")
RELATION_FILES = ("relations.csv", "relations.graphml", "relations.json")
# Spreadsheets run a cell that starts with one of these (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
RELATION_COLUMNS = ["subject", "subject_label", "predicate", "group", "object", "object_label", "negated",
                    "modality", "note", "heading_path", "line", "sentence"]
MENTION_COLUMNS = [
    "entity", "type", "surface", "ene", "source", "note", "date", "heading_path", "line", "kind", "sentence",
]

if TYPE_CHECKING:
    from kg.relate import Relation

# The distinct sentences of a graph's edges and each edge's numbers into them (kg.schema.sentence_table).
SentenceTable = tuple[list[str], list[list[list[int]] | None]]


def graphml_ready(graph: nx.Graph) -> nx.Graph:
    """Return a copy whose attributes are str, int, float or bool, one type per name, XML-safe."""
    clean = graph.__class__()
    clean.graph.update(_scalars(graph.graph, {}))
    sentences, refs = _table_of(graph)
    if any(ref is not None for ref in refs):
        clean.graph["sentences"] = table_text([xml_safe(s) for s in sentences])
    for node, data in graph.nodes(data=True):
        clean.add_node(xml_safe(str(node)), **_scalars(data, NODE_LISTS))
    # a multigraph's edges keep their keys, which GraphML writes as edge ids
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for (a, b, *key, data), ref in zip(edges, refs, strict=True):
        clean.add_edge(xml_safe(str(a)), xml_safe(str(b)), *key, **_scalars(_filed(data, ref), EDGE_LISTS))
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


def _unified(kinds: set[type]) -> type:
    """Return the one type an attribute of these value types is written as."""
    if len(kinds) == 1:
        return next(iter(kinds))
    return float if kinds <= {int, float} else str


def _unify_types(graph: nx.Graph) -> None:
    """Make each attribute name hold one type, so GraphML declares one key per name."""
    for items in (graph.nodes.values(), [d for _, _, d in graph.edges(data=True)]):
        kinds: dict[str, set[type]] = {}
        for data in items:
            for key, value in data.items():
                kinds.setdefault(key, set()).add(type(value))
        for key, found in kinds.items():
            target = _unified(found)
            if len(found) == 1:
                continue
            for data in items:
                if key in data:
                    data[key] = target(data[key])


# GraphML's name of each Python type, as networkx writes it.
_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_NEEDS_ESCAPE = frozenset('&<>"\r\n\t')


def graphml_chunks(graph: nx.Graph, table: SentenceTable | None = None) -> Iterator[str]:
    """Yield the graph as GraphML text, a node or an edge at a time, the same bytes as networkx writes.

    networkx's writer builds an element tree of the whole document and then its text; on a
    vault of hundreds of thousands of edges that is the largest cost of a build. This writes the
    same document (key ids d0, d1, ... in first-use order, listed last first; graph data after
    the edges; two-space indents) straight from the graph: one pass finds each attribute's type,
    the second writes. ``table`` is sentence_table's answer for the graph's edges, when known.
    """
    # each text is made XML-safe once: a name or a heading recurs on many edges
    safe = cache(xml_safe)
    table = table or _table_of(graph)
    kinds: dict[tuple[str, str], set[type]] = {}
    for scope, items in _items_of(graph, None, table):
        for _, data in items:
            for key, value in data.items():
                if value is not None:  # left out, as _scalars leaves it out
                    kinds.setdefault((scope, key), set()).add(_written_type(value))
    types = {where: _unified(found) for where, found in kinds.items()}
    # key ids in the order networkx assigns them: graph, then nodes, then edges, first use first
    ids: dict[tuple[str, str], str] = {}
    for where in kinds:
        ids[where] = f"d{len(ids)}"
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
    for (scope, key), key_id in reversed(ids.items()):
        yield (f'\n  <key id="{key_id}" for="{scope}" attr.name="{_attrib(str(key))}" '
               f'attr.type="{_XML_TYPES[types[scope, key]]}" />')
    edgedefault = "directed" if graph.is_directed() else "undirected"
    graph_data = next(iter(dict(_items_of(graph, safe, table))["graph"]))[1]
    body = False
    for scope, items in _items_of(graph, safe, table):
        if scope == "graph":
            continue
        for name, data in items:
            if not body:
                yield f'\n  <graph edgedefault="{edgedefault}">'
                body = True
            if scope == "node":
                head = f'\n    <node id="{_attrib(name)}"'
            else:
                head = f'\n    <edge source="{_attrib(name[0])}" target="{_attrib(name[1])}"'
            yield head + _data_of(scope, data, ids, types, "      ", "    ", close=scope)
    if graph_data:
        if not body:
            yield f'\n  <graph edgedefault="{edgedefault}">'
            body = True
        for key, value in graph_data.items():
            yield _datum(ids["graph", key], types["graph", key], value, "\n    ")
    yield "\n  </graph>" if body else f'\n  <graph edgedefault="{edgedefault}" />'
    yield "\n</graphml>\n"


def _items_of(graph: nx.Graph, safe, table) -> Iterator[tuple[str, Iterator[tuple[Any, dict]]]]:
    """Yield each scope with its (name, attributes) pairs: the graph, its nodes, its edges.

    With ``safe`` (a cached xml_safe) the attributes are as GraphML writes them (see _scalars);
    without, they are the graph's own, names unchanged, for a pass that only needs their types.
    ``table`` is sentence_table's answer: edges write ``sentence_ids``, the graph ``sentences``.
    """
    def written(data: Mapping[str, object], lists: Mapping[str, str]) -> dict:
        return dict(data) if safe is None else _writable(data, lists, safe)

    sentences, refs = table
    name = (lambda n: str(n)) if safe is None else (lambda n: safe(str(n)))
    graph_data = {k: v for k, v in written(graph.graph, {}).items() if k not in ("node_default", "edge_default")}
    if any(ref is not None for ref in refs):
        graph_data["sentences"] = table_text(sentences if safe is None else [safe(s) for s in sentences])
    yield "graph", iter([(None, graph_data)])
    yield "node", ((name(n), written(d, NODE_LISTS)) for n, d in graph.nodes(data=True))
    yield "edge", (((name(a), name(b)), written(_filed(d, ref), EDGE_LISTS))
                   for (a, b, d), ref in zip(graph.edges(data=True), refs, strict=True))


def _filed(data: Mapping[str, object], ref: list[list[int]] | None) -> Mapping[str, object]:
    """Return an edge's attributes as files hold them: ``sentence_ids`` where the graph has ``sentences``."""
    if ref is None:
        return data
    return {SENTENCE_IDS if key == "sentences" else key: ids_text(ref) if key == "sentences" else value
            for key, value in data.items()}


def _written_type(value: object) -> type:
    """Return the type an attribute value is written with: numbers and flags as they are, the rest text."""
    return type(value) if isinstance(value, bool | int | float) else str


def _writable(data: Mapping[str, object], lists: Mapping[str, str], safe) -> dict[str, str | int | float | bool]:
    """Return _scalars(data, lists), making each list item and text XML-safe through ``safe``."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, bool | int | float):
            out[key] = value
        elif isinstance(value, list | tuple | set | frozenset):
            out[key] = join([safe(str(item)) for item in value], lists.get(key, LIST_SEP))
        else:
            out[key] = _scalar(value) if isinstance(value, dict) else safe(str(value))
    return out


def _attrib(text: str) -> str:
    """Return text escaped for an XML attribute, as ElementTree escapes it."""
    if not _NEEDS_ESCAPE.intersection(text):
        return text
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;"))


def _data_of(scope: str, data: dict, ids: dict, types: dict, inner: str, outer: str, close: str) -> str:
    """Return the rest of a node or edge element: its data children, or the empty tag's end."""
    if not data:
        return " />"
    parts = [">"]
    parts += [_datum(ids[scope, key], types[scope, key], value, "\n" + inner) for key, value in data.items()]
    parts.append(f"\n{outer}</{close}>")
    return "".join(parts)


def _datum(key_id: str, kind: type, value: object, indent: str) -> str:
    """Return one data element, its value converted to the attribute's one type as networkx does."""
    if type(value) is not kind:
        value = kind(value)
    text = str(value)
    if not text:
        return f'{indent}<data key="{key_id}" />'
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'{indent}<data key="{key_id}">{text}</data>'


def graphml_text(graph: nx.Graph) -> str:
    """Return the graph as GraphML text."""
    return "".join(graphml_chunks(graph))


def json_text(graph: nx.Graph) -> str:
    """Return the graph as node-link JSON."""
    return "".join(json_chunks(graph))


def json_chunks(graph: nx.Graph, table: SentenceTable | None = None) -> Iterator[str]:
    """Yield the graph as node-link JSON text, piece by piece (the same text json.dumps gives)."""
    data = nx.node_link_data(graph, edges="links")
    # node_link_data lists the edges in the graph's order, so the table's numbers fit its links
    sentences, refs = table or _table_of(graph)
    if any(ref is not None for ref in refs):
        data["graph"] = {**data["graph"], "sentences": sentences}
        data["links"] = [link if ref is None else _linked(link, ref) for link, ref in zip(data["links"], refs, strict=True)]
    return json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True).iterencode(data)


def _table_of(graph: nx.Graph) -> SentenceTable:
    """Return sentence_table's answer for the graph's edges, in the order the graph lists them."""
    return sentence_table(data for _, _, data in graph.edges(data=True))


def _linked(link: dict, ref: list[list[int]]) -> dict:
    """Return a node-link edge with ``sentence_ids`` (lists of sentence numbers) in place of ``sentences``."""
    out = {key: value for key, value in link.items() if key != "sentences"}
    out[SENTENCE_IDS] = ref
    return out


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


def relation_rows(relations: Sequence[Relation], graph: nx.Graph) -> list[dict]:
    """Return one row per relation between the graph's nodes, with its evidence."""
    label = {node: data.get("label", node) for node, data in graph.nodes(data=True)}
    return [
        {
            "subject": r.subject, "subject_label": label[r.subject], "predicate": r.predicate, "group": r.group,
            "object": r.object, "object_label": label[r.object], "negated": r.negated, "modality": r.modality,
            "note": r.note, "heading_path": heading_text(r.heading_path), "line": r.line, "sentence": r.sentence,
        }
        for r in relations if r.subject in label and r.object in label
    ]


def csv_text(rows, columns: Sequence[str] | None = None) -> str:
    """Return rows (dicts or a DataFrame) as CSV text that no spreadsheet runs as formulas.

    UTF-8 with a byte-order mark, so Excel shows Japanese correctly. Text that starts like a
    formula gets a leading quote, as OWASP recommends against CSV injection: a note can name a
    "=HYPERLINK(...)" that Excel would otherwise run when the file is opened.
    """
    import pandas as pd

    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows), columns=list(columns) if columns else None)
    return "\ufeff" + frame.map(_inert).to_csv(index=False)


def _write_chunks(fp: TextIO, chunks: Iterator[str], batch: int = 4096) -> None:
    """Write text chunks to a file a few thousand at a time: one write per chunk costs more than the text."""
    pending: list[str] = []
    for chunk in chunks:
        pending.append(chunk)
        if len(pending) == batch:
            fp.write("".join(pending))
            pending.clear()
    fp.write("".join(pending))


def _csv_to(fp: TextIO, frame) -> None:
    """Write a DataFrame to a file as csv_text would give it, without holding the text."""
    fp.write("\ufeff")
    frame.map(_inert).to_csv(fp, index=False, lineterminator="\n")


def _inert(value: object) -> object:
    """Return a CSV cell value that spreadsheets read as text: a quote before a formula's first character."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def relation_texts(relations: Sequence[Relation], graph: nx.Graph) -> dict[str, str]:
    """Return relations.csv, relations.graphml and relations.json for the relations between graph's nodes."""
    from kg.graph.relations import relation_graph

    directed = relation_graph(relations, graph)
    return {
        "relations.csv": csv_text(relation_rows(relations, graph), RELATION_COLUMNS),
        "relations.graphml": graphml_text(directed),
        "relations.json": json_text(directed),
    }


def write_outputs(
    graph: nx.Graph, entities: Sequence[Entity], out: Path, html: str, extra: Mapping[str, str] | None = None,
    remove: Iterable[str] = (),
) -> dict[str, Path]:
    """Write the seven output files and any ``extra`` ones into out, all or none; return their paths.

    The files named in ``remove`` that this build does not write are deleted once the others are in place.
    """
    import pandas as pd

    nodes, edges = frames(graph, join_lists=True)
    # found once for the three files that refer to it
    table = _table_of(graph)
    sentences, refs = table
    if "sentences" in edges.columns:
        edges.insert(list(edges.columns).index("sentences"), SENTENCE_IDS,
                     ["" if ref is None else ids_text(ref) for ref in refs])
        edges = edges.drop(columns="sentences")
    # the large ones stream to their files, so no document is held in memory whole
    texts: dict[str, Output] = {
        "graph.graphml": lambda fp: _write_chunks(fp, graphml_chunks(graph, table)),
        "graph.json": lambda fp: _write_chunks(fp, json_chunks(graph, table)),
        "nodes.csv": lambda fp: _csv_to(fp, nodes),
        "edges.csv": lambda fp: _csv_to(fp, edges),
        "sentences.csv": lambda fp: _csv_to(fp, pd.DataFrame({"id": range(len(sentences)), "sentence": sentences})),
        "mentions.csv": csv_text(mention_rows(entities), MENTION_COLUMNS),
        "graph.html": html,
        **(extra or {}),
    }
    return write_files(out, texts, remove)
