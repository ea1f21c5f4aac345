"""The Python API for notebooks: read a graph back, turn it into tables, list mentions, count them
over time, show it.

``kg.build`` lives in kg.pipeline; kg/__init__.py re-exports all of them lazily.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.export.formats import MENTION_COLUMNS, RELATION_COLUMNS, frames, mention_rows, relation_rows
from kg.schema import EDGE_LISTS, LINE_SEP, NODE_LISTS, SENTENCE_IDS, split, split_lists, unfold

if TYPE_CHECKING:
    import pandas as pd
    from IPython.display import HTML

    from kg.community import Community
    from kg.export.obsidian import Exported
    from kg.resolve.explain import Explanation

SHOW_HEIGHT = 640
# kg obsidian writes notes only for entities seen in at least this many units: a note per
# passing name would bury the vault's own notes.
OBSIDIAN_MIN_COUNT = 2


def read_graphml(path: str | Path) -> nx.Graph:
    """Return the graph in a GraphML file written by kg, in the shapes kg.build returns.

    networkx already gives ints, floats and booleans back as such; kg.schema splits the joined
    list attributes again, so ``aliases`` is ``["アメリカ", "米国", "米"]`` and an empty one is ``[]``.
    """
    graph = nx.read_graphml(Path(path))
    # networkx adds these for keys with defaults; kg declares none, and a dict would not
    # survive being written back.
    for name in ("node_default", "edge_default"):
        if not graph.graph.get(name):
            graph.graph.pop(name, None)
    for _, data in graph.nodes(data=True):
        split_lists(data, NODE_LISTS)
    # the sentences are stored once, on the graph; each edge gets its own back, as kg.build gives them
    table = graph.graph.pop("sentences", "").split(LINE_SEP)
    for _, _, data in graph.edges(data=True):
        if SENTENCE_IDS in data:
            data["sentences"] = unfold(data.pop(SENTENCE_IDS), table)
        split_lists(data, EDGE_LISTS)
    reports = Path(path).with_name("communities.json")
    if reports.is_file():  # kg.community(graph) reads the build's reports
        from kg.community import hold_file

        hold_file(graph, reports)
    return graph


def communities(graph: nx.Graph) -> pd.DataFrame:
    """Return one row per community report of a graph from kg.build or kg.read_graphml, largest first.

    Columns: community, title, size, mentions, notes, members (labels, most central first),
    words (the distinctive words, most distinctive first), first_seen, last_seen, bridges (labels),
    gaps (community ids); lists are lists. Communities smaller than the build's
    ``community_min_size`` (5 unless told) have no report. kg.community_report gives one whole.
    """
    import pandas as pd

    from kg.community import reports_of
    from kg.community.files import CSV_COLUMNS

    rows = [{"community": r.id, "title": r.title, "size": r.size, "mentions": r.mentions, "notes": r.notes,
             "members": [m.label for m in r.members], "words": [w.word for w in r.words],
             "first_seen": r.first_seen, "last_seen": r.last_seen, "bridges": [b.label for b in r.bridges],
             "gaps": [g.community for g in r.gaps]} for r in reports_of(graph)]
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


def community_report(graph: nx.Graph, community: int) -> Community:
    """Return the report of one community (its number, the ``community`` node attribute) of a graph from kg.build
    or kg.read_graphml: title, members, distinctive words, sentences, ties, relations, time, bridges and gaps.

    ``report.to_dict()`` gives it as communities.json holds it. Raises KeyError for a community without a report.
    """
    from kg.community import reports_of

    for report in reports_of(graph):
        if report.id == community:
            return report
    raise KeyError(f"community {community!r} has no report (too small, or no such community)")


def to_frames(graph: nx.Graph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (nodes, edges) DataFrames: one row per node (``id`` first) and per edge (``source``, ``target``).

    List attributes are lists in their cells; nodes.csv and edges.csv hold them joined.
    """
    return frames(graph)


def mentions(paths: Iterable[str | Path] | str | Path, **options) -> pd.DataFrame:
    """Return one row per mention in the notes at paths, with where it was found.

    Columns: entity, type, surface, ene, source, note, date (the note's, "" if none), heading_path, line,
    kind, sentence.
    Options are those of ``kg.build``: ``types``, ``aliases`` and ``stop`` change which entities
    appear; the graph's filters (``min_count``, ...) do not, as mentions.csv keeps them all too.
    """
    import pandas as pd

    from kg.pipeline import analyse, make_options

    result = analyse(paths, make_options(**options))
    return pd.DataFrame(mention_rows(result.entities), columns=MENTION_COLUMNS)


def explain(name: str, paths: Iterable[str | Path] | str | Path = ("data",), **options) -> Explanation:
    """Return why kg made, or did not make, a node of ``name`` in the notes at paths.

    Every place the notes write the name or name its entity, the candidates there, the rule that
    kept or dropped each (kg/data/rules.tsv) and, for a kept one, the entity it joined and why.
    ``print()`` it for the text ``kg explain`` prints; ``.places`` holds the records. The spans
    come from the NER cache when it holds the notes, so the model does not run again.
    Options are those of ``kg.build`` (``corrections``, ``aliases``, ``stop``, ``types``, ...).
    """
    from kg.extract import spans_for
    from kg.notes import read_vault
    from kg.pipeline import make_options
    from kg.resolve import with_vault_corrections
    from kg.resolve.explain import explain as explained

    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    chosen = make_options(**options)
    vault = read_vault(paths, chosen.notes)
    spans = spans_for(vault, chosen.extract, [])
    return explained(name, vault.notes, spans, with_vault_corrections(chosen.resolve, paths))


def timeline(graph_or_paths: nx.Graph | Iterable[str | Path] | str | Path, freq: str = "M", **options) -> pd.DataFrame:
    """Return a table of mentions per period (rows) and entity (columns) in dated notes.

    ``graph_or_paths`` is a graph from ``kg.build`` or ``kg.read_graphml``, or the paths
    ``kg.build`` takes (then ``options`` are its options). ``freq`` is a pandas period
    ("M" month, "Q" quarter, "Y" year, "W" week, "D" day). Every period from the first to the
    last is a row, also those without mentions; entities are the columns, the most mentioned
    first; mentions in undated notes are not counted.
    """
    import pandas as pd

    if isinstance(graph_or_paths, nx.Graph):
        graph = graph_or_paths
    else:
        from kg.pipeline import build

        graph = build(graph_or_paths, **options)
    counts: dict[str, Counter] = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind", "entity") != "entity":
            continue
        # a graph read by plain networkx keeps the joined string
        days = split(data.get("mention_dates"), NODE_LISTS["mention_dates"])
        counts[str(node)] = Counter(pd.Period(day, freq=freq) for day in days)
    periods = [p for c in counts.values() for p in c]
    index = pd.period_range(min(periods), max(periods), freq=freq) if periods else pd.PeriodIndex([], freq=freq)
    index.name = "period"
    order = sorted((e for e in counts if counts[e]), key=lambda e: (-sum(counts[e].values()), e))
    table = pd.DataFrame({e: [counts[e].get(p, 0) for p in index] for e in order}, index=index, dtype="int64")
    table.columns.name = "entity"
    return table


def relations(paths: Iterable[str | Path] | str | Path, **options) -> pd.DataFrame:
    """Return one row per relation the notes at paths state between two entities, with its evidence.

    Columns: subject, subject_label, predicate, group, object, object_label, negated, modality,
    note, heading_path, line, sentence. Options are those of ``kg.build``; ``predicates`` adds
    predicate files. Relations between entities the graph's filters drop are left out, as in
    relations.csv.
    """
    import pandas as pd

    from kg.pipeline import analyse, make_options

    result = analyse(paths, make_options(**{**options, "relations": True}))
    return pd.DataFrame(relation_rows(result.relations, result.graph), columns=RELATION_COLUMNS)


def show(graph: nx.Graph, *, title: str | None = None, color_by: str = "type", height: int = SHOW_HEIGHT) -> HTML:
    """Return the interactive view of graph as an IPython HTML object that Jupyter draws inline.

    The page from kg.view.to_html goes into an iframe's ``srcdoc``, so it runs with its own
    scripts and styles, needs no server or network, and survives in the saved notebook.
    The sandbox lets its scripts run but gives the page no access to Jupyter itself.
    """
    from IPython.display import HTML

    from kg.view import to_html

    page = to_html(graph, title=title, color_by=color_by)
    label = html.escape(str(title or graph.graph.get("title") or "kg"), quote=True)
    # The div also keeps IPython from warning that a bare iframe should be an IFrame (which
    # would need the page at a URL).
    return HTML(
        f'<div class="kg-show"><iframe srcdoc="{html.escape(page, quote=True)}" title="{label}" '
        f'sandbox="allow-scripts" style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;">'
        "</iframe></div>"
    )


def to_obsidian(paths: Iterable[str | Path] | str | Path, into: str | Path, *, canvas_nodes: int | None = None,
                force: bool = False, **options) -> Exported:
    """Return what was written: a note per entity of the notes at paths, and kg.canvas, into the vault folder ``into``.

    It takes the notes, not a graph, since each note lists every mention with its sentence, which
    the graph does not keep. ``into`` must lie inside the notes' vault (the folder above them that
    holds .obsidian/, else their folder) unless ``force``. Options are those of ``kg.build``;
    ``min_count`` (units an entity is seen in) defaults to OBSIDIAN_MIN_COUNT. The notes of kg.canvas
    are the ``canvas_nodes`` most central entities (kg.export.obsidian.CANVAS_NODES, 40, if None;
    named there so that importing kg.api does not import the export). See kg.export.obsidian for
    what kg overwrites (only its own notes, keeping your text below their line) and what it leaves alone.
    """
    from kg.export.obsidian import ObsidianOptions, check_folder, vault_of, write_obsidian
    from kg.pipeline import analyse, make_options

    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    settings = ObsidianOptions(force=force, **({} if canvas_nodes is None else {"canvas_nodes": canvas_nodes}))
    vault = vault_of(paths)
    check_folder(into, vault, force)  # before the notes are read: a wrong folder fails at once
    result = analyse(paths, make_options(**{"min_count": OBSIDIAN_MIN_COUNT, **options}), place=True)
    return write_obsidian(result, into, vault, settings)
