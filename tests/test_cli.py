"""The command line on the sample note, and the GraphML contract of what it writes."""

from __future__ import annotations

import json
from pathlib import Path

import igraph
import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.stamp import STAMP

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "whitepaper_r06_ict_international.md"

OUTPUTS = {"graph.graphml", "graph.json", "nodes.csv", "edges.csv", "sentences.csv", "mentions.csv", "graph.html",
           "report.json", "relations.csv", "relations.graphml", "relations.json", "communities.json", "communities.csv",
           "report.md", STAMP}
NODE_ATTRS = {"kind": str, "label": str, "type": str, "ene": str, "aliases": str, "count": int, "units": int,
              "notes": str}
EDGE_ATTRS = {"weight": float, "count": int, "evidence": str}


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_build_writes_six_files_and_a_summary(sample_out):
    out, output = sample_out
    assert {p.name for p in out.iterdir()} == OUTPUTS
    assert all((out / name).stat().st_size > 0 for name in OUTPUTS)
    assert "1 notes" in output and "entities" in output and "edges" in output and "graph.html" in output


def test_graphml_contract(sample_out):
    out, _ = sample_out
    graph = nx.read_graphml(out / "graph.graphml")
    assert graph.number_of_nodes() > 30
    for _, data in graph.nodes(data=True):
        for name, kind in NODE_ATTRS.items():
            assert isinstance(data[name], kind), (name, data)
        assert data["kind"] == "entity"
    for _, _, data in graph.edges(data=True):
        for name, kind in EDGE_ATTRS.items():
            assert isinstance(data[name], kind), (name, data)
    ig = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert (ig.vcount(), ig.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())


def test_json_matches_graphml(sample_out):
    out, _ = sample_out
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    graph = nx.read_graphml(out / "graph.graphml")
    assert len(data["nodes"]) == graph.number_of_nodes() and len(data["links"]) == graph.number_of_edges()


def _node(graph: nx.Graph, form: str) -> str:
    matches = [n for n, d in graph.nodes(data=True) if form in d["aliases"] or d["label"] == form]
    assert len(matches) == 1, (form, matches)
    return matches[0]


@pytest.mark.parametrize("a, b", [("JICT", "総務省"), ("CPTPP", "RCEP"), ("DFFT", "G7"), ("DFFT", "OECD"),
                                  ("WTO", "CPTPP"), ("G7", "G20")])
def test_expected_edges(sample_out, a, b):
    graph = kg.read_graphml(sample_out[0] / "graph.graphml")
    assert graph.has_edge(_node(graph, a), _node(graph, b))


@pytest.mark.parametrize("a, b", [("JICT", "ICANN"), ("RCEP", "JICT")])
def test_absent_edges(sample_out, a, b):
    graph = kg.read_graphml(sample_out[0] / "graph.graphml")
    assert not graph.has_edge(_node(graph, a), _node(graph, b))


def test_no_node_from_urls_ids_decoration_code_or_comments(sample_out):
    graph = kg.read_graphml(sample_out[0] / "graph.graphml")
    forms = {f for _, d in graph.nodes(data=True) for f in [d["label"], *d["aliases"]]}
    for junk in ("news", "pdf", "^wto", "📑第1節", "DGXZQOUC057PW0V01"):
        assert not any(junk in f for f in forms), junk


def test_mentions_csv_has_provenance(sample_out):
    import pandas as pd

    mentions = pd.read_csv(sample_out[0] / "mentions.csv")
    assert {"entity", "surface", "note", "heading_path", "line", "sentence"} <= set(mentions.columns)
    jict = mentions[mentions.surface == "JICT"]
    assert len(jict) >= 5 and (jict.line > 0).all()
    assert jict.entity.nunique() == 1
    long_form = mentions[mentions.surface == "株式会社海外通信・放送・郵便事業支援機構"]
    assert set(long_form.entity) == set(jict.entity)


def test_help_explains_every_option_with_an_example():
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    sub = runner.invoke(main, ["build", "--help"])
    assert top.exit_code == sub.exit_code == 0
    assert "Example" in top.output and "Example" in sub.output
    for option in ("--out", "--types", "--unit", "--measure", "--no-callouts", "--aliases", "--stop"):
        assert option in sub.output


def test_missing_path_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope.md"), "-o", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "nope.md" in result.output


def test_help_never_imports_spacy():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from kg.cli import main\n"
        "for args in (['--help'], ['build', '--help']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0\n"
        "print('spacy' in sys.modules, 'ginza' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_every_command_spells_each_option_once():
    """kg obsidian and kg explain take kg build's options: one of their own by the same flag would be shadowed."""
    for command in main.commands.values():
        flags = [flag for param in command.params for flag in param.opts]
        assert len(flags) == len(set(flags)), (command.name, sorted(f for f in flags if flags.count(f) > 1))


def test_obsidian_force_writes_outside_the_vault(tmp_path, nlp):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "a.md").write_text("# 日米\n\n日本と米国はASEANと協力した。日本はASEANを支援した。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["obsidian", str(vault), "--into", str(tmp_path / "elsewhere"), "--force", "-q",
                                       "--min-count", "1"])
    assert result.exit_code == 0, result.output
    assert any(p.suffix == ".md" for p in (tmp_path / "elsewhere").iterdir())
