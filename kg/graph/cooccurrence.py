"""A co-occurrence graph of entities, with the evidence behind each node and edge.

Two entities are joined when they appear in the same unit (by default the innermost heading
section, with the footnotes it cites). ``weight`` is the chosen association measure; ``count``,
``jaccard`` and ``npmi`` are always stored too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import networkx as nx

from kg.errors import OptionError
from kg.graph.measures import MEASURES, measure
from kg.records import Block, Entity, Mention, Note, blocks_of
from kg.schema import MAX_EVIDENCE, PART_SEP, place
from kg.text.sentences import sentence_bounds

UNITS = ("sentence", "paragraph", "section", "h1", "h2", "h3", "h4", "h5", "h6", "note")


@dataclass(frozen=True)
class GraphOptions:
    """How the graph is built: the co-occurrence unit, the measure stored as weight, notes as nodes."""

    unit: str = "section"
    measure: str = "jaccard"
    with_notes: bool = False

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise OptionError(f"unknown {{unit}} {self.unit!r}; choose one of {', '.join(UNITS)}")
        if self.measure not in MEASURES:
            raise OptionError(f"unknown {{measure}} {self.measure!r}; choose one of {', '.join(MEASURES)}")


@dataclass(frozen=True)
class Unit:
    """One co-occurrence unit: where it is, and its heading path for evidence."""

    key: tuple
    note: str
    heading_path: tuple[str, ...]


def unit_of(mention: Mention, unit: str, ancestors: dict[tuple[str, int], dict[int, int]]) -> Unit:
    """Return the unit a mention falls in."""
    block = mention.block
    if unit == "note":
        return Unit((block.note,), block.note, ())
    # A footnote cited from two sections is copied into both, but it is one paragraph of text:
    # keying on the source block, not the section, counts its sentences and paragraph once.
    if unit == "paragraph":
        return Unit((block.note, block.paragraph), block.note, block.heading_path)
    if unit == "sentence":
        return Unit((block.note, block.paragraph, mention.sentence), block.note, block.heading_path)
    if unit == "section":
        return Unit((block.note, block.section), block.note, block.heading_path)
    level = int(unit[1])
    section = ancestors.get((block.note, block.section), {}).get(level)
    if section is None:
        # text above any heading of that level is its own unit, like a preamble
        return Unit((block.note, "above", level), block.note, ())
    depth = sum(1 for lv in block.heading_levels if lv <= level)
    return Unit((block.note, section, level), block.note, block.heading_path[:depth])


def section_ancestors(notes: Iterable[Note]) -> dict[tuple[str, int], dict[int, int]]:
    """Return, for each (note, section), the section that encloses it at each heading level."""
    result: dict[tuple[str, int], dict[int, int]] = {}
    for note in notes:
        open_at: dict[int, int] = {}
        for block in note.blocks:
            if block.kind == "heading" and block.heading_levels:
                level = block.heading_levels[-1]
                open_at = {lv: s for lv, s in open_at.items() if lv < level}
                for lv in range(level, 7):
                    open_at[lv] = block.section
            result.setdefault((block.note, block.section), dict(open_at))
    return result


def units_in(notes: Sequence[Note], unit: str) -> dict[tuple, Unit]:
    """Return every unit of this kind the notes hold, with or without entities, in document order."""
    ancestors = section_ancestors(notes)
    units: dict[tuple, Unit] = {}
    for block in blocks_of(notes):
        if unit == "sentence":
            sentences = [block.text[s:e].strip() for s, e in sentence_bounds(block.text)]
        else:
            sentences = [block.text]
        for sentence in sentences:
            where = unit_of(Mention("", "", "", block, 0, 0, sentence), unit, ancestors)
            units.setdefault(where.key, where)
    return units


@dataclass(frozen=True)
class Cooccurrences:
    """What a co-occurrence graph is made from: the units, who is in each, and the units each pair shares.

    Found before any edge is made, so the measures, which need only each pair's weight, can be
    computed beside the rest of build_graph (``weighted``).
    """

    unit: str
    weight: str
    units: dict[tuple, Unit]
    members: dict[tuple, dict[str, list[Mention]]]
    unit_count: dict[str, int]
    shared: dict[tuple[str, str], list[tuple]]

    @property
    def total(self) -> int:
        """Return how many units there are (1 at least, the measures' denominator)."""
        return max(len(self.units), 1)

    def score(self, a: str, b: str, memo: dict[tuple[int, int, int], tuple[float, float, float]]
              ) -> tuple[float, float, float]:
        """Return the weight, jaccard and npmi of the edge of a and b (a < b), rounded as the files
        keep them; ``memo`` holds them by (n_a, n_b, n_ab), which repeat across thousands of pairs."""
        counts = (self.unit_count[a], self.unit_count[b], len(self.shared[a, b]))
        found = memo.get(counts)
        if found is None:
            found = memo[counts] = _scores(self.weight, *counts, self.total)
        return found

    def weighted(self) -> Iterator[tuple[str, str, float]]:
        """Yield each pair (a < b) with the weight its edge holds."""
        memo: dict[tuple[int, int, int], tuple[float, float, float]] = {}
        for a, b in self.shared:
            yield a, b, self.score(a, b, memo)[0]


def cooccurrences(notes: Sequence[Note], entities: Sequence[Entity], *, unit: str = "section",
                  weight: str = "jaccard") -> Cooccurrences:
    """Return the units of the notes, the entities in each, and the units each pair of entities shares."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; choose one of {', '.join(UNITS)}")
    measure(weight, 1, 1, 1, 2)
    ancestors = section_ancestors(notes)
    units = units_in(notes, unit)
    members: dict[tuple, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for entity in entities:
        for mention in entity.mentions:
            where = unit_of(mention, unit, ancestors)
            units.setdefault(where.key, where)
            members[where.key][entity.id].append(mention)
    unit_count = dict.fromkeys((e.id for e in entities), 0)
    for present in members.values():
        for entity_id in present:
            unit_count[entity_id] += 1
    shared: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for key in units:  # document order, so evidence lists the first shared units first
        for a, b in combinations(sorted(members.get(key, ())), 2):
            shared[(a, b)].append(key)
    return Cooccurrences(unit, weight, units, members, unit_count, shared)


def build_graph(
    notes: Sequence[Note],
    entities: Sequence[Entity],
    *,
    unit: str = "section",
    weight: str = "jaccard",
    title: str = "kg",
    found: Cooccurrences | None = None,
) -> nx.Graph:
    """Return the co-occurrence graph of the entities over the given unit.

    ``found`` is cooccurrences(notes, entities, unit=unit, weight=weight), if already found.
    """
    found = found or cooccurrences(notes, entities, unit=unit, weight=weight)
    units, members, unit_count, shared = found.units, found.members, found.unit_count, found.shared
    graph = nx.Graph(title=title, unit=found.unit, measure=found.weight, notes=len(notes))
    for entity in entities:
        graph.add_node(entity.id, **_node_attributes(entity, unit_count[entity.id]))
    order = _block_order(notes)
    # what every pair of a unit needs, found once per unit, not once per pair
    sentences_of = {key: _UnitSentences(present, order) for key, present in members.items()}
    places = {key: place(units[key].heading_path, units[key].note) for key in members}
    # a unit lies inside one note, so any mention in it has the unit's date; ISO dates sort as the days do
    days = {key: _iso(next(iter(present.values()))[0].block.date) for key, present in members.items()}
    # the measures depend on the three counts only, which repeat across thousands of pairs
    scores: dict[tuple[int, int, int], tuple[float, float, float]] = {}
    # so do the two sentences of pairs that share none: each joined text is made once
    joined: dict[tuple[str, str], str] = {}
    edges = []
    for end, other in _listing_order(graph.nodes, shared):
        a, b = (end, other) if end < other else (other, end)
        keys = shared[a, b]
        score = found.score(a, b, scores)
        shown = keys[:MAX_EVIDENCE]
        seen = [days[keys[0]]] if len(keys) == 1 else [d for d in map(days.__getitem__, keys) if d]
        edges.append((a, b, {
            "kind": "cooccurrence",
            "weight": score[0],
            "count": len(keys),
            "jaccard": score[1],
            "npmi": score[2],
            "evidence": [places[k] for k in shown],
            "sentences": [sentences_of[k].of(a, b, joined) for k in shown],
            "first_seen": min(seen) if seen else "",
            "last_seen": max(seen) if seen else "",
        }))
    graph.add_edges_from(edges)
    return graph


def _listing_order(nodes: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the pairs in the order graph.edges() lists them once they are added in the given order.

    Added in this order, the graph holds each node's neighbours in the order a copy of it, or the
    graph read back from its GraphML, holds them; the page, which follows that order, is then the
    same for the graph however it was made, and a filter can work on it without copying it.
    """
    around: dict[str, list[str]] = defaultdict(list)
    for a, b in pairs:
        around[a].append(b)
        around[b].append(a)
    listed, done = [], set()
    for node in nodes:
        listed += [(node, other) for other in around.get(node, ()) if other not in done]
        done.add(node)
    return listed


def seen_between(days: Iterable[date | None]) -> dict[str, str]:
    """Return first_seen and last_seen: the earliest and latest of the dates, "" when none is known."""
    known = sorted(d for d in days if d is not None)
    return {"first_seen": known[0].isoformat() if known else "", "last_seen": known[-1].isoformat() if known else ""}


def _iso(day: date | None) -> str:
    """Return a date as ISO text, "" when it is not known."""
    return day.isoformat() if day is not None else ""


def _scores(weight: str, n_a: int, n_b: int, n_ab: int, total: int) -> tuple[float, float, float]:
    """Return an edge's weight, jaccard and npmi from its unit counts, rounded as the files keep them."""
    jaccard = round(measure("jaccard", n_a, n_b, n_ab, total), 6)
    npmi = round(measure("npmi", n_a, n_b, n_ab, total), 6)
    chosen = jaccard if weight == "jaccard" else npmi if weight == "npmi" else round(measure(weight, n_a, n_b, n_ab, total), 6)
    return chosen, jaccard, npmi


def _node_attributes(entity: Entity, units: int) -> dict:
    """Return the attributes of an entity node (lists as lists; kg.schema says how writers join them)."""
    notes = sorted({m.block.note for m in entity.mentions})
    evidence, seen = [], set()
    for mention in entity.mentions:
        if mention.sentence in seen:
            continue
        seen.add(mention.sentence)
        evidence.append(f"{place(mention.block.heading_path, mention.block.note)}: {mention.sentence}")
        if len(evidence) == MAX_EVIDENCE:
            break
    return {
        "kind": "entity",
        "label": entity.label,
        "type": entity.type,
        "ene": list(entity.ene),
        "aliases": list(entity.aliases),
        "count": len(entity.mentions),
        "units": units,
        "notes": notes,
        "evidence": evidence,
        **seen_between(m.block.date for m in entity.mentions),
        # one ISO date per mention in a dated note, so kg.timeline can count them per period
        "mention_dates": sorted(m.block.date.isoformat() for m in entity.mentions if m.block.date),
    }


class _Spots:
    """One entity's mentions in one unit, in document order: where the first is, and the sentences they are in."""

    __slots__ = ("first", "rank")

    def __init__(self, mentions: Sequence[Mention], order: dict[tuple, int]) -> None:
        def where(mention: Mention) -> tuple[int, int]:
            return order.get(_block_id(mention.block), len(order)), mention.start

        ordered = sorted(mentions, key=where)
        self.first = (where(ordered[0]), ordered[0].sentence)
        # each sentence (in its block) and the place of its first mention
        self.rank: dict[tuple, int] = {}
        for i, m in enumerate(ordered):
            self.rank.setdefault((_block_id(m.block), m.sentence), i)


class _UnitSentences:
    """The sentence of one unit that shows a pair: the first naming both, else each one's first, joined.

    Found for the whole unit at once: each entity's first sentence, and, for the pairs that one
    sentence names together, the first such sentence in the order of the pair's first entity.
    """

    __slots__ = ("first", "both")

    def __init__(self, present: dict[str, list[Mention]], order: dict[tuple, int]) -> None:
        spots = {e: _Spots(found, order) for e, found in present.items()}
        self.first = {e: spot.first for e, spot in spots.items()}
        holders: dict[tuple, list[str]] = defaultdict(list)
        for entity, spot in spots.items():
            for sentence in spot.rank:
                holders[sentence].append(entity)
        best: dict[tuple[str, str], tuple[int, str]] = {}
        for sentence, named in holders.items():
            for a, b in combinations(sorted(named), 2):
                rank = spots[a].rank[sentence]
                if (a, b) not in best or rank < best[a, b][0]:
                    best[a, b] = (rank, sentence[1])
        self.both = {pair: text for pair, (_, text) in best.items()}

    def of(self, a: str, b: str, joined: dict[tuple[str, str], str]) -> str:
        """Return the sentence for a and b (a < b); a joined text is kept in ``joined``, so that
        the pairs of the same two sentences share one text."""
        text = self.both.get((a, b))
        if text is not None:
            return text
        one, two = self.first[a], self.first[b]
        key = (one[1], two[1]) if one[0] <= two[0] else (two[1], one[1])
        text = joined.get(key)
        if text is None:
            text = joined[key] = f"{key[0]}{PART_SEP}{key[1]}"
        return text


def _block_id(block: Block) -> tuple[str, int, int]:
    """Return what tells one block from another: footnote copies share a paragraph, not a section."""
    return block.note, block.paragraph, block.section


def _block_order(notes: Sequence[Note]) -> dict[tuple[str, int, int], int]:
    """Return the document position of every block."""
    return {_block_id(block): i for i, block in enumerate(blocks_of(notes))}
