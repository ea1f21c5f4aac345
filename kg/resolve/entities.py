"""Entities: mentions grouped by the entity they name, each typed once and given a display name."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.records import ENTITY_TYPES, Entity, Mention
from kg.resolve.aliases import is_abbreviation
from kg.resolve.knowledge import suffix_type
from kg.resolve.lexicon import Lexicon, Name
from kg.text.chars import is_katakana, match_key


def group_entities(mentions: Sequence[Mention], lexicon: Lexicon, types: Sequence[str]) -> list[Entity]:
    """Return one entity per entity key, typed by vote, keeping only the requested types."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for mention in _surnames_joined(mentions):
        grouped[mention.entity].append(mention)
    entities = []
    for key, group in grouped.items():
        known = lexicon.get(key)
        counts = Counter(m.surface for m in group)
        aliases = [s for s, _ in counts.most_common()]
        entity_id = known.entity if known else _own_name(key, aliases)
        type_ = _vote_type(entity_id, group, known)
        if type_ not in types:
            continue
        ene = sorted({m.ene for m in group if m.ene})
        typed = tuple(replace(m, entity=entity_id, type=type_) for m in group)
        entities.append(Entity(entity_id, _display_name(entity_id, counts), type_, tuple(ene), tuple(aliases), typed))
    entities.sort(key=lambda e: (-len(e.mentions), e.id))
    return entities


def _own_name(key: str, aliases: Sequence[str]) -> str:
    """Return the name an unknown entity goes by: the commonest surface that is its name, else its key
    when that has no Latin letters to lose their case (播磨町 of 兵庫県加古郡播磨町), else the commonest surface."""
    own = next((a for a in aliases if match_key(a) == key), "")
    return own or (key if not any(c.isascii() and c.isalpha() for c in key) else aliases[0])


# A title after a surname that is also a country's name (タイ代表); see _surnames_joined.
_TITLE = "代表"


def _surnames_joined(mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions, a person named by a part of a full name joined to that name.

    Japanese names put the surname first (上川 of 上川陽子), Western ones in katakana last, after
    a ・ or = (トルドー of ジャスティン・トルドー). The full name is looked for in the same note first,
    then, when the note writes none, in the whole vault (a dated note says 植田総裁 of the 植田和男
    another note named): a part that fits two full names there stays as it is. So does a name with
    代表 after it (日本代表, a country's team or delegation) unless the name is the last part of a
    person's full name in the note (タイ代表, Katherine Tai as the trade representative).
    """
    people: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        if m.type == "Person":
            people[m.block.note].add((m.surface, m.entity))
    everyone = set().union(*people.values()) if people else set()

    def fits(named: set[tuple[str, str]], part: str) -> set[str]:
        # a given name after a surname is no katakana word (石破ショック is an event the model took for a person)
        return {entity for surface, entity in named if len(surface) > len(part)
                and ((surface.startswith(part) and not is_katakana(surface[len(part)]))
                     or surface.endswith(("・" + part, "=" + part)))}

    @cache
    def full_name_in(note: str, part: str, vault: bool) -> str:
        found = fits(people.get(note, set()), part) or (fits(everyone, part) if vault else set())
        return next(iter(found)) if len(found) == 1 else ""

    def full_name(m: Mention, part: str, vault: bool = True) -> str:
        # one look-up per note and part: a vault names the same people thousands of times
        return full_name_in(m.block.note, part, vault)

    joined = []
    for m in mentions:
        if m.type == "Person" and len(m.surface) >= 2:
            m = replace(m, entity=full_name(m, m.surface) or m.entity)
        elif m.surface.endswith(_TITLE) and len(m.surface) > len(_TITLE) + 1:
            # タイ代表 in a note about キャサリン・タイ is the representative, not Thailand's team
            person = full_name(m, m.surface[: -len(_TITLE)], vault=False)
            m = replace(m, entity=person, type="Person") if person else m
        joined.append(m)
    return joined


def _display_name(entity_id: str, counts: Counter) -> str:
    """Return the name a reader knows an entity by, one the notes use.

    That is the acronym the notes use (JICT, WTO) when it carries at least a quarter of the
    mentions, so that one defining mention never relabels a node the text names hundreds of times;
    else its canonical name (日本 for 日, the user's canonical name for their aliases).
    """
    total = sum(counts.values())
    acronyms = [a for a in counts if a.isascii() and is_abbreviation(a) and counts[a] * 4 >= total]
    return min(acronyms, key=lambda a: (len(a), a)) if acronyms else entity_id


def _vote_type(label: str, group: Sequence[Mention], known: Name | None) -> str:
    """Return one type for an entity: a known name's type, else its head noun, else the vote, in which
    an acronym's Person votes do not count."""
    if known is not None and known.type:
        return known.type
    head = suffix_type(label)
    if head:
        return head
    # a person is never named by an acronym (NNPC is a company, whatever the model says)
    votes = Counter(m.type for m in group if m.type and not (m.type == "Person" and is_abbreviation(m.surface)))
    if not votes:
        return ""
    best = max(votes.values())
    return next(t for t in ENTITY_TYPES if votes.get(t) == best)
