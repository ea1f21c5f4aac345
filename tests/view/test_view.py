"""Tests for kg.view: the page's source, then the page itself in Debian's Chromium.

The browser tests need /usr/bin/chromium and the playwright package (never `playwright install`).
To refresh docs/screenshot.png:  KG_UPDATE_SCREENSHOT=1 pytest tests/view/test_view.py -k legible
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import shutil
from pathlib import Path

import networkx as nx
import pytest

from kg.view import COMMUNITY_COLORS, EDGE_WIDTH, NODE_SIZE, TYPE_COLORS, to_html
from kg.view.page import SCRIPTS
from kg.view.layout import CARRIED, FRAME, SHOWN

ROOT = Path(__file__).resolve().parents[2]

# Each payload would set window.__pwned or open a dialog if it ever ran; the same kinds sit in
# tests/data/hostile/hostile.md for the pipeline's end-to-end test.
PWN = "window.__pwned = 1"
PAYLOADS = {
    "img": f'<img src=x onerror="{PWN}">',
    "script": f"<script>{PWN}</script>",
    "close": f"</script><script>{PWN}</script>",
    "href": f'<a href="javascript:{PWN}">リンク</a>',
    "select": "</option></select><img src=x onerror=alert(1)>",
    "svg": "<svg onload=alert(1)>",
    "attr": '"><img src=x onerror=alert(1)>',
    "comment": "<!--<script>alert(1)</script>-->",
    "template": "{{ 7*7 }}${alert(1)}",
    "separators": "行\u2028区切り\u2029",
}


def entity(graph: nx.Graph, name: str, type_: str, count: int, **attrs: object) -> None:
    """Add an entity node shaped like the graph stage's output."""
    attrs.setdefault("aliases", name)
    attrs.setdefault("notes", "notes/外交.md")
    attrs.setdefault("evidence", f"外交 › 概要: {name}についての文。")
    attrs.setdefault("ene", "Country")
    graph.add_node(name, kind="entity", label=name, type=type_, count=count, units=max(1, count // 2),
                   **attrs)  # fmt: skip


def link(graph: nx.Graph, a: str, b: str, weight: float, count: int, **attrs: object) -> None:
    """Add a co-occurrence edge shaped like the graph stage's output."""
    attrs.setdefault("evidence", "外交 › 概要|安全保障")
    attrs.setdefault("sentences", f"{a}と{b}が会談した。")
    graph.add_edge(a, b, weight=weight, count=count, kind="cooccurrence", **attrs)


def small_graph() -> nx.Graph:
    """Return a 9-node graph: countries, organisations, an agreement and one note node."""
    g = nx.Graph(title="外交ノート", unit="section", notes=2)
    entity(g, "日本", "Country", 30, aliases="日本|日本国|Japan")
    entity(g, "アメリカ合衆国", "Country", 20, aliases="アメリカ合衆国|米国|USA")
    entity(g, "中国", "Country", 14, aliases="中国|中華人民共和国")
    entity(g, "国際連合", "Organization", 9, aliases="国際連合|国連|UN")
    entity(g, "北大西洋条約機構", "Organization", 6, aliases="北大西洋条約機構|NATO")
    entity(g, "日米安全保障条約", "Agreement", 4, aliases="日米安全保障条約|日米安保")
    entity(g, "インド太平洋", "Region", 3)
    entity(g, "ドイツ", "Country", 2)
    g.add_node("note:外交.md", kind="note", label="外交", title="外交メモ", tags="外交|安全保障",
               notes="notes/外交.md")  # fmt: skip
    link(g, "日本", "アメリカ合衆国", 3.0, 12, mst=True)
    link(g, "日本", "中国", 2.0, 7, mst=True)
    link(g, "アメリカ合衆国", "中国", 1.2, 4)
    link(g, "日本", "国際連合", 1.0, 3, mst=True)
    link(g, "アメリカ合衆国", "北大西洋条約機構", 1.5, 5, mst=True)
    link(g, "日本", "日米安全保障条約", 2.5, 4, mst=True)
    link(g, "アメリカ合衆国", "日米安全保障条約", 2.2, 4)
    link(g, "日本", "インド太平洋", 0.8, 2, mst=True)
    link(g, "北大西洋条約機構", "ドイツ", 0.7, 2, mst=True)
    g.add_edge("note:外交.md", "日本", kind="mentions", weight=1.0, count=5)
    return g


DEMO_CLUSTERS = {
    "インド太平洋の安全保障": [
        ("日本", "Country", 120), ("アメリカ合衆国", "Country", 95), ("中国", "Country", 80),
        ("韓国", "Country", 40), ("北朝鮮", "Country", 30), ("台湾", "Region", 28),
        ("オーストラリア", "Country", 22), ("インド", "Country", 20), ("フィリピン", "Country", 12),
        ("日米安全保障条約", "Agreement", 26), ("自衛隊", "Organization", 18),
        ("国家安全保障戦略", "Plan", 14), ("自由で開かれたインド太平洋", "Plan", 16),
        ("クアッド", "Organization", 10), ("安全保障関連法", "Law", 8), ("岸田文雄", "Person", 15),
        ("習近平", "Person", 12), ("一帯一路", "Plan", 9), ("台湾海峡", "Region", 7),
    ],
    "ウクライナと欧州": [
        ("ロシア", "Country", 70), ("ウクライナ", "Country", 60), ("ドイツ", "Country", 25),
        ("フランス", "Country", 22), ("イギリス", "Country", 20), ("ポーランド", "Country", 9),
        ("北大西洋条約機構", "Organization", 35), ("欧州連合", "Organization", 30),
        ("ロシアによるウクライナ侵攻", "Event", 33), ("プーチン", "Person", 18),
        ("ゼレンスキー", "Person", 14), ("ミンスク合意", "Agreement", 6), ("ヨーロッパ", "Region", 11),
    ],
    "通商": [
        ("世界貿易機関", "Organization", 16), ("環太平洋パートナーシップ協定", "Agreement", 18),
        ("地域的な包括的経済連携協定", "Agreement", 10), ("東南アジア諸国連合", "Organization", 21),
        ("ベトナム", "Country", 9), ("インドネシア", "Country", 8), ("シンガポール", "Country", 7),
        ("経済安全保障推進法", "Law", 9), ("アジア太平洋経済協力", "Organization", 6),
        ("日EU経済連携協定", "Agreement", 5),
    ],
    "国連と地球規模課題": [
        ("国際連合", "Organization", 45), ("パリ協定", "Agreement", 17),
        ("国連気候変動枠組条約", "Agreement", 8), ("COP28", "Event", 7),
        ("国際原子力機関", "Organization", 11), ("核兵器不拡散条約", "Agreement", 13),
        ("国連安全保障理事会", "Organization", 19), ("世界保健機関", "Organization", 6),
        ("持続可能な開発目標", "Plan", 5), ("G7広島サミット", "Event", 12),
    ],
    "中東": [
        ("イスラエル", "Country", 24), ("パレスチナ", "Region", 18), ("イラン", "Country", 16),
        ("サウジアラビア", "Country", 9), ("中東", "Region", 14), ("ガザ紛争", "Event", 15),
        ("イラン核合意", "Agreement", 8),
    ],
}  # fmt: skip
DEMO_BRIDGES = [
    ("日本", "国際連合"), ("アメリカ合衆国", "北大西洋条約機構"), ("日本", "環太平洋パートナーシップ協定"),
    ("中国", "ロシア"), ("アメリカ合衆国", "イスラエル"), ("ロシア", "国連安全保障理事会"),
    ("日本", "G7広島サミット"), ("ウクライナ", "G7広島サミット"), ("中国", "東南アジア諸国連合"),
    ("イラン", "国際原子力機関"), ("日本", "東南アジア諸国連合"), ("アメリカ合衆国", "中東"),
    ("欧州連合", "日EU経済連携協定"), ("日本", "パリ協定"), ("中国", "世界貿易機関"),
]  # fmt: skip


def demo_graph() -> nx.Graph:
    """Return a realistic 59-node graph of five topical clusters with a few bridges."""
    rng = random.Random(3)
    g = nx.Graph(title="国際関係ノート", unit="section", notes=42)
    for community, (topic, members) in enumerate(DEMO_CLUSTERS.items()):
        for name, type_, count in members:
            entity(g, name, type_, count, community=community,
                   evidence=f"{topic} › 動向: {name}をめぐる動きが続いている。")  # fmt: skip
        for i, (a, _, ca) in enumerate(members):
            for b, _, cb in members[i + 1 :]:
                if rng.random() < min(0.9, 0.1 + math.sqrt(ca * cb) / 60):
                    count = max(1, round(rng.random() * math.sqrt(ca * cb) / 3))
                    link(g, a, b, round(count / math.sqrt(ca * cb) * 4, 3), count,
                         evidence=f"{topic} › 動向", sentences=f"{a}と{b}の関係が議論された。")  # fmt: skip
    for a, b in DEMO_BRIDGES:
        link(g, a, b, 0.4, 3, evidence="総論", sentences=f"{a}は{b}で役割を果たした。")
    for u, v in nx.maximum_spanning_tree(g, weight="weight").edges():
        g.edges[u, v]["mst"] = True
    return g


def hostile_graph() -> nx.Graph:
    """Return a graph whose every string attribute carries a payload."""
    p = PAYLOADS
    g = nx.Graph(title=p["script"] + "敵対的なノート", unit=p["img"], notes=1, extra=p["close"])
    path = "javascript:alert(1).md|" + p["img"] + ".md"
    evidence = f"{p['select']} › {p['href']}: {p['close']}本文\n{p['comment']}: {p['separators']}"
    names = [f"日本{p['img']}", f"米国{p['script']}", f"国連{p['close']}", f"条約{p['href']}",
             p["select"], p["svg"], p["attr"], p["comment"], p["template"], p["separators"],
             "__proto__", "constructor"]  # fmt: skip
    types = [*TYPE_COLORS, 'Country"><img src=x onerror=alert(1)>', *TYPE_COLORS]
    for i, name in enumerate(names):
        entity(g, name, types[i], 10 - i % 9, aliases=f"{name}|{p['attr']}別名{i}|{p['svg']}",
               notes=path, evidence=evidence, ene=p["select"])  # fmt: skip
    g.add_node(p["href"], kind="note", label=p["svg"], title=p["attr"], tags=p["img"], notes=path)
    for i, name in enumerate(names):
        link(g, name, names[(i + 1) % len(names)], 1.0, 2 + i,
             evidence=f"{p['script']} › {p['select']}|{p['href']}",
             sentences=f"{p['close']}\n{p['img']}", mst=i % 2 == 0)  # fmt: skip
    g.add_edge(p["href"], names[0], kind=p["script"], weight=1.0, count=1)
    return g


def data_blob(html: str) -> dict:
    """Return the JSON the page embeds for its script."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


# --- the page's source -------------------------------------------------------------------


def test_page_is_one_complete_document():
    html = to_html(small_graph())
    assert html.startswith("<!DOCTYPE html>")
    assert html.rstrip().endswith("</html>")
    assert "<title>外交ノート</title>" in html
    assert "vis.Network" in html  # vis-network itself is inlined


def test_title_argument_overrides_graph_title():
    assert "<title>別の題</title>" in to_html(small_graph(), title="別の題")


def test_page_refers_to_nothing_outside_itself():
    html = to_html(small_graph())
    references = re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=\"([^\"]*)", html)
    assert references == ["data:,"]  # the empty favicon, so the browser asks for no other
    assert "cdnjs" not in html and "jsdelivr" not in html and "lib/" not in html
    assert "sourceMappingURL" not in html


def test_rendering_writes_no_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    to_html(small_graph())
    assert list(tmp_path.iterdir()) == []


def test_hostile_text_never_appears_as_markup():
    html = to_html(hostile_graph())
    for payload in PAYLOADS.values():
        if "<" in payload:
            assert payload not in html
    assert "\u2028" not in html and "\u2029" not in html
    blob = html.split('<script type="application/json" id="kg-data">')[1].split("</script>")[0]
    assert not set(blob) & set("<>&")


def test_data_blob_round_trips_every_string():
    graph = hostile_graph()
    data = data_blob(to_html(graph))
    labels = {info["id"]: info["label"] for info in data["info"]["nodes"]}
    assert labels == {str(n): str(a["label"]) for n, a in graph.nodes(data=True)}
    assert sorted(n["name"] for n in data["nodes"]) == sorted(graph)
    first = next(info for info in data["info"]["nodes"] if info["id"] == list(graph)[0])
    assert first["evidence"][0] == [
        f"{PAYLOADS['select']} › {PAYLOADS['href']}",
        f"{PAYLOADS['close']}本文",
    ]
    assert first["notes"] == ["javascript:alert(1).md", PAYLOADS["img"] + ".md"]


def test_nodes_are_sized_by_mentions_and_coloured_by_type():
    data = data_blob(to_html(small_graph()))
    nodes = {n["name"]: n for n in data["nodes"]}
    sizes = [nodes[name]["size"] for name in ("日本", "アメリカ合衆国", "中国", "ドイツ")]
    assert sizes == sorted(sizes, reverse=True)
    assert NODE_SIZE[0] <= min(sizes) and max(sizes) == NODE_SIZE[1]
    assert all("label" not in n for n in data["nodes"])  # labels.js draws the labels that fit
    assert nodes["日本"]["color"]["background"] == TYPE_COLORS["Country"]
    assert nodes["国際連合"]["color"]["background"] == TYPE_COLORS["Organization"]
    assert nodes["note:外交.md"]["shape"] == "square"


def test_edges_are_sized_by_weight_and_spanning_tree_stands_out():
    data = data_blob(to_html(small_graph()))
    names = {n["id"]: n["name"] for n in data["nodes"]}
    edges = {frozenset((names[e["from"]], names[e["to"]])): e for e in data["edges"]}

    def edge(a: str, b: str) -> dict:
        return edges[frozenset((a, b))]

    heavy, light = edge("日本", "アメリカ合衆国"), edge("北大西洋条約機構", "ドイツ")
    assert heavy["width"] == EDGE_WIDTH[1] and EDGE_WIDTH[0] <= light["width"] < heavy["width"]
    assert edge("アメリカ合衆国", "中国")["color"]["color"] != heavy["color"]["color"]
    assert edge("note:外交.md", "日本")["dashes"] is True


def test_legend_lists_each_type_present_with_note_nodes():
    html = to_html(small_graph())
    assert re.findall(r'<input type="checkbox" value="([^"]+)"', html) == [
        "Country", "Region", "Organization", "Agreement", "Note",
    ]  # fmt: skip
    assert "最大全域木" in html and "ノートとのつながり" in html


def test_color_by_community():
    graph = demo_graph()
    data = data_blob(to_html(graph, color_by="community"))
    colors = {n["name"]: n["color"]["background"] for n in data["nodes"]}
    assert colors["日本"] == colors["中国"] != colors["ロシア"]
    assert set(colors.values()) <= set(COMMUNITY_COLORS)
    assert "コミュニティ" in to_html(graph, color_by="community")


def test_color_by_rejects_unknown_attribute():
    with pytest.raises(ValueError, match="color_by"):
        to_html(small_graph(), color_by="pagerank")


def test_every_graph_is_laid_out_in_python_with_the_physics_off():
    for graph in (small_graph(), demo_graph()):
        data = data_blob(to_html(graph))
        assert data["options"]["physics"] == {"enabled": False}
        assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def big_graph(communities: int = 24, size: int = 60, seed: int = 1) -> nx.Graph:
    """Return a generated graph of dense communities with a few links between them, measured."""
    from kg.graph.analytics import add_analytics

    rng = random.Random(seed)
    g = nx.Graph(title="大きな保管庫", unit="section", notes=54)
    names = [[f"組織{c:02d}-{i:02d}" for i in range(size)] for c in range(communities)]
    for c, members in enumerate(names):
        for i, name in enumerate(members):
            entity(g, name, list(TYPE_COLORS)[c % len(TYPE_COLORS)], 1 + rng.randrange(40) + (60 if i == 0 else 0))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if rng.random() < 0.3:
                    link(g, a, b, round(rng.random(), 3), 1 + rng.randrange(5))
    for _ in range(communities * 4):
        a, b = rng.choice(rng.choice(names)), rng.choice(rng.choice(names))
        if a != b:
            link(g, a, b, round(rng.random() / 5, 3), 1)
    return add_analytics(g)


def test_a_big_graph_carries_a_budget_and_says_what_it_holds_back():
    graph = big_graph()
    html = to_html(graph)
    data = data_blob(html)
    assert graph.number_of_nodes() > CARRIED
    assert len(data["nodes"]) == CARRIED
    shown = [n for n in data["nodes"] if not n["hidden"]]
    assert len(shown) == SHOWN
    # the most central nodes come first and are the ones drawn
    rank = sorted(graph, key=lambda n: (-graph.nodes[n]["pagerank"], -graph.nodes[n]["count"], n))
    assert [n["name"] for n in shown] == rank[:SHOWN]
    # an edge is drawn only between drawn nodes, and each node keeps a few of its strongest
    drawn = {n["id"] for n in shown}
    assert all(e["hidden"] == (e["from"] not in drawn or e["to"] not in drawn) for e in data["edges"])
    held = graph.number_of_nodes() - SHOWN
    assert f"表示 <span id=\"kg-shown-nodes\">{SHOWN}</span> / {graph.number_of_nodes():,} エンティティ" in html
    assert f"<span id=\"kg-held-nodes\">{held:,}</span> 件を非表示" in html
    assert f'max="{CARRIED}"' in html and f'value="{SHOWN}"' in html
    # the drawn nodes fill the layout's frame, as wide as it is
    xs = [n["x"] for n in shown]
    ys = [n["y"] for n in shown]
    assert max(xs) - min(xs) >= FRAME[0] * 0.95 and max(ys) - min(ys) <= FRAME[1] * 1.5


def test_no_two_drawn_dots_overlap():
    data = data_blob(to_html(big_graph()))
    dots = [(n["x"], n["y"], n["size"]) for n in data["nodes"] if not n["hidden"]]
    close = [
        (a, b) for i, a in enumerate(dots) for b in dots[i + 1 :]
        if math.dist(a[:2], b[:2]) < (a[2] + b[2]) * 0.9
    ]  # fmt: skip
    assert len(close) <= len(dots) // 50


def test_the_page_is_the_same_byte_for_byte_every_time():
    assert to_html(big_graph()) == to_html(big_graph())
    assert to_html(demo_graph(), color_by="community") == to_html(demo_graph(), color_by="community")


def test_a_page_stays_small_for_any_graph():
    graph = big_graph(communities=40, size=80)
    assert len(to_html(graph).encode()) < 10_000_000


def test_graphml_text_flags_and_missing_attributes_are_tolerated():
    graph = nx.Graph()
    graph.add_node("日本", label="日本", count="7", weight=float("nan"))
    graph.add_node("米国")
    graph.add_edge("日本", "米国", mst="true", weight=float("nan"), evidence="見出し: 本文")
    data = data_blob(to_html(graph))
    assert data["info"]["edges"][0]["mst"] is True and data["info"]["edges"][0]["weight"] == 0.0
    assert [info["group"] for info in data["info"]["nodes"]] == ["Other", "Other"]
    assert data["info"]["nodes"][0]["count"] == 7


def test_empty_graph_renders():
    assert "<title>kg</title>" in to_html(nx.Graph())


# --- the page in Chromium ----------------------------------------------------------------


class Page:
    """One opened graph page and everything it did that a test may object to."""

    def __init__(self, browser, path: Path):
        self.url = path.as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_function("() => document.body.dataset.state === 'ready'", timeout=30_000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, script: str, arg: object = None):
        return self.page.evaluate(script, arg)

    def point(self, canvas_xy: dict) -> tuple[float, float]:
        """Return the page coordinates of a point on the network's canvas."""
        return tuple(self.js(
            """(p) => {
                const dom = network.canvasToDOM(p);
                const box = document.getElementById('kg-network').getBoundingClientRect();
                return [box.left + dom.x, box.top + dom.y];
            }""",
            canvas_xy,
        ))  # fmt: skip

    def vid(self, name: str) -> str:
        """Return the vis id of the node with this canonical name."""
        return self.js("(name) => network.body.data.nodes.get({filter: n => n.name === name})[0].id", name)

    def names(self, vis_ids: list[str]) -> list[str]:
        """Return the canonical names of these vis node ids."""
        return self.js("(ids) => ids.map(id => network.body.data.nodes.get(id).name)", vis_ids)

    def node_point(self, name: str) -> tuple[float, float]:
        return self.point(self.js("(id) => network.getPositions([id])[id]", self.vid(name)))

    def edge_point(self, edge_id: str) -> tuple[float, float]:
        """Return a page point on the edge, clear of every node and, by 6px, of other edges."""
        return tuple(self.js(
            """(id) => {
                const e = network.body.data.edges.get(id);
                const pos = network.getPositions([e.from, e.to]);
                const box = document.getElementById('kg-network').getBoundingClientRect();
                const [a, b] = [pos[e.from], pos[e.to]];
                const only = (dom) => [[0, 0], [6, 0], [-6, 0], [0, 6], [0, -6]].every(([dx, dy]) => {
                    const q = {x: dom.x + dx, y: dom.y + dy};
                    const edge = network.getEdgeAt(q);
                    return network.getNodeAt(q) === undefined && (edge === id || edge === undefined);
                });
                for (let k = 0; k <= 16; k++) {
                    for (const t of [0.5 + k * 0.025, 0.5 - k * 0.025]) {
                        const dom = network.canvasToDOM({x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)});
                        if (network.getEdgeAt(dom) === id && only(dom)) {
                            return [box.left + dom.x, box.top + dom.y];
                        }
                    }
                }
                return null;
            }""",
            edge_id,
        ))  # fmt: skip

    def tooltip_title(self, expected: str) -> None:
        """Wait until vis shows its tooltip and the tooltip's title reads ``expected``."""
        self.page.wait_for_function(
            """(text) => {
                const tip = document.querySelector('div.vis-tooltip');
                return tip && getComputedStyle(tip).visibility === 'visible'
                    && tip.querySelector('.kg-tip-title')?.textContent === text;
            }""",
            arg=expected,
            timeout=3_000,
        )

    def hover_nodes(self, graph: nx.Graph) -> None:
        for node, attrs in graph.nodes(data=True):
            x, y = self.node_point(node)
            self.page.mouse.move(x, y)
            expected = attrs["title"] if attrs.get("kind") == "note" else attrs["label"]
            self.tooltip_title(expected)

    def hover_edges(self, graph: nx.Graph) -> None:
        for edge in self.js("network.body.data.edges.getIds()"):
            self.page.mouse.move(*self.edge_point(edge))
            ends = self.js("(id) => [network.body.data.edges.get(id).from, network.body.data.edges.get(id).to]", edge)
            labels = [graph.nodes[n]["label"] for n in self.names(ends)]
            self.tooltip_title(f"{labels[0]} — {labels[1]}")

    def search(self, text: str) -> list[str]:
        """Type ``text`` into the search box, press Enter, and return the selected nodes' names."""
        self.page.fill("#kg-search", text)
        self.page.wait_for_selector("#kg-results li")
        self.page.press("#kg-search", "Enter")
        return self.names(self.js("network.getSelectedNodes()"))

    def assert_clean(self) -> None:
        """Assert that the page asked for nothing outside itself, logged no error, ran no payload."""
        inside = ("data:", "blob:", "about:")
        assert [url for url in self.requests if url != self.url and not url.startswith(inside)] == []
        assert self.errors == []
        assert self.dialogs == []
        assert self.js("typeof window.__pwned") == "undefined"

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def open_graph(browser, tmp_path):
    pages = []

    def open_(graph: nx.Graph, **options: str) -> Page:
        path = tmp_path / f"graph{len(pages)}.html"
        path.write_text(to_html(graph, **options), encoding="utf-8")
        pages.append(Page(browser, path))
        return pages[-1]

    yield open_
    for page in pages:
        page.close()


@pytest.mark.browser
def test_page_draws_every_node_offline(open_graph):
    graph = small_graph()
    page = open_graph(graph)
    assert page.js("network.body.data.nodes.length") == graph.number_of_nodes()
    assert len(page.js("Object.keys(network.getPositions())")) == graph.number_of_nodes()
    assert page.js("network.physics.options.enabled") is False  # the layout comes from Python
    page.assert_clean()


@pytest.mark.browser
def test_hovering_every_node_shows_its_tooltip(open_graph):
    graph = small_graph()
    page = open_graph(graph)
    page.hover_nodes(graph)
    x, y = page.node_point("日本")
    page.page.mouse.move(x, y)
    page.tooltip_title("日本")
    tip = page.js("document.querySelector('div.vis-tooltip').textContent")
    assert "国 (Country)" in tip and "日本国" in tip and "30 回" in tip
    assert "外交 › 概要" in tip and "日本についての文。" in tip and "notes/外交.md" in tip
    page.assert_clean()


@pytest.mark.browser
def test_hovering_an_edge_shows_count_and_sections(open_graph):
    graph = small_graph()
    page = open_graph(graph)
    edge = page.js(
        "([a, b]) => network.body.data.edges.get().find(e => e.from === a && e.to === b).id",
        [page.vid("日本"), page.vid("アメリカ合衆国")],
    )
    page.page.mouse.move(*page.edge_point(edge))
    page.tooltip_title("日本 — アメリカ合衆国")
    tip = page.js("document.querySelector('div.vis-tooltip').textContent")
    assert "12 回" in tip and "重み 3 " in tip and "外交 › 概要" in tip and "日本とアメリカ合衆国が会談した。" in tip
    page.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize("query", ["ｕｓａ", "米国"])
def test_search_by_alias_selects_the_node(open_graph, query):
    page = open_graph(small_graph())
    page.page.fill("#kg-search", query)
    assert page.page.locator("#kg-results li").first.text_content().startswith("アメリカ合衆国")
    assert page.search(query) == ["アメリカ合衆国"]
    assert page.page.input_value("#kg-search") == "アメリカ合衆国"
    page.assert_clean()


@pytest.mark.browser
def test_type_filter_hides_and_shows_nodes(open_graph):
    page = open_graph(small_graph())
    hidden = "() => network.body.data.nodes.get({filter: n => n.hidden}).map(n => n.name).sort()"
    page.page.uncheck('#kg-types input[value="Organization"]')
    assert page.js(hidden) == sorted(["国際連合", "北大西洋条約機構"])
    assert page.js("network.body.data.edges.get({filter: e => e.hidden}).length") == 3
    page.page.check('#kg-types input[value="Organization"]')
    assert page.js(hidden) == []
    page.assert_clean()


@pytest.mark.browser
def test_click_highlights_the_neighbourhood(open_graph):
    page = open_graph(small_graph())
    colors = "() => Object.fromEntries(network.body.data.nodes.map(n => [n.name, n.color.background]))"
    page.page.mouse.click(*page.node_point("北大西洋条約機構"))
    dimmed = {name for name, color in page.js(colors).items() if color == "#EEEEEE"}
    assert dimmed == set(small_graph()) - {"北大西洋条約機構", "アメリカ合衆国", "ドイツ"}
    corner = page.js(
        """() => { const box = document.getElementById('kg-network').getBoundingClientRect();
                   const p = {x: 5, y: 5};
                   return network.getNodeAt(p) === undefined && network.getEdgeAt(p) === undefined
                       ? [box.left + 5, box.top + 5] : null; }"""
    )
    page.page.mouse.click(*corner)
    assert "#EEEEEE" not in page.js(colors).values()
    page.assert_clean()


@pytest.mark.browser
def test_hostile_text_stays_text(open_graph):
    graph = hostile_graph()
    page = open_graph(graph)
    assert page.js("network.body.data.nodes.length") == graph.number_of_nodes()
    page.hover_nodes(graph)
    page.hover_edges(graph)
    for name in [a["label"] for _, a in graph.nodes(data=True) if a.get("kind") == "entity"]:
        assert page.search(name) == [name]
    assert page.search(PAYLOADS["attr"] + "別名3") == [list(graph)[3]]
    assert page.page.title() == PAYLOADS["script"] + "敵対的なノート"
    assert page.page.locator("h1").text_content() == PAYLOADS["script"] + "敵対的なノート"
    assert page.js("document.querySelectorAll('img, svg, iframe, a, object, embed').length") == 0
    assert page.js("document.scripts.length") == 2 + len(SCRIPTS)  # the data, vis-network and kg's own
    page.assert_clean()


@pytest.mark.browser
def test_demo_graph_is_legible_on_first_open(open_graph, tmp_path):
    graph = demo_graph()
    page = open_graph(graph)
    page.page.wait_for_timeout(300)
    shot = tmp_path / "screenshot.png"
    page.page.screenshot(path=str(shot))
    # The ten most mentioned entities' labels are drawn at 12px or more at the initial zoom.
    top = sorted(graph.nodes, key=lambda n: graph.nodes[n]["count"], reverse=True)[:10]
    drawn = {label["id"]: label for label in page.js("kg.labels.drawn")}
    assert all(page.vid(name) in drawn for name in top)
    assert min(drawn[page.vid(name)]["px"] for name in top) >= 12
    # Nothing falls outside the canvas.
    box = page.js("(() => { const b = document.getElementById('kg-network').getBoundingClientRect();"
                  " return [b.left, b.top, b.right, b.bottom]; })()")  # fmt: skip
    for node in graph:
        x, y = page.node_point(node)
        assert box[0] <= x <= box[2] and box[1] <= y <= box[3]
    page.assert_clean()
    if os.environ.get("KG_UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(shot, ROOT / "docs" / "screenshot.png")


# --- the size budget, the labels and the switches, in Chromium ----------------------------

LABEL_BOXES = """() => {
    const scale = network.getScale();
    const ctx = document.createElement('canvas').getContext('2d');
    return kg.labels.drawn.map((label) => {
        const p = network.canvasToDOM(network.getPositions([label.id])[label.id]);
        const r = network.body.nodes[label.id].options.size * scale;
        ctx.font = `${label.px}px "Noto Sans CJK JP", "Hiragino Sans", sans-serif`;
        return {...label, cx: p.x, cy: p.y, r, measured: ctx.measureText(label.text).width};
    });
}"""


# the squares inside the drawn dots, which a label avoids covering
DOT_BOXES = """() => {
    const scale = network.getScale();
    return network.body.data.nodes.get({filter: n => !n.hidden}).map((n) => {
        const p = network.canvasToDOM(network.getPositions([n.id])[n.id]);
        const size = network.body.nodes[n.id].options.size, half = size * scale * 0.7;
        return {id: n.id, size, x: p.x - half, y: p.y - half, w: 2 * half, h: 2 * half};
    });
}"""


def assert_labels_apart(labels: list[dict]) -> None:
    """Assert each label box sits beside its node, is as wide as its text, and overlaps no other."""
    for box in labels:
        assert box["w"] == pytest.approx(box["measured"], abs=0.5)
        d = box["r"] / math.sqrt(2) + 2
        beside = [
            (box["x"] + box["w"] / 2, box["y"] - box["r"] - 2),  # below: top edge under the dot
            (box["x"] + box["w"] / 2, box["y"] + box["h"] + box["r"] + 2),  # above
            (box["x"] - box["r"] - 2, box["y"] + box["h"] / 2),  # right
            (box["x"] + box["w"] + box["r"] + 2, box["y"] + box["h"] / 2),  # left
            (box["x"] - d, box["y"] - d),  # below right: its corner at the dot's
            (box["x"] - d, box["y"] + box["h"] + d),  # above right
            (box["x"] + box["w"] + d, box["y"] - d),  # below left
            (box["x"] + box["w"] + d, box["y"] + box["h"] + d),  # above left
        ]
        assert min(math.dist(p, (box["cx"], box["cy"])) for p in beside) < 1.0
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = (a["x"] + a["w"] <= b["x"] + 0.5 or b["x"] + b["w"] <= a["x"] + 0.5
                     or a["y"] + a["h"] <= b["y"] + 0.5 or b["y"] + b["h"] <= a["y"] + 0.5)  # fmt: skip
            assert apart, (a["text"], b["text"])


def boxes_meet(a: dict, b: dict) -> bool:
    """Return True when two boxes (x, y, w, h) share more than a line."""
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


@pytest.mark.browser
def test_a_big_graph_draws_quickly_and_says_what_it_holds_back(open_graph):
    graph = big_graph()
    page = open_graph(graph)
    # from navigation to the first drawn frame with every label, in the page's own clock
    assert page.js("performance.now()") < 5_000
    visible = "() => network.body.data.nodes.get({filter: n => !n.hidden}).length"
    assert page.js(visible) == SHOWN
    total = graph.number_of_nodes()
    header = page.page.text_content("#kg-budget")
    assert f"表示 {SHOWN} / {total:,} エンティティ（{total - SHOWN:,} 件を非表示）" in header
    page.assert_clean()


@pytest.mark.browser
def test_the_controls_show_more_nodes_and_fewer_edges(open_graph):
    graph = big_graph()
    page = open_graph(graph)
    set_range = "([id, value]) => { const e = document.getElementById(id); e.value = value; e.dispatchEvent(new Event('input')); }"
    drawn_edges = "() => network.body.data.edges.get({filter: e => !e.hidden}).length"
    before = page.js(drawn_edges)
    page.js(set_range, ["kg-top", 600])
    assert page.js("() => network.body.data.nodes.get({filter: n => !n.hidden}).length") == 600
    total = graph.number_of_nodes()
    assert f"表示 600 / {total:,} エンティティ（{total - 600:,} 件を非表示）" in page.page.text_content("#kg-budget")
    more = page.js(drawn_edges)
    assert more > before
    assert page.page.text_content("#kg-shown-edges") == f"{more:,}"
    page.js(set_range, ["kg-weight", 0.5])
    weights = page.js("() => network.body.data.edges.get({filter: e => !e.hidden}).map(e => kg.edgeInfo.get(e.id).weight)")
    assert 0 < len(weights) < more and min(weights) >= 0.5
    page.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize("which", ["big", "demo"])
def test_no_two_drawn_labels_overlap_at_the_default_zoom(open_graph, which):
    graph = big_graph() if which == "big" else demo_graph()
    page = open_graph(graph)
    labels = page.js(LABEL_BOXES)
    assert len(labels) >= (60 if which == "big" else 40)
    assert_labels_apart(labels)
    # a label covers the dot of no node as large as its own, and few dots at all
    dots = page.js(DOT_BOXES)
    size = {dot["id"]: dot["size"] for dot in dots}
    covering = {label["id"]: [dot for dot in dots if dot["id"] != label["id"] and boxes_meet(label, dot)] for label in labels}
    assert not [(label["text"], dot["id"]) for label in labels for dot in covering[label["id"]]
                if dot["size"] >= size[label["id"]]]
    assert sum(bool(dots) for dots in covering.values()) <= len(labels) * (0.45 if which == "big" else 0.15)
    # the largest drawn node's label is drawn, and at the largest size
    largest = page.js("() => network.body.data.nodes.get({filter: n => !n.hidden}).sort((a, b) => b.size - a.size)[0].id")
    assert [label["px"] for label in labels if label["id"] == largest] == [18]
    # zooming in on a node whose label did not fit makes room for it, the labels still apart
    unlabelled = [dot["id"] for dot in dots if dot["id"] not in covering]
    assert unlabelled
    page.js("(id) => network.moveTo({position: network.getPositions([id])[id], scale: network.getScale() * 2.5})",
            unlabelled[0])
    page.page.wait_for_timeout(100)
    closer = page.js(LABEL_BOXES)
    assert unlabelled[0] in {label["id"] for label in closer}
    assert_labels_apart(closer)
    page.assert_clean()


@pytest.mark.browser
def test_node_size_and_colour_switch_in_the_page(open_graph):
    graph = demo_graph()
    from kg.graph.analytics import add_analytics

    add_analytics(graph)
    page = open_graph(graph)
    sizes = "() => Object.fromEntries(network.body.data.nodes.map(n => [n.name, n.size]))"
    page.page.select_option("#kg-size-by", "degree")
    by_degree = page.js(sizes)
    hub = max(graph, key=lambda n: graph.degree(n))
    assert by_degree[hub] == NODE_SIZE[1]
    assert by_degree == {**by_degree, **{n: by_degree[n] for n in graph}}
    assert sorted(graph, key=lambda n: -by_degree[n])[0] == hub
    page.page.select_option("#kg-size-by", "betweenness")
    bridge = max(graph, key=lambda n: graph.nodes[n]["betweenness"])
    assert page.js(sizes)[bridge] == NODE_SIZE[1]
    page.page.select_option("#kg-color-by", "community")
    fills = page.js("() => network.body.data.nodes.map(n => n.color.background)")
    assert set(fills) <= set(COMMUNITY_COLORS)
    assert page.page.is_visible(".kg-communities")
    page.page.select_option("#kg-color-by", "type")
    assert not page.page.is_visible(".kg-communities")
    page.assert_clean()
