"""The graph as node-link JSON (networkx's node_link_data, edges as "links"), a node or a link a line.

Indenting every attribute needs json's pure-Python encoder, which spent more time on a vault of
400,000 edges than all else a rebuild does; each node and link is one line from its C encoder
instead, so the file stays readable by line and diffs by node and by edge.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from json.encoder import encode_basestring

import networkx as nx

from kg.export.columns import EdgeColumns, float_texts, rows_text
from kg.export.graphml import sentence_ids
from kg.schema import SENTENCE_IDS, id_numbers, ids_json


def json_text(graph: nx.Graph) -> str:
    """Return the graph as node-link JSON."""
    return "".join(json_chunks(graph))


def json_chunks(graph: nx.Graph, sentences: list[str] | None = None, ids: list[str | None] | None = None,
                columns: EdgeColumns | None = None) -> Iterator[str]:
    """Yield the graph as node-link JSON text, piece by piece: the graph's attributes, then a line per link and node.

    ``sentences`` and ``ids`` are the sentence table of the graph's edges and each edge's
    ids_text, when known: links carry ``sentence_ids`` where the graph has ``sentences``, and the
    graph the sentences themselves. ``columns`` is the graph's edge_columns, when known.
    """
    line = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    if sentences is None or ids is None:
        sentences, ids = sentence_ids(graph)
    graph_data = dict(graph.graph)
    if any(found is not None for found in ids):
        graph_data["sentences"] = sentences
    # the graph's own attributes are few: indented as json.dumps indents, one level in
    head = json.dumps(graph_data, ensure_ascii=False, indent=1, sort_keys=True).replace("\n", "\n ")
    yield f'{{\n "directed": {line(graph.is_directed())},\n "graph": {head},\n "links": ['
    empty = True
    for lines in _column_links(columns) if columns is not None else _links(graph, ids, line):
        yield ("\n  " if empty else ",\n  ") + lines
        empty = False
    yield ("]" if empty else "\n ]") + f',\n "multigraph": {line(graph.is_multigraph())},\n "nodes": ['
    empty = True
    for node, data in graph.nodes(data=True):
        yield ("\n  " if empty else ",\n  ") + line({**data, "id": node})
        empty = False
    yield ("]" if empty else "\n ]") + "\n}\n"


def _links(graph: nx.Graph, ids: list[str | None], line) -> Iterator[str]:
    """Yield each link as one line of JSON, ``sentence_ids`` in place of ``sentences``."""
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for (a, b, *key, data), found in zip(edges, ids, strict=True):
        link = {**data, "source": a, "target": b}
        if key:
            link["key"] = key[0]
        if found is not None:
            del link["sentences"]
            link[SENTENCE_IDS] = id_numbers(found)
        yield line(link)


def _column_links(columns: EdgeColumns) -> Iterator[str]:
    """Yield the links a block at a time, a line each, each column made JSON at once (kg.export.columns).

    The text is what json's encoder gives each link: keys sorted, ", " and ": " between items.
    """
    string = cache(encode_basestring)
    array = cache(lambda items: json.JSONEncoder(ensure_ascii=False).encode(list(items)))
    flag = {True: "true", False: "false"}.__getitem__
    keys = {"source": ("sources", string), "target": ("targets", string)}
    for i, (name, kind) in enumerate(zip(columns.names, columns.kinds, strict=True)):
        if name == "sentences":
            keys[SENTENCE_IDS] = ("ids", cache(ids_json))
        else:
            # an int's str() and a float's (finite, as columns are) are what json writes
            keys[name] = (i, string if kind is str else array if kind is list else flag if kind is bool
                          else float_texts if kind is float else str)
    order = sorted(keys)
    # the text around each value: "{", then '"key": ' after ", " for all keys but the first, then "}"
    parts = ["{" + string(order[0]) + ": ", *(", " + string(key) + ": " for key in order[1:]), "}"]
    for block in columns.blocks():
        texts = []
        for key in order:
            where, convert = keys[key]
            values = getattr(block, where) if isinstance(where, str) else block.values[where]
            texts.append(convert(values) if convert is float_texts
                         else map(convert, map(tuple, values) if convert is array else values))
        yield rows_text(parts, texts, between=",\n  ")
