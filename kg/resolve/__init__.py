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

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, chain
from pathlib import Path

from kg.errors import OptionError
from kg.forked import FORKS, Forked
from kg.records import ENTITY_TYPES, Block, Entity, Mention, Note, Span, blocks_of
from kg.resolve import trace
from kg.resolve.aliases import (
    add_group, base_lexicon, defined_aliases, defined_kinds, entity_note_aliases, entity_notes_of, is_entity_note, is_replaced_thing, located_names,
    operators_in_tables, parties_without_country, renewed_names, replacements,
)
from kg.resolve.corrections import (
    Corrections, alias_file, apply, from_dict, read_corrections, stop_file, stop_report, vault_corrections,
)
from kg.resolve.entities import group_entities
from kg.resolve.junk import has_markup, stop_words
from kg.resolve.knowledge import suffix_type
from kg.resolve.lexicon import Lexicon
from kg.resolve.mentions import block_mentions, named_elsewhere
from kg.resolve.people import without_lone_latin_words
from kg.resolve.products import without_products
from kg.text.chars import tidy_surface

__all__ = ["ResolveOptions", "resolve", "resolve_corrected", "with_vault_corrections"]

# Above this many characters of text, resolution is spread over two processes (see _mentions).
SPREAD_CHARS = 20_000


@dataclass(frozen=True)
class ResolveOptions:
    """What resolution keeps and knows: the entity types, the user's corrections files, alias files
    and stop-word files (kg.resolve.corrections).

    ``types`` may be given as a comma-separated string, ``aliases``, ``stop`` and ``corrections``
    as one path or several; they are stored as tuples. A correction may also be given as a dict in
    the corrections file's shape.
    """

    types: tuple[str, ...] = ENTITY_TYPES
    aliases: tuple[Path, ...] = ()
    stop: tuple[Path, ...] = ()
    corrections: tuple[Path | dict, ...] = ()

    def __post_init__(self) -> None:
        types = self.types.split(",") if isinstance(self.types, str) else self.types
        object.__setattr__(self, "types", tuple(t.strip() for t in types if t.strip()))
        for name in ("aliases", "stop", "corrections"):
            given = getattr(self, name) or ()
            given = (given,) if isinstance(given, str | Path | dict) else given
            object.__setattr__(self, name, tuple(g if isinstance(g, dict) else Path(g) for g in given))
        unknown = [t for t in self.types if t not in ENTITY_TYPES]
        if unknown:
            raise OptionError(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(ENTITY_TYPES)}")


def resolve(
    notes: Sequence[Note], spans: Mapping[str, Sequence[Span]], options: ResolveOptions = ResolveOptions()
) -> list[Entity]:
    """Return the entities the notes name, each with its mentions, largest first."""
    return resolve_corrected(notes, spans, options)[0]


def resolve_corrected(notes: Sequence[Note], spans: Mapping[str, Sequence[Span]],
                      options: ResolveOptions = ResolveOptions()) -> tuple[list[Entity], list[dict]]:
    """Return the entities the notes name as the user's corrections have them, largest first, and
    what each correction did (for report.json)."""
    corrections = user_corrections(options)
    blocks = blocks_of(notes)
    lexicon = base_lexicon(corrections.aliases)
    kinds = frozenset(defined_kinds(blocks, lexicon))
    stop = stop_words([*corrections.stop, *kinds])
    tracing = trace.current()
    replaced = list(replacements(blocks))
    for old, new in replaced:
        lexicon.add_replaced(old, new)
    entity_notes = entity_notes_of(notes, lexicon)
    # an entity note's title names its entity; the groups the text defines are read as the lexicon grows
    for titled, group in chain(((True, g) for g in entity_note_aliases(notes, entity_notes)),
                               ((False, g) for g in defined_aliases(blocks, spans, lexicon, entity_notes, kinds))):
        add_group(lexicon, group, titled)
        if tracing is not None:
            tracing.defined.append(tuple(group))
    for group in parties_without_country(blocks):
        add_group(lexicon, group)  # 日本北浜党 and 北浜党 in one vault: the country's party by its name at home
        if tracing is not None:
            tracing.defined.append(tuple(group))
    for name in located_names(blocks, lexicon):
        lexicon.add(name, name, "Organization")  # seatec（ノルウェー）: a body the text places in a country
        if tracing is not None:
            tracing.located.append(name)
    for name in {n for pair in replaced for n in pair if is_replaced_thing(n)}:
        if lexicon.get(name) is None:
            lexicon.add(name, name, suffix_type(name))  # …制度に代わる…制度: the text names two schemes, the old and the new
            if tracing is not None:
                tracing.located.append(name)
    for name in operators_in_tables(blocks):
        if lexicon.get(name) is None:
            lexicon.add(name, name, "Organization")  # a table's column of companies (運営会社): each cell is one
            if tracing is not None:
                tracing.located.append(name)
    for name, new in renewed_names(blocks):
        if lexicon.get(name) is None and all(lexicon.get(n) is None for n in new):
            lexicon.add(name, name, "Plan")  # …構想 of 「新たな…構想」: the plan in force, which the new one renews
            for surface in new:
                lexicon.add(surface, new[0], "Plan")
            if tracing is not None:
                tracing.renewed.extend([name, *new])
    mentions = _mentions(blocks, spans, lexicon, stop)
    mentions += named_elsewhere(blocks, mentions, lexicon)
    entities = without_products(group_entities(mentions, lexicon, options.types), blocks, lexicon)
    entities = without_lone_latin_words(entities, lexicon)
    entities = _with_note_aliases(entities, notes, lexicon)
    if tracing is not None:
        tracing.lexicon, tracing.corrections, tracing.before = lexicon, corrections, entities
    if corrections.empty:
        return entities, []
    entities, done = apply(entities, corrections, options.types)
    return entities, stop_report(corrections, (b.text for b in blocks)) + done


def with_vault_corrections(options: ResolveOptions, paths: Iterable[str | Path]) -> ResolveOptions:
    """Return the options with the corrections file of fixed name at the root of each vault folder
    among paths (kg-corrections.toml) when they name no corrections file."""
    return options if options.corrections else replace(options, corrections=tuple(vault_corrections(paths)))


def user_corrections(options: ResolveOptions) -> Corrections:
    """Return the corrections of the user's alias files, stop files and corrections files, in that order."""
    found = Corrections()
    for path in options.aliases:
        found += alias_file(path)
    for path in options.stop:
        found += stop_file(path)
    for given in options.corrections:
        found += from_dict(given) if isinstance(given, dict) else read_corrections(given)
    return found


def _mentions(blocks: Sequence[Block], spans: Mapping[str, Sequence[Span]], lexicon: Lexicon,
              stop: frozenset[str]) -> list[Mention]:
    """Return the mentions of every block, in block order.

    Each block's mentions depend on that block alone, so in a vault of more than SPREAD_CHARS
    characters the later blocks, half the text, are read in a forked child (kg.forked) while
    this process reads the earlier ones: an unchanged rebuild of a big vault spends most of its
    time before the graph here. The child sends its mentions back without their blocks, which
    this process has already.
    """
    sizes = list(accumulate(len(block.text) for block in blocks))
    # a trace (kg explain) is recorded in this process only
    if not FORKS or not sizes or sizes[-1] < SPREAD_CHARS or trace.current() is not None:
        return _block_mentions(blocks, spans, lexicon, stop)
    half = bisect_left(sizes, sizes[-1] / 2) + 1
    later = Forked(_detached_mentions, blocks[half:], spans, lexicon, stop)
    try:
        mentions = _block_mentions(blocks[:half], spans, lexicon, stop)
        found = later.result()
    finally:
        later.stop()
    return mentions + [replace(m, block=block) for block, own in zip(blocks[half:], found, strict=True) for m in own]


def _block_mentions(blocks: Sequence[Block], spans: Mapping[str, Sequence[Span]], lexicon: Lexicon,
                    stop: frozenset[str]) -> list[Mention]:
    """Return the mentions of the blocks, in block order, found in this process."""
    return [m for block in blocks for m in block_mentions(block, spans.get(block.text, ()), lexicon, stop)]


def _detached_mentions(blocks: Sequence[Block], spans: Mapping[str, Sequence[Span]], lexicon: Lexicon,
                       stop: frozenset[str]) -> list[list[Mention]]:
    """Return each block's mentions with their block left out (None), to be sent to the parent."""
    return [[replace(m, block=None) for m in block_mentions(block, spans.get(block.text, ()), lexicon, stop)]
            for block in blocks]


def _with_note_aliases(entities: list[Entity], notes: Sequence[Note], lexicon: Lexicon) -> list[Entity]:
    """Return the entities, each entity note's front-matter aliases added to its entity's node.

    An entity note's title also becomes its node's label when the notes never write the label
    (a gazetteer's canonical name or abbreviation): the user named the note, so that is their name.
    """
    extra: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for note in notes:
        known = lexicon.get(note.title) if note.aliases and is_entity_note(note, lexicon) else None
        if known is not None:
            extra.setdefault(known.entity, []).extend([note.title, *(a for a in note.aliases if not has_markup(a))])
            titles.setdefault(known.entity, tidy_surface(note.title))
    return [_with_note_names(e, extra[e.id], titles[e.id]) if e.id in extra else e for e in entities]


def _with_note_names(entity: Entity, names: Sequence[str], title: str) -> Entity:
    """Return the entity with its note's names among its aliases, and the note's title as its label
    when no mention writes the label."""
    written = {m.surface for m in entity.mentions}
    label = entity.label if entity.label in written else title
    return replace(entity, label=label, aliases=tuple(dict.fromkeys([*entity.aliases, *map(tidy_surface, names)])))
