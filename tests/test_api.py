"""Tests for the Python API (kg/__init__.py, kg/api.py): lazy imports, GraphML round trip, frames, show."""

from __future__ import annotations

import html
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import kg
from kg.export.formats import MENTION_COLUMNS, graphml_text
from kg.view import to_html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "whitepaper_r06_ict_international.md"


def kg_like_graph() -> nx.Graph:
    """Return a small graph with the attributes kg.build returns (lists as lists), analytics included."""
    graph = nx.Graph(title="小さなグラフ", unit="section", measure="jaccard", notes=1)
    graph.add_node(
        "アメリカ", kind="entity", label="アメリカ", type="Country", ene=["Country", "GPE"],
        aliases=["アメリカ", "米国", "米"], count=3, units=2, notes=["a.md"],
        evidence=["第1章 › 概要: 米国と連携する。", "第2章: アメリカも参加した。"],
        degree=1, weighted_degree=0.5, betweenness=0.0, pagerank=0.5, community=0,
    )  # fmt: skip
    graph.add_node(
        "日本", kind="entity", label="日本", type="Country", ene=[], aliases=["日本"], count=1, units=1,
        notes=["a.md", "b.md"], evidence=["第1章 › 概要: 米国と連携する。"],
        degree=1, weighted_degree=0.5, betweenness=0.0, pagerank=0.5, community=0,
    )  # fmt: skip
    graph.add_edge(
        "アメリカ", "日本", weight=0.5, count=1, jaccard=0.5, npmi=0.3, evidence=["第1章 › 概要", "第2章"],
        sentences=["米国と連携する。", "日本とアメリカ。"], mst=True,
    )  # fmt: skip
    return graph


def write(graph: nx.Graph, path: Path) -> Path:
    """Write graph as kg's GraphML to path and return path."""
    path.write_text(graphml_text(graph), encoding="utf-8")
    return path


def python(code: str) -> str:
    """Return what a fresh interpreter prints running code."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.strip()


# --- the package ----------------------------------------------------------------------


def test_all_lists_the_api_and_each_name_resolves():
    assert sorted(kg.__all__) == ["build", "communities", "community_report", "explain", "mentions", "read_graphml",
                                  "relations", "show", "timeline", "to_frames", "to_obsidian"]
    for name in kg.__all__:
        assert callable(getattr(kg, name))
        assert name in dir(kg)
    with pytest.raises(AttributeError):
        kg.no_such_function  # noqa: B018


def test_import_kg_and_reading_the_api_never_load_spacy():
    loaded = python(
        "import sys, kg\n"
        "before = {m for m in ('spacy', 'ginza', 'pandas', 'IPython') if m in sys.modules}\n"
        "kg.build, kg.read_graphml, kg.to_frames, kg.mentions, kg.show\n"
        "print(sorted(before), 'spacy' in sys.modules)"
    )
    assert loaded == "[] False"


# --- read_graphml -----------------------------------------------------------------------


def test_round_trip_restores_types_and_lists(tmp_path):
    graph = kg_like_graph()
    back = kg.read_graphml(write(graph, tmp_path / "g.graphml"))
    usa = back.nodes["アメリカ"]
    assert usa["aliases"] == ["アメリカ", "米国", "米"]
    assert usa["ene"] == ["Country", "GPE"]
    assert usa["notes"] == ["a.md"]
    assert usa["evidence"] == ["第1章 › 概要: 米国と連携する。", "第2章: アメリカも参加した。"]
    assert back.nodes["日本"]["ene"] == []
    assert back.nodes["日本"]["notes"] == ["a.md", "b.md"]
    for name in ("count", "units", "degree", "community"):
        assert type(usa[name]) is int, name
    for name in ("weighted_degree", "betweenness", "pagerank"):
        assert type(usa[name]) is float, name
    edge = back.edges["アメリカ", "日本"]
    assert edge["evidence"] == ["第1章 › 概要", "第2章"]
    assert edge["sentences"] == ["米国と連携する。", "日本とアメリカ。"]
    assert type(edge["count"]) is int and type(edge["weight"]) is float and edge["mst"] is True
    assert back.graph == {"title": "小さなグラフ", "unit": "section", "measure": "jaccard", "notes": 1}


def test_read_graphml_gives_back_what_was_written(tmp_path):
    graph = kg_like_graph()
    back = kg.read_graphml(write(graph, tmp_path / "g.graphml"))
    for node, data in graph.nodes(data=True):
        assert back.nodes[node] == data
    for a, b, data in graph.edges(data=True):
        assert back.edges[a, b] == data


def test_a_bar_inside_a_list_item_never_splits_it(tmp_path):
    graph = kg_like_graph()
    graph.nodes["日本"]["aliases"] = ["日本", "A|B"]
    back = kg.read_graphml(write(graph, tmp_path / "g.graphml"))
    assert back.nodes["日本"]["aliases"] == ["日本", "A｜B"]


def test_a_read_graph_can_be_shown_and_tabulated(tmp_path):
    back = kg.read_graphml(write(kg_like_graph(), tmp_path / "g.graphml"))
    assert "米国" in html.unescape(kg.show(back).data)
    nodes, _ = kg.to_frames(back)
    assert nodes.set_index("id").loc["アメリカ", "aliases"] == ["アメリカ", "米国", "米"]


@pytest.mark.ginza
def test_sample_round_trip(sample_graph, tmp_path):
    back = kg.read_graphml(write(sample_graph, tmp_path / "sample.graphml"))
    assert sorted(back.nodes) == sorted(sample_graph.nodes)
    assert back.number_of_edges() == sample_graph.number_of_edges()
    # kg.build and kg.read_graphml give the same shapes: lists are lists, numbers are numbers
    assert back.graph == sample_graph.graph
    for node, data in sample_graph.nodes(data=True):
        assert back.nodes[node] == data
    for a, b, data in sample_graph.edges(data=True):
        assert back.edges[a, b] == data


# --- to_frames and mentions -------------------------------------------------------------


def test_to_frames_gives_one_row_per_node_and_edge():
    nodes, edges = kg.to_frames(kg_like_graph())
    assert list(nodes["id"]) == ["アメリカ", "日本"]
    assert {"type", "aliases", "pagerank", "community"} <= set(nodes.columns)
    assert edges[["source", "target"]].values.tolist() == [["アメリカ", "日本"]]
    assert edges.loc[0, "weight"] == 0.5


def test_to_frames_of_an_empty_graph():
    nodes, edges = kg.to_frames(nx.Graph())
    assert len(nodes) == 0 and len(edges) == 0
    assert {"source", "target", "weight"} <= set(edges.columns)


@pytest.mark.ginza
def test_mentions_lists_every_mention_with_provenance(sample_result):
    frame = kg.mentions([SAMPLE])
    assert list(frame.columns) == MENTION_COLUMNS
    assert len(frame) == sample_result.mention_count
    jict = frame[frame["surface"] == "JICT"]
    assert len(jict) > 0
    assert set(jict["entity"]) == {"海外通信・放送・郵便事業支援機構"}
    assert (jict["line"] > 0).all() and (jict["heading_path"] != "").all()
    assert all("JICT" in sentence for sentence in jict["sentence"])


@pytest.mark.ginza
def test_mentions_takes_the_build_options(sample_result):
    frame = kg.mentions(SAMPLE, types="Country,Agreement")
    assert set(frame["type"]) == {"Country", "Agreement"}


# --- show -------------------------------------------------------------------------------


class _Iframes(HTMLParser):
    """Collect the attributes of every iframe in a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.found.append(dict(attrs))


def iframes(markup: str) -> list[dict[str, str | None]]:
    """Return the attributes of the iframes in markup, values unescaped as a browser would."""
    parser = _Iframes()
    parser.feed(markup)
    return parser.found


def test_show_puts_the_whole_page_in_an_escaped_srcdoc():
    from IPython.display import HTML

    graph = kg_like_graph()
    shown = kg.show(graph, color_by="community", title='<b>"題"</b>')
    assert isinstance(shown, HTML)
    [frame] = iframes(shown.data)
    assert frame["srcdoc"] == to_html(graph, title='<b>"題"</b>', color_by="community")
    assert frame["title"] == '<b>"題"</b>'
    assert frame["sandbox"] == "allow-scripts"
    # the page's markup never appears raw: the only tags are the wrapper's
    assert shown.data.count("<") == 4


def test_show_rejects_an_unknown_colouring():
    with pytest.raises(ValueError, match="color_by"):
        kg.show(kg_like_graph(), color_by="weight")


@pytest.mark.browser
def test_show_draws_the_graph_inside_its_iframe_offline(tmp_path, browser):
    graph = kg_like_graph()
    host = tmp_path / "notebook.html"
    host.write_text(f"<!doctype html><meta charset='utf-8'><body>{kg.show(graph).data}</body>", encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(host.as_uri())
        frame = page.locator("iframe").element_handle().content_frame()
        frame.wait_for_function("() => document.body.dataset.state === 'ready'", timeout=30_000)
        assert frame.evaluate("network.body.data.nodes.length") == graph.number_of_nodes()
        box = page.locator("iframe").bounding_box()
        assert box["height"] > 500 and box["width"] > 1000
    finally:
        page.close()
    assert errors == []
    assert [u for u in requests if u != host.as_uri() and not u.startswith(("data:", "about:"))] == []


# -- kg.timeline on hand-made graphs (the dated vault's end-to-end test is in test_dated.py) --


def dated_graph() -> nx.Graph:
    g = nx.Graph()
    g.add_node("日本", kind="entity", mention_dates=["2025-01-05", "2025-03-10", "2025-03-30"])
    g.add_node("中国", kind="entity", mention_dates=["2025-02-01", "2025-02-02", "2025-05-01", "2025-05-02"])
    g.add_node("undated", kind="entity", mention_dates=[])
    g.add_node("note:a.md", kind="note", mention_dates=["2025-01-01"])
    return g


def test_mentions_per_month_with_empty_months_and_the_most_mentioned_first():
    table = kg.timeline(dated_graph())
    assert list(table.columns) == ["中国", "日本"]
    assert [str(p) for p in table.index] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    assert table["日本"].tolist() == [1, 0, 2, 0, 0]
    assert table["中国"].tolist() == [0, 2, 0, 0, 2]
    assert table.index.name == "period" and table.columns.name == "entity"


def test_other_periods_and_joined_strings():
    g = dated_graph()
    g.nodes["日本"]["mention_dates"] = "2025-01-05|2025-03-10|2025-03-30"
    quarters = kg.timeline(g, freq="Q")
    assert quarters.loc[pd.Period("2025Q1"), "日本"] == 3
    assert quarters.loc[pd.Period("2025Q2"), "中国"] == 2
    assert kg.timeline(g, freq="Y").to_dict() == {"中国": {pd.Period("2025", "Y"): 4}, "日本": {pd.Period("2025", "Y"): 3}}


def test_a_graph_without_dates_gives_an_empty_table():
    table = kg.timeline(nx.Graph())
    assert table.empty and isinstance(table.index, pd.PeriodIndex)
