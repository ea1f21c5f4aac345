"""Stage 4: entities -> a networkx co-occurrence graph, its filters, note nodes and measures.

cooccurrence.py builds the graph over a unit, measures.py scores pairs, filters.py thins it,
twomode.py adds the notes as nodes and analytics.py adds centralities and communities.
"""

from kg.graph.cooccurrence import UNITS, GraphOptions, build_graph
from kg.graph.filters import Filters, filter_graph
from kg.graph.measures import MEASURES

__all__ = ["MEASURES", "UNITS", "Filters", "GraphOptions", "build_graph", "filter_graph"]
