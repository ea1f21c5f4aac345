"""How local-government and domestic policy text names its bodies, groupings and office holders: fields in kana
joined by ・, headquarters, associations of a post's holders, councils, parties named with の会, ministers with a
field of several words, and people the vault's aliases name by surname and title. Names are made up."""

from __future__ import annotations

import re

import pytest

from kg.records import Block, Note, Span
from kg.resolve import resolve
from kg.resolve.aliases import base_lexicon, is_entity_name
from kg.resolve.candidates import bare_headed
from kg.resolve.compounds import chaired_councils, cited_laws, set_up_bodies
from kg.resolve.model_spans import from_ner
from kg.resolve.people import titled_people


def _note(text: str, path: str = "n.md", aliases: tuple[str, ...] = ()) -> Note:
    block = Block(note=path, heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    return Note(path=path, title=path[:-3], aliases=aliases, blocks=(block,))


def _spans(text: str, *labelled: tuple[str, str]) -> dict[str, tuple[Span, ...]]:
    """Return the text's spans: each surface labelled wherever it is written."""
    return {text: tuple(Span(m.start(), m.end(), label) for surface, label in labelled
                        for m in re.finditer(re.escape(surface), text))}


def _nodes(notes, spans) -> dict[str, tuple[str, list[str]]]:
    """Return each node's label -> its type and the surfaces of its mentions, sorted."""
    return {e.label: (e.type, sorted({m.surface for m in e.mentions})) for e in resolve(notes, spans)}


def _headed(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.type) for c in bare_headed(text)]


def test_kana_fields_joined_by_a_dot_are_words_of_one_name():
    # むら is two kana, a common word alone; joined by ・ to other kana fields it is one of the name's fields
    assert _headed("政府はむら・あそび・しごと総合戦略を閣議決定した") == [("むら・あそび・しごと総合戦略", "Plan")]
    law = "むら・あそび・しごと振興法が国会で成立した"
    assert [law[c.start : c.end] for c in cited_laws(law, False)] == ["むら・あそび・しごと振興法"]
    assert _headed("政府はこれ・それ推進戦略を決めた") == []  # pronouns are no fields


def test_a_headquarters_is_named_by_three_words_and_opens_with_new():
    assert _headed("政府は地方経済振興本部を設けた") == [("地方経済振興本部", "Organization")]
    assert _headed("首相は新しい地方経済・生活振興本部を設けた") == [("新しい地方経済・生活振興本部", "Organization")]
    assert _headed("会社は国際事業本部を設けた") == []  # two words: a kind of division


def test_associations_of_a_posts_holders_and_groupings_by_a_count_are_bodies():
    assert _headed("九州地方知事会と全国港湾市長会が要望した") == [
        ("九州地方知事会", "Organization"), ("全国港湾市長会", "Organization")]
    assert _headed("経済六団体が要望した") == [("経済六団体", "Organization")]
    assert _headed("市長会が要望した") == [] and _headed("関係3団体が要望した") == []


def _people(text: str, spans: tuple[Span, ...] = ()) -> tuple[list[str], list[str]]:
    people, titles = titled_people(text, spans, base_lexicon(()))
    return sorted({text[c.start : c.end] for c in people}), sorted({text[c.start : c.end] for c in titles})


def test_a_ministers_field_of_several_words_is_the_titles():
    # the model reads the field into the name (北浜地方振興); a place's name opening the run is a surname
    assert _people("北浜地方振興相は述べた。", (Span(0, 6, "Person"),)) == (["北浜"], ["地方振興相"])
    assert _people("山田こども政策担当相は述べた", (Span(0, 5, "Person"),)) == (["山田"], ["こども政策担当相"])
    assert _people("日本の地方振興相は述べた。") == ([], [])  # no name before the field


def test_a_place_alone_before_a_mayors_title_names_the_town():
    text = "前八王子市長の北浜一郎氏が立候補した。"
    people, _ = titled_people(text, (Span(1, 4, "Person"),), base_lexicon(()))  # the model's person, 八王子
    assert sorted((text[c.start : c.end], c.type) for c in people) == [("八王子市", "Region"), ("北浜一郎", "Person")]


def test_a_surname_before_a_katakana_given_name_is_the_persons():
    text = "県の北浜ジョージ知事は懸念を示した。北浜知事の懸念は強い。"
    nodes = _nodes([_note(text)], _spans(text, ("北浜ジョージ", "Person"), ("北浜", "Person")))
    assert nodes["北浜ジョージ"] == ("Person", ["北浜", "北浜ジョージ"])
    other = "北浜ショックが起きた。北浜知事は述べた。"  # a common katakana word after a surname names no one
    nodes = _nodes([_note(other)], _spans(other, ("北浜ショック", "Person"), ("北浜", "Person")))
    assert "北浜" in nodes


def test_a_surname_and_title_the_vaults_aliases_give_is_that_person():
    assert is_entity_name("坂本龍馬", base_lexicon(())) and not is_entity_name("坂本", base_lexicon(()))
    entity = _note("父の坂本一郎は知事だった。坂本首相は述べた。", "坂本龍馬.md", aliases=("坂本首相",))
    dated = _note("坂本首相は述べた。坂本内閣は決めた。", "d.md")
    spans = {**_spans(entity.blocks[0].text, ("坂本一郎", "Person"), ("坂本", "Person")),
             **_spans(dated.blocks[0].text, ("坂本", "Person"))}
    nodes = _nodes([entity, dated], spans)
    assert nodes["坂本龍馬"][0] == "Person" and nodes["坂本一郎"] == ("Person", ["坂本一郎"])
    assert "坂本" not in nodes


def test_a_council_with_a_chair_or_a_councils_head_is_a_body_and_a_numbered_session_a_meeting():
    text = "北浜未来会議（座長は山田氏）が提言した。北浜未来会議の事務局は研究所が務めた。"
    assert _nodes([_note(text)], _spans(text, ("北浜未来会議", "Conference")))["北浜未来会議"][0] == "Organization"
    session = "第3回北浜未来会議の議長は山田氏だった。"
    assert _nodes([_note(session)], _spans(session, ("第3回北浜未来会議", "Conference")))["第3回北浜未来会議"][0] == "Event"
    named = "有識者会議として「新しい港湾都市創生会議」も設ける。"  # a council named by what it revitalises
    assert _nodes([_note(named)], {})["新しい港湾都市創生会議"][0] == "Organization"


def test_a_party_named_with_no_kai_is_a_body_where_the_text_says_so():
    text = "地域政党の港町ファーストの会も候補を推した。"
    assert _nodes([_note(text)], {})["港町ファーストの会"][0] == "Organization"
    common = "犯罪被害者の会と自民党が会った。"  # common words and の会: a kind of group
    assert "犯罪被害者の会" not in _nodes([_note(common)], {})


@pytest.mark.parametrize(("post", "kept"), [("文部科学大臣", False), ("北浜振興機構", True)])
def test_a_ministers_post_the_model_calls_a_body_is_none(post, kept):
    text = f"{post}を務めた。"
    found = from_ner(text, (Span(0, len(post), "Government"),), [])
    assert bool(found) == kept


def test_a_surname_two_people_share_is_the_one_written_with_the_same_title():
    text = "北浜花子こども政策担当大臣は述べた。北浜こども相の説明に批判が続いた。北浜一郎財務相が着いた。北浜財務相は折衝した。北浜氏は欠席した。"
    spans = _spans(text, ("北浜花子", "Person"), ("北浜一郎", "Person"), ("北浜", "Person"))
    nodes = _nodes([_note(text)], spans)
    assert nodes["北浜花子"] == ("Person", ["北浜", "北浜花子"]) and nodes["北浜一郎"] == ("Person", ["北浜", "北浜一郎"])
    assert "北浜" not in nodes  # 北浜氏 with a title neither is written with: the one named last before it


def test_a_surname_two_namesakes_share_is_the_one_named_last_before_it_and_stays_before_either():
    text = "北浜さんの話から始める。北浜一郎さんが訴えた。姉の北浜花子さんが支えた。北浜一郎さんは釈放された。北浜さんは謝罪を受けた。"
    spans = _spans(text, ("北浜一郎", "Person"), ("北浜花子", "Person"), ("北浜", "Person"))
    found = {e.label: [m.surface for m in e.mentions] for e in resolve([_note(text)], spans)}
    assert sorted(found["北浜一郎"]) == ["北浜", "北浜一郎", "北浜一郎"] and found["北浜花子"] == ["北浜花子"]
    assert found["北浜"] == ["北浜"]  # the first 北浜さん, before either full name: nobody is named yet


def test_a_council_named_by_a_run_with_a_chair_after_it_is_a_body():
    def named(text):
        return [text[c.start : c.end] for c in chaired_councils(text)]

    assert named("開発協力審査会議の事務局は外務省に置かれている") == ["開発協力審査会議"]
    assert named("有識者会議の座長は述べた") == [] and named("第3回北浜未来会議の事務局は") == []
    assert named("北浜未来会議の委員会は") == []  # 委員 of 委員会 is no member
    assert named("山田氏が座長を務めた北浜未来会議の提言") == ["北浜未来会議"]
    assert named("山田氏が議長を務めた北浜未来会議で") == []  # a meeting has a 議長 too
    text = "有識者会議として「北浜港湾再生会議」も設ける。"  # も: set up too
    assert [text[c.start : c.end] for c in set_up_bodies(text)] == ["北浜港湾再生会議"]
