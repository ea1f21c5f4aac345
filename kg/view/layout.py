"""The view's size budget and its layout: which nodes and edges the page carries, and where they sit.

A page that draws thousands of nodes neither opens quickly nor reads: it carries the CARRIED
most central nodes (PageRank, then mentions), draws the SHOWN first of them, and for each node
only its strongest edges among them; the page's controls show more. The positions come from
igraph's Fruchterman-Reingold on the shown nodes, with every community pulled towards a hub of
its own so that it stays together; the nodes held back are placed afterwards around the shown
ones, which keep their places, so showing more never moves what the reader has seen.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.view.shapes import node_info, number
from kg.view.style import radii

if TYPE_CHECKING:
    import networkx as nx

SHOWN = 300
CARRIED = 1000
EDGES_PER_NODE = 4
SEED = 7
# The frame the layout fills, in vis units; fitted to the canvas, one unit is about one pixel
# of a 1400×900 window's canvas, so label sizes chosen for it read at the default zoom.
FRAME = (1100.0, 760.0)
NODE_GAP = 10.0
# How hard the centre pulls a node of no community of its own, and each community's hub: weak
# enough that the communities stay apart, strong enough that small pieces stay near the rest.
LONE_PULL = 0.5
HUB_PULL = 0.3
# How hard a community's hub holds its members together.
HUB_HOLD = 0.25
FREE = 1e9  # the bound of a node Fruchterman-Reingold may move


@dataclass(frozen=True)
class Budget:
    """What the page carries: nodes most central first, how many it shows at first, and edges."""

    nodes: tuple[Any, ...]
    shown: int
    edges: tuple[tuple[Any, Any], ...]
    total_nodes: int
    total_edges: int


@dataclass(frozen=True)
class Placement:
    """What a page of a graph carries and where its nodes sit: the part of the page igraph computes."""

    plan: Budget
    positions: dict[Any, tuple[float, float]]


def placement(graph: nx.Graph) -> Placement:
    """Return the budget of graph's page and its layout (the graph's nodes must hold their measures)."""
    plan = budget(graph)
    radius = radii([node_info(node, graph.nodes[node]) for node in plan.nodes])
    return Placement(plan, layout(graph, plan, radius))


def budget(graph: nx.Graph, shown: int = SHOWN, carried: int = CARRIED, per_node: int = EDGES_PER_NODE) -> Budget:
    """Return the nodes and edges a page of graph carries."""
    ranked = sorted(graph.nodes, key=lambda n: _rank_key(n, graph.nodes[n]))
    nodes = ranked[: max(carried, shown)]
    shown = min(shown, len(nodes))
    keep: set[tuple[Any, Any]] = set()
    # each node's strongest edges among the shown nodes, then among all carried ones, so that
    # the first view has a backbone of its own and showing more adds the links of the newcomers
    for members in (nodes[:shown], nodes):
        inside = set(members)
        for node in members:
            adj = graph.adj[node]
            # the neighbours first (a plain scan), the weights of those inside only
            around = [(_weight(adj[o]), str(o), o) for o in [o for o in adj if o in inside and o != node]]
            for _, _, other in heapq.nsmallest(per_node, around, key=lambda t: (-t[0], t[1])):
                keep.add(_pair(node, other))
    # in the graph's own order and direction, as the other outputs list them
    edges = [(a, b) for a, b in graph.edges(nodes) if _pair(a, b) in keep]
    return Budget(tuple(nodes), shown, tuple(edges), graph.number_of_nodes(), graph.number_of_edges())


def _rank_key(node: Any, data: dict) -> tuple:
    """Return a sort key: most central first, then most mentioned, then by name."""
    return (-number(data.get("pagerank"), 0.0), -number(data.get("count"), 0.0), str(node))


def _pair(a: Any, b: Any) -> tuple[Any, Any]:
    """Return an undirected edge in one order."""
    return (a, b) if str(a) <= str(b) else (b, a)


def _weight(data: dict) -> float:
    """Return an edge's weight, clipped at 0 (npmi can be negative)."""
    return max(number(data.get("weight"), 1.0), 0.0)


def layout(graph: nx.Graph, plan: Budget, radius: dict[Any, float]) -> dict[Any, tuple[float, float]]:
    """Return seeded positions of the carried nodes, the shown ones filling FRAME.

    ``radius`` is each node's drawn radius, so that no two dots overlap.
    """
    nodes = list(plan.nodes)
    if not nodes:
        return {}
    core = nodes[: plan.shown]
    inside = set(core)
    # the shown nodes are placed by every edge among them, the others by their carried edges
    raw = _force(graph, core, _edges_among(graph, core), {})
    if len(nodes) > len(core):
        extra = [(a, b) for a, b in plan.edges if a not in inside or b not in inside]
        raw = _force(graph, nodes, extra, raw, rounds=300)
    return _fit(raw, core, radius)


def _edges_among(graph: nx.Graph, nodes: list[Any]) -> list[tuple[Any, Any]]:
    """Return the edges between these nodes, each once, in the nodes' order."""
    order = {node: i for i, node in enumerate(nodes)}
    return [(a, b) for a in nodes for b in graph.adj[a] if b in order and order[a] < order[b]]


def _force(
    graph: nx.Graph,
    nodes: list[Any],
    edges: list[tuple[Any, Any]],
    fixed: dict[Any, tuple[float, float]],
    rounds: int = 600,
) -> dict[Any, tuple[float, float]]:
    """Return Fruchterman-Reingold positions of nodes, with a hub per community; fixed ones stay put."""
    import igraph as ig

    index = {node: i for i, node in enumerate(nodes)}
    groups: dict[Any, list[int]] = defaultdict(list)
    for node in nodes:
        groups[graph.nodes[node].get("community", ("solo", str(node)))].append(index[node])
    strength = [_weight(graph.adj[a][b]) for a, b in edges]
    heaviest = max(strength, default=1.0) or 1.0
    community = {node: graph.nodes[node].get("community") for node in nodes}
    pairs = [(index[a], index[b]) for a, b in edges]
    # an edge inside a community pulls harder than one between two
    weights = [(0.2 + s / heaviest) * (1.0 if community[a] == community[b] else 0.3)
               for (a, b), s in zip(edges, strength)]
    # a hub per community holds its members together; one centre holds the hubs, and the
    # nodes of one-member communities, so that no component drifts off
    centre = len(nodes)
    hub_of: dict[Any, int] = {}
    for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), min(kv[1]))):
        if len(members) == 1:
            pairs.append((members[0], centre))
            weights.append(LONE_PULL)
            continue
        hub = centre + 1 + len(hub_of)
        hub_of[key] = hub
        pairs += [(m, hub) for m in members]
        weights += [HUB_HOLD] * len(members)
        pairs.append((hub, centre))
        weights.append(HUB_PULL * math.sqrt(len(members)))
    count = centre + 1 + len(hub_of)
    rng = random.Random(SEED)
    seed = [[rng.uniform(-1, 1) * math.sqrt(count), rng.uniform(-1, 1) * math.sqrt(count)] for _ in range(count)]
    lows_x, highs_x, lows_y, highs_y = [], [], [], []
    for i in range(count):
        node = nodes[i] if i < centre else None
        if node is not None and node in fixed:
            seed[i] = list(fixed[node])
            x, y = fixed[node]
            lows_x.append(x), highs_x.append(x), lows_y.append(y), highs_y.append(y)
        else:
            lows_x.append(-FREE), highs_x.append(FREE), lows_y.append(-FREE), highs_y.append(FREE)
    g = ig.Graph(n=count, edges=pairs)
    extra: dict[str, Any] = {}
    if fixed:
        extra = {"minx": lows_x, "maxx": highs_x, "miny": lows_y, "maxy": highs_y}
    # igraph draws random numbers (from Python's random module unless told) even from a seed layout
    ig.set_random_number_generator(random.Random(SEED))
    try:
        found = g.layout_fruchterman_reingold(weights=weights, niter=rounds, seed=seed, grid="nogrid", **extra)
    finally:
        ig.set_random_number_generator(random)
    return {node: (found[i][0], found[i][1]) for node, i in index.items()}


def _fit(raw: dict[Any, tuple[float, float]], core: list[Any], radius: dict[Any, float]) -> dict[Any, tuple[float, float]]:
    """Return positions turned so the long side lies across, scaled so the core fills FRAME."""
    import numpy as np

    nodes = list(raw)
    xy = np.array([raw[n] for n in nodes], dtype=float)
    core_idx = [nodes.index(n) for n in core] if len(core) < len(nodes) else list(range(len(nodes)))
    centre = xy[core_idx].mean(axis=0)
    xy -= centre
    if len(core_idx) >= 3:
        # principal axes of the core; the sign of each is fixed so the result never flips
        _, vectors = np.linalg.eigh(np.cov(xy[core_idx].T))
        vectors = vectors[:, ::-1]
        for k in range(2):
            if vectors[np.argmax(np.abs(vectors[:, k])), k] < 0:
                vectors[:, k] *= -1
        xy = xy @ vectors
    width, height = FRAME
    span = np.ptp(xy[core_idx], axis=0) if len(core_idx) > 1 else np.array([1.0, 1.0])
    span[span == 0] = 1.0
    scale = min(width / span[0], height / span[1])
    xy *= scale
    # stretch the side that falls short of the frame by up to 1.4 times, towards its shape
    xy[:, 0] *= min(1.4, width / (span[0] * scale))
    xy[:, 1] *= min(1.4, height / (span[1] * scale))
    sizes = np.array([radius.get(n, 8.0) for n in nodes])
    xy = _spread(xy, sizes)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy)}


def _spread(xy, sizes, rounds: int = 100):
    """Return xy with overlapping dots pushed apart, half the overlap each round."""
    import numpy as np
    from scipy.spatial import cKDTree

    if len(xy) < 2:
        return xy
    reach = 2 * float(sizes.max()) + NODE_GAP
    for _ in range(rounds):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        delta = xy[a] - xy[b]
        dist = np.sqrt((delta**2).sum(axis=1))
        overlap = sizes[a] + sizes[b] + NODE_GAP - dist
        hit = overlap > 0
        if not hit.any():
            break
        a, b, delta, dist, overlap = a[hit], b[hit], delta[hit], dist[hit], overlap[hit]
        # dots at one point part along a fixed direction, so the result stays the same
        delta[dist == 0] = (1.0, 0.0)
        dist[dist == 0] = 1.0
        push = delta / dist[:, None] * (overlap / 4)[:, None]
        moved = np.zeros_like(xy)
        np.add.at(moved, a, push)
        np.add.at(moved, b, -push)
        xy = xy + moved
    return xy
