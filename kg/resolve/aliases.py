"""Names that stand for one entity: the user's alias files, and the aliases the notes define.

A note defines an alias with 正式名称（略称） or 略称（正式名称）, an English expansion in the
parentheses or in the footnote a form cites, front-matter ``aliases``, and [[target|alias]] links.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import PurePath

from kg.records import ENTITY_TYPES, Block, Note, Span
from kg.resolve.gazetteer import country_abbreviations, country_names, load_gazetteer
from kg.resolve.junk import DATE_LIKE, has_markup, is_product
from kg.resolve.candidates import (
    TITLE_CLAUSES, after_section_number, elections, formal_titles, is_two_plus_two, kind_of_body, run_before, title_start,
    two_plus_two, with_new,
)
from kg.resolve.compounds import OTHER, compound_heads, head_type, heads_by_word
from kg.resolve.corrections import AliasRow
from kg.resolve.identifiers import letters_fit
from kg.resolve.knowledge import (
    ORGAN_HEADS, bare_heads, generic_words, head_length, name_words, read_lines, short_heads, suffix_type, type_suffixes,
    without_legal_form,
)
from kg.resolve.lexicon import Lexicon
from kg.resolve.people import name_before_title
from kg.resolve.products import describes_software
from kg.resolve.words import common_words, one_common_noun, short_units, word_ending, words, words_within
from kg.text.chars import (fold_variants, is_ascii_alnum, is_hiragana, is_kanji, is_katakana, is_name_char, match_key, nfkc,
                           tidy_surface)

_PARENS = re.compile(r"[（(]([^（）()]{1,80})[）)]")
_ENGLISH_LEAD = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'&/\-]*[A-Za-z0-9]")
_ABBREV = re.compile(r"^[A-Za-z0-9&\-・.]*[A-Z][A-Za-z0-9&\-・.]*[A-Z0-9][A-Za-z0-9&\-・.]*$")
_TRAILING_PARTICLES = set("のにをはがでとへもやより")
_MODIFIER_ENDINGS = set("なのる的")
# 以下「略称」, 以下、略称 (とする/という): the author's own declaration of a short form
# （旧・日本製粉）, （旧称：…）: the body's former name
_FORMERLY = re.compile(r"(?:旧称|旧名|旧)[・:：\s]?([^、。\s]{2,40})")
_HEREAFTER = re.compile(r"以下[、，,]?\s*[「『]?([^「」『』、。\s]{2,40}?)[」』]?\s*(?:とする|という|と呼ぶ|と略す)?")
_EDITION = re.compile(r"^第\s*\d+\s*回")
# A parenthesis that says what kind of name it holds: （正式名「…」）, （通称：…）, （いわゆる…。…）.
# What follows the name after a comma or full stop is a remark about it, not part of it.
# A country's one-character form and 名 says in whose language the name is: （比名…）, （中名…）.
_LABELLED = re.compile(
    r"(正式名称|正式名|正式には|通称|略称|別称|別名|英語名|英名|現地名|和名|いわゆる|["
    + "".join(country_abbreviations()) + r"]名)\s*(?:は|[：:])?\s*"
    r"[「『]?([^「」『』、。，]{2,80}?)[」』]?\s*(?:[、。，].*)?")
# A name and, after a comma, what it is called for short, both in one parenthesis: （…プログラム、通称K Program）.
_NAME_AND_LABEL = re.compile(r"([^「」『』、。，：:]{2,60})[、，]\s*(?:通称|略称|別称|別名)\s*[：:]?\s*[「『]?([^「」『』、。，]{2,40}?)[」』]?")
# What a parenthesis ends with when it gives another name the thing goes by: （…ではXとも呼ばれる）.
_ALSO_CALLED = re.compile(r"[」』]?とも(?:呼ばれる|呼ばれている|呼ぶ|いう|言う|称される)$")
_ENGLISH_NAME = re.compile(r"[A-Za-z][A-Za-z0-9'&\-]*(?: [A-Za-z0-9][A-Za-z0-9'&\-]*)+")
# What opens a footnote that gives a name in English: 英語では …, 英語名は …, 英文名: …
_IN_ENGLISH = re.compile(r"(?:英語では|英語で|英語名は|英語名[：:]|英文名は|英文名[：:]|英名は|英名[：:])\s*[「『\"]?("
                         + _ENGLISH_NAME.pattern + ")")
# A name read out in katakana, after the initials of an English given name if any (C.C.ウェイ).
_READING = re.compile(r"(?:[A-Z]\. ?)*[ァ-ヺー][ァ-ヺー・=]+")
# A foreign name's reading in two parts, surname and given name (パク・チョルヒ), and the lengths in kanji of a
# Korean or Chinese full name (曺国, 朴喆熙, 司馬相如).
_SURNAME_AND_GIVEN = re.compile(r"[ァ-ヺー]{1,6}・[ァ-ヺー]{1,8}")
_SURNAME_LENGTHS = (2, 4)
_PLACE_AND_YEAR = re.compile(r"(\D+?) ?(\d{4})")
# A Latin name and, in parentheses right after it, a place: seatec（ノルウェー）, Acme Robotics（米国）.
_LOCATED = re.compile(r"([A-Za-z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*)*)[（(]([^（）()、。,，\s]{1,20})[）)]")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "an", "&"})
# A year written onto a title's head: the edition's (…基本方針2024).
_YEAR_AFTER = re.compile(r"\s?(?:19|20)\d\d$")
# A count of people, states or bodies that a name may end in: 3人, 6か国, 2社.
_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十]+(?:人|名|か国|カ国|ヶ国|ケ国|社|団体|機関)$")


def base_lexicon(alias_rows: Sequence[AliasRow]) -> Lexicon:
    """Return a lexicon of the gazetteer, overridden by the user's alias rows (kg.resolve.corrections)."""
    lexicon = Lexicon()
    for entry in load_gazetteer():
        for name in entry.names:
            if not _folds_into_common_word(name):
                lexicon.add(name, entry.id, entry.type)
    for row in alias_rows:
        entity = _merge_target(lexicon, [row.name, *row.aliases]) or row.name
        for name in [row.name, *row.aliases]:
            lexicon.add(name, entity, row.type, replace=True)
        lexicon.retype(entity, row.type)
    return lexicon


def _folds_into_common_word(name: str) -> bool:
    """Return True for a name written with an old or variant kanji that, in the common form names are matched in,
    is one common word of the dictionary: 聯想, Lenovo's Chinese name, would match 連想 (association)."""
    folded = fold_variants(name)
    found = words(folded) if folded != name else ()
    return len(found) == 1 and (found[0].start, found[0].end) == (0, len(folded)) and not found[0].proper


def _merge_target(lexicon: Lexicon, names: Iterable[str]) -> str:
    """Return the entity that the first known name of a group stands for ("" if none)."""
    for name in names:
        known = lexicon.get(name)
        if known is not None:
            return known.entity
    return ""


def entity_notes_of(notes: Sequence[Note], lexicon: Lexicon) -> frozenset[str]:
    """Return the match keys of the titles of the notes about one entity (is_entity_note)."""
    return frozenset(match_key(note.title) for note in notes if is_entity_note(note, lexicon))


def entity_note_aliases(notes: Sequence[Note], entity_notes: frozenset[str]) -> Iterable[list[str]]:
    """Yield each entity note's title and front-matter aliases, the title first: the user's name for the entity."""
    for note in notes:
        # front-matter aliases name the note; they name an entity only when the note is about one
        aliases = [alias for alias in note.aliases if not has_markup(alias)]
        if aliases and match_key(note.title) in entity_notes:
            yield [note.title, *aliases]


def defined_aliases(
    blocks: Sequence[Block], spans: Mapping[str, Sequence[Span]], lexicon: Lexicon, entity_notes: frozenset[str],
    kinds: frozenset[str] = frozenset(),
) -> Iterable[list[str]]:
    """Yield groups of names that the notes' text says stand for one entity (entity notes: entity_note_aliases);
    a term's definition, whose acronym names a kind of thing (``kinds``: defined_kinds), is none."""
    footnotes = {b.footnote: b.text for b in blocks if b.kind == "footnote" and b.footnote}
    yield from _formal_names(blocks)
    yield from _title_tails(blocks)
    yield from _exercises_by_kind(blocks)
    for block in blocks:
        yield from _nicknames(block, lexicon)
        yield from _renamings(block, lexicon)
        yield from _former_names(block, entity_notes)
        yield from _paren_definitions(block, lexicon, kinds)
        yield from _footnote_expansions(block, footnotes)
        for link in block.links:
            shown = block.text[link.start : link.end]
            # [[target|alias]] says this text links to a note; the alias is a name of an entity only
            # when the target is one, and only when the alias is a name, not a common word (この機構);
            # one with markup (<b …>, =HYPERLINK(…)) names nothing
            replaced = lexicon.get(link.target) is not None and lexicon.was_replaced(shown, lexicon.get(link.target).entity)
            # a display text made of the target's own characters in order (国セン of 国民生活センター) is its short
            # name, whether or not the target is a note or a name kg knows
            if (link.wiki and match_key(shown) != match_key(link.target) and not has_markup(shown) and not replaced
                    and ((match_key(link.target) in entity_notes or lexicon.get(link.target) is not None)
                         and _is_name(shown, lexicon) or lexicon.get(shown) is None and _abridges(shown, link.target))):
                yield [link.target, shown]


# What says one thing was replaced by another: XをYに代える, Xに代えてY, Xに代わるY, Xを廃止してYを新設.
_REPLACING = re.compile(r"(?:に代えて|に替えて|に代わって|に替わって|に代わる|に替わる|を廃止し)[て、]?")


def replacements(blocks: Sequence[Block]) -> Iterable[tuple[str, str]]:
    """Yield (old, new) where a sentence says the thing named old gives way to the one named right after:
    漁業研修制度に代えて漁業就労制度を設ける, 漁業研修制度を廃止して漁業就労制度を新設する. The two are two
    things, however a link's text names one of them."""
    for block in blocks:
        for match in _REPLACING.finditer(block.text):
            old, after = run_before(block.text, match.start()), match.end()
            end = after
            while end < len(block.text) and is_name_char(block.text[end]):
                end += 1
            if len(old) >= 2 and end - after >= 2:
                yield old, block.text[after:end]


def is_replaced_thing(name: str) -> bool:
    """Return True for a name of what a sentence says replaces or is replaced (漁業研修制度 of 漁業研修制度に代えて
    漁業就労制度を設ける): a head and two words or more before it name one scheme, plan or body; one word (旧制度,
    新制度) only says which of the two is meant."""
    head = head_length(name)
    return bool(suffix_type(name)) and head > 0 and len(short_units(nfkc(name)[:-head])) >= 2


def defined_kinds(blocks: Sequence[Block], lexicon: Lexicon) -> Iterable[str]:
    """Yield the abbreviations the notes define by a word for a kind of thing: MOC of 協力覚書（MOC）, a
    memorandum of any two governments. Such an abbreviation names a kind, as its word does, not one thing;
    so does one a term of common words defines (PMF of 確率質量関数（PMF）, a quantity: _defines_term), an acronym of
    common words for a measure or a system (…摂取量（XYZ）), a clipped loanword (…（コンビニ）) or a kind of thing and
    a name of one in parentheses (SNS（…）: _abbreviated_thing, both forms), unless the notes also spell it out as a
    name with a head (…戦闘航空プログラム（GCAP） beside 次期戦闘機（GCAP））."""
    terms, named = [], set()
    for block in blocks:
        for match in _PARENS.finditer(block.text):
            inner = match.group(1).strip()
            outer = _name_before(block, match.start())
            if _is_kind(block.text, match.start(), outer) and is_abbreviation(inner):
                yield inner
            elif _is_bare_head(inner) and is_abbreviation(outer):
                yield outer
            else:  # a term may stand a space before its parenthesis: 混同行列 (Confusion Matrix)
                spaced = len(block.text[: match.start()].rstrip(" "))
                outer = outer or _name_before(block, spaced)
                quoted = block.text[: spaced - len(outer)].endswith(("「", "『"))  # 「…予測（WASDE）」: a title
                terms += [] if quoted else _defines_term(outer, inner, lexicon) + _abbreviated_thing(outer, inner)
                if suffix_type(outer) or head_type(outer):
                    named.add(inner)
    yield from (term for term in terms if term not in named)


def _defines_term(outer: str, inner: str, lexicon: Lexicon) -> list[str]:
    """Return the acronyms a term of common words and its parenthesis define, in either order, and the English
    words that spell them out (確率質量関数（PMF）, 分散分析（ANOVA, Analysis of Variance）, RMSE（二乗平均平方根
    誤差）, ENN（Edited Nearest Neighbours）), else []. A term names a quantity, a method or a kind of thing, and
    so does its acronym wherever the notes write it; a name kg knows, a word with a head of kg's types or a proper
    noun in the term (赤池情報量規準) leaves it alone."""
    parts = [p.strip() for p in re.split(r"[、，,/／]\s*", inner) if p.strip()]
    if _is_term(outer, lexicon) and all(_is_english_term(p, (), lexicon) for p in parts):
        return parts  # 正規分布 (Normal Distribution / Gaussian Distribution): a term and its English words
    acronyms = [p for p in parts if is_abbreviation(p) and lexicon.get(p) is None]
    english = [p for p in parts if p not in acronyms and _is_english_term(p, acronyms, lexicon)]
    # English words that spell the acronym out say it is a term, whatever the dictionary makes of the Japanese
    # (真陽 of 真陽性率 as a proper noun), unless that has a head of kg's types
    spelled = bool(english) and lexicon.get(outer) is None and not (suffix_type(outer) or head_type(outer))
    if outer and acronyms and len(acronyms) + len(english) == len(parts) and (
            spelled or _is_term(outer, lexicon) or _is_english_term(outer, acronyms, lexicon)):
        return acronyms + english
    if is_abbreviation(outer) and lexicon.get(outer) is None and len(parts) == 1 and (
            _is_term(parts[0], lexicon) or _is_english_term(parts[0], [outer], lexicon)):
        return [outer] + [p for p in parts if _ENGLISH_NAME.fullmatch(nfkc(p))]
    return []


def _is_english_term(name: str, acronyms: Sequence[str], lexicon: Lexicon) -> bool:
    """Return True for English words that spell out an acronym beside them, if any, and hold no word that ends an
    English name kg knows (Agreement, Agency, Bank, Partnership, …: english_heads): Edited Nearest Neighbours of
    ENN, Area Under the Curve of AUC, a method or a quantity, where Partnership for … Investment names a plan."""
    latin = nfkc(name)
    if not _ENGLISH_NAME.fullmatch(latin) or lexicon.get(name) is not None:
        return False
    spelled = not acronyms or any(is_abbreviation(a) and letters_fit(a, latin) for a in acronyms)
    return spelled and not {w.casefold() for w in re.split(r"[\s\-]+", latin)} & english_heads()


@cache
def english_heads() -> frozenset[str]:
    """Return the words an English name of kg's types ends in, casefolded: the heads of kg/data/english_heads.txt
    (agreement, agency, plan, summit, …) and the last words of the gazetteer's English names of two words or more
    (islands, republic, …)."""
    listed = {nfkc(line).casefold() for line in read_lines("english_heads.txt")}
    return frozenset(listed | {name.split()[-1].casefold() for entry in load_gazetteer() for name in entry.names
                               if " " in name and name.isascii() and not name.split()[-1].isdigit()})


def _is_term(name: str, lexicon: Lexicon) -> bool:
    """Return True for a term written in the dictionary's common words alone, two or more of them and no head
    of kg's types (確率質量関数, 中心極限定理, 偽発見率, シングルサインオン): none is a proper noun or a word the
    dictionary lacks (a numeral it reads as one is a number: 二 of 二乗), and kg knows no name of them."""
    if len(name) < 3 or lexicon.get(name) is not None or suffix_type(name) or head_type(name) or _NUMBERED.search(name):
        return False  # …, or a numbered one of a kind (第55会期: a session, 2024年度)
    found = words(name)
    covered = sum(w.end - w.start for w in found) == len(name)
    if found and nfkc(name[found[-1].start :]) in _GROUP_WORDS:
        return False  # 多国間…監視チーム, 専門家パネル: a word for a group of people ends the name of a body
    return covered and len(found) >= 2 and all(
        w.pos[0] in _TERM_WORDS and not w.proper and (not w.unknown or w.pos[1] == "数詞")
        and not is_country_compound(name[w.start : w.end]) for w in found)  # 日豪 of 日豪レアアース: a joint body


# A number written in digits, or an ordinal's 第, that makes a kind's word one thing of the kind.
_NUMBERED = re.compile(r"[0-9０-９]|第")
# Loanwords for a group of people that end a body's name though kg holds no head of them (…チーム, …パネル).
_GROUP_WORDS = frozenset({"チーム", "パネル", "ユニット", "タスクフォース", "グループ", "コンソーシアム"})
# The parts of speech a term of common words is made of: nouns, and the prefixes and suffixes of nouns (偽, 率).
_TERM_WORDS = frozenset({"名詞", "接頭辞", "接尾辞"})


# A sentence that gives the formal name of what the text before it named: 正式名は「…に関する協定」.
_FORMAL = re.compile(r"正式(?:な名前は|な名称は|名称は|名は|名称|名|には|は)[：:]?\s*[「『]([^「」『』]{4,120})[」』]")
# The same unquoted, when the formal name is all the rest of the sentence: 正式名は…に関する法律。
_FORMAL_PLAIN = re.compile(r"正式(?:名称|名)は[：:]?\s*([^「」『』、。\s]{4,120})(?=[。．]|$)")
_MARKED = re.compile(r"[「『]([^「」『』]{2,80})[」』]")
# The short form a writer declares after a formal name: 正式名称は「…」。以下、宇宙活動法と書く。
_SHORT_AFTER = re.compile(r"[。．]?\s*以下[、，,]?\s*[「『]?([^「」『』、。\s]{2,40}?)[」』]?\s*(?:と書く|と記す|とする|という|と呼ぶ|と略す)")


def located_names(blocks: Sequence[Block], lexicon: Lexicon) -> Iterable[str]:
    """Yield the Latin names a text places in one country by a parenthesis after them, as a list of
    partners does (IBM（米国）、seatec（ノルウェー）): a body of that country, whatever the case it is written in."""
    for block in blocks:
        if "（" not in block.text and "(" not in block.text:
            continue
        for found in _LOCATED.finditer(block.text):
            name, place = found.group(1), lexicon.get(found.group(2))
            start = found.start(1)
            if (place is None or place.type != "Country" or lexicon.get(name) is not None or is_product(name)
                    or (start > 0 and is_ascii_alnum(nfkc(block.text[start - 1])))):
                continue
            yield name


def operators_in_tables(blocks: Sequence[Block]) -> Iterable[str]:
    """Yield the names a table lists in a column whose header is a word for a company (運営会社, 委託先企業:
    name_words.tsv, role operator): each cell names the company, whatever its script (a hiragana brand name
    too). A cell of one common word (非公開), a sentence or a note in parentheses names none."""
    header: list[str] = []
    last_line, row, rows = -1, -1, []
    for block in blocks:
        if block.kind != "table_cell":
            last_line = -1
            continue
        if block.line != last_line:
            # a table's header row is followed by its separator row, so its first body row is two lines down
            new_table = last_line < 0 or block.line > last_line + (2 if row == 0 else 1)
            row = 0 if new_table else row + 1
            rows = [] if new_table else rows
            rows.append([])
            last_line = block.line
        rows[-1].append(block.text.strip())
        header = rows[0]
        column = len(rows[-1]) - 1
        if row > 0 and column < len(header) and nfkc(header[column]).endswith(tuple(name_words("operator"))):
            cell = rows[-1][-1]
            # a cell with a word for companies itself (…メーカー各社, 地元企業) describes a group of them
            if _names_a_company(cell) and not any(w in without_legal_form(cell) for w in (*name_words("operator"), "各社")):
                yield cell


def _names_a_company(cell: str) -> bool:
    """Return True for a table cell that may be a company's name: no sentence (a particle), no parenthesis,
    no number alone; in kanji alone, a proper noun or a word the dictionary lacks among its words (非公開 and
    検討中 name none), while a name of three characters or more with katakana, Latin letters or kana is one
    whatever the dictionary calls its words (a brand written in hiragana; なし is too short)."""
    if not 2 <= len(cell) <= 30 or any(c.isspace() or c in "、。，．（）()「」" for c in cell) or cell.isdigit():
        return False
    found = words(cell)
    if any(w.pos[0] in ("助詞", "助動詞") for w in found):
        return False
    if any(w.proper or w.unknown for w in found):
        return True
    return len(cell) >= 3 and not all(is_kanji(c) for c in cell)


# The adjectives a new version of a plan is named with, and a quoted one: 「新たな…構想」, 「新しい…計画」.
_NEW_WORDS = ("新たな", "新しい")
_RENEWED = re.compile(r"[「『](新たな|新しい)([^「」『』、。]{3,40})[」』]")


def renewed_names(blocks: Sequence[Block]) -> Iterable[tuple[str, list[str]]]:
    """Yield each plan a quoted new version renews and the new version's names (…構想, [新たな…構想, 新しい…構想]
    of 「新たな…構想」): the text sets the new plan apart from the one in force, which the name without the
    adjective names wherever the text writes it; the new one is named with either adjective."""
    for block in blocks:
        for match in _RENEWED.finditer(block.text):
            name = match.group(2).strip()
            if all(is_name_char(c) for c in name) and suffix_type(name) == "Plan":
                yield name, [match.group(1) + name, *(new + name for new in _NEW_WORDS if new != match.group(1))]


def _abridges(short: str, long_: str) -> bool:
    """Return True for a short name that Japanese makes of a body's name: its first character and more of its
    characters in order, no hiragana, shorter than the name, which ends in a head of a body (国セン of
    国民生活センター, 北協 of 北浜協議会). A common word (この機構, センター) opens with another character, and the name's
    opening words (日本 of 日本銀行) name something else."""
    short, long_ = nfkc(short).strip(), nfkc(long_).strip()
    rest = iter(long_[1:])
    return (2 <= len(short) < len(long_) and short[0] == long_[0] and not any(is_hiragana(c) for c in short)
            and not long_.startswith(short)
            and all(c in rest for c in short[1:]) and (suffix_type(long_) or head_type(long_)) == "Organization")


def _formal_names(blocks: Sequence[Block]) -> Iterable[list[str]]:
    """Yield [name, formal name] where a sentence gives the formal name of a name just before it.

    The name is the last one before the sentence, in the same block or the one before it, that is
    marked (quoted, linked or bold) and ends in a head of the formal name's type: **日米宇宙協力枠組協定**に
    署名した。正式名は「…枠組協定」. In a footnote it is the name the footnote mark follows (BBNJ協定[^BBNJ]),
    or the name before the parenthesis the mark follows (…国際機関（GIGO）[^GIGO]).
    A short form the text declares right after it (。以下、…法と書く) is that name, and so is a block
    before it that is that name alone (a list item 水素推進法 with 正式名は…に関する法律 below it), or else the
    last name of that type in a list item a few items above a quoted one in its section (see _named_above).
    """
    previous: Block | None = None
    recent: list[Block] = []
    citing = {label: (block, offset) for block in blocks for offset, label in block.citations}
    for block in blocks:
        if previous is not None and (previous.note, previous.section) != (block.note, block.section):
            recent = []
        for match in (*_FORMAL.finditer(block.text), *_FORMAL_PLAIN.finditer(block.text)):
            formal = match.group(1).strip()
            type_ = suffix_type(formal)
            if not type_:
                continue
            if block.footnote and block.footnote in citing:
                cited, offset = citing[block.footnote]
                offset = _before_parenthesis(cited.text, offset)
                name = cited.text[_run_start(cited.text, offset) : offset]
                names = [name] if suffix_type(name) == type_ else []
            else:
                before = [(block, match.start())] + ([(previous, len(previous.text))]
                                                     if previous is not None and previous.note == block.note else [])
                names = [n for b, end in before for n in reversed(_marked_names(b, end)) if suffix_type(n) == type_]
                plain = _last_run(block.text, match.start(), type_)
                plain = "" if _points_back(plain) else plain  # 改正法の正式な名前は「…」: the law named above
                names = [plain] if plain and not names else names
                alone = previous.text.strip() if previous is not None and previous.note == block.note else ""
                if not names and suffix_type(alone) == type_ and all(is_name_char(c) for c in alone):
                    names = [alone]
                if not names and match.re is _FORMAL:  # unquoted, the rest of the sentence may be no name
                    names = _named_above(block, recent, type_)
                short = _SHORT_AFTER.match(block.text, match.end())
                if short is not None and suffix_type(short.group(1)) == type_:
                    names = [short.group(1)]  # 正式名称は「…に関する法律」。以下、…法と書く: the text's own short form
            if names and names[0] != formal:
                yield [names[0], formal]
        previous = block
        if block.kind != "footnote":  # a footnote's copy stands where it is cited, not in the list
            recent = [*recent[-(_ITEMS_ABOVE - 1):], block]


def _points_back(name: str) -> bool:
    """Return True for a word before a bare head that points to a thing named before (改正法, 同法, 新条約: a
    qualifier or a pointer of name_words.tsv and the head): no name of its own."""
    head = head_length(name)
    front = nfkc(name[: len(name) - head])
    return bool(head) and bool(front) and (front in name_words("qualifier") or front in name_words("pointer"))


# How many blocks of its section above a sentence giving a formal name may hold the name it gives: a list
# item below the one naming the thing, after a sibling or two (- …協定に署名した / - 署名者は… / - 正式名は「…」).
_ITEMS_ABOVE = 3


def _named_above(block: Block, recent: Sequence[Block], type_: str) -> list[str]:
    """Return the name a list item giving a formal name in quotes is below: the last plain run ending in a head
    of the formal name's type in the nearest list item above it in its section (…協定（…）に署名した), else []."""
    if block.kind != "list_item":
        return []
    for above in reversed(recent):
        if above.kind != "list_item":
            return []
        name = _last_run(above.text, len(above.text), type_)
        if name:
            return [name]
    return []


# A quoted name right after the run before it: 「 and the name up to its 」.
_QUOTED_AFTER = re.compile(r"「([^「」]{2,40})」")


def _exercises_by_kind(blocks: Sequence[Block]) -> Iterable[list[str]]:
    """Yield [quoted exercise, the exercise's kind before it] where the notes write a named kind of exercise
    (name_words.tsv, role exercise) only right before one quoted exercise: 日米共同統合演習「…25」 says what
    the quoted exercise is, as 空母「…」 says what a ship is, so there the kind is a mention of that exercise.
    A kind written alone anywhere, or before two quoted names, is the series, and stays itself."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for block in blocks:
        for match in _QUOTED_AFTER.finditer(block.text):
            kind = block.text[_run_start(block.text, match.start()) : match.start()]
            if len(kind) >= 4 and suffix_type(kind) == "Event" and not _is_bare_head(kind) \
                    and any(kind.endswith(w) for w in name_words("exercise")):
                kinds[kind].add(match.group(1).strip())
    if not kinds:
        return
    text = "\n".join(block.text for block in blocks)
    for kind, named in kinds.items():
        if len(named) == 1 and text.count(kind) == text.count(kind + "「" + next(iter(named)) + "」"):
            yield [*named, kind]


def _title_tails(blocks: Sequence[Block]) -> Iterable[list[str]]:
    """Yield [title, tail] for a quoted formal title whose run after its clause the notes also write alone:
    「…に関する共通枠組」, then 共通枠組. A text names such a thing in full once and by that run after, when no
    other title of the notes ends in it; a head kg lists (協定, 基本方針, 協力覚書) names a kind alone."""
    titles: dict[str, set[str]] = {}
    for block in blocks:
        for match in _MARKED.finditer(block.text):
            title = match.group(1).strip()
            at, clause = max((title.rfind(c), c) for c in TITLE_CLAUSES)
            tail = title[at + len(clause) :] if at > 0 else ""
            if len(tail) >= 3 and suffix_type(tail) and not _is_bare_head(tail) and all(map(is_name_char, tail)):
                titles.setdefault(tail, set()).add(title)
    if not titles:
        return
    text = "\n".join(block.text for block in blocks)
    for tail, named in titles.items():
        if len(named) == 1 and text.count(tail) > sum(text.count(title) for title in named):
            yield [*named, tail]


def _before_parenthesis(text: str, end: int) -> int:
    """Return where the name before a parenthesis ends when one closes at ``end`` (…国際機関（GIGO）[^1]:
    the footnote mark follows the name and its abbreviation, and the name is before them), else ``end``."""
    if end and text[end - 1] in "）)":
        opening = max(text.rfind("（", 0, end), text.rfind("(", 0, end))
        return opening if opening > 0 else end
    return end


# A sentence that gives the name a thing is called by: Xは「…」と呼ばれ, Xは、「…」とも称される.
_CALLED = re.compile(r"は、?[「『]([^「」『』]{2,40})[」』]と(?:も)?(?:呼ばれ|称され)")


def _nicknames(block: Block, lexicon: Lexicon) -> Iterable[list[str]]:
    """Yield [name, nickname] where a sentence says what a name is called: 北方警備団は「北の盾」と呼ばれ.

    The name before は is one kg knows or a run with words before its head (not 制度 of この制度は), and
    the quoted name holds no particle of a clause (「…が強い国」と呼ばれる says something of it)."""
    text = block.text
    for match in _CALLED.finditer(text):
        name = text[_run_start(text, match.start()) : match.start()]
        nickname = match.group(1)
        named = lexicon.get(name) is not None or (suffix_type(name) and len(nfkc(name)) - head_length(name) >= 2)
        if named and not set(nickname) & set("をがはへでにと") and not is_hiragana(nickname[0]):
            yield [name, nickname]


# What says a thing now goes by another name: …に名前が変わった, …に改称された, …へ改名, …に題名を改めた,
# 「…」という名前に変わる.
_RENAMED = re.compile(r"[」』]?(?:という(?:名前|名称|題名)に変わ|[にへ](?:(?:名前|名称|題名)が変わ|(?:名前|名称|題名)を(?:変え|改め)|改称|改名|改題|(?P<body>改められ)))")
_RENAMED_TO = re.compile(r"(?:名前|名称|題名)[をが][「『]([^「」『』]{2,80})[」』](?:（[^（）]{1,20}）)?[にへ](?:変え|改め|改称|変わ)")
# The amendment a sentence says was made to a law, whose renaming the next sentence may tell with its subject left
# unsaid (…法の改正法が成立した。名前が「…」に変わり).
_AMENDED = re.compile(r"の改正(?:法|案)?[がはを]")


def _renamings(block: Block, lexicon: Lexicon) -> Iterable[list[str]]:
    """Yield [new name, old name] where a sentence says a law, body or plan was renamed: Xは…「Y」に名前が変わった,
    Xは…Yに改称された, Xは題名を「Y」に改める, X（Z）は…「Y」という名前に変わる. Both names end in a head of one type, the old
    one is the sentence's topic (は), and the new one is written right before the words of renaming; a rename keeps the
    thing, so both name it. A renaming with no topic (名前が「Y」に変わり) is of the law the sentence before says was
    amended (Xの改正法が成立した)."""
    text = block.text
    titles = [(c.start, c.end) for c in formal_titles(text, lexicon)]
    # (where the old name's sentence ends, the new name): Xは…Yに改称, or Xは、題名を「Y」（Z）に改める
    # 改められた says a body took a new name; a law so changed may be a law of its own (旧…法 before …法)
    found = [(m.start(), next((text[a:b] for a, b in titles if b == m.start()), "") or _headed_run(text, m.start()))
             for m in _RENAMED.finditer(text)
             if not m.group("body") or suffix_type(_headed_run(text, m.start())) == "Organization"]
    found = [(at - len(new), new) for at, new in found] + [(m.start(), m.group(1)) for m in _RENAMED_TO.finditer(text)]
    for before, new in found:
        begin = text.rfind("。", 0, before) + 1
        topics = [text[a:b] for a, b in titles if begin <= a and text.startswith("は", b)]
        topics += [_headed_run(text, _before_parenthesis(text, at)) for at in range(begin, before) if text[at] == "は"]
        if not any(topics):  # 名前が「…」に変わり with no topic: the law the sentence before amended
            previous = text.rfind("。", 0, max(begin - 1, 0)) + 1
            topics = [_headed_run(text, m.start()) for m in _AMENDED.finditer(text, previous, begin)]
        old = next((t for t in topics if t and t != new), "")
        if new and old and suffix_type(new) == suffix_type(old):
            yield [new, old]


# What says the name before it is the one a body had before its present name (…から今の名前になった, …から現在の社名に
# 変わった), or the name a body was founded under, its subject left unsaid in the body's own note (…として発足).
_FROM_FORMER = re.compile(r"(?:から|より)(?:今|現在|現行)の(?:名前|名称|社名|名)(?:に|と)(?:なっ|なり|変わ|改め)")
_FOUNDED_AS = re.compile(r"として(?:発足|設立|創設|創立)")


def _former_names(block: Block, entity_notes: frozenset[str]) -> Iterable[list[str]]:
    """Yield [present name, former name] where a sentence says a body had the name before: Xから今の名前になった
    (the present name the topic with は of the sentence or the one before it, else the note's title when the note is
    about one entity), and Xとして発足 with no topic in the body's own note. A rename keeps the body, so both name it."""
    text = block.text
    title = PurePath(block.note).stem
    own = match_key(title) in entity_notes
    for match in (*_FROM_FORMER.finditer(text), *_FOUNDED_AS.finditer(text)):
        old = text[_run_start(text, match.start()) : match.start()].strip(" ・")
        begin = text.rfind("。", 0, match.start()) + 1
        previous = text.rfind("。", 0, max(begin - 1, 0)) + 1 if match.re is _FROM_FORMER else begin
        topics = [text[_run_start(text, at) : at] for at in range(previous, match.start()) if text[at] == "は"]
        present = next((t for t in reversed(topics) if len(t) >= 2), "") or (title if own else "")
        if len(old) >= 2 and present and old != present and not any(is_hiragana(c) for c in old) and (
                match.re is _FROM_FORMER or (head_type(old) or suffix_type(old)) == "Organization" and not topics):
            yield [present, old]


def _before_parenthesis(text: str, end: int) -> int:
    """Return where a name ends before a parenthesis that closes at ``end`` (X of X（Z）は), else ``end``."""
    if not text.endswith("）", 0, end):
        return end
    opening = text.rfind("（", 0, end)
    return opening if opening > 0 and "）" not in text[opening : end - 1] else end


def _headed_run(text: str, end: int) -> str:
    """Return the run of name characters before ``end`` when it ends in a head noun, else ""."""
    name = text[_run_start(text, end) : end]
    return name if len(name) >= 3 and suffix_type(name) else ""


def _last_run(text: str, end: int, type_: str) -> str:
    """Return the last run of name characters before ``end`` that ends in a head of the type, in the
    same sentence (…発効の宇宙条約で、正式には「…条約」), or ""."""
    stop = max(text.rfind("。", 0, end), -1)
    for cut in range(end, stop + 1, -1):
        if cut < len(text) and is_name_char(text[cut - 1]) and not is_name_char(text[cut]):
            name = text[_run_start(text, cut) : cut]
            if suffix_type(name) == type_:
                return name
    return ""


def _marked_names(block: Block, end: int) -> list[str]:
    """Return the quoted, linked and bold text of a block before ``end``, in the order written."""
    regions = [(m.start(1), m.end(1)) for m in _MARKED.finditer(block.text, 0, end)]
    regions += [(link.start, link.end) for link in block.links if link.end <= end]
    regions += [(a, b) for a, b in block.emphasis if b <= end]
    return [block.text[a:b].strip() for a, b in sorted(regions)]


def is_entity_note(note: Note, lexicon: Lexicon) -> bool:
    """Return True when a note is about one entity: its title names one, or its title is written as
    a name (no hiragana) and one of its front-matter aliases is a name with a head noun (JA全農 with
    the alias 全国農業協同組合連合会: the user's short name for the body the alias names in full)."""
    if is_entity_name(note.title, lexicon):
        return True
    title = note.title.strip()
    return bool(title) and not any(is_hiragana(c) for c in title) and any(
        head_type(a) in ENTITY_TYPES and not a.isascii() and lexicon.get(a) is None
        and not has_markup(a) for a in note.aliases)


def is_entity_name(title: str, lexicon: Lexicon) -> bool:
    """Return True when a note title names an entity: a known name, a name with a head noun, or a person's name
    (a surname and a given name, or a full name the dictionary holds as one word, 石破茂; a surname alone, 田中,
    is no one's)."""
    title = title.strip()
    if lexicon.get(title) is not None or (suffix_type(title) and not title.isascii()):
        return True
    found = words(title)
    return (len(found) >= 2 and all(w.person for w in found)) or (
        len(found) == 1 and found[0].person and found[0].pos[3:4] == ("一般",) and len(title) >= 3)


def _is_name(form: str, lexicon: Lexicon) -> bool:
    """Return True when a link's text is a name (OECD, 松本行弘), not a common word (ファイル, この機構)."""
    if lexicon.get(form) is not None or is_abbreviation(form):
        return True
    found = words(form)
    return bool(found) and all(w.proper for w in found)


def _paren_definitions(block: Block, lexicon: Lexicon, kinds: frozenset[str] = frozenset()) -> Iterable[list[str]]:
    """Yield [long form, short form, ...] for each 正式名称（略称） or 略称（正式名称） in a block."""
    text = block.text
    for match in _PARENS.finditer(text):
        title = _official_title(text, match.start(), match.group(1).strip(), lexicon)
        if title:
            yield [title, match.group(1).strip()]  # …の保護に関する条約（…条約）: a formal title and its short name
            continue
        inner_text = match.group(1).strip()
        fmt = next((text[c.start : c.end] for c in two_plus_two(text[: match.start()]) if c.end == match.start()), "")
        if fmt and suffix_type(inner_text):
            yield [inner_text, *_format_writings(fmt)]  # 日米「2+2」（日米…協議委員会）: its format, then its name
            continue
        outer = _name_before(block, match.start()) or _election_before(text, match.start(), lexicon)
        faction = _faction_names(outer, match.group(1).strip()) or _party_short_name(
            outer or _party_before(text, match.start(), match.group(1).strip()), match.group(1).strip())
        if faction:
            yield faction  # 北浜政策研究会（山川派）, 山川派（北浜政策研究会）: a group and its name by its leader
            continue
        term = _defines_term(outer, match.group(1).strip(), lexicon)
        if term and set(term) <= kinds:
            continue  # 確率質量関数（PMF）: a term and its acronym, no name (defined_kinds makes the acronym a stop word)
        if _is_kind(text, match.start(), outer) or _is_bare_head_of(outer, match.group(1).strip()) \
                or _abbreviated_thing(outer, match.group(1).strip()) \
                or _names_kind_of_body(text, match.start(), lexicon) or _is_design(outer):
            continue  # 協力覚書（MOC）: a word for a kind of document and its acronym name no one thing
        if _generic_loanword(outer):
            continue  # SNS（ヨモギ・ソーシャル）: a generic word and the one thing it means here, no other name of it
        if _kind_and_named_one(outer, match.group(1).strip()):
            continue  # …を示す曲線（XYZ曲線）: a common word and, in the parenthesis, which one of its kind the text means
        if describes_software(match.group(1)):
            continue  # Zetto（オープンソースの同期ツール）: what kind of program the name is, no other name of it
        if _COUNTED.search(outer):
            continue  # 指導者3人（A、B、C）, 6か国（…）: a number of people or states, and the parenthesis says who
        hereafter = _HEREAFTER.fullmatch(match.group(1).strip())
        if outer and hereafter:
            yield [outer, hereafter.group(1)]  # （以下「ゲイツ財団」）: the text says it names the same
            continue
        inside = _NAME_AND_LABEL.fullmatch(match.group(1).strip())
        if inside and suffix_type(inside.group(1)):
            yield [inside.group(1), inside.group(2)]  # （…育成プログラム、通称Kプログラム）: a name in the parenthesis and its nickname
            continue
        labelled = _LABELLED.fullmatch(match.group(1).strip())
        if outer and labelled and _is_labelled_name(outer, labelled.group(1), labelled.group(2), lexicon):
            yield [outer, labelled.group(2)]  # 万博特措法（正式名「…に関する法律」）, …博覧会（いわゆる…万博。…）
            continue
        also = _also_called(match.group(1).strip())
        if outer and also and _is_labelled_name(outer, "通称", also, lexicon):
            yield [outer, also]  # パンデミック協定（報道ではWHOパンデミック条約とも呼ばれる）
            continue
        edition = _known_edition_before(text, match.start(), lexicon) or outer
        if edition and _same_edition(edition, match.group(1).strip(), lexicon):
            yield [edition, match.group(1).strip()]  # 「…基本方針2024」（骨太の方針2024）: one year's edition by two names
            continue
        if outer and _other_writing(outer, match.group(1).strip(), lexicon):
            yield [outer, match.group(1).strip()]  # ブラジル（伯剌西爾）: the same place written another way
            continue
        # 李在明（イ・ジェミョン）: a person's name and its reading, after a genitive too (韓国の朴…（パク・…）)
        read = next((o for o in (outer, outer.rpartition("の")[2]) if o and _is_reading(o, match.group(1).strip())), "")
        if read:
            yield [read, match.group(1).strip()]
            continue
        renamed = _renamed_body(outer, [p.strip() for p in re.split(r"[、，]", match.group(1)) if p.strip()])
        if renamed:
            yield renamed  # 北浜製作（当時の北浜工業）, …連合会（…連、今の…協会）: a body by the name of another time
            continue
        former = _FORMERLY.fullmatch(match.group(1).strip())
        if outer and former and not any(is_hiragana(c) for c in former.group(1)):
            yield [outer, former.group(1)]  # ニップン（旧・日本製粉）: the old name of the same body
            continue
        inner = [p.strip() for p in re.split(r"[：:]", match.group(1)) if p.strip()]
        parts = [p.strip() for p in re.split(r"[、，]", match.group(1)) if p.strip()]
        # ReCAAP情報共有センター（ISC、シンガポール）: the place is where the body is, ISC its short name
        short = [p for p in parts if not _is_place(p, lexicon)] if outer and not _is_place(outer, lexicon) else parts
        if outer and len(parts) > 1 and short and all(_short_form(p) or _is_short_name([outer, p]) for p in short):
            yield [outer, *short]  # メキシコ石油公社（ペメックス、PEMEX）, …推進機関（XYZ、広域機関）: two short forms of one name
            continue
        if outer and len(parts) > 1 and _short_names_of_one_kind(outer, parts):
            yield [outer, *parts]  # …の特例に関する法律（北浜救済法、特例法）: a law's title and the short names it goes by
            continue
        if outer and len(parts) == 2 and _is_abridged([outer, parts[0]]) and is_abbreviation(parts[1]):
            yield [outer, *parts]  # 北海労協（北海道海運労働組合協議会、HMU）: a short name, then the full name and its acronym
            continue
        expansions = [p for p in parts if outer and is_abbreviation(outer) and _ENGLISH_NAME.fullmatch(nfkc(p))
                      and _initials_match(outer, p)]
        if len(parts) > 1 and expansions:
            yield [outer, *expansions]  # NASA（米航空宇宙局、National Aeronautics and Space Administration）
            continue
        english = _english_and_abbreviation(parts)
        if outer and english:
            yield [outer, *english]  # ウクライナ復興会議（Ukraine Recovery Conference、URC）
            continue
        if not outer or any(c in match.group(1) for c in "、。，"):
            continue
        outer = _listed_name(outer, inner, lexicon)
        event = (suffix_type(outer) or head_type(outer)) == "Event"
        if len(inner) == 1 and event and _is_place_and_year(inner[0], lexicon):
            yield [outer, inner[0]]  # …オリンピック競技大会（東京2020）: its name by place and year
            continue
        if len(inner) == 1 and _is_location(inner[0], lexicon) and not _is_place(outer, lexicon):
            continue  # URC2023（ロンドン）, COP30（ブラジル・ベレン）: where the thing before is, not another name of it
        if len(inner) == 1 and (is_product(inner[0]) or _is_language(inner[0], lexicon)):
            continue  # [Defuddle](…)（MIT License）, …（ロシア語）: its licence or language, not its name
        if len(inner) == 1 and _is_act(inner[0]) and not _is_abridged([outer, inner[0]]):
            continue  # COP29（追記）, …（予定）: a note on the thing, one word for an act, names nothing; …総連合会（連合）
            # is its short name, made of its kanji
        if len(inner) == 1 and is_abbreviation(outer) and _is_common_word(inner[0]):
            continue  # AI（国際）, ICT（国内）: a word that narrows the acronym's topic, no spelling out of its letters
        if len(inner) == 1 and _is_latin_short_name(inner[0], outer):
            yield [inner[0], outer]  # Susan (Susan Marsh): a person's given name, then the whole name
            continue
        names = [outer, *inner]
        if len(inner) == 1 and _is_numbered_instrument(outer, inner[0], lexicon):
            yield names  # 海洋汚染条約（IMO第12号条約）, …条約（第13号）: the treaty and its number
            continue
        if len(inner) == 1 and _is_translation(outer, inner[0]):
            yield names
            continue
        if len(inner) == 1 and is_session_kind(outer, inner[0]):
            yield names  # 第213回国会（通常国会）: a numbered session and the kind of session it is
            continue
        if len(inner) == 1 and is_two_plus_two(inner[0]) and suffix_type(outer):
            yield [outer, *_format_writings(inner[0])]  # 日米…協議委員会（日米「2+2」）: the meeting and its format
            continue
        if len(inner) == 1 and _one_kind_two_names(outer, inner[0], lexicon):
            yield names  # XYZ東京サミット（…協力フォーラム首脳会議）, …条約（…条約）: one thing by two names with its head
            continue
        if len(inner) == 1 and _is_formal_body_name(outer, inner[0], lexicon):
            yield names  # ユニセフ（国連児童基金）: a body's name in katakana or Latin letters, then its formal name
            continue
        other = labelled.group(2) if labelled else inner[0] if len(inner) == 1 else ""
        if other and _same_place_head(outer, other) and not _is_place(other, lexicon):
            yield [outer, other]  # …礁（比名…礁）: one reef by two names; a known place in parentheses says where it is
            continue
        if not _is_definition(names):
            continue
        yield [n for n in names if " " not in n or not n.isascii() or is_abbreviation(n) or _is_expansion(n, names)]


def _format_writings(name: str) -> list[str]:
    """Return a meeting's name by its format as written and with its quotes left out (日米「2+2」, 日米2+2): news
    writes it either way."""
    return list(dict.fromkeys([name, re.sub("[「」]", "", name)]))


# A party's head.
_PARTY = "党"
# A group's name by its leader: a surname and 派 (山川派), as parties' factions are called.
_BY_LEADER = re.compile(r"[\u4e00-\u9fff]{1,4}派")
# The head of a group's own name (…会, …研究会, …政策研究会).
_GROUP = "会"


def _faction_names(outer: str, inner: str) -> list[str]:
    """Return [a group's name, its name by its leader] for a kanji name ending in 会 with a surname and 派 in
    parentheses, or the other way round (北浜政策研究会（山川派）, 山川派（北浜政策研究会）): one faction by its two
    names. A group and a place or a year in parentheses names no faction."""
    for name, by_leader in ((outer, inner), (inner, outer)):
        if _BY_LEADER.fullmatch(by_leader) and len(name) >= 3 and name.endswith(_GROUP) \
                and all(is_kanji(c) for c in name):
            return [name, by_leader]
    return []


# What says a name in parentheses is the body's name at another time: 当時の…, 今の…, 現在の….
_AT_ANOTHER_TIME = re.compile(r"(?:当時の|今の|現在の)([^\s、。]{2,40})")


def _renamed_body(outer: str, parts: Sequence[str]) -> list[str]:
    """Return [a body's name, its names in parentheses] when one of them is the body's name at another time
    (北浜製作（当時の北浜工業）, 北浜経済連合会（北経連、今の北浜経済協会）) and the others are its short names: a
    company or a body by the name it had then or has now. The name before must end in a body's head, so a person
    with the post held then (山川一郎（当時の外相）) is no body renamed."""
    timed = [_AT_ANOTHER_TIME.fullmatch(p) for p in parts]
    if not outer or not any(timed) or (suffix_type(outer) or head_type(outer)) != "Organization":
        return []
    names = [m.group(1) if m else p for m, p in zip(timed, parts)]
    if any(is_hiragana(c) for n in names for c in n) or not all(
            m or _is_abridged([outer, p]) or is_abbreviation(p) for m, p in zip(timed, parts)):
        return []
    return [outer, *names]


def parties_without_country(blocks: Sequence[Block]) -> Iterable[list[str]]:
    """Yield [a party's name opening with a country's, the same without it] (日本北浜党, 北浜党) when the notes write
    both and no other country's party of the same name: a country's party is called so at home (共産党 of one
    country's notes). Where two countries' parties share it (日本北浜党 and 中国北浜党), the bare name is neither."""
    text = "\n".join(b.text for b in blocks)
    if _PARTY not in text:
        return
    countries: dict[str, set[str]] = {}
    for match in _country_parties().finditer(nfkc(text)):
        countries.setdefault(match.group(2), set()).add(match.group(1))
    for party, found in countries.items():
        bare = re.search(rf"(?<![\u4e00-\u9fff\u30a0-\u30ff]){re.escape(party)}", nfkc(text))
        if len(found) == 1 and bare is not None:
            yield [next(iter(found)) + party, party]


@cache
def _country_parties() -> re.Pattern[str]:
    """Return the pattern of a country's name of two characters or more in kanji or katakana before a party's name of
    common kanji and 党 (日本 and 北浜党)."""
    names = sorted((n for n in country_names() if len(n) >= 2 and not n.isascii()), key=len, reverse=True)
    return re.compile(rf"({'|'.join(map(re.escape, names))})([\u4e00-\u9fff]{{2,6}}{_PARTY})")


# What ends the clause a party's long name opens: a punctuation mark, a bracket or a line's end.
_CLAUSE_MARKS = "、。「」『』（）()\n"


def _party_before(text: str, paren: int, short: str) -> str:
    """Return the text before a parenthesis from the first character of a short name in it, within its clause: a
    party's long name with kana in it (北浜から海を守る党（北浜党）), which the runs of a name do not reach back to."""
    start = max(text.rfind(mark, 0, paren) for mark in _CLAUSE_MARKS) + 1
    first = text.find(short[:1], start, paren) if short else -1
    return text[first:paren] if first >= 0 else ""


def _party_short_name(outer: str, inner: str) -> list[str]:
    """Return [a party's name, its short name] for a party's name with, in parentheses, a shorter one ending in 党
    too and made of its characters in order (北浜から海を守る党（北浜党）): how a party with a long name is called."""
    if not (outer.endswith(_PARTY) and inner.endswith(_PARTY) and 3 <= len(inner) < len(outer)):
        return []
    rest = iter(outer)
    return [outer, inner] if all(c in rest for c in inner) else []


def _one_kind_two_names(outer: str, inner: str, lexicon: Lexicon) -> bool:
    """Return True for a name and, in parentheses, another name with a head of its type, a meeting's, a treaty's or
    a law's (XYZ東京サミット（…首脳会議）, …航空条約（ノルダ条約）, …事業法（…新法）): the text gives the one thing's
    other name, as a treaty's city name or a law's nickname. Two names kg knows as different things are not one, nor
    a word of two characters that points back (同法, 本法)."""
    type_ = suffix_type(outer) or head_type(outer)
    if type_ not in ("Event", "Agreement", "Law") or suffix_type(inner) != type_ or _is_bare_head(inner) or len(inner) < 3:
        return False
    known, other = lexicon.get(outer), lexicon.get(inner)
    return known is None or other is None or known.entity == other.entity


_FOOTNOTE_MARK = re.compile(r"\[\^[^\]]*\]")


def _english_and_abbreviation(parts: Sequence[str]) -> list[str]:
    """Return [English name, abbreviation] when a parenthesis holds a name's English form and the
    abbreviation made of its initials (Japan External Trade Organization、JETRO), else []."""
    if len(parts) != 2:
        return []
    english, abbreviation = (_FOOTNOTE_MARK.sub("", p).strip() for p in parts)
    if is_abbreviation(abbreviation) and _ENGLISH_NAME.fullmatch(nfkc(english)) \
            and _initials_match(abbreviation, english):
        return [english, abbreviation]
    return []


def _also_called(inner: str) -> str:
    """Return the name a parenthesis says the thing is also called (WHOパンデミック条約 of
    （報道ではWHOパンデミック条約とも呼ばれる）), or ""."""
    found = _ALSO_CALLED.search(inner)
    if found is None:
        return ""
    name = inner[_run_start(inner, found.start()) : found.start()].strip(" ・")
    return name if len(name) >= 2 else ""


def _is_labelled_name(outer: str, label: str, inner: str, lexicon: Lexicon) -> bool:
    """Return True when a parenthesis that says it holds another name of the thing before it holds one.

    A formal name (正式名, 正式名称) is one whatever its words; a nickname (いわゆる, 通称) names an
    entity only when one of the two is a name: 開発規則（いわゆるマイニングコード） is a common thing
    and its nickname, 2020年ドバイ国際博覧会（いわゆるドバイ万博） an event.
    """
    if inner[-1] in _TRAILING_PARTICLES:
        return False
    return label.startswith("正式") or any(_is_name(n, lexicon) or any(w.proper for w in words(n))
                                           for n in (outer, inner))


def _is_act(name: str) -> bool:
    """Return True for one common word of the dictionary for an act (追記, 予定, 検討): no name."""
    found = words(name)
    return len(found) == 1 and (found[0].start, found[0].end) == (0, len(name)) and found[0].pos[:3] == (
        "名詞", "普通名詞", "サ変可能")


def _is_common_word(name: str) -> bool:
    """Return True for one common noun of the dictionary in kanji (国際, 国内, 概要): an acronym's long form
    is a proper noun or a phrase of several words (国際通貨基金, 信頼性のある自由なデータ流通), never one such
    word; one in katakana may be how the acronym is read (SAPPHIRE（サファイア）)."""
    found = words(name)
    return all(is_kanji(c) for c in name) and len(found) == 1 and (found[0].start, found[0].end) == (0, len(name)) and found[0].pos[:2] == ("名詞", "普通名詞")


def _is_language(name: str, lexicon: Lexicon) -> bool:
    """Return True for the name of a language: a country's name and 語 (ロシア語, 英語)."""
    known = lexicon.get(name[:-1]) if name.endswith("語") and len(name) >= 2 else None
    return known is not None and known.type == "Country"


def _same_place_head(outer: str, inner: str) -> bool:
    """Return True when two names end in the same head of a place's name (…礁 and …礁, …諸島 and …諸島),
    with words before it: the names a place goes by in two languages, written one in parentheses."""
    head = next((h for h, type_ in compound_heads() if outer.endswith(h) and len(outer) > len(h)), "")
    return bool(head) and heads_by_word()[head] == "Region" and inner.endswith(head) and len(inner) > len(head)


def _is_place(name: str, lexicon: Lexicon) -> bool:
    """Return True for a country or place the lexicon knows."""
    known = lexicon.get(name)
    return known is not None and known.type in ("Country", "Region")


def _is_location(name: str, lexicon: Lexicon) -> bool:
    """Return True for a place the lexicon knows, or a country it knows and a place in it joined by ・
    (ブラジル・ベレン), as Japanese writes where a thing is; a head of another kind after ・ makes the words
    a name of their own (…・ゾルア協力フォーラム首脳会議 is a meeting)."""
    country, _, place = name.partition("・")
    known = lexicon.get(country)
    return _is_place(name, lexicon) or (bool(place) and "・" not in place and not any(is_hiragana(c) for c in place)
                                         and known is not None and known.type == "Country"
                                         and suffix_type(place) in ("", "Region"))


def _is_place_and_year(name: str, lexicon: Lexicon) -> bool:
    """Return True for a place and a year written as one name (東京2020, パリ 2024): how a games or an
    expo is called after its city."""
    found = _PLACE_AND_YEAR.fullmatch(nfkc(name))
    return bool(found) and _is_place(found.group(1), lexicon)


def _known_edition_before(text: str, paren: int, lexicon: Lexicon) -> str:
    """Return the longest name kg knows and the year after it that end right before a parenthesis (…の方針2024
    of …の方針2024（…）, a name with の that no run of name characters reaches back over), else ""."""
    year = _YEAR_AFTER.search(text, 0, paren)
    if year is None:
        return ""
    start = next((s for s in range(max(0, year.start() - 40), year.start()) if lexicon.get(text[s : year.start()])), None)
    return text[start:paren] if start is not None else ""


def _same_edition(outer: str, inner: str, lexicon: Lexicon) -> bool:
    """Return True when a name and a parenthesis after it end in one year and, without it, are names kg
    knows of one thing: a plan's formal title and its nickname, each with the edition's year
    (…の基本方針2024（骨太の方針2024）). Two different things of one year (…計画2024（…戦略2024）) stay apart."""
    year, other = _YEAR_AFTER.search(outer), _YEAR_AFTER.search(inner)
    if year is None or other is None or year.group().strip() != other.group().strip():
        return False
    known, short = lexicon.get(outer[: year.start()].strip()), lexicon.get(inner[: other.start()].strip())
    return known is not None and short is not None and known.entity == short.entity


def _is_reading(outer: str, inner: str) -> bool:
    """Return True when the parenthesis spells out in katakana how a name in kanji that Sudachi knows
    as a person's is read (林基沢（イム・ギテク）): a foreign person's name as the news also writes it,
    with the initials of an English given name in front, if any (張忠謀（モリス・チャン）, （C.C.ウェイ）).
    A Korean or Chinese name whose given name the dictionary cuts into common words (朴喆熙, 金与正) is one too
    when it opens with a surname and its reading has a surname's and a given name's parts (パク・チョルヒ)."""
    found = words(outer)
    if not all(is_kanji(c) for c in outer) or not _READING.fullmatch(nfkc(inner)):
        return False
    return (bool(found) and all(w.person for w in found)) or (
        _SURNAME_LENGTHS[0] <= len(outer) <= _SURNAME_LENGTHS[1] and _is_surname(outer[0])
        and bool(_SURNAME_AND_GIVEN.fullmatch(nfkc(inner))))


def _is_surname(kanji: str) -> bool:
    """Return True when the dictionary, given one kanji alone, reads it as a surname (朴, 金, 崔)."""
    found = words(kanji)
    return len(found) == 1 and found[0].pos[2:] == ("人名", "姓")


def _short_form(name: str) -> bool:
    """Return True for a name written as a short form: an abbreviation (PEMEX) or a katakana word
    of at most ten characters (ペメックス)."""
    return is_abbreviation(name) or (len(name) <= 10 and all(is_katakana(c) for c in name))


def _short_names_of_one_kind(outer: str, parts: Sequence[str]) -> bool:
    """Return True for short names of a law's, a treaty's or a plan's title listed in its parenthesis (…に関する
    法律（北浜救済法、特例法）): each ends in a head of the title's type, one is made of the title's characters, and
    the others are names of that kind a text calls it by (特例法, by the kind of law it is). Names of another type
    or none made of the title's characters list other things (…法（A条約、B条約）)."""
    type_ = suffix_type(outer)
    return (type_ in ("Law", "Agreement", "Plan") and len(outer) > max(len(p) for p in parts)
            and all(suffix_type(p) == type_ and not any(is_hiragana(c) for c in p) for p in parts)
            and any(_is_short_name([outer, p]) for p in parts))


def _other_writing(outer: str, inner: str, lexicon: Lexicon) -> bool:
    """Return True when a known country is followed in parentheses by one word the dictionary knows
    as a country and kg does not (ブラジル（伯剌西爾）): another writing of the same name. A known
    country there (パリ（フランス）) is a second place."""
    known = lexicon.get(outer)
    found = words(inner)
    return (known is not None and known.type == "Country" and lexicon.get(inner) is None
            and len(found) == 1 and found[0].pos == ("名詞", "固有名詞", "地名", "国"))


def _name_before(block: Block, paren: int) -> str:
    """Return the name written just before an opening parenthesis ("" if none)."""
    text = block.text
    for link in block.links:
        if link.end == paren or link.start < paren < link.end:
            return text[link.start : paren].strip()
    if paren > 0 and text[paren - 1] in "」』":
        opening = max(text.rfind("「", 0, paren), text.rfind("『", 0, paren))
        if opening >= 0:
            return text[opening + 1 : paren - 1].strip()
    item = _item_name(block, paren)
    if item:
        return item
    start = after_section_number(text, _run_start(text, paren), paren)  # ### 5.1 国際交流基金（JF）
    # a proper noun of the dictionary is one name, kana and all (感染症の予防及び…に関する法律（感染症法）)
    whole = next((w.start for w in words(text) if w.end == paren and w.proper and w.start < start), None)
    if whole is not None:
        return text[whole:paren].strip(" ・")
    # the whole run is the name: バンク・ネガラ・インドネシア（BNI） is a bank, not インドネシア;
    # only a descriptive common noun in front is not (国営銀行バンク・ネガラ・インドネシア)
    named = _after_description(text, start, paren)
    if named == start and start > 0 and text[start - 1] in _MODIFIER_ENDINGS and not suffix_type(text[start:paren]) \
            and head_type(text[start:paren]) not in ("Region", "Organization") \
            and not (text[start:paren].isascii() and is_abbreviation(text[start:paren])):
        # 自由なデータ流通（DFFT）: the run is only the tail of a longer name; but a run that ends in a
        # head is a whole name after a genitive or a clause (米国の国際開発庁（USAID）, アメリカのインフレ削減法（IRA）,
        # 南シナ海の…礁（…礁）, a body's compound head: …にある…裁判所（…）),
        # and nouns joined by の back to a proper noun are one (アフリカ緑の革命のための同盟（AGRA）)
        if any(w.proper for w in words(text) if start <= w.start and w.end <= paren):
            return text[start:paren].strip(" ・")  # …会社のベトナム・グリーン電力（VGP）: a name of its own
        return _genitive_name(text, start, paren)
    if suffix_type(text[named:paren]) == "Organization":
        named = with_new(text, named)  # 新しい…本部（…本部）: the adjective is the body's own word
    return text[named:paren].strip(" ・")


# An abbreviation in parentheses and a colon after it: a list item that defines a name, as a glossary does.
_GLOSSED = re.compile(r"[（(][A-Z][A-Za-z0-9&-]*[）)]\s*[：:]")
# The particles that make the start of a list item a sentence, not a name.
_SENTENCE_PARTICLES = frozenset("はがをもでへ")


def _item_name(block: Block, paren: int) -> str:
    """Return the whole text a list item opens with before an abbreviation and a colon (損失と損害に対応する
    ための基金（FRLD）：…), when it ends in a head noun: a glossary's entry names its thing in full, particles
    and all. A sentence (日本は新しい基金（FRLD）：…) or a phrase with no head names nothing so; ""."""
    text = block.text
    if block.kind != "list_item" or not _GLOSSED.match(text, paren):
        return ""
    name = text[:paren].strip()
    if not name or len(name) > 40 or set(name) & set("、。，：:「」『』（）()") or is_hiragana(name[0]) or not suffix_type(name):
        return ""
    if any(w.pos[0] == "助詞" and text[w.start : w.end] in _SENTENCE_PARTICLES for w in words_within(text, 0, paren)):
        return ""
    return name
def _official_title(text: str, paren: int, inner: str, lexicon: Lexicon) -> str:
    """Return the formal title before a parenthesis that holds its short name, or "".

    Japanese writes the formal title of a law, treaty or plan as nouns joined by の, 及び, 等 and clauses
    such as に関する, に係る, のための, に向けた, and defines its short name in parentheses after it:
    海底遺跡の保護に関する条約（海底遺跡条約）, …の保護に関する法律（…法）, …の基本方針2030（強靱化方針2030）.
    When the short name ends in a head noun and the title ends in one of the same type, the title runs
    back over those words to the edge of its phrase: a case particle, a comma or the start of the text.
    A year after the head is the edition's and stays in the name. The short name is made of the title's
    characters in order, or the two are known names of one thing without their year
    (骨太の方針 of 経済財政運営と改革の基本方針). A title a verb or a demonstrative modifies, or one that
    starts after と following another name (…法と…に関する法律), is left to the other rules.
    """
    if any(c in inner for c in "、。，：:") or len(inner) < 3:
        return ""
    year = _YEAR_AFTER.search(text, 0, paren)
    head_end = year.start() if year else paren
    short_stem = _YEAR_AFTER.sub("", inner)
    type_ = suffix_type(short_stem)
    if not type_ or suffix_type(text[max(0, head_end - 12) : head_end]) != type_:
        return ""  # no head of the same type before the parenthesis: no need to read the words
    start = title_start(text, head_end, lexicon)
    if start is None:
        return ""
    title = text[start:paren].strip()
    stem = text[start:head_end].strip()
    if len(title) <= len(inner) or all(is_name_char(c) for c in stem) or suffix_type(stem) != type_:
        return ""  # a plain run of nouns (…協定（…）) is read by _name_before
    known, short_known = lexicon.get(stem), lexicon.get(short_stem)
    if known is not None and short_known is not None and known.entity == short_known.entity:
        return title
    # the short name is made of the title's characters, in order: 海遺条約 of 海底遺跡の保護に関する条約; Latin
    # letters may stand for words of the title in English (GX推進法 of …移行の推進に関する法律: green transformation)
    body = short_stem[: len(short_stem) - head_length(short_stem)]
    latin = [c for c in short_stem if is_ascii_alnum(nfkc(c))]
    taken = [c for c in (short_stem if latin else body) if c not in latin]
    enough = len(body) >= 2 and not latin or latin and len(taken) >= 3  # NX推進法 has its head 推進法 of its own
    rest = iter(stem)
    return title if enough and not any(is_hiragana(c) for c in body) and all(c in rest for c in taken) else ""


def _generic_loanword(name: str) -> bool:
    """Return True for a generic word (kg/data/stop_generic.txt) in Latin letters or katakana (SNS, アプリ), which
    the thing in parentheses after it is one of."""
    folded = nfkc(name).casefold()
    return folded in generic_words() and (folded.isascii() or all(is_katakana(c) for c in folded))


def _abbreviated_thing(outer: str, inner: str) -> list[str]:
    """Return an acronym and the common words it abbreviates when they name a measure or a system (name_words.tsv,
    role thing: 耐容一日摂取量（TDI）, XYZ（全国…情報システム）): a term, as the words are no name; [] otherwise. A proper
    word or a katakana name among the words (北浜システム) makes them a product's or a body's name."""
    if _clipped_loanword(outer, inner) or _kind_and_instance(outer, inner):
        return [inner, outer]
    acronym, words_ = (inner, outer) if is_abbreviation(inner) else (outer, inner)
    if not (acronym and words_) or not is_abbreviation(acronym) or is_abbreviation(words_):
        return []
    found = words(words_)
    common = bool(found) and common_words(words_)
    last = nfkc(words_[found[-1].start : found[-1].end]) if found else ""
    return [acronym, words_] if common and len(found) >= 2 and last.endswith(tuple(name_words("thing"))) else []


# The most letters of an acronym of initials (SNS, AI, IoT); a longer word in capitals (SAPPHIRE) is a word
# the katakana after it reads.
_INITIALS = 5


def _kind_and_instance(outer: str, inner: str) -> bool:
    """Return True for an acronym the dictionary holds as a common noun (a kind of thing: SNS, AI) and a katakana or
    Latin name in parentheses after it (…のSNS（ゼノ・トーク））: the parenthesis says which one, a service or a
    product, and neither is a body's name. An acronym of a proper noun (IMF, NHK) is a name the parenthesis may spell."""
    found = words(outer)
    kind = (len(found) == 1 and is_abbreviation(outer) and len(outer) <= _INITIALS
            and (found[0].start, found[0].end) == (0, len(outer))
            and found[0].pos[:2] == ("名詞", "普通名詞") and not found[0].unknown)
    return kind and bool(inner) and all(is_katakana(c) or is_ascii_alnum(c) or c in "・ " for c in nfkc(inner))


def _kind_and_named_one(outer: str, inner: str) -> bool:
    """Return True for one common noun of the dictionary and, in parentheses after it, a longer name that ends in it
    (曲線（XYZ曲線）): the parenthesis says which one of the kind is meant, and the bare word is no name of it."""
    outer, inner = nfkc(outer), nfkc(inner)
    return len(inner) > len(outer) and inner.endswith(outer) and one_common_noun(outer)


def _clipped_loanword(outer: str, inner: str) -> bool:
    """Return True for katakana common words of the dictionary and the clipped katakana word made of their
    characters in order (コンビニエンスストア（コンビニ）): a loanword and its short form are a term. A proper word (a brand)
    among the words makes a name."""
    outer, inner = nfkc(outer), nfkc(inner)
    if not (outer and inner and 2 <= len(inner) < len(outer) and all(is_katakana(c) for c in outer + inner)):
        return False
    found = words(outer)
    rest = iter(outer)
    return (bool(found) and all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown for w in found)
            and outer[0] == inner[0] and all(c in rest for c in inner))


def _is_kind(text: str, paren: int, outer: str) -> bool:
    """Return True when the name before a parenthesis is a head noun standing alone (…の協力覚書（MOC）),
    not the last word of a longer run the reading cut short (…戦略センター（SCARDO））."""
    start = paren - len(outer)
    return _is_bare_head(outer) and text[start:paren] == outer and not (start and is_name_char(text[start - 1]))


_KIND_WORDS = 4  # the most words of the dictionary a kind of body is named in, its head included


def _names_kind_of_body(text: str, paren: int, lexicon: Lexicon) -> bool:
    """Return True when the common kanji words before a parenthesis end in a head for a kind of body and
    kg knows them as no name (政府系金融機関（XYZ）: any such lender, its acronym a kind as well); a list
    joined by ・ ends the words (…・政府系金融機関), a katakana or proper word before them makes a name.
    A kind is named in a few words (輸出信用機関, 国際開発金融機関); five or more that say what the body does
    (…資源管理推進機関) name one body, which the acronym then abbreviates."""
    start = paren
    while start > 0 and is_kanji(text[start - 1]):
        start -= 1
    if start == paren or (start and is_name_char(text[start - 1]) and text[start - 1] != "・"):
        return False
    before = word_ending(text, start)
    if before is not None and before.pos[0] == "名詞" and is_hiragana(text[start - 1]):
        return False  # 国際がん研究機関（…）: a noun in hiragana is a word of the name, which runs on before it
    return (lexicon.get(text[start:paren]) is None and len(list(words_within(text, start, paren))) <= _KIND_WORDS
            and kind_of_body(text, start, paren))


def _is_design(name: str) -> bool:
    """Return True for common words that end in the suffix 型 (沸騰水型, 小型): a design or type of a thing,
    which a parenthesis abbreviates as it does a name (沸騰水型（BWR）), no one thing."""
    found = words(name)
    return (len(found) >= 2 and name[found[-1].start : found[-1].end] == "型" and found[-1].pos[0] == "接尾辞"
            and not any(w.proper or w.unknown for w in found))


# The number of a session that opens its name: 第213回 of 第213回国会, 第5回 of 第5回総会.
_NUMBERED_SESSION = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*回")


def _is_formal_body_name(outer: str, inner: str, lexicon: Lexicon) -> bool:
    """Return True when a name written in katakana and Latin letters only is followed by a body's formal
    Japanese name, in kanji with at most a katakana loanword and ending in a bare head of bodies:
    ユニセフ（国連児童基金）, XYゼンセン（全国…労働組合同盟）. A description (米半導体大手, 航空機製造会社) ends in
    no bare head, and a place or a known name before the parenthesis is no short name of a body."""
    outer, inner = nfkc(outer), nfkc(inner)
    if not outer or not all(is_katakana(c) or is_ascii_alnum(c) or c == "・" for c in outer):
        return False
    if _is_place(outer, lexicon) or is_product(outer) or any(is_hiragana(c) for c in inner):
        return False
    head = next((h for h in bare_heads() if inner.endswith(h) and len(inner) > len(h)), "")
    kanji = sum(is_kanji(c) for c in inner)
    return suffix_type(inner) == "Organization" and bool(head) and kanji >= 6 and kanji * 2 > len(inner)


def is_session_kind(outer: str, inner: str) -> bool:
    """Return True when a parenthesis after a numbered session names the kind of session it is: one common
    word before the session's own head (通常 of 第213回国会（通常国会）, 特別 of 第5回総会（特別総会）). A body
    calls each of its sessions by its kind and its number, so in the text the two name one session."""
    number = _NUMBERED_SESSION.match(nfkc(outer))
    if number is None:
        return False
    head, inner = nfkc(outer)[number.end() :].strip(), nfkc(inner).strip()
    kind = inner[: len(inner) - len(head)]
    if len(head) < 2 or not inner.endswith(head) or not kind:
        return False
    found = words(kind)
    common = found and (found[0].pos[:2] == ("名詞", "普通名詞") or found[0].pos[0] == "形状詞")
    return len(found) == 1 and bool(common) and all(is_kanji(c) for c in kind)


def _is_bare_head(name: str) -> bool:
    """Return True for a name that is only a head noun (協力覚書, 条約, 委員会): a kind of thing."""
    return bool(name) and any(nfkc(name) == head for head, _ in type_suffixes())


def _is_bare_head_of(outer: str, inner: str) -> bool:
    """Return True for a parenthesis that holds only a head noun and says what kind of thing the name
    before it is. A head made of the name's own kanji, which it does not end in, is its short name:
    …総連合会（連合）, as a federation is called."""
    if not _is_bare_head(inner):
        return False
    return not outer or nfkc(outer).endswith(nfkc(inner)) or not _is_abridged([outer, inner])


def _election_before(text: str, paren: int, lexicon: Lexicon) -> str:
    """Return the election of a body written just before a parenthesis (衆院選 of 衆院選（第50回…総選挙）),
    a name though a genitive sets it after another noun; "" when there is none."""
    return next((text[c.start : paren] for c in elections(text, lexicon) if c.end == paren), "")


def _run_start(text: str, end: int) -> int:
    """Return where the run of name characters before ``end`` starts, over a noun written in hiragana
    inside it (中西部太平洋まぐろ類委員会: まぐろ is a noun of the name, not a particle before it) and over
    the か of a counter (主要7か国)."""
    start = end
    while True:
        while start > 0 and (is_name_char(text[start - 1]) or text[start - 1] == " " and start > 1
                             and is_ascii_alnum(text[start - 2])):
            start -= 1
        if start > 1 and text[start - 1] == "か" and text[start - 2].isdigit():
            start -= 1  # 主要7か国首脳会議: か of a counter after a number (7か国, 3か月) is no particle
            continue
        kana = next((w for w in words_within(text, max(0, start - 8), start) if w.end == start), None)
        if (kana is None or kana.pos[:2] != ("名詞", "普通名詞") or kana.end - kana.start < 2 or kana.start == 0
                or not is_name_char(text[kana.start - 1]) or not all(is_hiragana(c) for c in text[kana.start : start])):
            return start
        start = kana.start


def _listed_name(outer: str, inner: Sequence[str], lexicon: Lexicon) -> str:
    """Return the last name of a list joined by ・ when the parenthesis already names that one.

    国連総会第二委員会・経済社会理事会（ECOSOC）: ECOSOC is known as 経済社会理事会, so only that item is
    defined. Without such knowledge the whole run is the name (バンク・ネガラ・インドネシア（BNI）).
    """
    for i, ch in enumerate(outer):
        tail = lexicon.get(outer[i + 1 :]) if ch == "・" else None
        if tail is not None and any((lexicon.get(n) or tail).entity == tail.entity and lexicon.get(n) for n in inner):
            return outer[i + 1 :]
    return outer


def _genitive_name(text: str, start: int, paren: int) -> str:
    """Return the nouns joined by の that end at a parenthesis and start with a proper noun after a
    clause's edge (アフリカ緑の革命のための同盟), or "" when they do not."""
    found = [w for w in words(text) if w.end <= start]
    i = len(found)
    while i >= 2 and text[found[i - 1].start : found[i - 1].end] == "の" and found[i - 2].pos[0] == "名詞":
        i -= 1
        while i >= 1 and found[i - 1].pos[0] in ("名詞", "接尾辞", "接頭辞") and found[i - 1].end == found[i].start:
            i -= 1
    phrase = found[i:]
    before = found[i - 1] if i else None
    edge = before is None or before.pos[0] in ("補助記号", "助詞") and text[before.start : before.end] != "の"
    if phrase and edge and phrase[0].proper and is_name_char(text[phrase[0].start]):
        return text[phrase[0].start : paren].strip(" ・")
    return ""


def _after_description(text: str, start: int, end: int) -> int:
    """Return where a name starts once a description in front of it is dropped.

    A description is a run of common kanji nouns ending in a head noun (国営銀行) before a katakana
    or Latin name: 国営銀行バンク・ネガラ・インドネシア is the bank バンク・ネガラ・インドネシア.
    """
    inside = list(words_within(text, start, end))
    lead = 0
    while lead < len(inside) and inside[lead].pos[:2] == ("名詞", "普通名詞") and is_kanji(text[inside[lead].start]):
        lead += 1
    first = nfkc(text[inside[lead].start]) if lead < len(inside) else ""
    description = text[start : inside[lead].start] if lead < len(inside) else ""
    # the words in front are a description only when they end in a head noun (国営銀行 bank)
    if lead and first and (is_katakana(first) or is_ascii_alnum(first)) and suffix_type(description):
        return inside[lead].start
    return start


def _is_definition(names: Sequence[str]) -> bool:
    """Return True when a name and its parenthesis look like a name and its abbreviation."""
    # a name that opens with an era year and ends in a head is no date (平成三十七年に開催される…に関する法律)
    if len(names) < 2 or any(len(n) > 80 or (DATE_LIKE.search(n) and not suffix_type(n)) or n.isdigit() for n in names):
        return False
    if any(n[-1] in _TRAILING_PARTICLES for n in names if n):
        return False
    abbrev = [n for n in names if is_abbreviation(n)]
    if any(_latin_misfit(a, n) for a in abbrev for n in names if n != a):
        return False  # Tidymark（MIT）: the project's licence, not its short name
    if any(a in n and any(is_hiragana(c) for c in n) for a in abbrev for n in names if n != a):
        return False  # LNG（北浜州のLNG開発を含む）: a phrase that writes the acronym says something of it, no spelling out
    compound = any(is_country_compound(n) for n in names)
    katakana_short = [n for n in names if len(n) <= 8 and all(is_katakana(c) for c in n)]
    return bool(abbrev) or (compound and bool(katakana_short)) or _is_short_name(names) or _is_abridged(names)


def _is_latin_short_name(full: str, short: str) -> bool:
    """Return True when a Latin name of two or three capitalised words holds, as one of them, a single
    word the dictionary knows as a person's name: the name a person goes by and the whole of it
    (Susan (Susan Marsh)). A product's name and its edition (Tidymark (Tidymark Cloud)) hold no such
    word."""
    parts = nfkc(full).split()
    short = nfkc(short).strip()
    if not (2 <= len(parts) <= 3 and short in parts):
        return False
    if not all(p.isascii() and p.isalpha() and p[0].isupper() for p in parts):
        return False
    found = words(short)
    return len(found) == 1 and found[0].person


def _latin_misfit(acronym: str, name: str) -> bool:
    """Return True when a Latin acronym and a Latin name beside it cannot be one name's two forms: the
    acronym's letters are not the name's, in order from its first (MIT of Tidymark). A name in
    Japanese (マサチューセッツ工科大学（MIT）) says nothing of its letters."""
    latin = nfkc(name)
    return (nfkc(acronym).isascii() and latin.isascii() and any(c.isalpha() for c in latin)
            and not is_abbreviation(latin) and not letters_fit(acronym, latin))


def _is_abridged(names: Sequence[str]) -> bool:
    """Return True for a body's name and the short name Japanese makes of some of its kanji, in order,
    either way round: 全国農業協同組合中央会（JA全中）, 日本銀行（日銀）, 理研（理化学研究所）.

    The long name ends in a head noun and the short one in none of that kind; the short one has two kanji or
    more, no kana, at most a Latin prefix (JA) besides.
    """
    if len(names) != 2:
        return False
    short, long_ = sorted(names, key=len)
    kanji = [c for c in short if is_kanji(c)]
    if not (2 <= len(short) <= 6 and len(kanji) >= 2 and all(is_kanji(c) or is_ascii_alnum(c) for c in short)):
        return False
    lettered = _lettered_short_name(short, long_)
    kind = suffix_type(long_) or head_type(long_)
    # a head of another kind in the short one is no head of it (海 of ABC北海 for 北海旅客鉄道: a company is no sea)
    if not lettered and not _organ_short_name(short, long_) and (not kind or (suffix_type(short) or head_type(short)) == kind and not _abridged_head(short, long_)):
        return False
    rest = iter(long_)
    return all(c in rest for c in kanji)  # each kanji found after the one before it


def _organ_short_name(short: str, long_: str) -> bool:
    """Return True for a foreign state's organ by a kanji name ending in its one-kanji head (…部, …院, …処, …室) and a
    short name of its kanji ending in the same head (北方海洋情報院, 海情院): the state's own short form, which keeps
    the head. Whether the kanji are the long name's, in order, is asked by the caller."""
    return (len(long_) >= 4 and len(short) < len(long_) and long_.endswith(ORGAN_HEADS) and short[-1:] == long_[-1]
            and all(is_kanji(c) for c in long_ + short))


def _lettered_short_name(short: str, long_: str) -> bool:
    """Return True for a group's capital letters and kanji (XY東海) beside a name the dictionary holds as one
    proper noun of no narrower kind (東海旅客鉄道): how a company of a group is called by its letters and the
    region it serves, whatever its name ends in. Whether the kanji are the long name's is asked by the caller."""
    found = words(long_)
    return (bool(_GROUP_LETTERS.match(short)) and not long_[:1].isascii() and len(found) == 1
            and found[0].pos[:3] == ("名詞", "固有名詞", "一般"))


# A group's capital letters before kanji in a short name (XY of XY東海).
_GROUP_LETTERS = re.compile(r"[A-Z]{2,}[\u4e00-\u9fff]+$")


def _abridged_head(short: str, long_: str) -> bool:
    """Return True when a short name ends in a head made of the long name's head kanji, in order: 総連 of
    …総連合会, 労協 of …労働組合協議会 (a federation's short head), 会 of 北機会 for 北浜機械工業会 (a compound's
    head, when no head noun of a title ends it). A head of its own (…協会 of …機構) is none."""
    compound = next((h for h, _ in compound_heads() if short.endswith(h) and len(short) > len(h)), "")
    head = short[len(short) - head_length(short) :] if suffix_type(short) else compound
    rest = iter(long_[-(len(head) + 6) :])
    return bool(head) and all(c in rest for c in head)


def _is_short_name(names: Sequence[str]) -> bool:
    """Return True for a long name and a short one of the same kind, either way round.

    「重要鉱物…に関する…協定」（日米重要鉱物協定）, 水素社会推進法（…に関する法律）: both end in a head
    noun of one type, and the short one is a name of its own, with no hiragana and more than its head,
    made as a Japanese short name is, of the long one's characters: at least half of those before its
    head are in the long name (XX機構（調整委員会） is an organ of the body, not its name).
    """
    if len(names) != 2 or any(_EDITION.match(nfkc(n)) for n in names):
        return False
    short, long_ = sorted(names, key=len)
    if _short_head_for(short, long_):
        return True
    type_ = suffix_type(short)
    if not type_ or suffix_type(long_) != type_ or len(short) == len(long_) or len(short) < 4:
        return False
    body = short[: len(short) - head_length(short)]
    if any(is_hiragana(c) for c in short) or not body:
        return False
    # an event's short name may name its place instead (日本万国博覧会（大阪万博）), and any short name
    # its body's abbreviation (宇宙航空研究開発機構法（JAXA法）)
    named = type_ == "Event" and any(w.proper for w in words(body))
    return named or is_abbreviation(body) or 2 * sum(c in long_ for c in body) >= len(body)


def _short_head_for(short: str, long_: str) -> bool:
    """Return True when a short name ends in the short head Japanese writes for the long one's head
    and has a front of its own: 2005年日本国際博覧会（愛・地球博）, …オリンピック競技大会（…五輪）."""
    head = next((s for s in short_heads() if short.endswith(s)), "")
    front = short[: -len(head)] if head else ""
    return len(front) >= 2 and not any(is_hiragana(c) for c in front) and long_.endswith(short_heads()[head])


# The number a body gives each of its conventions: IMO第12号条約, 第13号.
_NUMBERED_INSTRUMENT = re.compile(r"(.*?)第\s*[0-9０-９]+\s*号(.*)")


def _is_numbered_instrument(outer: str, inner: str, lexicon: Lexicon) -> bool:
    """Return True when a treaty's name is followed by the number its body gives it: 海洋汚染条約（IMO第12号条約）,
    …排出条約（第13号）. Before the number stands nothing or a body kg knows or an acronym, after it nothing or a
    head of the treaty's own type; a number of anything else (…法（第3号）, …条約（第2条）) is none."""
    found = _NUMBERED_INSTRUMENT.fullmatch(nfkc(inner))
    if found is None or suffix_type(outer) != "Agreement" or outer.startswith("第"):
        return False
    body, head = found.group(1).strip(), found.group(2).strip()
    known = lexicon.get(body) if body else None
    return ((not body or is_abbreviation(body) or (known is not None and known.type == "Organization"))
            and (not head or (head in ("条約", "協定", "議定書") and suffix_type(inner) == "Agreement")))


def _is_translation(outer: str, inner: str) -> bool:
    """Return True for a name with a head noun and its English name: パンデミック基金（Pandemic Fund）,
    中国海警局（China Coast Guard） (a head of a compound name counts too).

    The English name is two or more words, each capitalised but for short function words (of, the,
    and), so an English gloss of a common phrase (（food security）) is none.
    """
    found = _ENGLISH_NAME.fullmatch(nfkc(inner))
    if not found or not (suffix_type(outer) or head_type(outer)) or outer.isascii():
        return False
    named = inner.split()
    return len(named) >= 2 and all(w[0].isupper() or w.lower() in _FUNCTION_WORDS for w in named)


def is_abbreviation(name: str) -> bool:
    """Return True for forms like WTO, ITU-T, 日EU・EPA or 日米DDE."""
    name = re.sub(r"(?<=[A-Z]) (?=[0-9]{1,4}$)", "", nfkc(name))  # TICAD 9, an edition's acronym
    prefix = len(name) - len(name.lstrip("".join(country_abbreviations())))
    core = name[prefix:]
    return 2 <= len(core) <= 12 and prefix <= 4 and bool(_ABBREV.match(core))


def is_country_compound(name: str) -> bool:
    """Return True for names made only of one-character country forms, such as 日米豪印."""
    abbreviations = country_abbreviations()
    return len(name) >= 2 and all(c in abbreviations for c in name)


def _is_expansion(phrase: str, names: Sequence[str]) -> bool:
    """Return True when an English phrase spells out one of the abbreviations in names."""
    return any(_initials_match(n, phrase) for n in names if is_abbreviation(n))


def _initials_match(abbreviation: str, phrase: str) -> bool:
    """Return True when the abbreviation's letters are the phrase's word initials, in order."""
    letters = [c for c in nfkc(abbreviation).upper() if c.isascii() and c.isalpha()]
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z]+", phrase)]
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def _footnote_expansions(block: Block, footnotes: Mapping[str, str]) -> Iterable[list[str]]:
    """Yield [abbreviation, English name] where a footnote spells out the form that cites it, and [name,
    English name] where it says what a name with a head is in English (…枠組[^1]: 英語では Framework for …)."""
    for offset, footnote_id in block.citations:
        english = _IN_ENGLISH.match(footnotes.get(footnote_id, "").strip())
        name = run_before(block.text, offset)
        if english and english.group(1)[0].isupper() and len(name) >= 2 and suffix_type(name):
            yield [name, english.group(1)]
            continue
        lead = _ENGLISH_LEAD.match(footnotes.get(footnote_id, "").strip())
        if not lead:
            continue
        phrase = lead.group(0).strip(" .,")
        for abbreviation in _forms_before(block.text, offset):
            if _initials_match(abbreviation, phrase) or _labelled_by(footnote_id, abbreviation, phrase):
                yield [abbreviation, phrase]
                break


def _labelled_by(footnote_id: str, abbreviation: str, phrase: str) -> bool:
    """Return True when a footnote labelled with the abbreviation it follows opens with an English
    name of two or more capitalised words that begins and ends with the abbreviation's first and
    last letters: [^IGA]: Intergovernmental Agreement (a letter may stand inside a word)."""
    named = phrase.split()
    letters = nfkc(abbreviation).upper()
    return (footnote_id.upper() == letters and is_abbreviation(abbreviation) and len(named) >= 2
            and all(w[0].isupper() or w.lower() in _FUNCTION_WORDS for w in named)
            and named[0][0] == letters[0] and named[-1][0] == letters[-1])


def _forms_before(text: str, offset: int) -> list[str]:
    """Return the Latin words just before a footnote mark, also inside and before a closing bracket,
    and those that open the name the mark follows (BBNJ of BBNJ協定[^BBNJ])."""
    forms = [_latin_run_before(text, offset), _latin_run_opening(text, offset)]
    if offset > 0 and text[offset - 1] in "）)":
        opening = max(text.rfind("（", 0, offset), text.rfind("(", 0, offset))
        forms += [_latin_run_before(text, offset - 1), _latin_run_before(text, max(opening, 0))]
    return [f for f in forms if f]


def _latin_run_opening(text: str, offset: int) -> str:
    """Return the run of Latin letters that opens the run of name characters ending at offset."""
    start = offset
    while start > 0 and is_name_char(text[start - 1]):
        start -= 1
    end = start
    while end < offset and is_ascii_alnum(nfkc(text[end])):
        end += 1
    return text[start:end] if end < offset else ""


def _latin_run_before(text: str, offset: int) -> str:
    """Return the run of Latin letters, digits and hyphens that ends at offset."""
    start = offset
    while start > 0 and (is_ascii_alnum(nfkc(text[start - 1])) or text[start - 1] in "-&"):
        start -= 1
    return text[start:offset]


def add_group(lexicon: Lexicon, names: Sequence[str], titled: bool = False) -> None:
    """Add names that stand for one entity; merge into a known entity when one is named. ``titled``: the first
    name is the title of the entity's own note, which names a new entity unless an acronym does (_group_label)."""
    names = [tidy_surface(n) for n in names if tidy_surface(n)]
    if len(names) < 2:
        return
    names += [bare for bare in map(without_legal_form, names) if bare not in names]
    known = {lexicon.get(n).entity: lexicon.get(n) for n in names if lexicon.get(n) is not None}
    if len(known) > 1:
        return
    own = next((t for t in map(_defined_type, names) if t), "") or next(
        (t for t in map(head_type, names) if t not in ("", OTHER)), "") or (
        "Person" if len(names) == 2 and (_is_reading(*names) or _is_latin_short_name(*names)) else "") or (
        "Organization" if len(names) == 2 and _organ_short_name(*sorted(names, key=len)) and _is_abridged(names) else "")
    if known:
        entity, first = next(iter(known.items()))
        type_ = first.type or own
        if type_ != first.type:
            # COP29 defined first with no head (COP29（…）) takes the type of the long name defined later
            # (…第29回締約国会議（COP29）): one entity, and a name with a head says what it is
            lexicon.retype(entity, type_)
    else:
        entity = _group_label([n for n in names if without_legal_form(n) == n] or names)
        title = without_legal_form(names[0])
        if titled and not entity.isascii() and not name_before_title(title) and any(is_kanji(c) for c in title):
            entity = title  # 地方自治法 of its note, whose aliases hold the longer 改正地方自治法
        type_ = own
    for name in names:
        lexicon.add(name, entity, type_)


def _defined_type(name: str) -> str:
    """Return the type a defined name's head says; a body's head after a session's number (第9回…委員会（XYZ9）) names
    one sitting of the body, an Event, as a run of plain text so written is read (candidates.bare_headed)."""
    type_ = suffix_type(name)
    return "Event" if type_ == "Organization" and _EDITION.match(nfkc(name)) else type_


def _group_label(names: Sequence[str]) -> str:
    """Return the display name of a new entity: its Latin abbreviation, else its longest name with
    kanji, else in Japanese script (中国海警局 of 中国海警局（China Coast Guard）, 李在明 of
    李在明（イ・ジェミョン）), else its longest name; a name written with a title after it (赤沢経済再生相 among
    an entity note's aliases) is the person's name only when no other is given."""
    names = [n for n in names if not name_before_title(n)] or names
    abbreviations = [n for n in names if is_abbreviation(n) and n.isascii()]
    if abbreviations:
        return min(abbreviations, key=len)
    kanji = [n for n in names if any(is_kanji(c) for c in n)]
    return max(kanji or [n for n in names if not n.isascii()] or names, key=len)
