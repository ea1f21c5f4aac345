"""Names the vault reads in one place, found where another block writes them with nothing for the model to read
them by (a table cell, a title after a common word, a katakana full name), and a model span across a list's slash."""

from __future__ import annotations

from dataclasses import replace

from kg.records import Block, Note, Span
from kg.resolve import resolve


def _block(text: str, kind: str = "paragraph", line: int = 1) -> Block:
    return Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=line,
                 line=line, kind=kind, text=text)


def _entities(*blocks: Block, spans: dict[str, tuple[Span, ...]] | None = None) -> dict[str, list[str]]:
    """Return entity id -> the surfaces of its mentions."""
    note = Note(path="n.md", title="n", blocks=blocks)
    return {e.id: [m.surface for m in e.mentions] for e in resolve([note], spans or {})}


def test_a_table_cell_that_is_wholly_a_name_the_vault_reads_elsewhere_is_a_mention_of_it():
    found = _entities(_block("北浜一郎氏が総裁選に出た。"), _block("北浜一郎", "table_cell", 2))
    assert found["北浜一郎"].count("北浜一郎") == 2


def test_a_table_cell_of_a_name_the_vault_never_reads_is_left_alone():
    found = _entities(_block("北浜一郎氏が総裁選に出た。"), _block("賛成", "table_cell", 2))
    assert list(found) == ["北浜一郎"]


def test_a_common_word_before_a_title_is_the_person_the_vault_names_with_a_strong_title():
    found = _entities(_block("グラス通商代表が来日した。"), _block("グラス代表は同席しなかった。", line=2))
    assert len(found["グラス"]) == 2


def test_a_common_word_before_a_weak_title_is_no_person_when_the_vault_names_none():
    assert "グラス" not in _entities(_block("グラス代表は同席しなかった。"))


def test_a_katakana_full_name_that_ends_in_a_persons_surname_is_that_person():
    found = _entities(_block("グラス通商代表が来日した。"), _block("ジョン・グラス", "table_cell", 2))
    assert {"グラス", "ジョン・グラス"} <= {s for surfaces in found.values() for s in surfaces}
    assert len([e for e, surfaces in found.items() if "グラス" in surfaces or "ジョン・グラス" in surfaces]) == 1


def test_a_one_kanji_surname_before_a_title_is_the_one_person_the_vault_names_in_full_with_it():
    found = _entities(_block("梅一郎官房長官が会見した。"), _block("梅官房長官は述べた。", line=2))
    assert found["梅一郎"] == ["梅一郎", "梅"]


def test_a_one_kanji_surname_two_people_of_the_vault_share_is_left_alone():
    found = _entities(_block("梅一郎官房長官と梅次郎外相が会見した。"), _block("梅官房長官は述べた。", line=2))
    assert "梅" not in {s for surfaces in found.values() for s in surfaces}


def test_a_model_span_across_a_slash_that_lists_sources_hides_none_of_them():
    text = "北浜新聞 / 外務省発表"
    span = Span(0, text.index("発表"), "Corporation_Other")
    assert "外務省" in _entities(_block(text), spans={text: (span,)})


def test_a_slash_inside_a_name_is_no_list():
    text = "北浜新聞/外務省発表"
    span = Span(0, text.index("発表"), "Corporation_Other")
    assert "外務省" not in _entities(_block(text), spans={text: (span,)})


def test_a_headed_name_the_vault_reads_in_one_sentence_is_found_alone_in_another():
    text = "この措置の根拠は港湾助成法である。"
    found = _entities(_block(text), _block("交付金をつくる港湾助成法と一緒に変わった。", line=2))
    assert found["港湾助成法"] == ["港湾助成法", "港湾助成法"]


def test_a_headed_name_inside_a_longer_name_is_left_to_it():
    text = "この措置の根拠は港湾助成法である。"
    found = _entities(_block(text), _block("新港湾助成法施行令が変わった。", line=2))
    assert found.get("港湾助成法") == ["港湾助成法"]


def test_common_words_before_a_katakana_head_are_a_kind_not_looked_for_elsewhere():
    # a bold phrase made 業務プロセス a node once; the other sentences write the kind of thing, no name
    spans = {"「業務プロセス」を見直す。": (Span(1, 7, "Show_Organization"),)}
    found = _entities(_block("「業務プロセス」を見直す。"), _block("業務プロセスを自動化する。", line=2), spans=spans)
    assert found["業務プロセス"] == ["業務プロセス"]
    spans = {"「北浜プロセス」を見直す。": (Span(1, 7, "Show_Organization"),)}
    found = _entities(_block("「北浜プロセス」を見直す。"), _block("北浜プロセスに加わる。", line=2), spans=spans)
    assert found["北浜プロセス"] == ["北浜プロセス", "北浜プロセス"]
