"""Quality benchmark: score a built graph against a hand-made gold list of entities.

The scoring functions are pure (graph and gold rows in, report out), so tests can feed them
hand-made graphs; only ``main`` builds a graph from notes.

Example (from a checkout, with kg installed in .venv):
    .venv/bin/python benchmarks/quality.py
    .venv/bin/python benchmarks/quality.py data/ --gold benchmarks/gold/mine.tsv --json
    .venv/bin/python benchmarks/quality.py --all
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.records import ENTITY_TYPES
from kg.schema import split

if TYPE_CHECKING:
    import networkx as nx

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO_ROOT / "benchmarks" / "gold" / "whitepaper_r06_ict_international.tsv"
DEFAULT_PATHS = (REPO_ROOT / "data",)
NOTES_DIR = REPO_ROOT / "benchmarks" / "notes"
GOLD_DIR = REPO_ROOT / "benchmarks" / "gold"
RECALL_TYPES = ("Country", "Organization", "Agreement")
GOLD_HEADER = ("label", "type", "required", "aliases", "also")

# Characters a surface form may carry or drop without naming something else.
_IGNORED = frozenset("・･·「」『』\"")


def normalise(text: str) -> str:
    """Return the matching key of a surface form: NFKC, casefolded, no spaces, dots or quotes."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in _IGNORED)


def _split_forms(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Return the non-empty forms of a '|'-joined string (kg.schema's lists) or of an iterable of strings."""
    if not value:
        return ()
    items = split(value) if isinstance(value, str) else value
    return tuple(s.strip() for s in items if s and s.strip())


@dataclass(frozen=True)
class GoldRow:
    """One entity a careful reader finds in the gold note, with every form that names it."""

    label: str
    type: str
    required: bool
    aliases: tuple[str, ...] = ()
    also: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        """Return the normalised label and aliases: the forms that count as this entity."""
        return frozenset(normalise(s) for s in (self.label, *self.aliases))

    def also_keys(self) -> frozenset[str]:
        """Return the normalised near-duplicate forms that are acceptable but not this entity."""
        return frozenset(normalise(s) for s in self.also) - self.keys()


@dataclass(frozen=True)
class NodeEntry:
    """An entity node of the graph, as the report shows it."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        """Return the normalised label and aliases of the node."""
        return frozenset(normalise(s) for s in (self.label, *self.aliases))


@dataclass(frozen=True)
class QualityReport:
    """Counts and findings of one comparison between a graph and the gold rows.

    A ratio whose denominator is zero is ``None`` (undefined), never a made-up 0 or 1.
    """

    nodes: int
    correct_nodes: int
    required: int
    found: int
    by_type: tuple[tuple[str, int, int], ...]
    typed: int
    typed_correct: int
    missed: tuple[GoldRow, ...]
    false_positives: tuple[NodeEntry, ...]
    splits: tuple[tuple[str, tuple[str, ...]], ...]
    merges: tuple[tuple[str, tuple[str, ...]], ...]
    type_errors: tuple[tuple[str, str, str], ...]

    @property
    def recall(self) -> float | None:
        """Return the share of required gold rows matched by at least one node."""
        return _ratio(self.found, self.required)

    @property
    def precision(self) -> float | None:
        """Return the share of entity nodes that match a gold row."""
        return _ratio(self.correct_nodes, self.nodes)

    @property
    def type_accuracy(self) -> float | None:
        """Return the share of matched nodes whose type is the gold type."""
        return _ratio(self.typed_correct, self.typed)

    def recall_by_type(self) -> dict[str, float | None]:
        """Return recall per gold type (Country, Organization, Agreement)."""
        return {kind: _ratio(found, total) for kind, found, total in self.by_type}

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the figures and the findings."""
        return {
            "recall": self.recall,
            "recall_by_type": self.recall_by_type(),
            "precision": self.precision,
            "type_accuracy": self.type_accuracy,
            "counts": {
                "nodes": self.nodes,
                "correct_nodes": self.correct_nodes,
                "required": self.required,
                "found": self.found,
                "by_type": {k: {"found": f, "required": t} for k, f, t in self.by_type},
                "typed": self.typed,
                "typed_correct": self.typed_correct,
            },
            "missed": [{"label": r.label, "type": r.type} for r in self.missed],
            "false_positives": [asdict(n) for n in self.false_positives],
            "splits": [{"gold": g, "nodes": list(n)} for g, n in self.splits],
            "merges": [{"node": n, "gold": list(g)} for n, g in self.merges],
            "type_errors": [
                {"node": n, "type": t, "gold_type": g} for n, t, g in self.type_errors
            ],
        }


def _ratio(part: int, whole: int) -> float | None:
    """Return part / whole, or None when whole is zero."""
    return part / whole if whole else None


def read_gold(path: str | Path) -> list[GoldRow]:
    """Return the rows of a gold TSV file; raise ValueError naming the line of a bad row."""
    rows: list[GoldRow] = []
    header: tuple[str, ...] | None = None
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = tuple(c.strip() for c in raw.split("\t"))
        if header is None:
            if cells not in (GOLD_HEADER[:4], GOLD_HEADER):
                raise ValueError(f"{path}:{number}: header must be {' TAB '.join(GOLD_HEADER)}")
            header = cells
            continue
        if not 3 <= len(cells) <= len(header):
            raise ValueError(f"{path}:{number}: expected {len(header)} tab-separated cells")
        label, kind, required, *rest = cells + ("",) * (len(GOLD_HEADER) - len(cells))
        if not label:
            raise ValueError(f"{path}:{number}: empty label")
        if kind not in ENTITY_TYPES:
            raise ValueError(f"{path}:{number}: type {kind!r} is not one of {ENTITY_TYPES}")
        if required not in ("yes", "no"):
            raise ValueError(f"{path}:{number}: required must be yes or no, not {required!r}")
        rows.append(
            GoldRow(label, kind, required == "yes", _split_forms(rest[0]), _split_forms(rest[1]))
        )
    if header is None:
        raise ValueError(f"{path}: no header line")
    return rows


def entity_nodes(graph: nx.Graph) -> list[NodeEntry]:
    """Return the graph's entity nodes (kind="entity"), in node order."""
    return [
        NodeEntry(
            str(node),
            str(data.get("label", node)),
            str(data.get("type", "")),
            _split_forms(data.get("aliases")),
        )
        for node, data in graph.nodes(data=True)
        if data.get("kind") == "entity"
    ]


def score(graph: nx.Graph, gold: Sequence[GoldRow]) -> QualityReport:
    """Return the quality report of the graph's entity nodes against the gold rows.

    A node matches a row when one of its forms (label or alias) normalises to one of the row's
    forms. A node matching no row but one row's ``also`` forms is correct but matches nothing.
    """
    nodes = entity_nodes(graph)
    row_keys = [row.keys() for row in gold]
    also_keys = [row.also_keys() for row in gold]
    matches: list[list[int]] = []
    correct = 0
    false_positives: list[NodeEntry] = []
    for node in nodes:
        keys = node.keys()
        hits = [i for i, rk in enumerate(row_keys) if keys & rk]
        matches.append(hits)
        if hits or any(keys & ak for ak in also_keys):
            correct += 1
        else:
            false_positives.append(node)

    matched_by: dict[int, list[NodeEntry]] = {}
    for node, hits in zip(nodes, matches):
        for i in hits:
            matched_by.setdefault(i, []).append(node)

    required = [i for i, row in enumerate(gold) if row.required]
    by_type = tuple(
        (
            kind,
            sum(1 for i in required if gold[i].type == kind and i in matched_by),
            sum(1 for i in required if gold[i].type == kind),
        )
        for kind in RECALL_TYPES
    )
    type_errors = []
    typed = 0
    for node, hits in zip(nodes, matches):
        if not hits:
            continue
        typed += 1
        gold_types = sorted({gold[i].type for i in hits})
        if node.type not in gold_types:
            type_errors.append((node.label, node.type, "|".join(gold_types)))

    return QualityReport(
        nodes=len(nodes),
        correct_nodes=correct,
        required=len(required),
        found=sum(1 for i in required if i in matched_by),
        by_type=by_type,
        typed=typed,
        typed_correct=typed - len(type_errors),
        missed=tuple(gold[i] for i in required if i not in matched_by),
        false_positives=tuple(false_positives),
        splits=tuple(
            (gold[i].label, tuple(n.label for n in found))
            for i, found in sorted(matched_by.items())
            if len(found) > 1
        ),
        merges=tuple(
            (node.label, tuple(gold[i].label for i in hits))
            for node, hits in zip(nodes, matches)
            if len(hits) > 1
        ),
        type_errors=tuple(type_errors),
    )


def _figure(value: float | None) -> str:
    """Return a ratio formatted for the report."""
    return "n/a" if value is None else f"{value:.3f}"


def format_report(report: QualityReport) -> str:
    """Return the human-readable report: figures first, then each list of findings."""
    lines = [
        f"recall         {_figure(report.recall)}  "
        f"({report.found}/{report.required} required rows)",
        *(
            f"  {kind:<13}{_figure(_ratio(found, total))}  ({found}/{total})"
            for kind, found, total in report.by_type
        ),
        f"precision      {_figure(report.precision)}  "
        f"({report.correct_nodes}/{report.nodes} entity nodes)",
        f"type accuracy  {_figure(report.type_accuracy)}  "
        f"({report.typed_correct}/{report.typed} matched nodes)",
        f"splits         {len(report.splits)}",
        f"merges         {len(report.merges)}",
    ]
    sections = [
        (
            "missed required rows",
            [f"{row.type:<13}{row.label}" for row in report.missed],
        ),
        (
            "false-positive nodes (label, type, aliases)",
            [f"{n.label}\t{n.type}\t{'|'.join(n.aliases)}" for n in report.false_positives],
        ),
        (
            "splits (gold row <- nodes)",
            [f"{gold} <- {', '.join(nodes)}" for gold, nodes in report.splits],
        ),
        (
            "merges (node -> gold rows)",
            [f"{node} -> {', '.join(rows)}" for node, rows in report.merges],
        ),
        (
            "type disagreements (node: type, gold type)",
            [f"{node}: {kind}, gold {gold}" for node, kind, gold in report.type_errors],
        ),
    ]
    for title, items in sections:
        lines += ["", f"{title}: {len(items)}", *(f"  {item}" for item in items)]
    return "\n".join(lines)


def gold_notes() -> list[tuple[Path, Path]]:
    """Return (note, gold TSV) for the sample note and each test note of benchmarks/notes with a gold file."""
    notes = [*sorted(DEFAULT_PATHS[0].glob("*.md")), *sorted(NOTES_DIR.glob("*.md"))]
    return [(note, GOLD_DIR / f"{note.stem}.tsv") for note in notes if (GOLD_DIR / f"{note.stem}.tsv").exists()]


def format_table(reports: Sequence[tuple[str, QualityReport]]) -> str:
    """Return one Markdown row per gold note: recall, precision, splits and merges."""
    lines = ["| note | recall | precision | splits | merges |", "|---|---|---|---|---|"]
    lines += [
        f"| {name} | {_figure(r.recall)} ({r.found}/{r.required}) | {_figure(r.precision)} "
        f"({r.correct_nodes}/{r.nodes}) | {len(r.splits)} | {len(r.merges)} |"
        for name, r in reports
    ]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``benchmarks/quality.py``."""
    parser = argparse.ArgumentParser(
        prog="benchmarks/quality.py",
        description="Build the graph of PATHS and score its entity nodes against a gold TSV.",
        epilog="Example: .venv/bin/python benchmarks/quality.py data/ --json",
    )
    quality = parser
    quality.add_argument(
        "paths", nargs="*", type=Path, help=f"notes or folders (default: {DEFAULT_PATHS[0]})"
    )
    quality.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help=f"gold TSV (default: {DEFAULT_GOLD})"
    )
    quality.add_argument("--json", action="store_true", help="print a JSON dict instead")
    quality.add_argument("--all", action="store_true",
                         help="score every gold note (the sample and benchmarks/notes/*.md), one build each")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    pairs = gold_notes() if args.all else [(None, args.gold)]
    try:
        golds = [read_gold(gold) for _, gold in pairs]
    except (OSError, ValueError) as error:
        parser.error(f"cannot read gold file: {error}")
    gold = golds[0]
    try:
        from kg import build
    except ImportError as error:
        parser.exit(1, f"{parser.prog}: cannot import kg.build: {error}\n")
    if args.all:
        reports = [(note.stem, score(build([note]), rows)) for (note, _), rows in zip(pairs, golds)]
        if args.json:
            print(json.dumps({name: r.to_dict() for name, r in reports}, ensure_ascii=False, indent=2))
        else:
            print(format_table(reports))
        return 0

    report = score(build(list(args.paths or DEFAULT_PATHS)), gold)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"gold: {args.gold} ({len(gold)} rows, {report.required} required)")
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
