"""The community reports as files: communities.json (every report whole) and communities.csv (a row each).

Lists in a CSV cell are joined as kg.schema joins them; the CSV is written by kg.export.formats,
which guards it against spreadsheet formulas.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.community.markdown import report_markdown
from kg.community.reports import Community, CommunityOptions, community_reports
from kg.schema import LIST_SEP, join
from kg.view.links import note_links

if TYPE_CHECKING:
    from pathlib import Path

    import networkx as nx

    from kg.export.columns import EdgeColumns
    from kg.records import Result

COMMUNITY_FILES = ("communities.json", "communities.csv", "report.md")
CSV_COLUMNS = ["community", "title", "size", "mentions", "notes", "members", "words", "first_seen", "last_seen",
               "bridges", "gaps"]
VERSION = 1


def community_files(result: Result, out: Path, options: CommunityOptions, columns: EdgeColumns | None = None
                    ) -> tuple[tuple[Community, ...], dict[str, str]]:
    """Return the reports of a build's graph, their links leading from the folder ``out``, and their files' texts.

    ``columns`` are the graph's edge_columns, when found already.
    """
    reports = community_reports(result.graph, result.vault.notes, result.entities, result.relations,
                                links=note_links(result.vault.notes, out), options=options, columns=columns)
    return reports, community_texts(result.graph, reports, options, len(result.vault.notes))


def community_texts(graph: nx.Graph, reports: Sequence[Community], options: CommunityOptions, notes: int
                    ) -> dict[str, str]:
    """Return the COMMUNITY_FILES' texts for the reports of graph, built from this many notes."""
    from kg.export.formats import csv_text

    communities = len({c for _, c in graph.nodes(data="community") if c is not None})
    return {
        "communities.json": communities_json(reports, options, communities),
        "communities.csv": csv_text(community_rows(reports), CSV_COLUMNS),
        "report.md": report_markdown(graph, reports, min_size=options.community_min_size, notes=notes),
    }


def communities_json(reports: Sequence[Community], options: CommunityOptions, communities: int) -> str:
    """Return communities.json: the options, how many communities the graph has, and every report, a line each.

    Keys sorted and floats as Python writes them, so the same reports give the same bytes; a line
    per report, from json's C encoder (indenting takes its pure-Python one, slow on thousands of members).
    """
    line = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    head = {"communities": communities, "min_size": options.community_min_size, "version": VERSION}
    lines = ",\n  ".join(line(report.to_dict()) for report in reports)
    return line(head)[:-1] + (f', "reports": [\n  {lines}\n ]}}\n' if reports else ', "reports": []}\n')


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
