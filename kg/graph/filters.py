"""Stage 4b: thin a co-occurrence graph down to the entities and edges worth reading.

The filters run in one fixed order, each on what the previous one left:

1. ``min_count``: drop entities seen in fewer than N units (node attribute ``units``);
2. ``min_edge``: drop edges with fewer than N shared units (``count``);
3. ``backbone``: the disparity filter of Serrano, Boguñá and Vespignani (PNAS 2009) on ``weight``;
4. ``threshold``: drop edges whose ``weight`` is below X;
5. ``top_edges``: keep the N edges of greatest ``weight``;
6. isolates: with ``keep_isolates=False``, drop every entity left without an edge;
7. ``mst``: mark the edges of the maximum spanning forest of what is left with ``mst``.

The backbone runs before the weight cuts because its significance is relative to each entity's
whole strength, which a threshold would already have cut into.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.errors import OptionError


@dataclass(frozen=True)
class Filters:
    """Which filters to apply; the defaults change nothing."""

    min_count: int = 1
    min_edge: int = 1
    backbone: float | None = None
    threshold: float | None = None
    top_edges: int | None = None
    keep_isolates: bool = True
    mst: bool = False

    def __post_init__(self) -> None:
        if self.min_count < 1:
            raise OptionError(f"{{min_count}} must be at least 1, not {self.min_count}")
        if self.min_edge < 1:
            raise OptionError(f"{{min_edge}} must be at least 1, not {self.min_edge}")
        if self.backbone is not None and not 0 < self.backbone <= 1:
            raise OptionError(f"{{backbone}} is a significance level between 0 and 1, not {self.backbone}")
        if self.top_edges is not None and self.top_edges < 0:
            raise OptionError(f"{{top_edges}} must be 0 or more, not {self.top_edges}")

    @property
    def drops_nothing(self) -> bool:
        """Return True when the filters keep every entity and edge (``mst`` only marks edges)."""
        return (self.min_count == 1 and self.min_edge == 1 and self.backbone is None and self.threshold is None
                and self.top_edges is None and self.keep_isolates)

    def describe(self) -> str:
        """Return the filters that change the graph, as command-line options in the order they run."""
        parts = []
        if self.min_count > 1:
            parts.append(f"--min-count {self.min_count}")
        if self.min_edge > 1:
            parts.append(f"--min-edge {self.min_edge}")
        if self.backbone is not None:
            parts.append(f"--backbone {self.backbone:g}")
        if self.threshold is not None:
            parts.append(f"--threshold {self.threshold:g}")
        if self.top_edges is not None:
            parts.append(f"--top-edges {self.top_edges}")
        if not self.keep_isolates:
            parts.append("--drop-isolates")
        if self.mst:
            parts.append("--mst")
        return " ".join(parts)


def filter_graph(graph: nx.Graph, filters: Filters, *, in_place: bool = False) -> nx.Graph:
    """Return a filtered copy of a co-occurrence graph; its ``filters`` attribute says what ran.

    ``in_place`` filters the graph itself and returns it: copying 400,000 edges costs seconds
    that a graph made only to be filtered does not need to spend.
    """
    kept = graph if in_place else graph.copy()
    if filters.min_count > 1:
        kept.remove_nodes_from([n for n, units in kept.nodes(data="units", default=0) if units < filters.min_count])
    if filters.min_edge > 1:
        kept.remove_edges_from([(a, b) for a, b, n in kept.edges(data="count", default=0) if n < filters.min_edge])
    if filters.backbone is not None:
        backbone = backbone_edges(kept, filters.backbone)
        kept.remove_edges_from([edge for edge in kept.edges if edge not in backbone])
    if filters.threshold is not None:
        kept.remove_edges_from([(a, b) for a, b, w in kept.edges(data="weight") if w < filters.threshold])
    if filters.top_edges is not None:
        kept.remove_edges_from(strongest(kept)[filters.top_edges:])
    if not filters.keep_isolates:
        kept.remove_nodes_from(list(nx.isolates(kept)))
    if filters.mst:
        mark_spanning_forest(kept)
    kept.graph["filters"] = filters.describe()
    return kept


def disparity(graph: nx.Graph) -> dict[tuple, float]:
    """Return, for each edge (a, b) as graph.edges lists it, the smaller alpha of its two ends.

    For an end i with degree k > 1 and strength s_i (the sum of its edge weights), an edge of
    weight w has p = w / s_i and alpha = (1 - p) ** (k - 1): the chance that a uniform random
    split of s_i over k edges gives one edge a share of p or more. An end with k = 1 gives
    alpha = 1: its one edge holds all its strength whatever the data, so that end cannot vouch
    for it.
    """
    strength = dict(graph.degree(weight="weight"))
    degree = dict(graph.degree())
    for a, b, w in graph.edges(data="weight"):
        if w < 0:
            raise ValueError(f"the backbone needs weights of 0 or more; {a} — {b} has {w} (npmi can be negative)")
    alphas = {}
    for a, b, w in graph.edges(data="weight"):
        ends = []
        for end in (a, b):
            k, s = degree[end], strength[end]
            ends.append((1 - w / s) ** (k - 1) if k > 1 and s > 0 else 1.0)
        alphas[(a, b)] = min(ends)
    return alphas


def backbone_edges(graph: nx.Graph, alpha: float) -> set[tuple]:
    """Return the edges the disparity filter keeps at significance alpha.

    An edge stays when either end finds it significant (alpha below the level), and an edge
    that is the only one of an entity stays too, so the backbone never strips the leaves of
    the graph: they have no null model to fail.
    """
    degree = dict(graph.degree())
    return {
        (a, b)
        for (a, b), value in disparity(graph).items()
        if value < alpha or degree[a] == 1 or degree[b] == 1
    }


def strongest(graph: nx.Graph) -> list[tuple]:
    """Return the edges strongest first: by weight, then shared units, then the two ids in order."""

    def rank(edge: tuple) -> tuple:
        a, b, data = edge
        return -data.get("weight", 0.0), -data.get("count", 0), *sorted((str(a), str(b)))

    return [(a, b) for a, b, _ in sorted(graph.edges(data=True), key=rank)]


def mark_spanning_forest(graph: nx.Graph) -> None:
    """Set ``mst`` on every edge: True on the maximum spanning forest of ``weight``, else False.

    Weights are similarities, so the tree worth drawing is the one of greatest total weight:
    it links every entity to the rest through its strongest ties. Equal weights are broken by
    ``strongest``'s order, so the forest is the same on every run.
    """
    ranked = nx.Graph()
    ranked.add_nodes_from(graph)
    for position, (a, b) in enumerate(strongest(graph)):
        ranked.add_edge(a, b, rank=position)
    forest = nx.minimum_spanning_tree(ranked, weight="rank", algorithm="kruskal")
    for a, b, data in graph.edges(data=True):
        data["mst"] = forest.has_edge(a, b)
