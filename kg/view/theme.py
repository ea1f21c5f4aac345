"""The view's look, read from theme.toml: palettes, type names in Japanese and English, sizes, vis options.

Edit theme.toml to change how graph.html looks; this module only gives its values names.
"""

from __future__ import annotations

import copy
import tomllib
from importlib.resources import files
from typing import Any

from kg.records import ENTITY_TYPES

THEME: dict[str, Any] = tomllib.loads(files("kg.view").joinpath("theme.toml").read_text(encoding="utf-8"))

_GROUPS = {group["key"]: group for group in THEME["group"]}
TYPE_COLORS = {key: group["color"] for key, group in _GROUPS.items() if key in ENTITY_TYPES}
TYPE_NAMES = {key: group["ja"] for key, group in _GROUPS.items()}
ENGLISH_NAMES = {key: group["en"] for key, group in _GROUPS.items()}
NOTE_COLOR = _GROUPS["Note"]["color"]
OTHER_COLOR = _GROUPS["Other"]["color"]
COMMUNITY_COLORS = tuple(THEME["community"]["colors"])
TEXT: dict[str, str] = {**THEME["text"], "rest": THEME["community"]["rest"]}

NODE: dict[str, Any] = THEME["node"]
EDGE: dict[str, Any] = THEME["edge"]
LABEL_MAX: int = NODE["label_max"]
NODE_SIZE = tuple(NODE["size"])
FONT_SIZE = tuple(NODE["font_size"])
EDGE_WIDTH = tuple(EDGE["width"])
HIDE_EDGES_ON_DRAG: int = THEME["layout"]["hide_edges_on_drag_above"]


def vis_options(node_count: int) -> dict[str, Any]:
    """Return vis-network's options for a page of node_count nodes."""
    options = copy.deepcopy(THEME["vis"])
    options["interaction"]["hideEdgesOnDrag"] = node_count > HIDE_EDGES_ON_DRAG
    return options
