"""A graph's edges as columns, for writers that turn a whole column into text at once.

A co-occurrence graph's edges all have the same attributes, each of one plain type. Then each
file's text is made a column at a time by functions that run in C (str, float.__repr__, cached
conversions of the values that recur) and put together a row at a time by str.format, where a
loop over 400,000 edges in Python cost seconds per file. Graphs of any other shape have no
columns, and each writer goes its general way.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

# The value types a column may hold; a column holds one of them.
PLAIN = frozenset({str, int, float, bool, list})
# Rows converted at a time: the texts of a block are held until it is written.
BLOCK = 5_000


@dataclass(frozen=True)
class Block:
    """Consecutive edges, by column: their ends, each attribute's values, and their sentence numbers."""

    sources: tuple
    targets: tuple
    values: list[tuple]
    ids: Sequence[str | None]
    refs: Sequence[list[list[int]] | None]


@dataclass(frozen=True)
class EdgeColumns:
    """The edges of a graph whose every edge has the same attribute names, in one order, each of one plain type."""

    names: tuple[str, ...]
    kinds: tuple[type, ...]
    sources: tuple
    targets: tuple
    values: list[tuple]
    ids: list[str | None]
    refs: list[list[list[int]] | None]

    def blocks(self, size: int = BLOCK) -> Iterator[Block]:
        """Yield the edges a block at a time, in the graph's order."""
        for start in range(0, len(self.sources), size):
            end = start + size
            yield Block(self.sources[start:end], self.targets[start:end], [column[start:end] for column in self.values],
                        self.ids[start:end], self.refs[start:end])


def edge_columns(graph: nx.Graph, edges: list[tuple[Any, Any, dict]], ids: list[str | None],
                 refs: list[list[list[int]] | None]) -> EdgeColumns | None:
    """Return the graph's edges as columns, or None when they differ in names or types, or hold NaN.

    ``edges`` is ``list(graph.edges(data=True))``; ``ids`` and ``refs`` are each edge's sentence
    numbers as text and as lists (kg.schema).
    """
    if graph.is_multigraph() or graph.is_directed() or not edges:
        return None
    shapes = dict.fromkeys((tuple(d), tuple(map(type, d.values()))) for _, _, d in edges)
    if len(shapes) != 1:
        return None
    names, kinds = next(iter(shapes))
    if not PLAIN.issuperset(kinds) or not all(type(name) is str for name in names):
        return None
    if not all(type(a) is str and type(b) is str for a, b, _ in edges):
        return None
    # a list is converted once per distinct list, so its items must be text (and hashable)
    lists = [name for name, kind in zip(names, kinds) if kind is list]
    if not all(type(item) is str for _, _, d in edges for name in lists for item in d[name]):
        return None
    if {"source", "target", "key", "sentence_ids"} & set(names):
        return None  # node-link JSON would write these names over them
    # NaN is written as NaN by JSON and as an empty cell by pandas: the general writers know how.
    # A sum of finite numbers is finite, unless it overflows, which only sends them that way too.
    if not all(math.isfinite(sum(d[name] for _, _, d in edges)) for name, kind in zip(names, kinds) if kind is float):
        return None
    sources, targets, data = zip(*edges, strict=True)
    values = list(zip(*(d.values() for d in data), strict=True)) if names else []
    return EdgeColumns(names, kinds, sources, targets, values, ids, refs)
