"""What the page's mentions panel and time range show: every mention of each drawn entity (up to
a cap), the units each drawn edge's two ends share, the notes with their links and dates.

Sentences, heading paths and notes are stored once each and referred to by index, so an entity
named a hundred times in one paragraph, or a dense section shared by many edges, does not copy
its text into the page again and again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.graph.cooccurrence import Unit, section_ancestors, unit_of, units_in
from kg.schema import PATH_SEP
from kg.view.links import NoteLink, note_links

if TYPE_CHECKING:
    import networkx as nx

    from kg.records import Entity, Mention, Note

MENTION_CAP = 200  # mentions listed per entity; mentions.csv has them all
PAIR_CAP = 50  # shared units listed per edge
UNIT_NAMES = {"sentence": "文", "paragraph": "段落", "section": "セクション", "note": "ノート"}


class _Table:
    """A list of distinct values, each given the index of its first appearance."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._index: dict[Any, int] = {}

    def __call__(self, value: Any) -> int:
        if value not in self._index:
            self._index[value] = len(self.items)
            self.items.append(value)
        return self._index[value]


def panel_data(
    graph: nx.Graph,
    notes: Sequence[Note],
    entities: Sequence[Entity],
    *,
    dates: Mapping[str, date | None],
    links: Mapping[str, NoteLink | None],
    nodes: Sequence[Any] | None = None,
    edges: Sequence[tuple[Any, Any]] | None = None,
    mention_cap: int = MENTION_CAP,
    pair_cap: int = PAIR_CAP,
) -> dict[str, Any]:
    """Return the panel's JSON-ready data, its node and edge lists in the order the page draws them.

    ``dates`` and ``links`` give each note path its date and its link (either may be None);
    ``nodes`` and ``edges`` are the ones the page carries (default: all of the graph's).
    """
    unit = str(graph.graph.get("unit") or "section")
    note_index = {note.path: i for i, note in enumerate(notes)}
    all_dates = sorted({d for d in dates.values() if d is not None})
    date_index = {d: i for i, d in enumerate(all_dates)}
    places, sentences = _Table(), _Table()
    order = {(b.note, b.paragraph, b.section): i for i, b in enumerate(b for n in notes for b in n.blocks)}

    def where(mention: Mention) -> tuple[int, int]:
        block = mention.block
        return order.get((block.note, block.paragraph, block.section), len(order)), mention.start

    def place(note: str, heading_path: Sequence[str]) -> int:
        return places((note_index[note], PATH_SEP.join(heading_path)))

    def day(note: str) -> int | None:
        found = dates.get(note)
        return None if found is None else date_index[found]

    by_id = {entity.id: entity for entity in entities}
    ancestors = section_ancestors(notes)
    unit_order = {key: i for i, key in enumerate(units_in(notes, unit))}
    members: dict[str, dict[tuple, list[Mention]]] = {}
    unit_places: dict[tuple, Unit] = {}
    node_data: list[dict[str, Any] | None] = []
    for node in graph.nodes if nodes is None else nodes:
        attrs = graph.nodes[node]
        entity = by_id.get(node)
        if entity is None:
            path = str(node).removeprefix("note:")
            if attrs.get("kind") == "note" and path in note_index:
                node_data.append({"note": note_index[path], "dates": [d for d in [day(path)] if d is not None]})
            else:
                node_data.append(None)
            continue
        ordered = sorted(entity.mentions, key=where)
        forms = _Table()
        items = [
            [place(m.block.note, m.block.heading_path), sentences(m.sentence), forms(m.surface), m.block.line]
            for m in ordered[:mention_cap]
        ]
        seen = sorted({d for m in ordered if (d := day(m.block.note)) is not None})
        notes_named = len({m.block.note for m in ordered})
        node_data.append({"total": len(ordered), "notes": notes_named, "forms": forms.items, "items": items,
                          "dates": seen})
        grouped: dict[tuple, list[Mention]] = defaultdict(list)
        for m in ordered:
            where_unit = unit_of(m, unit, ancestors)
            unit_places.setdefault(where_unit.key, where_unit)
            grouped[where_unit.key].append(m)
        members[entity.id] = grouped

    edge_data: list[dict[str, Any] | None] = []
    for a, b in graph.edges if edges is None else edges:
        if a not in members or b not in members:
            edge_data.append(None)
            continue
        shared = sorted(members[a].keys() & members[b].keys(), key=lambda k: unit_order.get(k, len(unit_order)))
        items = []
        for key in shared[:pair_cap]:
            in_a, in_b = members[a][key], members[b][key]
            first = min(in_a + in_b, key=where)
            items.append([
                place(unit_places[key].note, unit_places[key].heading_path),
                [sentences(s) for s in _pair_sentences(in_a, in_b)],
                first.block.line,
            ])
        seen = sorted({d for key in shared if (d := day(members[a][key][0].block.note)) is not None})
        edge_data.append({"total": len(shared), "items": items, "dates": seen})

    link_of = {note.path: links.get(note.path) for note in notes}
    return {
        "cap": mention_cap,
        "pairCap": pair_cap,
        "unitName": UNIT_NAMES.get(unit, "見出し" if unit.startswith("h") else unit),
        "notes": [
            [note.path, note.title,
             link.href if (link := link_of[note.path]) else "", link.kind if link else "",
             d.isoformat() if (d := dates.get(note.path)) else ""]
            for note in notes
        ],  # fmt: skip
        "places": [list(p) for p in places.items],
        "sentences": sentences.items,
        "dates": [d.isoformat() for d in all_dates],
        "nodes": node_data,
        "edges": edge_data,
    }


@dataclass(frozen=True)
class Sources:
    """The notes and entities a graph was built from, and the folder its page goes to (None: unknown)."""

    notes: Sequence[Note]
    entities: Sequence[Entity]
    page_dir: Path | None = None


def mentions_panel(
    graph: nx.Graph,
    sources: Sources,
    nodes: Sequence[Any] | None = None,
    edges: Sequence[tuple[Any, Any]] | None = None,
) -> dict[str, Any]:
    """Return panel_data with each note's own date and a link to its file from the page's folder."""
    dates = {note.path: note.date for note in sources.notes}
    links = note_links(sources.notes, sources.page_dir)
    return panel_data(graph, sources.notes, sources.entities, dates=dates, links=links, nodes=nodes, edges=edges)


def _pair_sentences(in_a: Sequence[Mention], in_b: Sequence[Mention]) -> list[str]:
    """Return the sentences of one unit that name both ends, else the first that names each."""
    spots_b = {(m.block.note, m.block.paragraph, m.sentence) for m in in_b}
    both = [m.sentence for m in in_a if (m.block.note, m.block.paragraph, m.sentence) in spots_b]
    if both:
        return list(dict.fromkeys(both))
    return list(dict.fromkeys([in_a[0].sentence, in_b[0].sentence]))
