"""The co-occurrence graph on hand-made mentions, with hand-computed measures."""

from __future__ import annotations

import math

import pytest

from kg.graph import build_graph
from kg.graph.measures import measure
from kg.records import Block, Entity, Mention, Note
from kg.schema import PART_SEP


def _block(section: int, paragraph: int, heading: str, level: int = 2) -> Block:
    return Block("n.md", ("章", heading), (1, level), section, paragraph, paragraph + 1, "paragraph", "本文。")


def _entity(name: str, type_: str, *blocks: Block) -> Entity:
    mentions = tuple(Mention(name, "", "known", b, 0, 1, f"{name}の文。", name, type_) for b in blocks)
    return Entity(name, name, type_, (), (name,), mentions)


def _heading(block: Block) -> Block:
    return Block("n.md", block.heading_path, block.heading_levels, block.section, 20 + block.section, 1,
                 "heading", block.heading_path[-1])


@pytest.fixture
def corpus():
    """Five sections: 章 (h1, no body) holding 一..四 (h2)."""
    # A in sections 1,2,3; B in 1,2; C in 3; D in 4
    s1, s2, s3, s4 = _block(1, 0, "一"), _block(2, 1, "二"), _block(3, 2, "三"), _block(4, 3, "四")
    chapter = Block("n.md", ("章",), (1,), 0, 10, 1, "heading", "章")
    headings = [_heading(b) for b in (s1, s2, s3, s4)]
    notes = [Note("n.md", "n", blocks=(chapter, headings[0], s1, headings[1], s2, headings[2], s3, headings[3], s4))]
    entities = [
        _entity("A", "Country", s1, s2, s3),
        _entity("B", "Organization", s1, s2),
        _entity("C", "Agreement", s3),
        _entity("D", "Region", s4),
    ]
    return notes, entities


def test_edges_join_entities_in_the_same_section(corpus):
    graph = build_graph(*corpus)
    assert set(map(frozenset, graph.edges())) == {frozenset("AB"), frozenset("AC")}
    assert graph.edges["A", "B"]["count"] == 2
    assert graph.edges["A", "C"]["count"] == 1
    assert "D" in graph and graph.degree("D") == 0


def test_measures_by_hand(corpus):
    graph = build_graph(*corpus, weight="jaccard")
    ab = graph.edges["A", "B"]
    assert ab["weight"] == pytest.approx(2 / 3)  # 2 / (3 + 2 - 2)
    assert ab["jaccard"] == pytest.approx(2 / 3)
    # N = 5 sections: p_ab = 0.4, p_a = 0.6, p_b = 0.4
    assert ab["npmi"] == pytest.approx(math.log(0.4 / (0.6 * 0.4)) / -math.log(0.4), abs=1e-6)
    assert measure("dice", 3, 2, 2, 4) == pytest.approx(0.8)
    assert measure("simpson", 3, 2, 2, 4) == pytest.approx(1.0)
    assert measure("cosine", 3, 2, 2, 4) == pytest.approx(2 / math.sqrt(6))
    assert measure("count", 3, 2, 2, 4) == 2.0


def test_node_attributes_follow_the_contract(corpus):
    graph = build_graph(*corpus)
    a = graph.nodes["A"]
    assert a["kind"] == "entity" and a["label"] == "A" and a["type"] == "Country"
    assert a["count"] == 3 and a["units"] == 3 and a["notes"] == ["n.md"]
    assert a["evidence"][0] == "章 › 一: Aの文。"
    assert graph.edges["A", "B"]["evidence"] == ["章 › 一", "章 › 二"]


def test_heading_level_unit_joins_subsections(corpus):
    notes, entities = corpus
    assert build_graph(notes, entities, unit="h1").has_edge("B", "D")
    assert not build_graph(notes, entities, unit="paragraph").has_edge("B", "D")


def test_unknown_unit_or_measure_is_refused(corpus):
    with pytest.raises(ValueError, match="unit"):
        build_graph(*corpus, unit="chapter")
    with pytest.raises(ValueError, match="measure"):
        build_graph(*corpus, weight="lift")


def test_an_edge_shows_the_first_sentence_naming_both_else_each_ones_first():
    """In one section: A and B share the second and third sentences, C and D the last."""
    block = Block("n.md", ("章",), (1,), 1, 0, 1, "paragraph", "A。AB。BA。CD。")
    said = {"A": [(0, "A。"), (2, "AB。"), (8, "BA。")], "B": [(3, "AB。"), (5, "BA。")],
            "C": [(9, "CD。")], "D": [(10, "CD。")]}
    entities = [
        Entity(name, name, "Country", (), (name,),
               tuple(Mention(name, "", "known", block, start, start + 1, sentence, name, "Country")
                     for start, sentence in spots))
        for name, spots in said.items()
    ]
    graph = build_graph([Note("n.md", "n", blocks=(block,))], entities)
    assert graph.edges["A", "B"]["sentences"] == ["AB。"]  # the first both name, in A's order
    assert graph.edges["C", "D"]["sentences"] == ["CD。"]
    assert graph.edges["A", "C"]["sentences"] == [f"A。{PART_SEP}CD。"]  # none names both: each one's first
    assert graph.edges["B", "D"]["sentences"] == [f"AB。{PART_SEP}CD。"]
    # pairs of the same two sentences share one text
    assert graph.edges["A", "C"]["sentences"][0] is graph.edges["A", "D"]["sentences"][0]
