"""Character classes, normalisation and the characters kg removes, shared by every stage."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

_QUOTES = "「」『』【】〈〉《》\"'“”‘’"
_TRAILING_GENERIC = ("など", "等", "ら")
_SPACES = re.compile(r"\s+")
# The characters XML 1.0 cannot carry: a NUL from a broken clipper or a vertical tab from a word
# processor would otherwise travel into entity names, evidence and titles, and every GraphML
# reader would refuse the file. A str.translate table, so removing them is one pass.
XML_UNSAFE = dict.fromkeys(
    [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
)
# What emoji are made of besides their symbol: joiners and selectors (Cf, Mn), enclosing keycaps (Me).
_DECORATION = ("So", "Sk", "Me", "Cf", "Mn")


def is_hiragana(ch: str) -> bool:
    """Return True for hiragana."""
    return "\u3040" <= ch <= "\u309f"


def is_katakana(ch: str) -> bool:
    """Return True for katakana, the long-vowel mark and the middle dot's neighbours."""
    return "\u30a1" <= ch <= "\u30fa" or ch in "ーヽヾ"


def is_kanji(ch: str) -> bool:
    """Return True for CJK ideographs, including 々."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆"


def is_ascii_alnum(ch: str) -> bool:
    """Return True for ASCII letters and digits."""
    return ch.isascii() and ch.isalnum()


def is_name_char(ch: str) -> bool:
    """Return True for characters a Japanese proper name is made of (no hiragana, no punctuation)."""
    return is_kanji(ch) or is_katakana(ch) or is_ascii_alnum(ch) or ch in "・-&＆."


def nfkc(text: str) -> str:
    """Return text in NFKC form: full-width Latin and digits become half-width, and so on."""
    return unicodedata.normalize("NFKC", text)


def xml_safe(text: str) -> str:
    """Return text with the characters XML 1.0 cannot carry removed."""
    return text.translate(XML_UNSAFE)


def strip_decoration(text: str) -> str:
    """Return text without the emoji, symbols and spaces Obsidian users put around names."""
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while end > start and _is_decoration(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_decoration(char: str) -> bool:
    """Return whether a character is a space or part of an emoji (symbol, joiner, selector, tag)."""
    return char.isspace() or unicodedata.category(char) in _DECORATION


# A quoted slogan that opens a name, the head after it (「浜を守る」政策パッケージ): the label drops the quotes.
_QUOTED_FRONT = re.compile(r"^「([^「」]+)」(?=.)")


@lru_cache(maxsize=1 << 16)
def tidy_surface(text: str) -> str:
    """Return a surface form as a node label: NFKC, single spaces only between Latin words, no quotes."""
    text = strip_decoration(_QUOTED_FRONT.sub(r"\1", nfkc(text).strip()).strip(_QUOTES).strip())
    text = _SPACES.sub(" ", text)
    text = "".join(
        ch for i, ch in enumerate(text)
        if ch != " " or (_latin_at(text, i - 1) and _latin_at(text, i + 1))
    )
    for tail in _TRAILING_GENERIC:
        if text.endswith(tail) and len(text) > len(tail) + 1:
            text = text[: -len(tail)]
            break
    return text.strip(" ・")


def _latin_at(text: str, i: int) -> bool:
    """Return True when text[i] exists and is an ASCII letter or digit."""
    return 0 <= i < len(text) and is_ascii_alnum(text[i])


@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """Return the key two names share when they are the same name (case, width and kanji variants folded)."""
    return fold_variants(tidy_surface(text).casefold().replace(" ", ""))


def fold_variants(text: str) -> str:
    """Return the text with each old or variant kanji written in its common form (齋藤 -> 斎藤)."""
    return text.translate(_kanji_variants())


def fold_rare_variants(text: str) -> str:
    """Return the text with each variant kanji outside JIS X 0208 written in its common form (喜㔟 -> 喜勢).

    Sudachi's dictionary writes its words in the kanji of JIS X 0208 (levels 1 and 2), so a name written with a
    level 3 or 4 variant is unknown characters to it and cut apart (喜 / 㔟陽 / 一), while its common form is a
    name it knows. One character for one: a tokeniser reading the folded text gives offsets into the original.
    """
    return text.translate(_rare_variants())


@cache
def _rare_variants() -> dict[int, str]:
    """Return the variants of _kanji_variants that JIS X 0208 (Shift_JIS) cannot write."""
    return {code: common for code, common in _kanji_variants().items() if not _in_jis_x_0208(chr(code))}


def _in_jis_x_0208(char: str) -> bool:
    """Return True when Shift_JIS, which encodes JIS X 0208, can write the character."""
    try:
        char.encode("shift_jis")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _kanji_variants() -> dict[int, str]:
    """Return a str.translate table from each old or variant kanji to its common form (齋 -> 斎)."""
    table = {}
    for line in (resources.files("kg") / "data" / "kanji_variants.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            variant, common = line.split("\t")
            table[ord(variant)] = common
    return table


# Sounds that Japanese writes foreign names with in more than one way, each with its plainer
# spelling: ライースィ and ライシ, ヴィクトリア and ビクトリア, マーティン and マーチン are one name.
_SPELLINGS = (
    ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"),
    ("スィ", "シ"), ("ズィ", "ジ"), ("ティ", "チ"), ("ディ", "ジ"), ("ー", ""),
)


def fold_spelling(text: str) -> str:
    """Return a katakana name with its loan-sound spellings made plain and long vowels dropped,
    the key under which two writings of one foreign name meet (ライースィ, ライシ -> ライシ)."""
    for written, plain in _SPELLINGS:
        text = text.replace(written, plain)
    return text


# each character's match-normalised form, found once per character
_FOLDED: dict[str, str] = {}


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Return the match-normalised text and, per character, its index in the original text.

    Each character is NFKC-folded and casefolded on its own so offsets map back exactly;
    spaces next to non-Latin characters are dropped, since Japanese writers space freely.
    """
    chars: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        folded = _FOLDED.get(ch)
        if folded is None:
            folded = _FOLDED[ch] = nfkc(ch).casefold().translate(_kanji_variants())
        if folded.isspace():
            if not (_latin_at_nfkc(text, i - 1) and _latin_at_nfkc(text, i + 1)):
                continue
            folded = " "
        for out in folded:
            chars.append(out)
            starts.append(i)
    starts.append(len(text))
    return "".join(chars), starts


def _latin_at_nfkc(text: str, i: int) -> bool:
    """Return True when text[i] exists and is Latin or a digit once width-folded."""
    return 0 <= i < len(text) and is_ascii_alnum(nfkc(text[i])[:1] or " ")
