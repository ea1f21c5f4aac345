"""Plain-text names with a head of a body, law or plan (kg.resolve.candidates.bare_headed)."""

import pytest

from kg.resolve.candidates import bare_headed
from kg.resolve.compounds import compound_names, owned_sites, proper_words


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.type) for c in bare_headed(text)]


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("2008年に成立した宇宙基本法。", "宇宙基本法", "Law"),  # a named head makes a name with one word
        ("第3期海洋基本計画を閣議決定した。", "第3期海洋基本計画", "Plan"),
        ("総合海洋政策本部が決めた。", "総合海洋政策本部", "Organization"),
        ("国家安全保障会議設置法と技術流出防止法", "技術流出防止法", "Law"),
        ("中央教育審議会が答申した。", "中央教育審議会", "Organization"),
        ("跡地は中小企業基盤整備機構の産業用地", "中小企業基盤整備機構", "Organization"),  # one word of Sudachi's
        ("離島防衛を担う水陸機動団が訓練した。", "水陸機動団", "Organization"),  # a unit of an armed force
        ("電子作戦隊は健軍駐屯地に置かれる。", "電子作戦隊", "Organization"),
        ("航空総隊が全国の部隊を束ねる。", "航空総隊", "Organization"),  # a command over a service's units
        ("気象大学校の卒業生が観測に当たる。", "気象大学校", "Organization"),  # a college of a state
        ("2019年のアルテミス了解覚書で分担が決まった。", "アルテミス了解覚書", "Agreement"),  # a memorandum of understanding
        ("継承を定める王室典範の改正", "王室典範", "Law"),  # a code of law
        ("全国里山保全施設協議会が職員を送った。", "全国里山保全施設協議会", "Organization"),  # a council of members
    ],
)
def test_a_run_ending_in_a_head_of_a_body_law_or_plan_is_a_name(text, name, type_):
    assert (name, type_) in _names(text)


def test_an_operation_named_in_katakana_or_latin_letters_is_an_event_and_one_in_kanji_a_kind():
    assert _names("米軍はブルーハロー作戦を実施した。") == [("ブルーハロー作戦", "Event")]
    assert _names("Redwing作戦が始まった。") == [("Redwing作戦", "Event")]
    assert _names("部隊は水陸両用作戦と共同作戦の能力を高める。") == []


def test_a_section_number_before_a_space_is_no_part_of_the_name():
    assert _names("2\u3000食料・農業・農村基本法の改正") == [("食料・農業・農村基本法", "Law")]


def test_the_date_a_clipping_s_heading_opens_with_is_no_part_of_the_name():
    assert _names("2024-12-02 海洋保全条約、交渉が決裂") == [("海洋保全条約", "Agreement")]
    assert _names("2024/3/9 北海漁業協定の改定") == [("北海漁業協定", "Agreement")]


@pytest.mark.parametrize(
    "text",
    [
        "改正基本法が成立した。",  # the amended law: a qualifier is all before the head
        "小委員会で議論した。",  # a prefix is all before the head
        "政府対策本部を設置する。",  # one common word before a bare head: a kind of thing
        "変換機構を備える。",
        "地域協議会を開く。",  # one common word before 協議会: any area's council
    ],
)
def test_a_kind_of_thing_with_a_head_is_no_name(text):
    assert _names(text) == []


def test_a_qualifier_before_a_name_is_no_part_of_it():
    assert _names("改正5G促進法が成立した。") == [("5G促進法", "Law")]


def test_an_ordinal_before_a_meeting_names_its_edition():
    from kg.resolve.model_spans import edition_before

    text = "第29回日EU定期首脳協議"
    assert edition_before(text, text.index("日EU")) == 0
    assert edition_before("今回日EU定期首脳協議", 2) == 2


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("次のURC2024は2024年6月にベルリンで開かれる予定。", ["URC2024"]),  # its sentence says a meeting is held
        ("11月に釜山で開かれるINC-5で条文をまとめる。", ["INC-5"]),
        ("来年ベルリンで開かれるQRS-5.2で条文をまとめる。", ["QRS-5.2"]),  # a resumed session
        ("QRS-5.2の仕様で書かれたページ。", []),  # a version: no meeting, nothing known
        ("HTML5とCSS3で書かれたページ。", []),  # versions of formats: no meeting, nothing known
        ("ISO9001の認証を取得した。", []),
        ("会議で、QX2040ビジョンの方向を確認した。", []),  # the start of a plan's name, its number a target year
        ("URC2024閣僚会合が開かれた。", ["URC2024"]),  # a meeting's head after it: still the session
        ("QRS28議長が会議で述べた。", ["QRS28"]),  # a title after it
    ],
)
def test_an_acronym_with_a_number_is_a_meeting_when_its_sentence_says_so(text, found):
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import numbered_meetings

    assert [text[c.start : c.end] for c in numbered_meetings(text, base_lexicon(()), [(0, len(text))])] == found


def test_a_quoted_sequence_of_steps_is_no_name():
    from kg.records import Block
    from kg.resolve.candidates import quoted

    text = "フィリピンとは「巡視船→訓練→協定」と協力が積み上がった。「基本計画 → 工程表 → 各省」の順。「日比円借款協定」も結んだ。"
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert [text[c.start : c.end] for c in quoted(block)] == ["日比円借款協定"]


def test_link_text_that_lists_things_with_ya_is_no_name_but_a_title_joined_by_oyobi_is():
    from kg.records import Block
    from kg.resolve.candidates import quoted

    text = "「禁止記号や予約規則」に注意する。「北海漁業及び資源保護規則」も読む。"
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert [text[c.start : c.end] for c in quoted(block)] == ["北海漁業及び資源保護規則"]


@pytest.mark.parametrize(
    ("text", "end", "surfaces"),
    [
        ("海洋基本法第16条に基づく計画。", 9, ["海洋基本法"]),
        ("海洋基本法16条に基づく計画。", 8, ["海洋基本法"]),  # the article written without 第
        ("海洋基本法16条に基づく計画。", 7, ["海洋基本法"]),  # the model's span ends before 条
        ("海洋基本法2024の改正。", 9, ["海洋基本法2024"]),  # a number with no 条 after it is the name's
    ],
)
def test_a_law_span_that_cites_an_article_is_the_law(text, end, surfaces):
    from kg.records import Block, Note, Span
    from kg.resolve import resolve

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    entities = resolve([Note(path="n.md", title="n", blocks=(block,))], {text: (Span(0, end, "Law"),)})
    assert [m.surface for e in entities for m in e.mentions] == surfaces


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("第12回半導体・デジタル産業戦略検討会議が開かれた。", "第12回半導体・デジタル産業戦略検討会議"),
        ("第2回日米経済政策協議委員会で合意した。", "第2回日米経済政策協議委員会"),  # a session of a body
    ],
)
def test_a_numbered_session_of_a_meeting_or_body_is_an_event(text, name):
    assert (name, "Event") in _names(text)


def test_an_ordinal_before_a_bare_meeting_word_names_nothing():
    assert _names("第1回会合で決めた。") == []


@pytest.mark.parametrize(
    ("text", "label", "kept"),
    [
        ("2日に米労働省が発表した。", "Show_Organization", ["米労働省"]),  # 米 is the United States here
        ("英外務省は声明を出した。", "Government", ["英外務省"]),
        ("米農家が困っている。", "Organization_Other", []),  # rice farmers: no organ of a state
        ("11月の米大統領選挙で勝った。", "Event_Other", ["米大統領選挙"]),  # 米大統領 is one word of the dictionary
        ("米大統領補佐官が来た。", "Event_Other", []),  # an aide, no election nor organ
        ("米英両政府が合意した。", "Government", []),  # two countries' governments, no one organ
    ],
)
def test_a_countrys_one_character_form_makes_a_name_of_its_organ(text, label, kept):
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    start = text.index(kept[0]) if kept else text.index("米")
    end = start + (len(kept[0]) if kept else text.index("が") - start)
    assert [text[c.start : c.end] for c in from_ner(text, [Span(start, end, label)], [])] == kept


def test_bodies_listed_before_a_meeting_head_name_their_joint_meeting():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import headed, known_and_compound

    def names(text):
        known, _ = known_and_compound(text, base_lexicon(()))
        return [text[c.start : c.end] for c in headed(text, known)]

    assert "IMF・世界銀行春季会合" in names("IMF・世界銀行春季会合に出席した。")
    assert names("国連総会第二委員会・経済社会理事会で議論した。") == ["国連総会第二委員会"]  # a list of bodies
    assert names("国連の場（IMF・世界銀行・総会）で議論した。") == []  # a head alone is one more item of the list
    assert names("2021年のG7ルリタニア・サミットで支持された。") == ["G7ルリタニア・サミット"]  # ・ in a katakana name


def test_a_country_described_before_its_name_is_the_country():
    from kg.records import Block, Note, Span
    from kg.resolve import resolve

    text = "ロシアは同盟国ベラルーシへの配備を発表した。"
    start = text.index("同盟国")
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    entities = resolve([Note(path="n.md", title="n", blocks=(block,))], {text: (Span(start, start + 8, "Organization_Other"),)})
    assert {(e.id, e.type) for e in entities} == {("ロシア", "Country"), ("ベラルーシ", "Country")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("夢洲では、米MGMリゾーツ・インターナショナルが出資する。", ["MGMリゾーツ・インターナショナル"]),
        ("オリックスと仏ヴァンシ・エアポートが主要株主。", ["ヴァンシ・エアポート"]),  # a name the dictionary lacks
        ("英国の半導体設計大手アーム（Arm）の株価", ["アーム"]),  # a common word glossed by its Latin name
        ("米ドルが上昇した。", []),
        ("大手スーパーが値下げした。", []),  # a common word alone names no company
        ("企業イメージが傷ついた。", []),
    ],
)
def test_a_word_for_a_company_or_a_country_before_a_foreign_name_makes_it_a_company(text, found):
    from kg.resolve.compounds import described_companies

    assert [text[c.start : c.end] for c in described_companies(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("海自は共同訓練「ブルー・ウェーブ」に参加した。", ["ブルー・ウェーブ"]),
        ("東部で大規模演習「東風-2030B」を行った。", ["東風-2030B"]),  # kanji with a year and a letter
        ("英豪の合同演習サザン・クロスが始まった。", ["サザン・クロス"]),  # a katakana run with no quotes
        ("町内の避難訓練「まずは逃げる」を行った。", []),  # hiragana: a slogan, not a name
        ("船が演習エリアに入った。", []),  # a common katakana word names no exercise
    ],
)
def test_a_word_for_an_exercise_before_a_name_makes_it_an_event(text, found):
    from kg.resolve.compounds import named_exercises

    assert [(text[c.start : c.end], c.type) for c in named_exercises(text)] == [(f, "Event") for f in found]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("英空軍の輸送機が着いた。", ["英空軍"]),
        ("米海兵隊と露陸軍", ["米海兵隊", "露陸軍"]),
        ("米軍事専門家が語った。", []),  # 軍事 is no force
        ("日米海軍の協力", []),  # 米 of 日米 is no word of its own
    ],
)
def test_a_countrys_one_character_form_before_a_word_for_a_force_is_that_force(text, found):
    from kg.resolve.compounds import country_forces

    assert [(text[c.start : c.end], c.type) for c in country_forces(text)] == [(f, "Organization") for f in found]


def test_a_quoted_outline_is_a_plan():
    from kg.resolve.candidates import quoted
    from kg.records import Block

    block = Block(note="n.md", heading_path=(), heading_levels=(), section=0, paragraph=0, line=1, kind="paragraph",
                  text="それまでの「海洋整備の大綱」に代わる。")
    assert [(block.text[c.start : c.end], c.type) for c in quoted(block)] == [("海洋整備の大綱", "Plan")]
    assert _names("財政の大綱を示した。") == []  # an outline in plain text is a kind of document


def test_a_legal_form_before_a_name_is_part_of_it_not_a_word_for_a_company():
    from kg.resolve.compounds import described_companies

    assert described_companies("株式会社ナムコに入社した。") == []


def test_a_model_span_over_a_list_of_proper_names_is_the_names():
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    text = "海運大手の日本郵船・商船三井・川崎汽船も航路を変えた。"
    start = text.index("日本郵船")
    assert from_ner(text, [Span(start, start + 14, "Person")], []) == []  # a list, not a person
    person = "ジョン・F・ケネディが演説した。"
    assert len(from_ner(person, [Span(0, 10, "Person")], [])) == 1


def test_a_model_span_that_cuts_a_quoted_title_is_a_piece_of_it():
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    text = "「ゼノ外伝ナイトゼノ物語」は、1990年に発売された。"
    assert from_ner(text, [Span(1, 5, "Occasion_Other")], []) == []  # the title goes on past the span
    said = "「北極サミットの成果」を読んだ。"  # the quotation says more than one title: the name is a mention
    assert len(from_ner(said, [Span(1, 7, "Occasion_Other")], [])) == 1


def test_a_model_span_over_countries_in_one_letter_and_a_known_name_is_a_list():
    from kg.records import Span
    from kg.resolve.candidates import KNOWN, Candidate
    from kg.resolve.model_spans import from_ner

    text = "北方連合と英米独仏・EUが基金を立ち上げた。"
    start, eu = text.index("英米"), text.index("EU")
    known = [Candidate(eu, eu + 2, KNOWN, "EU", "Organization")]
    assert from_ner(text, [Span(start, eu + 2, "International_Organization")], known) == []
    named = "日米・ゼノ協会が会合を開いた。"  # one part no name kg knows: maybe one body's name
    assert len(from_ner(named, [Span(0, named.index("が"), "International_Organization")], [])) == 1


def test_a_name_in_link_text_holds_no_quotation_mark():
    from kg.records import Block, Link
    from kg.resolve.candidates import quoted

    text = "公表文：日銀「金融政策の枠組みの見直しについて」"
    link = Link(target="https://example.org/a.pdf", start=4, end=len(text), wiki=False)
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=(link,))
    assert "日銀「金融政策の枠組み" not in [text[c.start : c.end] for c in quoted(block)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("「里山の保全を進めるための森林保全法等の一部を改正する法律」が成立した。",
         ["里山の保全を進めるための森林保全法等の一部を改正する法律"]),  # an amending law's title is a clause
        ("「森林を守る法律」が話題になった。", []),  # a phrase with を that amends nothing is no title
    ],
)
def test_the_title_of_an_amending_law_is_a_name_though_it_holds_wo(text, found):
    from kg.records import Block
    from kg.resolve.candidates import quoted

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert [text[c.start : c.end] for c in quoted(block) if c.type == "Law"] == found


def test_a_secretariat_is_named_by_its_head_after_more_than_one_word():
    assert ("海洋政策推進事務局", "Organization") in _names("実務は内閣府の海洋政策推進事務局が担う。")
    assert _names("大会の運営事務局に問い合わせた。") == []  # one common word before it: any event's office


def test_a_session_numbered_with_ji_is_an_event_and_a_numbered_cabinet_is_not():
    assert ("第144次IOC総会", "Event") in _names("第144次IOC総会で会長が選ばれた。")
    assert not any(type_ == "Event" for _, type_ in _names("第2次岸田内閣が発足した。"))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("県の第6次水辺保全計画が始まった。", [("第6次水辺保全計画", "Plan")]),  # one common word after the round
        ("同じ年に第3期里山再生計画も始まった。", [("第3期里山再生計画", "Plan")]),  # by the term
        ("第3次補正予算が成立した。", []),  # a budget's round, no plan's head
        ("第2次森岡内閣が発足した。", []),  # a numbered cabinet is no plan
    ],
)
def test_a_plan_of_a_series_is_named_by_its_round_or_term_and_one_word(text, found):
    assert [n for n in _names(text) if n[1] == "Plan"] == found


def test_a_place_after_a_countrys_one_letter_is_a_place():
    text = "5月に米デトロイトでの閣僚会合で妥結した。"
    assert [(text[c.start : c.end], c.type) for c in proper_words(text, ())] == [("デトロイト", "Region")]


def test_a_place_before_a_word_for_the_area_around_it_is_the_place():
    text = "南鳥島周辺の海底で調査した。"
    assert [(text[c.start : c.end], c.type) for c in proper_words(text, ())] == [("南鳥島", "Region")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("両国は海底ケーブルの保護に関する北海ケーブル協定に署名した。", ["海底ケーブルの保護に関する北海ケーブル協定"]),
        ("沿岸漁業の資源管理及び持続可能な利用に関する北海漁業協定が発効した。",
         ["沿岸漁業の資源管理及び持続可能な利用に関する北海漁業協定"]),
        ("この問題に関する北海ケーブル協定を話した。", []),  # a clause a word before it modifies is no name
        ("彼らが定めた税に関する北海漁業協定を読む。", []),
        # an adjective compounded with the noun after it opens the clause (サイバー of サイバー犯罪)
        ("総会はサイバー犯罪に関する北海ケーブル協定を採択した。", ["サイバー犯罪に関する北海ケーブル協定"]),
        ("総会はサイバーな犯罪に関する北海ケーブル協定を採択した。", ["サイバーな犯罪に関する北海ケーブル協定"]),
        ("総会は新たに関する北海ケーブル協定を採択した。", []),
    ],
)
def test_a_formal_name_opens_with_the_clause_it_is_about(text, found):
    from kg.resolve.candidates import about_clauses

    assert [text[c.start : c.end] for c in about_clauses(text, bare_headed(text))] == found


def test_a_known_name_keeps_its_own_after_a_clause():
    from kg.resolve.candidates import KNOWN, Candidate, about_clauses

    text = "気候変動に関するパリ協定を守る。"
    known = Candidate(text.index("パリ"), text.index("を"), KNOWN, "パリ協定", "Agreement")
    assert about_clauses(text, [known]) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("首相が掲げた地方所得倍増プランを読む。", [("地方所得倍増プラン", "Plan")]),  # three words in kanji
        ("観光立国推進ビジョンを策定した。", [("観光立国推進ビジョン", "Plan")]),
        ("新しい携帯料金プランを選ぶ。", []),  # two words: a kind of plan
        ("Proプランで使う。", []),  # a product's tier
        ("将来構想を語る。", []),
    ],
)
def test_a_plan_is_named_by_three_words_in_kanji_before_its_head(text, found):
    assert _names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("政府は北方海域資源開発戦略を決めた。", [("北方海域資源開発戦略", "Plan")]),  # a strategy after three words
        ("次世代型漁業支援戦略を読む。", [("次世代型漁業支援戦略", "Plan")]),  # 型 makes one compound of 次世代
        ("港湾災害対策指針を改めた。", [("港湾災害対策指針", "Plan")]),  # guidelines after three words
        ("会社は成長戦略と販売戦略を描く。", []),  # one word before: a kind of strategy
        ("運用指針と投資判断指針を示す。", []),
        ("政府は漁業基本戦略と海洋基本指針を改定した。", [("漁業基本戦略", "Plan"), ("海洋基本指針", "Plan")]),
        ("基本戦略を立てる。", []),  # the head alone names none
    ],
)
def test_a_strategy_or_guidelines_are_named_by_kanji_words_before_their_head(text, found):
    assert _names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("協議は審議会の資源管理分科会で始まった。", [("資源管理分科会", "Organization")]),
        ("各分科会と専門分科会で議論した。", []),  # one common word before the head: a kind of subcommittee
        ("政府は北方資源関係閣僚会議を開いた。", [("北方資源関係閣僚会議", "Organization")]),  # a standing council
        ("関係閣僚会議を開く。", []),
    ],
)
def test_a_subcommittee_and_a_council_of_ministers_are_bodies(text, found):
    assert _names(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2011年の鉱業法改正で許可制が変わった。", [("鉱業法", "Law")]),  # the act right after the name
        ("港湾海域利用法の改正案は継続審議になった。", [("港湾海域利用法", "Law")]),
        ("入国者税法により徴収される。", [("入国者税法", "Law")]),  # a verb only after に
        ("どの国も火星協定は批准していない。", [("火星協定", "Agreement")]),
        ("この手法により精度が上がる。", []),  # 法 of a method is no law's head
        ("算定方法を改正する。", []),
        ("二国間協定に署名した。", []),  # a count before the head: a kind of treaty
        ("その方法がより良い。", []),
        ("鉱業法の歴史を読む。", []),  # nothing done to it: left to the other rules
    ],
)
def test_a_law_or_treaty_is_named_by_what_the_sentence_does_to_it(text, found):
    from kg.resolve.compounds import acted_on

    assert [(text[c.start : c.end], c.type) for c in acted_on(text)] == found


def test_an_act_before_a_treaty_head_makes_a_kind_of_document():
    from kg.resolve.compounds import acted_on

    assert acted_on("英国は同協定への加入議定書に署名した。") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("北部の武装組織ムフタ派が港を占拠した。", [("ムフタ派", "Organization")]),  # a word the dictionary lacks names the faction
        ("与党の岸田派が会合を開いた。", [("岸田派", "Organization")]),  # a faction named after its leader
        ("シーア派とスンニ派が対立する。", []),  # common words: branches of a faith
        ("主流派の議員が反対した。", []),
    ],
)
def test_a_faction_is_named_by_a_proper_word_before_its_suffix(text, found):
    from kg.resolve.compounds import compound_names

    assert [(text[c.start : c.end], c.type) for c in compound_names(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("1995年のデイトン合意で内戦は終わった。", [("デイトン合意", "Agreement")]),  # a proper word before 合意
        ("協調の例は1987年のホテル合意だ。", [("ホテル合意", "Agreement")]),  # a year before a katakana word
        ("ホテル合意が話題になった。", []),  # a common katakana word with no year says nothing
        ("政労使合意を得た。", []),
    ],
)
def test_an_accord_is_named_by_a_place_or_by_its_year(text, found):
    from kg.resolve.compounds import compound_names

    assert [(text[c.start : c.end], c.type) for c in compound_names(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ドル圏の金利が上がった。", ["ドル圏"]),
        ("ポンド圏と円圏の差。", ["ポンド圏", "円圏"]),
        ("価格は100円圏内に収まる。", []),  # an amount
        ("アジア圏の学生", []),  # no currency: left to the other rules
    ],
)
def test_a_currency_and_ken_name_the_area_that_pays_in_it(text, found):
    from kg.resolve.compounds import currency_areas

    assert [text[c.start : c.end] for c in currency_areas(text)] == found


def test_a_legal_form_before_a_compound_name_is_part_of_it():
    from kg.resolve.compounds import compound_names

    text = "株式会社ムフタ設計事務所が受注した。"
    assert [text[c.start : c.end] for c in compound_names(text)] == ["株式会社ムフタ設計事務所"]


def test_an_acronym_with_a_number_is_a_meeting_when_another_session_is_known():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import numbered_meetings

    text = "QRS81では条文案が議論された。"
    lexicon = base_lexicon(())
    assert numbered_meetings(text, lexicon, [(0, len(text))]) == []  # nothing says it is a meeting
    lexicon.add("QRS80", "第80回北海資源委員会", "Event")  # as 第80回北海資源委員会（QRS80） defines it
    assert [text[c.start : c.end] for c in numbered_meetings(text, lexicon, [(0, len(text))])] == ["QRS81"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("両国が提唱した「北海の灯台」構想は続いている。", [("北海の灯台", "Plan")]),  # the head after the quote types it
        ("「北海の灯台」構想推進会議が開かれた。", []),  # the head starts a longer compound
        ("「彼が言った言葉」構想を話す。", []),  # a quoted clause
        ("「北海の灯台」の歌を聞く。", []),  # no head after it
        ("「北海の灯台の建設」計画は白紙になった。", []),  # an act planned, not a name
    ],
)
def test_a_quoted_name_is_typed_by_the_head_right_after_it(text, found):
    assert _quoted_typed(text) == found


def _quoted_typed(text: str) -> list[tuple[str, str]]:
    """Return (name, type) of each quoted name one paragraph holds."""
    from kg.records import Block
    from kg.resolve.candidates import quoted

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    return [(text[c.start : c.end], c.type) for c in quoted(block)]


def _mentions(text: str, spans: tuple = ()) -> list[tuple[str, str, str]]:
    """Return (surface, entity, source) of each mention resolution makes of one paragraph and its model spans."""
    from kg.records import Block, Note
    from kg.resolve import resolve

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    entities = resolve([Note(path="n.md", title="n", blocks=(block,))], {text: spans})
    return [(m.surface, e.id, m.source) for e in entities for m in e.mentions]


def test_an_address_the_model_calls_an_organisation_is_a_place():
    from kg.records import Span

    text = "兵庫県加古郡播磨町は工場を誘致し、ゼノ町役場が応じた。"  # one word of the dictionary, two places or more
    office = text.index("ゼノ")
    spans = (Span(0, text.index("は"), "Corporation_Other"), Span(office, office + 5, "Corporation_Other"))
    assert sorted(_mentions(text, spans)) == [("ゼノ町役場", "ゼノ町役場", "ginza"), ("兵庫県", "兵庫県", "address"),
                                              ("兵庫県加古郡播磨町", "播磨町", "ginza"), ("加古郡", "加古郡", "address")]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("フランス本土で販売した。", "フランス"),  # the whole of a place or the area around it names no place
        ("マドリード近郊の町。", "マドリード"),
        ("フランス北部で販売した。", "フランス北部"),  # a part of a place is read as the text writes it
        ("札幌市内に住む。", "札幌市内"),
    ],
)
def test_a_word_for_the_whole_of_a_place_or_around_it_is_no_part_of_its_mention(text, surface):
    assert [m[0] for m in _mentions(text)] == [surface]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # every level of an address is a node; the address's own mention reads it whole, naming its last place
        ("兵庫県加古郡播磨町で生まれた。", [("兵庫県", "兵庫県", "address"), ("加古郡", "加古郡", "address"),
                                        ("兵庫県加古郡播磨町", "播磨町", "compound")]),
        ("ニューヨーク・ブルックリンで育つ。", [("ニューヨーク・ブルックリン", "ブルックリン", "compound")]),  # ・ joins no levels
        ("インド太平洋の安全。", [("インド太平洋", "インド太平洋", "known")]),  # a region kg knows is no address
    ],
)
def test_each_level_of_an_address_is_a_place_of_its_own(text, mentions):
    assert _mentions(text) == mentions


@pytest.mark.parametrize(
    ("text", "place", "ends_a_name"),
    [
        ("彼はガンバ大阪に移籍した。", "大阪", True),  # a team named after its town
        ("駅ビルのステーション札幌で買う。", "札幌", True),  # a building
        ("アジア太平洋の国々。", "太平洋", False),  # a place before a place
        ("ドイツ・ベルリンで会う。", "ベルリン", False),  # a ・ between
        ("ロンドンオリンピック日本代表に選ばれた。", "日本", False),  # the katakana word follows a place of its own
        ("ツアーで大阪に行く。", "大阪", False),  # a particle between
    ],
)
def test_a_place_right_after_a_katakana_noun_ends_a_longer_name(text, place, ends_a_name):
    from kg.records import Span
    from kg.resolve.candidates import after_katakana_word
    from kg.resolve.model_spans import from_ner

    start = text.index(place)
    assert after_katakana_word(text, start) is ends_a_name
    kept = [text[c.start : c.end] for c in from_ner(text, [Span(start, start + len(place), "City")], [])]
    assert (kept == []) is ends_a_name


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("公益財団法人日本野鳥保護協会が調べた。", ("日本野鳥保護協会", "日本野鳥保護協会", "headed")),
        ("一般社団法人日本野鳥保護協会が調べた。", ("日本野鳥保護協会", "日本野鳥保護協会", "headed")),
        ("株式会社山田製作所が出店した。", ("株式会社山田製作所", "山田製作所", "compound")),  # part of a trade name
    ],
)
def test_the_kind_of_juridical_person_before_a_name_is_no_part_of_its_mention(text, mention):
    assert _mentions(text) == [mention]


def test_a_noun_that_places_a_name_in_time_is_no_part_of_it():
    assert _names("当時国際連盟事務局にいた。") == [("国際連盟事務局", "Organization")]
    # 後 inside a word the dictionary knows is part of it: no run is cut to 三年合戦
    assert all(not name.startswith("三年") for name, _ in _names("後三年合戦が起きた。"))


@pytest.mark.parametrize(
    ("text", "span", "label", "surfaces"),
    [
        # the model stopped between two katakana words of one name: a piece of it, no mention
        ("彼はグランパスエイトに加入した。", "グランパス", "Pro_Sports_Organization", []),
        ("彼はサウンダーズに加入した。", "サウンダーズ", "Pro_Sports_Organization", ["サウンダーズ"]),
        # a head after the piece makes a name of its own kind, which the place opens
        ("彼はリレハンメルオリンピックに出場した。", "リレハンメル", "City", ["リレハンメルオリンピック"]),
    ],
)
def test_a_model_span_that_cuts_a_run_of_katakana_words_is_a_piece_of_a_name(text, span, label, surfaces):
    from kg.records import Span

    start = text.index(span)
    assert [m[0] for m in _mentions(text, (Span(start, start + len(span), label),))] == surfaces


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("イスラエルの4Dx社を買収した。", []),  # Sudachi splits 4 off: Dx社 starts inside the name
        ("U-19欧州選手権大会に出た。", []),  # 19欧州選手権大会 starts inside U-19
        ("Zeta社を買収した。", ["Zeta社"]),
        ("アジア選手権大会で優勝した。", ["アジア選手権大会"]),
    ],
)
def test_a_compound_that_starts_inside_a_latin_word_or_hyphenated_name_is_none(text, names):
    assert [text[c.start : c.end] for c in compound_names(text)] == names


@pytest.mark.parametrize("surface", ["第10回大会", "第3回総会", "第6回大会-第40回大会", "第1回会合"])
def test_an_ordinal_with_only_a_word_for_a_meeting_names_nothing(surface):
    from kg.resolve.junk import junk_rule

    assert junk_rule(surface, frozenset()) == "bare-ordinal"
    assert junk_rule("第70回国連総会", frozenset()) == ""  # a name after the ordinal


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("さくらJAPANの選手が来日した。", []),  # written onto a team's other words
        ("彼はZ JAPANのライブに出た。", []),  # a word of a longer Latin name
        ("JAPANの選手が来日した。", [("JAPAN", "日本", "known")]),
        ("米国とUSAの違い。", [("米国", "アメリカ", "known"), ("USA", "アメリカ", "known")]),
    ],
)
def test_a_place_in_latin_letters_among_a_names_latin_words_is_part_of_that_name(text, mentions):
    assert _mentions(text) == mentions


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("東京モーターショー2019に出展した。", "東京モーターショー2019"),  # the year written onto it names the edition
        ("東京モーターショー2019年大会に出展した。", "東京モーターショー"),  # a date after it is no part of it
        ("東京モーターショーは2019に始まる。", "東京モーターショー"),
    ],
)
def test_an_event_takes_the_year_written_onto_its_end(text, kept):
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    assert [text[c.start : c.end] for c in from_ner(text, [Span(0, 9, "Occasion_Other")], [])] == [kept]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("日本では感染症法や検疫法で国内担保している。", ["検疫法"]),  # listed after a law
        ("検疫法と感染症法で対応する。", ["検疫法"]),  # listed before one
        ("感染症法や憲法で定める。", []),  # 憲法, 方法 and 手法 are words of their own, no law's compound
        ("感染症法の方法と手法を学ぶ。", []),
        ("感染症法や規制法を比べる。", []),  # an act before 法 makes a kind of law
    ],
)
def test_a_run_ending_in_ho_listed_with_a_law_is_a_law(text, found):
    from kg.resolve.candidates import Candidate
    from kg.resolve.compounds import listed_laws

    law = Candidate(text.index("感染症法"), text.index("感染症法") + 4, 1, type="Law")
    assert [text[c.start : c.end] for c in listed_laws(text, [law])] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("日本政府は新型インフルエンザ等対策政府行動計画を約10年ぶりに全面改定し、閣議決定した。",
         ["新型インフルエンザ等対策政府行動計画"]),  # the act need not follow the particle at once
        ("地球温暖化対策計画が閣議決定された。", ["地球温暖化対策計画"]),
        ("政府は行動計画を策定した。", []),  # one or two words: a kind of plan
        ("同社は中期経営計画を策定した。", []),
        ("国家安全保障戦略を読んだ。その後で改定した。", []),  # the act is in another clause
    ],
)
def test_a_long_plan_the_clause_draws_up_or_revises_is_a_plan(text, found):
    from kg.resolve.compounds import acted_on_plans

    assert [text[c.start : c.end] for c in acted_on_plans(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("国連総会のハイレベル会合では、新しいUHC政治宣言が採択された。", [("UHC政治宣言", "Agreement")]),
        ("国連総会で政治宣言が採択された。", []),  # common words: a kind of declaration
        ("緊急事態宣言が出された。", []),  # no adoption, and common words
    ],
)
def test_a_declaration_named_by_a_proper_word_that_is_adopted_is_an_agreement(text, found):
    from kg.resolve.compounds import acted_on

    assert [(text[c.start : c.end], c.type) for c in acted_on(text)] == found


def test_a_head_noun_used_as_a_verb_ends_no_quoted_name():
    from kg.records import Block
    from kg.resolve.candidates import quoted

    text = "技術移転を「自発的かつ相互に合意した条件で」と書く。両国は「日米間の合意」を守る。"
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert [text[c.start : c.end] for c in quoted(block)] == ["日米間の合意"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("イスタンブールで開かれたQRS第60回総会と、ソフィアで開かれた第61回総会で決まった。",
         [("第61回総会", "qrs第61回総会")]),  # the series of the session named before it
        ("第6回総会で決まった。", []),  # no series before: a bare ordinal names nothing
        ("QRS第60回総会と第3回会合で決まった。", []),  # another head: not the same series
    ],
)
def test_a_bare_session_after_a_named_one_of_the_same_head_goes_on_its_series(text, found):
    from kg.resolve.candidates import HEADED, Candidate, continued_sessions

    start = text.find("QRS第60回総会")
    named = [Candidate(start, start + len("QRS第60回総会"), HEADED, type="Event")] if start >= 0 else []
    assert [(text[c.start : c.end], c.entity) for c in continued_sessions(text, named)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("日本はWHOと連携して「UHCナレッジハブ」を東京に設ける方針を示した。", ["UHCナレッジハブ"]),
        ("「UHCナレッジハブ」が開設された。", ["UHCナレッジハブ"]),  # set up in the passive
        ("COP28で初めて「保健の日」が設けられた。", []),  # a phrase with a particle: a day, no body
        ("市は「相談窓口」を設置した。", []),  # common words: a kind of thing
        ("「UHCナレッジハブ」を紹介した。新たに設けた。", []),  # the act is in another sentence
    ],
)
def test_a_quoted_name_the_clause_sets_up_is_a_body(text, found):
    from kg.resolve.compounds import set_up_bodies

    assert [text[c.start : c.end] for c in set_up_bodies(text)] == found


@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("申請方法", ""),  # 方法 is a way of doing: a common word that ends in the law head 法
        ("希望する支払い方法", ""),
        ("分析手法", ""),
        ("検疫法", "Law"),  # 法 itself still makes a law
        ("行政手続法", "Law"),
        ("インフレ削減法", "Law"),  # ends in 減法 (subtraction) but reads 削減・法
        ("医療法", "Law"),  # ends in 療法 but reads 医療・法
        ("労働組合法", "Law"),
        ("事業継続計画2025", "Plan"),
    ],
)
def test_a_common_word_ending_in_a_head_gives_no_type(name, type_):
    from kg.resolve.knowledge import head_length, suffix_type

    assert suffix_type(name) == type_
    assert (head_length(name) > 0) == bool(type_)


def test_link_text_ending_in_a_common_word_with_a_head_is_no_name():
    from kg.records import Block
    from kg.resolve.candidates import quoted

    text = "手順は「申請方法」を見てください。「北海資源保護法」も読む。"
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert [(text[c.start : c.end], c.type) for c in quoted(block)] == [("北海資源保護法", "Law")]


@pytest.mark.parametrize(
    ("text", "law_section", "found"),
    [
        ("市場監視の根拠は商品先物監視法にある。", False, ["商品先物監視法"]),  # a sentence that cites law
        ("海底鉱区開発法（1975年）は、費用を国と県で負担する仕組み。", True, ["海底鉱区開発法"]),  # a section on laws
        ("海底鉱区開発法（1975年）は、費用を国と県で負担する仕組み。", False, []),  # no cue: a run of words
        ("画像処理の治療法と解決法を比べた。", True, []),  # one word before 法: a method
        ("宇宙の関連法と、海洋関係法を整理した。", True, []),  # a class of laws, no one law
        ("申請方法を定める。", False, []),  # 方法 is a word of its own
        ("改正読書・子育て観光法が成立した。", True, ["読書・子育て観光法"]),  # fields joined by ・, a noun in kana
        ("札幌・北海観光法", True, ["北海観光法"]),  # a proper name before ・ is an item of a list, not a field
    ],
)
def test_a_run_ending_in_ho_where_the_text_cites_law_is_a_law(text, law_section, found):
    from kg.resolve.compounds import cited_laws

    assert [text[c.start : c.end] for c in cited_laws(text, law_section)] == found


@pytest.mark.parametrize(
    ("heading", "about_laws"),
    [("3.1 港湾防災基本法とその周り", True), ("2. 法制度と計画", True), ("学習法のまとめ", False), ("海の計画", False)],
)
def test_a_heading_that_names_a_law_or_a_legal_system_is_about_laws(heading, about_laws):
    from kg.resolve.compounds import names_laws

    assert names_laws(heading) is about_laws


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("台風第7号は九州に上陸した。", ["台風第7号"]),  # the Meteorological Agency's number of the year
        ("台風12号が接近している。", ["台風12号"]),
        ("今年の台風は3個が上陸し、台風の第1報が出た。", []),  # a count and a report name no storm
    ],
)
def test_a_typhoon_named_by_its_number_is_an_event(text, found):
    from kg.resolve.compounds import numbered_typhoons

    assert [(text[c.start : c.end]) for c in numbered_typhoons(text)] == found
    assert all(c.type == "Event" for c in numbered_typhoons(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("1959年の三河湾台風を受けて法が作られた。", [("三河湾台風", "Event")]),  # a place and a disaster's head
        ("石川県は「令和9年奥三河豪雨」と呼んでいる。", [("令和9年奥三河豪雨", "Event")]),  # the year stays with it
        ("大型の台風と記録的な豪雨が続いた。", []),  # common words: a kind of disaster
    ],
)
def test_a_disaster_named_after_its_place_is_an_event(text, found):
    assert [(text[c.start : c.end], c.type) for c in compound_names(text) if c.type == "Event"] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("北方海洋防災フォーラムは、市と大学が主催している。", ["北方海洋防災フォーラム"]),  # held under its name
        ("経済フォーラムが開かれた。", []),  # two words: a kind of meeting
        ("北方海洋防災フォーラムの資料を読んだ。", []),  # not said to be held
    ],
)
def test_a_long_forum_the_sentence_says_is_held_is_an_event(text, found):
    from kg.resolve.compounds import held_events

    assert [text[c.start : c.end] for c in held_events(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("事務は内閣官房の海洋資源推進室が担う。", ["海洋資源推進室"]),  # under a body kg knows
        ("内閣官房に宇宙庁設置準備室が発足した。", ["宇宙庁設置準備室"]),  # formed
        ("G20で海洋作業部会が初めて設けられた。", ["海洋作業部会"]),  # set up
        ("北海審議会の漁業資源実行会議の下に置く。", ["漁業資源実行会議"]),
        ("県は山岳遭難救助隊に出動を求めた。", ["山岳遭難救助隊"]),  # three words before 隊: one unit
        ("事務は内閣官房の担当室が担う。", []),  # one word before the head: a kind of body
        ("作業部会が設けられた。", []),
        ("内閣総理大臣を本部長とする政府対策本部を設置する。", []),  # 政府 before the head 対策本部
        ("第2作業部会が設けられた。", []),  # a number: one of a series
        ("消防救助隊が出動し、航空宇宙自衛隊へ名前を変える。", []),  # two words; 自衛隊 is a word of its own
        # adjectival nouns written into the compound (サイバー, 特別) are words of the name
        ("北海警察庁は2022年4月にサイバー特別捜査隊を発足させた。", ["サイバー特別捜査隊"]),
        ("北海警察庁は特別な捜査隊を発足させた。", []),  # with な the adjective describes
        # the sections a list names under a known body, each by its field
        ("北海審議会の下に、漁業資源部会、林業部会、水産加工部会が並ぶ。", ["漁業資源部会", "林業部会", "水産加工部会"]),
        ("北海審議会は、林業部会を開いた。", []),  # one word before the head, no list under the body
    ],
)
def test_a_body_placed_under_a_known_body_or_formed_is_a_name(text, found):
    from kg.resolve.candidates import KNOWN, Candidate
    from kg.resolve.compounds import formed_bodies

    known = [Candidate(i, i + len(name), KNOWN, type="Organization")
             for name in ("内閣官房", "北海審議会", "自衛隊") if (i := text.find(name)) >= 0]
    assert [text[c.start : c.end] for c in formed_bodies(text, known)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("政府は「令和9年北方沖地震に係る検証チーム」をつくり、報告をまとめた。", ["令和9年北方沖地震に係る検証チーム"]),
        ("「令和9年北方沖地震復旧・復興支援本部」が設置された。", ["令和9年北方沖地震復旧・復興支援本部"]),
        ("「令和9年北方沖地震に学ぶ手引き」をつくった。", []),  # particles and no body's head: a phrase
    ],
)
def test_a_quoted_body_named_after_an_event_that_is_formed_is_a_body(text, found):
    from kg.resolve.compounds import set_up_bodies

    assert [text[c.start : c.end] for c in set_up_bodies(text)] == found


def test_a_proper_word_ending_in_the_head_of_a_facility_is_no_node():
    text = "大臣は能登空港の早期再開を約束し、能登半島を回った。"
    found = [(text[c.start : c.end], c.type) for c in compound_names(text)]
    assert ("能登空港", "Other") in found and ("能登半島", "Region") in found  # a proper word with no such head stays


def test_an_adjective_before_a_head_in_quotes_names_nothing():
    from kg.records import Block
    from kg.resolve.candidates import quoted

    text = "「国際的な枠組みに経験をどう返すか」と「新たな戦略」を読み、「北方海洋枠組み」を調べた。"
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    assert [text[c.start : c.end] for c in quoted(block)] == ["北方海洋枠組み"]
    listed = "日本は「野心的で実効的な条約」と「公正かつ透明な協定」を掲げ、「北方海洋条約」を結んだ。"
    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=listed, links=())
    assert [listed[c.start : c.end] for c in quoted(block)] == ["北方海洋条約"]  # adjectives joined by で or かつ


def test_a_model_span_of_three_listed_parts_two_of_them_known_is_a_list():
    from kg.records import Span
    from kg.resolve.compounds import lists_only

    text = "実動部隊（自衛隊・消防・TEC-FORCE）"
    span = Span(text.index("自衛隊"), text.index("）"), "Organization_Other")
    items = {(text.index("自衛隊"), text.index("自衛隊") + 3), (text.index("TEC"), text.index("）"))}
    assert lists_only(text, span, items)
    assert not lists_only(text, span, {(text.index("TEC"), text.index("）"))})  # one known part: maybe one name


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("総長は「全ての船に灯台を（Lighthouses for All）」という取組を打ち出した。", ["全ての船に灯台を"]),
        ("市は「海辺の町を未来につなぐ」という運動を始めた。", ["海辺の町を未来につなぐ"]),  # long enough to be named
        ("市は「声かけ」という取組を進める。", []),  # a short phrase: a way of doing things
        ("「全ての船に灯台を」という言葉が広まった。", []),  # a word, no initiative
    ],
)
def test_a_quoted_name_called_an_initiative_is_a_plan(text, found):
    from kg.resolve.compounds import called_plans

    assert [text[c.start : c.end] for c in called_plans(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("「防災・減災、港湾強靱化のための5か年加速化対策」は15兆円だ。", ["防災・減災、港湾強靱化のための5か年加速化対策"]),
        ("「道路整備十箇年計画」を読んだ。「地震対策」を進める。", []),  # no span of years written so; measures alone
    ],
)
def test_a_quoted_programme_that_runs_for_years_is_a_plan(text, found):
    from kg.resolve.compounds import multi_year_plans

    assert [text[c.start : c.end] for c in multi_year_plans(text)] == found


def test_a_katakana_proper_word_ending_like_a_facility_is_still_a_name():
    text = "ルイビルとアルベールビルを訪れた。"
    assert [c for c in compound_names(text) if c.type == "Other"] == []


def test_a_facility_s_katakana_head_inside_a_loanword_is_no_head():
    from kg.resolve.compounds import ends_in_head

    assert ends_in_head("ソラモービル") is None and ends_in_head("ゼノモービル") is None  # the end of one loanword
    assert ends_in_head("北港ビル") == "Other" and ends_in_head("総合運動公園") == "Other"  # a head after kanji
    text = "商社は米ゼノモービルが計画する事業に加わる。"
    assert [c for c in compound_names(text) if c.type == "Other"] == []


def test_a_weather_head_inside_a_run_and_a_rank_of_unit_name_nothing():
    from kg.resolve.compounds import formed_bodies

    from kg.resolve.candidates import KNOWN, Candidate
    from kg.resolve.compounds import continued

    text = "衆議院水害地対策特別委員会の理事を務め、連隊は2個高射砲兵中隊で構成された。"
    assert [c for c in compound_names(text) if c.type == "Event"] == []
    assert [text[c.start : c.end] for c in continued(text, [Candidate(0, 3, KNOWN, type="Organization")])] != ["衆議院水害"]
    assert formed_bodies(text, []) == []
    storm = "伊勢湾台風が来た。"  # at the end of its run the head names the disaster
    assert [(storm[c.start : c.end], c.type) for c in compound_names(storm)] == [("伊勢湾台風", "Event")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("同じ日にQZ2035ビジョンの原案が出た。", [("QZ2035ビジョン", "Plan")]),  # a target year before the head
        ("海洋資源国家戦略2024-2028を決めた。", [("海洋資源国家戦略2024-2028", "Plan")]),  # a period after it
        ("2035ビジョンを語る。", []),  # a year alone names no plan
        ("料金プラン2024を選ぶ。", []),  # one word and the head: a product's tier
    ],
)
def test_a_plan_is_named_by_its_year_or_period_against_its_head(text, found):
    assert _names(text) == found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("海洋酸性化防止対策計画の見直しを急ぐ。", ["海洋酸性化防止対策計画"]),  # four kanji words: one plan of a state
        ("事業計画の見直しを急ぐ。", []),  # a kind of plan
    ],
)
def test_a_plan_span_of_many_kanji_words_is_a_name(text, kept):
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    end = text.index("の見直し")
    assert [text[c.start : c.end] for c in from_ner(text, [Span(0, end, "Plan")], [])] == kept


@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("XYZ大綱", "Plan"),  # a charter or outline of policy
        ("「北海ルール共同ステートメント」", "Agreement"),
        ("QRS原則", "Agreement"),  # principles a body adopted, after its acronym
        ("カナタ行動目標", "Plan"),
        ("2031年版北海開発白書", ""),  # a publication, no entity
        ("ノン・ポルカ原則", ""),  # a principle of law named by its idea
    ],
)
def test_heads_of_outlines_statements_and_principles(name, type_):
    from kg.resolve.knowledge import suffix_type

    assert suffix_type(name.strip("「」")) == type_


def _model_names(text: str, name: str, label: str, known=()) -> list[str]:
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    start = text.index(name)
    return [text[c.start : c.end] for c in from_ner(text, [Span(start, start + len(name), label)], list(known))]


def test_a_qualifier_before_a_headed_model_span_is_no_part_of_the_name():
    assert _model_names("2015年、旧XYZ大綱に代わって新しい大綱ができた。", "旧XYZ大綱", "Plan") == ["XYZ大綱"]
    assert "ソルバニア" not in _model_names("旧ソルバニアの人々", "旧ソルバニア", "Country")  # no head: not cut


def test_toward_a_known_place_and_common_words_is_no_name():
    from kg.records import Span
    from kg.resolve.candidates import KNOWN, Candidate
    from kg.resolve.model_spans import _toward_a_place

    text = "日本の対カナタ協力の重点国。対カナタ協定も結んだ。"
    known = [Candidate(i, i + 3, KNOWN, "カナタ", "Region") for i in (text.index("カナタ"), text.rindex("カナタ"))]
    assert _toward_a_place(text, Span(3, 9, "Plan"), known)
    assert _model_names(text, "対カナタ協力", "Plan", known) == []
    assert not _toward_a_place(text, Span(14, 20, "Agreement"), known)  # a head: the name of a treaty


def _quoted_names(text: str, links=()) -> list[str]:
    from kg.records import Block
    from kg.resolve.candidates import quoted

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=tuple(links))
    return [text[c.start : c.end] for c in quoted(block)]


def test_a_quoted_comparison_is_no_name():
    assert _quoted_names("先輩は「ナガレ商事のような投資会社が鍵」と言った。") == []
    assert _quoted_names("「ナガレ投資会社」が来た。") == ["ナガレ投資会社"]


def test_a_source_label_in_link_text_is_no_part_of_the_name():
    from kg.records import Link

    text = "北海省：カナタ沿岸協定"
    link = Link(target="https://example.org/a", start=0, end=len(text), wiki=False)
    assert _quoted_names(text, [link]) == ["カナタ沿岸協定"]
    text = "カナタ沿岸協定"
    assert _quoted_names(text, [Link(target="https://example.org/a", start=0, end=len(text), wiki=False)]) == [text]


def test_a_meeting_of_a_level_after_a_meeting_series_is_a_meeting_of_its_own():
    from kg.resolve.candidates import KNOWN, Candidate, headed

    text = "東京でQRCX閣僚会合が開かれた。QRCX会合にも出た。"
    found = [text[c.start : c.end] for c in headed(text, [Candidate(3, 7, KNOWN, "QRCX", "Event")])]
    assert found == ["QRCX閣僚会合"]
    found = [text[c.start : c.end] for c in headed(text, [Candidate(18, 22, KNOWN, "QRCX", "Event")])]
    assert found == []  # the series itself, written loosely


@pytest.mark.parametrize("surface", ["第III部", "第Ⅱ部", "第IV章"])
def test_a_part_numbered_in_roman_numerals_is_a_part_of_the_document(surface):
    from kg.resolve.junk import junk_rule

    assert junk_rule(surface, frozenset()) == "part-title"
    assert junk_rule("第III世代", frozenset()) != "part-title"  # a generation is no part of a document



def test_a_ship_named_after_a_word_for_a_warship_is_no_node_and_no_place():
    from kg.resolve import resolve

    text = "空母「山東」が海峡を通過した。"  # a carrier named after a province
    assert [m.surface for e in resolve([_ship_note(text)], {}) for m in e.mentions] == []


def test_a_quoted_name_without_a_word_for_a_warship_is_read_as_usual():
    from kg.resolve.compounds import named_vessels

    assert named_vessels("計画「蒼龍」が始まった。") == []
    assert [c.type for c in named_vessels("空母「蒼龍」が出港した。")] == ["Other"]


def _ship_note(text: str):
    from kg.records import Block, Note

    block = Block(note="n.md", heading_path=(), heading_levels=(), section=0, paragraph=0, line=1, kind="paragraph", text=text)
    return Note(path="n.md", title="n", aliases=(), blocks=(block,))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("首脳は「北海プロセス国際行動規範」に合意した。", [("北海プロセス国際行動規範", "Agreement")]),  # a code of conduct
        ("両国は「カナタ・アコード」に署名した。", [("カナタ・アコード", "Agreement")]),  # an accord
        ("両省が「北海事業者ガイドライン」を公表した。", [("北海事業者ガイドライン", "Plan")]),  # guidelines
        ("G7は「北海プロセス国際指針」に合意した。", [("北海プロセス国際指針", "Plan")]),
        ("大統領は「北海の安全に関する大統領令」に署名した。", [("北海の安全に関する大統領令", "Law")]),  # an executive order
        ("両省が「ガイドライン」を公表した。", []),  # the head alone names no one text
    ],
)
def test_heads_of_codes_accords_guidelines_and_orders(text, found):
    assert _quoted_typed(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # での before の inside a formal title modifies the noun after it: no clause ends there
        ("「北海漁業分野での資源の保全に向けた有識者会議」が開かれた。", [("北海漁業分野での資源の保全に向けた有識者会議", "Organization")]),
        ("「北海での会議」が開かれた。", []),  # no title's clause: a phrase
        ("「北海分野で協力を進めるための有識者会議」が開かれた。", []),  # で and を end clauses
    ],
)
def test_a_particle_with_no_after_it_inside_a_formal_title_ends_no_clause(text, found):
    assert _quoted_typed(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a country's one-character form before katakana the model calls a body: a foreign company, named
        # though its words be common ones (クラウド, ストア); without the country they are a loanword for a thing
        ("7月には、米クラウドストアの製品で障害が出た。", ["クラウドストア"]),
        ("7月には、クラウドストアの製品で障害が出た。", []),
    ],
)
def test_katakana_common_words_after_a_countrys_letter_name_a_company(text, found):
    from kg.records import Span

    start = text.index("クラウドストア") - (1 if "米ク" in text else 0)
    spans = (Span(start, text.index("の製品"), "Corporation_Other"),)
    assert [m[0] for m in _mentions(text, spans) if m[0] not in ("米", "米国")] == found


def test_a_fact_finding_mission_is_a_body_but_kinds_of_body_listed_with_a_dot_are_none():
    assert ("ルリタニア事実調査団", "Organization") in _names("理事会が設けたルリタニア事実調査団が報告した。")
    assert _names("特別報告者と調査委員会・事実調査団が理事会の目になる。") == []
    assert _names("現地調査団が入った。") == []  # one common word before the head: a kind


def test_a_bodys_own_rules_after_its_name_are_no_treaty():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import headed, known_and_compound

    def names(text):
        known, _ = known_and_compound(text, base_lexicon(()))
        return [text[c.start : c.end] for c in headed(text, known)]

    assert names("協会は日本銀行職員規程を改定した。") == []
    assert names("理事会は日本将棋研究協会棋士規程を改定した。") == []  # a body's head before the rules
    assert names("アルメニアについてナポリ規程が発効した。") == []  # not a known place: no headed name
    assert names("アルメニアについてはローマ規程が発効した。") == ["ローマ規程"]  # after a place, a treaty
    from kg.records import Block
    from kg.resolve.candidates import quoted

    text = "協会は「日本将棋研究協会棋士規程」を改定した。"
    block = Block("n.md", ("見出し",), (2,), 1, 0, 1, "paragraph", text)
    assert quoted(block) == []  # in quotes too


def test_a_party_or_a_company_the_model_takes_for_a_person_is_a_body():
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    text = "緑風党は、1950年に結成された政党。"
    assert [(text[c.start : c.end], c.type) for c in from_ner(text, [Span(0, 3, "Person")], [])] == [
        ("緑風党", "Organization")]
    company = "青葉金属工業と合併した。"
    assert [(company[c.start : c.end], c.type) for c in from_ner(company, [Span(0, 6, "Person")], [])] == [
        ("青葉金属工業", "Organization")]
    bare = "与党は反対した。"  # one word for a kind of party, however the model reads it
    assert [c.type for c in from_ner(bare, [Span(0, 2, "Person")], [])] != ["Organization"]


def _compounds(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.type) for c in compound_names(text)]


def test_a_katakana_word_before_the_head_of_a_reef_or_islands_is_a_place_s_name():
    # the dictionary holds ノルダ as no name; before …礁 or …諸島 the katakana words name a foreign place
    assert ("ノルダ礁", "Region") in _compounds("沖合のノルダ礁で船が座礁した。")
    assert ("ベルカ・ノルダ諸島", "Region") in _compounds("ベルカ・ノルダ諸島の周辺")
    assert _compounds("サンゴ礁が白化した。") == []  # the dictionary's one word for a coral reef


def test_a_word_saying_whose_name_follows_is_no_part_of_it():
    for text in ("礁（比名ノルダ礁）で", "島（中国名ノルダ島）で", "通称ノルダ礁で", "（英名ノルダ礁）"):
        assert [name for name, _ in _compounds(text)] == ["ノルダ礁" if "礁" in text[2:] else "ノルダ島"], text
    assert ("比名ノルダ", "Region") not in _compounds("比名ノルダ")  # no head: nothing to cut a label from


def test_a_country_s_one_character_form_before_a_foreign_name_is_no_part_of_it():
    assert ("ノルダ研究所", "Organization") in _names("英ノルダ研究所へ寄せた論文")
    assert not any(name.startswith("英") for name, _ in _names("英ノルダ研究所へ寄せた論文"))
    # before kanji the form opens a compound of its own words (米国, 米州): the name is the run
    assert not any(name == "州開発研究所" for name, _ in _names("米州開発研究所が報告した"))

@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("根拠は穀物備蓄法17条に基づく措置である。", ["穀物備蓄法"]),  # an article's number cites the law
        ("関税：海運通商法301条による。", ["海運通商法"]),
        ("この治療法3条件を満たす。", []),  # 条件 is no article
        ("新しい治療法を試した。", []),
    ],
)
def test_a_run_ending_in_ho_before_an_articles_number_is_a_law(text, found):
    from kg.resolve.compounds import cited_laws

    assert [text[c.start : c.end] for c in cited_laws(text, False)] == found


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("政府は輸出入貨物管理令を改正した。", "輸出入貨物管理令", "Law"),  # a cabinet order on control
        ("根拠は両用物資輸出管理条例である。", "両用物資輸出管理条例", "Law"),
        ("首相を議長とする海洋資源推進会議で決める。", "海洋資源推進会議", "Organization"),  # a council, no meeting
    ],
)
def test_control_orders_and_promotion_councils_are_named_by_their_heads(text, name, type_):
    assert (name, type_) in _mentions_by_type(text)


def test_a_word_in_rei_that_is_no_control_order_makes_no_law():
    assert _mentions_by_type("政府は新たな命令と法令を出した。") == []


def _mentions_by_type(text: str) -> list[tuple[str, str]]:
    from kg.records import Block, Note
    from kg.resolve import resolve

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    return [(m.surface, e.type) for e in resolve([Note(path="n.md", title="n", blocks=(block,))], {}) for m in e.mentions]


def test_a_formal_title_opens_after_a_clause_in_to_suru_and_joins_nouns_with_de_no():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import formal_titles

    def titles(text: str) -> list[str]:
        return [text[c.start : c.end] for c in formal_titles(text, base_lexicon(()))]

    # a state names its body by what it deals with, a foreign country's acts among them
    assert titles("政府は、首相を本部長とするゼノビアの輸入規制に関する総合対策本部を立ち上げた。") == [
        "ゼノビアの輸入規制に関する総合対策本部"]
    assert titles("2024年には、ヨモギ分野での人材の育成に向けた有識者会議が提言をまとめた。") == [
        "ヨモギ分野での人材の育成に向けた有識者会議"]
    assert titles("首相がするゼノ資源の確保に関する総合対策本部") == []  # する without と opens no title


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("こども読書推進審議会が答申した。", "こども読書推進審議会"),  # a noun in kana opens the name
        ("子ども・若者交流分科会が開かれた。", "子ども・若者交流分科会"),  # nouns in kanji and kana, with ・
        ("札幌市こども読書基本条例が施行された。", "札幌市こども読書基本条例"),  # name characters before the kana noun
    ],
)
def test_a_common_noun_written_in_kana_is_a_word_of_the_name(text, name):
    assert name in [n for n, _ in _names(text)]


@pytest.mark.parametrize("text", ["読書のための推進本部を置く。", "こどもの読書部会"])
def test_a_particle_or_a_kana_word_used_as_an_adverb_opens_no_name(text):
    assert _names(text) == []  # ため works as an adverb; の is a particle


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("児童読書推進部会で議論した。", "児童読書推進部会", "Organization"),  # a council's section, words before it
        ("観光審議会が答申した。", "観光審議会", "Organization"),  # a council set up by law: one word names it
        ("読書推進大綱を決めた。", "読書推進大綱", "Plan"),  # a government's outline
    ],
)
def test_a_section_a_council_and_an_outline_are_named_by_their_heads(text, name, type_):
    assert (name, type_) in _names(text)


@pytest.mark.parametrize("text", ["作業部会で議論した。", "各審議会に諮った。", "30大綱の下で整備した。"])
def test_one_word_before_a_section_a_prefix_or_a_number_names_none(text):
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("読書政策推進会議が開かれた。", "読書政策推進会議"),  # a council that promotes a policy
        ("港湾未来戦略会議が提言した。", "港湾未来戦略会議"),
        ("全世代型読書環境構築会議で議論した。", "全世代型読書環境構築会議"),
    ],
)
def test_a_council_named_by_what_it_promotes_builds_or_advises_on_is_a_body(text, name):
    assert (name, "Organization") in _names(text)


def test_one_word_before_a_strategy_council_names_a_kind_of_meeting():
    assert _names("経営戦略会議を開いた。") == []


def test_heads_of_bodies_listed_with_a_dot_name_no_body():
    assert _names("主な部会・分科会を挙げる。") == []  # kinds of body
    assert ("観光・読書推進分科会", "Organization") in _names("観光・読書推進分科会が開かれた。")  # fields of one name


def _resolved(text: str) -> dict[str, str]:
    """Return each node's label -> type for one paragraph read with GiNZA's own spans."""
    from kg.extract.ner import find_spans
    from kg.records import Block, Note
    from kg.resolve import resolve

    block = Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    (spans,) = find_spans([text])
    return {e.label: e.type for e in resolve([Note(path="n.md", title="n", aliases=(), blocks=(block,))], {text: spans})}


def test_an_association_of_the_holders_of_a_post_is_a_body(nlp):
    # the model labels 全国村長会 a post: a post ends in 長 or 員, never in 会
    assert _resolved("全国村長会は要望をまとめた。").get("全国村長会") == "Organization"
    assert _resolved("式の司会は会長が務めた。") == {}  # a post, and 司会 a word of two characters


def test_a_section_under_a_council_its_head_names_is_a_body(nlp):
    # 雇用保険 is one word of the dictionary but two of the name, under a council named by its head
    assert _resolved("観光審議会の雇用保険部会で議論された。").get("雇用保険部会") == "Organization"
    assert "交通部会" not in _resolved("観光審議会の交通部会で議論された。")  # one word: a kind of section


def test_the_adjective_a_state_names_a_new_body_with_opens_its_name(nlp):
    assert "新しい離島交通・観光振興本部" in _resolved("11月には新しい離島交通・観光振興本部が置かれた。")
    said = _resolved("11月には新たな離島交通・観光振興本部が置かれた。")  # 新たな says the body is new
    assert "離島交通・観光振興本部" in said and "新たな離島交通・観光振興本部" not in said


@pytest.mark.parametrize("text", ["2023年に、ひまわり育成戦略方針をまとめた。", "2023年に、こども読書推進方針をまとめた。"])
def test_a_policy_is_named_by_three_words_and_a_kana_noun_is_one_of_them(text):
    assert [type_ for _, type_ in _names(text)] == ["Plan"]


@pytest.mark.parametrize("text", ["社長は経営改善方針を示した。", "2023年に、ひまわり育成プランをまとめた。"])
def test_two_words_before_a_long_head_name_a_kind_of_plan(text):
    assert _names(text) == []


def test_a_holding_company_the_model_takes_for_goods_with_what_it_holds_is_a_body():
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    text = "北海ホールディングス傘下の北海製菓は、生産をやめた。"
    found = from_ner(text, [Span(0, text.index("の"), "Product_Other")], [])
    assert [(text[c.start : c.end], c.type) for c in found] == [("北海ホールディングス", "Organization")]
    goods = "新型ドライヤー傘下の製品を売る。"  # no body's head before 傘下: the model's goods stay none of kg's
    assert from_ner(goods, [Span(0, goods.index("の"), "Product_Other")], []) == []


def test_a_site_named_by_its_body_and_a_place_is_read_as_the_body():
    # 大和電力 runs the plant at 舞鶴: the plant is no node, the company is a mention
    text = "大和電力舞鶴発電所が停止した。"
    assert [(text[b.start : b.end], text[s.start : s.end]) for b, s in owned_sites(text)] == [("大和電力", "舞鶴発電所")]
    # a place and a site's head name the site alone; two places name no body
    assert owned_sites("同社の苫小牧工場が閉鎖された。") == owned_sites("北海道苫小牧工場が閉鎖された。") == []


def test_the_model_span_over_a_site_gives_the_body_that_runs_it(nlp):
    resolved = _resolved("大和電力舞鶴発電所が停止した。")
    assert resolved.get("大和電力") == "Organization" and "舞鶴発電所" not in resolved
    assert not any(t == "Organization" for t in _resolved("北海道苫小牧工場が閉鎖された。").values())


@pytest.mark.parametrize("text", ["2023年に、漁業・デジタル観光戦略をまとめた。", "政府は沿岸振興型ブルーファイナンス構想を示した。"])
def test_a_loanword_among_two_kanji_words_is_a_word_of_a_long_plan_name(text):
    assert [type_ for _, type_ in _names(text)] == ["Plan"]


@pytest.mark.parametrize("text", ["社長はデジタルマーケティング戦略を示した。", "社長は観光デジタル戦略を示した。"])
def test_loanwords_or_one_kanji_word_before_a_long_head_name_a_kind_of_plan(text):
    assert _names(text) == []  # loanwords alone, or one kanji word and a loanword: a kind of strategy


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("事務総長は、漁業に関するハイレベル諮問機関を立ち上げた。", ["漁業に関するハイレベル諮問機関"]),
        ("総会は、移民に関するグローバル・コンパクトを採択した。", ["移民に関するグローバル・コンパクト"]),
        ("事務総長は、漁業に関する諮問機関を立ち上げた。", []),  # a head alone after one noun describes
        ("社長は、漁業に関するガイドラインを示した。", []),
    ],
)
def test_a_translated_name_opening_with_a_loanword_is_titled_by_a_clause_of_one_noun(text, found):
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import formal_titles

    assert [text[c.start : c.end] for c in formal_titles(text, base_lexicon(()))] == found


def test_a_named_consensus_is_an_agreement_and_consensus_alone_a_kind():
    assert _quoted_typed("会議の合意文書は「北海コンセンサス」と呼ばれる。") == [("北海コンセンサス", "Agreement")]
    assert _quoted_typed("改正案は「コンセンサス」で採択された。") == []  # the head alone is how it was adopted


def test_a_year_and_the_head_of_an_event_held_every_year_name_that_years_round():
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    def found(text: str, surface: str, label: str) -> list[tuple[str, str]]:
        start = text.index(surface)
        return [(text[c.start : c.end], c.type) for c in from_ner(text, [Span(start, start + len(surface), label)], [])]

    text = "北海労組は31年春闘の要求を決めた。"
    assert found(text, "31年", "Date") == [("31年春闘", "Event")]  # the model's date and the head after it
    assert found(text, "31年春闘", "Date") == [("31年春闘", "Event")]  # the model's date over both
    assert found(text, "春闘", "Occasion_Other") == [("31年春闘", "Event")]  # the model's head and the year before
    assert found("北海労組は春闘の要求を決めた。", "春闘", "Occasion_Other") == []  # the institution, no round
    assert found("北海労組は31年春に要求を決めた。", "31年", "Date") == []  # a date before no event's head


def test_the_models_idea_or_printed_work_ending_in_a_head_of_a_body_or_a_law_after_two_words_is_that():
    from kg.records import Span
    from kg.resolve.model_spans import from_ner

    def found(text: str, surface: str, label: str) -> list[tuple[str, str]]:
        start = text.index(surface)
        return [(text[c.start : c.end], c.type) for c in from_ner(text, [Span(start, start + len(surface), label)], [])]

    law = "北浜市議会はペット・騒音防止条例を可決した。"
    assert found(law, "ペット・騒音防止条例", "Doctrine_Method_Other") == [("ペット・騒音防止条例", "Law")]
    group = "北浜港湾物流法制研究会は報告書をまとめた。"
    assert found(group, "北浜港湾物流法制研究会", "Printing_Other") == [("北浜港湾物流法制研究会", "Organization")]
    assert found("市は防止条例を改めた。", "防止条例", "Doctrine_Method_Other") == []  # one word before the head: a kind
    assert found("市は住民登録制度を改めた。", "住民登録制度", "Doctrine_Method_Other") == []  # a scheme's head is left


def test_a_convention_numbered_by_its_body_is_named_by_the_number_after_a_clause_on_what_it_is_about(nlp):
    numbered = _resolved("北海労働機関は2031年、港湾労働の安全に関する第301号条約を採択した。")
    assert "第301号条約" in numbered and not any(label.endswith("に関する第301号条約") for label in numbered)
    titled = _resolved("北海労働機関は2031年、港湾労働の安全に関する北海港湾条約を採択した。")  # no number: the clause opens it
    assert "港湾労働の安全に関する北海港湾条約" in titled


def test_a_full_name_before_the_body_of_a_title_is_no_part_of_the_bodys_name(nlp):
    text = "審議会の会長は山川太郎港北大学名誉教授が務める。"
    assert [(text[c.start : c.end], c.type) for c in compound_names(text)] == [("港北大学", "Organization")]
    assert _resolved(text).get("山川太郎") == "Person"
    bank = "山川銀行は融資を増やした。"  # no full name before the head: the name is the body's own
    assert [(bank[c.start : c.end], c.type) for c in compound_names(bank)] == [("山川銀行", "Organization")]
    assert "港北大学名誉教授" not in _resolved("港北大学名誉教授の山川太郎が述べた。")  # a title, no person


def test_a_labour_federations_short_head_names_it_after_one_word(nlp):
    assert ("港湾労連", "Organization") in _names("港湾労連と漁業総連は賃上げを求めた。")
    assert ("漁業総連", "Organization") in _names("港湾労連と漁業総連は賃上げを求めた。")
    assert _names("労連は賃上げを求めた。") == []  # the head alone names no one federation
    nodes = _resolved("漁業総連（全日本漁業労働組合総連合会）の会長が述べた。漁業総連は集計を出した。")
    assert len(nodes) == 1  # the short name and the full one whose head's kanji it keeps are one body


def test_a_law_cited_with_the_kana_spelling_of_motozuku_is_a_law():
    from kg.resolve.compounds import cited_laws

    def laws(text: str) -> list[str]:
        return [text[c.start : c.end] for c in cited_laws(text, False)]

    assert laws("審議会は、港湾振興法にもとづいて置かれる。") == ["港湾振興法"]
    assert laws("この治療法にもとづいて手当てする。") == []  # one word before 法: a method as often as a law


def test_a_multi_year_plan_is_named_in_plain_text_by_two_kanji_words_before_its_years():
    from kg.resolve.compounds import multi_year_plans

    def plans(text: str) -> list[str]:
        return [text[c.start : c.end] for c in multi_year_plans(text)]

    assert plans("政府は港湾整備推進5か年計画を始めた。") == ["港湾整備推進5か年計画"]
    assert plans("政府は中期5か年計画を立てた。") == []  # one word before the years: a kind of plan
    assert plans("会社は5か年計画を立てた。") == []


def test_a_day_and_its_morning_is_no_dynasty():
    # 朝 ends a dynasty's name (北浜朝), but after a day's number and counter it is that day's morning
    text = "大統領は22日（ヨモギ時間23日朝）に発表した。"
    assert not [text[c.start : c.end] for c in compound_names(text) if c.type == "Organization"]
    text = "ヨモギア朝の王が即位した。"
    assert [text[c.start : c.end] for c in compound_names(text) if c.type == "Organization"] == ["ヨモギア朝"]
