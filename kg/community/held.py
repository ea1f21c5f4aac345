"""The community reports of a graph the API was handed: found from what kg.build built it from, or
read from the communities.json beside the GraphML file kg.read_graphml read.

A graph cannot carry its sources in its attributes (every writer would write them), so they are
held beside it, in a table keyed weakly by the graph: it goes when the graph goes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from kg.community.reports import Community, CommunityOptions, community_reports

if TYPE_CHECKING:
    import networkx as nx

    from kg.records import Result

_HELD: WeakKeyDictionary[nx.Graph, Callable[[nx.Graph], tuple[Community, ...]]] = WeakKeyDictionary()
_FOUND: WeakKeyDictionary[nx.Graph, tuple[Community, ...]] = WeakKeyDictionary()


def hold_sources(result: Result, options: CommunityOptions) -> None:
    """Keep what result's graph was built from, so its reports can be found when asked for."""
    from kg.view.links import note_links

    notes, entities, relations = result.vault.notes, result.entities, result.relations
    # the function holds no reference to the graph, or the weak key would never go
    _HELD[result.graph] = lambda graph: community_reports(graph, notes, entities, relations,
                                                          links=note_links(notes), options=options)


def hold_file(graph: nx.Graph, path: Path) -> None:
    """Keep the communities.json file that belongs to graph (read from a GraphML file beside it)."""
    from kg.community.files import read_communities

    _HELD[graph] = lambda _: read_communities(path.read_text(encoding="utf-8"))


def reports_of(graph: nx.Graph) -> tuple[Community, ...]:
    """Return the community reports of a graph from kg.build or kg.read_graphml (found once, then kept)."""
    if graph not in _FOUND:
        if graph not in _HELD:
            raise ValueError("this graph has no community reports: use a graph from kg.build, or one kg.read_graphml "
                             "read from a kg build's folder (it reads communities.json beside graph.graphml)")
        _FOUND[graph] = _HELD[graph](graph)
    return _FOUND[graph]
