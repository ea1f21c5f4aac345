"""Run GiNZA's dependency parser over sentences, and cache each parse by sentence text.

A parse is kept as plain ``Token`` records (offsets, lemma, part of speech, dependency, head), so
it can be cached, read without spaCy and built by hand in a test. The parser loads only when a
sentence is missing from the cache, so an unchanged rebuild never loads it.
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.extract.cache import CacheFile, cache_dir, records

if TYPE_CHECKING:
    from spacy.language import Language

# The parser reads tok2vec's vectors; NER, the morphologizer and the rest add nothing a frame needs.
_PARSER_NOT_NEEDED = ("ner", "attribute_ruler", "morphologizer", "compound_splitter", "bunsetu_recognizer")
# Without the bunsetu recognizer the parser's labels keep the suffix that marks a bunsetu's head.
_BUNSETU_SUFFIX = "_bunsetu"
# Sentences per nlp.pipe batch: sentences are short, so this stays well under the NER stage's
# character budget per batch.
PIPE_BATCH = 64
_FILE = "parses.sqlite3"
_SCHEMA = "CREATE TABLE IF NOT EXISTS parses (key TEXT PRIMARY KEY, tokens TEXT NOT NULL)"
# Bumped when Token gains or loses a field, so old rows are never read in the wrong shape.
PARSE_FORMAT = 1


@dataclass(frozen=True)
class Token:
    """One word of a parsed sentence: its character offsets, its analysis and its head.

    ``head`` is the index of the governing token in the sentence (its own index for the root);
    ``tag`` is Sudachi's part of speech (名詞-普通名詞-サ変可能, 助詞-格助詞, ...).
    """

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int


@cache
def load_parser(model: str) -> Language:
    """Return the spaCy pipeline with only what the dependency parser needs (loaded once per process)."""
    import spacy

    return spacy.load(model, exclude=list(_PARSER_NOT_NEEDED))


def parse(texts: Sequence[str], model: str, batch_size: int = PIPE_BATCH) -> list[tuple[Token, ...]]:
    """Return the tokens of each text as GiNZA's parser reads them."""
    nlp = load_parser(model)
    return [
        tuple(Token(t.idx, t.idx + len(t.text), t.text, t.lemma_, t.pos_, t.tag_,
                    t.dep_.removesuffix(_BUNSETU_SUFFIX), t.head.i) for t in doc)
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]


def parses_for(
    texts: Iterable[str], model: str, *, cache: bool = True, progress: Callable[[int], object] | None = None,
    problems: list[str] | None = None, repaired: dict[str, int] | None = None,
) -> dict[str, tuple[Token, ...]]:
    """Return the parse of every distinct text, from the cache where it has them.

    A cache that cannot be opened, read or written never stops a build: what went wrong is
    described in ``problems`` (else in a Python warning), and the damaged rows it had are
    counted in ``repaired["parse"]``.
    """
    texts = sorted(set(texts))
    said: list[str] = []
    store = None
    if cache:
        try:
            store = ParseCache.open(model)
        except (OSError, sqlite3.Error) as error:
            said.append(f"the parse cache in {cache_dir()} cannot be used ({error}); parsed without it")
    try:
        found = store.get_many(texts) if store else {}
        todo = [t for t in texts if t not in found]
        for start in range(0, len(todo), PIPE_BATCH * 4):
            chunk = todo[start : start + PIPE_BATCH * 4]
            done = dict(zip(chunk, parse(chunk, model)))
            found.update(done)
            if store:
                store.put_many(done)  # each chunk is kept as it comes, so an interrupted build keeps its work
            if progress is not None:
                progress(sum(map(len, chunk)))
    finally:
        if store:
            said += store.problems
            if repaired is not None and store.repaired:
                repaired["parse"] = repaired.get("parse", 0) + store.repaired
            store.close()
        if problems is None:
            for line in said:
                warnings.warn(f"kg: {line}", stacklevel=2)
        else:
            problems.extend(said)
    return found


class ParseCache(CacheFile):
    """Parses by sentence text and model, stored in one SQLite file next to the NER cache.

    Its key is the sentence text, the model's name and version and the Token format, nothing
    else: a new predicate file or kg version reads the same parses. It heals as the NER cache does
    (kg.extract.cache): a damaged row is parsed again, a damaged file moved aside and rebuilt.
    Each such event is one line in ``problems``.
    """

    _name = "the parse cache"
    _table = "parses"
    _schema = _SCHEMA

    @classmethod
    def open(cls, model: str, folder: Path | None = None) -> ParseCache:
        """Return the parse cache for a model in folder (default: kg's cache folder)."""
        from kg.extract.ner import model_version

        return cls((folder or cache_dir()) / _FILE, f"{model_version(model)}|parse-{PARSE_FORMAT}")

    def _decode(self, data: Any) -> tuple[Token, ...]:
        """Return the parse a row holds: a list of tokens, each a list of Token's fields."""
        return records(data, Token, _TOKEN_TYPES)

    def put_many(self, parses: Mapping[str, Sequence[Token]]) -> None:
        """Store the parse of each text, unless the cache could not be written before."""
        self._put([(self.key(text), json.dumps([list(astuple(t)) for t in tokens], ensure_ascii=False))
                   for text, tokens in parses.items()])


_TOKEN_TYPES = (int, int, str, str, str, str, str, int)  # Token's fields
