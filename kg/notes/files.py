"""Finding note files in folders and vaults, and decoding their bytes whatever the encoding."""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import charset_normalizer

from kg.errors import OptionError
from kg.notes.dates import DATE_FIELDS, in_period, parse_bound
from kg.notes.note import parse_note
from kg.records import Note, Skipped, Vault
from kg.text.chars import XML_UNSAFE

MARKDOWN_SUFFIXES = (".md", ".markdown")
# C0 controls but tab, line ends and ESC (ISO-2022-JP needs it), and DEL: what binary files are full of.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# A file name keeps no control character at all, so every message about a file is one line.
_NAME_CONTROLS = {**XML_UNSAFE, 0x09: None, 0x0A: None, 0x0D: None}


@dataclass(frozen=True)
class NotesOptions:
    """How notes are read: with ``callouts`` False, Obsidian callouts are left out of the text.

    Links in a folder that lead out of it are skipped unless ``follow_symlinks``: a vault should
    not read /etc/passwd or another vault because a link points there.

    A note's date is the first of ``date_field`` (default: date, created, published) in its front
    matter that holds a date, else the date in its file name. With ``since`` or ``until`` only the
    notes dated in that period are read; they may be dates or "2025", "2025-03", "2025-03-10"
    (the first day of that period for since, the last for until).
    """

    callouts: bool = True
    date_field: str | None = None
    follow_symlinks: bool = False
    since: date | str | None = None
    until: date | str | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            if isinstance(value := getattr(self, name), str):
                try:
                    object.__setattr__(self, name, parse_bound(value, end=name == "until"))
                except ValueError as error:
                    raise OptionError(f"{{{name}}}: {error}") from error
        if self.since and self.until and self.since > self.until:
            raise OptionError(f"{{since}} {self.since} is after {{until}} {self.until}: no note is dated in that period")

    @property
    def date_fields(self) -> tuple[str, ...]:
        """Return the front-matter fields a note's date is read from, in order."""
        return (self.date_field,) if self.date_field else DATE_FIELDS


def read_vault(paths: Iterable[str | Path], options: NotesOptions = NotesOptions()) -> Vault:
    """Return the notes read from Markdown files and folders; unreadable files are skipped."""
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(f"no such file or folder: {root}")
    notes: list[Note] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    seen: set[str] = set()
    names: dict[str, str] = {}  # each note's path, NFC, and its name as the file system spells it
    left_out = 0
    by_kg = 0
    for root in roots:
        found = _find_notes(root, options.follow_symlinks) if root.is_dir() else [(root, root.name, "")]
        read = 0
        for path, raw_name, outside in found:
            if outside:
                skipped.append(Skipped(_path_text(raw_name), outside))
                continue
            # realpath, not Path.resolve: on a link to itself resolve raises instead of returning
            real = os.path.realpath(path)
            if real in seen:  # the same file given twice, or linked twice in a vault
                continue
            seen.add(real)
            name = _path_text(raw_name)
            if not name.lower().endswith(MARKDOWN_SUFFIXES):
                skipped.append(Skipped(name, "not a Markdown file (.md or .markdown)"))
                continue
            try:
                note, note_warnings = read_note(path, name, options.callouts, options.date_fields)
            except (OSError, ValueError) as err:
                gone = isinstance(err, FileNotFoundError) and not os.path.lexists(path)  # not a dangling link
                skipped.append(Skipped(name, "it vanished while being read (deleted or moved after its folder was "
                                             "listed)" if gone else " ".join(str(err).split())))
                continue
            except Exception as err:  # a parser limit hit by one file must not cost the others
                reason = " ".join(str(err).split())
                skipped.append(Skipped(name, f"cannot parse it ({type(err).__name__}: {reason})"))
                continue
            if note.by_kg:  # an entity note kg obsidian wrote: kg's own output, not the user's text
                by_kg += 1
                read += 1
                continue
            if name in names and names[name] != raw_name:
                warnings.append(f"{name}: two files have this name, spelt in two Unicode forms (NFC and NFD, as "
                                "macOS writes names); both are read, as two notes with the same name")
            elif name in names:
                warnings.append(f"{name}: two input files have this path")
            names[name] = raw_name
            read += 1
            warnings += note_warnings  # also for a note outside the period: its date may be why
            if in_period(note.date, options.since, options.until):
                notes.append(note)
            else:
                left_out += 1
        if root.is_dir() and not read:
            warnings.append(f"{root}: no notes in this folder (no readable .md or .markdown file)")
    return Vault(tuple(notes), tuple(skipped), tuple(warnings), by_kg, left_out=left_out)


def input_files(paths: Iterable[str | Path], follow_symlinks: bool = False) -> list[Path]:
    """Return the files read_vault reads of paths, in its order (a file named twice, twice)."""
    found: list[Path] = []
    for root in map(Path, paths):
        if root.is_dir():
            found += [path for path, _, outside in _find_notes(root, follow_symlinks) if not outside]
        else:
            found.append(root)
    return found


def read_note(
    path: Path, name: str, callouts: bool = True, date_fields: Sequence[str] = DATE_FIELDS
) -> tuple[Note, list[str]]:
    """Return the note in one file and warnings about it; raise ValueError if it is not text."""
    path = Path(path)
    if not stat.S_ISREG(path.stat().st_mode):  # reading a named pipe or a device never ends
        raise ValueError("not a regular file")
    note, warnings = parse_note(decode_bytes(path.read_bytes()), name, callouts, date_fields)
    return replace(note, file=os.path.abspath(path)), warnings


def _find_notes(root: Path, follow_symlinks: bool = False) -> list[tuple[Path, str, str]]:
    """Return (path, posix path, why it is not read or "") of the visible Markdown files, sorted.

    Links that lead out of root are listed with the reason they are not followed, unless
    ``follow_symlinks``; folder links inside root are followed once each.
    """
    found = []
    seen: set[str] = set()
    top = os.path.realpath(root)

    def unreadable(error: OSError) -> None:
        # a folder that cannot be listed (a permission, a network mount gone) is skipped, never dropped
        path = Path(error.filename or root)
        reason = "it vanished while being read" if isinstance(error, FileNotFoundError) else error.strerror or error
        name = path.relative_to(root).as_posix() if path != root else str(root)
        found.append((path, name, f"a folder that cannot be read ({reason}); its notes are left out"))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop, or a second link to a folder already read
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in [*dirs] if not follow_symlinks else []:
            if outside := _leads_out(Path(folder, name), top, "folder"):
                dirs.remove(name)
                found.append((Path(folder, name), Path(folder, name).relative_to(root).as_posix(), outside))
        for file in files:
            if not file.startswith(".") and file.lower().endswith(MARKDOWN_SUFFIXES):
                path = Path(folder, file)
                outside = "" if follow_symlinks else _leads_out(path, top, "file")
                found.append((path, path.relative_to(root).as_posix(), outside))
    return sorted(found, key=lambda item: item[1])


def _leads_out(path: Path, top: str, kind: str) -> str:
    """Return why a link out of the folder top is not followed, or "" when path stays inside."""
    if not path.is_symlink():
        return ""
    target = os.path.realpath(path)
    if target == top or target.startswith(top.rstrip(os.sep) + os.sep):
        return ""
    return f"a link to a {kind} outside the input folder ({_path_text(target)}); not followed unless asked"


def _path_text(name: str) -> str:
    """Return a file's path as printable text, however its name was encoded on disk.

    Python keeps the bytes of a name that is not UTF-8 as lone surrogates, which no output can
    carry. Such names come mostly from zip files made on Japanese Windows, so they are read as
    CP932, else with U+FFFD for what cannot be read. Control characters (a newline, say) are
    left out, so every message about a file stays one line. The name is in NFC, the form most
    systems write: macOS writes NFD, so the same name from two systems is one name here.
    """
    raw = os.fsencode(name)
    for encoding in ("utf-8", "cp932"):
        with suppress(UnicodeDecodeError):
            return unicodedata.normalize("NFC", raw.decode(encoding).translate(_NAME_CONTROLS))
    return unicodedata.normalize("NFC", raw.decode("utf-8", errors="replace").translate(_NAME_CONTROLS))


def decode_bytes(data: bytes) -> str:
    """Return the text of a note file; raise ValueError when the bytes are not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    # Images, PDFs and archives are about one byte in nine a control character; a note has
    # none, or a stray NUL or vertical tab that parse_note removes. Control bytes never occur
    # inside a UTF-8, Shift_JIS or EUC-JP character, so counting raw bytes is exact for them.
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls * 20 > len(data):
        raise ValueError("binary file (contains NUL bytes)" if b"\x00" in data else "binary file (control bytes)")
    # ISO-2022-JP (old mail and news clippings) is 7-bit, so it would pass as UTF-8: its escapes tell.
    if b"\x1b$B" in data or b"\x1b$@" in data:
        with suppress(UnicodeDecodeError):
            return data.decode("iso2022_jp")
    with suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    # Older Windows tools write Shift_JIS, older Unix ones EUC-JP. Japanese text in one is seldom
    # valid in the other; when it is, the guesser chooses between just these two.
    fits = [encoding for encoding in ("cp932", "euc_jp") if _decodes(data, encoding)]
    if len(fits) == 1:
        return data.decode(fits[0])
    match = charset_normalizer.from_bytes(data, cp_isolation=fits or None).best()
    if match is None:
        raise ValueError("not text: no known encoding decodes it")
    return str(match)


def _decodes(data: bytes, encoding: str) -> bool:
    """Return whether data is valid in encoding."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
