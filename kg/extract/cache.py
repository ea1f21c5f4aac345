"""A SQLite cache of NER spans per block text, so a rebuild pays only for what changed.

Each entry is keyed by a hash of what spans depend on, and nothing else: the block text, the
model's name and version, and the sentence splitter's version (NER runs on texts cut at its
bounds). Editing a gazetteer or rule file, or upgrading kg, keeps every entry: those change only
resolution, which reruns in seconds. A new model or splitter makes old entries unreachable.

The cache never stops a build, and heals itself. A row that does not read as what kg wrote is
treated as missing, so its text is read again and the row rewritten (``repaired`` counts them). A
file SQLite calls damaged is moved aside, kept as ``<name>.damaged`` for a bug report, and rebuilt.
One that cannot be written (a full disk, a read-only folder) stops being written to. Each such
event is one line in ``problems``, which the build reports; no Python warning is raised.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

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

    A subclass names its table (``_table``: two columns, key and data; ``_schema`` creates it), how
    its messages call it (``_name``) and how a row's data becomes a result (``_decode``, which
    raises ValueError or TypeError for data of another shape); each event worth reporting is one
    line in ``problems``.
    """

    _name: str
    _table: str
    _schema: str
    _writable = True  # until a write fails: then one line for a full disk, not one per batch

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.problems: list[str] = []  # one line per thing that went wrong, for the build's report
        self.repaired = 0  # rows that did not read as what kg wrote, recomputed and rewritten
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
                self._move_aside(error)
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

    def _move_aside(self, error: sqlite3.Error) -> None:
        """Keep a damaged cache file as <name>.damaged (replacing an older one) and remove its companions."""
        kept = Path(f"{self.path}.damaged")
        try:
            os.replace(self.path, kept)
            where = f"it was moved to {kept} and rebuilt"
        except OSError:
            where = "it was rebuilt"
        self.problems.append(f"{self._name} {self.path} was unreadable ({error}); {where}")
        self._remove()

    def get_many(self, texts: Iterable[str]) -> dict[str, Any]:
        """Return the cached results of those texts that are in the cache and read as what kg wrote."""
        by_key = {self.key(t): t for t in texts}
        try:
            rows = self._rows(list(by_key))
        except sqlite3.Error as error:
            if isinstance(error, sqlite3.DatabaseError) and _corrupt(error):
                self._db.close()
                self._move_aside(error)
                self._db = self._open_checked()
            else:
                self.problems.append(f"{self._name} {self.path} cannot be read ({error}); this build ran without it")
            return {}
        found, damaged = {}, 0
        for key, data in rows:
            try:
                found[by_key[key]] = self._decode(json.loads(data))
            except (ValueError, TypeError):  # the texts are read again, and put_many rewrites their rows
                damaged += 1
        if damaged:
            self.repaired += damaged
            self.problems.append(f"{self._name} {self.path} had {damaged} damaged row{'s' * (damaged > 1)}; "
                                 f"{'they were' if damaged > 1 else 'it was'} computed again and rewritten")
        return found

    def _decode(self, data: Any) -> Any:
        """Return the result a row's data holds; raise ValueError or TypeError if it holds none."""
        raise NotImplementedError

    def _put(self, rows: list[tuple[str, str]]) -> None:
        """Store (key, data) rows, unless the cache could not be written before."""
        if not self._writable:
            return
        try:
            with self._db:
                self._db.executemany(f"INSERT OR REPLACE INTO {self._table} VALUES (?, ?)", rows)
        except sqlite3.Error as error:
            self._writable = False  # one line for a full disk, not one per batch
            self.problems.append(f"{self._name} {self.path} cannot be written ({error}); "
                                 "what this build found is not kept in it")

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

    @classmethod
    def open(cls, model: str, folder: Path | None = None) -> SpanCache:
        """Return the cache for a model in folder (default: cache_dir()); raise OSError or sqlite3.Error if it cannot be opened."""
        return cls((folder or cache_dir()) / _FILE, cache_salt(model))

    def _decode(self, data: Any) -> tuple[Span, ...]:
        """Return the spans a row holds: a list of [start, end, ene, proper]."""
        return records(data, Span, _SPAN_TYPES)

    def put_many(self, spans: Mapping[str, Sequence[Span]]) -> None:
        """Store the spans of each text, unless the cache could not be written before."""
        self._put([(self.key(text), json.dumps([[s.start, s.end, s.ene, s.proper] for s in found], ensure_ascii=False))
                   for text, found in spans.items()])


def _corrupt(error: sqlite3.Error) -> bool:
    """Return whether SQLite says the file is not a database or is damaged (not: full, locked, read-only)."""
    return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


_SPAN_TYPES = (int, int, str, bool)


def records(data: Any, make: Callable[..., Any], types: Sequence[type]) -> tuple:
    """Return make(*fields) for each list of fields in the list data; raise TypeError unless each
    list holds one value of each of types (a bool is no int here)."""
    if not isinstance(data, list):
        raise TypeError(f"a list was expected, not {type(data).__name__}")
    for item in data:
        if not isinstance(item, list) or len(item) != len(types):
            raise TypeError(f"a list of {len(types)} values was expected")
        for value, kind in zip(item, types):
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise TypeError(f"{value!r} is not {kind.__name__}")
    return tuple(make(*item) for item in data)
