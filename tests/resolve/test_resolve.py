"""Resolution on hand-made blocks and spans: aliases, compounds, gazetteer, junk, user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.records import Block, Link, Note, Span
from kg.resolve import ResolveOptions, resolve

SAMPLE_NOTE = Path(__file__).resolve().parents[2] / "data" / "whitepaper_r06_ict_international.md"


def _block(text: str, *, section: int = 1, kind: str = "paragraph", paragraph: int = 0, **extra) -> Block:
    return Block(
        note="n.md", heading_path=("見出し",), heading_levels=(2,), section=section, paragraph=paragraph,
        line=1, kind=kind, text=text, **extra,
    )


def _note(*blocks: Block, aliases: tuple[str, ...] = (), title: str = "n") -> Note:
    return Note(path="n.md", title=title, aliases=aliases, blocks=blocks)


def _spans(text: str, *pairs: tuple[str, str]) -> tuple[Span, ...]:
    """Return spans for (surface, label) pairs at their first place in text."""
    return tuple(Span(text.index(s), text.index(s) + len(s), label) for s, label in pairs)


def _by_alias(entities):
    return {alias: e for e in entities for alias in e.aliases}


def test_abbreviation_defined_in_parentheses_joins_both_forms():
    first = _block("株式会社海外通信・放送・郵便事業支援機構（ZJCT）では投資を実施している。")
    later = _block("ZJCTを通じてインドを支援している。", paragraph=1)
    entities = resolve([_note(first, later)], {})
    found = _by_alias(entities)
    assert found["ZJCT"] is found["株式会社海外通信・放送・郵便事業支援機構"]
    assert found["ZJCT"].type == "Organization"
    assert len(found["ZJCT"].mentions) == 3


def test_a_phrase_that_writes_the_acronym_is_no_long_form_of_it():
    text = "北浜国産のXNG（ヨモギ州のXNG開発を含む）の輸入を増やす。"
    found = _by_alias(resolve([_note(_block(text))], {}))
    assert "ヨモギ州のXNG開発を含む" not in found and "XNG" not in found
    # a long form that spells the acronym out is one
    found = _by_alias(resolve([_note(_block("ヨモギ通信機構（YTK）が発表した。"))], {}))
    assert found["YTK"] is found["ヨモギ通信機構"]


def test_a_generic_word_and_the_one_thing_it_means_are_not_two_names_of_one():
    text = "大統領は自分のSNS（ヨモギ・ソーシャル）に投稿した。"
    entities = resolve([_note(_block(text))], {text: _spans(text, ("ヨモギ・ソーシャル", "Person"))})
    assert not any(e.type == "Person" for e in entities)  # the SNS's name, a product, is no person


def test_abbreviation_first_with_long_form_in_parentheses():
    block = _block("QFFT（信頼性のある自由なデータ流通の枠組み）を推進する。QFFTは重要だ。")
    found = _by_alias(resolve([_note(block)], {}))
    assert found["QFFT"] is found["信頼性のある自由なデータ流通の枠組み"]
    assert found["QFFT"].type == "Agreement"


def test_english_expansion_in_a_cited_footnote_is_an_alias():
    text = "QRCP協定について議論した。QRCPが発効した。"
    cite = _block(text, citations=((text.index("協定"), "qrcp"),))
    note = _block("Quite Regional Comprehensive Partnership。説明。", kind="footnote", footnote="qrcp", paragraph=1)
    spans = {text: _spans(text, ("QRCP", "Treaty"))}
    found = _by_alias(resolve([_note(cite, note)], spans))
    assert "Quite Regional Comprehensive Partnership" in found
    assert found["Quite Regional Comprehensive Partnership"] is found["QRCP"]


def test_a_footnote_labelled_with_an_acronym_spells_it_out_though_a_letter_stands_inside_a_word():
    text = "月面基地協力協定（LBA）に基づく事業だ。"
    cite = _block(text, citations=((text.index("に基づく"), "LBA"),))
    labelled = _block("Lunarbase Agreement。2030年に署名された。", kind="footnote", footnote="LBA", paragraph=1)
    found = _by_alias(resolve([_note(cite, labelled)], {}))
    assert found["Lunarbase Agreement"] is found["LBA"] is found["月面基地協力協定"]
    numbered = _block("Lunarbase Agreement。2030年に署名された。", kind="footnote", footnote="1", paragraph=1)
    cite = _block(text, citations=((text.index("に基づく"), "1"),))
    assert "Lunarbase Agreement" not in _by_alias(resolve([_note(cite, numbered)], {}))  # no label, no initials


def test_link_text_before_parentheses_is_the_long_form():
    text = "環太平洋なんとか協定（XPTPP）に署名した。"
    block = _block(text, links=(Link(0, text.index("（"), "https://example.org/x"),))
    found = _by_alias(resolve([_note(block)], {}))
    assert found["XPTPP"] is found["環太平洋なんとか協定"]
    assert found["XPTPP"].type == "Agreement"


def test_gazetteer_joins_country_names_and_wins_over_ginza_type():
    text = "アメリカと米国とUnited Statesは同じ国である。"
    spans = {text: _spans(text, ("アメリカ", "Product_Other"), ("米国", "Country"))}
    entities = resolve([_note(_block(text))], spans)
    found = _by_alias(entities)
    assert found["アメリカ"] is found["米国"] is found["United States"]
    assert found["米国"].type == "Country"
    assert [e.label for e in entities if e.type == "Country"] == [found["米国"].label]


def test_full_width_and_half_width_forms_are_one_entity():
    found = _by_alias(resolve([_note(_block("ＷＴＯとWTOと世界貿易機関。"))], {}))
    assert found["WTO"] is found["世界貿易機関"]


def test_country_compound_adds_members_and_the_event():
    text = "2021年4月の日米首脳会談を契機として合意した。"
    entities = resolve([_note(_block(text))], {})
    labels = {e.label: e.type for e in entities}
    assert labels["日本"] == "Country" and labels["アメリカ"] == "Country"
    assert labels["日米首脳会談"] == "Event"


def test_compound_with_known_body_and_three_countries():
    text = "日ASEAN会合と日中韓の協力、米豪の連携。"
    labels = {e.label for e in resolve([_note(_block(text))], {})}
    assert {"日本", "中国", "韓国", "アメリカ", "オーストラリア"} <= labels
    assert any("ASEAN" in e.aliases for e in resolve([_note(_block(text))], {}))


def test_date_before_compound_is_not_japan():
    labels = {e.label for e in resolve([_note(_block("10月8日米国で会談した。"))], {})}
    assert "日本" not in labels and "アメリカ" in labels
    # a dated headline puts a space between the date and the compound: 日 is no day there
    labels = {e.label for e in resolve([_note(_block("2031-05-08 日豪外相会合"))], {})}
    assert {"日本", "オーストラリア", "日豪外相会合"} <= labels
    labels = {e.label for e in resolve([_note(_block("2031-05-08日豪外相会合"))], {})}
    assert "日本" not in labels


def test_the_suffix_of_a_time_is_no_country_of_a_compound():
    # 訪米中: while visiting the US; 中 is no China there, as it is in 米中
    labels = {e.label for e in resolve([_note(_block("訪米中の北浜大臣が協議した。"))], {})}
    assert "中国" not in labels and "アメリカ" in labels
    labels = {e.label for e in resolve([_note(_block("米中は協議した。"))], {})}
    assert {"アメリカ", "中国"} <= labels
    labels = {e.label for e in resolve([_note(_block("米中が接近し始める。"))], {})}
    assert {"アメリカ", "中国"} <= labels  # 中 read as a suffix, but after 米 alone: China


def test_known_name_containing_a_compound_keeps_its_own_node():
    text = "日EU・EPAと日米豪印の協力。"
    entities = resolve([_note(_block(text))], {})
    found = _by_alias(entities)
    assert found["日EU・EPA"].type == "Agreement"
    assert "日米豪印" in found and found["日米豪印"].type == "Organization"


def test_katakana_name_never_matches_inside_a_longer_word():
    labels = {e.label for e in resolve([_note(_block("インドネシアのネクタイとタイプ。"))], {})}
    assert "インドネシア" in labels
    assert "インド" not in labels and "タイ" not in labels


def test_junk_never_becomes_a_node():
    text = "news pdf ^wto DGXZQOUC057PW0V01 第1節 日 2024年3月 Comprehensive and Progressive Agreement for Trans"
    spans = {text: _spans(text, ("news", "Company"), ("pdf", "Product_Other"), ("^wto", "Company"),
                          ("DGXZQOUC057PW0V01", "ID_Number"), ("第1節", "Broadcast_Program"), ("日", "Country"),
                          ("2024年3月", "Date"),
                          ("Comprehensive and Progressive Agreement for Trans", "Treaty"))}
    assert resolve([_note(_block(text + "-Pacific"))], {text + "-Pacific": spans[text]}) == []


def test_trailing_nado_and_quotes_are_normalised():
    text = "「ボツワナ」等とチリなどが採用した。"
    labels = {e.label for e in resolve([_note(_block(text))], {})}
    assert {"ボツワナ", "チリ"} <= labels


def test_types_filter_keeps_only_requested_types():
    text = "日本はASEANと会合した。"
    entities = resolve([_note(_block(text))], {}, ResolveOptions(types=("Country",)))
    assert {e.type for e in entities} == {"Country"}


def test_front_matter_aliases_merge(tmp_path):
    text = "ZZ機構とゼットゼットは同じ。"
    note = _note(_block(text), title="ZZ機構", aliases=("ゼットゼット",))
    spans = {text: _spans(text, ("ZZ機構", "Organization_Other"), ("ゼットゼット", "Company"))}
    found = _by_alias(resolve([note], spans))
    assert found["ZZ機構"] is found["ゼットゼット"]


def test_user_alias_and_stop_files(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("canonical\ttype\taliases\nモリオ商事\tOrganization\tMorio Corp.\tモリオ\n", encoding="utf-8")
    stop = tmp_path / "stop.txt"
    stop.write_text("# never a node\nチリ\n", encoding="utf-8")
    text = "モリオとMorio Corp.がチリで事業を行う。"
    entities = resolve([_note(_block(text))], {}, ResolveOptions(aliases=[aliases], stop=[stop]))
    found = _by_alias(entities)
    assert found["モリオ"] is found["Morio Corp."]
    assert found["モリオ"].label == "モリオ商事" and found["モリオ"].type == "Organization"
    assert "チリ" not in found


def test_legal_forms_do_not_split_an_entity():
    text = "ホゲラボ株式会社は新工場を建てた。ホゲラボは量産を目指す。"
    spans = {text: _spans(text, ("ホゲラボ株式会社", "Company"), ("ホゲラボは", "Company"))}
    spans[text] = spans[text][:1] + (Span(text.rindex("ホゲラボ"), text.rindex("ホゲラボ") + 4, "Company", True),)
    entities = resolve([_note(_block(text))], spans)
    assert len(entities) == 1
    assert set(entities[0].aliases) == {"ホゲラボ株式会社", "ホゲラボ"}


def test_acronym_the_notes_use_is_the_display_name():
    found = _by_alias(resolve([_note(_block("世界貿易機関（WTO）について。WTOは重要。"))], {}))
    assert found["WTO"].label == "WTO"
    assert found["WTO"].id == "世界貿易機関"  # the node id stays the gazetteer id


def test_abbreviation_after_a_genitive_binds_to_a_name_with_an_organisation_head():
    # 北海の海洋資源公社（NMRC）: the run after の ends in 公社, so it is a whole name
    block = _block("北海の海洋資源公社（NMRC）は調査を続けた。NMRCは報告した。")
    found = _by_alias(resolve([_note(block)], {}))
    assert found["NMRC"] is found["海洋資源公社"]
    assert found["NMRC"].type == "Organization"


def test_abbreviation_after_a_modifier_is_left_alone_without_an_organisation_head():
    block = _block("自由なデータ流通（XDFT）を進める。XDFTは大切だ。")
    found = _by_alias(resolve([_note(block)], {}))
    assert "データ流通" not in found


def test_english_name_in_parentheses_joins_a_name_with_a_head_noun():
    block = _block("町に設置された架空復興基金（Fictional Recovery Fund of the Coast）は拠出を受けた。")
    found = _by_alias(resolve([_note(block)], {}))
    assert found["架空復興基金"] is found["Fictional Recovery Fund of the Coast"]
    assert found["架空復興基金"].type == "Organization"


def test_english_gloss_of_a_common_phrase_is_no_alias():
    block = _block("穀物備蓄機構の課題は食料安全保障（food security）である。")
    found = _by_alias(resolve([_note(block)], {}))
    assert "food security" not in found


def test_a_war_named_in_plain_text_is_an_event():
    block = _block("第三次世界大戦が起きれば、その戦争は長く続く。")
    found = _by_alias(resolve([_note(block)], {}))
    assert found["第三次世界大戦"].type == "Event"
    assert "戦争" not in found


def test_short_name_of_the_same_kind_in_parentheses_is_an_alias():
    text = "両国は「海底ケーブルの保護に関する両国政府間の協定」（海底ケーブル保護協定）に署名した。"
    found = _by_alias(resolve([_note(_block(text))], {}))
    assert found["海底ケーブル保護協定"] is found["海底ケーブルの保護に関する両国政府間の協定"]
    assert found["海底ケーブル保護協定"].type == "Agreement"


def test_a_name_of_another_kind_in_parentheses_is_no_alias():
    text = "「海底ケーブルの保護に関する協定」（第3回協議）について話した。海底ケーブル保護機構（調整委員会）も。"
    found = _by_alias(resolve([_note(_block(text))], {}))
    assert found["海底ケーブルの保護に関する協定"].aliases == ("海底ケーブルの保護に関する協定",)
    assert found["海底ケーブル保護機構"].aliases == ("海底ケーブル保護機構",)


def test_a_short_form_declared_with_hereafter_is_an_alias():
    text = "ハル&ミナ・ヨシダ記念財団（以下、ヨシダ財団）が支援した。海洋資源公社（以下「資源公社」という）も。"
    found = _by_alias(resolve([_note(_block(text))], {}))
    assert found["ヨシダ財団"] is found["ハル&ミナ・ヨシダ記念財団"]
    assert found["資源公社"] is found["海洋資源公社"]
    assert found["ヨシダ財団"] is not found["海洋資源公社"]
    assert found["ヨシダ財団"].type == "Organization"


def test_a_quoted_statement_is_an_agreement():
    found = _by_alias(resolve([_note(_block("会合では「北海漁業大臣声明」が採択された。"))], {}))
    assert found["北海漁業大臣声明"].type == "Agreement"


def test_a_defined_name_with_no_head_takes_the_type_the_dictionary_gives_its_words():
    # ヤンマー is a proper noun of the dictionary: a company, though neither name has a head
    found = _by_alias(resolve([_note(_block("設計はヤンマー（YNM）が担い、YNMの工場で進む。"))], {}))
    assert found["YNM"] is found["ヤンマー"]
    assert found["YNM"].type == "Organization"


def test_a_defined_name_of_common_words_stays_untyped():
    # a common word with a made-up abbreviation: no finder types it, so it makes no node
    found = _by_alias(resolve([_note(_block("手順はフローチャート（FCX）に従う。FCXを見る。"))], {}))
    assert "FCX" not in found


@pytest.mark.ginza
def test_resolution_spread_over_two_processes_finds_what_one_process_finds(nlp, monkeypatch):
    """A vault over SPREAD_CHARS is resolved half in a forked child: the entities, their mentions
    and each mention's block are those one process finds."""
    import kg.resolve as resolution
    from kg.extract import ExtractOptions, spans_for
    from kg.notes import NotesOptions, read_vault

    vault = read_vault([SAMPLE_NOTE], NotesOptions())
    spans = spans_for(vault, ExtractOptions(), [])
    monkeypatch.setattr(resolution, "SPREAD_CHARS", 10**12)
    alone = resolve(vault.notes, spans)
    monkeypatch.setattr(resolution, "SPREAD_CHARS", 1)
    spread = resolve(vault.notes, spans)
    assert spread == alone
    blocks = {id(block) for note in vault.notes for block in note.blocks}
    assert all(id(m.block) in blocks for e in spread for m in e.mentions)  # the parent's own blocks


def test_a_latin_name_placed_in_a_country_by_a_parenthesis_is_a_body_whatever_its_case():
    text = "技術提携：ZBM（米国）、vtec（ベルギー）。vtecとは装置の共同開発も進める。"
    found = _by_alias(resolve([_note(_block(text))], {}))
    assert found["vtec"].type == "Organization" and len(found["vtec"].mentions) == 2
    assert found["ZBM"].type == "Organization"
    tool = _block("ファイルはpdf（日本語）で配る。Markdown（米国）形式も使える。")  # a language, a product
    assert not {"pdf", "Markdown"} & set(_by_alias(resolve([_note(tool)], {})))


def test_a_note_in_parentheses_is_no_name_and_a_later_long_name_types_the_acronym():
    heading = _block("4.2 QRS29（追記）", kind="heading")
    defined = _block("北海資源条約第29回締約国会議（QRS29）は11月に開かれた。", paragraph=1)
    earlier = _block("資金の枠組みはQRS28で決まった。", paragraph=2)
    found = _by_alias(resolve([_note(heading, defined, earlier)], {}))
    assert "追記" not in found  # a word for an act in parentheses is a note on the heading, not its name
    assert found["QRS29"].type == "Event"  # typed by its long name's head, though defined first without one
    assert found["QRS28"].type == "Event"  # another session of a series the notes know, one number away


def test_an_acronym_in_parentheses_after_a_name_with_no_head_stays_untyped():
    found = _by_alias(resolve([_note(_block("QRS29（検討）と書いた。QRS29は続く。"))], {}))
    assert "検討" not in found


def test_a_session_named_by_its_series_takes_the_case_the_vault_writes_the_series_in():
    text = "QRS第60回総会と、ソフィアで開かれた第61回総会で決まった。"
    found = _by_alias(resolve([_note(_block(text))], {text: _spans(text, ("QRS第60回総会", "Conference"))}))
    assert found["第61回総会"].label == "QRS第61回総会"
    assert found["第61回総会"] is not found["QRS第60回総会"]
    other = "株式会社ispaceが着陸した。"  # a surface that says the name with more keeps its own case and words
    found = _by_alias(resolve([_note(_block(other))], {other: _spans(other, ("株式会社ispace", "Company"))}))
    assert found["株式会社ispace"].label == "株式会社ispace"


def test_a_list_item_that_opens_with_a_name_its_abbreviation_and_a_colon_defines_the_whole_name():
    item = _block("損失と損害に対応するための基金（QRLD）：理事会の所在国が選ばれた", kind="list_item")
    later = _block("日本はQRLDに拠出した。", paragraph=1)
    found = _by_alias(resolve([_note(item, later)], {}))
    assert found["QRLD"] is found["損失と損害に対応するための基金"]
    sentence = _block("日本は新しい基金（QRLD）：拠出を表明した", kind="list_item")  # a sentence, not a name
    assert "日本は新しい基金" not in _by_alias(resolve([_note(sentence)], {}))


def _types(text: str, *pairs: tuple[str, str]) -> dict[str, str]:
    """Return each node's label -> type for one block."""
    return {e.label: e.type for e in resolve([_note(_block(text))], {text: _spans(text, *pairs)})}


def test_a_session_number_before_a_known_assembly_names_that_session():
    assert _types("第12回国連総会が開かれた。") == {"第12回国連総会": "Event"}
    assert _types("国連総会が開かれた。") == {"国際連合総会": "Organization"}  # the assembly itself


def test_a_known_body_and_an_act_the_model_reads_as_one_name_is_the_body():
    assert _types("首相の国連演説が注目された。", ("国連演説", "International_Organization")) == {"国際連合": "Organization"}
    named = _types("首相は国連改革委員会に出た。", ("国連改革委員会", "International_Organization"))
    assert named == {"国連改革委員会": "Organization"}  # an act and a head make the name of a body


def test_a_foreign_country_before_a_ministry_kg_knows_names_that_country_s_ministry():
    assert _types("ノルウェー外務省が発表した。") == {"ノルウェー": "Country", "ノルウェー外務省": "Organization"}
    assert _types("日本外務省が発表した。") == {"日本": "Country", "外務省": "Organization"}  # kg's 外務省 is Japan's


def test_a_known_name_that_crosses_a_word_is_no_part_of_a_country_compound():
    assert _types("両国は日中共同声明を確認した。") == {"日本": "Country", "中国": "Country", "日中共同声明": "Agreement"}
    assert _types("中共の幹部と会った。") == {"中国共産党": "Organization"}  # 中共 is a word of its own here


def test_a_body_before_its_summit_or_its_leader_s_election_is_still_a_mention_of_it():
    assert _types("OECDミラノ・サミットが閉幕した。") == {"OECD": "Organization", "OECDミラノ・サミット": "Event"}
    found = _types("自民党総裁選で後継が決まる。")
    assert found["自由民主党"] == "Organization" and len(found) == 2
    assert "日本" not in _types("日本製紙が発表した。")  # a name that only starts with a country mentions no country


def test_the_alliance_of_countries_a_compound_lists_is_no_body():
    assert _types("日米同盟の強化で一致した。") == {"日本": "Country", "アメリカ": "Country"}
    assert _types("北海漁業同盟が発足した。")["北海漁業同盟"] == "Organization"  # a named alliance is a body


def test_a_level_of_relations_is_no_agreement():
    from kg.resolve.junk import junk_rule

    assert junk_rule("包括的戦略的パートナーシップ", frozenset()) == "relations-level"
    assert junk_rule("戦略的パートナーシップ協定", frozenset()) == ""  # an agreement of that name
    assert junk_rule("ゾルタ・パートナーシップ", frozenset()) == ""  # a named partnership



def test_one_common_word_in_parentheses_after_an_acronym_is_no_long_form_of_it():
    from kg.resolve.aliases import defined_aliases
    from kg.resolve.lexicon import Lexicon

    cell = _block("QXR（国際）", kind="cell")  # the table's row for the international side of QXR
    defined = _block("QXR（国際通貨調整基金）は融資を決めた。", paragraph=1)  # made-up names
    groups = list(defined_aliases([cell, defined], {}, Lexicon(), frozenset()))
    assert ["QXR", "国際"] not in groups
    assert ["QXR", "国際通貨調整基金"] in groups
    read = _block("協力には「ZEPHYR（ゼファー）」という名前が付いた。")  # a katakana word may be how it is read
    assert ["ZEPHYR", "ゼファー"] in list(defined_aliases([read], {}, Lexicon(), frozenset()))


def test_a_companys_japanese_arm_is_no_name_whatever_the_model_says():
    text = "北海テック社は東京に日本法人の北海テック・ジャパンを設立した。"  # made-up names
    spans = {text: _spans(text, ("日本法人", "Corporation_Other"), ("北海テック社", "Company"))}
    found = _by_alias(resolve([_note(_block(text))], spans))
    assert "日本法人" not in found and "北海テック社" in found
