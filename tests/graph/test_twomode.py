"""The two-mode graph on a three-note vault: note nodes, mention edges, wikilink edges, GraphML."""

from __future__ import annotations

from pathlib import Path

import igraph
import networkx as nx
import pytest
from click.testing import CliRunner

from kg.export.formats import graphml_text
from kg.graph.filters import Filters, filter_graph
from kg.graph import build_graph
from kg.notes import read_vault
from kg.resolve import resolve
from kg.graph.twomode import add_notes, link_resolver, note_id

VAULT = Path(__file__).resolve().parents[1] / "data" / "twomode"


@pytest.fixture(scope="module")
def vault():
    """Return the notes of the test vault and their entities (gazetteer names only, no NER)."""
    notes = read_vault([VAULT]).notes
    return notes, resolve(notes, {})


@pytest.fixture(scope="module")
def two(vault):
    notes, entities = vault
    return add_notes(build_graph(notes, entities), notes, entities)


def test_every_note_is_a_node_with_its_front_matter(two):
    diplomacy = two.nodes["note:外交.md"]
    assert diplomacy == {
        "kind": "note",
        "label": "外交メモ",
        "title": "外交メモ",
        "tags": ["外交", "安全保障"],
        "dates": ["created=2024-04-01"],
        "aliases": ["外交ノート"],
        # 日 日本 日 (日本), 米 アメリカ 米 (アメリカ), アジア twice: the link text アジアのメモ is
        # text that names Asia, and a link to a note that is no entity makes no name of it
        "count": 8,
        "notes": ["外交.md"],
        "unresolved": ["未作成のメモ"],
        "first_seen": "2024-04-01",  # its created date
        "last_seen": "2024-04-01",
    }
    assert two.nodes["note:地域/アジア.md"]["title"] == "アジア"  # no front-matter title: the file name
    assert {n for n, kind in two.nodes(data="kind") if kind == "note"} == {
        "note:外交.md", "note:経済.md", "note:地域/アジア.md"
    }


def test_mention_edges_count_the_mentions_in_each_note(two):
    edge = two.edges["note:外交.md", "日本"]
    assert edge["kind"] == "mentions" and edge["count"] == 3
    assert edge["weight"] == pytest.approx(3 / 5)  # three of 日本's five mentions are in this note
    assert edge["evidence"][0] == "日米"
    assert edge["sentences"] == ["日米", "日本とアメリカが首脳会談を開いた。", "上の日米も参照。"]
    assert two.edges["note:経済.md", "欧州連合"]["count"] == 1
    assert not two.has_edge("note:経済.md", "アメリカ")


def test_wikilinks_become_link_edges_both_ways_together(two):
    links = {frozenset((a, b)): d for a, b, d in two.edges(data=True) if d["kind"] == "link"}
    assert set(links) == {
        frozenset(("note:外交.md", "note:経済.md")),
        frozenset(("note:外交.md", "note:地域/アジア.md")),
        frozenset(("note:地域/アジア.md", "note:経済.md")),
    }
    # 外交 -> 経済 once, 経済 -> 外交 twice ([[外交]] and [[外交.md|同じメモ]])
    both = links[frozenset(("note:外交.md", "note:経済.md"))]
    assert both["count"] == 3 and both["weight"] == 1.0
    assert both["evidence"][0] == "外交.md › 日米"
    assert "日本とアメリカが首脳会談を開いた。" not in both["sentences"]
    assert "詳しくは経済を見る。" in both["sentences"]


def test_a_link_to_the_note_itself_is_no_edge(two):
    assert not two.has_edge("note:外交.md", "note:外交.md")


def test_cooccurrence_edges_keep_their_kind(two):
    assert two.edges["日本", "アメリカ"]["kind"] == "cooccurrence"
    kinds = {d["kind"] for _, _, d in two.edges(data=True)}
    assert kinds == {"cooccurrence", "mentions", "link"}


@pytest.mark.parametrize(
    "target, source, expected",
    [
        ("Note", "x/y.md", "Note.md"),  # an exact vault path wins, even over the own folder
        ("b/Note", "x/y.md", "b/Note.md"),
        ("note", "x/y.md", "Note.md"),  # case does not matter
        ("Memo", "a/b/src.md", "a/b/Memo.md"),  # the linking note's own folder
        ("Memo", "zz/src.md", "c/Memo.md"),  # else the shortest path
        ("b/Memo", "zz/src.md", "a/b/Memo.md"),  # a partial path matches the path's end
        ("Memo.md", "zz/src.md", "c/Memo.md"),
        ("Nowhere", "zz/src.md", None),
        ("image.png", "zz/src.md", None),
    ],
)
def test_links_resolve_as_in_obsidian(target, source, expected):
    resolve = link_resolver(["Note.md", "b/Note.md", "a/b/Memo.md", "c/Memo.md", "dd/ee/Memo.markdown"])
    assert resolve(target, source) == expected


def test_note_ids_cannot_be_taken_for_entities(vault):
    notes, entities = vault
    graph = build_graph(notes, entities)
    graph.add_node(note_id("外交.md"), kind="entity")
    with pytest.raises(ValueError, match="note:外交.md"):
        add_notes(graph, notes, entities)


def test_filters_run_first_and_note_edges_carry_mst(vault):
    notes, entities = vault
    filtered = filter_graph(build_graph(notes, entities), Filters(min_count=2, mst=True))
    two = add_notes(filtered, notes, entities)
    assert "中国" not in two and not any("中国" in edge for edge in two.edges)
    assert all(isinstance(d["mst"], bool) for _, _, d in two.edges(data=True))
    assert not any(d["mst"] for _, _, d in two.edges(data=True) if d["kind"] != "cooccurrence")


def test_graphml_with_notes_meets_the_contract(two, tmp_path):
    path = tmp_path / "two.graphml"
    path.write_text(graphml_text(two), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    declared = [(line.split('for="')[1][:4], line.split('attr.name="')[1].split('"')[0])
                for line in text.splitlines() if "<key " in line]
    assert len(declared) == len(set(declared)), "one type per attribute name"
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == two.number_of_nodes() and back.number_of_edges() == two.number_of_edges()
    assert back.nodes["note:外交.md"]["count"] == 8 and back.nodes["日本"]["count"] == 5
    assert back.nodes["note:外交.md"]["kind"] == "note" and "units" not in back.nodes["note:外交.md"]
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (two.number_of_nodes(), two.number_of_edges())
    kinds = dict(zip(ig.vs["id"], ig.vs["kind"], strict=True))
    assert kinds["note:経済.md"] == "note" and kinds["欧州連合"] == "entity"
    assert sorted(set(ig.es["kind"])) == ["cooccurrence", "link", "mentions"]
    counts = dict(zip(ig.vs["id"], ig.vs["count"], strict=True))
    assert counts["note:外交.md"] == 8 and counts["日本"] == 5


@pytest.mark.ginza
def test_kg_build_with_notes_writes_a_two_mode_graph(nlp, tmp_path):
    from kg.cli import main

    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(tmp_path), "-q", "--with-notes", "--mst"])
    assert result.exit_code == 0, result.output
    assert "3 notes" in result.output
    back = nx.read_graphml(tmp_path / "graph.graphml")
    assert {d["kind"] for _, d in back.nodes(data=True)} == {"entity", "note"}
    assert all(isinstance(d["mst"], bool) for _, _, d in back.edges(data=True))
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "外交メモ" in html
