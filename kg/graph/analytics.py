"""Graph analytics on the entity nodes: degree, weighted degree, betweenness, PageRank, community.

networkx stays the graph kg builds and returns; the measures run on igraph (C), which takes
seconds where networkx takes minutes on a vault of hundreds of thousands of edges. They are
computed on the entities and the edges between them only, so other kinds of node (notes, for
instance) neither get the attributes nor shift the entities' scores. Each attribute is an int
or a float, so GraphML keeps it as is.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

# Louvain and the sampled betweenness are random; a fixed seed makes a build reproducible.
SEED = 42
# Exact betweenness costs one shortest-path search per node, about nodes × edges steps. Up to
# this many steps (a few seconds) it is exact; above, it is estimated from as many sampled
# source nodes as the same cost allows, but never fewer than BETWEENNESS_SOURCES.
BETWEENNESS_COST = 200_000_000
BETWEENNESS_SOURCES = 200
DIGITS = 6
ANALYTICS = ("degree", "weighted_degree", "betweenness", "pagerank", "community")


def add_analytics(graph: nx.Graph) -> nx.Graph:
    """Return graph with the ANALYTICS attributes set on every entity node (changed in place).

    - ``degree``: how many entities it shares a unit with (int).
    - ``weighted_degree``: the sum of its edges' ``weight`` (float).
    - ``betweenness``: normalised betweenness centrality over unweighted paths (float); exact
      while nodes × edges is at most BETWEENNESS_COST, else estimated from sampled sources.
    - ``pagerank``: PageRank with edges weighted by ``weight`` (float).
    - ``community``: its Louvain community, numbered 0, 1, ... from the largest community down,
      ties broken by the community's smallest member (int).

    A negative weight (possible with the npmi measure) counts as 0 in the weighted measures:
    a pair that appears together less often than chance does not pull the two together.
    """
    return set_analytics(graph, analytics(graph))


def analytics(graph: nx.Graph) -> dict[Any, dict[str, int | float]]:
    """Return the ANALYTICS attributes of every entity node, by node (add_analytics says what they are)."""
    return _measured(*_entity_graph(graph))


def pair_analytics(nodes: Iterable[Any], weighted: Iterable[tuple[Any, Any, float]]) -> dict[Any, dict[str, int | float]]:
    """Return what analytics gives for a graph of these entity nodes and weighted edges (a, b, weight).

    A build finds them from its pairs before it has made the edges (kg.graph.cooccurrence).
    """
    nodes = sorted(nodes, key=str)
    return _measured(nodes, *_igraph_of(nodes, weighted))


def _measured(nodes: list[Any], entities: Any, strength: list[float]) -> dict[Any, dict[str, int | float]]:
    """Return the ANALYTICS attributes of the nodes of an igraph graph with these edge weights."""
    # Louvain divides by the total weight; with no positive weight every edge counts as 1.
    weights = strength if any(s > 0 for s in strength) else None
    betweenness = _betweenness(entities)
    pagerank = entities.pagerank(weights=weights, directed=False) if nodes else []
    community = _communities(nodes, entities, weights)
    degree = entities.degree()
    weighted = entities.strength(weights=strength) if strength else [0.0] * len(nodes)
    return {
        node: {
            "degree": int(degree[i]),
            "weighted_degree": round(float(weighted[i]), DIGITS),
            "betweenness": round(float(betweenness[i]), DIGITS),
            "pagerank": round(float(pagerank[i]), DIGITS),
            "community": community[i],
        }
        for i, node in enumerate(nodes)
    }


def import_igraph_alone() -> None:
    """Import igraph as if matplotlib were not installed; only in a child process that never draws.

    igraph imports matplotlib's pyplot when matplotlib is installed (igraph/python-igraph#762),
    which took half a second of the 0.04 s igraph takes alone. A process that imported igraph
    this way keeps its drawing functions off for good, so kg does it only in the forked child
    that computes the measures and the page's layout, and then ends.
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        return
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # import matplotlib now fails
    try:
        import igraph  # noqa: F401
    finally:
        del sys.modules["matplotlib"]


def set_analytics(graph: nx.Graph, found: dict[Any, dict[str, int | float]]) -> nx.Graph:
    """Return graph with the attributes ``analytics`` found set on its nodes (changed in place)."""
    for node, values in found.items():
        graph.nodes[node].update(values)
    return graph


def _entity_graph(graph: nx.Graph) -> tuple[list[Any], Any, list[float]]:
    """Return the entity nodes (sorted), an igraph graph of them, and its weights clipped at 0.

    Louvain's result depends on the order it visits nodes and edges; sorting makes the same
    graph give the same communities however it was built or read back.
    """
    import igraph as ig

    nodes = sorted((n for n, kind in graph.nodes(data="kind", default="entity") if kind == "entity"), key=str)
    index = {node: i for i, node in enumerate(nodes)}
    if graph.is_multigraph():
        edges = sorted(
            (min(index[a], index[b]), max(index[a], index[b]), max(float(w), 0.0))
            for a, b, w in graph.edges(data="weight", default=1.0)
            if a in index and b in index and a != b
        )
        entities = ig.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in edges])
        return nodes, entities, [w for _, _, w in edges]
    return (nodes, *_igraph_of(nodes, graph.edges(data="weight", default=1.0)))


def _igraph_of(nodes: list[Any], weighted: Iterable[tuple[Any, Any, float]]) -> tuple[Any, list[float]]:
    """Return the igraph graph of the nodes (sorted) joined by the weighted edges, and its weights
    clipped at 0; an edge to a node not listed, or a loop, is left out."""
    import igraph as ig

    index = {node: i for i, node in enumerate(nodes)}
    # one edge per pair: the pair as one number sorts as the pair does, and far faster than tuples
    n = len(nodes)
    weight: dict[int, float] = {}
    for a, b, w in weighted:
        i, j = index.get(a), index.get(b)
        if i is not None and j is not None and i != j:
            weight[i * n + j if i < j else j * n + i] = max(float(w), 0.0)
    pairs = sorted(weight)
    return ig.Graph(n=n, edges=[divmod(pair, n) for pair in pairs]), [weight[pair] for pair in pairs]


def _betweenness(entities: Any) -> list[float]:
    """Return each node's normalised betweenness: exact when cheap, else from sampled sources."""
    n, m = entities.vcount(), entities.ecount()
    if n < 3:
        return [0.0] * n
    # an undirected pair counts once among (n-1)(n-2)/2, as networkx normalises it
    scale = 2 / ((n - 1) * (n - 2))
    if n * m <= BETWEENNESS_COST:
        return [b * scale for b in entities.betweenness(directed=False)]
    k = min(n, max(BETWEENNESS_SOURCES, BETWEENNESS_COST // max(m, 1)))
    sources = sorted(random.Random(SEED).sample(range(n), k))
    # paths from k of the n sources stand for all of them
    return [b * scale * n / k for b in entities.betweenness(directed=False, sources=sources)]


def _communities(nodes: list[Any], entities: Any, weights: list[float] | None) -> list[int]:
    """Return each node's Louvain community number, largest community first, then by smallest member."""
    import igraph as ig

    if not nodes:
        return []
    # igraph draws its random numbers from Python's random module unless told otherwise
    ig.set_random_number_generator(random.Random(SEED))
    try:
        found = entities.community_multilevel(weights=weights)
    finally:
        ig.set_random_number_generator(random)
    members: dict[int, list[str]] = {}
    for i, label in enumerate(found.membership):
        members.setdefault(label, []).append(str(nodes[i]))
    ordered = sorted(members, key=lambda label: (-len(members[label]), min(members[label])))
    number = {label: rank for rank, label in enumerate(ordered)}
    return [number[label] for label in found.membership]
