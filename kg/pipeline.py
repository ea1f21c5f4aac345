"""The whole pipeline: notes -> spans -> entities -> graph -> files.

Each stage lives in its own module; this one only wires them together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

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
    spans = spans_for(vault, options.model)
    entities = resolve(vault.notes, spans, types=options.types, alias_files=options.aliases, stop_files=options.stop)
    graph = build_graph(vault.notes, entities, unit=options.unit, weight=options.measure, title=_title(vault, paths))
    return Result(vault, tuple(entities), graph)


# NER results of this process, by (model, text): building twice in one session costs NER once.
_SEEN: dict[tuple[str, str], tuple[Span, ...]] = {}


def spans_for(vault: Vault, model: str = DEFAULT_MODEL) -> dict[str, Sequence[Span]]:
    """Return the NER spans of every distinct block text in the vault."""
    texts = sorted({block.text for note in vault.notes for block in note.blocks})
    todo = [t for t in texts if (model, t) not in _SEEN]
    if todo:
        _SEEN.update(((model, t), s) for t, s in zip(todo, find_spans(todo, model)))
    return {t: _SEEN[(model, t)] for t in texts}


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
