"""What the page's communities list and report panel carry: every report, its members cut to a page's worth."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.community import Community

MEMBERS = 40  # members a report in the page lists, most central first; communities.json has them all


def community_panel(reports: Sequence[Community], members: int = MEMBERS) -> list[dict[str, Any]]:
    """Return the reports as the page's communities.js reads them, each with at most ``members`` members."""
    shown = []
    for report in reports:
        data = report.to_dict()
        data["members"] = data["members"][:members]
        shown.append(data)
    return shown
