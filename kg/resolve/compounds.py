"""Compound names: runs of nouns that end in a head word and that a proper word vouches for.

GiNZA often finds only the first part of a compound name, or nothing: イスラエル of イスラエル陸軍,
東京 of 東京国際マラソン, nothing of 桂川電力 or 紫尾山. Sudachi's words say where the compound runs
(nouns with no particle between them) and which of its words are proper nouns, so a run that ends
in a head word of kg/data/compound_heads.tsv and holds a proper noun, a word the dictionary lacks
or a capitalised Latin word before that head is one name, typed by its head. A run of common words
(地方選挙, 国際会議) names nothing in general and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from kg.records import Span
from kg.resolve.candidates import COMPOUND, Candidate, kana_noun, listed_kana_field, with_new
from kg.resolve.gazetteer import country_abbreviations, country_names
from kg.resolve.junk import has_markup
from kg.resolve.knowledge import (
    ene_types, head_length, legal_forms, name_words, read_tsv, strips_qualifier, suffix_type,
)
from kg.resolve.lexicon import Lexicon
from kg.resolve.words import Word, has_proper_part, short_units, word_ending, word_starting, words, words_within
from kg.text.chars import is_ascii_alnum, is_hiragana, is_kanji, is_katakana, is_name_char, nfkc
from kg.text.sentences import sentence_bounds

# The type of heads of things kg has no type for: their names block the names inside them.
OTHER = "Other"
_NOUNS = ("名詞", "接頭辞", "接尾辞")
# Joiners that stay inside a name between katakana or Latin words (ブリストル・アンド・エクセター鉄道);
# between other words they list names (三越・あさひ銀行).
_JOINERS = "・=＝&"
# a year and の right before a name: 1985年の…
_YEAR_OF = re.compile(r"[0-9０-９]{4}年の$")
# a year of an era after its name: 21年 of 平成21年度, 元年 of 令和元年
_ERA_YEAR = re.compile(r"(?:[0-9０-９]+|[一二三四五六七八九十]+|元)年")
# An acronym, all capitals (AFC, NTT): it may be a body's, where a common word in Latin letters (SaaS) is none.
_ACRONYM_WORD = re.compile(r"[A-Z0-9]{2,}")


@cache
def compound_heads() -> tuple[tuple[str, str], ...]:
    """Return (head, type) pairs of compound names, longest head first."""
    pairs = {nfkc(row[0]): row[1] for row in read_tsv("compound_heads.tsv") if len(row) >= 2}
    return tuple(sorted(pairs.items(), key=lambda p: -len(p[0])))


@cache
def proper_heads() -> frozenset[str]:
    """Return the heads after which a proper noun of common words is a name (党 of 民主党)."""
    return frozenset(nfkc(row[0]) for row in read_tsv("compound_heads.tsv") if len(row) > 2 and row[2] == "proper")


def _ends_in_proper_head(word: str) -> bool:
    """Return True when a word is longer than a proper_heads head it ends in."""
    return any(word.endswith(head) and len(word) > len(head) for head in proper_heads())


@cache
def heads_by_word() -> dict[str, str]:
    """Return head -> type of compound names, for looking one word up."""
    return dict(compound_heads())


def head_type(name: str) -> str:
    """Return the type of the head a name ends in ("" if none): 電力 of ベトナム・グリーン電力."""
    return _longest_head(nfkc(name), 1) or ""


@lru_cache(maxsize=65536)
def _longest_head(word: str, shortest: int) -> str | None:
    """Return the type of the longest head of at least ``shortest`` characters that the word ends
    in and is longer than; None when it ends in none. Heads are looked up by length, not scanned."""
    heads = heads_by_word()
    for length in _head_lengths():
        if shortest <= length < len(word) and (type_ := heads.get(word[-length:])) is not None:
            return type_
    return None


@cache
def _head_lengths() -> tuple[int, ...]:
    """Return the lengths of the compound heads, longest first."""
    return tuple(sorted({len(head) for head, _ in compound_heads()}, reverse=True))


# The suffix of an area named by what is around it or what it does (北浜交通圏, 通勤圏).
_AREA = "圏"


def compound_names(text: str) -> list[Candidate]:
    """Return the compound names of a text (type OTHER for those kg keeps no node of)."""
    found = []
    runs = _noun_runs(text)
    for i, run in enumerate(runs):
        if i in _sites_by_run(text):
            continue  # a body's site: owned_sites reads the body and the site apart
        run = _after_full_name(run)
        if len(run) >= 3 and text[run[-1].start : run[-1].end] == _AREA:
            # 北浜交通圏: an area a place and a trade name, no node, and neither the place nor a body of the
            # words before 圏 is a mention (首都圏 and ドル圏, of fewer words, are places kg knows or reads)
            found.append(Candidate(run[0].start, run[-1].end, COMPOUND, type=OTHER))
            continue
        cand = _named_run(text, run)
        if cand is not None and not _opens_inside_latin(text, cand.start):
            found.append(_with_listed_places(text, cand, runs[:i]))
        elif cand is None:
            found.extend(_other_words(text, run))
    return found


def _after_full_name(run: Sequence[Word]) -> Sequence[Word]:
    """Return a run without the surname and given name it opens with when words follow them: a person's full
    name before the body of the title after it (北浜一郎北海大学教授) is no part of the body's name. A surname
    alone before a name (北浜銀行, 豊田通商) may be a founder's, and stays."""
    if len(run) > 2 and run[0].pos[2:4] == ("人名", "姓") and run[1].pos[2:4] == ("人名", "名"):
        return run[2:]
    return run


def owned_sites(text: str) -> list[tuple[Candidate, Candidate]]:
    """Return the sites of a text that a body runs, each as the body's name and the site's (三井物産大阪支店:
    三井物産, an organisation, and 大阪支店, a thing kg keeps no node of)."""
    return list(_sites_by_run(text).values())


@lru_cache(maxsize=64)
def _sites_by_run(text: str) -> dict[int, tuple[Candidate, Candidate]]:
    """Return the body and site of each run of the text that names a site, by the run's place among the runs
    (read once for compound_names, which leaves those runs, and for owned_sites)."""
    return {i: owned for i, run in enumerate(_noun_runs(text))
            if (owned := _owned_site(text, _after_full_name(run))) is not None}


def _owned_site(text: str, run: Sequence[Word]) -> tuple[Candidate, Candidate] | None:
    """Return a body's name and its site for a run that names a site or branch by the body, a place and a
    site's head (name_words.tsv, role site: 東洋製紙苫小牧工場, 北浜電力西町発電所, 大和銀行梅田支店).

    The body is one proper noun that names no place, or a compound with a body's head before the place;
    a place alone before the head (釧路工場) or a name without a place (東洋工場) is left to the head rules."""
    if len(run) < 3 or not nfkc(text[run[-1].start : run[-1].end]).endswith(tuple(name_words("site"))):
        return None
    place = next((i for i in range(1, len(run) - 1) if run[i].pos[2] == "地名"), None)
    if place is None:
        return None
    owner = run[place - 1]
    body = _named_run(text, run[:place])
    if body is not None and body.type == "Organization" and body.end == owner.end:
        start = body.start
    elif owner.proper and owner.pos[2] != "地名" and place == 1:
        start = owner.start
    else:
        return None
    return (Candidate(start, owner.end, COMPOUND, type="Organization"),
            Candidate(run[place].start, run[-1].end, COMPOUND, type=OTHER, headed=True))


def _other_words(text: str, run: Sequence[Word]) -> list[Candidate]:
    """Return the proper nouns the dictionary holds as one word that end in a kanji head of a thing kg keeps
    no node of (能登空港, 成田空港): a facility, as the same name in two words is (compound_heads.tsv, Other).
    A katakana ending is read as no head (ルイビル, a city, ends in ビル)."""
    found = []
    for word in run:
        surface = nfkc(text[word.start : word.end])
        if word.proper and is_kanji(surface[-1]) and _longest_head(surface, 2) == OTHER:
            found.append(Candidate(word.start, word.end, COMPOUND, type=OTHER, headed=True))
    return found


def _opens_inside_latin(text: str, start: int) -> bool:
    """Return True when a run starts inside a Latin word or a hyphenated name, where Sudachi split it
    (Di社 of 3Di社, 18選手権 of U-18選手権): the name starts before the run, so the run is no name."""
    first, before = nfkc(text[start : start + 1]), nfkc(text[start - 1 : start])
    return start > 0 and is_ascii_alnum(first) and (is_ascii_alnum(before) or before in ("-", "‐"))


def described_companies(text: str) -> list[Candidate]:
    """Return the katakana or Latin names that a word for a company (name_words.tsv, role company:
    大手, 企業, 会社) or a country's one-character form sets before them: 仏ヴァンシ・エアポート,
    米MGMリゾーツ・インターナショナル, 設計大手アーム（Arm）.

    The name's first word is one the dictionary lacks or knows as a proper noun of no narrower kind,
    or a common word the text glosses with a Latin name in parentheses; a common word alone
    (大手スーパー, 企業イメージ, 米ドル) names no company.
    """
    found = words(text)
    companies = tuple(name_words("company"))
    candidates = []
    for before, word in zip(found, found[1:]):
        described = text[before.start : before.end]
        if before.end != word.start or not _foreign(text, word):
            continue
        if nfkc(described) in legal_forms():
            continue  # 株式会社ナムコ: the legal form is part of the name
        if not ((described.endswith(companies) and len(described) > 1) or (len(described) == 1 and described in country_abbreviations())):
            continue
        end = _foreign_run_end(text, found, word)
        glossed = re.match(r"[（(][A-Za-z][A-Za-z0-9 .&-]*[）)]", text[end:])
        if word.unknown or word.pos[:3] == ("名詞", "固有名詞", "一般") or glossed:
            candidates.append(Candidate(word.start, end, COMPOUND, type="Organization"))
    return (candidates + _listed_companies(text, found, companies) + _parents_listed(text, found, companies)
            + _joined_after_trade(text, found, companies))


# A trade and 大手 before の set a company's name apart (鉄鋼大手のアルファ); a body's name and の (…銀行の) say whose
# thing follows.
_MAJOR_OF = "大手の"


def described_as_company(text: str, start: int, end: int) -> bool:
    """Return True for a katakana name after 大手の (鉄鋼大手のアルファ): the text says the name is a company's,
    though the dictionary holds it as a common word. Only the model's company is read so: 大手のメーカー names
    a kind of firm, and 銀行のアプリ a bank's thing."""
    return all(is_katakana(c) for c in nfkc(text[start:end])) and text[:start].endswith(_MAJOR_OF)


# What joins the parts of a foreign company's name: ・ between katakana words, . after Latin initials (A.B.C.…).
_NAME_JOINERS = ("・", ".")


def _joined_after_trade(text: str, found: Sequence[Word], companies: tuple[str, ...]) -> list[Candidate]:
    """Return the katakana or Latin names of two parts or more joined by ・ or initials' dots (…・…, A.B.…) that a
    trade and a word for a company set before them, with or without の: 玩具会社ルミナ・ワークス, 投資銀行ベル・
    ハーパー, 食品輸入会社のA.B.ノード. The parts may be common loanwords or a surname; the trade says it is a firm.
    A company word alone before の (会社のリスク・マネジメント) may be followed by anything the firm has; a name of
    people's names only, one a title follows (…銀行のアン・ベル総裁) or one after の with a person's name in it is a
    person's, and one ending in a post (…・プレジデント: name_words.tsv, role chair) is the post."""
    candidates = []
    by_start = {w.start: w for w in found}
    for i, trade in enumerate(found[1:], 1):
        described = text[trade.start : trade.end]
        if not (described.endswith(companies) and len(described) > 1 and found[i - 1].end == trade.start
                and found[i - 1].pos[0] == "名詞" and not found[i - 1].pos[1] == "数詞"):
            continue
        start = trade.end + (text.startswith("の", trade.end) and found[i - 1].pos[1] != "固有名詞")
        end, parts = start, []
        while (word := by_start.get(end)) is not None:
            surface = text[word.start : word.end]
            if word.pos[0] == "名詞" and all(is_katakana(c) or is_ascii_alnum(c) for c in surface):
                parts.append(word)
            elif not (surface in _NAME_JOINERS and parts and by_start.get(word.end) is not None
                      and is_katakana(text[word.end]) or surface == "." and is_ascii_alnum(text[word.start - 1])):
                break
            end = word.end
        end = end - (text[end - 1 : end] == "・")
        joined = any(c in text[start:end] for c in _NAME_JOINERS)
        titled = (after := by_start.get(end)) is not None and nfkc(text[after.start : after.end]) in _titles() | {"氏", "さん"}
        # after の the firm's people are written too (…会社のアン・ベル): there no part may be a person's name
        people = [w.person for w in parts]
        post = bool(parts) and nfkc(text[parts[-1].start : parts[-1].end]) in name_words("chair")  # …・プレジデント
        if len(parts) >= 2 and joined and not (titled or post) and not (all(people) or start > trade.end and any(people)):
            candidates.append(Candidate(start, end, COMPOUND, type="Organization"))
    return candidates


# A katakana name of two parts or more joined by ・ and 製 after it: the maker (…・…製 of a foreign company).
_MADE_BY = re.compile(r"(?<![ァ-ヺー・])([ァ-ヺー]+(?:・[ァ-ヺー]+)+)製")


def makers(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Return the katakana names joined by ・ that 製 follows (…・…・カナダ製): the company that made the thing, a
    foreign maker as Japanese writes it, though its last part is a country's name. A place kg knows so written
    (a country of two words) is where the thing was made."""
    found = []
    for match in _MADE_BY.finditer(text):
        known = lexicon.get(match.group(1))
        if known is None or known.type not in ("Country", "Region"):
            found.append(Candidate(match.start(1), match.end(1), COMPOUND, type="Organization", headed=True))
    return found


def country_forces(text: str) -> list[Candidate]:
    """Return a country's one-character form or name with a word for an armed force or one of its services
    right after it (name_words.tsv, role force): 米海軍, 英空軍, 露陸軍, 米海兵隊, チリ軍 are organisations,
    and so is one word of the dictionary made of both (a country's name and 軍).

    The form is a word of its own (not 米 of 日米, nor 米軍事専門家, where 軍事 is no force).
    """
    forces = name_words("force")
    countries = set(country_abbreviations()) | country_names()
    found = words(text)
    pairs = [Candidate(before.start, word.end, COMPOUND, type="Organization")
             for before, word in zip(found, found[1:])
             if before.end == word.start and nfkc(text[before.start : before.end]) in countries
             and nfkc(text[word.start : word.end]) in forces]
    return pairs + [Candidate(word.start, word.end, COMPOUND, type="Organization") for word in found
                    if _country_and_force(nfkc(text[word.start : word.end]), forces)]


def _country_and_force(word: str, forces: frozenset[str]) -> bool:
    """Return True for one word made of a country's name of two characters or more and a word for a force (韓国軍)."""
    return any(word.endswith(force) and len(word) - len(force) >= 2 and word[: -len(force)] in country_names()
               for force in forces)


# A short name in 「」: a ship's, after a word for a warship.
_SHIP_NAME = re.compile(r"「[^「」]{1,20}」")


def named_vessels(text: str) -> list[Candidate]:
    """Return a word for a warship with the ship's name in 「」 right after it (name_words.tsv, role vessel:
    空母「蒼龍」, 護衛艦「あさひ」): a ship is none of kg's types, and a place or person its name
    recalls (a province, a river) is no mention there. Without the word (「蒼龍」) nothing is read."""
    vessels = tuple(name_words("vessel"))
    found = []
    for match in _SHIP_NAME.finditer(text):
        before = text[: match.start()]
        if before.endswith(vessels):
            word = next(v for v in vessels if before.endswith(v))
            found.append(Candidate(match.start() - len(word), match.end(), COMPOUND, type=OTHER))
    return found


# A name in 「」 after a word for an exercise: kanji, katakana, Latin letters and digits, joined by ・ or - (聯合利剣-2024A).
_EXERCISE_NAME = re.compile(r"「([\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9０-９Ａ-Ｚａ-ｚ・\-－ ]{2,40})」")


def named_exercises(text: str) -> list[Candidate]:
    """Return the names that a word for a military exercise (name_words.tsv, role exercise: 演習, 訓練)
    sets right before them, in 「」 or as a katakana or Latin run: 共同訓練「ブルー・ウェーブ」,
    大規模演習「東風-2030B」, 合同演習サザン・クロス. Each is an event.

    A quoted run with hiragana is a slogan or a phrase, not a name (訓練「まずは逃げる」), and a common
    katakana word alone names no exercise (演習エリア).
    """
    exercises = tuple(name_words("exercise"))
    found = words(text)
    candidates = []
    for before, word in zip(found, found[1:]):
        if before.end != word.start or not text[before.start : before.end].endswith(exercises):
            continue
        quoted = _EXERCISE_NAME.match(text, word.start)
        if quoted:
            candidates.append(Candidate(quoted.start(1), quoted.end(1), COMPOUND, type="Event"))
        elif _foreign(text, word):
            end = _foreign_run_end(text, found, word)
            if word.unknown or word.pos[:3] == ("名詞", "固有名詞", "一般") or set(text[word.end : end]) & set(_JOINERS):
                candidates.append(Candidate(word.start, end, COMPOUND, type="Event"))
    return candidates


# What joins the names of a list: コンビニ大手のローソンやファミリーマート.
_LIST_JOINERS = ("や", "、", "と", "・")


def _listed_companies(text: str, found: Sequence[Word], companies: tuple[str, ...]) -> list[Candidate]:
    """Return the katakana or Latin names listed after a word for a company and の (ローソン and ファミリーマート
    of コンビニ大手のローソンやファミリーマート, ABCケア of 介護大手のABCケア): each is a company, as the first right
    after the word is.

    Each name opens with a proper noun of the dictionary's or a word it lacks, and takes in the katakana or
    Latin words written right after it (ケア of ABCケア); a common word ends the list (大手のメリットやリスク names
    no company).
    """
    candidates = []
    by_start = {w.start: w for w in found}
    for before in found:
        described = text[before.start : before.end]
        if not (described.endswith(companies) and len(described) > 1 and text.startswith("の", before.end)):
            continue
        word = by_start.get(before.end + 1)
        while word is not None and _foreign(text, word) and (word.unknown or word.pos[:3] == ("名詞", "固有名詞", "一般")):
            end = word.end
            while (after := by_start.get(end)) is not None and _foreign(text, after):
                end = after.end
            candidates.append(Candidate(word.start, end, COMPOUND, type="Organization"))
            joiner = by_start.get(end)
            if joiner is None or text[joiner.start : joiner.end] not in _LIST_JOINERS:
                break
            word = by_start.get(joiner.end)
    return candidates


def _parents_listed(text: str, found: Sequence[Word], companies: tuple[str, ...]) -> list[Candidate]:
    """Return the katakana names listed before の and a word for a company they own (ベータ、ガンマ・デルタの
    合弁会社, ベータの子会社): each owner is a company.

    Each name is katakana words joined by ・, one of them a proper noun of the dictionary's or a word it
    lacks, and none a place; a common word ends the list (パートナーの会社 names no company).
    """
    candidates = []
    by_end = {w.end: w for w in found}
    for i, (at, owned) in enumerate(zip(found, found[1:])):
        if text[at.start : at.end] != "の" or at.end != owned.start or at.pos[0] != "助詞":
            continue
        run_end = _noun_run_end(found, i + 1)
        if not (nfkc(text[owned.start : run_end]).endswith(companies) and run_end - owned.start > 1):
            continue
        end = at.start
        while (name := _katakana_name_before(text, by_end, end)) is not None:
            candidates.append(Candidate(name, end, COMPOUND, type="Organization"))
            joiner = by_end.get(name)
            if joiner is None or text[joiner.start : joiner.end] not in ("、", "と", "や"):
                break
            end = joiner.start
    return candidates


def _noun_run_end(found: Sequence[Word], first: int) -> int:
    """Return where the run of nouns that opens with found[first] ends."""
    end = found[first].start
    for word in found[first:]:
        if word.start != end or word.pos[0] not in ("名詞", "接尾辞"):
            break
        end = word.end
    return end


def _katakana_name_before(text: str, by_end: dict[int, Word], end: int) -> int | None:
    """Return where a name of katakana words joined by ・ that ends at end starts, or None when there is none
    or none of its words is a proper noun of no narrower kind or unknown to the dictionary."""
    start, proper = end, False
    while (word := by_end.get(start)) is not None:
        surface = text[word.start : word.end]
        if surface == "・" and start < end:
            start = word.start
            continue
        if not all(is_katakana(c) for c in surface) or word.pos[2:3] == ("地名",) or word.pos[0] != "名詞":
            break
        proper = proper or _katakana_name(text, word)
        start = word.start
    if text[start : start + 1] == "・":
        start += 1
    return start if start < end and proper else None


def _katakana_name(text: str, word: Word) -> bool:
    """Return True for a katakana word the dictionary lacks or knows as a proper noun of no narrower kind."""
    return (all(is_katakana(c) for c in text[word.start : word.end])
            and (word.unknown or word.pos[:3] == ("名詞", "固有名詞", "一般")))


# The shortest unit a law's name ends in: 法 of 鉱業法 and 会社法, 税法 of 入国者税法. 方法, 手法 and 憲法 are
# words of their own, and name no one law by a compound.
_LAW_UNITS = ("法", "税法")
_TREATY_HEADS = ("協定", "条約", "議定書")
# A declaration a meeting adopts is one, when a proper word names it (UHC政治宣言が採択された).
_DECLARATION = "宣言"
# The particles between a law's or treaty's name and the act the sentence says of it (…法の改正案, …協定は批准).
_CITING_PARTICLES = ("の", "を", "が", "は", "も", "に")


def acted_on(text: str) -> list[Candidate]:
    """Return the laws and treaties named by a run of nouns that the text amends, enforces, ratifies or
    signs (name_words.tsv, roles law and treaty): 鉱業法改正, …利用法の改正案, …税法により, 火星協定は批准していない.

    Such an act is done to one law or treaty, so the run before it is a name, though its words are
    common ones; a law's run has a word before 法 (会社法, not 方法 or 手法), a treaty's a word before
    協定 or 条約, neither holds a number, and one word for an act before the head makes a kind of
    document (加入議定書, 規制法). A declaration a meeting adopts or signs (role declaration) is one when
    a proper, unknown or capitalised Latin word names it (UHC政治宣言が採択された; not 政治宣言).
    """
    if "法" not in text and _DECLARATION not in text and not any(head in text for head in _TREATY_HEADS):
        return []  # most blocks name no law or treaty: no need to read their runs
    by_start = {w.start: w for w in words(text)}
    found = []
    for run in _noun_runs(text):
        for i, word in enumerate(run):
            kind = _law_or_treaty(text, word, i)
            if not kind and i == 0 and one_word_code(text, word):
                if _acted_on(text, run[1] if len(run) > 1 else None, by_start.get(word.end), by_start, "code"):
                    found.append(Candidate(word.start, word.end, COMPOUND, type="Law", headed=True))
                continue
            first = _first_word(text, list(run[:i]), "Law") if i else 0
            if not kind or first is None or run[first].pos[0] == "接尾辞" or any(w.pos[1] == "数詞" for w in run[: i + 1]):
                continue
            if i - first == 1 and run[first].pos[2] == "サ変可能":
                continue  # an act before the head makes a kind of document (加入議定書, 規制法), not one
            if kind == "declaration" and not any(_vouches(text, w) for w in run[first:i]):
                continue  # 政治宣言が採択された: a kind of declaration; UHC政治宣言 is one
            if _acted_on(text, run[i + 1] if i + 1 < len(run) else None, by_start.get(word.end), by_start, kind):
                found.append(Candidate(run[first].start, word.end, COMPOUND, type="Law" if kind == "law" else "Agreement",
                                       headed=True))
    return found


# The words that list names of one kind: 感染症法や検疫法, 会社法と商法, 民法、刑法.
_LISTING = ("や", "と", "、", "及び", "並びに", "または", "又は")


def listed_laws(text: str, laws: Sequence[Candidate]) -> list[Candidate]:
    """Return the runs of nouns ending in 法 that a list sets next to a law found otherwise (検疫法 of
    感染症法や検疫法): the items of a list are things of one kind. A one-word code listed with such a run
    (民法と戸籍法) is a law, and so is the run: a method is never listed with a code.

    The run is read as acted_on reads a law's: a word before 法 (検疫法, not 方法, 手法 or 憲法), no
    number, and not one word for an act before the head (規制法 is a kind of law).
    """
    if "法" not in text:
        return []
    shaped = [span for run in filter(None, _noun_runs(text)) if (span := _law_shaped(text, run))]
    codes = [Candidate(w.start, w.end, COMPOUND, type="Law", headed=True)
             for run in _noun_runs(text) if len(run) == 1 and one_word_code(text, w := run[0])
             and any(_listed(text, (w.start, w.end), other) for other in shaped)]
    laws = [*laws, *codes]
    found_already = {(c.start, c.end) for c in laws}
    found = list(codes)
    for span in shaped:
        if span not in found_already and any(_listed(text, span, (c.start, c.end)) for c in laws):
            found.append(Candidate(*span, COMPOUND, type="Law", headed=True))
    return found


def _law_shaped(text: str, run: Sequence[Word]) -> tuple[int, int] | None:
    """Return (start, end) of the law a run of nouns ending in 法 may name as an item of a list: a word before
    法, no number, and not one word for an act before the head (規制法 is a kind of law); else None."""
    kind = _law_or_treaty(text, run[-1], len(run) - 1)
    first = _first_word(text, list(run[:-1]), "Law") if len(run) > 1 else 0
    if kind != "law" or first is None or run[first].pos[0] == "接尾辞" or any(w.pos[1] == "数詞" for w in run):
        return None
    if len(run) - first == 2 and run[first].pos[2] == "サ変可能":
        return None  # 規制法: an act before the head makes a kind of law
    return run[first].start, run[-1].end


def _listed(text: str, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Return True when a listing word (や, と, 、, 及び) stands right between two names, in either order."""
    (a_start, a_end), (b_start, b_end) = sorted((one, other))
    return any(text.startswith(m, a_end) and a_end + len(m) == b_start for m in _LISTING)


# The end of an amending act's title after the law it amends (…法等の一部を改正する法律): the one title Japan gives a
# law that is a clause with its verb; a bill (…法律案) is the act proposed.
_AMENDING_ACT = re.compile(r"(?:の一部)?を(?:改正|廃止)する(?:法律|政令|省令|条例)")


def amending_acts(text: str) -> list[Candidate]:
    """Return the titles of acts that amend or repeal a law, written in plain text after its name (…法等の一部を
    改正する法律, 民法の一部を改正する法律): an act of its own, named by the law it amends. The name before the
    clause is a law's run of nouns or a one-word code (民法); a clause after a common word (規則を改正する法律) is
    a description, and the bill (…法律案) is left to the law it amends."""
    found = []
    for match, run in _runs_before(text, _AMENDING_ACT, "する"):
        if text[run[-1].start : run[-1].end] == "等":
            run = run[:-1]  # 民法等: the law and others the act amends
        listing = next((m for m in _LISTING if run and text.endswith(m, 0, run[0].start)), "")
        if not run or listing and text.endswith(_LAW_UNITS, 0, run[0].start - len(listing)):
            continue  # …法及び…法の一部を改正する法律: the title opens at the first law listed
        if text.startswith("案", match.end()):
            continue  # the bill: an amendment is the law it amends until the act is named by its own title
        span = _law_shaped(text, run) or ((run[-1].start, run[-1].end) if one_word_code(text, run[-1]) else None)
        if span is not None:
            found.append(Candidate(span[0], match.end(), COMPOUND, type="Law", headed=True))
    return found


# The heads of the orders that carry out a law, written right after its name (…法施行令, …法施行規則): a cabinet
# order or a ministry's ordinance of its own, which Japanese names after its law.
_ORDINANCES = ("施行令", "施行規則", "施行規程", "施行細則")


def law_ordinances(text: str) -> list[Candidate]:
    """Return a law's name with the order that carries it out written right after it (…法施行規則, 民法施行令): a law
    of its own, named by its law, which stays a law of its own too. The law is a run of nouns ending in 法 or a
    one-word code, as an item of a list is; a word that points to a law named elsewhere (同法施行令) is none."""
    if "施行" not in text:
        return []
    found = []
    for run in filter(None, _noun_runs(text)):
        cut = next((i for i in range(len(run) - 1, 0, -1) if nfkc(text[run[i].start : run[-1].end]) in _ORDINANCES), 0)
        law = run[:cut]
        if not law:
            continue
        span = _law_shaped(text, law) or ((law[-1].start, law[-1].end) if one_word_code(text, law[-1]) else None)
        if span is not None:
            found.append(Candidate(span[0], run[-1].end, COMPOUND, type="Law", headed=True))
    return found


def _runs_before(text: str, pattern: re.Pattern[str], needed: str) -> list[tuple[re.Match[str], tuple[Word, ...]]]:
    """Return each match of a pattern with the run of nouns that ends where it starts (none when the text lacks
    ``needed``, the pattern's fixed part)."""
    if needed not in text:
        return []
    ends = {run[-1].end: run for run in filter(None, _noun_runs(text))}
    return [(m, ends[m.start()]) for m in pattern.finditer(text) if m.start() in ends]


# An optional protocol named after the treaty it adds to (…規約の第二選択議定書, …条約の選択議定書).
_PROTOCOL_OF = re.compile(r"の(?:第[0-9０-９一二三四五六七八九十]+)?選択議定書")


def protocols_treaties(text: str) -> list[Candidate]:
    """Return the treaties an optional protocol is named after (…人権規約 of …人権規約の第二選択議定書): a run of nouns
    ending in a treaty's head (規約, 条約, 協定, 憲章) before の and an optional protocol is the one treaty the protocol
    adds to, though its words are common ones. A bare protocol after it (国際条約の議定書) says no more than a kind."""
    found = []
    for _, run in _runs_before(text, _PROTOCOL_OF, "議定書"):
        if len(run) < 2 or suffix_type(nfkc(text[run[0].start : run[-1].end])) != "Agreement":
            continue
        first = _first_word(text, list(run[:-1]), "Agreement")
        if first is not None and run[first].pos[0] != "接尾辞" and not any(w.pos[1] == "数詞" for w in run[first:]):
            found.append(Candidate(run[first].start, run[-1].end, COMPOUND, type="Agreement", headed=True))
    return found


# A heading about laws: one on a legal system (法制度, 法律, 法令).
_LAW_HEADING = re.compile(r"法(?:制|律|令)")
# An article's number after a law's name (232条, 第9条, 第二十一条).
_ARTICLE = re.compile(r"第?[0-9０-９一二三四五六七八九十百]+条(?![件約例])")


def names_laws(heading: str) -> bool:
    """Return True for a heading about laws: one that names a law (災害対策基本法とその周り) or the law of a
    field (法制度と計画)."""
    if _LAW_HEADING.search(heading):
        return True
    return any(_law_run(heading, run) is not None for run in filter(None, _noun_runs(heading)))


def cited_laws(text: str, law_section: bool) -> list[Candidate]:
    """Return the runs of two kanji words or more ending in 法 that a sentence citing law (name_words.tsv,
    roles law and law-cue: …の根拠は気象業務法, 2003年に制定) or a section on laws (law_section: under a
    heading that names one) names: 災害救助法（1947年）は…, 被災者生活再建支援法は….

    A method is named so too, so one word for an act before 法 (治療法, 学習法, 測定法) and a word 法 ends
    without being one (方法, 手法) make no law, nor does a run with a number or a letter (3D測定法).
    An article's number after 法 cites a law in any sentence, and one word before 法 names it then
    (…法232条, …法第9条): a method has no articles.
    """
    if "法" not in text:
        return []
    cues = name_words("law") | name_words("law-cue")
    found = []
    for start, end in sentence_bounds(text) or [(0, len(text))]:
        sentence = text[start:end]
        cited = law_section or any(w.pos[0] != "助詞" and nfkc(sentence[w.start : w.end]) in cues for w in words(sentence))
        for run in filter(None, _noun_runs(sentence)):
            article = _before_article(sentence, run)
            if not cited and not article:
                continue
            span = _law_run(sentence, run[:article] if article else run, article > 0)
            if span is not None:
                found.append(Candidate(start + span[0], start + span[1], COMPOUND, type="Law", headed=True))
    return found


def _before_article(text: str, run: Sequence[Word]) -> int:
    """Return how many words of a run come before an article's number that a word ending in 法 is followed
    by (3 of 通商 拡大 法 232 条), else 0."""
    for i, word in enumerate(run[:-1]):
        if text[word.end - 1] == "法" and _ARTICLE.match(text, word.end):
            return i + 1
    return 0


# 関連法 after 改革: the omnibus act of a reform (…改革関連法), where after other words 関連 makes a class of laws.
_REFORM, _RELATED = "改革", "関連"


def _law_run(text: str, run: Sequence[Word], article: bool = False) -> tuple[int, int] | None:
    """Return (start, end) of the law a run of nouns ends in: two kanji words or more before 法 (one before
    an article's number), no number; None when it ends in none."""
    if _law_or_treaty(text, run[-1], len(run) - 1) != "law":
        return None
    first = _first_word(text, list(run[:-1]), "Law") if len(run) > 1 else 0
    if first is None or run[first].pos[0] == "接尾辞" or any(w.pos[1] == "数詞" and not listed_kana_field(text, w)
                                                              for w in run[first:]):
        return None
    start, end = run[first].start, run[-1].end
    surface = nfkc(text[start:end])
    units = [u for w in run[first:] for u in short_units(nfkc(text[w.start : w.end]))]
    # a reform's related laws (…改革関連法) are the one omnibus act that carries the reform out, as the news names it
    reform = len(units) >= 3 and units[-3] == _REFORM and units[-2] == _RELATED
    if suffix_type(surface) != "Law" or (units[-2] in name_words("law-class") and not reform):
        return None  # 申請方法, 宇宙関連法: a way of doing (type_suffixes.tsv, type -) or a class of laws
    # 治療法, 学習法: one word before 法 makes a method as often as a law
    # a common noun in kana before the head (子ども・子育て支援法) is a word of the name as a kanji one is; a Latin
    # letter or a digit is none
    kanji = all(all(is_kanji(c) or c == "・" for c in text[w.start : w.end]) or (w is not run[-1] and kana_noun(text, w))
                for w in run[first:])
    # a reform's omnibus act the dictionary holds as one word (…方改革関連法) is named so whatever its kana
    dictionary = len(run) - first == 1 and reform
    return (start, end) if (kanji or dictionary) and len(units) >= (2 if article else 3) else None


# The particles that make a plan's run the object of the act after it (…計画を策定し, …計画が閣議決定された,
# 「…」も設ける: sets it up too, …計画も).
_OBJECT_PARTICLES = ("を", "が", "も")
# The topic particle: a plan's run before it is what the sentence's act is done to (…計画は、…策定した).
_TOPIC = "は"
# The words that end the clause a plan's act must be in.
_CLAUSE_ENDS = ("、", "。", "を", "が", "は", "も")


def acted_on_plans(text: str) -> list[Candidate]:
    """Return the plans named by a run of three nouns or more, ending in a plan's head (…行動計画, …戦略),
    that the clause draws up or revises (name_words.tsv, role plan: 策定, 改定, 閣議決定): such an act is
    done to one plan (日本政府は…対策政府行動計画を全面改定し).

    A shorter run (行動計画を策定, 中期経営計画) is a kind of plan, as is one with a number in it.
    """
    if not any(head in text for head in _plan_heads()):
        return []
    by_start = {w.start: w for w in words(text)}
    found = []
    for run in filter(None, _noun_runs(text)):
        surface = nfkc(text[run[-1].start : run[-1].end])
        first = _first_word(text, list(run[:-1]), "Plan") if len(run) > 1 else None
        if first is None or len(run) - first < 3 or run[first].pos[0] == "接尾辞" or not surface.endswith(_plan_heads()):
            continue
        if any(w.pos[1] == "数詞" for w in run[first:]):
            continue
        if _act_follows(text, by_start, run[-1].end, "plan") or _act_before(text, run[first].start, "plan"):
            found.append(Candidate(run[first].start, run[-1].end, COMPOUND, type="Plan", headed=True))
    return found


# The past of an act in a relative clause right before what it was done to: 策定された…, 改定した….
_PAST_ACT = ("された", "した")


def _act_before(text: str, start: int, role: str) -> bool:
    """Return True when a relative clause in the past right before a name says an act of the role was done
    to it (閣議決定された…戦略, 策定した…計画), as a clause after it does (…を策定した)."""
    past = next((p for p in _PAST_ACT if text.endswith(p, 0, start)), "")
    act = word_ending(text, start - len(past)) if past else None
    return act is not None and nfkc(text[act.start : act.end]) in name_words(role)


@cache
def _plan_heads() -> tuple[str, ...]:
    """Return the heads a plan acted on ends in (name_words.tsv, role plan-head)."""
    return tuple(name_words("plan-head"))


def _act_follows(text: str, by_start: dict[int, Word], end: int, role: str) -> bool:
    """Return True when を, が or も after a name (は after a plan) opens a clause whose act is a word of the role: a verb
    (設ける) or a noun before one (策定し, 全面改定した, 閣議決定された), before the clause ends."""
    particle = by_start.get(end)
    # a plan is drawn up and draws up nothing, so a plan before は is what the act is done to; a body may be either
    topics = (_TOPIC,) if role == "plan" else ()
    if particle is None or text[particle.start : particle.end] not in (*_OBJECT_PARTICLES, *topics):
        return False
    word = by_start.get(particle.end)
    if text[particle.start : particle.end] == _TOPIC and word is not None and text[word.start : word.end] == "、":
        word = by_start.get(word.end)  # …計画は、2月に閣議決定し: the topic's clause runs on past its comma
    while word is not None and text[word.start : word.end] not in _CLAUSE_ENDS:
        after = by_start.get(word.end)
        if nfkc(text[word.start : word.end]) in name_words(role) and (
                word.pos[0] == "動詞" or (after is not None and after.pos[0] == "動詞")):
            return True
        word = after
    return False


# A quoted phrase, as a writer marks a name it coins or cites.
_QUOTED_NAME = re.compile(r"「([^「」]{2,40})」")


def set_up_bodies(text: str) -> list[Candidate]:
    """Return the quoted names that the clause sets up (name_words.tsv, role set-up: 設ける, 設置, 開設,
    設立): 「UHCナレッジハブ」を東京に設ける. What is set up under a name of its own is a body.

    The quoted phrase is nouns only, one of them a proper noun, a word the dictionary lacks or a
    capitalised Latin word: 「保健の日」が設けられ (a phrase) and 「相談窓口」を設置 (common words) name none.
    A phrase ending in the head of a body (…本部, …チーム, …ワーキンググループ) may hold particles and
    joiners, as a body named after an event is (「令和X年△△地震に係る検証チーム」をつくり), and may be
    formed too (role form: 置く, 発足, つくる): the quotes mark where its name runs.
    """
    if "「" not in text:
        return []
    by_start = {w.start: w for w in words(text)}
    found = []
    for match in _QUOTED_NAME.finditer(text):
        inside = words_within(text, match.start(1), match.end(1))
        if not inside or not any(_vouches(text, w) for w in inside):
            continue
        body = nfkc(match.group(1)).endswith(_BODY_HEADS) and inside[-1].pos[0] in _NOUNS
        if not body and any(w.pos[0] not in _NOUNS for w in inside):
            continue
        if _act_follows(text, by_start, match.end(), "set-up") or (body and _act_follows(text, by_start, match.end(), "form")):
            found.append(Candidate(match.start(1), match.end(1), COMPOUND, type="Organization", headed=True))
    return found


# What sets a post or an organ of a council after its name: の, or a parenthesis that opens with it.
_CHAIR_JOINERS = ("の", "（", "(")
_COUNCIL = "会議"
# A session's number before a meeting's name (第3回…会議): a session is a meeting, whoever chairs it.
_SESSION_BEFORE = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*回")


def chaired_councils(text: str) -> list[Candidate]:
    """Return the councils named by a run of nouns ending in 会議, two words or more before it, with a post or an
    organ of a standing body after it (…適正会議の事務局, …会議（座長は…）: name_words.tsv, role chair) or a clause
    before it saying one held that post (…が座長を務めた…会議): a meeting has none of them, so the 会議 is a body. One word before 会議 makes a kind (有識者会議の座長), and a numbered
    session (第3回…会議) is a meeting."""
    if _COUNCIL not in text:
        return []
    found = []
    for run in filter(None, _noun_runs(text)):
        end = run[-1].end
        if not nfkc(text[run[0].start : end]).endswith(_COUNCIL) or len(run) < 3 or _SESSION_BEFORE.match(text, run[0].start):
            continue
        # the post is a word of its own: 委員 of 委員会 names no member
        word = word_starting(text, end + 1) if text[end : end + 1] in _CHAIR_JOINERS else None
        served = _SERVED.search(text, 0, run[0].start)
        if (word is not None and text[word.start : word.end] in name_words("chair")) or (
                served is not None and served.group(1) in name_words("chair")):
            found.append(Candidate(run[0].start, end, COMPOUND, type="Organization", headed=True))
    return found


# A council's section named by its field and the part of the field in parentheses: 刑事法（性犯罪関係）部会.
_SECTION_WITH_PART = re.compile(r"（([^（）。、\s]{2,20})）(部会|分科会|委員会)")


def sections_by_part(text: str) -> list[Candidate]:
    """Return the sections of a council named by the kanji words of a field, the part of it in parentheses and
    a section's head (民法（債権関係）部会, …法（…関係）分科会): the way a council divides one field among its
    sections. The field's words open after a council's own name (…審議会 of …審議会刑事法（…）部会: a field's word
    never ends in 会) or at the run's start; a parenthesis after other words (…の見直し（案）部会) or after no word names none."""
    found = []
    for match in _SECTION_WITH_PART.finditer(text):
        start = match.start()
        while (word := word_ending(text, start)) is not None and word.pos[:2] == ("名詞", "普通名詞") \
                and all(is_kanji(c) for c in text[word.start : word.end]) and not text.endswith("会", word.start, word.end):
            start = word.start
        inside = words_within(text, match.start(1), match.end(1))
        if start < match.start() and inside and all(w.pos[0] == "名詞" for w in inside):
            found.append(Candidate(start, match.end(), COMPOUND, type="Organization", headed=True))
    return found


# A nationwide association's name opens with 全国 and ends in an association's head: 全国…連合会, 全国…協会.
_NATIONWIDE = re.compile(r"全国[一-龥ァ-ヶー・]{2,24}?(?:連合会|連盟|協会|組合)(?![一-龥ァ-ヶー])")


def nationwide_associations(text: str) -> list[Candidate]:
    """Return the associations a run of kanji and katakana names from 全国 to an association's head (全国…
    タクシー連合会, 全国…連盟): the words of the trade or the holders it joins nationwide, each common, make
    one body, where a run in the middle of a longer word (…全国…協会員) or after other words names none."""
    return [Candidate(m.start(), m.end(), COMPOUND, type="Organization", headed=True) for m in _NATIONWIDE.finditer(text)
            if not (m.start() and is_name_char(text[m.start() - 1]) and text[m.start() - 1] not in "・")]


# A post held on a body, in a clause right before the body's name: …が座長を務めた…会議.
_SERVED = re.compile(r"([^\s、。をが]{2,4})を務め(?:た|る|ていた|ている)$")


# The heads of a body set up inside a government or a group: its office, headquarters, unit, team,
# working group, subcommittee, council, committee or study group (検討会).
_BODY_HEADS = ("ワーキンググループ", "チーム", "分科会", "部会", "本部", "会議", "委員会", "検討会", "室", "隊")
# The particles that place a body under another: 内閣官房の…室, 内閣官房に…室が発足した.
_UNDER = ("の", "に")


def formed_bodies(text: str, known: Sequence[Candidate]) -> list[Candidate]:
    """Return the bodies named by a run of nouns ending in a body's head (…推進室, …作業部会, …実行会議)
    with two words or more before the head, that the text places under a body kg knows or a council its head
    names (内閣官房の…推進室, 中央防災会議の…実行会議, …審議会の…部会), that its clause sets up or forms (…部会が設けられ,
    …準備室が発足した) or that owns a section named by its field (…委員会の食品表示部会); and a
    unit named by three words or more before 隊 (…消防援助隊), a head no kind of thing takes so long.

    One word before the longest head makes a kind of body (担当室, 作業部会, 政府対策本部を設置), and a number
    one of a series (第2作業部会).
    """
    if not any(head in text for head in _BODY_HEADS):
        return []
    by_start = {w.start: w for w in words(text)}
    owners = {c.end for c in known if c.type == "Organization"}
    fields = {c.end for c in known if c.type == "Country"
              or c.type == "Organization" and nfkc(text[c.start : c.end]).endswith(_FIELD_OWNERS)}
    # a committee a sentence names after a parliament or its sitting (…国会では、…委員会で) is that parliament's
    parliaments = {m.end() for m in _PARLIAMENT.finditer(text)}
    found = []
    for run in filter(None, _noun_runs(text)):
        last = nfkc(text[run[-1].start : run[-1].end])
        head = next((h for h in _BODY_HEADS if last.endswith(h)), None)
        first = _first_word(text, list(run), "Organization")
        if head is None or first is None:
            continue
        start, end = run[first].start, run[-1].end
        surface = nfkc(text[start:end])
        # the words before the longest head: 政府 of 政府対策本部 (対策本部 is a head) makes a kind of body
        head = max(head, surface[len(surface) - head_length(surface) :], key=len)
        if len(surface) <= len(head) or any(w.pos[1] == "数詞" for w in run[first:]):
            continue
        before = len(short_units(surface[: -len(head)]))
        field = _field_section(text, by_start, run[first], head, fields)
        listed = _listed_under(text, start, owners) or field
        in_sitting = head in _FIELD_HEADS and (before >= 2 or _field_word(text, by_start, run[first], head)) \
            and any(p < start and "。" not in text[p:start] for p in parliaments)
        if before < 2 and not (listed or in_sitting):
            continue
        under = listed or in_sitting or start > 1 and text[start - 1] in _UNDER and start - 1 in owners
        formed = _act_follows(text, by_start, end, "set-up") or _act_follows(text, by_start, end, "form") \
            or head in _FIELD_HEADS and _owns_section(text, end)
        # …自衛隊 is a known body with words before it, which other rules read; 中隊, 部隊 and 連隊 are ranks of unit
        unit = head == "隊" and before >= 3 and end not in {c.end for c in known} and len(last) != 2
        if under or formed or unit:
            found.append(Candidate(with_new(text, start), end, COMPOUND, type="Organization", headed=True))
    return found


# The heads of a section a committee or council divides into: 部会, 分科会, 専門調査会, 小委員会.
_SECTION_HEADS = ("部会", "分科会", "調査会", "小委員会")


def _owns_section(text: str, end: int) -> bool:
    """Return True when の and a section named by two words or more before its head follow a committee's name
    (…委員会の食品表示部会): a committee that divides into sections by field is a standing body, while a kind of
    committee (委員会の作業部会, one word) is not told apart so."""
    if not text.startswith("の", end):
        return False
    run = next((r for r in _noun_runs(text) if r and r[0].start == end + 1), None)
    if run is None:
        return False
    surface = nfkc(text[run[0].start : run[-1].end])
    head = next((h for h in _SECTION_HEADS if surface.endswith(h)), "")
    return bool(head) and len(short_units(surface[: -len(head)])) >= 2


# What places the bodies listed after it under the body before it: 社会保障審議会の下に、…部会、…部会.
_LISTED_UNDER = "の下に"


def _listed_under(text: str, start: int, owners: set[int]) -> bool:
    """Return True for an item of a list with 、 that opens after a known body and の下に (…審議会の下に、A部会、
    B部会): the list names the body's sections, each a body though one word names it (年金部会), as a
    council's sections are named by their field."""
    while start > 0:
        opening = start - 1 if text[start - 1] == "、" else start
        if text.endswith(_LISTED_UNDER, 0, opening) and opening - len(_LISTED_UNDER) in owners:
            return True
        if opening == start:
            return False
        item = opening
        while item > 0 and is_name_char(text[item - 1]) and text[item - 1] != "、":
            item -= 1
        if item == opening:
            return False
        start = item
    return False


# The bodies that work through committees or sections each named by one field word: a house, a parliament, a council.
_FIELD_OWNERS = ("議院", "衆院", "参院", "国会", "議会", "審議会")
# The heads of a parliament or a house, and of its sittings (第N回国会, 臨時国会 end in 国会); 議会 ends 審議会 too.
_PARLIAMENT = re.compile("国会|議院|衆院|参院")
# The heads of such a committee or section.
_FIELD_HEADS = ("委員会", "分科会", "部会")
# The head of a council's section for one field.
_FIELD_SECTION = "分科会"


def _field_section(text: str, by_start: dict[int, Word], first: Word, head: str, owners: set[int]) -> bool:
    """Return True for one field word and a committee's or section's head right after a house, a parliament,
    a council or a country and の (参議院の外務委員会, …審議会の年金部会, ABC国の賃金委員会): such a body names its
    committees by their field. A word for how a committee works (常任, 運営: サ変可能), an adjectival one (特別)
    and a run after another body (…社の倫理委員会) make a kind."""
    start = first.start
    if head not in _FIELD_HEADS or start < 2 or text[start - 1] != "の" or start - 1 not in owners:
        return False
    return _field_word(text, by_start, first, head)


def _field_word(text: str, by_start: dict[int, Word], first: Word, head: str) -> bool:
    """Return True for a common noun of no other use (総務, 年金; not 常任, 運営 or 特別) with the head right after it.
    A 分科会 is by its name a council's section for one field, so a word for an act names its field too (漁業分科会)."""
    field = ("一般", "サ変可能") if head == _FIELD_SECTION else ("一般",)
    return by_start.get(first.start) is first and first.pos[:2] == ("名詞", "普通名詞") and first.pos[2] in field \
        and nfkc(text[first.end : first.end + len(head)]) == head


def _law_or_treaty(text: str, word: Word, before: int) -> str:
    """Return "law" for a word that ends a law's name, "treaty" for one that ends a treaty's, else ""."""
    surface = nfkc(text[word.start : word.end])
    if surface in _TREATY_HEADS:
        return "treaty" if before else ""
    if surface == _DECLARATION:
        return "declaration" if before else ""
    if not surface.endswith(_LAW_UNITS):
        return ""
    units = short_units(surface)
    return "law" if units[-1] in _LAW_UNITS and (len(units) > 1 or before) else ""


def _acted_on(text: str, in_run: Word | None, after: Word | None, by_start: dict[int, Word], kind: str) -> bool:
    """Return True when the words after a name say an act of its kind: a noun right after it (鉱業法改正),
    or a particle and the act (…法の改正案, …協定は批准); a verb (により, に基づく) only after に. A one-word code
    (kind "code") takes a law's acts written as nouns only (民法の改正, 刑法が施行): 方法により cites no law."""
    acts = name_words("law" if kind == "code" else kind)
    if in_run is not None:
        return nfkc(text[in_run.start : in_run.end]) in acts
    if after is None or text[after.start : after.end] not in _CITING_PARTICLES:
        return False
    act = by_start.get(after.end)
    return act is not None and nfkc(text[act.start : act.end]) in acts and (
        act.pos[0] != "動詞" or text[after.start : after.end] == "に") and (kind != "code" or act.pos[0] == "名詞")


# The constitution's bare word, read by its own rule (candidates.constitution_articles): only an article cites it.
_CONSTITUTION = "憲法"


def one_word_code(text: str, word: Word) -> bool:
    """Return True for a word of two kanji ending in 法 that may name a basic code (民法, 刑法, 商法): one word of
    the dictionary whose head is a law's (not 方法, 司法: type_suffixes.tsv, type -), and whose first kanji does not
    point to a law named elsewhere or a kind of law (同法, 本法, 新法, 両法: name_words.tsv, role pointer). Such a
    word names the code only where the text cites it as one law (acted_on, listed_laws)."""
    surface = nfkc(text[word.start : word.end])
    return (len(surface) == 2 and surface[1] == "法" and is_kanji(surface[0]) and surface != _CONSTITUTION
            and word.pos[0] == "名詞" and suffix_type(surface) == "Law" and surface[0] not in name_words("pointer"))


# A typhoon by its number of the year, as the Japan Meteorological Agency names it: 台風第10号, 台風10号.
_NUMBERED_TYPHOON = re.compile(r"台風第?[0-9０-９]{1,2}号")


def numbered_typhoons(text: str) -> list[Candidate]:
    """Return the typhoons named by their number (台風第10号): each number names one storm of its year.
    A count of typhoons (台風3個, 台風の第1報) names none."""
    return [Candidate(m.start(), m.end(), COMPOUND, type="Event", headed=True) for m in _NUMBERED_TYPHOON.finditer(text)]


# The heads of a meeting held under a name of its own; 会議 and 総会 name standing bodies too (…実行会議,
# 国連総会), and a 協議 or ワークショップ of three words is as often a kind of meeting.
_HELD_HEADS = ("フォーラム", "シンポジウム", "サミット")
# The particles that make a meeting's run what the sentence says was held: …フォーラムは…主催している, …会議が開かれた.
_HELD_PARTICLES = ("は", "が", "を")


def held_events(text: str) -> list[Candidate]:
    """Return the meetings named by a run of three words or more ending in an event's head (…フォーラム,
    …シンポジウム) that its sentence says is held (name_words.tsv, role meeting: 開かれる, 開催, 主催):
    世界防災フォーラムは…が主催している. A shorter run (経済フォーラムが開かれた) is a kind of meeting.
    """
    if not any(head in text for head in _HELD_HEADS):
        return []
    held = name_words("meeting")
    found = []
    for start, end in sentence_bounds(text) or [(0, len(text))]:
        sentence = text[start:end]
        by_start = {w.start: w for w in words(sentence)}
        for run in filter(None, _noun_runs(sentence)):
            units = [u for w in run for u in short_units(nfkc(sentence[w.start : w.end]))]
            head = nfkc(sentence[run[-1].start : run[-1].end])
            particle = by_start.get(run[-1].end)
            if (not head.endswith(_HELD_HEADS) or len(units) < 3 or any(w.pos[1] == "数詞" for w in run)
                    or particle is None or sentence[particle.start : particle.end] not in _HELD_PARTICLES):
                continue
            if any(nfkc(sentence[w.start : w.end]) in held for w in words(sentence) if w.start >= particle.end):
                found.append(Candidate(start + run[0].start, start + run[-1].end, COMPOUND, type="Event", headed=True))
    return found


# A quoted name the sentence calls an initiative, a campaign or a scheme: 「…」という取組.
_CALLED = re.compile(r"「([^「」]{2,60})」という(取組|取り組み|キャンペーン|運動|構想|計画|戦略|政策|プログラム|制度)")
# The English name a quoted name carries in parentheses at its end: 「…を（Early Warnings for All）」.
_ENGLISH_NAME = re.compile(r"[（(]([A-Z][A-Za-z ,'&\-]+)[）)]$")


def called_plans(text: str) -> list[Candidate]:
    """Return the quoted names the sentence calls an initiative or a scheme of their own (「…」という取組),
    when the name carries its English name in parentheses or runs to eight characters or more: a
    programme named with a slogan (「全ての人に早期警報を（Early Warnings for All）」という取組を打ち出した).
    A short phrase so called (「声かけ」という取組) is a way of doing things, named by no one."""
    found = []
    for match in _CALLED.finditer(text):
        name, start = match.group(1), match.start(1)
        english = _ENGLISH_NAME.search(name)
        end = start + (english.start() if english else len(name))
        if (english or len(name) >= 8) and end - start >= 2:
            found.append(Candidate(start, end, COMPOUND, type="Plan", headed=True))
    return found


# A quoted name of a programme that runs for a number of years: 「…のための5か年加速化対策」, 「…十か年計画」.
_MULTI_YEAR = re.compile(r"「([^「」]{0,50}?[0-9０-９一二三四五六七八九十]+(?:か|カ|ヵ|ケ|ヶ)年[^「」]{0,20}?(?:対策|計画|戦略|プラン|プログラム))」")
_MULTI_YEAR_PLAIN = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{4,30}([0-9０-９]+(?:か|カ|ヵ|ケ|ヶ)年(?:計画|戦略|プラン|プログラム))")


def multi_year_plans(text: str) -> list[Candidate]:
    """Return the quoted names of programmes that run for a number of years and end in a word for a plan or
    for measures (「防災・減災、…のための5か年加速化対策」): the span of years says one programme is meant,
    where 対策 alone names a kind of measures (地震対策). In plain text a run of two kanji words or more before
    the years and a plan's head names one too (港湾整備推進5か年計画); the years and the head alone (5か年計画)
    or after one word (中期5か年計画) are a kind of plan."""
    found = [Candidate(m.start(1), m.end(1), COMPOUND, type="Plan", headed=True) for m in _MULTI_YEAR.finditer(text)]
    for m in _MULTI_YEAR_PLAIN.finditer(text):
        front = words_within(text, m.start(), m.start(1))
        if len(front) >= 2 and front[0].start == m.start() and front[-1].end == m.start(1):
            found.append(Candidate(m.start(), m.end(), COMPOUND, type="Plan", headed=True))
    return found


# A plan's round or term in parentheses right after its name: （第三次）, （第2期）.
_TERM_AFTER = re.compile(r"[（(]第[0-9０-９一二三四五六七八九十]+[次期][）)]")


def plans_by_term(text: str) -> list[Candidate]:
    """Return the names written with a plan's round or term in parentheses right after them (健康長野30 of
    健康長野30（第二次）, 漁港整備基本計画 of 漁港整備基本計画（第5次）): a state renews its plans by round or term and
    names each so, and the name without the round is the plan the text speaks of. The name ends in a plan's head or has a proper part (a place, 長野 of 健康長野30); a run headed as another
    kind, one named after a person (…内閣（第2次）) or opening with a number (2030年度目標（第6次）: a figure of a plan's round) is none."""
    found = []
    for m in _TERM_AFTER.finditer(text):
        start = m.start()
        while start > 0 and is_name_char(text[start - 1]):
            start -= 1
        name = nfkc(text[start : m.start()])
        if len(name) < 3 or name[0].isdigit() or suffix_type(name) not in ("", "Plan"):
            continue
        inside = words_within(text, start, m.start())
        if any(w.pos[2] == "人名" for w in inside):
            continue  # a leader's cabinet or government by its term (…内閣（第2次）)
        if suffix_type(name) == "Plan" or any(w.pos[1] == "固有名詞" for w in inside):
            found.append(Candidate(start, m.start(), COMPOUND, type="Plan", headed=True))
    return found


# A name with its acronym in parentheses before its head: …スペース（ABC）規則.
_ACRONYM_INSIDE = re.compile(r"（([A-Z][A-Z0-9]{1,9})）")


def acronyms_inside(text: str) -> list[Candidate]:
    """Return the names written with their acronym in parentheses between the name and its head (データ空間
    （ABC）規則, the ABC regulation): the head right after the parenthesis ends the name, a Law, Plan or body.
    The words before are katakana or kanji ones of two characters or more; a head of no kind, or none,
    leaves the parenthesis an acronym of the words before it. The entity is the name without the acronym."""
    found = []
    for m in _ACRONYM_INSIDE.finditer(text):
        head = word_starting(text, m.end())
        start = m.start()
        while start > 0 and is_name_char(text[start - 1]) and text[start - 1] != "・":
            start -= 1
        if head is None or m.start() - start < 2 or not all(is_kanji(c) or is_katakana(c) for c in text[start : m.start()]):
            continue
        name = nfkc(text[start : m.start()] + text[head.start : head.end])
        if suffix_type(name) in ("Law", "Plan", "Organization") and 0 < head_length(name) <= head.end - head.start:
            found.append(Candidate(start, head.end, COMPOUND, entity=name, type=suffix_type(name), headed=True))
    return found


def currency_areas(text: str) -> list[Candidate]:
    """Return the areas named by a currency and 圏 (ドル圏, one word or two): the region that pays in it.
    An amount (100円圏内) and a range (…圏内, …圏外) are none."""
    if "圏" not in text:
        return []
    currencies = name_words("currency")
    found = []
    for word in words(text):
        surface = nfkc(text[word.start : word.end])
        if surface.endswith("圏") and surface[:-1] in currencies:
            end = word.end
        elif surface in currencies and text[word.end : word.end + 1] == "圏":
            end = word.end + 1
        else:
            continue
        if not (word.start and nfkc(text[word.start - 1]).isdigit()) and text[end : end + 1] not in ("内", "外"):
            found.append(Candidate(word.start, end, COMPOUND, type="Region"))
    return found


def _foreign(text: str, word: Word) -> bool:
    """Return True for a noun of katakana or Latin letters that names no place or person."""
    surface = text[word.start : word.end]
    return (word.pos[0] == "名詞" and word.pos[2:3] not in (("地名",), ("人名",))
            and all(is_katakana(c) or is_ascii_alnum(c) for c in surface))


def _foreign_run_end(text: str, found: Sequence[Word], first: Word) -> int:
    """Return where a run of katakana or Latin words joined directly or by ・ ends."""
    end = first.end
    for word in found:
        if word.start < end:
            continue
        surface = text[word.start : word.end]
        if word.start == end and _foreign(text, word):
            end = word.end
        elif word.start == end and surface in _JOINERS and end + 1 < len(text) and (is_katakana(text[end + 1]) or is_ascii_alnum(text[end + 1])):
            end = word.end
        else:
            break
    return end


def proper_words(text: str, spans: Sequence[Span]) -> list[Candidate]:
    """Return the words Sudachi knows as place names (御嶽山, 喜望峰) or as proper nouns of no narrower
    kind (第一三共, クボタ, 東京ガス) that make up a noun run alone, or with words for its members
    after it (保守党閣僚, 民主党員), and that no model span covers.

    The second kind names an organisation more often than anything else, and a model span inside
    such a word (東京 of 東京ガス) is a fragment; a span of a label kg maps to no type decides nothing.
    Words of Latin letters only are left out: they name software and products as often (Windows,
    Python). A word ending in a head word takes its type (国士舘大学, 下関駅).
    """
    found = []
    for run in _noun_runs(text):
        if len(run) > 1 and text[run[0].start : run[0].end] in country_abbreviations():
            run = run[1:]  # 米デトロイト: a place of the country the letter names
        word = run[0] if run else None
        # after a place, a word for a part of it (南鳥島周辺, パリ南部) leaves the place the name
        # after a body, a word for a thing it makes (ABC機) leaves the body the name, and after a body of a
        # head a post there (…大学教授: kg/data/titles.txt)
        after = name_words("member") | name_words("made") | (
            name_words("position") if word is not None and word.pos[2:3] == ("地名",) else frozenset()) | (
            _titles() if word is not None and head_type(text[word.start : word.end]) == "Organization" else frozenset())
        if word is None or word.pos[:2] != ("名詞", "固有名詞") or word.pos[2] not in ("一般", "地名") or not all(
            text[w.start : w.end] in after for w in run[1:]
        ):
            continue
        surface = nfkc(text[word.start : word.end])
        if len(surface) < 2 or surface.isascii() or any(
            s.start <= word.start and word.end <= s.end and s.ene in ene_types() and not lists_proper_words(text, s)
            for s in spans
        ):
            # the model's own entity decides, unless it is of a kind kg has no type for (ペトロナス as a
            # vehicle) or runs over a ・ list the word is an item of (日本郵船・商船三井・川崎汽船)
            continue
        if not has_proper_part(text[word.start : word.end]) and not _ends_in_proper_head(surface):
            continue  # a compound of common words the dictionary lists as proper (郵便事業), not a party's name
        kind = ("Country" if word.pos[3] == "国" else "Region") if word.pos[2] == "地名" else "Organization"
        # a place of the dictionary in 省 is a province (江西省), where 省 after common words heads a ministry
        head = "" if kind == "Region" and surface.endswith("省") else head_type(surface)
        # a place's head after an acronym (…東海 of ABC東海) ends a company's regional arm, no place
        head = "" if head in ("Country", "Region") and _opens_latin(surface) else head
        found.append(Candidate(word.start, word.end, COMPOUND, type=head or kind))
    return found


def _titles() -> frozenset[str]:
    """Return the titles written after a name (kg/data/titles.txt), read where people are read."""
    from kg.resolve.people import titles  # people reads compounds' heads

    return titles()


def _opens_latin(name: str) -> bool:
    """Return True for a name that opens with Latin letters and goes on in Japanese (ABC北海, NTT西日本)."""
    return bool(re.match(r"[A-Za-z]{2,}[^A-Za-z\s]", name))


def lists_proper_words(text: str, span: Span) -> bool:
    """Return True for a span that lists proper nouns of the dictionary written in kanji, joined by ・
    (日本郵船・商船三井・川崎汽船): each is a name of its own."""
    if "・" not in text[span.start : span.end]:
        return False  # most spans list nothing: skip reading their words
    proper = {(w.start, w.end) for w in words_within(text, span.start, span.end)
              if w.proper and w.pos[2] != "人名" and any(is_kanji(c) for c in text[w.start : w.end])}
    return lists_only(text, span, proper)


def lists_only(text: str, span: Span, items: set[tuple[int, int]]) -> bool:
    """Return True when a span is two or more of the items (start, end) joined by ・ and nothing else, or
    three or more parts all of which but one are items (自衛隊・消防・TEC-FORCE: two bodies and a service
    listed, no one name)."""
    if "・" not in text[span.start : span.end]:
        return False
    start, missing = span.start, 0
    parts = text[span.start : span.end].split("・")
    for part in parts:
        missing += (start, start + len(part)) not in items
        start += len(part) + 1
    return missing == 0 or (len(parts) >= 3 and missing == 1)


def continued(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """Return the longer names that known names and model spans run on into (東京 of 東京ヴェルディ,
    アンジェ of アンジェSCO, Microsoft of Microsoft Corporation, アメリカ合衆国 of アメリカ合衆国ニューヨーク).

    A name goes on over the words right after it that are proper nouns of no narrower kind, words
    the dictionary lacks, capitalised Latin words after a space, and, after a place, more places: an
    address then names its last place. A name followed by a common word or a particle ends there.
    """
    by_start = {w.start: w for w in words(text)}
    found = []
    for cand in cands:
        if not cand.type or cand.type == OTHER or has_markup(text[cand.start : cand.end]):
            continue
        end, last_place, kinds, katakana = cand.end, 0, set(), False
        while "head" not in kinds:
            gap = 1 if _gap_in_name(text, end, cand.type) else 0
            word = by_start.get(end + gap)
            kind = _continuation(text, word, cand.type, gap) if word is not None else ""
            if "position" in kinds and kind != "position":
                break
            if not kind and katakana and not gap and word is not None and word.pos[0] == "名詞" \
                    and is_katakana(text[word.start]):
                kind = "proper"  # the rest of a katakana part after ・ (ボストン・レッド ソックス)
            katakana = bool(gap) and kind != "" and is_katakana(text[word.start]) if word is not None else False
            if not kind:
                break
            kinds.add(kind)
            last_place = word.start if kind == "place" else last_place
            end = word.end
        headed_end = _headed_tail(text, by_start, end, cand.type) or _battle(text, by_start, end)
        if headed_end and text.startswith(_AREA, headed_end):
            continue  # 北浜交通圏: the area named by the place and a trade, no body of the place's name and its head
        if headed_end:
            end, kinds = headed_end, kinds | {"head"}
        if cand.type == "Person" and not kinds:
            end = _regnal_number(text, by_start, end)
        if kinds == {"position"}:
            # the part of a place the text names is that place (スペイン北部, 札幌市内): it reads so, and is its
            # node; the whole of it or the area around it is no place of its own (フランス本土, マドリード近郊)
            end = _before_around(text, by_start, cand.end, end)
            if end > cand.end:
                found.append(Candidate(cand.start, end, COMPOUND, cand.entity, cand.type, headed=True))
        elif end > cand.end and not ends_in_publication(text, end):
            start = _after_qualifier(text, by_start, cand.start, end) if "head" in kinds else cand.start
            found.append(Candidate(start, end, COMPOUND, type=_continued_type(text, cand, end, kinds),
                                   headed=True, names_from=last_place if kinds == {"place"} else 0))
    return found


def _after_qualifier(text: str, by_start: dict[int, Word], start: int, end: int) -> int:
    """Return where a headed name a span runs on into starts after a qualifier the span opened with (旧 of the model's
    person 旧山川 in 旧山川派): the group so named is the one the text names without it."""
    first = by_start.get(start)
    if first is None or first.end >= end or not strips_qualifier(text[first.start : first.end], text[first.end : end]):
        return start
    return first.end


def ends_in_publication(text: str, end: int) -> bool:
    """Return True when the Latin words a name runs on into end in a word for a publication (name_words.tsv,
    role publication: ABC Energy Outlook, XYZ Health Statistics): the title of a body's report or data, no
    name of a body; the body it opens with is a mention of its own."""
    last = re.search(r"([A-Za-z]+)\s*$", nfkc(text[:end]))
    return last is not None and last.group(1) in name_words("publication")


def _before_around(text: str, by_start: dict[int, Word], start: int, end: int) -> int:
    """Return where the position words from start to end reach before the first word for the whole of
    a place or the area around it (本土, 全土, 近郊, 周辺: name_words.tsv, role around)."""
    word = by_start.get(start)
    while word is not None and word.start < end:
        if nfkc(text[word.start : word.end]) in name_words("around"):
            return word.start
        word = by_start.get(word.end)
    return end


def _battle(text: str, by_start: dict[int, Word], end: int) -> int:
    """Return where "の戦い" or "の乱" after a name ends (耳川の戦い, 天正壬午の乱), or 0: the battle
    of a place or a rising named after a person or era is an event named with the genitive. A noun after
    the head makes it a common phrase (…の乱世), but a time word places a time around the event (嘉吉の乱直後)."""
    joiner = by_start.get(end)
    word = by_start.get(joiner.end) if joiner is not None and text[joiner.start : joiner.end] == "の" else None
    after = by_start.get(word.end) if word is not None else None
    timed = after is not None and text[after.start : after.end] in name_words("time")
    if word is None or text[word.start : word.end] not in name_words("battle") or (
            after is not None and after.pos[0] == "名詞" and not timed):
        return 0
    return word.end


def _regnal_number(text: str, by_start: dict[int, Word], end: int) -> int:
    """Return where a person's regnal or generation number ends (フセイン1世, アスター4世), else end."""
    number = by_start.get(end)
    if number is None or number.pos[1] != "数詞" or text[number.end : number.end + 1] != "世":
        return end
    return number.end + 1


def _headed_tail(text: str, by_start: dict[int, Word], end: int, type_: str) -> int:
    """Return where common words after a name end in a head that makes them one name with it
    (日本電気 協会, 国際オリンピック委員会 総会, インドシナ 海), or 0. A place's head (海, 府) only
    goes on with a place."""
    found, seen = 0, 0
    word = by_start.get(end)
    while word is not None and seen < 4 and word.pos[0] in _NOUNS and word.pos[1] != "数詞" and not word.proper:
        surface = nfkc(text[word.start : word.end])
        if surface in name_words("describing") or surface in _JOINERS or _hiragana_suffix(text, word):
            break
        head = heads_by_word().get(surface) or ends_in_head(surface)
        after = by_start.get(word.end)
        inner = surface in _WEATHER_HEADS and after is not None and after.pos[0] in _NOUNS  # …水害地対策…
        if head and (head != "Region" or type_ in ("Country", "Region")) and not inner:
            found = word.end
        seen += 1
        word = after
    return found


def _hiragana_suffix(text: str, word: Word) -> bool:
    """Return True for a suffix written in hiragana (…とも, …たち): it says how many or which of what
    comes before it (両行とも合意, 銀行とも合意), and no name goes on across it."""
    return word.pos[0] == "接尾辞" and all(map(is_hiragana, text[word.start : word.end]))


def _latin_end(text: str, i: int) -> bool:
    """Return True when text[:i] ends in a Latin letter or digit."""
    return i > 0 and is_ascii_alnum(nfkc(text[i - 1]))


def _gap_in_name(text: str, i: int, type_: str) -> bool:
    """Return True for a character at text[i] that a name goes on across: a space between Latin
    words (Microsoft Corporation), a ・ or = between the parts of a person's name (ジョン・F・ケネディ).
    A name in kanji does not go on so: a ・ after it lists another person (石破・トランプ)."""
    if text[i : i + 1] == " ":
        return _latin_end(text, i)
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    if type_ == "Person":
        return text[i : i + 1] in "・=＝" and not is_kanji(before) and (is_katakana(after) or is_ascii_alnum(nfkc(after or " ")))
    # a katakana name goes on over ・ into a common katakana word (シカゴ・ホワイトソックス, ベルリン・フィル)
    return text[i : i + 1] == "・" and is_katakana(before) and is_katakana(after)


# The year of a plan's edition written right after its name: 2024 of …の基本方針2024.
_EDITION_YEAR = re.compile(r"(?:19|20)\d\d")


def _continuation(text: str, word: Word, type_: str, gap: int) -> str:
    """Return how a word goes on with a name before it ("" when it does not)."""
    surface = nfkc(text[word.start : word.end])
    if gap:
        latin = surface.isascii() and surface[:1].isupper()
        if type_ == "Person" and is_katakana(surface[0]):
            return "latin"
        if is_katakana(surface[0]) and not latin:
            # a listed name (シカゴ・ボストン) is a proper word; a common word is the rest of this one
            return "" if word.proper or word.unknown else "proper"
        return "latin" if latin else ""
    if type_ == "Plan" and _EDITION_YEAR.fullmatch(surface) and not text.startswith(("年", "/", "-", "～", "〜"), word.end):
        return "head"  # a plan's year is its edition (…の方針2024), not a date (…の方針2024年度に) or a period
    if type_ in ("Country", "Region") and surface in name_words("position"):
        return "position"  # and more of them: 太平洋沿岸北部
    if type_ == "Country" and surface in name_words("acting"):
        return "head"  # a country's authorities are the country acting (イラン当局)
    if type_ in ("Organization", "Person", "Event") and _org_head(surface):
        return "head"  # the model stopped before the head of an organisation's name (ユナイテッド航空, 京都サンガF.C.)
    if word.pos[:3] == ("名詞", "固有名詞", "地名") and word.pos[3] != "国" and type_ in ("Country", "Region"):
        return "place"  # a place within the one before; a country after a country is a list (タイ米国)
    if word.pos[:3] == ("名詞", "固有名詞", "地名") and type_ == "Organization":
        return "proper"  # a club or branch named after its town (カターレ富山, 川崎製鉄千葉)
    if word.pos[:3] == ("名詞", "固有名詞", "一般") and _ERA_YEAR.match(text, word.end):
        return ""  # an era's year after a name (経済産業省 平成21年度) dates it
    if word.pos[:3] == ("名詞", "固有名詞", "一般") and has_proper_part(text[word.start : word.end]):
        return "proper"  # not a compound of common words the dictionary lists (農林水産大臣)
    if word.unknown and word.pos[0] == "名詞" and len(surface) >= 2 and word.pos[1] != "数詞":
        return "unknown"
    return ""


def _org_head(surface: str) -> bool:
    """Return True for a word that is the head of an organisation's name (航空, FC)."""
    return heads_by_word().get(surface) == "Organization"


def _continued_type(text: str, cand: Candidate, end: int, kinds: set[str]) -> str:
    """Return the type of a name a shorter one ran on into: a place after places, else by its head,
    else the shorter one's type unless a proper word made a place or person into something else."""
    if kinds == {"place"}:
        return "Region"
    surface = nfkc(text[cand.start : end])
    head = head_type(surface)
    if head:
        return head
    if cand.type in ("Country", "Region") or (cand.type == "Person" and "proper" in kinds):
        return "Organization"
    return cand.type


def _with_listed_places(text: str, cand: Candidate, before: Sequence[Sequence[Word]]) -> Candidate:
    """Return an event or agreement named after places listed before it, with those places
    (九州・沖縄サミット, 米国・メキシコ・カナダ協定): the list then is part of the name."""
    if cand.type not in ("Event", "Agreement"):
        return cand
    start = cand.start
    for run in reversed(before):
        places = bool(run) and all(w.pos[:3] == ("名詞", "固有名詞", "地名") for w in run)
        if not places or run[-1].end + 1 != start or text[run[-1].end] not in _JOINERS:
            break
        start = run[0].start
    return replace(cand, start=start)


@lru_cache(maxsize=64)
def _noun_runs(text: str) -> tuple[tuple[Word, ...], ...]:
    """Return the maximal runs of adjacent noun-like words, cut at joiners that list names
    (cached: compound_names and proper_words both read a block's runs)."""
    runs: list[list[Word]] = []
    run: list[Word] = []
    all_words = words(text)
    for i, word in enumerate(all_words):
        surface = text[word.start : word.end]
        adjacent = bool(run) and run[-1].end == word.start
        following = all_words[i + 1 : i + 2]
        if surface in _JOINERS and adjacent and (_joins_name(text, word, following) or _joins_fields(text, run[-1], following)):
            run.append(word)
            continue
        if word.pos[0] == "接尾辞" and surface in name_words("describing") or _hiragana_suffix(text, word):
            run = []
        elif (word.pos[0] in _NOUNS and surface not in _JOINERS) or _compounded_adjective(word, all_words[i + 1 : i + 2]):
            if not adjacent:
                run = []
                runs.append(run)
            run.append(word)
        else:
            run = []
    return tuple(tuple(_without_qualifiers(text, r)) for r in runs if r)


def _compounded_adjective(word: Word, following: Sequence[Word]) -> bool:
    """Return True for an adjectival noun written right before a noun or another such word, with no な: a
    word of the compound (サイバー and 特別 of サイバー特別捜査隊), as Japanese writes it inside a name."""
    return (word.pos[0] == "形状詞" and bool(following) and following[0].start == word.end
            and following[0].pos[0] in (*_NOUNS, "形状詞"))


def _joins_name(text: str, joiner: Word, following: Sequence[Word]) -> bool:
    """Return True when a joiner stands between two katakana or Latin words (ザール・ブリュッケン)."""
    before = text[joiner.start - 1] if joiner.start else ""
    after = text[joiner.end] if joiner.end < len(text) else ""
    kind = lambda ch: is_katakana(ch) or is_ascii_alnum(nfkc(ch))  # noqa: E731
    return bool(following) and following[0].start == joiner.end and kind(before) and kind(after)


def _joins_fields(text: str, before: Word, following: Sequence[Word]) -> bool:
    """Return True for a ・ between two common nouns, the first without a head of its own: fields of one name
    (育児・介護 of 育児・介護休業法, 子ども・子育て of …支援法), where a list sets names (三越・あさひ銀行) or
    headed things (調査委員会・事実調査団) apart."""
    if not following or following[0].start != before.end + 1 or text[before.end] != "・":
        return False
    first = nfkc(text[before.start : before.end])
    common = lambda w: w.pos[:2] == ("名詞", "普通名詞") or listed_kana_field(text, w)  # noqa: E731
    return common(before) and common(following[0]) and not suffix_type(first) and _longest_head(first, 1) is None


def _without_qualifiers(text: str, run: Sequence[Word]) -> Sequence[Word]:
    """Return a run without the words before a name that only place it in time or relation (同年, 旧), or say
    in whose language it is the name (英名, 比名, 中国名: see _name_label)."""
    start = _name_label(text, run)
    while start < len(run) and (
        run[start].pos[2:3] == ("副詞可能",)
        or strips_qualifier(text[run[start].start : run[start].end], text[run[start].end : run[-1].end])
    ):
        start += 1
    while start < len(run) and text[run[start].start : run[start].end] in _JOINERS:
        start += 1
    return run[start:]


def _name_label(text: str, run: Sequence[Word]) -> int:
    """Return how many words at a run's start say whose name follows: a country's one-character form or name
    and 名 (英名, 中国名 of 中国名…島), or a word for a name's kind (通称, 別名, 現地名); 0 when none does."""
    first = nfkc(text[run[0].start : run[0].end]) if run else ""
    if len(run) > 1 and (first in name_words("label") or (first[-1:] == "名" and first[:-1] in country_abbreviations())):
        return 1
    if len(run) > 2 and run[0].pos[3:] == ("国",) and text[run[1].start : run[1].end] == "名":
        return 2
    return 0


# The heads of a weather disaster's name (伊勢湾台風, 奥能登豪雨): they end a disaster's name only where the
# run of nouns ends, as the word is a field's inside a longer name (…水害地対策特別委員会).
_WEATHER_HEADS = ("台風", "豪雨", "水害")


def _named_run(text: str, run: Sequence[Word]) -> Candidate | None:
    """Return the name a run makes up to its last head word, if a proper word vouches for it."""
    heads = heads_by_word()
    for end in range(len(run) - 1, 0, -1):
        for head_start in range(1, end + 1):
            type_ = heads.get(nfkc(text[run[head_start].start : run[end].end]))
            if type_ is None and head_start == end:
                type_ = ends_in_head(nfkc(text[run[end].start : run[end].end]))
            if type_ is None or (end < len(run) - 1 and nfkc(text[run[head_start].start : run[end].end]) in _WEATHER_HEADS):
                continue  # 衆議院水害地対策特別委員会: a weather disaster's head inside a run names a committee's field
            first = _first_word(text, run[:head_start], type_)
            if _counted(run, head_start) and type_ == "Organization":
                continue  # a count before the head (事業者10社) is no name; a place keeps its number (1丁目)
            if first is not None and (any(_vouches(text, w) for w in run[first:head_start])
                                      or _dated_katakana_name(text, run[first:head_start], type_)
                                      or _katakana_islands(text, run[first:head_start], run[head_start:end + 1])):
                first = _after_description(text, run, first, head_start)
                while type_ != "Organization" and end + 1 < len(run) and run[end + 1].pos[1] == "数詞":
                    end += 1  # a year after the head is part of an event's or a plan's name (東京栄養サミット2021); after
                    # an organisation's it is a division or a grade (関東大学リーグ2部)
                return Candidate(run[first].start, run[end].end, COMPOUND, type=type_, headed=True)
    return _address(text, run)


def _counted(run: Sequence[Word], head_start: int) -> bool:
    """Return True when a number, or a number and its counter, stands right before the head: 事業者10社 counts
    bodies, and 朝 after 23日 is the morning of a day, no dynasty (…時間23日朝)."""
    before = run[head_start - 1]
    return before.pos[1] == "数詞" or (before.pos[:3] == ("接尾辞", "名詞的", "助数詞") and head_start >= 2
                                      and run[head_start - 2].pos[1] == "数詞")


def _after_description(text: str, run: Sequence[Word], first: int, head_start: int) -> int:
    """Return where a name starts after the words that describe it (武装組織 of 武装組織ムフタ派, 国営企業 of
    …): common words ending in a word for a company or a body (name_words.tsv, role company) before the
    first word that vouches for the name."""
    vouching = next((i for i in range(first, head_start) if _vouches(text, run[i])), first)
    described = vouching > first and not any(run[i].proper for i in range(first, vouching))
    word = nfkc(text[run[vouching - 1].start : run[vouching - 1].end])
    if described and word.endswith(tuple(name_words("company"))) and word not in legal_forms():
        return vouching  # a legal form is part of the name (株式会社…設計事務所)
    return first


# The heads of reefs and groups of islands: a katakana word before one is a foreign place's name, which
# the dictionary may hold as a common noun; Japanese writes its terms for them in kanji (珊瑚礁, 火山列島).
_ISLAND_HEADS = ("礁", "諸島", "列島", "群島")


def _katakana_islands(text: str, modifier: Sequence[Word], head: Sequence[Word]) -> bool:
    """Return True for katakana words of three characters or more before the head of a reef or a group of
    islands (…礁, …諸島): the name of one, written as Japanese writes foreign places. サンゴ礁 is one word
    of the dictionary's and no run with a head."""
    name = text[modifier[0].start : modifier[-1].end] if modifier else ""
    return (len(name) >= 3 and all(is_katakana(c) or c == "・" for c in name)
            and nfkc(text[head[0].start : head[-1].end]) in _ISLAND_HEADS)


def _dated_katakana_name(text: str, modifier: Sequence[Word], type_: str) -> bool:
    """Return True for one katakana word before an agreement's head after a year and の (1987年のホテル合意):
    the year says the accord is one that happened, named after where it was made."""
    return (type_ == "Agreement" and len(modifier) == 1 and all(is_katakana(c) for c in text[modifier[0].start : modifier[0].end])
            and _YEAR_OF.search(text, 0, modifier[0].start) is not None)


def ends_in_head(word: str) -> str | None:
    """Return the type of a head of two characters or more that a longer common word ends in
    (公園 of 総合運動公園, 選手権 of 卓球選手権); None when it ends in none.

    A facility's katakana head right after katakana is the end of one loanword, not a head:
    モービル ends in ビル and names no building, as ルイビル, a city, does not."""
    heads = heads_by_word()
    for length in _head_lengths():
        if 2 <= length < len(word) and (type_ := heads.get(word[-length:])) is not None:
            loanword = type_ == OTHER and is_katakana(word[-length]) and is_katakana(word[-length - 1])
            return None if loanword else type_
    return None


def _address(text: str, run: Sequence[Word]) -> Candidate | None:
    """Return a run of two or more place names as one address (兵庫県加古郡播磨町, アメリカ合衆国ニューヨーク)."""
    places = [w for w in run if text[w.start : w.end] not in _JOINERS]
    if len(places) >= 2 and all(w.pos[:3] == ("名詞", "固有名詞", "地名") for w in places) and all(
        w.pos[3] != "国" for w in places[1:]
    ):
        return Candidate(run[0].start, run[-1].end, COMPOUND, type="Region", headed=True, names_from=places[-1].start)
    return None


def _first_word(text: str, modifier: list[Word], type_: str) -> int | None:
    """Return where a name starts in the words before its head: an organisation's or place's name
    starts after a date (2000年劇団 is no name), an event's keeps its year (2006年アジア競技大会)."""
    first = 0
    if type_ != "Event" and not _numeral_opens_name(text, modifier):
        while first < len(modifier) and (modifier[first].pos[1] == "数詞" or _counter_after_number(modifier, first)):
            first += 1
    return first if first < len(modifier) else None


def _numeral_opens_name(text: str, modifier: Sequence[Word]) -> bool:
    """Return True for a name that opens with one kanji numeral and a noun that counts nothing (一迅社,
    五苑マルシングループ): a count is written with a counter after it (三社, 五カ国) and a date in digits."""
    if len(modifier) < 2 or modifier[0].pos[1] != "数詞" or modifier[0].end - modifier[0].start != 1:
        return False
    after = modifier[1]
    return (is_kanji(text[modifier[0].start]) and text[modifier[0].start - 1 : modifier[0].start] != "第"
            and after.pos[0] == "名詞" and after.pos[1] != "数詞" and after.pos[2] not in ("助数詞可能", "助数詞"))


def _counter_after_number(words_: list[Word], i: int) -> bool:
    """Return True for a counter word after a number (年 of 2000年, 月 of 4月, the suffix 日 of 19日)."""
    return i > 0 and words_[i - 1].pos[1] == "数詞" and words_[i].pos[2] in ("助数詞可能", "助数詞")


def _vouches(text: str, word: Word) -> bool:
    """Return True for a word that makes a compound a name: a proper noun (not a compound of common
    words the dictionary lists as proper, 電源開発), a word the dictionary lacks,
    or a Latin word of two letters or more with a capital (ISU, BeSeTo); never a number."""
    surface = nfkc(text[word.start : word.end])
    if word.pos[1] == "数詞" or not any(c.isalpha() for c in surface):
        return False
    latin = surface.isascii() and len(surface) >= 2 and any(c.isupper() for c in surface)
    proper = word.proper and (word.pos[2] != "一般" or has_proper_part(text[word.start : word.end]))
    return proper or (word.unknown and len(surface) >= 2) or latin


def is_common_compound(text: str, start: int, end: int) -> bool:
    """Return True for katakana common words with a head noun after them (コントロールセンター, フード
    バンク), or Latin ones not all capitals before a katakana head (SaaSプラットフォーム; an acronym may
    be a body's, as AFC of AFCカップ is): a term, as a run of kanji common words with a head (国際会議)
    is. A name has a word that vouches for it: a proper noun (カーターセンター), a word the dictionary
    lacks, or an adjective-like loanword the dictionary reads apart (グローバルファンド); one the
    dictionary holds whole is its own business (ソフトバンク, データセンター)."""
    inside = words_within(text, start, end)
    surface = nfkc(text[start:end])
    if (len(inside) < 2 or (inside[0].start, inside[-1].end) != (start, end) or not is_katakana(surface[-1])
            or not all(is_katakana(c) or (c.isascii() and c.isalpha()) for c in surface)
            or any(_ACRONYM_WORD.fullmatch(text[w.start : w.end]) for w in inside)):
        return False
    last = nfkc(text[inside[-1].start : inside[-1].end])
    if (heads_by_word().get(last) or suffix_type(surface)) in (None, "", OTHER):
        return False
    return only_common_nouns(inside)


def only_common_nouns(inside: Sequence[Word]) -> bool:
    """Return True when every word is a common noun the dictionary holds (none it lacks)."""
    return all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown for w in inside)
