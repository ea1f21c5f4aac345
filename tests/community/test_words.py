"""Distinctive words: Sudachi's nouns and compound nouns, and c-TF-IDF as BERTopic computes it."""

from __future__ import annotations

import math
from collections import Counter

from kg.community.words import c_tf_idf, kept, stop_words, terms


def words_of(text: str, names: list[str] = ()) -> list[str]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return terms(text, 0, len(text), spans)


def test_nouns_and_the_compounds_they_make_are_words():
    found = words_of("水産庁は排他的経済水域での海洋資源管理を強化する。")
    assert {"海洋", "資源", "管理", "海洋資源管理", "排他的経済水域"} <= set(found)
    assert "は" not in found and "する" not in found


def test_a_mention_is_no_word_and_breaks_a_compound():
    found = words_of("日本政府代表団が到着した。", names=["日本"])
    assert not any("日本" in w for w in found)
    assert "政府代表団" in found


def test_a_counter_after_a_number_opens_no_compound():
    found = words_of("NASAは有人月面着陸を2026年以降に延期した。その後、10か国が署名した。")
    assert "有人月面着陸" in found
    assert not any(w.startswith(("年", "か国")) for w in found)
    assert "後" not in found


def test_stop_words_names_digits_and_function_nouns_are_left_out():
    names = frozenset({"jaxa"})
    assert kept(["こと", "JAXA", "2024", "ほか", "and", "月面", "EEZ", "場合"], names) == ["月面", "EEZ"]
    assert {"こと", "場合", "政府"} <= stop_words()  # stop_words.txt and stop_generic.txt


def test_a_readers_marks_on_the_notes_are_no_words_of_the_topic():
    found = kept(words_of("港湾整備の予算は増額された（要確認）。追記：漁港の補修も。"), frozenset())
    assert {"港湾整備", "漁港", "補修"} <= set(found)
    assert not {"要確認", "確認", "追記"} & set(found)


def test_c_tf_idf_is_bertopics_formula():
    counts = {0: Counter({"漁獲": 3, "資源": 1}), 1: Counter({"月面": 2, "資源": 2})}
    weights = c_tf_idf(counts)
    average = int((4 + 4) / 2)  # words per class, as an integer, as BERTopic takes it
    frequency = {"漁獲": 3, "資源": 3, "月面": 2}
    for c, found in counts.items():
        total = sum(found.values())
        for word, n in found.items():
            assert weights[c][word] == round(n / total * math.log(1 + average / frequency[word]), 6)
    # a word that only one class holds weighs more there than a word both hold as often
    assert weights[1]["月面"] > weights[1]["資源"]


def test_a_class_without_words_has_no_weights():
    # the one class with words holds one word once: average 1, frequency 1
    assert c_tf_idf({0: Counter(), 1: Counter({"月面": 1})}) == {0: {}, 1: {"月面": round(math.log(2), 6)}}
