"""Tests for kg/schema.py: list attributes join and split back, separators inside items are escaped."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from kg.schema import (
    EDGE_LISTS, LINE_SEP, LIST_SEP, NODE_LISTS, PART_SEP, id_numbers, ids_json, ids_text, join, joined, number_lines,
    place, sentence_table, split, split_lists, table_text, unfold,
)

ITEMS = st.lists(st.text(min_size=1).filter(lambda s: s.strip()), max_size=6)


@given(ITEMS, st.sampled_from([LIST_SEP, LINE_SEP]))
def test_split_undoes_join_up_to_the_escaped_separator(items, sep):
    back = split(join(items, sep), sep)
    escaped = [item.replace(sep, {LIST_SEP: "｜", LINE_SEP: " "}[sep]) for item in items]
    assert back == [item for item in escaped if item]


def test_a_bar_inside_an_alias_stays_inside_it():
    data = joined({"aliases": ["A|B", "C"], "evidence": ["一: 文。", "二: 文|。"], "count": 2}, NODE_LISTS)
    assert data == {"aliases": "A｜B|C", "evidence": "一: 文。\n二: 文|。", "count": 2}


def test_split_lists_touches_only_joined_list_attributes():
    edge = {"evidence": "章 › 一|章 › 二", "sentences": "", "count": 3, "kind": "a|b"}
    split_lists(edge, EDGE_LISTS)
    assert edge == {"evidence": ["章 › 一", "章 › 二"], "sentences": [], "count": 3, "kind": "a|b"}


def test_a_list_is_split_as_is():
    assert split(["a", "b|c"]) == ["a", "b|c"] and split(None) == []


def test_place_is_the_heading_path_or_the_note():
    assert place(("第1章", "概要"), "n.md") == "第1章 › 概要"
    assert place((), "n.md") == "n.md"


def test_each_sentence_is_stored_once_and_every_edge_gets_its_own_back():
    edges = [
        {"sentences": ["日本と米国が会談した。", f"日本は述べた。{PART_SEP}米国も述べた。"]},
        {"count": 1},
        {"sentences": [f"米国も述べた。{PART_SEP}日本は述べた。", "日本と米国が会談した。"]},
        {"sentences": []},
    ]
    table, refs = sentence_table(edges)
    assert table == ["日本と米国が会談した。", "日本は述べた。", "米国も述べた。"]
    assert refs == [[[0], [1, 2]], None, [[2, 1], [0]], []]
    assert ids_text(refs[0]) == "0|1+2"
    lines = table_text(table).split(LINE_SEP)
    for data, ref in zip(edges, refs, strict=True):
        if ref is not None:
            assert unfold(ids_text(ref), lines) == data["sentences"]  # as GraphML and CSV hold them
            assert unfold(ref, lines) == data["sentences"]  # as JSON holds them


@given(st.lists(st.lists(st.text(alphabet="日米と。… ", min_size=1), max_size=3), max_size=5))
def test_sentence_numbers_give_back_any_line_even_one_that_holds_the_part_separator(edge_lines):
    table, refs = sentence_table({"sentences": lines} for lines in edge_lines)
    assert len(table) == len(set(table))
    for lines, ref in zip(edge_lines, refs, strict=True):
        assert unfold(ids_text(ref), table) == lines
        # as JSON holds them, made from the text the other files hold
        assert id_numbers(ids_text(ref)) == ref and json.loads(ids_json(ids_text(ref))) == ref
    assert number_lines(edge_lines) == (table, [ids_text(ref) for ref in refs])
