"""File names that work on Windows, macOS and Linux alike, and in Obsidian's wikilinks.

A vault is often synced between the three (Obsidian Sync, iCloud, Dropbox, git), so a name must
suit the strictest of them: no character Windows forbids (``<>:"/\\|?*`` and controls), none
that breaks a wikilink (``#^[]|``), no trailing dot or space (Windows drops them), no device name
(CON, NUL, COM1, ...: Windows opens the device whatever the extension), at most MAX_NAME_BYTES
bytes of UTF-8 (ext4 and APFS count bytes, 255 at most), and no two names that differ only in
case or Unicode normalisation (Windows and macOS treat them as one file).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import chain, count

# The forbidden characters become their full-width forms, which read the same in Japanese text.
_WIDE = {char: chr(ord(char) + 0xFEE0) for char in '<>:"/\\|?*#^[]'}
_UNSAFE = {**{code: " " for code in range(0x20)}, 0x7F: None, **{ord(k): v for k, v in _WIDE.items()}}
_DEVICES = re.compile(r"(?i)(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])")
# 255 is the limit; the rest leaves room for a suffix, a temporary file's prefix and suffix
# (".NAME.xxxxxxxx.tmp") and a cloud client's own copy markers.
MAX_NAME_BYTES = 200
EMPTY = "_"


def safe_stem(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """Return name as a file stem every system accepts, at most limit bytes of UTF-8."""
    stem = unicodedata.normalize("NFC", name).translate(_UNSAFE)
    stem = " ".join(stem.split())  # line breaks and runs of spaces read as one space
    if stem.startswith("."):  # a hidden file: Obsidian and kg would not see it
        stem = "．" + stem[1:]
    stem = _cut(stem, limit).rstrip(". ") or EMPTY
    head, dot, rest = stem.partition(".")
    if _DEVICES.fullmatch(head.rstrip(" ")):  # Windows opens the device whatever follows the first dot
        stem = f"{head}_{dot}{rest}"
    return stem


def _cut(text: str, limit: int) -> str:
    """Return the longest start of text that is at most limit bytes of UTF-8."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def name_key(name: str) -> str:
    """Return the form under which two names are one file on a case-insensitive system."""
    return unicodedata.normalize("NFC", name).casefold()


def unique_stems(wanted: Iterable[tuple[str, str, str]], taken: Iterable[str] = (),
                 suffix: str = ".md") -> dict[str, str]:
    """Return a safe, distinct stem for each (key, name, qualifier), none clashing with ``taken`` names.

    The first in order to want a stem gets it; one that clashes gets its qualifier in
    parentheses (a type, say), then a number.
    """
    used = {name_key(name) for name in taken}
    stems: dict[str, str] = {}
    for key, name, qualifier in wanted:
        for tail in chain(("", f" ({qualifier})"), (f" ({qualifier} {n})" for n in count(2))):
            tail = tail.translate(_UNSAFE)
            stem = safe_stem(name, MAX_NAME_BYTES - len(tail.encode("utf-8"))) + tail
            if name_key(stem + suffix) not in used:
                used.add(name_key(stem + suffix))
                stems[key] = stem
                break
    return stems
