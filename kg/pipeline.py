"""The whole pipeline: notes -> spans -> entities -> graph -> files.

Each stage lives in its own package (kg/notes, kg/extract, kg/resolve, kg/graph, kg/export,
kg/view); this module only wires them together.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import networkx as nx

from kg.community import CommunityOptions, hold_sources
from kg.errors import OptionError
from kg.extract import ExtractOptions, spans_for
from kg.graph import Filters, GraphOptions, build_graph, filter_graph
from kg.graph.cooccurrence import Cooccurrences, cooccurrences
from kg.forked import FORKS, Forked
from kg.graph.analytics import analytics, import_igraph_alone, pair_analytics, set_analytics
from kg.graph.twomode import add_notes
from kg.notes import NotesOptions, read_vault
from kg.records import Entity, Result, Vault
from kg.relate import Relation, RelateOptions, find_relations
from kg.resolve import ResolveOptions, resolve_corrected, with_vault_corrections
from kg.view import ViewOptions, to_html
from kg.view.layout import Placement, placement
from kg.view.panel import Sources

DEFAULT_INPUT = "data"


@dataclass(frozen=True)
class Options:
    """What a build is asked for: each stage's own options, composed.

    kg.build and the CLI give them flat (``min_edge=2``); make_options hands each to its stage.
    """

    notes: NotesOptions = field(default_factory=NotesOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    resolve: ResolveOptions = field(default_factory=ResolveOptions)
    graph: GraphOptions = field(default_factory=GraphOptions)
    filters: Filters = field(default_factory=Filters)
    view: ViewOptions = field(default_factory=ViewOptions)
    relate: RelateOptions = field(default_factory=RelateOptions)
    communities: CommunityOptions = field(default_factory=CommunityOptions)

    def __post_init__(self) -> None:
        # the one rule that spans two stages: the disparity filter needs weights of 0 or more
        if self.filters.backbone is not None and self.graph.measure == "npmi":
            raise OptionError("{backbone} needs weights of 0 or more, but npmi can be negative; pick another {measure}")


def stage_options() -> dict[str, type]:
    """Return each stage's name in Options and the class of its options."""
    return {f.name: f.default_factory for f in fields(Options)}


def make_options(**flat) -> Options:
    """Return Options from flat keyword arguments, each given to the stage whose options have that field."""
    stages = stage_options()
    owner = {f.name: stage for stage, cls in stages.items() for f in fields(cls)}
    given: dict[str, dict] = {stage: {} for stage in stages}
    for name, value in flat.items():
        if name not in owner:
            raise TypeError(f"unknown option {name!r}; the options are {', '.join(sorted(owner))}")
        given[owner[name]][name] = value
    return Options(**{stage: cls(**given[stage]) for stage, cls in stages.items()})


def analyse(paths: Iterable[str | Path] = (DEFAULT_INPUT,), options: Options | None = None, *,
            edges_final: Callable[[nx.Graph], object] | None = None,
            complete: Callable[[nx.Graph], object] | None = None, place: bool = False) -> Result:
    """Return notes, entities and graph for the given files or folders.

    The relations and the node measures are found in child processes (kg.forked) while this one
    builds the graph and, once its edges are final, calls ``edges_final`` with it; ``complete``
    is called once the graph is complete. With ``place``, the measures' child also finds the
    page's placement (kg.view.layout), which needs the measures, and Result.placement holds it.
    """
    options = options or Options()
    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    vault = read_vault(paths, options.notes)
    problems: list[str] = []
    repaired: dict[str, int] = {}
    spans = spans_for(vault, options.extract, problems, repaired)
    if problems:
        vault = replace(vault, warnings=vault.warnings + tuple(problems))
    entities, corrected = resolve_corrected(vault.notes, spans, with_vault_corrections(options.resolve, paths))
    _import_for_children()
    with ExitStack() as children:
        finding = Forked(_relations, entities, options) if options.relate.relations else None
        if finding is not None:
            children.callback(finding.stop)
        with paused_collection():
            pairs = cooccurrences(vault.notes, entities, unit=options.graph.unit, weight=options.graph.measure)
            early = None
            if options.filters.drops_nothing:
                # the measures need only the pairs' weights: a child finds them while this process makes the edges
                early = Forked(_pair_measures, [e.id for e in entities], pairs, FORKS)
                children.callback(early.stop)
            graph = build_graph(vault.notes, entities, title=_title(vault, paths), found=pairs)
            del pairs
            graph = filter_graph(graph, options.filters, in_place=True)
            if options.graph.with_notes:
                graph = add_notes(graph, vault.notes, entities)
            found = early.result() if early is not None else None
            measuring = Forked(_measures, graph, place, FORKS, found) if found is None or place else None
            if measuring is not None:
                children.callback(measuring.stop)
            if edges_final is not None:
                edges_final(graph)
            found, placed = measuring.result() if measuring is not None else (found, None)
            set_analytics(graph, found)
            if complete is not None:
                complete(graph)
        relations = ()
        if finding is not None:
            found, said, fixed = finding.result()
            relations = tuple(r for r in found if r.subject in graph and r.object in graph)
            vault = replace(vault, warnings=vault.warnings + tuple(said))
            repaired.update(fixed)
    return Result(vault, tuple(entities), graph, tuple(problems), relations, placed, tuple(corrected),
                  repaired=repaired)


def _import_for_children() -> None:
    """Import numpy, which every child of a build uses (igraph's measures, the page's layout, the
    community reports), before they fork: then it is theirs at no cost, where each would import it."""
    import numpy  # noqa: F401


def _pair_measures(nodes: list[str], pairs: Cooccurrences, in_child: bool) -> dict:
    """Return the node measures of the graph the pairs will make (kg.graph.analytics.pair_analytics)."""
    if in_child:
        import_igraph_alone()
    return pair_analytics(nodes, pairs.weighted())


def _measures(graph: nx.Graph, place: bool, in_child: bool, found: dict | None = None) -> tuple[dict, Placement | None]:
    """Return the node measures of graph, unless ``found`` already, and with ``place`` its page's
    placement, which needs them."""
    if in_child:
        import_igraph_alone()
    found = found if found is not None else analytics(graph)
    if not place:
        return found, None
    set_analytics(graph, found)  # in a child, on its own copy of the graph
    return found, placement(graph)


def _relations(entities: Sequence[Entity], options: Options) -> tuple[list[Relation], list[str], dict[str, int]]:
    """Return the relations the entities' sentences state, the problems met (for report.json only)
    and the parse cache's repaired rows."""
    gc.enable()  # in a child, whose collector is off: parsing makes reference cycles
    said: list[str] = []  # a cache folder that failed is told once, by the NER cache
    repaired: dict[str, int] = {}
    found = find_relations(entities, options.relate, model=options.extract.model, cache=options.extract.cache,
                           problems=said, repaired=repaired)
    return list(found), said, repaired


@contextmanager
def paused_collection() -> Iterator[None]:
    """Run the block with Python's cycle collector off (as it was before, after).

    The graph stage makes millions of small objects and no reference cycles; each full
    collection would rescan all of them, which cost a quarter of the graph stage on a vault of
    400,000 edges. Reference counting still frees everything that is dropped. Never around NER
    or parsing: spaCy's objects are not kg's to vouch for. On the way out every object is made
    old (gc.freeze, then gc.unfreeze, which puts them all in the oldest generation): else the next
    young collection would scan the block's millions of objects at once, and, in a process that
    has forked a writer, copy every page they are on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _title(vault: Vault, paths: Sequence[str | Path]) -> str:
    """Return a title for the graph: the note's title for one note, else the folder names."""
    if len(vault.notes) == 1:
        return vault.notes[0].title
    return ", ".join(Path(p).resolve().name for p in paths)


def build(paths: Iterable[str | Path] = (DEFAULT_INPUT,), **options) -> nx.Graph:
    """Return the co-occurrence graph of the notes at paths (options as on the command line).

    kg.community and kg.community_report find the graph's community reports from what it was built from.
    """
    chosen = make_options(**options)
    result = analyse(paths, chosen)
    hold_sources(result, chosen.communities)
    return result.graph


def run(
    paths: Iterable[str | Path], out: str | Path, options: Options | None = None, say: Callable[[str], object] | None = None,
    *, reuse: bool = False,
) -> tuple[Result | None, dict[str, Path]]:
    """Build the graph and write graph.graphml, graph.json, the CSVs, graph.html and report.json into out.

    Out is checked and locked before anything is read: a second build into it waits (``say`` tells).
    The files are written into a staging folder and put in out in one step (kg.export.outfolder),
    so out holds all the old outputs or all the new ones, whatever ends the build. With ``reuse``,
    when out already holds the outputs of these very files, options and kg (kg.stamp), nothing is
    built or written and the result is (None, out's files).
    """
    from kg.export.formats import (OUTPUT_FILES, RELATION_FILES, GraphEdges, GraphFiles, graph_edges, graph_files,
                                   relation_texts, write_outputs)
    from kg.export.files import write_atomic
    from kg.export.outfolder import claimed
    from kg.stamp import STAMP, build_key, stamp_text, unchanged
    from kg.community.files import community_files
    from kg.export.report import report_json

    started = time.perf_counter()
    options = options or Options()
    paths = list(paths)
    with claimed(Path(out), OUTPUT_FILES + RELATION_FILES + (STAMP,), say) as held, ExitStack() as stopping:
        key = build_key(paths, held.real, options)
        if reuse and (kept := unchanged(held.real, key)) is not None:
            return None, {name: held.folder / name for name in kept}
        edges: list[GraphEdges] = []
        writing: list[GraphFiles] = []

        # GraphML, JSON and edges.csv, the biggest files, are written by child processes (kg.export.apart)
        def write_edges(graph: nx.Graph) -> None:
            # the edges' sentence table is found while a child computes the node measures, and
            # edges.csv, which needs nothing more, is written while that child goes on
            edges.append(graph_edges(graph))
            writing.append(graph_files(graph, held.staging, edges[0], names=("edges.csv",)))
            stopping.callback(writing[-1].stop)

        def write_graph(graph: nx.Graph) -> None:
            # the two files that hold the nodes' measures, while this process makes the page
            writing.append(graph_files(graph, held.staging, edges[0], names=("graph.graphml", "graph.json")))
            stopping.callback(writing[-1].stop)

        result = analyse(paths, options, edges_final=write_edges, complete=write_graph, place=True)
        # pandas writes the CSV files of this process and of the community reports' child: imported
        # before the child forks, once, not once in each
        import pandas  # noqa: F401
        # a child finds the community reports and their files while this process makes the page,
        # which takes the reports last (links from out, where the page and report.md are read)
        reporting = Forked(community_files, result, Path(out).resolve(), options.communities, edges[0].columns)
        stopping.callback(reporting.stop)
        with paused_collection():
            html = to_html(result.graph, options.view, relations=result.relations,
                           communities=lambda: reporting.result()[0],
                           sources=Sources(result.vault.notes, result.entities, Path(out).resolve()),
                           placed=result.placement, corrections=result.corrections)
            report = report_json(result, time.perf_counter() - started)
            extra = {"report.json": report, **reporting.result()[1]}
            if options.relate.relations:
                extra.update(relation_texts(result.relations, result.graph))
            started_files = GraphFiles(tuple(child for files in writing for child in files.apart), edges[0])
            staged = write_outputs(result.graph, result.entities, held.staging, html, extra, started=started_files)
        write_atomic(held.staging / STAMP, stamp_text(key, held.staging, staged))
        # all at once: a build without relations removes an earlier build's relation files
        files = held.commit([*staged, STAMP], remove=RELATION_FILES)
    return result, files
