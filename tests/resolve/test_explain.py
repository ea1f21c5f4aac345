"""kg explain: each rule of kg/data/rules.tsv held to a fixture where it decides, the text kg explain
prints on the sample and a fixture vault, and no model run when the NER cache holds the notes."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.resolve.junk import junk_rule, stop_words
from kg.resolve.trace import rules

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = DATA.parent.parent / "data" / "whitepaper_r06_ict_international.md"
MEMO = DATA / "explain_vault"  # a policy memo, an entity note and its own kg-corrections.toml
CLIPS = DATA / "corrections_vault"  # dated news clippings and their kg-corrections.toml
DEV = DATA / "dev_docs_vault"  # a developer's documentation: licences, standards, loanwords, lists of apps

# rule: where it decides (notes, the name asked about, the text it decides on, kg.explain's options)
FIXTURES = {
    "known-name": (MEMO, "ARF", "ASEAN地域フォーラム", {}),
    "country-member": (MEMO, "日米", "米", {}),
    "address-level": (MEMO, "北海道", "北海道", {}),
    "link-text": (MEMO, "笹川", "笹川の研究所", {}),
    "titled-person": (CLIPS, "石破", "石破茂", {}),
    "quoted-name": (MEMO, "日米", "日米デジタル貿易協定", {}),
    "headed-name": (MEMO, "日米", "日米首脳会談", {}),
    "head-noun-name": (MEMO, "OPRI", "海洋政策研究所", {}),
    "numbered-meeting": (SAMPLE, "ASEAN50", "ASEAN50", {}),
    "continued-session": (MEMO, "第61回総会", "第61回総会", {}),
    "election": (MEMO, "参院選", "参院選", {}),
    "constitution": (MEMO, "日本国憲法", "憲法", {}),
    "listed-party": (MEMO, "社民", "社民", {}),
    "bureau": (MEMO, "海洋安全政策局", "海洋安全政策局", {}),
    "numbered-resolution": (MEMO, "決議2901", "決議2901", {}),
    "party-deal": (MEMO, "3党合意", "3党合意", {}),
    "two-plus-two": (MEMO, "日豪「2+2」", "日豪「2+2」", {}),
    "sibling-session": (MEMO, "第12会期", "第12会期", {}),
    "protocol": (MEMO, "北海漁業条約", "北海漁業条約の選択議定書", {}),
    "about-clause": (MEMO, "北海ケーブル協定", "海底ケーブルの保護に関する北海ケーブル協定", {}),
    "formal-title": (MEMO, "島嶼国の海洋人材の育成に向けたロードマップ", "島嶼国の海洋人材の育成に向けたロードマップ", {}),
    "compound-name": (MEMO, "JSOP", "日本海洋政策学会", {}),
    "acted-on": (MEMO, "鉱業法", "鉱業法", {}),
    "listed-law": (MEMO, "検疫法", "検疫法", {}),
    "law-ordinance": (MEMO, "海底鉱区監視法施行規則", "海底鉱区監視法施行規則", {}),
    "set-up": (MEMO, "QRSナレッジハブ", "QRSナレッジハブ", {}),
    "cited-law": (MEMO, "海底鉱区監視法", "海底鉱区監視法", {}),
    "numbered-typhoon": (MEMO, "台風第7号", "台風第7号", {}),
    "held-meeting": (MEMO, "北方海洋防災フォーラム", "北方海洋防災フォーラム", {}),
    "formed-body": (MEMO, "海洋庁設置準備室", "海洋庁設置準備室", {}),
    "affiliation": (MEMO, "田中一郎", "田中一郎東京大学", {}),
    "called-plan": (MEMO, "全ての船に灯台を", "全ての船に灯台を", {}),
    "multi-year-plan": (MEMO, "3か年緊急対策", "北方海域保全のための3か年緊急対策", {}),
    "plan-term": (MEMO, "漁港整備基本計画", "漁港整備基本計画", {}),
    "acronym-inside": (MEMO, "北海データ空間規則", "北海データ空間（NDS）規則", {}),
    "currency-area": (MEMO, "ドル圏", "ドル圏", {}),
    "described-company": (MEMO, "アーム", "アーム", {}),
    "named-exercise": (MEMO, "ブルー・ウェーブ", "ブルー・ウェーブ", {}),
    "country-force": (MEMO, "英空軍", "英空軍", {}),
    "section-by-part": (MEMO, "漁業法（資源管理関係）部会", "漁業法（資源管理関係）部会", {}),
    "nationwide-association": (MEMO, "全国遊漁船・釣船連合会", "全国遊漁船・釣船連合会", {}),
    "maker": (MEMO, "ゼノ・マリタイム", "ゼノ・マリタイム", {}),
    "proper-word": (MEMO, "日本郵便", "日本郵便", {}),
    "model-span": (MEMO, "ITU", "ITU-R", {}),
    "continued-name": (MEMO, "Maritime Domain Awareness", "Maritime Domain Awareness", {}),
    "name-with-year": (MEMO, "東京オリンピック", "1964年東京オリンピック", {}),
    "buried-place": (MEMO, "群馬", "群馬", {}),
    "in-facility": (MEMO, "北京", "北京", {}),
    "katakana-part": (MEMO, "ベルリン", "ベルリン", {}),
    "code-part": (MEMO, "ボーイング", "ボーイング", {}),
    "latin-part": (MEMO, "WHO", "WHO", {}),
    "model-label": (MEMO, "福岡", "国立福岡", {}),
    "model-mid-word": (SAMPLE, "ITU-R", "ITU", {}),
    "gloss": (MEMO, "リクルート", "リクルート", {}),
    "model-list": (MEMO, "アゼルバイジャン", "ジョージア・アゼルバイジャン・アルメニア", {}),
    "model-joins-names": (MEMO, "合同会社", "株式会社と合同会社", {}),
    "model-parenthesis": (MEMO, "ILO", "国際労働機関（ILO", {}),
    "model-acronym": (MEMO, "MDA", "MDA", {}),
    "model-no-person": (MEMO, "ルピア", "ルピア安", {}),
    "model-common-word": (MEMO, "利上げ", "利上げ", {}),
    "model-not-a-name": (MEMO, "デジタルテクノロジー", "デジタルテクノロジー", {}),
    "stop-word": (MEMO, "閣議", "閣議", {}),
    "inside-longer-name": (MEMO, "東京オリンピック", "東京", {}),
    "conflict": (MEMO, "OPRI", "笹川", {}),
    "other-kind": (MEMO, "EV工場", "EV工場", {}),
    "owned-site": (MEMO, "大和電力", "大和電力", {}),
    "spelled-out": (MEMO, "Maritime Domain Awareness", "Maritime Domain Awareness", {}),
    "product": (MEMO, "iPhone", "iPhone", {}),
    "vault-product": (MEMO, "Tidewave", "Tidewave", {}),
    "licence": (DEV, "MIT", "MIT", {}),
    "standard": (DEV, "ISO", "ISO", {}),
    "bound-prefix": (DEV, "メタ", "メタ", {}),
    "common-compound": (DEV, "コントロールセンター", "コントロールセンター", {}),
    "lone-latin-person": (DEV, "Any", "Any", {}),
    "part-title": (SAMPLE, "プラットフォームの動向", "第6節\u3000プラットフォーム", {}),
    "repeat": (MEMO, "インドネシア", "インドネシア", {}),
    "type-not-kept": (CLIPS, "石破", "石破茂", {"types": "Country,Organization,Event"}),
    "correction-not-entity": (CLIPS, "北海道", "北海道", {}),
    "correction-not-mention": (CLIPS, "日米", "日", {}),
    "gazetteer": (MEMO, "ILO", "ILO", {}),
    "user-alias": (MEMO, "SPF", "SPF", {}),
    "parenthesis": (MEMO, "JSOP", "JSOP", {}),
    "footnote": (MEMO, "BBNJ", "BBNJ", {}),
    "entity-note": (MEMO, "OPRI", "OPRI", {}),
    "located": (MEMO, "seatec", "seatec", {}),
    "renewed": (MEMO, "北海海洋構想", "北海海洋構想", {}),
    "link-alias": (MEMO, "OPRI-SPF", "OPRI-SPF", {}),
    "own-name": (CLIPS, "石破茂", "石破茂", {}),
    "surname": (CLIPS, "石破", "石破", {}),
    "leader": (MEMO, "バイデン", "バイデン", {}),
    "other-writing": (MEMO, "千歳", "千歳", {}),
    "correction-merge": (CLIPS, "WTO閣僚会議", "WTO閣僚会議", {}),
}

# The junk rule's checks, held to the forms they take out (a name kg knows passes all but the first three).
JUNK = {
    "stop-word": "閣議",
    "legal-form": "株式会社",
    "product": "iPhone",
    "too-short": "A",
    "no-letters": "2025",
    "hiragana": "さくら",
    "part-title": "第3章 総則",
    "bare-ordinal": "第6回",
    "relations-level": "戦略的パートナーシップ",
    "date": "2024年3月",
    "id-like": "ABX20240917",
    "markup": "#タグ",
    "lower-case": "statkit",
    "english-phrase": "Save changes",
}


@cache
def _explained(path: Path, name: str, options: tuple = ()) -> kg.resolve.explain.Explanation:
    return kg.explain(name, [path], progress=False, **dict(options))


@pytest.fixture(scope="module")
def explained(nlp):
    """Return kg.explain, each name and vault explained once in the module."""
    return lambda path, name, options: _explained(path, name, tuple(sorted(options.items())))


def test_every_rule_has_a_fixture_and_a_reason():
    assert set(FIXTURES) | set(JUNK) == set(rules())
    assert all(reason for _, reason in rules().values())


@pytest.mark.parametrize("rule", sorted(FIXTURES))
def test_each_rule_decides_at_its_fixture(explained, rule):
    path, name, surface, options = FIXTURES[rule]
    verdict, _ = rules()[rule]
    found = [c for place in explained(path, name, options).places for c in place.candidates if c.surface == surface]
    assert found, f"no candidate {surface!r} where {name!r} occurs"
    if verdict == "found":
        assert any(rule in c.found_by for c in found), [(c.rule, c.found_by) for c in found]
    elif verdict == "dropped":
        assert any(not c.kept and c.rule == rule for c in found), [(c.kept, c.rule) for c in found]
    else:
        assert any(c.kept and c.joined_by == rule for c in found), [(c.kept, c.joined_by) for c in found]


@pytest.mark.parametrize("rule", sorted(JUNK))
def test_each_junk_check_takes_out_its_form(rule):
    stop = stop_words(["閣議"])
    assert junk_rule(JUNK[rule], stop) == rule
    assert rules()[rule][0] == "dropped"


def test_junk_rule_leaves_names_alone():
    stop = stop_words(())
    assert [junk_rule(name, stop) for name in ("経済産業省", "WTO", "さだまさし")] == ["", "", "hiragana"]
    assert [junk_rule(name, stop) for name in ("U+2192", "U2")] == ["id-like", ""]  # a code point, a band
    assert junk_rule("さだまさし", stop, person=True) == ""


def test_the_text_tells_the_rule_that_kept_and_the_one_that_dropped_on_the_sample(explained):
    text = str(explained(SAMPLE, "ITU-R", {}))
    assert text.splitlines()[0] == "ITU-R: the entity ITU-R (Organization, id ITU無線通信部門); 1 place(s) in 1 note(s)"
    assert "  dropped ITU (GiNZA: Company)  [model-mid-word] the model's span starts or ends inside a word" in text
    assert "  kept    ITU-R  [known-name]" in text
    assert "          → ITU-R (Organization)  [gazetteer: the name is in kg's gazetteer (kg/data/gazetteer)]" in text


def test_cli_explains_a_name_of_the_fixture_vault_as_text_and_json(nlp):
    ran = CliRunner().invoke(main, ["explain", "石破", str(CLIPS), "-q"])
    assert ran.exit_code == 0, ran.output
    assert ran.output.startswith("石破: the entity 石破茂（首相） (Person, id 石破茂); 3 place(s) in 3 note(s)\n")
    assert "  dropped 石破茂首相 (GiNZA: Position_Vocation)  [model-label] the model's label is none of kg's types" in ran.output
    assert "  dropped 石破前首相 (GiNZA: Person)  [conflict] it crosses or sits inside a more trusted or longer candidate" in ran.output
    assert "[surname: a part of a person's full name that the note or the vault writes" in ran.output
    ran = CliRunner().invoke(main, ["explain", "北海道", str(CLIPS), "-q", "--json"])
    found = json.loads(ran.output)
    assert found["entity"] == "" and [c["rule"] for p in found["places"] for c in p["candidates"]] == ["correction-not-entity"]


def test_explain_reads_the_spans_from_the_cache_without_the_model(nlp, monkeypatch):
    kg.explain("ラピダス", [CLIPS], progress=False)  # the cache holds the notes now

    def no_model(*args, **kwargs):
        raise AssertionError("the model ran")

    monkeypatch.setattr("kg.extract.spans.find_spans", no_model)
    assert kg.explain("ラピダス", [CLIPS], progress=False).entity == "ラピダス"
