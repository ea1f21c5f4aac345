"""Licences and standards: an acronym that names a body elsewhere names a licence or a standard here.

Software writing cites licences by their SPDX ids (kg/data/licences.txt) and standards by a body's
acronym and a number (kg/data/standards.txt). MIT is a university and ISO a body, but Tessera（MIT）
and MIT License name a licence, and ISO 8601 and ISO27001 a standard: none of kg's types, and no
mention of the body either. The acronym alone (その他のISOやCSA認証) still names the body, and so does
an acronym in parentheses after the name it abbreviates (Massachusetts Institute of Technology（MIT）).
"""

from __future__ import annotations

import re
from functools import cache

from kg.resolve.knowledge import read_lines
from kg.text.chars import nfkc

# What goes on from a licence's id: its word for a licence (MIT License, MITライセンス, MIT-licensed).
_LICENCE_AFTER = re.compile(r"[ \u3000-]?(?:[Ll]icen[cs]e|LICEN[CS]E|ライセンス|許諾)")
# What comes before a licence's id that says it is one: License: MIT, ライセンス：MIT.
_LICENCE_BEFORE = re.compile(r"(?:[Ll]icen[cs]e|ライセンス)\s*[:：は]\s*$")
# A Latin name that ends right before an opening parenthesis: a project's name, the link's text.
_LATIN_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9.+\- ]*?)\s?$")
# A standard's number after a body's acronym: ISO 8601, ISO27001, ISO/IEC 27001, JIS X 0208, ECMA-262.
# A committee (ISO TC 211, ISO/IEC JTC 1) has letters and a short number, and is an organ of the body.
_NUMBER_AFTER = re.compile(r"(?:/[A-Z]{2,5})*[ \u3000:-]?(?:[A-Z] ?)?\d{3,}")


def identifier_rule(text: str, start: int, end: int) -> str:
    """Return "licence" or "standard" when the text between start and end is a licence's id or a
    standards body's acronym that the text around it uses for a licence or a standard, else ""."""
    surface = nfkc(text[start:end])
    if surface.casefold() in licence_ids() and _used_as_licence(text, start, end, surface):
        return "licence"
    if surface in standards_bodies() and _NUMBER_AFTER.match(text, end):
        return "standard"
    return ""


def _used_as_licence(text: str, start: int, end: int, surface: str) -> bool:
    """Return True when the text says the id is a licence: a word for one after it or before it, or
    the id alone in parentheses right after a Latin name whose letters it does not abbreviate."""
    if _LICENCE_AFTER.match(text, end) or _LICENCE_BEFORE.search(text, 0, start):
        return True
    if not (text[start - 1 : start] in ("（", "(") and text[end : end + 1] in ("）", ")")):
        return False
    before = _LATIN_BEFORE.search(text, 0, start - 1)
    return before is not None and bool(before.group(1).strip()) and not letters_fit(surface, before.group(1))


def letters_fit(acronym: str, name: str) -> bool:
    """Return True when an acronym's letters are a Latin name's, in order, from its first letter:
    MIT of Massachusetts Institute of Technology, not of Defuddle."""
    letters = [c for c in nfkc(acronym).upper() if c.isascii() and c.isalpha()]
    rest = iter(c for c in nfkc(name).upper() if c.isascii() and c.isalpha())
    first = next(rest, "")
    return bool(letters) and letters[0] == first and all(c in rest for c in letters[1:])


def states_licence(text: str) -> bool:
    """Return True when a text names a licence by its id and its word for one (MIT License,
    Apache License 2.0, BSDライセンス): what a credits section says of the software it is about."""
    return any(match.group(0).casefold() in licence_ids() and _LICENCE_AFTER.match(text, match.end())
               for match in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.-]*", nfkc(text)))


@cache
def licence_ids() -> frozenset[str]:
    """Return the licence ids of kg/data/licences.txt, casefolded."""
    return frozenset(nfkc(line).casefold() for line in read_lines("licences.txt"))


@cache
def standards_bodies() -> frozenset[str]:
    """Return the acronyms of kg/data/standards.txt."""
    return frozenset(nfkc(line) for line in read_lines("standards.txt"))
