"""End to end on a vault of dated notes: note dates, first_seen/last_seen in every output,
--since/--until and kg.timeline, against tests/data/dated_vault.expected.json (worked out by hand)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main

VAULT = Path(__file__).parent / "data" / "dated_vault"
EXPECTED = json.loads((Path(__file__).parent / "data" / "dated_vault.expected.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.ginza


def build(out: Path, *args: str) -> Path:
    """Run kg build on the dated vault into out and return out."""
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(out), "--quiet", *args])
    assert result.exit_code == 0, result.output
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def out(nlp, tmp_path_factory):
    return build(tmp_path_factory.mktemp("dated"))


def note_dates(mentions: pd.DataFrame) -> dict[str, str | None]:
    """Return note path -> the date its mentions carry."""
    found = mentions.groupby("note")["date"].agg(lambda d: set(d))
    assert all(len(v) == 1 for v in found), found  # every mention of a note has the note's date
    return {note: (next(iter(v)) or None) for note, v in found.items()}


def test_each_note_gets_the_date_its_front_matter_or_file_name_gives(out):
    mentions = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig", keep_default_na=False)
    assert note_dates(mentions) == EXPECTED["note_dates"]


def test_unreadable_dates_are_warnings_in_the_report(out):
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for name in EXPECTED["warnings_mention"]:
        assert any(w.startswith(name + ":") for w in report["warnings"]), (name, report["warnings"])
    assert report["counts"]["skipped"] == 0


def test_date_field_chooses_the_front_matter_field(nlp):
    created = note_dates(kg.mentions(VAULT, date_field="created"))
    assert created == EXPECTED["note_dates_created"]
    published = note_dates(kg.mentions(VAULT, date_field="published"))
    modified = note_dates(kg.mentions(VAULT, date_field="modified"))
    for note, day in EXPECTED["date_field_published"].items():
        assert published[note] == day
    for note, day in EXPECTED["date_field_modified"].items():
        assert modified[note] == day


def test_first_and_last_seen_on_nodes_in_every_output(out):
    graphml = kg.read_graphml(out / "graph.graphml")
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    from_json = {n["id"]: n for n in data["nodes"]}
    from_csv = {r["id"]: r for r in rows(out / "nodes.csv")}
    for node, want in EXPECTED["nodes"].items():
        for source in (graphml.nodes[node], from_json[node], from_csv[node]):
            assert (source["first_seen"], source["last_seen"]) == (want["first_seen"], want["last_seen"]), node
            assert int(source["count"]) == want["count"]


def test_first_and_last_seen_on_edges_in_every_output(out):
    graphml = kg.read_graphml(out / "graph.graphml")
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    from_json = {frozenset((e["source"], e["target"])): e for e in data["links"]}
    from_csv = {frozenset((r["source"], r["target"])): r for r in rows(out / "edges.csv")}
    for pair, (first, last) in EXPECTED["edges"].items():
        a, b = pair.split("|")
        want = (first or "", last or "")
        for source in (graphml.edges[a, b], from_json[frozenset((a, b))], from_csv[frozenset((a, b))]):
            assert (source.get("first_seen", ""), source.get("last_seen", "")) == want, pair


@pytest.mark.parametrize(
    ("args", "key"),
    [(["--since", "2025-03-01", "--until", "2025-06-30"], "since_2025-03-01_until_2025-06-30"),
     (["--since", "2025-10"], "since_2025-10-01")],
)  # fmt: skip
def test_since_and_until_keep_the_notes_of_the_period(nlp, tmp_path, args, key):
    out = build(tmp_path, *args)
    mentions = rows(out / "mentions.csv")
    assert sorted({r["note"] for r in mentions}) == sorted(EXPECTED[key]["notes"])
    counts = {r["id"]: int(r["count"]) for r in rows(out / "nodes.csv")}
    assert counts == EXPECTED[key]["counts"]


def test_a_bad_period_is_a_usage_error_that_names_the_flag(tmp_path):
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(tmp_path), "--since", "March"])
    assert result.exit_code == 2
    assert "--since" in result.output and "YYYY-MM-DD" in result.output
    backwards = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(tmp_path), "--since", "2025-07", "--until", "2025-01"])
    assert backwards.exit_code == 1
    assert "--since 2025-07-01 is after --until 2025-01-31" in backwards.output
    assert not (tmp_path / "graph.html").exists()


def test_timeline_counts_from_the_graph_the_graphml_and_the_paths(out):
    expected = {e: {pd.Period(p, "M"): n for p, n in months.items()} for e, months in EXPECTED["timeline_M"].items()}
    for table in (timeline := kg.timeline(kg.read_graphml(out / "graph.graphml")), kg.timeline(VAULT)):
        assert {e: {p: n for p, n in table[e].items() if n} for e in expected} == expected
        assert str(table.index[0]) == "2025-01" and str(table.index[-1]) == "2025-12" and len(table) == 12
    assert list(timeline.columns[:1]) == ["日本"]  # the most mentioned in dated notes first
    quarters = kg.timeline(VAULT, freq="Q")
    assert {str(p): n for p, n in quarters["日本"].items() if n} == EXPECTED["timeline_Q"]["日本"]
