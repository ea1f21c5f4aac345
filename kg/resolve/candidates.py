"""Candidates: the spans of one block that may name an entity, and which of them survive.

Each candidate carries its trust (KNOWN > QUOTED > HEADED > COMPOUND > NER); ``without_conflicts`` keeps the
most trusted and longest, and drops the ones that clash with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.records import ENTITY_TYPES, Block, Span
from kg.resolve.gazetteer import country_abbreviations
from kg.resolve.knowledge import (
    bare_heads, code_heads, facility_labels, head_length, kind_heads, legal_forms, long_heads, name_words, named_heads, run_heads,
    state_heads, strips_qualifier, suffix_type, title_heads, type_suffixes,
)
from kg.resolve.lexicon import Lexicon, Name
from kg.resolve.words import Word, first_unit_is_proper, word_ending, word_starting, words, words_over, words_within
from kg.text.chars import is_hiragana, is_kanji, is_katakana, is_name_char, match_key, nfkc, normalize_with_map

KNOWN, QUOTED, HEADED, COMPOUND, NER = 1, 2, 3, 4, 5
# the places an address names before its last one (愛知県 of 愛知県豊田市): found after the others
ADDRESS = 6
_QUOTED = re.compile(r"[「『]([^「」『』]{2,80})[」』]")
# Particles that make a quoted phrase a clause, not a name.
_CLAUSE_PARTICLES = set("をがはへもで")
# A heading's or a list's section number before a space (2　, 5.1 ), or the date a clipping's or a daily
# note's heading opens with (2024-12-02 , 2024/12/02 ): no part of a name after it.
_SECTION_NUMBER = re.compile(r"[0-9０-９.]+[ 　]|[0-9０-９]{4}[-/－／][0-9０-９]{1,2}[-/－／][0-9０-９]{1,2}[ 　]")
# The parliament's word, which after a session's number names one of its sittings (第301回国会), where a word for
# a meeting alone (第5回総会) names a sitting of no body in particular.
_DIET = "国会"
# The number of a session: 第12回, 第2回.
_SESSION = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*[回次]")
# The number of a plan of a series, by its round or its term: 第5次…基本計画, 第4期…計画.
_PLAN_ROUND = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*[次期]")
# An article of a law cited after its name: 第16条, 第3条第2項.
_ARTICLE = re.compile(r"(?<=[法令約])第?\s*[0-9０-９一二三四五六七八九十百]+\s*条(?:\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*項)?")
# Quotation marks, which a name in link text never holds (日銀「金融政策の枠組み of a title in a link).
_QUOTES = set("「」『』")
# Arrows that make a quoted phrase a sequence of steps (「巡視船→訓練→協定」), not a name.
_STEPS = set("→⇒←↔")
# Words that make a quoted phrase a comparison (「ソニーのような電機会社」): a kind of thing, not a name.
_LIKE = ("のような", "のように", "みたいな")
# A source's label before the title in link text (外務省：第3回閣僚会合, NHK: ...): the title is the name.
_LABEL = re.compile(r"[^：:]{1,20}[：:]\s*")
# The date a daily or clipped note's file name opens with, before its title (2031-05-08 北浜合意): a link to
# the note shows it, but the date is the note's, no part of the name the title holds.
_DATED_TITLE = re.compile(r"(?:19|20)\d\d[-_.]\d\d[-_.]\d\d[ 　_]+")


@dataclass(frozen=True)
class Candidate:
    """A span of one block that may name an entity."""

    start: int
    end: int
    trust: int
    entity: str = ""
    type: str = ""
    headed: bool = False
    # where the name of the entity starts when the span says more: an address names its last place
    # (播磨町 of 兵庫県加古郡播磨町); 0 when the whole span is the name
    names_from: int = 0


def known_and_compound(text: str, lexicon: Lexicon) -> tuple[list[Candidate], list[Candidate]]:
    """Return known-name candidates and the member countries of compounds such as 日米豪印."""
    norm, starts = normalize_with_map(text)
    known: list[Candidate] = []
    members: list[Candidate] = []
    i = 0
    while i < len(norm):
        hit = _to_word_end(lexicon.match_at(norm, i, text, starts), i, text, starts, lexicon)
        compound = _compound_at(norm, i, lexicon, text, starts)
        region = hit is not None and hit[1].type == "Region"
        if compound and (hit is None or hit[0] <= compound[-1][1]) and not region:
            members.extend(Candidate(starts[s], starts[e - 1] + 1, KNOWN, n.entity, n.type) for s, e, n in compound)
            end = compound[-1][1]
            if hit is not None and hit[0] == end:
                known.append(Candidate(starts[i], starts[end - 1] + 1, KNOWN, hit[1].entity, hit[1].type))
            else:
                known.append(Candidate(starts[i], starts[end - 1] + 1, 0))
            i = end
        elif hit is not None and _not_its_own_word(text, starts[i], starts[hit[0] - 1] + 1):
            i += 1  # a name inside a longer proper name (日本 in 日本製紙, 日本橋) is not a mention of its own
        elif hit is not None and _members_title(text, starts[i], starts[hit[0] - 1] + 1):
            i += 1  # 山田太郎参議院議員: the title a person is written with, no mention of the house
        elif hit is not None:
            end, name = hit
            known.append(Candidate(starts[i], starts[end - 1] + 1, KNOWN, name.entity, name.type))
            members.extend(_state_of(text, starts[i], starts[end - 1] + 1, lexicon))
            if name.type == "Organization":
                members.extend(_country_letter_of(text, starts[i], starts[end - 1] + 1))
            if name.type == "Event":
                members.extend(_countries_inside(text, starts[i], starts[end - 1] + 1, lexicon))
            if compound and not region:
                members.extend(
                    Candidate(starts[s], starts[e - 1] + 1, KNOWN, n.entity, n.type) for s, e, n in compound
                )
            i = end
        else:
            i += 1
    return known, members


def _to_word_end(hit: tuple[int, Name] | None, i: int, text: str, starts: list[int],
                 lexicon: Lexicon) -> tuple[int, Name] | None:
    """Return a known name's hit, or the same thing's shorter name when the hit's last character opens
    a word of the text: イスラエル国 of イスラエル国会 is イスラエル and the parliament (国会), as of 国内 and 国民."""
    if hit is None or hit[0] - i < 3 or hit[1].type != "Country":
        return hit
    end = starts[hit[0] - 1] + 1
    if text[end - 1] != "国":
        return hit  # a city's 市 before 市場 (ニューヨーク市場) is left to the rules of longer names
    if not any(w.start == end - 1 and w.end > end for w in words_over(text, end - 1, end)):
        return hit
    shorter = lexicon.get(text[starts[i] : end - 1])
    return (hit[0] - 1, shorter) if shorter is not None and shorter.entity == hit[1].entity else hit


def _countries_inside(text: str, start: int, end: int, lexicon: Lexicon) -> list[Candidate]:
    """Return the countries named by words inside a known event (ウクライナ of ロシアによるウクライナ侵略):
    a war or a summit is an act of the states it names, as 米国商務省 is an organ of one."""
    found = []
    for w in words(text):
        name = lexicon.get(text[w.start : w.end]) if start <= w.start and w.end <= end else None
        if name is not None and name.type == "Country":
            found.append(Candidate(w.start, w.end, KNOWN, name.entity, name.type))
    return found


def without_buried_places(text: str, known: list[Candidate], spans: Sequence[Span]) -> list[Candidate]:
    """Return the known names without places buried between nouns that the model does not see as
    a place either (東京 of 第2回オール群馬…, 福岡 of 国立福岡養育所): such a place is a part of a
    longer name the dictionary does not know. A place the model sees, or one with a particle or a
    punctuation mark on either side, stays."""
    by_end = {w.end: w for w in words(text)}
    by_start = {w.start: w for w in words(text)}

    def buried(cand: Candidate) -> bool:
        before, after = by_end.get(cand.start), by_start.get(cand.end)
        between_nouns = (cand.type in ("Country", "Region") and before is not None and after is not None
                         and before.pos[0] in ("名詞", "接頭辞") and after.pos[0] == "名詞" and after.pos[1] != "数詞")
        # the model's spans are looked through only for the few places between nouns
        return between_nouns and not any(s.start < cand.end and cand.start < s.end for s in spans)

    return [c for c in known
            if not buried(c) and not (c.type in ("Country", "Region") and after_katakana_word(text, c.start))]


# What a body has, written right after its name: no common word's second half (メタ社, アップル本社).
_BODY_AFTER = ("社", "傘下", "本社", "社長", "会長", "幹部", "従業員", "株", "製", "グループ")


def bound_prefixes(text: str, known: Sequence[Candidate]) -> list[Candidate]:
    """Return the known organisations written in katakana that the dictionary reads here as the
    first half of a common compound: one common noun or prefix (メタ of メタ変数, meta-) with a common
    noun right after it. A katakana company's name that is a loanword too (メタ, アップル) names the
    company when a particle, a mark or a word for a body (メタの, メタ社, メタ傘下) follows it."""
    bound = []
    for cand in known:
        name = text[cand.start : cand.end]
        if cand.type != "Organization" or not all(is_katakana(c) for c in name):
            continue
        word, after = word_starting(text, cand.start), word_starting(text, cand.end)
        common = word is not None and word.end == cand.end and (word.pos[0] == "接頭辞" or word.pos[:2] == ("名詞", "普通名詞"))
        if (common and after is not None and after.pos[:2] == ("名詞", "普通名詞")
                and not text.startswith(_BODY_AFTER, cand.end)):
            bound.append(cand)
    return bound


def without_glosses(text: str, known: list[Candidate]) -> list[Candidate]:
    """Return the known names but those that gloss the common noun before them: a known name alone in
    parentheses that the dictionary knows as one common word, after a common noun, is that noun's loanword
    (採用（リクルート）: recruiting, not the company); a proper noun there names one (電機メーカー（ソニー）).
    So is one is_gloss finds (a loanword after a kanji common noun that stands alone)."""
    by_end = {w.end: w for w in words(text)} if "（" in text else {}
    glossed = []
    for cand in known:
        if not (cand.start and text[cand.start - 1] == "（" and text[cand.end : cand.end + 1] == "）"):
            continue
        inside = words_within(text, cand.start, cand.end)
        before = by_end.get(cand.start - 1)
        noun = nfkc(text[before.start : before.end]) if before is not None else ""
        # a katakana loanword after a common noun that is no head of a name (…機構（AMED） names the body)
        if (len(inside) == 1 and inside[0].pos[:2] == ("名詞", "普通名詞") and all(is_katakana(c) for c in text[cand.start : cand.end])
                and before.pos[:2] == ("名詞", "普通名詞") and not any(noun.endswith(h) for h, _ in type_suffixes())):
            glossed.append(cand)
    return [c for c in known if c not in glossed and not is_gloss(text, c.start, c.end)]


_LATIN_WORD_BEFORE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'&-]* $")
_LATIN_WORD_AFTER = re.compile(r" [A-Z0-9]")


def in_latin_name(text: str, start: int, end: int) -> bool:
    """Return True for a place written in Latin letters that is a word of a longer Latin name (X JAPAN,
    Miss Republic of Korea 2001) or is written onto the name's other words (さくらJAPAN): a country
    written so in Japanese text is a team's, a title's or a band's."""
    if not text[start:end].isascii():
        return False
    before = word_ending(text, start)
    glued = before is not None and before.pos[0] == "名詞" and not text[before.start : before.end].isspace()
    return glued or bool(_LATIN_WORD_BEFORE.search(text, 0, start)) or bool(_LATIN_WORD_AFTER.match(text, end))


# The marks that join the parts of a name written in katakana (ツール・ド・フランス, ジャン=リュック).
_KATAKANA_JOINERS = "・=＝"


def in_katakana_name(text: str, cand: Candidate, others: Sequence[Candidate]) -> bool:
    """Return True for a name in katakana joined by ・ or = to katakana that no other candidate reads as a
    name: a part of a longer katakana name (フランス of ツール・ド・フランス, ベルリン of ベルリン・フィル),
    not a name of its own. Names joined so to other names are a list or an address and stay (ソ連・東ドイツ,
    アメリカ・サンフランシスコ); a person's parts are joined by the model's spans (kg/resolve/model_spans.py)."""
    start, end = cand.start, cand.end
    if cand.type == "Person" or not is_katakana(text[start]) or not all(
            is_katakana(c) or c in _KATAKANA_JOINERS for c in text[start:end]):
        return False
    beside = []
    if start >= 2 and text[start - 1] in _KATAKANA_JOINERS and is_katakana(text[start - 2]):
        first = start - 1
        while first and (is_katakana(text[first - 1]) or text[first - 1] in _KATAKANA_JOINERS):
            first -= 1
        beside.append((first, start - 1))
    if end + 1 < len(text) and text[end] in _KATAKANA_JOINERS and is_katakana(text[end + 1]):
        last = end + 1
        while last < len(text) and (is_katakana(text[last]) or text[last] in _KATAKANA_JOINERS):
            last += 1
        beside.append((end + 1, last))
    return any(not any((o.start, o.end) != (start, end) and o.start < b and a < o.end for o in others)
               for a, b in beside)


_CONJUNCTIONS = frozenset({"and", "or", "und", "et", "y", "e"})


def in_latin_phrase(text: str, cand: Candidate) -> bool:
    """Return True for a Latin name that lowercase words joining a name's words (name_words.tsv, role
    joining: of, the, in, at, ...) tie to a capitalised word on either side: a piece of a longer Latin name
    or title (Digital Age of Saving Privacy in the Digital Age, WHO of Friends of WHO). A conjunction
    (and, or, et, y) lists names as often as it joins one (Apple and Google), and ties nothing."""
    surface = text[cand.start : cand.end]
    if not surface.isascii() or not surface[:1].isalnum():
        return False
    joining = "|".join(sorted(name_words("joining") - _CONJUNCTIONS, key=len, reverse=True))
    before = re.search(rf"[A-Z][A-Za-z0-9.'&-]*(?: (?:{joining}))+ $", text[max(0, cand.start - 60) : cand.start])
    after = re.match(rf"(?: (?:{joining}))+ [A-Z]", text[cand.end : cand.end + 60])
    return before is not None or after is not None


_CODE_GOES_ON = re.compile(r"[0-9]+(?:\.[0-9]+)?(?![0-9.%\u3400-\u9fff])|[-‐][A-Za-z0-9]")


def cut_from_code(text: str, cand: Candidate) -> bool:
    """Return True for a name in Latin letters or katakana that a model number or a code goes on from
    (ボーイング of ボーイング737, NHK of NHK-FM, Intel of Intel8080): a part of a product's or a longer name.
    A count or a rank is written with a kanji after its digits (ホンダ3台), and a rate with a percent sign
    (ベトナム46%): neither is a code."""
    last = nfkc(text[cand.end - 1]) if cand.end > cand.start else ""
    return bool(last) and (last.isascii() and last.isalpha() or is_katakana(last)) and bool(
        _CODE_GOES_ON.match(nfkc(text[cand.end : cand.end + 12])))


def with_trade_form(text: str, known: Sequence[Candidate]) -> list[Candidate]:
    """Return the known names with a company's legal form written right after one taken in (ソニー株式会社):
    株式会社 is part of a trade name (kg/data/legal_forms.txt), so the mention reads it, and the entity is
    still the company kg knows. A form with 法人 (…法人, 医療法人社団) names a kind of body and is written before a name."""
    forms = [f for f in legal_forms() if "法人" not in f and not f.isascii()]
    widened = []
    for cand in known:
        form = next((f for f in forms if text.startswith(f, cand.end)), "") if cand.trust and cand.type == "Organization" else ""
        widened.append(replace(cand, end=cand.end + len(form)) if form else cand)
    return widened


def in_facility(cand: Candidate, spans: Sequence[Span]) -> bool:
    """Return True for a place inside a longer span the model labels a facility (名古屋 of 名古屋瓦斯,
    北京 of 北京地下鉄): the place is a word of the facility's name, a thing kg keeps no node of, as a
    place in 東京ドーム is (kg/data/facility_labels.txt)."""
    labels = facility_labels()
    return cand.type in ("Country", "Region") and any(
        s.ene in labels and s.start <= cand.start and cand.end <= s.end and s.end - s.start > cand.end - cand.start
        for s in spans)


def opens_a_product(text: str, cand: Candidate, spans: Sequence[Span]) -> bool:
    """Return True for a body kg knows that opens a longer span the model labels a product, the rest of it katakana
    common words (ABCドライブ, ABCマップ): the company's service or app, no mention of the company. A thing the company
    makes, flies or sells under its name (ABCブランド, ABC機: name_words.tsv, role made) is a mention of it."""
    if cand.type != "Organization" or cand.trust != KNOWN:
        return False
    for span in spans:
        rest = text[cand.end : span.end]
        if span.ene.startswith("Product") and span.start == cand.start and rest and all(is_katakana(c) for c in rest):
            return nfkc(rest) not in name_words("made") and all(w.pos[:2] == ("名詞", "普通名詞") for w in words(rest))
    return False


# What follows a place's bare name when it names a power plant there: the plant's unit (…2号機) or its restart
# or decommissioning (…の再稼働), the place alone or the last of a list in と (…と…の再稼働).
_PLANT_AFTER = re.compile(r"(?:と[^\s、。と]{1,6}?)?(?:[0-9０-９]+号機|の(?:再稼働|廃炉))")


def names_a_plant(text: str, cand: Candidate) -> bool:
    """Return True for a place's bare name that names a power plant (…2号機, …の再稼働, …と…の再稼働): a
    facility, which kg keeps no node of, as it keeps none of …原発 (a place with 県 or 市 stays the place)."""
    name = text[cand.start : cand.end]
    return cand.type == "Region" and not name.endswith(("県", "府", "都", "道", "市", "町", "村")) \
        and _PLANT_AFTER.match(text, cand.end) is not None


# What ends a station's name or the spot before it (…駅, …駅前), and the dashes that join a line's two ends
# (…―…, the section between two stations).
_STATION_ENDS = ("駅", "駅前")
_SECTION_DASHES = "―—－〜～"


def names_a_station(text: str, cand: Candidate) -> bool:
    """Return True for a place that names a station or a line's section: a name ending in 駅 or 駅前 (…駅前 is the
    spot before the station), or a place kg does not know joined to another name by a dash (A―B, a section of a
    railway line between two stations), which the dictionary knows as places but are stations there; a facility,
    which kg keeps no node of. A place kg knows (a city) at a section's end stays the place."""
    if cand.type not in ("Country", "Region"):
        return False
    name = nfkc(text[cand.start : cand.end])
    if name.endswith(_STATION_ENDS):
        return True
    if cand.trust == KNOWN:
        return False
    before, after = text[cand.start - 1 : cand.start], text[cand.end : cand.end + 1]
    inside = any(d in text[cand.start + 1 : cand.end - 1] for d in _SECTION_DASHES)
    return inside or (bool(before) and before in _SECTION_DASHES and cand.start >= 2 and is_name_char(text[cand.start - 2])) or (
        bool(after) and after in _SECTION_DASHES and is_name_char(text[cand.end + 1 : cand.end + 2] or " "))


def opens_a_version(text: str, cand: Candidate) -> bool:
    """Return True for a country before 版 and a name (北浜国版ライドシェア, 日本版ABC): a country's version of a
    scheme or a body named after a foreign one, a name of its own that the country opens, no mention of it."""
    return cand.type == "Country" and text[cand.end : cand.end + 1] == "版" and is_name_char(text[cand.end + 1 : cand.end + 2] or " ")


def after_katakana_word(text: str, start: int) -> bool:
    """Return True when a katakana noun that names no place ends right at start: a place written so
    ends a longer name, of a team, a building or a firm (ガンバ大阪, ステーション札幌),
    not a place of its own. A place before it (アジア太平洋), a word after a place (ロンドンオリンピック日本代表:
    the place starts a name of its own) or a ・ between (ドイツ・ベルリン) is no such word. Latin letters
    written onto a place in kanji or katakana make it a word of a longer name too: a team's (C大阪) or a
    person's after a player's position (DF奈良竜樹); a digit (G7広島) or a space between does not."""
    if start and nfkc(text[start - 1]).isascii() and nfkc(text[start - 1]).isalpha() and (
            is_kanji(text[start]) or is_katakana(text[start])):
        return True
    if not start or not is_katakana(text[start - 1]):
        return False
    before = word_ending(text, start)
    word = text[before.start : before.end] if before is not None else ""
    if not (len(word) >= 2 and before.pos[0] == "名詞" and before.pos[2:3] != ("地名",)
            and all(is_katakana(c) for c in word) and not suffix_type(word)):
        return False
    first = word_ending(text, before.start)
    return first is None or first.pos[2:3] != ("地名",)


def _state_of(text: str, start: int, end: int, lexicon: Lexicon) -> list[Candidate]:
    """Return the country a known name of one of its organs starts with (米国 of 米国商務省), if any."""
    for cut in range(end - 1, start + 1, -1):
        name = lexicon.get(text[start:cut])
        if name is not None and name.type == "Country" and _ends_in_state_head(text[cut:end]):
            return [Candidate(start, cut, KNOWN, name.entity, name.type)]
    return []


def _country_letter_of(text: str, start: int, end: int) -> list[Candidate]:
    """Return the country whose one-character form opens a known body's name as a word of its own (仏 of
    仏航空安全局, a body the notes define in parentheses), as 米 of 米国務省: a country's letter before a body
    marks it as that country's. A letter inside a word (仏教会) is none, nor one of an abbreviation's letters
    (中 of 中賃審, each kanji a word of its own) or one before a single character (米軍)."""
    country = country_abbreviations().get(nfkc(text[start]))
    first, second = word_starting(text, start), word_starting(text, start + 1)
    if country is None or first is None or first.end != start + 1 or second is None or second.end - second.start < 2:
        return []
    return [Candidate(start, start + 1, KNOWN, country, "Country")]


def _not_its_own_word(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] is no word of its own: inside a longer proper noun (日本橋),
    the tail of a common word (日本 of 全日本, 米 of 全米), the head of a common word whose first unit
    is no proper noun (内閣 of 内閣総理大臣), a language (ドイツ語, 日本語), or a body's sitting after the prefix
    今 (今国会: this session, an event, as 臨時国会 is one word for a sitting)."""
    if _in_longer_proper_word(text, start, end):
        return True
    before = word_ending(text, start)
    if before is not None and before.pos[0] == "接頭辞" and text[before.start : start] == "今":
        return True
    for w in words(text):
        if w.start < start < w.end:
            return True
        if w.start == start and (text[w.start : w.end].endswith("語") and w.end > end or (w.end == end and text[end : end + 1] == "語")):
            return True
        if (w.start == start and w.end > end and not w.proper and not first_unit_is_proper(text[w.start : w.end])
                and text[end : w.end] not in name_words("member")):
            # a common word that starts with one (内閣 of 内閣総理大臣); 日本 of 日本人 is a name, so is 参議院 of 参議院議員
            return True
    return False


# What a title after a person's name may open with: a former holder's (前参議院議員, 元衆議院議員).
_FORMER_HOLDER = ("前", "元")


def _members_title(text: str, start: int, end: int) -> bool:
    """Return True for a body before a word for its members that a person's name or a word for a former holder
    stands right before (山田太郎参議院議員, 前参議院議員の山田氏): the title the person is written with, which
    names the person's seat, not an act of the body. A body before its members alone (参議院議員の定数) is named."""
    member = next((w for w in name_words("member") if text.startswith(w, end)), "")
    before = word_ending(text, start)
    return bool(member) and before is not None and (
        before.pos[2:3] == ("人名",) or text[before.start : start] in _FORMER_HOLDER)


def _in_longer_proper_word(text: str, start: int, end: int) -> bool:
    """Return True when a proper noun of Sudachi's crosses an edge of text[start:end].

    A common word that holds a name still names it (日本人, 日本製, 日本国内); a proper noun that
    holds it is another name (日本製紙, 日本橋, 東京都三鷹市).
    """
    return any(w.proper and w.start < end and start < w.end and (w.start < start or end < w.end) for w in words(text))


def _compound_at(norm: str, i: int, lexicon: Lexicon, text: str, starts: list[int]) -> list[tuple[int, int, Name]]:
    """Return the members of a country compound starting at norm[i] (empty if there is none).

    A compound starts with a one-character country form (日, 米, 英, ...) not preceded by a
    digit right before it (so 8日米国 is a date; a space between, as a dated headline's 2025-03-31 日中韓…, keeps
    the compound), and goes on with such forms or known countries and bodies,
    optionally joined by ・: 日米, 日中韓, 日米豪印, 日ASEAN, 日EU, 日インド. No member runs across two
    words: 米国|連邦 holds no 国連, so 米国連邦航空局 is no compound of 米 and 国連.
    """
    abbreviations = country_abbreviations()
    dated = i > 0 and norm[i - 1].isdigit() and starts[i] == starts[i - 1] + 1
    if norm[i] not in abbreviations or dated or (i > 0 and norm[i - 1] in abbreviations):
        return []
    members: list[tuple[int, int, Name]] = []
    j = i
    while j < len(norm):
        if _during(text, starts[j]):
            # 中 of 在米中 (while in the US): the suffix of a time, no China; the country before it is named
            return members if len(members) == 1 and not _in_proper_word(text, starts[i], starts[j - 1] + 1) else []
        if norm[j] in abbreviations and not _starts_known_word(norm, j, lexicon, text, starts):
            entity = abbreviations[norm[j]]
            members.append((j, j + 1, Name(entity, "Country", norm[j], False)))
            j += 1
            continue
        hit = lexicon.match_at(norm, j, text, starts) if members else None
        if hit is not None and hit[1].type in ("Country", "Organization") and j - i <= 4:
            members.append((j, hit[0], hit[1]))
            j = hit[0]
            continue
        break
    if len(members) < 2 or len({m[2].entity for m in members}) < len(members):
        return []
    if _is_ambiguous_pair(norm, i, j, members) or _in_proper_word(text, starts[i], starts[j - 1] + 1):
        return []
    if any(_splits_words(text, starts[s], starts[e - 1] + 1) for s, e, _ in members):
        return []
    return members


def _during(text: str, at: int) -> bool:
    """Return True when the text's word at ``at`` is 中 read as a suffix of time after a verbal noun that ends in a
    country's form (訪米中, 来日中: while visiting), no China: 米中 of two words (米中が接近) is one after all."""
    word = word_starting(text, at) if text[at : at + 1] == "中" else None
    before = word_ending(text, at)
    return (word is not None and word.end == at + 1 and word.pos[:3] == ("接尾辞", "名詞的", "副詞可能")
            and before is not None and at - before.start >= 2)


def _splits_words(text: str, start: int, end: int) -> bool:
    """Return True when a word of the text starts inside text[start:end] and runs past its end (連邦 of 国連 in
    米国|連邦); a known name of several words (…・テクノロジーズ after 米) holds its words whole."""
    return any(start < w.start < end < w.end for w in words(text))


def _in_proper_word(text: str, start: int, end: int) -> bool:
    """Return True when a proper noun longer than text[start:end], or one other than a place, covers
    it: 中日 of 中日ドラゴンズ, 日比 of 日比谷."""
    return any(w.proper and w.start <= start and end <= w.end and (w.pos[2] != "地名" or w.end - w.start > end - start)
               for w in words(text))


def _starts_known_word(norm: str, j: int, lexicon: Lexicon, text: str, starts: list[int]) -> bool:
    """Return True when a one-character form is really the start of a longer known name (中東), one that
    ends where a word of the text ends: 中共 is no name in 日中|共同声明."""
    hit = lexicon.match_at(norm, j, text, starts)
    if hit is None or hit[1].type in ("Country",) or hit[0] - j < 2 or norm[j + 1] in country_abbreviations():
        return False
    end = starts[hit[0] - 1] + 1
    return not any(w.start < end < w.end for w in words_over(text, starts[j], end))


def _is_ambiguous_pair(norm: str, start: int, end: int, members: list) -> bool:
    """Return True for two-character compounds that are ordinary words before hiragana (日中は)."""
    return len(members) == 2 and end - start == 2 and norm[start:end] == "日中" and (
        end >= len(norm) or is_hiragana(norm[end])
    )


def linked(block: Block, lexicon: Lexicon) -> list[Candidate]:
    """Return the text of wikilinks to an entity as mentions of it, where it stands ([[松本行弘|まつもとさん]])."""
    found = []
    for link in block.links:
        target = lexicon.get(link.target) if link.wiki else None
        shown = block.text[link.start : link.end]
        # [[漁業就労制度|漁業研修]] where the notes say 漁業研修制度 was replaced by it: the old thing, not this one
        if target is not None and lexicon.get(shown) is None and not lexicon.was_replaced(shown, target.entity):
            found.append(Candidate(link.start, link.end, KNOWN, target.entity, target.type))
    return found


def quoted(block: Block) -> list[Candidate]:
    """Return names in 「」, link text or bold text that end in a head noun (…協定, …機構, …会合)."""
    text = block.text
    regions = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]
    regions += [(_after_label(text, link.start, link.end), link.end) for link in block.links]
    regions += list(block.emphasis)  # **宇宙技術戦略**: a writer marks a name in bold as in quotes
    found = []
    for start, end in regions:
        if set(text[start:end]) & _STEPS or any(w in text[start:end] for w in _LIKE):
            continue  # a sequence of steps names nothing, not even its first step; a comparison names a kind
        cut = _head_cut(text, start, end)
        if _level_of_relations(text, start, end):
            continue  # 関係を「包括的戦略的パートナーシップ」に格上げ: how close two states are, no text of theirs
        if cut and _lists_things(text, start, cut):
            continue  # 特殊文字や禁止規則: things listed with や, no one thing's name
        if cut and cut < end and _weak_head(text[start:cut]) and _spoken_phrase(text, start, cut):
            continue  # 「届出の制度の信頼を…」: a phrase of a quoted sentence, no name
        if cut and suffix_type(text[start:cut]) == "Event" and (_says_which_meeting(text, start, cut)
                                                                 or _one_common_word(text, start, cut)):
            continue  # 北浜の会談, 5月の協議, 次回の協議, 初会合: a meeting told by when or where, or a kind
        if cut and not (_one_common_word(text, start, cut - head_length(text[start:cut])) and not _loanword_head(text[start:cut])) \
                and not _adjective_before_head(text, start, cut - head_length(text[start:cut])) \
                and not kind_of_body(text, start, cut) and not _rules_of_a_body(nfkc(text[start:cut]), 1):
            found.append(Candidate(start, cut, QUOTED, type=suffix_type(text[start:cut]), headed=True))
        elif not cut and text[end : end + 1] in "」』" and (type_ := _head_after_quote(text, start, end)):
            found.append(Candidate(start, end, QUOTED, type=type_, headed=True))
        elif not cut and _document_before_quote(text, start, end):
            found.append(Candidate(start, end, QUOTED, type="Agreement", headed=True))  # 共同声明「…」
        elif not cut and (head_end := _slogans_plan(text, start, end)):
            found.append(Candidate(start - 1, head_end, QUOTED, type="Plan", headed=True))  # 「…を守る」政策パッケージ
        elif not cut and (title_end := _cabinet_decision(text, start, end)):
            found.append(Candidate(start, title_end, QUOTED, type="Plan", headed=True))  # 「…改革の道筋」を閣議決定した
        elif not cut and text[start - 1 : start] == "「" and text[end : end + 1] == "」" and _ends_in_measure(text, start, end):
            # 「…に関する今後の対応」, 「…のための総合対策」: a government's measures named by their title
            found.append(Candidate(start, end, QUOTED, type="Plan", headed=True))
    return found


# A relation raised to a level: 関係を「…」に引き上げた, 関係を「…」へ格上げし.
_RAISED_TO = re.compile(r"」(?:に|へ)(?:引き上げ|格上げ|高め|発展させ)")


def _level_of_relations(text: str, start: int, end: int) -> bool:
    """Return True for a quoted partnership two states' relation is raised to (関係を「北浜パートナーシップ」に格上げ):
    the quote names the level of their relation, as diplomacy grades it, not a text they signed."""
    return text[max(0, start - 4) : start].endswith("関係を「") and bool(_RAISED_TO.match(text, end))


def _document_before_quote(text: str, start: int, end: int) -> bool:
    """Return True for a quoted title right after a word for a text states adopt (共同声明「北浜の精神」, 成果文書
    「…」): the quote is that text's own name, as a joint statement or declaration is titled so. After a text's
    own name (北浜首脳共同声明「…」) the quote is another name of that text, and a quoted sentence (a clause with を
    or が) or a quote with a quote inside is none."""
    if text[start - 1 : start] != "「" or text[end : end + 1] != "」" or set(text[start:end]) & _QUOTES:
        return False
    document = max((d for d in name_words("document") if text[: start - 1].endswith(d)), key=len, default="")
    opens = start - 1 - len(document)
    return bool(document) and not (opens and is_name_char(text[opens - 1])) and _balanced(text[start:end]) \
        and not _has_clause_particle(text, start, end)


def _says_which_meeting(text: str, start: int, cut: int) -> bool:
    """Return True for a meeting told by its place, its date or its turn before の (北浜の会談, 5月の協議, 次回の
    会合): the words describe which meeting it was, where its name would be a word of its own (北浜会談)."""
    inside = list(words_within(text, start, cut))
    at = next((i for i, w in enumerate(inside) if text[w.start : w.end] == "の" and w.pos[0] == "助詞"), 0)
    return at > 0 and all(w.pos[1] == "数詞" or w.pos[2] in ("地名", "副詞可能", "助数詞可能", "助数詞")
                          for w in inside[:at])


def _spoken_phrase(text: str, start: int, cut: int) -> bool:
    """Return True for common words joined by の before a weak head (制度, 政策) that open a longer quote: the
    phrase of a quoted sentence (「届出の制度の信頼を取り戻す」), where a name of its own is the whole quote or has
    a proper word or a title's clause in it."""
    inside = words_within(text, start, cut)
    return (any(text[w.start : w.end] == "の" and w.pos[0] == "助詞" for w in inside)
            and all(w.pos[:2] == ("名詞", "普通名詞") or text[w.start : w.end] == "の" for w in inside))


def _slogans_plan(text: str, start: int, end: int) -> int:
    """Return where a plan's head ends that a field word and a plan's head write right after a quoted slogan, with
    the plan's year after it or none (「浜を守る」政策パッケージ, 「世界一豊かな北浜」創造戦略2030), else 0: a slogan
    is a clause with its verb or a phrase that holds a proper name, and the head (a title's or a long one) titles
    the plan after it as after a title's clause. A quote of neither (「安い」旅行パッケージ) describes a product, and
    a longer compound after the head (…パッケージ推進会議) names another thing."""
    if text[start - 1 : start] != "「" or text[end : end + 1] != "」" or set(text[start:end]) & _QUOTES:
        return 0
    run = []
    for word in words_over(text, end + 1, end + 40):
        if word.start != (run[-1].end if run else end + 1) or word.pos[0] not in ("名詞", "接尾辞"):
            break
        run.append(word)
    if len(run) == 3 and run[-1].pos[1] == "数詞" and _YEAR_ONLY.fullmatch(nfkc(text[run[-1].start : run[-1].end])):
        year, run = run[-1], run[:-1]  # …創造戦略2022: the plan's year
    else:
        year = None
    head = nfkc(text[end + 1 : run[-1].end]) if len(run) == 2 else ""
    inside = words_within(text, start, end)
    slogan = any(w.pos[0] == "動詞" or w.proper for w in inside)
    if head and run[0].pos[0] == "名詞" and suffix_type(head) == "Plan" and slogan \
            and head.endswith(tuple(title_heads() | long_heads())):
        return (year or run[-1]).end
    return 0


# A year written alone: 2022.
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


# What the cabinet does to a policy document: 閣議決定 (and 閣議決定された before it).
_CABINET_DECISION = "閣議決定"


def _cabinet_decision(text: str, start: int, end: int) -> int:
    """Return where the title of a quote ends that the sentence says the cabinet decided (「…に向けた改革の道筋」を
    閣議決定した, 閣議決定された「…」), its short name in parentheses at its end left out, else 0: a cabinet decision is a
    policy document of its own, whatever head its title ends in. A title in a law's head is a bill, left to the
    law's rules, and one a clause's particle breaks is a quoted sentence."""
    if text[start - 1 : start] != "「" or text[end : end + 1] != "」":
        return 0
    after = re.match(r"」(?:（[^（）]{1,20}）)?(?:を|が|は)?" + _CABINET_DECISION, text[end:])
    if after is None and not text.endswith(_CABINET_DECISION + "された「", 0, start):
        return 0
    title_end = end - len(m.group()) if (m := re.search(r"（[^（）]{1,20}）$", text[start:end])) else end
    title = text[start:title_end]
    inside = list(words_within(text, start, title_end))
    if len(title) < 6 or suffix_type(title) == "Law" or nfkc(title).endswith("案") or not _balanced(title) \
            or not any(w.pos[0] == "動詞" for w in inside) or inside[-1].pos[0] != "名詞":
        return 0  # a bill (…法律案) is the law's; a title of nouns only has its head read by the other rules
    return title_end


def _ends_in_measure(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] ends in a word for what a government does about a matter (対応, 対策:
    name_words.tsv, role measure) after a title's clause, which more than one common word opens."""
    last = word_ending(text, end)
    if last is None or last.start < start or not nfkc(text[last.start : end]).endswith(tuple(name_words("measure"))):
        return False
    clauses = [(at, at + len(c)) for c in (*TITLE_CLAUSES, *_QUOTED_TITLE_CLAUSES, _PURPOSE)
               if 0 <= (at := text.find(c, start, last.start))]
    if not clauses:
        return False
    (clause, _), clause_end = min(clauses), max(e for _, e in clauses)
    # 「災害への対策」, 「子どもを守るための対策」: a kind of measure, asked for; a title qualifies its measure
    # (…に関する今後の対応, …のための総合対策)
    return (clause > start and not _one_common_word(text, start, clause)
            and (clause_end < last.start or nfkc(text[last.start : end]) not in name_words("measure")))


def _loanword_head(name: str) -> bool:
    """Return True for a name that ends in a head written in katakana (…ロードマップ, …イニシアティブ), its year
    after it or none (…ビジョン2100)."""
    stem = nfkc(name).rstrip("0123456789 ")
    return bool(stem) and all(is_katakana(c) for c in stem[len(stem) - head_length(stem):])


def _lists_things(text: str, start: int, end: int) -> bool:
    """Return True for a run that joins nouns with the particle や (AやB): a list of things, where a
    formal title joins its nouns with 及び or 並びに."""
    return any(w.pos[0] == "助詞" and text[w.start : w.end] == "や" for w in words_within(text, start, end))


def _after_label(text: str, start: int, end: int) -> int:
    """Return where link text starts after a source's label and its colon (外務省：第3回閣僚会合) or a dated note's
    date (2031-05-08 北浜合意), else start."""
    label = _LABEL.match(text, start, end) or _DATED_TITLE.match(text, start, end)
    return label.end() if label and label.end() < end else start


def _head_after_quote(text: str, start: int, end: int) -> str:
    """Return the type of a head noun written right after a quoted name (「北海の灯台」構想: a plan), or "".

    The head is a word of its own after the closing mark and ends the noun run; the quoted name is
    read as a name would be (no clause, no parenthesis left open, not opening with hiragana) and does
    not end in a word for an act (「…の建設」計画 says what is planned).
    """
    after = next((w for w in words_over(text, end + 1, end + 2) if w.start == end + 1), None)
    if after is None or after.pos[0] != "名詞" or is_hiragana(text[start]) or not _balanced(text[start:end]):
        return ""
    following = next((w for w in words_over(text, after.end, after.end + 1) if w.start == after.end), None)
    if following is not None and following.pos[0] in ("名詞", "接尾辞"):
        return ""  # the head starts a longer compound (「…」構想推進会議)
    last = next((w for w in words_over(text, end - 1, end) if w.end == end), None)
    if last is not None and last.pos[2] == "サ変可能":
        return ""  # an act planned (「…記念館の建設」計画), not a name
    head = nfkc(text[after.start : after.end])
    type_ = next((t for suffix, t in type_suffixes() if suffix == head), "")
    return type_ if type_ and not _has_clause_particle(text, start, end) and not set(text[start:end]) & _QUOTES else ""


def _has_clause_particle(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] holds a particle that ends a clause (を, が, は, ...): a quoted
    sentence, not a name. The が of 我が国 is a letter of a word, no particle, and the で of a title's
    …での… none either."""
    if not set(text[start:end]) & _CLAUSE_PARTICLES:
        return False  # most names hold none of those letters: no need to read their words
    # a formal title may set a noun before its clause with での or への (…分野での…の向上に向けた有識者会議):
    # with の after it the particle makes a modifier of the noun that follows, no clause
    titled = any(c in text[start:end] for c in TITLE_CLAUSES)
    if _whole_quoted_title(text, start, end):
        return False
    return any(w.pos[0] == "助詞" and text[w.start : w.end] in _CLAUSE_PARTICLES
               and not (titled and text.startswith("の", w.end)) for w in words_within(text, start, end))


def _weak_head(name: str) -> bool:
    """Return True when a name ends in a head that is no bare, named, long or title head (…制度, …政策, …機関)."""
    stem = nfkc(name).rstrip("0123456789 ")
    head = next((h for h, _ in type_suffixes() if stem.endswith(h) and len(stem) > len(h)), "")
    return bool(head) and head not in bare_heads() | long_heads() | title_heads()


def _whole_quoted_title(text: str, start: int, end: int) -> bool:
    """Return True for the whole of a quote that holds a title's clause (…に関する, …のための) and ends in the head
    after it: the quote says where the title starts, so the particles and verbs of what it is about make no
    clause of the sentence (「安全で信頼できる…の開発に関する大統領令」, 「…を…が受けられるようにするための…に関する法律」)."""
    return (text[start - 1 : start] in ("「", "『") and text[end : end + 1] in ("」", "』")
            and any(c in text[start:end] for c in TITLE_CLAUSES + _QUOTED_TITLE_CLAUSES))


def _has_clause_verb(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] holds a verb outside a title's clause (…に関する, …に向けた).

    Before a weak head (制度, 政策) such a verb makes a phrase that says something of the head
    (「若者にとって魅力ある制度」), where a law's or a plan's title may hold one (「…調和のとれた…に関する法律」)."""
    verbs = [w for w in words_within(text, start, end) if w.pos[0] == "動詞"]
    if not verbs or _whole_quoted_title(text, start, end):
        return False
    spans = [(m.start(), m.end()) for c in TITLE_CLAUSES for m in re.finditer(re.escape(c), text[start:end])]
    return any(not any(a <= w.start - start and w.end - start <= b for a, b in spans) for w in verbs)


def kind_of_body(text: str, start: int, end: int) -> bool:
    """Return True for common kanji words before a head of a kind of body (kind_heads: …機関, …国会): 「漁業支援機関」
    is a kind of body a law sets up, and 「次の通常国会」 a session of the one parliament, with の between common
    words; another head (…機構, …基金) or a word of another kind (a name, katakana) makes a name."""
    name = nfkc(text[start:end])
    head = next((h for h, t in type_suffixes() if name.endswith(h) and len(name) > len(h)), "")
    if head not in kind_heads():
        return False
    inside = [w for w in words_within(text, start, end) if not (w.pos[0] == "助詞" and text[w.start : w.end] == "の")]
    return bool(inside) and all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown and all(is_kanji(c) for c in text[w.start : w.end])
                                for w in inside)


def _balanced(name: str) -> bool:
    """Return True when every parenthesis a name opens it closes: 薬剤耐性（AMR）対策アクションプラン is a
    name, …の推移（白書 a caption cut inside its parenthesis."""
    return name.count("（") + name.count("(") == name.count("）") + name.count(")")


def _head_cut(text: str, start: int, end: int) -> int:
    """Return where a name inside text[start:end] ends at its last head noun (0 if none)."""
    while start < end and text[start] in " 　":
        start += 1
    for cut in range(end, start + 2, -1):
        after = text[cut] if cut < len(text) else ""
        if cut < end and not (is_hiragana(after) or after in "、。 　"):
            continue
        name = text[start:cut]
        if suffix_type(name) and not is_hiragana(name[0]) and not (set(name) & _QUOTES) and _balanced(name) \
                and (_AMENDING_TITLE.search(nfkc(name)) or not _has_clause_particle(text, start, cut)
                     and not _used_as_verb(text, cut) and not (_weak_head(name) and _has_clause_verb(text, start, cut))):
            return cut
    return 0


# The end of the title of a law that amends or repeals others (…法等の一部を改正する法律, …法を廃止する法律):
# the one title Japan gives a law that is a clause with its verb, so its を is no sign of a sentence.
_AMENDING_TITLE = re.compile(r"法(?:律)?等?(?:の一部)?を(?:改正|廃止)する(?:法律|政令|省令|条例)$")


def _with_okurigana(text: str, start: int, cut: int) -> int:
    """Return where a name that ends at ``cut`` in a head noun ends with the kana its word is written with
    (…協力枠組み, …取組み: the dictionary's one noun 枠組み, whose kanji alone are the head 枠組), else ``cut``."""
    word = next(iter(words_over(text, cut - 1, cut)), None)
    if word is None or word.end <= cut or word.pos[0] != "名詞" or not all(is_hiragana(c) for c in text[cut : word.end]):
        return cut
    if _GLOSS_THEN_CLAUSE.match(text, word.end):
        return cut  # …枠組み（…）に関する協力覚書: the words open a longer title, no name the kana should end
    return word.end if suffix_type(text[start : word.end]) == suffix_type(text[start:cut]) else cut


def _used_as_verb(text: str, cut: int) -> bool:
    """Return True when the head noun that ends at cut is a verb's stem there: 合意 of 「…相互に合意した条件で」
    names an act, not an agreement."""
    after = word_starting(text, cut)
    if after is None or after.pos[0] != "動詞":
        return False
    head = word_ending(text, cut)
    return head is not None and head.pos[2:3] == ("サ変可能",)


def headed(text: str, known: Sequence[Candidate]) -> list[Candidate]:
    """Return a country or body followed by a head noun: 日米首脳会談, 米国商務省, G7…大臣会合."""
    found = []
    for cand in known:
        # a gloss in parentheses between a name and its head (ABC（日中韓）首脳会議): the name runs on after it
        gloss = _GLOSS_INSIDE.match(text, cand.end)
        after = gloss.end() if gloss is not None and gloss.end() < len(text) and is_name_char(text[gloss.end()]) \
            and text[gloss.end()] != "・" and not nfkc(gloss.group()[1:-1]).isascii() else cand.end
        if cand.trust and cand.type not in ("Country", "Organization", "Region", "Agreement") \
                and not (cand.type == "Event" and _level_meeting(text, after)):
            continue  # an agreement's parties meet too (IPEF閣僚会合), and a series' ministers (XYZ閣僚会合)
        if after > cand.end:
            cut = _head_cut(text, after, _run_end(text, after)) if suffix_type(text[cand.start : cand.end]) != "Event" \
                or _level_meeting(text, after) else 0
            if cut:
                name = text[cand.start : cand.end] + text[after:cut]
                found.append(Candidate(cand.start, cut, HEADED, entity=match_key(name), type=suffix_type(name), headed=True))
            continue
        starts = {c.start for c in known}
        end, listed = cand.end, 0
        while end < len(text) and end - cand.end < 30 and (is_name_char(text[end]) or _inner_space(text, end)):
            if text[end] == "・" and end + 1 in starts:
                listed = listed or end  # a list of names (国連総会第二委員会・経済社会理事会), not one name...
            end += 1
        cut = _head_cut(text, cand.start, end) if end > cand.end else 0
        if listed and suffix_type(text[cand.start : cut]) != "Event":
            cut = _head_cut(text, cand.start, listed) if listed > cand.end else 0
            # ...unless the names meet under the head (IMF・世界銀行春季会合 is their joint meeting)
        cut = _with_okurigana(text, cand.start, cut) if cut else 0
        if cut > cand.end and _head_alone(text, cand.end, cut):
            continue  # a head alone after a ・ is one more item of a list (人権理事会・安保理・総会)
        place = cand.type in ("Country", "Region")
        if cut > cand.end and _rules_of_a_body(nfkc(text[cand.start : cut]), cand.end - cand.start if place else 0):
            continue  # …協会職員規程: a body's own rules, no treaty
        if not cand.trust and nfkc(text[cand.end : cut]) == "同盟":
            continue  # 日米同盟: the alliance of the countries a compound lists is a bond between them, no body
        if cut > cand.end and not (cand.type == "Country" and nfkc(text[cand.end : cut]) in legal_forms() + ("法人",)):
            # 日本法人 (a company's Japanese arm) is no name; it mentions Japan
            found.append(Candidate(cand.start, cut, HEADED, type=suffix_type(text[cand.start : cut]), headed=True))
    return found


# A short gloss in parentheses: the members a name stands for (（日中韓）); an acronym there (（EAS）) is the name's
# own other name, which the head after it takes (ABC（XYZ）首脳会議 is XYZ首脳会議 too).
_GLOSS_INSIDE = re.compile(r"（[^（）、。]{1,12}）")


def _run_end(text: str, start: int) -> int:
    """Return where the run of name characters that starts at text[start] ends."""
    end = start
    while end < len(text) and end - start < 30 and is_name_char(text[end]):
        end += 1
    return end


def _rules_of_a_body(name: str, start: int) -> bool:
    """Return True for a name that ends in a head for rules (規程) after a body's head from start on (日本…協会
    棋士規程; start 0 when the name opens with a known body): that body's own rules, no treaty. After a place
    alone the head names a treaty (ローマ規程)."""
    rule = next((w for w in name_words("rules") if name.endswith(w)), "")
    return bool(rule) and (start == 0 or any(
        suffix_type(name[:k]) == "Organization" for k in range(start, len(name) - len(rule) + 1)))


def _head_alone(text: str, start: int, end: int) -> bool:
    """Return True when what text[start:end] ends in after a ・ is a head noun and nothing more (・総会);
    a ・ between katakana joins the words of one name (コーンウォール・サミット)."""
    dot = text.rfind("・", start, end)
    if dot < 1 or dot + 1 >= end or (is_katakana(text[dot - 1]) and is_katakana(text[dot + 1])):
        return False
    return any(nfkc(text[dot + 1 : end]) == head for head, _ in type_suffixes())


# A ministry or agency, and the heads of the bureaus and agencies under one: 法務省の入国管理局, 経済産業省の資源エネルギー庁.
_MINISTRY_HEADS = ("省", "庁", "府")
_BUREAU_HEADS = ("局", "庁")
# The state's bodies whose units are named by their field: a ministry, an agency, an institute (…研究所の…部).
_STATE_BODY_HEADS = (*_MINISTRY_HEADS, "研究所")
# The one-kanji heads of a unit inside a state's body: a bureau (…局) or a department (…部).
_UNIT_HEADS = ("局", "部")


def bureaus(text: str, known: Sequence[Candidate], members: Sequence[Candidate] = ()) -> list[Candidate]:
    """Return the bureaus and departments of a known state body (入国管理局 of 法務省の入国管理局, 国際研修部 of
    …研究所の国際研修部, 警備部 of 北浜県警察警備部 whole) and of a country (国家測量局 of 北方国の国家測量局).

    After the body and の, the unit is a run of kanji nouns of four or more that ends in 局 or 庁, or one
    that ends in 局 or 部 written as a word of its own after a field (保護 局, 国際 研修 部): a ministry's or a
    state's part named so is a body of the state, while 当局 (…の税関当局), 事務局, 郵便局 and 幹部 are one word
    of the dictionary for any office, desk or rank. Right after the body, the unit is its name's last
    words (…庁警備部, …検察庁特別調査部), and the place that opens the body's name opens the unit's. A country's
    mission abroad is one of its bodies too (_missions), its countries known names or the members of a compound
    (日 and …国 of 在日…国大使館).
    """
    found = _missions(text, [*known, *members])
    for cand in known:
        body = cand.entity or nfkc(text[cand.start : cand.end])
        ministry = cand.type == "Organization" and text.endswith(_MINISTRY_HEADS, cand.start, cand.end)
        state_body = cand.type == "Organization" and body.endswith(_STATE_BODY_HEADS)
        if text.startswith("の", cand.end) and (state_body or cand.type == "Country"):
            run = _unit_run(text, cand.end + 1)
            if run and (_long_bureau(text, run) and (ministry or cand.type == "Country") or _field_unit(text, run)):
                found.append(Candidate(run[0].start, run[-1].end, HEADED, type="Organization", headed=True))
        elif ministry:
            run = _unit_run(text, cand.end)
            if run and _named_unit(text, run):
                found.append(Candidate(_place_opening(text, cand.start), run[-1].end, HEADED, type="Organization",
                                       headed=True))
    return found


# The heads of a country's mission in another: its embassy, consulates and permanent delegation.
_MISSIONS = ("大使館", "総領事館", "領事館", "代表部")
# What opens a mission's name: 在 and the country it is in.
_RESIDENT = "在"


def _missions(text: str, known: Sequence[Candidate]) -> list[Candidate]:
    """Return the missions named by 在, the country they are in, the country they are of and a mission's head
    (在北方国日本大使館, 在日北方国大使館: 日 is Japan's one-character form): one body, which the two
    countries' mentions are inside; 在日大使館, with no country of its own, is any embassy in Japan. A country and a
    head with no 在 before them (北方国大使館) name the body of
    the country before the head, which other rules read."""
    countries = {c.start: c.end for c in known if c.type == "Country"}
    found = []
    for word in words(text) if _RESIDENT in text else ():
        start = word.start
        # 在 is a prefix of its own (not 現在), or 在日 one word
        if not text.startswith(_RESIDENT, start) or word.end - start > 2 or word.pos[0] not in ("接頭辞", "名詞"):
            continue
        named = countries.get(start + 1) if word.end == start + 1 else None
        host = named or (start + 2 if word.end == start + 2 and text[start + 1] in country_abbreviations() else None)
        if host is None:
            continue
        end = countries.get(host, host)
        head = next((h for h in _MISSIONS if text.startswith(h, end)), "")
        # 在日大使館 with no country of its own: any embassy in Japan
        if head and (end > host or named):
            found.append(Candidate(start, end + len(head), HEADED, type="Organization", headed=True))
    return found


def _unit_run(text: str, start: int) -> list[Word]:
    """Return the run of nouns and suffixes from start on, or of kanji words a unit's name holds (特別 of
    特別調査部); empty when a unit's name cannot start there."""
    run: list[Word] = []
    for word in words_over(text, start, len(text)):
        kanji = all(is_kanji(c) for c in text[word.start : word.end])
        if word.start != (run[-1].end if run else start) or not (
                word.pos[0] in ("名詞", "接尾辞") or kanji and word.pos[0] == "形状詞"):
            break
        run.append(word)
    return run


def _long_bureau(text: str, run: Sequence[Word]) -> bool:
    """Return True for a run of four kanji or more ending in 局 or 庁, no 当局 and no number (通商政策局)."""
    name = text[run[0].start : run[-1].end]
    return (len(name) >= 4 and name.endswith(_BUREAU_HEADS) and not name.endswith("当局")
            and all(is_kanji(c) for c in name) and not any(w.pos[1] == "数詞" for w in run)
            and not name.endswith(_ANY_UNITS))


# A word for a body's bureaus and departments of any kind (内部部局, 地方支分部局): no one unit.
_ANY_UNITS = "部局"


def _field_unit(text: str, run: Sequence[Word], adjective: bool = False) -> bool:
    """Return True for kanji nouns of a field and a unit's head written as a word of its own (保護 局, 北米 局,
    国際 研修 部; after the body's name a kanji adjective too, 特別 捜査 部): the field names the unit, where one
    word of the dictionary (郵便局, 事務局, 幹部) is any office or rank."""
    last = run[-1]
    return len(run) >= 2 and text[last.start : last.end] in _UNIT_HEADS and all(
        all(is_kanji(c) for c in text[w.start : w.end]) and w.pos[1] != "数詞" and not w.person
        and (w.pos[0] == "名詞" or adjective and w.pos[0] == "形状詞") for w in run)


def _named_unit(text: str, run: Sequence[Word]) -> bool:
    """Return True for the kanji words right after a ministry's or agency's name that end in 局 or 部 and
    name a unit of it: the head as a word of its own after a field (…庁 特別 調査 部) or a word of three
    characters or more ending in it (警備部); 幹部 and 内部 say who or where, no unit."""
    last = nfkc(text[run[-1].start : run[-1].end])
    name = text[run[0].start : run[-1].end]
    return all(is_kanji(c) for c in name) and not any(w.pos[1] == "数詞" for w in run) and (
        _field_unit(text, run, adjective=True) or (len(run) == 1 and len(last) >= 3 and last.endswith(_UNIT_HEADS)))


def _place_opening(text: str, start: int) -> int:
    """Return where the name of a body that starts at start opens with the place it serves (仙台 地方 of
    仙台地方検察庁, 北浜 高等 of 北浜高等検察庁): a place of the dictionary and up to one kanji word after it."""
    before = []
    at = start
    while len(before) < 2 and (word := word_ending(text, at)) is not None and word.pos[0] == "名詞" \
            and all(is_kanji(c) for c in text[word.start : word.end]):
        before.append(word)
        if word.pos[2:3] == ("地名",):
            return word.start
        at = word.start
    return start


def is_gloss(text: str, start: int, end: int) -> bool:
    """Return True for a katakana loanword in parentheses right after the kanji common noun it glosses
    (リクルート of 人材の募集（リクルート）): the word the writer translates, not a name, though a company
    goes by it. The kanji word stands alone after a particle; a proper noun in parentheses
    (大手銀行（ゼノリカ）) or one after a run of nouns, which it abbreviates (四か国協力（クアッド）), stays."""
    if text[start - 1 : start] not in ("（", "(") or text[end : end + 1] not in ("）", ")"):
        return False
    inside = list(words_within(text, start, end))
    glossed = word_ending(text, start - 1)
    if glossed is None:
        return False
    before = word_ending(text, glossed.start)
    # a noun run before the parenthesis is a name it abbreviates (四か国協力（クアッド）): one word alone is glossed
    alone = before is None or before.pos[0] not in ("名詞", "接頭辞", "接尾辞")
    return (len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end)
            and inside[0].pos[:2] == ("名詞", "普通名詞") and all(is_katakana(c) for c in text[start:end])
            and glossed.pos[:2] == ("名詞", "普通名詞") and all(is_kanji(c) for c in text[glossed.start : glossed.end])
            and alone)


# What opens a name in parentheses as the former name of the word before them: X（旧Twitter）, メタ（旧フェイスブック）.
_FORMER = "旧"


def former_name_of_nothing(text: str, cand: Candidate, others: Sequence[Candidate]) -> bool:
    """Return True for a former name alone in parentheses (旧Twitter of X（旧Twitter）) after a word that
    no name found takes in: the parenthesis says what that word was called, and a word kg keeps no node of
    (an app, a product) was no entity under its old name either. After a name it is that thing's."""
    start = cand.start if text.startswith(_FORMER, cand.start) else cand.start - len(_FORMER)
    if not text.startswith(_FORMER, start) or text[start - 1 : start] not in ("（", "(") \
            or text[cand.end : cand.end + 1] not in ("）", ")"):
        return False
    opening = start - 1
    return opening > 0 and is_name_char(text[opening - 1]) and not any(o.end == opening for o in others)


# The words for every area of a level and の: a body after them is the one each area has (都道府県の…委員会), a kind.
_EVERY_AREA = ("都道府県の", "市町村の", "市区町村の")


def bare_headed(text: str) -> list[Candidate]:
    """Return plain-text runs that end in a proper head noun: 郵政管理・支援機構, …タスクフォース."""
    found = []
    heads = run_heads()
    start = 0
    while start < len(text):
        if not is_name_char(text[start]) or text[start] in "・-.":
            start += 1
            continue
        end = start
        while end < len(text) and (is_name_char(text[end]) or _inner_space(text, end)):
            end += 1
        start = _name_start_in_run(text, over_kana_nouns(text, start), end)
        dot = text.rfind("・", start, end)
        if dot > start and (suffix_type(text[start:dot]) or nfkc(text[start:dot]) in heads):
            # 調査委員会・事実調査団: bodies listed with ・, the first with its head, are no one name, nor are
            # heads alone (部会・分科会: kinds of body)
            start = dot + 1
        name_end = before_article(text, start, start + len(text[start:end].rstrip("・-. ")))
        name = text[start : before_time_words(text, start, name_end)]
        stem = nfkc(name).rstrip("0123456789 ")
        head = max((h for h in heads if stem.endswith(h) and len(stem) > len(h)), key=len, default="")
        modifier_end = start + len(stem) - len(head)
        session = _SESSION.match(name)
        # 第2次岸田内閣 is a cabinet, not a session: 次 numbers the sessions of meetings only (第144次IOC総会)
        if session and suffix_type(name) in ("Event", "Organization")[: 1 if session.group().endswith("次") else 2] \
                and (len(name) > session.end() + 2 or name[session.end() :] == _DIET):
            # 第12回半導体・デジタル産業戦略検討会議: a numbered session of a meeting or a body is one event
            found.append(Candidate(start, start + len(name), HEADED, type="Event", headed=True))
        elif _numbered_plan(name, head):
            # 第8次医療計画, 第4期…適正化計画: a plan of a series by its round or term, after one word too
            found.append(Candidate(start, start + len(name), HEADED, type="Plan", headed=True))
        elif _dated_plan(name) and text[start + len(name) : start + len(name) + 1] not in ("+", "＋"):
            # …アジェンダ2020+5 goes on past its year: a version of the plan, which the run cuts off
            found.append(Candidate(start, start + len(name), HEADED, type="Plan", headed=True))
        elif head in code_heads():
            if _code_name(nfkc(text[start:modifier_end])):
                found.append(Candidate(start, start + len(name), HEADED, type=suffix_type(name), headed=True))
        elif head in long_heads():
            if _kanji_words(text, start, modifier_end) >= 3:  # 地方所得倍増プラン, not 料金プラン or Proプラン
                found.append(Candidate(start, start + len(name), HEADED, type=suffix_type(name), headed=True))
        elif (len(stem.replace("・", "")) >= 4 and head and _names_with_head(text, start, modifier_end, head in named_heads())
              and not _one_common_word(text, start, start + len(stem))  # 運営事務局: one word of the dictionary's
              and not text[:start].endswith(_EVERY_AREA)):
            found.append(Candidate(start, start + len(name), HEADED, type=suffix_type(name), headed=True))
        start = end
    # 新しい…本部, 新しい…会議: the adjective a state names a new body with opens the body's name
    return [replace(c, start=with_new(text, c.start)) if c.type == "Organization" else c for c in found]


# The adjective a state names a new body or programme with (新しい資本主義…, 新しい地方経済…本部); 新たな and 新設の
# say that a body is new, and are no part of its name.
_NEW = "新しい"


def with_new(text: str, start: int) -> int:
    """Return where a body's name starts with the adjective 新しい written right before it (…には新しい…本部が
    置かれ): Japanese policy text says a body is new with 新たな, so 新しい in front is the name's own word."""
    at = start - len(_NEW)
    word = word_ending(text, start)
    return at if word is not None and text[at:start] == _NEW and word.start == at and word.pos[0] == "形容詞" else start


def _numbered_plan(name: str, head: str) -> bool:
    """Return True for a plan's head after a round or term number and one word or more (第8次…計画, 第4期
    …計画): Japanese policy text numbers the plans a law has the state or a prefecture renew (第5次…基本計画),
    so the number makes one plan of a common word. The number and the head alone (第9期計画) stand for one
    the text names in full, and a number after a word (…計画第2期) is a period of a plan."""
    number = _PLAN_ROUND.match(nfkc(name))
    return (number is not None and suffix_type(name) == "Plan"
            and len(nfkc(name).rstrip("0123456789 ")) > number.end() + len(head))


def _code_name(front: str) -> bool:
    """Return True for a code name of two characters or more in katakana or Latin letters (トモダチ, Overlord)."""
    return len(front) >= 2 and all(is_katakana(c) or c.isascii() and c.isalpha() for c in front.replace("・", ""))


def over_kana_nouns(text: str, start: int) -> int:
    """Return where a run of name characters starts once it takes in the nouns written in hiragana right
    before it, the ・ between them and the name characters before those (こども of こども家庭審議会, 子ども・子育て
    of 子ども・子育て支援法, 東京都こども of 東京都こども基本条例).

    Japanese writes some common nouns in kana (こども, 子育て, いじめ), and they are words of a name as kanji
    ones are; a particle (の, を), a word that works as an adverb (ため, ところ) or two kana alone (こと, もの)
    is no noun of a name, and ends the run."""
    while start > 0:
        dot = text[start - 1] == "・"
        word = word_ending(text, start - 1 if dot else start)
        if word is None or not kana_noun(text, word):
            return start
        start = word.start
        while start > 0 and is_name_char(text[start - 1]) and text[start - 1] != "・":
            start -= 1
    return start


def kana_noun(text: str, word: Word) -> bool:
    """Return True for a common noun written in hiragana, or in kanji and hiragana (こども, 子育て, いじめ): not
    one that works as an adverb (ため, ところ), nor two kana alone (こと, もの) unless ・ joins them to a field
    beside them (まち・ひと of まち・ひと・しごと…法)."""
    surface = text[word.start : word.end]
    kana = [c for c in surface if is_hiragana(c)]
    return ((word.pos[:2] == ("名詞", "普通名詞") and word.pos[2] != "副詞可能" and bool(kana)
             and all(is_hiragana(c) or is_kanji(c) or is_katakana(c) for c in surface)
             and (len(kana) < len(surface) or len(surface) >= 3)) or listed_kana_field(text, word))


def listed_kana_field(text: str, word: Word) -> bool:
    """Return True for a noun of two kana or more in hiragana that ・ joins to another such word (まち・ひと・しごと,
    the fields a name lists in kana): one so listed names a field, though alone the dictionary reads it as a
    common word of two kana or as a numeral (ひと, one)."""
    def hiragana_noun(w: Word | None) -> bool:
        surface = text[w.start : w.end] if w is not None else ""
        return (w is not None and len(surface) >= 2 and all(is_hiragana(c) for c in surface)
                and w.pos[0] == "名詞" and w.pos[2] != "副詞可能")

    if not hiragana_noun(word):
        return False
    before = word_ending(text, word.start - 1) if text[word.start - 1 : word.start] == "・" else None
    after = word_starting(text, word.end + 1) if text[word.end : word.end + 1] == "・" else None
    return hiragana_noun(before) or hiragana_noun(after)


# A plan's target year or period, written against its head: GX2040ビジョン, …国家戦略2023-2030.
_YEAR = r"(?:19|20)\d\d"
_YEAR_IN_NAME = re.compile(rf"(?<=[A-Za-z\u30a0-\u30ff\u4e00-\u9fff]){_YEAR}(?![\d])")
_PERIOD_AFTER = re.compile(rf"(?<=[\u30a0-\u30ff\u4e00-\u9fff]){_YEAR}(?:[-‐–~〜]{_YEAR})?$")


def _dated_plan(name: str) -> bool:
    """Return True for a plan's head with its year or period against it and a word before: GX2040ビジョン,
    生物多様性国家戦略2023-2030. A year makes one plan of a kind; a year alone before the head (2030ビジョン),
    or after one word and the head (料金プラン2024, a product's tier), names none."""
    name = nfkc(name)
    after = _PERIOD_AFTER.search(name)
    if after is not None:
        body = name[: after.start()]
        return suffix_type(body) == "Plan" and len(words(body[: len(body) - head_length(body)])) >= 2
    year = _YEAR_IN_NAME.search(name)
    return year is not None and any(t == "Plan" and name[year.end() :] == h for h, t in type_suffixes())


# The clause a formal name opens with: 海底ケーブルの保護に関する…協定, …の保全に関する条約.
_ABOUT = "に関する"
# Words inside the subject of such a clause besides nouns: …の保全及び…利用, …・…, …等.
_ABOUT_JOINERS = frozenset(("の", "及び", "並びに", "・", "等"))


# A convention a body numbers, written by its number alone: 第190号条約, 第29号条約.
_NUMBERED_CONVENTION = re.compile(r"第[0-9]+号条約")


def about_clauses(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """Return the agreements, laws and plans found after "…に関する" widened over that clause: a formal
    name opens with what it is about (海底ケーブルの保護に関する…協定, …の保全に関する条約).

    The clause is nouns joined by の, 及び, ・ and an adjective with な, opening a sentence, a phrase
    or a parenthesis; one a word before it modifies (この問題に関する…) is no part of a name, and a
    known name (パリ協定) keeps its own.
    """
    found = []
    for cand in cands:
        if cand.trust == KNOWN or cand.type not in ("Agreement", "Law", "Plan") or not text.startswith(_ABOUT, cand.start - len(_ABOUT)):
            continue
        if _NUMBERED_CONVENTION.fullmatch(nfkc(text[cand.start : cand.end])):
            continue  # …とハラスメントに関する第190号条約: the number names the convention, the clause says what it is on
        start = _about_start(text, cand.start - len(_ABOUT))
        if start is not None:
            found.append(Candidate(start, cand.end, HEADED, type=cand.type, headed=True))
    return found


def _about_start(text: str, end: int) -> int | None:
    """Return where the subject of a clause "…に関する" ending at end starts, or None when it is no
    run of nouns that opens a phrase."""
    window = max(0, end - 60)
    before = [w for w in words_over(text, window, end) if w.end <= end and w.start >= window]
    start = None
    while before:
        word = before[-1]
        surface = text[word.start : word.end]
        if (word.pos[0] in ("名詞", "接頭辞", "接尾辞") and word.pos[1] != "数詞") or (
                word.pos[0] == "形状詞" and (text[word.end : word.end + 1] == "な" or word.end == start)):
            start = word.start  # サイバー of サイバー犯罪: an adjective compounded with the noun after it
        elif start is None or not (surface in _ABOUT_JOINERS or surface == "な"):
            break
        before.pop()
    if start is None or not before:
        return start if window == 0 else None
    opener = before[-1]
    return start if opener.pos[0] in ("助詞", "補助記号") and text[opener.start : opener.end] != "の" else None


# What joins the nouns of a formal title (…の適正な実施及び…の保護に関する法律, …のための…対応策): the clauses
# 「に関する」「に係る」「のための」「に向けた」… are read as one word, so their particles end no name.
_TITLE_JOINERS = frozenset(("の", "及び", "並びに", "又は", "若しくは", "・", "等", "と", "かつ", "な"))
# The clauses that open a title in plain text; the others (…に基づく規則, …に対する措置) describe more often than they name.
_NAMING_CLAUSES = ("に関する", "に係る", "のための", "に向けた")
# "Against", which opens the Japanese name of a body translated from English (…に対するグローバル・アライアンス
# of Global Alliance Against …) before a katakana head; before other heads it describes (…に対する措置).
_AGAINST = "に対する"
# への joins two nouns of a title as の does (…経済構造への円滑な移行の推進に関する法律).
# The clauses a title opens with that say what a plan answers (…を受けた緊急対応パッケージ, …を踏まえた対応策): only a
# quote says where such a title starts, since in plain text they are as often the sentence's own verbs.
_QUOTED_TITLE_CLAUSES = ("を受けた", "を踏まえた")
# A verb's ための opens the title of a government's measures (「…を守るための総合対策」), where before the head of a
# body (「…を進めるための有識者会議」) the quote is as often a phrase.
_PURPOSE = "ための"
TITLE_CLAUSES = ("に関する", "に係る", "に係わる", "のための", "に向けた", "に基づく", "における", "に対する", "への",
                  "を図るための")
# A parenthesis or none, then a title's clause (…（TSCF）に関する, …のための).
_GLOSS_THEN_CLAUSE = re.compile(r"(?:[（(][^（）()]*[）)])?(?:" + "|".join(TITLE_CLAUSES) + ")")
# で with の after it sets a noun before a title's clause as a modifier (…分野での…の向上に向けた有識者会議), as
# quoted titles are read (_has_clause_particle): in plain text it joins the title's nouns too.
_MODIFIER_CLAUSES = (*TITLE_CLAUSES, "での")


def title_start(text: str, end: int, lexicon: Lexicon) -> int | None:
    """Return where a formal title ending at end starts, or None when no phrase's edge opens it.

    The title is nouns (an adjective with な among them) joined by _TITLE_JOINERS and TITLE_CLAUSES;
    a number is no word of it (1981年に…), and と after a name with a head or a known name lists two
    names rather than joining two nouns of one. It opens after a particle, a mark or a past relative
    clause (…が設置した…委員会), not after a word that modifies it (この…).
    """
    before = [w for w in words_over(text, max(0, end - 120), end) if w.end <= end]
    start = None
    while before:
        word = before[-1]
        surface = text[word.start : word.end]
        clause = next((c for c in _MODIFIER_CLAUSES if text.startswith(c, word.end - len(c)) and word.end - len(c) >= 0
                       and start is not None), "")
        if clause:
            while before and before[-1].start >= word.end - len(clause):
                before.pop()
            continue
        if (surface == "ある" and word.pos[0] == "動詞" and start == word.end and len(before) > 1
                and before[-2].end == word.start and before[-2].pos[:2] == ("名詞", "普通名詞")):
            before.pop()  # 責任ある…: a noun and ある qualify the title's nouns as an adjective with な does
            continue
        if (word.pos[0] in ("名詞", "接頭辞", "接尾辞") and word.pos[1] != "数詞") or (
                word.pos[0] == "形状詞" and (text[word.end : word.end + 1] == "な" or word.end == start
                                              or (start is not None and text[word.end : start] == "・"))):
            start = word.start  # 適正な実施, グローバル連合, グローバル・アライアンス: an adjective before a noun of the title
        elif start is not None and surface in _TITLE_JOINERS:
            if surface == "と":
                left = run_before(text, word.start)
                if suffix_type(left) or lexicon.get(left) is not None:
                    return None  # 入管法と…に関する法律: two names listed
        else:
            break
        before.pop()
    if start is None:
        return None
    opener = before[-1] if before else None
    if opener is None or (opener.pos[0] in ("助詞", "補助記号") and text[opener.start : opener.end] not in _TITLE_JOINERS):
        return start
    # a relative clause in the past before a title says what was done to the thing it names (設置した…委員会), and
    # one in とする who heads or makes it up (首相を議長とする…会議)
    past = opener.pos[0] == "助動詞" and text[opener.start : opener.end] == "た"
    composed = opener.pos[0] == "動詞" and text[opener.start : opener.end] == "する" and text.endswith("と", 0, opener.start)
    return start if past or composed else None


def run_before(text: str, end: int) -> str:
    """Return the run of name characters that ends at end."""
    start = end
    while start > 0 and is_name_char(text[start - 1]):
        start -= 1
    return text[start:end]


def formal_titles(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Return the formal titles written in plain text: nouns joined by の, 及び, ・ and a clause such as
    に関する, に係る, のための, に向けた, then a run of nouns that ends in a head noun (…の運用に関する基本方針,
    離島の人材の確保に向けたロードマップ, …のための総合的対応策, …の在り方に関する有識者会議, …のための…連合).

    Japanese policy text names its laws, plans and councils so, and a clause with what it is about
    before a head makes the name of one: the head run must end where the nouns end (…基本方針案 and
    …に関する議論, with no head, are none), the title must open a phrase (after a particle, a comma or at
    the start: この問題に関する… is modified, not named) and what it is about must be two nouns or more
    (外国人に関する方針 is a description; a subcommittee is named by its one topic, 港湾に関する小委員会), ten
    characters in all at least.
    """
    if not any(c in text for c in (*_NAMING_CLAUSES, _AGAINST)):
        return []
    found = []
    for clause in (*_NAMING_CLAUSES, _AGAINST):
        at = text.find(clause)
        while at >= 0:
            end = _head_run_end(text, at + len(clause))
            if end and _act_and_body_head(text, at + len(clause), end):
                end = 0  # …の改定に向けた作業部会: a working group, a kind of body the clause describes
            if clause == _AGAINST and not all(is_katakana(c) or c == "・" for c in text[at + len(clause) : end]):
                end = 0  # …に対する措置 describes; only a loanword body's name is translated so
            start = title_start(text, end, lexicon) if end else None
            if start is not None:
                start = _title_of_law_before(text, start, end)
            if start is not None and suffix_type(text[start:end]) == "Event":
                start = _after_venue(text, start)
            if start is not None and suffix_type(text[start:end]) != "Organization":
                start = _after_issuer(text, start, at, lexicon)
            if start is not None and _quoted_from(text, start) and start < at and end - start >= 10 and suffix_type(text[start:end]):
                subject = [w for w in words_within(text, start, at) if w.pos[0] in ("名詞", "形状詞")]
                # one proper noun is a subject of a body's name too (…に関する独立国際調査委員会), and one noun of
                # a translated name, whose head run opens with a loanword (…に関するグローバル・コンパクト)
                if len(subject) >= 2 or (len(subject) == 1 and subject[0].pos[1] == "固有名詞"
                                         and suffix_type(text[start:end]) == "Organization") or (
                        len(subject) == 1 and _translated_head_run(text, at + len(clause), end)) or (
                        len(subject) == 1 and nfkc(text[at + len(clause) : end]) in _TOPIC_HEADS):
                    found.append(Candidate(start, end, HEADED, type=suffix_type(text[start:end]), headed=True))
            at = text.find(clause, at + 1)
    # …に係る制度 of …に係る制度の運用に関する基本方針 is a part of the longer title, not one of its own
    return [c for c in found if not any(o.start <= c.start and c.end < o.end for o in found)]


# The heads of a section a committee sets up and names by its one topic (…に関する小委員会).
_TOPIC_HEADS = ("小委員会",)


def _title_of_law_before(text: str, start: int, end: int) -> int:
    """Return where a formal title starts that fills a parenthesis after a law's short name (…法（A、B等の…に関する
    法律）): the whole parenthesis is the law's title, its 、 joining the things it covers, where the title's
    phrase alone opens after the last 、 (B等の…に関する法律 is no law). Else start."""
    opening = text.rfind("（", 0, start)
    if (text[start - 1 : start] != "、" or opening < 0 or any(c in text[opening:start] for c in "）()")
            or text[end : end + 1] != "）" or suffix_type(run_before(text, opening)) != "Law"):
        return start
    return opening + 1


def _translated_head_run(text: str, start: int, end: int) -> bool:
    """Return True for a head run of two words or more that opens with a katakana word (グローバル・コンパクト,
    ハイレベル諮問機関): the name of an international instrument or body translated word for word, which
    names one thing after a clause of one noun, where a head alone (…に関するガイドライン) or kanji words
    (…に関する基本方針) describe."""
    inside = [w for w in words_within(text, start, end) if text[w.start : w.end] != "・"]
    return len(inside) >= 2 and all(is_katakana(c) for c in text[inside[0].start : inside[0].end])


def _act_and_body_head(text: str, start: int, end: int) -> bool:
    """Return True for a run of one word for an act and a body's head (作業部会, 調査団): a kind of body, as
    one act before 法 makes a kind of law (規制法); a title's clause before it describes what the body does."""
    inside = words_within(text, start, end)
    return (len(inside) == 2 and inside[0].pos[:3] == ("名詞", "普通名詞", "サ変可能")
            and suffix_type(text[start:end]) == "Organization")


def _after_venue(text: str, start: int) -> int:
    """Return where a meeting's title starts after the place and の that open it: パリの of
    パリの…のための首脳会議 says where the meeting was held, and is no word of its name."""
    first = word_starting(text, start)
    if first is not None and first.pos[2:3] == ("地名",) and text.startswith("の", first.end):
        return first.end + 1


def _after_issuer(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Return where a title starts after the body or state that issued it (国連の of 国連の…に関する指導原則):
    a known name and の before the title's clause say whose it is, and are no part of its name. A body's
    title is not cut so: a state names its own bodies by what they deal with, a country's acts among them
    (米国の関税措置に関する…対策本部)."""
    at = text.find("の", start, end)
    while at > start:
        known = lexicon.get(text[start:at])
        if known is not None and known.type in ("Organization", "Country"):
            return at + 1
        at = text.find("の", at + 1, end)
    return start


def _quoted_from(text: str, start: int) -> bool:
    """Return True unless start lies inside a quotation that opens before it: the quote says where
    that name starts (「漁業資源への緊急対応に関する閣僚宣言」)."""
    opening = max(text.rfind("「", 0, start), text.rfind("『", 0, start))
    return opening < 0 or opening == start - 1 or max(text.rfind("」", 0, start), text.rfind("』", 0, start)) > opening


def _head_run_end(text: str, start: int) -> int:
    """Return where the run of nouns after a title's clause ends, when it ends in a head noun (0 if not)."""
    end = start
    for word in words_over(text, start, min(len(text), start + 30)):
        if word.start < start:
            continue
        if word.start != end:
            break
        following = text[word.end : word.end + 1]
        if word.pos[0] in ("名詞", "接尾辞", "接頭辞") and word.pos[1] != "数詞" or (
                word.pos[0] == "形状詞" and following and is_name_char(following) and not is_hiragana(following)) or (
                text[word.start : word.end] == "・" and following and is_katakana(following) and end > start):
            end = word.end  # the ・ between a katakana name's words (グローバル・アライアンス) is inside the run
        else:
            break
    run = nfkc(text[start:end])
    head = next((h for h, _ in type_suffixes() if run.endswith(h)), "")
    return end if end > start and head in title_heads() else 0


def after_section_number(text: str, start: int, end: int) -> int:
    """Return where text[start:end] starts without the section number or date a space sets before it
    (2　食料・農業・農村基本法, ### 5.1 国際交流基金, # 2024-12-02 海洋保全条約、交渉が決裂)."""
    number = _SECTION_NUMBER.match(text, start, end)
    return number.end() if number else start


def _name_start_in_run(text: str, start: int, end: int) -> int:
    """Return where a name starts in a run: after the section number a space sets before it
    (2　食料・農業・農村基本法), after a qualifier (改正5G促進法 is the amended 5G促進法), after a noun
    that places it in time (当時 of 当時国際連盟事務局), as a compound's run starts, and after a country's
    one-character form before a katakana or Latin name (英…研究所), as news writes a foreign body."""
    start = after_section_number(text, start, end)
    first = next(iter(words_within(text, start, end)), None)
    if first is not None and first.start == start and first.end < end and (
            strips_qualifier(text[first.start : first.end], text[first.end : end]) or first.pos[2:3] == ("副詞可能",)):
        return first.end
    if first is not None and first.start == start and first.end < end and text[first.start : first.end] in country_abbreviations() \
            and (is_katakana(text[first.end]) or text[first.end].isascii() and text[first.end].isalpha()):
        return first.end  # 米…研究所: the country's one-character form says whose the foreign body is
    return start


def _names_with_head(text: str, start: int, end: int, named: bool) -> bool:
    """Return True when text[start:end] before a bare head makes a name with it: more than one common
    word (変換機構 and 小委員会 are kinds of things, 郵政管理・支援機構 is one), or for a named head any
    word but a prefix or a qualifier (宇宙基本法 is a law, 改正基本法 the amended one)."""
    inside = list(words_within(text, start, end))  # none when the name is one word (中小企業基盤整備機構)
    if inside and all(w.pos[0] == "接頭辞" or text[w.start : w.end] in name_words("qualifier") for w in inside):
        return False
    if inside and all(w.pos[1] == "数詞" for w in inside):
        return False  # 30大綱: a number before the head is a short name's era year, no name of its own
    return named or not _one_common_word(text, start, end)


# An acronym and its number, as a meeting series numbers its sessions: COP29, INC-5, URC2024, and a
# session resumed after a break, numbered after a point (QRS-5.2 goes on QRS-5). A number with a
# percent sign after it is a rate (EU20% of a list of tariff rates), not a session.
_NUMBERED = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,8})[-‐]?((?:19|20)\d\d|\d{1,3})(?:\.\d)?(?![0-9.A-Za-z%％])")


def numbered_meetings(text: str, lexicon: Lexicon, sentences: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Return the acronyms with a number that name one session of a meeting series (MEPC81, URC2024).

    The acronym is a body or a meeting kg knows, or its sentence says a meeting took place
    (name_words.tsv, role meeting: 開催, 開かれる, 会合, ...); a version of a format or a product
    (HTML5, PS5) has neither. One that runs on into the head of a plan or a body (GX2040ビジョン) is
    the first part of that name, its number a target year.
    """
    found = []
    for match in _NUMBERED.finditer(text):
        end = match.end()
        while end < len(text) and is_name_char(text[end]):
            end += 1
        if suffix_type(text[match.start() : end]) not in ("", "Event"):
            continue
        known = lexicon.get(match.group(1))
        sentence = next((text[s:e] for s, e in sentences if s <= match.start() < e), text)
        if ((known is not None and known.type in ("Event", "Organization")) or _known_session_near(match, lexicon)
                or any(w in sentence for w in name_words("meeting"))):
            found.append(Candidate(match.start(), match.end(), HEADED, type="Event", headed=True))
    return found


def _known_session_near(match: re.Match, lexicon: Lexicon) -> bool:
    """Return True when kg or the notes know another session of the same series, up to three numbers
    away (QRS81 when 第80回…（QRS80） named QRS80): the acronym numbers the sessions of one body."""
    acronym, number = match.group(1), int(match.group(2))
    for other in (n for n in range(number - 3, number + 4) if n > 0 and n != number):
        name = lexicon.get(f"{acronym}{other}") or lexicon.get(f"{acronym}-{other}")
        if name is not None and name.type in ("Event", "Organization"):
            return True
    return False


# A session written with its number and a word for a meeting only (第61回総会), which names no series.
_BARE_SESSION = re.compile(r"第\s*([0-9０-９]+)\s*回\s*(総会|会合|会議|大会|理事会)")


def continued_sessions(text: str, named: Sequence[Candidate]) -> list[Candidate]:
    """Return the bare sessions (第61回総会) that go on the series of a numbered session named before
    them in the block with the same head (IPCC第60回総会と、…で開かれた第61回総会): each is a session of
    that series, and its entity is named so (IPCC第61回総会); the text still reads 第61回総会.

    A bare session with no such session before it (第6回総会で決めた) names nothing.
    """
    if "第" not in text:
        return []
    found = []
    for match in _BARE_SESSION.finditer(text):
        start, end, head = match.start(), match.end(), match.group(2)
        if (start and is_name_char(text[start - 1])) or (end < len(text) and is_name_char(text[end])):
            continue  # a run the name goes on in (国連第61回総会, 第61回総会議長): no bare session
        before = [c for c in named if c.end <= start and c.type == "Event"]
        series = ""
        for cand in sorted(before, key=lambda c: c.end):
            session = re.fullmatch(rf"(.*[^\d\s])第\s*[0-9]+\s*回\s*{head}", nfkc(text[cand.start : cand.end]))
            series = session.group(1) if session else series
        if series:
            name = f"{series}第{int(nfkc(match.group(1)))}回{head}"
            found.append(Candidate(start, end, HEADED, entity=match_key(name), type="Event", headed=True))
    return found


# A protocol to a treaty, written after the treaty's name and の: …条約の選択議定書, …条約の追加議定書; and
# the texts that carry out a law or a plan, written after its name and の: …法の施行令, …原則の運用指針.
_PROTOCOLS = ("選択議定書", "追加議定書", "改正議定書", "議定書")
_SUBORDINATE_TEXTS = {
    "Agreement": tuple((p, "Agreement") for p in _PROTOCOLS),
    "Law": (("施行令", "Law"), ("施行規則", "Law"), ("運用指針", "Plan")),
    "Plan": (("運用指針", "Plan"), ("実施指針", "Plan"), ("運用基準", "Plan"), ("実施要領", "Plan")),
}


def protocols(text: str, named: Sequence[Candidate]) -> list[Candidate]:
    """Return a treaty's name, の and a protocol to it (…条約の選択議定書), or a law's or a plan's name, の and a
    text that carries it out (…法の施行令, …三原則の運用指針): the protocol or the text is one of its own,
    which Japanese names after its treaty, law or plan; the treaty alone is still named (…条約の締約国)."""
    found = []
    for cand in named:
        if cand.type not in _SUBORDINATE_TEXTS or not text.startswith("の", cand.end):
            continue
        head, type_ = next(((p, t) for p, t in _SUBORDINATE_TEXTS[cand.type] if text.startswith(p, cand.end + 1)), ("", ""))
        end = cand.end + 1 + len(head)
        if head and not (end < len(text) and is_name_char(text[end])):
            found.append(Candidate(cand.start, end, HEADED, type=type_, headed=True))
    return found


# A session of a body numbered with 会期 (第55会期), as the UN's councils and assemblies number theirs.
_TERM = re.compile(r"第\s*([0-9０-９]{1,3})\s*会期")


def sibling_sessions(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Return the numbered sessions (第56会期) whose neighbour the notes name (第55会期（HRC55）): a body's
    sessions are written alike, so the one before or after a session kg knows is a session too. A
    numbered session with no named neighbour (第3会期の予算) is left alone."""
    if "会期" not in text:
        return []
    found = []
    for match in _TERM.finditer(text):
        number = int(nfkc(match.group(1)))
        sibling = (lexicon.get(f"第{n}会期") for n in (number - 1, number + 1, number - 2, number + 2))
        if any(s is not None for s in sibling):
            found.append(Candidate(match.start(), match.end(), HEADED, type="Event", headed=True))
    return found


# A numbered resolution of a UN organ: 決議2728, 決議第1325号 (three or four digits: a year or a count is none).
_RESOLUTION = re.compile(r"決議\s*第?\s*([0-9０-９]{3,4})\s*号?(?![0-9０-９\u4e00-\u9fff])")


def numbered_resolutions(text: str) -> list[Candidate]:
    """Return the resolutions named by their number (決議2728, 安保理決議第1325号): each number is one
    instrument a body adopted, while 決議 alone or a draft (決議案) names none. Every way of writing the
    number is one entity, the organ written against it (安保理決議) part of the name."""
    if "決議" not in text:
        return []
    return [Candidate(m.start() - len(run_before(text, m.start())), m.end(), HEADED,
                      entity=match_key(f"決議{int(nfkc(m.group(1)))}"), type="Agreement", headed=True)
            for m in _RESOLUTION.finditer(text)]


# A deal named by how many parties made it: 3党合意, 三党合意, 2党間合意 (a number of countries, 2国間合意, is a kind).
_PARTY_DEAL = re.compile(r"(?<![0-9０-９.])([2-9２-９二三四五六七八九])党間?合意(?!案)")
_KANJI_DIGITS = str.maketrans("二三四五六七八九", "23456789")


def party_deals(text: str) -> list[Candidate]:
    """Return the deals named by the number of parties that made them (3党合意): Japanese politics names a deal of
    the parties of the day so, one deal each, the number written in digits or kanji; a draft (合意案) is none."""
    if "党" not in text:
        return []
    return [Candidate(m.start(), m.end(), HEADED, entity=match_key(nfkc(m.group()).translate(_KANJI_DIGITS)),
                      type="Agreement", headed=True) for m in _PARTY_DEAL.finditer(text)]


# Two countries' meeting of foreign and defence ministers, named by its format: 日米「2+2」, 日豪2+2.
_TWO_PLUS_TWO = re.compile(r"「?[2２]\s*[+＋]\s*[2２]」?(?![0-9０-９+＋])")


def is_two_plus_two(name: str) -> bool:
    """Return True for a meeting's name by its format after two countries' forms or more (日米「2+2」)."""
    return any(c.start == 0 and c.end == len(name) for c in two_plus_two(name))


def two_plus_two(text: str) -> list[Candidate]:
    """Return the meetings of two countries' foreign and defence ministers named by their format after the countries'
    one-character forms (日米「2+2」, 日豪2+2): each pair holds one series of them. The bare 2+2, or the format after
    another word (経済版「2+2」), names no one meeting."""
    if "2" not in nfkc(text):
        return []
    forms = country_abbreviations()
    found = []
    for m in _TWO_PLUS_TWO.finditer(text):
        if m.group().startswith("「") != m.group().endswith("」"):
            continue
        start = m.start()
        while start and text[start - 1] in forms:
            start -= 1
        if m.start() - start >= 2 and not (start and is_name_char(text[start - 1])):
            found.append(Candidate(start, m.end(), HEADED,
                                   type="Event", headed=True))
    return found


# Parties listed by their names without 党: 自民・公明, 立憲・共産・社民, and with 、 before a word for them all
# (北進、南進両党, 北進、南進、東進の3党), as news writes them.
_LISTED_SHORT = re.compile(r"[\u4e00-\u9fff]{2,4}(?:・[\u4e00-\u9fff]{2,4})+"
                           r"|[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+(?=の?(?:両|各|[2-9２-９二三四五])党)")


def listed_parties(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Return the parties a list names without their head 党 (自民 and 公明 of 自民・公明の与党, 自民、公明両党): each
    item with 党 after it is a party kg knows. Japanese lists parties so; one such word alone (公明な選挙) names none,
    nor does a list with 、 that no word for the parties ends (民主、自由の理念)."""
    if "・" not in text and "党" not in text:
        return []
    found = []
    for match in _LISTED_SHORT.finditer(text):
        if match.start() and is_name_char(text[match.start() - 1]):
            continue
        items, at = [], match.start()
        for item in re.split("[・、]", match.group()):
            known = lexicon.get(item + "党")
            items.append((at, at + len(item), known))
            at += len(item) + 1
        if all(known is not None and known.type == "Organization" for _, _, known in items):
            found += [Candidate(start, end, KNOWN, known.entity, known.type) for start, end, known in items]
    return found


# A party or group named by a phrase and の会 (都民ファーストの会, …維新の会): the phrase is nouns, no particle.
_OF_ASSOCIATION = re.compile(r"([\u30a1-\u30fa\u30fc\u4e00-\u9fff]{2,12})の会(?![\u30a0-\u30ff\u4e00-\u9fff])")
# What joins a name to a party listed beside it: 都民ファーストの会と自民党, 自民党や…の会.
_LIST_JOINERS = ("と", "や", "、", "・")


def named_associations(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Return the parties and groups named by a phrase and の会 (都民ファーストの会) that the text calls a party
    (a word for one and の before it: 地域政党の…の会; name_words.tsv, role party) or lists beside a party kg knows
    (…の会と自民党, 公明党や…の会). The phrase holds a katakana word or a proper noun: common words and の会 name
    a kind of group (被害者の会)."""
    if "の会" not in text:
        return []
    found = []
    for match in _OF_ASSOCIATION.finditer(text):
        start, end = match.start(1), match.end()
        inside = words_within(text, start, match.end(1))
        if not inside or inside[0].start != start or not any(
                w.proper or (w.end - w.start >= 3 and all(is_katakana(c) for c in text[w.start : w.end])) for w in inside):
            continue
        called = any(text.endswith(word + "の", 0, start) for word in name_words("party"))
        if called or _beside_party(text, start, end, lexicon):
            found.append(Candidate(start, end, HEADED, type="Organization", headed=True))
    return found


def _beside_party(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Return True when a party kg knows (a name ending in 党) is listed right after or right before text[start:end]."""
    def party(name: str) -> bool:
        known = lexicon.get(name)
        return known is not None and known.type == "Organization" and nfkc(name).endswith("党")

    after = text[end : end + 1]
    if after in _LIST_JOINERS:
        rest = end + 1
        while rest < len(text) and is_name_char(text[rest]):
            rest += 1
        if any(party(text[end + 1 : i]) for i in range(rest, end + 2, -1)):
            return True
    before = text[start - 1 : start]
    if before in _LIST_JOINERS and start > 1:
        first = start - 1
        while first > 0 and is_name_char(text[first - 1]):
            first -= 1
        return any(party(text[i : start - 1]) for i in range(first, start - 2))
    return False


# The constitution cited by its article with no state before it: 憲法21条, 憲法第9条 (米国憲法修正第1条 names its state).
_CONSTITUTION_ARTICLE = re.compile(r"憲法(?=第?\s*[0-9０-９一二三四五六七八九十百]+\s*条(?![件約例]))")


def constitution_articles(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Return the bare 憲法 cited by an article's number (憲法21条), as the constitution name_words.tsv names
    (role constitution): Japanese writes its own state's constitution so and any other state's with the
    state's name. A 憲法 cited by no article is left alone, as a figure of speech (海の憲法) uses the word too."""
    if "憲法" not in text:
        return []
    own = next((lexicon.get(w) for w in sorted(name_words("constitution"))), None)
    if own is None:
        return []
    return [Candidate(m.start(), m.end(), HEADED, entity=own.entity, type=own.type, headed=True)
            for m in _CONSTITUTION_ARTICLE.finditer(text)
            if not (m.start() and is_name_char(text[m.start() - 1]))]


# An election of a body is written as one word after its name: 衆院選, 参議院議員通常選挙, 衆議院議員総選挙.
_ELECTION = re.compile(r"(.{2,}?)(?:議員)?(総|通常|補欠)?選(?:挙)?")


def elections(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Return the words that name an election of a body kg knows (衆院選 of the house 衆院): events.

    The word is the body's name and 選 or 選挙, with 議員 and 総 or 通常 between; a body's other
    words (選手, 選考) and an election of an office (大統領選, a head of type_suffixes) are left alone.
    """
    if "選" not in text:
        return []
    return [Candidate(word.start, word.end, HEADED, type="Event", headed=True) for word in words(text)
            if election_of(text[word.start : word.end], lexicon)]


def election_of(name: str, lexicon: Lexicon) -> tuple[str, bool] | None:
    """Return the body a word names an election of (衆議院 of 衆院選 and of 衆議院議員総選挙) and whether it is a
    by-election (補欠選挙), else None. A bare 衆院選 or 参院選 is the body's regular election, 総選挙 or 通常選挙."""
    match = _ELECTION.fullmatch(nfkc(name))
    known = lexicon.get(match.group(1)) if match else None
    if known is None or known.type != "Organization":
        return None
    return known.entity, match.group(2) == "補欠"


def before_article(text: str, start: int, end: int) -> int:
    """Return where text[start:end] ends without the article of a law it cites (第16条 of 海洋基本法第16条,
    21条 of 憲法21条), or without its number when the span ends just before 条 (21 of 憲法21|条)."""
    article = _ARTICLE.search(text, start, min(len(text), end + 1))
    return article.start() if article is not None and article.end() in (end, end + 1) else end


def before_time_words(text: str, start: int, end: int) -> int:
    """Return where text[start:end] ends without the words after it that place a time around it
    (中 of 第一次世界大戦中, 時 of 震災時) or set it apart from the rest (以外 of EU以外)."""
    inside = list(words_within(text, start, end))
    while len(inside) >= 2 and inside[-1].end == end and any(
        text[inside[-1].start : end] in name_words(role) for role in ("time", "scope")  # each set built once
    ):
        inside.pop()
        end = inside[-1].end
    return end


def _kanji_words(text: str, start: int, end: int) -> int:
    """Return how many common nouns in kanji make up text[start:end], 0 when anything else is among them.

    A suffix in kanji after a noun (型 of 次世代型, 別 of 分野別) makes a compound noun of it, as one word would,
    and so does an adjectival noun in kanji compounded with nouns (重要 of 重要技術育成, 持続可能 of 持続可能開発).
    A common noun written in kana (こども of こども未来戦略方針) is a word of the name as a kanji one is, and so is a
    loanword in katakana among two kanji words or more (カーボン of 成長志向型カーボン…構想, デジタル of
    半導体・デジタル産業戦略, with a ・ joining its fields): loanwords alone (マーケティング戦略) name a kind."""
    inside = list(words_within(text, start, end))
    inside = [w for i, w in enumerate(inside) if not (0 < i < len(inside) - 1 and text[w.start : w.end] == "・")]
    nouns = [w for w in inside if w.pos[:2] == ("名詞", "普通名詞") or (w.pos[0] == "形状詞" and len(inside) > 1)
             or listed_kana_field(text, w)]
    suffixes = [w for w in inside[1:] if w.pos[0] == "接尾辞"]
    in_kanji = [w for w in inside if all(is_kanji(c) for c in text[w.start : w.end]) or kana_noun(text, w)]
    loanwords = [w for w in nouns if all(is_katakana(c) for c in text[w.start : w.end])]
    kanji = len(nouns) + len(suffixes) == len(inside) and len(in_kanji) + len(loanwords) == len(inside) and (
        not loanwords or len([w for w in in_kanji if w in nouns]) >= 2)
    return len(nouns) if kanji and inside and (inside[0].start, inside[-1].end) == (start, end) else 0


def _adjective_before_head(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] is adjectives only, the last with な (国際的な, 新たな, 野心的で実効的な,
    公正かつ透明な): 「国際的な枠組みに…」 describes a framework, it names none."""
    inside = list(words_within(text, start, end))
    if not inside or text[inside[-1].start : inside[-1].end] != "な":
        return False
    phrase: list = []
    for w in inside:
        if (w.pos[0] == "助動詞" and text[w.start : w.end] in ("な", "で")) or w.pos[0] == "接続詞":
            if not _is_adjective(phrase):
                return False
            phrase = []
        else:
            phrase.append(w)
    return True


def _is_adjective(phrase: Sequence) -> bool:
    """Return True for the words of one adjective: 透明, 国際的 (形状詞可能), or a noun and 的 (野心 的)."""
    if len(phrase) == 1:
        return phrase[0].pos[0] == "形状詞" or phrase[0].pos[2] == "形状詞可能"
    return len(phrase) == 2 and phrase[0].pos[0] == "名詞" and phrase[1].pos[:2] == ("接尾辞", "形状詞的")


def _one_common_word(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] is one common noun: 変換機構 is a common compound, not a name."""
    inside = list(words_within(text, start, end))
    return len(inside) == 1 and inside[0].pos[:2] == ("名詞", "普通名詞") and is_kanji(text[inside[0].start])


def outside_longer_names(
    text: str, known: list[Candidate], longer: list[Candidate]
) -> tuple[list[Candidate], list[Candidate], list[Candidate]]:
    """Return the known names not inside a longer name, the countries a longer name still mentions,
    and the longer names that are more than a known name with common words.

    A known name inside a longer name is part of it (東京 in 東京新聞社), not a mention of its own,
    but a country or body before a head that names one of its organs or acts (米国商務省, 英国政府,
    G7…大臣会合) is still mentioned. A model span that only adds common words or suffixes to a known name
    (中国本土, 地元栃木, マカオ間) is that name, written loosely: the known name stays and the span goes.
    """
    loose = {id(c) for k in known if k.trust for c in longer if _contains(c, k) and _adds_no_name(text, k, c)
             and not _foreign_organ(text, k, c, known) and not _arm_in_country(text, k, c, known)}
    known = [_typed_by_twin(_typed_by_head(text, _with_address(text, k, longer), [c for c in longer if id(c) in loose]), longer)
             for k in known]
    longer = [c for c in longer if id(c) not in loose]
    alone, kept = [], []
    for cand in known:
        around = [c for c in longer if _contains(c, cand)]
        if not around:
            alone.append(cand)
        elif not cand.trust:
            continue  # a compound inside a longer name (日中戦争): its members are mentioned, it blocks nothing
        elif cand.type in ("Country", "Organization") and any(_ends_in_state_head(text[cand.end : c.end]) for c in around):
            kept.append(cand)
    return alone, kept, longer


def _with_address(text: str, known: Candidate, longer: list[Candidate]) -> Candidate:
    """Return a known place widened over the places an address puts before it (兵庫県加古郡 of 播磨町).

    The mention then reads what the text says, 兵庫県加古郡播磨町, and names the place it ends in.
    """
    if known.type not in ("Country", "Region"):
        return known
    for cand in longer:
        if cand.trust == COMPOUND and cand.type == "Region" and cand.end == known.end and cand.start < known.start:
            before = list(words_within(text, cand.start, known.start))
            if before and all(w.pos[:3] == ("名詞", "固有名詞", "地名") for w in before):
                return replace(known, start=cand.start, names_from=known.start)
    return known


def _typed_by_head(text: str, known: Candidate, loose: list[Candidate]) -> Candidate:
    """Return a known name without a type typed by the head written after it (QRCP協定), else as it is."""
    if known.type:
        return known
    heads = [_own_head(known, text[known.end : c.end]) for c in loose if c.start == known.start and _contains(c, known)]
    return replace(known, type=next((h for h in heads if h), ""))


def _typed_by_twin(known: Candidate, longer: list[Candidate]) -> Candidate:
    """Return a known name without a type typed as another finder types the same words, else as it is.

    A name the notes define with no head (ヤンマー（YNM）) says nothing of its kind,
    but the dictionary's proper noun or the model's span over the same words does.
    """
    if known.type:
        return known
    twins = sorted((c for c in longer if (c.start, c.end) == (known.start, known.end) and c.type in ENTITY_TYPES), key=lambda c: c.trust)
    return replace(known, type=twins[0].type) if twins else known


def _contains(outer: Candidate, inner: Candidate) -> bool:
    """Return True when outer covers inner and more."""
    return outer.start <= inner.start and inner.end <= outer.end and outer.end - outer.start > inner.end - inner.start


def _level_meeting(text: str, at: int) -> bool:
    """Return True when a meeting head of a level (name_words.tsv, role level: 閣僚会合) starts at text[at]."""
    return any(nfkc(text[at : at + len(w)]) == w for w in name_words("level"))


def _own_head(known: Candidate, rest: str) -> str:
    """Return the type of rest when it is a head noun of the known name's type, or of any type when it has none.
    A meeting of a level after a meeting series (XYZ閣僚会合) is a meeting of its own."""
    if known.type == "Event" and nfkc(rest) in name_words("level"):
        return ""
    return next((t for head, t in type_suffixes() if head == nfkc(rest) and known.type in ("", t)), "")


def _adds_no_name(text: str, known: Candidate, span: Candidate) -> bool:
    """Return True when a longer candidate is a known name written loosely, not a longer name.

    That is the name followed by the head of its own type (RCEP協定), a run that only puts something before the known name's own head (ア 欧州連合 in a
    list), or a model span that adds suffixes, or common words to a place (中国本土, 地元栃木).
    """
    after = nfkc(text[known.end : span.end])
    head = _own_head(known, after) if span.start == known.start else ""
    if head:
        # QRCP協定 is the agreement QRCP; 国連事務局 is a body of the UN, and an agenda's action plan or
        # roadmap (XYZ行動計画) a plan that carries it out
        return after not in name_words("organ") and not (head == "Plan" and after in title_heads())
    if span.trust == COMPOUND and known.type not in ("Country", "Region"):
        return False  # a proper word before a known name makes another name (アンジェSCO, not SCO)
    if span.trust != NER:
        return span.end == known.end and not _one_of_series(text, known, span) and not _fields_before(text, span.start, known.start)
    rest = [w for w in words(text) if w.start < span.end and span.start < w.end
            and (w.end <= known.start or known.end <= w.start)]
    if any(w.proper for w in rest):
        return False
    if all(w.pos[0] == "接尾辞" for w in rest):
        return True
    if known.type in ("Country", "Organization") and len(rest) == 1 and rest[0].start == known.end \
            and rest[0].pos[2] == "サ変可能" and not suffix_type(text[rest[0].start : rest[0].end]):
        return True  # XX演説, XX加盟: a body or country and an act of it or toward it, no name
    places = ("Country", "Region")
    return known.type in places and span.type in places and not span.headed


# A noun in kanji or katakana and 版 before a name: the version of a plan or law for a group or a country (女性版,
# 日本版); an era year's edition (令和6年版) is written with digits and names a report.
VERSION_BEFORE = re.compile(r"(?<![0-9０-９\u30a0-\u30ff\u4e00-\u9fff])(?:[\u4e00-\u9fff]{1,4}|[\u30a1-\u30ff]{2,8})版$")


def _fields_before(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] lists fields joined by ・, common nouns or listed kana ones (まち・ひと・しごと
    before a known short name 創生本部): the fields make a longer name of their own, as a short name is the head
    of several (…創生本部 of two bodies), where a letter or a word before a known name writes it loosely."""
    inside = [w for w in words_within(text, start, end) if text[w.start : w.end] != "・"]
    return ("・" in text[start:end] and len(inside) >= 2
            and all(w.pos[:2] == ("名詞", "普通名詞") or listed_kana_field(text, w) for w in inside))


def _one_of_series(text: str, known: Candidate, span: Candidate) -> bool:
    """Return True when a span puts an edition's number before a known plan (第6次エネルギー基本計画), or a
    session's before a known meeting or assembly that ends in a meeting's head (第79回XX総会) or before the
    parliament (第301回国会): one plan of the series, revised every few years, or one session, held once, not the series written loosely. So does a
    version for a group before a known plan or law (女性版 of 女性版…の方針2024): a plan of its own."""
    number = text[span.start : known.start]
    if known.type in ("Plan", "Law") and VERSION_BEFORE.fullmatch(number):
        return True  # 女性版…の方針2031: a version for a group, a plan of its own beside the known one
    if not _SESSION.fullmatch(number):
        return False
    if number.endswith("次"):
        return known.type == "Plan"
    body = nfkc(text[known.start : known.end])
    return known.type in ("Event", "Organization") and (suffix_type(body) == "Event" or body == _DIET)


def _foreign_organ(text: str, known: Candidate, span: Candidate, found: Sequence[Candidate]) -> bool:
    """Return True when a span puts a country other than Japan before a known ministry or agency (XX国外務省):
    kg knows Japan's organs by their bare names, so with another country before it the organ is that
    country's, a body of its own."""
    return known.type == "Organization" and _ends_in_state_head(text[known.start : known.end]) and any(
        c.type == "Country" and c.entity != "日本" and (c.start, c.end) == (span.start, known.start) for c in found)


def _arm_in_country(text: str, known: Candidate, span: Candidate, found: Sequence[Candidate]) -> bool:
    """Return True for a longer name made of a known body and, last, a known country (ABC Japan, ABC日本): the
    body's arm in that country, a company or a section of its own, no loose writing of the country; or of katakana
    parts joined by ・ to the country (ゼノ・マリン・カナダ), a foreign company's name ending in one."""
    if known.type != "Country" or known.end != span.end or known.start <= span.start:
        return False
    joined = text[known.start - 1] == "・" and is_katakana(text[known.start - 2 : known.start - 1] or " ") \
        and is_katakana(text[known.start])
    return joined or any(o.start == span.start and o.end < known.start and o.type == "Organization" for o in found)


def _ends_in_state_head(rest: str) -> bool:
    """Return True when what follows a country name ends in a head naming an organ or act of a state."""
    rest = nfkc(rest).rstrip("0123456789 ")
    return any(rest.endswith(head) for head in state_heads())


def _inner_space(text: str, i: int) -> bool:
    """Return True for a space inside a name such as "ASEAN デジタルマスタープラン 2025"."""
    return text[i] in " 　" and 0 < i < len(text) - 1 and is_name_char(text[i + 1]) and is_name_char(text[i - 1])


def without_conflicts(candidates: list[Candidate]) -> list[Candidate]:
    """Return the candidates that survive, taking the most trusted and longest first."""
    accepted: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.trust or KNOWN, c.start, c.start - c.end)):
        if not any(_clashes(cand, other) for other in accepted):
            accepted.append(cand)
    return [c for c in accepted if c.trust]


def _clashes(cand: Candidate, other: Candidate) -> bool:
    """Return True when an accepted candidate rules a later one out.

    Nothing nests inside a known name or a compound; a span may contain others only when its
    head noun says what it is; spans that cross are never both kept.
    """
    if cand.end <= other.start or other.end <= cand.start:
        return False
    inside = other.start <= cand.start and cand.end <= other.end
    around = cand.start <= other.start and other.end <= cand.end
    if inside and around:
        return True
    if inside:
        # a model span inside a longer name is part of it (第5回日 in 「第5回日インド・サイバー協議」)
        return other.trust in (KNOWN, 0) or cand.end == other.end or cand.trust in (COMPOUND, NER)
    if around:
        if other.trust == HEADED and other.type == "Person":
            return True  # a name never runs over a person a title names (秋葉剛男国家安全保障局 of …局長)
        return not cand.headed or (other.trust == KNOWN and cand.end == other.end)
    return True
