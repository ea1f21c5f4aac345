"""How news and political notes name parties, factions, newspapers, firms and a country's forces (made-up names)."""

import pytest

from kg.records import Block, Note, Span


def _entities(*texts_and_spans: tuple[str, tuple[tuple[str, str], ...]]) -> dict[str, str]:
    blocks, spans = [], {}
    for line, (text, named) in enumerate(texts_and_spans, 1):
        blocks.append(Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=line - 1,
                            line=line, kind="paragraph", text=text, links=()))
        spans[text] = tuple(Span(text.index(name), text.index(name) + len(name), label) for name, label in named)
    from kg.resolve import resolve

    return {e.id: e.type for e in resolve([Note(path="n.md", title="n", blocks=tuple(blocks))], spans)}


@pytest.mark.parametrize(
    ("text", "span", "found"),
    [
        ("未来創造党が議席を得た。", "未来創造党", {"未来創造党": "Organization"}),  # common words and 党: one party
        ("最大野党が反対した。", "最大野党", {}),  # a word for any party
    ],
)
def test_a_party_named_by_common_words_and_its_head_is_a_party(text, span, found):
    assert _entities((text, ((span, "Government"),))) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("北浜政策研究会（山川派）が解散した。山川派の議員が集まった。", {"北浜政策研究会": "Organization"}),
        ("山川派（北浜政策研究会）は存続する。北浜政策研究会の会長が話した。", {"北浜政策研究会": "Organization"}),
    ],
)
def test_a_group_and_its_name_by_its_leader_in_parentheses_are_one_faction(text, found):
    assert {k: v for k, v in _entities((text, ())).items() if v == "Organization"} == found


def test_a_faction_after_a_qualifier_is_the_faction():
    found = _entities(("北浜政策研究会（山川派）が解散した。", ()),
                      ("旧山川派の議員が集まった。", (("旧山川", "Person"),)))
    assert {k: v for k, v in found.items() if v == "Organization"} == {"北浜政策研究会": "Organization"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("北浜日報が報じた。", {"北浜日報": "Organization"}),  # a proper word and 日報: a newspaper
        ("業務日報を書いた。", {}),  # a common word and 日報: a daily report
    ],
)
def test_a_proper_word_and_a_word_for_a_daily_paper_is_a_newspaper(text, found):
    assert {k: v for k, v in _entities((text, ())).items() if v == "Organization"} == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("チリ軍が演習した。", ["チリ軍"]),  # a country's name and a word for a force
        ("韓国軍の訓練", ["韓国軍"]),  # one word of the dictionary made of both
        ("チリ軍事政権が倒れた。", []),  # 軍事 is no force
    ],
)
def test_a_countrys_name_before_a_word_for_a_force_is_that_force(text, found):
    from kg.resolve.compounds import country_forces

    assert [(text[c.start : c.end], c.type) for c in country_forces(text)] == [(f, "Organization") for f in found]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("造船大手のスクリューなどが寄付した。", {"スクリュー": "Organization"}),  # the text says it is a company
        ("造船会社のスクリューなどを替えた。", {}),  # a thing of the firm
    ],
)
def test_the_models_company_after_a_word_for_a_company_and_no_is_a_company(text, found):
    assert _entities((text, (("スクリュー", "Company"),))) == found


@pytest.mark.parametrize(
    ("text", "span", "found"),
    [
        ("チリの海洋情報院は発表した。", ("海洋情報院", "Government"), {"チリ": "Country", "海洋情報院": "Organization"}),
        ("海洋安全部傘下の基金が払う。", ("海洋安全部", "Organization_Other"), {"海洋安全部": "Organization"}),
        ("大統領室の発表", ("大統領室", "Facility_Part"), {"大統領室": "Organization"}),  # a head of state's office
        ("報告の海洋情報院は", ("海洋情報院", "Government"), {}),  # no country or body before it
        ("会議室の予約", ("会議室", "Facility_Part"), {}),  # a room
    ],
)
def test_a_foreign_states_organ_by_its_one_kanji_head_is_a_body(text, span, found):
    assert _entities((text, (span,))) == found


def test_a_body_every_prefecture_has_is_a_kind():
    assert _entities(("報告書は都道府県の海洋管理委員会に出す。", ())) == {}
    assert _entities(("報告書は北浜県の海洋管理委員会に出す。", ())).get("海洋管理委員会") == "Organization"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("大阪地検特捜部が立件した。", {"大阪地検特捜部": "Organization"}),  # a place and a prosecutors' unit
        ("札幌高検が控訴した。", {"札幌高検": "Organization"}),
        ("地裁が判決を出した。", {}),  # the short head alone: any district court
    ],
)
def test_a_place_and_a_courts_or_prosecutors_short_head_is_that_office(text, found):
    assert _entities((text, ())) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("北方海洋情報院（海情院）が発表した。", {"北方海洋情報院": "Organization"}),  # the organ's head kept in its short name
        ("北方海洋情報網（海情網）を作った。", {}),  # a network: no organ's head
    ],
)
def test_a_foreign_organ_and_its_short_name_with_the_same_head_are_one_body(text, found):
    assert _entities((text, ())) == found


@pytest.mark.parametrize(
    ("text", "glossed"),
    [
        ("チリの国家警察院（警察庁）は発表した。", True),  # Japan's body names the foreign organ's work: a gloss
        ("国家警察院（警察庁）が発表した。", False),  # no country before the organ
    ],
)
def test_a_body_of_japan_in_parentheses_after_a_foreign_organ_glosses_it(text, glossed):
    found = _entities((text, (("国家警察院", "Government"),)))
    assert ("警察庁" not in found) is glossed


@pytest.mark.parametrize(
    ("text", "one"),
    [
        ("北浜製鉄（当時の北浜金属工業）に賠償を命じた。", {"北浜製鉄", "北浜金属工業"}),  # the company's name then
        ("北浜経済連合会（北経連、今の北浜経済協会）が設けた。", {"北浜経済連合会", "北経連", "北浜経済協会"}),  # its name now
        ("山川一郎（当時の外相）が話した。", set()),  # a person and the post held then: no body renamed
    ],
)
def test_a_body_and_its_name_at_another_time_in_parentheses_are_one_body(text, one):
    from kg.resolve.aliases import _paren_definitions
    from kg.resolve.lexicon import Lexicon

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert {n for group in _paren_definitions(block, Lexicon()) for n in group} == one


@pytest.mark.parametrize(
    ("text", "span", "found"),
    [
        ("ルミナ製薬の社員が起訴された。", ("ルミナ製薬", "Treaty"), {"ルミナ製薬": "Organization"}),  # a trade ends no treaty
        ("ルミナ造船が供託した。", ("ルミナ造船", "Island"), {"ルミナ造船": "Organization"}),  # nor an island
        ("ルミナ海峡を通った。", ("ルミナ海峡", "Sea"), {"ルミナ海峡": "Region"}),  # a place's head: a place
    ],
)
def test_the_models_treaty_or_place_ending_in_a_companys_trade_is_a_company(text, span, found):
    assert _entities((text, (span,))) == found


@pytest.mark.parametrize(
    ("texts", "one"),
    [
        (("チリ急進党が反対した。", "急進党の議員が話した。"), True),  # one country's party by its name at home
        (("チリ急進党が反対した。", "ペルー急進党も反対した。", "急進党の議員が話した。"), False),  # two countries' parties
    ],
)
def test_a_countrys_party_and_its_name_without_the_country_are_one_party(texts, one):
    from kg.resolve.aliases import parties_without_country

    blocks = [Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=i, line=i + 1,
                    kind="paragraph", text=t, links=()) for i, t in enumerate(texts)]
    assert (list(parties_without_country(blocks)) == [["チリ急進党", "急進党"]]) is one


@pytest.mark.parametrize(
    ("text", "one"),
    [
        ("北浜から海を守る党（北浜党）の党首が話した。", {"北浜から海を守る党", "北浜党"}),  # the party's characters in order
        ("北浜から海を守る党（南浜党）の党首が話した。", set()),  # another party's name
    ],
)
def test_a_party_and_its_short_name_in_parentheses_are_one_party(text, one):
    from kg.resolve.aliases import _paren_definitions
    from kg.resolve.lexicon import Lexicon

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert {n for group in _paren_definitions(block, Lexicon()) for n in group} & {"北浜から海を守る党", "北浜党"} == one


@pytest.mark.parametrize(
    ("known", "people"),
    [
        (True, []),  # a known body's committee: a post, no one's name
        (False, ["北浜院予算"]),  # no body kg knows: the model's person stays
    ],
)
def test_a_title_after_a_known_body_and_its_committee_names_no_person(known, people):
    from kg.resolve.lexicon import Lexicon
    from kg.resolve.people import titled_people

    text = "北浜院予算委員長を野党がとった。"
    lexicon = Lexicon()
    if known:
        lexicon.add("北浜院", "北浜院", "Organization")
    found, _ = titled_people(text, (Span(0, 5, "Person"),), lexicon)
    assert [text[c.start : c.end] for c in found if c.type == "Person"] == people


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("北浜ファーストの会が第1党に戻った。", {"北浜ファーストの会": "Organization"}),  # a group named by its cause
        ("北浜ファーストの会長が話した。", {}),  # の会長: a chair's post, no group
    ],
)
def test_the_models_katakana_span_before_no_kai_is_a_group_so_named(text, found):
    assert _entities((text, (("北浜ファースト", "GOE_Other"),))) == found


@pytest.mark.parametrize(
    ("text", "span", "found"),
    [
        ("XYZ処理水の放出が続く。", "XYZ処理水", {}),  # an acronym's system and what it makes: a thing
        ("XYZ製作所が受注した。", "XYZ製作所", {"XYZ製作所": "Organization"}),  # a body's head
    ],
)
def test_an_acronym_and_a_kanji_word_for_a_thing_is_no_body(text, span, found):
    assert _entities((text, ((span, "Company"),))) == found
