"""Stage 5: write the graph and its mentions as GraphML, node-link JSON and CSV, atomically.

Every file is written to a temporary file in the same folder, and the renames start only when all
are written, so a failed or interrupted build never leaves a half-written or empty output behind.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import networkx as nx

from kg.records import Entity

# XML 1.0 forbids these; networkx would write them and every reader would then refuse the file.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
MENTION_COLUMNS = ["entity", "type", "surface", "ene", "source", "note", "heading_path", "line", "kind", "sentence"]


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename."""
    write_files(path.parent, {path.name: data})


def write_files(folder: Path, files: Mapping[str, str | bytes]) -> dict[str, Path]:
    """Write files into folder, all or none, and return their paths by name.

    Every file goes to a temporary file beside its target first; the renames start only once all
    are written, so a failure or Ctrl-C before then leaves every old file as it was.
    """
    folder.mkdir(parents=True, exist_ok=True)
    staged: dict[str, str] = {}
    try:
        for name, data in files.items():
            staged[name] = _write_temporary(folder / name, data)
        for name, tmp in staged.items():
            os.replace(tmp, folder / name)
    except BaseException:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        raise
    return {name: folder / name for name in files}


def _write_temporary(path: Path, data: str | bytes) -> str:
    """Return the name of a new temporary file beside path that holds data, synced to disk."""
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _umask() -> int:
    """Return the process umask (reading it means setting it, so set it back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def xml_safe(value: str) -> str:
    """Return text with the characters XML 1.0 cannot carry removed."""
    return _XML_INVALID.sub("", value)


def graphml_ready(graph: nx.Graph) -> nx.Graph:
    """Return a copy whose attributes are str, int, float or bool, one type per name, XML-safe."""
    clean = nx.Graph() if not graph.is_directed() else nx.DiGraph()
    clean.graph.update({k: _scalar(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        clean.add_node(xml_safe(str(node)), **{k: _scalar(v) for k, v in data.items() if v is not None})
    for a, b, data in graph.edges(data=True):
        clean.add_edge(xml_safe(str(a)), xml_safe(str(b)), **{k: _scalar(v) for k, v in data.items() if v is not None})
    _unify_types(clean)
    return clean


def _scalar(value: object) -> str | int | float | bool:
    """Return a GraphML-writable value: lists become '|'-joined strings, text is made XML-safe."""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return xml_safe("|".join(str(v) for v in value))
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


def frames(graph: nx.Graph):
    """Return (nodes, edges) as pandas DataFrames, one row per node and per edge."""
    import pandas as pd

    nodes = pd.DataFrame([{"id": n, **d} for n, d in graph.nodes(data=True)])
    edges = pd.DataFrame([{"source": a, "target": b, **d} for a, b, d in graph.edges(data=True)])
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
                "ene": m.label,
                "source": m.source,
                "note": m.block.note,
                "heading_path": " › ".join(m.block.heading_path),
                "line": m.block.line,
                "kind": m.block.kind,
                "sentence": m.sentence,
            })
    rows.sort(key=lambda r: (r["note"], r["line"], r["entity"]))
    return rows


def csv_text(rows: Sequence[dict], columns: Sequence[str] | None = None) -> str:
    """Return rows as CSV text (UTF-8 with BOM, so Excel shows Japanese correctly)."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(columns) if columns else None)
    return "\ufeff" + frame.to_csv(index=False)


def write_outputs(
    graph: nx.Graph, entities: Sequence[Entity], out: Path, html: str, extra: Mapping[str, str] | None = None
) -> dict[str, Path]:
    """Write the six output files and any ``extra`` ones into out, all or none; return their paths."""
    nodes, edges = frames(graph)
    texts = {
        "graph.graphml": graphml_text(graph),
        "graph.json": json_text(graph),
        "nodes.csv": "\ufeff" + nodes.to_csv(index=False),
        "edges.csv": "\ufeff" + edges.to_csv(index=False),
        "mentions.csv": csv_text(mention_rows(entities), MENTION_COLUMNS),
        "graph.html": html,
        **(extra or {}),
    }
    return write_files(out, texts)
