"""Tests for kg.panel: the data behind the page's mentions panel and time range, from hand-made records."""

from __future__ import annotations

from datetime import date

import networkx as nx

from kg.graph import build_graph
from kg.view.links import NoteLink
from kg.view.panel import panel_data
from kg.records import Block, Entity, Mention, Note


def block(note: str, section: int, paragraph: int, line: int, text: str, path: tuple[str, ...]) -> Block:
    """Return a paragraph block of a note."""
    return Block(note=note, heading_path=path, heading_levels=tuple(range(1, len(path) + 1)), section=section,
                 paragraph=paragraph, line=line, kind="paragraph", text=text)  # fmt: skip


def mentions_of(blocks: list[Block], surface: str) -> list[Mention]:
    """Return a mention for every place surface occurs in the blocks, its sentence cut at 。."""
    found = []
    for b in blocks:
        start = 0
        while (at := b.text.find(surface, start)) >= 0:
            begin = b.text.rfind("。", 0, at) + 1
            end = b.text.find("。", at) + 1 or len(b.text)
            found.append(Mention(surface=surface, ene="Country", source="gazetteer", block=b, start=at,
                                 end=at + len(surface), sentence=b.text[begin:end]))  # fmt: skip
            start = at + len(surface)
    return found


A1 = block("a.md", 1, 1, 3, "日本と米国が会った。米国の話。", ("外交", "日米"))
A2 = block("a.md", 2, 2, 7, "日本の話。", ("外交", "国内"))
B1 = block("sub/b #1.md", 1, 1, 2, "米国と<img src=x>日本。", ("速報",))
NOTES = [Note("a.md", "外交メモ", blocks=(A1, A2)), Note("sub/b #1.md", "b #1", blocks=(B1,)),
         Note("c.md", "c", blocks=())]  # fmt: skip
JAPAN = Entity("日本", "日本", "Country", mentions=tuple(mentions_of([A1, A2, B1], "日本")))
USA = Entity("アメリカ", "アメリカ", "Country", aliases=("米国",), mentions=tuple(mentions_of([A1, A2, B1], "米国")))
DATES = {"a.md": date(2025, 3, 1), "sub/b #1.md": date(2024, 1, 9), "c.md": None}
LINKS = {"a.md": NoteLink("obsidian://open?vault=v&file=a.md", "obsidian"), "sub/b #1.md": None}


def graph() -> nx.Graph:
    return build_graph(NOTES, [JAPAN, USA], unit="section")


def test_every_mention_is_listed_in_document_order_with_its_place_and_form():
    data = panel_data(graph(), NOTES, [JAPAN, USA], dates=DATES, links=LINKS)
    japan = data["nodes"][list(graph()).index("日本")]
    assert japan["total"] == 3 and japan["notes"] == 2 and japan["forms"] == ["日本"]
    rows = [(data["places"][p], data["sentences"][s], japan["forms"][f], line) for p, s, f, line in japan["items"]]
    assert rows == [
        ([0, "外交 › 日米"], "日本と米国が会った。", "日本", 3),
        ([0, "外交 › 国内"], "日本の話。", "日本", 7),
        ([1, "速報"], "米国と<img src=x>日本。", "日本", 2),
    ]
    usa = data["nodes"][list(graph()).index("アメリカ")]
    assert usa["total"] == 3 and usa["forms"] == ["米国"]
    # a sentence, a place and a note are stored once however many mentions share them
    assert len(data["sentences"]) == len(set(data["sentences"])) == 4


def test_the_cap_keeps_the_first_mentions_and_the_total():
    data = panel_data(graph(), NOTES, [JAPAN, USA], dates=DATES, links=LINKS, mention_cap=2)
    japan = data["nodes"][list(graph()).index("日本")]
    assert japan["total"] == 3 and len(japan["items"]) == 2 and data["cap"] == 2


def test_an_edge_lists_the_units_both_ends_share_with_the_sentences_naming_both():
    g = graph()
    data = panel_data(g, NOTES, [JAPAN, USA], dates=DATES, links=LINKS)
    [edge] = data["edges"]
    assert edge["total"] == g.edges["日本", "アメリカ"]["count"] == 2
    shown = [(data["places"][p], [data["sentences"][s] for s in ss], line) for p, ss, line in edge["items"]]
    assert shown == [([0, "外交 › 日米"], ["日本と米国が会った。"], 3), ([1, "速報"], ["米国と<img src=x>日本。"], 2)]
    assert data["unitName"] == "セクション"


def test_dates_and_links_of_notes_nodes_and_edges():
    data = panel_data(graph(), NOTES, [JAPAN, USA], dates=DATES, links=LINKS)
    assert data["dates"] == ["2024-01-09", "2025-03-01"]  # sorted, undated notes left out
    assert data["notes"] == [
        ["a.md", "外交メモ", "obsidian://open?vault=v&file=a.md", "obsidian", "2025-03-01"],
        ["sub/b #1.md", "b #1", "", "", "2024-01-09"],
        ["c.md", "c", "", "", ""],
    ]
    assert all(node["dates"] == [0, 1] for node in data["nodes"])
    assert data["edges"][0]["dates"] == [0, 1]


def test_nodes_that_are_not_entities_get_their_notes_date_or_nothing():
    g = graph()
    g.add_node("note:sub/b #1.md", kind="note", label="b #1")
    g.add_node("stray", kind="entity", label="stray")
    data = panel_data(g, NOTES, [JAPAN, USA], dates=DATES, links=LINKS)
    assert data["nodes"][-2:] == [{"note": 1, "dates": [0]}, None]
