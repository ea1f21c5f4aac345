"""Rules of resolution that must hold on any text (issue 12), each with the case it handles and
the case it must leave alone. Spans are hand-made; word boundaries and tags are Sudachi's own."""

from __future__ import annotations

import pytest

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


def _found(text: str) -> dict[str, str]:
    """Return label -> type of the entities of one block of text, without model spans."""
    return {e.label: e.type for e in resolve([_note(_block(text))], {})}


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


@pytest.mark.parametrize(("text", "country"), [
    ("仏航空安全局（BAS）が調べた。", "フランス"),  # 仏 a word of its own before the body the notes define
    ("仏教会（BKK）が調べた。", None),  # 仏 inside the word 仏教
])
def test_a_countrys_letter_opening_a_known_bodys_name_is_a_mention_of_the_country(text, country):
    assert _surfaces(resolve([_note(_block(text))], {})).get(text[0]) == country


def test_a_place_and_the_word_for_a_part_of_it_read_as_written_and_are_that_place():
    text = "台湾では中国本土のデモが報じられ、スペイン北部と札幌市内でも報じられた。"
    entities = resolve([_note(_block(text))], {text: (_span(text, "中国本土", "Country"),)})
    surfaces = _surfaces(entities)
    # 本土 is the whole of the place, no part of it: the mention reads the place's name (role around)
    assert (surfaces["中国"], surfaces["スペイン北部"]) == ("中国", "スペイン") and "中国本土" not in surfaces
    assert surfaces["札幌市内"] == surfaces.get("札幌市", surfaces["札幌市内"]) != "札幌市内"
    assert not {"中国本土", "スペイン北部", "札幌市内"} & {e.id for e in entities}


def test_model_spans_of_names_stay_and_phrases_of_common_words_go():
    text = "スペースX社とTicketmasterが提携し、郵政行政も変わった。"
    spans = {text: tuple(_span(text, s, "Company") for s in ("スペースX社", "Ticketmaster", "郵政行政"))}
    found = _surfaces(resolve([_note(_block(text))], spans))
    assert "スペースX社" in found and "Ticketmaster" in found
    assert "郵政行政" not in found


def test_a_number_in_a_model_span_of_common_words_makes_no_name_unless_it_numbers_one_thing():
    text = "WHOは気候変動を「21世紀最大の健康上の脅威」と位置付け、安保理決議第2712号を採択した。"
    spans = {text: (_span(text, "21世紀最大の健康上の脅威", "Occasion_Other"), _span(text, "安保理決議第2712号", "Plan"))}
    found = _surfaces(resolve([_note(_block(text))], spans))
    assert "21世紀最大の健康上の脅威" not in found  # 21 is a word the dictionary lacks, but a number
    assert "安保理決議第2712号" in found  # after 第, the number of one document


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


def test_a_surname_joins_the_one_full_name_of_the_note_or_else_of_the_vault():
    text = "上川陽子外務大臣が演説した。上川は支援を表明した。ジャスティン・トルドー首相も来た。トルドーは話した。"
    spans = {text: (_span(text, "上川陽子", "Person"), Span(text.index("上川は"), text.index("上川は") + 2, "Person"),
                    _span(text, "ジャスティン・トルドー", "Person"), Span(text.rindex("トルドー"), text.rindex("トルドー") + 4, "Person"))}
    later = "上川氏は別の会合でも演説した。"
    spans[later] = (Span(0, 2, "Person"),)
    entities = resolve([_note(_block(text)), _note(_block(later, note="m.md"), path="m.md")], spans)
    by_id = {e.id: sorted(m.surface for m in e.mentions) for e in entities}
    assert by_id["上川陽子"] == ["上川", "上川", "上川陽子"]  # the later note names no one else 上川
    assert by_id["ジャスティン・トルドー"] == ["ジャスティン・トルドー", "トルドー"]


def test_a_surname_two_full_names_of_the_vault_share_stays_its_own_node():
    first, second, later = "上川陽子外務大臣が演説した。", "上川太郎氏が質問した。", "上川氏が答えた。"
    spans = {first: (_span(first, "上川陽子", "Person"),), second: (_span(second, "上川太郎", "Person"),),
             later: (Span(0, 2, "Person"),)}
    notes = [_note(_block(t, note=f"{i}.md"), path=f"{i}.md") for i, t in enumerate((first, second, later))]
    by_id = {e.id: sorted(m.surface for m in e.mentions) for e in resolve(notes, spans)}
    assert by_id["上川"] == ["上川"]
    assert by_id["上川陽子"] == ["上川陽子"] and by_id["上川太郎"] == ["上川太郎"]


def test_two_editions_of_a_meeting_are_two_nodes():
    text = "第77回世界保健総会と第75回世界保健総会で議論した。"
    spans = {text: (_span(text, "第77回世界保健総会", "Conference"), _span(text, "第75回世界保健総会", "Conference"))}
    assert len(resolve([_note(_block(text))], spans)) == 2


def _types(entities) -> dict[str, str]:
    """Return entity id -> type."""
    return {e.id: e.type for e in entities}


def test_a_noun_run_ending_in_a_head_with_a_proper_word_is_one_name():
    text = "イスラエル陸軍は東京国際マラソンの日に桂川電力と紫尾山で演習し、地方選挙と国際会議は延期された。"
    found = _surfaces(resolve([_note(_block(text))], {text: (_span(text, "イスラエル", "Country"),)}))
    assert {"イスラエル陸軍", "東京国際マラソン", "桂川電力", "紫尾山"} <= set(found)
    assert not {"イスラエル", "東京", "地方選挙", "国際会議"} & set(found)


def test_a_facility_makes_no_node_but_hides_the_place_inside_it():
    text = "東京ドームで試合があり、東京の人が集まった。"
    entities = resolve([_note(_block(text))], {})
    assert [m.surface for e in entities for m in e.mentions] == ["東京"]


def test_an_address_is_one_mention_of_its_last_place_and_countries_in_a_row_are_a_list():
    text = "兵庫県加古郡播磨町に住み、タイ米国両国と取引する。"
    surfaces = _surfaces(resolve([_note(_block(text))], {}))
    assert surfaces["兵庫県加古郡播磨町"] == "播磨町"
    assert "タイ米国" not in surfaces


def test_proper_words_the_model_misses_are_organisations_or_places_but_not_software_or_common_compounds():
    text = "第一三共とクボタは御嶽山の麓でWindowsを使い、郵便事業を論じた。"
    types = _types(resolve([_note(_block(text))], {}))
    assert (types["第一三共"], types["クボタ"], types["御嶽山"]) == ("Organization", "Organization", "Region")
    assert not {"Windows", "郵便事業"} & set(types)


def test_a_name_runs_on_past_where_the_model_stopped():
    text = "アンジェSCO戦の後、ユナイテッド航空とシカゴ・ホワイトソックスの選手が耳川の戦いを調べた。"
    spans = tuple(_span(text, s, label) for s, label in
                  (("アンジェ", "Person"), ("ユナイテッド", "Company"), ("シカゴ", "City"), ("耳川", "Person")))
    found = _surfaces(resolve([_note(_block(text))], {text: spans}))
    assert {"アンジェSCO", "ユナイテッド航空", "シカゴ・ホワイトソックス", "耳川の戦い"} <= set(found)
    assert not {"アンジェ", "ユナイテッド", "シカゴ", "耳川", "SCO"} & set(found)


def test_a_name_that_is_no_word_of_its_own_is_no_mention():
    text = "全日本選手権の後、ドイツ語で内閣総理大臣が話し、日本人と日本企業が聞いた。"
    found = set(_surfaces(resolve([_note(_block(text))], {})))
    assert "日本" in found  # 日本人, 日本企業: common words that hold the name still name it
    assert not {"ドイツ", "内閣"} & found
    assert [m.surface for e in resolve([_note(_block("全日本選手権"))], {}) for m in e.mentions] == []


def test_an_organisation_before_a_word_for_its_members_is_mentioned():
    # 参議院議員 and 衆議院議員 are one common word each, 民主党員 a party and a suffix
    text = "参議院議員と衆議院議員が民主党員とともに来た。"
    found = _surfaces(resolve([_note(_block(text))], {}))
    assert {"参議院", "衆議院", "民主党"} <= set(found)
    # a word for an office is no member: 内閣 of 内閣総理大臣 stays no mention
    assert "内閣" not in _surfaces(resolve([_note(_block("内閣総理大臣が来た。"))], {}))


def test_a_party_named_by_common_words_is_a_name_but_other_compounds_of_common_words_are_not():
    # the model reads 民主党 as a position: a label kg has no type for decides nothing
    text = "民主党は自由党と組み、郵便事業を論じた。"
    types = _types(resolve([_note(_block(text))], {text: (_span(text, "民主党", "Position_Vocation"),)}))
    assert (types.get("民主党"), types.get("自由党")) == ("Organization", "Organization")
    assert "郵便事業" not in types


def test_a_place_the_model_calls_a_country_is_a_region_unless_it_is_one():
    text = "東京都芝で生まれ、スペインに渡った。"
    spans = (_span(text, "東京都芝", "Country"), _span(text, "スペイン", "Country"))
    types = _types(resolve([_note(_block(text))], {text: spans}))
    # an address: it names its last place, 芝
    assert (types["芝"], types["スペイン"]) == ("Region", "Country")


def test_a_name_with_a_proper_head_is_one_before_a_word_of_time():
    # no model span: the head 大戦 makes the name, and 中 or 時 after it only place a time
    for text in ("第一次世界大戦中に発展した。", "第一次世界大戦時の軍人。", "第一次世界大戦が起こった。"):
        assert list(_surfaces(resolve([_note(_block(text))], {}))) == ["第一次世界大戦"]


def test_a_date_before_a_name_and_an_era_year_after_it_are_no_part_of_it():
    # the suffix 日 of 19日 is the day, not Japan; 平成 before 21年 dates the ministry's programme
    text = "4月19日中国中央テレビが報じ、経済産業省平成21年度の事業を評価した。"
    found = _surfaces(resolve([_note(_block(text))], {}))
    assert {"中国中央テレビ", "経済産業省"} <= set(found)
    assert not {"日中国中央テレビ", "経済産業省平成"} & set(found)
    # a proper word with no year after it still runs on (東京ヴェルディ)
    assert "東京ヴェルディ" in _surfaces(resolve([_note(_block("東京ヴェルディが勝った。"))], {}))


def test_a_person_span_must_look_like_a_persons_name():
    text = "リポーターの根岸、プレジデントのジョン・F・ケネディ、打率.341の選手とナイジェリア国営石油会社（NNPC）が来た。"
    spans = tuple(_span(text, s, "Person") for s in ("リポーター", "根岸", "プレジデント", "ジョン・F", "打率.341", "NNPC"))
    types = _types(resolve([_note(_block(text))], {text: spans}))
    assert {"根岸", "ジョン・F・ケネディ"} <= set(types)
    assert not {"リポーター", "プレジデント", "打率.341"} & set(types)
    assert types["NNPC"] != "Person"


def test_a_former_occupation_is_no_person_but_a_surname_opening_with_its_prefix_is():
    # 元プロ is one proper noun to the dictionary, and ボクサー a common one: a past job, no name
    text = "元プロボクサーの北浜一郎さんと前田花子さんが来た。"
    spans = tuple(_span(text, s, "Person") for s in ("元プロボクサー", "前田花子"))
    types = _types(resolve([_note(_block(text))], {text: spans}))
    assert "元プロボクサー" not in types and types["前田花子"] == "Person"


def test_model_spans_lose_descriptions_times_and_lists_but_keep_legal_forms():
    text = "首都ベオグラードの株式会社ベクトルは第二次世界大戦後に東京電力ホールディングスと中部電力に売った。"
    spans = tuple(_span(text, s, label) for s, label in (("首都ベオグラード", "City"), ("株式会社ベクトル", "Company"),
                  ("第二次世界大戦後", "War"), ("東京電力ホールディングスと中部電力", "Company")))
    found = set(_surfaces(resolve([_note(_block(text))], {text: spans})))
    assert {"ベオグラード", "株式会社ベクトル", "第二次世界大戦"} <= found
    assert not {"首都ベオグラード", "第二次世界大戦後", "東京電力ホールディングスと中部電力"} & found


def test_a_person_span_inside_a_word_of_the_dictionary_is_read_without_failing():
    # Sudachi reads 田中前 as one word, so the model's 田中 holds no whole word
    text = "田中前総裁は会見した。"
    resolve([_note(_block(text))], {text: (_span(text, "田中", "Person"),)})


def test_a_model_span_loses_the_word_that_sets_it_apart_from_the_rest():
    # 以外 after a name reads the name (the keyboard of the US is named), like a time word
    text = "US以外の配列とEU以外の国では、以外な結果が出た。"
    spans = (_span(text, "US以外", "Company"), _span(text, "EU以外", "International_Organization"))
    found = set(_surfaces(resolve([_note(_block(text))], {text: spans})))
    assert {"US", "EU"} <= found
    assert not {"US以外", "EU以外"} & found


def test_an_acronym_is_a_name_only_when_the_dictionary_kg_or_the_notes_know_it():
    text = "HTMLとCSVの仕様をNHKが報じ、国際電気通信連合（ITU）と日本郵便機構（JPX）も見た。"
    spans = tuple(_span(text, s, "Company") for s in ("HTML", "CSV", "NHK", "ITU", "JPX"))
    found = set(_surfaces(resolve([_note(_block(text))], {text: spans})))
    assert {"NHK", "ITU", "JPX"} <= found and not {"HTML", "CSV"} & found


def test_parentheses_bind_former_names_short_forms_and_other_writings():
    text = ("ニップン（旧・日本製粉）と、メキシコ石油公社（ペメックス、PEMEX）と、ブラジル（伯剌西爾）と、"
            "アメリカのインフレ削減法（IRA）と、アフリカ緑の革命のための同盟（AGRA）がある。"
            "日本製粉、ペメックス、伯剌西爾、IRA、AGRAの順に書いた。")
    surfaces = _surfaces(resolve([_note(_block(text))], {text: (_span(text, "ニップン", "Company"),)}))
    assert surfaces["日本製粉"] == surfaces["ニップン"]
    assert surfaces["ペメックス"] == surfaces["PEMEX"] == surfaces["メキシコ石油公社"]
    assert surfaces["伯剌西爾"] == surfaces["ブラジル"]
    assert surfaces["IRA"] == surfaces["インフレ削減法"] and surfaces["AGRA"] == surfaces["アフリカ緑の革命のための同盟"]


def test_a_country_with_daihyo_is_the_country_unless_it_is_a_persons_surname_in_the_note():
    text = "日本代表が勝った。キャサリン・タイ通商代表と会談し、タイ代表は日本を評価した。"
    spans = (_span(text, "キャサリン・タイ", "Person"),)
    entities = resolve([_note(_block(text))], {text: spans})
    surfaces = _surfaces(entities)
    assert surfaces["日本代表"] == "日本"
    assert surfaces["タイ代表"] == surfaces["キャサリン・タイ"] == "キャサリン・タイ"


def test_a_year_written_before_an_event_names_its_edition_and_no_arm_is_a_name():
    text = "2010 FIFAワールドカップに出場し、ザ コカ・コーラ カンパニーの日本法人に入った。"
    found = set(_surfaces(resolve([_note(_block(text))], {})))
    assert "2010 FIFAワールドカップ" in found and "FIFAワールドカップ" not in found
    assert "日本" in found and "日本法人" not in found


def test_an_entity_notes_title_labels_its_node_when_the_notes_never_write_the_label():
    news = _note(_block("英国の首相が来日した。", note="d.md"), path="d.md")
    entity_note = _note(_block("欧州の島国。", note="英国.md"), title="英国", aliases=("UK",), path="英国.md")
    labels = {e.id: e.label for e in resolve([news, entity_note], {})}
    assert labels["イギリス"] == "英国"  # the gazetteer's canonical name, which no note writes
    assert {e.id: e.label for e in resolve([news], {})}["イギリス"] == "イギリス"  # no entity note: as before


def test_an_entity_notes_title_leaves_a_label_the_notes_write():
    news = _note(_block("イギリスと英国は同じ国だ。", note="d.md"), path="d.md")
    entity_note = _note(_block("欧州の島国。", note="英国.md"), title="英国", aliases=("UK",), path="英国.md")
    assert {e.id: e.label for e in resolve([news, entity_note], {})}["イギリス"] == "イギリス"


def test_a_person_s_entity_note_is_labelled_by_the_name_not_by_an_alias_with_a_title():
    from kg.notes.note import parse_note

    news, _ = parse_note("[[森野一郎|森野経済再生相]]は訪米した。森野大臣は協議に臨んだ。\n", "d.md")
    entity_note, _ = parse_note("---\naliases: [森野大臣, 森野経済再生相]\n---\n# 森野一郎\n\n衆議院議員。\n", "森野一郎.md")
    spans = {"森野一郎": (Span(0, 4, "Person"),)}  # the title heading, as the model reads a full name
    (person,) = [e for e in resolve([news, entity_note], spans) if "森野大臣" in e.aliases]
    assert person.label == "森野一郎"


def test_an_entity_note_s_title_labels_its_entity_over_a_longer_alias():
    from kg.notes.note import parse_note

    # made-up names: the note about a law lists its amended form among its aliases, and the news names both
    news, _ = parse_note("改正北海自治法が成立した。北海自治法は1950年に施行された。\n", "d.md")
    entity_note, _ = parse_note("---\naliases: [改正北海自治法, 自治法]\n---\n# 北海自治法\n\n北海道の法律。\n",
                                "北海自治法.md")
    (law,) = [e for e in resolve([news, entity_note], {}) if "改正北海自治法" in e.aliases]
    assert law.label == "北海自治法"
    # an acronym the note lists still labels it (a body known by its letters)
    body, _ = parse_note("---\naliases: [NKKT]\n---\n# 北海交通機構\n\nNKKTが設立された。北海交通機構は拡大した。\n",
                         "北海交通機構.md")
    assert any(e.label == "NKKT" for e in resolve([body], {}))


@pytest.mark.parametrize(
    ("text", "label", "forms"),
    [
        ("熊本県菊陽町にあるJASM（Japan Advanced Semiconductor Manufacturing）の工場。", "JASM",
         {"JASM", "Japan Advanced Semiconductor Manufacturing"}),  # an abbreviation after a clause is whole
        ("NASA（米航空宇宙局、National Aeronautics and Space Administration）が主導する。", "NASA",
         {"NASA", "National Aeronautics and Space Administration"}),  # the expansion among several names
        ("中国海警局（China Coast Guard）の船が確認された。", "中国海警局", {"中国海警局", "China Coast Guard"}),
    ],
)
def test_a_parenthesis_defines_the_english_name_of_the_name_before_it(text, label, forms):
    spans = {text: (_span(text, label, "Company"),)}  # the model finds the name the parenthesis follows
    entity = next(e for e in resolve([_note(_block(text))], spans) if forms & set(e.aliases))
    assert entity.label == label and forms <= set(entity.aliases) | {entity.label}


def test_an_english_gloss_of_a_common_phrase_defines_nothing():
    entities = resolve([_note(_block("食料安全保障（food security）を強化する。"))], {})
    assert not any("food security" in e.aliases for e in entities)


def test_a_place_in_parentheses_is_where_the_thing_is_not_its_name():
    text = "URC2023（ロンドン）は英国とウクライナが共催した。"
    entities = resolve([_note(_block(text))], {text: (_span(text, "URC2023", "Conference"),)})
    assert not any({"URC2023", "ロンドン"} <= {e.label, *e.aliases} for e in entities)
    country = "中華人民共和国（中国）は"
    assert len([e for e in resolve([_note(_block(country))], {}) if e.type == "Country"]) == 1
    city = "URC2025（ペルー・ノルダ）は英国とウクライナが共催した。"  # a country and a city in it
    entities = resolve([_note(_block(city))], {city: (_span(city, "URC2025", "Conference"),)})
    assert not any({"URC2025", "ペルー・ノルダ"} <= {e.label, *e.aliases} for e in entities)
    listed = "太平洋同盟（PA・ノルダ）は会合を開いた。"  # no country before the ・: left to the other rules
    assert any("太平洋同盟" in {e.label, *e.aliases} for e in resolve([_note(_block(listed))], {}))


def test_a_noun_in_hiragana_inside_a_name_belongs_to_the_name_its_parenthesis_defines():
    text = "中西部太平洋まぐろ類委員会（WCPFC）と全米熱帯まぐろ類委員会（IATTC）が合同で管理する。"
    by_alias = {a: e.id for e in resolve([_note(_block(text))], {}) for a in e.aliases}
    assert by_alias["WCPFC"] == by_alias["中西部太平洋まぐろ類委員会"]
    assert by_alias["IATTC"] == by_alias["全米熱帯まぐろ類委員会"] != by_alias["WCPFC"]


def test_a_place_among_short_forms_in_parentheses_is_where_the_body_is():
    text = "ReCAAP情報共有センター（ISC、シンガポール）が情報を集める。"
    by_alias = {a: e.id for e in resolve([_note(_block(text))], {}) for a in e.aliases}
    assert by_alias["ISC"] == by_alias["ReCAAP情報共有センター"] != by_alias["シンガポール"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("トヨタは愛知県豊田市に本社を置く。", "豊田市"),  # one word of the dictionary
        ("工場は熊本県菊陽町にある。", "菊陽町"),  # two words
    ],
)
def test_an_address_names_its_last_place(text, place):
    assert place in {e.id for e in resolve([_note(_block(text))], {}) if e.type == "Region"}


def test_a_katakana_reading_after_a_persons_name_is_another_name_of_that_person():
    text = "韓国の李在明（イ・ジェミョン）大統領が来日した。イ・ジェミョン氏は会見した。"
    spans = {text: (_span(text, "李在明", "Person"),)}
    people = [e for e in resolve([_note(_block(text))], spans) if e.type == "Person"]
    assert len(people) == 1 and {"李在明", "イ・ジェミョン"} <= set(people[0].aliases)


def test_a_two_part_reading_after_a_korean_name_the_dictionary_cuts_is_another_name_of_that_person():
    text = "韓国の朴喆洙（パク・チョルス）大使が来日した。パク・チョルス大使は会見した。"
    people = [e for e in resolve([_note(_block(text))], {}) if e.type == "Person"]
    assert len(people) == 1 and {"朴喆洙", "パク・チョルス"} <= set(people[0].aliases)


def test_a_reading_after_a_place_that_opens_with_no_surname_names_no_person():
    text = "ソウルの光化門（クァン・ファムン）広場に人が集まった。"
    assert "Person" not in {e.type for e in resolve([_note(_block(text))], {})}


def test_a_surname_that_is_a_countrys_one_kanji_form_is_read_with_its_title():
    text = "韓明洙（ハン・ミョンス）首相が来日した。日韓の協議で、韓首相は発言した。"
    by_alias = {a: e for e in resolve([_note(_block(text))], {}) for a in e.aliases}
    assert by_alias["韓首相"].id == "韓明洙" and by_alias["韓"].type == "Country"


def test_a_surname_that_is_no_countrys_form_stays_bare():
    text = "趙明洙（チョ・ミョンス）長官が来日した。日韓の協議で、趙長官は発言した。"
    by_alias = {a: e.id for e in resolve([_note(_block(text))], {}) for a in e.aliases}
    assert by_alias["趙"] == "趙明洙"


def test_an_english_phrase_that_spells_out_an_abbreviation_is_no_node():
    text = "Maritime Domain Awareness の略。海洋状況把握のこと。"
    spans = {text: (_span(text, "Maritime Domain", "Person"),)}
    assert resolve([_note(_block(text))], spans) == []


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("1970年の日本万国博覧会（大阪万博）を開いた。", {"日本万国博覧会", "大阪万博"}),  # a short name by its place
        ("### 5.1 国際交流基金（JF）", {"国際交流基金", "JF"}),  # the section's number is no part of the name
        ("日本は第9回アフリカ開発会議（TICAD 9）を共催した。", {"第9回アフリカ開発会議", "TICAD 9"}),
        ("万博特措法（平成三十七年に開催される国際博覧会の準備及び運営のために必要な特別措置に関する法律）が成立した。",
         {"万博特措法", "平成三十七年に開催される国際博覧会の準備及び運営のために必要な特別措置に関する法律"}),
    ],
)
def test_a_parenthesis_gives_another_name_of_the_name_before_it(text, forms):
    assert any(forms <= set(e.aliases) for e in resolve([_note(_block(text))], {}))


def test_an_organ_in_parentheses_is_no_short_name_of_its_body():
    text = "国際協力機構（調整委員会）が開かれた。"
    assert not any({"国際協力機構", "調整委員会"} <= set(e.aliases) for e in resolve([_note(_block(text))], {}))


@pytest.mark.parametrize("text", ["JxhnnyUt8h（ロシア語）の解説。", "Defuddle（MIT License）で配布される。"])
def test_a_language_or_a_licence_in_parentheses_is_no_other_name(text):
    spans = {text: (Span(0, text.index("（"), "Company"),)}
    assert not any(len(e.aliases) > 1 for e in resolve([_note(_block(text))], spans))


def test_a_surname_joins_no_name_that_goes_on_in_katakana():
    text = "石破茂が勝った。市場は石破ショックに揺れた。石破氏は会見した。"
    spans = {text: (_span(text, "石破茂", "Person"), _span(text, "石破ショック", "Person"))}
    by_id = {e.id: sorted(m.surface for m in e.mentions) for e in resolve([_note(_block(text))], spans)}
    assert by_id["石破茂"] == ["石破", "石破茂"]


def test_a_katakana_name_joined_to_katakana_that_names_nothing_is_part_of_a_longer_name():
    text = "兄はツール・ド・フランスに出て、ベルリン・フィルとも共演し、フランス・ドイツを回った。"
    entities = resolve([_note(_block(text))], {})
    starts = sorted(m.start for e in entities for m in e.mentions if m.surface in ("フランス", "ベルリン", "ドイツ"))
    # フランス of ツール・ド・フランス and ベルリン of ベルリン・フィル are words of longer names; the list of two
    # countries joined by ・ names both
    assert starts == [text.rindex("フランス"), text.index("ドイツ")]


def test_a_place_inside_a_span_the_model_labels_a_facility_is_no_mention():
    text = "北京地下鉄の新線が開業し、北京の人口は増えた。"
    spans = {text: [_span(text, "北京地下鉄", "Railroad")]}
    mentions = [m for e in resolve([_note(_block(text))], spans) for m in e.mentions if m.surface == "北京"]
    # the first 北京 is a word of the railway's name; the second is the city
    assert [m.start for m in mentions] == [text.rindex("北京")]
    # a longer span of another kind leaves the place alone: ドイツ人 is about Germany
    other = "ドイツ人の技師が来日した。"
    assert "ドイツ" in _surfaces(resolve([_note(_block(other))], {other: [_span(other, "ドイツ人", "Nationality")]}))


def test_a_place_s_bare_name_before_a_plant_s_unit_or_restart_names_the_plant():
    text = "北浜と南浦の再稼働が続いた。北浜3号機は止まった。南浦市の人口は減った。"
    spans = {text: [_span(text, "北浜", "Province"), _span(text, "南浦", "Province"), _span(text, "南浦市", "City")]}
    found = _surfaces(resolve([_note(_block(text))], spans))
    # the plants by their place, a list and a unit (facilities, no node); the city with its 市 is the place
    assert "北浜" not in found and "南浦" not in found and "南浦市" in found


def test_a_station_and_the_ends_of_a_line_s_section_are_no_places():
    text = "北浜線の北浜―南浦はバス転換された。南浦駅前の店と南浦市の人口、京都―大阪間の便。"
    spans = {text: [_span(text, "北浜―南浦", "Location_Other"), _span(text, "南浦駅前", "City"),
                    _span(text, "南浦市", "City")]}
    found = _surfaces(resolve([_note(_block(text))], spans))
    # a section between two stations and the spot before a station are facilities; the city with 市 and the
    # cities kg knows at the ends of a section stay places
    assert not {"北浜―南浦", "南浦", "南浦駅前"} & set(found)
    assert {"南浦市", "京都", "大阪"} <= set(found)


def test_two_surnames_in_kanji_joined_by_a_dot_are_two_people_and_a_katakana_name_is_one():
    text = "北浜一郎会長と杉森次郎事務総長が就いた。北浜・杉森の体制は続いた。ジョン・スミスも来た。"
    spans = {text: [_span(text, "北浜・杉森", "Person"), _span(text, "ジョン・スミス", "Person")]}
    found = _surfaces(resolve([_note(_block(text))], spans))
    assert "北浜・杉森" not in found and found["ジョン・スミス"] == "ジョン・スミス"


def test_a_route_named_after_a_place_or_a_founder_is_no_person():
    text = "北浜ルートで規制が始まり、北浜一郎さんも登った。"
    spans = {text: [_span(text, "北浜ルート", "Person"), _span(text, "北浜一郎", "Person")]}
    types = _types(resolve([_note(_block(text))], spans))
    assert "北浜ルート" not in types and types["北浜一郎"] == "Person"


def test_a_term_named_after_a_person_or_a_letter_is_no_person_but_the_person_named_in_it_is():
    text = ("キタハマ二乗分布とノルダ相関係数を使い、ソルベ–ミナト検定もした。"
            "ヨハン・キタハマの定理はキタハマ教授が示し、ノルダ首相も来た。")
    theorem = text.index("ヨハン・キタハマの定理")
    spans = {text: [_span(text, "キタハマ", "Person"), _span(text, "ノルダ相関係数", "Person"),
                    _span(text, "ソルベ–ミナト", "Person"), Span(theorem, theorem + 8, "Person"),
                    _span(text, "キタハマ教授", "Person"), _span(text, "ノルダ首相", "Person")]}
    entities = resolve([_note(_block(text))], spans)
    surfaces = sorted(m.surface for e in entities for m in e.mentions)
    # the first three are parts of terms; a particle (キタハマの定理) or a title after a name leaves the person
    assert surfaces == ["キタハマ", "ノルダ", "ヨハン・キタハマ"], surfaces


def test_a_persons_name_holds_no_country_of_a_compound_but_the_compound_after_it_names_both():
    text = "韓英哲首相は来日した。日英首脳会談も開かれた。"
    found = _surfaces(resolve([_note(_block(text))], {text: [_span(text, "韓英哲", "Person")]}))
    # 韓英 of the name is no compound of Korea and Britain; 日英 of the talks names Japan and Britain
    assert found["韓英哲"] == "韓英哲" and "韓" not in found and found["英"] == "イギリス" and found["日"] == "日本"


def test_no_member_of_a_country_compound_runs_across_two_words():
    text = "米国連邦航空局が認可し、日米首脳会談が開かれた。"
    found = _surfaces(resolve([_note(_block(text))], {}))
    # 米国|連邦 holds no 国連: the United Nations is not named; 日米 still names Japan and the US
    assert "国連" not in found
    assert {"日", "米"} <= set(found)
    # a known name of several words after a country's one-character form holds its words whole: 米 is the US
    found = _surfaces(resolve([_note(_block("米アマゾン・ドット・コムが発表した。"))], {}))
    assert found["米"] == "アメリカ"


def test_a_one_kanji_noun_after_a_kanji_name_and_before_no_kanji_is_the_rest_of_the_name():
    text = "領事を務めた河北義次郎。監督は佐藤監督で、田中氏も来た。"
    spans = {text: [_span(text, "河北義次", "Person"), _span(text, "佐藤", "Person"), _span(text, "田中", "Person")]}
    found = _surfaces(resolve([_note(_block(text))], spans))
    # 郎 ends the given name the model cut; a title (監督) and a suffix (氏) after a name are no part of it
    assert "河北義次郎" in found and "河北義次" not in found
    assert "佐藤" in found and "田中" in found


def test_a_known_company_takes_in_the_legal_form_written_after_it():
    text = "ソニー株式会社が設立した会社で、ソニーの子会社である。"
    entities = resolve([_note(_block(text))], {})
    # 株式会社 is part of the trade name; the entity is the company kg knows either way
    assert [sorted(m.surface for m in e.mentions) for e in entities] == [["ソニー", "ソニー株式会社"]]


def test_a_kanji_numeral_that_counts_nothing_opens_a_name():
    text = "2017年時点では、一迅社が連載し、3社が出資した。"
    found = _surfaces(resolve([_note(_block(text))], {}))
    # 一迅社 opens with 一 and no counter; 3社 counts companies
    assert "一迅社" in found and "迅社" not in found
    assert not any(s.startswith("3") for s in found)


def test_a_time_word_after_a_battle_head_leaves_the_battle_whole():
    text = "嘉吉の乱直後に家督を継ぎ、長篠の戦いに出た。"
    spans = {text: [_span(text, "嘉吉", "Occasion_Other"), _span(text, "長篠", "City")]}
    found = _surfaces(resolve([_note(_block(text))], spans))
    # 直後 places a time around the rising, as nothing after 長篠の戦い does
    assert {"嘉吉の乱", "長篠の戦い"} <= set(found) and "嘉吉" not in found
    common = "戦国の乱世を生きた。"
    assert "戦国の乱世" not in _surfaces(resolve([_note(_block(common))], {common: [_span(common, "戦国", "Era")]}))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("C大阪が勝ち、大阪の街が沸いた。", "大阪"),  # C大阪 is a team
        ("日本版ライドシェアが始まり、日本の事業も伸びた。", "日本"),  # 日本版… is a scheme named after a foreign one
    ],
)
def test_a_place_with_latin_letters_or_a_version_written_onto_it_is_a_word_of_a_longer_name(text, place):
    mentions = [m for e in resolve([_note(_block(text))], {}) for m in e.mentions if m.surface == place]
    # the second is the place
    assert [m.start for m in mentions] == [text.rindex(place)]


def test_a_latin_or_katakana_name_that_a_model_number_goes_on_from_is_part_of_a_longer_name():
    text = "ボーイング737が墜落し、ボーイングは声明を出した。ホンダ3台が並んだ。"
    found = [m for e in resolve([_note(_block(text))], {}) for m in e.mentions]
    # ボーイング737 is an aircraft; the second ボーイング is the company, and 3台 counts cars of ホンダ
    assert [m.start for m in found if m.surface == "ボーイング"] == [text.rindex("ボーイング")]
    assert "ホンダ" in {m.surface for m in found}


def test_a_latin_name_tied_by_joining_words_to_a_capitalised_word_is_a_piece_of_a_longer_one():
    text = '書籍"Saving Privacy in the Digital Age"を書き、Apple and Googleに触れた。'
    spans = {text: [_span(text, "Digital Age", "Person"), _span(text, "Apple", "Company"), _span(text, "Google", "Company")]}
    found = _surfaces(resolve([_note(_block(text))], spans))
    # "in the" ties Digital Age to Saving Privacy: one title; "and" lists two companies
    assert "Digital Age" not in found
    assert {"Apple", "Google"} <= set(found)


def test_a_country_or_body_with_a_word_for_its_role_is_that_country_or_body():
    text = "2022年、ペルー議長国の下で提言した。ブラジルはG7議長国を務めた。"
    spans = {text: [_span(text, "ペルー議長国", "Pro_Sports_Organization"), _span(text, "G7議長国", "Conference")]}
    found = _surfaces(resolve([_note(_block(text))], spans))
    # 議長国 (name_words.tsv, role acting) names the country or body in the chair: no node of its own
    assert (found["ペルー議長国"], found["G7議長国"]) == ("ペルー", "G7")
    summit = "G7首脳会議が開かれた。"
    assert "G7首脳会議" in _surfaces(resolve([_note(_block(summit))], {summit: [_span(summit, "G7首脳会議", "Conference")]}))


def test_a_memorandum_or_summit_after_a_titles_clause_is_named_and_alone_is_a_kind():
    text = "港湾設備の共同整備に関する覚書に署名し、ベルンの持続可能な海洋のための首脳会議で合意した。"
    found = _found(text)
    # the place and の before a meeting's title say where it was held (ベルン), no word of its name
    assert found["港湾設備の共同整備に関する覚書"] == "Agreement"
    assert found["持続可能な海洋のための首脳会議"] == "Event" and found["ベルン"] == "Region"
    bare = "両国は覚書に署名し、首脳会議が開かれた。"
    assert resolve([_note(_block(bare))], {}) == []


def test_katakana_names_listed_before_the_company_they_own_are_companies():
    found = _found("鉄道は、ザルトミア、ボルネッタ・ソラヴィン、クヴィスタの合弁会社が持つ。")
    assert found == {"ザルトミア": "Organization", "ボルネッタ・ソラヴィン": "Organization", "クヴィスタ": "Organization"}
    # a common word or a place before の names no company it owns
    assert set(_found("パートナーの会社とフランスの子会社が持つ。")) == {"フランス"}


def test_a_suffix_in_hiragana_ends_a_name_that_would_run_on_into_a_head():
    # とも says "with it too": 合意 is the act, no agreement named with the bank
    assert _found("同じ日にバルトニア開発銀行とも合意した。") == {"バルトニア開発銀行": "Organization"}
    assert set(_found("バルトニア開発銀行協会と合意した。")) == {"バルトニア開発銀行協会"}


def test_one_common_word_and_a_head_in_katakana_in_quotes_is_a_name_and_with_a_kanji_head_a_kind():
    # a loanword head (ロードマップ, イニシアティブ) is no word a writer quotes for a kind of thing
    assert _found("前任の時代に始まった「改革ロードマップ」を引き継ぎ、「行動計画」も作った。") == {"改革ロードマップ": "Plan"}


def test_a_count_of_people_before_a_list_in_parentheses_is_no_name_of_theirs():
    text = "検察官は、ペルーの指導者3人（ボルコフ、ザハロフ、ペトロワ）の逮捕状を請求した。"
    surfaces = _surfaces(resolve([_note(_block(text))], {text: (_span(text, "ペルー", "Country"),)}))
    assert surfaces["ペルー"] == "ペルー" and "ペルーの指導者3人" not in surfaces  # the parenthesis says who they are
    assert surfaces.get("ボルコフ") != "ペルー"
    named = "ペルー国家警察（PNP、ポリシア）が捜査した。PNPは声明を出した。"  # two short forms of one name stay
    assert _surfaces(resolve([_note(_block(named))], {}))["PNP"] == _surfaces(resolve([_note(_block(named))], {}))["ペルー国家警察"]


def test_a_place_and_the_word_for_where_a_person_comes_from_mention_the_place():
    text = "特別報告者は、ペルー出身のボルコフ氏だ。"
    surfaces = _surfaces(resolve([_note(_block(text))], {text: (_span(text, "ペルー出身", "School"),)}))
    assert surfaces.get("ペルー") == "ペルー" and "ペルー出身" not in surfaces
    product = "会場ではペルー産のコーヒーを出した。"  # a suffix of goods stays handled as before
    assert "ペルー産" not in _surfaces(resolve([_note(_block(product))], {}))


def test_a_body_and_a_word_for_its_member_states_mention_the_body_and_a_member_state_alone_nothing():
    text = "すべての国連加盟国が審査を受け、ペルーは理事国に選ばれた。国連大学も加わった。"
    spans = (_span(text, "国連加盟国", "Continental_Region"), _span(text, "理事国", "Political_Party"),
             _span(text, "国連大学", "School"))
    surfaces = _surfaces(resolve([_note(_block(text))], {text: spans}))
    assert surfaces.get("国連") and "国連加盟国" not in surfaces and "理事国" not in surfaces
    assert surfaces.get("国連大学") not in (None, surfaces["国連"])  # a body of its own


def test_an_agendas_action_plan_is_a_plan_of_its_own_but_its_name_and_a_bare_plan_head_is_the_agenda():
    text = "政府は女性・農業・平和（WAP）を掲げ、第2次のWAP行動計画を策定した。"
    surfaces = _surfaces(resolve([_note(_block(text))], {text: (_span(text, "WAP行動計画", "Treaty"),)}))
    assert surfaces["WAP行動計画"] == "WAP行動計画" and surfaces.get("WAP") != "WAP行動計画"
    loose = "政府は女性・農業・平和（WAP）を掲げ、WAP計画を進めた。"  # 計画 after the agenda's name is the agenda
    found = _surfaces(resolve([_note(_block(loose))], {loose: (_span(loose, "WAP計画", "Treaty"),)}))
    assert "WAP計画" not in found and found["WAP"]


def test_a_directive_is_a_law_whatever_the_model_calls_it():
    text = "欧州議会は4月、企業持続可能性報告指令（CSRX）を可決した。"
    entities = resolve([_note(_block(text))], {text: (_span(text, "企業持続可能性報告指令", "Corporation_Other"),)})
    assert {e.label: e.type for e in entities}["CSRX"] == "Law"  # the directive, named by its acronym


def test_a_countrys_formal_name_in_koku_ends_before_a_word_that_opens_with_koku():
    text = "イスラエル国内の世論と日本国民の声、そして日本国憲法。"
    mentions = sorted(m.surface for e in resolve([_note(_block(text))], {}) for m in e.mentions if e.type == "Country")
    assert mentions == ["イスラエル", "日本"]  # 国内 and 国民 are words of their own; 日本国憲法 is a law
    formal = "イスラエル国は声明を出した。"  # the formal name alone stays whole
    assert [m.surface for e in resolve([_note(_block(formal))], {}) for m in e.mentions] == ["イスラエル国"]


def test_a_name_before_a_rate_is_no_piece_of_a_code_or_a_session():
    text = "税率はペルー46%、チリ20.5%、ZQX20%だった。会合で決めた。"
    spans = (_span(text, "ペルー", "Country"), _span(text, "チリ", "Country"))
    found = _surfaces(resolve([_note(_block(text))], {text: spans}))
    assert found.get("ペルー") == "ペルー" and found.get("チリ") == "チリ"
    assert "ZQX20" not in found  # a rate, not the 20th session of a series
    text = "ペルー2号機を導入した。ZQX20が開かれた会合。"  # a number with no percent sign still goes on a name
    assert "ZQX20" in _surfaces(resolve([_note(_block(text))], {text: (_span(text, "ペルー", "Country"),)}))


def test_a_count_of_laws_names_no_law():
    text = "政府が2法案を閣議決定し、ゼノ保護法を公布した。"
    spans = (_span(text, "2法", "Law"), _span(text, "ゼノ保護法", "Law"))
    assert set(_surfaces(resolve([_note(_block(text))], {text: spans}))) == {"ゼノ保護法"}


def test_a_countrys_one_character_form_and_its_government_is_the_country():
    text = "英政府は、米政府と米軍に説明を求めた。"
    spans = (_span(text, "英政府", "Government"), _span(text, "米政府", "Government"), _span(text, "米軍", "Military"))
    found = _surfaces(resolve([_note(_block(text))], {text: spans}))
    assert found["英政府"] == "イギリス" and found["米政府"] == "アメリカ"
    assert found["米軍"] == "米軍"  # an organ of the state stays a body of its own


def test_a_person_span_joining_a_kanji_name_and_a_katakana_name_lists_two_people():
    text = "鈴木・ヨモギン会談の準備が進んだ。"
    found = _surfaces(resolve([_note(_block(text))], {text: (_span(text, "鈴木・ヨモギン", "Person"),)}))
    assert found == {"鈴木": "鈴木", "ヨモギン": "ヨモギン"}
    text = "ジョン・ヨモギンが来日した。"  # a foreign name in katakana parts is one name
    found = _surfaces(resolve([_note(_block(text))], {text: (_span(text, "ジョン・ヨモギン", "Person"),)}))
    assert found == {"ジョン・ヨモギン": "ジョン・ヨモギン"}


def test_a_place_of_the_dictionary_in_sho_is_a_province_and_a_ministry_stays_a_body():
    found = _found("産地は南部の浙江省で、外務省が調べた。")
    assert found.get("浙江省") == "Region"
    assert found.get("外務省") == "Organization"


def test_goods_named_by_their_place_of_origin_mention_the_place():
    text = "ペルー産水産物の輸入と、ペルー産業省の発表。"
    spans = (_span(text, "ペルー産水産物", "Corporation_Other"), _span(text, "ペルー産業省", "Government"))
    found = _surfaces(resolve([_note(_block(text))], {text: spans}))
    assert found.get("ペルー") == "ペルー" and "ペルー産水産物" not in found
    assert found.get("ペルー産業省") == "ペルー産業省"  # 産業 is a word of the ministry's name, no suffix


def test_a_ministerial_council_with_its_year_is_a_meeting():
    assert _found("リマで開かれた2024年APEC閣僚理事会に出席した。").get("2024年APEC閣僚理事会") == "Event"
    from kg.resolve.knowledge import suffix_type

    assert suffix_type("ヨモギ理事会") == "Organization"  # a board without its ministers is a body


def test_a_programme_after_three_kanji_words_or_more_is_a_plan_and_its_nickname_in_the_parenthesis_joins_it():
    text = "開発支援（海洋安全保障重要技術育成プログラム、通称Z Program）。Z Programは続く。"
    found = _surfaces(resolve([_note(_block(text))], {}))
    assert found["海洋安全保障重要技術育成プログラム"] == found["Z Program"]  # 重要 is an adjectival noun of the compound
    assert _found("研修プログラムに参加した。") == {}  # one word before the head: a kind of programme


def test_a_competition_the_model_names_is_an_event_when_its_name_says_it_is_one():
    # GiNZA's Game label maps to Event when the span ends in an event's head or holds its edition or year;
    # the model also reads an ensemble (…・フィル) or a standard as a game
    text = "ボルネル・カップと第3回ノルド競走に出たが、ボルネル・フィルとは共演しなかった。"
    spans = {text: (_span(text, "ボルネル・カップ", "Game"), _span(text, "第3回ノルド競走", "Game"),
                    _span(text, "ボルネル・フィル", "Game"))}
    found = {e.label: e.type for e in resolve([_note(_block(text))], spans)}
    assert found.get("ボルネル・カップ") == "Event" and found.get("第3回ノルド競走") == "Event"
    assert "ボルネル・フィル" not in found


@pytest.mark.parametrize(("text", "type_"), [
    ("知事は、丹後の復旧を急ぐと述べた。", "Region"),  # a place word alone, の after: the place
    ("丹後さんは、復旧を急ぐと述べた。", "Person"),  # an honorific after: a person of that name
])
def test_a_place_word_the_model_calls_a_person_is_the_place_unless_an_honorific_follows(text, type_):
    entities = resolve([_note(_block(text))], {text: (_span(text, "丹後", "Person"),)})
    assert {e.label: e.type for e in entities}.get("丹後") == type_


def test_a_parliament_after_the_prefix_for_this_is_its_sitting_and_no_mention_of_it():
    text = "今国会には改正案が出ている。"  # this session: a sitting of the Diet, an event
    assert "国会" not in _surfaces(resolve([_note(_block(text))], {}))
    text = "改正案は国会で審議される。"
    assert _surfaces(resolve([_note(_block(text))], {})).get("国会") == "国会"


@pytest.mark.parametrize(("text", "named"), [
    ("環境大臣には山田太郎参議院議員が就いた。", False),  # the title the person is written with
    ("前参議院議員の北浜氏が出馬した。", False),  # a former member's title
    ("参議院議員の定数を増やす。", True),  # the house's members: the house is named
])
def test_a_house_before_its_members_word_is_a_persons_title_after_a_name_or_former(text, named):
    assert ("参議院" in _surfaces(resolve([_note(_block(text))], {}))) == named
