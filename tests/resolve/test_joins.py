"""Two ways of writing one name join into one node (kg.resolve.entities._names_joined, kanji variants,
labelled parentheses), and names that only look alike stay apart. Spans are hand-made."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kg.records import Block, Link, Note, Span
from kg.resolve import ResolveOptions, resolve
from kg.resolve.aliases import base_lexicon, defined_kinds
from kg.text.chars import fold_spelling, match_key


def _note(text: str, path: str = "n.md") -> Note:
    block = Block(note=path, heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    return Note(path=path, title=path[:-3], aliases=(), blocks=(block,))


def _spans(text: str, *labelled: tuple[str, str]) -> dict[str, tuple[Span, ...]]:
    found = []
    for surface, label in labelled:
        start = -1
        while (start := text.find(surface, start + 1)) >= 0:
            found.append(Span(start, start + len(surface), label))
    return {text: tuple(found)}


def _nodes(notes, spans) -> dict[str, list[str]]:
    """Return each node's label -> the surfaces of its mentions, sorted."""
    return {e.label: sorted({m.surface for m in e.mentions}) for e in resolve(notes, spans)}


def test_a_name_written_with_an_old_form_of_a_kanji_is_the_same_name():
    assert match_key("齋藤") == match_key("斎藤") and match_key("國學院") == match_key("国学院")
    first, later = "齋藤健経済産業大臣が会見した。", "斎藤大臣は支援を明言しなかった。"
    spans = {**_spans(first, ("齋藤健", "Person")), **_spans(later, ("斎藤", "Person"))}
    nodes = _nodes([_note(first), _note(later, "m.md")], spans)
    assert nodes["齋藤健"] == ["斎藤", "齋藤健"]
    assert "斎藤" not in nodes


def test_a_parenthesis_that_says_it_holds_the_formal_name_or_the_nickname_defines_it():
    formal = "港湾特措法（正式名「港湾の整備及び運営のために必要な特別措置に関する法律」）が成立した。港湾特措法は時限立法だ。"
    nodes = _nodes([_note(formal)], {})
    assert len(nodes) == 1 and "港湾特措法" in next(iter(nodes.values()))
    nickname = "2010年上海国際博覧会（いわゆる上海万博。184日間開かれた）に続き、上海万博の跡地が再開発された。"
    nodes = _nodes([_note(nickname)], _spans(nickname, ("2010年上海国際博覧会", "Event")))
    assert nodes["2010年上海国際博覧会"] == ["2010年上海国際博覧会", "上海万博"]
    common = "審査基準（いわゆるガイドライン）の改定は来年になる。"
    assert _nodes([_note(common)], {}) == {}  # a common thing and its nickname name no entity


def test_a_short_law_name_made_of_a_bodys_abbreviation_defines_the_long_one():
    text = "独立行政法人国際協力機構法（JICA法）が改正された。JICA法の改正で出資が増える。"
    nodes = _nodes([_note(text)], {})
    law = next(label for label in nodes if label.endswith("法"))
    assert law == "国際協力機構法" and "JICA法" in nodes[law]  # the legal form is no part of the label


def test_a_name_that_opens_with_another_name_of_a_known_country_or_body_is_one_name():
    text = "2021年に中国海警法が施行された。中華人民共和国海警法は武器の使用を認める。"
    nodes = _nodes([_note(text)], _spans(text, ("中国海警法", "Law"), ("中華人民共和国海警法", "Law")))
    assert sorted(len(v) for k, v in nodes.items() if k.endswith("海警法")) == [2]


def test_a_municipality_and_a_group_written_short_join_the_long_name_the_vault_uses():
    text = "半導体工場は熊本県菊陽町に建つ。菊陽の工場にはトヨタグループも出資し、トヨタは部品を納める。"
    spans = _spans(text, ("菊陽町", "Region"), ("菊陽", "Region"), ("トヨタグループ", "Organization"),
                   ("トヨタ", "Organization"))
    nodes = _nodes([_note(text)], spans)
    assert "菊陽" in nodes["菊陽町"] and "菊陽" not in nodes
    assert any({"トヨタ", "トヨタグループ"} <= set(v) for v in nodes.values())
    both = "名張市と名張町は別の自治体ではない。名張で会った。"
    spans = _spans(both, ("名張市", "Region"), ("名張町", "Region"), ("名張", "Region"))
    assert "名張" in _nodes([_note(both)], spans)  # it fits two longer names: it stays as written


def test_an_agreement_written_without_its_front_joins_the_one_longer_name_that_has_it():
    text = "IPEFクリーン経済協定が発効した。IPEFのクリーン経済協定は5か国で先に発効した。"
    spans = _spans(text, ("IPEFクリーン経済協定", "Agreement"), ("クリーン経済協定", "Agreement"))
    nodes = _nodes([_note(text)], spans)
    assert nodes["IPEFクリーン経済協定"] == ["IPEFクリーン経済協定", "クリーン経済協定"]
    two = "IPEFクリーン経済協定とRCEPクリーン経済協定を比べる。クリーン経済協定の数は増えた。"
    spans = _spans(two, ("IPEFクリーン経済協定", "Agreement"), ("RCEPクリーン経済協定", "Agreement"),
                   ("クリーン経済協定", "Agreement"))
    assert "クリーン経済協定" in _nodes([_note(two)], spans)  # two longer names end in it: it joins neither


def test_two_katakana_person_spans_cut_at_a_joiner_are_one_name_and_a_list_of_names_stays_a_list():
    text = "議長国からはジョルジャ・メローニ首相が現地入りし、高橋義雄・渡辺治が同行した。"
    spans = {text: (Span(6, 12, "Person"), Span(12, 16, "Person"),
                    Span(text.index("高橋義雄"), text.index("高橋義雄") + 4, "Person"),
                    Span(text.index("渡辺治"), text.index("渡辺治") + 3, "Person"))}
    nodes = _nodes([_note(text)], spans)
    assert "ジョルジャ・メローニ" in nodes and "ジョルジャ" not in nodes
    assert "高橋義雄" in nodes and "渡辺治" in nodes


def test_a_cabinet_meeting_and_a_white_paper_are_no_nodes():
    text = "外交青書は4月の閣議で報告され、観光白書も閣議決定された。"
    spans = _spans(text, ("外交青書", "International_Organization"), ("閣議", "Conference"), ("観光白書", "Product_Other"))
    assert _nodes([_note(text)], spans) == {}


def test_a_scheme_or_a_policy_defined_with_its_abbreviation_is_a_plan():
    text = "二国間クレジット制度（JCM）を広げる。JCMのパートナー国は増えた。"
    entities = resolve([_note(text)], {})
    assert [(e.label, e.type) for e in entities] == [("JCM", "Plan")]


def test_an_election_named_with_its_country_or_party_is_an_event():
    text = "11月5日の米大統領選ではトランプ氏が勝ち、自民党総裁選は9月に行われた。"
    spans = _spans(text, ("自民党総裁選", "Person"))
    types = {e.label: e.type for e in resolve([_note(text)], spans)}
    assert types.get("自民党総裁選") == "Event"  # the head says what it is, whatever the model voted


def test_a_bold_name_ending_in_a_head_is_a_name_as_a_quoted_one_is():
    text = "今年3月には宇宙輸送戦略がまとまり、9月の推移（白書の図を描き直した）も見た。"
    start = text.index("宇宙輸送戦略")
    bold = Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=0, line=1,
                 kind="paragraph", text=text, links=(), emphasis=((start, start + 6), (text.index("9月"), len(text) - 9)))
    entities = resolve([Note(path="n.md", title="n", aliases=(), blocks=(bold,))], {})
    assert [(e.label, e.type) for e in entities] == [("宇宙輸送戦略", "Plan")]  # a caption cut in a parenthesis is none


def test_a_region_kg_knows_is_not_read_as_an_address_of_its_last_place():
    text = "ASEANは2019年に「インド太平洋に関するASEANアウトルック」を採択した。"
    spans = _spans(text, ("インド太平洋に関するASEANアウトルック", "Plan"))
    found = {m.surface: e.label for e in resolve([_note(text)], spans) for m in e.mentions}
    assert found.get("インド太平洋") == "インド太平洋"  # not 太平洋, as 千歳 of 北海道千歳市 would be


def test_a_sentence_giving_the_formal_name_defines_the_name_just_before_it():
    same = "土台は1979年発効の月協定で、正式には「月その他の天体における国家活動を律する協定」という。"
    nodes = _nodes([_note(same)], {})
    assert any({"月協定", "月その他の天体における国家活動を律する協定"} <= set(v) for v in nodes.values())
    first = "2023年には両国が日加情報保護協定に署名した。"  # the agreement in bold: **日加情報保護協定**
    after = "正式名は「日本国政府とカナダ政府との間の情報の保護に関する協定」。"
    blocks = [Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=i, line=i + 1,
                    kind="list_item", text=t, links=(), emphasis=((t.index("日加"), t.index("に署名")),) if i == 0 else ())
              for i, t in enumerate((first, after))]
    names = {m.surface: e.id for e in resolve([Note(path="n.md", title="n", aliases=(), blocks=tuple(blocks))], {})
             for m in e.mentions}
    assert names["日加情報保護協定"] == names["日本国政府とカナダ政府との間の情報の保護に関する協定"]


def test_a_kanji_short_name_beside_an_acronym_in_parentheses_is_the_body_s_too():
    text = "北方海域資源管理推進機関（NFRMO、資源機関）は、想定を公表した。資源機関は動く。"
    assert sorted(_nodes([_note(text)], {})["NFRMO"]) == ["NFRMO", "北方海域資源管理推進機関", "資源機関"]
    organ = "北方海域資源管理推進機関（NFRMO、調整委員会）は、想定を公表した。"  # an organ's name, not the body's
    assert "調整委員会" not in str(_nodes([_note(organ)], {}))


def test_a_centre_after_a_body_s_name_is_a_body_of_its_own():
    text = "北方経済研究所（NERI）の中に、QZECセンターが設けられた。QZEC（北方ゼロ共同体）は広がる。QZEC機構も同じだ。"
    nodes = _nodes([_note(text)], _spans(text, ("QZECセンター", "Company"), ("QZEC機構", "Organization")))
    assert nodes["QZECセンター"] == ["QZECセンター"]  # a centre set up by or for the body, not the body
    assert "QZEC機構" not in nodes  # another head of a body: the body written loosely, no body of its own


def test_a_design_ending_in_gata_and_its_acronym_name_no_one_thing():
    text = "2基は、いずれも軽水冷却型（LWC）で、LWCの再稼働は初めて。北方漁業機構（NFO）も動いた。"
    nodes = _nodes([_note(text)], _spans(text, ("LWC", "International_Organization")))
    assert "LWC" not in nodes and "軽水冷却型" not in str(nodes)  # a type of reactor, as a product is
    assert sorted(nodes["NFO"]) == ["NFO", "北方漁業機構"]  # a body and its acronym still join


def test_an_unquoted_formal_name_below_a_list_item_that_is_only_a_name_is_that_name():
    items = ("北方資源推進法", "正式名は北方海域の資源の探査及び利用の促進に関する法律", "価格差を支援する")
    blocks = [Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=i, line=i + 1,
                    kind="list_item", text=t, links=()) for i, t in enumerate(items)]
    names = {m.surface: e.id for e in resolve([Note(path="n.md", title="n", aliases=(), blocks=tuple(blocks))], {})
             for m in e.mentions}
    assert names["北方資源推進法"] == names["北方海域の資源の探査及び利用の促進に関する法律"]
    other = ("北方資源推進法が成立した", "正式名は北方海域の資源の探査及び利用の促進に関する法律")  # the item says more than a name
    blocks = [Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=i, line=i + 1,
                    kind="list_item", text=t, links=()) for i, t in enumerate(other)]
    names = {m.surface: e.id for e in resolve([Note(path="n.md", title="n", aliases=(), blocks=tuple(blocks))], {})
             for m in e.mentions}
    assert names["北方資源推進法"] != names["北方海域の資源の探査及び利用の促進に関する法律"]


def test_a_formal_name_given_for_a_word_pointing_back_is_the_law_named_above():
    formal = "北方海運の促進に関する法律及び港湾運送法の一部を改正する法律"
    for pointer, joined in (("改正法", True), ("北浜港湾法", False)):  # a law's own name is the name defined
        items = ("北方海運法と港湾運送法を改正する北方海運2法が成立した", f"{pointer}の正式な名前は「{formal}」")
        blocks = [Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=i, line=i + 1,
                        kind="list_item", text=t, links=()) for i, t in enumerate(items)]
        spans = {items[0]: (Span(items[0].index("北方海運2法"), items[0].index("が成立"), "Law"),)}
        names = {m.surface: e.id for e in resolve([Note(path="n.md", title="n", aliases=(), blocks=tuple(blocks))], spans)
                 for m in e.mentions}
        assert (names.get("北方海運2法") == names.get(formal)) is joined


def test_a_quoted_title_with_a_letter_like_a_particle_inside_a_word_is_a_name():
    text = "2015年に海洋政策本部が「我が国の南極政策」を決定した。「日本が主導する協定」も結んだ。"
    nodes = _nodes([_note(text)], {})
    assert "我が国の南極政策" in nodes  # the が of 我が国 is no particle
    assert not any(label.endswith("主導する協定") for label in nodes)  # a quoted clause is none


def test_an_arrangement_and_a_schedule_are_typed_by_their_heads():
    text = "両国は「月面輸送に関する実施取決め」に署名し、宇宙基本計画工程表を改訂した。"
    start = text.index("宇宙基本計画工程表")
    block = Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=(), emphasis=((start, start + 9),))
    types = {e.label: e.type for e in resolve([Note(path="n.md", title="n", aliases=(), blocks=(block,))], {})}
    assert types == {"月面輸送に関する実施取決め": "Agreement", "宇宙基本計画工程表": "Plan"}


def test_a_feature_of_the_sea_floor_named_after_a_place_is_a_place():
    text = "四国海盆などを延長大陸棚とし、大和堆で漁をして、日本海溝も調べた。"
    types = {e.label: e.type for e in resolve([_note(text)], {})}
    assert {"四国海盆", "大和堆", "日本海溝"} <= {label for label, type_ in types.items() if type_ == "Region"}


def test_a_foreign_name_spelt_two_ways_in_katakana_is_one_person():
    assert fold_spelling("ライースィ") == fold_spelling("ライシ") and fold_spelling("ヴィクトル") == "ビクトル"
    first, later = "パレスチナのマフムード・アッバース議長が演説した。", "アッバス議長は停戦を求めた。"
    spans = {**_spans(first, ("マフムード・アッバース", "Person")), **_spans(later, ("アッバス", "Person"))}
    nodes = _nodes([_note(first), _note(later, "m.md")], spans)
    assert nodes["マフムード・アッバース"] == ["アッバス", "マフムード・アッバース"] and "アッバス" not in nodes
    other = "アッバスという名の別人もいる。"  # no full name in the vault: it stays as written
    assert "アッバス" in _nodes([_note(other)], _spans(other, ("アッバス", "Person")))


def test_a_kanji_name_read_out_with_english_initials_in_parentheses_is_one_person():
    text = "ヤンキースの王建民（C.M.ワン）が先発した。C.M.ワンは19勝を挙げた。"
    nodes = _nodes([_note(text)], _spans(text, ("王建民", "Person")))
    assert "C.M.ワン" in nodes["王建民"]
    title = "王建民（元投手）が来日した。"  # a title in the parenthesis is no reading
    assert "元投手" not in str(_nodes([_note(title)], _spans(title, ("王建民", "Person"))))


def test_an_expo_written_with_its_nickname_in_parentheses_is_one_event():
    text = "1990年国際花と緑の博覧会（花の万博）は大阪で開かれた。2005年日本国際博覧会（緑・未来博）も続いた。"
    spans = _spans(text, ("1990年国際花と緑の博覧会", "Event"), ("2005年日本国際博覧会", "Event"))
    nodes = _nodes([_note(text)], spans)
    assert "緑・未来博" in nodes["2005年日本国際博覧会"]
    assert "花の万博" not in str(nodes)  # a front with a particle is no name


def test_a_meeting_named_by_its_place_is_the_numbered_meeting_held_there():
    held, named = "第5回G7デジタル相会合が大阪市で開かれた。第4回G7デジタル相会合は東京で開かれた。", "G7大阪会合を振り返る。"
    spans = {**_spans(held, ("第5回G7デジタル相会合", "Event"), ("第4回G7デジタル相会合", "Event")),
             **_spans(named, ("G7大阪会合", "Event"))}
    nodes = _nodes([_note(held), _note(named, "m.md")], spans)
    assert "G7大阪会合" in nodes["第5回G7デジタル相会合"] and "G7大阪会合" not in nodes["第4回G7デジタル相会合"]
    same = "G7神戸サミット（5月）は日本が議長国を務めた第60回G7サミットで、成果文書を採択した。"
    nodes = _nodes([_note(same)], _spans(same, ("G7神戸サミット", "Event"), ("第60回G7サミット", "Event")))
    assert nodes["第60回G7サミット"] == ["G7神戸サミット", "第60回G7サミット"]
    unsaid = "G7神戸サミットの前に第60回G7サミットの準備会合があった。"  # nothing says they are one
    nodes = _nodes([_note(unsaid)], _spans(unsaid, ("G7神戸サミット", "Event"), ("第60回G7サミット", "Event")))
    assert {"G7神戸サミット", "第60回G7サミット"} <= set(nodes)


def test_an_acronym_joins_the_agreement_written_with_it_and_a_bodys_acronym_stays():
    text = ("「深海底資源の共同管理に関する協定」（SBRA協定）が発効した。"
            "SBRA（Sea-Bed Resources Agreement）の批准国は12か国になった。")
    nodes = _nodes([_note(text)], _spans(text, ("深海底資源の共同管理に関する協定", "Treaty")))
    assert list(nodes.values()) == [["SBRA", "SBRA協定", "Sea-Bed Resources Agreement", "深海底資源の共同管理に関する協定"]]
    body = "ASEAN協定の交渉でASEANが結束した。"
    nodes = _nodes([_note(body)], _spans(body, ("ASEAN協定", "Agreement"), ("ASEAN", "Organization")))
    assert len(nodes) == 2  # ASEAN is a body kg knows


def test_a_bare_name_a_prefecture_and_its_capital_share_is_the_city():
    text = "会議は大阪で開かれた。大阪府と大阪市が共催した。"
    nodes = _nodes([_note(text)], _spans(text, ("大阪", "Province"), ("大阪府", "Province"), ("大阪市", "City")))
    assert nodes["大阪市"] == ["大阪", "大阪市"] and nodes["大阪府"] == ["大阪府"]


def test_games_named_by_city_and_year_in_parentheses_join_the_citys_short_name():
    text = "第30回オリンピック競技大会（ロンドン2012）が開幕した。ロンドン五輪の聖火は消えた。"
    nodes = _nodes([_note(text)], _spans(text, ("第30回オリンピック競技大会", "Game"), ("ロンドン五輪", "Game")))
    assert nodes["第30回オリンピック競技大会"] == ["ロンドン2012", "ロンドン五輪", "第30回オリンピック競技大会"]
    other = "第30回オリンピック競技大会（ロンドン2012）の後、ローマ五輪の招致は止まった。"  # another city's games
    nodes = _nodes([_note(other)], _spans(other, ("第30回オリンピック競技大会", "Game"), ("ローマ五輪", "Game")))
    assert "ローマ五輪" in nodes


def test_a_body_written_by_the_tail_of_its_one_long_name_is_that_body():
    text = "内閣に海洋安全保障統括庁が置かれた。統括庁は2030年に発足する。"
    spans = _spans(text, ("海洋安全保障統括庁", "Government"), ("統括庁", "Government"))
    nodes = _nodes([_note(text)], spans)
    assert nodes["海洋安全保障統括庁"] == ["海洋安全保障統括庁", "統括庁"]
    series = "第3回日韓閣僚会合が開かれた。日韓閣僚会合は毎年開く。"  # one meeting of a series is no long name of it
    spans = _spans(series, ("第3回日韓閣僚会合", "Conference"), ("日韓閣僚会合", "Conference"))
    assert {"第3回日韓閣僚会合", "日韓閣僚会合"} <= set(_nodes([_note(series)], spans))
    placed = "フィンランド海洋監視庁が調査した。海洋監視庁は報告書を出した。"  # a place's own body, then its tail
    spans = _spans(placed, ("フィンランド海洋監視庁", "Government"), ("海洋監視庁", "Government"))
    assert _nodes([_note(placed)], spans)["フィンランド海洋監視庁"] == ["フィンランド海洋監視庁", "海洋監視庁"]


def test_a_tail_of_two_bodies_names_is_their_kind_unless_it_is_an_organ_of_a_state():
    text = "カナダ極地研究所とチリ極地研究所が協定を結んだ。極地研究所は各国にある。"
    spans = _spans(text, ("カナダ極地研究所", "Organization_Other"), ("チリ極地研究所", "Organization_Other"),
                   ("極地研究所", "Organization_Other"))
    nodes = _nodes([_note(text)], spans)
    assert {"カナダ極地研究所", "チリ極地研究所"} <= set(nodes) and "極地研究所" not in nodes
    organ = "スペイン海洋省とチリ海洋省の高官が会談した。海洋省は声明を出した。"  # the one the text speaks of
    spans = _spans(organ, ("スペイン海洋省", "Government"), ("チリ海洋省", "Government"), ("海洋省", "Government"))
    assert _nodes([_note(organ)], spans)["海洋省"] == ["海洋省"]
    laws = "旧海洋保全法を廃止し、新海洋保全法を定めた。海洋保全法は来年施行される。"  # a law so written is one law
    spans = _spans(laws, ("旧海洋保全法", "Law"), ("新海洋保全法", "Law"), ("海洋保全法", "Law"))
    assert "海洋保全法" in _nodes([_note(laws)], spans)


def test_a_short_name_made_of_some_of_a_bodys_kanji_in_parentheses_defines_it():
    text = "全国漁業協同組合連合会（JF全漁連）は反対した。JF全漁連の会長が会見した。"
    nodes = _nodes([_note(text)], {})
    assert nodes["全国漁業協同組合連合会"] == ["JF全漁連", "全国漁業協同組合連合会"]
    unordered = "国際協力銀行（銀協）の融資が決まった。"  # kanji out of order make no short name
    assert "銀協" not in str(_nodes([_note(unordered)], {}))


def test_an_entity_note_is_known_by_an_alias_that_names_a_body_in_full():
    text = "全漁連は漁協の全国組織。"
    block = Block(note="JF全漁連.md", heading_path=("JF全漁連",), heading_levels=(1,), section=1, paragraph=0, line=5,
                  kind="paragraph", text=text)
    note = Note(path="JF全漁連.md", title="JF全漁連", aliases=("全国漁業協同組合連合会", "全漁連"), blocks=(block,))
    entities = resolve([note], _spans(text, ("全漁連", "Corporation_Other")))
    assert [{"JF全漁連", "全国漁業協同組合連合会", "全漁連"} <= set(e.aliases) for e in entities] == [True]
    topic = Note(path="食料安保.md", title="食料安保", aliases=("食料安全保障",), blocks=())
    assert resolve([topic], {}) == []  # a topic note's aliases name no body


def test_a_parenthesis_that_says_what_else_a_thing_is_called_defines_that_name():
    text = "いわゆる「深海協定」（報道では国連深海条約とも呼ばれる）の交渉が続く。国連深海条約の発効は先だ。"
    nodes = _nodes([_note(text)], _spans(text, ("深海協定", "Treaty")))
    assert any({"深海協定", "国連深海条約"} <= set(v) for v in nodes.values())
    said = "深海協定（先月の会合でも話題になったともいう）の交渉が続く。"  # a clause, not a name
    assert not any("話題" in s for v in _nodes([_note(said)], _spans(said, ("深海協定", "Treaty"))).values() for s in v)


def test_a_leaders_government_is_a_body_whose_name_mentions_the_leader_the_vault_names():
    text = "ジャスティン・トルドー首相が訪日した。トルドー政権は環境を重んじる。タリバン政権は承認されていない。"
    spans = _spans(text, ("ジャスティン・トルドー", "Person"), ("トルドー政権", "Organization"),
                   ("タリバン政権", "Organization"))
    entities = {e.label: e for e in resolve([_note(text)], spans)}
    assert sorted({m.surface for m in entities["ジャスティン・トルドー"].mentions}) == ["ジャスティン・トルドー", "トルドー"]
    assert entities["トルドー政権"].type == "Organization"  # the government, apart from the man who heads it
    assert "タリバン政権" in entities  # no person of that name in the vault: the regime stays as written
    dated = "トルドー首相が訪日した。トルドー前政権の方針は続く。トルドー政権は環境を重んじる。"
    spans = _spans(dated, ("トルドー", "Person"), ("トルドー前政権", "Organization"), ("トルドー政権", "Organization"))
    assert _nodes([_note(dated)], spans)["トルドー政権"] == ["トルドー前政権", "トルドー政権"]  # one government, dated


def test_a_change_to_a_known_agreement_is_a_mention_of_the_agreement():
    text = "国際衛生規約（ISR）の改正が議論された。ISR改正の発効は2年後だ。"
    start = text.index("ISR改正")  # the model's span, with a word the dictionary knows as a proper noun
    nodes = _nodes([_note(text)], {text: (Span(start, start + 5, "Plan", True),)})
    assert nodes == {"ISR": ["ISR", "ISR改正", "国際衛生規約"]}


def test_a_surname_before_a_generation_joins_the_full_name_and_a_given_name_does_not():
    text = "フェルディナンド・マルコス・ジュニア大統領が出席した。マルコス政権は協力を進めた。"
    nodes = _nodes([_note(text)], {})
    assert nodes["フェルディナンド・マルコス・ジュニア"] == ["フェルディナンド・マルコス・ジュニア", "マルコス"]
    assert "マルコス" not in nodes and nodes["マルコス政権"] == ["マルコス政権"]
    other = "ジョージ・ウォーカー・ブッシュ大統領が出席した。ウォーカー氏も来た。"  # a middle name is no surname
    assert "ウォーカー" in _nodes([_note(other)], {})


def test_the_first_of_two_surnames_ending_a_name_of_four_parts_joins_the_full_name():
    text = "ホアン・カルロス・ペドラサ・ミレラ大統領が演説した。ペドラサ大統領は支援を求めた。"
    nodes = _nodes([_note(text)], {})
    assert nodes["ホアン・カルロス・ペドラサ・ミレラ"] == ["ペドラサ", "ホアン・カルロス・ペドラサ・ミレラ"]
    other = "ホアン・ペドラサ・ミレラ大統領が演説した。ペドラサ氏も来た。"  # of three parts, the middle one stays
    assert "ペドラサ" in _nodes([_note(other)], {})


def test_a_government_after_a_name_the_dictionary_knows_as_a_persons_names_the_leader_the_text_names_too():
    text = "米国はバイデン政権の発足直後に復帰した。タリバン政権は承認されていない。"
    labelled = (("バイデン政権", "Political_Organization_Other"), ("タリバン政権", "Political_Organization_Other"))
    nodes = _nodes([_note(text)], _spans(text, *labelled))
    # named only inside his government's name, the leader is no mention of his own (as the NER annotation reads it)
    assert nodes == {"バイデン政権": ["バイデン政権"], "タリバン政権": ["タリバン政権"], "アメリカ": ["米国"]}
    titled = text + "バイデン大統領は演説した。"
    nodes = _nodes([_note(titled)], _spans(titled, *labelled))
    assert nodes["バイデン"] == ["バイデン"] and nodes["バイデン政権"] == ["バイデン政権"]  # the person and his government
    assert nodes["タリバン政権"] == ["タリバン政権"]  # a movement's government stays as it is


def test_a_surname_with_a_minister_title_joins_the_one_full_name_that_opens_with_it():
    first, later = "厚生労働大臣には長野資麿氏が就いた。", "長野厚労相は監督を強める考えだ。"
    spans = {**_spans(first, ("長野資", "Person")), **_spans(later, ("長野厚労相", "Person"))}
    nodes = _nodes([_note(first), _note(later, "m.md")], spans)
    assert nodes == {"長野資麿": ["長野厚労相", "長野資麿"]}
    alone = _nodes([_note(later, "m.md")], _spans(later, ("長野厚労相", "Person")))
    assert alone == {"長野厚労相": ["長野厚労相"]}  # no full name in the vault: the mention stays as it is


def test_a_cabinet_is_a_mention_of_its_prime_minister():
    text = "10月に山田一郎内閣が発足した。12月の山田内閣の改造で閣僚が替わった。"
    types = {e.label: (e.type, sorted({m.surface for m in e.mentions})) for e in resolve([_note(text)], {})}
    assert types["山田一郎"] == ("Person", ["山田", "山田一郎"])
    assert not any(label.endswith("内閣") for label in types)
    numbered = "11月には第2次山田内閣が発足した。"
    assert [e.type for e in resolve([_note(numbered)], {}) if e.label == "第2次山田内閣"] == ["Organization"]


def test_a_plenary_sitting_is_the_house_and_an_election_of_a_house_is_an_event():
    text = "法案は参議院本会議で可決された。7月の参院選で与党が敗れた。"
    types = {e.label: (e.type, sorted({m.surface for m in e.mentions})) for e in resolve([_note(text)], {})}
    assert types["参議院"] == ("Organization", ["参議院本会議"])
    assert types["参院選"] == ("Event", ["参院選"])
    assert resolve([_note("本会議で可決された。")], {}) == []  # a plenary of no named body names nothing


def test_an_election_is_one_word_made_of_a_bodys_name():
    from kg.resolve.candidates import elections

    for text, found in (("衆議院議員総選挙が行われた。", ["衆議院議員総選挙"]), ("代表選考会を開く。", []), ("決選投票になった。", [])):
        assert [text[c.start : c.end] for c in elections(text, base_lexicon(()))] == found


def test_a_bureau_a_ministry_and_no_names_is_a_body_and_a_desk_is_not():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import Candidate, bureaus, known_and_compound

    for text, found in (("経済産業省の通商政策局が担う。", ["通商政策局"]), ("財務省の関東財務局", ["関東財務局"]),
                        ("法務省の事務局が担う。", []), ("法務省の当局は述べた。", []), ("法務省の担当課が担う。", []),
                        # a country's bureau is a body of its state; its customs authorities (当局) a word for any office
                        ("ノルウェーの国家測量局が担う。", ["国家測量局"]), ("ノルウェーの税関当局が担う。", []),
                        ("ノルウェーの郵便局", []),
                        # a field and a unit's head written as a word of its own: a bureau or a department, where
                        # one word of the dictionary (幹部, 郵便局) is a rank or any office; 部局 is any of them
                        ("法務省の登記局は", ["登記局"]), ("法務省の幹部が", []), ("防衛省の地方支分部局", []),
                        ("農業総合研究所の国際研修部が", ["国際研修部"]), ("農業総合研究所の担当者", [])):
        known, _ = known_and_compound(text, base_lexicon(()))
        start = text.find("農業総合研究所")
        known += [Candidate(start, start + 7, 1, type="Organization")] if start >= 0 else []
        assert [text[c.start : c.end] for c in bureaus(text, known)] == found


def test_a_unit_written_right_after_a_state_bodys_name_is_that_unit_with_the_bodys_place():
    from kg.resolve.candidates import Candidate, bureaus

    for text, body, found in (("北浜庁警備部が捜査した。", "北浜庁", ["北浜庁警備部"]),
                              ("仙台地方検察庁刑事部は起訴した。", "検察庁", ["仙台地方検察庁刑事部"]),
                              ("北浜庁幹部が述べた。", "北浜庁", []), ("北浜庁内部の話", "北浜庁", [])):
        start = text.index(body)
        known = [Candidate(start, start + len(body), 1, type="Organization")]
        assert [text[c.start : c.end] for c in bureaus(text, known)] == found


def test_katakana_names_listed_after_a_word_for_a_company_are_companies():
    from kg.resolve.compounds import described_companies

    text = "精密機器大手のキヤノン、ニコンと組む。"
    assert [text[c.start : c.end] for c in described_companies(text)] == ["キヤノン", "ニコン"]
    assert described_companies("大手のメリットやリスクを比べた。") == []  # common words name no company


def test_a_katakana_loanword_glossing_the_kanji_word_before_it_is_no_name():
    from kg.resolve.candidates import is_gloss

    text = "職場の安全（セキュリティ）を守る。大手銀行（ゼノリカ）が支える。"
    assert is_gloss(text, text.index("セキュリティ"), text.index("セキュリティ") + 6)
    assert not is_gloss(text, text.index("ゼノリカ"), text.index("ゼノリカ") + 4)  # no common word: a name
    text = "四か国協力（クアッド）が動いた。"
    assert not is_gloss(text, text.index("クアッド"), text.index("クアッド") + 4)  # a run of nouns it abbreviates


def test_the_number_a_body_gives_a_convention_in_parentheses_is_another_name_of_it():
    text = "日本は海洋汚染条約（IMO第12号条約）を批准した。船舶排出条約（第13号）も批准した。"
    nodes = _nodes([_note(text)], _spans(text, ("海洋汚染条約", "Treaty"), ("船舶排出条約", "Treaty")))
    assert any({"海洋汚染条約", "IMO第12号条約"} <= set(v) for v in nodes.values())
    assert any({"船舶排出条約", "第13号"} <= set(v) for v in nodes.values())
    article = "日本は海洋汚染条約（第3条）の解釈を示した。"  # an article is no number of the convention
    assert not any("第3条" in v for v in _nodes([_note(article)], _spans(article, ("海洋汚染条約", "Treaty"))).values())


def test_a_word_for_a_kind_of_document_defined_by_an_acronym_names_no_one_thing():
    text = "政府間の協力覚書（MOC）で手数料を定める。MOCは各国と結ぶ。"
    assert _nodes([_note(text)], _spans(text, ("MOC", "Political_Organization_Other"))) == {}
    assert list(defined_kinds(_note(text).blocks, base_lexicon([]))) == ["MOC"]
    named = "先進的海洋研究戦略センター（SCARDO）が置かれた。"  # a head that ends a longer run is no kind
    assert list(defined_kinds(_note(named).blocks, base_lexicon([]))) == []


def test_a_term_of_common_words_and_its_acronym_name_no_one_thing_but_a_name_with_a_head_does():
    text = ("確率密度関数（PDF）と偽発見率（FDR, False Discovery Rate）を使う。PDFとFDRの値を見た。"
            "RMSE（二乗平均平方根誤差）も計算し、RMSEは小さかった。\n混同行列 (Confusion Matrix / Error Matrix) を見る。")
    assert list(defined_kinds(_note(text).blocks, base_lexicon([]))) == [
        "PDF", "FDR", "False Discovery Rate", "RMSE", "Confusion Matrix", "Error Matrix"]
    assert _nodes([_note(text)], _spans(text, ("PDF", "Product_Other"), ("FDR", "Political_Organization_Other"),
                                         ("RMSE", "Company"))) == {}
    # a head of kg's types (機構, 協定), a proper noun in the term or a name kg knows make a name
    named = ("北浜海洋開発機構（KODA）と赤池情報量規準（AIC）と経済連携協定（EPA）とKPGI（Kitahama Partnership for Growth"
             " and Investment）。KODAが発表した。第12会期（KRC12）も開いた。次期練習機（KTX）は北浜練習機プログラム（KTX）のこと。"
             "毎月「北浜穀物需給予測（KGDE）」が出る。多国間漁業監視チーム（MFMT）が発足した。")
    assert list(defined_kinds(_note(named).blocks, base_lexicon([]))) == []
    assert any("KODA" in v for v in _nodes([_note(named)], _spans(named, ("KODA", "Company"))).values())



def test_common_words_for_a_kind_of_body_defined_by_an_acronym_name_no_one_body():
    text = "債務と地域開発金融機関（RDFI）改革を整理した。RDFIは増えた。"
    assert _nodes([_note(text)], _spans(text, ("RDFI", "Product_Other"))) == {}
    # a katakana word before the head, or a name kg knows, makes one body
    named = "ゾルタ金融機関（ZFI）が貸した。国際原子力機関（IAEA）が査察した。"
    nodes = _nodes([_note(named)], {})
    assert nodes == {"ZFI": ["ZFI", "ゾルタ金融機関"], "IAEA": ["IAEA", "国際原子力機関"]}


def test_a_meeting_and_another_meetings_name_in_parentheses_are_one_meeting_and_a_place_is_where():
    text = "中国はZORA北京サミット（中国・ゾルア協力フォーラム首脳会議）を主催した。"
    nodes = _nodes([_note(text)], _spans(text, ("ZORA北京サミット", "Conference")))
    assert nodes["中国・ゾルア協力フォーラム首脳会議"] == ["ZORA北京サミット", "中国・ゾルア協力フォーラム首脳会議"]
    # a country and a city joined by ・ say where the meeting is; a bare head in parentheses names no meeting
    held = "ZORA30（ブラジル・ベレン）が開かれ、第3回会合（閣僚会合）も開かれた。"
    nodes = _nodes([_note(held)], _spans(held, ("ZORA30", "Conference")))
    assert nodes["ZORA30"] == ["ZORA30"] and "閣僚会合" not in nodes

def test_a_report_and_a_kept_label_on_common_words_of_another_kind_name_nothing():
    text = "海洋機関は「世界海洋報告書2024」を出した。有識者会議の最終報告書が土台だ。"
    spans = _spans(text, ("最終報告書", "Conference"), ("世界海洋報告書2024", "Printing_Other"))
    assert not any("報告書" in label for label in _nodes([_note(text)], spans))
    held = "北極海会議が開かれた。"  # a proper word before the head: the kept label stands
    assert "北極海会議" in _nodes([_note(held)], _spans(held, ("北極海会議", "Conference")))


def test_a_disaster_written_without_its_year_joins_the_name_with_it_but_a_meetings_year_stays():
    text = "石川県は「令和9年奥三河豪雨」と呼ぶ。奥三河豪雨で川が溢れた。2030年ノルダ防災サミットとノルダ防災サミット。"
    nodes = _nodes([_note(text)], _spans(text, ("2030年ノルダ防災サミット", "Event"), ("ノルダ防災サミット", "Event")))
    assert nodes["令和9年奥三河豪雨"] == ["令和9年奥三河豪雨", "奥三河豪雨"]
    assert "ノルダ防災サミット" in nodes and "2030年ノルダ防災サミット" in nodes  # one of a series and the series


def test_a_law_written_short_by_the_first_kanji_of_its_words_joins_it():
    text = "港湾防災基本法は1961年に制定された。白書では「港防法」と略される。"
    nodes = _nodes([_note(text)], _spans(text, ("港湾防災基本法", "Law")))
    assert nodes["港湾防災基本法"] == ["港湾防災基本法", "港防法"]
    both = text + "港湾防犯基本法も同じ年に制定された。"
    nodes = _nodes([_note(both)], _spans(both, ("港湾防災基本法", "Law"), ("港湾防犯基本法", "Law")))
    assert "港防法" in nodes  # it fits two laws: it stays as written


def test_a_bare_place_and_its_region_are_the_one_land_the_vault_names_and_the_town_stays_apart():
    text = "被害は丹後半島と丹後町に及んだ。丹後の教訓は大きい。丹後地方の道路も。輪島町と輪島の市場。"
    spans = _spans(text, ("丹後半島", "Region"), ("丹後町", "Region"), ("丹後", "Region"), ("丹後地方", "Region"),
                   ("輪島町", "Region"), ("輪島", "Region"))
    nodes = _nodes([_note(text)], spans)
    assert nodes["丹後町"] == ["丹後町"]  # a town goes by its 町
    assert sorted(nodes["丹後半島"]) == ["丹後", "丹後半島", "丹後地方"]  # the peninsula, its region, its bare name
    assert "輪島" in nodes["輪島町"]  # a town alone: its short name
    two = "伊勢半島と伊勢諸島を結ぶ。伊勢の港。"  # two lands: the bare name is either, so it joins neither
    nodes = _nodes([_note(two)], _spans(two, ("伊勢半島", "Region"), ("伊勢諸島", "Region"), ("伊勢", "Region")))
    assert nodes["伊勢"] == ["伊勢"]


def test_a_short_name_declared_after_a_formal_name_is_the_same_law():
    text = "正式名称は「海底の資源の開発及び管理に関する法律」。以下、海底開発法と書く。"
    nodes = _nodes([_note(text)], _spans(text, ("海底開発法", "Law")))
    assert any({"海底開発法", "海底の資源の開発及び管理に関する法律"} <= set(v) for v in nodes.values())


def test_a_council_placed_under_a_body_is_an_organization_and_a_meeting_stays_an_event():
    from kg.resolve import resolve

    text = "中央防災会議の漁業資源実行会議の下に部会を置いた。ノルダ漁業閣僚会議が開かれた。"
    types = {e.label: e.type for e in resolve([_note(text)], _spans(text, ("ノルダ漁業閣僚会議", "Event")))}
    assert types["漁業資源実行会議"] == "Organization" and types["ノルダ漁業閣僚会議"] == "Event"


def test_a_person_and_the_body_after_the_name_are_two_names():
    text = "委員長の田中一郎東京大学名誉教授は会見で説明した。田中委員長は続けた。"
    nodes = _nodes([_note(text)], _spans(text, ("田中一郎", "Person")))
    assert "田中一郎" in nodes and "田中一郎東京大学" not in nodes
    assert "田中" in nodes["田中一郎"]
    assert "東京大学" not in nodes  # a body a title follows is the title's: no mention of its own
    text = "委員長の田中一郎東京大学の研究者が説明した。"
    assert "東京大学" in _nodes([_note(text)], _spans(text, ("田中一郎", "Person")))  # no title after it


def test_a_unit_defined_with_its_acronym_after_a_clause_is_one_node():
    text = "防衛省は、方面総監を指揮官とする北方任務部隊（NTF）を編成した。NTFは物資を運んだ。"
    nodes = _nodes([_note(text)], _spans(text, ("NTF", "Organization")))
    assert any({"北方任務部隊", "NTF"} <= set(v) for v in nodes.values())


def test_an_edition_number_before_a_known_plan_names_one_plan_of_the_series():
    text = "海洋資源基本計画（海資計画）は5年ごとに改定される。第3次海洋資源基本計画が閣議決定された。"
    nodes = _nodes([_note(text)], {})
    assert "第3次海洋資源基本計画" in nodes and "第3次海洋資源基本計画" not in nodes["海洋資源基本計画"]
    loose = "海洋資源基本計画（海資計画）は5年ごとに改定される。政府海洋資源基本計画が示された。"
    assert "政府海洋資源基本計画" not in _nodes([_note(loose)], {})  # a common word before it is the plan written loosely


def test_an_amended_law_is_the_law():
    text = "港湾緑化促進法が成立した。2024年の改正港湾緑化促進法で基金ができた。"
    nodes = _nodes([_note(text)], _spans(text, ("改正港湾緑化促進法", "Law")))
    assert list(nodes) == ["港湾緑化促進法"]  # one node, whether 改正 is cut from the span or read as the law's
    plan = "2024年の改正港湾緑化計画で基金ができた。"  # a plan amended is left to the other rules
    assert "港湾緑化計画" not in _nodes([_note(plan)], _spans(plan, ("改正港湾緑化計画", "Plan")))


def test_a_short_law_name_may_leave_out_the_first_word_of_the_law_it_abbreviates():
    text = "海洋温暖化対策推進法が改正された。温対法は2001年に制定された。"
    nodes = _nodes([_note(text)], _spans(text, ("海洋温暖化対策推進法", "Law"), ("温対法", "Law")))
    assert nodes == {"海洋温暖化対策推進法": ["海洋温暖化対策推進法", "温対法"]}
    other = "海洋温暖化対策推進法が改正された。対推法は2001年に制定された。"  # the kanji open no run of its words
    assert "対推法" in _nodes([_note(other)], _spans(other, ("海洋温暖化対策推進法", "Law"), ("対推法", "Law")))


def test_countries_listed_before_a_name_by_their_short_forms_are_the_same_countries():
    text = "両国は「日・ペルー・ビジョン2040」を掲げた。日本・ペルー・ビジョン2040は投資を促す。"
    nodes = _nodes([_note(text)], {})
    plan = next(label for label in nodes if label.endswith("2040"))
    assert len([label for label in nodes if label.endswith("2040")]) == 1
    assert {"日・ペルー・ビジョン2040", "日本・ペルー・ビジョン2040"} <= set(nodes[plan])
    other = "両国は「日・ペルー・ビジョン2040」を掲げた。日本・チリ・ビジョン2040は投資を促す。"
    assert len([label for label in _nodes([_note(other)], {}) if label.endswith("2040")]) == 2


def test_a_conference_named_by_its_city_alone_is_the_numbered_session_opened_there():
    held, named = "第31回締約国会議（ZAC31）が10日、首都リマで開幕した。", "リマ会議は資金目標で合意した。"
    spans = {**_spans(held, ("ZAC31", "Event"), ("リマ", "Region")), **_spans(named, ("リマ会議", "Event"))}
    nodes = _nodes([_note(held), _note(named, "m.md")], spans)
    assert "リマ会議" in nodes["ZAC31"]
    two = "第31回締約国会議（ZAC31）はリマで開幕した。第32回締約国会議（ZAC32）もリマで開かれた。"  # either may be meant
    spans = {**_spans(two, ("リマ", "Region")), **_spans(named, ("リマ会議", "Event"))}
    assert "リマ会議" in _nodes([_note(two), _note(named, "m.md")], spans)


def test_a_foreign_city_by_its_first_word_is_the_city_the_vault_names_in_full():
    def spans(text, long_, short):
        at = text.rindex(short)
        return {text: (Span(text.index(long_), text.index(long_) + len(long_), "City"), Span(at, at + len(short), "City"))}

    text = "会議はブラジルのポルトアレナスで開かれた。首脳はポルトで会見した。"
    nodes = _nodes([_note(text)], spans(text, "ポルトアレナス", "ポルト"))
    assert nodes["ポルトアレナス"] == ["ポルト", "ポルトアレナス"]
    near = "会議はブラジルのポルトアレで開かれた。首脳はポルトで会見した。"  # the short name is half the long one or more
    assert "ポルト" in _nodes([_note(near)], spans(near, "ポルトアレ", "ポルト"))


def test_a_former_name_in_parentheses_after_a_word_that_names_nothing_is_no_mention():
    text = "米国の動きはZ（旧Twitter）の記者の投稿で追った。"
    assert _nodes([_note(text)], {}) == {"アメリカ": ["米国"]}  # Z is an app here: its old name names no company
    named = "ノルダ通信（旧Twitter）の記者が伝えた。"  # after a name, the old name is that thing's
    assert "旧Twitter" in str(_nodes([_note(named)], _spans(named, ("ノルダ通信", "Company"))))


def test_a_meeting_named_without_the_anniversary_it_marks_is_that_meeting():
    text = "東京でカナタ交流30周年特別首脳会議を開いた。カナタ特別首脳会議では声明が出た。カナタ定例首脳会議は別だ。"
    spans = _spans(text, ("カナタ交流30周年特別首脳会議", "Conference"), ("カナタ特別首脳会議", "Conference"),
                   ("カナタ定例首脳会議", "Conference"))
    nodes = _nodes([_note(text)], spans)
    assert nodes["カナタ交流30周年特別首脳会議"] == ["カナタ交流30周年特別首脳会議", "カナタ特別首脳会議"]
    assert "カナタ定例首脳会議" in nodes  # another meeting of the same front: left alone


def test_a_body_with_the_head_of_an_organ_after_it_is_a_body_of_its_own():
    text = "北海連合軍（NSAF）が動いた。横にある北海連合軍司令部は丘の上にある。"
    nodes = _nodes([_note(text)], {})
    assert "北海連合軍司令部" in nodes and "北海連合軍司令部" not in nodes["NSAF"]


def test_a_body_with_a_head_of_its_own_kind_after_it_is_that_body():
    text = "北海連合軍（NSAF）が動いた。NSAF機構は…"
    assert list(_nodes([_note(text)], {})) == ["NSAF"]  # as RCEP協定 is RCEP written with its kind


def test_the_tail_of_a_body_named_in_full_beside_its_acronym_is_that_body():
    text = "青葉統合警備司令部（AJSC）を新設する。統合警備司令部は港を守る。"
    assert "統合警備司令部" in _nodes([_note(text)], {})["AJSC"]


def test_the_tail_of_a_body_a_place_opens_is_not_that_body():
    text = "東京統合警備司令部（TJSC）を新設する。統合警備司令部は港を守る。"
    assert "統合警備司令部" not in _nodes([_note(text)], {})["TJSC"]  # a place makes a name of its own


def test_a_footnote_giving_the_formal_name_after_a_parenthesis_names_the_name_before_it():
    from kg.notes.note import parse_note

    note, _ = parse_note("北方機構（NFO）[^n]は港を守る。\n\n[^n]: 英語名の略。日本語の正式名は「北方辺境協力機構」。\n", "n.md")
    assert "北方辺境協力機構" in resolve([note], {})[0].aliases


def test_a_footnote_giving_a_formal_name_of_another_kind_joins_nothing():
    from kg.notes.note import parse_note

    note, _ = parse_note("北方機構（NFO）[^n]は港を守る。\n\n[^n]: 設立の正式名は「北方辺境協力条約」。\n", "n.md")
    assert all("北方辺境協力条約" not in e.aliases for e in resolve([note], {}) if "NFO" in e.aliases)



def test_the_run_after_a_quoted_titles_clause_written_alone_is_that_title_and_a_listed_head_a_kind():
    text = "両国は「港湾債務の措置に関する北洋枠組」に合意した。北洋枠組の協議が続く。「投資の保護に関する基本方針」も決めた。基本方針は重要だ。"
    nodes = _nodes([_note(text)], {})
    assert nodes["港湾債務の措置に関する北洋枠組"] == ["北洋枠組", "港湾債務の措置に関する北洋枠組"]
    assert nodes["投資の保護に関する基本方針"] == ["投資の保護に関する基本方針"]  # 基本方針 alone is any such


def test_a_footnote_giving_a_headed_names_english_name_is_that_name_and_a_word_without_a_head_none():
    from kg.notes.note import parse_note

    note, _ = parse_note("北洋枠組[^f]が動いた。港湾[^g]も整う。\n\n[^f]: 英語では Northern Ocean Framework。\n"
                         "[^g]: 英語では Harbour Works。\n", "n.md")
    nodes = _nodes([note], {})
    assert nodes["北洋枠組"] == ["Northern Ocean Framework", "北洋枠組"]
    assert not any("Harbour Works" in forms for forms in nodes.values())

def test_a_name_the_text_says_a_body_is_called_is_that_body():
    text = "北方機動団は「北国版海兵隊」と呼ばれ、島の防衛に当たる。"
    assert list(_nodes([_note(text)], {}).values()) == [["北国版海兵隊", "北方機動団"]]


def test_what_a_kind_of_thing_is_called_names_nothing():
    text = "この制度は「北国版海兵隊」と呼ばれる。"
    assert "制度" not in str(_nodes([_note(text)], {}))


def test_an_exercise_defined_with_its_acronym_is_an_event():
    text = "ハワイ周辺で北太平洋合同演習（NOPEX 2030）が行われた。NOPEX 2030には20か国が参加した。"
    assert [(e.label, e.type) for e in resolve([_note(text)], {}) if e.label.startswith("NOPEX")] == [("NOPEX 2030", "Event")]


def test_a_summit_named_by_its_city_is_the_one_meeting_said_held_there():
    held, named = "ZOL首脳会議が22日、ロシアのカザンで開かれた。", "カザン・サミットは宣言を採択した。"
    spans = {**_spans(held, ("ZOL首脳会議", "Event"), ("カザン", "Region")), **_spans(named, ("カザン・サミット", "Event"))}
    assert "カザン・サミット" in _nodes([_note(held), _note(named, "m.md")], spans)["ZOL首脳会議"]
    two = "ZOL首脳会議とQRS首脳会議が22日、ロシアのカザンで開かれた。"  # either may be meant
    spans = {**_spans(two, ("ZOL首脳会議", "Event"), ("QRS首脳会議", "Event"), ("カザン", "Region")),
             **_spans(named, ("カザン・サミット", "Event"))}
    assert "カザン・サミット" in _nodes([_note(two), _note(named, "m.md")], spans)


def test_a_meeting_section_saying_where_the_meeting_was_held_joins_the_place_name_of_it():
    heading = Block(note="n.md", heading_path=("ミンスク・サミット",), heading_levels=(2,), section=1, paragraph=0,
                    line=1, kind="heading", text="ミンスク・サミット", links=())
    held = replace(heading, kind="list_item", line=2, text="ゾルタ機構の首脳会議が9日、ミンスクで開かれた。")
    named = replace(heading, kind="list_item", line=3, text="首相はZOL首脳会議に出席した。")
    note = Note(path="n.md", title="n", aliases=(), blocks=(heading, held, named))
    spans = {"ミンスク・サミット": (Span(0, 9, "Event"),), **_spans(named.text, ("ZOL首脳会議", "Event"))}
    assert "ミンスク・サミット" in _nodes([note], spans)["ZOL首脳会議"]
    other = replace(named, section=2)  # another section: it says nothing of where that meeting was
    note = Note(path="n.md", title="n", aliases=(), blocks=(heading, held, other))
    assert "ミンスク・サミット" in _nodes([note], spans)


def test_a_counter_after_a_number_is_part_of_the_name_a_parenthesis_follows():
    text = "主要5か国首脳会議（Q5サミット）が開かれた。"
    nodes = _nodes([_note(text)], _spans(text, ("Q5サミット", "Event")))
    assert [names for names in nodes.values() if "主要5か国首脳会議" in names] == [["Q5サミット", "主要5か国首脳会議"]]
    other = "開くか否か首脳会議（Q5サミット）で決める。"  # か with no number before it is a particle
    assert "か否か首脳会議" not in str(_nodes([_note(other)], _spans(other, ("Q5サミット", "Event"))))


def test_a_numbered_meeting_by_a_known_body_s_acronym_is_the_same_numbered_meeting():
    text = "第3回東アジア首脳会議が開かれた。第3回EASには各国の外相も出席した。"
    spans = _spans(text, ("第3回東アジア首脳会議", "Conference"), ("第3回EAS", "Conference"))
    assert _nodes([_note(text)], spans) == {"第3回東アジア首脳会議": ["第3回EAS", "第3回東アジア首脳会議"]}
    other = "第3回東アジア首脳会議が開かれた。第4回EASには各国の外相も出席した。"
    spans = _spans(other, ("第3回東アジア首脳会議", "Conference"), ("第4回EAS", "Conference"))
    assert len(_nodes([_note(other)], spans)) == 2


def test_a_state_without_its_head_is_the_state_the_vault_names_with_it():
    text = "会議はバイエルン州で開かれた。バイエルンの知事が迎えた。"
    nodes = _nodes([_note(text)], _spans(text, ("バイエルン州", "Province"), ("バイエルン", "Province")))
    assert nodes["バイエルン州"] == ["バイエルン", "バイエルン州"]
    other = "会議はバイエルン県で開かれた。バイエルンの知事が迎えた。"  # 県 stays a head of its own
    nodes = _nodes([_note(other)], _spans(other, ("バイエルン県", "Province"), ("バイエルン", "Province")))
    assert "バイエルン" in nodes


def test_a_one_kanji_surname_before_a_title_is_the_one_full_name_the_vault_writes_with_it():
    first, later = "外相の楊明哲氏と会談した。", "楊外相との電話の内容を説明した。"
    spans = {**_spans(first, ("楊明哲", "Person")), **_spans(later, ("楊", "Person"))}
    assert "楊" in _nodes([_note(first), _note(later, "m.md")], spans)["楊明哲"]
    two = "外相の楊明哲氏と、首相の楊光氏と会談した。"  # two full names start with it
    spans = {**_spans(two, ("楊明哲", "Person"), ("楊光", "Person")), **_spans(later, ("楊", "Person"))}
    assert "楊" in _nodes([_note(two), _note(later, "m.md")], spans)


def test_a_communique_is_an_agreement():
    text = "首脳は「ゾルタ首脳コミュニケ」を採択した。コミュニケ発表の後、会見した。"
    types = {e.label: e.type for e in resolve([_note(text)], {})}
    assert types.get("ゾルタ首脳コミュニケ") == "Agreement" and "コミュニケ" not in types


def test_a_country_s_one_character_form_before_a_force_or_a_body_is_the_country_s_force_or_body():
    first, later = "イギリス空軍が演習に加わった。", "英空軍の戦闘機が飛来した。"
    spans = {**_spans(first, ("イギリス空軍", "Organization")), **_spans(later, ("英空軍", "Organization"))}
    assert _nodes([_note(first), _note(later, "m.md")], spans)["イギリス空軍"] == ["イギリス空軍", "英空軍"]
    first, later = "北極軍の司令部はアラスカにある。", "米北極軍が哨戒を強めた。"
    spans = {**_spans(first, ("北極軍", "Organization")), **_spans(later, ("米北極軍", "Organization"))}
    assert _nodes([_note(first), _note(later, "m.md")], spans)["北極軍"] == ["北極軍", "米北極軍"]


def test_a_country_s_one_character_form_before_a_common_word_joins_nothing():
    first, later = "英空軍が演習に加わった。", "空軍の予算が増えた。"
    spans = {**_spans(first, ("英空軍", "Organization")), **_spans(later, ("空軍", "Organization"))}
    nodes = _nodes([_note(first), _note(later, "m.md")], spans)
    assert "空軍" not in nodes.get("英空軍", [])


def _titled_note(title: str, *sections: tuple[str, str]) -> Note:
    """Return a note with a title heading (# title) and sections of one heading and one paragraph each."""
    blocks = [Block(note="t.md", heading_path=(title,), heading_levels=(1,), section=0, paragraph=0, line=1,
                    kind="heading", text=title, links=())]
    for i, (heading, text) in enumerate(sections, 1):
        path, levels = (title, heading), (1, 2)
        blocks.append(Block(note="t.md", heading_path=path, heading_levels=levels, section=i, paragraph=2 * i - 1,
                            line=2 * i, kind="heading", text=heading, links=()))
        blocks.append(Block(note="t.md", heading_path=path, heading_levels=levels, section=i, paragraph=2 * i,
                            line=2 * i + 1, kind="list_item", text=text, links=()))
    return Note(path="t.md", title="t", aliases=(), blocks=tuple(blocks))


def _known(tmp_path, *rows: str) -> ResolveOptions:
    path = tmp_path / "aliases.tsv"
    path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    return ResolveOptions(aliases=path)


def test_a_note_s_title_names_what_each_of_its_sections_is_about(tmp_path):
    # a series kg knows by two names, the title's and the numbered session's: the note is about that session
    options = _known(tmp_path, "ノルダ対話\tEvent\tノルダ安全保障会議")
    note = _titled_note("2030-06-02 ノルダ対話", ("第7回ノルダ安全保障会議", "各国の国防相が集まった。"))
    spans = {"第7回ノルダ安全保障会議": (Span(0, 12, "Event"),)}
    nodes = {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([note], spans, options)}
    assert nodes["ノルダ対話"] == ["ノルダ対話", "第7回ノルダ安全保障会議"]
    # a meeting named by its place in the title is the meeting a section says was held there
    note = _titled_note("ZOLミンスク・サミット", ("首脳会議", "ゾルタ機構の首脳会議が9日、ミンスクで開かれた。首相はZOL首脳会議に出席した。"))
    spans = {"ZOLミンスク・サミット": (Span(0, 12, "Event"),), **_spans(note.blocks[2].text, ("ZOL首脳会議", "Event"))}
    assert "ZOLミンスク・サミット" in _nodes([note], spans)["ZOL首脳会議"]


def test_a_title_names_no_session_of_a_body_nor_of_a_series_written_in_running_text(tmp_path):
    options = _known(tmp_path, "ノルダ議会\tOrganization\tノルダ総会")  # a body's organ: its session is an event of its own
    note = _titled_note("2030-09-25 ノルダ総会", ("演説", "第79回ノルダ総会で首相が演説した。"))
    spans = {note.blocks[2].text: (Span(0, 9, "Event"),)}
    nodes = {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([note], spans, options)}
    assert "第79回ノルダ総会" not in nodes.get("ノルダ議会", [])
    options = _known(tmp_path, "ノルダ対話\tEvent")
    # an entity note of the series: its title, the name alone, is about the series, not the one session it cites
    series = _known(tmp_path, "ノルダ会議\tEvent")
    entity_note = _titled_note("ノルダ会議", ("概要", "第7回ノルダ会議は2030年に開かれた。"))
    spans = _spans(entity_note.blocks[2].text, ("第7回ノルダ会議", "Event"))
    nodes = {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([entity_note], spans, series)}
    assert "第7回ノルダ会議" not in nodes.get("ノルダ会議", [])
    headline = _titled_note("2030-06-02 ノルダ会議開幕", ("概要", "第7回ノルダ会議は2030年に開かれた。"))
    nodes = {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([headline], spans, series)}
    assert "第7回ノルダ会議" in nodes.get("ノルダ会議", [])  # a clipping's headline is about its sections
    running = _note("第7回ノルダ対話が開かれた。ノルダ対話は毎年開く。")
    spans = _spans(running.blocks[0].text, ("第7回ノルダ対話", "Event"))
    nodes = {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([running], spans, options)}
    assert "第7回ノルダ対話" not in nodes.get("ノルダ対話", [])


def test_a_meeting_of_a_grouping_written_by_its_other_name_is_the_meeting_kg_knows(tmp_path):
    options = _known(tmp_path, "ノルダ四国首脳会合\tEvent", "ノルダ四国\tOrganization\tN4")
    text = "ノルダ四国首脳会合が開かれた。N4首脳会合は宣言を採択した。"
    nodes = {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([_note(text)], {}, options)}
    assert nodes["ノルダ四国首脳会合"] == ["N4首脳会合", "ノルダ四国首脳会合"]
    alone = "N4首脳会合は宣言を採択した。"  # the known meeting is not written: the name stays as written
    nodes = {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([_note(alone)], {}, options)}
    assert nodes["N4首脳会合"] == ["N4首脳会合"]


def test_a_list_item_giving_a_formal_name_names_the_agreement_of_an_item_above_it():
    texts = ("両国がノルダ沿岸協定（NCA）に署名した", "署名式は首都で開かれた",
             "正式名は「ノルダ王国とサルタ共和国との間の沿岸警備に関する協定」（要確認）")
    formal = "ノルダ王国とサルタ共和国との間の沿岸警備に関する協定"

    def note(sections: tuple[int, ...]) -> Note:
        blocks = tuple(Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=s, paragraph=i,
                             line=i + 1, kind="list_item", text=t, links=()) for i, (t, s) in enumerate(zip(texts, sections)))
        return Note(path="n.md", title="n", aliases=(), blocks=blocks)

    names = {m.surface: e.id for e in resolve([note((1, 1, 1))], {}) for m in e.mentions}
    assert names["ノルダ沿岸協定"] == names[formal]
    names = {m.surface: e.id for e in resolve([note((1, 1, 2))], {}) for m in e.mentions}  # another section
    assert names["ノルダ沿岸協定"] != names[formal]


def test_a_reef_named_in_parentheses_with_the_same_head_is_the_same_reef():
    for text in ("南洋のベルカ礁（ノルダ礁）では衝突が続く。", "ベルカ礁（比名ノルダ礁）で衝突があった。"):
        nodes = _nodes([_note(text)], {})
        assert [v for v in nodes.values() if "ベルカ礁" in v] == [["ノルダ礁", "ベルカ礁"]], text
    where = "ノルダ礁（フィリピン）で衝突があった。"  # a country in parentheses says where the reef is
    assert "フィリピン" not in _nodes([_note(where)], {}).get("ノルダ礁", [])


def test_the_kind_of_session_in_parentheses_after_a_numbered_session_is_that_session():
    text = "第88回評議会（臨時評議会）で予算が通った。臨時評議会は三日で閉じた。"
    nodes = _nodes([_note(text)], _spans(text, ("第88回評議会", "Event"), ("臨時評議会", "Organization")))
    assert len(nodes) == 1 and sorted(next(iter(nodes.values()))) == ["第88回評議会", "臨時評議会"]
    place = "第88回評議会（札幌評議会）で予算が通った。"  # a place says where it met, not what kind it is
    nodes = _nodes([_note(place)], _spans(place, ("第88回評議会", "Event"), ("札幌評議会", "Organization")))
    assert len(nodes) == 2


def test_a_meeting_the_model_sees_where_a_councils_head_stands_is_the_council():
    text = "観光戦略会議は提言をまとめた。"  # the council shares its head with its meetings
    spans = _spans(text, ("観光戦略会議", "Conference"))
    assert _nodes([_note(text)], spans) == {"観光戦略会議": ["観光戦略会議"]}
    other = "観光対応方針は提言をまとめた。"  # a plan's head where the model sees a meeting: common words of another kind
    assert _nodes([_note(other)], _spans(other, ("観光対応方針", "Conference"))) == {}


def test_heads_alone_joined_by_a_dot_that_the_model_tags_are_no_name():
    text = "主な部会・分科会を挙げる。"
    assert _nodes([_note(text)], _spans(text, ("部会・分科会", "Government"))) == {}
    named = "北極海・南極海委員会が開かれた。"  # a name before the head
    assert "北極海・南極海委員会" in _nodes([_note(named)], _spans(named, ("北極海・南極海委員会", "Government")))


def _read(*blocks: Block) -> dict[str, list[str]]:
    """Return each node's label -> the surfaces of its mentions, one note read with GiNZA's own spans."""
    from kg.extract.ner import find_spans

    texts = [b.text for b in blocks]
    spans = dict(zip(texts, find_spans(texts)))
    return _nodes([Note(path="n.md", title="n", aliases=(), blocks=blocks)], spans)


def _block(text: str, section: int = 1, kind: str = "paragraph", heading: str = "見出し") -> Block:
    return Block(note="n.md", heading_path=(heading,), heading_levels=(2,), section=section, paragraph=0, line=1,
                 kind=kind, text=text, links=())


def test_a_federation_is_called_by_a_head_made_of_its_own_kanji(nlp):
    nodes = _read(_block("北方海運労働組合総連合会（連合）の会長は述べた。連合は賃上げを求めた。"))
    assert nodes["北方海運労働組合総連合会"] == ["北方海運労働組合総連合会", "連合"]
    other = _read(_block("北方海運協会（連合）の会長は述べた。"))  # not its kanji: no short name of it
    assert "連合" not in other.get("北方海運協会", [])


def test_a_bodys_election_heading_a_section_is_the_numbered_election_under_it(nlp):
    heading = "政局：知事選、衆院選"
    said = _block("4月の衆院選で与党が負けた。")
    held = _block("10月に第50回衆議院議員総選挙が行われた。", 2, heading=heading)
    nodes = _read(said, _block(heading, 2, "heading", heading), held)
    assert nodes["第50回衆議院議員総選挙"] == ["第50回衆議院議員総選挙", "衆院選"]
    assert "衆院選" in _read(said, _block(held.text, 2))  # in running text only it stays the body's elections
    two = _block("第49回衆議院議員総選挙と第50回衆議院議員総選挙を比べた。", 2, heading=heading)
    assert "衆院選" in _read(_block(heading, 2, "heading", heading), two)  # two numbered ones: either


def test_a_law_the_text_says_was_renamed_is_one_law_by_its_old_and_new_names(nlp):
    renamed = _block("北方漁業の振興に関する法律は、2020年に改正され、「北方水産業の振興に関する法律」に名前が変わった。")
    nodes = _read(renamed)
    assert sorted(nodes.get("北方水産業の振興に関する法律", [])) == ["北方水産業の振興に関する法律", "北方漁業の振興に関する法律"]
    proposed = _block("北方漁業の振興に関する法律は改正された。北方水産業の振興に関する法律とする案もある。")
    assert len(_read(proposed)) == 2  # no renaming said: two laws


def test_a_law_the_text_says_takes_a_quoted_name_is_one_law_by_both_names(nlp):
    said = _read(_block("北方漁業振興法（北方振興法）は、改正後は「北方水産業の振興に関する法律」という名前に変わる。"))
    assert sorted(said.get("北方水産業の振興に関する法律", [])) == ["北方振興法", "北方水産業の振興に関する法律", "北方漁業振興法"]
    # the subject left unsaid is the law the sentence before amended
    amended = _read(_block("4月に北浜取引法の改正法が成立した。名前が「中小事業者取引保護法」（中取法）に変わり、来年施行される。"))
    assert "北浜取引法" in amended.get("中小事業者取引保護法", [])
    other = _read(_block("北浜取引法が成立した。名前が「中小事業者取引保護法」に変わった会社もある。"))  # no amendment said
    assert not any(len(surfaces) > 1 for surfaces in other.values())
    assert _read(_block("技能研修制度は育成雇用制度に変わる。")) == {}  # one scheme replacing another is no renaming


def test_a_version_of_a_plan_for_a_group_is_a_plan_of_its_own(nlp):
    nodes = _read(_block("6月に漁業資源回復基本計画2024が決まり、若者版漁業資源回復基本計画2024も決まった。"))
    assert nodes["若者版漁業資源回復基本計画2024"] == ["若者版漁業資源回復基本計画2024"]  # no tail of it
    assert nodes["漁業資源回復基本計画2024"] == ["漁業資源回復基本計画2024"]


def test_a_numbered_session_with_its_kind_inside_is_the_numbered_session():
    first, later = "第88回里山会議が開かれた。", "第88回定例里山会議では予算が審議された。"
    spans = {**_spans(first, ("第88回里山会議", "Conference")), **_spans(later, ("第88回定例里山会議", "Conference"))}
    nodes = _nodes([_note(first), _note(later, "m.md")], spans)
    assert nodes["第88回里山会議"] == ["第88回定例里山会議", "第88回里山会議"]
    other = "第89回臨時里山会議が開かれた。"  # another number is another session
    nodes = _nodes([_note(first), _note(other, "m.md")], {**_spans(first, ("第88回里山会議", "Conference")),
                                                        **_spans(other, ("第89回臨時里山会議", "Conference"))})
    assert "第89回臨時里山会議" in nodes and nodes["第88回里山会議"] == ["第88回里山会議"]


def test_a_law_for_one_group_named_by_a_word_before_another_law_is_another_law():
    text = "山林保全法と国民山林保全法が改正された。"
    nodes = _nodes([_note(text)], _spans(text, ("山林保全法", "Law"), ("国民山林保全法", "Law")))
    assert nodes["山林保全法"] == ["山林保全法"] and nodes["国民山林保全法"] == ["国民山林保全法"]
    full = "内閣里山再生統括庁が発足した。統括庁は秋に動く。"  # a body's tail is still the body
    nodes = _nodes([_note(full)], _spans(full, ("内閣里山再生統括庁", "Government"), ("統括庁", "Government")))
    assert "統括庁" not in nodes


def test_a_plan_by_its_term_and_head_alone_is_the_one_plan_of_that_term():
    text = "第7期里山保全事業計画が始まった。第7期計画は3年間続く。"
    spans = _spans(text, ("第7期里山保全事業計画", "Plan"), ("第7期計画", "Plan"))
    assert _nodes([_note(text)], spans)["第7期里山保全事業計画"] == ["第7期計画", "第7期里山保全事業計画"]
    two = "第7期里山保全事業計画と第7期水辺再生計画が始まった。第7期計画は3年間続く。"  # two plans of the term
    spans = _spans(two, ("第7期里山保全事業計画", "Plan"), ("第7期水辺再生計画", "Plan"), ("第7期計画", "Plan"))
    assert "第7期計画" in _nodes([_note(two)], spans)
    kanji = "第二次里山保全事業計画が始まった。第二次計画は3年間続く。"  # the round in kanji numerals
    spans = _spans(kanji, ("第二次里山保全事業計画", "Plan"), ("第二次計画", "Plan"))
    assert _nodes([_note(kanji)], spans)["第二次里山保全事業計画"] == ["第二次計画", "第二次里山保全事業計画"]


def test_a_case_by_its_first_proper_word_and_head_is_the_one_case_it_opens():
    text = "北浜町職員殺害事件で再審が決まった。北浜事件でも証拠開示が決め手になった。"
    spans = _spans(text, ("北浜町職員殺害事件", "Incident_Other"), ("北浜事件", "Incident_Other"))
    assert _nodes([_note(text)], spans)["北浜町職員殺害事件"] == ["北浜事件", "北浜町職員殺害事件"]
    two = "北浜町職員殺害事件と北浜港爆破事件が起きた。北浜事件でも証拠開示が決め手になった。"  # two cases it may be
    spans = _spans(two, ("北浜町職員殺害事件", "Incident_Other"), ("北浜港爆破事件", "Incident_Other"),
                   ("北浜事件", "Incident_Other"))
    assert "北浜事件" in _nodes([_note(two)], spans)


def test_the_bare_constitution_cited_by_an_article_is_the_states_own(nlp):
    from kg.resolve.knowledge import name_words

    own = next(iter(name_words("constitution")))
    nodes = _read(_block("北方鉱区の監視は、憲法35条が保障する権利との関係が論点だ。"))
    assert nodes.get(own) == ["憲法"]
    other = _read(_block("北方連邦の憲法を読み、「海の憲法」と呼ばれる条約も読んだ。"))  # no article: a figure of speech
    assert own not in other


def test_a_bodys_short_name_taking_characters_of_every_word_is_the_body():
    text = "阿蘇原子力発電は再稼働を申請した。阿蘇原電は追加の調査をする。"
    nodes = _nodes([_note(text)], _spans(text, ("阿蘇原子力発電", "Company"), ("阿蘇原電", "Company")))
    assert nodes == {"阿蘇原子力発電": ["阿蘇原子力発電", "阿蘇原電"]}
    apart = "阿蘇装備庁は入札を始めた。阿蘇庁は港を管理する。"  # 阿蘇庁 takes only the suffix of 装備庁
    nodes = _nodes([_note(apart)], _spans(apart, ("阿蘇装備庁", "Public_Institution"), ("阿蘇庁", "Public_Institution")))
    assert sorted(nodes) == ["阿蘇庁", "阿蘇装備庁"]


def test_parties_listed_without_their_head_are_the_parties_kg_knows():
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import listed_parties

    lexicon = base_lexicon(())
    text = "国民民主・社民の両党は反対した。"
    assert [(text[c.start : c.end], c.entity) for c in listed_parties(text, lexicon)] == [
        ("国民民主", lexicon.get("国民民主党").entity), ("社民", lexicon.get("社民党").entity)]
    for alone in ("社民の議員が質問した。", "北海・社民の連携を探る。"):  # one word alone, or a list with another word
        assert listed_parties(alone, lexicon) == []
    text = "国民民主、社民両党は反対した。"  # listed with 、 before 両党, as news writes them
    assert [text[c.start : c.end] for c in listed_parties(text, lexicon)] == ["国民民主", "社民"]
    assert listed_parties("国民民主、社民の理念を守る党だ。", lexicon) == []  # 、 with no word for the parties after


def test_a_surname_before_a_title_joins_the_full_name_its_leaders_government_writes():
    # Korean names put the family name first: キム of キム・ヨンホ, whom the text names only in his government
    def read(*leaders: str) -> dict[str, list[str]]:
        text = "".join(f"{leader}政権は改革を進めた。" for leader in leaders) + "キム大統領は譲らなかった。"
        labelled = [(f"{leader}政権", "Political_Organization_Other") for leader in leaders]
        return _nodes([_note(text)], _spans(text, *labelled, ("キム", "Person")))

    assert read("キム・ヨンホ")["キム・ヨンホ"] == ["キム", "キム・ヨンホ"]
    assert "キム" in read("キム・ヨンホ", "キム・テヨン")  # a part two leaders' names share stays as it is


def test_a_meeting_named_with_its_city_is_the_meeting_a_host_held_there():
    def read(city: str) -> dict[str, list[str]]:
        text = f"ブラジルは{city}でG20環境大臣会合を主催した。日本の大臣はG20ナタール環境大臣会合に出席しなかった。"
        return _nodes([_note(text)], _spans(text, ("G20環境大臣会合", "Event"), ("G20ナタール環境大臣会合", "Event")))

    assert read("ナタール")["G20環境大臣会合"] == ["G20ナタール環境大臣会合", "G20環境大臣会合"]
    assert "G20ナタール環境大臣会合" in read("ベレン")  # hosted in another city: another meeting


def test_a_formal_title_and_its_nickname_with_one_year_are_one_edition(tmp_path):
    known = tmp_path / "aliases.tsv"
    known.write_text("canonical\ttype\taliases\n港湾振興と地域活性化の基本方針\tPlan\t海辺の方針\n", encoding="utf-8")
    text = "政府は「港湾振興と地域活性化の基本方針2031」（海辺の方針2031）を決定した。"
    found = {e.label: sorted({m.surface for m in e.mentions})
             for e in resolve([_note(text)], {}, ResolveOptions(aliases=[known]))}
    assert found["港湾振興と地域活性化の基本方針2031"] == ["海辺の方針2031", "港湾振興と地域活性化の基本方針2031"]
    other = "政府は「港湾振興と地域活性化の基本方針2031」（海辺の方針2030）を決定した。"  # two years: two editions
    found = {e.label: sorted({m.surface for m in e.mentions})
             for e in resolve([_note(other)], {}, ResolveOptions(aliases=[known]))}
    assert found["港湾振興と地域活性化の基本方針2031"] == ["港湾振興と地域活性化の基本方針2031"]


def test_a_central_association_and_its_short_name_in_parentheses_are_one_body():
    text = "海浜漁業共済中央会（浜共中央会）と基金が、新しい制度を共同で運営している。"
    nodes = _nodes([_note(text)], {})
    assert nodes["海浜漁業共済中央会"] == ["浜共中央会", "海浜漁業共済中央会"]
    kind = "各県の中央会が意見を出した。"  # the head alone is a kind of association
    assert _nodes([_note(kind)], {}) == {}


def test_a_bodys_election_written_undated_is_the_one_numbered_election_its_note_names(nlp):
    said = _block("衆院選の後、特別国会が開かれた。")
    held = _block("10月に第50回衆議院議員総選挙が行われた。", 2)
    assert _read(said, held)["第50回衆議院議員総選挙"] == ["第50回衆議院議員総選挙", "衆院選"]
    dated = _block("4月の衆院選で与党が負けた。")  # a date of its own: maybe another election
    assert "衆院選" in _read(dated, held)
    two = _block("第49回衆議院議員総選挙と第50回衆議院議員総選挙を比べた。", 2)
    assert "衆院選" in _read(said, two)  # two numbered ones: either


def test_a_kind_of_session_written_undated_is_the_one_numbered_session_of_that_kind_its_note_names():
    def read(text: str) -> dict[str, list[str]]:
        return _nodes([_note(text)], _spans(text, ("臨時国会", "Political_Organization_Other")))

    nodes = read("第150回臨時国会が10月に召集された。野党は臨時国会でも法案を出した。")
    assert nodes["第150回臨時国会"] == ["第150回臨時国会", "臨時国会"]
    dated = read("第150回臨時国会が10月に召集された。野党は11月の臨時国会でも法案を出した。")  # maybe another
    assert dated["第150回臨時国会"] == ["第150回臨時国会"]
    two = read("第149回臨時国会と第150回臨時国会を比べた。野党は臨時国会でも法案を出した。")  # two numbered: either
    assert all(surfaces != ["第150回臨時国会", "臨時国会"] for surfaces in two.values())
    # the vault numbers two sessions of the kind; a note writing one number, without the kind, means that one
    notes = [_note("第149回臨時国会が召集された。"), _note("第150回臨時国会が召集された。", "m.md"),
             _note("第150回国会が閉じた。臨時国会の最終盤だった。", "o.md")]
    labelled = (("臨時国会", "Political_Organization_Other"), ("第150回国会", "Conference"))
    spans = {n.blocks[0].text: _spans(n.blocks[0].text, *labelled)[n.blocks[0].text] for n in notes}
    vault = _nodes(notes, spans)
    assert "臨時国会" in next(surfaces for surfaces in vault.values() if "第150回国会" in surfaces)
    undated = "野党は臨時国会でも法案を出した。"
    alone = _nodes(notes[:2] + [_note(undated, "o.md")], spans | _spans(undated, *labelled))
    assert "臨時国会" in alone  # no number in its note: either of the two


def _known_plan(tmp_path) -> ResolveOptions:
    known = tmp_path / "aliases.tsv"
    known.write_text("canonical\ttype\taliases\n港湾振興と地域活性化の基本方針\tPlan\t海辺の方針\n", encoding="utf-8")
    return ResolveOptions(aliases=[known])


def _resolved(options: ResolveOptions, *blocks: Block) -> dict[str, list[str]]:
    note = Note(path="n.md", title="n", aliases=(), blocks=blocks)
    return {e.label: sorted({m.surface for m in e.mentions}) for e in resolve([note], {}, options)}


def test_a_known_plan_and_a_year_after_it_are_that_years_edition(nlp, tmp_path):
    options = _known_plan(tmp_path)
    nodes = _resolved(options, _block("政府は海辺の方針2031（港湾振興と地域活性化の基本方針2031）を決めた。"))
    assert nodes["港湾振興と地域活性化の基本方針2031"] == ["海辺の方針2031", "港湾振興と地域活性化の基本方針2031"]
    dated = _resolved(options, _block("海辺の方針2031年度分の予算を組んだ。"))  # a year of a date: the plan itself
    assert dated == {"港湾振興と地域活性化の基本方針": ["海辺の方針"]}
    version = _resolved(options, _block("政府は海辺の方針2031（港湾振興と地域活性化の基本方針2031）を決めた。"),
                        _block("青年版海辺の方針2031も決めた。"))
    assert version["青年版海辺の方針2031"] == ["青年版海辺の方針2031"]  # a version for a group is a plan of its own


def test_a_plan_heading_a_section_is_the_one_yearly_edition_under_it(nlp, tmp_path):
    options = _known_plan(tmp_path)
    heading = "1. 港湾政策と海辺の方針"
    under = Block(note="n.md", heading_path=(heading, "1.1 本年"), heading_levels=(2, 3), section=2, paragraph=1,
                  line=3, kind="paragraph", text="政府は「港湾振興と地域活性化の基本方針2031」を決めた。", links=())
    nodes = _resolved(options, _block(heading, 1, "heading", heading), under)
    assert nodes == {"港湾振興と地域活性化の基本方針2031": ["海辺の方針", "港湾振興と地域活性化の基本方針2031"]}
    two = replace(under, text="政府は「港湾振興と地域活性化の基本方針2031」と「港湾振興と地域活性化の基本方針2030」を比べた。")
    assert "港湾振興と地域活性化の基本方針" in _resolved(options, _block(heading, 1, "heading", heading), two)


def test_a_formal_titles_first_word_and_head_are_its_short_name():
    text = "「漁業と海洋保全に対するグローバル・アライアンス」が発足した。「漁業アライアンス」には多くの国が加わった。"
    nodes = _nodes([_note(text)], _spans(text, ("漁業アライアンス", "Organization")))
    assert nodes["漁業と海洋保全に対するグローバル・アライアンス"] == ["漁業と海洋保全に対するグローバル・アライアンス", "漁業アライアンス"]
    run = "「漁業資源グローバル・アライアンス」が発足した。「漁業アライアンス」には多くの国が加わった。"  # no title: its first word
    assert "漁業アライアンス" in _nodes([_note(run)], _spans(run, ("漁業アライアンス", "Organization")))  # is no theme


def test_a_kind_of_exercise_written_only_before_one_quoted_exercise_is_a_mention_of_it(nlp):
    text = "10月、日豪共同統合演習「サザン・ブレード27」が行われた。"
    assert ["サザン・ブレード27", "日豪共同統合演習"] in _read(_block(text)).values()
    alone = _read(_block(text), _block("日豪共同統合演習は2年ごとに行う。", 2))  # the series, written alone too
    assert alone["日豪共同統合演習"] == ["日豪共同統合演習"] and alone["サザン・ブレード27"] == ["サザン・ブレード27"]


def test_a_short_name_then_the_full_name_and_its_acronym_in_parentheses_are_one_body(nlp):
    nodes = _read(_block("北海労協（北海道海運労働組合協議会、HMU）は賃上げを求めた。北海労協は集計を出した。"))
    assert ["HMU", "北海労協", "北海道海運労働組合協議会"] in nodes.values()
    other = _read(_block("北海労協（北海道、HMU）は賃上げを求めた。"))  # a place: no full name of it
    assert "北海道" not in other.get("北海労協", [])


def test_a_katakana_name_then_a_bodys_formal_kanji_name_in_parentheses_are_one_body(nlp):
    nodes = _read(_block("ミナトユニオン（全国港湾運輸倉庫一般労働組合同盟）は最大の組合だ。ミナトユニオンは集計を出した。"))
    assert sorted(nodes["全国港湾運輸倉庫一般労働組合同盟"]) == ["ミナトユニオン", "全国港湾運輸倉庫一般労働組合同盟"]
    told = _read(_block("ミナトロジ（港湾運輸倉庫会社）は最大の会社だ。"))  # a description, no bare head of bodies
    assert "港湾運輸倉庫会社" not in told.get("ミナトロジ", [])


def _with_series_note(*blocks: Block) -> dict[str, list[str]]:
    """Return the nodes of blocks read beside an entity note on a yearly plan, 港湾の骨格方針 (also 港湾振興基本方針)."""
    from kg.extract.ner import find_spans

    about = replace(_block("港湾の骨格方針は政府の年次方針である。"), note="港湾の骨格方針.md")
    texts = [about.text, *(b.text for b in blocks)]
    spans = dict(zip(texts, find_spans(texts)))
    series = Note(path="港湾の骨格方針.md", title="港湾の骨格方針", aliases=("港湾振興基本方針",), blocks=(about,))
    return _nodes([series, Note(path="n.md", title="n", aliases=(), blocks=blocks)], spans)


def test_a_known_plans_name_with_a_year_against_it_is_that_years_edition(nlp):
    nodes = _with_series_note(_block("政府は港湾の骨格方針2031を閣議決定した。"))
    assert nodes["港湾の骨格方針2031"] == ["港湾の骨格方針2031"]  # no mention of the series
    assert "港湾の骨格方針2031" not in _with_series_note(_block("港湾の骨格方針2031年改定版が出た。"))  # a date


def test_one_edition_of_a_known_plan_by_two_names_in_parentheses_is_one_plan(nlp):
    same = _with_series_note(_block("港湾の骨格方針2031（港湾振興基本方針2031）が決まった。"))
    assert sorted(same["港湾振興基本方針2031"]) == ["港湾の骨格方針2031", "港湾振興基本方針2031"]
    other = _with_series_note(_block("港湾の骨格方針2031（港湾振興基本方針2030）が決まった。"))  # two years: two plans
    assert "港湾の骨格方針2031" not in other.get("港湾振興基本方針2030", [])
    version = _with_series_note(_block("港湾の骨格方針2031（港湾振興基本方針2031）と女性版港湾の骨格方針2031が決まった。"))
    assert version["女性版港湾の骨格方針2031"] == ["女性版港湾の骨格方針2031"]  # a version is a plan of its own


def test_a_party_written_without_its_head_joins_the_party_the_vault_names_with_it():
    named, both = "北進党の代表が会見した。", "北進、南進両党は20日、予算案で合意した。"
    spans = {**_spans(named, ("北進党", "Political_Party")), **_spans(both, ("北進", "Political_Party"))}
    nodes = _nodes([_note(named), _note(both, "m.md")], spans)
    assert nodes["北進党"] == ["北進", "北進党"]
    other = "北進会の代表が会見した。"  # a body of another head: no party it drops 党 from
    spans = {**_spans(other, ("北進会", "Organization")), **_spans(both, ("北進", "Political_Party"))}
    assert "北進" in _nodes([_note(other), _note(both, "m.md")], spans)


def test_a_prefecture_written_without_its_ken_joins_the_prefecture_the_vault_names_with_it():
    listed, named = "北浜、南浜など2県は目安を上回った。", "最低は北浜県の900円だった。"
    spans = {**_spans(listed, ("北浜", "Province")), **_spans(named, ("北浜県", "Province"))}
    assert _nodes([_note(listed), _note(named, "m.md")], spans)["北浜県"] == ["北浜", "北浜県"]
    city = "北浜市の人口は減った。"  # the vault names the city too: the bare name is either, and joins neither
    spans = {**spans, **_spans(city, ("北浜市", "City"))}
    assert "北浜" in _nodes([_note(listed), _note(named, "m.md"), _note(city, "c.md")], spans)


def test_a_law_whose_title_the_text_says_is_changed_to_a_quoted_one_is_one_law(nlp):
    renamed = _block("改正後の北方漁業振興法は、題名を「北方水産業の振興に関する法律」（北方水産法）に改める。")
    nodes = _read(renamed)
    law = next(label for label, surfaces in nodes.items() if "北方漁業振興法" in surfaces)
    assert "北方水産業の振興に関する法律" in nodes[law]
    quoted = _read(_block("北方漁業振興法は、「北方水産業の振興に関する法律」と並ぶ法律だ。"))  # no renaming said
    assert not any(len(surfaces) > 1 for surfaces in quoted.values())


def test_a_company_the_model_reads_as_a_city_as_often_as_a_body_is_the_body_its_short_name_abbreviates():
    first, later = "2001年に新北陽製鐵と西海金属が合併した。", "新北陽製鐵の時代は「新北鉄」と呼ばれた。"
    spans = {**_spans(first, ("新北陽製鐵", "City")), **_spans(later, ("新北陽製鐵", "Company"), ("新北鉄", "Company"))}
    entities = {e.label: e for e in resolve([_note(first), _note(later, "m.md")], spans)}
    assert entities["新北陽製鐵"].type == "Organization"  # a tie over a name ending in a body's head (製鐵 is 製鉄)
    assert sorted({m.surface for m in entities["新北陽製鐵"].mentions}) == ["新北鉄", "新北陽製鐵"]
    alone = {e.label: e.type for e in resolve([_note(first)], _spans(first, ("新北陽製鐵", "City")))}
    assert alone["新北陽製鐵"] == "Region"  # no mention read as a body: the model's place stands


def test_a_place_before_a_title_is_the_person_the_vault_names_with_it_and_that_title():
    # 佐賀 is a prefecture kg knows, and a surname too
    first, later = "佐賀一郎知事は述べた。", "佐賀知事も同じ見方。"
    spans = {**_spans(first, ("佐賀一郎", "Person")), **_spans(later, ("佐賀", "Person"))}
    nodes = _nodes([_note(first), _note(later, "m.md")], spans)
    assert nodes["佐賀一郎"] == ["佐賀", "佐賀一郎"]
    # where the vault writes the person with another title only, the place before 知事 stays the place
    first = "佐賀一郎社長は述べた。"
    spans = {**_spans(first, ("佐賀一郎", "Person")), **_spans(later, ("佐賀", "Person"))}
    nodes = _nodes([_note(first), _note(later, "m.md")], spans)
    assert nodes["佐賀一郎"] == ["佐賀一郎"] and nodes["佐賀県"] == ["佐賀"]


def test_a_company_written_with_sha_joins_its_name_with_a_legal_form():
    text = "会社はXYZ株式会社に名前を変えた。会長はXYZ社の会長でもある。"
    nodes = _nodes([_note(text)], _spans(text, ("XYZ株式会社", "Company"), ("XYZ社", "Company")))
    assert nodes["XYZ株式会社"] == ["XYZ株式会社", "XYZ社"]
    text = "A社の会長は、XYZ株式会社の会長でもある。"  # one letter: an anonymous company
    assert "XYZ株式会社" in _nodes([_note(text)], _spans(text, ("XYZ株式会社", "Company")))


def test_a_groups_letters_and_a_region_name_the_company_written_in_full_in_parentheses():
    text = "北海道旅客鉄道（JR北海道）は赤字線区を公表した。JR北海道の社長が述べた。"
    nodes = _nodes([_note(text)], {})
    assert nodes["北海道旅客鉄道"] == ["JR北海道", "北海道旅客鉄道"]


def test_a_link_to_a_dated_note_names_the_title_without_the_date():
    shown = "2031-05-08 日仏漁業合意"
    text = f"交渉の記録は{shown}を見よ。"
    start = text.index(shown)
    note = _note(text)
    block = replace(note.blocks[0], links=(Link(start, start + len(shown), shown, wiki=True),))
    nodes = _nodes([replace(note, blocks=(block,))], {})
    assert "日仏漁業合意" in nodes and not any(label.startswith("2031") for label in nodes)


def test_a_deal_by_its_parties_alone_joins_the_one_deal_of_those_parties():
    full, short = "日仏漁業合意が7月に結ばれた。", "9月に日仏合意を実施する政令が出た。"
    nodes = _nodes([_note(full), _note(short, "m.md")], {})
    assert nodes["日仏漁業合意"] == ["日仏合意", "日仏漁業合意"]
    two = "日仏漁業合意と日仏航空合意が結ばれた。"  # two deals of those parties: the short name is either
    nodes = _nodes([_note(two), _note(short, "m.md")], {})
    assert "日仏合意" in nodes


def test_a_law_written_with_its_year_and_without_is_one_law():
    dated, bare = "根拠は1950年北浜港湾法である。", "北浜港湾法に基づく措置が続く。"
    nodes = _nodes([_note(dated), _note(bare, "m.md")], _spans(dated, ("1950年北浜港湾法", "Law")))
    assert nodes == {"1950年北浜港湾法": ["1950年北浜港湾法", "北浜港湾法"]} or nodes == {
        "北浜港湾法": ["1950年北浜港湾法", "北浜港湾法"]}
    meeting = "2024年北浜会議の次に北浜会議が開かれた。"  # a meeting's year names one of a series
    assert len(_nodes([_note(meeting)], _spans(meeting, ("2024年北浜会議", "Event"), ("北浜会議", "Event")))) == 2


def test_a_finance_ministers_meeting_by_its_short_name_is_the_one_written_in_full():
    full, short = "APEC財務大臣・中央銀行総裁会議がリマで開かれた。", "APEC財務相会議の声明を読む。"
    nodes = _nodes([_note(full), _note(short, "m.md")], {})
    assert nodes["APEC財務大臣・中央銀行総裁会議"] == ["APEC財務大臣・中央銀行総裁会議", "APEC財務相会議"]
    other = "G20財務相会議も開かれた。"  # another series' meeting stays its own
    assert "G20財務相会議" in _nodes([_note(full), _note(other, "m.md")], {})


def test_a_summit_by_its_city_is_the_one_the_sentence_dates_as_held_there():
    named = "エビアン・サミットでは首脳会談もあった。"
    for held, joined in (("フランス東部のエビアンで1〜3日、G8サミット（第29回主要国首脳会議）が開かれた。", True),
                         # the place is where something else happened, not the summit
                         ("フランス東部のエビアンで首相が演説し、G8サミット（第29回主要国首脳会議）の準備会合が開かれた。", False)):
        spans = {**_spans(held, ("G8サミット", "Event"), ("第29回主要国首脳会議", "Event"), ("エビアン", "Location")),
                 **_spans(named, ("エビアン・サミット", "Event"))}
        nodes = _nodes([_note(held), _note(named, "m.md")], spans)
        assert ("エビアン・サミット" in nodes["第29回主要国首脳会議"]) is joined


def test_a_laws_title_with_two_short_names_in_parentheses_is_one_law_by_all_three():
    text = "「北浜港の漁業者の救済の特例に関する法律」（漁業者救済法、特例法）が成立した。特例法に基づいて指定した。"
    nodes = _nodes([_note(text)], {})
    assert nodes["北浜港の漁業者の救済の特例に関する法律"] == [
        "北浜港の漁業者の救済の特例に関する法律", "漁業者救済法", "特例法"]
    other = "「北浜港の漁業者の救済の特例に関する法律」（北海条約、南海条約）に基づく。"  # treaties it carries out
    assert "北海条約" not in _nodes([_note(other)], {}).get("北浜港の漁業者の救済の特例に関する法律", [])


def test_a_deal_by_its_parties_and_place_joins_the_one_text_of_theirs_there():
    statement, deal = "日仏パリ共同声明が出された。", "## 日仏パリ合意"
    nodes = _nodes([_note(statement), _note(deal, "m.md")], {})
    assert nodes["日仏パリ共同声明"] == ["日仏パリ共同声明", "日仏パリ合意"]


def test_a_meeting_with_a_place_and_de_no_before_it_is_the_one_named_with_the_place_inside():
    named, placed = "日仏パリ協議が開かれた。", "## パリでの日仏協議"
    nodes = _nodes([_note(named), _note(placed, "m.md")], {})
    assert nodes["日仏パリ協議"] == ["日仏パリ協議", "日仏協議"]
    bare = "日仏協議が続く。"  # a mention with no place: the series of talks
    assert "日仏協議" in _nodes([_note(named), _note(placed, "m.md"), _note(bare, "o.md")], {})
# Bodies, their short names and legal forms (branch rulebody11)


def test_a_juridical_persons_form_of_two_words_is_left_out_whole():
    text = "北浜庁は医療法人社団北星会に命令を出した。"
    nodes = _nodes([_note(text)], _spans(text, ("医療法人社団北星会", "Organization_Other"), ("社団北星会", "Organization_Other")))
    assert nodes["北星会"] == ["北星会"] and "社団北星会" not in nodes
    held = "株式会社北星に命令を出した。"  # a company's form is part of the trade name its mention reads
    assert _nodes([_note(held)], _spans(held, ("株式会社北星", "Company"))) == {"北星": ["株式会社北星"]}


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        # a noun in hiragana before the kanji words runs the body's name on: no kind of body
        ("国際ぜんそく研究機関（IAAR）は分類を改めた。", [["国際ぜんそく研究機関", "IAAR"]]),
        ("国際研究機関（IRI）と連携した。", []),  # common kanji words for a kind of body and its acronym
        # a body's compound head after a clause: the run is a whole name, not the tail of one
        ("北浜にある北浜海事裁判所（NMC）は判断した。", [["北浜海事裁判所", "NMC"]]),
        # a short name whose compound head is the long name's last kanji
        ("北浜機械工業会（北機会）の会長が話した。", [["北浜機械工業会", "北機会"]]),
        ("北浜機構（北浜協会）が話した。", []),  # a head of its own: another body
        ("両者の関係を示す曲線（XYZ曲線）の下の面積を見る。", []),  # a common word, then which one of its kind
        ("北浜銀行（銀行）と取引した。", []),  # a name, then the bare word of its kind
        ("Zetto（オープンソースフレームワーク）を使う。", []),  # a program, then what kind of program it is
    ],
)
def test_a_body_and_its_short_name_in_parentheses(text, defined):
    from kg.resolve.aliases import _paren_definitions, base_lexicon

    assert list(_paren_definitions(_note(text).blocks[0], base_lexicon(()))) == defined


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("改正には港湾利用委員会の港湾整備部会の答申が要る。", ["港湾利用委員会"]),  # owns a section named by its field
        ("北浜委員会の作業部会が開かれた。", []),  # one word before 部会: a kind of section
        ("港湾利用委員会の答申が要る。", []),  # common words, nothing said of the committee
    ],
)
def test_a_committee_that_owns_a_section_named_by_its_field_is_a_body(text, found):
    from kg.resolve.compounds import formed_bodies

    assert [text[c.start : c.end] for c in formed_bodies(text, [])] == found


def test_a_study_group_under_a_known_body_is_a_body():
    from kg.resolve.candidates import Candidate
    from kg.resolve.compounds import formed_bodies

    text = "北浜庁の港湾利用制度検討会が報告書をまとめた。北浜庁の検討会も開いた。"
    known = [Candidate(s, s + 3, 1, type="Organization") for s in (0, text.index("北浜庁", 5))]
    assert [text[c.start : c.end] for c in formed_bodies(text, known)] == ["港湾利用制度検討会"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("玩具会社ルミナ・ワークスが訴えた。", ["ルミナ・ワークス"]),  # a trade and 会社 before a joined name
        ("原告は食品輸入会社のA.B.ノードなど5社だ。", ["A.B.ノード"]),  # Latin initials joined by dots, after の
        ("投資銀行ベル・ハーパーのCEOだった。", ["ベル・ハーパー"]),  # a surname as one part: still the firm
        ("会社のリスク・マネジメントを見直す。", []),  # a company word alone before の: what the firm has
        ("北浜中央銀行のアンナ・ベルタ総裁が話した。", []),  # a title after the name: a person
    ],
)
def test_a_joined_foreign_name_after_a_trade_and_a_word_for_a_company_is_a_company(text, found):
    from kg.resolve.compounds import described_companies

    assert [text[c.start : c.end] for c in described_companies(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("在ルーマニア日本大使館の大使が話した。", ["在ルーマニア日本大使館"]),  # 在, where it is, whose, the head
        ("在日ルーマニア大使館が声明を出した。", ["在日ルーマニア大使館"]),  # 在日 as one word: in Japan
        ("在日大使館を回った。", []),  # no country of its own: any embassy in Japan
        ("現在日本大使館は閉まっている。", []),  # 在 of 現在 is no prefix
    ],
)
def test_a_countrys_mission_abroad_is_one_body(text, found):
    from kg.resolve.aliases import base_lexicon
    from kg.resolve.candidates import bureaus, known_and_compound

    known, members = known_and_compound(text, base_lexicon(()))
    assert [text[c.start : c.end] for c in bureaus(text, known, members)] == found


@pytest.mark.parametrize(
    ("text", "label", "name", "kept"),
    [
        ("北方国の代表部は大統領府に置かれた機関だ。", "Government", "大統領府", True),  # a head of state's office
        ("世界保健機関の上級委員会が止まった。", "Government", "上級委員会", True),  # a known body's organ
        ("ルーマニアの関税総署が輸入を止めた。", "Position_Vocation", "関税総署", True),  # a country's organ
        ("世界保健機関の委員会が止まった。", "Government", "委員会", False),  # one word: a kind of body
    ],
)
def test_common_words_of_a_state_or_a_known_bodys_organ_are_a_name(text, label, name, kept):
    assert (name in _nodes([_note(text)], _spans(text, (name, label)))) is kept


def test_a_links_display_text_made_of_its_targets_characters_is_the_bodys_short_name():
    from kg.records import Link

    text = "北浜協議会が話した。北協は相模原市に施設を持つ。日本は参加した。"
    block = replace(_note(text).blocks[0], links=(Link(10, 12, "北浜協議会", wiki=True), Link(24, 26, "日本銀行", wiki=True)))
    nodes = _nodes([Note(path="n.md", title="n", aliases=(), blocks=(block,))], {})
    assert nodes["北浜協議会"] == ["北協", "北浜協議会"]
    assert "日本銀行" not in nodes  # the name's opening words name something else


@pytest.mark.parametrize(
    ("path", "text", "found"),
    [
        ("北浜製作.md", "北浜製作は大手の工具メーカー。2019年に南浜工機から今の名前になった。", [["北浜製作", "南浜工機"]]),
        ("北浜振興機構.md", "1958年に北浜振興会として発足した。", [["北浜振興機構", "北浜振興会"]]),
        ("メモ.md", "1958年に北浜振興会として発足した。", []),  # no topic and no body's note: whose name it was is unsaid
        ("メモ.md", "北浜審議会は北浜新審議会に改められた。", []),  # read by _renamings
    ],
)
def test_a_bodys_former_name_is_one_of_its_names(path, text, found):
    from kg.resolve.aliases import _former_names

    block = _note(text, path).blocks[0]
    assert list(_former_names(block, frozenset({"北浜製作", "北浜振興機構"}))) == found


def test_a_body_said_to_be_changed_into_another_name_is_renamed():
    from kg.resolve.aliases import _renamings, base_lexicon

    text = "厚生省の北浜食品審議会は北浜審議会に改められた。"
    assert list(_renamings(_note(text).blocks[0], base_lexicon(()))) == [["北浜審議会", "北浜食品審議会"]]
    held = "基準は2024年に改められた。"  # no name with a head before に
    assert list(_renamings(_note(held).blocks[0], base_lexicon(()))) == []
    law = "旧北浜保護法は1996年に北浜母子法に改められるまで続いた。"  # a law so changed may be a law of its own
    assert list(_renamings(_note(law).blocks[0], base_lexicon(()))) == []


def test_a_post_or_a_predicate_after_a_known_bodys_organ_keeps_it_no_name():
    text = "世界保健機関の上級委員会委員が話した。北方国は北方国の中央銀行だ。"
    found = _nodes([_note(text)], _spans(text, ("上級委員会", "Government"), ("中央銀行", "Government")))
    assert "上級委員会" not in found and "中央銀行" not in found


@pytest.mark.parametrize(
    ("outer", "inner", "term"),
    [
        ("耐容週間摂取量", "TWI", True),  # common words for a measure and their acronym
        ("XYZ", "全国港湾情報ネットワークシステム", True),  # an acronym and the common words of a system
        ("コンビニエンスストア", "コンビニ", True),  # a loanword and its clipped form
        ("国際原子力機関", "IAEA", False),  # a body
        ("スターバックス", "スタバ", False),  # a brand, a proper word
        ("SNS", "ゼノ・トーク", True),  # a kind of thing and which one: a service
        ("IMF", "アイエムエフ", False),  # an acronym of a proper noun: a body
        ("SAPPHIRE", "サファイア", False),  # a word in capitals and its reading: a name
    ],
)
def test_an_abbreviated_measure_system_or_loanword_is_a_term(outer, inner, term):
    text = f"{outer}（{inner}）を見た。{inner}は多い。"
    assert (inner in list(defined_kinds(_note(text).blocks, base_lexicon([])))) is term


def test_common_words_ending_in_a_systems_head_are_no_body():
    text = "取引情報プラットフォームを利用する業者が増えた。"
    assert _nodes([_note(text)], _spans(text, ("取引情報プラットフォーム", "Doctrine_Method_Other"))) == {}


def test_a_headlines_acts_after_a_companys_name_and_a_day_before_a_dynastys_head_name_no_body():
    text = "2031-06-19 北浜製鉄がABCスチール買収完了"
    assert "ABCスチール" in _nodes([_note(text)], _spans(text, ("ABCスチール買収完了", "Company")))
    held = "北浜省の調査完了を待つ。"  # kanji words before the acts: no company's name to cut back to
    assert "調査完了" not in _nodes([_note(held)], _spans(held, ("調査完了", "Company")))
    from kg.resolve.compounds import compound_names

    day = "大統領は22日（北方国時間23日朝）、合意を発表した。"
    assert compound_names(day) == []  # 朝 after a day is the morning, no dynasty
    dynasty = "高麗朝の王が"
    assert [dynasty[c.start : c.end] for c in compound_names(dynasty)] == ["高麗朝"]


def test_a_place_in_hiragana_before_a_body_is_part_of_its_name_and_the_bare_kind_stays_apart():
    text = "ほくと中央港湾センターに相談した。全国の港湾センターが受け付けた。"
    spans = _spans(text, ("ほくと", "Province"), ("中央港湾センター", "Public_Institution"), ("港湾センター", "Public_Institution"))
    nodes = _nodes([_note(text)], spans)
    assert nodes["ほくと中央港湾センター"] == ["ほくと中央港湾センター"]
    held = "ほくとの港湾センター"  # a particle between: the place and the body are apart, and hiragana names no place
    assert "ほくと港湾センター" not in _nodes([_note(held)], _spans(held, ("ほくと", "Province"), ("港湾センター", "Public_Institution")))


def test_a_known_company_opening_a_product_span_is_its_service_no_mention():
    text = "資料はGoogleマップに置く。"
    assert _nodes([_note(text)], _spans(text, ("Googleマップ", "Product_Other"))) == {}
    held = "Googleブランドの端末を買った。"  # a brand the company sells under its name is a mention of it
    assert _nodes([_note(held)], _spans(held, ("Googleブランド", "Product_Other"))) != {}


def test_a_bodys_span_cut_at_its_of_runs_on_over_one_field_word_and_a_head():
    text = "ゾルタ子どもの権利委員会は勧告した。"
    assert "ゾルタ子どもの権利委員会" in _nodes([_note(text)], _spans(text, ("ゾルタ子ども", "International_Organization")))
    held = "ゾルタの権利委員会は勧告した。"  # a name of its own before の keeps its end
    assert "ゾルタの権利委員会" not in _nodes([_note(held)], _spans(held, ("ゾルタ", "International_Organization")))
    countries = "日豪印の保健当局は協議した。"  # a compound of countries' forms: each country's body
    assert "日豪印の保健当局" not in _nodes([_note(countries)], _spans(countries, ("日豪印", "Political_Party")))


def test_a_post_or_a_description_before_a_quoted_name_is_no_company_and_no_organ():
    from kg.resolve.compounds import described_companies

    text = "北浜輸出銀行のシニア・バイス・プレジデントに指名された。"
    assert described_companies(text) == []  # a post in katakana, no firm
    quoted = "北方国の芸能事務所「ゾルタ企画」が手がけた。"  # what the quoted body is, no organ of the state
    assert "芸能事務所" not in _nodes([_note(quoted)], _spans(quoted, ("芸能事務所", "Organization_Other")))


def test_a_gazetteer_name_in_a_variant_kanji_that_folds_into_a_common_word_is_not_matched():
    lexicon = base_lexicon([])
    # 聯想 (a company's Chinese name) folds into 連想 (association), a common word; the company keeps its other names
    assert lexicon.get("連想") is None and lexicon.get("レノボ") is not None


def test_a_bodys_election_of_the_day_is_the_one_numbered_election_the_vault_names():
    def note(path: str, text: str, day: date | None) -> Note:
        return replace(_note(text, path), blocks=(replace(_note(text, path).blocks[0], date=day),))

    held = note("a.md", "第60回衆議院議員総選挙で与党が勝った。第60回衆院選の数字を見る。", date(2031, 10, 30))
    before = note("b.md", "北浜氏は次の衆院選に出ないと表明した。", date(2031, 4, 2))
    undated = note("c.md", "2031年10月の衆院選で負けた。1990年の衆院選で初当選した。", None)
    nodes = _nodes([held, before, undated], {})
    assert nodes["第60回衆議院議員総選挙"] == ["第60回衆議院議員総選挙", "第60回衆院選", "衆院選"]
    assert nodes["1990年の衆院選"] == ["1990年の衆院選"]  # another year: that year's election
    old = note("d.md", "北浜氏は衆院選に出た。", date(2020, 4, 2))  # years before: maybe another
    assert "衆院選" in _nodes([held, old], {})
    two = note("e.md", "第59回衆議院議員総選挙の後、第60回衆議院議員総選挙が行われた。", date(2031, 10, 30))
    assert "衆院選" in _nodes([two, before], {})  # two numbered ones: either
    first = note("f.md", "北浜氏は1990年の衆院選で初当選した。", None)  # no numbered one: the name as written
    assert _nodes([first], {})["衆院選"] == ["衆院選"]


def test_a_partys_race_without_its_to_is_the_race_the_vault_names_with_it(tmp_path):
    known = tmp_path / "aliases.tsv"
    known.write_text("canonical\ttype\taliases\n北浜党\tOrganization\t北浜党\n", encoding="utf-8")
    full, short = "9月の北浜党代表選に出る。", "27日の北浜代表選で勝った。"
    spans = {**_spans(full, ("北浜党代表選", "Occasion_Other")), **_spans(short, ("北浜代表選", "Occasion_Other"))}

    def nodes(notes: list[Note]) -> dict[str, list[str]]:
        return {e.label: sorted({m.surface for m in e.mentions}) for e in resolve(notes, spans, ResolveOptions(aliases=[known]))}

    assert nodes([_note(full), _note(short, "m.md")])["北浜党代表選"] == ["北浜代表選", "北浜党代表選"]
    assert "北浜代表選" in nodes([_note(short, "m.md")])  # no race with 党 in the vault: as written


def test_a_treaty_by_its_parties_alone_joins_the_one_treaty_of_those_parties():
    full, short = "日仏友好パートナーシップ条約に署名した。", "フランスは日仏条約を批准した。"
    nodes = _nodes([_note(full), _note(short, "m.md")], {})
    assert nodes["日仏友好パートナーシップ条約"] == ["日仏友好パートナーシップ条約", "日仏条約"]
    two = "日仏友好パートナーシップ条約と日仏漁業条約に署名した。"  # two treaties of those parties: either
    assert "日仏条約" in _nodes([_note(two), _note(short, "m.md")], {})


def test_a_deal_named_by_the_number_of_parties_is_an_agreement():
    text = "北進党、南進党、東進党は3党合意を結んだ。三党合意の文言は短い。"
    found = {e.label: e.type for e in resolve([_note(text)], {})}
    assert found.get("3党合意") == "Agreement"
    draft = "2国間合意の案を示した。"  # a number of countries: a kind of deal
    assert not any("合意" in e.label for e in resolve([_note(draft)], {}))


def test_a_kind_of_session_of_the_day_is_the_one_numbered_session_of_that_kind_the_vault_names():
    def note(path: str, text: str, day: date) -> Note:
        return replace(_note(text, path), blocks=(replace(_note(text, path).blocks[0], date=day),))

    held = note("a.md", "第90回特別国会が召集された。", date(2031, 11, 12))
    before = note("b.md", "特別国会は11月に召集の見通しだ。", date(2031, 10, 28))
    spans = _spans(before.blocks[0].text, ("特別国会", "Political_Organization_Other"))
    assert _nodes([held, before], spans)["第90回特別国会"] == ["特別国会", "第90回特別国会"]
    long_before = replace(before, blocks=(replace(before.blocks[0], date=date(2030, 1, 28)),))
    assert "特別国会" in _nodes([held, long_before], spans)  # a season away: maybe another sitting


def test_two_countries_format_meeting_is_an_event_and_one_with_the_name_it_defines():
    text = "東京で北浜外務・防衛閣僚協議（日豪「2+2」）が開かれた。次の日豪2+2は来年だ。"
    nodes = _nodes([_note(text)], {})
    assert [s.rstrip("」") for s in nodes["北浜外務・防衛閣僚協議"]] == ["北浜外務・防衛閣僚協議", "日豪2+2", "日豪「2+2"]
    bare = "7月の2+2の前に会合を開いた。経済版「2+2」も開く。"  # no countries before it: no one meeting
    assert _nodes([_note(bare)], {}) == {}


def test_a_series_named_under_the_heading_of_its_numbered_meeting_is_that_meeting():
    heading = "第3回日豪「2+2」"
    under = "同じ日、北浜外務・防衛閣僚協議（日豪「2+2」）を開いた。"
    blocks = (_block(heading, 2, "heading", heading), _block(under, 2, heading=heading))
    nodes = _nodes([Note(path="n.md", title="n", aliases=(), blocks=blocks)], {})
    assert len([label for label in nodes if "2+2" in label or "閣僚協議" in label]) == 1
    two = (*blocks, _block("第2回日豪「2+2」は去年だった。", 3))  # two numbered meetings of it: the series stays
    nodes = _nodes([Note(path="n.md", title="n", aliases=(), blocks=two)], {})
    assert "北浜外務・防衛閣僚協議" in nodes
