"""Relations as a directed multigraph: one edge per relation, from subject to object.

The co-occurrence graph is undirected and has one edge per pair; a relation has a direction
and a pair may have several (日本 signs CPTPP, and later ratifies it), so relations get a graph
of their own that keeps both. Its nodes are the co-occurrence graph's, with their attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from kg.relate import Relation

# Node attributes a relation graph copies from the co-occurrence graph: enough to draw and filter it.
NODE_FIELDS = ("kind", "label", "type", "count")


def relation_graph(relations: Sequence[Relation], graph: nx.Graph) -> nx.MultiDiGraph:
    """Return the relations between the graph's nodes as a directed multigraph.

    Each edge has ``kind="relation"``, the predicate, its group, ``negated``, ``modality`` and
    the evidence (sentence, note, heading_path, line); its key is ``r0``, ``r1``, ... in order.
    """
    found = nx.MultiDiGraph(title=graph.graph.get("title", ""))
    for i, relation in enumerate(r for r in relations if r.subject in graph and r.object in graph):
        for end in (relation.subject, relation.object):
            if end not in found:
                found.add_node(end, **{k: graph.nodes[end][k] for k in NODE_FIELDS if k in graph.nodes[end]})
        found.add_edge(relation.subject, relation.object, key=f"r{i}", kind="relation",
                       predicate=relation.predicate, group=relation.group, negated=relation.negated,
                       modality=relation.modality, sentence=relation.sentence, note=relation.note,
                       heading_path=list(relation.heading_path), line=relation.line)
    return found
