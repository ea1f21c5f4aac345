"""Rules of resolution that must hold on any text (issue 12), each with the case it handles and
the case it must leave alone. Spans are hand-made; word boundaries and tags are Sudachi's own."""

from __future__ import annotations

from kg.records import Block, Link, Note, Span
from kg.resolve import resolve


def _block(text: str, *, paragraph: int = 0, links: tuple[Link, ...] = (), note: str = "n.md") -> Block:
    return Block(note=note, heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=paragraph,
                 line=1, kind="paragraph", text=text, links=links)


def _note(*blocks: Block, title: str = "n", aliases: tuple[str, ...] = (), path: str = "n.md") -> Note:
    return Note(path=path, title=title, aliases=aliases, blocks=blocks)


def _span(text: str, surface: str, label: str) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label)


def _surfaces(entities) -> dict[str, str]:
    """Return surface -> entity id of every mention."""
    return {m.surface: e.id for e in entities for m in e.mentions}


def test_a_known_name_inside_a_longer_proper_word_is_no_mention():
    text = "日本製紙は日本橋に本社を置き、日本企業の日本人社員が働く。"
    found = _surfaces(resolve([_note(_block(text))], {}))
    # 日本製紙 and 日本橋 are words of their own; 日本企業 and 日本人 are common words about Japan
    assert found.get("日本") == "日本"
    mentions = [m for e in resolve([_note(_block(text))], {}) for m in e.mentions if e.id == "日本"]
    assert sorted(text[m.start : m.end] for m in mentions) == ["日本", "日本"]
    assert {m.start for m in mentions} == {text.index("日本企業"), text.index("日本人")}


def test_a_model_span_around_a_known_name_is_the_name_and_the_known_name_is_not():
    text = "東京新聞社が報じた。"
    entities = resolve([_note(_block(text))], {text: (_span(text, "東京新聞社", "Company"),)})
    assert _surfaces(entities) == {"東京新聞社": "東京新聞社"}


def test_a_country_before_an_organ_of_its_state_is_still_mentioned():
    text = "米国商務省が規則を公表し、日米首脳会談で議論された。"
    entities = resolve([_note(_block(text))], {text: (_span(text, "米国商務省", "Government"),)})
    found = _surfaces(entities)
    assert found["米国商務省"] == "米国商務省" and found["米国"] == "アメリカ"
    assert found["日"] == "日本" and found["米"] == "アメリカ"


def test_a_place_and_the_word_for_a_part_of_it_read_as_written_and_are_that_place():
    text = "台湾では中国本土のデモが報じられ、スペイン北部と札幌市内でも報じられた。"
    entities = resolve([_note(_block(text))], {text: (_span(text, "中国本土", "Country"),)})
    surfaces = _surfaces(entities)
    assert (surfaces["中国本土"], surfaces["スペイン北部"]) == ("中国", "スペイン")
    assert surfaces["札幌市内"] == surfaces.get("札幌市", surfaces["札幌市内"]) != "札幌市内"
    assert not {"中国本土", "スペイン北部", "札幌市内"} & {e.id for e in entities}


def test_model_spans_of_names_stay_and_phrases_of_common_words_go():
    text = "スペースX社とTicketmasterが提携し、郵政行政も変わった。"
    spans = {text: tuple(_span(text, s, "Company") for s in ("スペースX社", "Ticketmaster", "郵政行政"))}
    found = _surfaces(resolve([_note(_block(text))], spans))
    assert "スペースX社" in found and "Ticketmaster" in found
    assert "郵政行政" not in found


def test_the_surface_is_the_text_the_mention_covers():
    text = "第87回全国高等学校サッカー選手権大会に出場した。1964年東京オリンピックも見た。"
    spans = {text: (_span(text, "第87回全国高等学校サッカー選手権大会", "Conference"),
                    _span(text, "1964年東京オリンピック", "Event_Other"))}
    found = _surfaces(resolve([_note(_block(text))], spans))
    assert "第87回全国高等学校サッカー選手権大会" in found
    assert "1964年東京オリンピック" in found  # a year in front does not make a name a date


def test_an_abbreviation_binds_to_the_whole_name_before_the_parenthesis():
    text = "インドネシアの国営銀行バンク・ネガラ・インドネシア（BNI）は提携した。BNIは大手だ。インドネシアは成長している。"
    entities = resolve([_note(_block(text))], {text: (_span(text, "バンク・ネガラ・インドネシア", "Company"),)})
    found = {a: e for e in entities for a in e.aliases}
    assert found["BNI"] is found["バンク・ネガラ・インドネシア"] is not found["インドネシア"]
    assert found["BNI"].type == "Organization"
    assert found["インドネシア"].label == "インドネシア"
    assert "BNI" not in found["インドネシア"].aliases


def test_a_defined_item_of_a_list_keeps_its_known_abbreviation():
    text = "国連総会第二委員会・経済社会理事会（ECOSOC）で議論した。"
    found = {a: e for e in resolve([_note(_block(text))], {}) for a in e.aliases}
    assert "国連総会第二委員会・経済社会理事会" not in found


def test_a_link_to_a_note_that_is_no_entity_makes_no_name():
    link_text = "[[設定|アカウント]]を作る。"
    text = "アカウントを作る。アカウントは一つ。"
    block = _block(text, links=(Link(0, 5, "設定", wiki=True),))
    settings = _note(_block("画面の説明。", note="設定.md"), title="設定", aliases=("設定画面",), path="設定.md")
    entities = resolve([_note(block), settings], {})
    assert entities == [], link_text


def test_an_entity_note_becomes_the_node_of_its_entity_with_its_aliases():
    text = "経済協力開発機構は統計を出す。"
    oecd = _note(_block(text, note="経済協力開発機構.md"), title="経済協力開発機構",
                 aliases=("Organisation for Economic Co-operation and Development",), path="経済協力開発機構.md")
    other = "詳しくはOECDを見る。"
    link = _block(other, links=(Link(other.index("OECD"), other.index("OECD") + 4, "経済協力開発機構", wiki=True),))
    entities = resolve([oecd, _note(link)], {})
    assert len(entities) == 1
    assert {"経済協力開発機構", "OECD", "Organisation for Economic Co-operation and Development"} <= set(entities[0].aliases)


def test_one_defining_mention_never_relabels_a_node_the_text_names_often():
    text = "国際連合（UN）は" + "国際連合が動いた。" * 6
    entity = next(e for e in resolve([_note(_block(text))], {}) if "UN" in e.aliases)
    assert entity.label != "UN"
    few = "国際連合（UN）はUNとしてUNを運営する。"
    assert next(e for e in resolve([_note(_block(few))], {}) if "UN" in e.aliases).label == "UN"


def test_a_surname_joins_the_full_name_in_the_same_note_only():
    text = "上川陽子外務大臣が演説した。上川は支援を表明した。ジャスティン・トルドー首相も来た。トルドーは話した。"
    spans = {text: (_span(text, "上川陽子", "Person"), Span(text.index("上川は"), text.index("上川は") + 2, "Person"),
                    _span(text, "ジャスティン・トルドー", "Person"), Span(text.rindex("トルドー"), text.rindex("トルドー") + 4, "Person"))}
    other = "上川氏は別の人。"
    spans[other] = (Span(0, 2, "Person"),)
    entities = resolve([_note(_block(text)), _note(_block(other, note="m.md"), path="m.md")], spans)
    by_id = {e.id: sorted(m.surface for m in e.mentions) for e in entities}
    assert by_id["上川陽子"] == ["上川", "上川陽子"]
    assert by_id["ジャスティン・トルドー"] == ["ジャスティン・トルドー", "トルドー"]
    assert by_id["上川"] == ["上川"]  # another note: no full name to join


def test_two_editions_of_a_meeting_are_two_nodes():
    text = "第77回世界保健総会と第75回世界保健総会で議論した。"
    spans = {text: (_span(text, "第77回世界保健総会", "Conference"), _span(text, "第75回世界保健総会", "Conference"))}
    assert len(resolve([_note(_block(text))], spans)) == 2
