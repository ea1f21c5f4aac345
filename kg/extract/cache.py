"""A SQLite cache of NER spans per block text, so a rebuild pays only for what changed.

Each entry is keyed by a hash of what spans depend on, and nothing else: the block text, the
model's name and version, and the sentence splitter's version (NER runs on texts cut at its
bounds). Editing a gazetteer or rule file, or upgrading kg, keeps every entry: those change only
resolution, which reruns in seconds. A new model or splitter makes old entries unreachable.

The cache never stops a build. A corrupt file is rebuilt; one that cannot be written (a full disk,
a read-only folder) stops being written to. Each such event is one line in ``problems``, which the
build reports; no Python warning is raised.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
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


class CacheFile:
    """One SQLite file of results keyed by a salted hash of their text: opened, proved and rebuilt if corrupt.

    A subclass names its table (``_table``: two columns, key and data; ``_schema`` creates it) and
    how its messages call it (``_name``); each event worth reporting is one line in ``problems``.
    """

    _name: str
    _table: str
    _schema: str

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.problems: list[str] = []  # one line per thing that went wrong, for the build's report
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        """Return a connection to a usable cache file, replacing one that is corrupt."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists()
        try:
            try:
                return self._open_checked()
            except sqlite3.DatabaseError as error:
                if fresh or not _corrupt(error):  # a file SQLite has just made is never corrupt
                    raise
                self.problems.append(f"{self._name} {self.path} was unreadable ({error}); it was rebuilt")
                self._remove()
                return self._open_checked()
        except sqlite3.Error:
            if fresh:  # leave no empty file where there was none (a full disk lets SQLite create it)
                self._remove()
            raise

    def _open_checked(self) -> sqlite3.Connection:
        """Return a connection after proving the file is a database with our table."""
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute(self._schema)
            db.execute(f"SELECT count(*) FROM {self._table}").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _remove(self) -> None:
        """Delete the cache file and SQLite's companions."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _rows(self, keys: list[str]) -> list[tuple[str, str]]:
        """Return the (key, data) rows stored for those keys; raise sqlite3.Error if they cannot be read."""
        rows: list[tuple[str, str]] = []
        for start in range(0, len(keys), 500):  # SQLite caps the parameters of one statement
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows += self._db.execute(f"SELECT * FROM {self._table} WHERE key IN ({marks})", chunk).fetchall()
        return rows

    def key(self, text: str) -> str:
        """Return the cache key of a text."""
        return hashlib.sha256(f"{self.salt}\0{text}".encode()).hexdigest()

    def close(self) -> None:
        """Close the database."""
        self._db.close()


class SpanCache(CacheFile):
    """NER spans by block text, stored in one SQLite file."""

    _name = "the NER cache"
    _table = "spans"
    _schema = _SCHEMA
    _writable = True  # until a write fails: then one line for a full disk, not one per batch

    @classmethod
    def open(cls, model: str, folder: Path | None = None) -> SpanCache:
        """Return the cache for a model in folder (default: cache_dir()); raise OSError or sqlite3.Error if it cannot be opened."""
        return cls((folder or cache_dir()) / _FILE, cache_salt(model))

    def get_many(self, texts: Iterable[str]) -> dict[str, tuple[Span, ...]]:
        """Return the cached spans of those texts that are in the cache."""
        by_key = {self.key(t): t for t in texts}
        try:
            rows = self._rows(list(by_key))
        except sqlite3.Error as error:
            if isinstance(error, sqlite3.DatabaseError) and _corrupt(error):
                self.problems.append(f"the NER cache {self.path} failed ({error}); it was rebuilt")
                self._reset()
            else:
                self.problems.append(f"the NER cache {self.path} cannot be read ({error}); this build ran without it")
            return {}
        return {by_key[key]: tuple(Span(*item) for item in json.loads(data)) for key, data in rows}

    def put_many(self, spans: Mapping[str, Sequence[Span]]) -> None:
        """Store the spans of each text, unless the cache could not be written before."""
        if not self._writable:
            return
        rows = [
            (self.key(text), json.dumps([[s.start, s.end, s.ene, s.proper] for s in found], ensure_ascii=False))
            for text, found in spans.items()
        ]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO spans VALUES (?, ?)", rows)
        except sqlite3.Error as error:
            self._writable = False  # one line for a full disk, not one per batch
            self.problems.append(f"the NER cache {self.path} cannot be written ({error}); "
                                 "what this build found is not kept in it")

    def _reset(self) -> None:
        """Replace a cache that failed under use with an empty one."""
        self._db.close()
        self._remove()
        self._db = self._open_checked()


def _corrupt(error: sqlite3.Error) -> bool:
    """Return whether SQLite says the file is not a database or is damaged (not: full, locked, read-only)."""
    return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
