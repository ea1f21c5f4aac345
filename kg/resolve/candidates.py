"""Candidates: the spans of one block that may name an entity, and which of them survive.

Each candidate carries its trust (KNOWN > QUOTED > HEADED > NER); ``without_conflicts`` keeps the
most trusted and longest, and drops the ones that clash with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.records import Block, Span
from kg.resolve.gazetteer import country_abbreviations
from kg.resolve.knowledge import bare_heads, ene_types, suffix_type
from kg.resolve.lexicon import Lexicon, Name
from kg.text.chars import is_ascii_alnum, is_hiragana, is_name_char, nfkc, normalize_with_map

KNOWN, QUOTED, HEADED, NER = 1, 2, 3, 4
_QUOTED = re.compile(r"[「『]([^「」『』]{2,80})[」』]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")
# Particles that make a quoted phrase a clause, not a name.
_CLAUSE_PARTICLES = set("をがはへもで")


@dataclass(frozen=True)
class Candidate:
    """A span of one block that may name an entity."""

    start: int
    end: int
    trust: int
    entity: str = ""
    type: str = ""
    headed: bool = False


def known_and_compound(text: str, lexicon: Lexicon) -> tuple[list[Candidate], list[Candidate]]:
    """Return known-name candidates and the member countries of compounds such as 日米豪印."""
    norm, starts = normalize_with_map(text)
    known: list[Candidate] = []
    members: list[Candidate] = []
    i = 0
    while i < len(norm):
        hit = lexicon.match_at(norm, i, text, starts)
        compound = _compound_at(norm, i, lexicon, text, starts)
        region = hit is not None and hit[1].type == "Region"
        if compound and (hit is None or hit[0] <= compound[-1][1]) and not region:
            members.extend(Candidate(starts[s], starts[e - 1] + 1, KNOWN, n.entity, n.type) for s, e, n in compound)
            end = compound[-1][1]
            if hit is not None and hit[0] == end:
                known.append(Candidate(starts[i], starts[end - 1] + 1, KNOWN, hit[1].entity, hit[1].type))
            else:
                known.append(Candidate(starts[i], starts[end - 1] + 1, 0))
            i = end
        elif hit is not None:
            end, name = hit
            known.append(Candidate(starts[i], starts[end - 1] + 1, KNOWN, name.entity, name.type))
            if compound and not region:
                members.extend(
                    Candidate(starts[s], starts[e - 1] + 1, KNOWN, n.entity, n.type) for s, e, n in compound
                )
            i = end
        else:
            i += 1
    return known, members


def _compound_at(norm: str, i: int, lexicon: Lexicon, text: str, starts: list[int]) -> list[tuple[int, int, Name]]:
    """Return the members of a country compound starting at norm[i] (empty if there is none).

    A compound starts with a one-character country form (日, 米, 英, ...) not preceded by a
    digit (so 8日米国 is a date), and goes on with such forms or known countries and bodies,
    optionally joined by ・: 日米, 日中韓, 日米豪印, 日ASEAN, 日EU, 日インド.
    """
    abbreviations = country_abbreviations()
    if norm[i] not in abbreviations or (i > 0 and (norm[i - 1].isdigit() or norm[i - 1] in abbreviations)):
        return []
    members: list[tuple[int, int, Name]] = []
    j = i
    while j < len(norm):
        if norm[j] in abbreviations and not _starts_known_word(norm, j, lexicon, text, starts):
            entity = abbreviations[norm[j]]
            members.append((j, j + 1, Name(entity, "Country", norm[j], False)))
            j += 1
            continue
        hit = lexicon.match_at(norm, j, text, starts) if members else None
        if hit is not None and hit[1].type in ("Country", "Organization") and j - i <= 4:
            members.append((j, hit[0], hit[1]))
            j = hit[0]
            continue
        break
    if len(members) < 2 or len({m[2].entity for m in members}) < len(members):
        return []
    if _is_ambiguous_pair(norm, i, j, members):
        return []
    return members


def _starts_known_word(norm: str, j: int, lexicon: Lexicon, text: str, starts: list[int]) -> bool:
    """Return True when a one-character form is really the start of a longer known name (中東)."""
    hit = lexicon.match_at(norm, j, text, starts)
    return hit is not None and hit[1].type not in ("Country",) and hit[0] - j >= 2 and norm[j + 1] not in country_abbreviations()


def _is_ambiguous_pair(norm: str, start: int, end: int, members: list) -> bool:
    """Return True for two-character compounds that are ordinary words before hiragana (日中は)."""
    return len(members) == 2 and end - start == 2 and norm[start:end] == "日中" and (
        end >= len(norm) or is_hiragana(norm[end])
    )


def quoted(block: Block) -> list[Candidate]:
    """Return names in 「」 or link text that end in a head noun (…協定, …機構, …会合)."""
    text = block.text
    regions = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]
    regions += [(link.start, link.end) for link in block.links]
    found = []
    for start, end in regions:
        cut = _head_cut(text, start, end)
        if cut:
            found.append(Candidate(start, cut, QUOTED, type=suffix_type(text[start:cut]), headed=True))
    return found


def _head_cut(text: str, start: int, end: int) -> int:
    """Return where a name inside text[start:end] ends at its last head noun (0 if none)."""
    while start < end and text[start] in " 　":
        start += 1
    for cut in range(end, start + 2, -1):
        after = text[cut] if cut < len(text) else ""
        if cut < end and not (is_hiragana(after) or after in "、。 　"):
            continue
        name = text[start:cut]
        if suffix_type(name) and not is_hiragana(name[0]) and not (set(name) & _CLAUSE_PARTICLES):
            return cut
    return 0


def headed(text: str, known: Sequence[Candidate]) -> list[Candidate]:
    """Return a country or body followed by a head noun: 日米首脳会談, 米国商務省, G7…大臣会合."""
    found = []
    for cand in known:
        if cand.trust and cand.type not in ("Country", "Organization", "Region"):
            continue
        starts = {c.start for c in known}
        end = cand.end
        while end < len(text) and end - cand.end < 30 and (is_name_char(text[end]) or _inner_space(text, end)):
            if text[end] == "・" and end + 1 in starts:
                break  # a list of names (国連総会第二委員会・経済社会理事会), not one name
            end += 1
        cut = _head_cut(text, cand.start, end) if end > cand.end else 0
        if cut > cand.end:
            found.append(Candidate(cand.start, cut, HEADED, type=suffix_type(text[cand.start : cut]), headed=True))
    return found


def bare_headed(text: str) -> list[Candidate]:
    """Return plain-text runs that end in a proper head noun: 郵政管理・支援機構, …タスクフォース."""
    found = []
    heads = bare_heads()
    start = 0
    while start < len(text):
        if not is_name_char(text[start]) or text[start] in "・-.":
            start += 1
            continue
        end = start
        while end < len(text) and (is_name_char(text[end]) or _inner_space(text, end)):
            end += 1
        name = text[start:end].rstrip("・-. ")
        stem = nfkc(name).rstrip("0123456789 ")
        if len(stem.replace("・", "")) >= 4 and any(stem.endswith(h) and len(stem) > len(h) for h in heads):
            found.append(Candidate(start, start + len(name), HEADED, type=suffix_type(name), headed=True))
        start = end
    return found


def _inner_space(text: str, i: int) -> bool:
    """Return True for a space inside a name such as "ASEAN デジタルマスタープラン 2025"."""
    return text[i] in " 　" and 0 < i < len(text) - 1 and is_name_char(text[i + 1]) and is_name_char(text[i - 1])


def from_ner(text: str, spans: Sequence[Span]) -> list[Candidate]:
    """Return GiNZA's spans whose labels can become nodes."""
    mapping = ene_types()
    found = []
    for span in spans:
        type_ = mapping.get(span.ene)
        if not type_ or _cut_mid_word(text, span.start, span.end):
            continue
        surface = text[span.start : span.end]
        head = suffix_type(surface)
        # A span the model found stays only when its head says what it is, the dictionary knows
        # one of its words as a proper noun, or it is an acronym: common nouns never become nodes.
        if head or span.proper or _ACRONYM.match(nfkc(surface)):
            found.append(Candidate(span.start, span.end, NER, type=head or type_, headed=bool(head)))
    return found


def _cut_mid_word(text: str, start: int, end: int) -> bool:
    """Return True when a Latin span starts or ends inside a word or hyphenated name."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    latin_start = is_ascii_alnum(nfkc(text[start]))
    latin_end = is_ascii_alnum(nfkc(text[end - 1]))
    return (latin_start and (is_ascii_alnum(nfkc(before or " ")) or before == "-")) or (
        latin_end and (is_ascii_alnum(nfkc(after or " ")) or after == "-")
    )


def without_conflicts(candidates: list[Candidate]) -> list[Candidate]:
    """Return the candidates that survive, taking the most trusted and longest first."""
    accepted: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.trust or KNOWN, c.start, c.start - c.end)):
        if not any(_clashes(cand, other) for other in accepted):
            accepted.append(cand)
    return [c for c in accepted if c.trust]


def _clashes(cand: Candidate, other: Candidate) -> bool:
    """Return True when an accepted candidate rules a later one out.

    Nothing nests inside a known name or a compound; a span may contain others only when its
    head noun says what it is; spans that cross are never both kept.
    """
    if cand.end <= other.start or other.end <= cand.start:
        return False
    inside = other.start <= cand.start and cand.end <= other.end
    around = cand.start <= other.start and other.end <= cand.end
    if inside and around:
        return True
    if inside:
        return other.trust in (KNOWN, 0) or cand.end == other.end
    if around:
        return not cand.headed or (other.trust == KNOWN and cand.end == other.end)
    return True
