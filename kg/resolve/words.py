"""Sudachi's words of a text: where each word starts and ends, and what the dictionary calls it.

GiNZA tokenises with SudachiPy in split mode C (its longest units), so these are the words the
model saw. Tokenising alone is cheap (about 600k characters a second), so resolution asks for it
per block instead of caching it with the model's spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.text.chars import fold_rare_variants

# SudachiPy refuses input over 49,149 bytes; cut longer texts at line ends well under it.
_MAX_BYTES = 40_000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Word:
    """One word of a text: its offsets, Sudachi's part of speech (first four levels), and whether the
    dictionary lacks it (a foreign name such as ムルダニ usually is such a word)."""

    start: int
    end: int
    pos: tuple[str, ...]
    unknown: bool = False

    @property
    def proper(self) -> bool:
        """Return True when the dictionary knows the word as a proper noun."""
        return self.pos[:2] == ("名詞", "固有名詞")

    @property
    def common(self) -> bool:
        """Return True when the dictionary knows the word as a common noun."""
        return self.pos[:2] == ("名詞", "普通名詞") and not self.unknown

    @property
    def person(self) -> bool:
        """Return True for a word the dictionary knows as a person's name (姓 or 名)."""
        return self.proper and self.pos[2:3] == ("人名",)


@cache
def _tokenizer():
    """Return a SudachiPy tokenizer over the dictionary ja_ginza uses, in split mode C."""
    from sudachipy import dictionary, tokenizer

    return dictionary.Dictionary(dict="core").create(tokenizer.Tokenizer.SplitMode.C)


@cache
def _short_unit_tokenizer():
    """Return a SudachiPy tokenizer over the same dictionary in split mode A (its shortest units)."""
    from sudachipy import dictionary, tokenizer

    return dictionary.Dictionary(dict="core").create(tokenizer.Tokenizer.SplitMode.A)


@lru_cache(maxsize=16384)
def has_proper_part(word: str) -> bool:
    """Return True when a word is one unit or one of its shortest units is a proper noun.

    The dictionary lists some compounds of common words as proper nouns (郵便事業,
    ユニバーサルサービス); a name has a proper part or is one unit (第一三共 has 三共, クボタ is one).
    """
    units = _short_unit_tokenizer().tokenize(_SURROGATE.sub("\ufffd", word))
    return len(units) == 1 or any(tuple(u.part_of_speech()[:2]) == ("名詞", "固有名詞") for u in units)


@lru_cache(maxsize=16384)
def short_units(word: str) -> tuple[str, ...]:
    """Return the shortest units of a word (鉱業, 法 of 鉱業法; 方法 is one)."""
    return tuple(u.surface() for u in _short_unit_tokenizer().tokenize(_SURROGATE.sub("\ufffd", word)))


@lru_cache(maxsize=16384)
def first_unit_is_proper(word: str) -> bool:
    """Return True when the first of a word's shortest units is a proper noun (日本 of 日本人; not
    内閣 of 内閣総理大臣)."""
    units = _short_unit_tokenizer().tokenize(_SURROGATE.sub("\ufffd", word))
    return bool(units) and tuple(units[0].part_of_speech()[:2]) == ("名詞", "固有名詞")


@lru_cache(maxsize=16384)
def places_in(word: str) -> tuple[int, ...]:
    """Return where each place of an address written as one word starts (0, 3 of 北海道千歳市; 0, 3, 6
    of 兵庫県加古郡播磨町): a place name among the word's shortest units, with the unit for its kind
    (県, 市, 郡) after it; () when the word holds fewer than two places."""
    starts, offset = [], 0
    for unit in _short_unit_tokenizer().tokenize(_SURROGATE.sub("\ufffd", word)):
        if tuple(unit.part_of_speech()[:3]) == ("名詞", "固有名詞", "地名"):
            starts.append(offset)
        elif not starts:
            return ()  # a word that starts with no place is no address
        offset += len(unit.surface())
    return tuple(starts) if len(starts) >= 2 else ()


# English endings a word takes in running text (Updates, Checked, Loading), and the prefix that negates it.
_ENGLISH_ENDINGS = ("ing", "es", "ed", "s", "d")
_NEGATION = "un"


@lru_cache(maxsize=16384)
def inflects_common_word(word: str) -> bool:
    """Return True for a Latin word the dictionary lacks that is an English common noun it holds with an
    ending or un- (Updates of Update, Unchecked of check): a word of a user interface, not a name.

    The stem must be four letters or more, so a short common noun does not vouch for a name (Mars, Mar)."""
    if not (word.isascii() and word.isalpha()) or any(not w.unknown for w in words(word)):
        return False
    stems = {word[: -len(end)] for end in _ENGLISH_ENDINGS if word.casefold().endswith(end)} | {word}
    stems |= {s[len(_NEGATION) :] for s in stems if s.casefold().startswith(_NEGATION)}
    return any(len(s) >= 4 and s != word and one_common_noun(s) for s in stems)


def one_common_noun(word: str) -> bool:
    """Return True when the dictionary holds word as one common noun."""
    found = words(word)
    return len(found) == 1 and found[0].common


def common_words(text: str) -> bool:
    """Return True when every word of text is a common noun or a numeral to the dictionary (業務, 3ステップ)."""
    return all(w.common or w.pos[1] == "数詞" for w in words(text))


@lru_cache(maxsize=1 << 15)
def words(text: str) -> tuple[Word, ...]:
    """Return the words of text in order, with offsets into text."""
    found: list[Word] = []
    # a file name that is not UTF-8 reaches here with lone surrogates, which SudachiPy cannot take;
    # one replacement character each keeps every offset
    text = _SURROGATE.sub("\ufffd", text)
    for offset, piece in _pieces(fold_rare_variants(text)):
        found.extend(
            Word(offset + m.begin(), offset + m.end(), tuple(m.part_of_speech()[:4]), m.is_oov())
            for m in _tokenizer().tokenize(piece)
        )
    return tuple(found)


def _pieces(text: str) -> list[tuple[int, str]]:
    """Return (offset, piece) parts of text that SudachiPy accepts, cut after line ends or 。."""
    if len(text.encode("utf-8")) <= _MAX_BYTES:
        return [(0, text)]
    pieces, start, size = [], 0, 0
    for i, ch in enumerate(text):
        size += len(ch.encode("utf-8"))
        if size > _MAX_BYTES - 8 or (ch in "\n。" and size > _MAX_BYTES // 2):
            pieces.append((start, text[start : i + 1]))
            start, size = i + 1, 0
    if start < len(text):
        pieces.append((start, text[start:]))
    return pieces


@lru_cache(maxsize=4096)
def _starts(text: str) -> tuple[int, ...]:
    """Return where each word of text starts, in order."""
    return tuple(w.start for w in words(text))


@lru_cache(maxsize=4096)
def _ends(text: str) -> tuple[int, ...]:
    """Return where each word of text ends, in order."""
    return tuple(w.end for w in words(text))


def word_starting(text: str, start: int) -> Word | None:
    """Return the word of text that starts at start, if one does."""
    found = words(text)
    i = bisect_left(_starts(text), start)
    return found[i] if i < len(found) and found[i].start == start else None


def word_ending(text: str, end: int) -> Word | None:
    """Return the word of text that ends at end, if one does."""
    found = words(text)
    i = bisect_left(_ends(text), end)
    return found[i] if i < len(found) and found[i].end == end else None


def inside_word(text: str, i: int) -> bool:
    """Return True when a word of text runs across the offset i (starts before it and ends after it)."""
    found = words(text)
    k = bisect_left(_starts(text), i) - 1
    return k >= 0 and found[k].start < i < found[k].end


def words_within(text: str, start: int, end: int) -> tuple[Word, ...]:
    """Return the words of text that lie within text[start:end]."""
    found = words(text)
    first = bisect_left(_starts(text), start)
    last = bisect_left(_starts(text), end, lo=first)
    return tuple(w for w in found[first:last] if w.end <= end)


def words_over(text: str, start: int, end: int) -> tuple[Word, ...]:
    """Return the words of text that overlap text[start:end]."""
    found = words(text)
    first = max(bisect_left(_starts(text), start) - 1, 0)
    last = bisect_left(_starts(text), end, lo=first)
    return tuple(w for w in found[first:last] if w.start < end and start < w.end)


def boundaries(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Return the offsets where words start and where they end."""
    found = words(text)
    return frozenset(w.start for w in found), frozenset(w.end for w in found)
