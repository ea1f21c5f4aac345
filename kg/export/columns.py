"""A graph's edges as columns, for writers that turn a whole column into text at once.

A co-occurrence graph's edges all have the same attributes, each of one plain type. Then each
file's text is made a column at a time by functions that run in C (str, float.__repr__, cached
conversions of the values that recur) and put together a block of rows at a time by one join
(rows_text), where a loop over 400,000 edges in Python cost seconds per file. Graphs of any
other shape have no columns, and each writer goes its general way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

import networkx as nx

from kg.schema import number_lines

# The value types a column may hold; a column holds one of them.
PLAIN = frozenset({str, int, float, bool, list})
# Rows converted at a time: the texts of a block are held until it is written.
BLOCK = 5_000


@dataclass(frozen=True)
class Block:
    """Consecutive edges, by column: their ends, each attribute's values, and their sentence numbers' text."""

    sources: tuple
    targets: tuple
    values: list[tuple]
    ids: Sequence[str | None]


@dataclass(frozen=True)
class EdgeColumns:
    """The edges of a graph whose every edge has the same attribute names, in one order, each of one plain type."""

    names: tuple[str, ...]
    kinds: tuple[type, ...]
    sources: tuple
    targets: tuple
    values: list[tuple]
    sentences: list[str]
    ids: list[str | None]

    def blocks(self, size: int = BLOCK) -> Iterator[Block]:
        """Yield the edges a block at a time, in the graph's order."""
        for start in range(0, len(self.sources), size):
            end = start + size
            yield Block(self.sources[start:end], self.targets[start:end], [column[start:end] for column in self.values],
                        self.ids[start:end])


def edge_columns(graph: nx.Graph, edges: list[tuple[Any, Any, dict]]) -> EdgeColumns | None:
    """Return the graph's edges as columns, or None when they differ in names or types, or hold NaN.

    ``edges`` is ``list(graph.edges(data=True))``. Every check runs a column at a time, in C.
    """
    if graph.is_multigraph() or graph.is_directed() or not edges:
        return None
    sources, targets, data = zip(*edges, strict=True)
    shapes = set(map(tuple, data))
    if len(shapes) != 1 or set(map(type, sources + targets)) != {str}:
        return None
    names = next(iter(shapes))
    if not all(type(name) is str for name in names) or {"source", "target", "key", "sentence_ids"} & set(names):
        return None  # node-link JSON would write these names over them
    values = list(zip(*map(dict.values, data), strict=True)) if names else []
    kinds = []
    for column in values:
        found = set(map(type, column))
        if len(found) != 1 or not PLAIN.issuperset(found):
            return None
        kind = found.pop()
        # a list is converted once per distinct list, so its items must be text (and hashable)
        if kind is list and not set(map(type, chain.from_iterable(column))) <= {str}:
            return None
        # NaN is written as NaN by JSON and as an empty cell by pandas: the general writers know
        # how. A sum of finite numbers is finite, unless it overflows, which only sends them there too.
        if kind is float and not math.isfinite(sum(column)):
            return None
        kinds.append(kind)
    sentences, ids = [], [None] * len(edges)
    if "sentences" in names:
        sentences, ids = number_lines(values[names.index("sentences")])
    return EdgeColumns(names, tuple(kinds), sources, targets, values, sentences, ids)


def float_texts(column: Sequence[float]) -> list[str]:
    """Return str() of each float of a column, made once per distinct float object.

    A co-occurrence graph's measures come from a few thousand (n_a, n_b, n_ab) triples, so its
    400,000 edges hold a few thousand float objects, and a float's text costs more than a lookup.
    Keyed by object, not by value: -0.0 == 0.0, but the two are written differently.
    """
    keys = list(map(id, column))
    texts = {key: str(value) for key, value in dict(zip(keys, column)).items()}
    return list(map(texts.__getitem__, keys))


def rows_text(parts: Sequence[str], cells: Sequence[Iterable[str]], between: str = "") -> str:
    """Return rows as one text, ``between`` between them: row i is parts[0], cells[0][i], parts[1], ...,
    cells[-1][i], parts[-1] (cells holds one column at least).

    One join over all the pieces of a block: str.format parses its template again for every row,
    which made it cost three times as much on 400,000 edges.
    """
    pieces = [repeat(parts[0])]
    for cell, part in zip(cells, [*parts[1:-1], parts[-1] + between], strict=True):
        pieces += [cell, repeat(part)]
    text = "".join(chain.from_iterable(zip(*pieces)))
    return text[:-len(between)] if between and text else text
