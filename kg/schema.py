"""The attribute format of kg's graphs: which attributes are lists, and how they become strings.

In the program a list is a list: kg.build returns nodes whose ``aliases`` is ``["アメリカ", "米国"]``.
Only the writers that need one string per attribute (GraphML, CSV) join lists, with ``join``, and
kg.read_graphml and the view split them again with ``split``, so both ends agree by construction.

A '|'-joined list writes a '|' inside an item as the full-width '｜', so an item never splits in
two (reading it back gives '｜': the escape is one-way, and names rarely hold either bar). Lines
(evidence sentences) never hold a line break, since sentences end at one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

LIST_SEP = "|"
LINE_SEP = "\n"
# A heading path as one string: 第1章 › 概要.
PATH_SEP = " › "
# How many sentences or units of evidence a node or an edge keeps.
MAX_EVIDENCE = 3

# The list attributes and the separator each is joined with; the GraphML contract, docs/reference/graphml.md.
NODE_LISTS: Mapping[str, str] = {
    "ene": LIST_SEP, "aliases": LIST_SEP, "notes": LIST_SEP, "tags": LIST_SEP, "dates": LIST_SEP,
    "unresolved": LIST_SEP, "evidence": LINE_SEP, "mention_dates": LIST_SEP,
}
EDGE_LISTS: Mapping[str, str] = {"evidence": LIST_SEP, "sentences": LINE_SEP}
_ESCAPES = {LIST_SEP: "｜", LINE_SEP: " "}

# In the files an edge's sentences are written once for the whole graph: the graph's
# ``sentences`` table holds each distinct sentence, and an edge's ``sentence_ids`` hold, per unit
# of its evidence, the numbers of that unit's sentences. Without it a dense section wrote the same
# sentences into tens of thousands of edges.
SENTENCE_IDS = "sentence_ids"
# The sentences of one unit that shows a pair, when no one sentence names both.
PART_SEP = " … "
ID_SEP = "+"


def heading_text(parts: Iterable[str]) -> str:
    """Return a heading path as one readable string."""
    return PATH_SEP.join(parts)


def place(heading_path: Sequence[str], note: str) -> str:
    """Return where a piece of evidence is: its heading path, or the note for text above any heading."""
    return heading_text(heading_path or [note])


def join(items: Iterable[Any], sep: str = LIST_SEP) -> str:
    """Return the items as one string, each separator inside an item escaped."""
    escape = _ESCAPES.get(sep, sep)
    return sep.join(str(item).replace(sep, escape) for item in items)


def split(value: Any, sep: str = LIST_SEP) -> list[str]:
    """Return the non-empty items of a joined string; a list or tuple comes back as a list of strings."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [item for item in str(value).split(sep) if item]


def joined(data: Mapping[str, Any], lists: Mapping[str, str]) -> dict[str, Any]:
    """Return attributes with every list joined by its separator (LIST_SEP for one not in lists)."""
    return {
        key: join(value, lists.get(key, LIST_SEP)) if isinstance(value, list | tuple | set | frozenset) else value
        for key, value in data.items()
    }


def split_lists(data: dict[str, Any], lists: Mapping[str, str]) -> None:
    """Replace each joined string attribute named in lists with its items (in place)."""
    for name, sep in lists.items():
        if isinstance(data.get(name), str):
            data[name] = split(data[name], sep)


def sentence_table(edges: Iterable[Mapping[str, Any]]) -> tuple[list[str], list[list[list[int]] | None]]:
    """Return the distinct sentences the edges' ``sentences`` hold, first use first, and each edge's numbers.

    An edge without ``sentences`` gets None. A unit's line is cut at PART_SEP, so the two sentences
    of "one … two" are stored once each; joining the parts again gives the line back exactly.
    """
    numbers: dict[str, int] = {}
    # a dense section gives many edges the same line: each is cut and numbered once (its numbers
    # are one list, which every edge that holds the line shares)
    units: dict[str, list[int]] = {}

    def cut(line: Any) -> list[int]:
        unit = units[line] = [numbers.setdefault(part, len(numbers)) for part in str(line).split(PART_SEP)]
        return unit

    refs: list[list[list[int]] | None] = []
    for data in edges:
        lines = data.get("sentences")
        if lines is None:
            refs.append(None)
            continue
        # a hand-made graph may hold them joined, as a file does
        lines = split(lines, LINE_SEP) if isinstance(lines, str) else lines
        refs.append([units.get(line) or cut(line) for line in lines])
    return list(numbers), refs


def number_lines(column: Sequence[Sequence[str]]) -> tuple[list[str], list[str]]:
    """Return the sentence table of edges' ``sentences`` lists (as sentence_table finds it) and each edge's ids_text.

    Each distinct line is cut, numbered and made "40+41" once. The numbers themselves are not
    kept per edge: the files hold the text, and JSON makes its arrays from it (ids_json).
    """
    numbers: dict[str, int] = {}
    texts: dict[str, str] = {}
    for line in dict.fromkeys(chain.from_iterable(column)):
        texts[line] = ID_SEP.join([str(numbers.setdefault(part, len(numbers))) for part in line.split(PART_SEP)])
    # most edges hold one unit: their text is looked up without a map and a join
    ids = [texts[lines[0]] if len(lines) == 1 else LIST_SEP.join(map(texts.__getitem__, lines)) for lines in column]
    return list(numbers), ids


def ids_text(ref: Sequence[Sequence[int]]) -> str:
    """Return an edge's sentence numbers as GraphML and CSV write them: "12|40+41", one item per unit."""
    return LIST_SEP.join([ID_SEP.join(map(str, unit)) for unit in ref])


def id_numbers(ids: str) -> list[list[int]]:
    """Return the sentence numbers an edge's ids_text holds, per unit: "12|40+41" gives [[12], [40, 41]]."""
    return [[int(n) for n in unit.split(ID_SEP)] for unit in split(ids)]


def ids_json(ids: str) -> str:
    """Return an edge's ids_text as JSON writes id_numbers of it: "12|40+41" gives "[[12], [40, 41]]"."""
    return f"[[{ids.replace(ID_SEP, ', ').replace(LIST_SEP, '], [')}]]" if ids else "[]"


def table_text(table: Sequence[str]) -> str:
    """Return the sentence table as one string, a sentence a line (sentences hold no line break)."""
    return LINE_SEP.join(line.replace(LINE_SEP, _ESCAPES[LINE_SEP]) for line in table)


def unfold(ids: Any, table: Sequence[str]) -> list[str]:
    """Return the sentences an edge's ``sentence_ids`` refer to: "12|40+41" or [[12], [40, 41]] alike."""
    units = id_numbers(ids) if isinstance(ids, str) else ids or []
    return [PART_SEP.join(table[int(n)] for n in unit) for unit in units]
