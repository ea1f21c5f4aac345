"""Mentions per entity per period, from the dates of the notes that name each entity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd


def timeline(graph_or_paths: nx.Graph | Iterable[str | Path] | str | Path, freq: str = "M", **options) -> pd.DataFrame:
    """Return a table of mentions per period (rows) and entity (columns) in dated notes.

    ``graph_or_paths`` is a graph from ``kg.build`` or ``kg.read_graphml``, or the paths
    ``kg.build`` takes (then ``options`` are its options). ``freq`` is a pandas period
    ("M" month, "Q" quarter, "Y" year, "W" week, "D" day). Every period from the first to the
    last is a row, also those without mentions; entities are the columns, the most mentioned
    first; mentions in undated notes are not counted.
    """
    import pandas as pd

    if isinstance(graph_or_paths, nx.Graph):
        graph = graph_or_paths
    else:
        from kg.pipeline import build

        graph = build(graph_or_paths, **options)
    counts: dict[str, Counter] = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind", "entity") != "entity":
            continue
        days = data.get("mention_dates") or []
        if isinstance(days, str):  # a graph read by plain networkx keeps the joined string
            days = [d for d in days.split("|") if d]
        counts[str(node)] = Counter(pd.Period(day, freq=freq) for day in days)
    periods = [p for c in counts.values() for p in c]
    index = pd.period_range(min(periods), max(periods), freq=freq) if periods else pd.PeriodIndex([], freq=freq)
    index.name = "period"
    order = sorted((e for e in counts if counts[e]), key=lambda e: (-sum(counts[e].values()), e))
    table = pd.DataFrame({e: [counts[e].get(p, 0) for p in index] for e in order}, index=index, dtype="int64")
    table.columns.name = "entity"
    return table
