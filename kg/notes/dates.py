"""The date of a note: from a front-matter field, else from its file name, else none.

A note's date is what its writer says it is about or was written on, so a timestamp keeps the
day as written (``2025-02-01T08:00:00+09:00`` is 1 February, although it is 31 January in UTC).
Dates that cannot be read are reported, never fatal.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

DATE_FIELDS = ("date", "created", "published")
# Japanese eras still met in government documents: the era's first year, and when it began.
ERAS = {"令和": (2019, date(2019, 5, 1)), "平成": (1989, date(1989, 1, 8)), "昭和": (1926, date(1926, 12, 25))}
# Years outside this range are IDs or typos, not the date of a note.
YEARS = range(1900, 2101)
_NUMERIC = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s].*)?", re.DOTALL)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_KANJI = re.compile(r"(令和|平成|昭和)?\s*(\d{1,4}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[(（][^)）]*[)）])?(?:\s.*)?")
_ENGLISH = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")
# In a file name: the first full date, its three parts joined the same way (or not at all),
# never inside a longer run of digits, so IDs and version numbers are not dates.
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
_NAME_KANJI = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_SHOWN = 40  # characters of an unreadable value quoted in a warning


def note_date(
    meta: Mapping[Any, Any], name: str, fields: Sequence[str] = DATE_FIELDS
) -> tuple[date | None, list[str]]:
    """Return a note's date and warnings about date fields that could not be read.

    The first of ``fields`` in the front matter that holds a readable date wins; else the
    date in the file name of ``name``; else None. A field that is present but unreadable
    gives a warning and the search goes on.
    """
    warnings = []
    for key in fields:
        value = meta.get(key)
        if value is None or value == "":
            continue
        found = parse_date(value)
        if found is not None:
            return found, warnings
        warnings.append(f"{name}: front-matter {key} {_shown(value)} is not a date; ignored")
    found = name_date(name)
    if found is None and (written := _impossible_name_date(name)):
        warnings.append(f"{name}: the date in its file name, {written}, is not a real day of 1900-2100; "
                        "the note has no date")
    return found, warnings


def parse_date(value: Any) -> date | None:
    """Return the date a front-matter value writes, or None if it writes none."""
    if isinstance(value, datetime):  # before date: a datetime is a date too
        return value.date()  # the day as written, whatever its time zone
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # YAML reads 20250105 as a number
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _NUMERIC.fullmatch(text):
        return _valid(int(match[1]), int(match[3]), int(match[4]))
    if match := _COMPACT.fullmatch(text):
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    if match := _KANJI.fullmatch(text):
        return _kanji_date(match[1], match[2], int(match[3]), int(match[4]))
    for pattern in _ENGLISH:
        try:
            return datetime.strptime(" ".join(text.split()), pattern).date()
        except ValueError:
            continue
    return None


def name_date(name: str) -> date | None:
    """Return the first full date in a note's file name (not its folders), or None."""
    stem = PurePosixPath(name).name
    found = []
    for match in _NAME_DATE.finditer(stem):
        if (day := _valid(int(match[1]), int(match[3]), int(match[4]))) is not None:
            found.append((match.start(), day))
            break
    for match in _NAME_KANJI.finditer(stem):
        if (day := _valid(int(match[1]), int(match[2]), int(match[3]))) is not None:
            found.append((match.start(), day))
            break
    return min(found)[1] if found else None


def _impossible_name_date(name: str) -> str:
    """Return a date the file name of ``name`` writes that does not exist (2024-02-30, 0000-00-00), or "".

    Only a date written with separators, or in kanji, counts: eight bare digits are more often an ID.
    """
    stem = PurePosixPath(name).name
    for match in _NAME_DATE.finditer(stem):
        if match[2]:
            return match[0]
    match = _NAME_KANJI.search(stem)
    return match[0] if match else ""


def parse_bound(text: str, *, end: bool = False) -> date:
    """Return the first day (or with ``end`` the last) of a period written 2025, 2025-03 or 2025-03-10.

    Raise ValueError for anything else, naming what is accepted.
    """
    parts = text.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(parts) == 3:
            return date(*numbers)
        if len(parts) == 2:
            year, month = numbers
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(numbers[0], 12, 31) if end else date(numbers[0], 1, 1)
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def in_period(day: date | None, since: date | None = None, until: date | None = None) -> bool:
    """Return whether a note dated day belongs to the period; an undated note belongs to no period."""
    if since is None and until is None:
        return True
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def _shown(value: Any) -> str:
    """Return a short quote of a front-matter value for a warning.

    A list or mapping is named, never printed: YAML aliases can make one exponentially large.
    """
    if isinstance(value, list | tuple | dict | set):
        return f"(a {type(value).__name__})"
    shown = " ".join(str(value).split())
    return repr(shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…")


def _kanji_date(era: str | None, year: str, month: int, day: int) -> date | None:
    """Return the date of 2025年4月1日 or 令和7年4月1日 (元年 is the era's first year)."""
    number = 1 if year == "元" else int(year)
    if era is None:
        return _valid(number, month, day) if year != "元" else None
    first_year, began = ERAS[era]
    found = _valid(first_year + number - 1, month, day)
    return found if found is not None and found >= began else None


def _valid(year: int, month: int, day: int) -> date | None:
    """Return the date if it exists and its year is plausible for a note, else None."""
    if year not in YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
