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

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from kg.records import ENTITY_TYPES, Entity, Note, Span, blocks_of
from kg.resolve.aliases import add_group, base_lexicon, defined_aliases
from kg.resolve.entities import group_entities
from kg.resolve.junk import stop_words
from kg.resolve.mentions import block_mentions

__all__ = ["resolve"]


def resolve(
    notes: Sequence[Note],
    spans: Mapping[str, Sequence[Span]],
    *,
    types: Iterable[str] = ENTITY_TYPES,
    alias_files: Sequence[Path] = (),
    stop_files: Sequence[Path] = (),
) -> list[Entity]:
    """Return the entities the notes name, each with its mentions, largest first."""
    stop = stop_words(stop_files)
    blocks = blocks_of(notes)
    lexicon = base_lexicon(alias_files)
    for group in defined_aliases(notes, blocks, spans, lexicon):
        add_group(lexicon, group)
    mentions = [m for block in blocks for m in block_mentions(block, spans.get(block.text, ()), lexicon, stop)]
    return group_entities(mentions, lexicon, tuple(types))
