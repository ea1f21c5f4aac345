"""Links from the page back to a note: into Obsidian when the note is in a vault, else to its file.

Obsidian registers the ``obsidian://`` scheme; ``obsidian://open?vault=NAME&file=PATH`` opens the
note at PATH (relative to the vault's folder) in the vault called NAME, which is the name of the
folder that holds ``.obsidian/``. Both values are percent-encoded as a whole, ``/`` included, as
Obsidian's own "Copy Obsidian URL" does. Outside a vault the link is a relative URL from the
page's folder to the ``.md`` file, so the output folder and the notes can move together; with no
page folder (a page shown inside Jupyter) it is an absolute ``file://`` URL.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from kg.records import Note

VAULT_MARKER = ".obsidian"


@dataclass(frozen=True)
class NoteLink:
    """Where a link to a note leads: its URL and whether it opens Obsidian or the file."""

    href: str
    kind: str  # "obsidian" or "file"


def find_vault(path: Path) -> Path | None:
    """Return the nearest folder at or above path that holds ``.obsidian/``, or None."""
    path = Path(os.path.abspath(path))
    for folder in (path, *path.parents) if path.is_dir() else path.parents:
        if (folder / VAULT_MARKER).is_dir():
            return folder
    return None


def obsidian_url(vault: str, file: str) -> str:
    """Return the ``obsidian://open`` URL of a file (a posix path inside the vault)."""
    return f"obsidian://open?vault={_quoted(vault, '')}&file={_quoted(file, '')}"


def _quoted(text: str, safe: str) -> str:
    """Return text percent-encoded as the bytes of its name on disk.

    That is UTF-8 for every name that is text; a name that is not (Shift_JIS from a zip made on
    Japanese Windows, kept by Python as surrogates) keeps its own bytes, so the link still
    finds the file.
    """
    return quote(os.fsencode(text), safe=safe)


def file_url(file: Path, page_dir: Path | None = None) -> str:
    """Return a URL for file: relative to page_dir when given, else absolute ``file://``.

    Every character but letters, digits, ``-._~`` and the ``/`` between folders is
    percent-encoded, so ``#``, ``?``, ``%`` and ``:`` in a name stay part of the path: a name
    such as ``javascript:x.md`` can never become a scheme.
    """
    file = Path(os.path.abspath(file))
    if page_dir is None:
        return file.as_uri()
    relative = Path(os.path.relpath(file, os.path.abspath(page_dir))).as_posix()
    return _quoted(relative, "/")


def note_link(file: Path, page_dir: Path | None = None) -> NoteLink:
    """Return the link to a note file: into Obsidian when it lies in a vault, else to the file."""
    file = Path(os.path.abspath(file))
    vault = find_vault(file)
    if vault is not None:
        return NoteLink(obsidian_url(vault.name, file.relative_to(vault).as_posix()), "obsidian")
    return NoteLink(file_url(file, page_dir), "file")


def note_links(notes: Iterable[Note], page_dir: Path | None = None) -> dict[str, NoteLink | None]:
    """Return each note path's link (note_link) from page_dir; None for a note not read from a file."""
    return {note.path: note_link(Path(note.file), page_dir) if note.file else None for note in notes}
