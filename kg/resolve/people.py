"""People named with a title: ショルツ首相, 植田総裁, 岸田前首相, 林芳正外務大臣, 秋葉剛男国家安全保障局長.

A title after a name is the strongest cue Japanese text gives that the name is a person's, and the
title is no part of the name: the same person is 植田和男 once and 植田総裁 later. The name before a
title is a run of words Sudachi knows as people's names (人名), of katakana words the dictionary
lacks or the model calls a person, joined by ・ or =, with a regnal number (アブドッラー2世); a
country, place or body the notes know (ロシア大統領, 米国務長官) is never such a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.records import Entity, Span
from kg.resolve import trace
from kg.resolve.candidates import HEADED, Candidate, kana_noun
from kg.resolve.compounds import compound_heads, heads_by_word
from kg.resolve.gazetteer import country_abbreviations
from kg.resolve.knowledge import head_length, read_tsv, suffix_type
from kg.resolve.lexicon import Lexicon
from kg.resolve.model_spans import people_joined
from kg.resolve.words import Word, words
from kg.text.chars import is_hiragana, is_kanji, is_katakana, nfkc

# Words before a title that are read with it: 前首相 is a former prime minister, 元大統領 a past one.
_TIME_PREFIXES = ("前", "元", "現", "故", "次期")
# An ordinal before a title ranks the post among several of it (第1副首相, 第一副議長): read with the title.
_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十]+")
# Word endings that make a word a minister's title (経産相, 外務大臣): Sudachi keeps them one noun.
_MINISTER_ENDINGS = ("相", "大臣")
_JOINERS = "・=＝"
# The kanji that write a number: a numeral among them before a title counts something, it names no one.
_NUMERALS = frozenset("〇一二三四五六七八九十百千万億兆")
# Suffixes that make a plural of people (首相ら, 大統領たち), no longer noun of a title.
_PLURAL_SUFFIXES = ("ら", "たち", "達", "等")
# The suffixes Sudachi splits from the noun run of a post (国家安全保障局 長, 国土交通 相, 緊急援助調整 官): after a
# full name the run is a title, as 長官, 検察官 and 補佐官 are.
_TITLE_SUFFIXES = ("長", "相", "官")
# A cabinet is called after its prime minister (石破内閣, 田中義一内閣): the name before it is the person's,
# read as before a title; 内閣府 and 内閣官房 are words of their own, 新内閣 and 連立内閣 name no one. A numbered
# cabinet (第2次岸田内閣) is one term's body, a name of its own, as Japanese NER corpora tag it: it stays whole.
_CABINET = "内閣"
_NUMBERED = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*次\s*$")
# A predecessor or successor is a person: a katakana name joined by ・ after 前任は or 後任に is one
# (前任はジョン・スミス), though its parts be common words to the dictionary.
_SUCCESSION = re.compile(r"(?:前任|後任)者?(?:は|に|が|として|：|:)"
                         r"([\u30a1-\u30fa\u30fc]+(?:[・=＝][\u30a1-\u30fa\u30fc]+)+)(?![\u30a1-\u30fa\u30fc\u4e00-\u9fff])")
# A katakana given name and surname joined by ・, with a ・ after them (ジョナサン・レイノルズ・).
_TWO_PARTS = re.compile(r"[\u30a1-\u30fa\u30fc]+・[\u30a1-\u30fa\u30fc]+・$")
_NOT_A_PERSON = ("Country", "Region", "Organization")
# The heads of administrative areas: a place that ends in one (大阪府, 長野県) is no surname.
_AREA_HEADS = tuple("都道府県州省郡市区町村")
# The most characters of a title looked up after a name (国家安全保障局長).
_LONGEST_TITLE = 8
_READING = re.compile(r"[（(][\u3041-\u309f\u30a1-\u30fa\u30fc・=＝ 　]+[）)]$")


@cache
def titles() -> frozenset[str]:
    """Return the titles written after a person's name (kg/data/titles.txt)."""
    return frozenset(nfkc(row[0]) for row in read_tsv("titles.txt"))


@cache
def strong_titles() -> frozenset[str]:
    """Return the titles that follow nothing but a person's name (second column "strong")."""
    return frozenset(nfkc(row[0]) for row in read_tsv("titles.txt") if len(row) > 1 and row[1] == "strong")


def title_after(text: str, end: int) -> str:
    """Return the title written at text[end:] (首相, 前大統領), the longest kg knows, else ""."""
    prefix = next((p for p in _TIME_PREFIXES if text.startswith(p, end)), "")
    after = text[end + len(prefix) : end + len(prefix) + _LONGEST_TITLE]
    title = next((after[:n] for n in range(len(after), 0, -1) if nfkc(after[:n]) in titles()), "")
    return prefix + title if title else ""


def titled_people(text: str, spans: Sequence[Span], lexicon: Lexicon) -> tuple[list[Candidate], list[Candidate]]:
    """Return the people a title names (the name only) and the titles themselves.

    The titles come back as candidates that name nothing (trust 0), so that no name runs into one;
    a body between the name and the title (国家安全保障局 of 秋葉剛男国家安全保障局長) is still a mention.
    """
    found = words(text)
    by_end = _ends(found)
    people: list[Candidate] = []
    blocks: list[Candidate] = []
    # a span the model calls a person that ends in a body's head (…研究所 of …研究所社長), or that is a place and a
    # head of a body (…軍 of …軍司令官), names the body
    # nor is a span right after a name's reading in parentheses (国務 of 韓…（ハン・…）国務総理): the title's first word
    model_people = [s for s in people_joined(text, spans) if s.ene == "Person" and suffix_type(text[s.start : s.end]) != "Organization"
                    and not _place_and_body_head(text[s.start : s.end], lexicon) and _before_reading(text, s.start) == s.start]
    title_end = 0
    for i, word in enumerate(found):
        if word.start < title_end:
            continue  # 副会長 of 元副会長: one title
        title_end, strong = _title_end(text, found, i)
        if not title_end:
            inside = _title_inside(text, word)
            if inside:  # the dictionary holds the name with its title as one name (トランプ大統領)
                people.append(Candidate(word.start, word.end - inside, HEADED, type="Person"))
                blocks.append(Candidate(word.end - inside, word.end, 0))
            continue
        field = _minister_field(text, found, by_end, i, title_end)
        if field is not None:
            # the name before the field, else the place's name that _minister_field read as a surname
            word = field
            start = _name_start(text, found, by_end, word.start, model_people, lexicon, strong)
            start = found[by_end[word.start]].start if start is None else start
            if _is_name(text, start, word.start, lexicon):
                people.append(Candidate(start, word.start, HEADED, type="Person"))
                blocks.append(Candidate(word.start, title_end, 0))
                continue
        body = _before_country(text, _before_reading(text, word.start))
        start = _name_start(text, found, by_end, body, model_people, lexicon, strong)
        if start is None:
            body = _body_start(text, found, by_end, word.start, model_people)
            start = _name_start(text, found, by_end, body, model_people, lexicon) if body < word.start else None
            if start is not None and (not (_full_name(text, found, start, body) or _foreign_name_and_acronym(text, found, start, body, word.start))
                                      or _named_body(text, found, start, body, word.start)):
                start = None
            elif start is not None:
                body -= _overrun(text, found, by_end, body)
            if start is not None and text[word.start : title_end] == "官" and not all(is_kanji(c) for c in text[body:word.start]):
                start = None  # a post in 官 is kanji (緊急援助調整官); フライン of …・フライン総司令官 is the name's
        while start is not None and body > start and text[body - 1] in _JOINERS:
            body -= 1  # the ・ between a name and a title that opens with a katakana word (…カイル・サイエンス技術相)
        if start is not None and text[word.start : title_end] == _CABINET and _NUMBERED.search(text, 0, start):
            continue  # 第2次岸田内閣: a numbered cabinet is a body of its own
        if start is not None and _head_of_place(text, found, by_end, start, body, text[word.start : title_end]):
            # 安芸高田市長: the head of the town the place names, no one's name; the place and 市 name the town,
            # as 大阪府知事 names 大阪府
            people.append(Candidate(start, word.start + 1, HEADED, type="Region"))
            blocks.append(Candidate(word.start + 1, title_end, 0))
            continue
        if start is not None and _opens_with_body(text, start, body, lexicon):
            continue  # 北浜院予算委員長: a post of the known body's committee, no one's name
        if start is not None:
            people.append(Candidate(start, body, HEADED, type="Person"))
            blocks.append(Candidate(word.start, title_end, 0))
    # a Chinese or Korean name in kanji takes in a name of the dictionary's that ends it (一平 of 施一平)
    named = _kanji_names_after_states(text)
    people = [p for p in people if not any(n.start <= p.start and p.end <= n.end for n, _ in named)]
    named = [(n, t) for n, t in named if not any(p.start < t.end and n.start < p.end for p in people)]
    return people + _successors(text) + [name for name, _ in named], blocks + [title for _, title in named]


# The states whose people are named in kanji; a name right after one (中国の…, 韓国から…) is read by kanji_surnames.
_KANJI_NAME_STATES = re.compile(r"(?:中国|韓国|北朝鮮|台湾)(?:の|から|は|で|、)")
# The lengths in kanji of a Chinese or Korean full name, the longer tried first (金大一 before 金大).
_KANJI_NAME_LENGTHS = (3, 2)


@cache
def kanji_surnames() -> frozenset[str]:
    """Return the one-kanji surnames of Chinese and Korean people (kg/data/kanji_surnames.txt)."""
    return frozenset(row[0] for row in read_tsv("kanji_surnames.txt"))


def _kanji_names_after_states(text: str) -> list[tuple[Candidate, Candidate]]:
    """Return (name, title) for each Chinese or Korean name in kanji written right after its state and right before
    a title (中国の施一平臨時代理大使, 韓国から安一根産業通商資源相), which Sudachi cuts into common words or runs into
    the title: a surname of kg/data/kanji_surnames.txt and one or two kanji more, and then, to the end of the kanji,
    a title kg knows or a minister's field of two-kanji words and 相 or 大臣."""
    found = []
    for state in _KANJI_NAME_STATES.finditer(text):
        start = state.end()
        if text[start : start + 1] not in kanji_surnames():
            continue
        for length in _KANJI_NAME_LENGTHS:
            end, after = start + length, start + length
            while after < len(text) and is_kanji(text[after]):
                after += 1
            if all(is_kanji(c) for c in text[start:end]) and end < after and _is_kanji_title(text[end:after]):
                found.append((Candidate(start, end, HEADED, type="Person"), Candidate(end, after, 0)))
                break
    return found


def _is_kanji_title(run: str) -> bool:
    """Return True for a title kg knows (臨時代理大使) or a minister's field of words of two kanji or more and 相
    or 大臣 (産業通商資源相): a lone kanji before the field is the name's last."""
    if nfkc(run) in titles():
        return True
    ending = next((e for e in _MINISTER_ENDINGS if run.endswith(e)), "")
    field = words(run[: len(run) - len(ending)]) if ending else ()
    return bool(field) and all(w.end - w.start >= 2 and w.pos[0] == "名詞" for w in field)


def _opens_with_body(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Return True when the words before a title open with a body kg knows, of two characters or more, and go on in
    kanji (衆院 of 衆院予算委員長): the title is a post of the body's part, and no person is named."""
    return all(is_kanji(c) for c in text[start:end]) and any(
        (entry := lexicon.get(text[start:cut])) is not None and entry.type == "Organization"
        for cut in range(start + 2, end))


# How many words may name a minister's field before 相 or 大臣 (地方創生 相, こども 政策 担当相, 経済 財政 政策 担当大臣).
_FIELD_WORDS = 3


def _minister_field(text: str, found: Sequence[Word], by_end: dict[int, int], i: int, title_end: int) -> Word | None:
    """Return the first word of the field a minister's title names before 相 or 大臣 when one name word stands
    right before the field, else None: 伊東地方創生相 and 山田こども政策担当相 are 伊東 and 山田 with their titles.

    The field is one to three common nouns (in kanji, katakana or kana, each of two characters or more, so a
    Chinese given name cut into one-kanji words is no field), after a word for a former holder if any (前). The
    name word is a surname of the dictionary's, or a place's name that opens the run of nouns (many surnames
    are places'; a place's own minister would be named with の); the model often reads the field as part of
    the name (伊東地方創生), and a field word alone before the title (坂井防災相) is read in _title_end."""
    if not nfkc(text[found[i].start : title_end]).endswith(_MINISTER_ENDINGS):
        return None
    k, fields = i - 1, 0
    while k >= 0 and fields < _FIELD_WORDS and found[k].end == found[k + 1].start and _field_word(text, found[k]):
        k, fields = k - 1, fields + 1
    first = found[k + 1]
    while k >= 0 and found[k].end == found[k + 1].start and text[found[k].start : found[k].end] in _TIME_PREFIXES:
        first, k = found[k], k - 1
    if not fields or k < 0 or found[k].end != first.start:
        return None
    name = found[k]
    if name.person:
        return first
    surface = text[name.start : name.end]
    opens = k == 0 or found[k - 1].end != name.start or found[k - 1].pos[0] not in ("名詞", "接頭辞", "接尾辞")
    place = (name.pos[:3] == ("名詞", "固有名詞", "地名") and name.pos[3] != "国" and 2 <= len(surface) <= 3
             and all(is_kanji(c) for c in surface) and not surface.endswith(_AREA_HEADS))
    return first if place and opens else None


def _field_word(text: str, word: Word) -> bool:
    """Return True for a common noun that may name a minister's field: two kanji or more, three katakana or
    more, or a common noun in kana (こども)."""
    surface = text[word.start : word.end]
    return word.pos[:2] == ("名詞", "普通名詞") and (
        (len(surface) >= 2 and all(is_kanji(c) for c in surface))
        or (len(surface) >= 3 and all(is_katakana(c) for c in surface)) or kana_noun(text, word))


# The heads of a municipality, each opening with the kind of area it heads: 市長 heads a 市.
_LOCAL_HEADS = ("市長", "町長", "村長", "区長")


def _head_of_place(text: str, found: Sequence[Word], by_end: dict[int, int], start: int, end: int, title: str) -> bool:
    """Return True when a place name alone stands before the head of a municipality (安芸高田 of 安芸高田市長, 前
    安芸高田市長): the title is the post of the 市, 町 or 村 the place names, as 大阪府知事 is, and no one is named.
    A surname the dictionary knows as one (泉 of 泉市長) or a full name (井崎義治市長) is a person's."""
    word = found[by_end[end]] if end in by_end else None
    return (title in _LOCAL_HEADS and word is not None and word.start == start
            and word.pos[:3] == ("名詞", "固有名詞", "地名") and word.pos[3] != "国")


@cache
def name_before_title(surface: str) -> str:
    """Return the name a person's surface form writes before the title it ends in (福岡 of 福岡厚労相,
    which the model took whole for a person's name); "" when it ends in no title."""
    found = words(surface)
    for i, word in enumerate(found[1:], 1):
        if _title_end(surface, found, i)[0] == len(surface):
            return surface[: word.start]
    return ""


def _successors(text: str) -> list[Candidate]:
    """Return the katakana names joined by ・ that the text calls someone's predecessor or successor
    (ジョン・スミス of 前任はジョン・スミス); a run that ends in a body's head (前任はデータ・センター) is no name."""
    if "任" not in text:
        return []  # most blocks name no predecessor: no need to run the pattern
    return [Candidate(m.start(1), m.end(1), HEADED, type="Person") for m in _SUCCESSION.finditer(text)
            if not suffix_type(m.group(1))]


def _title_end(text: str, found: Sequence[Word], i: int) -> tuple[int, bool]:
    """Return where the title that starts at word i ends (0 when no title starts there) and whether
    it is a strong one.

    A title may be written in up to three of Sudachi's words (国家 主席, 前 首相); the longest wins.
    """
    if not _may_open_title(text, found, i):
        return 0, False  # most words: no need to try three spans
    if text[found[i].start : found[i].end] == _CABINET and found[i].pos[:2] == ("名詞", "普通名詞"):
        return found[i].end, False  # 内閣発足 too: the noun after a cabinet is what it does
    for j in range(min(i + 3, len(found)) - 1, i - 1, -1):
        if any(found[k].end != found[k + 1].start for k in range(i, j)) or _noun_after(text, found, j):
            continue
        surface = nfkc(text[found[i].start : found[j].end])
        core = next((surface[len(p):] for p in _TIME_PREFIXES if surface.startswith(p) and len(surface) > len(p)), surface)
        ordinal = _ORDINAL.match(core)
        core = core[ordinal.end():] if ordinal and ordinal.end() < len(core) else core
        # a minister's one-word title may follow a time prefix as its own word (前 国防相)
        one_word = j == i or (j == i + 1 and core != surface and nfkc(text[found[j].start : found[j].end]) == core)
        if core in titles() or (one_word and core.endswith(_MINISTER_ENDINGS) and 2 <= len(core) <= 6
                                and found[j].pos[0] == "名詞"):
            return found[j].end, core in strong_titles()
        if j == i and core in _TITLE_SUFFIXES and found[i].pos[0] == "接尾辞":  # …局長, 国土交通相 split by Sudachi
            return found[j].end, False
        if j == i + 1 and i > 0 and _field_minister(text, found[i], found[j]) and (
                found[i - 1].person or _single_kanji_name_start(text, found, _ends(found), found[i].start) is not None):
            return found[j].end, False  # 坂井防災相, and 王文濤商務相 after a Chinese name Sudachi cut into kanji
    return 0, False


@cache
def _title_openers() -> frozenset[str]:
    """Return the characters a title's first word opens with: a title's or a time prefix's first
    character, 内 of 内閣, 長, 相 and 官, which Sudachi splits from what they follow, and 第 of an ordinal."""
    return frozenset(t[0] for t in titles() | {*_TIME_PREFIXES, _CABINET, *_TITLE_SUFFIXES, "第"})


def _may_open_title(text: str, found: Sequence[Word], i: int) -> bool:
    """Return False when no title can start at word i, by what _title_end asks of it: its first
    character, a minister's ending (経産相), or a 相 after it (防災 相)."""
    surface = nfkc(text[found[i].start : found[i].end])
    return (surface[:1] in _title_openers() or surface.endswith(_MINISTER_ENDINGS)
            or (i + 1 < len(found) and text[found[i + 1].start : found[i + 1].end] == "相"))


def _field_minister(text: str, field: Word, suffix: Word) -> bool:
    """Return True for a policy field and the suffix 相, which Sudachi splits: a minister's title (防災相,
    沖縄相, デジタル相, こども相), as 経産相 is one word to it. The field is one common noun in kanji, katakana or
    hiragana (Japanese writes some fields in kana: こども of こども家庭庁), read
    so right after a person's name (坂井防災相); after other nouns (…ビジネス貿易相) the title is 相 and they
    name the post."""
    surface = text[field.start : field.end]
    return (text[suffix.start : suffix.end] == "相" and suffix.pos[0] == "接尾辞" and field.pos[:2] == ("名詞", "普通名詞")
            and (2 <= len(surface) <= 5 and all(is_kanji(c) for c in surface)
                 or 3 <= len(surface) <= 6 and all(is_katakana(c) for c in surface)
                 or 3 <= len(surface) <= 4 and all(is_hiragana(c) for c in surface)))


def _title_inside(text: str, word: Word) -> int:
    """Return the length of the title a person's name of the dictionary ends in (0 if none)."""
    if not word.person:
        return 0
    surface = nfkc(text[word.start : word.end])
    return max((len(t) for t in titles() if surface.endswith(t) and len(surface) - len(t) >= 2), default=0)


def _before_reading(text: str, end: int) -> int:
    """Return where a name ends before a reading in parentheses between it and its title
    (李在明 of 李在明（イ・ジェミョン）大統領); ``end`` when there is none."""
    if text[end - 1 : end] not in ("）", ")"):
        return end  # no parenthesis closes just before the title: no regex scan of the text before it
    reading = _READING.search(text, 0, end)
    return reading.start() if reading is not None else end


def _before_country(text: str, end: int) -> int:
    """Return where a name ends before the one-letter country of its title (マクロン仏大統領,
    コロナ元仏外相: France's president, a former French foreign minister); ``end`` when there is none.

    Only after katakana or a word for a former holder: in 佐藤英首相 英 may be the end of a given name.
    """
    i = end - 1 if text[end - 1 : end] in country_abbreviations() else end
    if i == end:
        return end
    former = next((p for p in _TIME_PREFIXES if text.endswith(p, 0, i)), "")
    if former:
        return i - len(former)
    return i if i > 0 and is_katakana(text[i - 1]) else end


def _noun_after(text: str, found: Sequence[Word], j: int) -> bool:
    """Return True when a noun follows word j: the title word is then part of a longer noun
    (大臣会合, 首相官邸, 議長国), not a title after a name. A plural suffix (…首相ら, …大統領たち) makes
    no longer noun: it counts the people the titles name; nor does a suffix in hiragana (とも of …首相とも会談,
    which Sudachi reads as one)."""
    if j + 1 >= len(found) or found[j + 1].start != found[j].end or found[j + 1].pos[0] not in ("名詞", "接尾辞"):
        return False
    after = text[found[j + 1].start : found[j + 1].end]
    return not (found[j + 1].pos[0] == "接尾辞" and (after in _PLURAL_SUFFIXES or all(is_hiragana(c) for c in after)))


def _name_start(text: str, found: Sequence[Word], by_end: dict[int, int], end: int,
                model_people: Sequence[Span], lexicon: Lexicon, strong: bool = False) -> int | None:
    """Return where a person's name that ends at ``end`` starts, or None when no name ends there."""
    # a span of the model's with hiragana in it is a phrase (10年に渡り社長), not a name
    model = next((s for s in model_people if s.end == end and s.start < end
                  and not any(is_hiragana(c) for c in text[s.start : s.end])), None) \
        or _model_name_cut(text, found, by_end, end, model_people)
    start, named = end, False
    while start in by_end:
        word = found[by_end[start]]
        surface = text[word.start : word.end]
        if surface in _JOINERS + "世" and word.start in by_end:
            start = word.start
            continue
        if word.pos[1:2] == ("数詞",) and text.startswith("世", word.end):
            start = word.start  # the 2 of アブドッラー2世
            continue
        if not _is_name_word(text, word, model_people, strong) and not _last_name_kanji(text, found, by_end, word, end):
            break
        start, named = word.start, True
    if model is not None and (not named or model.start < start) and _is_name(text, model.start, end, lexicon):
        return model.start
    while named and text[start] in _JOINERS:
        start += 1  # ロシア・プーチン大統領: the name starts after the country
    if not named:
        start = _single_kanji_name_start(text, found, by_end, end)
        start = _kana_given_name_start(text, found, by_end, end) if start is None else start
        return start if start is not None and _is_name(text, start, end, lexicon) else None
    if strong:
        start = _place_surname_start(text, found, by_end, start, end)
    return start if _is_name(text, start, end, lexicon) else None


def _model_name_cut(text: str, found: Sequence[Word], by_end: dict[int, int], end: int,
                    model_people: Sequence[Span]) -> Span | None:
    """Return the model's name in kanji that ends one kanji before a title, with that kanji (金立群 of 金立群総裁,
    where Sudachi reads 金立 as a place and cuts 群 off as a common noun, and the model stops with it), or None.

    The kanji is a common noun of its own, no prefix (前, 元), numeral or country's one-character form: a word
    for a post would be one with the title (副総裁), so a lone kanji between a name and its title ends the name.
    """
    word = found[by_end[end]] if end in by_end else None
    if word is None or word.end - word.start != 1 or not is_kanji(text[word.start]) \
            or word.pos[:2] != ("名詞", "普通名詞") or text[word.start] in _TIME_PREFIXES + tuple(country_abbreviations()):
        return None
    span = next((s for s in model_people if s.end == word.start and 1 <= s.end - s.start <= 3
                 and all(is_kanji(c) for c in text[s.start : s.end])), None)
    return Span(span.start, end, span.ene) if span is not None else None


def _place_surname_start(text: str, found: Sequence[Word], by_end: dict[int, int], start: int, end: int) -> int:
    """Return where a kanji name before a strong title starts when it opens with a place's name
    (福岡 of 福岡資麿氏, where Sudachi reads 福岡 as the city and cuts 資 off the given name); ``start``
    when it does not.

    Many Japanese surnames are places' names. Before 氏 or 首相, a place of two or three kanji that
    opens the noun run, followed by nothing but one-kanji words up to the name's person words, is the
    surname: a place would stand before a title with の or as a body's name (大阪府知事), never so.
    """
    i = by_end.get(start)
    while i is not None and _one_kanji_noun(text, found[i]):
        i = by_end.get(found[i].start)
    if i is None:
        return start
    place = found[i]
    surface = text[place.start : place.end]
    before = by_end.get(place.start)
    opens = before is None or found[before].pos[0] not in ("名詞", "接頭辞", "接尾辞")
    if (place.pos[:3] == ("名詞", "固有名詞", "地名") and place.pos[3] != "国" and 2 <= len(surface) <= 3
            and all(is_kanji(c) for c in text[place.start : end]) and not surface.endswith(_AREA_HEADS)
            and end - place.start <= 5 and opens):
        return place.start
    return start


def _place_and_body_head(name: str, lexicon: Lexicon) -> bool:
    """Return True when a name is a country or place kg knows and a head of a body after it (インド洋軍,
    九州電力): the body the place names, never a person, whom a place's name never makes."""
    head = next((h for h, type_ in compound_heads() if name.endswith(h) and len(name) > len(h)), "")
    known = lexicon.get(name[: -len(head)]) if head and heads_by_word()[head] == "Organization" else None
    return known is not None and known.type in ("Country", "Region")


def _ends(found: Sequence[Word]) -> dict[int, int]:
    """Return the index of each word by where it ends."""
    return {w.end: i for i, w in enumerate(found)}


def _one_kanji_noun(text: str, word: Word) -> bool:
    """Return True for a common noun of one kanji: a piece of a given name Sudachi does not know (資 of 資麿)."""
    return word.end - word.start == 1 and is_kanji(text[word.start]) and word.pos[:2] == ("名詞", "普通名詞")


def _single_kanji_name_start(text: str, found: Sequence[Word], by_end: dict[int, int], end: int) -> int | None:
    """Return where a Chinese or Korean name of two or three kanji starts before a title (申源湜 of
    …の申源湜国防相, 董軍 of 董軍国防相), or None.

    Sudachi knows few such names and cuts them into one-kanji words, or reads two of them as a word it lacks (屈冬
    of 屈冬玉, three with the kanji cut off); a run of two or three such kanji,
    none a prefix (新, 前 of 前董事), a numeral or a country's one-character form (米英国防相), that opens after no
    other noun, is a name: a Japanese word before a title is written in words of two kanji or more. A word
    the dictionary calls a numeral but that writes no number (何 of 何立峰, a surname) may be one of them.
    """
    start, count, lacked = end, 0, False
    while start in by_end and count < 4:
        word = found[by_end[start]]
        surface = text[word.start : word.end]
        # 屈冬 of 屈冬玉: two kanji the dictionary lacks are two of the name's, as one it cuts off is one
        unknown = word.unknown and len(surface) == 2 and all(is_kanji(c) for c in surface)
        lacked = lacked or unknown
        if (not (len(surface) == 1 and is_kanji(surface) or unknown) or word.pos[0] not in ("名詞", "接尾辞")
                or (word.pos[1] == "数詞" and surface in _NUMERALS) or surface in country_abbreviations()
                or surface in _TIME_PREFIXES):
            break
        start, count = word.start, count + len(surface)
    before = found[by_end[start]] if start in by_end else None
    opens = before is None or before.pos[0] not in ("名詞", "接頭辞", "接尾辞")
    return start if (count == 3 if lacked else 2 <= count <= 3) and opens else None


# How many hiragana a given name written in kana may hold before its last kanji (ひで of ひで子, とし of とし江).
_KANA_GIVEN_NAME = 3


def _kana_given_name_start(text: str, found: Sequence[Word], by_end: dict[int, int], end: int) -> int | None:
    """Return where a name starts that is a surname and a given name in hiragana with one kanji after it (北浜
    ふさ子 of 北浜ふさ子さん), or None.

    Sudachi knows the surname and cuts the given name into kana and a one-kanji noun (ふ / さ / 子), and the model
    often stops inside it; before a title the run from the surname to the kanji is the name. A particle right
    after the surname ends the name there (北浜の子: the Kitahama family's child)."""
    last = found[by_end[end]] if end in by_end else None
    if last is None or not _one_kanji_noun(text, last) or last.start not in by_end:
        return None
    start = last.start
    while start in by_end and all(is_hiragana(c) for c in text[found[by_end[start]].start : start]):
        start = found[by_end[start]].start
    if start not in by_end or not 1 <= last.start - start <= _KANA_GIVEN_NAME:
        return None
    surname = by_end[start]
    if found[surname].pos[2:4] != ("人名", "姓") or found[surname + 1].pos[0] in ("助詞", "助動詞"):
        return None
    return found[surname].start


def _last_name_kanji(text: str, found: Sequence[Word], by_end: dict[int, int], word: Word, end: int) -> bool:
    """Return True for one kanji that ends a name Sudachi split before a title: 恩 of 金正恩国務委員長,
    after a surname and a given name it knows (金, 正), as a Korean or Chinese name of three is."""
    before = [found[by_end[word.start]]] if word.start in by_end else []
    if before and before[0].start in by_end:
        before.insert(0, found[by_end[before[0].start]])
    return (word.end == end and word.end - word.start == 1 and is_kanji(text[word.start])
            and word.pos[:2] == ("名詞", "普通名詞") and len(before) == 2 and all(w.person for w in before)
            and before[0].pos[3:] == ("姓",))


def _is_name_word(text: str, word: Word, model_people: Sequence[Span], strong: bool = False) -> bool:
    """Return True for a word that may be part of a person's name; before a strong title any katakana
    word that names no place or body may (トランプ of トランプ大統領, a common noun to the dictionary)."""
    if word.person:
        return True
    surface = text[word.start : word.end]
    joined = text[word.end : word.end + 1] in tuple(_JOINERS) or text[word.start - 1 : word.start] in tuple(_JOINERS)
    if joined and len(surface) <= 2 and surface.isascii() and surface.isupper():
        return True  # the F of ジョン・F・ケネディ
    if word.pos[2:3] == ("地名",) and all(is_katakana(c) for c in surface) and _given_name_before(text, word):
        return True  # タイ of キャサリン・タイ代表: a surname that is also a country's name, after a given name and ・
    if not all(is_katakana(c) for c in surface) or word.pos[2:3] == ("地名",):
        return False  # a place before a title is where the person holds it: ロシア・プーチン大統領
    # フォン of ウルズラ・フォン・デア・ライエン, ワーナー of ジャック・ワーナー: a part of a joined name
    if joined:
        return True
    if word.proper:
        return False  # a katakana proper noun that is no person's name is a body (ソニー会長)
    return strong or word.unknown or any(s.start <= word.start and word.end <= s.end for s in model_people)


def _given_name_before(text: str, word: Word) -> bool:
    """Return True when a ・ joins the word to a katakana given name the dictionary knows as a person's right
    before it (キャサリン of キャサリン・タイ): the word is the surname, whatever else it names. A place before
    the ・ (ロシア・タイ) makes a list of places."""
    if text[word.start - 1 : word.start] not in tuple(_JOINERS):
        return False
    before = next((w for w in words(text) if w.end == word.start - 1), None)
    return (before is not None and before.person and before.pos[2:3] == ("人名",)
            and all(is_katakana(c) for c in text[before.start : before.end]))


def _is_name(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Return True when text[start:end] may be a person's name: no name of a place or body the notes know."""
    surface = text[start:end]
    known = lexicon.get(surface)
    if known is not None and known.type in _NOT_A_PERSON:
        return False
    if _body_and_common_words(surface, lexicon):
        return False
    return len(surface) >= 2 or any(w.person for w in words(surface))


def _body_and_common_words(surface: str, lexicon: Lexicon) -> bool:
    """Return True for a body's name the notes know and common words after it (衆院予算 of 衆院予算委員長): the
    body's committee or section the title heads, no one's name; a given name after it (三井一郎) is a person's."""
    found = words(surface)
    for i, word in enumerate(found[:-1]):
        known = lexicon.get(surface[: word.end])
        if known is not None and known.type == "Organization":
            return not any(w.person or w.unknown for w in found[i + 1 :])
    return False


def _body_start(text: str, found: Sequence[Word], by_end: dict[int, int], end: int,
                model_people: Sequence[Span]) -> int:
    """Return where the body named before a title starts (国家安全保障局 of 秋葉剛男国家安全保障局長):
    the run of nouns before ``end`` that are no part of a person's name."""
    start = end
    while start in by_end:
        word = found[by_end[start]]
        listed = _listed_before(text, found, by_end, word)
        if listed is not None:
            start = listed  # 環境・天然資源相: ministries listed with ・ make one title
            continue
        if word.pos[0] not in ("名詞", "接頭辞", "接尾辞") and not (word.pos[0] == "形状詞" and start < end):
            break  # 持続可能 of 持続可能開発相: an adjective compounded with the title's nouns is the title's
        if _is_name_word(text, word, model_people) and not _common_word_of_title(text, word):
            break
        if (word.pos[2:3] == ("地名",) and text[word.start - 1 : word.start] in _JOINERS
                and is_katakana(text[word.start - 2 : word.start - 1] or "a")):
            break  # タイ of キャサリン・タイ米国通商代表: a place's name joined by ・ to a name ends the name, not the body
        start = word.start
    return start


def _named_body(text: str, found: Sequence[Word], start: int, body: int, end: int) -> bool:
    """Return True when a body's head is all that stands between a name and a title, and the name holds
    a common word of the dictionary (マーケティング of ヨモギ・マーケティング研究所社長): the two make the body's
    name. A name of people's words (田中太郎研究所長) is the person's, the head the post's."""
    run = text[start:end]
    if suffix_type(run) != "Organization" or head_length(run) < end - body:
        return False
    return any(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown for w in found if start <= w.start and w.end <= body)


def _overrun(text: str, found: Sequence[Word], by_end: dict[int, int], start: int) -> int:
    """Return 1 when the given name before a body's nouns took the first kanji of their first word (実経 and
    済 of 城内実経済安全保障担当大臣, where the title opens with 経済), else 0.

    Sudachi's longest match may read a given name one kanji long; the kanji left after it then stands
    alone as a suffix, which no title opens with, and with the given name's last kanji it makes one
    common noun."""
    i = by_end.get(start)
    after = next((w for w in found if w.start == start), None)
    if i is None or after is None or after.end - after.start != 1 or after.pos[0] != "接尾辞":
        return 0
    name = found[i]
    if name.pos[2:4] != ("人名", "名") or name.end - name.start < 2 or not is_kanji(text[name.end - 1]):
        return 0
    joined = words(text[name.end - 1 : after.end])
    return int(len(joined) == 1 and joined[0].pos[:2] == ("名詞", "普通名詞"))


def _listed_before(text: str, found: Sequence[Word], by_end: dict[int, int], word: Word) -> int | None:
    """Return where a kanji noun starts that a ・ (the word given) joins to the title's nouns after it
    (環境 of 環境・天然資源相), else None."""
    prior = found[by_end[word.start]] if word.start in by_end and text[word.start : word.end] == "・" else None
    if prior is None or prior.pos[:2] != ("名詞", "普通名詞") or not all(is_kanji(c) for c in text[prior.start : prior.end]):
        return None
    return prior.start


def _common_word_of_title(text: str, word: Word) -> bool:
    """Return True for a katakana common noun the dictionary knows that opens a compound title after
    a full name of two parts joined by ・ (ビジネス of ジョナサン・レイノルズ・ビジネス貿易相): the name
    already has its given name and surname, so the word is the title's."""
    surface = text[word.start : word.end]
    parts = _TWO_PARTS.search(text[max(0, word.start - 40) : word.start])
    return (parts is not None and all(is_katakana(c) for c in surface) and word.pos[:2] == ("名詞", "普通名詞")
            and not word.person and not word.unknown)


def _foreign_name_and_acronym(text: str, found: Sequence[Word], start: int, body: int, end: int) -> bool:
    """Return True when one katakana word the dictionary lacks stands before a body written as a Latin acronym and
    its title (ハセット of ハセットNEC委員長): a foreign name, which no acronym runs on from."""
    inside = [w for w in found if start <= w.start and w.end <= body]
    return (len(inside) == 1 and inside[0].unknown and all(is_katakana(c) for c in text[start:body])
            and text[body:end].isascii() and text[body:end].isupper() and text[body:end].isalpha())


def _full_name(text: str, found: Sequence[Word], start: int, end: int) -> bool:
    """Return True when text[start:end] is a full name: two words of a person's name, or parts joined by ・."""
    inside = [w for w in found if start <= w.start and w.end <= end]
    people = sum(1 for w in inside if w.person or w.unknown)
    return people >= 2 or (people >= 1 and any(c in _JOINERS for c in text[start:end]))


def without_lone_latin_words(entities: Sequence[Entity], lexicon: Lexicon) -> list[Entity]:
    """Return the entities without the single Latin words that only the model calls people and that
    the notes never write as part of a longer person's name (Any of a table of types, KoalaSync among
    apps): a Western person in Japanese text is written with both names, or in katakana, or with a
    title (Musk氏), or is a name kg knows. A word some longer person's name holds (Susan of Susan
    Marsh) stays. Nor the English terms the model calls people (False Negative: _common_english_words)."""
    longer = {w for e in entities if e.type == "Person" for w in nfkc(e.label).split() if " " in nfkc(e.label)}
    dropped = [e for e in entities if _lone_latin_word(e, lexicon) and nfkc(e.label) not in longer
               or _common_english_words(e, lexicon)]
    for entity in dropped:
        if trace.current() is not None:
            for mention in entity.mentions:
                trace.reading(mention.block)
                trace.dropped(mention.start, mention.end, "lone-latin-person")
    return [e for e in entities if e not in dropped]


def _common_english_words(entity: Entity, lexicon: Lexicon) -> bool:
    """Return True for a Person entity kg does not know, named by Latin words only the model found, every one of which
    the dictionary knows as a common noun (False Negative, True Positive Rate): a term written in English. A person's
    name holds a word the dictionary lacks or knows as a name (Macron, Gates, Jerome Powell)."""
    name = nfkc(entity.label)
    return (" " in name and _unknown_latin_person(entity, lexicon)
            and all(w.common for w in words(name) if name[w.start : w.end].strip()))


def _lone_latin_word(entity: Entity, lexicon: Lexicon) -> bool:
    """Return True for a Person entity kg does not know, named by one Latin word only the model found."""
    name = nfkc(entity.label)
    return (name.isalpha() and _unknown_latin_person(entity, lexicon)
            and all(nfkc(m.surface) == name for m in entity.mentions))


def _unknown_latin_person(entity: Entity, lexicon: Lexicon) -> bool:
    """Return True for a Person entity named in Latin letters that kg does not know and only the model found."""
    return (entity.type == "Person" and nfkc(entity.label).isascii() and lexicon.get(entity.label) is None
            and all(m.source == "ginza" for m in entity.mentions))
