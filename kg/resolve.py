"""Stage 3: turn NER spans and known names into entities, one per real-world thing.

The order of trust, highest first:
1. known names: the shipped gazetteer, the user's alias file, and aliases the notes define
   (正式名称（略称）, footnote expansions, front-matter aliases, [[target|alias]] links);
2. names in quotes or link text that end in a head noun (…協定, …機構, …会合);
3. a country or body followed by such a head (日米首脳会談, G7…大臣会合, 米国商務省);
4. GiNZA's own spans, after the junk rule.
A lower-trust span that crosses a higher one is dropped; one that contains it is kept only when
its head noun says what it is. Country compounds (日米, 日中韓, 日ASEAN) add their members.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.gazetteer import country_abbreviations, load_gazetteer
from kg.lexicon import Lexicon, Name
from kg.records import Block, ENTITY_TYPES, Entity, Mention, Note, Span, blocks_of
from kg.resources import bare_heads, ene_types, generic_words, legal_forms, read_lines, read_tsv, suffix_type
from kg.text import (
    is_ascii_alnum,
    is_hiragana,
    is_katakana,
    is_name_char,
    match_key,
    nfkc,
    normalize_with_map,
    tidy_surface,
)
from kg.extract import sentence_bounds

KNOWN, QUOTED, HEADED, NER = 1, 2, 3, 4
_PARENS = re.compile(r"[（(]([^（）()]{1,80})[）)]")
_QUOTED = re.compile(r"[「『]([^「」『』]{2,80})[」』]")
_ENGLISH_LEAD = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'&/\-]*[A-Za-z0-9]")
_ABBREV = re.compile(r"^[A-Za-z0-9&\-・.]*[A-Z][A-Za-z0-9&\-・.]*[A-Z0-9][A-Za-z0-9&\-・.]*$")
_DATE_LIKE = re.compile(r"\d+\s*(年|月|日|時|か月|ヶ月|年度|世紀)|^(令和|平成|昭和)")
_ID_LIKE = re.compile(r"^(?=.*\d.*\d.*\d)[A-Za-z0-9_\-]{8,}$|^[A-Z0-9]{10,}$")
_MARKUP = set("^[]|#<>/\\@=*_~{}`")
_ORDINAL_PREFIX = re.compile(r"^第\s*\d+\s*(回|次|期)\s*")
_PART_TITLE = re.compile(r"^第\s*[\d一二三四五六七八九十ⅠⅡⅢⅣⅤ]+\s*(章|節|部|編|条|項|款)")
# Words that only widen a known name: 東南アジア諸国 is 東南アジア, エチオピア政府 stands for エチオピア.
_GENERIC_TAILS = ("諸国", "地域", "各国", "地方", "政府")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")
_TRAILING_PARTICLES = set("のにをはがでとへもやより")
_MODIFIER_ENDINGS = set("なのる的")
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


@dataclass
class _Options:
    """What the user asked of resolution."""

    types: tuple[str, ...] = ENTITY_TYPES
    stop: frozenset[str] = field(default_factory=frozenset)


def resolve(
    notes: Sequence[Note],
    spans: Mapping[str, Sequence[Span]],
    *,
    types: Iterable[str] = ENTITY_TYPES,
    alias_files: Sequence[Path] = (),
    stop_files: Sequence[Path] = (),
) -> list[Entity]:
    """Return the entities the notes name, each with its mentions, largest first."""
    options = _Options(tuple(types), _stop_words(stop_files))
    blocks = blocks_of(notes)
    lexicon = _base_lexicon(alias_files)
    for group in _defined_aliases(notes, blocks, spans, lexicon):
        _add_group(lexicon, group)
    mentions = [m for block in blocks for m in _block_mentions(block, spans.get(block.text, ()), lexicon, options)]
    return _entities(mentions, lexicon, options)


def _stop_words(stop_files: Sequence[Path]) -> frozenset[str]:
    """Return the casefolded surface forms that never become entities."""
    words = set(generic_words())
    for path in stop_files:
        words.update(nfkc(w).casefold() for w in read_lines(Path(path)))
    return frozenset(words)


def _base_lexicon(alias_files: Sequence[Path]) -> Lexicon:
    """Return a lexicon of the gazetteer, overridden by the user's alias files."""
    lexicon = Lexicon()
    for entry in load_gazetteer():
        for name in entry.names:
            lexicon.add(name, entry.id, entry.type)
    for path in alias_files:
        for row in read_tsv(Path(path)):
            canonical, type_, *aliases = row
            if (canonical.lower(), type_.lower()) == ("canonical", "type"):
                continue  # the optional header row
            if type_ not in ENTITY_TYPES:
                raise ValueError(f"{path}: type {type_!r} of {canonical!r} is not one of {', '.join(ENTITY_TYPES)}")
            entity = _merge_target(lexicon, [canonical, *aliases]) or canonical
            for name in [canonical, *aliases]:
                lexicon.add(name, entity, type_, replace=True)
            lexicon.retype(entity, type_)
    return lexicon


def _merge_target(lexicon: Lexicon, names: Iterable[str]) -> str:
    """Return the entity that the first known name of a group stands for ("" if none)."""
    for name in names:
        known = lexicon.get(name)
        if known is not None:
            return known.entity
    return ""


# --- aliases the notes define -------------------------------------------------------------


def _defined_aliases(
    notes: Sequence[Note], blocks: Sequence[Block], spans: Mapping[str, Sequence[Span]], lexicon: Lexicon
) -> Iterable[list[str]]:
    """Yield groups of names that the notes say stand for one entity."""
    footnotes = {b.footnote: b.text for b in blocks if b.kind == "footnote" and b.footnote}
    for block in blocks:
        yield from _paren_definitions(block, lexicon)
        yield from _footnote_expansions(block, footnotes)
        for link in block.links:
            shown = block.text[link.start : link.end]
            if link.wiki and match_key(shown) != match_key(link.target):
                yield [link.target, shown]
    for note in notes:
        if note.aliases:
            yield [note.title, *note.aliases]


def _paren_definitions(block: Block, lexicon: Lexicon) -> Iterable[list[str]]:
    """Yield [long form, short form, ...] for each 正式名称（略称） or 略称（正式名称） in a block."""
    text = block.text
    for match in _PARENS.finditer(text):
        inner = [p.strip() for p in re.split(r"[：:]", match.group(1)) if p.strip()]
        outer = _name_before(block, match.start(), lexicon)
        if not outer or any(c in match.group(1) for c in "、。，"):
            continue
        names = [outer, *inner]
        if not _is_definition(names):
            continue
        yield [n for n in names if " " not in n or not n.isascii() or _is_expansion(n, names)]


def _name_before(block: Block, paren: int, lexicon: Lexicon) -> str:
    """Return the name written just before an opening parenthesis ("" if none)."""
    text = block.text
    for link in block.links:
        if link.end == paren or link.start < paren < link.end:
            return text[link.start : paren].strip()
    if paren > 0 and text[paren - 1] in "」』":
        opening = max(text.rfind("「", 0, paren), text.rfind("『", 0, paren))
        if opening >= 0:
            return text[opening + 1 : paren - 1].strip()
    start = paren
    while start > 0 and (is_name_char(text[start - 1]) or text[start - 1] == " " and start > 1
                         and is_ascii_alnum(text[start - 2])):
        start -= 1
    if start > 0 and text[start - 1] in _MODIFIER_ENDINGS:
        return ""  # 自由なデータ流通（DFFT）: the run is only the tail of a longer name
    name = text[start:paren].strip(" ・")
    return _trim_to_known(name, lexicon)


def _trim_to_known(name: str, lexicon: Lexicon) -> str:
    """Return the known name a run ends with, when the run only adds words in front of it."""
    for start in range(1, len(name) - 1):
        if name[start - 1] in "・ " and lexicon.get(name[start:]) is not None:
            return name[start:]
    return name


def _is_definition(names: Sequence[str]) -> bool:
    """Return True when a name and its parenthesis look like a name and its abbreviation."""
    if len(names) < 2 or any(len(n) > 80 or _DATE_LIKE.search(n) or n.isdigit() for n in names):
        return False
    if any(n[-1] in _TRAILING_PARTICLES for n in names if n):
        return False
    abbrev = [n for n in names if _is_abbreviation(n)]
    compound = any(_is_country_compound(n) for n in names)
    katakana_short = [n for n in names if len(n) <= 8 and all(is_katakana(c) for c in n)]
    return bool(abbrev) or (compound and bool(katakana_short))


def _is_abbreviation(name: str) -> bool:
    """Return True for forms like WTO, ITU-T, 日EU・EPA or 日米DDE."""
    name = nfkc(name)
    prefix = len(name) - len(name.lstrip("".join(country_abbreviations())))
    core = name[prefix:]
    return 2 <= len(core) <= 12 and prefix <= 4 and bool(_ABBREV.match(core))


def _is_country_compound(name: str) -> bool:
    """Return True for names made only of one-character country forms, such as 日米豪印."""
    abbreviations = country_abbreviations()
    return len(name) >= 2 and all(c in abbreviations for c in name)


def _is_expansion(phrase: str, names: Sequence[str]) -> bool:
    """Return True when an English phrase spells out one of the abbreviations in names."""
    return any(_initials_match(n, phrase) for n in names if _is_abbreviation(n))


def _initials_match(abbreviation: str, phrase: str) -> bool:
    """Return True when the abbreviation's letters are the phrase's word initials, in order."""
    letters = [c for c in nfkc(abbreviation).upper() if c.isascii() and c.isalpha()]
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z]+", phrase)]
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def _footnote_expansions(block: Block, footnotes: Mapping[str, str]) -> Iterable[list[str]]:
    """Yield [abbreviation, English name] where a footnote spells out the form that cites it."""
    for offset, footnote_id in block.citations:
        lead = _ENGLISH_LEAD.match(footnotes.get(footnote_id, "").strip())
        if not lead:
            continue
        phrase = lead.group(0).strip(" .,")
        for abbreviation in _forms_before(block.text, offset):
            if _initials_match(abbreviation, phrase):
                yield [abbreviation, phrase]
                break


def _forms_before(text: str, offset: int) -> list[str]:
    """Return the Latin words just before a footnote mark, also inside and before a closing bracket."""
    forms = [_latin_run_before(text, offset)]
    if offset > 0 and text[offset - 1] in "）)":
        opening = max(text.rfind("（", 0, offset), text.rfind("(", 0, offset))
        forms += [_latin_run_before(text, offset - 1), _latin_run_before(text, max(opening, 0))]
    return [f for f in forms if f]


def _latin_run_before(text: str, offset: int) -> str:
    """Return the run of Latin letters, digits and hyphens that ends at offset."""
    start = offset
    while start > 0 and (is_ascii_alnum(nfkc(text[start - 1])) or text[start - 1] in "-&"):
        start -= 1
    return text[start:offset]


def _add_group(lexicon: Lexicon, names: Sequence[str]) -> None:
    """Add names that stand for one entity; merge into a known entity when one is named."""
    names = [tidy_surface(n) for n in names if tidy_surface(n)]
    if len(names) < 2:
        return
    names += [bare for bare in map(without_legal_form, names) if bare not in names]
    known = {lexicon.get(n).entity: lexicon.get(n) for n in names if lexicon.get(n) is not None}
    if len(known) > 1:
        return
    if known:
        entity, first = next(iter(known.items()))
        type_ = first.type
    else:
        entity = _group_label(names)
        type_ = next((t for t in map(suffix_type, names) if t), "")
    for name in names:
        lexicon.add(name, entity, type_)


def _group_label(names: Sequence[str]) -> str:
    """Return the display name of a new entity: its Latin abbreviation, else its longest name."""
    abbreviations = [n for n in names if _is_abbreviation(n) and n.isascii()]
    if abbreviations:
        return min(abbreviations, key=len)
    return max(names, key=len)


# --- mentions in one block ----------------------------------------------------------------


def _block_mentions(block: Block, spans: Sequence[Span], lexicon: Lexicon, options: _Options) -> list[Mention]:
    """Return the mentions of entities in one block."""
    text = block.text
    known, members = _known_and_compound(text, lexicon)
    candidates = known + _quoted(block) + _headed(text, known) + _bare_headed(text) + _from_ner(text, spans)
    accepted = _without_conflicts(candidates)
    sentences = sentence_bounds(text) or [(0, len(text))]
    mentions = []
    for cand in accepted + members:
        mention = _mention(block, cand, spans, lexicon, sentences)
        if mention is not None and not _is_junk(mention.surface, options.stop, mention.source == "known"):
            mentions.append(mention)
    return mentions


def _known_and_compound(text: str, lexicon: Lexicon) -> tuple[list[Candidate], list[Candidate]]:
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


def _quoted(block: Block) -> list[Candidate]:
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


def _headed(text: str, known: Sequence[Candidate]) -> list[Candidate]:
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


def _bare_headed(text: str) -> list[Candidate]:
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


def _from_ner(text: str, spans: Sequence[Span]) -> list[Candidate]:
    """Return GiNZA's spans whose labels can become nodes."""
    mapping = ene_types()
    found = []
    for span in spans:
        type_ = mapping.get(span.label)
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


def _without_conflicts(candidates: list[Candidate]) -> list[Candidate]:
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


def _mention(
    block: Block,
    cand: Candidate,
    spans: Sequence[Span],
    lexicon: Lexicon,
    sentences: list[tuple[int, int]],
) -> Mention | None:
    """Return the mention a surviving candidate makes, with its GiNZA label and sentence."""
    raw = block.text[cand.start : cand.end]
    surface = tidy_surface(_ORDINAL_PREFIX.sub("", raw)) if cand.trust != KNOWN else tidy_surface(raw)
    if not surface:
        return None
    labels = [s.label for s in spans if s.start < cand.end and cand.start < s.end and s.label in ene_types()]
    label = next((s.label for s in spans if (s.start, s.end) == (cand.start, cand.end)), labels[0] if labels else "")
    entity, type_ = cand.entity, cand.type
    if not entity:
        known = _lookup(lexicon, surface)
        entity, type_ = (known.entity, known.type or type_) if known else (match_key(without_legal_form(surface)), type_)
    if not type_ and label:
        type_ = ene_types().get(label, "")
    sentence = next((block.text[s:e].strip() for s, e in sentences if s <= cand.start < e), block.text)
    return Mention(surface, label, _SOURCES[cand.trust], block, cand.start, cand.end, sentence, entity, type_)


def _lookup(lexicon: Lexicon, surface: str) -> Name | None:
    """Return the known name a surface form is, also without a generic tail (諸国) or legal form."""
    known = lexicon.get(surface) or lexicon.get(without_legal_form(surface))
    for tail in _GENERIC_TAILS:
        if known is None and surface.endswith(tail) and len(surface) > len(tail) + 1:
            known = lexicon.get(surface[: -len(tail)])
    return known


def without_legal_form(name: str) -> str:
    """Return a name without a leading or trailing legal form such as 株式会社 or Inc."""
    for form in legal_forms():
        if name.startswith(form) and len(name) > len(form) + 1:
            return name[len(form) :].strip(" ,")
        if name.endswith(form) and len(name) > len(form) + 1:
            return name[: -len(form)].strip(" ,")
    return name


_SOURCES = {KNOWN: "known", QUOTED: "quoted", HEADED: "headed", NER: "ginza"}


def _is_junk(surface: str, stop: frozenset[str], known: bool = False) -> bool:
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
        or bool(_DATE_LIKE.search(surface))
        or bool(_ID_LIKE.match(surface))
        or bool(set(surface) & _MARKUP)
        or (surface.isascii() and surface == surface.lower())
    )


# --- entities -----------------------------------------------------------------------------


def _entities(mentions: Sequence[Mention], lexicon: Lexicon, options: _Options) -> list[Entity]:
    """Return one entity per entity key, typed by vote, keeping only the requested types."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        grouped[mention.entity].append(mention)
    entities = []
    for key, group in grouped.items():
        known = lexicon.get(key)
        aliases = [s for s, _ in Counter(m.surface for m in group).most_common()]
        entity_id = known.entity if known else aliases[0]
        type_ = _vote_type(entity_id, group, known)
        if type_ not in options.types:
            continue
        ene = sorted({m.label for m in group if m.label})
        typed = tuple(replace(m, entity=entity_id, type=type_) for m in group)
        entities.append(Entity(entity_id, _display_name(entity_id, aliases), type_, tuple(ene), tuple(aliases), typed))
    entities.sort(key=lambda e: (-len(e.mentions), e.id))
    return entities


def _display_name(entity_id: str, aliases: Sequence[str]) -> str:
    """Return the name a reader knows an entity by: the acronym the notes use (JICT, WTO), else its id."""
    acronyms = [a for a in aliases if a.isascii() and _is_abbreviation(a)]
    return min(acronyms, key=lambda a: (len(a), a)) if acronyms else entity_id


def _vote_type(label: str, group: Sequence[Mention], known: Name | None) -> str:
    """Return one type for an entity: a known name's type, else its head noun, else the vote."""
    if known is not None and known.type:
        return known.type
    head = suffix_type(label)
    if head:
        return head
    votes = Counter(m.type for m in group if m.type)
    if not votes:
        return ""
    best = max(votes.values())
    return next(t for t in ENTITY_TYPES if votes.get(t) == best)
