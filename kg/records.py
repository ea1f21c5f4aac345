"""Typed records passed between the stages of kg.

notes (Markdown -> Note/Block) -> extract (block text -> Span) -> resolve (Blocks + Spans -> Mention,
Entity) -> graph (Entity -> networkx) -> export / view. A build's outcome is a Result.
Each record is frozen so a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell", "callout", "footnote")
ENTITY_TYPES = ("Country", "Region", "Organization", "Agreement", "Law", "Plan", "Event", "Person")


@dataclass(frozen=True)
class Link:
    """A link inside a block's text: the span the reader sees and where it points."""

    start: int
    end: int
    target: str
    wiki: bool = False


@dataclass(frozen=True)
class Block:
    """One piece of plain text with where it came from.

    ``heading_path`` lists the enclosing headings, outermost first; a heading block's own text
    is the last item. ``section`` numbers the innermost heading section within the note
    (0 is the text before the first heading). ``paragraph`` numbers the source block (paragraph,
    list item, table cell, ...) within the note, so footnote copies keep one identity.
    ``date`` is the note's date (None when it has none), so every mention carries it.
    ``emphasis`` holds the (start, end) of each bold run of the text: a writer marks names so.
    """

    note: str
    heading_path: tuple[str, ...]
    heading_levels: tuple[int, ...]
    section: int
    paragraph: int
    line: int
    kind: str
    text: str
    citations: tuple[tuple[int, str], ...] = ()
    footnote: str = ""
    links: tuple[Link, ...] = ()
    date: date | None = None
    emphasis: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Note:
    """One Markdown note: its front-matter metadata, its wikilink targets and its blocks.

    ``date`` is the note's date (see kg.notes.dates); ``file`` the absolute path it was read
    from ("" for text parsed in memory). ``by_kg`` says kg wrote it (an entity note of
    ``kg obsidian``, marked in its front matter), so a build leaves it out.
    """

    path: str
    title: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    links: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    date: date | None = None
    file: str = ""
    by_kg: bool = False


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read as a note, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Vault:
    """Everything read from the input paths: notes, skipped files, warnings, kg's own notes left out."""

    notes: tuple[Note, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    kg_notes: int = 0
    left_out: int = 0  # notes read but dated outside the period asked for (--since, --until)


@dataclass(frozen=True)
class Span:
    """A named-entity span found by the NER model in one block's text (cacheable by text).

    ``ene`` is GiNZA's Extended Named Entity label; ``proper`` says the tokenizer's dictionary
    knows one of its words as a proper noun.
    """

    start: int
    end: int
    ene: str
    proper: bool = False


@dataclass(frozen=True)
class Mention:
    """One place where the text names an entity; ``ene`` is the GiNZA label of its span ("" if none)."""

    surface: str
    ene: str
    source: str
    block: Block
    start: int
    end: int
    sentence: str
    entity: str = ""
    type: str = ""


@dataclass(frozen=True)
class Entity:
    """One real-world entity: a canonical id, the name shown for it, a type, and every mention of it."""

    id: str
    label: str
    type: str
    ene: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Result:
    """What a build produced: the notes read, the entities found, the graph and the relations."""

    vault: Vault
    entities: tuple[Entity, ...]
    graph: nx.Graph
    # what went wrong in the build itself (the cache, the cluster), also among vault.warnings
    problems: tuple[str, ...] = ()
    relations: tuple = ()  # kg.relate.Relation records, between the graph's nodes
    placement: Any = None  # the page's kg.view.layout.Placement, when the build found it beside the measures
    corrections: tuple = ()  # what each of the user's corrections did (kg.resolve.corrections.apply)
    repaired: Mapping[str, int] = field(default_factory=dict)  # damaged cache rows read again, by cache: ner, parse

    @property
    def mention_count(self) -> int:
        """Return how many mentions the entities hold."""
        return sum(len(e.mentions) for e in self.entities)


def blocks_of(notes: Iterable[Note]) -> list[Block]:
    """Return every block of every note, in order."""
    return [block for note in notes for block in note.blocks]
