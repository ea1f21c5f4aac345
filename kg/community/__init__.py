"""Community reports: what each community of the graph is about, told in the notes' own sentences.

reports.py makes a report per community, words.py its distinctive words (c-TF-IDF),
structure.py its inner edges, bridges and gaps, markdown.py the vault's report.md, files.py
communities.json and communities.csv, held.py the reports of a graph the API is handed.
"""

from kg.community.held import hold_file, hold_sources, reports_of
from kg.community.reports import Community, CommunityOptions, community_reports

__all__ = ["Community", "CommunityOptions", "community_reports", "hold_file", "hold_sources", "reports_of"]
