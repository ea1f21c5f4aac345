"""Stage 6: the graph as one self-contained, interactive HTML page (page.py renders, theme.py looks)."""

from kg.view.page import COLOR_BY, ViewOptions, to_html
from kg.view.theme import COMMUNITY_COLORS, EDGE_WIDTH, NODE_SIZE, TYPE_COLORS, TYPE_NAMES

__all__ = ["COLOR_BY", "COMMUNITY_COLORS", "EDGE_WIDTH", "NODE_SIZE", "TYPE_COLORS",
           "TYPE_NAMES", "ViewOptions", "to_html"]
