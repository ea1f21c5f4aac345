"""The knowledge files shipped in kg/data (labels, head nouns, legal forms, stop words, products) and their readers."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from kg.text.chars import nfkc

DATA = resources.files("kg") / "data"
# The one-kanji heads of a foreign state's organs, which Japanese writes as the state does: a ministry's 部 (北方国の
# 海洋部), a service's or a court's 院, an agency's 処, an office's 室. Alone they name a part or a room of anything.
ORGAN_HEADS = ("部", "院", "処", "室")


def read_tsv(path: Path | str) -> Iterator[list[str]]:
    """Yield the rows of a TSV file, skipping blank lines and '#' comments."""
    source = DATA / path if isinstance(path, str) else path
    with source.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            yield [cell.strip() for cell in row]


def read_lines(path: Path | str) -> list[str]:
    """Return the non-empty, non-comment lines of a text file."""
    source = DATA / path if isinstance(path, str) else path
    text = source.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def short_heads() -> dict[str, tuple[str, ...]]:
    """Return each short head (万博) -> the long heads it is written for (国際博覧会, 万国博覧会)."""
    return {row[0]: tuple(row[1].split("|")) for row in read_tsv("short_heads.tsv")}


@cache
def ene_types() -> dict[str, str]:
    """Return GiNZA ENE label -> kg type, for the labels that may become nodes."""
    return {row[0]: row[1] for row in read_tsv("ene_types.tsv")}


@cache
def kept_labels() -> frozenset[str]:
    """Return the ENE labels whose spans stay as the model found them (third column "kept")."""
    return frozenset(row[0] for row in read_tsv("ene_types.tsv") if len(row) > 2 and row[2] == "kept")


@cache
def _suffix_rows() -> tuple[tuple[str, str], ...]:
    """Return every (suffix, type) row, longest suffix first; type "-" marks a common word, not a head."""
    pairs = {nfkc(row[0]): row[1] for row in read_tsv("type_suffixes.tsv")}
    return tuple(sorted(pairs.items(), key=lambda p: -len(p[0])))


@cache
def type_suffixes() -> tuple[tuple[str, str], ...]:
    """Return (suffix, type) pairs, longest suffix first."""
    return tuple(p for p in _suffix_rows() if p[1] != "-")


@lru_cache(maxsize=65536)
def _head(stem: str) -> tuple[str, str]:
    """Return the (head, type) a stem ends in, or ("", ""). A common word that ends in a head is none
    when the dictionary reads it as the stem's last unit (申請方法), not when its head is a unit of its
    own (削減法 of インフレ削減法 ends in 減法 but reads 削減・法; 医療法, 都市計画法 likewise)."""
    from kg.resolve.words import short_units

    for suffix, type_ in type_suffixes():
        if stem.endswith(suffix) and len(stem) > len(suffix):
            common = next((w for w in _common_endings() if stem.endswith(w) and len(w) > len(suffix)), "")
            if common and short_units(stem)[-1] == common:
                return "", ""
            if suffix in _body_heads() and not (stem[-len(suffix) - 1].isascii() and stem[-len(suffix) - 1].isalnum()):
                return "", ""  # ノン・ルフールマン原則 is a principle of law; G20原則 a text the G20 adopted
            return suffix, type_
    return "", ""


@cache
def _common_endings() -> tuple[str, ...]:
    """Return the common words that end in a head without being one (type "-" in type_suffixes.tsv)."""
    return tuple(suffix for suffix, type_ in _suffix_rows() if type_ == "-")


@cache
def _body_heads() -> frozenset[str]:
    """Return the heads that name one text only right after the acronym of the body that adopted it (third
    column "body": G20原則, OECD原則); after other words they name an idea (人道原則)."""
    return frozenset(nfkc(row[0]) for row in read_tsv("type_suffixes.tsv") if len(row) > 2 and row[2] == "body")


@cache
def bare_heads() -> frozenset[str]:
    """Return the head nouns that make a plain-text run a name (third column "bare")."""
    return frozenset(nfkc(row[0]) for row in read_tsv("type_suffixes.tsv") if len(row) > 2 and row[2] in ("bare", "named"))


@cache
def named_heads() -> frozenset[str]:
    """Return the bare heads that make a name with one common word before them too (third column "named")."""
    return frozenset(nfkc(row[0]) for row in read_tsv("type_suffixes.tsv") if len(row) > 2 and row[2] == "named")


@cache
def title_heads() -> frozenset[str]:
    """Return the heads that name one thing after a title's clause in plain text (…に関する法律, …に向けた
    ロードマップ): the "title" heads, the named ones, the long ones marked title in a fourth column (…に関する指針)
    and the bare heads of bodies (…のための…連合)."""
    rows = [row for row in read_tsv("type_suffixes.tsv") if len(row) > 2]
    return frozenset(nfkc(row[0]) for row in rows if row[2] in ("title", "named") or row[3:4] == ["title"]
                     or (row[2] == "bare" and row[1] == "Organization"))


@cache
def kind_heads() -> frozenset[str]:
    """Return the heads that name a kind of body after common kanji words only (third column "kind": 研究機関)."""
    return frozenset(nfkc(row[0]) for row in read_tsv("type_suffixes.tsv") if len(row) > 2 and row[2] == "kind")


@cache
def run_heads() -> frozenset[str]:
    """Return the heads that may end a name in plain text: the bare, named, long and code ones."""
    return bare_heads() | long_heads() | code_heads()


@cache
def code_heads() -> frozenset[str]:
    """Return the heads that make a plain-text run a name after a code name in katakana or Latin letters only
    (third column "code": トモダチ作戦, Overlord作戦), while after kanji they name a kind (共同作戦, 上陸作戦)."""
    return frozenset(nfkc(row[0]) for row in read_tsv("type_suffixes.tsv") if len(row) > 2 and row[2] == "code")


@cache
def long_heads() -> frozenset[str]:
    """Return the heads that make a plain-text run a name after three or more words in kanji (third column "long")."""
    return frozenset(nfkc(row[0]) for row in read_tsv("type_suffixes.tsv") if len(row) > 2 and row[2] == "long")


@lru_cache(maxsize=65536)
def head_length(name: str) -> int:
    """Return the length of the head noun a name ends in (0 if none), a trailing year ignored."""
    stem = nfkc(name).rstrip("0123456789 ")
    return len(_head(stem)[0]) + len(name) - len(stem)


@lru_cache(maxsize=65536)
def suffix_type(name: str) -> str:
    """Return the type a name's head noun implies ("" if none); a trailing year is ignored."""
    return _head(nfkc(name).rstrip("0123456789 "))[1]


@cache
def state_heads() -> tuple[str, ...]:
    """Return the heads that name an organ or act of a state: a country before one is still mentioned."""
    return tuple(nfkc(w) for w in read_lines("state_heads.txt"))


@cache
def facility_labels() -> frozenset[str]:
    """Return the model's labels for facilities: a place inside such a span is a word of its name."""
    return frozenset(read_lines("facility_labels.txt"))


@cache
def generic_words() -> frozenset[str]:
    """Return the shipped stop list of generic nouns that are never entities."""
    return frozenset(nfkc(w).casefold() for w in read_lines("stop_generic.txt"))


@cache
def product_names() -> frozenset[str]:
    """Return the names of products, software, services, formats and licences (kg/data/products.txt), NFKC and casefolded."""
    return frozenset(nfkc(w).casefold() for w in read_lines("products.txt"))


@cache
def name_words(role: str) -> frozenset[str]:
    """Return the words of kg/data/name_words.tsv with one role (describing, position, battle, ...)."""
    return frozenset(nfkc(row[0]) for row in read_tsv("name_words.tsv") if len(row) > 1 and row[1] == role)


def strips_qualifier(word: str, rest: str) -> bool:
    """Return True for a qualifier (name_words.tsv) before a name that only places it in time or relation (旧 of
    旧山一証券, 改正 of 改正5G促進法): the name is the one after it. 旧 before a law's name stays: 旧X法 is the law
    as it stood before its repeal or new title (旧民法, a code replaced in whole), which law writing names so."""
    return nfkc(word) in name_words("qualifier") and not (nfkc(word) == "旧" and suffix_type(rest) == "Law")


@cache
def legal_forms() -> tuple[str, ...]:
    """Return the legal forms (株式会社, Inc., ...) that names carry, longest first."""
    return tuple(sorted({nfkc(w) for w in read_lines("legal_forms.txt")}, key=len, reverse=True))


@lru_cache(maxsize=65536)
def without_legal_form(name: str) -> str:
    """Return a name without a leading or trailing legal form such as 株式会社 or Inc.

    A Latin form is a word of its own: Siemens AG loses AG, AGRA keeps it."""
    for form in legal_forms():
        latin = form[:1].isascii() and form[:1].isalpha()
        if name.startswith(form) and len(name) > len(form) + 1 and not (latin and name[len(form)].isalnum()):
            return name[len(form) :].strip(" ,")
        if name.endswith(form) and len(name) > len(form) + 1 and not (latin and name[-len(form) - 1].isalnum()):
            return name[: -len(form)].strip(" ,")
    return name


# The word 社 after a company's name in katakana or Latin letters (ABC社, ゼノ社): the company, as its legal form says.
_COMPANY_WORD = "社"


def without_company_word(name: str) -> str:
    """Return a company's name without 社 after it when the name before is katakana or Latin letters of two
    characters or more (ABC社 is ABC, as ABC株式会社 is): Japanese writes a company so in running text. After
    kanji 社 ends a word of its own (神社, 新聞社, 商社), so such a name keeps it."""
    stem = name[: -len(_COMPANY_WORD)]
    if name.endswith(_COMPANY_WORD) and len(stem) >= 2 and all(
            c.isascii() and c.isalnum() or "ァ" <= c <= "ヺ" or c in "ー・ " for c in stem):
        return stem.strip()
    return name
