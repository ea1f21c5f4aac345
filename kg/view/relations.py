"""The relations as the page draws them: one labelled arrow per relation, with its sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.relate import Relation

# Words the page shows for a group and a modality; a group not listed shows as it is.
GROUP_NAMES = {
    "signing": "署名・締結", "agreement": "合意", "cooperation": "協力", "meeting": "会談・協議",
    "funding": "出資・融資", "support": "支援", "provision": "提供", "membership": "加盟・参加",
    "attendance": "出席", "hosting": "主催・開催", "establishment": "設立", "adoption": "採択・策定",
    "publication": "発表", "entry_into_force": "発効", "ratification": "批准", "withdrawal": "離脱",
    "oversight": "所管", "trade": "貿易",
}
MODALITY_NAMES = {
    "plan": "予定", "intention": "意向", "toward": "に向けて", "obligation": "べき", "consideration": "検討",
    "expectation": "期待", "possibility": "可能性",
}


def relation_edges(relations: Sequence[Relation], infos: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one edge per relation between drawn nodes, with vis ids ("r0", ...) and its evidence."""
    vis = {info["id"]: f"n{i}" for i, info in enumerate(infos)}  # the ids kg.view.style gives the nodes
    labels = {info["id"]: info["label"] for info in infos}
    edges = []
    for relation in relations:
        if relation.subject not in vis or relation.object not in vis:
            continue
        edges.append({
            "id": f"r{len(edges)}",
            "from": vis[relation.subject],
            "to": vis[relation.object],
            "predicate": relation.predicate,
            "group": GROUP_NAMES.get(relation.group, relation.group),
            "negated": relation.negated,
            "modality": MODALITY_NAMES.get(relation.modality, relation.modality),
            "ends": [labels[relation.subject], labels[relation.object]],
            "sentence": relation.sentence,
            "path": " › ".join(relation.heading_path),
            "where": f"{relation.note}:{relation.line}",
        })
    return edges
