"""Stage 4: a co-occurrence graph of entities, with the evidence behind each node and edge.

Two entities are joined when they appear in the same unit (by default the innermost heading
section, with the footnotes it cites). ``weight`` is the chosen association measure; ``count``,
``jaccard`` and ``npmi`` are always stored too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from kg.extract import sentence_bounds
from kg.records import Block, Entity, Mention, Note

UNITS = ("sentence", "paragraph", "section", "h1", "h2", "h3", "h4", "h5", "h6", "note")
MEASURES = ("count", "jaccard", "dice", "simpson", "cosine", "npmi")
PATH_SEP = " › "
MAX_EVIDENCE = 3


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
    if unit == "paragraph":
        return Unit((block.note, block.paragraph, block.section), block.note, block.heading_path)
    if unit == "sentence":
        return Unit((block.note, block.paragraph, block.section, mention.sentence), block.note, block.heading_path)
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


def all_units(notes: Sequence[Note], unit: str) -> int:
    """Return how many units of this kind the notes hold, with or without entities."""
    ancestors = section_ancestors(notes)
    keys = set()
    for block in blocks_of(notes):
        if unit == "sentence":
            sentences = [block.text[s:e].strip() for s, e in sentence_bounds(block.text)]
        else:
            sentences = [block.text]
        for sentence in sentences:
            keys.add(unit_of(Mention("", "", "", block, 0, 0, sentence), unit, ancestors).key)
    return max(len(keys), 1)


def measure(name: str, n_a: int, n_b: int, n_ab: int, total: int) -> float:
    """Return an association measure from unit counts (see the README for the formulas)."""
    if name == "count":
        return float(n_ab)
    if name == "jaccard":
        return n_ab / (n_a + n_b - n_ab)
    if name == "dice":
        return 2 * n_ab / (n_a + n_b)
    if name == "simpson":
        return n_ab / min(n_a, n_b)
    if name == "cosine":
        return n_ab / math.sqrt(n_a * n_b)
    if name == "npmi":
        p_ab, p_a, p_b = n_ab / total, n_a / total, n_b / total
        if p_ab >= 1.0:
            return 1.0
        return math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)
    raise ValueError(f"unknown measure {name!r}; choose one of {', '.join(MEASURES)}")


def build_graph(
    notes: Sequence[Note],
    entities: Sequence[Entity],
    *,
    unit: str = "section",
    weight: str = "jaccard",
    title: str = "kg",
) -> nx.Graph:
    """Return the co-occurrence graph of the entities over the given unit."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; choose one of {', '.join(UNITS)}")
    measure(weight, 1, 1, 1, 2)
    ancestors = section_ancestors(notes)
    members: dict[tuple, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    units: dict[tuple, Unit] = {}
    for entity in entities:
        for mention in entity.mentions:
            where = unit_of(mention, unit, ancestors)
            units[where.key] = where
            members[where.key][entity.id].append(mention)
    graph = nx.Graph(title=title, unit=unit, measure=weight, notes=len(notes))
    unit_count = {e.id: sum(1 for m in members.values() if e.id in m) for e in entities}
    for entity in entities:
        graph.add_node(entity.id, **_node_attributes(entity, unit_count[entity.id]))
    total = all_units(notes, unit)
    shared: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for key in sorted(members, key=repr):
        for a, b in combinations(sorted(members[key]), 2):
            shared[(a, b)].append(key)
    for (a, b), keys in shared.items():
        n_a, n_b, n_ab = unit_count[a], unit_count[b], len(keys)
        scores = {name: measure(name, n_a, n_b, n_ab, total) for name in ("count", "jaccard", "npmi")}
        graph.add_edge(
            a,
            b,
            weight=round(measure(weight, n_a, n_b, n_ab, total), 6),
            count=n_ab,
            jaccard=round(scores["jaccard"], 6),
            npmi=round(scores["npmi"], 6),
            evidence="|".join(_path(units[k].heading_path, units[k].note) for k in keys[:MAX_EVIDENCE]),
            sentences="\n".join(_shared_sentences(members, keys, a, b)),
        )
    return graph


def _node_attributes(entity: Entity, units: int) -> dict:
    """Return the GraphML-ready attributes of an entity node."""
    notes = sorted({m.block.note for m in entity.mentions})
    evidence, seen = [], set()
    for mention in entity.mentions:
        if mention.sentence in seen:
            continue
        seen.add(mention.sentence)
        evidence.append(f"{_path(mention.block.heading_path, mention.block.note)}: {mention.sentence}")
        if len(evidence) == MAX_EVIDENCE:
            break
    return {
        "kind": "entity",
        "label": entity.label,
        "type": entity.type,
        "ene": "|".join(entity.ene),
        "aliases": "|".join(a.replace("|", "｜") for a in entity.aliases),
        "count": len(entity.mentions),
        "units": units,
        "notes": "|".join(notes),
        "evidence": "\n".join(evidence),
    }


def _path(heading_path: Sequence[str], note: str) -> str:
    """Return a heading path as one readable string, '|' made safe for '|'-joined fields."""
    parts = [note, *heading_path] if not heading_path else list(heading_path)
    return PATH_SEP.join(p.replace("|", "｜") for p in parts)


def _shared_sentences(members: dict, keys: Sequence[tuple], a: str, b: str) -> list[str]:
    """Return up to three sentences that show a and b together, preferring one sentence naming both."""
    both, either = [], []
    for key in keys:
        sentences_a = {m.sentence for m in members[key][a]}
        sentences_b = {m.sentence for m in members[key][b]}
        both.extend(sorted(sentences_a & sentences_b))
        either.extend(sorted(sentences_a | sentences_b))
    out: list[str] = []
    for sentence in both + either:
        if sentence not in out:
            out.append(sentence)
    return out[:MAX_EVIDENCE]


def blocks_of(notes: Iterable[Note]) -> list[Block]:
    """Return every block of every note, in order."""
    return [block for note in notes for block in note.blocks]
