"""Tests for kg/graph/analytics.py: igraph measures on entity nodes, reproducible communities."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.graph.analytics import ANALYTICS, add_analytics, analytics, pair_analytics
from kg.export.formats import graphml_text

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "whitepaper_r06_ict_international.md"

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def two_triangles(reverse: bool = False) -> nx.Graph:
    """Return a 4-clique, two triangles joined by a bridge, a lone entity and a note node.

    With reverse, nodes and edges are added in the opposite order (same graph, other order).
    """
    nodes = ["c1", "c2", "c3", "c4", "a1", "a2", "a3", "b1", "b2", "b3", "z"]
    edges = [
        ("c1", "c2", 1.0), ("c1", "c3", 1.0), ("c1", "c4", 1.0), ("c2", "c3", 1.0), ("c2", "c4", 1.0),
        ("c3", "c4", 1.0), ("a1", "a2", 0.5), ("a1", "a3", 0.5), ("a2", "a3", 0.5), ("b1", "b2", 0.5),
        ("b1", "b3", 0.5), ("b2", "b3", 0.5), ("a3", "b1", 0.1),
    ]  # fmt: skip
    if reverse:
        nodes, edges = nodes[::-1], [(b, a, w) for a, b, w in edges[::-1]]
    graph = nx.Graph(title="t")
    for node in nodes:
        graph.add_node(node, kind="entity", label=node, type="Country", count=1)
    for a, b, weight in edges:
        graph.add_edge(a, b, weight=weight, count=1)
    graph.add_node("note.md", kind="note", label="note.md")
    graph.add_edge("note.md", "a1", kind="mentions")
    graph.add_edge("note.md", "z", kind="mentions")
    return graph


def test_every_entity_gets_every_measure_with_a_graphml_type():
    graph = add_analytics(two_triangles())
    for node, data in graph.nodes(data=True):
        if data["kind"] != "entity":
            continue
        assert set(ANALYTICS) <= set(data), node
        assert type(data["degree"]) is int and type(data["community"]) is int
        for name in ("weighted_degree", "betweenness", "pagerank"):
            assert type(data[name]) is float, name


def test_note_nodes_get_nothing_and_change_nothing():
    with_note = add_analytics(two_triangles())
    assert not set(ANALYTICS) & set(with_note.nodes["note.md"])
    without = two_triangles()
    without.remove_node("note.md")
    add_analytics(without)
    for node in without:
        assert {k: with_note.nodes[node][k] for k in ANALYTICS} == {k: without.nodes[node][k] for k in ANALYTICS}


def test_measures_say_what_they_mean():
    graph = add_analytics(two_triangles())
    nodes = graph.nodes
    assert nodes["a1"]["degree"] == 2 and nodes["a3"]["degree"] == 3 and nodes["z"]["degree"] == 0
    assert nodes["a3"]["weighted_degree"] == pytest.approx(1.1)
    assert nodes["z"]["weighted_degree"] == 0.0
    # the two ends of the bridge lie on every path between the triangles
    bridge = {nodes["a3"]["betweenness"], nodes["b1"]["betweenness"]}
    assert min(bridge) > max(d["betweenness"] for n, d in nodes(data=True) if n not in ("a3", "b1", "note.md"))
    assert sum(d["pagerank"] for n, d in nodes(data=True) if n != "note.md") == pytest.approx(1.0, abs=1e-5)


def test_communities_are_numbered_by_size_then_smallest_member():
    graph = add_analytics(two_triangles())
    community = dict(graph.nodes(data="community"))
    assert {community[n] for n in ("c1", "c2", "c3", "c4")} == {0}
    assert {community[n] for n in ("a1", "a2", "a3")} == {1}
    assert {community[n] for n in ("b1", "b2", "b3")} == {2}
    assert community["z"] == 3


def test_same_graph_gives_same_communities_whatever_the_order():
    first = dict(add_analytics(two_triangles()).nodes(data="community"))
    again = dict(add_analytics(two_triangles()).nodes(data="community"))
    reverse = dict(add_analytics(two_triangles(reverse=True)).nodes(data="community"))
    assert first == again == reverse


def test_negative_and_zero_weights_count_as_nothing():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=-0.4)
    graph.add_edge("b", "c", weight=0.0)
    add_analytics(graph)
    assert {d["weighted_degree"] for _, d in graph.nodes(data=True)} == {0.0}
    assert graph.nodes["b"]["degree"] == 2
    assert sorted(d["community"] for _, d in graph.nodes(data=True))[0] == 0


def test_empty_graph():
    assert add_analytics(nx.Graph()).number_of_nodes() == 0


def test_graphml_declares_ints_and_floats_and_both_readers_load_it(tmp_path):
    text = graphml_text(add_analytics(two_triangles()))
    keys = {
        (key.get("for"), key.get("attr.name")): key.get("attr.type")
        for key in ET.fromstring(text.encode()).iter(f"{GRAPHML}key")
    }
    assert keys[("node", "degree")] in ("int", "long")
    assert keys[("node", "community")] in ("int", "long")
    for name in ("weighted_degree", "betweenness", "pagerank"):
        assert keys[("node", name)] in ("float", "double")
    path = tmp_path / "g.graphml"
    path.write_text(text, encoding="utf-8")
    assert nx.read_graphml(path).nodes["a3"]["community"] == 1
    import igraph

    loaded = igraph.Graph.Read_GraphML(str(path))
    assert set(ANALYTICS) <= set(loaded.vs.attributes())


def test_measures_from_the_pairs_equal_the_measures_of_the_graph():
    graph = two_triangles()
    entities = [n for n, kind in graph.nodes(data="kind") if kind == "entity"]
    weighted = [(a, b, w) for a, b, w in graph.edges(data="weight") if w is not None]
    assert pair_analytics(entities, weighted) == analytics(graph)
    # the order pairs come in, and a pair given twice, change nothing
    assert pair_analytics(entities[::-1], weighted[::-1] + weighted[:3]) == analytics(graph)


@pytest.mark.ginza
def test_sample_measures_found_before_the_edges_are_those_of_the_built_graph(sample_result):
    from kg.graph.cooccurrence import build_graph, cooccurrences

    notes, entities = sample_result.vault.notes, sample_result.entities
    for unit, weight in (("section", "jaccard"), ("paragraph", "count")):
        pairs = cooccurrences(notes, entities, unit=unit, weight=weight)
        graph = build_graph(notes, entities, unit=unit, weight=weight)
        assert graph.number_of_edges() > 100
        assert pair_analytics([e.id for e in entities], pairs.weighted()) == analytics(graph)


@pytest.mark.ginza
def test_sample_build_gives_the_same_communities_twice(sample_graph):
    import kg

    again = kg.build([SAMPLE])
    assert dict(again.nodes(data="community")) == dict(sample_graph.nodes(data="community"))
    assert len({c for _, c in sample_graph.nodes(data="community")}) > 3
    for _, data in sample_graph.nodes(data=True):
        assert set(ANALYTICS) <= set(data)


@pytest.mark.ginza
def test_view_colours_the_sample_by_community(sample_graph):
    from kg.view import COMMUNITY_COLORS, to_html

    page = to_html(sample_graph, color_by="community")
    assert COMMUNITY_COLORS[0] in page


def random_graph(nodes: int, p: float, seed: int) -> nx.Graph:
    """Return a connected-ish random entity graph with weights, built the way kg's graphs are."""
    base = nx.gnp_random_graph(nodes, p, seed=seed)
    graph = nx.Graph()
    for node in base:
        graph.add_node(f"e{node:03d}", kind="entity", label=f"e{node}", type="Country", count=1)
    for a, b in base.edges:
        graph.add_edge(f"e{a:03d}", f"e{b:03d}", weight=round(0.1 + (a * 7 + b * 3) % 10 / 10, 2), count=1)
    return graph


def test_exact_betweenness_and_pagerank_agree_with_networkx():
    graph = add_analytics(random_graph(60, 0.08, seed=3))
    exact = nx.betweenness_centrality(graph)
    pagerank = nx.pagerank(graph, weight="weight")
    for node, data in graph.nodes(data=True):
        assert data["betweenness"] == pytest.approx(exact[node], abs=1e-6)
        assert data["pagerank"] == pytest.approx(pagerank[node], abs=1e-4)
        assert data["degree"] == graph.degree(node)


def test_betweenness_of_a_costly_graph_is_estimated_from_sources(monkeypatch):
    import kg.graph.analytics as analytics

    graph = random_graph(300, 0.05, seed=5)
    exact = nx.betweenness_centrality(graph)
    # make this graph count as costly: 150 sources of 300 stand for all
    monkeypatch.setattr(analytics, "BETWEENNESS_COST", graph.number_of_edges() * 150)
    monkeypatch.setattr(analytics, "BETWEENNESS_SOURCES", 10)
    first = dict(add_analytics(graph).nodes(data="betweenness"))
    again = dict(add_analytics(random_graph(300, 0.05, seed=5)).nodes(data="betweenness"))
    assert first == again
    assert first != {n: round(b, 6) for n, b in exact.items()}
    # an unbiased estimate: the mean is right, and the estimate follows the exact values
    import numpy as np

    pairs = np.array([(first[n], exact[n]) for n in graph])
    assert pairs[:, 0].mean() == pytest.approx(pairs[:, 1].mean(), rel=0.05)
    assert np.corrcoef(pairs.T)[0, 1] > 0.9
