"""How communities sit in the graph: their strongest inner edges, their bridges and the gaps between them.

One pass over the graph's edges makes sparse matrices (scipy), so a vault of half a million
edges costs a fraction of a second:

- a **bridge** is a member with edges to other communities, ranked by how many other communities
  it reaches, then by how many such edges it has;
- a **gap** between communities C and D is scored from the entities outside both that are
  neighbours of both (``shared``) and the edges that join C to D directly (``between``):
  ``shared / |N(C) ∪ N(D)| × (1 − between / (|C|·|D|))``, where N(C) are the neighbours of C's
  members outside C and D. It is high when C and D are talked about beside the same entities
  (their neighbourhoods overlap) but seldom together (few of their |C|·|D| possible edges exist):
  the structural gap of InfraNodus, measured without a model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

DIGITS = 6
MIN_SHARED = 2  # neighbours two communities must share before their gap is worth naming


@dataclass(frozen=True)
class Structure:
    """What the edges say of each community: its strongest inner edges, its members' outer ties, its gaps.

    ``inner`` holds up to ``top`` edges (a, b) per community, strongest first; ``reach`` each
    member's edges per other community; ``within`` each entity's edges to its own community; ``gaps`` (other, shared, between, score) per community.
    """

    inner: dict[int, list[tuple[Any, Any]]]
    reach: dict[Any, dict[int, int]]
    gaps: dict[int, list[tuple[int, int, int, float]]]
    within: dict[Any, int]


def structure(graph: nx.Graph, community: Mapping[Any, int], reported: Sequence[int], top: int) -> Structure:
    """Return the Structure of the graph's communities (``community`` gives each entity's), for the reported ones."""
    import numpy as np
    from scipy import sparse

    nodes = list(community)
    index = {node: i for i, node in enumerate(nodes)}
    label = np.fromiter((community[n] for n in nodes), dtype=np.int64, count=len(nodes))
    count = int(label.max()) + 1 if len(nodes) else 0
    ends = [(index.get(a, -1), index.get(b, -1), w, c) for a, b, w, c in _weighted(graph)]
    ends = [e for e in ends if e[0] >= 0 and e[1] >= 0 and e[0] != e[1]]
    a = np.fromiter((e[0] for e in ends), dtype=np.int64, count=len(ends))
    b = np.fromiter((e[1] for e in ends), dtype=np.int64, count=len(ends))
    weight = np.fromiter((e[2] for e in ends), dtype=np.float64, count=len(ends))
    shared_units = np.fromiter((e[3] for e in ends), dtype=np.int64, count=len(ends))
    n = len(nodes)
    inner = _inner(nodes, a, b, label, weight, shared_units, reported, top)
    # node × community: how many of a node's edges go into each community
    adjacency = sparse.coo_matrix((np.ones(2 * len(a)), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n)).tocsr()
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


def _weighted(graph: nx.Graph):
    """Yield each co-occurrence edge as (a, b, weight, count)."""
    for a, b, data in graph.edges(data=True):
        if data.get("kind", "cooccurrence") == "cooccurrence":
            yield a, b, float(data.get("weight", 1.0)), int(data.get("count", 1))


def _inner(nodes, a, b, label, weight, shared_units, reported: Sequence[int], top: int) -> dict[int, list[tuple[Any, Any]]]:
    """Return up to ``top`` edges inside each reported community: greatest weight, then most shared units,
    then the graph's order (a stable sort, in C: most of half a million edges lie inside a community)."""
    import numpy as np

    inside = np.flatnonzero((label[a] == label[b]) & np.isin(label[a], np.asarray(list(reported), dtype=np.int64)))
    order = inside[np.lexsort((-shared_units[inside], -weight[inside], label[a][inside]))]
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
    members = membership.tocsc()[:, columns]
    shared = (touches.T @ touches).toarray()  # outsiders of both that touch both
    between = (members.T @ into.tocsc()[:, columns]).toarray()  # edges from one community into the other
    reached = (touches.T @ members).toarray()  # [c, d]: members of d that touch c
    neighbours = np.asarray(touches.sum(axis=0)).ravel()
    sizes = np.asarray(members.sum(axis=0)).ravel()
    gaps: dict[int, list[tuple[int, int, int, float]]] = {}
    for i, c in enumerate(columns.tolist()):
        found = []
        for j, d in enumerate(columns.tolist()):
            if i == j or shared[i, j] < MIN_SHARED:
                continue
            union = (neighbours[i] - reached[i, j]) + (neighbours[j] - reached[j, i]) - shared[i, j]
            density = between[i, j] / (sizes[i] * sizes[j])
            score = round(float(shared[i, j] / union * (1 - density)), DIGITS) if union else 0.0
            found.append((d, int(shared[i, j]), int(between[i, j]), score))
        found.sort(key=lambda g: (-g[3], -g[1], g[0]))
        gaps[c] = found
    return gaps
