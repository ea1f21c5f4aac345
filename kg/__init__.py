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

__all__ = ["build"]

if TYPE_CHECKING:
    from kg.pipeline import build


def __getattr__(name: str):
    """Import the public API on first use, so `import kg` stays fast."""
    if name == "build":
        from kg.pipeline import build

        return build
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
