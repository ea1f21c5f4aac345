"""One note's text -> a Note: front matter, then the body's blocks with footnotes placed."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from kg.notes.blocks import Walker
from kg.notes.dates import DATE_FIELDS, note_date
from kg.notes.footnotes import check_footnotes, place_footnotes
from kg.notes.frontmatter import as_strings, load_metadata, read_dates, split_front_matter
from kg.notes.markdown import MAX_NESTING, TOO_DEEP, parser
from kg.records import Note
from kg.text.chars import XML_UNSAFE

# The front-matter key that marks a note kg wrote (kg obsidian's entity notes): such a note is
# kg's output, never a note of the vault, and kg may rewrite or remove it.
KG_NOTE_KEY = "kg_export"


def parse_note(
    text: str, name: str, callouts: bool = True, date_fields: Sequence[str] = DATE_FIELDS
) -> tuple[Note, list[str]]:
    """Return the note written in ``text`` (stored as ``name``) and warnings about it.

    The note's date is the first of ``date_fields`` in its front matter that holds a date, else
    the date in its file name, else None.
    """
    # markdown-it counts lines after the same newline normalisation, so line numbers agree.
    # NFC composes kana written as base + combining mark (ト + ゙ = ド), as macOS and some
    # clippers store them, so names match however the file spells them.
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    warnings: list[str] = []
    clean = text.translate(XML_UNSAFE)
    if len(clean) < len(text):
        warnings.append(f"{name}: {len(text) - len(clean)} control characters removed")
        text = clean
    header, body, offset = split_front_matter(text)
    meta = load_metadata(header, name, warnings) if header is not None else {}
    env: dict[str, Any] = {}
    walker = Walker(name, offset, callouts, env)
    walker.walk(parser().parse(body, env))
    if env.get(TOO_DEEP):
        warnings.append(f"{name}:{offset + 1 + env[TOO_DEEP][0]}: markup nested more than {MAX_NESTING} levels deep "
                        "(a list counts two) read as plain text")
    blocks = place_footnotes(walker.items)
    warnings += check_footnotes(walker.items, blocks, name)
    blocks = [block for block in blocks if block.text]  # a citation alone shows nothing where it stands
    day, date_warnings = note_date(meta, name, date_fields)
    warnings += date_warnings
    if day is not None:
        blocks = [replace(block, date=day) for block in blocks]
    title = as_strings(meta.get("title"))
    note = Note(
        path=name,
        title=title[0] if title else PurePosixPath(name).stem,
        tags=tuple(t for t in (s.lstrip("#") for s in as_strings(meta.get("tags"), ", ")) if t),
        aliases=tuple(as_strings(meta.get("aliases"), ",")),
        dates=read_dates(meta),
        links=tuple(dict.fromkeys(walker.targets)),
        blocks=tuple(blocks),
        date=day,
        by_kg=KG_NOTE_KEY in meta,
    )
    return note, warnings
