"""Tests for kg/schema.py: list attributes join and split back, separators inside items are escaped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.schema import EDGE_LISTS, LINE_SEP, LIST_SEP, NODE_LISTS, join, joined, place, split, split_lists

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
