"""The view's look: palettes, type names, sizes and the font, in one place."""

from __future__ import annotations

FONT_FACE = '"Noto Sans CJK JP", "Hiragino Sans", sans-serif'

# Okabe & Ito's colour-blind-safe palette, one colour per entity type.
TYPE_COLORS = {
    "Country": "#0072B2",
    "Region": "#56B4E9",
    "Organization": "#E69F00",
    "Agreement": "#009E73",
    "Law": "#CC79A7",
    "Plan": "#F0E442",
    "Event": "#D55E00",
    "Person": "#7F7F7F",
}
TYPE_NAMES = {
    "Country": "国",
    "Region": "地域",
    "Organization": "組織",
    "Agreement": "協定・条約",
    "Law": "法令",
    "Plan": "計画・構想",
    "Event": "出来事",
    "Person": "人物",
    "Note": "ノート",
    "Other": "その他",
}
NOTE_COLOR = "#FFFFFF"
OTHER_COLOR = "#DDDDDD"
# Paul Tol's "muted" scheme for communities; smaller communities share OTHER_COLOR.
COMMUNITY_COLORS = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
    "#DDCC77", "#CC6677", "#882255", "#AA4499",
)  # fmt: skip

# Above this many nodes the browser would take too long to settle the physics, so the
# positions come from networkx and the physics stays off.
LAYOUT_IN_PYTHON = 300
LABEL_MAX = 24
NODE_SIZE = (8.0, 36.0)
FONT_SIZE = (16.0, 32.0)
EDGE_WIDTH = (0.6, 6.0)
SPRING_LENGTH = 130
