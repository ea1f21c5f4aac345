"""What the page shows about each node and edge, and its legends, as plain data (every string raw text)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kg.schema import EDGE_LISTS, MAX_EVIDENCE, NODE_LISTS, split
from kg.view.theme import (
    COMMUNITY_COLORS, ENGLISH_NAMES, LABEL_MAX, NODE, NOTE_COLOR, OTHER_COLOR, TEXT, TYPE_COLORS, TYPE_NAMES,
)

if TYPE_CHECKING:
    import networkx as nx


def node_info(node: Any, attrs: dict[str, Any]) -> dict[str, Any]:
    """Return what the page shows about one node, every string still raw text."""
    kind = "note" if attrs.get("kind") == "note" else "entity"
    label = str(attrs.get("label") or node)
    info: dict[str, Any] = {
        "id": str(node),
        "label": label,
        "short": short_label(label),
        "kind": kind,
        "notes": _items(attrs, "notes", NODE_LISTS),
        "count": int(number(attrs.get("count"), 1.0)),
        # what the page can size nodes by, besides the mentions
        "degree": int(number(attrs.get("degree"), 0.0)),
        "betweenness": number(attrs.get("betweenness"), 0.0),
    }
    if kind == "note":
        info["group"] = "Note"
        info["title"] = str(attrs.get("title") or label)
        info["tags"] = _items(attrs, "tags", NODE_LISTS)
        return info
    raw_type = str(attrs.get("type") or "")
    info["group"] = raw_type or "Other"
    info["type"] = raw_type
    info["aliases"] = [alias for alias in _items(attrs, "aliases", NODE_LISTS) if alias != label]
    info["ene"] = _items(attrs, "ene", NODE_LISTS)
    info["units"] = int(number(attrs.get("units"), 0.0))
    info["evidence"] = [_evidence(item) for item in _items(attrs, "evidence", NODE_LISTS)[:MAX_EVIDENCE]]
    community = number(attrs.get("community"), math.nan)
    if math.isfinite(community):
        info["community"] = int(community)
    return info


def edge_info(edge_id: str, ends: tuple[str, str], attrs: dict[str, Any]) -> dict[str, Any]:
    """Return what the page shows about one edge, every string still raw text."""
    return {
        "id": edge_id,
        "kind": str(attrs.get("kind") or "cooccurrence"),
        "ends": list(ends),
        "count": int(number(attrs.get("count"), 0.0)),
        "weight": round(number(attrs.get("weight"), 0.0), 3),
        "mst": flag(attrs.get("mst")),
        "sections": _items(attrs, "evidence", EDGE_LISTS)[:MAX_EVIDENCE],
        "sentences": _items(attrs, "sentences", EDGE_LISTS)[:MAX_EVIDENCE],
    }


def _evidence(item: str) -> list[str]:
    """Split "heading › path: sentence" into [path, sentence]; a bare sentence gets no path."""
    path, sep, sentence = item.partition(": ")
    return [path.strip(), sentence.strip()] if sep else ["", item.strip()]


def community_ranks(infos: list[dict[str, Any]]) -> dict[int, int]:
    """Return community id -> rank by size, largest first, so big communities get colours."""
    sizes = Counter(info["community"] for info in infos if "community" in info)
    return {community: rank for rank, (community, _) in enumerate(sizes.most_common())}


def type_legend(infos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one filter row per node group present, in the records' type order."""
    counts = Counter(info["group"] for info in infos)
    order = [*TYPE_COLORS, "Other", "Note"]
    rows = []
    for group in sorted(counts, key=lambda g: (order.index(g) if g in order else len(order), g)):
        color = TYPE_COLORS.get(group, OTHER_COLOR)
        rows.append(
            {
                "key": group,
                "name": TYPE_NAMES.get(group, group),
                "english": ENGLISH_NAMES.get(group, ""),
                "count": counts[group],
                "color": NOTE_COLOR if group == "Note" else color,
                "shape": NODE["note_shape"] if group == "Note" else "dot",
            }
        )
    return rows


def community_legend(infos: list[dict[str, Any]], colors: dict[str, str]) -> list[dict[str, Any]]:
    """Return the coloured communities, each named after its most mentioned member."""
    ranked = community_ranks(infos)
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
        rows.append({"name": TEXT["rest"], "count": rest, "color": OTHER_COLOR})
    return rows


def edge_legend(edge_infos: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Return the edge styles present: spanning-tree, other co-occurrence, note links."""
    kinds = []
    if any(e["mst"] and e["kind"] == "cooccurrence" for e in edge_infos):
        kinds.append({"style": "mst", "name": TEXT["edge_mst"]})
    if any(not e["mst"] and e["kind"] == "cooccurrence" for e in edge_infos):
        kinds.append({"style": "plain", "name": TEXT["edge_plain"]})
    if any(e["kind"] != "cooccurrence" for e in edge_infos):
        kinds.append({"style": "note", "name": TEXT["edge_note"]})
    return kinds


def summary(graph: nx.Graph) -> list[tuple[str, str]]:
    """Return (name, value) pairs for the header: notes, entities, edges, unit, of the whole graph."""
    notes = graph.graph.get("notes")
    if not isinstance(notes, int):
        notes = len({path for _, attrs in graph.nodes(data=True) for path in _items(attrs, "notes", NODE_LISTS)})
    entities = sum(1 for _, kind in graph.nodes(data="kind", default="entity") if kind != "note")
    summary = [(TEXT["notes"], f"{notes:,}"), (TEXT["entities"], f"{entities:,}")]
    summary.append((TEXT["edges"], f"{graph.number_of_edges():,}"))
    if graph.graph.get("unit"):
        summary.append((TEXT["unit"], str(graph.graph["unit"])))
    return summary


def _items(attrs: dict[str, Any], name: str, lists: Mapping[str, str]) -> list[str]:
    """Return the non-blank items of a list attribute, whether it came as a list or joined (kg.schema)."""
    return [item.strip() for item in split(attrs.get(name), lists[name]) if item.strip()]


def number(value: Any, default: float) -> float:
    """Return ``value`` as a finite float, or ``default``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def flag(value: Any) -> bool:
    """Return whether an attribute is true, also when GraphML handed it over as text."""
    return value is True or str(value).strip().lower() in ("true", "1")


def short_label(label: str) -> str:
    """Return a label short enough to draw; the tooltip shows it in full."""
    label = " ".join(label.split())
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"
