"""The whole pipeline: notes -> spans -> entities -> graph -> files.

Each stage lives in its own package (kg/notes, kg/extract, kg/resolve, kg/graph, kg/export,
kg/view); this module only wires them together.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from kg.extract import DEFAULT_MODEL, spans_for
from kg.extract.distributed import check_scheduler
from kg.graph import MEASURES, UNITS, Filters, build_graph, filter_graph
from kg.graph.analytics import add_analytics
from kg.graph.twomode import add_notes
from kg.notes import read_vault
from kg.records import ENTITY_TYPES, Result, Vault
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
    from kg.export.formats import write_outputs
    from kg.export.report import report_json
    from kg.view import to_html

    started = time.perf_counter()
    result = analyse(paths, options)
    html = to_html(result.graph)
    report = report_json(result, time.perf_counter() - started)
    files = write_outputs(result.graph, result.entities, Path(out), html, {"report.json": report})
    return result, files
