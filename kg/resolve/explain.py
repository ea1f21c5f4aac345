"""Why kg made, or did not make, a node of a name: every place the name occurs, the candidates there,
the rule that kept or dropped each, and why a kept one joined its entity (``kg explain``).

Resolution runs once more with a trace (kg.resolve.trace) on the notes and the spans the build
used; the rules' names and one-line reasons are in kg/data/rules.tsv.
"""

from __future__ import annotations

import re

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace

from kg.records import Block, Entity, Mention, Note, Span, blocks_of
from kg.resolve import ResolveOptions, resolve_corrected
from kg.resolve.corrections import named
from kg.resolve.gazetteer import load_gazetteer
from kg.resolve.lexicon import lex_key
from kg.resolve.trace import DROPPED, FOUND, Step, Trace, rules, tracing
from kg.text.chars import match_key, nfkc, tidy_surface

# How much of a long block a place shows around the name.
CONTEXT = 60


@dataclass(frozen=True)
class Candidate:
    """One text that may name an entity at a place, and what kg decided about it.

    ``rule`` decided (the finder that proposed a kept one, the rule that dropped the other);
    a kept one names ``entity`` (its label, of ``type``), joined by rule ``joined_by`` (``joined_from``
    says more: where the notes define the name, or the corrections' merge).
    """

    surface: str
    start: int
    end: int
    kept: bool
    rule: str
    reason: str
    found_by: tuple[str, ...] = ()
    entity: str = ""
    entity_id: str = ""
    type: str = ""
    joined_by: str = ""
    joined_reason: str = ""
    joined_from: str = ""
    label: str = ""  # GiNZA's label of a span over just this text, if the model found one


@dataclass(frozen=True)
class Place:
    """One block where the name occurs or its entity is mentioned, with the candidates over it."""

    note: str
    line: int
    heading_path: tuple[str, ...]
    text: str
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Explanation:
    """What kg did with a name: the entity it names now ("" if none) and every place it occurs."""

    name: str
    entity: str
    entity_id: str
    type: str
    places: tuple[Place, ...]

    def to_dict(self) -> dict:
        """Return the explanation as plain data (for --json)."""
        return asdict(self)

    def __str__(self) -> str:
        """Return the explanation as the text ``kg explain`` prints."""
        notes = len({p.note for p in self.places})
        head = (f"{self.name}: the entity {self.entity} ({self.type or 'untyped'}, id {self.entity_id})"
                if self.entity else f"{self.name}: no entity")
        lines = [f"{head}; {len(self.places)} place(s) in {notes} note(s)"]
        for place in self.places:
            where = " › ".join(place.heading_path)
            lines += ["", f"{place.note}:{place.line}" + (f"  {where}" if where else ""), f"  {place.text}"]
            if not place.candidates:
                lines.append("  (no candidate: no finder proposed a name over it)")
            for cand in place.candidates:
                model = f" (GiNZA: {cand.label})" if cand.label else ""
                lines.append(f"  {'kept   ' if cand.kept else 'dropped'} {cand.surface}{model}  [{cand.rule}] {cand.reason}")
                if cand.kept:
                    joined = f"{cand.joined_by}: {cand.joined_reason}" + (f" ({cand.joined_from})" if cand.joined_from else "")
                    lines.append(f"          → {cand.entity} ({cand.type or 'untyped'})  [{joined}]")
        return "\n".join(lines)


def explain(name: str, notes: Sequence[Note], spans: Mapping[str, Sequence[Span]],
            options: ResolveOptions = ResolveOptions()) -> Explanation:
    """Return what resolution did at every place the notes write ``name`` or name its entity."""
    with tracing() as trace:
        entities, _ = resolve_corrected(notes, spans, options)
    final = named(entities, name)
    earlier = named(trace.before, name)
    now = {_key(m): e for e in entities for m in e.mentions}
    then = {_key(m): (e, m) for e in trace.before for m in e.mentions}
    mentioned: dict[int, set[tuple[int, int]]] = {}
    for entity in (final, earlier):
        for m in entity.mentions if entity is not None else ():
            mentioned.setdefault(id(m.block), set()).add((m.start, m.end))
    spots: dict[int, set[tuple[int, int]]] = {}
    for block_id, start, end in [*now, *then]:
        spots.setdefault(block_id, set()).add((start, end))
    folded = nfkc(name).casefold()
    places = []
    origins: dict[str, tuple[str, str]] = {}
    for block in blocks_of(notes):
        ranges = _occurrences(block.text, folded) + sorted(mentioned.get(id(block), ()))
        if not ranges:
            continue
        steps = [s for s in trace.at(block) if any(s.start < end and start < s.end for start, end in ranges)]
        grouped = _by_span(steps)
        for spot in spots.get(id(block), ()):  # a mention no finder's step covers (an address widened)
            if any(spot[0] < end and start < spot[1] for start, end in ranges):
                grouped.setdefault(spot, [])
        labels = {(s.start, s.end): s.ene for s in spans.get(block.text, ())}
        found = [replace(_candidate(block, span, group, now, then, trace, notes, options, origins), label=labels.get(span, ""))
                 for span, group in grouped.items()]
        found.sort(key=lambda c: (c.start, c.start - c.end))
        places.append(Place(block.note, block.line, block.heading_path, _context(block.text, ranges), tuple(found)))
    return Explanation(name, final.label if final else "", final.id if final else "", final.type if final else "",
                       tuple(places))


def _key(mention: Mention) -> tuple[int, int, int]:
    """Return what identifies a mention across resolution and corrections: its block and span."""
    return id(mention.block), mention.start, mention.end


def _occurrences(text: str, folded: str) -> list[tuple[int, int]]:
    """Return where a name occurs in a block's text (NFKC, case folded; which keeps every offset
    for the Japanese and Latin text of notes, and is only used to pick the candidates shown)."""
    haystack = nfkc(text).casefold()
    if len(haystack) != len(text) or not folded:
        haystack = text.casefold()
    found, at = [], haystack.find(folded)
    while at >= 0:
        found.append((at, at + len(folded)))
        at = haystack.find(folded, at + 1)
    return found


def _by_span(steps: Sequence[Step]) -> dict[tuple[int, int], list[Step]]:
    """Return the steps grouped by the text they are about, each group in the order taken, without repeats."""
    grouped: dict[tuple[int, int], list[Step]] = {}
    for step in steps:
        group = grouped.setdefault((step.start, step.end), [])
        if step not in group:
            group.append(step)
    return grouped


def _candidate(block: Block, span: tuple[int, int], steps: Sequence[Step], now: dict, then: dict, trace: Trace,
               notes: Sequence[Note], options: ResolveOptions, origins: dict) -> Candidate:
    """Return the verdict on one text of a block: kept and joined, or dropped by the first rule that did."""
    start, end = span
    surface = block.text[start:end]
    finders = tuple(dict.fromkeys(s.rule for s in steps if s.verdict == FOUND))
    drops = [s.rule for s in steps if s.verdict == DROPPED]
    key = (id(block), start, end)
    kept = now.get(key)
    if kept is not None:
        # the most trusted finder's candidate is the one that stood (candidates.without_conflicts)
        proposed = sorted((s for s in steps if s.verdict == FOUND and s.trust), key=lambda s: s.trust)
        rule = proposed[0].rule if proposed else finders[0] if finders else "known-name"
        before, mention = then[key]
        joined, where = _joined(mention, before, kept, trace, notes, origins)
        return Candidate(surface, start, end, True, rule, _reason(rule), finders, kept.label, kept.id, kept.type,
                         joined, _reason(joined), where)
    if drops:
        rule = drops[0]
    elif key in then:
        rule = _corrected_away(then[key][0], trace, options)
    else:
        rule = "type-not-kept"  # proposed and never dropped, yet no mention: its entity's type was left out
    return Candidate(surface, start, end, False, rule, _reason(rule), finders)


def _reason(rule: str) -> str:
    """Return a rule's one-line reason."""
    return rules().get(rule, ("", rule))[1]


def _corrected_away(before: Entity, trace: Trace, options: ResolveOptions) -> str:
    """Return the rule by which the user's corrections took away a mention of ``before``."""
    fixes = trace.corrections
    if fixes is not None and any(named(trace.before, f.name) is before for f in fixes.not_entities):
        return "correction-not-entity"
    if fixes is not None and any(named(trace.before, f.name) is before and f.type not in options.types for f in fixes.types):
        return "type-not-kept"
    return "correction-not-mention"


def _joined(mention: Mention, before: Entity, after: Entity, trace: Trace, notes: Sequence[Note],
            origins: dict) -> tuple[str, str]:
    """Return the rule by which a mention joined its entity, and where that came from."""
    if before.id != after.id:
        return "correction-merge", f"merged into {after.label}"
    lexicon = trace.lexicon
    name = tidy_surface(mention.surface)
    known = lexicon.get(name) if lexicon is not None else None
    if known is not None and known.entity == before.id:
        return _origin(name, trace, notes, origins)
    after = mention.block.text[mention.end :] if mention.block is not None else ""
    government = re.match(r"[前元現旧]?政権", after)  # the leader named in his government (バイデン of バイデン政権)
    if mention.type == "Person" and government:
        return "leader", f"{name}{government.group()} → {name} ({before.id})"
    if mention.type == "Person" and match_key(name) != match_key(before.id):
        return "surname", f"{name} → {before.id}"
    own = lexicon.get(before.id) if lexicon is not None else None
    if own is None and match_key(before.id) not in match_key(name):
        return "other-writing", f"{name} → {before.id}"  # joined after grouping (kg.resolve.entities._names_joined)
    if own is not None and own.entity == before.id:
        # a known name written with more (インドネシア政府, 株式会社…) or shown as a link's text
        rule, where = _origin(before.id, trace, notes, origins)
        return rule, f"{name} read as {before.id}" + (f"; {where}" if where else "")
    return "own-name", ""


def _origin(name: str, trace: Trace, notes: Sequence[Note], origins: dict) -> tuple[str, str]:
    """Return where a known name comes from: the user's aliases, the gazetteer, or the notes (and where
    in them); ``origins`` keeps each name's answer, as a name is often mentioned many times."""
    key = lex_key(name)
    if key not in origins:
        origins[key] = _first_origin(key, trace, notes)
    return origins[key]


def _first_origin(key: str, trace: Trace, notes: Sequence[Note]) -> tuple[str, str]:
    """Return where the known name of a lexicon key comes from (see _origin)."""
    fixes = trace.corrections
    if fixes is not None and any(key in {lex_key(n) for n in (row.name, *row.aliases)} for row in fixes.aliases):
        return "user-alias", ""
    if any(key == lex_key(n) for entry in load_gazetteer() for n in entry.names):
        return "gazetteer", ""
    group = next((g for g in trace.defined if key in {lex_key(n) for n in g}), None)
    if group is None and key in {lex_key(n) for n in trace.located}:
        return "located", ""
    if group is None and key in {lex_key(n) for n in trace.renewed}:
        return "renewed", ""
    return _defined_where(group, notes) if group else ("gazetteer", "")


def _defined_where(group: Sequence[str], notes: Sequence[Note]) -> tuple[str, str]:
    """Return how the notes define a group of names (a note's aliases, a link, a parenthesis, a
    footnote), and the note and line."""
    for note in notes:
        if note.aliases and group[0] == note.title and set(group[1:]) <= set(note.aliases):
            return "entity-note", f"front matter of {note.path}"
    folded = [nfkc(n).casefold() for n in group]
    for note in notes:
        for block in note.blocks:
            shown = {(link.target, block.text[link.start : link.end]) for link in block.links if link.wiki}
            if len(group) == 2 and tuple(group) in shown:
                return "link-alias", f"[[{group[0]}|{group[1]}]] in {block.note}:{block.line}"
            text = nfkc(block.text).casefold()
            if all(n in text for n in folded):
                return ("footnote" if block.kind == "footnote" else "parenthesis"), f"{' = '.join(group)} in {block.note}:{block.line}"
    return "footnote", " = ".join(group)


def _context(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """Return the block's text, cut to CONTEXT characters around the name when it is long."""
    text = " ".join(text.split()) if len(text) <= 3 * CONTEXT else text
    if len(text) <= 3 * CONTEXT:
        return text
    start = max(0, min(s for s, _ in ranges) - CONTEXT)
    end = min(len(text), max(e for _, e in ranges) + CONTEXT)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")
