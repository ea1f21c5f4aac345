"""Inner edges, bridges and gaps of hand-made communities."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.community.structure import structure


@pytest.fixture
def two_and_outsiders() -> nx.Graph:
    """Two triangles (0: a1-a3, 1: b1-b3) joined by one edge, a3-b3, and two outsiders x, y (community 2)
    that each touch a1 and b1."""
    graph = nx.Graph()
    for c, names in ((0, ("a1", "a2", "a3")), (1, ("b1", "b2", "b3")), (2, ("x", "y"))):
        for name in names:
            graph.add_node(name, kind="entity", community=c)
    weights = {("a1", "a2"): 0.9, ("a1", "a3"): 0.5, ("a2", "a3"): 0.5, ("b1", "b2"): 0.2, ("b1", "b3"): 0.7,
               ("b2", "b3"): 0.3, ("a3", "b3"): 0.1, ("x", "a1"): 0.4, ("y", "a1"): 0.4, ("x", "b1"): 0.4,
               ("y", "b1"): 0.4, ("x", "y"): 1.0}
    for (a, b), w in weights.items():
        graph.add_edge(a, b, kind="cooccurrence", weight=w, count=1)
    return graph


def test_gap_weighs_shared_neighbours_against_the_edges_between(two_and_outsiders):
    found = structure(two_and_outsiders, dict(two_and_outsiders.nodes(data="community")), [0, 1], top=2)
    # shared: x and y; between: a3-b3
    assert found.gaps[0] == [(1, 2, 1, round(2 / 3, 6))]
    assert found.gaps[1] == [(0, 2, 1, round(2 / 3, 6))]


def test_as_many_edges_between_as_shared_neighbours_is_no_gap(two_and_outsiders):
    two_and_outsiders.add_edge("a2", "b2", kind="cooccurrence", weight=0.1, count=1)
    found = structure(two_and_outsiders, dict(two_and_outsiders.nodes(data="community")), [0, 1], top=2)
    assert found.gaps == {0: [], 1: []}
    two_and_outsiders.add_edge("z", "a1", kind="cooccurrence", weight=0.1, count=1)
    two_and_outsiders.add_edge("z", "b1", kind="cooccurrence", weight=0.1, count=1)
    two_and_outsiders.nodes["z"].update(kind="entity", community=2)
    found = structure(two_and_outsiders, dict(two_and_outsiders.nodes(data="community")), [0, 1], top=2)
    assert found.gaps[0] == [(1, 3, 2, round(3 / 5, 6))]


def test_bridges_inner_edges_and_edges_within(two_and_outsiders):
    found = structure(two_and_outsiders, dict(two_and_outsiders.nodes(data="community")), [0, 1], top=2)
    assert found.reach["a1"] == {2: 2} and found.reach["a3"] == {1: 1} and "a2" not in found.reach
    assert found.inner[0] == [("a1", "a2"), ("a1", "a3")]  # shared units (all 1), weight, then the graph's order
    assert found.inner[1] == [("b1", "b3"), ("b2", "b3")]
    assert found.within["a1"] == 2 and found.within["x"] == 1


def test_communities_that_share_fewer_than_two_neighbours_have_no_gap(two_and_outsiders):
    two_and_outsiders.remove_node("y")
    found = structure(two_and_outsiders, dict(two_and_outsiders.nodes(data="community")), [0, 1], top=2)
    assert found.gaps == {0: [], 1: []}
