"""Stage 4c: the two-mode graph, with each note as a node beside the entities it mentions.

A note node (id ``note:`` + its path, so it can never be taken for an entity) is linked to every
entity it mentions (edge ``kind`` "mentions") and to every note of the vault its wikilinks point
to (edge ``kind`` "link"). Wikilinks resolve the way Obsidian resolves them (see
``link_resolver``). Links to notes outside the vault are not edges, and no phantom node stands
for them: the linking note lists them as ``unresolved``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePosixPath

import networkx as nx

from kg.graph.cooccurrence import seen_between
from kg.notes import MARKDOWN_SUFFIXES
from kg.records import Entity, Note
from kg.schema import MAX_EVIDENCE, heading_text, place
from kg.text.sentences import sentence_bounds

NOTE_PREFIX = "note:"


def note_id(path: str) -> str:
    """Return the node id of the note at path."""
    return NOTE_PREFIX + path


def add_notes(graph: nx.Graph, notes: Sequence[Note], entities: Sequence[Entity]) -> nx.Graph:
    """Return a copy of the graph with a node per note, its mention edges and its wikilink edges.

    Only entities still in the graph get mention edges, so filters applied before still hold.
    When the co-occurrence edges carry ``mst``, the new edges carry it too, as False.
    """
    two = graph.copy()
    flags = {"mst": False} if any("mst" in data for _, _, data in graph.edges(data=True)) else {}
    mentioned = [e for e in entities if e.id in graph]
    counts: dict[str, int] = defaultdict(int)
    for entity in mentioned:
        for mention in entity.mentions:
            counts[mention.block.note] += 1
    links, unresolved = note_links(notes)
    for note in notes:
        node = note_id(note.path)
        if node in graph:
            raise ValueError(f"an entity has the id {node!r}, which the note {note.path} needs")
        two.add_node(node, **_note_attributes(note, counts[note.path], unresolved.get(note.path, ())))
    for entity in mentioned:
        by_note = defaultdict(list)
        for mention in entity.mentions:
            by_note[mention.block.note].append(mention)
        for path, mentions in by_note.items():
            evidence = _first_places([(m.block.heading_path, m.sentence) for m in mentions])
            two.add_edge(
                note_id(path),
                entity.id,
                kind="mentions",
                weight=round(len(mentions) / len(entity.mentions), 6),
                count=len(mentions),
                evidence=[place(heading, path) for heading, _ in evidence],
                sentences=[sentence for _, sentence in evidence],
                **seen_between([mentions[0].block.date]),
                **flags,
            )
    dated = {note.path: note.date for note in notes}
    for (a, b), places in links.items():
        evidence = _first_places(places)
        two.add_edge(
            note_id(a),
            note_id(b),
            kind="link",
            weight=1.0,
            count=len(places),
            evidence=[heading_text(path) for path, _ in evidence],
            sentences=[sentence for _, sentence in evidence],
            **seen_between([dated[a], dated[b]]),
            **flags,
        )
    return two


def note_links(notes: Sequence[Note]) -> tuple[dict[tuple[str, str], list], dict[str, tuple[str, ...]]]:
    """Return the wikilinks between notes of the vault, and the targets each note could not resolve.

    Links are keyed by the two note paths in order, both directions together; each link is
    (note path + heading path, sentence). A footnote copied into two sections counts once, and
    a note's links to itself (``[[#heading]]``) are not edges.
    """
    resolve = link_resolver([note.path for note in notes])
    links: dict[tuple[str, str], list] = defaultdict(list)
    unresolved: dict[str, tuple[str, ...]] = {}
    for note in notes:
        seen, missing = set(), []
        for block in note.blocks:
            for link in block.links:
                if not link.wiki or (block.paragraph, link.start) in seen:
                    continue
                seen.add((block.paragraph, link.start))
                target = resolve(link.target, note.path)
                if target is None:
                    missing.append(link.target)
                elif target != note.path:
                    sentence = _sentence_at(block.text, link.start)
                    links[tuple(sorted((note.path, target)))].append(((note.path, *block.heading_path), sentence))
        unresolved[note.path] = tuple(dict.fromkeys(missing))
    return dict(links), unresolved


def link_resolver(paths: Sequence[str]):
    """Return a function (target, linking note's path) -> the vault path it points to, or None.

    As Obsidian does: a target that is a vault path (without .md) wins; otherwise the notes
    whose path ends with the target, preferring the linking note's own folder, then the
    shortest path. Case and Unicode normalisation do not matter.
    """
    by_path = {_key(_without_suffix(path)): path for path in paths}
    by_stem: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, path in by_path.items():
        by_stem[key.rsplit("/", 1)[-1]].append((key, path))

    def resolve(target: str, source: str) -> str | None:
        key = _key(_without_suffix(target.strip().lstrip("/")))
        if key in by_path:
            return by_path[key]
        candidates = [path for k, path in by_stem.get(key.rsplit("/", 1)[-1], []) if k.endswith("/" + key)]
        if not candidates:
            return None
        folder = PurePosixPath(source).parent
        return min(candidates, key=lambda path: (PurePosixPath(path).parent != folder, len(path), path))

    return resolve


def _key(path: str) -> str:
    """Return a path as Obsidian compares link targets: NFC, case-insensitive."""
    return unicodedata.normalize("NFC", path).casefold()


def _without_suffix(path: str) -> str:
    """Return a path without its Markdown suffix."""
    for suffix in MARKDOWN_SUFFIXES:
        if path.lower().endswith(suffix):
            return path[: -len(suffix)]
    return path


def _sentence_at(text: str, offset: int) -> str:
    """Return the sentence of text that holds offset."""
    for start, end in sentence_bounds(text):
        if start <= offset < end:
            return text[start:end].strip()
    return text.strip()


def _first_places(places: Sequence[tuple]) -> list[tuple]:
    """Return up to MAX_EVIDENCE (heading path, sentence) pairs, each sentence once."""
    out, seen = [], set()
    for heading, sentence in places:
        if sentence not in seen:
            seen.add(sentence)
            out.append((heading, sentence))
    return out[:MAX_EVIDENCE]


def _note_attributes(note: Note, mentions: int, unresolved: Sequence[str]) -> dict:
    """Return the attributes of a note node, typed like an entity node's."""
    return {
        "kind": "note",
        "label": note.title,
        "title": note.title,
        "tags": list(note.tags),
        "dates": [f"{key}={value}" for key, value in note.dates],
        "aliases": list(note.aliases),
        "count": mentions,
        "notes": [note.path],
        "unresolved": list(unresolved),
        **seen_between([note.date]),
    }
