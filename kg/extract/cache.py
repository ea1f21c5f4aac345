"""A SQLite cache of NER spans per block text, so a rebuild pays only for what changed.

Each entry is keyed by a hash of what spans depend on, and nothing else: the block text, the
model's name and version, and the sentence splitter's version (NER runs on texts cut at its
bounds). Editing a gazetteer or rule file, or upgrading kg, keeps every entry: those change only
resolution, which reruns in seconds. A new model or splitter makes old entries unreachable. A cache that cannot be read is rebuilt with a warning, never a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from kg.records import Span
from kg.text.sentences import SPLITTER_VERSION

CACHE_ENV = "KG_CACHE_DIR"
_FILE = "ner-spans.sqlite3"
_SCHEMA = "CREATE TABLE IF NOT EXISTS spans (key TEXT PRIMARY KEY, spans TEXT NOT NULL)"


def cache_dir() -> Path:
    """Return the cache folder: $KG_CACHE_DIR, else the user's cache folder for kg."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("kg"))


def cache_salt(model: str) -> str:
    """Return the part of every key that names what spans depend on besides the text: model and splitter."""
    from kg.extract.ner import model_version

    return f"{model_version(model)}|splitter-{SPLITTER_VERSION}"


class SpanCache:
    """NER spans by block text, stored in one SQLite file."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self._db = self._connect()

    @classmethod
    def open(cls, model: str, folder: Path | None = None) -> SpanCache:
        """Return the cache for a model in folder (default: cache_dir())."""
        return cls((folder or cache_dir()) / _FILE, cache_salt(model))

    def _connect(self) -> sqlite3.Connection:
        """Return a connection to a usable cache file, replacing one that is corrupt."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open_checked()
        except sqlite3.DatabaseError as error:
            warnings.warn(f"kg: the NER cache {self.path} is unreadable ({error}); rebuilding it", stacklevel=3)
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return self._open_checked()

    def _open_checked(self) -> sqlite3.Connection:
        """Return a connection after proving the file is a database with our table."""
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM spans").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def key(self, text: str) -> str:
        """Return the cache key of a block text."""
        return hashlib.sha256(f"{self.salt}\0{text}".encode()).hexdigest()

    def get_many(self, texts: Iterable[str]) -> dict[str, tuple[Span, ...]]:
        """Return the cached spans of those texts that are in the cache."""
        by_key = {self.key(t): t for t in texts}
        found: dict[str, tuple[Span, ...]] = {}
        keys = list(by_key)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(f"SELECT key, spans FROM spans WHERE key IN ({marks})", chunk).fetchall()
            except sqlite3.DatabaseError as error:
                warnings.warn(f"kg: the NER cache {self.path} failed ({error}); rebuilding it", stacklevel=2)
                self._reset()
                return {}
            for key, data in rows:
                found[by_key[key]] = tuple(Span(*item) for item in json.loads(data))
        return found

    def put_many(self, spans: Mapping[str, Sequence[Span]]) -> None:
        """Store the spans of each text."""
        rows = [
            (self.key(text), json.dumps([[s.start, s.end, s.ene, s.proper] for s in found], ensure_ascii=False))
            for text, found in spans.items()
        ]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO spans VALUES (?, ?)", rows)
        except sqlite3.DatabaseError as error:
            warnings.warn(f"kg: could not write the NER cache {self.path} ({error})", stacklevel=2)

    def _reset(self) -> None:
        """Replace a cache that failed under use with an empty one."""
        self._db.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self._db = self._open_checked()

    def close(self) -> None:
        """Close the database."""
        self._db.close()
