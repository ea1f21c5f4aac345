"""The junk rule: surface forms that never name an entity (docs/explanation/entities.md, "The junk rule")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from kg.resolve.gazetteer import load_gazetteer
from kg.resolve.knowledge import (
    generic_words, legal_forms, name_words, product_names, suffix_type, without_legal_form,
)
from kg.resolve.words import words
from kg.text.chars import is_ascii_alnum, is_hiragana, is_kanji, is_katakana, nfkc

DATE_LIKE = re.compile(r"\d+\s*(年|月|日|時|か月|ヶ月|年度|世紀)|^(令和|平成|昭和|大正|明治)")
# A code of letters and digits, or a character's code point (U+2192).
_ID_LIKE = re.compile(r"^(?=.*\d.*\d.*\d)[A-Za-z0-9_\-]{8,}$|^[A-Z0-9]{10,}$|^U\+[0-9A-Fa-f]{4,6}$")
# Arrows are markup too: a menu path or a sort order (Settings→Sync, A→Z), never part of a name.
_MARKUP = set("^[]|#<>/\\@=*_~{}`→←↑↓⇒⇔")
# Katakana names join their parts with = as often as with ・ (ジャン=クロード, ル=グウィン).
_KATAKANA_EQUALS = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[=＝゠](?=[\u30a1-\u30fa\u30fc])")
# A version number inside English words (Attribution 3.0 Unported); one at the end may close a name (Society 5.0).
_VERSION = re.compile(r"v?\d+(?:\.\d+)+")
# A library or program named as its file is (Moment.js, Socket.io, Notepad.exe).
_SOFTWARE_FILE = re.compile(r"[A-Za-z][\w-]*\.(?:js|ts|jsx|tsx|mjs|py|rb|rs|go|php|exe|dll|app|apk|io)")
_PART_TITLE = re.compile(r"^第\s*[\d一二三四五六七八九十ⅠⅡⅢⅣⅤIVXＩＶＸ]+\s*(章|節|部|編|条|項|款)")
# An edition or round with no name after it (第6回, 第9回) names nothing: the name is elsewhere; nor does
# one with only a word for a meeting of any kind (第10回大会, 第3回総会), or a range of them.
_ORDINAL = r"第\s*[\d一二三四五六七八九十百]+\s*(?:回|次|代|期|節|戦|試合)(?:大会|会議|会合|総会)?"
_BARE_ORDINAL = re.compile(rf"^{_ORDINAL}(?:\s*[-‐~〜]\s*{_ORDINAL})?$")
# A count of laws or treaties and nothing else (2法, 三条約) names none of them: the text names them elsewhere.
_BARE_COUNT = re.compile(r"^[\d一二三四五六七八九十]+(?:法|法案|条約|協定)$")
# A level of relations two states agree on: only …的 words before パートナーシップ (包括的戦略的パートナーシップ).
# A treaty or agreement of that name ends in its own head (…パートナーシップ協定) and stays a name.
_RELATIONS_LEVEL = re.compile(r"^(?:[\u4e00-\u9fff]+的・?)+パートナーシップ$")


def _is_date(surface: str) -> bool:
    """Return True for a date or period (2024年3月, 令和6年, 3年間), not a name with a year (1964年東京オリンピック)."""
    rest = DATE_LIKE.sub("", surface)
    return rest != surface and sum(c.isalpha() for c in rest) < 2


def stop_words(user_words: Iterable[str]) -> frozenset[str]:
    """Return the casefolded surface forms that never become entities: kg's and the user's."""
    return frozenset({*generic_words(), *(nfkc(w).casefold() for w in user_words)})


def has_markup(name: str) -> bool:
    """Return True when a name holds a markup character, which no entity's name does.

    An = between katakana is no markup: katakana names join their parts with it (ジャン=クロード).
    """
    return bool(set(_KATAKANA_EQUALS.sub("", name)) & _MARKUP)


def is_junk(surface: str, stop: frozenset[str], known: bool = False, person: bool = False, titled: bool = False) -> bool:
    """Return True for forms that never name an entity (docs/explanation/entities.md, "The junk rule").

    ``person`` says the tokenizer knows every word of the form as a person's name, which a name
    written in hiragana (さだまさし) needs; ``titled`` that such a name stands before a title, which
    a one-kanji surname (蔡 of 蔡総統, 習 of 習主席) needs.
    """
    return bool(junk_rule(surface, stop, known, person, titled))


def junk_rule(surface: str, stop: frozenset[str], known: bool = False, person: bool = False, titled: bool = False) -> str:
    """Return the name of the junk rule a form falls under (kg/data/rules.tsv), "" when it may name an entity."""
    if surface.casefold() in stop:
        return "stop-word"
    if surface in legal_forms():
        return "legal-form"  # a legal form alone (GmbH, 株式会社) names no one company
    if is_product(surface):
        return "product"  # whoever names it: a product is none of kg's types, as a stop word is no name
    if known:
        return ""
    if len(surface) < 2 and not (person and titled and is_kanji(surface)):
        return "too-short"
    if not any(c.isalpha() for c in surface):
        return "no-letters"
    if all(is_hiragana(c) for c in surface) and not person:
        return "hiragana"
    if _PART_TITLE.match(surface):
        return "part-title"
    if _BARE_ORDINAL.match(surface) or _BARE_COUNT.match(surface):
        return "bare-ordinal"
    if _RELATIONS_LEVEL.match(surface):
        return "relations-level"
    if _is_date(surface):
        return "date"
    if _ID_LIKE.match(surface):
        return "id-like"
    if has_markup(surface):
        return "markup"
    if surface.isascii() and surface == surface.lower():
        return "lower-case"
    if _is_phrase(surface):
        return "english-phrase"
    return ""


def _is_phrase(surface: str) -> bool:
    """Return True for English words that read as a phrase, not a name: a lowercase word among them
    that joins no name's words (Publish changes, Optional payment, the Mozilla Public License), where a
    name capitalises its words (Western Digital, Bank of Japan)."""
    words = surface.split()
    if len(words) < 2 or not surface.isascii():
        return False
    if words[0].isdigit() or any(_VERSION.fullmatch(w) for w in words[1:-1]):
        return True  # a status line or a year before a name (301 Permanent Redirect, 2012 Lea Verou), a licence's version
    if any(w.casefold() == "copyright" for w in words):
        return True  # a copyright line runs the licence, the word and the holder together (Titus Wormer Copyright)
    lower = [w.isalpha() and w.islower() for w in words]
    return lower[0] or any(low and w not in name_words("joining") for w, low in zip(words, lower))


@lru_cache(maxsize=65536)
def is_product(surface: str) -> bool:
    """Return True for a product's name (iOS, OneDrive), one that goes on with words for a part,
    edition or feature of it (Obsidian Sync, Windows 11, iOS版, Markdown構文), or one after the
    name of the company that makes it (Microsoft OneNote, Apple App Store).

    A product's name that goes on into a word for its maker (Notion Labs, Linux財団, Dropbox, Inc.)
    names the maker, and the name of a company alone (Apple, Google) is the company's.
    """
    name = nfkc(surface).strip()
    return from_product(name) or _is_tier(name) or _is_edition(name) or bool(_SOFTWARE_FILE.fullmatch(name)) \
        or _named_after_maker(name) \
        or _maker_then_common_words(name) or any(
        name[:i].rstrip().casefold() in _organisation_names() and from_product(name[i:].lstrip())
        for i in range(2, len(name) - 1) if _word_ends(name, i)
    )


def _named_after_maker(name: str) -> bool:
    """Return True for a company kg knows with capitalised English words after it that name no
    company (Apple Journal, Google Search Console): its product. Words for a maker (Japan, Labs,
    Research, Music, Daily, ...), a place (Nikkei Asia) or a legal form make the name a company's
    (Google Japan, Sony Music)."""
    words = name.split()
    if len(words) < 2 or not name.isascii() or words[0].casefold() not in _organisation_names():
        return False
    rest = words[1:]
    # plain capitalised words (Search Console), not a name of its own (Google DeepMind)
    return (all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in rest)
            and not any(w in name_words("maker") or w.casefold() in _place_names() for w in rest)
            and without_legal_form(name) == name and suffix_type(name) != "Organization")


def _maker_then_common_words(name: str) -> bool:
    """Return True for a company kg knows by a Latin brand (Google, Microsoft: not an acronym such as
    NTT) with katakana common nouns written onto it that name no body (Googleカレンダー,
    Microsoftスタイルガイド): a thing the company makes, as Apple Journal is in English."""
    brand = re.match(r"[A-Z][A-Za-z]*[a-z][A-Za-z]*", name)
    rest = name[brand.end() :] if brand else ""
    if not rest or not all(is_katakana(c) for c in rest) or brand.group(0).casefold() not in _organisation_names():
        return False
    found = words(rest)
    return (all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown for w in found)
            and not suffix_type(name) and not any(rest.endswith(w) for w in name_words("maker")))


def _is_tier(name: str) -> bool:
    """Return True for a capitalised English word with a word for a tier after it (Plusプラン,
    Catalystティア): what a service sells, where a government's plan has a Japanese name."""
    tier = next((t for t in name_words("tier") if name.endswith(t)), "")
    words = name[: len(name) - len(tier)].split() if tier else []
    return bool(words) and all(w.isascii() and w.isalpha() and w[0].isupper() and not w.isupper() for w in words)


def _is_edition(name: str) -> bool:
    """Return True for capitalised English words with a word for an edition or a platform of software after them
    (Zetto Desktop, Kanva for Mac): a program, whoever makes it, where no body's name ends so."""
    words = name.split()
    if len(words) > 2 and words[-2] == "for" and words[-1] in name_words("platform"):
        return name.isascii() and all(w[0].isupper() for w in words[:-2])
    return len(words) > 1 and name.isascii() and all(w[0].isupper() for w in words) and words[-1] in name_words("edition")


def from_product(name: str, products: frozenset[str] | None = None) -> bool:
    """Return True for a product's name (of kg/data/products.txt, or of ``products``), alone or with
    words after it that say no maker's name."""
    lengths = _product_lengths() if products is None else sorted({len(p) for p in products}, reverse=True)
    products = product_names() if products is None else products
    for length in lengths:
        if length <= len(name) and name[:length].casefold() in products and _word_ends(name, length):
            rest = name[length:].strip()
            return not rest or not (
                suffix_type(name) == "Organization" or without_legal_form(name) != name
                or any(rest.endswith(word) for word in name_words("maker"))
            )
    return False


def _word_ends(name: str, i: int) -> bool:
    """Return True when no word runs across name[i - 1] and name[i]: two Latin letters, two digits
    or two katakana are one word (Windows11 ends Windows, WordPress does not end Word)."""
    if i >= len(name):
        return True
    before, after = name[i - 1], name[i]
    latin = is_ascii_alnum(before) and is_ascii_alnum(after) and before.isdigit() == after.isdigit()
    return not (latin or (is_katakana(before) and is_katakana(after)))


@cache
def _product_lengths() -> tuple[int, ...]:
    """Return the lengths of the product names, longest first."""
    return tuple(sorted({len(name) for name in product_names()}, reverse=True))


@cache
def _place_names() -> frozenset[str]:
    """Return the gazetteer's names of countries and places, casefolded (Asia of Nikkei Asia)."""
    return frozenset(name.casefold() for entry in load_gazetteer() if entry.type in ("Country", "Region")
                     for name in entry.names)


@cache
def _organisation_names() -> frozenset[str]:
    """Return the gazetteer's names of organisations, casefolded: the makers of products."""
    return frozenset(name.casefold() for entry in load_gazetteer() if entry.type == "Organization" for name in entry.names)
