"""The build report: what a build read, skipped and found, written beside the graph as report.json.

The same skipped files and counts reach the command line, so a script can read report.json
instead of parsing stderr.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.records import Result


def counts(result: Result) -> dict[str, int]:
    """Return how many notes were read, skipped and left out as kg's own, blocks, mentions, entities and edges."""
    vault, graph = result.vault, result.graph
    return {
        "notes": len(vault.notes),
        "skipped": len(vault.skipped),
        "left_out_by_period": vault.left_out,  # read, but dated outside --since/--until (or undated)
        # kg's own output found in the vault (kg obsidian's entity notes, the report.md of an OUT inside it), left
        # out of the notes read
        "kg_notes": vault.kg_notes,
        "warnings": len(vault.warnings),
        "blocks": sum(len(note.blocks) for note in vault.notes),
        "mentions": result.mention_count,
        # --with-notes adds note nodes and note edges; they are not entities or co-occurrences.
        "entities": sum(1 for _, kind in graph.nodes(data="kind") if kind == "entity"),
        "edges": _cooccurrences(graph),
    }


def _cooccurrences(graph) -> int:
    """Return how many edges are co-occurrences: all of them in a graph of entities only, as a
    build makes it without notes as nodes (counted, not listed: 400,000 edges took 0.25 s to list)."""
    if all(kind == "entity" for _, kind in graph.nodes(data="kind")):
        return graph.number_of_edges()
    return sum(1 for _, _, kind in graph.edges(data="kind") if kind == "cooccurrence")


def report(result: Result, seconds: float) -> dict[str, Any]:
    """Return the counts, elapsed time, skipped files (path and reason), warnings and corrections of a build."""
    return {
        "counts": counts(result),
        "elapsed_seconds": round(seconds, 3),
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.vault.skipped],
        "warnings": list(result.vault.warnings),
        "corrections": list(result.corrections),
        "corrections_unmatched": [c for c in result.corrections if not c["matched"]],
        # rows of each cache that did not read as kg wrote them: computed again and rewritten
        "repaired_cache_rows": {"ner": result.repaired.get("ner", 0), "parse": result.repaired.get("parse", 0)},
    }


def report_json(result: Result, seconds: float) -> str:
    """Return the report of a build as JSON text."""
    return json.dumps(report(result, seconds), ensure_ascii=False, indent=1) + "\n"
