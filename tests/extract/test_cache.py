"""The NER cache: hits, misses after an edit, invalidation, recovery, and jobs that agree."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest

import kg.extract.ner
from kg.extract.cache import SpanCache
from kg.notes import read_vault
from kg.extract import ExtractOptions, spans_for
from kg.pipeline import make_options, run
from kg.records import Span

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "whitepaper_r06_ict_international.md"


def _note(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def counted(monkeypatch):
    """Replace NER with a cheap stand-in that records which texts it was asked for."""
    asked: list[str] = []

    def fake(texts, model="ja_ginza", keep=None, **_):
        asked.extend(texts)
        found = [(Span(0, 1, "Country", True),) for _ in texts]
        if keep is not None:
            keep(dict(zip(texts, found)))
        return found

    monkeypatch.setattr("kg.extract.spans.find_spans", fake)
    return asked


def test_hits_and_misses_after_an_edit(tmp_path, counted, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    vault = tmp_path / "vault"
    vault.mkdir()
    _note(vault, "a.md", "# A\n\n日本とアメリカ。\n\n中国と韓国。\n")
    _note(vault, "b.md", "# B\n\nフランス。\n")
    spans_for(read_vault([vault]))
    first = len(counted)
    assert first == 5  # headings "A" and "B" and three paragraphs
    spans_for(read_vault([vault]))
    assert len(counted) == first, "an unchanged vault asks NER for nothing"
    _note(vault, "a.md", "# A\n\n日本とアメリカ。\n\n中国とインド。\n")
    spans_for(read_vault([vault]))
    assert counted[first:] == ["中国とインド。"], "only the edited block goes to NER again"


def test_no_cache_always_runs_ner(tmp_path, counted, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    _note(tmp_path, "a.md", "日本。\n")
    spans_for(read_vault([tmp_path / "a.md"]), ExtractOptions(cache=False))
    spans_for(read_vault([tmp_path / "a.md"]), ExtractOptions(cache=False))
    assert counted == ["日本。", "日本。"]
    assert not (tmp_path / "cache").exists()


def test_another_salt_misses(tmp_path, monkeypatch):
    store = SpanCache(tmp_path / "c.sqlite3", "ja_ginza-5.3.0|splitter-1")
    store.put_many({"日本。": (Span(0, 2, "Country", True),)})
    assert store.get_many(["日本。"]) == {"日本。": (Span(0, 2, "Country", True),)}
    store.close()
    for salt in ("ja_ginza-5.4.0|splitter-1", "ja_ginza-5.3.0|splitter-2"):
        other = SpanCache(tmp_path / "c.sqlite3", salt)
        assert other.get_many(["日本。"]) == {}
        other.close()


@pytest.fixture
def model_loads(monkeypatch, nlp):
    """Count how often a build asks for the model (the real one, loaded once per session)."""
    loads: list[str] = []

    def counting(model="ja_ginza"):
        loads.append(model)
        return nlp

    monkeypatch.setattr(kg.extract.ner, "load_nlp", counting)
    return loads


@pytest.fixture
def edited_gazetteer(tmp_path, monkeypatch):
    """Point the gazetteer at a copy of the shipped files with one organisation added."""
    import shutil

    import kg.resolve.gazetteer as gazetteer

    folder = tmp_path / "gazetteer"
    shutil.copytree(gazetteer.DATA_DIR, folder)
    with (folder / "organizations.tsv").open("a", encoding="utf-8") as tsv:
        tsv.write("ホゲ研究会\tOrganization\tホゲ研\n")
    monkeypatch.setattr(gazetteer, "DATA_DIR", folder)
    monkeypatch.setattr(gazetteer, "COUNTRIES_FILE", folder / "countries.tsv")
    monkeypatch.setattr(gazetteer, "ABBREV_FILE", folder / "country_abbrev.tsv")
    gazetteer._shipped.cache_clear()
    gazetteer._abbreviations.cache_clear()
    yield folder
    gazetteer._shipped.cache_clear()
    gazetteer._abbreviations.cache_clear()


def test_a_kg_upgrade_keeps_the_cache(tmp_path, monkeypatch, model_loads):
    import kg

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    note = _note(tmp_path, "n.md", "# 協力\n\n総務省はOECDと協力する。\n")
    run([note], tmp_path / "out1", make_options(jobs=1))
    assert model_loads == ["ja_ginza"]
    monkeypatch.setattr(kg, "__version__", "99.0.0")
    run([note], tmp_path / "out2", make_options(jobs=1))
    assert model_loads == ["ja_ginza"], "upgrading kg threw the cached spans away"


def test_a_gazetteer_edit_keeps_the_cache_and_takes_effect(tmp_path, monkeypatch, model_loads, request):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    note = _note(tmp_path, "n.md", "# 協力\n\n総務省はホゲ研と協力する。\n")
    before, _ = run([note], tmp_path / "out1", make_options(jobs=1))
    assert model_loads == ["ja_ginza"]
    assert "ホゲ研究会" not in before.graph
    request.getfixturevalue("edited_gazetteer")
    after, _ = run([note], tmp_path / "out2", make_options(jobs=1))
    assert model_loads == ["ja_ginza"], "editing a gazetteer file threw the cached spans away"
    assert "ホゲ研究会" in after.graph, "resolution reran with the edited gazetteer"


@pytest.mark.parametrize("change", ["model", "splitter"])
def test_a_new_model_or_splitter_invalidates(tmp_path, monkeypatch, model_loads, change):
    import kg.extract.cache

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    note = _note(tmp_path, "n.md", "# 協力\n\n総務省はOECDと協力する。\n")
    run([note], tmp_path / "out1", make_options(jobs=1))
    run([note], tmp_path / "out2", make_options(jobs=1))
    assert model_loads == ["ja_ginza"]
    if change == "model":
        monkeypatch.setattr(kg.extract.ner, "model_version", lambda model="ja_ginza": f"{model}-0.0.1")
    else:
        monkeypatch.setattr(kg.extract.cache, "SPLITTER_VERSION", kg.extract.cache.SPLITTER_VERSION + 1)
    run([note], tmp_path / "out3", make_options(jobs=1))
    assert model_loads == ["ja_ginza", "ja_ginza"]


def test_corrupt_cache_is_rebuilt_with_a_warning(tmp_path):
    path = tmp_path / "ner-spans.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = SpanCache(path, "salt")
    assert len(store.problems) == 1 and "unreadable" in store.problems[0] and "rebuilt" in store.problems[0]
    store.put_many({"x": ()})
    assert store.get_many(["x"]) == {"x": ()}
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM spans").fetchone() == (1,)


def test_unchanged_rebuild_never_loads_the_model(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    note = _note(tmp_path, "n.md", "# 日米\n\n総務省とOECDが議論した。\n")
    run([note], tmp_path / "out1", make_options(jobs=1))

    def refuse(*_, **__):
        raise AssertionError("the model was loaded for an unchanged rebuild")

    monkeypatch.setattr(kg.extract.ner, "load_nlp", refuse)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run([note], tmp_path / "out2", make_options(jobs=1))
    assert (tmp_path / "out1/graph.graphml").read_bytes() == (tmp_path / "out2/graph.graphml").read_bytes()


@pytest.mark.ginza
def test_two_jobs_give_the_same_graph_byte_for_byte(tmp_path, monkeypatch, nlp):
    outputs = {}
    for jobs in (1, 2):
        monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / f"cache{jobs}"))
        run([SAMPLE], tmp_path / f"out{jobs}", make_options(jobs=jobs))
        outputs[jobs] = (tmp_path / f"out{jobs}" / "graph.graphml").read_bytes()
    assert outputs[1] == outputs[2]


def test_finished_batches_are_kept_when_a_later_one_fails(nlp):
    from kg.extract.ner import find_spans

    kept: dict = {}
    texts = ["日本とアメリカ。" * 400, "ドイツ。" * 900, "\ud800"]  # the last one cannot be encoded
    with pytest.raises(Exception):
        find_spans(texts, jobs=1, keep=kept.update)
    assert set(kept) == set(texts[:2])
