"""A dictionary of known names, matched longest-first over Japanese text.

Names come from the shipped gazetteer, the user's alias file, and aliases the notes define
themselves. Matching works on NFKC-folded, casefolded text (see ``kg.text.normalize_with_map``)
with boundary rules, so "インド" never matches inside "インドネシア" and "EU" never inside "NEUTRAL".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.text.chars import is_ascii_alnum, is_katakana, is_kanji, nfkc, normalize_with_map

# A country name followed by 語 names a language, not the country (日本語, 中国語).
_LANGUAGE_MARK = "語"


@dataclass(frozen=True)
class Name:
    """What a known name stands for."""

    entity: str
    type: str
    surface: str
    exact_case: bool


@lru_cache(maxsize=65536)
def lex_key(name: str) -> str:
    """Return the key a name is stored and matched under."""
    return normalize_with_map(nfkc(name).strip())[0]


def _is_acronym(name: str) -> bool:
    """Return True for names such as WTO or ITU-T that must match in upper case only."""
    folded = nfkc(name)
    return any(c.isupper() for c in folded) and not any(c.islower() for c in folded)


class Lexicon:
    """Known names and the entities they stand for."""

    def __init__(self) -> None:
        self._names: dict[str, Name] = {}
        # the lengths of the names that start with a character, longest first
        self._lengths: dict[str, tuple[int, ...]] = {}
        # (old, new) keys of what the notes say one thing replaced with another (…に代えて…, …を廃止して…)
        self._replaced: set[tuple[str, str]] = set()

    def __len__(self) -> int:
        return len(self._names)

    def get(self, surface: str) -> Name | None:
        """Return the entry for a surface form, if the lexicon knows it."""
        return self._names.get(lex_key(surface))

    def add(self, surface: str, entity: str, type_: str, *, replace: bool = False) -> bool:
        """Add a name for an entity; return False when the name already means another entity."""
        key = lex_key(surface)
        if len(key) < 2:
            return False
        known = self._names.get(key)
        if known is not None and known.entity != entity and not replace:
            return False
        if known is not None and known.entity == entity and not replace:
            return True
        self._names[key] = Name(entity, type_, surface, _is_acronym(surface))
        self._lengths[key[0]] = tuple(sorted({*self._lengths.get(key[0], ()), len(key)}, reverse=True))
        return True

    def add_replaced(self, old: str, new: str) -> None:
        """Record that the notes say the thing named old was replaced by the thing named new."""
        self._replaced.add((lex_key(old), lex_key(new)))

    def was_replaced(self, name: str, entity: str) -> bool:
        """Return True when the notes say the thing a name stands for was replaced by the entity: the name
        is the old thing's, or the old thing's without the head it shares with the new one (漁業研修 of
        漁業研修制度, replaced by 漁業就労制度)."""
        key = lex_key(name)
        for old, new in self._replaced:
            known = self._names.get(new)
            if (known is not None and known.entity == entity) and old.startswith(key) and new.endswith(old[len(key) :]):
                return True
        return False

    def retype(self, entity: str, type_: str) -> None:
        """Set the type of every name of an entity."""
        for key, name in self._names.items():
            if name.entity == entity:
                self._names[key] = Name(name.entity, type_, name.surface, name.exact_case)

    def match_at(self, norm: str, i: int, original: str, starts: list[int]) -> tuple[int, Name] | None:
        """Return (end, name) of the longest known name starting at norm[i], if any."""
        for length in self._lengths.get(norm[i], ()):
            end = i + length
            name = self._names.get(norm[i:end]) if end <= len(norm) else None
            if name is None or not _fits(norm, i, end):
                continue
            written = nfkc(original[starts[i] : starts[end]])
            if name.exact_case and any(c.islower() for c in written):
                continue
            if written.isascii() and written.islower() and not name.surface.islower():
                continue  # meta, apple, shell: a known name's capitals make it a name, lowercase a word
            return end, name
        return None


def _fits(norm: str, start: int, end: int) -> bool:
    """Return True when norm[start:end] is not part of a longer word of the same script."""
    before = norm[start - 1] if start > 0 else ""
    after = norm[end] if end < len(norm) else ""
    first, last = norm[start], norm[end - 1]
    return not (
        _same_run(before, first) or _same_run(last, after)
        or (is_kanji(last) and after == _LANGUAGE_MARK)
    )


def _same_run(a: str, b: str) -> bool:
    """Return True when a and b would belong to one word: two letters, two digits or two katakana."""
    if not a or not b:
        return False
    if is_ascii_alnum(a) and is_ascii_alnum(b):
        return a.isdigit() == b.isdigit()
    return is_katakana(a) and is_katakana(b)
