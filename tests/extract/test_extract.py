"""Extraction: real GiNZA on real Japanese sentences, and splitting under Sudachi's limit."""

from __future__ import annotations

import pytest

from kg.extract.ner import MAX_CHUNK_BYTES, chunk_bounds, find_spans
from kg.text.sentences import sentence_bounds


def test_sentence_bounds_split_after_japanese_full_stops():
    text = "総務省は発表した。JICTが支援する！次は？\n最後"
    pieces = [text[s:e] for s, e in sentence_bounds(text)]
    assert pieces == ["総務省は発表した。", "JICTが支援する！", "次は？", "最後"]


def test_sentence_bounds_keep_closing_brackets_with_their_sentence():
    text = "「合意した。」次の文。"
    assert [text[s:e] for s, e in sentence_bounds(text)] == ["「合意した。」", "次の文。"]


@pytest.mark.parametrize("sentence", ["日本と米国は協力する。", "あ" * 70_000, "日本、" * 20_000])
def test_chunks_stay_under_sudachi_limit_and_cover_the_text(sentence):
    text = sentence * (60_000 // len(sentence) + 1)
    pieces = chunk_bounds(text)
    assert all(len(text[s:e].encode("utf-8")) <= MAX_CHUNK_BYTES for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces) == text


def test_short_text_is_one_chunk():
    assert chunk_bounds("日本") == [(0, 2)]


@pytest.mark.ginza
def test_find_spans_on_real_sentences(nlp):
    texts = ["2023年5月に日米首脳会談が開催され、アメリカと協力する。", "総務省とOECDが議論した。"]
    spans = find_spans(texts)
    found = [{texts[i][s.start : s.end]: s.ene for s in group} for i, group in enumerate(spans)]
    assert found[0].get("アメリカ") == "Country"
    assert "総務省" in found[1] and "OECD" in found[1]


@pytest.mark.ginza
def test_find_spans_builds_a_paragraph_over_sudachis_limit(nlp):
    text = "日本はアメリカと協力する。" * 1_300  # 16,900 characters, 50,700 bytes: over 49,149
    (spans,) = find_spans([text])
    assert spans, "the long paragraph yields entities instead of a SudachiPy error"
    assert all(text[s.start : s.end] in ("日本", "アメリカ") for s in spans)


def test_batches_are_of_similar_size_and_a_long_text_gets_its_own():
    from kg.extract.ner import batches_of

    texts = ["短い。"] * 3 + ["長い文。" * 5_000] + ["短い。"] * 3
    batches = batches_of(texts, jobs=2)
    assert sorted(i for batch in batches for i in batch) == list(range(len(texts)))
    assert [3] in batches
    assert len(batches) >= 2
