"""A community's distinctive words: c-TF-IDF over the sentences that mention its members.

The words are the nouns and compound nouns of Sudachi's tokens (kg.resolve.words, the tokenizer
GiNZA itself runs, without the model): a noun of two characters or more counts as a word, and so
does each run of two or more nouns (a prefix may open it, a noun-like suffix may close it), so
海洋 and 資源 and 海洋資源管理 are all words of 海洋資源管理. A token that overlaps an entity's
mention counts for nothing and breaks a run; a word that is an entity's name or a stop word
(stop_generic.txt, stop_words.txt) is left out.

c-TF-IDF is BERTopic's (Grootendorst 2022; its ClassTfidfTransformer): each community is one
class, the words of its sentences its counts, and a word's weight in a class is
``tf / (words of the class) * log(1 + A / f)``, where ``f`` is the word's count over all classes
and ``A`` the average number of words per class (as an integer, as BERTopic takes it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from kg.resolve.knowledge import read_lines
from kg.resolve.words import words
from kg.text.chars import nfkc

DIGITS = 6
# A word that says nothing: digits and marks only, hiragana only (a function noun: ほか, ところ), or
# a word of lower-case Latin letters (English prose in a Japanese note: and, of; names are capitalised).
_NO_WORD = re.compile(r"[\d\W_]+|[ぁ-ゟー]+|[a-z]+")


@cache
def stop_words() -> frozenset[str]:
    """Return the words never counted as distinctive, folded (NFKC, casefolded)."""
    return frozenset(fold(w) for name in ("stop_generic.txt", "stop_words.txt") for w in read_lines(name))


def fold(text: str) -> str:
    """Return text as words are compared: NFKC, casefolded."""
    return nfkc(text).casefold()


def terms(text: str, start: int, end: int, names: Sequence[tuple[int, int]]) -> list[str]:
    """Return the words of text[start:end]: its nouns and compound nouns, outside the ``names`` spans.

    ``names`` are (start, end) of the entity mentions in text; text is a block's whole text, so
    Sudachi sees the words as the resolution stage saw them.
    """
    found: list[str] = []
    run: list[tuple[int, int, str]] = []  # (start, end, kind) of the tokens of the compound being read
    # which characters of text[start:end] a mention covers, so each token is checked in C
    covered = bytearray(end - start)
    for s, e in names:
        if s < end and start < e:
            covered[max(s, start) - start : min(e, end) - start] = b"\x01" * (min(e, end) - max(s, start))

    def close() -> None:
        while run and run[-1][2] == "prefix":  # a compound never ends on a prefix
            run.pop()
        if len(run) >= 2:
            found.append(text[run[0][0] : run[-1][1]])
        run.clear()

    for word in words(text):
        if word.end <= start or word.start >= end:
            continue
        if covered.find(1, max(word.start, start) - start, min(word.end, end) - start) >= 0:
            close()
            continue
        pos = word.pos
        if pos[0] == "名詞" and pos[1] in ("普通名詞", "固有名詞"):
            if pos[2] == "助数詞可能" and not run:
                close()  # a counter noun after a number (2026年以降, 10か国) opens no compound
                continue
            run.append((word.start, word.end, "noun"))
            # a counter noun (か国, 年度) or a noun that works as an adverb (その後, 最近) names no
            # topic alone, only inside a compound
            if word.end - word.start >= 2 and pos[2] not in ("助数詞可能", "副詞可能"):
                found.append(text[word.start : word.end])
        elif pos[0] == "接尾辞" and pos[1] == "名詞的" and run and run[-1][2] != "prefix":
            run.append((word.start, word.end, "suffix"))
        elif pos[0] == "接頭辞":
            close()
            run.append((word.start, word.end, "prefix"))
        else:
            close()
    close()
    return found


def kept(found: Iterable[str], names: frozenset[str]) -> list[str]:
    """Return the words that are no stop word, no entity name (``names`` folded) and not just digits or marks."""
    stop = stop_words()
    out = []
    for word in found:
        key = fold(word)
        if key in stop or key in names or _NO_WORD.fullmatch(nfkc(word)):
            continue
        out.append(word)
    return out


def c_tf_idf(counts: Mapping[int, Counter[str]]) -> dict[int, dict[str, float]]:
    """Return each class's c-TF-IDF weight of each of its words (BERTopic's formula, see the module)."""
    totals = {c: sum(found.values()) for c, found in counts.items()}
    classes = [c for c in counts if totals[c]]
    if not classes:
        return {c: {} for c in counts}
    everywhere: Counter[str] = Counter()
    for c in classes:
        everywhere.update(counts[c])
    average = int(sum(totals[c] for c in classes) / len(classes))
    idf = {word: math.log(1 + average / f) for word, f in everywhere.items()}
    return {
        c: {word: round(n / totals[c] * idf[word], DIGITS) for word, n in found.items()} if totals[c] else {}
        for c, found in counts.items()
    }
