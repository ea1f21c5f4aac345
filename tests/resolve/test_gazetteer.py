"""Tests for kg.resolve.gazetteer: the shipped data loads, is consistent, and knows the usual names."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from kg.resolve.gazetteer import (
    DATA_DIR,
    Entry,
    _country_rows,
    _merge,
    _read_typed,
    country_abbreviations,
    load_gazetteer,
)
from kg.records import ENTITY_TYPES
from kg.resolve.knowledge import generic_words


@pytest.fixture(scope="module")
def entries() -> tuple[Entry, ...]:
    return load_gazetteer()


@pytest.fixture(scope="module")
def by_name(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    return {name: entry for entry in entries for name in entry.names}


def test_loads_every_type(entries: tuple[Entry, ...]) -> None:
    counts = Counter(entry.type for entry in entries)
    assert set(counts) == set(ENTITY_TYPES) - {"Person"}
    assert counts["Organization"] > 300 and counts["Region"] > 200 and counts["Agreement"] > 50


def test_every_iso_country_is_there(entries: tuple[Entry, ...], by_name: dict[str, Entry]) -> None:
    countries = {entry.id for entry in entries if entry.type == "Country"}
    assert len(countries) >= len(pycountry.countries) >= 249
    rows = (DATA_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines()
    curated = dict(row.split("\t")[:2] for row in rows[1:] if row and not row.startswith("#"))
    assert {country.alpha_2 for country in pycountry.countries} <= set(curated)
    assert set(curated.values()) <= countries
    assert by_name["Falkland Islands"].id == curated["FK"]


def test_loaded_once() -> None:
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    ("names", "eid", "etype"),
    [
        (("アメリカ", "米国", "アメリカ合衆国", "United States", "USA", "U.S."), "アメリカ", "Country"),
        (("イギリス", "英国", "United Kingdom", "UK"), "イギリス", "Country"),
        (("韓国", "大韓民国", "South Korea"), "韓国", "Country"),
        (("北朝鮮", "朝鮮民主主義人民共和国", "DPRK"), "北朝鮮", "Country"),
        (("中国", "中華人民共和国", "China"), "中国", "Country"),
        (("ロシア", "ロシア連邦"), "ロシア", "Country"),
        (("ベトナム", "ヴィエトナム", "Viet Nam"), "ベトナム", "Country"),
        (("コートジボワール", "コートジヴォワール"), "コートジボワール", "Country"),
        (("オーストラリア", "豪州"), "オーストラリア", "Country"),
        (("日本", "我が国", "わが国", "Japan"), "日本", "Country"),
        (("世界貿易機関", "WTO", "World Trade Organization"), "世界貿易機関", "Organization"),
        (("経済協力開発機構", "OECD"), "経済協力開発機構", "Organization"),
        (("G7", "Ｇ７", "主要7か国"), "G7", "Organization"),
        (("東南アジア諸国連合", "ASEAN"), "東南アジア諸国連合", "Organization"),
        (("欧州連合", "EU"), "欧州連合", "Organization"),
        (("国際電気通信連合", "ITU"), "国際電気通信連合", "Organization"),
        (("世界銀行", "World Bank", "IBRD"), "世界銀行", "Organization"),
        (("世界銀行グループ", "World Bank Group"), "世界銀行グループ", "Organization"),  # the bank and its sisters
        (("日米豪印", "クアッド", "Quad"), "日米豪印", "Organization"),
        (("インターネット・ガバナンス・フォーラム", "インターネットガバナンスフォーラム", "IGF"),
         "インターネット・ガバナンス・フォーラム", "Organization"),
        (
            ("CPTPP", "TPP11", "環太平洋パートナーシップに関する包括的及び先進的な協定",
             "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"),
            "環太平洋パートナーシップに関する包括的及び先進的な協定",
            "Agreement",
        ),
        (("RCEP", "RCEP協定", "Regional Comprehensive Economic Partnership"), "地域的な包括的経済連携協定", "Agreement"),
        (("DFFT", "Data Free Flow with Trust"), "信頼性のある自由なデータ流通", "Agreement"),
        (("SDGs", "持続可能な開発目標"), "持続可能な開発目標", "Plan"),
        (("GDPR", "一般データ保護規則"), "一般データ保護規則", "Law"),
        (("主要国首脳会議", "G7サミット"), "G7サミット", "Event"),
        (("東京", "東京都"), "東京都", "Region"),
        (("ジュネーブ", "ジュネーヴ"), "ジュネーブ", "Region"),
    ],
)
def test_known_names(by_name: dict[str, Entry], names: tuple[str, ...], eid: str, etype: str) -> None:
    for name in names:
        key = unicodedata.normalize("NFKC", name)
        assert key in by_name, name
        assert (by_name[key].id, by_name[key].type) == (eid, etype), name


@pytest.mark.parametrize("name", ["コンゴ", "ドミニカ", "中国領・台湾", "米", "日", "AU", "石川", "山口", "大分"])
def test_ambiguous_names_left_out(by_name: dict[str, Entry], name: str) -> None:
    assert name not in by_name


def test_ids_and_names_are_unique_even_ignoring_case(entries: tuple[Entry, ...]) -> None:
    assert len({entry.id for entry in entries}) == len(entries)
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for name in entry.names:
            owners.setdefault(name.casefold(), set()).add(entry.id)
    clashes = {name: ids for name, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_names_are_clean(entries: tuple[Entry, ...]) -> None:
    for entry in entries:
        assert entry.type in ENTITY_TYPES, entry
        assert entry.names[0] == entry.id
        assert len(set(entry.names)) == len(entry.names), entry.id
        for name in entry.names:
            assert len(name) > 1, (entry.id, name)
            assert not re.fullmatch(r"[\d\s.,:/+-]+", name), (entry.id, name)
            assert name == unicodedata.normalize("NFKC", name).strip(), (entry.id, name)


def test_stop_words_are_not_names(by_name: dict[str, Entry]) -> None:
    stops = generic_words()
    assert len(stops) > 250
    assert {"政府", "国際機関", "ai", "インターネット"} <= stops
    assert not stops & {name.casefold() for name in by_name}


def test_data_files_are_sorted_without_duplicate_rows() -> None:
    for path in sorted(DATA_DIR.glob("*.tsv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
        section: list[str] = []
        for line in [*lines, "#"]:
            if line.startswith("#"):
                assert section == sorted(set(section)), (path.name, section)
                section = []
            else:
                section.append(line.split("\t")[0])


def test_country_abbreviations(entries: tuple[Entry, ...]) -> None:
    abbrevs = country_abbreviations()
    assert abbrevs["日"] == "日本" and abbrevs["米"] == "アメリカ" and abbrevs["韓"] == "韓国"
    countries = {entry.id for entry in entries if entry.type == "Country"}
    assert set(abbrevs.values()) <= countries
    assert all(len(abbrev) == 1 for abbrev in abbrevs)
    abbrevs["日"] = "changed"
    assert country_abbreviations()["日"] == "日本"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id\ttype\tnames\nX機構\tCompany\tX\n", "unknown type"),
        ("name\ttype\nX機構\tOrganization\n", "header"),
        ("id\ttype\tnames\nX機構\n", "tab-separated"),
        ("id\ttype\tnames\nアメリカ\tOrganization\t\n", "already defined"),
    ],
)
def test_bad_data_files_are_refused(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        _merge([*_country_rows(), *_read_typed(bad)])
