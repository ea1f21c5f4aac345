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
        ("4月には健康長野30（第二次）が始まった。", ["健康長野30（第二次）"]),  # a proper part and the round
        ("漁港整備基本計画（第5次）を決めた。", ["漁港整備基本計画（第5次）"]),
        ("| 2030年度目標（第6次） |", []),  # a figure of a plan's round
        ("山田内閣（第2次）が発足した。", []),  # a leader's cabinet by its term
    ],
)
def test_a_name_with_a_plans_round_in_parentheses_is_the_plan_of_that_round(text, found):
    from kg.resolve.compounds import plans_by_term

    assert [text[c.start : c.end] for c in plans_by_term(text)] == found
