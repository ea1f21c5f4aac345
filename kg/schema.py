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
from typing import Any

LIST_SEP = "|"
LINE_SEP = "\n"
# A heading path as one string: 第1章 › 概要.
PATH_SEP = " › "
# How many sentences or units of evidence a node or an edge keeps.
MAX_EVIDENCE = 3

# The list attributes and the separator each is joined with; the README's GraphML contract.
NODE_LISTS: Mapping[str, str] = {
    "ene": LIST_SEP, "aliases": LIST_SEP, "notes": LIST_SEP, "tags": LIST_SEP, "dates": LIST_SEP,
    "unresolved": LIST_SEP, "evidence": LINE_SEP, "mention_dates": LIST_SEP,
}
EDGE_LISTS: Mapping[str, str] = {"evidence": LIST_SEP, "sentences": LINE_SEP}
_ESCAPES = {LIST_SEP: "｜", LINE_SEP: " "}


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
