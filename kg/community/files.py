"""The community reports as files: communities.json (every report whole) and communities.csv (a row each).

Lists in a CSV cell are joined as kg.schema joins them; the CSV is written by kg.export.formats,
which guards it against spreadsheet formulas.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.community.markdown import report_markdown
from kg.community.reports import Community, CommunityOptions
from kg.schema import LIST_SEP, join

if TYPE_CHECKING:
    import networkx as nx

COMMUNITY_FILES = ("communities.json", "communities.csv", "report.md")
CSV_COLUMNS = ["community", "title", "size", "mentions", "notes", "members", "words", "first_seen", "last_seen",
               "bridges", "gaps"]
VERSION = 1


def community_texts(graph: nx.Graph, reports: Sequence[Community], options: CommunityOptions, notes: int) -> dict[str, str]:
    """Return the COMMUNITY_FILES' texts for the reports of graph, built from this many notes."""
    from kg.export.formats import csv_text

    communities = len({c for _, c in graph.nodes(data="community") if c is not None})
    return {
        "communities.json": communities_json(reports, options, communities),
        "communities.csv": csv_text(community_rows(reports), CSV_COLUMNS),
        "report.md": report_markdown(graph, reports, min_size=options.community_min_size, notes=notes),
    }


def communities_json(reports: Sequence[Community], options: CommunityOptions, communities: int) -> str:
    """Return communities.json: the options, how many communities the graph has, and every report.

    Keys sorted and floats as Python writes them, so the same reports give the same bytes.
    """
    data = {"version": VERSION, "min_size": options.community_min_size, "communities": communities,
            "reports": [report.to_dict() for report in reports]}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_communities(text: str) -> tuple[Community, ...]:
    """Return the reports a communities.json holds."""
    return tuple(Community.from_dict(report) for report in json.loads(text)["reports"])


def community_rows(reports: Sequence[Community]) -> list[dict]:
    """Return one row per report: its figures, members and words joined, bridges and gaps as community ids."""
    return [
        {
            "community": r.id,
            "title": r.title,
            "size": r.size,
            "mentions": r.mentions,
            "notes": r.notes,
            "members": join((m.label for m in r.members), LIST_SEP),
            "words": join((w.word for w in r.words), LIST_SEP),
            "first_seen": r.first_seen,
            "last_seen": r.last_seen,
            "bridges": join((b.label for b in r.bridges), LIST_SEP),
            "gaps": join((str(g.community) for g in r.gaps), LIST_SEP),
        }
        for r in reports
    ]
