"""People named with a title (kg.resolve.people): the name is a person, the title no part of it."""

import pytest

from kg.records import Span
from kg.resolve.aliases import base_lexicon
from kg.resolve.people import titled_people


def _people(text: str, spans: tuple[Span, ...] = ()) -> tuple[list[str], list[str]]:
    people, titles = titled_people(text, spans, base_lexicon(()))
    return sorted({text[c.start : c.end] for c in people}), sorted({text[c.start : c.end] for c in titles})


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("林芳正外務大臣が会見した。", "林芳正", "外務大臣"),
        ("植田総裁は利上げを決めた。", "植田", "総裁"),
        ("岸田前首相が出席した。", "岸田", "前首相"),  # a former title is read with its prefix
        ("鈴木財務相が述べた。", "鈴木", "財務相"),  # any one-noun …相 is a minister
        ("クレーバ外相もオンラインで参加した。", "クレーバ", "外相"),  # a foreign name the dictionary lacks
        ("ヨルダンのアブドッラー2世国王と会談した。", "アブドッラー2世", "国王"),
        ("中国の習近平国家主席が訪れた。", "習近平", "国家主席"),  # a title of two words
        ("ロシア・プーチン大統領の発言", "プーチン", "大統領"),
        ("トランプ氏は勝利した。", "トランプ", "氏"),
    ],
)
def test_a_name_before_a_title_is_a_person_without_the_title(text, name, title):
    assert _people(text) == ([name], [title])


def test_a_full_name_before_a_body_and_its_head_is_the_person():
    assert _people("日本から秋葉剛男国家安全保障局長が出席した。") == (["秋葉剛男"], ["局長"])
    assert _people("ウルズラ・フォン・デア・ライエン欧州委員会委員長が来日した。") == (
        ["ウルズラ・フォン・デア・ライエン"], ["委員長"])


def test_a_name_the_model_calls_a_person_counts_before_a_title():
    text = "グロッシー理事長が視察した。"
    assert _people(text) == ([], [])  # a katakana word the dictionary knows as a common noun
    assert _people(text, (Span(0, 5, "Person"),)) == (["グロッシー"], ["理事長"])


@pytest.mark.parametrize(
    "text",
    [
        "ロシア大統領は演説した。",  # a country before the title: the president of Russia
        "米国務長官が来日した。",  # 米 is the United States
        "日外相会談",
        "センター長が説明した。",  # a common katakana word before 長
        "事務局長が説明した。",  # a title alone names no one
        "同氏は述べた。",
        "東京都知事が会見した。",
    ],
)
def test_a_title_after_a_place_a_body_or_nothing_names_no_person(text):
    assert _people(text)[0] == []


def test_a_title_word_inside_a_longer_noun_is_no_title():
    assert _people("G7群馬高崎デジタル・技術大臣会合で合意した。")[0] == []
    assert _people("首相官邸で会見した。")[0] == []


def test_every_part_of_a_joined_name_stays_in_it():
    assert _people("フェルディナンド・マルコス・ジュニア大統領が来日した。") == (
        ["フェルディナンド・マルコス・ジュニア"], ["大統領"])


def test_a_katakana_part_of_a_joined_name_is_read_even_when_the_dictionary_knows_it():
    assert _people("ジャック・ワーナー元副会長が起訴された。") == (["ジャック・ワーナー"], ["元副会長"])


def test_a_phrase_the_model_calls_a_person_is_no_name():
    text = "10年に渡り社長に君臨した。"
    assert _people(text, (Span(text.index("渡り"), text.index("渡り") + 2, "Person"),))[0] == []


def test_a_latin_initial_inside_a_joined_name_is_part_of_it():
    assert _people("ジョン・F・ケネディ大統領が演説した。")[0] == ["ジョン・F・ケネディ"]


def test_a_minister_title_sudachi_splits_follows_a_full_name():
    assert _people("中野洋昌国土交通相が視察した。")[0] == ["中野洋昌"]
    assert _people("赤沢亮正防災庁担当相が述べた。")[0] == ["赤沢亮正"]


def test_a_strong_title_makes_a_name_of_a_katakana_common_noun():
    assert _people("トランプ大統領の1期目に続いて")[0] == ["トランプ"]  # トランプ is a card game to Sudachi
    assert _people("センター長が説明した。")[0] == []  # 長 is no strong title


def test_a_reading_in_parentheses_between_a_name_and_its_title_is_skipped():
    assert _people("韓国の李在明（イ・ジェミョン）大統領が来日した。") == (["李在明"], ["大統領"])


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("カトリーヌ・コロナ元仏外相を長とする検証が行われた。", "カトリーヌ・コロナ", "外相"),  # former, of France
        ("マクロン仏大統領が来日した。", "マクロン", "大統領"),  # the country's one letter is no part of the name
        ("宇宙基地に金正恩国務委員長が姿を見せた。", "金正恩", "国務委員長"),  # Sudachi splits the given name
    ],
)
def test_a_name_runs_up_to_a_country_letter_or_a_split_given_name_before_its_title(text, name, title):
    assert _people(text) == ([name], [title])


def test_a_given_name_after_a_kanji_name_is_not_a_country_letter():
    assert _people("佐藤英首相という人はいない。")[0] != ["佐藤"]  # 英 may end the given name: not cut off as Britain


def test_a_katakana_word_before_a_strong_title_of_a_body_is_a_name():
    assert _people("国際原子力機関のグロッシー事務局長が視察した。") == (["グロッシー"], ["事務局長"])


def test_ministries_listed_with_a_joiner_make_one_title_after_the_name():
    people, _ = _people("ペルーのハビエル・ゴンサレス外務・通商相が来日した。")
    assert people == ["ハビエル・ゴンサレス"]
    people, _ = _people("スウェーデンのマリア・マルムステナ気候・環境相が演説した。")
    assert people == ["マリア・マルムステナ"]


def test_an_adjective_compounded_into_a_listed_title_is_the_titles():
    people, _ = _people("議長はペルナのカリナ・ソボテ環境・持続可能開発相が務めた。")
    assert people == ["カリナ・ソボテ"]
    assert _people("計画は持続可能相と呼ばれた。")[0] == []  # an adjective alone before the title names no one


def test_a_common_katakana_word_after_a_full_name_opens_its_compound_title():
    people, _ = _people("英国のピーター・カイル・サイエンス技術相が発表した。")
    assert people == ["ピーター・カイル"]
    people, _ = _people("ジョン・ホワイト財務相が発表した。")  # one part before it: the word is the surname
    assert people == ["ジョン・ホワイト"]


def _person_spans(text: str, span_text: str) -> list[str]:
    from kg.resolve.model_spans import from_ner

    start = text.index(span_text)
    return [text[c.start : c.end] for c in from_ner(text, [Span(start, start + len(span_text), "Person")], [])]


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("木村甚七らが出席した。", "木村甚", "木村甚七"),  # Sudachi reads 七 as a number
        ("田中徳順が述べた。", "田中徳", "田中徳順"),
        ("鈴木正貫、佐藤一郎が来た。", "鈴木正", "鈴木正貫"),
        ("飯田伸役に選ばれた。", "飯田伸", "飯田伸"),  # 役 is the part the person plays
        ("佐藤茂像が建つ。", "佐藤茂", "佐藤茂"),  # 像 is a statue of the person
    ],
)
def test_a_person_span_takes_the_kanji_of_the_given_name_sudachi_cut_off(text, span, name):
    assert _person_spans(text, span) == [name]


def test_a_katakana_person_span_takes_the_first_names_joined_before_it():
    assert _person_spans("隊長はケイト・ウィンスレットだ。", "ウィンスレット") == ["ケイト・ウィンスレット"]
    # a place before the ・ is where the person is from, not a first name
    assert _person_spans("選手はアメリカ・マイアミ出身。", "マイアミ") == ["マイアミ"]


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("長女花子は大学に通う。", "長女花子", "花子"),  # a kinship (name_words.tsv, role relation)
        ("主将・山田太郎が語った。", "主将・山田太郎", "山田太郎"),  # common kanji words set off by ・
        ("FW佐藤寿人のゴール。", "FW佐藤寿人", "佐藤寿人"),  # a player's position in capitals
        ("垣根洋平の小説。", "垣根洋平", "垣根洋平"),  # a common word before a given name may be the surname
        ("ローワン・ウィリアムズが説教した。", "ローワン・ウィリアムズ", "ローワン・ウィリアムズ"),  # a first name
    ],
)
def test_a_role_or_kinship_before_a_name_is_no_part_of_it(text, span, name):
    assert _person_spans(text, span) == [name]


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("田中本人は否定した。", "田中本人", "田中"),
        ("鈴木船長と話した。", "鈴木船長", "鈴木"),
        ("ロペス兄弟が出演した。", "ロペス兄弟", "ロペス"),
        ("山田派が反対した。", "山田派", "山田派"),  # a group called after the person is a name of its own
    ],
)
def test_a_title_or_a_word_for_the_persons_kin_after_a_name_is_no_part_of_it(text, span, name):
    assert _person_spans(text, span) == [name]


def _resolved(text: str, *spans: tuple[str, str]) -> dict[str, str]:
    """Return entity id -> type of what one paragraph of the text names, with hand-made model spans."""
    from kg.records import Block, Note
    from kg.resolve import resolve

    block = Block(note="n.md", heading_path=("h",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text)
    found = tuple(Span(text.index(s), text.index(s) + len(s), label) for s, label in spans)
    return {e.id: e.type for e in resolve([Note(path="n.md", title="n", blocks=(block,))], {text: found})}


def test_one_latin_word_only_the_model_calls_a_person_is_none_unless_a_longer_name_holds_it():
    text = "型: Any。KoalaSyncやFolderPilotを使う。Smithが話し、John Smithも来た。"
    found = _resolved(text, ("Any", "Person"), ("KoalaSync", "Person"), ("Smith", "Person"), ("John Smith", "Person"))
    assert found == {"Smith": "Person", "John Smith": "Person"}


def test_english_common_nouns_the_model_calls_a_person_are_none_but_a_name_with_a_word_the_dictionary_lacks_stays():
    text = "False Negativeが増え、True Positive Rateが下がった。Jerome Powellが話し、Emmanuel Macronも来た。"
    spans = ("False Negative", "Person"), ("True Positive Rate", "Person"), ("Jerome Powell", "Person"), ("Emmanuel Macron", "Person")
    assert _resolved(text, *spans) == {"Jerome Powell": "Person", "Emmanuel Macron": "Person"}


def test_a_given_name_before_the_whole_name_in_parentheses_is_the_same_person_but_a_product_is_not():
    text = "Susan (Susan Marsh) が翻訳した。Tidymark (Tidymark Cloud) を使う。"
    found = _resolved(text, ("Susan", "Show_Organization"), ("Susan Marsh", "Person"))
    assert found == {"Susan Marsh": "Person"}


def test_latin_words_with_an_acronym_or_after_team_are_no_person_but_a_company_with_one_stays():
    text = "quillpen (Peter Novak) Friendly CSS Wizard、Team Blue Herons、ISTIL Groupの社員。"
    found = _resolved(text, ("Peter Novak", "Person"), ("Friendly CSS Wizard", "Person"),
                      ("Blue Herons", "Person"), ("ISTIL Group", "Person"))
    assert found == {"Peter Novak": "Person", "ISTIL Group": "Person"}


def test_a_name_that_opens_with_a_places_name_keeps_it_before_a_strong_title():
    # Sudachi reads 長野 as the city and cuts 資 off the given name; before 氏 the whole run is the name
    assert _people("文部科学大臣には長野資麿氏が就いた。") == (["長野資麿"], ["氏"])
    assert _people("大阪府知事山田太郎氏が述べた。") == (["山田太郎"], ["氏"])  # a prefecture and a title stay out
    assert _people("新潟県の秋田氏が述べた。") == (["秋田"], ["氏"])  # a place set off by の is no surname


def test_a_cabinet_names_its_prime_minister_unless_numbered_and_a_cabinet_of_no_one_names_nothing():
    assert _people("10月に山田一郎内閣が発足した。") == (["山田一郎"], ["内閣"])
    assert _people("第3次山田内閣の発足") == ([], [])  # a numbered cabinet is one term's body: a name of its own
    assert _people("連立内閣が発足した。") == ([], [])
    assert _people("内閣府の担当者") == ([], [])


def test_a_body_and_a_high_commissioner_after_a_joined_name_are_no_part_of_it():
    assert _people("マルコ・ロッシ国連人権高等弁務官は述べた。") == (["マルコ・ロッシ"], ["高等弁務官"])


def test_a_joined_katakana_name_after_a_word_for_a_predecessor_is_a_person():
    assert _people("前任はビル・ランナー。") == (["ビル・ランナー"], [])  # common words to the dictionary
    assert _people("後任にはデータ・センターが入る。") == ([], [])  # a body's head ends the run
    assert _people("後任は未定だ。") == ([], [])


def test_the_name_before_a_title_is_read_off_a_surface_the_model_took_whole():
    from kg.resolve.people import name_before_title

    assert name_before_title("長野厚労相") == "長野"
    assert name_before_title("山田太郎") == ""


@pytest.mark.parametrize(
    ("text", "people", "titles"),
    [
        ("山田防災相は支援を進めると述べた。", ["山田"], ["防災相"]),  # a field and 相 split by Sudachi: a minister
        ("山田デジタル相は支援を進めると述べた。", ["山田"], ["デジタル相"]),  # a katakana field likewise
        ("山田こども相は支援を進めると述べた。", ["山田"], ["こども相"]),  # a field in hiragana likewise
        ("こども相が述べた。", [], []),
        ("デジタル相が述べた。", [], []),
        ("防災相が述べた。", [], []),  # no name before it
        ("ジョナサン・レイノルズ・ビジネス貿易相が来日した。", ["ジョナサン・レイノルズ"], ["相"]),  # a post after other nouns
    ],
)
def test_a_policy_field_and_sho_after_a_name_is_a_minister(text, people, titles):
    assert _people(text) == (people, titles)


def test_the_chair_of_a_subcommittee_is_a_title_after_a_surname():
    assert _people("森岡分科会長は説明した。") == (["森岡"], ["分科会長"])
    assert _people("分科会長が説明した。") == ([], [])


def test_a_one_kanji_surname_before_a_title_is_a_person_and_joins_the_full_name():
    from kg.resolve.junk import junk_rule, stop_words

    text = "蔡英文総統は投稿した。蔡総統は日本語でも投稿した。"
    assert _people(text) == (["蔡", "蔡英文"], ["総統"])
    assert junk_rule("蔡", stop_words([]), person=True, titled=True) == ""
    assert junk_rule("蔡", stop_words([]), person=True) == "too-short"  # alone it stays out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会談には、華国の卓源泰国防相も加わった。", "卓源泰"),  # three one-kanji words Sudachi cut a name into
        ("会議で、鄭軍国防相が演説した。", "鄭軍"),  # two, the last a common word to the dictionary
    ],
)
def test_a_name_of_one_kanji_words_before_a_title_is_a_person(text, name):
    assert name in _people(text)[0]


@pytest.mark.parametrize("text", ["米英国防相が会った。", "新旧国防相が並んだ。", "同国防相は述べた。"])
def test_country_forms_prefixes_and_one_kanji_before_a_title_are_no_name(text):
    assert _people(text)[0] == []


def test_a_kanji_the_model_and_sudachi_cut_off_a_name_before_its_title_is_the_names_last():
    text = "王立群総裁は述べた。"
    # 王立 is a common word to Sudachi and the model's person; 群 is left between it and the title
    assert _people(text, (Span(0, 2, "Person"),)) == (["王立群"], ["総裁"])
    # a prefix for a former post is the title's (前総裁), and without the model's person no name is read
    assert _people("王立前総裁は述べた。", (Span(0, 2, "Person"),)) == (["王立"], ["前総裁"])
    assert _people(text) == ([], [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("森山実経済再生担当大臣が述べた。", "森山実"),  # Sudachi reads 実経 as the given name, 済 as a suffix
        ("大森秀経済再生担当大臣が述べた。", "大森秀"),
        ("森山早苗経済再生担当大臣が述べた。", "森山早苗"),  # the name ends where the dictionary says
    ],
)
def test_a_given_name_gives_back_the_kanji_it_took_from_the_title(text, name):
    assert _people(text)[0] == [name]


def test_a_name_and_a_bodys_head_before_a_title_name_the_body_not_a_person():
    text = "座長は山田花子氏（ヨモギ・データ研究所社長）だった。"  # the model calls データ研究所 a person
    start = text.index("データ研究所")
    assert _people(text, (Span(start, start + len("データ研究所"), "Person"),)) == (["山田花子"], ["氏"])
    assert _people("田中太郎研究所長が述べた。")[0] == ["田中太郎"]  # a name of people's words is the director's


def test_a_former_ministers_title_and_a_chiefs_title_follow_a_surname():
    assert _people("ザハロフ前国防相が述べた。") == (["ザハロフ"], ["前国防相"])  # 前 and 国防相 are two words
    assert _people("ボルコフ参謀総長に会った。") == (["ボルコフ"], ["参謀総長"])
    assert _people("前国防相が述べた。") == ([], [])  # a title after nothing names no one


def test_a_post_sudachi_ends_in_the_suffix_kan_after_a_full_name_is_a_title():
    assert _people("タナカ・ボルコフ特別調整官が退いた。") == (["タナカ・ボルコフ"], ["官"])
    assert _people("特別調整官が退いた。") == ([], [])
    # a katakana word before a post in 官 is no post's: the joined name is left to the model, whole
    assert _people("タナカ・ボルコフ・フライン総司令官が述べた。")[0] == []


def test_a_place_and_a_head_of_a_body_before_a_title_is_the_body_not_a_person():
    # the model calls アフリカ軍 a person, but a place and …軍 name a force: 司令官 is its post, no one's name
    text = "会議にはアフリカ軍司令官も出席した。"
    assert _people(text, (Span(4, 9, "Person"),)) == ([], [])
    # a Chinese name that ends in the same kanji opens with no place: still a person
    assert _people("中国の魯軍国防相が出席した。", (Span(3, 5, "Person"),)) == (["魯軍"], ["国防相"])


def test_an_ordinal_before_a_title_and_a_plural_after_it_are_read_with_the_title():
    assert _people("ゼノビアのボルゴレンコ第1副首相が訪れた。") == (["ボルゴレンコ"], ["第1副首相"])
    assert _people("ヨモギアのマクファーデン首相らも招かれた。") == (["マクファーデン"], ["首相"])  # ら counts people
    # Sudachi reads とも (…とも会談した) as a suffix: in hiragana it makes no longer noun
    assert _people("ヨモギアのマクファーデン首相とも会談した。") == (["マクファーデン"], ["首相"])
    assert _people("第3回会長会議が開かれた。") == ([], [])  # an ordinal of a meeting, no title
    assert _people("首相官邸で会った。") == ([], [])  # a noun after a title still makes a longer noun


def test_a_chinese_name_sudachi_cut_into_kanji_goes_before_a_field_ministers_title():
    assert _people("中国から劉文濤商務相が出席した。") == (["劉文濤"], ["商務相"])
    # 何 is a numeral to the dictionary and a surname here; kanji that write a number are none
    assert _people("中国側から何麗英副首相が出席した。") == (["何麗英"], ["副首相"])
    # two kanji the dictionary lacks and one it cuts off make a name of three
    assert _people("FAOの屈冬玉事務局長が述べた。") == (["屈冬玉"], ["事務局長"])
    assert _people("何人かの首相が集まった。")[0] == []
    assert _people("三人の首相が集まった。")[0] == []


def test_a_trade_representative_is_a_title_and_a_place_joined_to_a_name_ends_the_name():
    assert _people("ゼノビアのヨモギア通商代表と会談した。") == (["ヨモギア"], ["通商代表"])
    # タイ of …・タイ is the surname, not a country before the title: the full name is the person's
    assert _people("ジェーン・タイ米国通商代表が署名した。")[0] == ["ジェーン・タイ"]


def test_a_representative_is_a_title_and_a_country_after_a_given_name_is_a_surname():
    assert _people("前任はヨモギ政権のキャサリン・タイ代表だった。") == (["キャサリン・タイ"], ["代表"])
    assert _people("第1次政権でヨモギアハイザー代表の補佐官を務めた。") == (["ヨモギアハイザー"], ["代表"])
    # a country's team or delegation, and two places joined by ・, name no one
    assert _people("日本代表が勝った。")[0] == []
    assert _people("ロシア・タイ代表の会合")[0] == []


def test_a_european_commissioner_is_a_title_with_no_place_in_it():
    assert _people("交渉はヨモギビッチ欧州委員が担った。") == (["ヨモギビッチ"], ["欧州委員"])
    assert _people("ヨモギアイエン欧州委員長は述べた。") == (["ヨモギアイエン"], ["欧州委員長"])


def test_a_place_alone_before_the_head_of_a_municipality_names_no_one(nlp):
    from kg.extract.ner import find_spans
    from kg.records import Block, Note
    from kg.resolve import resolve

    text = "知事選では、佐藤一郎・前倉敷市長が2位、井崎竜也市長が3位だった。"
    block = Block(note="n.md", heading_path=("見出し",), heading_levels=(2,), section=1, paragraph=0, line=1,
                  kind="paragraph", text=text, links=())
    (spans,) = find_spans([text])
    people = {e.label for e in resolve([Note(path="n.md", title="n", aliases=(), blocks=(block,))], {text: spans})
              if e.type == "Person"}
    assert "倉敷" not in people  # the mayor of 倉敷市, whoever holds the post
    assert {"佐藤一郎", "井崎竜也"} <= people  # a full name before the title is a person


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("北浜検事総長は談話を出した。", "北浜", "検事総長"),  # one title of two words, not 検事 and a 総長
        ("東京地裁の山田太郎裁判長は述べた。", "山田太郎", "裁判長"),
        ("姉の北浜ふさ子さんが訴えた。", "北浜ふさ子", "さん"),  # a given name in hiragana and one kanji
        ("社長の喜㔟太郎氏が述べた。", "喜㔟太郎", "氏"),  # a JIS level 3 kanji, read as its common form 勢
    ],
)
def test_judges_prosecutors_kana_given_names_and_rare_kanji_before_a_title(text, name, title):
    assert _people(text) == ([name], [title])


def test_a_particle_after_a_surname_ends_the_name_before_a_kana_word():
    assert _people("田中の子さんが来た。")[0] == []  # the Tanakas' child, no given name in kana


def test_a_us_secretarys_title_is_strong():
    # a US secretary's title follows nothing but a name: a katakana common word before it is one
    assert _people("ヨモギック商務長官が署名した。") == (["ヨモギック"], ["商務長官"])
    assert _people("米商務長官が述べた。")[0] == []


def test_a_foreign_name_before_an_acronym_body_and_a_title():
    assert _people("ヨモギットNEC委員長と会談した。") == (["ヨモギット"], ["委員長"])
    # a proper noun of the dictionary before an acronym is a body's name, no person's
    assert _people("トヨタNEC社長と会談した。")[0] == []


def test_a_known_body_and_common_words_the_model_calls_a_person_are_no_name_before_a_title():
    text = "衆院予算委員長を野党がとった。"
    assert _people(text, (Span(0, text.index("委員長"), "Person"),))[0] == []


def test_a_surname_the_model_calls_a_person_before_a_title_is_still_a_name():
    text = "北浜一郎委員長を野党がとった。"
    assert _people(text, (Span(0, text.index("委員長"), "Person"),))[0] == ["北浜一郎"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("韓国から安一根産業通商資源相が出席した。", "安一根", "産業通商資源相"),  # a lone kanji before the field ends the name
        ("中国の施一平臨時代理大使を呼んだ。", "施一平", "臨時代理大使"),
    ],
)
def test_a_kanji_name_after_its_state_and_before_a_title_is_a_person(text, name, title):
    found, titles_found = _people(text)
    assert name in found and title in titles_found


def test_a_common_word_after_a_state_before_a_minister_ending_is_no_name():
    assert _people("韓国の金融相が述べた。中国の周辺国が反発した。")[0] == []


def test_a_span_right_after_a_reading_in_parentheses_is_the_titles_word_not_a_name():
    text = "韓明洙（ハン・ミョンス）国務総理が来日した。"
    assert "国務" not in _people(text, (Span(text.index("国務"), text.index("総理"), "Person"),))[0]


def test_a_span_the_model_calls_a_person_after_a_parenthesis_of_no_reading_is_still_a_name():
    text = "会議（東京）北浜一郎委員長が述べた。"
    assert _people(text, (Span(text.index("北浜"), text.index("委員長"), "Person"),))[0] == ["北浜一郎"]
