"""The front matter of a note: title, tags, aliases and dates, whatever shape they come in.

Obsidian's front matter is YAML between ``---`` lines. Notes that come from a Hugo or Zola site
(a blog kept as a vault, posts clipped from one) open with TOML between ``+++`` lines instead:
Obsidian shows that as text, but it is the post's metadata all the same (title, tags, date), so
kg reads it as front matter with the standard library's TOML parser, and its ``key = value``
lines never reach the text.
"""

from __future__ import annotations

import tomllib
from datetime import date
from typing import Any, NamedTuple

import yaml
from frontmatter.default_handlers import YAMLHandler

from kg.text.chars import XML_UNSAFE

DATE_KEYS = ("created", "modified", "date", "updated")
# What YAML gives for plain values; lists and mappings inside a field are ignored.
_SCALARS = (str, int, float, date)


# the line that opens and closes a header, and whether its header is TOML
_FENCES = {"---": False, "+++": True}


class Header(NamedTuple):
    """A note's front matter as written: its text, and whether it is TOML (``+++``) rather than YAML."""

    text: str
    toml: bool = False


def split_front_matter(text: str) -> tuple[Header | None, str, int]:
    """Return the header (None if absent), the body and how many lines the header takes."""
    lines = text.split("\n")
    fence = lines[0].rstrip()
    if fence not in _FENCES:
        return None, text, 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() == fence:
            return Header("\n".join(lines[1:end]), _FENCES[fence]), "\n".join(lines[end + 1 :]), end + 1
    return None, text, 0  # never closed: Obsidian shows it as text, and so do we


class _DatesAsText(yaml.SafeLoader):
    """A YAML loader that leaves timestamps as the text they are written as."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_metadata(header: Header, name: str, warnings: list[str]) -> dict[Any, Any]:
    """Return the front-matter mapping, or an empty one (with a warning) when it is malformed."""
    try:
        meta = tomllib.loads(header.text) if header.toml else _load(header.text)
    # PyYAML raises plain ValueError/TypeError for some scalars, e.g. a 30 February date;
    # tomllib's TOMLDecodeError is a ValueError.
    except (yaml.YAMLError, ValueError, TypeError) as err:
        reason = " ".join(str(err).split())
        warnings.append(f"{name}:1: malformed {'TOML' if header.toml else 'YAML'} front matter ignored: {reason}")
        return {}
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        warnings.append(f"{name}:1: front matter is not a mapping; ignored")
        return {}
    return meta


def _load(header: str) -> Any:
    """Return the YAML of a header; a timestamp YAML cannot build (30 February) stays text.

    Only a header that fails is read again, so every other note keeps YAML's own dates, and
    the bad date alone is lost (kg.notes.dates warns about it), not the title and tags too.
    """
    try:
        return YAMLHandler().load(header)
    except ValueError:
        return YAMLHandler().load(header, Loader=_DatesAsText)


def as_strings(value: Any, separators: str = "") -> list[str]:
    """Return the distinct non-empty strings of a field given as a list or a separated string."""
    if value is None or isinstance(value, dict):
        return []
    if isinstance(value, list | tuple | set):
        # Only scalars: str() of nested YAML aliases (a "billion laughs" header) never ends.
        items = [str(v) for v in value if isinstance(v, _SCALARS)]
    elif isinstance(value, str) and separators:
        for separator in separators:
            value = value.replace(separator, separators[0])
        items = value.split(separators[0])
    else:
        items = [str(value)]
    cleaned = (s.translate(XML_UNSAFE).strip() for s in items)  # YAML escapes can write "\0"
    return list(dict.fromkeys(s for s in cleaned if s))


def read_dates(meta: dict[Any, Any]) -> tuple[tuple[str, str], ...]:
    """Return (key, ISO string) for the date fields present in the front matter."""
    dates = []
    for key in DATE_KEYS:
        value = meta.get(key)
        if isinstance(value, date):  # YAML gives date and datetime objects for bare dates
            dates.append((key, value.isoformat()))
        elif isinstance(value, _SCALARS) and (text := str(value).translate(XML_UNSAFE).strip()):
            dates.append((key, text))
    return tuple(dates)

