"""Formal titles of Japanese policy text (kg.resolve.aliases._official_title, candidates.formal_titles), the
numbered meeting a section's heading names, a replacement that states two things, and quoted phrases and
words for kinds that name no one thing. Names are made up; no model spans."""

from __future__ import annotations

from kg.records import Block, Link, Note
from kg.resolve import resolve
from kg.resolve.candidates import KNOWN, Candidate, formal_titles, without_glosses
from kg.resolve.lexicon import Lexicon


def _block(text: str, path: str = "n.md", kind: str = "paragraph", section: int = 1, links: tuple = ()) -> Block:
    return Block(note=path, heading_path=("見出し",), heading_levels=(2,), section=section, paragraph=0, line=1,
                 kind=kind, text=text, links=links)


def _note(*blocks: Block, path: str = "n.md", aliases: tuple[str, ...] = ()) -> Note:
    return Note(path=path, title=path[:-3], aliases=aliases, blocks=tuple(blocks))


def _nodes(notes) -> dict[str, list[str]]:
    """Return each node's label -> the surfaces of its mentions, sorted."""
    return {e.label: sorted({m.surface for m in e.mentions}) for e in resolve(notes, {})}


def _titles(text: str) -> list[str]:
    return [text[c.start : c.end] for c in formal_titles(text, Lexicon())]


def test_a_formal_title_before_its_short_name_in_parentheses_is_one_name():
    treaty = "日本は2001年に海底遺跡の保護に関する条約（海底遺跡条約）に加入した。海底遺跡条約の締約国は増えた。"
    assert _nodes([_note(_block(treaty))])["海底遺跡の保護に関する条約"] == ["海底遺跡の保護に関する条約", "海底遺跡条約"]
    law = "港湾法と、外国の船員の適正な雇用及び船員の保護に関する法律（船員雇用法）の改正案が出た。"
    nodes = _nodes([_note(_block(law))])
    assert nodes["外国の船員の適正な雇用及び船員の保護に関する法律"] == ["外国の船員の適正な雇用及び船員の保護に関する法律", "船員雇用法"]
    # a year after the head is the edition's: both names keep it
    edition = "政府は3日、国土強靱化と地域再生の基本方針2030（強靱化方針2030）を閣議決定した。"
    assert _nodes([_note(_block(edition))])["国土強靱化と地域再生の基本方針2030"] == [
        "国土強靱化と地域再生の基本方針2030", "強靱化方針2030"]
    # Latin letters of the short name may stand for English words (DX, GX): its other characters are the title's
    latin = "同年に成立した北方経済の円滑な移行の推進に関する法律（NX推進法）が施行された。"
    assert _nodes([_note(_block(latin))])["北方経済の円滑な移行の推進に関する法律"] == [
        "NX推進法", "北方経済の円滑な移行の推進に関する法律"]
    other = "同年に成立した北方経済の円滑な移行の推進に関する法律（NX投資法）が施行された。"  # 投資 is not the title's
    assert "NX投資法" not in _nodes([_note(_block(other))]).get("北方経済の円滑な移行の推進に関する法律", [])


def test_a_title_after_another_name_and_to_is_left_to_the_other_rules():
    listed = "港湾法と船員の保護に関する法律（船員法）が改正された。"  # と after a law lists two names
    assert not any(label.startswith("港湾法と") for label in _nodes([_note(_block(listed))]))


def test_a_meeting_series_that_heads_a_section_is_the_numbered_meeting_under_it():
    heading, body = _block("IMO総会", kind="heading"), _block("ロンドンで開かれた第33回IMO総会が閉幕した。")
    nodes = _nodes([_note(heading, body)])
    assert nodes["第33回IMO総会"] == ["IMO総会", "第33回IMO総会"]
    running = _block("第33回IMO総会が閉幕した。IMO総会は2年ごとに開く。")  # the series in running text
    assert {"第33回IMO総会", "IMO総会"} <= set(_nodes([_note(running)]))


def test_a_link_text_for_the_thing_a_replacement_did_away_with_is_no_mention_of_the_new_one():
    entity = _note(_block("漁業研修制度に代わる新しい制度。"), path="漁業就労制度.md", aliases=("漁業就労",))
    said = "政府は漁業研修制度を廃止して漁業就労制度を新設する。"
    shown = "在留者では漁業研修が多い。"
    link = Link(shown.index("漁業研修"), shown.index("漁業研修") + 4, "漁業就労制度", wiki=True)
    notes = [entity, _note(_block(said), _block(shown, links=(link,)), path="m.md")]
    nodes = _nodes(notes)
    assert "漁業研修" not in nodes["漁業就労制度"]
    assert nodes["漁業研修制度"] == ["漁業研修制度"]  # the scheme done away with is one of its own
    plain = [entity, _note(_block(shown, links=(link,)), path="m.md")]  # no replacement said: the link names it
    assert "漁業研修" in _nodes(plain)["漁業就労制度"]


def test_a_clause_and_a_head_in_plain_text_name_a_plan_or_a_council():
    assert _titles("政府は、離島の人材の確保に向けたロードマップを決定した。") == ["離島の人材の確保に向けたロードマップ"]
    assert _titles("関係閣僚会議は、島嶼国の人材の受入れ・定着のための総合的対応策を改訂した。") == [
        "島嶼国の人材の受入れ・定着のための総合的対応策"]
    assert _titles("漁業制度及び養殖制度の在り方に関する有識者会議が報告をまとめた。") == [
        "漁業制度及び養殖制度の在り方に関する有識者会議"]
    assert _titles("事務局長は、海洋正義のためのグローバル連合への参加を呼びかけた。") == ["海洋正義のためのグローバル連合"]
    assert _titles("政府は、北方漁業資源の回復のためのアクションプランを採択した。") == ["北方漁業資源の回復のためのアクションプラン"]
    assert _titles("会社は改善のためのアクションプランを作る。") == []  # what it is about is one noun


def test_a_title_runs_back_over_a_noun_joined_by_he_no():
    text = "正式名は北方経済構造への円滑な移行の推進に関する法律"
    assert _titles(text) == ["北方経済構造への円滑な移行の推進に関する法律"]  # not from 円滑 on
    # a past relative clause before the title says what befell the law, and opens its name (成立した is no part of it)
    assert _titles("同年に成立した北方経済構造への円滑な移行の推進に関する法律が施行された。") == [
        "北方経済構造への円滑な移行の推進に関する法律"]
    assert _titles("地域への移転に関する議論が続いた。") == []  # no head


def test_a_clause_before_a_word_that_names_no_one_thing_is_no_title():
    assert _titles("政府は外国人に関する基本方針を示した。") == []  # what it is about is one noun
    assert _titles("漁業の在り方に関する議論が続いた。") == []  # no head
    assert _titles("離島の人材の確保のための予算を組んだ。") == []
    assert _titles("抗菌薬の市場の改革に関する制度の試行が始まった。") == []  # 制度 alone names a kind
    assert _titles("この問題の解決に関する有識者会議が開かれた。") == []  # a demonstrative modifies it
    assert _titles("「漁業資源への緊急対応に関する閣僚宣言」が採択された。") == []  # the quote says where it starts


def test_a_quoted_phrase_that_says_something_of_a_weak_head_is_no_name():
    said = "大臣は「若者にとって魅力ある制度にする」と述べた。「魅力ある制度」が目標だ。"
    assert _nodes([_note(_block(said))]) == {}
    law = "「海洋と調和のとれた漁業の推進等に関する法律」が成立した。"  # a title may hold a verb
    assert list(_nodes([_note(_block(law))])) == ["海洋と調和のとれた漁業の推進等に関する法律"]


def test_common_kanji_words_before_a_weak_head_of_a_body_name_a_kind():
    text = "監理団体は「漁業支援機関」に、漁業研修機構は「漁業育成機構」に改める。"
    nodes = _nodes([_note(_block(text))])
    assert "漁業支援機関" not in nodes and "漁業育成機構" in nodes


def test_a_countrys_parliament_is_a_body_and_a_session_of_one_in_quotes_is_none():
    nodes = _nodes([_note(_block("ノルウェー国会（ストーティング）は漁業法を可決した。"))])
    assert "ノルウェー国会" in nodes
    said = _nodes([_note(_block("大臣は「次の通常国会に法案を出す」と述べた。"))])
    assert not any(label.endswith("国会") for label in said)  # common words and の before the head: a kind


def test_a_known_loanword_in_parentheses_after_a_common_noun_glosses_it():
    text = "公正な募集（リクルート）と、電機メーカー（ソニー）、海洋機構（リクルート）。"
    at = [text.index("リクルート"), text.index("ソニー"), text.rindex("リクルート")]
    known = [Candidate(a, a + n, KNOWN, "X", "Organization") for a, n in zip(at, (5, 3, 5))]
    kept = [text[c.start : c.end] for c in without_glosses(text, known)]
    assert kept == ["ソニー", "リクルート"]  # a proper noun names one; after a head, the parenthesis names the body


def test_against_opens_the_translated_name_of_a_body_before_a_katakana_head():
    text = "議長は、洪水と干ばつに対するグローバル・アライアンスを立ち上げた。"
    assert _titles(text) == ["洪水と干ばつに対するグローバル・アライアンス"]
    assert _titles("政府は、洪水と干ばつに対する緊急支援機構を設けた。") == []  # a kanji head after it: a description


def test_a_managing_director_after_a_body_is_a_title_and_a_public_comment_no_body():
    text = "ミレーナ・ポポヴァQRF専務理事は警告した。パブリックコメントも行われた。"
    nodes = _nodes([_note(_block(text))])
    assert "ミレーナ・ポポヴァ" in nodes and not any("QRF専務" in n or n == "ミレーナ・ポポヴァQRF" for n in nodes)
    assert "パブリックコメント" not in nodes


def test_an_action_plan_guidelines_and_a_compact_after_a_clause_are_titles():
    assert _titles("政府は、漁業と人権に関する行動計画を改定した。") == ["漁業と人権に関する行動計画"]
    assert _titles("省は、漁業の確保のための実務ガイドラインを出した。") == ["漁業の確保のための実務ガイドライン"]
    assert _titles("各国は、漁業と移住に関するグローバル・コンパクトを採択した。") == ["漁業と移住に関するグローバル・コンパクト"]
    assert _titles("会社は行動計画とガイドラインを作った。") == []  # no clause: kinds of document


def test_a_known_issuer_and_no_before_a_title_are_no_part_of_it():
    lexicon = Lexicon()
    lexicon.add("海洋機構", "e1", "Organization")
    text = "どれも海洋機構の漁業と人権に関する指導原則に沿う。"
    assert [text[c.start : c.end] for c in formal_titles(text, lexicon)] == ["漁業と人権に関する指導原則"]
    assert _titles(text) == ["海洋機構の漁業と人権に関する指導原則"]  # an unknown word before の may be the title's


def test_one_proper_noun_is_enough_subject_for_a_bodys_title_only():
    assert _titles("理事会は、モルドバに関する独立国際調査委員会を設けた。") == ["モルドバに関する独立国際調査委員会"]
    assert _titles("政府は、モルドバに関する行動計画を示した。") == []  # a plan about one thing is described
    assert _titles("理事会は、移民に関する独立国際調査委員会を設けた。") == []  # one common noun
    assert _titles("理事会が設置したモルドバに関する独立国際調査委員会が報告した。") == ["モルドバに関する独立国際調査委員会"]
    assert _titles("この漁業と人権に関する行動計画は古い。") == []  # a word before it modifies the title


def test_a_statute_by_formal_title_and_short_name_is_one_treaty():
    text = "海洋裁判所は、海洋裁判所に関するナポリ規程（ナポリ規程）に基づく。アルメニアについてナポリ規程が発効した。"
    nodes = _nodes([_note(_block(text))])
    assert nodes["海洋裁判所に関するナポリ規程"] == ["ナポリ規程", "海洋裁判所に関するナポリ規程"]
    assert "ナポリ" not in nodes  # the city is a word of the statute's name


def test_a_resolution_named_by_its_number_is_one_agreement_however_written():
    text = "安保理は決議2999を採択した。安保理決議第2999号は停戦を求める。決議案は否決され、2024年の決議は多い。"
    nodes = _nodes([_note(_block(text))])
    assert nodes["決議2999"] == ["安保理決議第2999号", "決議2999"]
    assert not any(label.startswith("決議") and label != "決議2999" for label in nodes)  # a draft, a year: none


def test_a_numbered_session_next_to_one_the_notes_name_is_a_session_too():
    text = "第31会期（XYZ31）は2月に開かれた。第32会期では報告が出た。第5会期の予算は別だ。"
    nodes = _nodes([_note(_block(text))])
    assert "第32会期" in nodes and not any("第5会期" in label for label in nodes)


def test_a_noun_and_aru_open_a_title_as_an_adjective_does():
    assert _titles("省は、責任ある漁業等における資源保全のためのガイドラインを出した。") == [
        "責任ある漁業等における資源保全のためのガイドライン"]
    assert _titles("関心がある漁業の確保のためのガイドラインだ。") == []  # が between: a clause, not a title's word


def test_a_protocol_after_a_treatys_name_and_no_is_an_agreement_of_its_own():
    text = "日本は海洋汚染防止条約の選択議定書を批准していない。海洋汚染防止条約の締約国は多い。"
    nodes = _nodes([_note(_block(text))])
    assert nodes["海洋汚染防止条約の選択議定書"] == ["海洋汚染防止条約の選択議定書"]
    assert nodes["海洋汚染防止条約"] == ["海洋汚染防止条約"]  # the treaty alone stays itself


def test_a_text_carrying_out_a_plan_or_a_law_after_its_name_and_no_is_one_of_its_own():
    text = "政府は北方資源輸出三原則の運用指針を改正した。北方資源輸出三原則は変えない。"
    nodes = _nodes([_note(_block(text))])
    assert nodes["北方資源輸出三原則の運用指針"] == ["北方資源輸出三原則の運用指針"]
    assert nodes["北方資源輸出三原則"] == ["北方資源輸出三原則"]
    assert "海洋汚染防止条約の運用指針" not in _nodes([_note(_block("海洋汚染防止条約の運用指針を作った。"))])  # a treaty's: no such text


def test_a_head_written_with_its_kana_ends_the_name_with_them():
    # the dictionary's one noun 枠組み: the kana belong to the head, as they do in the name
    assert "日韓海洋協力枠組み" in _nodes([_note(_block("日韓海洋協力枠組み（KMCF）の覚書に署名した。"))])
    # before a title's clause the words open a longer title: the kana end no name of their own
    nodes = _nodes([_note(_block("日韓海洋協力枠組み（KMCF）に関する覚書に署名した。"))])
    assert "日韓海洋協力枠組み" not in nodes


def test_one_word_for_an_act_before_a_bodys_head_after_a_clause_is_a_kind_of_body():
    assert _titles("漁業計画の改定に向けた作業部会の議論が始まった。") == []  # a working group, described
    assert _titles("漁業計画の改定に向けた特別委員会が発足した。") == ["漁業計画の改定に向けた特別委員会"]


def test_a_study_group_is_named_by_the_clause_before_it():
    assert _titles("省は「離島の漁船の安全対策等に関する検討会」を設置した。") == [
        "離島の漁船の安全対策等に関する検討会"]
    assert _titles("灯台の在り方に関する研究会が報告をまとめた。") == ["灯台の在り方に関する研究会"]
    assert _titles("省内に検討会を置いた。") == []  # alone it is a kind of body
    assert _titles("この問題に関する検討会が開かれた。") == []  # a demonstrative modifies it


def test_a_long_head_of_a_plan_after_a_titles_clause_names_one_plan():
    assert _titles("政府は、離島の学び場づくりに関する指針を閣議決定した。") == ["離島の学び場づくりに関する指針"]
    assert _titles("政府は外国人に関する指針を示した。") == []  # what it is about is one noun


def test_a_numbered_session_of_parliament_written_with_its_kind_is_the_numbered_session(nlp):
    from kg.extract.ner import find_spans

    def read(text: str) -> dict[str, list[str]]:
        return {e.label: sorted({m.surface for m in e.mentions})
                for e in resolve([_note(_block(text))], {text: tuple(find_spans([text])[0])})}

    nodes = read("第150回国会で漁業法が成立した。第150回臨時国会は12月に閉じた。")
    assert any(surfaces == ["第150回国会", "第150回臨時国会"] for surfaces in nodes.values())
    un = read("北海委員会の第10回総会に続き、第10回特別総会が開かれた。")  # a UN-style body numbers them apart
    assert not any("第10回特別総会" in surfaces and "第10回総会" in surfaces for surfaces in un.values())


def test_a_whole_quote_with_a_titles_clause_is_a_title_whatever_its_subject_holds():
    signed = "大統領は「安全で信頼できる漁業の振興に関する大統領令」に署名した。"
    assert list(_nodes([_note(_block(signed))])) == ["安全で信頼できる漁業の振興に関する大統領令"]
    said = "大統領は「安全で信頼できる漁業のための制度にする」と述べた。"  # the head does not end the quote
    assert _nodes([_note(_block(said))]) == {}
