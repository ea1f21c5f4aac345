"""Tests for kg.timeline on hand-made graphs (the dated vault's end-to-end test is in test_dated.py)."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kg.timeline import timeline


def graph() -> nx.Graph:
    g = nx.Graph()
    g.add_node("日本", kind="entity", mention_dates=["2025-01-05", "2025-03-10", "2025-03-30"])
    g.add_node("中国", kind="entity", mention_dates=["2025-02-01", "2025-02-02", "2025-05-01", "2025-05-02"])
    g.add_node("undated", kind="entity", mention_dates=[])
    g.add_node("note:a.md", kind="note", mention_dates=["2025-01-01"])
    return g


def test_mentions_per_month_with_empty_months_and_the_most_mentioned_first():
    table = timeline(graph())
    assert list(table.columns) == ["中国", "日本"]
    assert [str(p) for p in table.index] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    assert table["日本"].tolist() == [1, 0, 2, 0, 0]
    assert table["中国"].tolist() == [0, 2, 0, 0, 2]
    assert table.index.name == "period" and table.columns.name == "entity"


def test_other_periods_and_joined_strings():
    g = graph()
    g.nodes["日本"]["mention_dates"] = "2025-01-05|2025-03-10|2025-03-30"
    quarters = timeline(g, freq="Q")
    assert quarters.loc[pd.Period("2025Q1"), "日本"] == 3
    assert quarters.loc[pd.Period("2025Q2"), "中国"] == 2
    assert timeline(g, freq="Y").to_dict() == {"中国": {pd.Period("2025", "Y"): 4}, "日本": {pd.Period("2025", "Y"): 3}}


def test_a_graph_without_dates_gives_an_empty_table():
    table = timeline(nx.Graph())
    assert table.empty and isinstance(table.index, pd.PeriodIndex)
