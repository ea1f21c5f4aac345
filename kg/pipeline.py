"""The whole pipeline: notes -> spans -> entities -> graph -> files.

Each stage lives in its own module; this one only wires them together.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from tqdm import tqdm

from kg.analytics import add_analytics
from kg.cache import SpanCache
from kg.extract import DEFAULT_MODEL, find_spans
from kg.graph import MEASURES, UNITS, build_graph
from kg.notes import read_vault
from kg.records import ENTITY_TYPES, Entity, Span, Vault
from kg.resolve import resolve

DEFAULT_INPUT = "data"


@dataclass(frozen=True)
class Options:
    """Everything a build can be asked for; the CLI and kg.build share it."""

    types: tuple[str, ...] = ENTITY_TYPES
    unit: str = "section"
    measure: str = "jaccard"
    callouts: bool = True
    aliases: tuple[Path, ...] = ()
    stop: tuple[Path, ...] = ()
    model: str = DEFAULT_MODEL
    jobs: int = 0
    cache: bool = True
    progress: bool = False

    def __post_init__(self) -> None:
        unknown = [t for t in self.types if t not in ENTITY_TYPES]
        if unknown:
            raise ValueError(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(ENTITY_TYPES)}")
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}; choose one of {', '.join(UNITS)}")
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure {self.measure!r}; choose one of {', '.join(MEASURES)}")


@dataclass(frozen=True)
class Result:
    """What a build produced: the notes read, the entities found and the graph."""

    vault: Vault
    entities: tuple[Entity, ...]
    graph: nx.Graph

    @property
    def mention_count(self) -> int:
        """Return how many mentions the entities hold."""
        return sum(len(e.mentions) for e in self.entities)


def make_options(**options) -> Options:
    """Return Options from keyword arguments, accepting lists and strings where tuples of paths go."""
    for key in ("aliases", "stop"):
        value = options.get(key)
        if isinstance(value, str | Path):
            options[key] = (Path(value),)
        elif value is not None:
            options[key] = tuple(Path(v) for v in value)
    if isinstance(options.get("types"), str):
        options["types"] = tuple(t.strip() for t in options["types"].split(",") if t.strip())
    elif options.get("types") is not None:
        options["types"] = tuple(options["types"])
    return Options(**options)


def analyse(paths: Iterable[str | Path] = (DEFAULT_INPUT,), options: Options | None = None) -> Result:
    """Return notes, entities and graph for the given files or folders."""
    options = options or Options()
    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    vault = read_vault(paths, callouts=options.callouts)
    spans = spans_for(vault, options.model, jobs=options.jobs, cache=options.cache, progress=options.progress)
    entities = resolve(vault.notes, spans, types=options.types, alias_files=options.aliases, stop_files=options.stop)
    graph = build_graph(vault.notes, entities, unit=options.unit, weight=options.measure, title=_title(vault, paths))
    add_analytics(graph)
    return Result(vault, tuple(entities), graph)


def spans_for(
    vault: Vault, model: str = DEFAULT_MODEL, *, jobs: int = 0, cache: bool = True, progress: bool = False
) -> dict[str, Sequence[Span]]:
    """Return the NER spans of every distinct block text, from the cache where it has them.

    The model loads only when some text is missing from the cache, so an unchanged rebuild
    never loads it. ``jobs`` 0 means one process per core.
    """
    texts = sorted({block.text for note in vault.notes for block in note.blocks})
    store = SpanCache.open(model) if cache else None
    try:
        found: dict[str, Sequence[Span]] = dict(store.get_many(texts)) if store else {}
        todo = [t for t in texts if t not in found]
        if todo:
            missing = set(todo)
            notes = sum(1 for note in vault.notes if any(b.text in missing for b in note.blocks))
            with tqdm(total=sum(map(len, todo)), unit="char", unit_scale=True, file=sys.stderr,
                      desc=f"GiNZA over {notes} notes", disable=None if progress else True, leave=False) as bar:
                new = find_spans(todo, model, jobs=jobs or os.cpu_count() or 1, progress=bar.update)
            fresh = dict(zip(todo, new))
            found.update(fresh)
            if store:
                store.put_many(fresh)
    finally:
        if store:
            store.close()
    return found


def _title(vault: Vault, paths: Sequence[str | Path]) -> str:
    """Return a title for the graph: the note's title for one note, else the folder names."""
    if len(vault.notes) == 1:
        return vault.notes[0].title
    return ", ".join(Path(p).resolve().name for p in paths)


def build(paths: Iterable[str | Path] = (DEFAULT_INPUT,), **options) -> nx.Graph:
    """Return the co-occurrence graph of the notes at paths (options as on the command line)."""
    return analyse(paths, make_options(**options)).graph


def run(paths: Iterable[str | Path], out: str | Path, options: Options | None = None) -> tuple[Result, dict[str, Path]]:
    """Build the graph and write graph.graphml, graph.json, the CSVs and graph.html into out."""
    from kg.export import write_outputs
    from kg.view import to_html

    result = analyse(paths, options)
    files = write_outputs(result.graph, result.entities, Path(out), to_html(result.graph))
    return result, files
