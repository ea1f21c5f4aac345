"""The whole pipeline: notes -> spans -> entities -> graph -> files.

Each stage lives in its own module; this one only wires them together.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from tqdm import tqdm

from kg.analytics import add_analytics
from kg.cache import SpanCache
from kg.distributed import check_scheduler
from kg.extract import DEFAULT_MODEL, find_spans
from kg.filters import Filters, filter_graph
from kg.graph import MEASURES, UNITS, build_graph
from kg.notes import read_vault
from kg.records import ENTITY_TYPES, Entity, Span, Vault
from kg.resolve import resolve
from kg.twomode import add_notes

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
    scheduler: str | None = None
    cache: bool = True
    progress: bool = False
    min_count: int = 1
    min_edge: int = 1
    threshold: float | None = None
    top_edges: int | None = None
    backbone: float | None = None
    mst: bool = False
    keep_isolates: bool = True
    with_notes: bool = False

    def __post_init__(self) -> None:
        unknown = [t for t in self.types if t not in ENTITY_TYPES]
        if unknown:
            raise ValueError(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(ENTITY_TYPES)}")
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}; choose one of {', '.join(UNITS)}")
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure {self.measure!r}; choose one of {', '.join(MEASURES)}")
        if self.backbone is not None and self.measure == "npmi":
            raise ValueError("--backbone needs weights of 0 or more, but npmi can be negative; pick another --measure")
        _ = self.filters  # building the Filters checks their values
        if self.scheduler is not None:
            check_scheduler(self.scheduler)

    @property
    def filters(self) -> Filters:
        """Return the filters these options ask for."""
        return Filters(min_count=self.min_count, min_edge=self.min_edge, backbone=self.backbone,
                       threshold=self.threshold, top_edges=self.top_edges, keep_isolates=self.keep_isolates,
                       mst=self.mst)


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
    problems: list[str] = []
    spans = spans_for(vault, options.model, jobs=options.jobs, cache=options.cache, progress=options.progress,
                      scheduler=options.scheduler, problems=problems)
    if problems:
        vault = replace(vault, warnings=vault.warnings + tuple(problems))
    entities = resolve(vault.notes, spans, types=options.types, alias_files=options.aliases, stop_files=options.stop)
    graph = build_graph(vault.notes, entities, unit=options.unit, weight=options.measure, title=_title(vault, paths))
    graph = filter_graph(graph, options.filters)
    if options.with_notes:
        graph = add_notes(graph, vault.notes, entities)
    add_analytics(graph)
    return Result(vault, tuple(entities), graph)


def spans_for(
    vault: Vault, model: str = DEFAULT_MODEL, *, jobs: int = 0, cache: bool = True, progress: bool = False,
    scheduler: str | None = None, problems: list[str] | None = None,
) -> dict[str, Sequence[Span]]:
    """Return the NER spans of every distinct block text, from the cache where it has them.

    The model loads only when some text is missing from the cache, so an unchanged rebuild
    never loads it. ``jobs`` 0 means one process per core. With ``scheduler`` (an address or
    local:N) the missing texts go to a Dask cluster instead; a text that fails there twice is
    left out, not cached, and described in ``problems`` (else in a Python warning).
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
                if scheduler:
                    # the cluster's batches are cached as they come, so a lost cluster loses little
                    found.update(_spans_on_cluster(vault, todo, model, scheduler, bar, problems, store))
                else:
                    # each batch is cached as it comes, so an interrupted build keeps its work
                    spans = find_spans(todo, model, jobs=jobs or os.cpu_count() or 1, progress=bar.update,
                                       keep=store.put_many if store else None)
                    found.update(zip(todo, spans))
    finally:
        if store:
            store.close()
    return found


def _spans_on_cluster(
    vault: Vault, texts: list[str], model: str, scheduler: str, bar: tqdm, problems: list[str] | None,
    store: SpanCache | None,
) -> dict[str, Sequence[Span]]:
    """Return the spans of texts from a Dask cluster, describing each text that failed there."""
    import warnings

    from kg.distributed import find_spans as find_spans_on

    done = find_spans_on(texts, model, scheduler=scheduler, progress=bar.update,
                         keep=store.put_many if store else None, say=bar.write if not bar.disable else None)
    # reversed, so each text names the first block that holds it
    where = {block.text: block for note in reversed(vault.notes) for block in reversed(note.blocks)}
    for text, reason in done.failed.items():
        block = where[text]
        problem = (f"{block.note}:{block.line}: GiNZA failed twice on this {block.kind} on the Dask cluster "
                   f"({reason}); it was read without model spans")
        if problems is None:
            warnings.warn(f"kg: {problem}", stacklevel=3)
        else:
            problems.append(problem)
    return dict(done.spans)


def _title(vault: Vault, paths: Sequence[str | Path]) -> str:
    """Return a title for the graph: the note's title for one note, else the folder names."""
    if len(vault.notes) == 1:
        return vault.notes[0].title
    return ", ".join(Path(p).resolve().name for p in paths)


def build(paths: Iterable[str | Path] = (DEFAULT_INPUT,), **options) -> nx.Graph:
    """Return the co-occurrence graph of the notes at paths (options as on the command line)."""
    return analyse(paths, make_options(**options)).graph


def run(paths: Iterable[str | Path], out: str | Path, options: Options | None = None) -> tuple[Result, dict[str, Path]]:
    """Build the graph and write graph.graphml, graph.json, the CSVs, graph.html and report.json into out."""
    from kg.export import write_outputs
    from kg.report import report_json
    from kg.view import to_html

    started = time.perf_counter()
    result = analyse(paths, options)
    html = to_html(result.graph)
    report = report_json(result, time.perf_counter() - started)
    files = write_outputs(result.graph, result.entities, Path(out), html, {"report.json": report})
    return result, files
