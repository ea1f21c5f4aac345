"""Community reports on real notes: the policy notes of benchmarks/, and a vault of two unrelated topics."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

import kg
from kg.community import Community
from kg.community.words import fold, stop_words
from kg.pipeline import make_options, run

ROOT = Path(__file__).resolve().parents[2]
BENCHMARK_NOTES = (ROOT / "benchmarks" / "notes", ROOT / "benchmarks" / "policy-notes")
TWO_TOPICS = ROOT / "tests" / "data" / "two_topics_vault"
FILES = ("communities.json", "communities.csv", "report.md")

pytestmark = pytest.mark.ginza


def reports_in(out: Path) -> list[dict]:
    return json.loads((out / "communities.json").read_text(encoding="utf-8"))["reports"]


@pytest.fixture(scope="module")
def benchmark_build(nlp, tmp_path_factory):
    """Return the result and output folder of one build of benchmarks/notes and benchmarks/policy-notes."""
    out = tmp_path_factory.mktemp("benchmark") / "out"
    # relations are not what these tests check, and parsing is most of a cold build
    result, _ = run(BENCHMARK_NOTES, out, make_options(progress=False, relations=False))
    return result, out


@pytest.fixture(scope="module")
def two_topics(nlp, tmp_path_factory):
    """Return the result and output folder of the two-topic vault, every community of three or more reported."""
    root = tmp_path_factory.mktemp("two")
    notes = root / "notes"
    shutil.copytree(TWO_TOPICS, notes)
    result, _ = run([notes], root / "out", make_options(progress=False, community_min_size=3))
    return result, root / "out", notes


def test_every_community_of_five_or_more_has_a_report(benchmark_build):
    result, out = benchmark_build
    sizes: dict[int, int] = {}
    for _, c in result.graph.nodes(data="community"):
        sizes[c] = sizes.get(c, 0) + 1
    reports = reports_in(out)
    assert sorted(r["id"] for r in reports) == sorted(c for c, n in sizes.items() if n >= 5)
    assert all(r["size"] == sizes[r["id"]] for r in reports)
    assert len(reports) >= 10  # 33 notes of many topics


def test_titles_name_members(benchmark_build):
    result, out = benchmark_build
    for report in reports_in(out):
        labels = [m["label"] for m in report["members"]]
        assert all(result.graph.nodes[m["id"]]["community"] == report["id"] for m in report["members"])
        assert report["title"] == "、".join(labels[:3])


def test_representative_sentences_name_two_members_and_lead_to_their_note_and_heading(benchmark_build):
    result, out = benchmark_build
    named: dict[tuple[str, str], set[str]] = {}
    for entity in result.entities:
        for m in entity.mentions:
            named.setdefault((m.block.note, m.sentence), set()).add(entity.id)
    headings = {(b.note, b.text) for note in result.vault.notes for b in note.blocks if b.kind == "heading"}
    files = {note.path: Path(note.file) for note in result.vault.notes}
    quotes = 0
    for report in reports_in(out):
        members = {m["id"] for m in report["members"]}
        for quote in report["sentences"]:
            quotes += 1
            assert len(named[quote["note"], quote["sentence"]] & members) >= 2, quote
            assert len(quote["names"]) >= 2
            target = (out / unquote(quote["href"])).resolve()
            assert target == files[quote["note"]] and target.is_file()
            assert quote["link"] == "file"
            assert (quote["note"], quote["heading_path"][-1]) in headings
    assert quotes >= 40


def test_distinctive_words_come_from_the_communitys_sentences_and_are_no_names_or_stop_words(benchmark_build):
    result, out = benchmark_build
    community = dict(result.graph.nodes(data="community"))
    sentences: dict[int, list[str]] = {}
    for entity in result.entities:
        if entity.id in community:
            for m in entity.mentions:
                sentences.setdefault(community[entity.id], []).append(m.sentence)
    names = {c: {fold(n) for e in result.entities if community.get(e.id) == c for n in (e.label, *e.aliases)}
             for c in set(community.values())}
    stop = stop_words()
    for report in reports_in(out):
        words = [w["word"] for w in report["words"]]
        assert words, report["title"]
        for word in words:
            assert any(word in s for s in sentences[report["id"]]), word
            assert fold(word) not in stop and fold(word) not in names[report["id"]], word


def test_two_topics_get_communities_of_their_own_with_their_own_words_and_a_gap_between(two_topics):
    result, out, notes = two_topics
    text = {topic: "\n".join(p.read_text(encoding="utf-8") for p in (notes / topic).glob("*.md"))
            for topic in ("fisheries", "space")}
    # an entity's topic: the one folder of the notes that name it (none for the budget note's, or both)
    folders = {e.id: {m.block.note.split("/")[0] for m in e.mentions} for e in result.entities}
    topic_of = {e: next(iter(f)) for e, f in folders.items() if len(f) == 1 and next(iter(f)) in text}
    side = {}
    for report in reports_in(out):
        found = [topic_of.get(m["id"]) for m in report["members"]]
        assert not {"fisheries", "space"} <= set(found), report["title"]  # no community mixes the topics
        topic = max(text, key=found.count)
        if found.count(topic) * 2 > len(found):
            side[report["id"]] = topic
            other = "space" if topic == "fisheries" else "fisheries"
            for word in [w["word"] for w in report["words"]][:3]:
                assert word in text[topic] and word not in text[other], (report["title"], word)
    assert set(side.values()) == {"fisheries", "space"}
    gaps = [(c, g) for c, topic in side.items() for g in next(r for r in reports_in(out) if r["id"] == c)["gaps"]
            if side.get(g["community"], topic) != topic]
    assert gaps, "no gap between the fisheries and the space communities"
    assert all(g["between"] == 0 and g["shared"] >= 2 and g["score"] > 0 for _, g in gaps)


def test_files_hold_the_same_reports(two_topics):
    result, out, _ = two_topics
    reports = reports_in(out)
    with (out / "communities.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["community"]) for r in rows] == [r["id"] for r in reports]
    assert [r["title"] for r in rows] == [r["title"] for r in reports]
    assert rows[0]["words"].split("|") == [w["word"] for w in reports[0]["words"]]
    md = (out / "report.md").read_text(encoding="utf-8")
    for report in reports:
        assert f"### {report['id']}. " in md
        for quote in report["sentences"]:
            assert f"]({quote['href']})" in md
    assert "## 初出の時系列" in md and "- 2024-02（" in md


def test_api_gives_the_reports_of_a_built_graph_and_of_one_read_back(two_topics):
    result, out, notes = two_topics
    graph = kg.build([notes], community_min_size=3)
    table = kg.communities(graph)
    assert list(table["community"]) == [r["id"] for r in reports_in(out)]
    assert list(table["title"]) == [r["title"] for r in reports_in(out)]
    first = kg.community_report(graph, int(table["community"][0]))
    assert isinstance(first, Community) and first.sentences[0].href.startswith("file:///")
    back = kg.read_graphml(out / "graph.graphml")
    assert kg.community_report(back, first.id).to_dict() == reports_in(out)[0]
    with pytest.raises(KeyError):
        kg.community_report(back, 10_000)
    with pytest.raises(ValueError, match="no community reports"):
        kg.communities(back.copy())


def test_reports_round_trip_through_their_dict(two_topics):
    for data in reports_in(two_topics[1]):
        assert Community.from_dict(data).to_dict() == data


def test_obsidian_vault_links_into_obsidian(two_topics, tmp_path):
    _, _, notes = two_topics
    vault = tmp_path / "vault"
    shutil.copytree(notes, vault)
    (vault / ".obsidian").mkdir()
    run([vault], tmp_path / "out", make_options(progress=False, community_min_size=3, relations=False))
    quote = reports_in(tmp_path / "out")[0]["sentences"][0]
    assert quote["link"] == "obsidian" and quote["href"].startswith("obsidian://open?vault=vault&file=")
    assert "](obsidian://open?vault=vault&file=" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


def test_the_same_notes_give_the_same_files_byte_for_byte(two_topics):
    """Two processes with different string hashing write the same three files."""
    _, out, notes = two_topics
    again = out.with_name("again")  # beside out, so the links to the notes are the same
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(notes), "-o", str(again), "-q",
                    "--community-min-size", "3"], check=True, env=env, capture_output=True)
    for name in FILES:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_an_out_inside_the_vault_is_not_read_back_as_notes(two_topics, tmp_path):
    """report.md is Markdown: built into a folder of the vault, the next build must not read it as the user's note."""
    _, _, notes = two_topics
    vault = shutil.copytree(notes, tmp_path / "vault")
    options = make_options(progress=False, community_min_size=3, relations=False)
    first, _ = run([vault], vault / "kg-out", options)
    again, _ = run([vault], vault / "kg-out", options)
    assert len(again.vault.notes) == len(first.vault.notes) and again.vault.kg_notes == 1
    assert again.graph.number_of_nodes() == first.graph.number_of_nodes()
