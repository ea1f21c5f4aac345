"""Filters on small hand-made graphs, with the disparity filter's alphas computed by hand."""

from __future__ import annotations

import igraph
import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.export.formats import graphml_text
from kg.graph.filters import Filters, backbone_edges, disparity, filter_graph, strongest
from kg.pipeline import make_options


def _graph(edges, units=None) -> nx.Graph:
    """Return a co-occurrence graph from (a, b, weight, count) rows; entities in `units` or 5 units."""
    graph = nx.Graph()
    for a, b, weight, count in edges:
        for node in (a, b):
            graph.add_node(node, kind="entity", units=(units or {}).get(node, 5))
        graph.add_edge(a, b, kind="cooccurrence", weight=weight, count=count)
    return graph


def _edges(graph: nx.Graph) -> set[frozenset]:
    return {frozenset(edge) for edge in graph.edges}


@pytest.fixture
def disparate():
    """X has one heavy edge; Z and W spread theirs evenly."""
    return _graph([("X", "Y", 8.0, 8), ("X", "Z", 1.0, 1), ("X", "W", 1.0, 1), ("Y", "Z", 1.0, 1),
                   ("Z", "W", 1.0, 1)])


def test_disparity_by_hand(disparate):
    alphas = {frozenset(edge): value for edge, value in disparity(disparate).items()}
    # degrees and strengths: X 3 / 10, Y 2 / 9, Z 3 / 3, W 2 / 2; alpha = (1 - w/s)^(k-1)
    assert alphas[frozenset("XY")] == pytest.approx(min((1 - 8 / 10) ** 2, (1 - 8 / 9) ** 1))  # 0.04
    assert alphas[frozenset("XZ")] == pytest.approx(min((1 - 1 / 10) ** 2, (1 - 1 / 3) ** 2))  # 4/9
    assert alphas[frozenset("XW")] == pytest.approx(min((1 - 1 / 10) ** 2, (1 - 1 / 2) ** 1))  # 1/2
    assert alphas[frozenset("YZ")] == pytest.approx(4 / 9)
    assert alphas[frozenset("ZW")] == pytest.approx(4 / 9)


def test_backbone_keeps_edges_significant_at_either_end(disparate):
    assert _edges(filter_graph(disparate, Filters(backbone=0.05))) == {frozenset("XY")}
    kept = filter_graph(disparate, Filters(backbone=0.45))
    assert _edges(kept) == {frozenset("XY"), frozenset("XZ"), frozenset("YZ"), frozenset("ZW")}
    assert set(kept) == set(disparate)  # isolates are kept by default


def test_backbone_keeps_an_entitys_only_edge():
    star = _graph([("hub", "a", 9.0, 9), ("hub", "b", 9.0, 9), ("hub", "c", 9.0, 9), ("hub", "leaf", 0.1, 1),
                   ("a", "b", 1.0, 1), ("b", "c", 1.0, 1), ("a", "c", 1.0, 1)])
    assert frozenset(("hub", "leaf")) in {frozenset(e) for e in backbone_edges(star, 0.01)}


def test_backbone_refuses_negative_weights():
    with pytest.raises(ValueError, match="npmi"):
        filter_graph(_graph([("a", "b", -0.2, 1), ("b", "c", 0.5, 2)]), Filters(backbone=0.05))
    with pytest.raises(ValueError, match="npmi"):
        make_options(measure="npmi", backbone=0.05)


def test_min_count_drops_rare_entities_and_their_edges():
    graph = _graph([("a", "b", 1.0, 2), ("b", "c", 1.0, 1)], units={"a": 3, "b": 2, "c": 1})
    kept = filter_graph(graph, Filters(min_count=2))
    assert set(kept) == {"a", "b"} and _edges(kept) == {frozenset("ab")}


def test_min_edge_and_threshold_cut_edges():
    graph = _graph([("a", "b", 0.9, 3), ("b", "c", 0.2, 2), ("c", "d", 0.5, 1)])
    assert _edges(filter_graph(graph, Filters(min_edge=2))) == {frozenset("ab"), frozenset("bc")}
    assert _edges(filter_graph(graph, Filters(threshold=0.5))) == {frozenset("ab"), frozenset("cd")}
    assert _edges(filter_graph(graph, Filters(min_edge=2, threshold=0.5))) == {frozenset("ab")}


def test_top_edges_breaks_ties_by_count_then_ids():
    rows = [("c", "d", 0.5, 1), ("a", "b", 0.5, 1), ("e", "f", 0.5, 2), ("g", "h", 0.9, 1)]
    for order in (rows, rows[::-1]):
        kept = filter_graph(_graph(order), Filters(top_edges=3))
        assert _edges(kept) == {frozenset("gh"), frozenset("ef"), frozenset("ab")}
    assert [set(e) for e in strongest(_graph(rows))] == [set("gh"), set("ef"), set("ab"), set("cd")]


def test_isolates_are_kept_unless_dropped_even_if_they_had_no_edge():
    graph = _graph([("a", "b", 0.9, 3), ("b", "c", 0.2, 1)])
    graph.add_node("alone", kind="entity", units=1)
    kept = filter_graph(graph, Filters(threshold=0.5))
    assert set(kept) == {"a", "b", "c", "alone"}
    dropped = filter_graph(graph, Filters(threshold=0.5, keep_isolates=False))
    assert set(dropped) == {"a", "b"}


def test_mst_marks_the_maximum_spanning_forest_on_every_edge():
    graph = _graph([("a", "b", 3.0, 3), ("b", "c", 2.0, 2), ("a", "c", 1.0, 1), ("d", "e", 0.1, 1)])
    marked = filter_graph(graph, Filters(mst=True))
    assert {frozenset(e) for e, on in nx.get_edge_attributes(marked, "mst").items() if on} == {
        frozenset("ab"), frozenset("bc"), frozenset("de")
    }
    assert all(isinstance(on, bool) for on in nx.get_edge_attributes(marked, "mst").values())
    assert len(nx.get_edge_attributes(marked, "mst")) == marked.number_of_edges()
    assert "mst" not in next(iter(filter_graph(graph, Filters()).edges(data=True)))[2]


def test_mst_is_the_same_whatever_the_insertion_order():
    rows = [("a", "b", 1.0, 1), ("b", "c", 1.0, 1), ("a", "c", 1.0, 1)]
    trees = [
        {frozenset(e) for e, on in nx.get_edge_attributes(filter_graph(_graph(r), Filters(mst=True)), "mst").items()
         if on}
        for r in (rows, rows[::-1])
    ]
    assert trees[0] == trees[1] == {frozenset("ab"), frozenset("ac")}


def test_the_graph_says_which_filters_ran_in_their_order():
    graph = filter_graph(_graph([("a", "b", 1.0, 1)]), Filters(mst=True, top_edges=5, min_count=2, backbone=0.1))
    assert graph.graph["filters"] == "--min-count 2 --backbone 0.1 --top-edges 5 --mst"
    assert filter_graph(_graph([("a", "b", 1.0, 1)]), Filters()).graph["filters"] == ""


def test_filtered_graphml_keeps_mst_a_boolean(tmp_path):
    graph = filter_graph(_graph([("a", "b", 3.0, 3), ("b", "c", 2.0, 2), ("a", "c", 1.0, 1)]), Filters(mst=True))
    path = tmp_path / "g.graphml"
    path.write_text(graphml_text(graph), encoding="utf-8")
    assert 'attr.name="mst" attr.type="boolean"' in path.read_text(encoding="utf-8")
    back = nx.read_graphml(path)
    assert back.edges["a", "b"]["mst"] is True and back.edges["a", "c"]["mst"] is False
    ig = igraph.Graph.Read_GraphML(str(path))
    assert sorted(ig.es["mst"]) == [False, True, True]


@pytest.mark.parametrize("options, message", [
    ({"min_count": 0}, "min_count must be at least 1"),
    ({"min_edge": 0}, "min_edge must be at least 1"),
    ({"backbone": 1.5}, "backbone is a significance level"),
    ({"top_edges": -1}, "top_edges must be 0 or more"),
])
def test_bad_filter_values_are_refused_in_the_words_of_the_library(options, message):
    with pytest.raises(ValueError, match=message):
        make_options(**options)
    with pytest.raises(ValueError, match=message):
        kg.build("nowhere", **options)


def test_cli_refuses_a_bad_filter_before_reading_anything(tmp_path):
    from kg.cli import main

    result = CliRunner().invoke(main, ["build", str(tmp_path), "--backbone", "0", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "--backbone" in result.output
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--backbone", "0.1", "--measure", "npmi"])
    assert result.exit_code == 1 and "npmi" in result.output
    # the library's message names parameters; the command line's names the flags
    assert "--backbone needs weights" in result.output and "pick another --measure" in result.output
