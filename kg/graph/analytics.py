"""Graph analytics on the entity nodes: degree, weighted degree, betweenness, PageRank, community.

Every measure comes from networkx. They are computed on the entities and the edges between
them only, so other kinds of node (notes, for instance) neither get the attributes nor shift
the entities' scores. Each attribute is an int or a float, so GraphML keeps it as is.
"""

from __future__ import annotations

import networkx as nx

# Louvain and the sampled betweenness are random; a fixed seed makes a build reproducible.
SEED = 42
# Exact betweenness costs one shortest-path search per node; above this many nodes networkx
# estimates it from this many sampled sources instead, so a large vault stays quick.
BETWEENNESS_SOURCES = 500
DIGITS = 6
ANALYTICS = ("degree", "weighted_degree", "betweenness", "pagerank", "community")


def add_analytics(graph: nx.Graph) -> nx.Graph:
    """Return graph with the ANALYTICS attributes set on every entity node (changed in place).

    - ``degree``: how many entities it shares a unit with (int).
    - ``weighted_degree``: the sum of its edges' ``weight`` (float).
    - ``betweenness``: normalised betweenness centrality over unweighted paths (float).
    - ``pagerank``: PageRank with edges weighted by ``weight`` (float).
    - ``community``: its Louvain community, numbered 0, 1, ... from the largest community down,
      ties broken by the community's smallest member (int).

    A negative weight (possible with the npmi measure) counts as 0 in the weighted measures:
    a pair that appears together less often than chance does not pull the two together.
    """
    entities = _entity_graph(graph)
    # Louvain divides by the total weight; with no positive weight every edge counts as 1.
    weight = "strength" if any(s > 0 for _, _, s in entities.edges(data="strength")) else None
    sources = None if len(entities) <= BETWEENNESS_SOURCES else BETWEENNESS_SOURCES
    betweenness = nx.betweenness_centrality(entities, k=sources, seed=SEED)
    pagerank = nx.pagerank(entities, weight=weight)
    community = _communities(entities, weight)
    for node in entities:
        graph.nodes[node].update(
            degree=int(entities.degree(node)),
            weighted_degree=round(float(entities.degree(node, weight="strength")), DIGITS),
            betweenness=round(float(betweenness[node]), DIGITS),
            pagerank=round(float(pagerank[node]), DIGITS),
            community=community[node],
        )
    return graph


def _entity_graph(graph: nx.Graph) -> nx.Graph:
    """Return the entity nodes and the edges between them, in sorted order, weights clipped at 0.

    Louvain's result depends on the order it visits nodes and edges; sorting makes the same
    graph give the same communities however it was built or read back.
    """
    nodes = sorted((n for n, kind in graph.nodes(data="kind", default="entity") if kind == "entity"), key=str)
    keep = set(nodes)
    entities = nx.Graph()
    entities.add_nodes_from(nodes)
    edges = [(a, b, w) for a, b, w in graph.edges(data="weight", default=1.0) if a in keep and b in keep]
    for a, b, w in sorted(edges, key=lambda e: sorted((str(e[0]), str(e[1])))):
        entities.add_edge(a, b, strength=max(float(w), 0.0))
    return entities


def _communities(entities: nx.Graph, weight: str | None) -> dict:
    """Return node -> Louvain community number, largest community first, then by smallest member."""
    found = nx.community.louvain_communities(entities, weight=weight, seed=SEED)
    ordered = sorted(found, key=lambda members: (-len(members), min(str(m) for m in members)))
    return {node: number for number, members in enumerate(ordered) for node in members}
