"""The graph as GraphML: the document networkx writes, streamed straight from the graph.

networkx's writer builds an element tree of the whole document and then its text; on a vault of
hundreds of thousands of edges that was the largest cost of a build. graphml_chunks writes the
same bytes (key ids d0, d1, ... in first-use order, listed last first; graph data after the
edges; two-space indents) a node or an edge at a time. graphml_ready is the graph networkx's own
writer would need for that document; the tests hold the two writers to the same text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from itertools import islice
from typing import Any

import networkx as nx

from kg.export.columns import EdgeColumns, float_texts, rows_text
from kg.schema import EDGE_LISTS, LIST_SEP, NODE_LISTS, SENTENCE_IDS, ids_text, join, joined, sentence_table, table_text
from kg.text.chars import xml_safe

# The distinct sentences of a graph's edges and each edge's numbers into them (kg.schema.sentence_table).
SentenceTable = tuple[list[str], list[list[list[int]] | None]]
# GraphML's name of each Python type, as networkx writes it.
_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_NEEDS_ESCAPE = frozenset('&<>"\r\n\t')
_NUMBERS = (bool, int, float)
_NONE = type(None)


def graphml_text(graph: nx.Graph) -> str:
    """Return the graph as GraphML text."""
    return "".join(graphml_chunks(graph))


def graphml_ready(graph: nx.Graph) -> nx.Graph:
    """Return a copy whose attributes are str, int, float or bool, one type per name, XML-safe."""
    clean = graph.__class__()
    clean.graph.update(_scalars(graph.graph, {}))
    sentences, refs = table_of(graph)
    if any(ref is not None for ref in refs):
        clean.graph["sentences"] = table_text([xml_safe(s) for s in sentences])
    for node, data in graph.nodes(data=True):
        clean.add_node(xml_safe(str(node)), **_scalars(data, NODE_LISTS))
    # a multigraph's edges keep their keys, which GraphML writes as edge ids
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for (a, b, *key, data), ref in zip(edges, refs, strict=True):
        clean.add_edge(xml_safe(str(a)), xml_safe(str(b)), *key, **_scalars(filed(data, ref), EDGE_LISTS))
    _unify_types(clean)
    return clean


def table_of(graph: nx.Graph) -> SentenceTable:
    """Return sentence_table's answer for the graph's edges, in the order the graph lists them."""
    return sentence_table(data for _, _, data in graph.edges(data=True))


def sentence_ids(graph: nx.Graph) -> tuple[list[str], list[str | None]]:
    """Return the sentence table of the graph's edges and each edge's ids_text (None for an edge without sentences)."""
    sentences, refs = table_of(graph)
    return sentences, [None if ref is None else ids_text(ref) for ref in refs]


def filed(data: Mapping[str, object], ref: list[list[int]] | None) -> Mapping[str, object]:
    """Return an edge's attributes as files hold them: ``sentence_ids`` where the graph has ``sentences``."""
    if ref is None:
        return data
    return {SENTENCE_IDS if key == "sentences" else key: ids_text(ref) if key == "sentences" else value
            for key, value in data.items()}


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


def graphml_chunks(graph: nx.Graph, sentences: list[str] | None = None, ids: list[str | None] | None = None,
                   columns: EdgeColumns | None = None) -> Iterator[str]:
    """Yield the graph as GraphML text, a node or an edge at a time, the same bytes as networkx writes.

    One pass finds each attribute's type, the second writes. ``sentences`` and ``ids`` are the
    sentence table of the graph's edges and each edge's ids_text (sentence_ids), ``columns`` its
    edge_columns, when known.
    """
    if sentences is None or ids is None:
        sentences, ids = sentence_ids(graph)
    graph_data = {k: v for k, v in graph.graph.items() if k not in ("node_default", "edge_default")}
    if any(found is not None for found in ids):
        graph_data["sentences"] = table_text(sentences)
    # edges given as columns all have one shape: the first edge's
    edge_data = [d for _, _, d in (islice(graph.edges(data=True), 1) if columns is not None else graph.edges(data=True))]
    kinds: dict[tuple[str, str], set[type]] = {}
    for scope, items in (("graph", [graph_data]), ("node", graph.nodes.values()), ("edge", edge_data)):
        _add_kinds(scope, items, kinds)
    types = {where: _unified(found) for where, found in kinds.items()}
    # key ids in the order networkx assigns them: graph, then nodes, then edges, first use first
    key_ids = {where: f"d{i}" for i, where in enumerate(kinds)}
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
    for (scope, key), key_id in reversed(key_ids.items()):
        yield (f'\n  <key id="{key_id}" for="{scope}" attr.name="{_attrib(str(key))}" '
               f'attr.type="{_XML_TYPES[types[scope, key]]}" />')
    edgedefault = "directed" if graph.is_directed() else "undirected"
    body = len(graph) > 0
    if body:
        yield f'\n  <graph edgedefault="{edgedefault}">'
    writer = _Writer(key_ids, types)
    for node, data in graph.nodes(data=True):
        yield f'\n    <node id="{_attrib(writer.safe(str(node)))}"' + writer.element("node", data, None)
    if columns is not None:
        yield from _column_edges(columns, key_ids)
    else:
        yield from writer.edges(graph.edges(), edge_data, ids)
    graph_data = {k: v for k, v in graph_data.items() if v is not None}
    if graph_data:
        if not body:
            yield f'\n  <graph edgedefault="{edgedefault}">'
            body = True
        for key, value in graph_data.items():
            yield writer.datum("graph", key, value, "\n    ")
    yield "\n  </graph>" if body else f'\n  <graph edgedefault="{edgedefault}" />'
    yield "\n</graphml>\n"


def _add_kinds(scope: str, items: Iterable[Mapping[str, Any]], kinds: dict[tuple[str, str], set[type]]) -> None:
    """Add the types each attribute of items is written with to kinds, names in first-use order.

    Items with the same names and value types are alike, so only the first of each shape is read:
    its names are met in the same order as reading every item would meet them.
    """
    shapes = dict.fromkeys((tuple(data), tuple(map(type, data.values()))) for data in items)
    for names, value_types in shapes:
        for key, kind in zip(names, value_types, strict=True):
            if kind is _NONE:  # left out, as _scalars leaves it out
                continue
            if scope == "edge" and key == "sentences":
                key = SENTENCE_IDS
            kinds.setdefault((scope, key), set()).add(kind if issubclass(kind, _NUMBERS) else str)


class _Writer:
    """Writes data elements, each value converted to its attribute's one type as networkx does."""

    def __init__(self, key_ids: dict[tuple[str, str], str], types: dict[tuple[str, str], type]) -> None:
        self.key_ids, self.types = key_ids, types
        # each text is made XML-safe once: a name or a heading recurs on many edges
        self.safe = cache(xml_safe)
        self.text = cache(lambda value: _escape(xml_safe(value)))

    def edges(self, ends: Iterable[tuple[Any, Any]], edge_data: Iterable[Mapping[str, Any]],
              ids: Iterable[str | None]) -> Iterator[str]:
        """Yield each edge element: the edges of one shape share a template and a converter per value."""
        name = cache(lambda node: _attrib(xml_safe(str(node))))
        plans: dict[tuple, tuple | None] = {}
        for (a, b), data, ref_ids in zip(ends, edge_data, ids, strict=True):
            shape = (tuple(data), tuple(map(type, data.values())))
            if shape not in plans:
                plans[shape] = self._plan(*shape)
            plan = plans[shape]
            if plan is not None:
                template, converters, at = plan
                texts = [convert(value) for convert, value in zip(converters, data.values())]
                if at is not None:
                    texts[at] = ref_ids
                if all(texts):
                    yield template.format(name(a), name(b), *texts)
                    continue
            # a value of another kind, or an empty text, which GraphML writes as an empty element
            yield f'\n    <edge source="{name(a)}" target="{name(b)}"' + self.element("edge", data, ref_ids)

    def _plan(self, names: tuple[str, ...], kinds: tuple[type, ...]) -> tuple | None:
        """Return the template, converters and sentence_ids position for edges of one shape, or None."""
        parts, converters, at = ['\n    <edge source="{}" target="{}"'], [], None
        for i, (key, kind) in enumerate(zip(names, kinds, strict=True)):
            if key == "sentences" and kind is not _NONE:
                key, at = SENTENCE_IDS, i
                converters.append(str)  # replaced by the edge's sentence numbers
            elif kind is str and self.types["edge", key] is str:
                converters.append(self.text)
            elif issubclass(kind, _NUMBERS):
                written = self.types["edge", key]
                converters.append(str if kind is written else lambda value, written=written: str(written(value)))
            elif kind is list or kind is tuple:
                sep = EDGE_LISTS.get(key, LIST_SEP)
                converters.append(lambda value, sep=sep: self.text(join(value, sep)))
            else:
                return None
            parts.append(f'\n      <data key="{self.key_ids["edge", key]}">{{}}</data>')
        parts.append("\n    </edge>" if converters else " />")
        if converters:
            parts[0] += ">"
        return "".join(parts), converters, at

    def element(self, scope: str, data: Mapping[str, Any], ref_ids: str | None) -> str:
        """Return the rest of a node or edge element: its data children, or the empty tag's end."""
        parts = []
        for key, value in data.items():
            if value is None:
                continue
            if ref_ids is not None and key == "sentences":
                # sentence numbers, "12|40+41": nothing in them to escape
                key_id = self.key_ids[scope, SENTENCE_IDS]
                parts.append(f'\n      <data key="{key_id}">{ref_ids}</data>' if ref_ids else f'\n      <data key="{key_id}" />')
            else:
                parts.append(self.datum(scope, key, value, "\n      "))
        if not parts:
            return " />"
        return "".join([">", *parts, f"\n    </{scope}>"])

    def datum(self, scope: str, key: str, value: Any, indent: str) -> str:
        """Return one data element."""
        kind = self.types[scope, key]
        if type(value) is str and kind is str:
            text = self.text(value)
        elif isinstance(value, _NUMBERS):
            text = str(value if type(value) is kind else kind(value))
        else:
            if isinstance(value, list | tuple | set | frozenset):
                value = join([self.safe(str(item)) for item in value], NODE_LISTS.get(key, LIST_SEP)
                             if scope == "node" else EDGE_LISTS.get(key, LIST_SEP) if scope == "edge" else LIST_SEP)
            elif isinstance(value, dict):
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            text = _escape(xml_safe(str(value)))
        if not text:
            return f'{indent}<data key="{self.key_ids[scope, key]}" />'
        return f'{indent}<data key="{self.key_ids[scope, key]}">{text}</data>'


def _column_edges(columns: EdgeColumns, key_ids: dict[tuple[str, str], str]) -> Iterator[str]:
    """Yield the edge elements a block at a time, each column made text at once (kg.export.columns).

    A block whose texts are none of them empty goes through one template with the values in it;
    an empty text is an empty element (``<data key="d3" />``), so a block with one puts each
    value into its element first.
    """
    text = cache(lambda value: _escape(xml_safe(value)))
    name = cache(lambda node: _attrib(xml_safe(node)))
    cells, elements = [], []
    for key, kind in zip(columns.names, columns.kinds, strict=True):
        key_id = key_ids["edge", SENTENCE_IDS if key == "sentences" else key]
        full, empty = f'\n      <data key="{key_id}">{{}}</data>', f'\n      <data key="{key_id}" />'
        if key == "sentences":
            cells.append(("ids", None))
        elif kind is str:
            cells.append(("text", text))
        elif kind is list:
            sep = EDGE_LISTS.get(key, LIST_SEP)
            cells.append(("text", cache(lambda items, sep=sep: text(join(items, sep)))))
        else:  # a number or a flag, written as str() writes it, never empty
            cells.append(("number", None))
        elements.append((full, empty))
    head = '\n    <edge source="{}" target="{}"'
    tail = "\n    </edge>" if cells else " />"
    # each template's text around its fields, which rows_text puts between the cells
    filled = (head + (">" if cells else "") + "".join(full for full, _ in elements) + tail).split("{}")
    wrapped = (head + (">" if cells else "") + "{}" * len(cells) + tail).split("{}")
    for block in columns.blocks():
        texts = []
        for (how, convert), values, kind in zip(cells, block.values, columns.kinds, strict=True):
            if how == "ids":
                texts.append(block.ids)
            elif how == "text":
                texts.append(list(map(convert, map(tuple, values) if kind is list else values)))
            else:
                texts.append(float_texts(values) if kind is float else list(map(str, values)))
        sources, targets = map(name, block.sources), map(name, block.targets)
        if all(how == "number" or all(column) for (how, _), column in zip(cells, texts)):
            yield rows_text(filled, [sources, targets, *texts])
            continue
        parts = [[full.format(t) if t else empty for t in column] for (full, empty), column in zip(elements, texts)]
        yield rows_text(wrapped, [sources, targets, *parts])


def _escape(text: str) -> str:
    """Return text escaped for an XML element, as ElementTree escapes it."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _attrib(text: str) -> str:
    """Return text escaped for an XML attribute, as ElementTree escapes it."""
    if not _NEEDS_ESCAPE.intersection(text):
        return text
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;"))
