"""The Wikipedia NER benchmark: its scoring on hand-made mentions, and the vault it writes."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("ner_wikipedia", ROOT / "benchmarks" / "ner_wikipedia.py")
bench = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = bench  # dataclasses look their module up there
_SPEC.loader.exec_module(bench)

SENTENCES = [
    bench.Sentence("日本航空は東京に本社を置く。", (("日本航空", "法人名"), ("東京", "地名"))),
    bench.Sentence("ＪＲ九州の社長、山田太郎。", (("JR九州", "法人名"), ("山田太郎", "人名"), ("博多駅", "施設名"))),
]


def test_a_mention_counts_when_its_nfkc_text_is_a_gold_name_of_its_own_sentence():
    found = [
        [bench.Mention("日本", "Country"), bench.Mention("東京", "Region"), bench.Mention("山田太郎", "Person")],
        [bench.Mention("JR九州", "Organization"), bench.Mention("博多駅", "Region")],
    ]
    result = bench.score(SENTENCES, found)
    # JR九州 is written ＪＲ九州 in the text: NFKC makes them one name. 山田太郎 is a gold name,
    # but of the other sentence, so it does not count where it was found.
    assert result.recall("organisations") == pytest.approx(1 / 2)
    assert result.recall("places") == 1.0
    assert result.recall("people") == 0.0
    assert result.recall("events") is None
    # a facility is no recall group, but naming it is no false mention either
    assert (result.correct, result.mentions) == (3, 5)
    assert result.false == {("日本", "Country"): 1, ("山田太郎", "Person"): 1}
    assert result.misses["organisations"] == {"日本航空": 1}


def test_the_findings_group_false_mentions_by_the_rule_that_found_them_and_their_type():
    found = [
        [bench.Mention("日本", "Country", "known-name"), bench.Mention("東京", "Region", "known-name")],
        [bench.Mention("ＪＲ", "Organization", "model-span"), bench.Mention("九州", "Region", "known-name")],
    ]
    result = bench.score(SENTENCES, found)
    assert result.findings == {
        ("known-name", "Country"): [("日本", SENTENCES[0].text)],
        ("model-span", "Organization"): [("ＪＲ", SENTENCES[1].text)],
        ("known-name", "Region"): [("九州", SENTENCES[1].text)],
    }
    assert bench.format_findings(result, 1).splitlines()[1] == "  known-name / Country: 1"


def test_the_halves_are_the_sentences_of_even_and_odd_index():
    sentences = [bench.Sentence(f"文{i}。", ()) for i in range(5)]
    assert [s.text for s in bench.half(sentences, "even")] == ["文0。", "文2。", "文4。"]
    assert [s.text for s in bench.half(sentences, "odd")] == ["文1。", "文3。"]
    assert bench.half(sentences, None) == sentences


def test_failures_name_each_threshold_kg_misses():
    kg = bench.score(SENTENCES, [[bench.Mention("東京", "Region")], [bench.Mention("JR九州", "Organization")]])
    bare = bench.score(SENTENCES, [[bench.Mention("日本航空", "Organization")], [bench.Mention("山田太郎", "Person")]])
    problems = bench.failures(kg, bare)
    assert "people recall 0.000 is below bare ja_ginza's 1.000" in problems
    assert "organisations recall 0.500 is below 0.55" in problems
    assert not any(p.startswith("places") or p.startswith("mention precision") for p in problems)


def test_the_vault_holds_one_paragraph_per_sentence_on_the_lines_it_reports(tmp_path):
    sentences = [bench.Sentence(f"文{i}。", ()) for i in range(5)]
    where = bench.write_vault(sentences, tmp_path, per_note=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wikipedia-000.md", "wikipedia-001.md", "wikipedia-002.md"]
    for (note, line), index in where.items():
        assert (tmp_path / note).read_text(encoding="utf-8").splitlines()[line - 1] == sentences[index].text


def test_the_shipped_data_and_its_license_note():
    folder = ROOT / "benchmarks" / "data" / "ner-wikipedia-ja"
    assert "CC BY-SA 3.0" in (folder / "README.md").read_text(encoding="utf-8")
    items = json.loads((folder / "dev.json").read_text(encoding="utf-8"))
    assert len(items) == 2689
    assert all(item["text"][s:e] == ent["name"] for item in items for ent in item["entities"] for s, e in [ent["span"]])


@pytest.fixture(scope="module")
def wikipedia(nlp):
    """Return kg's and bare ja_ginza's scores on the whole development half (about 3 minutes)."""
    sentences = bench.read_sentences()
    return bench.score(sentences, bench.kg_mentions(sentences, 0, False)), bench.score(
        sentences, bench.bare_mentions(sentences, 1)
    )


@pytest.mark.ginza
@pytest.mark.parametrize("group", list(bench.GROUPS))
def test_kg_finds_at_least_what_bare_ginza_finds(wikipedia, group):
    mine, bare = wikipedia
    assert mine.recall(group) >= bare.recall(group), bench.format_report(mine, bare, 15, {})


@pytest.mark.ginza
def test_kg_meets_the_recall_floors_of_issue_12(wikipedia):
    mine, bare = wikipedia
    assert [p for p in bench.failures(mine, bare) if "recall" in p] == [], bench.format_report(mine, bare, 15, {})


@pytest.mark.ginza
def test_kg_meets_the_precision_floor_of_issue_12(wikipedia):
    mine, bare = wikipedia
    assert [p for p in bench.failures(mine, bare) if "precision" in p] == [], bench.format_report(mine, bare, 15, {})


def test_the_levels_of_an_address_the_benchmark_leaves_unscored_are_what_kg_marks_so():
    from kg.resolve.candidates import ADDRESS
    from kg.resolve.mentions import SOURCES

    # the flat gold writes 愛知県豊田市 as one place; kg's mention of the address reads it whole, and the
    # prefecture it also makes a node of is nested inside, where a flat list tags nothing
    assert SOURCES[ADDRESS] == bench.NESTED_SOURCE


# Issue 23: mention precision 0.87 on the development half, each group's recall at least what it was when
# the issue's third round began (2026-12-06).
ISSUE_23_RECALL = {"organisations": 0.586, "places": 0.839, "people": 0.709, "events": 0.529}


# The fourth round of issue 23 (2026-12-07) took mention precision to 0.881: CI holds 0.878, that less 0.003.
ISSUE_23_PRECISION = 0.878


@pytest.mark.ginza
def test_kg_meets_issue_23s_precision_and_keeps_each_groups_recall(wikipedia):
    mine, bare = wikipedia
    assert (mine.precision or 0.0) >= ISSUE_23_PRECISION, bench.format_report(mine, bare, 15, {})
    for group, floor in ISSUE_23_RECALL.items():
        assert (mine.recall(group) or 0.0) >= floor, bench.format_report(mine, bare, 15, {})
