"""The graph's centre as a JSON Canvas 1.0 board (jsoncanvas.org), which Obsidian opens as a canvas.

The most central entities are file nodes that open their notes, each community of them a group
node around its members, placed where kg's own layout (kg.view.layout) puts the community, so the
canvas reads like the page. Edges carry a relation's predicate (an arrow from subject to object)
or, between entities with no relation, the co-occurrence weight.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from kg.view.layout import budget, placement as find_placement
from kg.view.theme import TYPE_COLORS, TYPE_NAMES

LEGEND_ID = "kg-legend"
CARD_WIDTH, CARD_HEIGHT = 260, 120
CARD_GAP = 40
GROUP_PAD = 40
GROUP_TOP = 60  # room for the group's label above its cards
GROUP_GAP = 80
# Canvas pixels per layout unit (about a pixel of the page) for the communities' centres: close,
# so the groups, far bigger than the page's dots, are pushed apart only as far as they must be.
SPREAD = 1.2
EDGES_PER_CARD = 3
GROUP_NAMES_SHOWN = 3


def canvas(graph: Any, placed: Any, paths: Mapping[Any, str], relations: Sequence[Any], top: int) -> dict[str, list]:
    """Return the JSON Canvas of the ``top`` most central entities that have a note (``paths``: vault path, no .md)."""
    placed = placed if placed is not None else find_placement(graph)
    chosen = [n for n in placed.plan.nodes if n in paths][:top]
    cards = _cards(graph, chosen, placed.positions)
    nodes: list[dict] = [_legend(len(chosen), cards)]
    for key, box in cards["groups"].items():
        nodes.append({"id": f"g{len(nodes)}", "type": "group", **box, "label": key})
    ids = {}
    for node in chosen:
        ids[node] = f"n{len(nodes)}"
        kind = str(graph.nodes[node].get("type") or "")
        card = {"id": ids[node], "type": "file", "file": f"{paths[node]}.md", **cards["cards"][node]}
        if kind in TYPE_COLORS:
            card["color"] = TYPE_COLORS[kind]
        nodes.append(card)
    return {"nodes": nodes, "edges": _edges(graph, chosen, ids, cards["cards"], relations)}


def _cards(graph: Any, chosen: list, positions: Mapping[Any, tuple[float, float]]) -> dict[str, dict]:
    """Return each card's box and each community's group box, communities kept apart."""
    members: dict[Any, list] = defaultdict(list)
    for node in chosen:
        members[graph.nodes[node].get("community", ("alone", str(node)))].append(node)
    boxes = []  # (group label or None, members, width, height, centre x, centre y, offsets)
    for community, group in members.items():
        xs = [positions.get(n, (0.0, 0.0))[0] for n in group]
        ys = [positions.get(n, (0.0, 0.0))[1] for n in group]
        centre = (sum(xs) / len(xs) * SPREAD, sum(ys) / len(ys) * SPREAD)
        if len(group) == 1:
            boxes.append([None, group, CARD_WIDTH, CARD_HEIGHT, *centre, {group[0]: (0, 0)}])
            continue
        cols = math.ceil(math.sqrt(len(group)))
        # rows from top to bottom as the layout has them, each row from left to right
        by_height = sorted(group, key=lambda n: (positions.get(n, (0.0, 0.0))[1], str(n)))
        rows = [sorted(by_height[i:i + cols], key=lambda n: (positions.get(n, (0.0, 0.0))[0], str(n)))
                for i in range(0, len(by_height), cols)]
        offsets = {n: (GROUP_PAD + c * (CARD_WIDTH + CARD_GAP), GROUP_TOP + r * (CARD_HEIGHT + CARD_GAP))
                   for r, row in enumerate(rows) for c, n in enumerate(row)}
        width = 2 * GROUP_PAD + cols * CARD_WIDTH + (cols - 1) * CARD_GAP
        height = GROUP_TOP + GROUP_PAD + len(rows) * CARD_HEIGHT + (len(rows) - 1) * CARD_GAP
        names = "・".join(str(graph.nodes[n].get("label") or n) for n in group[:GROUP_NAMES_SHOWN])
        more = " ほか" if len(group) > GROUP_NAMES_SHOWN else ""
        number = community + 1 if isinstance(community, int) else community
        boxes.append([f"コミュニティ {number}: {names}{more}", group, width, height, *centre, offsets])
    _part(boxes)
    cards, groups = {}, {}
    for label, group, width, height, cx, cy, offsets in boxes:
        x, y = round(cx - width / 2), round(cy - height / 2)
        if label is not None:
            groups[label] = {"x": x, "y": y, "width": width, "height": height}
        for node, (dx, dy) in offsets.items():
            cards[node] = {"x": x + dx, "y": y + dy, "width": CARD_WIDTH, "height": CARD_HEIGHT}
    return {"cards": cards, "groups": groups}


def _part(boxes: list[list], rounds: int = 500) -> None:
    """Move the boxes (in place) until no two overlap, each pair pushed apart on its shorter overlap."""
    for _ in range(rounds):
        moved = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                a, b = boxes[i], boxes[j]
                dx, dy = b[4] - a[4], b[5] - a[5]
                over_x = (a[2] + b[2]) / 2 + GROUP_GAP - abs(dx)
                over_y = (a[3] + b[3]) / 2 + GROUP_GAP - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                # boxes at one point part along a fixed direction, so the result never changes
                if over_x * (a[3] + b[3]) <= over_y * (a[2] + b[2]):
                    step = over_x / 2 * (1 if dx >= 0 else -1)
                    a[4] -= step
                    b[4] += step
                else:
                    step = over_y / 2 * (1 if dy >= 0 else -1)
                    a[5] -= step
                    b[5] += step
        if not moved:
            return


def _legend(count: int, cards: dict[str, dict]) -> dict[str, Any]:
    """Return the text node that says what the canvas shows; kg knows its canvas by this node's id."""
    boxes = [*cards["cards"].values(), *cards["groups"].values()]
    left = min((b["x"] for b in boxes), default=0)
    top = min((b["y"] for b in boxes), default=0)
    kinds = "、".join(f"{TYPE_NAMES.get(k, k)}" for k in TYPE_COLORS)
    text = (f"## kg の地図\n\n中心性（PageRank）の高い {count} のエンティティ。カードはそのノートを開き、"
            f"枠はコミュニティ、矢印は関係（述語）、数字の線は共起の重み。カードの色は種類（{kinds}）。\n\n"
            "kg obsidian を実行するたびに書き直されます。並べ替えて残すなら、複製してから。")
    return {"id": LEGEND_ID, "type": "text", "x": left, "y": top - 260, "width": 560, "height": 200, "text": text}


def _edges(graph: Any, chosen: list, ids: Mapping[Any, str], cards: Mapping[Any, dict],
           relations: Sequence[Any]) -> list[dict]:
    """Return the canvas's edges: the relations between its cards, then each card's strongest co-occurrences."""
    said: dict[tuple, list[str]] = defaultdict(list)
    for relation in relations:
        if relation.subject in ids and relation.object in ids and relation.subject != relation.object:
            words = said[(relation.subject, relation.object)]
            word = f"{relation.predicate}（否定）" if relation.negated else relation.predicate
            if word not in words:
                words.append(word)
    edges = []
    for (a, b), words in said.items():
        edges.append(_edge(f"e{len(edges)}", a, b, ids, cards, "・".join(words), "arrow"))
    related = {frozenset(pair) for pair in said}
    strongest = budget(graph.subgraph(chosen), shown=len(chosen), carried=len(chosen), per_node=EDGES_PER_CARD)
    for a, b in strongest.edges:
        if frozenset((a, b)) not in related:
            weight = float(graph.edges[a, b].get("weight", 0.0))
            edges.append(_edge(f"e{len(edges)}", a, b, ids, cards, f"{weight:.2f}", "none"))
    return edges


def _edge(key: str, a: Any, b: Any, ids: Mapping[Any, str], cards: Mapping[Any, dict], label: str, end: str) -> dict:
    """Return one edge from card a to card b, leaving and entering by the sides that face each other."""
    ax, ay = _centre(cards[a])
    bx, by = _centre(cards[b])
    if abs(bx - ax) >= abs(by - ay):
        sides = ("right", "left") if bx >= ax else ("left", "right")
    else:
        sides = ("bottom", "top") if by >= ay else ("top", "bottom")
    return {"id": key, "fromNode": ids[a], "fromSide": sides[0], "toNode": ids[b], "toSide": sides[1],
            "toEnd": end, "label": label}


def _centre(card: Mapping[str, int]) -> tuple[float, float]:
    """Return the centre of a card."""
    return card["x"] + card["width"] / 2, card["y"] + card["height"] / 2
