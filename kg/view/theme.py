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
LAYOUT_IN_PYTHON: int = THEME["layout"]["in_python_above"]
IMPROVED_LAYOUT_UP_TO: int = THEME["layout"]["improved_up_to"]
SPRING_LENGTH: float = THEME["physics"]["forceAtlas2Based"]["springLength"]


def vis_options(node_count: int, *, physics: bool) -> dict[str, Any]:
    """Return vis-network's options for a graph of node_count nodes, with the physics on or off."""
    options = copy.deepcopy(THEME["vis"])
    options["interaction"]["hideEdgesOnDrag"] = node_count > LAYOUT_IN_PYTHON
    options["layout"]["improvedLayout"] = 0 < node_count <= IMPROVED_LAYOUT_UP_TO
    options["physics"] = copy.deepcopy(THEME["physics"]) if physics and node_count else {"enabled": False}
    return options
