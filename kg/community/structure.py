"""How communities sit in the graph: their strongest inner edges, their bridges and the gaps between them.

One pass over the graph's edges makes sparse matrices (scipy), so a vault of half a million
edges costs a fraction of a second:

- a **bridge** is a member with edges to other communities, ranked by how many other communities
  it reaches, then by how many such edges it has;
- a **gap** between communities C and D is scored from the entities outside both that are
  neighbours of both (``shared``) and the edges that join C to D directly (``between``):
  ``shared / (shared + between)``. It is listed when the two share at least MIN_SHARED neighbours
  and more neighbours than edges (a score above 0.5): the notes talk about both beside the same
  entities, yet seldom about the two together. It is the structural gap of InfraNodus, measured
  without a model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from kg.export.columns import EdgeColumns

DIGITS = 6
MIN_SHARED = 2  # neighbours two communities must share before their gap is worth naming


@dataclass(frozen=True)
class Structure:
    """What the edges say of each community: its strongest inner edges, its members' outer ties, its gaps.

    ``inner`` holds up to ``top`` edges (a, b) per community, strongest first; ``reach`` each
    member's edges per other community; ``within`` each entity's edges to its own community; ``gaps``
    (other, shared, between, score) per community.
    """

    inner: dict[int, list[tuple[Any, Any]]]
    reach: dict[Any, dict[int, int]]
    gaps: dict[int, list[tuple[int, int, int, float]]]
    within: dict[Any, int]


def structure(graph: nx.Graph, community: Mapping[Any, int], reported: Sequence[int], top: int,
              columns: EdgeColumns | None = None) -> Structure:
    """Return the Structure of the graph's communities (``community`` gives each entity's), for the reported ones.

    ``columns`` are the graph's edge_columns (kg.export.columns), when a build has found them: then
    no edge is read one at a time.
    """
    import numpy as np
    from scipy import sparse

    nodes = list(community)
    index = {node: i for i, node in enumerate(nodes)}
    label = np.fromiter((community[n] for n in nodes), dtype=np.int64, count=len(nodes))
    count = int(label.max()) + 1 if len(nodes) else 0
    a, b, weight, shared_units = _edges(graph, index, columns)
    n = len(nodes)
    inner = _inner(nodes, a, b, label, weight, shared_units, reported, top)
    # node × community: how many of a node's edges go into each community
    both_ways = (np.concatenate([a, b]), np.concatenate([b, a]))
    adjacency = sparse.coo_matrix((np.ones(2 * len(a)), both_ways), shape=(n, n)).tocsr()
    membership = sparse.csr_matrix((np.ones(n), (np.arange(n), label)), shape=(n, count))
    into = (adjacency @ membership).tocsr()
    reach: dict[Any, dict[int, int]] = {}
    within = dict.fromkeys(nodes, 0)
    into_coo = into.tocoo()
    for i, c, k in zip(into_coo.row.tolist(), into_coo.col.tolist(), into_coo.data.tolist(), strict=True):
        if c != label[i]:
            reach.setdefault(nodes[i], {})[c] = int(k)
        else:
            within[nodes[i]] = int(k)
    gaps = _gaps(into, membership, label, reported)
    return Structure(inner, reach, gaps, within)


def _edges(graph: nx.Graph, index: Mapping[Any, int], columns: EdgeColumns | None):
    """Return the co-occurrence edges between the indexed nodes as arrays: ends, weights, shared units."""
    import numpy as np

    if columns is not None and {"weight", "count"} <= set(columns.names):
        sources, targets = columns.sources, columns.targets
        weights = columns.values[columns.names.index("weight")]
        counts = columns.values[columns.names.index("count")]
        kinds = columns.values[columns.names.index("kind")] if "kind" in columns.names else None
        if kinds is not None and set(kinds) == {"cooccurrence"}:
            kinds = None  # a graph of entities only, as a build makes it without notes as nodes
    else:
        found = [(x, y, d) for x, y, d in graph.edges(data=True)]
        sources, targets = [x for x, _, _ in found], [y for _, y, _ in found]
        weights = [float(d.get("weight", 1.0)) for _, _, d in found]
        counts = [int(d.get("count", 1)) for _, _, d in found]
        kinds = [d.get("kind", "cooccurrence") for _, _, d in found]
    size = len(sources)
    a = np.fromiter(map(index.get, sources, repeat(-1)), dtype=np.int64, count=size)
    b = np.fromiter(map(index.get, targets, repeat(-1)), dtype=np.int64, count=size)
    keep = (a >= 0) & (b >= 0) & (a != b)
    if kinds is not None:
        keep &= np.fromiter((k == "cooccurrence" for k in kinds), dtype=bool, count=size)
    weight = np.asarray(weights, dtype=np.float64)
    shared_units = np.asarray(counts, dtype=np.int64)
    return a[keep], b[keep], weight[keep], shared_units[keep]


def _inner(nodes, a, b, label, weight, shared_units, reported: Sequence[int], top: int
           ) -> dict[int, list[tuple[Any, Any]]]:
    """Return up to ``top`` edges inside each reported community: most shared units, then greatest weight,
    then the graph's order (a stable sort, in C: most of half a million edges lie inside a community).

    Shared units first: by jaccard, two entities named once, in one section, are as strong a pair
    (1.0) as any; the pairs the notes come back to are the ties worth reading.
    """
    import numpy as np

    inside = np.flatnonzero((label[a] == label[b]) & np.isin(label[a], np.asarray(list(reported), dtype=np.int64)))
    order = inside[np.lexsort((-weight[inside], -shared_units[inside], label[a][inside]))]
    groups, starts = np.unique(label[a][order], return_index=True)
    inner: dict[int, list[tuple[Any, Any]]] = {c: [] for c in reported}
    for c, first in zip(groups.tolist(), starts.tolist(), strict=True):
        picked = order[first : first + top]
        inner[c] = [(nodes[a[k]], nodes[b[k]]) for k in picked.tolist() if label[a[k]] == c]
    return inner


def _gaps(into, membership, label, reported: Sequence[int]) -> dict[int, list[tuple[int, int, int, float]]]:
    """Return, for each reported community, the other reported ones it has a gap with (see the module), best first."""
    import numpy as np

    # only the reported communities' columns: a vault of isolated entities has thousands of communities
    columns = np.asarray(list(reported), dtype=np.int64)
    hit = (into > 0).astype(np.float64)
    touches = (hit - membership.multiply(hit)).tocsr()[:, columns]  # a member's own community is no neighbour of it
    touches.eliminate_zeros()
    shared = (touches.T @ touches).toarray()  # outsiders of both that touch both
    between = (membership.tocsc()[:, columns].T @ into.tocsc()[:, columns]).toarray()  # edges from one into the other
    gaps: dict[int, list[tuple[int, int, int, float]]] = {}
    for i, c in enumerate(columns.tolist()):
        found = []
        for j, d in enumerate(columns.tolist()):
            if i == j or shared[i, j] < MIN_SHARED or shared[i, j] <= between[i, j]:
                continue
            score = round(float(shared[i, j] / (shared[i, j] + between[i, j])), DIGITS)
            found.append((d, int(shared[i, j]), int(between[i, j]), score))
        found.sort(key=lambda g: (-g[3], -g[1], g[0]))
        gaps[c] = found
    return gaps
