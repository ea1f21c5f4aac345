"""Typed records passed between the stages of kg.

notes (Markdown -> Note/Block) -> extract (Block -> Mention) -> resolve (Mention -> Entity)
-> graph (Entity -> networkx) -> export / view.
Each record is frozen so a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from collections.abc import Iterable
from typing import Any

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell", "callout", "footnote")
ENTITY_TYPES = ("Country", "Region", "Organization", "Agreement", "Law", "Plan", "Event", "Person")


@dataclass(frozen=True)
class Link:
    """A link inside a block's text: the span the reader sees and where it points."""

    start: int
    end: int
    target: str
    wiki: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        """Return the Link that ``to_dict`` wrote."""
        return cls(**data)


@dataclass(frozen=True)
class Block:
    """One piece of plain text with where it came from.

    ``heading_path`` lists the enclosing headings, outermost first; a heading block's own text
    is the last item. ``section`` numbers the innermost heading section within the note
    (0 is the text before the first heading). ``paragraph`` numbers the source block (paragraph,
    list item, table cell, ...) within the note, so footnote copies keep one identity.
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

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of this block."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        """Return the Block that ``to_dict`` wrote."""
        data = dict(data)
        data["heading_path"] = tuple(data["heading_path"])
        data["heading_levels"] = tuple(data["heading_levels"])
        data["citations"] = tuple((int(o), str(i)) for o, i in data.get("citations", ()))
        data["links"] = tuple(Link.from_dict(x) for x in data.get("links", ()))
        return cls(**data)


@dataclass(frozen=True)
class Note:
    """One Markdown note: its front-matter metadata, its wikilink targets and its blocks."""

    path: str
    title: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    links: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read as a note, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Vault:
    """Everything read from the input paths: notes, skipped files and warnings."""

    notes: tuple[Note, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """A named-entity span found by the NER model in one block's text (cacheable by text).

    ``proper`` says the tokenizer's dictionary knows one of its words as a proper noun.
    """

    start: int
    end: int
    label: str
    proper: bool = False


@dataclass(frozen=True)
class Mention:
    """One place where the text names an entity."""

    surface: str
    label: str
    source: str
    block: Block
    start: int
    end: int
    sentence: str
    entity: str = ""
    type: str = ""


@dataclass(frozen=True)
class Entity:
    """One real-world entity: a canonical name, a type, and every mention of it."""

    id: str
    label: str
    type: str
    ene: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), repr=False)


def blocks_of(notes: Iterable[Note]) -> list[Block]:
    """Return every block of every note, in order."""
    return [block for note in notes for block in note.blocks]


def field_names(record: type) -> list[str]:
    """Return the field names of a record class, in order."""
    return [f.name for f in fields(record)]
