"""The relation benchmark: its scoring on hand-made rows, and kg's relations against the gold in CI."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kg.relate import Relation

ROOT = Path(__file__).resolve().parents[2]
# The issue asks for precision 0.85 and recall 0.60 over all gold rows (those whose ends the entity
# stage misses included); measured 0.94 / 0.76 on the five notes. Each note holds precision 0.85 and
# recall 0.65: the sample note, the lowest, is at 0.67 (16 of 24 rows, the other 8 lost to the
# entity stage), so one more lost row there fails this test.
PRECISION = 0.85
RECALL = 0.70
NOTE_RECALL = 0.65


def _load():
    """Return benchmarks/relations.py as a module."""
    spec = importlib.util.spec_from_file_location("kg_relations_benchmark", ROOT / "benchmarks" / "relations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


bench = _load()


def relation(subject, group, object_, negated=False):
    """Return a Relation with only what scoring reads filled in."""
    return Relation(subject, "述語", group, object_, negated, "", "文。", "note.md", (), 1)


def test_scoring_matches_symmetric_rows_in_either_order_and_keys_on_negation():
    gold = [
        bench.GoldRelation("日本", "signing", "EU", True, False, 3, "文。"),
        bench.GoldRelation("日本", "membership", "OPEC", False, True, 4, "文。"),
        bench.GoldRelation("フランス", "membership", "WTO", False, False, 5, "文。"),
    ]
    labels = {"日本": "日本", "欧州連合": "EU", "OPEC": "OPEC", "WTO": "WTO", "フランス": "フランス", "東京": None}
    labels = {k: v for k, v in labels.items() if v}
    found = [
        relation("欧州連合", "signing", "日本"),        # symmetric row, other order: right
        relation("日本", "membership", "OPEC"),         # the gold denies it: wrong without negation
        relation("WTO", "membership", "フランス"),      # directed row, wrong way round
        relation("日本", "hosting", "東京"),            # an end that is no gold entity
    ]
    score = bench.score_note(found, labels, gold, "note")
    assert (score.found, score.correct, score.recalled, score.off_gold) == (3, 1, 1, 1)
    negated = bench.score_note([relation("日本", "membership", "OPEC", negated=True)], labels, gold, "note")
    assert (negated.correct, negated.recalled) == (1, 1)


def test_the_gold_files_parse_and_name_their_notes():
    for path in sorted(bench.GOLD.glob("*.tsv")):
        rows = bench.read_relation_gold(path)
        assert rows and bench.note_of(path.stem).exists()
        assert all(row.line > 0 and row.subject and row.object for row in rows)


@pytest.mark.ginza
def test_relations_reach_the_precision_and_recall_held_in_ci(nlp):
    scores = bench.run()
    total = bench.overall(scores)
    report = ", ".join(f"{s.note} {s.precision:.2f}/{s.recall:.2f}" for s in scores)
    assert total.precision >= PRECISION, report
    assert total.recall >= RECALL, report
    assert all(s.precision >= PRECISION and s.recall >= NOTE_RECALL for s in scores), report
