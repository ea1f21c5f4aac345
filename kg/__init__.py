"""kg: turn Japanese Markdown and Obsidian notes into a knowledge graph.

Importing kg is cheap: spaCy and GiNZA load only when a build needs them.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["build", "communities", "community_report", "explain", "mentions", "read_graphml", "relations", "show",
           "timeline", "to_frames", "to_obsidian"]

# Where each public name lives; __getattr__ imports the module on first use.
_HOMES = {
    "build": "kg.pipeline",
    "communities": "kg.api",
    "community_report": "kg.api",
    "explain": "kg.api",
    "mentions": "kg.api",
    "read_graphml": "kg.api",
    "relations": "kg.api",
    "show": "kg.api",
    "timeline": "kg.api",
    "to_frames": "kg.api",
    "to_obsidian": "kg.api",
}

if TYPE_CHECKING:
    from kg.api import (communities, community_report, explain, mentions, read_graphml, relations, show, timeline,
                        to_frames, to_obsidian)
    from kg.pipeline import build


def __getattr__(name: str):
    """Return a public API function, importing its module on first use so `import kg` stays fast."""
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    """Return the module's names, the lazily imported API included."""
    return sorted({*globals(), *__all__})
