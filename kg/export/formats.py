"""The graph and its mentions as CSV text, and all outputs written at once (GraphML and JSON have their own
modules; the files of the edges are written by child processes, kg.export.apart)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import networkx as nx

from kg.export.apart import Apart
from kg.export.columns import EdgeColumns, edge_columns, float_texts, rows_text
from kg.export.files import Output, write_files
from kg.export.graphml import graphml_chunks, graphml_text, sentence_ids
from kg.export.nodelink import json_chunks, json_text
from kg.records import Entity
from kg.schema import EDGE_LISTS, LIST_SEP, NODE_LISTS, SENTENCE_IDS, heading_text, join, joined

# The files write_outputs writes, report.json included.
OUTPUT_FILES = ("graph.graphml", "graph.json", "nodes.csv", "edges.csv", "sentences.csv", "mentions.csv", "graph.html",
                "report.json", "communities.json", "communities.csv", "report.md")
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


def frames(graph: nx.Graph, *, join_lists: bool = False):
    """Return (nodes, edges) as pandas DataFrames, one row per node and per edge.

    List attributes stay lists, unless ``join_lists`` asks for the strings a CSV file holds.
    """
    return node_frame(graph, join_lists=join_lists), edge_frame(graph, join_lists=join_lists)


def node_frame(graph: nx.Graph, *, join_lists: bool = False):
    """Return the nodes as a pandas DataFrame, one row per node (see frames)."""
    import pandas as pd

    nodes = pd.DataFrame([{"id": n, **(joined(d, NODE_LISTS) if join_lists else d)} for n, d in graph.nodes(data=True)])
    if not len(nodes):  # a vault without entities still gets a CSV with a header row
        nodes = pd.DataFrame(columns=["id", "kind", "label", "type", "count"])
    return nodes


def edge_frame(graph: nx.Graph, *, join_lists: bool = False):
    """Return the edges as a pandas DataFrame, one row per edge (see frames)."""
    import pandas as pd

    edges = pd.DataFrame([{"source": a, "target": b, **(joined(d, EDGE_LISTS) if join_lists else d)}
                          for a, b, d in graph.edges(data=True)])
    if not len(edges):
        edges = pd.DataFrame(columns=["source", "target", "weight", "count"])
    return edges

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


def _write_chunks(fp: TextIO, chunks: Iterator[str], size: int = 1 << 20) -> None:
    """Write text chunks to a file about a megabyte at a time: one write per small chunk costs more than its text."""
    pending: list[str] = []
    held = 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            fp.write("".join(pending))
            pending.clear()
            held = 0
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


@dataclass(frozen=True)
class GraphEdges:
    """What the files need of a graph's edges: their columns (None for a graph of another shape),
    the sentence table and each edge's sentence ids (kg.schema.ids_text)."""

    columns: EdgeColumns | None
    sentences: list[str]
    ids: list[str | None]


def graph_edges(graph: nx.Graph) -> GraphEdges:
    """Return GraphEdges for graph, found once for the three files that refer to them."""
    columns = edge_columns(graph, list(graph.edges(data=True)))
    if columns is not None:
        return GraphEdges(columns, columns.sentences, columns.ids)
    return GraphEdges(None, *sentence_ids(graph))


# The files of a graph's edges, written by child processes (graph_files).
EDGE_FILES = ("graph.graphml", "graph.json", "edges.csv")


@dataclass(frozen=True)
class GraphFiles:
    """The files of a graph's edges as child processes write them, and what the other files need of the edges."""

    apart: tuple[Apart, ...]
    edges: GraphEdges

    def stop(self) -> None:
        """End the children still writing and remove their temporary files (nothing once write_outputs is done)."""
        for child in self.apart:
            child.stop()


def graph_files(graph: nx.Graph, out: Path, edges: GraphEdges | None = None,
                names: Sequence[str] = EDGE_FILES) -> GraphFiles:
    """Return GraphFiles for graph: start writing the EDGE_FILES in ``names`` into temporary files in out.

    The children see the graph as it is now: edges.csv needs its edges only, so it may start
    once they are final; graph.graphml and graph.json also hold the nodes' attributes, so they
    start once the graph is complete. ``edges`` are graph_edges(graph), if already found.
    write_outputs renames their files with the others; if the build fails before, ``stop`` ends them.
    """
    edges = edges or graph_edges(graph)
    sentences, ids, columns = edges.sentences, edges.ids, edges.columns
    # the large ones stream to their files, so no document is held in memory whole
    writers: dict[str, Output] = {
        "graph.graphml": lambda fp: _write_chunks(fp, graphml_chunks(graph, sentences, ids, columns)),
        "graph.json": lambda fp: _write_chunks(fp, json_chunks(graph, sentences, ids, columns)),
        "edges.csv": lambda fp: _edges_csv(fp, graph, ids, columns),
    }
    apart: list[Apart] = []
    try:
        for name in names:
            apart.append(Apart(out / name, writers[name]))
    except BaseException:
        for child in apart:
            child.stop()
        raise
    return GraphFiles(tuple(apart), edges)


def write_outputs(
    graph: nx.Graph, entities: Sequence[Entity], out: Path, html: str, extra: Mapping[str, str] | None = None,
    remove: Iterable[str] = (), started: GraphFiles | None = None,
) -> dict[str, Path]:
    """Write the seven output files and any ``extra`` ones into out, all or none; return their paths.

    ``started`` are the edges' files already being written (graph_files); without
    it they are started here. The files named in ``remove`` that this build does not write are
    deleted once the others are in place.
    """
    import pandas as pd

    started = started or graph_files(graph, out)
    try:
        sentences = started.edges.sentences
        texts: dict[str, Output] = {
            "nodes.csv": lambda fp: _csv_to(fp, node_frame(graph, join_lists=True)),
            "sentences.csv": lambda fp: _csv_to(fp, pd.DataFrame({"id": range(len(sentences)), "sentence": sentences})),
            "mentions.csv": csv_text(mention_rows(entities), MENTION_COLUMNS),
            "graph.html": html,
            **(extra or {}),
        }
    except BaseException:
        started.stop()
        raise
    return write_files(out, texts, remove, started.apart)


def _edges_csv(fp: TextIO, graph: nx.Graph, ids: list[str | None], columns: EdgeColumns | None) -> None:
    """Write edges.csv: a row per edge, ``sentence_ids`` in place of ``sentences``, the bytes pandas writes.

    Edges given as ``columns`` (a co-occurrence graph's are) go straight to the csv module a block
    at a time: pandas spent seconds building and mapping a frame of 400,000 rows. Any other
    graph goes through pandas.
    """
    if columns is None:
        _csv_to(fp, _edge_table(graph, ids))
        return
    fp.write("\ufeff")
    names = ["source", "target", *(SENTENCE_IDS if name == "sentences" else name for name in columns.names)]
    csv.writer(fp, lineterminator="\n").writerow(names)
    # a name or a heading recurs on many edges: each cell text is guarded and quoted once, and a
    # block of rows is one join (the csv module's writerows took two seconds on 400,000 edges)
    cell = _csv_cell()
    inert = cache(lambda value: cell(_inert(value)))
    lists = {name: cache(lambda items, sep=EDGE_LISTS.get(name, LIST_SEP): cell(_inert(join(items, sep))))
             for name, kind in zip(columns.names, columns.kinds) if kind is list}
    commas = ["", *[","] * (len(names) - 1), "\n"]
    for block in columns.blocks():
        cells = [map(inert, block.sources), map(inert, block.targets)]
        for name, kind, values in zip(columns.names, columns.kinds, block.values, strict=True):
            # sentence ids are digits, "|" and "+", which csv never quotes; numbers and flags as
            # str() writes them, as csv and pandas do
            cells.append(block.ids if name == "sentences" else map(inert, values) if kind is str
                         else map(lists[name], map(tuple, values)) if kind is list
                         else float_texts(values) if kind is float else map(str, values))
        fp.write(rows_text(commas, cells))


def _csv_cell() -> Callable[[object], str]:
    """Return a function that gives a value's text in a CSV row of several cells, as the csv module
    writes it (quoted where it must be); its callers cache it per distinct value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def cell(value: object) -> str:
        if value is None or value == "":
            return ""  # alone in a row the csv module quotes it; among others it is empty
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([value])
        return buffer.getvalue()[:-1]

    return cell


def _edge_table(graph: nx.Graph, ids: list[str | None]):
    """Return the DataFrame edges.csv holds: lists joined, ``sentence_ids`` in place of ``sentences``."""
    edges = edge_frame(graph, join_lists=True)
    if "sentences" in edges.columns:
        edges.insert(list(edges.columns).index("sentences"), SENTENCE_IDS, ["" if i is None else i for i in ids])
        edges = edges.drop(columns="sentences")
    return edges
