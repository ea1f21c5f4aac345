"""The relation benchmark: its scoring on hand-made rows, and kg's relations against the gold in CI."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kg.records import Block, Entity, Mention
from kg.relate import Relation

ROOT = Path(__file__).resolve().parents[2]
# The issue asks for precision 0.85 and recall 0.60 over all gold rows (those whose ends the entity
# stage misses included); measured 0.94 / 0.76 on the five notes, 0.97 / 0.81 since the rules of the
# team's held-out sets, so the overall floors are 0.95 / 0.80. Each note holds precision 0.85 and
# recall 0.65: the sample note, the lowest, is at 0.67 (16 of 24 rows, the other 8 lost to the
# entity stage), so one more lost row there fails this test.
PRECISION = 0.95
RECALL = 0.80
NOTE_PRECISION = 0.85
NOTE_RECALL = 0.65
# The smallest vault of the policy-notes corpus, measured at precision 0.91 (10 of 11) and recall 0.50
# (10 of 20) when its corpus mode was added; the floors let a row or two go.
CORPUS_STEM = "vault_semiconductor_security"
CORPUS_PRECISION = 0.80
CORPUS_RECALL = 0.40


def _load():
    """Return benchmarks/relations.py as a module."""
    spec = importlib.util.spec_from_file_location("kg_relations_benchmark", ROOT / "benchmarks" / "relations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


bench = _load()


def relation(subject, group, object_, negated=False, note="note.md"):
    """Return a Relation with only what scoring reads filled in."""
    return Relation(subject, "述語", group, object_, negated, "", "文。", note, (), 1)


def entity(name, *places):
    """Return an Entity mentioned once at each (note, line), in a sentence of its own."""
    blocks = [Block(note, (), (), 0, line, line, "paragraph", f"{name}の文。") for note, line in places]
    return Entity(name, name, "Country", mentions=tuple(Mention(name, "", "known", b, 0, len(name), b.text)
                                                         for b in blocks))


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


def test_a_vault_relation_matches_a_gold_row_of_another_note():
    gold = [bench.GoldRelation("日本", "signing", "EU", True, False, 3, "文。", "a.md")]
    score = bench.score_note([relation("EU", "signing", "日本", note="b.md")], {"日本": "日本", "EU": "EU"}, gold, "vault")
    assert (score.correct, score.recalled, score.wrong) == (1, 1, [])


def test_reading_takes_the_note_column_or_the_note_given(tmp_path):
    columns = "subject\tgroup\tobject\tsymmetric\tnegated\tline\tpredicate\tsentence"
    row = "日本\tmembership\tWTO\tno\tno\t7\t加盟\t日本はWTOに加盟した。"
    vault = tmp_path / "vault_relations.tsv"
    vault.write_text(f"# a comment\nnote\t{columns}\n2024-01-01 メモ.md\t{row}\n", encoding="utf-8")
    single = tmp_path / "single.tsv"
    single.write_text(f"{columns}\n{row}\n", encoding="utf-8")
    expected = bench.GoldRelation("日本", "membership", "WTO", False, False, 7, "日本はWTOに加盟した。", "2024-01-01 メモ.md")
    assert bench.read_relation_gold(vault, "ignored.md") == [expected]
    assert bench.read_relation_gold(single, "single.md")[0].note == "single.md"


def test_reachable_looks_a_line_up_in_the_rows_own_note():
    entities = [entity("日本", ("a.md", 3)), entity("EU", ("a.md", 3), ("b.md", 5)), entity("WTO", ("b.md", 3))]
    labels = {e.id: e.id for e in entities}
    rows = [bench.GoldRelation("日本", "signing", "EU", True, False, 3, "", "a.md"),
            bench.GoldRelation("日本", "membership", "WTO", False, False, 3, "", "a.md")]  # WTO is on line 3 of b.md only
    assert bench.reachable(rows, entities, labels) == rows[:1]


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
    assert all(s.precision >= NOTE_PRECISION and s.recall >= NOTE_RECALL for s in scores), report


def test_the_corpus_relation_gold_names_notes_and_entities_of_its_stem():
    quality = bench._quality()
    notes = bench.corpus_notes()
    assert len(notes) == 6
    for note in notes:
        rows = bench.read_relation_gold(note.file("relations.tsv"))
        labels = {row.label for row in quality.read_gold(note.file("gold.tsv"))}
        assert rows and all({row.subject, row.object} <= labels for row in rows), note.stem
        files = {p.name for p in note.path.glob("*.md")} if note.path.is_dir() else {note.path.name}
        assert {row.note for row in rows} <= files, note.stem


def test_an_unknown_corpus_stem_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        bench.main(["--corpus", "no_such_stem"])
    assert exit_.value.code == 2 and "no_such_stem" in capsys.readouterr().err


# Issue 23 asks for precision 0.85 and recall 0.70 on every note of the corpus. Measured after the
# relation rules of that issue (overall 0.99 / 0.84, from 0.94 / 0.62): each note's recall floor is
# one gold row below its figure, and precision holds 0.90 (one more wrong relation on the smallest).
# Since headings state no relation the corpus is at 1.00 / 0.88, and overall precision holds 0.98.
CORPUS_FLOORS = {
    "bluebook_r06_ukraine_middleeast": 0.80,   # 21 of 25
    "expo2025_culture_diplomacy": 0.86,        # 21 of 23
    "ocean_policy_2024": 0.80,                 # 21 of 25
    "space_policy_2024": 0.68,                 # 18 of 25; 7 rows lack an entity
    "vault_finance_news_2024": 0.80,           # 17 of 20
    "vault_semiconductor_security": 0.85,      # 18 of 20
}


@pytest.mark.ginza
def test_the_corpus_relations_keep_their_floor(nlp):
    scores = bench.run_corpus()
    total = bench.overall(scores)
    report = ", ".join(f"{s.note} {s.precision:.2f}/{s.recall:.2f}" for s in scores)
    assert {s.note for s in scores} == set(CORPUS_FLOORS), report
    assert total.precision >= 0.98 and total.recall >= 0.82, report
    assert all(s.precision >= 0.90 and s.recall >= CORPUS_FLOORS[s.note] for s in scores), report


# The team's own held-out sets (benchmarks/own-notes), gold written before kg was run on them, are held
# to the same goal: precision 0.85 and recall 0.70 on each. Measured when they were added 1.00 / 0.63
# (health) and 0.65 / 0.57 (agri vault); after the rules they motivated 1.00 / 0.80 (24 of 30) and
# 0.95 / 0.87 (20 of 23). Each recall floor is one gold row below its figure. The two later sets (disaster
# note, migration vault), first met at 0.57 / 0.19 and 1.00 / 0.43, hold the figures the rules they motivated
# reached: precision at its figure, recall one gold row below. So do the three sets added after them (defence
# and development-cooperation notes, climate vault), first met at 1.00 / 0.46, 0.80 / 0.70 and 0.93 / 0.60.
OWN_DIR = ROOT / "benchmarks" / "own-notes"
OWN_FLOORS = {
    # 0.94 / 0.76 (48 of 63, from 29 at 1.00 / 0.46) with relate12's rules; 0.95 / 0.83 with the 2+2 meetings found (rulelaw12)
    "own_defence_whitepaper_2024": (0.94, 0.81),
    "own_devcoop_whitepaper_2024": (0.94, 0.92),  # 0.96 / 0.94 (44 of 47, from 33 at 0.80 / 0.70)
    "own_devfinance_2024": (0.94, 0.92),         # 0.96 / 0.94 (49 of 52) with relate13's rules, first met (held out) at 0.82 / 0.71
    "own_disaster_resilience_2024": (0.92, 0.86),  # 0.95 / 0.90 (19 of 21, from 4) with the entities found
    "own_health_climate_2024": (0.93, 0.86),     # 0.96 / 0.90 (27 of 30)
    "own_vault_agri_trade_2024": (0.90, 0.86),   # 0.95 / 0.91 (21 of 23)
    "own_vault_climate_2024": (0.93, 0.81),      # 0.95 / 0.84 (36 of 43, from 26 at 0.93 / 0.60) with relate12's rules
    # 0.93 / 0.87 (39 of 42 found right) with rulelaw11's meetings: a line of related links (関連：A / Bの会談 / …) now
    # gives a meeting of its two places, a wrong row; relate15's rules (a line of wikilinks lists titles) 0.95 / 0.87
    # gives a meeting of its two places, a wrong row
    # 0.91 / 0.87 with rulebody12's foreign organs: 韓国の国家情報院 is now found, and 「Xは、北朝鮮が…と発表した」 gives
    # 北朝鮮 -publication-> X, the roles the wrong way round (a relation rule's error, for the relation helpers)
    # the round's four branches merged: 0.93 / 0.91 (41 of 45)
    "own_vault_diplomacy_2024": (0.92, 0.89),    # 0.95 / 0.87 (39 of 45) with relate13's rules, first met (held out) at 0.65 / 0.62
    "own_vault_migration_2024": (0.95, 0.86),    # 1.00 / 0.86 (12 of 14, from 6) with relate13's rules
    # 1.00 / 0.81 (48 of 59) with relate13's rules, first met (held out) at 0.79 / 0.46; relate15's rules (the instrument
    # whose negotiation a clause before joins: Bの交渉に加わったが、署名しなかった) 1.00 / 0.85 (50 of 59)
    "own_cyber_ai_2024": (0.96, 0.83),
    # 0.91 / 0.79 (42 of 53) with relate11's rules, first met (held out) at 0.70 / 0.36; 0.98 / 0.85 (45 of 53) with
    # a leader's government a body of its own (branch rulemerge); 0.91 / 0.81 with relate12's rules alone
    # all merged (6367726): 0.98 / 0.87 (46 of 53)
    "own_gx_energy_whitepaper_2024": (0.96, 0.84),
    # 0.86 / 0.77 (36 of 47), first met (held out) at 0.56 / 0.30; 0.93 / 0.83 (39 of 47) with a leader's government
    # a body of its own (branch rulemerge)
    # all merged (6367726): 0.93 / 0.83 (39 of 47)
    "own_humanrights_un_2024": (0.91, 0.80),
    "own_vault_indopacific_2024": (0.91, 0.74),  # 0.91 / 0.76 (42 of 55, from 28) with its entity rules, first met (held out) at 0.84 / 0.49
    "own_vault_econsec_2025": (0.96, 0.88),      # 0.97 / 0.90 (56 of 62) with relate12's rules, first met (held out) at 0.87 / 0.53
    # 0.97 / 0.78 (32 of 41) with relate12's rules, 0.97 / 0.73 with relate11's, 0.96 / 0.63 with relate10's; on
    # first contact 0.94 / 0.37
    # all merged (6367726): 0.97 / 0.78 (32 of 41)
    # relate15's rules (A・BとCが協議する: each of A and B with C; …する関係になった said of the topic): 0.97 / 0.85 (35 of 41)
    "own_children_policy_2024": (0.96, 0.82),
    # 0.82 / 0.41 (14 of 34) with relate10's rules, from 0.73 / 0.24 (8 of 34) when held out in the seventh round;
    # in the ninth round 0.84 / 0.47 with rulelocal's entities, 0.85 / 0.50 with ruledom's, 0.91 / 0.59 with relate12's
    # rules alone
    # all merged (6367726): 0.92 / 0.68 (23 of 34, 28 reachable)
    # relate14's rules (a topic noun said to be a list of amended laws): 0.93 / 0.74 (25 of 34)
    "own_health_welfare_policy_2024": (0.91, 0.71),
    # 0.96 / 0.50 (23 of 46) with relate11's rules; 0.94 / 0.35 (16 of 46) on first contact (10d9808)
    # with rulelab's entities 0.94 / 0.63 (29 of 46, 32 reachable): one more body (a metalworkers' council) read as a
    # member of the confederation the text says it stands apart from; with relate12's rules 0.94 / 0.65
    # all merged (6367726): 0.94 / 0.67 (31 of 46, 33 reachable); relate13's rules 0.94 / 0.70 (32 of 46); parties listed
    # with 、 before 両党 (branch rulepeople2) alone 0.94 / 0.70
    # relate14's rules (a quote inside a clause on the noun names no instrument): 0.95 / 0.76 (35 of 46)
    # 0.92 / 0.76 with the may row 3党合意 found (rulelaw12): この3党合意を受けて、国民民主党は… read as the party's agreement
    "own_vault_labour_wages_2025": (0.92, 0.74),
    # 0.89 / 0.44 (17 of 39) at the eighth round's end, held out; 0.88 / 0.38 on first contact (10d9808); in the ninth
    # round with rulelocal's entities (associations, kana names, councils, people by title) 0.93 / 0.67 (26 of 39);
    # with ruledom's alone 0.85 / 0.44: the yearly local finance plan found, its sentence (…計画は、…国会に提出する)
    # gives a relation the gold does not have; with relate12's rules alone 0.90 / 0.49
    # all merged (6367726): 0.90 / 0.72 (28 of 39, 32 reachable); relate13's rules 0.94 / 0.77 (30 of 39)
    "own_vault_local_gov_2025": (0.91, 0.74),
    # written in the ninth round and held out for it, moved here at the tenth round's start: 0.78 / 0.54 (25 of 46) and
    # 0.82 / 0.36 at that round's end (8bd3515), 0.78 / 0.54 and 0.80 / 0.31 on first contact (62a7ae4)
    # laws by one word or by the law they amend, the heads of notices, congresses and local elections (branch rulelaw)
    # alone: 0.79 / 0.59 (27 of 46) and 0.83 / 0.38; with rulepeople's entities (stations and routes off, the JR company
    # and GO社 joined) alone 0.78 / 0.54 and 0.88 / 0.38 (17 of 39); with the units, associations and companies of
    # branch rulebody alone 0.81 / 0.57 and 0.86 / 0.49; relate13's rules alone 0.87 / 0.74 (34 of 46) and 0.93 / 0.72
    # (28 of 39), with rulelaw's and rulepeople's entities (71851dd) 0.88 / 0.78 (36 of 46) and 0.97 / 0.77 (30 of 39)
    # with branch rulelaw2 merged on that: 0.93 / 0.83 (38 of 46) and 0.94 / 0.79 (31 of 39, 31 of 33 found right):
    # 物流関連2法, one entity with its long title now and found in its sentence, takes 参議院's adoption, which the gold
    # gives to the two laws it amends (a may row is no relation's end there)
    # a quoted slogan's strategy with its year found (branch rulelaw11): 0.93 / 0.85 (42 of 46)
    "own_justice_policy_2024": (0.91, 0.82),
    "own_vault_transport_tourism_2025": (0.92, 0.74),
    # written in the tenth round and held out for it, moved here at the eleventh round's start: 0.97 / 0.69 and 0.79 / 0.71
    # at that round's end (9c9def0), 0.97 / 0.64 and 0.77 / 0.71 on first contact (f79ce04)
    # relate14's rules: 0.97 / 0.73 (33 of 45: Aには…が設置された, Bからの…の輸入を再開しなかった) and 0.88 / 0.79 (30 of
    # 38: a source line listed with slashes, goods named 輸出品, 同席, a body placed in a body by 政府)
    # the plans, the law's order and the quoted measures found (branch rulelaw11) alone: 0.97 / 0.71 (33 of 45) and 0.79 / 0.71
    # with the bodies of branch rulebody11 alone 0.97 / 0.73 and 0.80 / 0.74
    # 0.81 / 0.79 with rulepeople11's people alone (代表, 欧州委員, キャサリン・タイ)
    # the round's branches merged (f2096ff): 0.97 / 0.80 (37 of 45) and 0.89 / 0.87 (37 of 38)
    # names the vault reads elsewhere found in tables, before titles, alone and in a list of sources (branch
    # rulepeople12) alone: 0.97 / 0.84 (39 of 45) and 0.89 / 0.89 (38 of 38: a vault person before 代表 and in a table)
    "own_consumer_food_safety_2024": (0.95, 0.82),
    "own_vault_us_tariffs_2025": (0.87, 0.87),
    # written in the eleventh round and held out for it, moved here at the twelfth round's start: 0.74 / 0.57 and 0.83 / 0.56
    # at that round's end (f2096ff), 0.76 / 0.57 and 0.83 / 0.56 on first contact (6b70a9f)
    # relate15's rules alone: 0.89 / 0.67 (40 of 60: a visit planned then called off is negated, 韓国人 no country, a
    # reading in brackets before a title, a body with では no doer beside a が-doer, a body placed in a country under no
    # one, AとCのB with C a country) and 0.87 / 0.77 (33 of 43: 離党, 応援, 決める, 党首会談をして, a partner carried to 合意)
    # 0.74 / 0.58 with the meetings and deals of rulelaw12
    # 0.71 / 0.57 with rulebody12's bodies (…情報院, …部傘下, …室): the organ found, 「Xは、北朝鮮が…をロシアに派遣すると
    # 発表した」 gives two wrong rows (北朝鮮 -publication-> X, X -provision-> ロシア) and 傘下 no oversight row yet
    # the round's four branches merged (main after rulebody12): 0.85 / 0.68 (41 of 60) and 0.87 / 0.77 (33 of 43)
    "own_korea_northeast_asia_2024": (0.83, 0.66),
    "own_vault_politics_2024": (0.85, 0.74),
}


@pytest.mark.ginza
def test_the_own_notes_relations_keep_their_floor(nlp):
    scores = bench.run_corpus(OWN_DIR)
    report = ", ".join(f"{s.note} {s.precision:.2f}/{s.recall:.2f}" for s in scores)
    assert {s.note for s in scores} == set(OWN_FLOORS), report
    assert all(s.precision >= OWN_FLOORS[s.note][0] and s.recall >= OWN_FLOORS[s.note][1] for s in scores), report


@pytest.mark.ginza
def test_the_corpus_mode_scores_a_vault(nlp):
    (score,) = bench.run_corpus(only=[CORPUS_STEM])
    assert (score.note, score.gold) == (CORPUS_STEM, 20)
    assert 0 < score.reachable <= score.gold  # the rows' lines are found in their own notes
    assert score.precision >= CORPUS_PRECISION and score.recall >= CORPUS_RECALL, (score.precision, score.recall)
