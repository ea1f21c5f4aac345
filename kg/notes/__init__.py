"""Markdown and Obsidian notes -> Note records whose blocks carry their provenance.

The first stage of kg. markdown-it-py parses each body; small plugins add what Obsidian has and
CommonMark lacks (wikilinks, embeds, ``%%comments%%``, callouts), so structure is always read
from parser tokens, never from regular expressions over the raw text. A block keeps only what a
reader sees: no URLs, file names, footnote ids, code, math or comments.
"""

from kg.notes.files import MARKDOWN_SUFFIXES, NotesOptions, read_note, read_vault
from kg.notes.note import parse_note

__all__ = ["MARKDOWN_SUFFIXES", "NotesOptions", "parse_note", "read_note", "read_vault"]
