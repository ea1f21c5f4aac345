"""How domestic policy text names sittings, committees, schemes, reforms and companies (made-up names)."""

import pytest

from kg.records import Block, Note, Span


def _entities(text: str, *spans: tuple[str, str]):
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    found = tuple(Span(text.index(name), text.index(name) + len(name), label) for name, label in spans)
    from kg.resolve import resolve

    return {e.id: e.type for e in resolve([Note(path="n.md", title="n", blocks=(block,))], {text: found})}


def test_a_numbered_sitting_or_a_kind_of_sitting_is_an_event_and_the_body_a_body():
    assert _entities("第7回ルリタニア委員会が開かれた。", ("第7回ルリタニア委員会", "Organization_Other")) == {
        "第7回ルリタニア委員会": "Event"}
    assert _entities("秋の臨時国会で審議する。", ("臨時国会", "Conference")) == {"臨時国会": "Event"}
    assert _entities("ルリタニア委員会が開かれた。", ("ルリタニア委員会", "Organization_Other")) == {
        "ルリタニア委員会": "Organization"}
    assert _entities("法案は国会で成立した。", ("国会", "Organization_Other")) == {"国会": "Organization"}


def test_a_sitting_the_notes_define_with_its_kind_is_an_event():
    text = "第301回国会（通常国会）が開かれた。"
    assert _entities(text, ("第301回国会", "Conference"))["第301回国会"] == "Event"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("政府は「漁村の再生に向けた総合的な支援パッケージ」をまとめた。", ["漁村の再生に向けた総合的な支援パッケージ"]),
        ("旅行パッケージを買った。", []),  # a package sold, no plan: the head alone after a common word
    ],
)
def test_a_package_after_a_titles_clause_is_a_plan(text, kept):
    found = _entities(text)
    assert [name for name, type_ in found.items() if type_ == "Plan"] == kept


def test_a_review_team_and_a_reform_law_are_named_by_their_heads():
    from kg.resolve.knowledge import suffix_type

    assert suffix_type("漁港使用料改定検討チーム") == "Organization"
    assert suffix_type("チーム") == ""  # a team alone is no body's head: sports teams, project teams
    found = _entities("ルリタニアでは、首相の鉄道改革法が可決された。", ("鉄道改革法", "Plan"))
    assert found.get("鉄道改革法") == "Law"
    assert "改革" not in found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("介護大手のQWXケアは、新しい加算を取りにいく。", ["QWXケア"]),  # a Latin name and a katakana word after it
        ("大手のメリットやリスクを比べた。", []),  # common words name no company
    ],
)
def test_a_word_for_a_company_and_no_before_a_latin_name_makes_it_a_company(text, found):
    from kg.resolve.compounds import described_companies

    assert [text[c.start : c.end] for c in described_companies(text)] == found


@pytest.mark.parametrize(
    ("post", "kept"),
    [
        ("キヤノン会長", ["キヤノン"]),  # a proper noun and a chair's title: the company the chair heads
        ("協会会長", []),  # a common word and the title name a post, no company
    ],
)
def test_the_models_post_of_a_company_and_its_chairs_title_is_the_company(post, kept):
    from kg.resolve.model_spans import from_ner

    text = f"田中一郎会長（{post}）が答申を手渡した。"
    start = text.index(post)
    assert [text[c.start : c.end] for c in from_ner(text, [Span(start, start + len(post), "Position_Vocation")], [])] == kept


@pytest.mark.parametrize(
    ("text", "owner", "type_", "found"),
    [
        ("参議院の漁業委員会では、附帯決議が付いた。", "参議院", "Organization", ["漁業委員会"]),  # a house's committee
        ("ルリタニアの賃金委員会は12日に決めた。", "ルリタニア", "Country", ["賃金委員会"]),  # a country's
        ("…審議会の港湾部会で議論している。", "…審議会", "Organization", ["港湾部会"]),  # a council's section
        ("参議院の常任委員会では、", "参議院", "Organization", []),  # how a committee works: a kind
        ("参議院の特別委員会で", "参議院", "Organization", []),
        ("ABC社の倫理委員会は", "ABC社", "Organization", []),  # a company's committee: a kind
        ("…審議会の漁業分科会で議論する。", "…審議会", "Organization", ["漁業分科会"]),  # a section for one field
        ("…審議会の運営委員会で議論する。", "…審議会", "Organization", []),  # an act before 委員会 says how it works
    ],
)
def test_a_house_a_council_or_a_country_names_its_committees_by_one_field_word(text, owner, type_, found):
    from kg.resolve.candidates import Candidate
    from kg.resolve.compounds import formed_bodies

    start = text.index(owner)
    known = [Candidate(start, start + len(owner), 1, type=type_)]
    assert [text[c.start : c.end] for c in formed_bodies(text, known)] == found


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("消費者基本法にも同じすき間がある。", "消費者基本法", ["消費者基本法"]),  # one word of the dictionary, a named head
        ("基本法が必要だ。", "基本法", []),  # the head alone is a kind
    ],
)
def test_the_models_law_that_the_dictionary_holds_as_one_word_is_a_law(text, name, kept):
    from kg.resolve.model_spans import from_ner

    start = text.index(name)
    assert [text[c.start : c.end] for c in from_ner(text, [Span(start, start + len(name), "Law")], [])] == kept


def test_a_laws_title_in_parentheses_after_its_short_name_holds_its_commas():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import formal_titles

    text = "来年は、漁具法（漁船、漁具等の品質、安全性の確保等に関する法律）の改正案が出る。"
    assert [text[c.start : c.end] for c in formal_titles(text, base_lexicon(()))] == [
        "漁船、漁具等の品質、安全性の確保等に関する法律"]
    text = "港湾、漁船、漁具等の品質の確保等に関する法律が成立した。"  # no parenthesis: the title opens after the list
    assert [text[c.start : c.end] for c in formal_titles(text, base_lexicon(()))] == ["漁具等の品質の確保等に関する法律"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("同じ日に、みなと未来戦略も閣議決定された。", ["みなと未来戦略"]),  # も stands for が
        ("昨年閣議決定されたみなと未来戦略に沿う改正。", ["みなと未来戦略"]),  # the act in a relative clause before it
        ("閣議決定された行動計画に沿う。", []),  # two words: a kind of plan
    ],
)
def test_a_plan_the_text_says_was_adopted_before_or_after_its_name(text, found):
    from kg.resolve.compounds import acted_on_plans

    assert [text[c.start : c.end] for c in acted_on_plans(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("4月には健康長野30（第二次）が始まった。", ["健康長野30"]),  # a proper part and the round
        ("漁港整備基本計画（第5次）を決めた。", ["漁港整備基本計画"]),
        ("| 2030年度目標（第6次） |", []),  # a figure of a plan's round
        ("山田内閣（第2次）が発足した。", []),  # a leader's cabinet by its term
    ],
)
def test_a_name_with_a_plans_round_in_parentheses_is_the_plan_of_that_round(text, found):
    from kg.resolve.compounds import plans_by_term

    assert [text[c.start : c.end] for c in plans_by_term(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("第300回通常国会（1月〜6月）では、漁業水産委員会で報酬改定が取り上げられた。", ["漁業水産委員会"]),
        ("国会では、予算委員会で審議した。", ["予算委員会"]),  # one field word after a sitting of the parliament
        ("国会では、特別委員会で審議した。", []),  # how a committee works: a kind
        ("国会が閉じた。倫理委員会で審議した。", []),  # another sentence
        ("審議会では、第三者調査委員会で審議した。", []),  # a council, no parliament (審議会 ends in 議会)
    ],
)
def test_a_committee_in_a_sentence_about_a_parliament_is_its_committee(text, found):
    from kg.resolve.compounds import formed_bodies

    assert [text[c.start : c.end] for c in formed_bodies(text, [])] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2019年に施行された港湾改革関連法は、上限を設けた。", ["港湾改革関連法"]),  # a reform's omnibus act
        ("2019年に施行された宇宙関連法は、上限を設けた。", []),  # a class of laws
    ],
)
def test_a_reforms_related_laws_are_its_one_omnibus_act(text, found):
    from kg.resolve.compounds import cited_laws

    assert [text[c.start : c.end] for c in cited_laws(text, False)] == found


def test_a_bodys_name_running_on_into_a_publications_title_names_no_body():
    from kg.resolve.candidates import Candidate
    from kg.resolve.compounds import continued
    from kg.resolve.model_spans import from_ner

    text = "ABC Energy Outlook 2024。比較は"
    assert continued(text, [Candidate(0, 3, 1, type="Organization")]) == []
    assert from_ner(text, [Span(0, 18, "Corporation_Other")], []) == []
    text = "ABC Energy Corp は"  # a company's legal form: the name goes on
    assert [text[c.start : c.end] for c in from_ner(text, [Span(0, 15, "Corporation_Other")], [])] == ["ABC Energy Corp"]


def test_a_quoted_new_version_of_a_plan_names_the_plan_in_force_too():
    from kg.resolve.aliases import renewed_names

    def block(text):
        return Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                     kind="paragraph", text=text, links=())

    assert list(renewed_names([block("2026年以降の「新たな港湾整備構想」を議論した。")])) == [
        ("港湾整備構想", ["新たな港湾整備構想", "新しい港湾整備構想"])]
    assert list(renewed_names([block("「新たな挑戦」を始めた。")])) == []  # no plan's head
    text = "港湾整備構想は2025年を目標年とする。2026年以降の「新たな港湾整備構想」を議論した。新しい港湾整備構想の法案。"
    found = _entities(text)
    assert found.get("港湾整備構想") == "Plan"
    assert found.get("新たな港湾整備構想") == "Plan"



@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("EUでは、港湾データスペース（PDS）規則が合意された。", ["港湾データスペース（PDS）規則"]),
        ("国際原子力機関（IAEA）が査察した。", []),  # the acronym after the whole name
        ("日本（JP）では", []),  # no head after it
    ],
)
def test_a_name_with_its_acronym_before_its_head_is_one_name(text, found):
    from kg.resolve.compounds import acronyms_inside

    assert [text[c.start : c.end] for c in acronyms_inside(text)] == found
    if found:
        assert _entities(text).get("港湾データスペース規則") == "Law"  # the entity is the name without the acronym


def test_a_tables_column_of_companies_names_a_company_in_each_cell():
    from kg.notes.note import parse_note
    from kg.resolve.aliases import operators_in_tables

    text = ("## 主な事業者\n| サービス | 運営会社 | 備考 |\n|---|---|---|\n| みどりネット | ミドリ物産 | 最初期 |\n"
            "| こもれび | こもれび | 非公開 |\n| くらし便 | 検討中 | なし |\n| ほか | 米系装置メーカー各社 | 多数 |\n")
    note, _ = parse_note(text, "n")
    # 検討中 is common kanji words, …メーカー各社 a group, and the notes column (備考) names no company
    assert list(operators_in_tables(note.blocks)) == ["ミドリ物産", "こもれび"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2025年度の港湾財政計画は、2月に閣議決定して国会に出す。", ["港湾財政計画"]),  # the plan is the topic
        ("港湾財政計画は、国の決定に従う。", []),  # a decision the plan follows: no act done to it
    ],
)
def test_a_plan_as_the_topic_of_the_act_done_to_it(text, found):
    from kg.resolve.compounds import acted_on_plans

    assert [text[c.start : c.end] for c in acted_on_plans(text)] == found


def test_a_sentence_that_replaces_one_scheme_by_another_names_both():
    from kg.resolve.aliases import is_replaced_thing

    assert is_replaced_thing("漁業研修制度") and is_replaced_thing("漁業就労制度")
    assert not is_replaced_thing("新制度")  # one word says which of the two is meant
    found = _entities("漁業研修制度に代わる漁業就労制度を設ける改正法が成立した。漁業研修制度は1993年に始まった。")
    assert found.get("漁業研修制度") == "Plan" and found.get("漁業就労制度") == "Plan"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("港湾に関する小委員会で議論し、審議会が答申する。", ["港湾に関する小委員会"]),  # a subcommittee by its topic
        ("港湾に関する委員会で議論した。", []),  # one noun before a committee describes it
    ],
)
def test_a_subcommittee_is_named_by_its_one_topic(text, found):
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import formal_titles

    assert [text[c.start : c.end] for c in formal_titles(text, base_lexicon(()))] == found


def _read(text: str) -> dict[str, str]:
    """Return each node's label -> its type, one paragraph read with GiNZA's own spans."""
    from kg.extract.ner import find_spans
    from kg.resolve import resolve

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    spans = {text: find_spans([text])[0]}
    return {e.label: e.type for e in resolve([Note(path="n.md", title="n", blocks=(block,))], spans)}


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("12日投開票の北浜県知事選で、山田一郎氏が当選した。", "北浜県知事選", "Event"),  # a local head's election
        ("北浜コングレスは宣言を採択した。", "北浜コングレス", "Event"),  # a congress by its host city
        ("委員会は「ルリタニア・フレームワーク」を承認した。", "ルリタニア・フレームワーク", "Plan"),  # a quoted framework
    ],
)
def test_an_election_a_congress_and_a_framework_are_named_by_their_heads(nlp, text, name, type_):
    assert _read(text).get(name) == type_


def test_a_head_after_common_words_alone_is_a_kind(nlp):
    nodes = _read("知事選の投票率は低かった。開発フレームワークを更新した。")
    assert not any(label.endswith(("知事選", "フレームワーク")) for label in nodes)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("改正民法が成立した。", ["民法"]),  # a code the text amends
        ("国連は商法の改正を勧告した。", ["商法"]),
        ("同法の改正が成立した。新法が施行された。", []),  # a word pointing to a law named elsewhere
        ("方法により改善する。", []),  # a way of doing
    ],
)
def test_a_one_word_code_the_text_amends_is_a_law(text, found):
    from kg.resolve.compounds import acted_on

    assert [text[c.start : c.end] for c in acted_on(text)] == found


def test_a_one_word_code_listed_with_a_law_is_a_law_and_so_is_the_law():
    from kg.resolve.compounds import listed_laws

    text = "商法と北浜港湾法の規定を見直す。"
    assert sorted(text[c.start : c.end] for c in listed_laws(text, [])) == ["北浜港湾法", "商法"]
    assert listed_laws("方法と手法を見直す。", []) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("5月、商法等の一部を改正する法律が成立した。", ["商法等の一部を改正する法律"]),  # an act by its own title
        ("北浜港湾法の一部を改正する法律が成立した。", ["北浜港湾法の一部を改正する法律"]),
        ("内閣は商法等の一部を改正する法律案を閣議決定した。", []),  # the bill is the law it amends
        ("規則を改正する法律が要る。", []),  # a common word before the clause: a description
    ],
)
def test_an_amending_acts_title_in_plain_text_is_a_law(text, found):
    from kg.resolve.compounds import amending_acts

    assert [text[c.start : c.end] for c in amending_acts(text)] == found


def test_the_treaty_an_optional_protocol_is_named_after_is_a_treaty():
    from kg.resolve.compounds import protocols_treaties

    text = "北浜は、漁業権規約の第一選択議定書を批准した。"
    assert [text[c.start : c.end] for c in protocols_treaties(text)] == ["漁業権規約"]
    assert protocols_treaties("国際条約の議定書を読む。") == []  # a bare protocol: a kind




@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("港湾法（外航関係）部会は要綱をまとめた。", ["港湾法（外航関係）部会"]),  # a field and its part in parentheses
        ("港湾審議会漁業法（資源関係）分科会が", ["漁業法（資源関係）分科会"]),  # the council's own name is no part
        ("見直しの（案）部会", []),  # a parenthesis after a particle
        ("ABC（海運関係）部会", []),  # after no kanji field
    ],
)
def test_a_councils_section_is_named_by_a_field_and_its_part_in_parentheses(text, found):
    from kg.resolve.compounds import sections_by_part

    assert [text[c.start : c.end] for c in sections_by_part(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("全国遊漁船・釣船連合会（全釣連）の会長が述べた。", ["全国遊漁船・釣船連合会"]),
        ("全国灯台守連盟は反対した。", ["全国灯台守連盟"]),
        ("全国の協会が反対した。", []),  # 全国 as a word of its own
        ("全国的な連盟", []),
        ("日本全国協会員", []),  # inside a longer word
    ],
)
def test_a_nationwide_association_is_named_from_zenkoku_to_its_head(text, found):
    from kg.resolve.compounds import nationwide_associations

    assert [text[c.start : c.end] for c in nationwide_associations(text)] == found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("全国灯台守被害弁護団が提訴した。", ["全国灯台守被害弁護団"]),  # a lawyers' team for a group
        ("被害弁護団は提訴した。", []),  # one word before the head: a kind
        ("港湾漁船対策閣僚会議が決定した。", ["港湾漁船対策閣僚会議"]),  # a standing ministers' council
        ("仙台地裁石巻支部は棄却した。", ["仙台地裁石巻支部"]),  # a court's branch for a place
        ("北浜市会に提出した。", ["北浜市会"]),  # a city's assembly
    ],
)
def test_leagues_lawyers_teams_ministers_councils_branches_and_city_assemblies_are_bodies(text, kept):
    found = _entities(text)
    assert [name for name, type_ in found.items() if type_ == "Organization"] == kept


@pytest.mark.parametrize(
    ("text", "spans", "found"),
    [
        # a group or a count of bodies is no body; one body stays
        ("他のZXR各社は反対した。", [("ZXR各社", "Company")], {}),
        ("国の4省が共同で所管する。", [("4省", "Government")], {}),
        ("ZXR東日本は反対した。", [("ZXR東日本", "Company")], {"ZXR東日本": "Organization"}),
        # a company's aircraft or brand names the company; a kind of aircraft names none
        ("Zenair機の乗客は全員が脱出した。", [("Zenair機", "Company")], {"Zenair": "Organization"}),
        ("Zenairブランドの航空会社", [("Zenairブランド", "Company")], {"Zenair": "Organization"}),
        ("旅客機の乗客は脱出した。", [("旅客機", "Company")], {}),
        # an area a place and a trade name is no body
        ("北浜交通圏でも始まる。", [("北浜交通圏", "Company")], {}),
    ],
)
def test_groups_counts_things_and_areas_of_companies_are_no_bodies(text, spans, found):
    assert {k: v for k, v in _entities(text, *spans).items() if v == "Organization"} == found


@pytest.mark.parametrize(
    ("text", "spans", "name", "type_"),
    [
        ("鎌倉市でも、北浜電の駅の周辺に警備員を置いた。", [("北浜電", "City")], "北浜電", "Organization"),  # …電 of …電鉄
        ("函館遊覧船の事故の報告書", [("函館遊覧船", "Person")], "函館遊覧船", "Organization"),  # a place and a trade
        ("長野太郎が述べた。", [("長野太郎", "Person")], "長野太郎", "Person"),  # a surname that is a place's name
    ],
)
def test_a_railways_short_name_and_a_business_named_by_place_and_trade_are_bodies(text, spans, name, type_):
    assert _entities(text, *spans)[name] == type_


def test_a_company_written_with_sha_is_the_company_named_with_its_legal_form():
    from kg.resolve.knowledge import without_company_word

    assert [without_company_word(n) for n in ("ZXR社", "ゼノ社", "神社", "新聞社", "X社")] == ["ZXR", "ゼノ", "神社", "新聞社", "X社"]
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.corrections import AliasRow
    from kg.resolve.mentions import _lookup

    lexicon = base_lexicon([AliasRow("ZXR株式会社", "Organization")])
    assert _lookup(lexicon, "ZXR社").entity == "ZXR株式会社"
    assert _lookup(lexicon, "ZXQ社") is None


def test_a_proper_word_before_a_thing_a_company_makes_is_the_company():
    from kg.resolve.compounds import _opens_latin, proper_words

    text = "ダッソー機が着陸した。"
    assert [(text[c.start : c.end], c.type) for c in proper_words(text, ())] == [("ダッソー", "Organization")]
    assert proper_words("旅客機が着陸した。", ()) == []
    # an acronym opening a name makes a place's head after it a company's regional arm (ABC東海)
    assert [_opens_latin(n) for n in ("ABC東海", "東海", "ABC", "A東海")] == [True, False, False, False]


def test_a_short_name_ending_in_a_head_of_another_kind_abridges_a_body():
    from kg.resolve.aliases import _is_abridged

    assert _is_abridged(["北海旅客鉄道", "ZX北海"])  # 海 ends a sea's name, no company's head
    assert _is_abridged(["北浜旅客鉄道", "ZX北海"]) is False  # 北海 is not in the long name
    assert _is_abridged(["北浜海運機構", "北浜協会"]) is False  # a head of its own kind: another body


@pytest.mark.parametrize(
    ("text", "spans", "found"),
    [
        ("委員会は交易局が設置した。", [("交易局", "Organization_Other")], {"交易局": "Organization"}),  # a field and 局
        ("市の郵便局が開いた。", [("郵便局", "Organization_Other")], {}),  # one word of the dictionary: any office
        ("NetflixはNetflix Japanを設立した。", [], {"Netflix Japan": "Organization"}),  # a known body's arm in a country
    ],
)
def test_a_bureau_by_its_field_and_a_bodys_arm_in_a_country_are_bodies(text, spans, found):
    from kg.resolve import resolve

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    found_spans = tuple(Span(text.index(n), text.index(n) + len(n), label) for n, label in spans)
    entities = resolve([Note(path="n.md", title="n", blocks=(block,))], {text: found_spans})
    assert {e.id: e.type for e in entities if e.type == "Organization" and e.id != "ネットフリックス"} == found


def test_a_universitys_proper_word_before_a_post_there_is_the_university():
    from kg.resolve.compounds import proper_words

    text = "部会長は北浜一郎・國學院大學教授が務めた。"
    assert [(text[c.start : c.end], c.type) for c in proper_words(text, ())] == [("國學院大學", "Organization")]
    assert proper_words("北海大学教授が務めた。", ()) == []  # common words before 大学 name no university


@pytest.mark.parametrize(
    ("text", "span", "found"),
    [
        # the model's span cut inside one run of kanji field words before a body's head
        ("審査は漁港施設安全評価センターが担う。", "安全評価センター", "漁港施設安全評価センター"),
        ("昨年評価センターが発足した。", "評価センター", "評価センター"),  # a time word opens no name
    ],
)
def test_a_bodys_span_cut_inside_a_run_of_field_words_takes_the_whole_run(text, span, found):
    assert _entities(text, (span, "Corporation_Other")) == {found: "Organization"}


def test_a_katakana_name_joined_by_dots_before_sei_is_its_maker():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.compounds import makers

    lexicon = base_lexicon(())
    for text, found in (("機体（ゼノ・アビエーション・カナダ製）について", ["ゼノ・アビエーション・カナダ"]),
                        ("ボスニア・ヘルツェゴビナ製の家具", []),  # a country of two words: where it was made
                        ("ドイツ製の車", [])):
        assert [text[c.start : c.end] for c in makers(text, lexicon)] == found
    # the country that ends the maker's name is a part of it, no mention of the country
    assert _entities("機体はゼノ・マリン・カナダ製だ。") == {"ゼノ・マリン・カナダ": "Organization"}


def test_a_law_keeps_its_old_in_its_name_where_a_plan_drops_it():
    text = "旧北浜保全法は1950年に制定され、1990年にノルダ母体法に改められた。"  # the law before its new title
    assert _entities(text)["旧北浜保全法"] == "Law"
    plan = "旧ノルダ大綱に代わって新しい大綱ができた。"  # the old plan is the plan so named
    assert _entities(plan, ("旧ノルダ大綱", "Plan")) == {"ノルダ大綱": "Plan"}


def test_a_treaty_or_law_with_another_name_of_its_kind_in_parentheses_is_one_thing():
    text = "ルリタニアは、北海航空条約（ノルダ条約）を批准した。ノルダ条約の附属書に沿う。"
    assert _entities(text) == {"北海航空条約": "Agreement"}  # the city name joins the formal one
    known = "ルリタニアは、バーゼル条約（ラムサール条約）を批准した。"  # two treaties kg knows apart stay two
    assert _entities(known) == {"バーゼル条約": "Agreement", "ラムサール条約": "Agreement"}


def test_the_parliaments_numbered_sitting_is_an_event_the_model_labels_a_number():
    text = "その法律は第301回国会で成立した。"
    assert _entities(text, ("第301回国会", "Ordinal_Number")) == {"第301回国会": "Event"}
    assert _entities("その法律は国会で成立した。") == {"国会": "Organization"}


def test_a_bodys_numbered_sitting_defined_with_its_acronym_is_an_event():
    text = "ノルダ機関の第9回海洋保全委員会（NMPC9）が閉幕した。NMPC9の交渉は続いた。"
    assert _entities(text)["NMPC9"] == "Event"
    body = "ノルダ機関の海洋保全委員会（NMPC）が声明を出した。"  # the body itself, no sitting
    assert _entities(body)["NMPC"] == "Organization"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("改正された基準と北浜港湾整備法施行規則が施行された。", ["北浜港湾整備法施行規則"]),
        ("民法施行令が定める。", ["民法施行令"]),  # a one-word code and its order
        ("同法施行規則を改正した。", []),  # a word that points to a law named elsewhere
        ("施行規則を読む。", []),  # the order alone names no law
    ],
)
def test_a_laws_name_with_its_order_right_after_it_is_a_law(text, found):
    from kg.resolve.compounds import law_ordinances

    assert [text[c.start : c.end] for c in law_ordinances(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("閣僚会議は「北浜港の事故を受けた漁業制度等に関する今後の対応」を決定した。", ["北浜港の事故を受けた漁業制度等に関する今後の対応"]),
        ("閣僚会議は「漁業者を不漁から守るための総合対策」を決定した。", ["漁業者を不漁から守るための総合対策"]),
        ("政府は「北浜港の閉鎖を受けた緊急支援パッケージ」を決めた。", ["北浜港の閉鎖を受けた緊急支援パッケージ"]),
        ("政府は「浜を守る」政策パッケージをまとめた。", ["浜を守る政策パッケージ"]),  # a slogan and a plan's head
        ("会議は「世界一豊かな大阪」創造戦略2030を決めた。", ["世界一豊かな大阪創造戦略2030"]),  # a proper name, the year
        ("政府は「北浜港の再生を目指す改革の道筋（改革工程）」を閣議決定した。", ["北浜港の再生を目指す改革の道筋"]),
        ("政府は「北浜港を整備する法律案」を閣議決定した。", []),  # a bill: the law's rules read it
        ("知事は「政府の対応は遅い」と述べた。", []),  # speech: a measure with no title
        ("住民は「子どもを守るための対策」を求めた。", []),  # a kind of measure asked for
        ("「安い」旅行パッケージを買った。", []),  # a quote of no verb describes a product
        ("会議は「人口ビジョン2100」を発表した。", ["人口ビジョン2100"]),  # a katakana head and its year
        ("座長は「届出の制度の信頼を取り戻す」と述べた。", []),  # a phrase of a quoted sentence
    ],
)
def test_a_quoted_title_of_measures_a_cabinet_decision_or_a_slogan_before_a_plans_head_is_a_plan(text, found):
    assert [name for name, type_ in _entities(text).items() if type_ == "Plan"] == found


def test_a_ministers_post_the_model_calls_a_meeting_names_no_event(nlp):
    assert _entities("防衛大臣には北浜一郎氏が就いた。", ("防衛大臣", "Conference")).get("防衛大臣") is None
    assert _entities("北浜会議には北浜一郎氏が出た。", ("北浜会議", "Conference")).get("北浜会議") == "Event"
    assert _entities("衆院選で初当選した。") == {"衆院選": "Event"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("関連：「大阪の会談」のメモ", {}),  # a meeting told by where it was
        ("関連：「5月の協議」のメモ", {}),  # by when
        ("関連：「次回の協議」のメモ", {}),  # by its turn
        ("関連：「初会合」のメモ", {}),  # one word of the dictionary: a kind
        ("関連：「北浜首脳会議」のメモ", {"北浜首脳会議": "Event"}),
    ],
)
def test_a_quoted_meeting_told_by_its_place_date_or_turn_names_none(text, found):
    assert {name: type_ for name, type_ in _entities(text).items() if type_ == "Event"} == found


def test_a_gloss_of_members_between_a_name_and_its_head_leaves_one_name():
    assert _entities("首相はAPEC（21か国・地域）首脳会議に出た。").get("APEC首脳会議") == "Event"
    assert "国際連合・国際機関" not in _entities("国際連合（国連）・国際機関の役割")  # names listed with ・


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("両首脳は共同声明「北浜の精神」を発表した。", {"北浜の精神": "Agreement"}),  # a statement's own title
        ("会議は成果文書「北浜コンセンサス」を採択した。", {"北浜コンセンサス": "Agreement"}),
        ("両首脳は共同声明「今後も協力する」を出した。", {}),  # a quoted sentence, no title
        ("首相は声明で「北浜の精神」を強調した。", {}),  # a phrase the statement says, not its title
        ("両首脳は北浜首脳共同声明「北浜の精神」を出した。", {}),  # another name of the statement named before it
    ],
)
def test_a_quoted_title_right_after_a_word_for_a_statement_is_an_agreement(text, found):
    assert {name: type_ for name, type_ in _entities(text).items() if type_ == "Agreement"} == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("与野党は3党合意を結んだ。", {"3党合意": "Agreement"}),
        ("三党合意の文言を読む。", {"3党合意": "Agreement"}),  # the number in kanji: the same deal, in digits
        ("3党合意案を示した。", {}),  # a draft of one
    ],
)
def test_a_deal_named_by_the_number_of_its_parties_is_an_agreement(text, found):
    assert {name: type_ for name, type_ in _entities(text).items() if type_ == "Agreement"} == found


def test_a_partnership_a_relation_is_raised_to_names_no_agreement():
    raised = "両国は関係を「北浜と南浜の包括的パートナーシップ」に格上げした。"
    assert "北浜と南浜の包括的パートナーシップ" not in _entities(raised)
    signed = "両国は「北浜と南浜の包括的パートナーシップ協定」に署名した。"  # a text signed: an agreement
    assert _entities(signed).get("北浜と南浜の包括的パートナーシップ協定") == "Agreement"
