"""Outputs: GraphML that networkx and igraph both read, JSON, CSV, and atomic writes."""

from __future__ import annotations

import json

import igraph
import networkx as nx
import pytest

from kg.export import graphml_text, json_text, write_atomic


def _awkward_graph() -> nx.Graph:
    graph = nx.Graph(title="t\x00itle", unit="section")
    graph.add_node("日本", kind="entity", label="日本", type="Country", aliases=["日本", "我が国"], count=3,
                   units=2, notes="a.md", ene=None, score=1)
    graph.add_node("A\x0bB", kind="entity", label="A\x0bB", type="Organization", aliases="A", count=1,
                   units=1, notes="b.md", score=0.5)
    graph.add_edge("日本", "A\x0bB", weight=0.5, count=1, evidence="章 › 節", extra={"k": 1})
    return graph


def test_graphml_is_read_by_networkx_and_igraph(tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text(graphml_text(_awkward_graph()), encoding="utf-8")
    back = nx.read_graphml(path)
    assert set(back.nodes) == {"日本", "AB"}
    assert back.nodes["日本"]["aliases"] == "日本|我が国"
    assert back.nodes["日本"]["score"] == 1.0 and back.nodes["AB"]["score"] == 0.5
    assert "ene" not in back.nodes["日本"]
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == 2 and ig.ecount() == 1
    assert sorted(ig.vs["label"]) == ["AB", "日本"]


def test_json_is_node_link(tmp_path):
    data = json.loads(json_text(nx.path_graph(3)))
    assert len(data["nodes"]) == 3 and len(data["links"]) == 2


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "out.txt"
    write_atomic(path, "old")

    class Boom(str):
        def encode(self, *args, **kwargs):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomic(path, Boom("new"))
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def _networkx_graphml(graph: nx.Graph) -> str:
    """Return what networkx's own writer makes of the graph kg writes."""
    import io

    from kg.export.graphml import graphml_ready

    buffer = io.BytesIO()
    nx.write_graphml(graphml_ready(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def _mixed_graph() -> nx.Graph:
    """Return a graph with every kind of value: mixed types per name, empty text, markup, lists."""
    graph = nx.DiGraph(title='題 & "名" <x>', notes=3, flag=True)
    graph.add_node("a<&>\"'\n\t", kind="entity", n=1, mixed=1, text="", items=["x|y", "z"], ok=True)
    graph.add_node("b", kind="entity", n=2, mixed=2.5, text="行1\n行2\r\t", items=[])
    graph.add_node("c", mixed="three")
    graph.add_node("d")
    graph.add_edge("a<&>\"'\n\t", "b", weight=0.25, sentences=["一。", "二。"], evidence=["章 › 節"], mst=False)
    graph.add_edge("b", "c", weight=1, count=3)
    graph.add_edge("c", "d")
    graph.add_edge("d", "b", weight=0.5, sentences=[], evidence=[], mst=None)
    graph.add_edge("d", "a<&>\"'\n\t", weight=2, sentences=["三 … 一。"], evidence=["<章>", "節|2"], mst=True)
    return graph


@pytest.mark.parametrize("graph", [_awkward_graph(), _mixed_graph(), nx.Graph(), nx.path_graph(3),
                                   nx.Graph(name="only a graph attribute")], ids=lambda g: str(len(g)))
def test_streamed_graphml_is_the_document_networkx_writes(graph):
    from kg.export.graphml import graphml_chunks

    assert "".join(graphml_chunks(graph)) == _networkx_graphml(graph)


def test_outputs_stream_to_their_files(tmp_path):
    from kg.export.graphml import graphml_chunks
    from kg.export.nodelink import json_chunks

    graph = _mixed_graph()
    write_atomic(tmp_path / "g.graphml", lambda fp: fp.writelines(graphml_chunks(graph)))
    write_atomic(tmp_path / "g.json", lambda fp: fp.writelines(json_chunks(graph)))
    assert (tmp_path / "g.graphml").read_bytes().decode("utf-8") == _networkx_graphml(graph)
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == json_text(graph)
    assert json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))["directed"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml", "g.json"]  # no temporary file left


def _dense_section() -> nx.Graph:
    """Return a graph of one dense section: every pair of five entities shown by the same few sentences."""
    graph = nx.Graph(title="密な節", unit="section")
    names = ["日本", "米国", "欧州連合", "東南アジア諸国連合", "世界貿易機関"]
    for name in names:
        graph.add_node(name, kind="entity", label=name, type="Organization", count=2)
    said = {name: f"{name}が声明を発表した。" for name in names}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            graph.add_edge(a, b, kind="cooccurrence", weight=0.5, count=2, evidence=["第1章", "第2章"],
                           sentences=[f"{said[a]} … {said[b]}", "五者が会合を開いた。"])
    return graph


def test_every_output_stores_each_sentence_once_and_gives_each_edge_its_own_back(tmp_path):
    import pandas as pd

    import kg
    from kg.export.formats import write_outputs

    graph = _dense_section()
    write_outputs(graph, [], tmp_path, "<html></html>")
    text = (tmp_path / "graph.graphml").read_text(encoding="utf-8")
    for sentence in ("日本が声明を発表した。", "五者が会合を開いた。"):
        assert text.count(sentence) == 1, sentence
    back = kg.read_graphml(tmp_path / "graph.graphml")
    assert "sentences" not in back.graph
    for a, b, data in graph.edges(data=True):
        assert back.edges[a, b] == data
    ig = igraph.Graph.Read_GraphML(str(tmp_path / "graph.graphml"))
    table = ig["sentences"].split("\n")
    assert sorted(table) == sorted({*(f"{n}が声明を発表した。" for n in graph), "五者が会合を開いた。"})
    assert all(len(ids.split("|")) == 2 for ids in ig.es["sentence_ids"])

    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert data["graph"]["sentences"] == table
    for link in data["links"]:
        assert "sentences" not in link
        assert [" … ".join(table[n] for n in unit) for unit in link["sentence_ids"]] == \
            graph.edges[link["source"], link["target"]]["sentences"]

    edges = pd.read_csv(tmp_path / "edges.csv", encoding="utf-8-sig")
    rows = pd.read_csv(tmp_path / "sentences.csv", encoding="utf-8-sig")
    assert list(rows["id"]) == list(range(len(table))) and list(rows["sentence"]) == table
    assert "sentences" not in edges.columns
    for row in edges.itertuples():
        assert [" … ".join(table[int(n)] for n in unit.split("+")) for unit in row.sentence_ids.split("|")] == \
            graph.edges[row.source, row.target]["sentences"]


@pytest.mark.parametrize("graph", [_awkward_graph(), nx.path_graph(3), nx.MultiGraph([(1, 2), (1, 2)]), nx.Graph()],
                         ids=["awkward", "path", "multi", "empty"])
def test_json_is_node_link_data_a_node_or_a_link_a_line(graph):
    from kg.export.nodelink import json_text

    text = json_text(graph)
    assert json.loads(text) == nx.node_link_data(graph, edges="links")
    assert text.count("\n") <= 12 + len(graph) + graph.number_of_edges()


def test_edges_csv_written_without_pandas_is_the_file_pandas_writes(tmp_path):
    import io

    from kg.export.columns import edge_columns
    from kg.export.formats import _csv_to, _edge_table, _edges_csv
    from kg.schema import ids_text, sentence_table

    graph = _dense_section()
    for i, (a, b, data) in enumerate(graph.edges(data=True)):
        data.update(npmi=-0.125 * i, mst=i % 2 == 0, first_seen="=1+2" if i == 3 else "" if i == 1 else "2024-01-0" + str(i % 9 + 1))
    graph.add_edge("=HYPERLINK()", "日本", **{**graph.edges["日本", "米国"], "evidence": ["a,b", '"引用"', "-x", "改\n行", ""]})
    refs = sentence_table(d for _, _, d in graph.edges(data=True))[1]
    ids = [ids_text(ref) for ref in refs]
    columns = edge_columns(graph, list(graph.edges(data=True)))
    assert columns is not None
    fast, slow = io.StringIO(), io.StringIO()
    _edges_csv(fast, graph, ids, columns)
    _csv_to(slow, _edge_table(graph, ids))
    assert fast.getvalue() == slow.getvalue()
    assert "'=HYPERLINK()" in fast.getvalue()


def test_edges_written_by_column_are_the_text_written_edge_by_edge():
    from kg.export.columns import edge_columns
    from kg.export.graphml import graphml_chunks, table_of
    from kg.export.nodelink import json_chunks
    from kg.schema import ids_text

    graph = _dense_section()
    for i, (_, _, data) in enumerate(graph.edges(data=True)):
        # -0.0 (i = 0) and 0.0 (i = 1) are equal but written differently
        data.update(npmi=0.0 if i == 1 else -0.5 * i, mst=i % 3 == 0, first_seen="" if i == 2 else "2024-05-01",
                    note="<&>{x}")
    table = table_of(graph)
    ids = [ids_text(ref) for ref in table[1]]
    columns = edge_columns(graph, list(graph.edges(data=True)))
    assert columns is not None
    assert (columns.sentences, columns.ids) == (table[0], ids)
    by_column = "".join(graphml_chunks(graph, table[0], ids, columns))
    assert by_column == "".join(graphml_chunks(graph, table[0], ids)) == _networkx_graphml(graph)
    by_column = "".join(json_chunks(graph, table[0], ids, columns))
    assert by_column == "".join(json_chunks(graph))
    assert [link["sentence_ids"] for link in json.loads(by_column)["links"]] == table[1]


def test_rows_text_puts_each_rows_cells_between_the_parts():
    from kg.export.columns import rows_text

    parts = ["<", "=", ">"]
    assert rows_text(parts, [["a", "b"], iter(["1", ""])]) == "<a=1><b=>"
    assert rows_text(parts, [["a", "b"], ["1", "2"]], between=",\n") == "<a=1>,\n<b=2>"
    assert rows_text(parts, [[], []], between=",") == ""


def test_float_texts_are_made_once_per_object_and_keep_the_sign_of_zero():
    from kg.export.columns import float_texts

    shared = 0.333333
    assert float_texts([shared, -0.0, shared, 0.0, 1e-06, shared]) == ["0.333333", "-0.0", "0.333333", "0.0", "1e-06",
                                                                       "0.333333"]
