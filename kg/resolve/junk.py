"""The junk rule: surface forms that never name an entity (the README's "The junk rule")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from kg.resolve.knowledge import generic_words, read_lines
from kg.text.chars import is_hiragana, nfkc

DATE_LIKE = re.compile(r"\d+\s*(年|月|日|時|か月|ヶ月|年度|世紀)|^(令和|平成|昭和)")
_ID_LIKE = re.compile(r"^(?=.*\d.*\d.*\d)[A-Za-z0-9_\-]{8,}$|^[A-Z0-9]{10,}$")
_MARKUP = set("^[]|#<>/\\@=*_~{}`")
_PART_TITLE = re.compile(r"^第\s*[\d一二三四五六七八九十ⅠⅡⅢⅣⅤ]+\s*(章|節|部|編|条|項|款)")


def stop_words(stop_files: Sequence[Path]) -> frozenset[str]:
    """Return the casefolded surface forms that never become entities."""
    words = set(generic_words())
    for path in stop_files:
        words.update(nfkc(w).casefold() for w in read_lines(Path(path)))
    return frozenset(words)


def has_markup(name: str) -> bool:
    """Return True when a name holds a markup character, which no entity's name does."""
    return bool(set(name) & _MARKUP)


def is_junk(surface: str, stop: frozenset[str], known: bool = False) -> bool:
    """Return True for forms that never name an entity (see the README's junk rule)."""
    folded = surface.casefold()
    if folded in stop:
        return True
    if known:
        return False
    letters = [c for c in surface if c.isalpha()]
    return (
        len(surface) < 2
        or not letters
        or all(is_hiragana(c) for c in surface)
        or bool(_PART_TITLE.match(surface))
        or bool(DATE_LIKE.search(surface))
        or bool(_ID_LIKE.match(surface))
        or has_markup(surface)
        or (surface.isascii() and surface == surface.lower())
    )
